"""Round trip on random vaults: export → verify gives the same records, secrets and findings."""

from __future__ import annotations

import dataclasses
import tempfile
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

from archive_support import make_province, make_regency
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brankas.core.archive import keys, province
from brankas.core.archive.export import export_archive
from brankas.core.archive.verify import verify_archive
from brankas.core.domain.enums import AccountStatus, LifecycleKind, Owner, Platform, TwoFactorMethod
from brankas.core.domain.models import Account, AccountSecrets
from brankas.core.review.load import load_snapshot
from brankas.core.review.rules import review
from brankas.core.secret import Secret
from brankas.core.storage.repos import account, office, term

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
ACCOUNT = st.fixed_dictionaries(
    {
        "platform": st.sampled_from(
            [Platform.INSTAGRAM, Platform.FACEBOOK_PAGE, Platform.X, Platform.EMAIL]
        ),
        "status": st.sampled_from(
            [
                AccountStatus.PLANNED,
                AccountStatus.ACTIVE,
                AccountStatus.RETURNED,
                AccountStatus.DEACTIVATED,
            ]
        ),
        "email_owner": st.sampled_from(list(Owner)),
        "display": TEXT,
        "password": st.none() | TEXT.filter(bool),
        "totp": st.none() | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=16, max_size=32),
        "codes": st.none() | TEXT,
        "with_term": st.booleans(),
    }
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    specs=st.lists(ACCOUNT, max_size=12),
    include_secrets=st.booleans(),
    office_name=TEXT.filter(lambda s: s.strip() != ""),
)
def test_export_verify_import_round_trip(
    specs: list[dict[str, object]], include_secrets: bool, office_name: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        prov = make_province(root / "p")
        reg = make_regency(root / "r", accounts=1)
        try:
            conn = reg.conn
            office.update_office(
                conn, dataclasses.replace(office.own_office(conn), name=office_name)
            )
            kec = office.list_kecamatan(conn)
            rows, secrets = [], []
            for n, spec in enumerate(specs):
                rows.append(
                    Account(
                        platform=spec["platform"],  # type: ignore[arg-type]
                        handle=f"akun.{n}",
                        display_name=str(spec["display"]),
                        kecamatan_id=kec[n % len(kec)].id,
                        term_id=1 if spec["with_term"] else None,
                        lifecycle_kind=LifecycleKind.AD_HOC,
                        status=spec["status"],  # type: ignore[arg-type]
                        active_from=date(2024, 5, 1),
                        activated_at=datetime(2024, 5, 2, tzinfo=UTC),
                        recovery_email=f"r{n}@contoh.invalid",
                        recovery_email_owner=spec["email_owner"],  # type: ignore[arg-type]
                        twofa_method=TwoFactorMethod.TOTP if spec["totp"] else TwoFactorMethod.NONE,
                    )
                )
                secrets.append(
                    AccountSecrets(
                        account_id=0,
                        password=None
                        if spec["password"] is None
                        else Secret(str(spec["password"])),
                        totp_secret=None if spec["totp"] is None else Secret(str(spec["totp"])),
                        backup_codes=None if spec["codes"] is None else Secret(str(spec["codes"])),
                        notes=None,
                    )
                )
            account.add_accounts(conn, rows, secrets)
            keys.set_province_recipient(reg, keys.recipient_file_text(prov))
            result = export_archive(
                reg, term_ids=[1], include_secrets=include_secrets, out_dir=root
            )
            got = verify_archive(result.path, identity=keys.own_identity(prov.conn))
            expected = load_snapshot(conn, term_ids=[1])
            assert got.snapshot == expected
            # The manifest (shown before decryption) carries a one-line, control-free name;
            # the data keeps the name exactly.
            assert got.manifest.office_name == " ".join(
                "".join(" " if unicodedata.category(c) == "Cc" else c for c in office_name).split()
            )
            assert got.snapshot is not None and got.snapshot.office is not None
            assert got.snapshot.office.name == office_name
            today = term.get_term(conn, 1).end_date.replace(year=2026)
            assert review(got.snapshot, today=today) == review(expected, today=today)
            if include_secrets:
                assert got.secrets is not None and set(got.secrets) == set(expected.accounts)
                for account_id, archived in got.secrets.items():
                    stored = account_secrets(conn, account_id)
                    assert stored == tuple(
                        None if v is None else v.reveal()
                        for v in (archived.password, archived.totp_secret, archived.backup_codes)
                    )
            else:
                assert got.secrets is None
            fp = result.manifest.signer.fingerprint
            imported = province.import_archive(prov, result.path, confirm_fingerprint=fp)
            reopened = province.open_import(prov, imported.id)
            assert reopened.snapshot == expected and reopened.manifest == result.manifest
        finally:
            reg.close(backup=False)
            prov.close(backup=False)


def account_secrets(conn: object, account_id: int) -> tuple[str | None, ...]:
    from brankas.core.storage.repos import secrets as repo

    s = repo.get_secrets(conn, account_id)  # type: ignore[arg-type]
    return tuple(
        None if v is None else v.reveal() for v in (s.password, s.totp_secret, s.backup_codes)
    )
