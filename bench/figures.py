"""The benchmark figures, their targets (issue #2 and DESIGN.md), and the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

Check = Callable[[float], bool]


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure at one vault size (seconds are the median of the samples)."""

    name: str
    accounts: int
    target: str
    seconds: float
    samples: list[float]
    rss_mib: float | None
    ok: bool | None  # None: no target, shown for context

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# name -> (target text, check); a figure without a target is informational.
TARGETS: dict[str, tuple[str, Check | None]] = {
    "unlock (production KDF)": ("0.5–1 s", lambda s: 0.5 <= s <= 1.0),
    "  KDF alone": ("—", None),
    "open after KDF": ("< 50 ms", lambda s: s < 0.050),
    "open + page HMAC check": ("< 50 ms", lambda s: s < 0.050),
    "  cipher_integrity_check": ("—", None),
    "  quick_check": ("—", None),
    "unlock after KDF (all)": ("< 50 ms", lambda s: s < 0.050),
    "insert accounts + secrets": ("< 10 s", lambda s: s < 10.0),
    "backup": ("< 1 s", lambda s: s < 1.0),
    "remove operator (rekey)": ("< 2 s", lambda s: s < 2.0),
    "  PRAGMA rekey alone": ("—", None),
}


def figure(name: str, accounts: int, samples: list[float], rss_mib: float | None) -> Figure:
    """Summarise ``samples`` (seconds) and judge them against the figure's target."""
    target, check = TARGETS[name]
    median = statistics.median(samples)
    return Figure(
        name, accounts, target, median, samples, rss_mib, None if check is None else check(median)
    )


def figures_for(size: int, runs: dict[str, dict[str, Any]]) -> list[Figure]:
    """The figures of one vault size from its workers' results."""
    c, u, b, r = runs["create"], runs["unlock"], runs["backup"], runs["remove"]
    rekey_alone = [
        seconds for steps in r["remove_steps_s"] for k, seconds in steps.items() if k == "3:rekey"
    ]
    out = [
        figure("unlock (production KDF)", size, u["unlock_s"], u["unlock_rss_mib"]),
        figure("  KDF alone", size, u["kdf_s"], None),
        figure("open after KDF", size, u["open_s"], u["open_rss_mib"]),
        figure("open + page HMAC check", size, u["open_integrity_s"], u["open_rss_mib"]),
        figure("  cipher_integrity_check", size, u["cipher_integrity_check_s"], None),
        figure("  quick_check", size, u["quick_check_s"], None),
        figure("unlock after KDF (all)", size, u["unlock_after_kdf_s"], None),
        figure("insert accounts + secrets", size, [c["insert_s"]], c["insert_rss_mib"]),
        figure("backup", size, b["backup_s"], b["backup_rss_mib"]),
        figure("remove operator (rekey)", size, r["remove_s"], r["remove_rss_mib"]),
        figure("  PRAGMA rekey alone", size, rekey_alone or [0.0], None),
    ]
    return out


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


_HEAD = ("figure", "accounts", "target", "measured", "peak RSS", "result")


def _cells(figures: list[Figure]) -> list[tuple[str, ...]]:
    return [
        (
            f.name,
            f"{f.accounts:,}",
            f.target,
            _duration(f.seconds),
            "" if f.rss_mib is None else f"{f.rss_mib:.0f} MiB",
            "info" if f.ok is None else "pass" if f.ok else "FAIL",
        )
        for f in figures
    ]


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table."""
    head, rows = _HEAD, _cells(figures)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    right = {1, 3, 4}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), rule, *(line(r) for r in rows)])


def markdown(figures: list[Figure]) -> str:
    """The figures as a Markdown table, one column per vault size (for docs/benchmarks.md)."""
    sizes = sorted({f.accounts for f in figures})
    names = list(dict.fromkeys(f.name for f in figures))
    by = {(f.name, f.accounts): f for f in figures}
    head = ["figure", "target", *(f"{n:,} accounts" for n in sizes)]
    head += [f"peak RSS ({sizes[-1]:,})", "result"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        row = [by.get((name, n)) for n in sizes]
        got = [f for f in row if f is not None]
        label = f"↳ {name.strip()}" if name.startswith("  ") else name
        results = ["info" if f.ok is None else "pass" if f.ok else "**FAIL**" for f in got]
        last = row[-1]
        cells = [
            label,
            got[0].target,
            *("" if f is None else _duration(f.seconds) for f in row),
            "" if last is None or last.rss_mib is None else f"{last.rss_mib:.0f} MiB",
            "info" if set(results) == {"info"} else " / ".join(results),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def from_json(items: list[dict[str, Any]]) -> list[Figure]:
    """Figures back from a results file."""
    return [Figure(**item) for item in items]
