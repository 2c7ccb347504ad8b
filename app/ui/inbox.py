"""The exceptions inbox: every open question for a person, and the actions that answer it.

The list on the left (several entries may be selected for a bulk action); the entry itself,
in words, on the right (``app.ui.inbox_entry``). After an action a confirmation stays visible
("Order 3001 is running again."), the entry leaves the list and the next one is selected.
Reads run off the GUI thread through ``AppContext.background``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidgetItem,
    QSplitter,
)

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.store import queries
from app.ui import when
from app.ui.context import AppContext
from app.ui.inbox_entry import InboxDetail, load_entry
from app.ui.inbox_parts import EntryList
from app.ui.page import Page
from app.ui.style import KIND_WORDS, MUTED, OK, icon
from app.ui.text import PlainLabel, shown_reason, tooltip

FILTERS = [
    (QT_TRANSLATE_NOOP("Inbox", "All open entries"), None),
    (QT_TRANSLATE_NOOP("Inbox", "Decisions"), "decision"),
    (QT_TRANSLATE_NOOP("Inbox", "Failed steps"), "step_failed"),
    (QT_TRANSLATE_NOOP("Inbox", "Unreadable orders"), "intake_error"),
    (QT_TRANSLATE_NOOP("Inbox", "Channels down"), "channel_down"),
    (QT_TRANSLATE_NOOP("Inbox", "Systems down"), "system_down"),
    (QT_TRANSLATE_NOOP("Inbox", "Daloy alerts"), "system"),
]


def load_open(ctx: AppContext) -> list[dict[str, Any]]:
    """The open entries, each with its headline in words (what the list shows)."""
    from app.store.explain import explain_entry
    from app.store.models import InboxItem

    with ctx.db.read() as s:
        items = queries.open_inbox(s)
        for it in items:
            row = s.get(InboxItem, it["id"])
            ex = explain_entry(s, row) if row is not None else None
            it["headline"] = ex.headline if ex is not None else shown_reason(it)
            it["alert"] = ex.alert if ex is not None else ""  # the tray's and banner's words
        return items


class InboxPage(Page):
    count_changed = Signal(int)
    open_items = Signal(list)  # every open entry (dicts), after each refresh
    new_entries = Signal(list)
    open_run = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Inbox", "Needs you"))
        lay, top = self.body, self.top
        self.filter = QComboBox()
        self.filter.setObjectName("inboxFilter")
        for label, _ in FILTERS:
            self.filter.addItem(translate("Inbox", label))
        self.filter.currentIndexChanged.connect(self._populate)
        top.addWidget(self.filter)
        self.confirmation = PlainLabel()
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setWordWrap(True)
        self.confirmation.setStyleSheet(
            f"background: #e8f5e9; color: {OK}; font-weight: 600; "
            "padding: 8px 10px; border-radius: 6px;"
        )
        self.confirmation.hide()
        lay.addWidget(self.confirmation)
        split = QSplitter()
        self.list = EntryList()  # Up/Down, Tab on to the entry, Enter to its pane
        self.list.setObjectName("inboxList")
        self.list.setMinimumWidth(260)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(
            translate(
                "Inbox",
                "Ctrl+click or Shift+click to select several entries and act on them at once.",
            )
        )
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemSelectionChanged.connect(self._selected)
        self.detail = InboxDetail(ctx)
        self.detail.acted.connect(lambda item_id, text: self._acted([item_id], text))
        self.detail.bulk_done.connect(self._acted)
        self.detail.open_run.connect(self.open_run)
        self.detail.select_ids.connect(self.select_many)
        self.detail.tab_from = self.list
        self.list.to_pane.connect(self.detail.focus_first)
        self.setFocusProxy(self.list)  # the keyboard enters the page at the list (Ctrl+1)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 560])
        lay.addWidget(split, 1)
        self.empty = QLabel(
            translate(
                "Inbox",
                "All clear: nothing needs you right now. Daloy keeps working and "
                "will tell you when something does.",
            )
        )
        self.empty.setObjectName("hint")
        lay.addWidget(self.empty)
        self.items: list[dict[str, Any]] = []
        self._known: set[int] | None = None
        self._want: list[int] = []
        self._after_row: int | None = None  # where the entry just resolved was
        # Actions taken, and how many had been taken when the list shown was read: a read
        # started before the last action still lists its entry, so it must not move the
        # selection on (it would land on the answered entry and lose the next one).
        self._acts = 0
        self._read_after = 0
        self._shown: int | None = None
        self._repopulating = False
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        ctx.events.inbox_changed.connect(lambda: self._debounce.start())
        self.refresh()

    def refresh(self) -> None:
        acts = self._acts
        self.ctx.background(
            lambda: load_open(self.ctx), lambda items: self._loaded(items, acts), owner=self
        )

    def retranslate(self) -> None:
        """The language changed: the entries' sentences are read again in it (the selection
        and the entry shown stay)."""
        self._known = {i["id"] for i in self.items}  # no alert for entries already announced
        if not self.detail.typing():  # never throw away what the operator is typing
            self._shown = None
        self.refresh()

    def _loaded(self, items: list[dict[str, Any]], acts: int | None = None) -> None:
        self._read_after = self._acts if acts is None else acts
        ids = {i["id"] for i in items}
        # At start-up the entries already waiting raise one alert (grouped), later only new ones.
        fresh = items if self._known is None else [i for i in items if i["id"] not in self._known]
        if fresh:
            self.new_entries.emit(fresh)
        self._known = ids
        self.items = items
        self.count_changed.emit(len(items))
        self.open_items.emit(items)
        self._populate()

    def _selected_ids(self) -> list[int]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]

    def _populate(self) -> None:
        kind = FILTERS[self.filter.currentIndex()][1]
        keep = self._want or self._selected_ids()
        self.list.blockSignals(True)
        self.list.clear()
        for it in self.items:
            if kind and it["kind"] != kind:
                continue
            _, ic, color = KIND_WORDS.get(it["kind"], ("", "fa5s.bell", MUTED))
            who = (
                translate("Inbox", "Order {order}").format(order=it["business_key"])
                if it.get("business_key")
                else (it.get("workflow") or "Daloy")
            )
            text = it.get("headline") or shown_reason(it)
            short = text if len(text) < 90 else text[:87] + "…"
            li = QListWidgetItem(
                icon(ic, color), f"{who}\n{short}\n{when.moment(it['created_at'])}"
            )
            li.setData(Qt.ItemDataRole.UserRole, it["id"])
            li.setToolTip(tooltip(f"{text}\n{when.exact(it['created_at'])}"))
            self.list.addItem(li)
        targets = [
            self.list.item(i)
            for i in range(self.list.count())
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) in keep
        ]
        if self._after_row is not None and self._read_after == self._acts:
            if not targets and self.list.count():
                # the entry just answered left the list: the next one takes its place
                targets = [self.list.item(min(self._after_row, self.list.count() - 1))]
            self._after_row = None
        for t in targets:
            t.setSelected(True)
        if targets:
            self.list.setCurrentItem(targets[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.items)
        self._want = []
        if targets:
            self._selected()
        elif self.detail.entry and self.detail.entry.get("id") not in {i["id"] for i in self.items}:
            self._shown = None
            self.detail.show_entry({})

    def _acted(self, item_ids: list[int], text: str) -> None:
        """An action went through: say so where it stays visible, and move to the next entry."""
        self.confirmation.setText(f"✓ {text}")
        self.confirmation.show()
        rows = [
            r
            for r in range(self.list.count())
            if self.list.item(r).data(Qt.ItemDataRole.UserRole) in item_ids
        ]
        self._after_row = min(rows) if rows else None
        self._acts += 1
        self._want = []
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.refresh()

    def select(self, item_id: int) -> None:
        self._want = [item_id]
        self._populate()
        if not self._selected_ids():  # not open any more: still show it
            self.ctx.background(lambda: load_entry(self.ctx, item_id), self._show, owner=self)

    def select_many(self, item_ids: list[int]) -> None:
        self._want = list(item_ids)
        self._populate()

    def _show(self, entry: dict[str, Any]) -> None:
        self._shown = entry.get("id") if entry else None
        self.detail.show_entry(entry)

    def _selected(self) -> None:
        ids = self._selected_ids()
        if len(ids) > 1:
            self._shown = None
            self.detail.show_bulk([i for i in self.items if i["id"] in ids])
            return
        if not ids:
            return
        item_id = ids[0]
        if self._shown == item_id and self.detail.entry is not None:
            return  # already shown: do not rebuild under the operator's mouse
        self._shown = item_id
        self.ctx.background(
            lambda: load_entry(self.ctx, item_id),
            # a read that comes back after the operator moved on (Down, Down) is not shown: it
            # would replace the entry now selected, and take the keyboard out of its pane
            lambda entry: self._show(entry) if self._shown == item_id else None,
            owner=self,
        )
