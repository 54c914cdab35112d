"""``python -m bench.all``: run every benchmark module and print ONE table.

Each module runs in its own process, at each size where it takes one (1,000 / 10,000 /
50,000 accounts by default), and its printed table is read back into rows of figure,
size, target, measured and pass/FAIL. A module that fails to run shows as one FAIL row.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Row:
    """One figure of one module at one size."""

    module: str
    figure: str
    size: str
    target: str
    measured: str
    result: str  # pass, FAIL or info


_VERDICT = {"pass": "pass", "ok": "pass", "FAIL": "FAIL", "MISSED": "FAIL", "info": "info", "-": "info"}  # fmt: skip


def _columns(line: str) -> list[str]:
    return [c for c in re.split(r"\s{2,}", line.strip()) if c]


def parse_table(module: str, size: str, text: str) -> list[Row]:
    """Rows from a module's printed table (header with figure/target/measured/result)."""
    rows: list[Row] = []
    head: list[str] | None = None
    for line in text.splitlines():
        cols = _columns(line)
        if not cols or set(line.strip()) <= {"-", " "}:
            continue
        if cols[0] in ("figure", "operation") and head is None:
            head = cols
            continue
        verdict = _VERDICT.get(line.split()[-1]) if line.split() else None
        if head is None or verdict is None:
            m = re.match(
                r"batch (\w+)\s+(.*?): median (\S+ ms).*target (< \S+ ms) (ok|MISSED)", line
            )
            if m:
                rows.append(Row(module, f"batch {m.group(1)}", m.group(2), m.group(4),
                                m.group(3), _VERDICT[m.group(5)]))  # fmt: skip
            continue
        named = dict(zip(head, cols, strict=False))
        if module == "keepassxc":
            rows.append(Row(module, f"{cols[0]} ex-KDF B/K (KXC {named.get('KXC ex-KDF', '')})",
                            cols[1], named.get("target", ""), f"{named.get('Brankas ex-KDF', '')} "
                            f"ratio {named.get('B/K', '')}", _VERDICT.get(named.get("speed", ""), "info")))  # fmt: skip
            rows.append(Row(module, f"{cols[0]} peak RSS after KDF (KXC {named.get('KXC RSS', '')})", cols[1],
                            "≤ half", named.get("Brankas RSS ex-KDF", named.get("Brankas RSS", "")), _VERDICT.get(named.get("memory", ""), "info")))  # fmt: skip
            continue
        rows.append(Row(module, cols[0].strip(), named.get("accounts", size),
                        named.get("target", ""), named.get("measured", named.get("median", "")), verdict))  # fmt: skip
    return rows


def plan(sizes: list[int], quick: bool) -> list[tuple[str, str, list[str]]]:
    """(module label, size label, argv) for every run."""
    py = [sys.executable, "-m"]
    rep = ["--repeats", "1"] if quick else []
    runs = [
        ("core", "all", [*py, "bench", "--sizes", ",".join(map(str, sizes)), "--no-json", *rep])
    ]
    for n in sizes:
        runs.append(("domain", f"{n:,}", [*py, "bench.domain_bench", "--accounts", str(n), *rep]))
        runs.append(("gui", f"{n:,}", [*py, "bench.gui_bench", "--accounts", str(n), *rep]))
        runs.append(("archive", f"{n:,}", [*py, "bench.archive_bench", "--accounts", str(n), "--no-json", *rep]))  # fmt: skip
    big = [n for n in sizes if n >= 10_000] or sizes
    runs.append(("keepassxc", "all", [*py, "bench.keepassxc_compare", "--sizes",
                                      ",".join(map(str, big)), *(["--repeats", "3"] if quick else [])]))  # fmt: skip
    runs.append(("import", f"{max(sizes):,}", [*py, "bench.import_bench", "--accounts", str(max(sizes)), *rep]))  # fmt: skip
    runs.append(("handover", "500", [*py, "bench.handover_bench", *rep]))
    runs.append(("documents", "240", [*py, "bench.documents_bench", *rep]))
    return runs


def table(rows: list[Row]) -> str:
    """ONE plain-text table."""
    head = ("module", "figure", "size", "target", "measured", "result")
    cells = [(r.module, r.figure, r.size, r.target, r.measured, r.result) for r in rows]
    widths = [max(len(c[i]) for c in (head, *cells)) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in (head, *cells)]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.all", description=__doc__)
    p.add_argument("--sizes", default="1000,10000,50000")
    p.add_argument("--quick", action="store_true", help="one sample per figure")
    p.add_argument("--only", default="", help="comma-separated modules (core,domain,gui,...)")
    ns = p.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in ns.sizes.split(",") if s]
    only = {m for m in ns.only.split(",") if m}
    rows: list[Row] = []
    for module, size, cmd in plan(sizes, ns.quick):
        if only and module not in only:
            continue
        print(f"[bench.all] {module} {size}", file=sys.stderr, flush=True)
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        got = parse_table(module, size, done.stdout)
        if not got:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            got = [Row(module, "did not run", size, "", tail[0][:60], "FAIL")]
        rows.extend(got)
    print(table(rows))
    failed = sum(r.result == "FAIL" for r in rows)
    print(f"{failed} of {sum(r.result != 'info' for r in rows)} targets missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
