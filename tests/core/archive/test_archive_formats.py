"""Archive format versions: version 2 is written; version 1 archives (older Brankas) are still read."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from archive_support import Pair, forge, open_files

from brankas.core.archive import format as fmt
from brankas.core.archive import keys
from brankas.core.archive.province import import_archive
from brankas.core.archive.review_mode import ReviewCache, overview, review_archive
from brankas.core.archive.verify import verify_archive
from brankas.core.errors import ArchiveMalformed
from brankas.core.review.load import load_snapshot
from brankas.core.review.snapshot import from_json
from snapshot_v1 import to_json_v1

Files = list[tuple[str, bytes]]


def _with_data(files: Files, doc: object) -> Files:
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    return [(n, body if n == fmt.DATA else b) for n, b in files]


def _archive(pair: Pair, *, version: int, data_version: int) -> bytes:
    """A genuine export re-signed as archive format ``version`` holding snapshot
    ``data_version`` (version 1 + 1 is exactly what Brankas wrote before version 2)."""
    manifest, files = open_files(pair.export().path.read_bytes(), pair.identity)
    data = dict(json.loads(dict(files)[fmt.DATA]))
    if data_version == 1:
        data = to_json_v1(from_json(data))
        counts = {k: len(v) for k, v in data.items() if isinstance(v, list)}
        keep = {k: v for k, v in manifest.counts.items() if k in ("audit_events", "secrets")}
        manifest = dataclasses.replace(manifest, counts={**counts, **keep})
    manifest = dataclasses.replace(manifest, format_version=version)
    recipient = keys.own_recipient(pair.province.conn).recipient
    return forge(manifest, _with_data(files, data), keys.signing_key(pair.regency.conn), recipient)


def test_export_writes_version_2_with_the_checklist_texts_once(pair: Pair) -> None:
    result = pair.export()
    assert result.manifest.format_version == fmt.FORMAT_VERSION == 2
    assert "brankas-archive v2 " in result.manifest.trusted_comment
    verified = verify_archive(result.path, identity=pair.identity)
    assert verified.data["version"] == 2
    assert verified.data["accounts"]["columns"][0] == "id"
    assert verified.manifest.counts["accounts"] == len(verified.data["accounts"]["rows"])


def test_a_version_1_archive_is_still_read_imported_and_reviewed(pair: Pair) -> None:
    old = _archive(pair, version=1, data_version=1)
    verified = verify_archive(old, identity=pair.identity)
    assert verified.manifest.format_version == 1
    assert "brankas-archive v1 " in verified.manifest.trusted_comment
    assert verified.data["version"] == 1 and isinstance(verified.data["accounts"], list)
    assert verified.snapshot == load_snapshot(pair.regency.conn, term_ids=[pair.term_id])
    assert verified.secrets
    fp = verified.manifest.signer.fingerprint
    imported = import_archive(pair.province, old, confirm_fingerprint=fp)
    review = review_archive(pair.province, imported.id, today=date(2025, 3, 1))
    assert review.snapshot == verified.snapshot
    # The same export in version 2, imported later, shows the same on the dashboard.
    new = import_archive(pair.province, pair.export().path)
    rows = overview(pair.province, today=date(2025, 3, 1), cache=ReviewCache())
    assert [r.import_id for r in rows] == [new.id]
    assert rows[0].accounts == len(verified.snapshot.accounts)


@pytest.mark.parametrize(("version", "data_version"), [(1, 2), (2, 1)])
def test_the_snapshot_version_must_match_the_format_version(
    pair: Pair, version: int, data_version: int
) -> None:
    with pytest.raises(ArchiveMalformed) as caught:
        verify_archive(
            _archive(pair, version=version, data_version=data_version), identity=pair.identity
        )
    assert (caught.value.code, caught.value.member) == ("content_invalid", fmt.DATA)


def test_the_dashboard_reads_no_secrets_but_the_import_checks_them(pair: Pair) -> None:
    result = pair.export()
    verified = verify_archive(result.path, identity=pair.identity, with_secrets=False)
    assert verified.secrets is None and verified.snapshot is not None
    assert verify_archive(result.path, identity=pair.identity).secrets
