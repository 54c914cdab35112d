"""Password generator: random characters or an Indonesian passphrase, with its strength."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brankas.core.errors import InvalidValue
from brankas.core.passgen import (
    DEFAULT_LENGTH,
    DEFAULT_WORDS,
    MAX_LENGTH,
    MAX_WORDS,
    MIN_LENGTH,
    MIN_WORDS,
    CharSet,
    PassphraseOptions,
    PasswordOptions,
    generate_passphrase,
    generate_password,
    passphrase_bits,
    password_bits,
)
from brankas.gui.password_policy import password_score
from brankas.gui.resources import Resources
from brankas.gui.theme import Spacing
from brankas.gui.widgets.recovery_kit import SECRET_PROPERTY
from brankas.gui.widgets.strength_meter import StrengthMeter

_MONO = 'font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 12pt;'


class PasswordGenerator(QWidget):
    """Options on the left of a preview; every change makes a new value."""

    generated = Signal(str)

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordGenerator")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Spacing.M)
        preview_row = QHBoxLayout()
        self.preview = QLineEdit()
        self.preview.setObjectName("generatedPassword")
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet(_MONO)
        self.again = QPushButton(resources.themed_icon("dice"), self.tr("New"))
        self.again.setObjectName("regenerate")
        self.again.setToolTip(self.tr("Make another one"))
        preview_row.addWidget(self.preview, 1)
        preview_row.addWidget(self.again)
        layout.addLayout(preview_row)
        self.meter = StrengthMeter()
        self.bits = QLabel()
        self.bits.setObjectName("generatorBits")
        self.bits.setProperty("role", "hint")
        layout.addWidget(self.meter)
        layout.addWidget(self.bits)
        modes = QHBoxLayout()
        self.characters = QRadioButton(self.tr("Random characters"))
        self.characters.setObjectName("modeCharacters")
        self.passphrase = QRadioButton(self.tr("Passphrase (Indonesian words)"))
        self.passphrase.setObjectName("modePassphrase")
        group = QButtonGroup(self)
        group.addButton(self.characters)
        group.addButton(self.passphrase)
        self.characters.setChecked(True)
        modes.addWidget(self.characters)
        modes.addWidget(self.passphrase)
        modes.addStretch(1)
        layout.addLayout(modes)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._characters_page())
        self.pages.addWidget(self._passphrase_page())
        layout.addWidget(self.pages)
        self.error = QLabel()
        self.error.setObjectName("generatorError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.again.clicked.connect(self.regenerate)
        self.characters.toggled.connect(self._mode_changed)
        self.regenerate()

    def _characters_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        length_row = QHBoxLayout()
        self.length_slider = QSlider(Qt.Orientation.Horizontal)
        self.length_slider.setRange(MIN_LENGTH, 64)
        self.length = QSpinBox()
        self.length.setObjectName("generatorLength")
        self.length.setRange(MIN_LENGTH, MAX_LENGTH)
        self.length.setValue(DEFAULT_LENGTH)
        self.length.setMaximumWidth(90)
        self.length_slider.setValue(DEFAULT_LENGTH)
        length_row.addWidget(self.length_slider, 1)
        length_row.addWidget(self.length)
        form.addRow(self.tr("Length:"), length_row)
        self.sets: dict[CharSet, QCheckBox] = {}
        sets_row = QHBoxLayout()
        for charset, text in (
            (CharSet.UPPER, self.tr("A–Z")),
            (CharSet.LOWER, self.tr("a–z")),
            (CharSet.DIGITS, self.tr("0–9")),
            (CharSet.SYMBOLS, self.tr("Symbols (!#$…)")),
        ):
            box = QCheckBox(text)
            box.setObjectName(f"set_{charset.value}")
            box.setChecked(True)
            box.toggled.connect(self.regenerate)
            self.sets[charset] = box
            sets_row.addWidget(box)
        sets_row.addStretch(1)
        form.addRow(self.tr("Characters:"), sets_row)
        self.avoid = QCheckBox(self.tr("Avoid characters that look alike (0 O, 1 l I, 5 S …)"))
        self.avoid.setObjectName("avoidLookAlikes")
        self.avoid.setChecked(True)
        form.addRow("", self.avoid)
        self.length_slider.valueChanged.connect(self.length.setValue)
        self.length.valueChanged.connect(self._length_changed)
        self.avoid.toggled.connect(self.regenerate)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.words = QSpinBox()
        self.words.setObjectName("generatorWords")
        self.words.setRange(MIN_WORDS, MAX_WORDS)
        self.words.setValue(DEFAULT_WORDS)
        self.words.setMaximumWidth(90)
        form.addRow(self.tr("Words:"), self.words)
        self.separator = QLineEdit("-")
        self.separator.setObjectName("generatorSeparator")
        self.separator.setMaxLength(1)
        self.separator.setFixedWidth(48)
        form.addRow(self.tr("Between words:"), self.separator)
        self.capitalize = QCheckBox(self.tr("Capital first letters"))
        self.capitalize.setObjectName("generatorCapitalize")
        self.add_digit = QCheckBox(self.tr("Add a digit"))
        self.add_digit.setObjectName("generatorDigit")
        form.addRow("", self.capitalize)
        form.addRow("", self.add_digit)
        self.words.valueChanged.connect(self.regenerate)
        self.separator.textChanged.connect(self.regenerate)
        self.capitalize.toggled.connect(self.regenerate)
        self.add_digit.toggled.connect(self.regenerate)
        return page

    def _length_changed(self, value: int) -> None:
        if self.length_slider.value() != value and value <= self.length_slider.maximum():
            self.length_slider.blockSignals(True)
            self.length_slider.setValue(value)
            self.length_slider.blockSignals(False)
        self.regenerate()

    def _mode_changed(self) -> None:
        self.pages.setCurrentIndex(0 if self.characters.isChecked() else 1)
        self.regenerate()

    def password_options(self) -> PasswordOptions:
        """The character options as set."""
        return PasswordOptions(
            length=self.length.value(),
            sets=frozenset(s for s, box in self.sets.items() if box.isChecked()),
            avoid_look_alikes=self.avoid.isChecked(),
        )

    def passphrase_options(self) -> PassphraseOptions:
        """The passphrase options as set."""
        return PassphraseOptions(
            words=self.words.value(),
            separator=self.separator.text(),
            capitalize=self.capitalize.isChecked(),
            add_digit=self.add_digit.isChecked(),
        )

    def value(self) -> str:
        """The password shown."""
        return self.preview.text()

    def regenerate(self) -> None:
        """Make a new value with the current options."""
        try:
            if self.characters.isChecked():
                opts = self.password_options()
                value, bits = generate_password(opts), password_bits(opts)
            else:
                phrase = self.passphrase_options()
                value, bits = generate_passphrase(phrase), passphrase_bits(phrase)
        except InvalidValue as exc:
            self.preview.clear()
            self.meter.set_score(None)
            self.bits.clear()
            self.error.setText(self._problem(exc.code))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.preview.setText(value)
        self.meter.set_score(password_score(value))
        self.bits.setText(self.tr("About {bits} bits of randomness").format(bits=int(bits)))
        self.generated.emit(value)

    def _problem(self, code: str) -> str:
        if code == "passgen_no_sets":
            return self.tr("Choose at least one kind of character.")
        if code == "passgen_separator":
            return self.tr("Put a digit, a symbol or a space between the words, not a letter.")
        return self.tr("The length is outside what the generator makes.")

    def wipe(self) -> None:
        """Forget the value shown."""
        self.preview.clear()


class PasswordGeneratorDialog(QDialog):
    """The generator as a dialog; "Use this password" accepts with :meth:`value`."""

    def __init__(self, resources: Resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordGeneratorDialog")
        self.setProperty(SECRET_PROPERTY, True)  # shows a password: closed on lock
        self.setWindowTitle(self.tr("Generate a password"))
        layout = QVBoxLayout(self)
        self.generator = PasswordGenerator(resources)
        layout.addWidget(self.generator)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(
            self.tr("Use this password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("useGenerated")
        self.use_button.setProperty("role", "primary")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.generator.generated.connect(lambda v: self.use_button.setEnabled(bool(v)))
        self.resize(560, 0)

    def value(self) -> str:
        """The generated password."""
        return self.generator.value()

    def done(self, result: int) -> None:
        """Forget the preview once the caller had the chance to read it."""
        super().done(result)
        if result != QDialog.DialogCode.Accepted:
            self.generator.wipe()
