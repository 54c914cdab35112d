"""``python -m bench.import_bench``: time import and register export.

Figures (median of ``--repeats`` runs; each import goes into a fresh vault):

* first preview page: the file chosen → header, mapping and the first 100 preview rows
  (a quick read of the first 200 rows), for a 10,000-row XLSX and CSV — target < 1 s;
* import of 10,000 rows: read, map, preview every row, one transaction into the vault —
  XLSX < 5 s, CSV < 2 s (a dry run is shown too: it is what the wizard runs first);
* register export of 50,000 accounts, XLSX and CSV — target < 5 s.

The files are plainly fake and messy the way office sheets are: a title block, numbers
where phone numbers should be, an e-mail column, extra columns kept as notes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from bench.synthetic import add_synthetic_places, synthetic_accounts
from brankas.core.crypto.kdf import KdfParams, new_salt
from brankas.core.domain.enums import Election, OfficeKind
from brankas.core.importers.apply import apply_import, dry_run
from brankas.core.importers.detect import open_import
from brankas.core.importers.export import export_register
from brankas.core.importers.preview import ImportOptions, build_preview
from brankas.core.importers.vaultview import load_vault_view
from brankas.core.secret import Secret
from brankas.core.services import office, terms
from brankas.core.services.context import ServiceContext
from brankas.core.storage.repos.account import add_accounts
from brankas.core.vault.vault import Vault

ADMIN, PASSWORD = "Admin Bench", "kata sandi bench impor yang panjang"
PLATFORMS = ("Instagram", "Facebook", "Twitter", "TikTok", "YouTube")
KECAMATAN = 40
PAGE, QUICK_ROWS = 100, 200


def _say(text: str) -> None:
    print(f"[import-bench] {text}", file=sys.stderr, flush=True)


def _rows(n: int) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["DAFTAR AKUN MEDIA SOSIAL PANWASLU KECAMATAN (CONTOH)"],
        ["Kabupaten Contoh — data rekaan untuk uji kecepatan"],
        [],
        ["No", "Kecamatan", "Media Sosial", "Nama Akun", "Kata Sandi", "No HP",
         "Email Pemulihan", "Link", "Keterangan", "Dibuat Oleh"],
    ]  # fmt: skip
    for i in range(n):
        kec = f"Kecamatan Uji {i % KECAMATAN + 1:03d}"
        platform = PLATFORMS[i % len(PLATFORMS)]
        rows.append(
            [
                i + 1,
                kec,
                platform,
                f"panwas{i:05d}",
                f"Sandi-Contoh-{i:05d}!",
                81200000000 + i,  # a phone number Excel turned into a number
                f"kec{i % KECAMATAN:03d}@contoh.invalid",
                "",
                "data rekaan" if i % 7 == 0 else "",
                "Operator Contoh",
            ]
        )
    return rows


def _write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Akun")
    for row in rows:
        ws.append(row)
    wb.save(path)


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)


def _vault(folder: Path) -> tuple[Vault, ServiceContext, int]:
    vault, _kit = Vault.create(
        folder,
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Contoh",
        admin_name=ADMIN,
        admin_password=Secret(PASSWORD),
        kdf=KdfParams(65536, 3, 2, new_salt()),  # the production floor: quick to unlock
    )
    ctx = ServiceContext(vault)
    term = terms.add_term(
        ctx,
        election=Election.PILKADA,
        year=2024,
        start_date=date(2024, 5, 1),
        end_date=date(2025, 1, 27),
    )
    for i in range(KECAMATAN):
        office.add_kecamatan(ctx, f"Kecamatan Uji {i + 1:03d}")
    return vault, ctx, term.id


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _first_page(ctx: ServiceContext, term_id: int, path: Path) -> int:
    prepared = open_import(path, conn=ctx.conn, max_rows=QUICK_ROWS)
    preview = build_preview(prepared, load_vault_view(ctx, term_id), limit=PAGE)
    return len(preview.rows)


def _import(ctx: ServiceContext, term_id: int, path: Path, *, trial: bool) -> int:
    prepared = open_import(path, conn=ctx.conn)
    preview = build_preview(prepared, load_vault_view(ctx, term_id), ImportOptions())
    run = dry_run if trial else apply_import
    return run(ctx, preview, term_id=term_id).created


def measure_imports(
    tmp: Path, rows: int, repeats: int
) -> list[tuple[str, str, float, bool | None]]:
    """First-page, dry-run and import figures for an XLSX and a CSV of ``rows`` rows."""
    data = _rows(rows)
    files = {"xlsx": tmp / "akun.xlsx", "csv": tmp / "akun.csv"}
    _write_xlsx(files["xlsx"], data)
    _write_csv(files["csv"], data)
    targets = {"xlsx": 5.0, "csv": 2.0}
    out: list[tuple[str, str, float, bool | None]] = []
    for kind, path in files.items():
        page: list[float] = []
        trial: list[float] = []
        full: list[float] = []
        for n in range(repeats):
            vault, ctx, term_id = _vault(tmp / f"v-{kind}-{n}")
            try:
                seconds, count = _timed(lambda: _first_page(ctx, term_id, path))  # noqa: B023
                assert count == PAGE
                page.append(seconds)
                seconds, created = _timed(lambda: _import(ctx, term_id, path, trial=True))  # noqa: B023
                assert created == rows
                trial.append(seconds)
                seconds, created = _timed(lambda: _import(ctx, term_id, path, trial=False))  # noqa: B023
                assert created == rows
                full.append(seconds)
            finally:
                vault.close(backup=False)
        out.append(
            (
                f"first preview page, {kind} {rows:,} rows",
                "< 1 s",
                statistics.median(page),
                statistics.median(page) < 1.0,
            )
        )
        out.append((f"dry run, {kind} {rows:,} rows", "-", statistics.median(trial), None))
        out.append((f"import, {kind} {rows:,} rows", f"< {targets[kind]:g} s", statistics.median(full), statistics.median(full) < targets[kind]))  # fmt: skip
    return out


def measure_export(
    tmp: Path, accounts: int, repeats: int, xlsx: Path
) -> list[tuple[str, str, float, bool | None]]:
    """Register export of ``accounts`` accounts, XLSX and CSV; and the first preview page
    of ``xlsx`` against that full vault (the duplicate check reads every account)."""
    vault, _kit = Vault.create(
        tmp / "v-export",
        office_kind=OfficeKind.REGENCY,
        office_name="Bawaslu Kabupaten Contoh",
        admin_name=ADMIN,
        admin_password=Secret(PASSWORD),
        kdf=KdfParams(65536, 3, 2, new_salt()),
    )
    out: list[tuple[str, str, float, bool | None]] = []
    try:
        kec_ids, term_id = add_synthetic_places(vault.conn, 7_300)
        made, secrets = synthetic_accounts(accounts, kec_ids, term_id)
        add_accounts(vault.conn, made, secrets)
        ctx = ServiceContext(vault)
        pages = [_timed(lambda: _first_page(ctx, term_id, xlsx))[0] for _ in range(repeats)]
        median = statistics.median(pages)
        out.append((f"first preview page, xlsx, vault of {accounts:,} accounts", "< 1 s", median, median < 1.0))  # fmt: skip
        for suffix in ("xlsx", "csv"):
            times = []
            for n in range(repeats):
                seconds, result = _timed(
                    lambda: export_register(ctx, tmp / f"register-{n}.{suffix}")  # noqa: B023
                )
                assert result.rows == accounts
                times.append(seconds)
            median = statistics.median(times)
            size = (tmp / f"register-0.{suffix}").stat().st_size
            out.append((f"register export, {suffix} {accounts:,} accounts ({size / 2**20:.1f} MiB)", "< 5 s", median, median < 5.0))  # fmt: skip
    finally:
        vault.close(backup=False)
    return out


def table(rows: list[tuple[str, str, float, bool | None]]) -> str:
    """The figures as a plain-text table."""
    lines = [f"{'figure':<58} {'target':>8} {'measured':>10}  result", "-" * 88]
    for name, target, seconds, ok in rows:
        verdict = "-" if ok is None else ("pass" if ok else "FAIL")
        lines.append(f"{name:<58} {target:>8} {seconds:>8.2f} s  {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.import_bench", description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brankas-import-bench-") as tmp:
        _say(f"imports of {args.rows:,} rows …")
        rows = measure_imports(Path(tmp), args.rows, args.repeats)
        _say(f"register export of {args.accounts:,} accounts …")
        rows += measure_export(Path(tmp), args.accounts, args.repeats, Path(tmp) / "akun.xlsx")
    print(table(rows))
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
