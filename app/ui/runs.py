"""Orders (runs): a lazily paged table that stays responsive with a million runs, found by
anything an operator remembers (order number, customer, email, phone, product, amount, email
text: ``queries.list_orders(search=...)``), sortable by column, with customer, total and the
reason it waits; exported to CSV or Excel off the GUI thread with progress. Choosing an order
opens its page (``app.ui.order_page``)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.order_total import money_text
from app.store import queries
from app.store.export import export_orders
from app.ui import when
from app.ui.archived_orders import ArchivedOrderView, ArchiveMatches
from app.ui.context import AppContext
from app.ui.order_page import OrderPage
from app.ui.page import Page
from app.ui.style import BAD, MUTED, RUN_WORDS, icon, period_choice, run_words
from app.ui.text import PlainLabel, tooltip

PAGE = 200
# (title, sort key of ``queries.SORTS`` or None when the column cannot be sorted)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("Orders", "Order"), "order"),
    (QT_TRANSLATE_NOOP("Orders", "Customer"), "customer"),
    (QT_TRANSLATE_NOOP("Orders", "Total"), "total"),
    (QT_TRANSLATE_NOOP("Orders", "Status"), "status"),
    (QT_TRANSLATE_NOOP("Orders", "Reason"), None),
    (QT_TRANSLATE_NOOP("Orders", "Workflow"), "workflow"),
    (QT_TRANSLATE_NOOP("Orders", "Received"), "created"),
)
CUSTOMER, REASON, WORKFLOW, RECEIVED = 1, 4, 5, 6


def fetch_page(
    ctx: AppContext, filters: dict[str, Any], after: tuple | None, limit: int = PAGE
) -> list[dict[str, Any]]:
    with ctx.db.read() as s:
        rows = queries.list_orders(s, limit=limit, after=after, **filters)
        # each total in its order's currency, as the order's page and Needs you write it
        currencies = queries.order_currencies(s, [r.id for r in rows if r.total is not None])
        return [
            r.as_dict() | {"cursor": r.cursor, "currency": currencies.get(r.id, "")} for r in rows
        ]


class RunsModel(QAbstractTableModel):
    loading = Signal(bool)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        self.filters: dict[str, Any] = {}
        self._more = True
        self._busy = False
        self._generation = 0

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("Orders", COLUMNS[section][0])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 4):
            return tooltip(cell_text(r, col))
        if role == Qt.ItemDataRole.ToolTipRole and col == RECEIVED:  # to the second
            return tooltip(when.exact_tip(r["created_at"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == 3:
            _, color, ic = run_words(r)
            return icon(ic, color)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QColor(run_words(r)[1])
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QColor(BAD)
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column title: the store sorts (keyset pages stay exact at 1M rows)."""
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self.filters.get("sort"), self.filters.get("descending")) != (key, descending):
            self.reset(self.filters | {"sort": key, "descending": descending})

    # -- lazy loading --------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._busy or not self._more:
            return
        self._busy = True
        self.loading.emit(True)
        after = self.rows[-1]["cursor"] if self.rows else None
        gen, filters = self._generation, dict(self.filters)
        self.ctx.background(
            lambda: fetch_page(self.ctx, filters, after),
            lambda rows: self._append(gen, rows),
            lambda exc: self._failed(gen),
            owner=self,
        )

    # A reply to an older generation (the filters changed meanwhile) is dropped whole: the
    # newer generation's own request is in flight and owns ``_busy``; clearing it here would let
    # the view ask for the first page a second time, and show it twice.
    def _append(self, gen: int, rows: list[dict[str, Any]]) -> None:
        if gen != self._generation:
            return
        self._busy = False
        self.loading.emit(False)
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self._more = len(rows) == PAGE

    def _failed(self, gen: int) -> None:
        if gen != self._generation:
            return
        self._busy = False
        self.loading.emit(False)

    def reset(self, filters: dict[str, Any] | None = None) -> None:
        """Start over from the first page (new filters, or fresh data)."""
        if filters is not None:
            self.filters = filters
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._more = True
        self._busy = False
        self.endResetModel()
        self.fetchMore()

    def refresh_top(self) -> None:
        """New or changed runs: reload what is loaded, without losing the scroll position."""
        if self._busy:
            return
        gen, filters, n = self._generation, dict(self.filters), max(PAGE, len(self.rows))
        self._busy = True
        self.ctx.background(
            lambda: fetch_page(self.ctx, filters, None, n),
            lambda rows: self._replace(gen, rows),
            lambda exc: self._failed(gen),
            owner=self,
        )

    def _replace(self, gen: int, rows: list[dict[str, Any]]) -> None:
        if gen != self._generation:
            return
        self._busy = False
        if [r["id"] for r in rows] == [r["id"] for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self._more = len(rows) >= PAGE
        self.endResetModel()


def cell_text(r: dict[str, Any], col: int) -> str:
    """What the orders table shows in column ``col`` (the export writes the same facts)."""
    if col == 0:
        return r["business_key"] or r["id"][:8]
    if col == 1:
        return r.get("customer") or ""
    if col == 2:
        return money_text(r.get("total"), r.get("currency"))
    if col == 3:
        return run_words(r)[0]
    if col == 4:
        return r.get("reason") or ""
    if col == 5:
        return r["workflow"]
    return when.moment(r["created_at"])


class ExportProgress(QObject):
    """Carries an export's progress from its worker thread to the GUI thread (queued)."""

    moved = Signal(int, int)


class RunsPage(Page):
    open_inbox_item = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Orders", "Orders"))
        lay, top = self.body, self.top
        self.search = QLineEdit()
        self.search.setObjectName("runSearch")
        self.search.setPlaceholderText(
            translate("Orders", "Find by number, customer, email, phone, product…")
        )
        self.search.setMinimumWidth(200)
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("runStatusFilter")
        self.status.addItem(translate("Orders", "Any status"), None)
        for key, (label, _c, _i) in RUN_WORDS.items():
            self.status.addItem(label, key)
        self.workflow = QComboBox()
        self.workflow.setObjectName("runWorkflowFilter")
        self.workflow.addItem(translate("Orders", "Any workflow"), None)
        self.period = period_choice("runPeriodFilter")
        self.export_button = QPushButton(icon("fa5s.file-export"), translate("Orders", "Export…"))
        self.export_button.setObjectName("exportOrders")
        self.export_button.setToolTip(
            translate("Orders", "Save the orders this list shows as a CSV or Excel file.")
        )
        self.export_button.clicked.connect(self._export_dialog)
        # the title row of the page holds the search; the filters get a row of their own so
        # nothing is clipped on a 1024-pixel screen
        top.addWidget(self.search, 1)
        for i in range(top.count()):  # the title row's spare room to the search, not a blank
            item = top.itemAt(i)
            if item is not None and item.spacerItem() is not None:
                top.setStretch(i, 0)
        self._fit_search()
        filters = QHBoxLayout()
        for w in (self.status, self.workflow, self.period):
            filters.addWidget(w)
        filters.addStretch(1)
        self.export_bar = QProgressBar()
        self.export_bar.setObjectName("exportProgress")
        self.export_bar.setMaximumWidth(180)
        self.export_bar.hide()
        self.stop_button = QPushButton(translate("Orders", "Stop"))
        self.stop_button.setObjectName("stopExport")
        self.stop_button.hide()
        self.stop_button.clicked.connect(lambda: self._stop.set())
        for widget in (self.export_bar, self.stop_button, self.export_button):
            filters.addWidget(widget)
        self.export_status = PlainLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.hide()
        self.model = RunsModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("runsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSortIndicator(RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._fit_columns()
        self._shown = False  # fitted again on the first show (``showEvent``)
        header.setSectionResizeMode(4, header.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._row)
        self.table.activated.connect(lambda _i: self.stack.setCurrentIndex(1))
        self.table.clicked.connect(lambda _i: self.stack.setCurrentIndex(1))
        listing = QWidget()
        ll = QVBoxLayout(listing)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(filters)
        ll.addWidget(self.export_status)
        ll.addWidget(self.table, 1)
        self.archive = ArchiveMatches(ctx)  # the search also looks in the archives
        ll.addWidget(self.archive)
        self.detail = OrderPage(ctx)
        self.detail.back.connect(self.show_list)
        self.detail.open_inbox_item.connect(self.open_inbox_item)
        self.stack: QStackedWidget = QStackedWidget()  # (annotated: used by lambdas above)
        self.stack.addWidget(listing)
        self.stack.addWidget(self.detail)
        self.archived = ArchivedOrderView()
        self.archived.back.connect(self.show_list)
        self.stack.addWidget(self.archived)
        self.archive.opened.connect(self._open_archived)
        lay.addWidget(self.stack, 1)
        self._stop: threading.Event = threading.Event()
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status, self.workflow, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)
        self._live = QTimer(self, singleShot=True, interval=700)
        self._live.timeout.connect(self.refresh)
        self.setFocusProxy(self.table)  # the keyboard enters the page at the list (Ctrl+2)
        ctx.events.runs_changed.connect(lambda: self._live.start())
        self.apply_filters()
        self._load_workflows()

    def _load_workflows(self) -> None:
        from app.store import workflows as wfs

        def names() -> list[str]:
            with self.ctx.db.read() as s:
                return [r.name for r in wfs.list_rows(s, include_archived=True)]

        def fill(ns: list[str]) -> None:
            current = self.workflow.currentData()
            self.workflow.blockSignals(True)
            while self.workflow.count() > 1:
                self.workflow.removeItem(1)
            for n in ns:
                self.workflow.addItem(n, n)
            if current:
                self.workflow.setCurrentIndex(max(0, self.workflow.findData(current)))
            self.workflow.blockSignals(False)

        self.ctx.background(names, fill, owner=self)

    def filters(self) -> dict[str, Any]:
        """What the list shows, as ``queries.list_orders`` filters (the export uses the same)."""
        period = self.period.currentData()
        return {
            "search": self.search.text().strip() or None,
            "status": self.status.currentData(),
            "workflow": self.workflow.currentData(),
            "since": time.time() - period if period else None,
            "sort": self.model.filters.get("sort", "created"),
            "descending": self.model.filters.get("descending", True),
        }

    def apply_filters(self) -> None:
        self.model.reset(self.filters())
        self.archive.search(self.search.text().strip())

    def _open_archived(self, d: dict[str, Any]) -> None:
        self.archived.show_order(d)
        self.stack.setCurrentWidget(self.archived)

    def show_list(self) -> None:
        """Back to all orders (the order page's “All orders”, Escape, Alt+Left); the keyboard
        goes back to the list, on the order it left."""
        focused = QApplication.focusWidget()
        left = self.stack.currentWidget()  # the order (or archived order) being left
        self.stack.setCurrentIndex(0)
        if focused is None or (left is not None and left.isAncestorOf(focused)):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Read what is shown again, off the GUI thread (new orders, F5)."""
        self.model.refresh_top()
        if self.stack.currentIndex() == 1:
            self.detail.reload()

    def _row(self, current: QModelIndex, _prev: QModelIndex) -> None:
        run_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        if run_id:
            self.detail.show_run(run_id)

    def open_run(self, run_id: str) -> None:
        self.stack.setCurrentIndex(1)
        for row in range(self.model.rowCount()):
            if self.model.rows[row]["id"] == run_id:
                self.table.selectRow(row)
                if self.detail.run_id == run_id:
                    return
        self.detail.show_run(run_id)

    # -- export ---------------------------------------------------------------------------------
    def _export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            translate("Orders", "Export orders"),
            str(Path.home() / "orders.xlsx"),
            translate("Orders", "Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if path:
            if not path.lower().endswith((".csv", ".xlsx")):
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the orders the list shows to ``path`` on a worker thread, with progress and
        a Stop button; the file appears only when complete."""
        filters = {k: v for k, v in self.filters().items() if v is not None}
        self._stop.clear()
        relay = ExportProgress(self)
        relay.moved.connect(self._progress)
        self.export_bar.setRange(0, 0)
        self.export_bar.show()
        self.stop_button.show()
        self.export_button.setEnabled(False)
        self.export_status.setStyleSheet(f"color: {MUTED}")
        self.export_status.setText(translate("Orders", "Exporting to {path}…").format(path=path))
        self.export_status.show()

        def work() -> int:
            def progress(done: int, total: int) -> bool:
                relay.moved.emit(done, total)  # queued to the GUI thread
                return not self._stop.is_set()

            return export_orders(self.ctx.db, path, progress=progress, **filters)

        def done(n: int) -> None:
            self._export_ended()
            self.export_status.setStyleSheet("")
            self.export_status.setText(
                (
                    translate("Orders", "Exported 1 order to {path}.")
                    if n == 1
                    else translate("Orders", "Exported {n} orders to {path}.")
                ).format(n=n, path=path)
            )

        def failed(exc: BaseException) -> None:
            self._export_ended()
            self.export_status.setStyleSheet(f"color: {BAD}")
            self.export_status.setText(
                str(exc) or translate("Orders", "The export to {path} failed.").format(path=path)
            )

        self.ctx.background(work, done, failed, owner=self)

    def _fit_columns(self) -> None:
        """Each column at least as wide as its title needs in the current language; the order
        number whole ("DEMO-1003", a shop's "#SHP-10042") and the state's two words
        ("Practice run, needs you", "Demo order, needs you": longer in Filipino)."""
        header = self.table.horizontalHeader()
        # the longest state in the current language, with its icon and the cell's margins;
        # each state as a row of the list says it (a demo order: its row's ``demo``)
        states = [
            run_words({"status": status, "practice": True, "demo": demo})[0]
            for status in RUN_WORDS
            for demo in (False, True)
        ]
        metrics = self.table.fontMetrics()
        state = max(metrics.horizontalAdvance(t) for t in states) + 16 + 24
        total = metrics.horizontalAdvance(money_text(99999.99, "PHP")) + 16  # "PHP 99,999.99"
        # "Yesterday 12:59 PM", "Sun 29 Nov, 12:59 PM": each moment the column may show
        received = max(metrics.horizontalAdvance(t) for t in when.moment_samples()) + 16
        self._widths = [
            max(width, header.sectionSizeHint(col))
            for col, width in enumerate((95, 120, total, state, 200, 100, received))
        ]
        for col, width in enumerate(self._widths):
            self.table.setColumnWidth(col, width)
        self._fit_width()

    def _fit_width(self) -> None:
        """The workflow column gives way when the columns do not fit (1024 pixels, Filipino
        states): the reason an order waits matters more, and the workflow filter stays."""
        widths = getattr(self, "_widths", None)  # None until the columns are first fitted
        if not widths:
            return
        room = self.table.viewport().width()
        tight = room < sum(widths)
        self.table.setColumnHidden(WORKFLOW, tight)
        # then the customer's name (whole in its tooltip) gives way, down to its title, so the
        # reason keeps its title whole beside the received time ("Yesterday 12:59 PM")
        header = self.table.horizontalHeader()
        rest = sum(w for col, w in enumerate(widths) if col not in (CUSTOMER, REASON, WORKFLOW))
        customer = widths[CUSTOMER]
        if tight:
            left = room - rest - header.sectionSizeHint(REASON)
            customer = max(header.sectionSizeHint(CUSTOMER), min(customer, left))
        self.table.setColumnWidth(CUSTOMER, customer)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_width()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the columns again the first time the page shows: it is made on its first visit
        (``MainWindow.add_page``) and only then takes on the window's style sheet, whose
        header font the titles' widths depend on."""
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._fit_columns()

    def _fit_search(self) -> None:
        """The search box as wide as what it finds by (its placeholder, in the language
        spoken) and no wider; on a small screen as wide as the title row allows. Sharing that
        row's room with a blank cut it to “…, email, phone…” at 1024 pixels, in Filipino to
        “…, numero, custome…”: the operator never read that a product finds its orders."""
        box = self.search
        fm = box.fontMetrics()
        # beside the words: the search icon and the clear button, each about as wide as the
        # box is tall
        needed = fm.horizontalAdvance(box.placeholderText()) + 2 * box.sizeHint().height() + 8
        box.setMaximumWidth(max(box.minimumWidth(), needed))

    def retranslate(self) -> None:
        """The language changed: column titles and states are said again in it."""
        self._fit_search()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._fit_columns()
        self.model.layoutChanged.emit()
        for i in range(1, self.status.count()):  # the states: their labels are data-driven
            self.status.setItemText(i, RUN_WORDS.get(self.status.itemData(i), ("",))[0])

    def _progress(self, done: int, total: int) -> None:
        self.export_bar.setRange(0, max(total, 1))
        self.export_bar.setValue(done)

    def _export_ended(self) -> None:
        self.export_bar.hide()
        self.stop_button.hide()
        self.export_button.setEnabled(True)
