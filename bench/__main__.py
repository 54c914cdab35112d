"""``python -m bench``: time the vault core at several sizes and print figure, target, result.

Every measured operation runs in its own process (``bench.worker``), so that one
figure's memory and caches do not leak into the next and its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.figures import Figure, figures_for, from_json, markdown, table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
ADMIN, PASSWORD = "Admin Bench", "kata sandi bench yang panjang"


def _say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def run_task(task: str, args: dict[str, Any]) -> dict[str, Any]:
    """Run one worker task in a fresh interpreter and return its JSON result."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.worker", task, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench task {task} failed:\n{proc.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _load() -> list[float] | None:
    """The 1/5/15-minute load average: other work on the PC skews every figure."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu
            )
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        mem = 0
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": round(mem / 1024**3, 1),
        "sqlcipher": cipher[0] if cipher else "",
        "sqlite": sqlite,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--sizes",
        default=None,
        help="vault sizes in accounts, comma-separated (default 1000,10000,50000)",
    )
    p.add_argument(
        "--quick", action="store_true", help="one small vault (1000 accounts), one sample each"
    )
    p.add_argument("--repeats", type=int, default=None, help="samples per figure (default 3)")
    p.add_argument("--kecamatan", type=int, default=25, help="kecamatan to spread accounts over")
    p.add_argument("--workdir", type=Path, default=None, help="where the vaults go (default: temp)")
    p.add_argument("--keep", action="store_true", help="keep the benchmark vaults afterwards")
    p.add_argument(
        "--markdown", action="store_true", help="print the table as Markdown (for the docs)"
    )
    p.add_argument(
        "--show", type=Path, default=None, help="print the table of a saved results file and stop"
    )
    p.add_argument("--no-json", action="store_true", help="do not write bench/results/*.json")
    ns = p.parse_args(argv)
    default_sizes = "1000" if ns.quick else "1000,10000,50000"
    ns.sizes = [int(s.replace("_", "")) for s in (ns.sizes or default_sizes).split(",") if s]
    ns.repeats = ns.repeats or (1 if ns.quick else 3)
    if ns.repeats < 1 or any(s < 1 for s in ns.sizes):
        p.error("sizes and repeats must be positive")
    return ns


def show(path: Path, as_markdown: bool) -> int:
    """Print the table of a results file written by an earlier run."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    figures = from_json(doc["figures"])
    print(f"KDF: {doc['kdf']['describe']}; measured {doc['started_at']} on {doc['machine']}")
    print(
        f"load average before/after: {doc['load_average']['before']} / {doc['load_average']['after']}"
    )
    print(markdown(figures) if as_markdown else table(figures))
    return 0


def main(argv: list[str] | None = None) -> int:
    ns = parse_args(argv)
    if ns.show is not None:
        return show(ns.show, ns.markdown)
    work = Path(tempfile.mkdtemp(prefix="brankas-bench-", dir=ns.workdir))
    started = datetime.now(UTC)
    load_before = _load()
    figures: list[Figure] = []
    raw: dict[str, Any] = {}
    try:
        _say("calibrating the production KDF on this PC")
        kdf = run_task("calibrate", {"repeats": ns.repeats})
        _say(f"KDF: {kdf['describe']}")
        for size in ns.sizes:
            args = {
                "folder": str(work / f"vault-{size}"),
                "admin": ADMIN,
                "password": PASSWORD,
                "kdf": {k: kdf[k] for k in ("memory_kib", "time_cost", "parallelism")},
                "size": size,
                "kecamatan": ns.kecamatan,
                "repeats": ns.repeats,
            }
            runs: dict[str, dict[str, Any]] = {}
            tasks = ["create", "unlock", "backup", "remove"]
            for task in tasks:
                _say(f"{size:,} accounts: {task}")
                runs[task] = run_task(task, args)
            raw[str(size)] = runs
            figures.extend(figures_for(size, runs))
    finally:
        if ns.keep:
            _say(f"vaults kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    load_after = _load()
    print(f"KDF: {kdf['describe']} (calibrated here in {kdf['calibrate_s']:.1f} s)")
    print(f"load average before/after: {load_before} / {load_after} on {os.cpu_count()} CPUs")
    print(markdown(figures) if ns.markdown else table(figures))
    failed = [f for f in figures if f.ok is False]
    if not ns.no_json:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"bench-{started:%Y%m%dT%H%M%SZ}.json"
        doc = {
            "started_at": started.isoformat(timespec="seconds"),
            "machine": machine(),
            "load_average": {"before": load_before, "after": load_after},
            "kdf": kdf,
            "sizes": ns.sizes,
            "repeats": ns.repeats,
            "kecamatan": ns.kecamatan,
            "figures": [f.to_json() for f in figures],
            "raw": raw,
        }
        out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    print(f"{len(failed)} of {sum(f.ok is not None for f in figures)} targets missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
