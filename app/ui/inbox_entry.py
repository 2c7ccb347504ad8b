"""One inbox entry, in the order an operator reads it: one plain sentence of what happened and
what it means for the customer and the money (``app.store.explain``), the actions, the order in
words, and the technical detail (error, attempts, request, keys) folded underneath. With several
entries selected, the same place offers the bulk actions.

Reads and actions run off the GUI thread (``AppContext.background``); every action goes through
``OperatorActions`` (the API the CLI uses), which records who and when.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.core.kinds import STEP_KINDS
from app.core.order_total import currency_of
from app.store import queries, restored_choice
from app.store.actions import bulk
from app.store.explain import explain_entry
from app.store.models import InboxItem
from app.ui import when
from app.ui.context import AppContext
from app.ui.inbox_parts import (
    ChoiceBox,
    Fold,
    PaneChoice,
    bulk_summary,
    order_name,
    tab_after,
    technical_words,
)
from app.ui.put_back_orders import ask_again, gone_on_part
from app.ui.style import BAD, KIND_WORDS, MUTED, icon, order_facts, words
from app.ui.system_down import system_actions
from app.ui.text import PlainLabel, confirm, shown_title, tooltip

if TYPE_CHECKING:  # the forms load when an operator opens one, not with the inbox (memory)
    from app.ui.step_forms import StepFormDialog


def load_entry(ctx: AppContext, item_id: int) -> dict[str, Any]:
    """The entry with its explanation in words, its run, and the other open entries that
    failed against the same outside system."""
    with ctx.db.read() as s:
        item = s.get(InboxItem, item_id)
        if item is None:
            return {}
        d = queries.inbox_dict(item)
        d["run"] = queries.run_detail(s, item.run_id) if item.run_id else None
        d["explained"] = explain_entry(s, item)
        d["same_system"] = (
            queries.waiting_on_same_system(s, item_id) if item.status == "open" else []
        )
        # after a put-back: what the replaced workspace had done for the order since
        d["gone_on"] = (
            restored_choice.gone_on_said(s, item.run_id)[1]
            if item.run_id and item.status == "open"
            else ""
        )
        return d


class InboxDetail(QScrollArea):
    """The right-hand pane: one entry, or the bulk actions for several."""

    acted = Signal(int, str)  # the entry acted on, the confirmation in words
    bulk_done = Signal(list, str)  # the entries acted on, the summary in words
    open_run = Signal(str)
    select_ids = Signal(list)  # "select all waiting on the same system"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("inboxDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry: dict[str, Any] | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.status = PlainLabel()
        # the inbox's list: Tab goes from it to the pane's controls (``controls``), in order
        self.tab_from: QWidget | None = None
        self.controls: list[QWidget] = []
        self._show_empty()

    def typing(self) -> bool:
        """Has the operator typed something into the pane (a decision's fields)?"""
        pane = self.widget()
        return pane is not None and any(e.text() for e in pane.findChildren(QLineEdit))

    def _fresh(self) -> QVBoxLayout:
        w = QWidget()
        w.setObjectName("page")
        # top-aligned by a stretch below, not by the layout's alignment: an aligned layout
        # gets its sizeHint's height, which misses the wrapped lines, and squashed the
        # decision card (its option buttons showed as slivers) on a small screen
        outer = QVBoxLayout(w)
        lay = QVBoxLayout()
        outer.addLayout(lay)
        outer.addStretch(1)
        self.setWidget(w)
        self.buttons = {}
        self.controls = []
        return lay

    def _chain(self) -> None:
        """Tab from the list reaches the pane's first control, and on in reading order."""
        pane = self.widget()
        if self.tab_from is not None and pane is not None:
            self.controls = tab_after(self.tab_from, pane)

    def focus_first(self) -> None:
        """The keyboard to the entry's first control (Enter on the list): focus only."""
        if self.controls:
            self.controls[0].setFocus(Qt.FocusReason.TabFocusReason)

    def _keyboard_back(self) -> None:
        """An action's button is about to be switched off: the keyboard goes back to the list
        (Qt would hand it to the next control, where one more key would do something else)."""
        focused = QApplication.focusWidget()
        if self.tab_from is not None and focused is not None and self.isAncestorOf(focused):
            self.tab_from.setFocus(Qt.FocusReason.OtherFocusReason)

    def _status(self, lay: QVBoxLayout) -> None:
        self.status = PlainLabel()
        self.status.setObjectName("actionStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

    def _show_empty(self) -> None:
        self.entry = None
        lay = self._fresh()
        msg = QLabel(
            translate(
                "InboxEntry",
                "Nothing selected.\n\nWhen an order needs you, it appears on the left: a "
                "step that failed after its retries, a decision to make, or an order that "
                "could not be read.",
            )
        )
        msg.setObjectName("hint")
        msg.setWordWrap(True)
        lay.addWidget(msg)
        self._status(lay)

    # -- one entry -----------------------------------------------------------------------------
    def show_entry(self, entry: dict[str, Any]) -> None:
        if not entry:
            self._show_empty()
            return
        self.entry = entry
        lay = self._fresh()
        kind_title, kind_icon, color = KIND_WORDS.get(
            entry["kind"], (entry["kind"], "fa5s.bell", MUTED)
        )
        ex = entry.get("explained")
        head = QHBoxLayout()
        ic = QLabel()
        ic.setPixmap(icon(kind_icon, color).pixmap(28, 28))
        head.addWidget(ic, 0, Qt.AlignmentFlag.AlignTop)
        headline = PlainLabel(ex.headline if ex else shown_title(entry))
        headline.setObjectName("headline")
        headline.setWordWrap(True)
        headline.setStyleSheet("font-size: 17px; font-weight: 600; color: #111827")
        heading = QVBoxLayout()
        heading.addWidget(headline)
        if ex and ex.more:  # the rest of a long question, under its first sentence
            more = PlainLabel(ex.more)
            more.setObjectName("headlineMore")
            more.setWordWrap(True)
            more.setStyleSheet("font-size: 14px; color: #111827")
            heading.addWidget(more)
        head.addLayout(heading, 1)
        lay.addLayout(head)
        meta = " · ".join(
            x
            for x in (
                kind_title,
                entry.get("workflow"),
                translate("InboxEntry", "since {time}").format(time=when.at(entry["created_at"])),
            )
            if x
        )
        m = PlainLabel(meta)
        m.setObjectName("hint")
        m.setToolTip(tooltip(when.exact_tip(entry["created_at"])))
        m.setWordWrap(True)  # a long order number must not widen the pane
        lay.addWidget(m)
        if ex and ex.money_line and entry["kind"] != "decision":
            money = PlainLabel(ex.money_line)
            money.setObjectName("why")
            money.setWordWrap(True)
            lay.addWidget(money)
        if entry["status"] != "open":
            lay.addWidget(
                PlainLabel(
                    translate("InboxEntry", "Resolved by {who} {time}.").format(
                        who=entry.get("resolved_by"), time=when.at(entry.get("resolved_at"))
                    )
                )
            )
        run = entry.get("run")
        step = (
            next((s for s in run["steps"] if s["name"] == entry.get("step")), None) if run else None
        )
        if entry.get("gone_on") and entry.get("run_id"):
            gone_on_part(
                self.ctx,
                lay,
                entry["run_id"],
                entry["gone_on"],
                lambda text: self.status.setText(text),
                lambda text: self.acted.emit(entry["id"], text),
            )
        if entry["kind"] == "decision":
            self._decision_card(lay, entry)
        elif entry["status"] == "open" and run and entry["kind"] in STEP_KINDS:
            self._actions(lay, entry, run, step)
        elif entry["status"] == "open" and entry["kind"] == "system_down":
            system_actions(self, lay, entry)  # try now, keep waiting, retry/cancel all
        elif entry["status"] == "open":
            decision = (entry.get("detail") or {}).get("decision_item")
            if decision:  # a reminder of a decision: its answer is there, not here
                go = QPushButton(
                    icon("fa5s.question-circle", "white"),
                    translate("InboxEntry", "Open the decision"),
                )
                go.setObjectName("primary")
                go.clicked.connect(lambda: self.select_ids.emit([decision]))
                lay.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)
                self.buttons["open_decision"] = go
            b = QPushButton(icon("fa5s.check"), translate("InboxEntry", "Dismiss"))
            b.setObjectName("dismissButton")
            b.clicked.connect(
                lambda: self._do(
                    lambda: self.ctx.actions.dismiss(entry["id"]),
                    translate("InboxEntry", "Dismissed."),
                )
            )
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons["dismiss"] = b
        self._status(lay)
        same = [i for i in entry.get("same_system") or [] if i != entry["id"]]
        if same:
            label = translate("InboxEntry", "Select all {n} waiting on the same system")
            if ex and "payment" in ex.headline + ex.money_line:
                label = translate("InboxEntry", "Select all {n} waiting on the payment service")
            label = label.format(n=len(same) + 1)
            allb = QPushButton(icon("fa5s.layer-group"), label)
            allb.setObjectName("selectSameSystem")
            allb.clicked.connect(lambda: self.select_ids.emit([entry["id"], *same]))
            lay.addWidget(allb, 0, Qt.AlignmentFlag.AlignLeft)
        if ex and ex.order_line or run:
            said = [ex.order_line] if ex and ex.order_line else []
            self._section(
                lay,
                translate("InboxEntry", "The order"),
                "\n".join(said + ([words(order_facts(run.get("trigger")))] if run else [])),
            )
        if run:
            link = QPushButton(
                icon("fa5s.list-alt"), translate("InboxEntry", "Show the whole order")
            )
            link.setObjectName("showOrder")
            link.clicked.connect(lambda: self.open_run.emit(run["id"]))
            lay.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        detail = dict(ex.detail) if ex else dict(entry.get("detail") or {})
        if entry["kind"] != "decision" or detail:
            lay.addWidget(
                Fold(
                    translate("InboxEntry", "Technical detail"),
                    technical_words(detail),
                    "technicalDetail",
                )
            )
        self._chain()

    def _section(self, lay: QVBoxLayout, title: str, body: str) -> None:
        t = PlainLabel(title)
        t.setStyleSheet("font-weight: 600; margin-top: 10px")
        t.setWordWrap(True)
        lay.addWidget(t)
        b = PlainLabel(body.strip())
        b.setWordWrap(True)
        b.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(b)

    def _decision_card(self, lay: QVBoxLayout, entry: dict[str, Any]) -> None:
        d = entry.get("detail") or {}
        card = QFrame()
        card.setObjectName("card")
        card_lay = QVBoxLayout(card)
        if d.get("context"):
            # its prices in the order's currency, as the order's page and the list say them
            c = PlainLabel(
                words(d["context"], currency=currency_of((entry.get("run") or {}).get("trigger")))
            )
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
            said_when = when.at(d["deadline"])
            dl = QLabel(
                translate("InboxEntry", "Overdue since {time}").format(time=said_when)
                if late
                else translate("InboxEntry", "Please decide by {time}").format(time=said_when)
            )
            dl.setStyleSheet(f"color: {BAD if late else MUTED}")
            dl.setToolTip(tooltip(when.exact_tip(d["deadline"])))
            card_lay.addWidget(dl)
        # one option under the other: a label is often a sentence, and three side by side
        # widen the pane past a small screen (and clip the headline with it)
        row = QVBoxLayout()
        who = order_name(entry)
        for opt in d.get("options", []):
            label = opt.get("label") or opt["name"]
            b = QPushButton(label)
            b.setObjectName(f"option_{opt['name']}")
            b.setEnabled(entry["status"] == "open")
            b.clicked.connect(
                lambda _=False, o=opt["name"], lab=label: self._do_asked(
                    lambda: self.ctx.actions.choose(
                        entry["run_id"],
                        entry["step"],
                        o,
                        values={k: e.text() for k, e in fields.items()},
                        again=bool(entry.get("gone_on")),
                    ),
                    translate("InboxEntry", "{order} goes on: you chose “{option}”.").format(
                        order=who, option=lab
                    ),
                )
            )
            row.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons[f"option_{opt['name']}"] = b
        card_lay.addLayout(row)
        lay.addWidget(card)

    def _actions(
        self,
        lay: QVBoxLayout,
        entry: dict[str, Any],
        run: dict[str, Any],
        step: dict[str, Any] | None,
    ) -> None:
        rid, sname = run["id"], entry.get("step") or ""
        told = bool(entry.get("gone_on"))  # asked before acting (``_again``)
        who = order_name(entry)
        retry = QPushButton(icon("fa5s.redo", "white"), translate("InboxEntry", "Retry"))
        retry.setObjectName("primary")
        retry.clicked.connect(
            lambda: self._do_asked(
                lambda: self.ctx.actions.retry(rid, sname, again=told),
                translate("InboxEntry", "{order} is running again.").format(order=who),
            )
        )
        edit = QPushButton(icon("fa5s.edit"), translate("InboxEntry", "Retry with changes…"))
        edit.setObjectName("retryWithChanges")
        edit.clicked.connect(lambda: self._retry_edit(rid, sname, step, who))
        skip = QPushButton(icon("fa5s.forward"), translate("InboxEntry", "Skip with this result…"))
        skip.setObjectName("skipWithResult")
        skip.clicked.connect(lambda: self._skip(rid, sname, step, who))
        cancel = QPushButton(icon("fa5s.ban", BAD), translate("InboxEntry", "Cancel order…"))
        cancel.setObjectName("danger")
        cancel.clicked.connect(lambda: self._confirm_cancel(rid, who))
        restart = PaneChoice()
        restart.setObjectName("restartStep")
        for s in run["steps"]:
            restart.addItem(s.get("title") or s["name"], s["name"])
        restart.setCurrentIndex(max(0, restart.findData(sname)))
        restart_b = QPushButton(icon("fa5s.history"), translate("InboxEntry", "Restart from"))
        restart_b.clicked.connect(
            lambda: self._do(
                lambda: self.ctx.actions.restart(rid, restart.currentData()),
                translate("InboxEntry", "{order} starts again from “{step}”.").format(
                    order=who, step=restart.currentText()
                ),
            )
        )
        # two buttons a row: the pane stays narrow enough for a 1024-pixel screen; the step to
        # restart from takes the rest of its row, so its title is read whole (at its own width
        # it showed “Charge the custome”)
        for pair in ((retry, edit), (skip, cancel), (restart_b, restart)):
            row = QHBoxLayout()
            for w in pair:
                row.addWidget(w, 1 if w is restart else 0)
            if restart not in pair:
                row.addStretch(1)
            lay.addLayout(row)
        self.buttons = {
            "retry": retry,
            "retry_edit": edit,
            "skip": skip,
            "cancel": cancel,
            "restart": restart_b,
        }

    def _spec(self, step: dict[str, Any] | None):  # noqa: ANN202
        return self.ctx.registry.specs.get(step["type"]) if step else None

    def _do_asked(self, fn: Callable[[], object], done_text: str) -> None:
        """``_do``, once the operator agreed (``_again``)."""
        if self._again() is not None:
            self._do(fn, done_text)

    def _again(self) -> bool | None:
        """Acting on an entry whose order the replaced workspace had taken further (a
        put-back) does those steps again: asked first. None: not to act."""
        return ask_again(self, (self.entry or {}).get("gone_on") or "")

    def _retry_edit(self, rid: str, sname: str, step: dict[str, Any] | None, who: str) -> None:
        from app.ui.step_forms import RetryForm

        told = self._again()
        if told is None:
            return
        self.dialog: StepFormDialog = RetryForm(
            self._spec(step), (step or {}).get("input"), (step or {}).get("title") or sname, self
        )
        self.dialog.accepted.connect(
            lambda: self._do(
                lambda: self.ctx.actions.retry(rid, sname, new_input=self.dialog.value, again=told),
                translate("InboxEntry", "{order} is running again with your changes.").format(
                    order=who
                ),
            )
        )
        self.dialog.open()

    def _skip(self, rid: str, sname: str, step: dict[str, Any] | None, who: str) -> None:
        from app.ui.step_forms import SkipForm, skip_shape

        told = self._again()
        if told is None:
            return
        spec = self._spec(step)
        ports = (
            [p for p in spec.ports_for((step or {}).get("input") or {}) if p != "error"]
            if spec
            else ["out"]
        )
        title = (step or {}).get("title") or sname
        self.dialog = form = SkipForm(
            title, skip_shape(spec, step or {}), ports, self, spec.output_words if spec else None
        )
        self.dialog.accepted.connect(
            lambda: self._do(
                lambda: self.ctx.actions.skip(
                    rid,
                    sname,
                    output=form.value,
                    port=form.port.currentText() or "out",
                    again=told,
                ),
                translate("InboxEntry", "{order} goes on without “{step}”.").format(
                    order=who, step=title
                ),
            )
        )
        self.dialog.open()

    def _confirm_cancel(self, rid: str, who: str) -> None:
        if confirm(
            self,
            translate("InboxEntry", "Cancel this order?"),
            translate(
                "InboxEntry",
                "{order} stops here and nothing after this step happens. Steps that already "
                "ran are not undone (a charge already made stays made).",
            ).format(order=who),
            translate("InboxEntry", "Cancel the order"),
            translate("InboxEntry", "Keep the order"),
        ):
            self._do(
                lambda: self.ctx.actions.cancel(rid),
                translate("InboxEntry", "{order} was cancelled.").format(order=who),
            )

    def _do(self, fn: Callable[[], object], done_text: str) -> None:
        status = self.status  # the pane may be rebuilt before the answer comes
        item_id = (self.entry or {}).get("id", 0)
        status.setText(translate("InboxEntry", "Working…"))
        self._keyboard_back()
        for b in self.buttons.values():
            b.setEnabled(False)

        def failed(exc: BaseException) -> None:
            status.setText(str(exc))
            status.setStyleSheet(f"color: {BAD}")
            for b in self.buttons.values():
                b.setEnabled(True)

        self.ctx.background(
            fn, lambda _r: self.acted.emit(item_id, done_text), failed, owner=status
        )

    # -- several entries -----------------------------------------------------------------------
    def show_bulk(self, entries: list[dict[str, Any]]) -> None:
        self.entry = None
        lay = self._fresh()
        ids = [e["id"] for e in entries]
        title = PlainLabel(translate("InboxEntry", "{n} entries selected").format(n=len(entries)))
        title.setObjectName("headline")
        title.setStyleSheet("font-size: 17px; font-weight: 600")
        lay.addWidget(title)
        names = PlainLabel(
            ", ".join(order_name(e) for e in entries[:12])
            + (
                translate("InboxEntry", " and {n} more").format(n=len(entries) - 12)
                if len(entries) > 12
                else ""
            )
        )
        names.setWordWrap(True)
        lay.addWidget(names)
        hint = PlainLabel(
            translate(
                "InboxEntry",
                "Each order is done on its own, and each is recorded with your name. "
                "An entry that cannot take the action (a decision to make) is left "
                "as it is and said below.",
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        row = QHBoxLayout()
        for action, label, ic in (
            ("retry", translate("InboxEntry", "Retry all"), "fa5s.redo"),
            ("skip", translate("InboxEntry", "Skip all"), "fa5s.forward"),
            ("cancel", translate("InboxEntry", "Cancel all…"), "fa5s.ban"),
        ):
            b = QPushButton(
                icon(
                    ic, "white" if action == "retry" else BAD if action == "cancel" else "#374151"
                ),
                label,
            )
            b.setObjectName(
                "primary"
                if action == "retry"
                else "danger"
                if action == "cancel"
                else f"bulk_{action}"
            )
            b.setProperty("bulk", action)
            b.clicked.connect(lambda _=False, a=action: self._bulk(ids, a))
            row.addWidget(b)
            self.buttons[f"bulk_{action}"] = b
        row.addStretch(1)
        lay.addLayout(row)
        self._status(lay)
        self._chain()

    def _bulk(self, ids: list[int], action: str) -> None:
        if action == "cancel" and not confirm(
            self,
            translate("InboxEntry", "Cancel these orders?"),
            translate(
                "InboxEntry", "{n} orders stop here; steps that already ran are not undone."
            ).format(n=len(ids)),
            translate("InboxEntry", "Cancel these orders"),
            translate("InboxEntry", "Keep them"),
        ):
            return
        status = self.status
        status.setText(translate("InboxEntry", "Working…"))
        self._keyboard_back()
        for b in self.buttons.values():
            b.setEnabled(False)
        self.ctx.background(
            lambda: bulk(self.ctx.actions, ids, action),
            lambda results: self.bulk_done.emit(
                [r.item_id for r in results if r.ok], bulk_summary(action, results)
            ),
            lambda exc: status.setText(str(exc)),
            owner=status,
        )
