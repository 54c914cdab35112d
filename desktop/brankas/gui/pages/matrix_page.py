"""Completeness matrix page: per kecamatan, which accounts and BAST a term has; a cell opens or creates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from brankas.core.domain.enums import Platform
from brankas.core.domain.models import Term
from brankas.core.review.load import load_snapshot
from brankas.core.review.matrix import BAST, completeness_matrix
from brankas.core.services import terms
from brankas.core.services.context import Clock, ServiceContext
from brankas.gui.dialogs.messages import ask
from brankas.gui.models.matrix_model import (
    CELL_ROLE,
    COLUMN_KEY_ROLE,
    KECAMATAN_ID_ROLE,
    LOOK_ROLE,
    AccountBrief,
    Look,
    MatrixData,
    MatrixModel,
    column_title,
    look_label,
)
from brankas.gui.models.terms_model import default_term
from brankas.gui.pages.service_page import ServicePage, system_clock
from brankas.gui.theme import DARK, LIGHT, Colors, Spacing

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class MatrixPageData:
    """The terms to choose from, the chosen one and its matrix."""

    terms: list[Term]
    term_id: int | None
    data: MatrixData | None = None
    today: date = field(default_factory=date.today)


def load_matrix(ctx: ServiceContext, term_id: int | None) -> MatrixPageData:
    """The matrix of ``term_id`` (or of the default term) at the context's today (worker)."""
    today = ctx.today()
    term_list = terms.list_terms(ctx)
    ids = {t.id for t in term_list}
    chosen = term_id if term_id in ids else None
    if chosen is None:
        first = default_term(term_list, today)
        chosen = first.id if first else None
    if chosen is None:
        return MatrixPageData(term_list, None, None, today)
    snapshot = load_snapshot(ctx.conn, term_ids=[chosen])
    matrix = completeness_matrix(snapshot, chosen, today)
    briefs = {aid: AccountBrief(a.handle, a.status) for aid, a in snapshot.accounts.items()}
    return MatrixPageData(term_list, chosen, MatrixData(matrix, briefs), today)


# --- drawing -------------------------------------------------------------------------------
def palette_colors() -> Colors:
    """The palette's colours (dark when the window colour is dark)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def look_colors(look: Look, colors: Colors) -> tuple[str, str, str]:
    """(background, border, foreground) of a look."""
    if look in (Look.OK, Look.COMPLETE):
        return colors.ok_bg, colors.ok_border, colors.ok
    if look is Look.PROBLEM:
        return colors.warning_bg, colors.warning_border, colors.warning
    if look in (Look.MISSING, Look.INCOMPLETE):
        return colors.error_bg, colors.error_border, colors.error
    if look is Look.PLANNED:
        return colors.alt_base, colors.accent, colors.link
    return colors.base, colors.border, colors.muted


def draw_symbol(painter: QPainter, look: Look, box: QRectF, color: QColor) -> None:
    """A check, an exclamation mark, a cross, a ring or a dash: the look without colour."""
    pen = QPen(color, max(1.6, box.width() / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y, w, h = box.x(), box.y(), box.width(), box.height()
    path = QPainterPath()
    if look in (Look.OK, Look.COMPLETE):
        path.moveTo(x + w * 0.15, y + h * 0.55)
        path.lineTo(x + w * 0.42, y + h * 0.8)
        path.lineTo(x + w * 0.88, y + h * 0.22)
    elif look is Look.PROBLEM:
        path.moveTo(x + w * 0.5, y + h * 0.12)
        path.lineTo(x + w * 0.5, y + h * 0.6)
        painter.drawPath(path)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(x + w * 0.5, y + h * 0.86), w * 0.05, w * 0.05)
        return
    elif look in (Look.MISSING, Look.INCOMPLETE):
        path.moveTo(x + w * 0.2, y + h * 0.2)
        path.lineTo(x + w * 0.8, y + h * 0.8)
        path.moveTo(x + w * 0.8, y + h * 0.2)
        path.lineTo(x + w * 0.2, y + h * 0.8)
    elif look is Look.PLANNED:
        path.addEllipse(QPointF(x + w * 0.5, y + h * 0.5), w * 0.33, h * 0.33)
    else:
        path.moveTo(x + w * 0.25, y + h * 0.5)
        path.lineTo(x + w * 0.75, y + h * 0.5)
    painter.drawPath(path)


def draw_chip(
    painter: QPainter, rect: QRect, look: Look, text: str, colors: Colors, *, focus: bool = False
) -> None:
    """A rounded chip with the look's colours, symbol and word."""
    background, border, foreground = look_colors(look, colors)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    chip = QRectF(rect).adjusted(3.5, 3.5, -3.5, -3.5)
    painter.setPen(QPen(QColor(colors.accent if focus else border), 2.0 if focus else 1.0))
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(chip, 6, 6)
    size = min(14.0, chip.height() - 8)
    symbol = QRectF(chip.x() + 8, chip.center().y() - size / 2, size, size)
    draw_symbol(painter, look, symbol, QColor(foreground))
    painter.setPen(QColor(foreground))
    text_rect = chip.adjusted(size + 14, 0, -6, 0)
    elided = painter.fontMetrics().elidedText(
        text, Qt.TextElideMode.ElideRight, int(text_rect.width())
    )
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
    painter.restore()


class CellDelegate(QStyledItemDelegate):
    """Draws state cells as chips; the kecamatan column as plain text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """A chip for every cell with a look."""
        look = index.data(LOOK_ROLE)
        if not look:
            super().paint(painter, option, index)
            return
        focus = bool(option.state & QStyle.StateFlag.State_HasFocus)
        draw_chip(
            painter, option.rect, Look(look), str(index.data()), palette_colors(), focus=focus
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Room for the symbol and the word."""
        size = super().sizeHint(option, index)
        if index.data(LOOK_ROLE):
            size.setWidth(size.width() + 34)
        size.setHeight(max(size.height(), 34))
        return size


class LegendChip(QWidget):
    """One legend entry, drawn exactly like a cell."""

    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.text = look_label(look)
        width = self.fontMetrics().horizontalAdvance(self.text) + 44
        self.setFixedSize(width, 32)
        self.setToolTip(self.text)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """The chip."""
        painter = QPainter(self)
        draw_chip(painter, self.rect(), self.look, self.text, palette_colors())
        painter.end()


class MatrixView(QTableView):
    """A table whose cells are chosen by a click or by Enter/Space."""

    cell_chosen = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setMouseTracking(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(38)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.clicked.connect(self.cell_chosen.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, Return or Space chooses the current cell."""
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentIndex().isValid():
            self.cell_chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


# --- the page ------------------------------------------------------------------------------
class MatrixPage(ServicePage):
    """Choose a term; see every kecamatan's accounts and BAST at a glance."""

    account_requested = Signal(int)  # open this account
    create_requested = Signal(str, int, int)  # platform value, kecamatan id, term id
    handovers_requested = Signal(int)  # the handovers of this term

    def __init__(
        self,
        on_unexpected: Callable[[BaseException], None] | None = None,
        *,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_unexpected, clock=clock, parent=parent)
        self.setObjectName("matrixPage")
        self.title.setText(self.tr("Completeness"))
        self.add_intro(
            self.tr(
                "Which accounts and handover minutes each kecamatan has in a term. Click a "
                "cell to open its account, or to create one that is missing."
            )
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Term:")))
        self.term_box = QComboBox()
        self.term_box.setObjectName("matrixTerm")
        self.term_box.setMinimumWidth(220)
        row.addWidget(self.term_box)
        row.addSpacing(Spacing.L)
        self.summary = QLabel()
        self.summary.setObjectName("matrixSummary")
        row.addWidget(self.summary, 1)
        self.layout_.addLayout(row)
        legend = QHBoxLayout()
        legend.setSpacing(Spacing.S)
        legend_label = QLabel(self.tr("Legend:"))
        legend_label.setProperty("role", "hint")
        legend.addWidget(legend_label)
        for look in (Look.OK, Look.PROBLEM, Look.PLANNED, Look.MISSING, Look.NONE):
            legend.addWidget(LegendChip(look))
        note = QLabel(self.tr("* required"))
        note.setProperty("role", "hint")
        legend.addSpacing(Spacing.S)
        legend.addWidget(note)
        legend.addStretch(1)
        self.layout_.addLayout(legend)
        self.model = MatrixModel(self)
        self.table = MatrixView()
        self.table.setObjectName("matrixTable")
        self.table.setModel(self.model)
        self.layout_.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No term is recorded yet. Add one on the Terms page."))
        self.empty.setObjectName("matrixEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setVisible(False)
        self.layout_.addWidget(self.empty)
        self._today: date | None = None
        self.term_box.currentIndexChanged.connect(self._term_chosen)
        self.table.cell_chosen.connect(self.choose_cell)

    # --- session -----------------------------------------------------------------------
    def end_session(self) -> None:
        """Forget the matrix."""
        self.model.clear()
        self.term_box.blockSignals(True)
        self.term_box.clear()
        self.term_box.blockSignals(False)
        self.summary.clear()
        super().end_session()

    def reload(self) -> None:
        """Read the chosen term's matrix in the worker."""
        term_id = self.term_box.currentData()
        self.run(lambda ctx: load_matrix(ctx, term_id), self._loaded)

    def show_term(self, term_id: int) -> None:
        """Show the matrix of ``term_id``."""
        self.run(lambda ctx: load_matrix(ctx, term_id), self._loaded)

    def _term_chosen(self, _index: int) -> None:
        if self.session is not None:
            self.reload()

    def _loaded(self, page: MatrixPageData) -> None:
        self._today = page.today
        self.term_box.blockSignals(True)
        self.term_box.clear()
        for t in page.terms:
            self.term_box.addItem(t.name, t.id)
        self.term_box.setCurrentIndex(max(self.term_box.findData(page.term_id), 0))
        self.term_box.blockSignals(False)
        self.model.set_matrix(page.data)
        self.empty.setVisible(not page.terms)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        matrix = page.data.matrix if page.data else None
        if matrix is None:
            self.summary.clear()
            return
        complete = sum(1 for r in matrix.rows if r.complete)
        self.summary.setText(
            self.tr("{complete} of {total} kecamatan complete.").format(
                complete=complete, total=len(matrix.rows)
            )
        )

    # --- choosing a cell ---------------------------------------------------------------
    def choose_cell(self, index: QModelIndex) -> None:
        """Open the cell's account, offer a choice when it has several, or offer to create."""
        key = index.data(COLUMN_KEY_ROLE)
        cell = index.data(CELL_ROLE)
        matrix = self.model.matrix
        if not key or cell is None or matrix is None:
            return
        if key == BAST:
            self.handovers_requested.emit(matrix.term_id)
            return
        ids = list(cell.account_ids)
        if len(ids) == 1:
            self.account_requested.emit(ids[0])
            return
        if ids:
            self._choose_account(index, ids)
            return
        kid = int(index.data(KECAMATAN_ID_ROLE))
        self._offer_create(Platform(key), kid, matrix.term_id, str(index.siblingAtColumn(0).data()))

    def _choose_account(self, index: QModelIndex, ids: list[int]) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("matrixAccountMenu")
        for aid in ids:
            brief = self.model.account(aid)
            action = menu.addAction(brief.handle if brief else f"#{aid}")
            action.triggered.connect(lambda _c=False, a=aid: self.account_requested.emit(a))
        rect = self.table.visualRect(index)
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))
        return menu

    def _offer_create(self, platform: Platform, kid: int, term_id: int, kec_name: str) -> None:
        term = self.term_box.currentText()
        ask(
            self.window(),
            self.tr("Create an account"),
            self.tr(
                "No {platform} account is recorded for {kecamatan} in {term}. Create it now?"
            ).format(platform=column_title(platform.value), kecamatan=kec_name, term=term),
            self.tr("Create"),
            lambda: self.create_requested.emit(platform.value, kid, term_id),
        )
