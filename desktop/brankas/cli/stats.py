"""``brankas-cli --stats``: the KDF's time, the rest's time and the peak memory after the KDF.

The password KDF (Argon2id, 64 MiB or more) is by design the costliest step of every
command in both time and memory, and it does not depend on the vault's size. To see what
the rest costs, the kernel's resident-set high-water mark is reset right after the KDF
returns (writing ``5`` to ``/proc/self/clear_refs``, Linux only) and read back (``VmHWM``)
when the command ends. Elsewhere that figure is reported as ``n/a``.

The reset also clears what ``getrusage``/``wait4`` report as the process's peak
(``ru_maxrss`` is the same kernel counter), so the total peak printed here is the larger
of the mark read just before each reset and the one at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

_PROC = Path("/proc/self")


def reset_peak_rss() -> bool:
    """Reset this process's peak resident set size to its current size.

    Returns:
        True when the kernel accepted it (Linux ≥ 4.0), False elsewhere.
    """
    try:
        (_PROC / "clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_kib() -> int | None:
    """``VmHWM`` from ``/proc/self/status``: the peak resident set since start or reset."""
    try:
        for line in (_PROC / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def total_peak_rss_kib() -> int | None:
    """The process's peak resident set since it started (``ru_maxrss``), None where unknown."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak // 1024) if sys.platform == "darwin" else int(peak)  # macOS: bytes


class RunStats:
    """Collects the figures of one command; :meth:`on_kdf` goes to ``observe_kdf``."""

    def __init__(self, started: float) -> None:
        """Start counting.

        Args:
            started: ``time.perf_counter()`` when brankas-cli started.
        """
        self.started = started
        self.kdf_seconds = 0.0
        self.kdf_runs = 0
        self.reset_ok: bool | None = None  # None: no KDF ran
        self.peak_before_reset_kib: int | None = None

    def on_kdf(self, seconds: float) -> None:
        """Called right after each KDF derivation: count it, reset the high-water mark."""
        self.kdf_seconds += seconds
        self.kdf_runs += 1
        before = peak_rss_kib()
        if before is not None:
            self.peak_before_reset_kib = max(before, self.peak_before_reset_kib or 0)
        self.reset_ok = reset_peak_rss()

    def report(self, now: float | None = None) -> str:
        """One line: KDF time, the rest's time, peak RSS after the KDF, total peak RSS."""
        total = (time.perf_counter() if now is None else now) - self.started
        after = peak_rss_kib() if self.reset_ok else None
        whole = total_peak_rss_kib()
        if whole is not None and self.peak_before_reset_kib is not None:
            whole = max(whole, self.peak_before_reset_kib)
        return (
            f"stats: kdf {self.kdf_seconds:.3f} s ({self.kdf_runs}x); "
            f"rest {max(total - self.kdf_seconds, 0.0):.3f} s; "
            f"peak RSS after kdf {_mib(after)}; peak RSS total {_mib(whole)}"
        )

    def print(self, stream: TextIO | None = None) -> None:
        """Write :meth:`report` to ``stream`` (standard error by default)."""
        print(self.report(), file=stream or sys.stderr, flush=True)


def _mib(kib: int | None) -> str:
    return "n/a" if kib is None else f"{kib / 1024:.1f} MiB"
