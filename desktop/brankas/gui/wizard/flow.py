"""First-run wizard: which page comes next and what each page accepts. Pure (no Qt)."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from brankas.core.domain import numbering
from brankas.core.domain.enums import OfficeKind
from brankas.core.errors import InvalidValue

MAX_OFFICE_NAME = 120
MAX_OPERATOR_NAME = 80
MAX_OFFICE_CODE = 40
MAX_CITY = 100


class Page(IntEnum):
    """The wizard's pages; values are QWizard page ids."""

    CHOOSE = 0
    OPEN_EXISTING = 1
    OFFICE = 2
    ADMIN = 3
    CREATE = 4
    KIT = 5
    CONFIRM_KIT = 6
    DEMO = 7


class Choice(StrEnum):
    """What the user chose to do on the first page."""

    REGENCY = "regency"  # create a regency/city vault
    PROVINCE = "province"  # create a province vault
    OPEN = "open"  # open a vault folder that already exists
    DEMO = "demo"  # build (or reopen) the Kabupaten Buol demo vault and open it


_CREATE_ORDER = (Page.OFFICE, Page.ADMIN, Page.CREATE, Page.KIT, Page.CONFIRM_KIT)


def next_page(page: Page, choice: Choice) -> Page | None:
    """The page after ``page`` for ``choice``; None when ``page`` is the last one."""
    if page is Page.CHOOSE:
        if choice is Choice.DEMO:
            return Page.DEMO
        return Page.OPEN_EXISTING if choice is Choice.OPEN else Page.OFFICE
    if page in (Page.OPEN_EXISTING, Page.DEMO):
        return None
    position = _CREATE_ORDER.index(page)
    return _CREATE_ORDER[position + 1] if position + 1 < len(_CREATE_ORDER) else None


def can_go_back(page: Page) -> bool:
    """Once the vault exists there is no undoing it: no Back from creation onwards,
    except from the confirmation to have another look at the kit."""
    return page not in (Page.CREATE, Page.KIT, Page.DEMO)


def can_cancel(page: Page) -> bool:
    """After creation, leaving would lose the recovery kit: the wizard must finish. The
    demo page opens its vault on finishing; it has nothing to lose."""
    return page < Page.CREATE or page is Page.DEMO


def office_kind(choice: Choice) -> OfficeKind:
    """The kind of office a new vault is for.

    Raises:
        ValueError: ``choice`` opens an existing vault.
    """
    if choice is Choice.OPEN:
        raise ValueError("opening an existing vault creates no office")
    return OfficeKind.PROVINCE if choice is Choice.PROVINCE else OfficeKind.REGENCY  # demo too


class FieldProblem(StrEnum):
    """Why a field on the office or admin page is refused."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    FOLDER_HOLDS_VAULT = "folder_holds_vault"
    FOLDER_NOT_VAULT = "folder_not_vault"
    FOLDER_IS_FILE = "folder_is_file"


def clean_name(text: str) -> str:
    """A name with surrounding and repeated spaces removed (as core stores it)."""
    return " ".join(text.split())


def check_name(text: str, limit: int) -> FieldProblem | None:
    """A required one-line name of at most ``limit`` characters."""
    name = clean_name(text)
    if not name:
        return FieldProblem.EMPTY
    if len(name) > limit:
        return FieldProblem.TOO_LONG
    return None


def check_new_vault_folder(
    path_text: str, *, is_file: bool, holds_vault: bool
) -> FieldProblem | None:
    """Where a new vault goes: a folder (new or existing) without a vault in it."""
    if not path_text.strip():
        return FieldProblem.EMPTY
    if is_file:
        return FieldProblem.FOLDER_IS_FILE
    if holds_vault:
        return FieldProblem.FOLDER_HOLDS_VAULT
    return None


def check_existing_vault_folder(path_text: str, *, holds_vault: bool) -> FieldProblem | None:
    """A folder that must already hold a vault."""
    if not path_text.strip():
        return FieldProblem.EMPTY
    if not holds_vault:
        return FieldProblem.FOLDER_NOT_VAULT
    return None


def office_code_problem(text: str) -> str | None:
    """The core error code for an office code as typed (None: acceptable). The code is
    optional in the wizard: empty is fine, it can be completed later in Settings."""
    if not text.strip():
        return None
    try:
        numbering.validate_office_code(text)
    except InvalidValue as exc:
        return exc.code
    return None
