"""Which links of an account's recovery chain point at a person rather than the office.

The chain: account → recovery e-mail → the phone/SIM that receives codes and who holds it
→ the 2FA device. A link is personal when it is marked as a person's; when the recovery
phone or 2FA device (owner not marked "office") is with a committee member; or when the
recovery e-mail's owner is not recorded, it is not an account in the vault, and it is at
a free personal provider (gmail.com, yahoo.co.id, …). A link marked "office" is trusted.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final

from brankas.core.domain.enums import Owner, PersonRole
from brankas.core.domain.models import Account, Person
from brankas.core.domain.normalize import email_is_personal_provider

# Committee members: the people an ad-hoc account must not stay with after the term.
COMMITTEE_ROLES: Final = frozenset({PersonRole.KETUA, PersonRole.ANGGOTA, PersonRole.STAFF})


class PersonalLink(StrEnum):
    """A link of the recovery chain that points at a person rather than the office."""

    RECOVERY_EMAIL_PERSON = "recovery_email_person"  # marked as a person's address
    RECOVERY_EMAIL_PROVIDER = "recovery_email_personal_provider"  # gmail.com etc., owner unknown
    RECOVERY_PHONE_PERSON = "recovery_phone_person"  # a person's number or SIM
    TWOFA_DEVICE_PERSON = "twofa_device_person"  # codes arrive on a person's device


class RecoveryCheck:
    """Checks accounts' recovery chains against one set of people (see module doc)."""

    def __init__(self, people: Mapping[int, Person]) -> None:
        self._people = people
        self._provider: dict[str, bool] = {}  # e-mail -> at a personal provider (memo)

    def _committee(self, person_id: int | None) -> bool:
        p = self._people.get(person_id) if person_id is not None else None
        return p is not None and p.role in COMMITTEE_ROLES

    def _personal_provider(self, email: str) -> bool:
        known = self._provider.get(email)
        if known is None:
            known = self._provider[email] = email_is_personal_provider(email)
        return known

    def links(self, a: Account) -> tuple[PersonalLink, ...]:
        """The personal links of one account's chain, in chain order (empty: none)."""
        office = Owner.OFFICE
        if (
            (a.recovery_email_owner is office or not a.recovery_email)
            and (a.recovery_phone_owner is office or not a.recovery_phone)
            and a.twofa_device_owner is office
        ):
            return ()  # every link is the office's: the common case, decided quickly
        links: list[PersonalLink] = []
        if a.recovery_email and a.recovery_email_owner is not office:
            if a.recovery_email_owner is Owner.PERSON or a.recovery_email_person_id is not None:
                links.append(PersonalLink.RECOVERY_EMAIL_PERSON)
            elif a.recovery_email_account_id is None and self._personal_provider(a.recovery_email):
                links.append(PersonalLink.RECOVERY_EMAIL_PROVIDER)
        if a.recovery_phone and (
            a.recovery_phone_owner is Owner.PERSON
            or (
                a.recovery_phone_owner is not office
                and self._committee(a.recovery_phone_holder_person_id)
            )
        ):
            links.append(PersonalLink.RECOVERY_PHONE_PERSON)
        if a.twofa_device_owner is Owner.PERSON or (
            a.twofa_device_owner is not office and self._committee(a.twofa_device_person_id)
        ):
            links.append(PersonalLink.TWOFA_DEVICE_PERSON)
        return tuple(links)
