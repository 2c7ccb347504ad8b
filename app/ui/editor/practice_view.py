"""Practice seen from the editor. “Try it” runs the document as it is on the canvas (saved or
not; ``practice.try_draft``) on the sample order or on a past order picked from a list, with the
steps that act on the outside world stubbed; the nodes show live states and the inspector each
step's result. “Replay…” (``replaying``) runs it on the last N orders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from app.core.i18n import translate
from app.core.schema import declared
from app.core.stepspec import StepSpec
from app.runtime.practice import try_draft
from app.store import queries
from app.store.explain import said_error
from app.store.queries import OrderRow
from app.ui import when
from app.ui.editor.dialogs import action_buttons, explanation
from app.ui.editor.replaying import ReplayDialog
from app.ui.style import STATE_WORDS, run_words, words

PAST_ORDERS = 50  # the past orders offered to try a draft on, newest first

# A mixin of EditorPage, which holds what ``self`` uses here. mypy cannot take EditorPage as
# this base (the page derives from this class: a cycle), so it sees Any there.
if TYPE_CHECKING:
    _Base = Any
else:
    _Base = object


def practice_name(business_key: str, started_at: float | None) -> str:
    """A practice run as the operator knows it: by its order's number (the workflow's business
    key), else by when it started; never by its run id."""
    if business_key:
        return translate("EditorPractice", "practice run of order {order}").format(
            order=business_key
        )
    return translate("EditorPractice", "practice run started {time}").format(
        time=when.at(started_at)
    )


def would_send(spec: StepSpec, output: dict[str, Any]) -> str:
    """What a step that acts on the outside world would have sent, under its settings' names
    (“Webhook URL”, not “Webhook url”), and that nothing was sent. The made-up answer a
    practice run gives the steps after it (“Status: 200”, “Sent: …”) is left out: shown, it
    read as if the message had gone out."""
    sent = output.get("would_send")
    sent = dict(sent) if isinstance(sent, dict) else {}
    lines = [
        translate("EditorPractice", "Nothing was sent: this is a practice run. It would send:")
    ]
    for f in spec.fields:
        value = sent.pop(f.name, None)
        if value is None or value == "" or value == {} or value == []:
            continue
        label = declared(f.label)
        if isinstance(value, dict | list):
            lines += [f"    {label}:", words(value, 2)]
        else:
            lines.append(f"    {label}: {words(value)}")
    if sent:  # settings the type does not declare: named as the data names them
        lines.append(words(sent, 1))
    return "\n".join(lines)


class PracticeView(_Base):
    """Mixed into ``EditorPage``: the practice-run part of the page."""

    test_run: str | None

    def _show_test_output(self, name: str) -> None:
        run_id = self.test_run
        if not run_id:
            return
        step = self.doc.workflow.step(name)
        spec = self.specs.get(step.type) if step is not None else None

        def load() -> str:
            with self.ctx.db.read() as s:
                from app.store.models import StepRun

                row = (
                    s.query(StepRun)
                    .filter(StepRun.run_id == run_id, StepRun.name == name)
                    .one_or_none()
                )
                if row is None:
                    return ""
                state = STATE_WORDS.get(row.state, (row.state,))[0]
                # a failed step's sentence in the operator's language (its stored words)
                shown = (
                    row.output
                    if row.output is not None
                    else (said_error(queries.step_dict(row)) or None)
                )
                if isinstance(shown, dict) and shown.get("practice") and spec is not None:
                    shown = would_send(spec, shown)
                elif shown is not None:
                    shown = words(shown)
                return translate("EditorPractice", "Practice run: {state}").format(state=state) + (
                    f"\n{shown if shown is not None else ''}"
                )

        self.ctx.background(load, lambda text: self.inspector.show_output(name, text))

    def _engine_events(self, events: list) -> None:
        if not self.test_run or not any(e.run_id == self.test_run for e in events):
            return
        run_id = self.test_run

        def states() -> dict[str, str]:
            with self.ctx.db.read() as s:
                return queries.step_states(s, run_id)

        self.ctx.background(states, self.scene.set_states)
        if self.inspector.step_name:
            self._show_test_output(self.inspector.step_name)

    def practice(self, past_run_id: str | None = None) -> None:
        """Try the document as it is now (saved or not) on the sample order, or on the order
        of the past run ``past_run_id``; nothing is saved or published."""
        wf = self.doc.workflow.copy()
        name = self.current or wf.name
        runtime = self.ctx.runtime
        if runtime is None:
            return self.say(
                translate(
                    "EditorPractice",
                    "Trying needs the engine, which is not running in this window.",
                ),
                bad=True,
            )

        def start() -> tuple[str, str, float | None]:
            run_id = try_draft(runtime, name, workflow=wf, past_run_id=past_run_id)
            with self.ctx.db.read() as s:
                from app.store.models import Run

                run = s.get(Run, run_id)
                return run_id, run.business_key if run else "", run.created_at if run else None

        def started(result: tuple[str, str, float | None]) -> None:
            run_id, business_key, started_at = result
            known = practice_name(business_key, started_at)
            self.test_run = run_id
            self.scene.set_states({})
            self.say(
                (
                    translate(
                        "EditorPractice",
                        "Trying it on the past order ({run}): steps that act on the "
                        "outside world only record what they would send. Select a step to see "
                        "its result.",
                    )
                    if past_run_id
                    else translate(
                        "EditorPractice",
                        "Trying it on the sample order ({run}): steps that act on the "
                        "outside world only record what they would send. Select a step to see "
                        "its result.",
                    )
                ).format(run=known)
            )
            if name not in self.rows:
                self.refresh()  # a new workflow got its draft saved to try it

        self.ctx.background(start, started, lambda e: self.say(str(e), bad=True))
        return None

    def practice_on_past_order(self) -> None:
        """Pick one of the workflow's recent orders to try the document on."""
        name = self.current
        if not name:
            return

        def load() -> list[OrderRow]:
            with self.ctx.db.read() as s:
                return [
                    o
                    for o in queries.list_orders(s, workflow=name, limit=PAST_ORDERS * 2)
                    if not o.practice
                ][:PAST_ORDERS]

        self.ctx.background(
            load,
            lambda orders: self._pick_past_order(name, orders),
            lambda e: self.say(str(e), bad=True),
        )

    def _pick_past_order(self, name: str, orders: list[OrderRow]) -> None:
        dlg = QDialog(self)
        dlg.setObjectName("pastOrderDialog")
        dlg.setWindowTitle(
            translate("EditorPractice", "Try “{name}” on a past order").format(name=name)
        )
        lay = QVBoxLayout(dlg)
        lay.addWidget(
            explanation(
                translate(
                    "EditorPractice",
                    "Choose an order: the workflow as it is on the canvas runs on what that order "
                    "brought in, with the steps that act on the outside world stubbed. The order "
                    "itself is not touched.",
                )
                if orders
                else translate(
                    "EditorPractice", "“{name}” has no past orders yet; try it on the sample order."
                ).format(name=name)
            )
        )
        lst = QListWidget()
        lst.setObjectName("pastOrders")
        for o in orders:
            state = run_words(o.as_dict())[0]
            who = f" · {o.customer}" if o.customer else ""
            item = QListWidgetItem(
                translate("EditorPractice", "Order {order}").format(
                    order=o.business_key or o.id[:8]
                )
                + f"{who} · {state} · {when.moment(o.created_at)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            lst.addItem(item)
        lst.setCurrentRow(0)
        lay.addWidget(lst)
        buttons, go = action_buttons(
            dlg,
            QDialogButtonBox.StandardButton.Cancel,
            translate("EditorPractice", "Try it on this order"),
            "tryPastOrder",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        go.setEnabled(bool(orders))

        def chosen(*_a: Any) -> None:
            item = lst.currentItem()
            if item is not None:
                dlg.accept()
                self.practice(item.data(Qt.ItemDataRole.UserRole))

        go.clicked.connect(chosen)
        lst.itemDoubleClicked.connect(chosen)
        lay.addWidget(buttons)
        dlg.resize(520, 380)
        self.past_order_dialog = dlg
        dlg.open()

    def replay(self) -> None:
        """Replay… : the document against the last N orders (``ReplayDialog``)."""
        if not self.current:
            return
        self.replay_dialog = ReplayDialog(self, self.current, self.doc.workflow.copy())
        self.replay_dialog.show()
