"""One Brankas per user and vault: a second launch asks the first to show itself, then exits."""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_MESSAGE = b"raise\n"
_TIMEOUT_MS = 1000


def instance_key(vault_folder: Path, user: str | None = None) -> str:
    """The local-socket name for ``user`` and ``vault_folder`` (short: socket paths are
    limited to ~100 bytes; hashed: the folder path may hold anything)."""
    who = user if user is not None else getpass.getuser()
    where = str(vault_folder.expanduser().resolve())
    digest = hashlib.sha256(f"{who}\0{where}".encode()).hexdigest()[:24]
    return f"brankas-{digest}"


class SingleInstance(QObject):
    """Owns the local server of the first instance; tells an existing one to raise."""

    activation_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """If another instance listens on the key, ask it to raise its window.

        Returns:
            True when another instance answered (this one should exit).
        """
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the instance others find. Returns False if the name could not be taken."""
        server = QLocalServer(self)
        # Only this user may connect (the socket file gets mode 0700 on Unix).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # A crashed instance can leave its socket file behind; nobody answered on it
            # (notify_running was False), so it is stale.
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                log.warning("single-instance server could not listen: %s", server.errorString())
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The other instance writes at once and leaves; a short synchronous read keeps
            # no half-read sockets (and their signal connections) around.
            if not socket.bytesAvailable():
                socket.waitForReadyRead(_TIMEOUT_MS // 5)
            data = bytes(socket.readAll().data())
            socket.disconnectFromServer()
            socket.deleteLater()
            if _MESSAGE.strip() in data:
                self.activation_requested.emit()
