"""The demo vault's findings, pinned: restructuring the rules for speed changes none of them.

The digests were taken with the rules as they were before the speed-ups of the review
archive work (per-account generators, records for every checklist item). A deliberate
change to a rule or a message changes them: check the new findings, then update.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from brankas.core.review._checklists import ChecklistColumns
from brankas.core.review.load import load_snapshot
from brankas.core.review.rules import Finding, review
from brankas.core.review.snapshot import Snapshot
from brankas.core.services.demo import build_demo_vault
from brankas_testing import FAST_POLICY, fast_kdf


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Snapshot]:
    folder: Path = tmp_path_factory.mktemp("golden") / "demo"
    vault, _kit = build_demo_vault(
        folder, password="sandi demo", policy=FAST_POLICY, kdf=fast_kdf()
    )
    try:
        yield load_snapshot(vault.conn)
    finally:
        vault.close(backup=False)


def _digest(findings: list[Finding]) -> str:
    rows = [
        [
            f.rule_id,
            f.severity.value,
            f.code,
            f.term_id,
            f.kecamatan_id,
            f.account_id,
            f.handover_id,
            [[k, list(v)] if isinstance(v, tuple) else [k, v] for k, v in f.params],
        ]
        for f in findings
    ]
    blob = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


_MISSING = {"bast_scan_missing": 24, "recovery_phone_personal": 3, "required_account_missing": 16}
_ENDED = _MISSING | {"held_after_term_end": 12, "not_deactivated": 27, "password_not_changed": 11}


@pytest.mark.parametrize(
    ("today", "terms", "digest", "codes"),
    [
        (date(2024, 6, 1), None, "9ed06ebd84dcd3bc", _MISSING),
        (date(2024, 6, 1), [2], "be2d70b31c32d2f2", None),
        (date(2025, 3, 1), None, "c482393b5cc961b5", _ENDED),
        (date(2025, 3, 1), [1], "d2703869caa9c2ae", None),
        (date(2025, 3, 1), [2], "e5dc2ecc2f2acc04", None),
        (date(2026, 1, 1), None, "c4067bd720b5d2fb", _ENDED),
        (date(2026, 1, 1), [2], "14db90fa82a7d6dd", None),
    ],
)
def test_demo_findings_are_unchanged(
    demo: Snapshot, today: date, terms: list[int] | None, digest: str, codes: dict[str, int] | None
) -> None:
    assert isinstance(demo.checklists, ChecklistColumns)  # the load keeps them as columns
    demo._cache.clear()  # facts built afresh for each date
    findings = review(demo, today=today, term_ids=terms)
    if codes is not None:
        assert dict(Counter(f.code for f in findings)) == codes
    assert _digest(findings) == digest
