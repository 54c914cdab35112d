"""Wizard pages before creation: choose, open an existing folder, office, first admin."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from brankas.core.errors import InvalidValue, NotAVault, VaultExists
from brankas.core.vault.opening import looks_like_vault
from brankas.gui.errors import error_message
from brankas.gui.labels import office_kind_label
from brankas.gui.resources import Resources
from brankas.gui.widgets.forms import align_form_labels
from brankas.gui.widgets.new_password import NewPasswordForm
from brankas.gui.wizard import flow
from brankas.gui.wizard.flow import Choice, FieldProblem
from brankas.gui.wizard.state import WizardState


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("pageError")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def folder_problem_text(problem: FieldProblem) -> str:
    """A sentence for a folder problem; vault errors come from the one error mapping."""
    if problem is FieldProblem.FOLDER_HOLDS_VAULT:
        return error_message(VaultExists(""))
    if problem is FieldProblem.FOLDER_NOT_VAULT:
        return error_message(NotAVault(""))
    if problem is FieldProblem.FOLDER_IS_FILE:
        return QCoreApplication.translate(
            "Wizard", "That is a file, not a folder. Choose a folder."
        )
    return QCoreApplication.translate("Wizard", "Choose a folder.")


class FolderField(QWidget):
    """A folder path with a "Browse…" button."""

    def __init__(self, resources: Resources, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("folderEdit")
        self.browse = QPushButton(resources.themed_icon("folder"), self.tr("Browse…"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.browse.clicked.connect(self._browse)

    def path(self) -> Path | None:
        """The folder, or None when empty."""
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self._title, self.edit.text())
        if chosen:
            self.edit.setText(chosen)


class ChoosePage(QWizardPage):
    """Create a regency vault, a province vault, or open an existing one."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Welcome to Brankas"))
        self.setSubTitle(
            self.tr(
                "Brankas keeps the official social media accounts of the Panwaslu Kecamatan, "
                "their passwords and their handovers in an encrypted vault on this PC."
            )
        )
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        options = (
            (
                Choice.REGENCY,
                self.tr("Create a vault for a regency/city office"),
                self.tr("For Bawaslu Kabupaten/Kota: record the kecamatan accounts."),
            ),
            (
                Choice.PROVINCE,
                self.tr("Create a vault for a province office"),
                self.tr("For Bawaslu Provinsi: review the archives the regencies send."),
            ),
            (
                Choice.OPEN,
                self.tr("Open an existing vault folder"),
                self.tr(
                    "A vault made earlier on this PC, on a shared drive or restored from a copy."
                ),
            ),
            (
                Choice.DEMO,
                self.tr("Open the demo vault"),
                self.tr(
                    "Plainly fictional accounts of Kabupaten Buol, to try Brankas before "
                    "using it for real."
                ),
            ),
        )
        self.buttons: dict[Choice, QRadioButton] = {}
        for choice, title, hint in options:
            button = QRadioButton(title)
            button.setObjectName(f"choice_{choice.value}")
            note = QLabel(hint)
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 8)
            self.group.addButton(button)
            self.buttons[choice] = button
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addStretch(1)
        self.buttons[Choice.REGENCY].setChecked(True)

    def validatePage(self) -> bool:
        """Remember the choice."""
        self._state.choice = next(c for c, b in self.buttons.items() if b.isChecked())
        return True

    def nextId(self) -> int:
        """Decided by :func:`flow.next_page`."""
        choice = next(c for c, b in self.buttons.items() if b.isChecked())
        nxt = flow.next_page(flow.Page.CHOOSE, choice)
        return -1 if nxt is None else int(nxt)


class OpenExistingPage(QWizardPage):
    """Pick a folder that holds a vault; it then opens in the unlock window."""

    def __init__(self, state: WizardState, resources: Resources, default: Path) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Open an existing vault"))
        self.setSubTitle(self.tr("Choose the folder that holds vault.db and vault.keys."))
        layout = QFormLayout(self)
        self.folder = FolderField(resources, self.tr("Vault folder"))
        self.folder.edit.setText(str(default))
        layout.addRow(self.tr("Folder:"), self.folder)
        self.error = _error_label()
        layout.addRow(self.error)
        self.folder.edit.textChanged.connect(lambda: _show_error(self.error, ""))

    def validatePage(self) -> bool:
        """Refuse a folder without a vault, with the reason."""
        path = self.folder.path()
        problem = flow.check_existing_vault_folder(
            self.folder.edit.text(), holds_vault=path is not None and looks_like_vault(path)
        )
        if problem is not None:
            _show_error(self.error, folder_problem_text(problem))
            return False
        self._state.existing_folder = path
        return True

    def nextId(self) -> int:
        """The last page of this branch."""
        return -1


class OfficePage(QWizardPage):
    """The office that owns the vault, and where the vault is kept."""

    def __init__(self, state: WizardState, resources: Resources, default: Path) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Office"))
        self.setSubTitle(self.tr("Which office does this vault belong to?"))
        layout = QFormLayout(self)
        self.kind = QLabel()
        self.kind.setObjectName("officeKind")
        self.name = QLineEdit()
        self.name.setObjectName("officeName")
        self.name.setMaxLength(flow.MAX_OFFICE_NAME)
        self.code = QLineEdit()
        self.code.setObjectName("officeCode")
        self.code.setMaxLength(flow.MAX_OFFICE_CODE)
        self.code.setPlaceholderText(self.tr("e.g. BWS.BUOL (optional)"))
        self.city = QLineEdit()
        self.city.setObjectName("officeCity")
        self.city.setMaxLength(flow.MAX_CITY)
        self.city.setPlaceholderText(self.tr("e.g. Buol (optional)"))
        code_hint = QLabel(
            self.tr(
                "The office code goes into BAST numbers and archive names. You can leave it "
                "and the city empty and complete them later in Settings."
            )
        )
        code_hint.setProperty("role", "hint")
        code_hint.setWordWrap(True)
        self.folder = FolderField(resources, self.tr("Folder for the new vault"))
        self.folder.edit.setText(str(default))
        hint = QLabel(
            self.tr(
                "The vault is kept in this folder. The default is fine for most offices; "
                "backups are made in a sub-folder automatically."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addRow(self.tr("Kind of office:"), self.kind)
        layout.addRow(self.tr("Office name:"), self.name)
        layout.addRow(self.tr("Office code:"), self.code)
        layout.addRow(self.tr("City:"), self.city)
        layout.addRow("", code_hint)
        layout.addRow(self.tr("Vault folder:"), self.folder)
        layout.addRow("", hint)
        self.error = _error_label()
        layout.addRow(self.error)
        self.name.textChanged.connect(self.completeChanged)
        self.folder.edit.textChanged.connect(self.completeChanged)
        self.code.textChanged.connect(lambda: _show_error(self.error, ""))

    def initializePage(self) -> None:
        """Show the kind chosen on the first page, with an example name."""
        kind = flow.office_kind(self._state.choice)
        self.kind.setText(office_kind_label(kind))
        if self._state.choice is Choice.PROVINCE:
            self.name.setPlaceholderText(self.tr("e.g. Bawaslu Provinsi Sulawesi Tengah"))
        else:
            self.name.setPlaceholderText(self.tr("e.g. Bawaslu Kabupaten Buol"))

    def isComplete(self) -> bool:
        """Both fields filled in."""
        return bool(flow.clean_name(self.name.text())) and bool(self.folder.edit.text().strip())

    def validatePage(self) -> bool:
        """Check the name and that the folder has no vault yet."""
        if flow.check_name(self.name.text(), flow.MAX_OFFICE_NAME) is not None:
            _show_error(self.error, self.tr("Type the office's name."))
            return False
        code_problem = flow.office_code_problem(self.code.text())
        if code_problem is not None:
            _show_error(
                self.error, error_message(InvalidValue("", field="code", code=code_problem))
            )
            self.code.setFocus()
            return False
        path = self.folder.path()
        problem = flow.check_new_vault_folder(
            self.folder.edit.text(),
            is_file=path is not None and path.is_file(),
            holds_vault=path is not None and looks_like_vault(path),
        )
        if problem is not None or path is None:
            _show_error(self.error, folder_problem_text(problem or FieldProblem.EMPTY))
            return False
        _show_error(self.error, "")
        self._state.office_name = flow.clean_name(self.name.text())
        self._state.office_code = self.code.text().strip()
        self._state.city = flow.clean_name(self.city.text())
        self._state.folder = path
        return True

    def nextId(self) -> int:
        """Decided by :func:`flow.next_page`."""
        nxt = flow.next_page(flow.Page.OFFICE, self._state.choice)
        return -1 if nxt is None else int(nxt)


class AdminPage(QWizardPage):
    """The first admin operator: name and password; its Next button reads "Create vault"."""

    def __init__(self, state: WizardState, resources: Resources) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("First admin"))
        self.setSubTitle(
            self.tr(
                "The admin adds the other operators and keeps the recovery kit. Each person "
                "who uses Brankas gets their own name and password later."
            )
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("adminName")
        self.name.setMaxLength(flow.MAX_OPERATOR_NAME)
        self.name.setPlaceholderText(self.tr("Full name, e.g. Siti Rahmawati"))
        form.addRow(self.tr("Admin name:"), self.name)
        layout.addLayout(form)
        self.password = NewPasswordForm(resources)
        align_form_labels(form, self.password.form)
        layout.addWidget(self.password)
        layout.addStretch(1)
        self.name.textChanged.connect(self._inputs_changed)
        self.password.validity_changed.connect(lambda _ok: self.completeChanged.emit())

    def initializePage(self) -> None:
        """Let the strength meter know the office's words."""
        self._inputs_changed()

    def _inputs_changed(self) -> None:
        self.password.set_user_inputs(
            [self.name.text(), self._state.office_name, "bawaslu", "brankas"]
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """A name and an acceptable password."""
        ok_name = flow.check_name(self.name.text(), flow.MAX_OPERATOR_NAME) is None
        return ok_name and self.password.is_acceptable

    def validatePage(self) -> bool:
        """Remember the admin's name (the password is read by the create page)."""
        self._state.admin_name = flow.clean_name(self.name.text())
        return True

    def nextId(self) -> int:
        """Decided by :func:`flow.next_page`."""
        nxt = flow.next_page(flow.Page.ADMIN, self._state.choice)
        return -1 if nxt is None else int(nxt)
