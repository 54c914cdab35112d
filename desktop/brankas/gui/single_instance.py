"""One Brankas per user and vault: a second launch asks the first to show itself (and to
open the files it was given), then exits."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_MESSAGE = b"raise\n"
# Then one line per file, ``open "<absolute path>"`` (a JSON string: any path fits on one
# line), and ``end``. An older Brankas finds "raise" and ignores the rest.
_OPEN = b"open "
_END = b"end\n"
_MAX_MESSAGE = 64 * 1024
_TIMEOUT_MS = 1000


def encode_message(files: Sequence[Path] = ()) -> bytes:
    """What a second launch sends: raise, the files to open (absolute paths), end."""
    lines = [_OPEN + json.dumps(str(f.absolute())).encode() + b"\n" for f in files]
    return _MESSAGE + b"".join(lines) + _END


def decode_files(data: bytes) -> list[Path]:
    """The files named in a message (lines that do not parse are skipped)."""
    files = []
    for line in data.splitlines():
        if not line.startswith(_OPEN):
            continue
        try:
            name = json.loads(line[len(_OPEN) :].decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(name, str) and name:
            files.append(Path(name))
    return files


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
    files_requested = Signal(list)  # list[Path], after activation_requested

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    def notify_running(self, files: Sequence[Path] = ()) -> bool:
        """If another instance listens on the key, ask it to raise its window and open
        ``files``.

        Returns:
            True when another instance answered (this one should exit).
        """
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(encode_message(files))
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
            data = b""
            while len(data) < _MAX_MESSAGE:
                if not socket.bytesAvailable() and not socket.waitForReadyRead(_TIMEOUT_MS // 5):
                    break  # an older Brankas sends no "end"; or the sender is gone
                data += bytes(socket.readAll().data())
                if data.endswith(_END):
                    break
            socket.disconnectFromServer()
            socket.deleteLater()
            if _MESSAGE.strip() in data:
                self.activation_requested.emit()
                files = decode_files(data)
                if files:
                    self.files_requested.emit(files)
