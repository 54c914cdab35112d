"""Start a reliability child (rel_child.py), read its lines, and kill it at a chosen moment."""

from __future__ import annotations

import dataclasses
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from brankas.core.crypto.kdf import KdfPolicy

CHILD = Path(__file__).with_name("rel_child.py")
# Generous: a child that hangs must fail the test, not stall the suite.
CHILD_TIMEOUT_S = 30.0


def policy_fields(policy: KdfPolicy) -> dict[str, int]:
    """The policy as the child rebuilds it (``KdfPolicy(**fields)``)."""
    return dataclasses.asdict(policy)


class Child:
    """A running rel_child.py; stdout is read line by line without blocking past a deadline."""

    def __init__(
        self,
        mode: str,
        args: dict[str, Any],
        *,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), mode, json.dumps(args)],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        if stdin is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.write(stdin.encode())
            self.proc.stdin.close()
        self.lines: list[str] = []
        self.stderr = ""
        self._buf = b""
        self._eof = False
        self._sel = selectors.DefaultSelector()
        assert self.proc.stdout is not None
        os.set_blocking(self.proc.stdout.fileno(), False)
        self._sel.register(self.proc.stdout, selectors.EVENT_READ)
        self.started = time.monotonic()

    def _pump(self, timeout: float) -> None:
        """Read whatever arrives within ``timeout`` seconds into :attr:`lines`."""
        if self._eof:
            return
        assert self.proc.stdout is not None
        if not self._sel.select(max(0.0, timeout)):
            return
        chunk = self.proc.stdout.read()
        if chunk is None:
            return
        if chunk == b"":
            self._eof = True
        self._buf += chunk
        *done, self._buf = self._buf.split(b"\n")
        self.lines.extend(d.decode() for d in done)

    def wait_for(self, prefix: str, timeout: float = CHILD_TIMEOUT_S) -> str:
        """Read until a line starting with ``prefix`` arrives; fail if the child ends first."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for line in self.lines[seen:]:
                if line.startswith(prefix):
                    return line
            seen = len(self.lines)
            left = deadline - time.monotonic()
            if self._eof or left <= 0:
                self.kill()
                raise AssertionError(
                    f"child never printed {prefix!r}; stdout={self.lines[-5:]}, "
                    f"stderr={self.stderr[-2000:]}"
                )
            self._pump(left)

    def read_for(self, seconds: float) -> None:
        """Keep reading for ``seconds`` (the child keeps working meanwhile)."""
        deadline = time.monotonic() + seconds
        while not self._eof and (left := deadline - time.monotonic()) > 0:
            self._pump(left)

    def kill(self) -> int:
        """SIGKILL now, reap, and collect every line printed before death. Returns the
        exit status (negative: killed by that signal)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        return self.finish()

    def finish(self, timeout: float = CHILD_TIMEOUT_S) -> int:
        """Wait for the child to end by itself, collect its output and close its pipes."""
        deadline = time.monotonic() + timeout
        while not self._eof:
            left = deadline - time.monotonic()
            if left <= 0:
                self.proc.kill()
                self.proc.wait()
                self._close()
                raise AssertionError(f"child did not end in time; stdout={self.lines[-5:]}")
            self._pump(left)
        status = self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        self._close()
        return status

    def _close(self) -> None:
        self._sel.close()
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.proc.stdout.close()
        self.stderr = self.proc.stderr.read().decode(errors="replace")
        self.proc.stderr.close()

    def stderr_text(self) -> str:
        """The child's stderr once it has ended (empty before)."""
        return self.stderr

    def acked(self) -> list[int]:
        """Transaction numbers the child acknowledged (``ack <n>``)."""
        return [int(line.split()[1]) for line in self.lines if line.startswith("ack ")]
