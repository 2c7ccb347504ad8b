"""Intake health: each channel's last good contact, last error, and a pause switch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)
from sqlalchemy import select

from app.core.i18n import QT_TRANSLATE_NOOP, shown, translate
from app.store import intake as repo
from app.store.models import ChannelState
from app.ui import when
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import BAD, OK, icon
from app.ui.text import tooltip

# A channel's kind as stored (its trigger type) in the operator's words; the shop platforms
# by their names
KINDS = {
    "imap": QT_TRANSLATE_NOOP("Health", "Email inbox"),
    "webform": QT_TRANSLATE_NOOP("Health", "Web order form"),
    "webhook": QT_TRANSLATE_NOOP("Health", "Web address"),
    "marketplace": QT_TRANSLATE_NOOP("Health", "Marketplace"),
    "schedule": QT_TRANSLATE_NOOP("Health", "Schedule"),
}
PLATFORMS = {
    "shopee": "Shopee",
    "lazada": "Lazada",
    "shopify": "Shopify",
    "woocommerce": "WooCommerce",
}


def kind_words(kind: str) -> str:
    if kind in KINDS:
        return translate("Health", KINDS[kind])
    return PLATFORMS.get(kind, kind)


def load(ctx: AppContext) -> list[dict[str, Any]]:
    with ctx.db.read() as s:
        return [
            {
                "channel": c.channel,
                "kind": c.kind,
                "ok": c.last_ok_at,
                "err_at": c.last_error_at,
                "error": c.last_error,
                "error_words": c.last_error_words,  # said in the reader's language when shown
                "paused": c.paused,
            }
            for c in s.scalars(select(ChannelState).order_by(ChannelState.channel))
        ]


class HealthPage(Page):
    paused_changed = Signal(bool)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Health", "Intake health"))
        lay, top = self.body, self.top
        self.pause = QPushButton(icon("fa5s.pause"), translate("Health", "Pause intake"))
        self.pause.setObjectName("pauseIntake")
        self.pause.setToolTip(
            translate("Health", "Stop taking in new orders; orders already running go on.")
        )
        self.pause.clicked.connect(self.toggle)
        top.addWidget(self.pause)
        self.paused = False
        self.tree = QTreeWidget()
        self.tree.setObjectName("intakeHealth")
        self.tree.setHeaderLabels(
            [
                translate("Health", "Channel"),
                translate("Health", "Kind"),
                translate("Health", "Last good contact"),
                translate("Health", "Last problem"),
                translate("Health", "State"),
            ]
        )
        for column, width in enumerate((180, 110, 160)):
            self.tree.setColumnWidth(column, width)
        # the last problem takes the room left and the state keeps its words: at fixed widths
        # (a 320 px problem) the state went off the right edge at 1024x700, its words unseen
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.tree, 1)
        self.empty = QLabel(
            translate(
                "Health",
                "No intake channels yet: orders come in only when you type them in "
                "(Orders ▸ New order). To take orders from your email, your web order form "
                "or a marketplace, use Shop ▸ Set up my shop…",
            )
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        ctx.events.inbox_changed.connect(self.refresh)
        self._timer = QTimer(self, interval=10_000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def retranslate(self) -> None:
        # the sidebar says "Intake health" shorter: the title is set here, not by its text
        self.heading.setText(translate("Health", "Intake health"))
        self.refresh()  # the states and ages are words of the new language

    def refresh(self) -> None:
        self.ctx.background(
            lambda: (load(self.ctx), repo.is_paused(self.ctx.db)), self._loaded, owner=self
        )

    def toggle(self) -> None:
        want = not self.paused
        self.ctx.background(
            lambda: repo.set_paused(self.ctx.db, want), lambda _r: self.refresh(), owner=self
        )

    def _loaded(self, result: tuple[list[dict[str, Any]], bool]) -> None:
        rows, self.paused = result
        self.pause.setText(
            translate("Health", "Resume intake")
            if self.paused
            else translate("Health", "Pause intake")
        )
        self.pause.setIcon(icon("fa5s.play" if self.paused else "fa5s.pause"))
        self.paused_changed.emit(self.paused)
        self.tree.clear()
        for r in rows:
            failing = r["err_at"] and (not r["ok"] or r["err_at"] > r["ok"])
            problem = shown(r["error_words"], r["error"]) if r["error"] else ""
            item = QTreeWidgetItem(
                [
                    r["channel"],
                    kind_words(r["kind"]),
                    when.ago(r["ok"]),
                    problem,
                    translate("Health", "paused")
                    if r["paused"]
                    else translate("Health", "failing")
                    if failing
                    else translate("Health", "working"),
                ]
            )
            item.setToolTip(2, tooltip(when.exact_tip(r["ok"])))
            item.setToolTip(3, problem)  # a whole sentence: wider than its column
            item.setIcon(
                4,
                icon(
                    "fa5s.times-circle" if failing else "fa5s.check-circle", BAD if failing else OK
                ),
            )
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not rows)
