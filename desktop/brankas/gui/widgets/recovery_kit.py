"""The recovery kit on screen: shown once (print / save as PDF), typed back, or typed in."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brankas.core.crypto.recovery import GROUP_DIGITS, GROUPS, parse_recovery_key
from brankas.core.errors import DiskFull, RecoveryKitInvalid, VaultReadOnly
from brankas.gui.errors import error_message
from brankas.gui.recovery_sheet import (
    RecoverySheetData,
    render_recovery_sheet,
    save_recovery_sheet_pdf,
)
from brankas.gui.resources import Resources
from brankas.gui.theme import set_role

log = logging.getLogger(__name__)

# Widgets and dialogs with this property set are closed when the vault locks.
SECRET_PROPERTY = "brankasShowsSecret"  # noqa: S105 (a property name, not a password)


def group_is_valid(index: int, digits: str) -> bool:
    """Whether ``digits`` pass the check of group ``index`` (0-based), by asking core's
    parser about a key whose other groups are a known-good filler."""
    if len(digits) != GROUP_DIGITS or not digits.isdigit():
        return False
    groups = ["0" * GROUP_DIGITS] * GROUPS
    groups[index] = digits
    try:
        parse_recovery_key("-".join(groups))
    except RecoveryKitInvalid:
        return False
    return True


class RecoveryKitView(QWidget):
    """The 48 digits, large and monospaced, with Print… and Save as PDF…."""

    printed = Signal()
    saved = Signal(Path)

    def __init__(
        self, resources: Resources, data: RecoverySheetData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKitView")
        self.setProperty(SECRET_PROPERTY, True)
        self.data = data
        self._print_dialog: QPrintDialog | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This is the vault's recovery kit. It is shown only now. Print it (or write "
                "it down) and keep it in the office safe: it opens the vault if every admin "
                "password is lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.group_labels: list[QLabel] = []
        for i, group in enumerate(data.groups):
            row, col = divmod(i, 4)
            index = QLabel(str(i + 1))
            index.setProperty("role", "kitIndex")
            index.setAlignment(Qt.AlignmentFlag.AlignCenter)
            digits = QLabel(group)
            digits.setProperty("role", "kitGroup")
            digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
            digits.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            digits.setObjectName(f"kitGroup{i + 1}")
            grid.addWidget(index, row * 2, col)
            grid.addWidget(digits, row * 2 + 1, col)
            self.group_labels.append(digits)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(resources.themed_icon("print"), self.tr("Print…"))
        self.print_button.setObjectName("printKit")
        self.pdf_button = QPushButton(resources.themed_icon("save"), self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("savePdf")
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        caution = QLabel(
            self.tr(
                "A PDF file of the kit is as sensitive as the printed sheet: print it, then "
                "delete the file. Do not keep it on a shared PC or e-mail it."
            )
        )
        caution.setProperty("role", "hint")
        caution.setWordWrap(True)
        layout.addWidget(caution)
        self.status = QLabel()
        self.status.setObjectName("kitStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.print_button.clicked.connect(self._ask_print)
        self.pdf_button.clicked.connect(self._ask_pdf)

    def _ask_print(self) -> None:
        # One dialog per view, reused. It owns its printer (a QPrinter kept alive only by
        # a Python closure can go before the dialog's destructor is done with it), and it
        # is not deleted on close: PySide6 crashes deleting a QPrintDialog that way.
        if self._print_dialog is None:
            dialog = QPrintDialog(self)
            dialog.setWindowTitle(self.tr("Print the recovery kit"))
            dialog.accepted.connect(lambda: self.print_to(dialog.printer()))
            # QPrintDialog.open() needs a receiver in PySide6 (it hides QDialog.open()).
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._print_dialog = dialog
        self._print_dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        """Print the sheet on ``printer``."""
        render_recovery_sheet(self.data, printer)
        self.status.setText(self.tr("The recovery kit was sent to the printer."))
        self.printed.emit()

    def _ask_pdf(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery kit as PDF"),
            str(Path.home() / "kit-pemulihan-brankas.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            self.save_pdf(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def save_pdf(self, path: Path) -> None:
        """Write the sheet to ``path``; errors become a sentence in the status line."""
        try:
            save_recovery_sheet_pdf(self.data, path)
        except DiskFull as exc:
            self.status.setText(error_message(exc))
            return
        except (VaultReadOnly, OSError):
            # Not the vault folder: say "could not write a file", not "vault read-only".
            self.status.setText(error_message(OSError()))
            return
        self.status.setText(self.tr("Saved to {path}.").format(path=str(path)))
        self.saved.emit(path)


class KitConfirm(QWidget):
    """ "Type group N of the kit": proves the kit was written down or printed."""

    confirmed_changed = Signal(bool)

    def __init__(self, recovery_key: str, group_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(SECRET_PROPERTY, True)
        groups = [g for g in recovery_key.split("-") if g]
        if not 1 <= group_number <= len(groups):
            raise ValueError("group_number must be 1-8")
        self.group_number = group_number
        self._expected = groups[group_number - 1]
        self._confirmed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.prompt = QLabel(
            self.tr(
                "To check that you have the kit, type group {n} from your printout or notes:"
            ).format(n=group_number)
        )
        self.prompt.setWordWrap(True)
        self.input = QLineEdit()
        self.input.setObjectName("kitConfirmInput")
        self.input.setProperty("role", "kitInput")
        self.input.setMaxLength(GROUP_DIGITS)
        self.input.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}")))
        self.input.setMaximumWidth(160)
        self.feedback = QLabel()
        self.feedback.setObjectName("kitConfirmFeedback")
        self.feedback.setProperty("role", "ok")
        self.feedback.setVisible(False)
        layout.addWidget(self.prompt)
        layout.addWidget(self.input)
        layout.addWidget(self.feedback)
        self.input.textChanged.connect(self._check)

    @property
    def confirmed(self) -> bool:
        """True once the typed group matches."""
        return self._confirmed

    def _check(self, text: str) -> None:
        ok = text == self._expected
        if len(text) == GROUP_DIGITS:
            set_role(self.feedback, "ok" if ok else "error")
            self.feedback.setText(
                self.tr("That matches.")
                if ok
                else self.tr("That is not group {n}.").format(n=self.group_number)
            )
        self.feedback.setVisible(len(text) == GROUP_DIGITS)
        if ok != self._confirmed:
            self._confirmed = ok
            self.confirmed_changed.emit(ok)
