"""Who did what: every recorded operator action (retry, skip, a decision, cancel, workflow and
connection changes), newest first, in words, with the person's note, filtered by who, kind of
action and period. Reads run off the GUI thread (``AppContext.background``)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.store import audit
from app.ui import when
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import period_choice
from app.ui.text import PlainLabel, tooltip

ACTION_WORDS = {
    "choose": QT_TRANSLATE_NOOP("Audit", "Decisions"),
    "retry": QT_TRANSLATE_NOOP("Audit", "Retries"),
    "retry_with_input": QT_TRANSLATE_NOOP("Audit", "Retries with changes"),
    "skip": QT_TRANSLATE_NOOP("Audit", "Skips"),
    "cancel": QT_TRANSLATE_NOOP("Audit", "Cancellations"),
    "restart": QT_TRANSLATE_NOOP("Audit", "Restarts"),
    "dismiss": QT_TRANSLATE_NOOP("Audit", "Dismissed entries"),
    # every other action the trail records (``audit._WORDS``): never its name in English
    "run_started": QT_TRANSLATE_NOOP("Audit", "Orders started"),
    "order_entered": QT_TRANSLATE_NOOP("Audit", "Orders typed in"),
    "practice_started": QT_TRANSLATE_NOOP("Audit", "Practice runs"),
    "demo_started": QT_TRANSLATE_NOOP("Audit", "Demo started"),
    "demo_ended": QT_TRANSLATE_NOOP("Audit", "Demo ended"),
    "first_run": QT_TRANSLATE_NOOP("Audit", "First-run setup"),
    "hold_added": QT_TRANSLATE_NOOP("Audit", "Holds put on"),
    "hold_released": QT_TRANSLATE_NOOP("Audit", "Holds released"),
    "breaker_settings": QT_TRANSLATE_NOOP("Audit", "Waiting for a down system, changed"),
    "draft_saved": QT_TRANSLATE_NOOP("Audit", "Drafts saved"),
    "draft_discarded": QT_TRANSLATE_NOOP("Audit", "Drafts discarded"),
    "workflow_published": QT_TRANSLATE_NOOP("Audit", "Workflows published"),
    "workflow_saved": QT_TRANSLATE_NOOP("Audit", "Workflow versions saved"),
    "workflow_enabled": QT_TRANSLATE_NOOP("Audit", "Workflows switched on"),
    "workflow_disabled": QT_TRANSLATE_NOOP("Audit", "Workflows switched off"),
    "workflow_archived": QT_TRANSLATE_NOOP("Audit", "Workflows archived"),
    "workflow_unarchived": QT_TRANSLATE_NOOP("Audit", "Workflows brought back"),
    "workflow_removed": QT_TRANSLATE_NOOP("Audit", "Workflows removed"),
    "connection_saved": QT_TRANSLATE_NOOP("Audit", "Connections saved"),
    "connection_removed": QT_TRANSLATE_NOOP("Audit", "Connections removed"),
    "system_down": QT_TRANSLATE_NOOP("Audit", "Systems found down"),
    "system_still_down": QT_TRANSLATE_NOOP("Audit", "Systems still down"),
    "system_probe": QT_TRANSLATE_NOOP("Audit", "Tries with one order"),
    "system_caught_up": QT_TRANSLATE_NOOP("Audit", "Systems back"),
    "system_unwatched": QT_TRANSLATE_NOOP("Audit", "Systems no longer watched"),
    "system_try_now": QT_TRANSLATE_NOOP("Audit", "Try now"),
    "system_keep_waiting": QT_TRANSLATE_NOOP("Audit", "Kept waiting"),
    "system_retry_all": QT_TRANSLATE_NOOP("Audit", "Every waiting order retried"),
}
LIMIT = 500


def load(
    ctx: AppContext, filters: dict[str, Any]
) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    with ctx.db.read() as s:
        return (
            [r.as_dict() for r in audit.list_actions(s, limit=LIMIT, **filters)],
            audit.filter_choices(s),
        )


class AuditPage(Page):
    open_run = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Audit", "Who did what"))
        top = self.top
        self.who = QComboBox()
        self.who.setObjectName("auditWho")
        self.who.addItem(translate("Audit", "Anyone"), None)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.addItem(translate("Audit", "Any action"), None)
        self.period = period_choice("auditPeriod")
        self.order = QLineEdit()
        self.order.setObjectName("auditWorkflow")
        self.order.setPlaceholderText(translate("Audit", "Workflow…"))
        self.order.setClearButtonEnabled(True)
        self.order.setMaximumWidth(160)
        for w in (self.who, self.action, self.period, self.order):
            top.addWidget(w)
        self.tree = QTreeWidget()
        self.tree.setObjectName("auditList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                translate("Audit", "When"),
                translate("Audit", "Who"),
                translate("Audit", "What"),
                translate("Audit", "Note"),
            ]
        )
        # when, whole: "Tue 24 Nov, 12:59 PM" beside the tree's indentation
        widest = max(self.tree.fontMetrics().horizontalAdvance(t) for t in when.moment_samples())
        self.tree.setColumnWidth(0, max(150, widest + self.tree.indentation() + 16))
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(2, 330)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(3, 200)
        self.tree.itemActivated.connect(self._activated)
        self.body.addWidget(self.tree, 1)
        self.empty = PlainLabel(
            translate(
                "Audit",
                "Nothing has been done by hand yet. Every retry, skip, "
                "decision and cancel is listed here with who did it and when.",
            )
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        self.rows: list[dict[str, Any]] = []
        for combo in (self.who, self.action, self.period):
            combo.currentIndexChanged.connect(self.refresh)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        self.order.textChanged.connect(lambda: self._debounce.start())
        ctx.events.inbox_changed.connect(lambda: self._debounce.start())
        self.refresh()

    def filters(self) -> dict[str, Any]:
        period = self.period.currentData()
        return {
            "who": self.who.currentData(),
            "action": self.action.currentData(),
            "workflow": self.order.text().strip() or None,
            "since": time.time() - period if period else None,
        }

    def refresh(self) -> None:
        filters = self.filters()
        self.ctx.background(lambda: load(self.ctx, filters), self._loaded, owner=self)

    def _fill(self, combo: QComboBox, values: list[str], words: dict[str, str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for v in values:
            word = words.get(v)
            combo.addItem(translate("Audit", word) if word else v.replace("_", " "), v)

        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def _loaded(self, result: tuple[list[dict[str, Any]], dict[str, list[str]]]) -> None:
        rows, choices = result
        self._fill(self.who, choices.get("who", []), {audit.SYSTEM: audit.who_words(audit.SYSTEM)})
        self._fill(self.action, choices.get("action", []), ACTION_WORDS)
        self.rows = rows
        self.tree.clear()
        for r in rows:
            who = audit.who_words(r["who"])
            item = QTreeWidgetItem([when.moment(r["at"]), who, r["sentence"], r["note"]])
            item.setToolTip(0, tooltip(when.exact_tip(r["at"])))
            item.setToolTip(2, tooltip(r["sentence"]))
            item.setToolTip(3, tooltip(r["note"]))
            item.setData(0, 256, r["run_id"])
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not rows)

    def _activated(self, item: QTreeWidgetItem, _col: int) -> None:
        run_id = item.data(0, 256)
        if run_id:
            self.open_run.emit(run_id)
