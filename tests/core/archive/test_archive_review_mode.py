"""The province's review mode: dashboard rows, drill-down, the in-memory cache, audited reveals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from archive_support import MARKER_PASSWORD, Pair, make_regency

from brankas.core.archive import keys, province, review_mode
from brankas.core.archive.export import ExportResult, export_archive
from brankas.core.archive.review_mode import ReviewCache, SeverityCounts
from brankas.core.domain.enums import Severity
from brankas.core.errors import DomainNotFound, InvalidValue, NotFound
from brankas.core.review.load import load_snapshot
from brankas.core.review.rules import review
from brankas.core.vault.vault import Vault

TODAY = date(2025, 3, 10)  # after the test term's end (27 January 2025)


def _import(pair: Pair, result: ExportResult, regency: Vault | None = None) -> int:
    fp = keys.signing_public_key((regency or pair.regency).conn).fingerprint
    return province.import_archive(pair.province, result.path, confirm_fingerprint=fp).id


def _second_regency(pair: Pair, tmp_path: Path) -> Vault:
    other = make_regency(tmp_path / "kabupaten2", code="TOLI", accounts=9)
    keys.set_province_recipient(other, keys.recipient_file_text(pair.province))
    return other


def test_overview_counts_match_the_rules_on_each_regency(pair: Pair, tmp_path: Path) -> None:
    other = _second_regency(pair, tmp_path)
    try:
        _import(pair, pair.export())
        _import(pair, export_archive(other, term_ids=[1], out_dir=pair.out), other)
        rows = review_mode.overview(pair.province, today=TODAY)
        assert [(r.office_code, r.term.id, r.archives) for r in rows] == [
            ("BUOL", 1, 1),
            ("TOLI", 1, 1),
        ]
        for row, vault in zip(rows, (pair.regency, other), strict=True):
            expected = review(load_snapshot(vault.conn), today=TODAY, term_ids=[1])
            assert row.counts == SeverityCounts.of(expected)
            assert row.counts.error > 0  # the test data has ended-term findings
            assert row.accounts == {"BUOL": 6, "TOLI": 9}[row.office_code]
            assert row.secrets_included
    finally:
        other.close(backup=False)


def test_the_newest_archive_of_a_term_is_shown(pair: Pair) -> None:
    _import(pair, pair.export())
    second = pair.export()
    newest = _import(pair, second)
    (row,) = review_mode.overview(pair.province, today=TODAY)
    assert (row.import_id, row.archives, row.export_id) == (newest, 2, second.manifest.export_id)
    assert row.exported_at == second.manifest.exported_at


def test_the_cache_reads_each_archive_once(pair: Pair) -> None:
    _import(pair, pair.export())
    cache = ReviewCache()
    first = review_mode.overview(pair.province, today=TODAY, cache=cache)
    assert (cache.reads, len(cache)) == (1, 1)
    assert review_mode.overview(pair.province, today=TODAY, cache=cache) == first
    assert cache.reads == 1
    # Another day: the findings are judged again, the archive is not decrypted again.
    before_end = review_mode.overview(pair.province, today=date(2024, 6, 1), cache=cache)
    assert cache.reads == 1
    assert before_end[0].counts != first[0].counts
    _import(pair, pair.export())
    review_mode.overview(pair.province, today=TODAY, cache=cache)
    assert cache.reads == 2
    cache.clear()
    assert len(cache) == 0


def test_the_cache_drops_the_least_recently_used(pair: Pair) -> None:
    ids = [_import(pair, pair.export()) for _ in range(3)]
    cache = ReviewCache(max_entries=2)
    for i in ids:
        review_mode.review_archive(pair.province, i, today=TODAY, cache=cache)
    assert (len(cache), cache.reads) == (2, 3)
    review_mode.review_archive(pair.province, ids[2], today=TODAY, cache=cache)
    assert cache.reads == 3  # still held
    review_mode.review_archive(pair.province, ids[0], today=TODAY, cache=cache)
    assert cache.reads == 4  # had been dropped
    small = ReviewCache(max_accounts=1)  # one archive is always kept, however large
    review_mode.review_archive(pair.province, ids[0], today=TODAY, cache=small)
    review_mode.review_archive(pair.province, ids[1], today=TODAY, cache=small)
    assert len(small) == 1


def test_drill_down_adds_up(pair: Pair) -> None:
    import_id = _import(pair, pair.export())
    archive = review_mode.review_archive(pair.province, import_id, today=TODAY)
    term_findings = archive.term_findings(1)
    kec = review_mode.kecamatan_rows(archive, 1)
    assert [k.name for k in kec if k.kecamatan_id is not None] == ["Biau", "Bokat", "Bukal"]
    assert sum(k.accounts for k in kec) == 6
    assert sum(k.counts.total for k in kec) == len(term_findings)
    for k in kec:
        accounts = review_mode.account_rows(archive, 1, k.kecamatan_id)
        assert len(accounts) == k.accounts
        assert all(a.account.kecamatan_id == k.kecamatan_id for a in accounts)
        assert all(f.account_id == a.account.id for a in accounts for f in a.findings)
        assert all(a.password_on_record for a in accounts)
    by_severity = SeverityCounts.of(term_findings)
    assert by_severity.error == sum(f.severity is Severity.ERROR for f in term_findings)


def test_reveal_needs_a_reason_and_is_audited(pair: Pair) -> None:
    import_id = _import(pair, pair.export())
    archive = review_mode.review_archive(pair.province, import_id, today=TODAY)
    first = min(archive.snapshot.accounts)
    for reason, code in (
        ("", "reason_required"),
        ("   ", "reason_required"),
        ("x" * 201, "value_too_long"),
    ):
        with pytest.raises(InvalidValue) as err:
            review_mode.reveal_archived_secret(
                pair.province, import_id, first, "password", reason=reason
            )
        assert err.value.code == code
    with pytest.raises(InvalidValue) as err:
        review_mode.reveal_archived_secret(pair.province, import_id, first, "notes", reason="cek")
    assert err.value.code == "secret_field_unknown"
    with pytest.raises(DomainNotFound):
        review_mode.reveal_archived_secret(pair.province, import_id, 999, "password", reason="cek")
    with pytest.raises(NotFound):
        review_mode.reveal_archived_secret(pair.province, 999, first, "password", reason="cek")
    before = [e.kind for e in pair.province.audit.events()].count("reveal")
    assert before == 0
    secret = review_mode.reveal_archived_secret(
        pair.province, import_id, first, "password", reason="  pemeriksaan   rutin "
    )
    assert secret is not None and secret.reveal() == MARKER_PASSWORD
    empty = review_mode.reveal_archived_secret(
        pair.province, import_id, first, "totp_secret", reason="cek 2FA"
    )
    assert empty is None  # account 0 of the test data has no TOTP secret
    reveals = [e for e in pair.province.audit.events() if e.kind == "reveal"]
    assert [(e.target, e.detail) for e in reveals] == [
        (
            f"archive:{archive.imported.export_id}",
            {
                "office": "BUOL",
                "account_id": first,
                "field": "password",
                "reason": "pemeriksaan rutin",
            },
        ),
        (
            f"archive:{archive.imported.export_id}",
            {
                "office": "BUOL",
                "account_id": first,
                "field": "totp_secret",
                "reason": "cek 2FA",
                "empty": True,
            },
        ),
    ]
    assert pair.province.audit.verify().ok


def test_metadata_only_archives_have_nothing_to_reveal(pair: Pair) -> None:
    import_id = _import(pair, pair.export(include_secrets=False))
    with pytest.raises(InvalidValue) as err:
        review_mode.reveal_archived_secret(pair.province, import_id, 1, "password", reason="cek")
    assert err.value.code == "secrets_not_included"
    (row,) = review_mode.overview(pair.province, today=TODAY)
    assert not row.secrets_included


def test_review_mode_is_for_a_province(pair: Pair) -> None:
    for call in (
        lambda: review_mode.overview(pair.regency, today=TODAY),
        lambda: review_mode.reveal_archived_secret(pair.regency, 1, 1, "password", reason="x"),
    ):
        with pytest.raises(InvalidValue) as err:
            call()
        assert err.value.code == "not_province"
