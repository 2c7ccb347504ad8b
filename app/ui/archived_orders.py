"""The Orders page's search of the archives: orders the clean-up moved to the monthly archive
files (``app.store.retention``) that match the operator's search, listed below the live
results ("Also found in the archive (N)"), and one of them shown read-only — what
``daloy runs show`` shows for it. The archives are read on a worker thread: they are
compressed files that can hold years of orders."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.store import retention
from app.ui import when
from app.ui.context import AppContext
from app.ui.text import PlainLabel

SHOWN = 100  # archived matches listed; the operator narrows the search for more


def archived_label(d: dict[str, Any]) -> str:
    key = d.get("business_key") or d.get("id")
    received = when.moment(d["created_at"]) if d.get("created_at") else ""
    return f"{key} — {d.get('workflow', '')} · {d.get('status', '')} · {received}"


class ArchiveMatches(QWidget):
    """The list of archived orders matching the search; ``opened`` carries the chosen one."""

    opened = Signal(dict)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._asked = ""  # the search the newest request was for (older answers dropped)
        self.found: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = PlainLabel()
        self.title.setObjectName("archiveMatchesTitle")
        self.list = QListWidget()
        self.list.setObjectName("archiveMatches")
        self.list.setMaximumHeight(140)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        lay.addWidget(self.title)
        lay.addWidget(self.list)
        self.hide()

    def search(self, text: str) -> None:
        """Look for ``text`` in the archives off the GUI thread; no text hides the list."""
        self._asked = text
        if not text:
            self._show(text, [])
            return
        data_dir = self.ctx.data_dir
        self.ctx.background(
            lambda: retention.search_archived(data_dir, text, SHOWN),
            lambda found: self._show(text, found),
            owner=self,
        )

    def _show(self, text: str, found: list[dict[str, Any]]) -> None:
        if text != self._asked:
            return
        self.found = found
        self.list.clear()
        for d in found:
            item = QListWidgetItem(archived_label(d))
            item.setData(Qt.ItemDataRole.UserRole, d["id"])
            self.list.addItem(item)
        self.setVisible(bool(found))
        self.retranslate()

    def retranslate(self) -> None:
        if len(self.found) >= SHOWN:
            title = translate(
                "ArchivedOrders",
                "Also found in the archive ({count}) — narrow the search to see others",
            )
        else:
            title = translate("ArchivedOrders", "Also found in the archive ({count})")
        self.title.setText(title.format(count=len(self.found)))

    def _open(self, item: QListWidgetItem) -> None:
        run_id = item.data(Qt.ItemDataRole.UserRole)
        for d in self.found:
            if d["id"] == run_id:
                self.opened.emit(d)
                return


class ArchivedOrderView(QWidget):
    """One archived order, read-only: its steps, its questions and the order's data."""

    back = Signal()

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        back = QPushButton(translate("ArchivedOrders", "← Orders"))
        back.setObjectName("archivedBack")
        back.clicked.connect(self.back)
        row.addWidget(back)
        row.addStretch(1)
        lay.addLayout(row)
        self.heading = PlainLabel()
        self.heading.setObjectName("archivedHeading")
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.text = QPlainTextEdit()
        self.text.setObjectName("archivedOrder")
        self.text.setReadOnly(True)
        lay.addWidget(self.text, 1)

    def show_order(self, d: dict[str, Any]) -> None:
        self.shown = d
        self.retranslate()
        lines = retention.describe(d)
        lines += [
            "",
            translate("ArchivedOrders", "Order data:"),
            json.dumps(d.get("trigger"), indent=2, ensure_ascii=False, default=str),
        ]
        self.text.setPlainText("\n".join(lines))

    def retranslate(self) -> None:
        d = getattr(self, "shown", None)
        if d is None:
            return
        if d.get("archived_at"):
            heading = translate(
                "ArchivedOrders",
                "Archived order (read-only, archived {when}). It no longer runs; its "
                "record is kept in the archive files.",
            ).format(when=when.at(d["archived_at"]))
        else:
            heading = translate(
                "ArchivedOrders",
                "Archived order (read-only, archived by the clean-up). It no longer runs; "
                "its record is kept in the archive files.",
            )
        self.heading.setText(heading)
