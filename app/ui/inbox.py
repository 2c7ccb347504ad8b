"""The exceptions inbox: every open question for a person, and the actions that answer it.

Reads and actions run off the GUI thread through ``AppContext.background``; every action goes
through ``OperatorActions`` (the same API the CLI uses), which records who and when.
"""

from __future__ import annotations

import json
import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.store import queries
from app.store.models import InboxItem
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import KIND_WORDS, MUTED, ago, clock, icon, words
from app.ui.text import PlainLabel, tooltip

FILTERS = [("All open entries", None), ("Decisions", "decision"), ("Failed steps", "step_failed"),
           ("Unreadable orders", "intake_error"), ("Channels down", "channel_down"),
           ("Daloy alerts", "system")]


def load_open(ctx: AppContext) -> list[dict[str, Any]]:
    with ctx.db.read() as s:
        return queries.open_inbox(s)


def load_entry(ctx: AppContext, item_id: int) -> dict[str, Any]:
    with ctx.db.read() as s:
        item = s.get(InboxItem, item_id)
        if item is None:
            return {}
        d = queries.inbox_dict(item)
        d["run"] = queries.run_detail(s, item.run_id) if item.run_id else None
        return d


class ChoiceBox(QComboBox):
    """A decision field with choices (ask_person): shows each label, answers with its value."""

    def __init__(self, choices: list[dict[str, str]]) -> None:
        super().__init__()
        self.addItem("— choose —", "")
        for c in choices:
            self.addItem(c["label"], c["value"])

    def text(self) -> str:
        return str(self.currentData() or "")


class JsonDialog(QDialog):
    """Edit JSON; refuses to submit until it parses."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None,
                 ports: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("jsonDialog")
        lay = QVBoxLayout(self)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("jsonEditor")
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #c62828")
        lay.addWidget(self.editor)
        self.port = QComboBox()
        if ports:
            form = QFormLayout()
            self.port.addItems(ports)
            form.addRow("Continue from output:", self.port)
            lay.addLayout(form)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.value: Any = None
        self.resize(520, 380)

    def _accept(self) -> None:
        try:
            self.value = json.loads(self.editor.toPlainText() or "null")
        except ValueError as exc:
            self.error.setText(f"This is not valid JSON: {exc}. Fix it, then press OK.")
            return
        self.accept()


class InboxDetail(QScrollArea):
    acted = Signal()
    open_run = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("inboxDetail")
        self.setWidgetResizable(True)
        self.entry: dict[str, Any] | None = None
        self._show_empty()

    def _fresh(self) -> QVBoxLayout:
        w = QWidget()
        w.setObjectName("page")
        lay = QVBoxLayout(w)
        lay.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(w)
        return lay

    def _show_empty(self) -> None:
        lay = self._fresh()
        msg = QLabel("Nothing selected.\n\nWhen an order needs you, it appears on the left: a "
                     "step that failed after its retries, a decision to make, or an order that "
                     "could not be read.")
        msg.setObjectName("hint")
        msg.setWordWrap(True)
        lay.addWidget(msg)

    def show_entry(self, entry: dict[str, Any]) -> None:
        self.entry = entry
        if not entry:
            self._show_empty()
            return
        lay = self._fresh()
        kind_title, kind_icon, color = KIND_WORDS.get(entry["kind"], (entry["kind"], "fa5s.bell", MUTED))
        head = QHBoxLayout()
        ic = QLabel()
        ic.setPixmap(icon(kind_icon, color).pixmap(28, 28))
        head.addWidget(ic)
        who = entry.get("business_key") and f"Order {entry['business_key']}"
        title = PlainLabel(f"{who or entry.get('workflow') or 'Daloy'} needs a decision"
                       if entry["kind"] == "decision" else entry["title"])
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        head.addWidget(title, 1)
        lay.addLayout(head)
        meta = " · ".join(x for x in (kind_title, entry.get("workflow"), entry.get("business_key") and
                                      f"order {entry['business_key']}",
                                      f"since {clock(entry['created_at'])}") if x)
        m = PlainLabel(meta)
        m.setObjectName("hint")
        m.setWordWrap(True)               # a long order number must not widen the pane
        lay.addWidget(m)
        if entry["status"] != "open":
            done = PlainLabel(f"Resolved by {entry.get('resolved_by')} at {clock(entry.get('resolved_at'))}.")
            lay.addWidget(done)
        run = entry.get("run")
        if entry["kind"] == "decision":
            self._decision_card(lay, entry)
        else:
            reason = PlainLabel(entry["reason"])
            reason.setWordWrap(True)
            reason.setObjectName("why")
            lay.addWidget(reason)
        if run:
            step = next((s for s in run["steps"] if s["name"] == entry.get("step")), None)
            self._section(lay, "The order", words(run.get("trigger")))
            if step and entry["kind"] != "decision":
                self._section(lay, f"What the step “{step['title']}” was given", words(step.get("input")))
                attempts = "\n".join(
                    f"Attempt {a['number']} at {clock(a['started_at'])}: {a['outcome']}"
                    + (f" — {a['error']}" if a.get("error") else "") for a in step["attempt_log"])
                self._section(lay, "Attempts", attempts or "none")
            if entry["status"] == "open" and entry["kind"] != "decision":
                self._actions(lay, entry, run, step)
            link = QPushButton(icon("fa5s.list-alt"), "Show the whole order")
            link.clicked.connect(lambda: self.open_run.emit(run["id"]))
            lay.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        elif entry["status"] == "open":
            if entry.get("detail"):
                self._section(lay, "Details", words(entry["detail"]))
            b = QPushButton(icon("fa5s.check"), "Dismiss")
            b.setObjectName("dismissButton")
            b.clicked.connect(lambda: self._do(lambda: self.ctx.actions.dismiss(entry["id"]),
                                               "Dismissed."))
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = PlainLabel()
        self.status.setObjectName("actionStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

    def _section(self, lay: QVBoxLayout, title: str, body: str) -> None:
        t = PlainLabel(title)
        t.setStyleSheet("font-weight: 600; margin-top: 10px")
        t.setWordWrap(True)
        lay.addWidget(t)
        b = PlainLabel(body)
        b.setWordWrap(True)
        b.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(b)

    def _decision_card(self, lay: QVBoxLayout, entry: dict[str, Any]) -> None:
        d = entry.get("detail") or {}
        card = QFrame()
        card.setObjectName("card")
        card_lay = QVBoxLayout(card)
        q = PlainLabel(d.get("question", entry["title"]))
        q.setWordWrap(True)
        q.setStyleSheet("font-size: 16px; font-weight: 600")
        card_lay.addWidget(q)
        if d.get("context"):
            c = PlainLabel(words(d["context"]))
            c.setWordWrap(True)
            card_lay.addWidget(c)
        fields: dict[str, QLineEdit | ChoiceBox] = {}
        if d.get("fields"):
            form = QFormLayout()
            for f in d["fields"]:
                edit = ChoiceBox(f["choices"]) if "choices" in f else QLineEdit()
                edit.setObjectName(f"field_{f['name']}")
                fields[f["name"]] = edit
                form.addRow(PlainLabel(f.get("label") or f["name"]), edit)
            card_lay.addLayout(form)
        if d.get("deadline"):
            late = d["deadline"] < time.time()
            dl = QLabel(("Overdue since " if late else "Please decide by ") + clock(d["deadline"]))
            dl.setStyleSheet(f"color: {'#c62828' if late else MUTED}")
            card_lay.addWidget(dl)
        row = QHBoxLayout()
        for opt in d.get("options", []):
            b = QPushButton(opt.get("label") or opt["name"])
            b.setObjectName(f"option_{opt['name']}")
            if entry["status"] != "open":
                b.setEnabled(False)
            b.clicked.connect(lambda _=False, o=opt["name"]: self._do(
                lambda: self.ctx.actions.choose(entry["run_id"], entry["step"], o,
                                                values={k: e.text() for k, e in fields.items()}),
                f"Chose “{o}”; the order goes on."))
            row.addWidget(b)
        row.addStretch(1)
        card_lay.addLayout(row)
        lay.addWidget(card)

    def _actions(self, lay: QVBoxLayout, entry: dict[str, Any], run: dict[str, Any],
                 step: dict[str, Any] | None) -> None:
        row = QHBoxLayout()
        rid, sname = run["id"], entry.get("step")
        retry = QPushButton(icon("fa5s.redo", "white"), "Retry")
        retry.setObjectName("primary")
        retry.setProperty("action", "retry")
        retry.clicked.connect(lambda: self._do(lambda: self.ctx.actions.retry(rid, sname),
                                               "Retrying now."))
        edit = QPushButton(icon("fa5s.edit"), "Retry with changes…")
        edit.setProperty("action", "retry_edit")
        edit.clicked.connect(lambda: self._retry_edit(rid, sname, step))
        skip = QPushButton(icon("fa5s.forward"), "Skip…")
        skip.setProperty("action", "skip")
        skip.clicked.connect(lambda: self._skip(rid, sname))
        restart = QComboBox()
        restart.setObjectName("restartStep")
        restart.addItems([s["name"] for s in run["steps"]])
        if sname:
            restart.setCurrentText(sname)
        restart_b = QPushButton(icon("fa5s.history"), "Restart from")
        restart_b.setProperty("action", "restart")
        restart_b.clicked.connect(lambda: self._do(
            lambda: self.ctx.actions.restart(rid, restart.currentText()),
            f"Restarted from {restart.currentText()}."))
        cancel = QPushButton(icon("fa5s.ban", "#c62828"), "Cancel order")
        cancel.setObjectName("danger")
        cancel.setProperty("action", "cancel")
        cancel.clicked.connect(lambda: self._confirm_cancel(rid))
        for w in (retry, edit, skip):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        for w in (restart_b, restart, cancel):
            row2.addWidget(w)
        row2.addStretch(1)
        lay.addLayout(row2)
        self.buttons = {b.property("action"): b for b in (retry, edit, skip, restart_b, cancel)}

    def _retry_edit(self, rid: str, sname: str, step: dict[str, Any] | None) -> None:
        dlg = JsonDialog("Retry with changed input", json.dumps((step or {}).get("input"), indent=2,
                                                                ensure_ascii=False), self)
        if dlg.exec():
            self._do(lambda: self.ctx.actions.retry(rid, sname, new_input=dlg.value),
                     "Retrying with your changes.")

    def _skip(self, rid: str, sname: str) -> None:
        ports = self._ports(rid, sname)
        dlg = JsonDialog("Skip the step: what should it have produced?", "{}", self, ports)
        if dlg.exec():
            port = dlg.port.currentText() or "out"
            self._do(lambda: self.ctx.actions.skip(rid, sname, output=dlg.value, port=port),
                     "Skipped; the order goes on.")

    def _ports(self, rid: str, sname: str) -> list[str]:
        run = (self.entry or {}).get("run") or {}
        step = next((s for s in run.get("steps", []) if s["name"] == sname), None)
        spec = self.ctx.registry.specs.get(step["type"]) if step else None
        return [p for p in spec.ports_for({}) if p] if spec and not spec.dynamic_ports else ["out"]

    def _confirm_cancel(self, rid: str) -> None:
        if QMessageBox.question(self, "Cancel this order?",
                                "The order stops here; steps that already ran are not undone.") \
                == QMessageBox.StandardButton.Yes:
            self._do(lambda: self.ctx.actions.cancel(rid), "Order cancelled.")

    def _do(self, fn, done_text: str) -> None:  # noqa: ANN001
        status = self.status            # the entry's pane may be rebuilt before the answer comes
        status.setText("Working…")

        def ok(_result: object) -> None:
            status.setText(done_text)
            self.acted.emit()

        def failed(exc: BaseException) -> None:
            status.setText(str(exc))
            status.setStyleSheet("color: #c62828")

        self.ctx.background(fn, ok, failed, owner=status)


class InboxPage(Page):
    count_changed = Signal(int)
    new_entries = Signal(list)
    open_run = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Needs you")
        lay, top = self.body, self.top
        self.filter = QComboBox()
        self.filter.setObjectName("inboxFilter")
        for label, _ in FILTERS:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(self._populate)
        top.addWidget(self.filter)
        split = QSplitter()
        self.list = QListWidget()
        self.list.setObjectName("inboxList")
        self.list.setMinimumWidth(340)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._selected)
        self.detail = InboxDetail(ctx)
        self.detail.acted.connect(self.refresh)
        self.detail.open_run.connect(self.open_run)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.empty = QLabel("All clear: nothing needs you right now. Daloy keeps working and "
                            "will tell you when something does.")
        self.empty.setObjectName("hint")
        lay.addWidget(self.empty)
        self.items: list[dict[str, Any]] = []
        self._known: set[int] | None = None
        self._want: int | None = None
        self._repopulating = False
        ctx.events.inbox_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.background(lambda: load_open(self.ctx), self._loaded)

    def _loaded(self, items: list[dict[str, Any]]) -> None:
        ids = {i["id"] for i in items}
        if self._known is not None:
            fresh = [i for i in items if i["id"] not in self._known]
            if fresh:
                self.new_entries.emit(fresh)
        self._known = ids
        self.items = items
        self.count_changed.emit(len(items))
        self._populate()

    def _populate(self) -> None:
        kind = FILTERS[self.filter.currentIndex()][1]
        current = self.list.currentItem()
        keep = self._want or (current.data(Qt.ItemDataRole.UserRole) if current else None)
        self.list.blockSignals(True)
        self.list.clear()
        for it in self.items:
            if kind and it["kind"] != kind:
                continue
            _, ic, color = KIND_WORDS.get(it["kind"], ("", "fa5s.bell", MUTED))
            kind_title = KIND_WORDS.get(it["kind"], (it["kind"],))[0]
            who = f"Order {it['business_key']}" if it.get("business_key") else (it.get("workflow") or "Daloy")
            reason = it["reason"] if len(it["reason"]) < 80 else it["reason"][:77] + "…"
            li = QListWidgetItem(icon(ic, color), f"{who} · {kind_title}\n{reason}\n"
                                 f"{ago(it['created_at'])}")
            li.setData(Qt.ItemDataRole.UserRole, it["id"])
            li.setToolTip(tooltip(it["reason"]))
            self.list.addItem(li)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.items)
        target = next((self.list.item(i) for i in range(self.list.count())
                       if self.list.item(i).data(Qt.ItemDataRole.UserRole) == keep), None)
        if target is not None:
            # Re-selecting the entry already shown must not rebuild the detail under the
            # operator's mouse.
            self._repopulating = True
            self.list.setCurrentItem(target)
            self._repopulating = False
            self._want = None
        elif self.detail.entry and self.detail.entry.get("id") not in {i["id"] for i in self.items}:
            self.detail.show_entry({})

    def select(self, item_id: int) -> None:
        self._want = item_id
        self._populate()
        if self._want is not None:            # not open any more: still show it
            self.ctx.background(lambda: load_entry(self.ctx, item_id), self.detail.show_entry)
            self._want = None

    def _selected(self, cur: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if cur is None:
            return
        item_id = cur.data(Qt.ItemDataRole.UserRole)
        if self._repopulating and (self.detail.entry or {}).get("id") == item_id:
            return
        self.ctx.background(lambda: load_entry(self.ctx, item_id), self.detail.show_entry)

