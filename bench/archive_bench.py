"""``python -m bench.archive_bench``: time the review archive (export, verify, import, dashboard).

Builds (or reuses, with ``--keep``) the heavy data set of :mod:`bench.domain_bench` — by
default 50,000 accounts over 7,300 kecamatan in mixed states, with their secrets, custody,
handovers and ~235,000 checklist items — in a regency vault, a province vault that trusts
it, and 40 regencies × 500 accounts imported into a second province vault. Then measures
(issue #6): export (``export_archive``, integrity checks and signing included, to a file),
verify (signature + payload hash), verify + import into the province vault, the peak
memory of an import in a fresh process, and the province dashboard (``overview``) cold and
warm. Prints: figure, target, measured, pass/fail; writes ``bench/results/archive-<time>.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.__main__ import machine
from bench.domain_bench import ADMIN, PASSWORD, TODAY, Row, generate, table
from bench.worker import peak_rss_mib, reset_peak
from brankas.core.archive import keys
from brankas.core.archive.export import ExportResult, export_archive
from brankas.core.archive.province import import_archive, list_imports
from brankas.core.archive.review_mode import ReviewCache, overview
from brankas.core.archive.verify import verify_signature_only
from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.domain.enums import OfficeKind
from brankas.core.secret import Secret
from brankas.core.storage.repos import office
from brankas.core.vault.vault import Vault

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
EXPORT_S, IMPORT_S, DASHBOARD_S, IMPORT_MIB = 5.0, 5.0, 1.0, 500.0
DASHBOARD_ARCHIVES, DASHBOARD_ACCOUNTS, DASHBOARD_KECAMATAN = 40, 500, 73


def _say(text: str) -> None:
    print(f"[archive-bench] {text}", file=sys.stderr, flush=True)


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _kdf() -> KdfParams:
    return KdfParams(65536, 3, 2, new_salt())  # the production floor: quick to unlock


def _create(folder: Path, kind: OfficeKind, name: str) -> Vault:
    vault, _kit = Vault.create(
        folder,
        office_kind=kind,
        office_name=name,
        admin_name=ADMIN,
        admin_password=Secret(PASSWORD),
        kdf=_kdf(),
    )
    return vault


def _unlock(folder: Path) -> Vault:
    return Vault.unlock(folder, ADMIN, Secret(PASSWORD))


def _regency(folder: Path, code: str, accounts: int, kecamatan: int, province: Vault) -> Vault:
    """A regency vault with the heavy data set, its office code and the province's key."""
    if (folder / "vault.keys").exists():
        return _unlock(folder)
    _say(f"generating {accounts:,} accounts over {kecamatan:,} kecamatan in {folder} …")
    start = time.perf_counter()
    vault = _create(folder, OfficeKind.REGENCY, f"Bawaslu Kabupaten Contoh {code}")
    generate(vault.conn, accounts, kecamatan)
    own = office.own_office(vault.conn)
    office.update_office(vault.conn, dataclasses.replace(own, code=code))
    keys.set_province_recipient(vault, keys.recipient_file_text(province))
    _say(f"generated in {time.perf_counter() - start:.1f} s")
    return vault


def _province(folder: Path, name: str = "Bawaslu Provinsi Contoh") -> Vault:
    if (folder / "vault.keys").exists():
        return _unlock(folder)
    return _create(folder, OfficeKind.PROVINCE, name)


def _export(vault: Vault, out: Path) -> ExportResult:
    term_ids = [r[0] for r in vault.conn.execute("SELECT id FROM term ORDER BY id")]
    out.mkdir(parents=True, exist_ok=True)
    return export_archive(vault, term_ids=term_ids, out_dir=out)


def _copy_vault(base: Path, to: Path) -> Path:
    """A fresh copy of a closed vault folder (each import needs a province that has not
    seen the archive yet: a second import of one export id is refused as a replay)."""
    shutil.rmtree(to, ignore_errors=True)
    shutil.copytree(base, to, ignore=shutil.ignore_patterns("*.lock", "backups"))
    return to


def _timed_import(base: Path, work: Path, archive: Path, fingerprint: str) -> float:
    vault = _unlock(_copy_vault(base, work))
    try:
        start = time.perf_counter()
        import_archive(vault, archive, confirm_fingerprint=fingerprint)
        return time.perf_counter() - start
    finally:
        vault.close(backup=False)


def child_import(base: Path, work: Path, archive: Path, fingerprint: str) -> dict[str, Any]:
    """In a fresh process: import ``archive`` into a copy of ``base``; peak RSS of the import
    alone (reset after the unlock, whose Argon2 allocates 64 MiB)."""
    vault = _unlock(_copy_vault(base, work))
    try:
        reset_peak()
        start = time.perf_counter()
        import_archive(vault, archive, confirm_fingerprint=fingerprint)
        seconds = time.perf_counter() - start
        rss = peak_rss_mib()
    finally:
        vault.close(backup=False)
    return {"import_s": seconds, "import_rss_mib": rss}


def _run_child(base: Path, work: Path, archive: Path, fingerprint: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.archive_bench", "--child-import", str(archive)]
    cmd += ["--child-base", str(base), "--child-work", str(work), "--child-fp", fingerprint]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"the import child failed:\n{proc.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _dashboard_vault(folder: Path, kecamatan: int) -> Vault:
    """A province vault holding 40 regencies' archives of 500 accounts each."""
    province = _province(folder / "province")
    if len(list_imports(province.conn)) >= DASHBOARD_ARCHIVES:
        return province
    _say(f"making {DASHBOARD_ARCHIVES} regencies × {DASHBOARD_ACCOUNTS} accounts …")
    for n in range(1, DASHBOARD_ARCHIVES + 1):
        code = f"BENCH{n:02d}"
        regency = _regency(folder / code, code, DASHBOARD_ACCOUNTS, kecamatan, province)
        try:
            result = _export(regency, folder / "archives")
        finally:
            regency.close(backup=False)
        import_archive(
            province, result.path, confirm_fingerprint=result.manifest.signer.fingerprint
        )
        shutil.rmtree(folder / code)
    return province


def _row(name: str, target: str, limit: float | None, samples: list[float], load: float) -> Row:
    value = statistics.median(samples)
    shown = f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return (name, target, f"{shown} [load {load}]", None if limit is None else value < limit)


def measure(work: Path, accounts: int, kecamatan: int, repeats: int) -> tuple[list[Row], Any]:
    """Every figure; returns the rows and the raw samples."""
    rows: list[Row] = []
    raw: dict[str, Any] = {}
    province = _province(work / "province")
    try:
        regency = _regency(work / "regency", "BENCH", accounts, kecamatan, province)
    finally:
        province.close(backup=False)
    try:
        times, archives, loads = [], [], []
        for n in range(repeats):
            _say(f"export {n + 1}/{repeats}")
            start = time.perf_counter()
            archives.append(_export(regency, work / "archives"))
            times.append(time.perf_counter() - start)
            loads.append(_load())
    finally:
        regency.close(backup=False)
    size = archives[-1].size
    raw["export_s"], raw["archive_bytes"], raw["export_load"] = times, size, loads
    raw["counts"] = dict(archives[-1].manifest.counts)
    rows.append(_row(f"export ({size / 2**20:.1f} MiB file)", "< 5 s", EXPORT_S, times, max(loads)))

    path = archives[-1].path
    fp = archives[-1].manifest.signer.fingerprint
    verify = []
    for _ in range(repeats):
        start = time.perf_counter()
        verify_signature_only(path)
        verify.append(time.perf_counter() - start)
    raw["verify_s"] = verify
    rows.append(_row("  verify (signature + payload hash)", "info", None, verify, _load()))

    scratch = work / "scratch"
    imports, loads = [], []
    for n, result in enumerate(archives):
        _say(f"import {n + 1}/{repeats}")
        imports.append(_timed_import(work / "province", scratch, result.path, fp))
        loads.append(_load())
    raw["import_s"], raw["import_load"] = imports, loads
    rows.append(
        _row("verify + import into the province vault", "< 5 s", IMPORT_S, imports, max(loads))
    )

    _say("import in a fresh process (peak RSS)")
    child = _run_child(work / "province", scratch, path, fp)
    shutil.rmtree(scratch, ignore_errors=True)
    raw["child"] = child
    rss = child["import_rss_mib"]
    rows.append(
        (
            "peak RSS during an import (fresh process)",
            "< 500 MiB",
            f"{rss:.0f} MiB [{child['import_s']:.2f} s, load {_load()}]",
            rss < IMPORT_MIB,
        )
    )

    dash = _dashboard_vault(work / "dashboard", DASHBOARD_KECAMATAN)
    try:
        cold, warm = [], []
        for _ in range(repeats):
            cache = ReviewCache()
            start = time.perf_counter()
            got = overview(dash, today=TODAY, cache=cache)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            overview(dash, today=TODAY, cache=cache)
            warm.append(time.perf_counter() - start)
    finally:
        dash.close(backup=False)
    raw["dashboard_cold_s"], raw["dashboard_warm_s"], raw["dashboard_rows"] = cold, warm, len(got)
    label = f"{DASHBOARD_ARCHIVES} archives × {DASHBOARD_ACCOUNTS} accounts"
    rows.append(_row(f"province dashboard, {label}, cold", "< 1 s", DASHBOARD_S, cold, _load()))
    rows.append(_row("  the same, warm (archives cached)", "< 1 s", DASHBOARD_S, warm, _load()))
    return rows, raw


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the vaults, measure, print the table; exit 1 if a target is missed."""
    p = argparse.ArgumentParser(prog="python -m bench.archive_bench", description=__doc__)
    p.add_argument("--accounts", type=int, default=50_000)
    p.add_argument("--kecamatan", type=int, default=None, help="default: 7,300 per 50,000")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--keep", type=Path, help="folder to create the vaults in once and reuse")
    p.add_argument("--no-json", action="store_true", help="do not write bench/results/*.json")
    for hidden in ("--child-import", "--child-base", "--child-work", "--child-fp"):
        p.add_argument(hidden, help=argparse.SUPPRESS)
    ns = p.parse_args(argv)
    if ns.child_import:
        got = child_import(
            Path(ns.child_base), Path(ns.child_work), Path(ns.child_import), ns.child_fp
        )
        print(json.dumps(got), flush=True)
        return 0
    kecamatan = ns.kecamatan or max(1, ns.accounts * 7_300 // 50_000)
    started, before = datetime.now(UTC), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="brankas-archive-bench-") as tmp:
        work = ns.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows, raw = measure(work, ns.accounts, kecamatan, ns.repeats)
        if ns.keep:
            shutil.rmtree(work / "archives", ignore_errors=True)
    after = os.getloadavg()
    print(f"{ns.accounts:,} accounts over {kecamatan:,} kecamatan; data: "
          + ", ".join(f"{k} {v:,}" for k, v in raw["counts"].items()))  # fmt: skip
    print(table(rows))
    print(f"load average before/after: {before} / {after} on {os.cpu_count()} CPUs")
    if not ns.no_json:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"archive-{started:%Y%m%dT%H%M%SZ}.json"
        doc = {
            "started_at": started.isoformat(timespec="seconds"),
            "machine": machine(),
            "load_average": {"before": before, "after": after},
            "accounts": ns.accounts,
            "kecamatan": kecamatan,
            "repeats": ns.repeats,
            "figures": [
                dict(zip(("figure", "target", "measured", "ok"), r, strict=True)) for r in rows
            ],
            "raw": raw,
        }
        out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
