"""Review-archive commands: archive export/verify/show, province key/import/report/repin, keys show/set-province."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from brankas.cli import cover_sheet
from brankas.cli.common import (
    CliError,
    Prompter,
    exit_code_for,
    message_for,
    open_vault,
)
from brankas.core.archive import keys, province, review_mode
from brankas.core.archive.export import export_archive
from brankas.core.archive.format import Manifest
from brankas.core.archive.verify import verify_archive, verify_signature_only
from brankas.core.domain.calendar import local_date
from brankas.core.errors import ArchiveError, ArchiveSignerUnconfirmed
from brankas.core.fsutil import atomic_write
from brankas.core.secret import Secret
from brankas.core.storage.repos.office import own_office
from brankas.core.vault.vault import Vault

MIN_PASSPHRASE = 12  # a fallback that opens the whole archive: no short ones
_MAX_TEXT_FILE = 4096
_IDENTITY = re.compile(r"AGE-SECRET-KEY-1[0-9A-Z]+")


# --- helpers -----------------------------------------------------------------------------
def _norm_fp(text: str) -> str:
    return re.sub(r"[^0-9A-F]", "", text.upper())


def _read_text(path: Path, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(_MAX_TEXT_FILE + 1)
    except (OSError, UnicodeDecodeError):
        raise CliError(f"cannot read the {what} file {path}", 10) from None
    if len(text) > _MAX_TEXT_FILE:
        raise CliError(f"the {what} file {path} is too large", 10)
    return text


def _write(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8"))


def _terms_text(m: Manifest) -> str:
    return ", ".join(f"{t.name} (#{t.id}, {t.start_date} – {t.end_date})" for t in m.terms)


def _manifest_lines(m: Manifest, sha256: str, size: int) -> list[str]:
    return [
        f"Office:        {m.office_name} ({m.office_code})",
        f"Terms:         {_terms_text(m)}",
        f"Exported at:   {m.exported_at.isoformat()}  (export {m.seq}, epoch {m.epoch})",
        f"Export id:     {m.export_id}",
        f"Vault id:      {m.vault_id}",
        f"Secrets:       {'included' if m.secrets_included else 'not included (metadata only)'}",
        f"Signer:        key {m.signer.key_id_text}, fingerprint {m.signer.fingerprint}",
        f"SHA-256:       {sha256}",
        f"Size:          {size} bytes",
    ]


def _today(args: argparse.Namespace) -> date:
    given: date | None = args.today
    return given if given is not None else local_date(datetime.now(UTC))


# --- archive -------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    """brankas-cli archive export."""
    out_dir: Path = args.out
    with open_vault(args) as v:
        passphrase = None
        if args.passphrase_stdin:
            passphrase = Prompter(True).password("Passphrase: ")
            if len(passphrase) < MIN_PASSPHRASE:
                raise CliError(f"the passphrase needs at least {MIN_PASSPHRASE} characters", 10)
        extra = [keys.own_recipient(v.conn).recipient] if args.also_self else []
        office = own_office(v.conn)
        try:
            result = export_archive(
                v,
                term_ids=args.term,
                include_secrets=not args.metadata_only,
                extra_recipients=extra,
                passphrase=passphrase,
                out_dir=out_dir,
            )
        finally:
            if passphrase is not None:
                passphrase.wipe()
    m = result.manifest
    print(f"Archive written: {result.path}")
    print(f"SHA-256:         {result.sha256}")
    print(f"Signer:          key {m.signer.key_id_text}, fingerprint {m.signer.fingerprint}")
    print(f"Terms:           {_terms_text(m)}")
    print(
        "Contents:        "
        + (
            "with passwords, TOTP secrets and backup codes"
            if m.secrets_included
            else "metadata only"
        )
    )
    who = ["the province"] + (["this office"] if m.to_self else [])
    who += ["the passphrase"] if m.to_passphrase else []
    print(f"Opens with:      {', '.join(who)}")
    if not args.no_cover_sheet:
        sheet = args.cover_sheet or cover_sheet.default_path(result.path)
        cover_sheet.write_cover_sheet(result, office, sheet)
        print(f"Cover sheet:     {sheet} (print it, sign and stamp it, send it with the archive)")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """brankas-cli archive verify FILE (exit 0 authentic, 6 not)."""
    check = verify_signature_only(args.file)
    m = check.manifest
    if args.json:
        print(
            json.dumps(
                {
                    "authentic": True,
                    "sha256": check.archive_sha256,
                    "size": check.size,
                    "signer": {"key_id": m.signer.key_id_text, "fingerprint": m.signer.fingerprint},
                    "manifest": m.to_json(),
                },
                ensure_ascii=False,
            )
        )
        return 0
    print("The signature and the payload hashes verify (nothing was decrypted).")
    for line in _manifest_lines(m, check.archive_sha256, check.size):
        print(line)
    print("Compare the signer's fingerprint with the regency's letter: the signature proves")
    print("only that nothing changed after signing, not who signed.")
    return 0


def _identity_from_file(path: Path) -> Secret:
    found = _IDENTITY.findall(_read_text(path, "identity"))
    if len(found) != 1:
        raise CliError(f"{path} does not hold exactly one age identity (AGE-SECRET-KEY-1…)", 10)
    return Secret(found[0])


def cmd_show(args: argparse.Namespace) -> int:
    """brankas-cli archive show FILE [--identity FILE]."""
    pin_status = "not checked (an identity file was given)"
    if args.identity is not None:
        verified = verify_archive(args.file, identity=_identity_from_file(args.identity))
    else:
        with open_vault(args) as v:
            verified = verify_archive(args.file, identity=keys.own_identity(v.conn))
            pin = keys.get_pin(v.conn, verified.manifest.office_code)
            if pin is None:
                pin_status = "no key is pinned for this office yet"
            elif pin.key == verified.manifest.signer:
                pin_status = "matches the key pinned for this office"
            else:
                pin_status = f"DIFFERS from the pinned key ({pin.fingerprint})"
    m = verified.manifest
    counts = dict(verified.manifest.counts)
    if args.json:
        print(
            json.dumps(
                {
                    "sha256": verified.archive_sha256,
                    "size": verified.size,
                    "pin": pin_status,
                    "counts": counts,
                    "audit_events": len(verified.audit_events),
                    "secrets": None if verified.secrets is None else len(verified.secrets),
                    "manifest": m.to_json(),
                },
                ensure_ascii=False,
            )
        )
        return 0
    print("The archive verifies and decrypts (every check passed).")
    for line in _manifest_lines(m, verified.archive_sha256, verified.size):
        print(line)
    print(f"Signer key:    {pin_status}")
    print("Contents:")
    for name, n in sorted(counts.items()):
        print(f"  {name.replace('_', ' ')}: {n}")
    print(f"  audit events: {len(verified.audit_events)}")
    if verified.secrets is not None:
        print(f"  accounts with secrets: {len(verified.secrets)}")
    return 0


# --- province ------------------------------------------------------------------------------
def cmd_province_key(args: argparse.Namespace) -> int:
    """brankas-cli province key [--out FILE]."""
    with open_vault(args) as v:
        text = keys.recipient_file_text(v)
        info = keys.own_recipient(v.conn)
        code = own_office(v.conn).code
    if args.out is not None:
        out = args.out / keys.key_file_name(code) if args.out.is_dir() else args.out
        _write(out, text)
        print(f"Public key file written: {out}")
    print(f"Recipient:   {info.recipient}")
    print(f"Fingerprint: {info.fingerprint}")
    return 0


def _confirmed_for(path: Path, given: Sequence[str]) -> str | None:
    if not given:
        return None
    try:
        fp = verify_signature_only(path).manifest.signer.fingerprint
    except ArchiveError:
        return None  # import_archive refuses it with the precise error
    wanted = {_norm_fp(g) for g in given}
    return fp if _norm_fp(fp) in wanted else None


def _import_one(v: Vault, path: Path, args: argparse.Namespace) -> int:
    try:
        imported = province.import_archive(
            v,
            path,
            confirm_fingerprint=_confirmed_for(path, args.confirm_fingerprint),
            allow_older=args.allow_older,
        )
    except ArchiveError as exc:
        print(f"REFUSED {path}: {message_for(exc)}")
        if isinstance(exc, ArchiveSignerUnconfirmed):
            fp = verify_signature_only(path).manifest.signer.fingerprint
            print(f"  signer fingerprint: {fp}")
            print("  compare it with the regency's letter, then run again with")
            print(f"  --confirm-fingerprint '{fp}'")
        return exit_code_for(exc)
    terms = ", ".join(t.name for t in imported.terms)
    print(
        f"IMPORTED {path}: {imported.office_name} ({imported.office_code}), {terms},"
        f" export {imported.seq} of {imported.exported_at.date().isoformat()}"
    )
    for code in imported.warnings:
        print(f"  warning: {_WARNINGS.get(code, code)}")
    return 0


_WARNINGS = {
    "seq_backwards": (
        "its export number is not higher than that of an archive already imported from this"
        " regency, although it is newer; the regency has probably restored a backup of its"
        " vault (ask whether records were lost)"
    ),
}


def cmd_province_import(args: argparse.Namespace) -> int:
    """brankas-cli province import FILE... (exit 0 when every file was imported)."""
    worst = 0
    with open_vault(args) as v:
        for path in args.files:
            worst = max(worst, _import_one(v, path, args))
    return worst


def cmd_province_report(args: argparse.Namespace) -> int:
    """brankas-cli province report [--json]."""
    today = _today(args)
    cache = review_mode.ReviewCache()
    out = []
    with open_vault(args) as v:
        rows = review_mode.overview(v, today=today, cache=cache)
        for row in rows:
            archive = review_mode.review_archive(v, row.import_id, today=today, cache=cache)
            out.append((row, archive.term_findings(row.term.id)))
    if args.json:
        doc = [
            {
                "office_code": row.office_code,
                "office_name": row.office_name,
                "term": {"id": row.term.id, "name": row.term.name},
                "archive": {
                    "export_id": row.export_id,
                    "exported_at": row.exported_at.isoformat(),
                    "imported_at": row.imported_at.isoformat(),
                    "secrets_included": row.secrets_included,
                    "archives": row.archives,
                },
                "accounts": row.accounts,
                "counts": {
                    "error": row.counts.error,
                    "warning": row.counts.warning,
                    "info": row.counts.info,
                },
                "findings": [f.to_json() for f in findings],
            }
            for row, findings in out
        ]
        print(json.dumps({"today": today.isoformat(), "rows": doc}, ensure_ascii=False))
        return 0
    if not out:
        print("No archives imported yet.")
        return 0
    print(f"Review on {today.isoformat()}")
    for row, findings in out:
        print(
            f"\n{row.office_name} ({row.office_code}) — {row.term.name}:"
            f" {row.counts.error} errors, {row.counts.warning} warnings;"
            f" {row.accounts} accounts; archive of {row.exported_at.date().isoformat()}"
            + ("" if row.secrets_included else " (metadata only)")
        )
        for f in findings:
            text = f.message_id if args.lang == "id" else f.message_en
            print(f"  {f.rule_id}\t{f.severity.value}\t{text}")
    return 0


def cmd_province_repin(args: argparse.Namespace) -> int:
    """brankas-cli province repin FILE --reason TEXT --confirm-fingerprint FP."""
    check = verify_signature_only(args.file)
    key = check.manifest.signer
    if _norm_fp(args.confirm_fingerprint) != _norm_fp(key.fingerprint):
        raise CliError(
            f"the archive is signed by key {key.fingerprint}, not the fingerprint given", 10
        )
    with open_vault(args) as v:
        pin = keys.repin_regency_key(v, check.manifest.office_code, key, reason=args.reason)
    print(f"Office {pin.office_code} now pinned to key {pin.key.key_id_text} ({pin.fingerprint}).")
    return 0


# --- keys ----------------------------------------------------------------------------------
def cmd_keys_show(args: argparse.Namespace) -> int:
    """brankas-cli keys show [--out FILE]."""
    with open_vault(args) as v:
        key = keys.signing_public_key(v.conn)
        recipient = keys.province_recipient(v.conn)
    if args.out is not None:
        _write(args.out, key.to_file_text())
        print(f"Public key file written: {args.out}")
    print(f"Signing key id:          {key.key_id_text}")
    print(f"Signing key fingerprint: {key.fingerprint}")
    print(f"Public key (minisign):   {key.to_base64()}")
    if recipient is not None:
        label = f" ({recipient.label})" if recipient.label else ""
        print(f"Province key{label}: {recipient.recipient}")
        print(f"Province fingerprint:    {recipient.fingerprint}")
    return 0


def cmd_keys_set_province(args: argparse.Namespace) -> int:
    """brankas-cli keys set-province FILE|age1…."""
    given: str = args.key
    path = Path(given)
    text = given if given.startswith("age1") and not path.exists() else _read_text(path, "key")
    recipient, _label = keys.parse_recipient(text)
    fp = keys.recipient_fingerprint(recipient)
    if args.expect_fingerprint and _norm_fp(args.expect_fingerprint) != _norm_fp(fp):
        raise CliError(f"the key's fingerprint is {fp}, not the one expected; nothing stored", 10)
    with open_vault(args) as v:
        info = keys.set_province_recipient(v, text)
    print(f"Province key stored: {info.recipient}")
    print(f"Fingerprint:         {info.fingerprint}  (compare it with the province's letter)")
    return 0
