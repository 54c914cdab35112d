"""ZIP writing and guarded reading: the outer (stored, canonical) and inner (payload) containers."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from brankas.core.archive import format as fmt
from brankas.core.archive.format import FileEntry
from brankas.core.errors import ArchiveMalformed, ArchiveTampered, ArchiveTooLarge

# Fixed member time: the archive's bytes depend on its contents only, so any change to
# any byte of the container is detected (the export time is in the manifest).
_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
_FILE_MODE: Final = 0o600 << 16  # unzip creates owner-only files
_OUTER_REQUIRED: Final = (fmt.MANIFEST, fmt.SIGNATURE, fmt.PAYLOAD)
_OUTER_ORDER: Final = (*_OUTER_REQUIRED, fmt.PASSPHRASE_PAYLOAD)
_OUTER_LIMITS: Final = {
    fmt.MANIFEST: fmt.MAX_MANIFEST_BYTES,
    fmt.SIGNATURE: fmt.MAX_SIGNATURE_BYTES,
    fmt.PAYLOAD: fmt.MAX_ARCHIVE_BYTES,
    fmt.PASSPHRASE_PAYLOAD: fmt.MAX_ARCHIVE_BYTES,
}
INNER_COMPRESSLEVEL: Final = 1  # ~0.3 s for 160 MB of JSON, ~22x smaller


def _info(name: str, compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = compress_type
    info.external_attr = _FILE_MODE
    info.create_system = 3  # Unix, so that the mode above is honoured
    return info


def write_outer(members: Mapping[str, bytes]) -> bytes:
    """The archive file: members stored (uncompressed) in the fixed order, no comment.

    Args:
        members: manifest.json, manifest.minisig, payload.age and optionally
            payload-passphrase.age.
    """
    names = [n for n in _OUTER_ORDER if n in members]
    if set(names) != set(members) or not set(_OUTER_REQUIRED) <= set(names):
        raise ValueError(f"unexpected outer members {sorted(members)}")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for name in names:
            zf.writestr(_info(name, zipfile.ZIP_STORED), members[name])
    return buf.getvalue()


def _unsafe(name: str) -> bool:
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or ":" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
    )


def _check_infos(
    infos: Sequence[zipfile.ZipInfo],
    *,
    allowed: Iterable[str],
    size_of_file: int,
    stored_only: bool,
    where: str,
) -> None:
    names = [i.filename for i in infos]
    for name in names:
        if _unsafe(name):
            raise ArchiveMalformed(
                f"{where} holds an unsafe file name", code="unsafe_name", member=name[:100]
            )
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise ArchiveMalformed(f"{where} holds {dup} twice", code="member_duplicate", member=dup)
    extra = sorted(set(names) - set(allowed))
    if extra:
        raise ArchiveMalformed(
            f"{where} holds an unexpected file", code="member_unexpected", member=extra[0][:100]
        )
    total = 0
    for i in infos:
        if i.flag_bits & 0x1:
            raise ArchiveMalformed(
                f"{where}: {i.filename} is encrypted", code="member_encrypted", member=i.filename
            )
        if stored_only and i.compress_type != zipfile.ZIP_STORED:
            raise ArchiveMalformed(
                f"{where}: {i.filename} is compressed; archives are stored uncompressed",
                code="member_compressed",
                member=i.filename,
            )
        if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ArchiveMalformed(
                f"{where}: {i.filename} uses an unknown compression",
                code="member_compression",
                member=i.filename,
            )
        ratio = i.file_size / max(i.compress_size, 1)
        if ratio > (1 if i.compress_type == zipfile.ZIP_STORED else fmt.MAX_COMPRESSION_RATIO):
            raise ArchiveTooLarge(
                f"{where}: {i.filename} expands too much (zip bomb)",
                code="zip_bomb_ratio",
                member=i.filename,
            )
        total += i.compress_size
    if total > size_of_file:
        # Entries sharing their bytes (overlapping members) are the other zip-bomb trick.
        raise ArchiveTooLarge(
            f"{where}: members overlap (zip bomb)", code="zip_bomb_overlap", member=""
        )


def _open_zip(data: bytes, where: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,  # UnicodeDecodeError of a name flagged UTF-8, among others
        EOFError,
        OSError,
        NotImplementedError,  # "zip file version …"
        struct.error,
        KeyError,
        IndexError,
    ):
        raise ArchiveMalformed(f"{where} is not a readable ZIP file", code="not_zip") from None


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, where: str) -> bytes:
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise ArchiveTampered(
                f"{where}: {info.filename} was damaged or changed (checksum)",
                code="member_crc",
                member=info.filename,
            ) from None
        raise ArchiveMalformed(
            f"{where}: {info.filename} cannot be read",
            code="member_unreadable",
            member=info.filename,
        ) from None
    except (zlib.error, ValueError, EOFError, OSError, NotImplementedError, RuntimeError):
        raise ArchiveMalformed(
            f"{where}: {info.filename} cannot be read",
            code="member_unreadable",
            member=info.filename,
        ) from None
    if len(data) > limit:
        raise ArchiveTooLarge(
            f"{where}: {info.filename} is too large", code="member_too_large", member=info.filename
        )
    if len(data) != info.file_size:
        raise ArchiveMalformed(
            f"{where}: {info.filename} has the wrong size", code="member_size", member=info.filename
        )
    return data


def read_outer(data: bytes) -> dict[str, bytes]:
    """Read the archive file, refusing anything but the exact layout :func:`write_outer` makes.

    Returns:
        Member name → bytes (manifest.json, manifest.minisig, payload.age, and
        payload-passphrase.age when present). Nothing here is authenticated yet.

    Raises:
        ArchiveTooLarge: the file or a member is over its limit; a zip bomb.
        ArchiveMalformed: not a ZIP; unsafe, duplicate, unexpected or missing members;
            compressed or encrypted members; any byte outside the canonical layout.
        ArchiveTampered: a member's CRC does not match.
    """
    where = "the archive"
    if len(data) > fmt.MAX_ARCHIVE_BYTES:
        raise ArchiveTooLarge(
            f"the archive is larger than {fmt.MAX_ARCHIVE_BYTES} bytes", code="archive_too_large"
        )
    with _open_zip(data, where) as zf:
        infos = zf.infolist()
        if len(infos) > len(_OUTER_ORDER):
            raise ArchiveMalformed(
                "the archive holds too many files", code="member_unexpected", member=""
            )
        _check_infos(
            infos, allowed=_OUTER_ORDER, size_of_file=len(data), stored_only=True, where=where
        )
        present = {i.filename for i in infos}
        for name in _OUTER_REQUIRED:
            if name not in present:
                raise ArchiveMalformed(
                    f"the archive has no {name}", code="member_missing", member=name
                )
        members = {i.filename: _read_member(zf, i, _OUTER_LIMITS[i.filename], where) for i in infos}
    if write_outer(members) != data:
        # Headers, order, padding, comments, extra fields, trailing or leading bytes:
        # nothing but the canonical container is accepted.
        raise ArchiveMalformed(
            "the archive's container was changed (not the layout Brankas writes)",
            code="container_layout",
        )
    return members


# --- inner (payload plaintext) ----------------------------------------------------------
def entries(members: Sequence[tuple[str, bytes]]) -> tuple[FileEntry, ...]:
    """The manifest's ``contents``: name, SHA-256 and size of each payload file."""
    return tuple(FileEntry(n, hashlib.sha256(d).hexdigest(), len(d)) for n, d in members)


def write_inner(members: Sequence[tuple[str, bytes]]) -> bytes:
    """The payload plaintext: a ZIP of the data files (JSON deflated, PDFs stored).

    Args:
        members: (name, bytes) in order, manifest.json last.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", allowZip64=True) as zf:
        for name, data in members:
            if not fmt.valid_member_name(name):
                raise ValueError(f"unsafe payload member name {name!r}")
            packed = name.startswith(fmt.PDF_FOLDER)  # already compressed
            kind = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
            zf.writestr(_info(name, kind), data, compresslevel=INNER_COMPRESSLEVEL)
    return buf.getvalue()


def read_inner(data: bytes, contents: Sequence[FileEntry]) -> dict[str, bytes]:
    """Read the decrypted payload, checking it against the (signed) manifest's list.

    Args:
        data: the payload plaintext.
        contents: the manifest's ``contents``: every file but manifest.json.

    Returns:
        Name → bytes for manifest.json and every listed file.

    Raises:
        ArchiveTooLarge: a member or the total is over the limits; a zip bomb.
        ArchiveMalformed: unsafe, duplicate, unexpected or missing members.
        ArchiveTampered: a member's size or SHA-256 differs from the manifest's.
    """
    where = "the payload"
    expected = {e.name: e for e in contents}
    allowed = {fmt.MANIFEST, *expected}
    with _open_zip(data, where) as zf:
        infos = zf.infolist()
        if len(infos) > fmt.MAX_INNER_MEMBERS + 1:
            raise ArchiveMalformed(f"{where} holds too many files", code="member_unexpected")
        _check_infos(infos, allowed=allowed, size_of_file=len(data), stored_only=False, where=where)
        present = {i.filename for i in infos}
        missing = sorted(allowed - present)
        if missing:
            raise ArchiveMalformed(
                f"{where} has no {missing[0]}", code="member_missing", member=missing[0]
            )
        declared = sum(i.file_size for i in infos)
        if declared > fmt.MAX_PLAINTEXT_TOTAL:
            raise ArchiveTooLarge(f"{where} expands too much", code="payload_too_large")
        out: dict[str, bytes] = {}
        for info in infos:
            name = info.filename
            want = expected.get(name)
            if want is not None and info.file_size != want.size:
                raise ArchiveTampered(
                    f"{where}: {name} does not have the size the manifest says",
                    code="member_size",
                    member=name,
                )
            limit = fmt.MAX_MANIFEST_BYTES if want is None else fmt.MAX_MEMBER_PLAINTEXT
            body = _read_member(zf, info, limit, where)
            if want is not None and hashlib.sha256(body).hexdigest() != want.sha256:
                raise ArchiveTampered(
                    f"{where}: {name} does not match the manifest's hash",
                    code="member_hash",
                    member=name,
                )
            out[name] = body
    return out
