"""Orders (runs): a lazily paged table that stays responsive with a million runs, search by
business key, filters, and a run's timeline with one sentence saying why it is where it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store import queries
from app.store.explain import duration, why
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import RUN_WORDS, STATE_WORDS, clock, icon, short_time, words
from app.ui.text import PlainLabel, tooltip

PAGE = 200
COLUMNS = ("Order", "Workflow", "Status", "Started", "Finished")


def fetch_page(ctx: AppContext, filters: dict[str, Any], after: tuple[float, str] | None,
               limit: int = PAGE) -> list[dict[str, Any]]:
    with ctx.db.read() as s:
        return [queries.run_dict(r) for r in queries.list_runs(
            s, status=filters.get("status"), workflow=filters.get("workflow"),
            business_key=filters.get("key"), since=filters.get("since"), after=after,
            limit=limit)]


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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r["business_key"] or r["id"][:8]
            if col == 1:
                return r["workflow"]
            if col == 2:
                return RUN_WORDS.get(r["status"], (r["status"],))[0]
            if col == 3:
                return short_time(r["created_at"])
            if col == 4:
                return short_time(r["finished_at"]) if r["finished_at"] else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 2:
            _, color, ic = RUN_WORDS.get(r["status"], ("", "#555", "fa5s.circle"))
            return icon(ic, color)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(RUN_WORDS.get(r["status"], ("", "#333"))[1])
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None

    # -- lazy loading --------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._busy or not self._more:
            return
        self._busy = True
        self.loading.emit(True)
        after = (self.rows[-1]["created_at"], self.rows[-1]["id"]) if self.rows else None
        gen, filters = self._generation, dict(self.filters)
        self.ctx.background(lambda: fetch_page(self.ctx, filters, after),
                            lambda rows: self._append(gen, rows),
                            lambda exc: self._failed(gen))

    def _append(self, gen: int, rows: list[dict[str, Any]]) -> None:
        self._busy = False
        self.loading.emit(False)
        if gen != self._generation:
            return
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self._more = len(rows) == PAGE

    def _failed(self, gen: int) -> None:
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
        self.ctx.background(lambda: fetch_page(self.ctx, filters, None, n),
                            lambda rows: self._replace(gen, rows), lambda exc: self._failed(gen))

    def _replace(self, gen: int, rows: list[dict[str, Any]]) -> None:
        self._busy = False
        if gen != self._generation:
            return
        if [r["id"] for r in rows] == [r["id"] for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self._more = len(rows) >= PAGE
        self.endResetModel()


class RunDetail(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("runDetail")
        lay = QVBoxLayout(self)
        self.title = PlainLabel("Choose an order on the left to see its steps.")
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.why = PlainLabel()
        self.why.setObjectName("why")
        self.why.setWordWrap(True)
        self.why.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("runTimeline")
        self.tree.setHeaderLabels(["Step", "State", "Attempts", "Took"])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.title)
        lay.addWidget(self.why)
        lay.addWidget(self.tree, 1)
        self.run_id: str | None = None
        self.detail: dict[str, Any] | None = None

    def show_run(self, run_id: str) -> None:
        self.run_id = run_id
        self.ctx.background(lambda: self._load(run_id), self._render)

    def reload(self) -> None:
        if self.run_id:
            self.show_run(self.run_id)

    def _load(self, run_id: str) -> dict[str, Any] | None:
        with self.ctx.db.read() as s:
            return queries.run_detail(s, run_id)

    def _render(self, d: dict[str, Any] | None) -> None:
        if d is None or d["id"] != self.run_id:
            return
        self.detail = d
        label = d["business_key"] or d["id"][:8]
        self.title.setText(f"Order {label} · {d['workflow']} (version {d.get('version', '?')})"
                           + (" · practice run" if d.get("practice") else ""))
        self.why.setText(why(d))
        self.why.show()
        expanded = {self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        for st in d["steps"]:
            state, color, ic = STATE_WORDS.get(st["state"], (st["state"], "#555", "fa5s.circle"))
            took = ""
            if st.get("started_at") and st.get("finished_at"):
                took = duration(st["finished_at"] - st["started_at"])
            tries = ""
            if st["state"] in ("retry_wait", "running", "needs_attention") and st["attempts"]:
                tries = f"{st['attempts']} of {st['max_attempts']}"
            elif st["attempts"] > 1:
                tries = str(st["attempts"])
            item = QTreeWidgetItem([st["title"], state, tries, took])
            item.setIcon(1, icon(ic, color))
            item.setForeground(1, QColor(color))
            for title, value in (("Given", st.get("input")), ("Produced", st.get("output"))):
                if value not in (None, {}, []):
                    child = QTreeWidgetItem([f"{title}: " + words(value).replace("\n", "  ·  ")[:400]])
                    child.setToolTip(0, tooltip(words(value)))
                    item.addChild(child)
            if st.get("error") and st["state"] != "succeeded":
                item.addChild(QTreeWidgetItem([f"Problem: {st['error']}"]))
            for a in st.get("attempt_log", []):
                item.addChild(QTreeWidgetItem([f"Attempt {a['number']} at {clock(a['started_at'])}: "
                                               f"{a['outcome']}" + (f" — {a['error']}" if a.get("error") else "")]))
            self.tree.addTopLevelItem(item)
            item.setExpanded(st["title"] in expanded or st["state"] in ("needs_attention", "retry_wait"))


class RunsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Orders")
        lay, top = self.body, self.top
        self.search = QLineEdit()
        self.search.setObjectName("runSearch")
        self.search.setPlaceholderText("Find an order number…")
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("runStatusFilter")
        self.status.addItem("Any status", None)
        for key, (label, _c, _i) in RUN_WORDS.items():
            self.status.addItem(label, key)
        self.workflow = QComboBox()
        self.workflow.setObjectName("runWorkflowFilter")
        self.workflow.addItem("Any workflow", None)
        self.period = QComboBox()
        self.period.setObjectName("runPeriodFilter")
        for label, secs in (("Any time", None), ("Today", 86400), ("Last 7 days", 7 * 86400),
                            ("Last 30 days", 30 * 86400)):
            self.period.addItem(label, secs)
        for w in (self.search, self.status, self.workflow, self.period):
            top.addWidget(w)
        split = QSplitter()
        self.model = RunsModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("runsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 80)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 70)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().currentRowChanged.connect(self._row)
        self.detail = RunDetail(ctx)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([560, 520])
        lay.addWidget(split, 1)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda: self._debounce.start())
        for combo in (self.status, self.workflow, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)
        self._live = QTimer(self, singleShot=True, interval=700)
        self._live.timeout.connect(self._refresh)
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

        self.ctx.background(names, fill)

    def apply_filters(self) -> None:
        import time
        period = self.period.currentData()
        self.model.reset({"key": self.search.text().strip(), "status": self.status.currentData(),
                          "workflow": self.workflow.currentData(),
                          "since": time.time() - period if period else None})

    def _refresh(self) -> None:
        self.model.refresh_top()
        self.detail.reload()

    def _row(self, current: QModelIndex, _prev: QModelIndex) -> None:
        run_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        if run_id:
            self.detail.show_run(run_id)

    def open_run(self, run_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.rows[row]["id"] == run_id:
                self.table.selectRow(row)
                return
        self.detail.show_run(run_id)
