"""Mutated archives (bit flips, truncations, insertions, member swaps): every one is refused
with a typed ArchiveError, and no refusal carries any of the plaintext."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from archive_support import MARKER_HANDLE, MARKER_PASSWORD, make_province, make_regency
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brankas.core.archive import container, keys
from brankas.core.archive import format as fmt
from brankas.core.archive.export import export_archive
from brankas.core.archive.verify import KnownRegency, verify_archive
from brankas.core.errors import ArchiveError
from brankas.core.secret import Secret

# A few hundred cases per kind in the normal suite; BRANKAS_ARCHIVE_MUTATIONS=10000 for a long run.
EXAMPLES = int(os.environ.get("BRANKAS_ARCHIVE_MUTATIONS", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same few hundred cases on every run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class Corpus:
    good: bytes
    other: bytes  # a second export of the same vault
    foreign: bytes  # an export by another regency's key
    identity: Secret
    pinned: KnownRegency


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    root: Path = tmp_path_factory.mktemp("mutasi")
    prov = make_province(root / "p")
    reg = make_regency(root / "r")
    alien = make_regency(root / "x")
    try:
        for v in (reg, alien):
            keys.set_province_recipient(v, keys.recipient_file_text(prov))
        good = export_archive(reg, term_ids=[1], out_dir=root).path.read_bytes()
        other = export_archive(reg, term_ids=[1], out_dir=root).path.read_bytes()
        foreign = export_archive(alien, term_ids=[1], out_dir=root).path.read_bytes()
        pinned = KnownRegency(keys.signing_public_key(reg.conn))
        identity = keys.own_identity(prov.conn)
        # Control: the unmutated archive verifies, so a refusal below is the mutation's doing.
        verify_archive(good, identity=identity, pinned=pinned)
        yield Corpus(good, other, foreign, identity, pinned)
    finally:
        for v in (prov, reg, alien):
            v.close(backup=False)


def _refused(corpus: Corpus, data: bytes) -> None:
    # Swapping every member for the other export's gives that (genuine) archive back.
    if data in (corpus.good, corpus.other):
        return
    with pytest.raises(ArchiveError) as err:  # and nothing else: no ValueError, KeyError, …
        verify_archive(data, identity=corpus.identity, pinned=corpus.pinned)
    text = f"{err.value} {err.value.code} {err.value.member}"
    assert MARKER_PASSWORD not in text and MARKER_HANDLE not in text


@SETTINGS
@given(data=st.data())
def test_bit_flips_anywhere(corpus: Corpus, data: st.DataObject) -> None:
    good = bytearray(corpus.good)
    flips = data.draw(
        st.lists(st.integers(0, len(good) * 8 - 1), min_size=1, max_size=3, unique=True)
    )
    for bit in flips:
        good[bit // 8] ^= 1 << (bit % 8)
    _refused(corpus, bytes(good))


@SETTINGS
@given(data=st.data())
def test_truncations_insertions_deletions(corpus: Corpus, data: st.DataObject) -> None:
    good = corpus.good
    kind = data.draw(st.sampled_from(["truncate", "insert", "delete", "overwrite"]))
    at = data.draw(st.integers(0, len(good) - 1))
    if kind == "truncate":
        mutated = good[:at]
    elif kind == "insert":
        mutated = good[:at] + data.draw(st.binary(min_size=1, max_size=64)) + good[at:]
    elif kind == "delete":
        mutated = good[:at] + good[at + data.draw(st.integers(1, 64)) :]
    else:
        chunk = data.draw(st.binary(min_size=1, max_size=64))
        mutated = good[:at] + chunk + good[at + len(chunk) :]
    _refused(corpus, mutated)


def _members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(pairs: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in pairs:
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), body)
    return buf.getvalue()


NAMES = [
    fmt.MANIFEST,
    fmt.SIGNATURE,
    fmt.PAYLOAD,
    fmt.PASSPHRASE_PAYLOAD,
    "x.txt",
    "../x",
    "pdfs/a.pdf",
]


@SETTINGS
@given(data=st.data())
def test_member_level_changes(corpus: Corpus, data: st.DataObject) -> None:
    sources = {
        "good": _members(corpus.good),
        "other": _members(corpus.other),
        "foreign": _members(corpus.foreign),
    }
    pairs = list(sources["good"].items())
    ops = data.draw(
        st.lists(
            st.sampled_from(["swap_in", "drop", "add", "dup", "reorder"]), min_size=1, max_size=3
        )
    )
    for op in ops:
        if op == "swap_in" and pairs:
            n = data.draw(st.integers(0, len(pairs) - 1))
            src = sources[data.draw(st.sampled_from(["other", "foreign"]))]
            name = pairs[n][0]
            pairs[n] = (name, src.get(name, b"lain"))
        elif op == "drop" and pairs:
            pairs.pop(data.draw(st.integers(0, len(pairs) - 1)))
        elif op == "add":
            pairs.append((data.draw(st.sampled_from(NAMES)), data.draw(st.binary(max_size=32))))
        elif op == "dup" and pairs:
            pairs.append(pairs[data.draw(st.integers(0, len(pairs) - 1))])
        elif op == "reorder":
            pairs = data.draw(st.permutations(pairs))
    if not data.draw(st.booleans()):  # sometimes a canonical container around the change
        names = [n for n, _ in pairs]
        if (
            len(set(names)) == len(names)
            and set(names) <= set(NAMES[:4])
            and set(NAMES[:3]) <= set(names)
        ):
            _refused(corpus, container.write_outer(dict(pairs)))
            return
    _refused(corpus, _write(pairs) if len({n for n, _ in pairs}) == len(pairs) else _dup_zip(pairs))


def _dup_zip(pairs: list[tuple[str, bytes]]) -> bytes:
    from archive_support import raw_zip

    return raw_zip(pairs)
