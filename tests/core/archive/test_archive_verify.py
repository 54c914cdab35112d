"""Verify: the round trip, and each kind of bad archive refused with its own typed error."""

from __future__ import annotations

import dataclasses
import io
import json
import secrets
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_support import (
    MARKER_HANDLE,
    MARKER_PASSWORD,
    Pair,
    forge,
    make_province,
    make_regency,
    open_files,
    raw_zip,
)

from brankas.core.archive import container, keys
from brankas.core.archive import format as fmt
from brankas.core.archive.minisign import SigningKey
from brankas.core.archive.verify import (
    KnownRegency,
    verify_archive,
    verify_signature_only,
)
from brankas.core.errors import (
    ArchiveError,
    ArchiveInconsistent,
    ArchiveMalformed,
    ArchiveNotAuthentic,
    ArchiveNotForThisKey,
    ArchiveReplayed,
    ArchiveSignerChanged,
    ArchiveTampered,
    ArchiveTooLarge,
    ArchiveUnsupported,
)
from brankas.core.review.load import load_snapshot
from brankas.core.secret import Secret
from brankas.core.storage.repos import secrets as secrets_repo


def _refused(
    pair: Pair, data: bytes, kind: type[ArchiveError], code: str | None = None, **kw: object
) -> ArchiveError:
    with pytest.raises(kind) as err:
        verify_archive(data, identity=pair.identity, **kw)  # type: ignore[arg-type]
    text = str(err.value)
    for marker in (MARKER_PASSWORD, MARKER_HANDLE):  # nothing of the plaintext leaks
        assert marker not in text
    if code is not None:
        assert err.value.code == code, (err.value.code, text)
    return err.value


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(members: list[tuple[str, bytes]], compress: int = zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as zf:
        for name, body in members:
            zf.writestr(name, body)
    return buf.getvalue()


def test_round_trip_gives_back_the_same_data(pair: Pair) -> None:
    result = pair.export()
    got = verify_archive(result.path, identity=pair.identity)
    conn = pair.regency.conn
    assert got.manifest == result.manifest
    assert got.archive_sha256 == result.sha256 and got.size == result.size
    assert got.snapshot == load_snapshot(conn, term_ids=[1])
    assert got.secrets is not None and set(got.secrets) == set(got.snapshot.accounts)
    for account_id, archived in got.secrets.items():
        stored = secrets_repo.get_secrets(conn, account_id)
        for f in ("password", "totp_secret", "backup_codes"):
            a, b = getattr(archived, f), getattr(stored, f)
            assert (a and a.reveal()) == (b and b.reveal())
    events = list(pair.regency.audit.events())[:-1]  # the EXPORT event came after
    assert got.audit_events == tuple(events)
    assert got.signer_status == "unchecked" and got.warnings == ()
    lean = verify_archive(result.path.read_bytes(), identity=pair.identity, build_snapshot=False)
    assert lean.snapshot is None and lean.data == got.data


def test_signature_only_check_needs_no_key(pair: Pair) -> None:
    result = pair.export()
    check = verify_signature_only(result.path)
    assert check.manifest == result.manifest and check.archive_sha256 == result.sha256
    assert check.signer.fingerprint == keys.signing_public_key(pair.regency.conn).fingerprint


def test_exactly_one_way_to_open() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        verify_archive(b"")


# --- the container ---------------------------------------------------------------------------
def test_not_a_zip_and_truncations(pair: Pair) -> None:
    data = pair.export().path.read_bytes()
    _refused(pair, b"", ArchiveMalformed, "not_zip")
    _refused(pair, b"PK\x03\x04 bukan zip", ArchiveMalformed, "not_zip")
    for cut in (10, len(data) // 2, len(data) - 1):
        _refused(pair, data[:cut], ArchiveError)
    _refused(pair, data + b"\0", ArchiveMalformed, "container_layout")
    _refused(pair, b"junk" + data, ArchiveMalformed, "container_layout")


def test_member_added_removed_duplicated_swapped(pair: Pair) -> None:
    m = _members(pair.export().path.read_bytes())
    order = [fmt.MANIFEST, fmt.SIGNATURE, fmt.PAYLOAD]
    added = _zip([(n, m[n]) for n in order] + [("catatan.txt", b"hai")])
    _refused(pair, added, ArchiveMalformed, "member_unexpected")
    removed = _zip([(n, m[n]) for n in order[:2]])
    _refused(pair, removed, ArchiveMalformed, "member_missing")
    swapped = _zip([(n, m[n]) for n in reversed(order)])
    _refused(pair, swapped, ArchiveMalformed, "container_layout")
    dup = raw_zip([(n, m[n]) for n in order] + [(fmt.PAYLOAD, m[fmt.PAYLOAD])])
    _refused(pair, dup, ArchiveMalformed, "member_duplicate")
    # The same bytes, written by another ZIP writer (other header fields): refused too.
    _refused(pair, raw_zip([(n, m[n]) for n in order]), ArchiveMalformed, "container_layout")


@pytest.mark.parametrize(
    "name", ["../manifest.json", "/etc/passwd", "a\\..\\b", "pdfs/../../x", "C:evil", "./x", "a//b"]
)
def test_path_traversal_names_are_refused(pair: Pair, name: str) -> None:
    m = _members(pair.export().path.read_bytes())
    bad = raw_zip([(fmt.MANIFEST, m[fmt.MANIFEST]), (name, b"x"), (fmt.PAYLOAD, m[fmt.PAYLOAD])])
    _refused(pair, bad, ArchiveMalformed, "unsafe_name")


def test_compressed_members_and_overlapping_entries(pair: Pair) -> None:
    m = _members(pair.export().path.read_bytes())
    order = [fmt.MANIFEST, fmt.SIGNATURE, fmt.PAYLOAD]
    deflated = _zip([(n, m[n]) for n in order], zipfile.ZIP_DEFLATED)
    _refused(pair, deflated, ArchiveMalformed, "member_compressed")
    # Three directory entries pointing at the one big local entry: the classic zip bomb.
    big = m[fmt.PAYLOAD]
    n = len(big)
    overlap = raw_zip(
        [(fmt.PAYLOAD, big)],
        cd=[(fmt.PAYLOAD, 0, n, n), (fmt.PASSPHRASE_PAYLOAD, 0, n, n), (fmt.MANIFEST, 0, n, n)],
    )
    _refused(pair, overlap, ArchiveTooLarge, "zip_bomb_overlap")


def test_size_limits(pair: Pair, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = pair.export()
    monkeypatch.setattr(fmt, "MAX_ARCHIVE_BYTES", result.size - 1)
    _refused(pair, result.path.read_bytes(), ArchiveTooLarge, "archive_too_large")
    with pytest.raises(ArchiveTooLarge):
        verify_archive(result.path, identity=pair.identity)  # refused before reading the file
    monkeypatch.undo()
    m = _members(result.path.read_bytes())
    huge = container.write_outer(
        {
            fmt.MANIFEST: b" " * (fmt.MAX_MANIFEST_BYTES + 1),
            fmt.SIGNATURE: m[fmt.SIGNATURE],
            fmt.PAYLOAD: b"",
        }
    )
    _refused(pair, huge, ArchiveTooLarge, "member_too_large")
    with pytest.raises(ArchiveMalformed) as err:
        verify_archive(tmp_path / "tidak-ada.brankas", identity=pair.identity)
    assert err.value.code == "unreadable"


# --- signature and hashes ----------------------------------------------------------------------
def _rebuild(members: dict[str, bytes], **changes: bytes) -> bytes:
    return container.write_outer({**members, **changes})


def test_manifest_edits_break_the_signature(pair: Pair) -> None:
    m = _members(pair.export().path.read_bytes())
    edited = m[fmt.MANIFEST].replace(b'"seq": 1', b'"seq": 9')
    assert edited != m[fmt.MANIFEST]
    _refused(pair, _rebuild(m, **{fmt.MANIFEST: edited}), ArchiveNotAuthentic, "signature")
    _refused(pair, _rebuild(m, **{fmt.SIGNATURE: b"bukan tanda tangan"}), ArchiveNotAuthentic)
    nested = b"[" * 5000 + b"]" * 5000
    _refused(pair, _rebuild(m, **{fmt.MANIFEST: nested}), ArchiveMalformed, "json_too_deep")
    _refused(
        pair, _rebuild(m, **{fmt.MANIFEST: b'{"a": "\xff"}'}), ArchiveMalformed, "invalid_utf8"
    )
    _refused(
        pair, _rebuild(m, **{fmt.MANIFEST: b'{"a": 1, "a": 2}'}), ArchiveMalformed, "json_invalid"
    )
    _refused(
        pair, _rebuild(m, **{fmt.MANIFEST: b'{"signer": 1}'}), ArchiveNotAuthentic, "signer_missing"
    )


def test_signature_swapped_from_another_archive(pair: Pair) -> None:
    a = _members(pair.export().path.read_bytes())
    b = _members(pair.export().path.read_bytes())
    _refused(
        pair, _rebuild(a, **{fmt.SIGNATURE: b[fmt.SIGNATURE]}), ArchiveNotAuthentic, "signature"
    )
    _refused(pair, _rebuild(a, **{fmt.PAYLOAD: b[fmt.PAYLOAD]}), ArchiveTampered, "payload_hash")
    _refused(
        pair,
        _rebuild(a, **{fmt.PASSPHRASE_PAYLOAD: b[fmt.PAYLOAD]}),
        ArchiveTampered,
        "payload_members",
    )


def test_trusted_comment_must_match_the_manifest(pair: Pair) -> None:
    result = pair.export()
    m = _members(result.path.read_bytes())
    key = keys.signing_key(pair.regency.conn)
    sig = key.sign(m[fmt.MANIFEST], trusted_comment="something else", untrusted_comment="x")
    _refused(pair, _rebuild(m, **{fmt.SIGNATURE: sig}), ArchiveNotAuthentic, "trusted_comment")


def test_wrong_recipient(pair: Pair, tmp_path: Path) -> None:
    data = pair.export().path.read_bytes()
    other = make_province(tmp_path / "lain")
    try:
        with pytest.raises(ArchiveNotForThisKey) as err:
            verify_archive(data, identity=keys.own_identity(other.conn))
        assert err.value.code == "not_for_this_key"
    finally:
        other.close(backup=False)
    with pytest.raises(ArchiveNotForThisKey) as err:
        verify_archive(data, identity=Secret("AGE-SECRET-KEY-1BUKAN"))
    assert err.value.code == "identity_invalid"


# --- a signer who writes nonsense (correctly signed, wrong inside) -------------------------------
Mutator = Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]]


def _forged(
    pair: Pair, change: Mutator, *, counts: dict[str, int] | None = None, **kw: object
) -> bytes:
    manifest, files = open_files(pair.export().path.read_bytes(), pair.identity)
    if counts is not None:
        manifest = dataclasses.replace(manifest, counts={**manifest.counts, **counts})
    recipient = keys.own_recipient(pair.province.conn).recipient
    return forge(manifest, change(files), keys.signing_key(pair.regency.conn), recipient, **kw)  # type: ignore[arg-type]


def _replace(name: str, body: bytes) -> Mutator:
    return lambda files: [(n, body if n == name else b) for n, b in files]


def test_control_forged_archive_with_no_change_verifies(pair: Pair) -> None:
    assert verify_archive(_forged(pair, lambda f: f), identity=pair.identity).secrets


def test_manifest_lying_about_counts(pair: Pair) -> None:
    _refused(
        pair, _forged(pair, lambda f: f, counts={"accounts": 7}), ArchiveInconsistent, "counts"
    )
    _refused(pair, _forged(pair, lambda f: f, counts={"secrets": 1}), ArchiveInconsistent, "counts")


def test_inner_manifest_must_equal_the_outer(pair: Pair) -> None:
    _refused(
        pair, _forged(pair, lambda f: f, inner_manifest=b"{}\n"), ArchiveTampered, "inner_manifest"
    )


def test_payload_members_checked_against_the_manifest(pair: Pair) -> None:
    manifest, files = open_files(pair.export().path.read_bytes(), pair.identity)
    key = keys.signing_key(pair.regency.conn)
    recipient = keys.own_recipient(pair.province.conn).recipient
    swapped = [(n, b"{}" if n == fmt.DATA else b) for n, b in files]
    data = forge(manifest, swapped, key, recipient, keep_contents=True)
    _refused(pair, data, ArchiveTampered, "member_size")
    extra = [*files, ("pdfs/x.pdf", b"%PDF")]
    inner = container.write_inner([*extra, (fmt.MANIFEST, manifest.inner_bytes())])
    _refused(pair, forge(manifest, files, key, recipient, inner_zip=inner), ArchiveError)


def test_deep_or_invalid_json_inside(pair: Pair) -> None:
    # Random text at each level, so that compression does not turn it into a "zip bomb".
    deep = "".join(f'["{secrets.token_hex(4)}",' for _ in range(5000)).encode() + b"1" + b"]" * 5000
    _refused(pair, _forged(pair, _replace(fmt.DATA, deep)), ArchiveMalformed, "json_too_deep")
    bad_utf8 = b'{"format": "\xc3\x28"}'
    _refused(pair, _forged(pair, _replace(fmt.DATA, bad_utf8)), ArchiveMalformed, "invalid_utf8")
    _refused(
        pair, _forged(pair, _replace(fmt.DATA, b"[1, 2]")), ArchiveMalformed, "content_invalid"
    )
    _refused(pair, _forged(pair, _replace(fmt.DATA, b"NaN")), ArchiveMalformed, "json_invalid")

    def bad_kecamatan(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        out = []
        for name, body in files:
            if name == fmt.DATA:
                doc = json.loads(body)
                rows = doc["kecamatan"]["rows"]
                doc["kecamatan"]["rows"] = [1 for _ in rows]  # same count, wrong shape
                body = json.dumps(doc).encode()
            out.append((name, body))
        return out

    _refused(pair, _forged(pair, bad_kecamatan), ArchiveMalformed, "snapshot_invalid")


def test_secrets_and_audit_files_are_checked(pair: Pair) -> None:
    nested_secret = json.dumps(
        {"format": "brankas-archive-secrets", "version": 1, "accounts": [[[[[[1]]]]]]}
    ).encode()
    _refused(
        pair, _forged(pair, _replace(fmt.SECRETS, nested_secret)), ArchiveMalformed, "json_too_deep"
    )

    def drop_first_event(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(n, b.split(b"\n", 1)[1] if n == fmt.AUDIT else b) for n, b in files]

    _refused(
        pair,
        _forged(pair, drop_first_event, counts={"audit_events": 1}),
        ArchiveInconsistent,
        "audit_chain",
    )
    _refused(pair, _forged(pair, _replace(fmt.AUDIT, b"")), ArchiveInconsistent, "counts")
    _refused(pair, _forged(pair, _replace(fmt.AUDIT, b"{}")), ArchiveMalformed, "content_invalid")


def test_inner_zip_bomb(pair: Pair) -> None:
    manifest, files = open_files(pair.export().path.read_bytes(), pair.identity)
    bomb = b"\0" * (20 * 1024 * 1024)
    inner = container.write_inner([*files, (fmt.MANIFEST, manifest.inner_bytes())])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        with zipfile.ZipFile(io.BytesIO(inner)) as src:
            for info in src.infolist():
                zf.writestr(info.filename, src.read(info.filename))
        zf.writestr("bom.json", bomb)
    key = keys.signing_key(pair.regency.conn)
    recipient = keys.own_recipient(pair.province.conn).recipient
    forged = forge(manifest, [*files, ("bom.json", bomb)], key, recipient, inner_zip=buf.getvalue())
    _refused(pair, forged, ArchiveTooLarge, "zip_bomb_ratio")


def test_unsupported_version(pair: Pair) -> None:
    m = _members(pair.export().path.read_bytes())
    doc = json.loads(m[fmt.MANIFEST])
    doc["format_version"] = 3
    body = json.dumps(doc, sort_keys=True, indent=2).encode() + b"\n"
    key = keys.signing_key(pair.regency.conn)
    sig = key.sign(body, trusted_comment="x", untrusted_comment="x")
    _refused(
        pair,
        _rebuild(m, **{fmt.MANIFEST: body, fmt.SIGNATURE: sig}),
        ArchiveUnsupported,
        "format_version",
    )


def test_non_canonical_manifest_is_refused(pair: Pair) -> None:
    m = _members(pair.export().path.read_bytes())
    body = json.dumps(json.loads(m[fmt.MANIFEST])).encode()  # same content, other spelling
    sig = keys.signing_key(pair.regency.conn).sign(body, trusted_comment="x", untrusted_comment="x")
    _refused(
        pair,
        _rebuild(m, **{fmt.MANIFEST: body, fmt.SIGNATURE: sig}),
        ArchiveMalformed,
        "manifest_not_canonical",
    )


# --- replay and pinning ----------------------------------------------------------------------------
def test_replayed_and_older_archives(pair: Pair) -> None:
    first = pair.export()
    second = pair.export()
    pin = keys.signing_public_key(pair.regency.conn)
    seen = KnownRegency(
        pin, second.manifest.epoch, second.manifest.seq, frozenset({second.manifest.export_id})
    )
    _refused(pair, second.path.read_bytes(), ArchiveReplayed, "already_imported", pinned=seen)
    _refused(pair, first.path.read_bytes(), ArchiveReplayed, "older_than_imported", pinned=seen)
    older = verify_archive(first.path, identity=pair.identity, pinned=seen, allow_older=True)
    assert older.signer_status == "pinned"
    after_first = KnownRegency(
        pin, first.manifest.epoch, first.manifest.seq, frozenset({first.manifest.export_id})
    )
    ok = verify_archive(second.path, identity=pair.identity, pinned=lambda m: after_first)
    assert ok.signer_status == "pinned" and ok.warnings == ()
    restored = KnownRegency(pin, first.manifest.epoch, 5, frozenset())
    assert verify_archive(second.path, identity=pair.identity, pinned=restored).warnings == (
        "seq_backwards",
    )
    new = verify_archive(second.path, identity=pair.identity, pinned=KnownRegency())
    assert new.signer_status == "new"


def test_another_regencys_key_is_refused(pair: Pair, tmp_path: Path) -> None:
    impostor = make_regency(tmp_path / "palsu", code="BUOL")
    try:
        keys.set_province_recipient(impostor, keys.recipient_file_text(pair.province))
        from brankas.core.archive.export import export_archive

        fake = export_archive(impostor, term_ids=[1], out_dir=pair.out)
        pin = KnownRegency(keys.signing_public_key(pair.regency.conn))
        err = _refused(
            pair, fake.path.read_bytes(), ArchiveSignerChanged, "signer_changed", pinned=pin
        )
        assert "BUOL" in str(err)
        # A key that reuses the pinned key id does not help either.
        other = SigningKey.generate()
        pin2 = KnownRegency(
            dataclasses.replace(other.public_key(), key_id=fake.manifest.signer.key_id)
        )
        _refused(pair, fake.path.read_bytes(), ArchiveSignerChanged, pinned=pin2)
    finally:
        impostor.close(backup=False)
