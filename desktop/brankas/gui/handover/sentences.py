"""Sentences for the handover, scan, rotation and checklist codes; anything else goes to
gui/errors.py, the one general table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brankas.core import errors as e
from brankas.core.services.handover_wizard import Problem
from brankas.gui.errors import error_message


def code_sentences() -> dict[str, str]:
    """Sentences by the stable ``code`` of the wizard's problems and the services' errors."""
    return {
        # --- the wizard's pages (core/services/handover_wizard.py) ---
        "kind_required": QCoreApplication.translate(
            "HandoverErrors", "Choose what kind of handover this is."
        ),
        "term_required": QCoreApplication.translate("HandoverErrors", "Choose a term."),
        "term_unknown": QCoreApplication.translate(
            "HandoverErrors", "That term no longer exists. Choose another one."
        ),
        "kecamatan_required": QCoreApplication.translate(
            "HandoverErrors", "Choose at least one kecamatan."
        ),
        "kecamatan_unknown": QCoreApplication.translate(
            "HandoverErrors", "A chosen kecamatan is not part of this term."
        ),
        "handover_no_accounts": QCoreApplication.translate(
            "HandoverErrors", "Tick at least one account to hand over."
        ),
        "account_not_candidate": QCoreApplication.translate(
            "HandoverErrors",
            "A ticked account cannot be handed over this way any more. Go back and choose again.",
        ),
        "party_required": QCoreApplication.translate("HandoverErrors", "Choose who signs here."),
        "party_wrong_side": QCoreApplication.translate(
            "HandoverErrors",
            "The office's side is signed by a regency official or operator, the committee's "
            "side by a member or staff of the committee.",
        ),
        "party_other_kecamatan": QCoreApplication.translate(
            "HandoverErrors", "This person serves on the committee of another kecamatan."
        ),
        "party_other_term": QCoreApplication.translate(
            "HandoverErrors", "This person serves on a committee of another term."
        ),
        "same_party": QCoreApplication.translate(
            "HandoverErrors", "The two parties must be two different people."
        ),
        "witness_repeated": QCoreApplication.translate(
            "HandoverErrors", "A witness is listed twice."
        ),
        "witness_is_party": QCoreApplication.translate(
            "HandoverErrors", "A witness cannot also sign as one of the two parties."
        ),
        "mengetahui_is_party": QCoreApplication.translate(
            "HandoverErrors",
            "The person who acknowledges (mengetahui) cannot also sign as one of the parties.",
        ),
        "date_required": QCoreApplication.translate("HandoverErrors", "Choose the date."),
        "date_invalid": QCoreApplication.translate("HandoverErrors", "This is not a valid date."),
        "handover_date_in_future": QCoreApplication.translate(
            "HandoverErrors", "A handover cannot be dated in the future."
        ),
        "handover_date_before_term": QCoreApplication.translate(
            "HandoverErrors", "The date is before the term started."
        ),
        "handover_date_before_custody": QCoreApplication.translate(
            "HandoverErrors",
            "The date is before the accounts reached their current holder. Choose a later date.",
        ),
        "number_needs_single_handover": QCoreApplication.translate(
            "HandoverErrors",
            "Several BAST are made (one per kecamatan), so their numbers follow the sequence. "
            "Leave the number empty.",
        ),
        "number_too_long": QCoreApplication.translate(
            "HandoverErrors", "The BAST number is too long."
        ),
        "number_control_char": QCoreApplication.translate(
            "HandoverErrors", "The BAST number has an invisible control character. Type it again."
        ),
        "place_too_long": QCoreApplication.translate("HandoverErrors", "The place is too long."),
        "value_too_long": QCoreApplication.translate("HandoverErrors", "This text is too long."),
        "value_control_char": QCoreApplication.translate(
            "HandoverErrors", "This text has an invisible control character. Type it again."
        ),
        # --- recording (core/services/handover.py, custody.py, continuation.py) ---
        "account_repeated": QCoreApplication.translate(
            "HandoverErrors", "An account is listed twice."
        ),
        "account_other_term": QCoreApplication.translate(
            "HandoverErrors", "An account belongs to another term."
        ),
        "account_other_kecamatan": QCoreApplication.translate(
            "HandoverErrors", "An account belongs to another kecamatan than the committee's party."
        ),
        "account_held_elsewhere": QCoreApplication.translate(
            "HandoverErrors",
            "An account is held by someone else than this handover takes it from. Check who "
            "holds it on the Accounts page.",
        ),
        "account_not_found": QCoreApplication.translate(
            "HandoverErrors", "An account no longer exists."
        ),
        "person_not_found": QCoreApplication.translate(
            "HandoverErrors", "A person chosen no longer exists."
        ),
        "term_not_found": QCoreApplication.translate(
            "HandoverErrors", "That term no longer exists."
        ),
        "bast_number_used": QCoreApplication.translate(
            "HandoverErrors", "That BAST number is already used. Type another or leave it empty."
        ),
        "office_code_empty": QCoreApplication.translate(
            "HandoverErrors",
            "BAST numbers need the office code. Set it in the office profile first.",
        ),
        "term_not_later": QCoreApplication.translate(
            "HandoverErrors", "Accounts can only continue into a term that starts later."
        ),
        "kecamatan_not_in_term": QCoreApplication.translate(
            "HandoverErrors", "The new term does not cover the kecamatan of an account."
        ),
        # --- signed scans ---
        "scan_too_large": QCoreApplication.translate(
            "HandoverErrors", "The file is larger than 20 MB. Scan at a lower resolution."
        ),
        "scan_wrong_type": QCoreApplication.translate(
            "HandoverErrors", "Only a PDF, JPG or PNG file can be attached as the signed BAST."
        ),
        # --- rotation (core/services/secrets.py) ---
        "password_empty": QCoreApplication.translate(
            "HandoverErrors", "Generate or type the new password first."
        ),
        "password_unchanged": QCoreApplication.translate(
            "HandoverErrors", "The new password is the same as the old one. Generate another."
        ),
        "backup_codes_empty": QCoreApplication.translate(
            "HandoverErrors", "Paste the new backup codes, one per line."
        ),
        # --- checklists (core/services/checklist.py) ---
        "checklist_closed": QCoreApplication.translate(
            "HandoverErrors",
            "This checklist is closed: the account is no longer waiting for deactivation.",
        ),
        "password_not_changed": QCoreApplication.translate(
            "HandoverErrors",
            "Change the account's password first (Term end → Password changes); then tick "
            "this step.",
        ),
        "step_text_empty": QCoreApplication.translate(
            "HandoverErrors", "Write the step in both languages."
        ),
        "step_text_too_long": QCoreApplication.translate(
            "HandoverErrors", "The step is too long (500 characters at most)."
        ),
        "step_key_invalid": QCoreApplication.translate(
            "HandoverErrors", "A step key has lowercase letters, digits and '_' only."
        ),
        "step_key_used": QCoreApplication.translate(
            "HandoverErrors", "The platform already has a step with that key."
        ),
        "final_step_required": QCoreApplication.translate(
            "HandoverErrors", "The final step (deactivate or keep) cannot be switched off."
        ),
        "final_step_not_last": QCoreApplication.translate(
            "HandoverErrors", "The final step must stay last."
        ),
        "reorder_mismatch": QCoreApplication.translate(
            "HandoverErrors", "The steps changed meanwhile. Close the dialog and open it again."
        ),
    }


def problem_text(problem: Problem) -> str:
    """The sentence for a wizard page's problem."""
    return code_sentences().get(problem.code) or QCoreApplication.translate(
        "HandoverErrors", "Check this field."
    )


def error_text(exc: BaseException) -> str:
    """The sentence for an error of the handover services (by code where it has one)."""
    if isinstance(exc, e.InvalidValue | e.DomainConflict | e.DomainNotFound):
        text = code_sentences().get(str(getattr(exc, "code", "")))
        if text is not None:
            return text
    return error_message(exc)


def error_field(exc: BaseException) -> str:
    """The field an error is about ("" when it names none)."""
    return str(getattr(exc, "field", "") or "")
