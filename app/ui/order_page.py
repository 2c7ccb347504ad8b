"""An order's page: what state it is in (a cancelled order, a practice run or a demo order said
as such, never a green "Done"), one sentence saying why it is where it is, its workflow as a
picture (the editor's canvas, read-only: each step coloured by state, the path taken drawn
bold; it opens at a zoom where step titles read, on the step that matters for this order, with
a button to see the whole workflow and back), and beside it the timeline of steps and of what
people did (scrolled, when the order opens, to that step if it is failed or waiting and out of
view). "Decide now" / "Open in Needs you" lead to the entry that holds it.

Reads run off the GUI thread (``AppContext.background``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPen,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app.core.i18n import translate
from app.core.model import Workflow
from app.core.order_states import ENDED_CANCELLED
from app.core.order_total import currency_of, money_text
from app.store import audit, queries
from app.store.explain import explain_entry, why
from app.store.models import InboxItem, Run, WorkflowVersion
from app.ui import when
from app.ui.context import AppContext
from app.ui.editor.canvas import CanvasView
from app.ui.editor.document import WorkflowDocument
from app.ui.editor.scene import EditorScene, NodeItem, layered_layout
from app.ui.holds import HoldBar
from app.ui.style import OK, icon, run_words
from app.ui.text import PlainLabel
from app.ui.timeline import Timeline

TAKEN = QPen(QColor(OK), 4)
STEPS_IN_VIEW = 6  # the step list under the picture shows at least this many when it can
PICTURE_MIN_HEIGHT = 32
NOT_TAKEN = QPen(QColor("#cbd5e1"), 1.5, Qt.PenStyle.DashLine)
RAN = ("succeeded", "skipped", "needs_attention", "running", "retry_wait", "ready")
GOING = ("running", "retry_wait", "ready")
# The picture opens no smaller than this (the editor's 100 % is 1.0) unless the whole workflow
# fits larger: a step's title still reads (the sample's 19 steps fitted whole came out at
# ~25 % at 1024x700, ~20 % beside the step list at 1366x768: boxes without words).
READABLE_ZOOM = 0.8
PAN_KEY_STEP = 60  # px the arrow keys move the picture


def _waiting_for(what: str) -> str:
    """ "Waiting for you: …." — without a second stop after a decision's question or sentence."""
    said = translate("OrderPage", "Waiting for you: {what}.").format(what=what.rstrip("."))
    return said[:-1] if what.endswith(("?", "!")) and said.endswith(".") else said


def ended_cancelled(run: dict[str, Any]) -> str:
    """Why an order its workflow ended cancelled reads “Cancelled”: the note of the step that
    ended it (“End the order”), or that step's title; "" for any other order."""
    if run.get("outcome") != ENDED_CANCELLED:
        return ""
    step = next((st for st in run.get("steps", []) if st.get("type") == "end_order"), None)
    output = step.get("output") if step else None
    note = output.get("note") if isinstance(output, dict) else ""
    if note:
        return translate("OrderPage", "Cancelled by the workflow: {note}").format(note=note)
    return translate("OrderPage", "Cancelled by the workflow at “{step}”.").format(
        step=step["title"] if step else ""
    )


def load_order(ctx: AppContext, run_id: str) -> dict[str, Any] | None:
    """The run's detail, its workflow version as it ran, and what people did to it."""
    with ctx.db.read() as s:
        d = queries.run_detail(s, run_id)
        if d is None:
            return None
        run = s.get(Run, run_id)
        version = s.get(WorkflowVersion, run.version_id) if run else None
        d["definition"] = version.definition if version is not None else None
        d["cancelled"] = bool(run and run.cancelled)
        d["actions"] = [a.as_dict() for a in audit.run_actions(s, run_id)]
        d["customer"], d["total"] = queries.run_facts(s, run_id)
        # why it waits, in the inbox's words (not the raw error)
        items = [
            i
            for i in s.scalars(
                select(InboxItem).where(InboxItem.run_id == run_id, InboxItem.status == "open")
            )
        ]
        items.sort(key=lambda i: i.kind != "decision")
        # each open entry in the inbox's words, for its step's row (``step_story``)
        explained = [(i, explain_entry(s, i)) for i in items]
        d["explained"] = {
            i.step_name: {"kind": i.kind, "explanation": ex} for i, ex in reversed(explained)
        }
        d["waiting_for"] = explained[0][1].headline if explained else ""
        d["waiting_for_more"] = explained[0][1].more if explained else ""
        return d


def path_taken(wf: Workflow, steps: dict[str, dict[str, Any]]) -> set[tuple[str, str, str]]:
    """The edges the order went along: out of a step that finished by that port into one
    that then ran."""
    taken = set()
    for e in wf.edges:
        src, dst = steps.get(e.source), steps.get(e.target)
        if (
            src
            and dst
            and src["state"] in ("succeeded", "skipped")
            and (src.get("port") or "out") == e.port
            and dst["state"] in RAN
        ):
            taken.add((e.source, e.port, e.target))
    return taken


def step_that_matters(d: dict[str, Any]) -> str | None:
    """The step the operator looks for on this order's picture: the one waiting for a person
    (a decision first, as “Decide now” opens) or failed, else the one running or waiting to
    run again, else the last one reached; None before any step ran (the picture shows the
    workflow's first step then)."""
    steps = d.get("steps", [])
    names = {st["name"] for st in steps}
    open_items = [
        i for i in d.get("inbox", []) if i.get("status") == "open" and i.get("step") in names
    ]
    open_items.sort(key=lambda i: i.get("kind") != "decision")
    if open_items:
        return str(open_items[0]["step"])
    for wanted in (("needs_attention",), GOING):
        st = next((st for st in steps if st["state"] in wanted), None)
        if st is not None:
            return str(st["name"])
    reached = [
        (st.get("finished_at") or st.get("started_at"), i, st["name"])
        for i, st in enumerate(steps)
        if st["state"] == "succeeded" or (st["state"] in RAN and st.get("started_at"))
    ]
    timed = [r for r in reached if r[0] is not None]
    if timed:
        return str(max(timed, key=lambda r: (r[0], r[1]))[2])
    return str(reached[-1][2]) if reached else None


class WorkflowPicture(CanvasView):
    """The editor's canvas and scene, shown read-only: nothing can be moved, linked or
    dropped. It opens at ``READABLE_ZOOM`` (or larger when the whole workflow fits) centred
    on the step that matters (``step_that_matters``); a button in its corner switches to the
    whole workflow and back (F on the picture too). Dragging anywhere pans, the wheel and the
    arrow keys scroll, Ctrl+wheel zooms. Shown again for the same order (a reload), the view
    stays where the operator left it unless that step changed."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("orderPicture")
        self.setAcceptDrops(False)
        self.setInteractive(False)
        # on a short screen it gives way to the step list, down to a strip the operator can
        # drag taller (``OrderPage._share``); it was 140 px, which left 2 steps in view
        self.setMinimumSize(220, PICTURE_MIN_HEIGHT)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint.setText(translate("OrderPage", "The workflow of this order is not available."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrow keys pan, F switches
        self.scene_: EditorScene | None = None
        self.taken: set[tuple[str, str, str]] = set()
        self.focus: str | None = None  # the step that matters (its name), centred when opened
        self.whole = False  # the whole workflow shown (the button), else the focus step
        self._shown: tuple[str | None, Any] | None = None  # (order, definition) on screen
        # on the view, not its viewport: scrolling moves the viewport's children with it
        self.switch = QPushButton(self)
        self.switch.setObjectName("pictureSwitch")
        self.switch.setCursor(Qt.CursorShape.PointingHandCursor)
        self.switch.setStyleSheet(
            "QPushButton#pictureSwitch { padding: 3px 10px; background: rgba(255,255,255,235); }"
        )
        self.switch.clicked.connect(self.toggle_whole)
        self.switch.hide()
        self._say_switch()

    # -- where it looks ---------------------------------------------------------------------
    def _say_switch(self) -> None:
        """The button says where it goes: the whole workflow, or back to this order's step."""
        if self.whole:
            text = translate("OrderPage", "Where this order is")
            tip = translate(
                "OrderPage", "Back to the step this order is at, large enough to read (F)"
            )
            name = "fa5s.crosshairs"
        else:
            text = translate("OrderPage", "Whole workflow")
            tip = translate("OrderPage", "See every step of the workflow at once (F)")
            name = "fa5s.expand"
        self.switch.setText(text)
        self.switch.setIcon(icon(name))
        self.switch.setToolTip(tip)
        self.switch.adjustSize()
        self._place_switch()

    def _place_switch(self) -> None:
        vp = self.viewport().geometry()
        self.switch.move(max(vp.left(), vp.right() - self.switch.width() - 6), vp.top() + 6)
        self.switch.raise_()

    def toggle_whole(self) -> None:
        self.whole = not self.whole
        self._say_switch()
        self.fit()

    def fit(self, readable: bool = False) -> None:
        """The view the picture opens at (and keeps while the window is resized, until the
        operator pans): the whole workflow, or ``READABLE_ZOOM`` around the focus step."""
        super().fit(readable=False)  # every step, never past 100 %
        if self.scene_ is None or self.viewport().width() < 50 or not self.scene_.nodes:
            self.switch.hide()
            return
        fits = self.scale_now() >= READABLE_ZOOM  # all of it is readable: nothing to switch
        self.switch.setVisible(not fits)
        self._place_switch()
        if fits or self.whole:
            return
        node = self.scene_.nodes.get(self.focus or "") or self._first_node()
        self.resetTransform()
        self.scale(READABLE_ZOOM, READABLE_ZOOM)
        self._grow_scene_rect()
        box = node.sceneBoundingRect()
        seen = self.visible_scene_rect()
        if box.height() <= seen.height():
            self.centerOn(box.center())
        else:  # a short picture (a small screen): its title at the top, as many answers as fit
            self.centerOn(box.center().x(), box.top() + seen.height() / 2)

    def _first_node(self) -> NodeItem:
        """Before any step ran: the workflow's first step."""
        assert self.scene_ is not None
        steps = self.scene_.doc.workflow.steps
        return self.scene_.nodes.get(steps[0].name) or next(iter(self.scene_.nodes.values()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_switch()

    def _starts_pan(self, event: QMouseEvent) -> bool:
        """Nothing here can be moved: a drag anywhere, over a step too, pans."""
        return event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: (-PAN_KEY_STEP, 0),
            Qt.Key.Key_Right: (PAN_KEY_STEP, 0),
            Qt.Key.Key_Up: (0, -PAN_KEY_STEP),
            Qt.Key.Key_Down: (0, PAN_KEY_STEP),
        }
        if key in moves and not event.modifiers():
            dx, dy = moves[key]
            self.fitted = False
            self._grow_scene_rect()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() + dx)
            v.setValue(v.value() + dy)
        elif key == Qt.Key.Key_F and not event.modifiers():
            self.toggle_whole()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event.ignore()
        else:
            super().keyPressEvent(event)

    def show_workflow(
        self,
        definition: Any,
        steps: list[dict[str, Any]],
        order: str | None = None,
        focus: str | None = None,
    ) -> None:
        """The workflow with the order's steps coloured; ``order`` the order shown (the same
        one again keeps the view unless ``focus``, the step that matters, changed)."""
        self._say_switch()
        if definition is None:
            self.scene_, self._shown = None, None
            self.switch.hide()
            self.set_empty(True)
            return
        by_name = {st["name"]: st for st in steps}
        again = (
            self.scene_ is not None
            and order is not None
            and self._shown == (order, definition)
            and self.scene() is self.scene_
        )
        if again:
            assert self.scene_ is not None
            wf = self.scene_.doc.workflow
            self._colour(wf, by_name)
            if focus != self.focus:
                self.focus = focus
                self.fit()  # the order moved on: to its new step (or the whole, if chosen)
            return
        wf = (
            Workflow.from_json(definition)
            if isinstance(definition, str)
            else Workflow.from_dict(definition)
        )
        doc = WorkflowDocument(wf)
        if any(not st.position for st in wf.steps):
            for name, pos in layered_layout(doc, self.ctx.registry.specs).items():
                wf.existing_step(name).position = pos
        self.scene_ = EditorScene(doc, self.ctx.registry.specs)
        for node in self.scene_.nodes.values():
            node.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
            node.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        for item in self.scene_.edges.values():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self._colour(wf, by_name)
        self._shown = (order, definition)
        self.focus, self.whole = focus, False
        self._say_switch()
        self.setScene(self.scene_)
        self.set_empty(not wf.steps)
        self.fit()

    def _colour(self, wf: Workflow, by_name: dict[str, dict[str, Any]]) -> None:
        """Each step in its state's colour, the path the order took bold."""
        assert self.scene_ is not None
        self.scene_.set_states({n: st["state"] for n, st in by_name.items()})
        taken = path_taken(wf, by_name)
        for edge, item in self.scene_.edges.items():
            item.setPen(TAKEN if (edge.source, edge.port, edge.target) in taken else NOT_TAKEN)
        self.taken = taken


class _Split(QSplitter):
    """The picture and the step list; ``shared`` is called after each of its resizes (the
    window's, a banner shown or closed, the words above it changed)."""

    def __init__(self, shared: Callable[[], None]) -> None:
        super().__init__()
        self._shared = shared

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._shared()


class OrderPage(QWidget):
    """Shown for one order; ``back`` returns to the list."""

    back = Signal()
    open_inbox_item = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("runDetail")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(
            icon("fa5s.arrow-left"), translate("OrderPage", "All orders")
        )
        self.back_button.setObjectName("backToOrders")
        self.back_button.clicked.connect(self.back)
        # Escape or Back (Alt+Left) as on the button: shortcuts of the window that work only
        # while this page shows (Qt ignores a hidden widget's shortcuts)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence.StandardKey.Back):
            back = QShortcut(keys, self, context=Qt.ShortcutContext.WindowShortcut)
            back.activated.connect(self.back_button.click)
        self._say_back_keys()
        top.addWidget(self.back_button)
        self.title = PlainLabel(translate("OrderPage", "Choose an order to see its steps."))
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.state = PlainLabel()
        self.state.setObjectName("orderState")
        top.addWidget(self.state)
        lay.addLayout(top)
        self.facts = PlainLabel()
        self.facts.setObjectName("hint")
        self.facts.setWordWrap(True)
        lay.addWidget(self.facts)
        row = QHBoxLayout()
        said = QVBoxLayout()
        said.setSpacing(0)
        self.why = PlainLabel()
        self.why.setObjectName("why")
        self.why.setWordWrap(True)
        self.why.hide()
        said.addWidget(self.why)
        # the rest of a long question, in plain weight under its first sentence (one box)
        self.why_more = PlainLabel()
        self.why_more.setObjectName("whyMore")
        self.why_more.setWordWrap(True)
        self.why_more.hide()
        said.addWidget(self.why_more)
        row.addLayout(said, 1)
        self.decide = QPushButton(
            icon("fa5s.hand-paper", "white"), translate("OrderPage", "Open in Needs you")
        )
        self.decide.setObjectName("primary")
        self.decide.setProperty("role", "openInbox")
        self.decide.hide()
        self.decide.clicked.connect(self._decide)
        row.addWidget(self.decide, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        self.holds = HoldBar(ctx)  # hold orders like this one, release, list
        self.holds.changed.connect(self.reload)
        lay.addWidget(self.holds)
        split = self.split = _Split(self._share)
        split.setChildrenCollapsible(False)
        split.splitterMoved.connect(self._moved)
        self._dragged = False  # the operator moved the handle since the last resize
        self.picture = WorkflowPicture(ctx)
        self.timeline = Timeline()
        self.timeline.setMinimumWidth(480)  # title, state, attempts and time in view
        self._sized = False
        split.addWidget(self.picture)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay.addWidget(split, 1)
        self.run_id: str | None = None
        self.detail: dict[str, Any] | None = None
        self._inbox_id: int | None = None

    def _decide(self) -> None:
        if self._inbox_id is not None:
            self.open_inbox_item.emit(self._inbox_id)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        """The picture beside the timeline when there is room, above it on a small screen."""
        super().resizeEvent(event)
        wide = self.width() >= 1000
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.split.orientation() or not self._sized:
            self._sized = True
            self.split.setOrientation(orientation)
            if wide:
                self.split.setSizes([int(self.width() * 0.4), int(self.width() * 0.6)])
            else:
                self._share()

    def _moved(self, _pos: int, _index: int) -> None:
        self._dragged = True

    def _share(self, resized: bool = True) -> None:
        """The picture above the step list (a small screen): the list takes 60%, and at least
        ``STEPS_IN_VIEW`` steps while the picture can give way down to its minimum. A resize
        shares again; a reload keeps where the operator moved the handle."""
        split = self.split
        if split.orientation() != Qt.Orientation.Vertical or (self._dragged and not resized):
            return
        self._dragged = False
        room = split.height() - split.handleWidth()
        if room <= 0:
            return
        wanted = max(self.timeline.height_for(STEPS_IN_VIEW), int(room * 0.6))
        listed = max(0, min(wanted, room - self.picture.minimumHeight()))
        split.setSizes([room - listed, listed])

    def show_run(self, run_id: str) -> None:
        self.run_id = run_id
        self.ctx.background(lambda: load_order(self.ctx, run_id), self._render, owner=self)

    def reload(self) -> None:
        if self.run_id:
            self.show_run(self.run_id)

    def _say_back_keys(self) -> None:
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Back)[:1]
        said = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in (QKeySequence(Qt.Key.Key_Escape), *keys)
        ]
        self.back_button.setToolTip(
            translate("OrderPage", "Back to all orders ({keys})").format(keys=", ".join(said))
        )

    def retranslate(self) -> None:
        self._say_back_keys()
        self.reload()  # the order's sentences, read again in the new language

    def _render(self, d: dict[str, Any] | None) -> None:
        if d is None or d["id"] != self.run_id:
            return
        self.detail = d
        label = d["business_key"] or d["id"][:8]
        version = d.get("version")
        # a practice or demo run pins a hidden draft version (numbered below 1): no number then
        self.title.setText(
            translate("OrderPage", "Order {order} · {workflow} (version {version})").format(
                order=label, workflow=d["workflow"], version=version
            )
            if isinstance(version, int) and version > 0
            else translate("OrderPage", "Order {order} · {workflow}").format(
                order=label, workflow=d["workflow"]
            )
        )
        text, color, _ic = run_words(d)
        self.state.setText(text)
        self.state.setStyleSheet(
            f"color: {color}; font-weight: 600; font-size: 15px; "
            f"border: 1.5px solid {color}; border-radius: 10px; "
            "padding: 2px 10px"
        )
        facts = [
            x
            for x in (
                d.get("customer"),
                d.get("total") is not None
                and translate("OrderPage", "total {amount}").format(
                    amount=money_text(d["total"], currency_of(d.get("trigger")))
                ),
            )
            if x
        ]
        self.facts.setText(" · ".join(facts))
        self.facts.setVisible(bool(facts))
        waiting = d["status"] == "needs_attention" and bool(d.get("waiting_for"))
        self.why.setText(
            _waiting_for(d["waiting_for"])
            if waiting
            else ended_cancelled(d) or why(d, clock=when.short, took=when.duration)
        )
        self.why.show()
        more = d.get("waiting_for_more", "") if waiting else ""
        self.why_more.setText(more)
        self.why_more.setVisible(bool(more))
        # one box: the headline's lower corners square and close over the rest
        self.why.setStyleSheet(
            "QLabel#why { border-bottom-left-radius: 0; border-bottom-right-radius: 0; "
            "padding-bottom: 2px; }"
            if more
            else ""
        )
        open_items = [i for i in d.get("inbox", []) if i["status"] == "open"]
        item = next((i for i in open_items if i["kind"] == "decision"), None) or (
            open_items[0] if open_items else None
        )
        self._inbox_id = item["id"] if item else None
        self.decide.setText(
            translate("OrderPage", "Decide now")
            if item and item["kind"] == "decision"
            else translate("OrderPage", "Open in Needs you")
        )
        self.decide.setVisible(item is not None)
        self.holds.show_order(d)
        focus = step_that_matters(d)
        self.picture.show_workflow(d.get("definition"), d["steps"], order=d["id"], focus=focus)
        opened = self.timeline.show_run(d, d.get("actions", []))

        def settle() -> None:
            # its rows (an opened one, the words above) known: share the height again, after
            # the layout has taken in the new texts; an order opened shows in its list, as in
            # its picture, the step the operator looks for (one failed or waiting for them,
            # at a small screen's sixth row and below)
            self._share(resized=False)
            if opened:
                self.timeline.bring_into_view(focus)

        QTimer.singleShot(0, self, settle)
