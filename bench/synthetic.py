"""Plainly fake vault contents for benchmarks: N accounts with secrets spread over M kecamatan.

Kept deliberately simple (one term, round-robin kecamatan and platforms); it exists to
load a vault, not to model an office. Seeded, so every run writes the same data.
"""

from __future__ import annotations

import random
import string
from datetime import date

from brankas.core.domain.enums import (
    AccountStatus,
    Election,
    LifecycleKind,
    Platform,
    TwoFactorMethod,
)
from brankas.core.domain.models import Account, AccountSecrets, Kecamatan, Term
from brankas.core.secret import Secret
from brankas.core.storage.db import Connection, transaction
from brankas.core.storage.repos.office import add_kecamatan, own_office
from brankas.core.storage.repos.term import add_term

PLATFORMS = (
    Platform.INSTAGRAM,
    Platform.FACEBOOK_PAGE,
    Platform.X,
    Platform.TIKTOK,
    Platform.YOUTUBE,
    Platform.EMAIL,
)
_PASSWORD_CHARS = string.ascii_letters + string.digits + "!#$%&*+-=?@^_"
_BASE32 = string.ascii_uppercase + "234567"


def add_synthetic_places(conn: Connection, kecamatan_count: int) -> tuple[list[int], int]:
    """Add ``kecamatan_count`` made-up kecamatan and one term.

    Returns:
        (kecamatan ids, term id).
    """
    with transaction(conn):
        office_id = own_office(conn).id
        kec_ids = [
            add_kecamatan(
                conn, Kecamatan(office_id=office_id, name=f"Kecamatan Contoh {i + 1:03d}")
            ).id
            for i in range(kecamatan_count)
        ]
        term = add_term(
            conn,
            Term(
                name="Pemilu 2024 (contoh)",
                election=Election.PEMILU,
                year=2024,
                start_date=date(2023, 1, 1),
                end_date=date(2024, 12, 31),
            ),
        )
    return kec_ids, term.id


def synthetic_accounts(
    n: int, kecamatan_ids: list[int], term_id: int, *, seed: int = 2024
) -> tuple[list[Account], list[AccountSecrets]]:
    """``n`` accounts round-robin over the kecamatan, each with a 20-character password;
    a third with a TOTP secret, a fifth with backup codes, a quarter with notes.

    Returns:
        (accounts, their secrets in the same order) for ``add_accounts``.
    """
    rng = random.Random(seed)
    accounts: list[Account] = []
    secrets: list[AccountSecrets] = []
    for i in range(n):
        kec = kecamatan_ids[i % len(kecamatan_ids)]
        platform = PLATFORMS[(i // len(kecamatan_ids)) % len(PLATFORMS)]
        has_totp = i % 3 == 0
        accounts.append(
            Account(
                platform=platform,
                handle=f"panwascam.k{kec:03d}.{platform.value}.{i:06d}",
                display_name=f"Panwaslu Kecamatan Contoh {kec}",
                kecamatan_id=kec,
                term_id=term_id,
                lifecycle_kind=LifecycleKind.AD_HOC,
                status=AccountStatus.ACTIVE,
                recovery_email=f"panwascam{kec:03d}@contoh.invalid",
                twofa_method=TwoFactorMethod.TOTP if has_totp else TwoFactorMethod.NONE,
            )
        )
        secrets.append(
            AccountSecrets(
                account_id=0,
                password=Secret("".join(rng.choices(_PASSWORD_CHARS, k=20))),
                totp_secret=Secret("".join(rng.choices(_BASE32, k=32))) if has_totp else None,
                backup_codes=(
                    Secret("\n".join(f"{rng.randrange(10**8):08d}" for _ in range(10)))
                    if i % 5 == 0
                    else None
                ),
                notes=Secret(f"Catatan contoh nomor {i}.") if i % 4 == 0 else None,
            )
        )
    return accounts, secrets
