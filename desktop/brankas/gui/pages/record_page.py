"""A service page around one list of records: add, edit and delete with their keys, the selection kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from brankas.core.services.context import ServiceContext
from brankas.gui.dialogs.messages import ask
from brankas.gui.dialogs.record_dialog import RecordDialog
from brankas.gui.pages.service_page import ServicePage
from brankas.gui.widgets.record_table import RecordTable


def record_id(record: Any) -> int:
    """The id of what a dialog saved (a Kecamatan, Person, Term …)."""
    return int(record.id)


class RecordListPage(ServicePage):
    """Subclasses build their widgets in :meth:`build_list`, making the three buttons with
    :meth:`record_buttons` and ``self.table``; this class wires them: Add (Ctrl+N), Edit
    (Enter or a double click on a row), Delete (the Delete key on the list), buttons enabled
    by the selection, dialogs that reload and select what they saved, deletions asked first.
    ``load`` reads the page's data in the worker; ``loaded(data, select_id)`` shows it."""

    record_type: ClassVar[type[Any]] = object
    load: ClassVar[Callable[[ServiceContext], Any]]
    add_button: QPushButton
    edit_button: QPushButton
    delete_button: QPushButton
    table: RecordTable

    def build(self) -> None:
        """The subclass's widgets (:meth:`build_list`), then the buttons and keys wired."""
        self.build_list()
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.current_changed.connect(lambda _r: self.selection_changed())
        self.table.record_activated.connect(lambda _r: self.open_edit())
        QShortcut(QKeySequence.StandardKey.New, self, self._add_by_key)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self._delete_by_key,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.selection_changed()

    # --- building (subclasses) -----------------------------------------------------------
    def build_list(self) -> None:
        """Make the page's widgets (override)."""
        raise NotImplementedError

    def record_buttons(
        self, add: tuple[str, str], edit: tuple[str, str], delete: tuple[str, str]
    ) -> tuple[QPushButton, QPushButton, QPushButton]:
        """The Add (primary), Edit and Delete buttons from (text, object name) pairs, their
        keys in the tooltips."""
        keys = (
            QKeySequence(QKeySequence.StandardKey.New),
            QKeySequence(Qt.Key.Key_Enter),
            QKeySequence(QKeySequence.StandardKey.Delete),
        )
        buttons = []
        for (text, name), key in zip((add, edit, delete), keys, strict=True):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(
                self.tr("{action} ({keys})").format(
                    action=text.rstrip("…"),
                    keys=key.toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
            buttons.append(button)
        buttons[0].setProperty("role", "primary")
        self.add_button, self.edit_button, self.delete_button = buttons
        return self.add_button, self.edit_button, self.delete_button

    def record_dialog(self, record: Any | None) -> RecordDialog:
        """The add (``record`` None) or edit dialog (override)."""
        raise NotImplementedError

    # --- loading -------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Read the page's data in the worker; keep (or move) the selection."""
        keep = select_id if select_id is not None else self.current_id()
        load = type(self).load
        self.run(load, lambda data: self.loaded(data, keep))

    def loaded(self, data: Any, select_id: int | None) -> None:
        """Show what :meth:`reload` read (override)."""
        raise NotImplementedError

    def reselect(self, select_id: int | None) -> bool:
        """Make the record with ``select_id`` current again, if it is listed."""
        return select_id is not None and self.table.select_where(lambda r: r.id == select_id)

    # --- state ---------------------------------------------------------------------------
    def current(self) -> Any:
        """The selected record, or None."""
        record = self.table.current_record()
        return record if isinstance(record, self.record_type) else None

    def current_id(self) -> int | None:
        """The id of the selected record."""
        row = self.current()
        return row.id if row is not None else None

    def selection_changed(self) -> None:
        """The current row changed (override to show more than the buttons)."""
        self.update_buttons()

    def update_buttons(self) -> None:
        """Add while unlocked; Edit and Delete with a record selected."""
        row = self.current() if self.session is not None else None
        self.add_button.setEnabled(self.session is not None)
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)

    # --- actions -------------------------------------------------------------------------
    def open_dialog(
        self, dialog: RecordDialog, select: Callable[[Any], int] = record_id
    ) -> RecordDialog:
        """Open ``dialog``; when it saves, read again and select ``select(saved)``."""
        dialog.saved.connect(lambda result: self.reload(select_id=select(result)))
        dialog.open()
        return dialog

    def open_add(self) -> RecordDialog | None:
        """The add dialog."""
        if self.session is None:
            return None
        return self.open_dialog(self.record_dialog(None))

    def open_edit(self) -> RecordDialog | None:
        """The edit dialog of the selected record."""
        row = self.current()
        if self.session is None or row is None:
            return None
        return self.open_dialog(self.record_dialog(row))

    def delete_current(self) -> None:
        """Delete the selected record after asking (override)."""

    def ask_delete(
        self,
        title: str,
        question: str,
        delete: Callable[[ServiceContext], object],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Ask ``question``; on yes run ``delete`` in the worker, then read again."""
        ask(
            self.window(),
            title,
            question,
            self.tr("Delete"),
            lambda: self.run(delete, lambda _n: self.reload(), on_error),
            destructive=True,
        )

    def _add_by_key(self) -> None:
        if self.add_button.isEnabled():
            self.open_add()

    def _delete_by_key(self) -> None:
        if self.delete_button.isEnabled():
            self.delete_current()
