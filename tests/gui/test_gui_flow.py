"""The wizard's page order and field checks, and the password policy — pure, no Qt."""

from __future__ import annotations

import pytest

from brankas.core.domain.enums import OfficeKind
from brankas.gui.password_policy import PasswordProblem, password_problems, password_score
from brankas.gui.wizard import flow
from brankas.gui.wizard.flow import Choice, FieldProblem, Page


def _walk(choice: Choice) -> list[Page]:
    pages, page = [Page.CHOOSE], Page.CHOOSE
    while (nxt := flow.next_page(page, choice)) is not None:
        pages.append(nxt)
        page = nxt
    return pages


def test_page_order() -> None:
    create = [Page.CHOOSE, Page.OFFICE, Page.ADMIN, Page.CREATE, Page.KIT, Page.CONFIRM_KIT]
    assert _walk(Choice.REGENCY) == create
    assert _walk(Choice.PROVINCE) == create
    assert _walk(Choice.OPEN) == [Page.CHOOSE, Page.OPEN_EXISTING]


def test_no_way_back_or_out_once_the_vault_exists() -> None:
    assert all(flow.can_cancel(p) for p in (Page.CHOOSE, Page.OFFICE, Page.ADMIN))
    assert not any(flow.can_cancel(p) for p in (Page.CREATE, Page.KIT, Page.CONFIRM_KIT))
    assert not flow.can_go_back(Page.KIT) and flow.can_go_back(Page.CONFIRM_KIT)


def test_office_kind() -> None:
    assert flow.office_kind(Choice.REGENCY) is OfficeKind.REGENCY
    assert flow.office_kind(Choice.PROVINCE) is OfficeKind.PROVINCE
    with pytest.raises(ValueError):
        flow.office_kind(Choice.OPEN)


def test_field_checks() -> None:
    assert flow.check_name("   ", 10) is FieldProblem.EMPTY
    assert flow.check_name("x" * 11, 10) is FieldProblem.TOO_LONG
    assert flow.check_name("  Siti   Rahma ", 10) is None
    assert flow.clean_name("  Siti   Rahma ") == "Siti Rahma"
    assert flow.check_new_vault_folder("", is_file=False, holds_vault=False) is FieldProblem.EMPTY
    assert (
        flow.check_new_vault_folder("/x", is_file=True, holds_vault=False)
        is FieldProblem.FOLDER_IS_FILE
    )
    assert (
        flow.check_new_vault_folder("/x", is_file=False, holds_vault=True)
        is FieldProblem.FOLDER_HOLDS_VAULT
    )
    assert flow.check_new_vault_folder("/x", is_file=False, holds_vault=False) is None
    assert (
        flow.check_existing_vault_folder("/x", holds_vault=False) is FieldProblem.FOLDER_NOT_VAULT
    )
    assert flow.check_existing_vault_folder("/x", holds_vault=True) is None


def test_password_policy() -> None:
    assert password_problems("", "", 0) == [PasswordProblem.EMPTY]
    assert password_problems("short", "short", 0) == [PasswordProblem.TOO_SHORT]
    assert password_problems("aaaaaaaaaaaa", "aaaaaaaaaaaa", 0) == [PasswordProblem.TOO_WEAK]
    strong = "kopi-pagi-di-kantor-buol"
    score = password_score(strong)
    assert score >= 3
    assert password_problems(strong, strong + "x", score) == [PasswordProblem.MISMATCH]
    assert password_problems(strong, strong, score) == []
    # Words the user typed elsewhere (their name, the office) count against the password.
    assert (
        password_score("SitiRahmawati2025", ["Siti Rahmawati"])
        < password_score("SitiRahmawati2025")
        or password_score("SitiRahmawati2025", ["Siti Rahmawati"]) <= 2
    )
