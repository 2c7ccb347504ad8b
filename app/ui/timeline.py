"""An order's timeline: one row per step whose state, attempts and time always stay in view
(fixed columns at the right; the title is elided, never the state), each row opening to what the
step did in sentences, with what it was given and produced, its answers and keys folded away
under "Technical detail"; and what people did to the order (from the audit trail:
who pressed Retry, who chose Backorder, when, with what note) as rows of their own.

Everything shown came from the order or a step's answer: plain text only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import machine as m
from app.core import redact
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.order_total import currency_of
from app.store.explain import said_error
from app.ui import when
from app.ui.inbox_parts import Fold, technical_words
from app.ui.step_story import redacted, story, technical_ids
from app.ui.style import ACCENT, MUTED, STATE_WORDS, icon, words
from app.ui.text import PlainLabel, tooltip

STATE_W, TRIES_W, TIME_W = 180, 64, 80


def state_width() -> int:
    """The state column: wide enough for the longest state in the current language (bold)."""
    font = QFont()
    font.setBold(True)
    metrics = QFontMetrics(font)
    return max(STATE_W, *(metrics.horizontalAdvance(w[0]) + 8 for w in STATE_WORDS.values()))


def tries_text(st: dict[str, Any]) -> str:
    """“2 of 5” while more tries may come or when Daloy gave up (a failed step); else how many
    were made. A question waiting for the operator was asked once: “1 of 3” read as if Daloy
    would ask again by itself."""
    asking = st.get("type") == "ask_person"
    if st.get("sleeping"):  # waiting as the step asks (a time, a backorder): no try to count
        return "—"
    if (
        st["state"] in ("retry_wait", "running", "needs_attention")
        and st["attempts"]
        and not asking
    ):
        return translate("Timeline", "{n} of {most}").format(
            n=st["attempts"], most=st["max_attempts"]
        )
    return str(st["attempts"]) if st["attempts"] else "—"


def time_width(texts: list[str]) -> int:
    """The time column: as wide as the longest of ``texts`` it shows ("Yesterday 12:59 PM",
    "less than a second"), so that the step's title keeps the rest of the row."""
    metrics = QFontMetrics(QFont())
    return max([TIME_W, *(metrics.horizontalAdvance(t) + 8 for t in texts)])


def time_text(st: dict[str, Any]) -> str:
    """How long it took when finished ("3 seconds"), else when it started ("Today 2:03 PM"),
    or "—"."""
    if st.get("started_at") and st.get("finished_at"):
        return when.duration(max(0.0, st["finished_at"] - st["started_at"]))
    return when.moment(st.get("started_at"))


def time_tip(st: dict[str, Any]) -> str:
    """The exact moments behind the time column, for whoever needs them."""
    lines = [
        translate("Timeline", label).format(time=when.exact(st[key]))
        for key, label in (
            ("started_at", QT_TRANSLATE_NOOP("Timeline", "Started: {time}")),
            ("finished_at", QT_TRANSLATE_NOOP("Timeline", "Finished: {time}")),
        )
        if st.get(key)
    ]
    return "\n".join(lines)


def step_body(st: dict[str, Any], currency: str = "") -> str:
    """What the step was given and produced (amounts in the order's ``currency``), its problem
    and each attempt, in words."""
    parts = []
    for title, value in (
        (translate("Timeline", "Given:"), st.get("input")),
        (translate("Timeline", "Produced:"), st.get("output")),
    ):
        if value not in (None, {}, []):
            parts.append(f"{title}\n{words(value, 1, currency)}")
    if st.get("port") and st.get("port") != "out":
        parts.append(translate("Timeline", "Went on by: {port}").format(port=st["port"]))
    if st.get("error") and st["state"] != "succeeded":
        parts.append(translate("Timeline", "Problem: {error}").format(error=said_error(st)))
    for a in st.get("attempt_log", []):
        parts.append(
            translate("Timeline", "Attempt {number} at {time}: {outcome}").format(
                number=a["number"], time=when.exact(a["started_at"]), outcome=a["outcome"]
            )
            + (f" — {said_error(a)}" if a.get("error") else "")
        )
    return "\n".join(parts) or translate("Timeline", "Nothing recorded yet.")


def _fixed(text: str, width: int, name: str) -> QLabel:
    label = PlainLabel(text)
    label.setObjectName(name)
    label.setFixedWidth(width)
    return label


class StepRow(QFrame):
    """One step: ▸ title | state | attempts | time; opens to its story in sentences
    (``step_story``) and, folded under it, the technical detail: the step's settings and
    answers by their keys, each attempt, the idempotency key (secrets hidden)."""

    def __init__(
        self,
        st: dict[str, Any],
        expanded: bool,
        run: dict[str, Any] | None = None,
        explained: dict[str, Any] | None = None,
        time_w: int = TIME_W,
    ) -> None:
        super().__init__()
        self.name = st["name"]
        self.step_state = st["state"]
        self.setObjectName("timelineRow")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 3, 6, 3)
        lay.setSpacing(2)
        head = QHBoxLayout()
        self.toggle = QToolButton()
        self.toggle.setObjectName(f"step_{st['name']}")
        self.toggle.setCheckable(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setStyleSheet("QToolButton { border: none; font-weight: 600; }")
        self.toggle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = st.get("title") or st["name"]
        self.toggle.setText(self.title)
        self.toggle.setToolTip(tooltip(self.title))
        shown = "sleeping" if st.get("sleeping") else st["state"]
        words_, color, ic = STATE_WORDS.get(shown, (st["state"], MUTED, "fa5s.circle"))
        self.state = _fixed(words_, state_width(), "stepState")
        self.state.setStyleSheet(f"color: {color}; font-weight: 600")
        state_icon = QLabel()
        state_icon.setPixmap(icon(ic, color).pixmap(14, 14))
        self.tries = _fixed(tries_text(st), TRIES_W, "stepAttempts")
        self.time = _fixed(time_text(st), time_w, "stepTime")
        self.time.setToolTip(tooltip(time_tip(st)))
        head.addWidget(self.toggle, 1)
        head.addWidget(state_icon)
        head.addWidget(self.state)
        head.addWidget(self.tries)
        head.addWidget(self.time)
        lay.addLayout(head)
        run = run or {}
        self.body = QWidget()  # opened and closed with the row
        self.body.setObjectName("stepOpened")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(22, 0, 0, 4)
        body.setSpacing(0)
        self.story = PlainLabel(story(st, run, explained))
        self.story.setObjectName("stepStory")
        self.technical = Fold(
            translate("Timeline", "Technical detail"),
            redact.text(
                f"{step_body(redacted(st), currency_of(run.get('trigger')))}\n"
                f"{technical_words(technical_ids(st, run))}"
            ),
            "technicalDetail",
        )  # closed on every reload: nothing about it is kept
        self.technical.body.setObjectName("stepBody")  # the step's raw record, as before
        for label in (self.story, self.technical.body):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # a long address or answer wraps in the row instead of widening the timeline
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.technical.body.setStyleSheet(f"color: {MUTED}")
        body.addWidget(self.story)
        body.addWidget(self.technical)
        lay.addWidget(self.body)
        self.toggle.toggled.connect(self._open)
        self.toggle.setChecked(expanded)
        self._open(expanded)

    def title_height(self) -> int:
        """The height of the row's title line, opened or not: what shows the step's title,
        state, attempts and time."""
        lay = self.layout()
        assert lay is not None  # made in __init__
        margins, head = lay.contentsMargins(), lay.itemAt(0)
        return margins.top() + margins.bottom() + (head.sizeHint().height() if head else 0)

    def _open(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)

    def expanded(self) -> bool:
        return self.toggle.isChecked()


class ActionRow(QFrame):
    """What a person did: “maria chose “backorder” at “Check stock”” · note · time."""

    def __init__(self, action: dict[str, Any], time_w: int = TIME_W) -> None:
        super().__init__()
        self.setObjectName("timelineAction")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(28, 2, 6, 2)
        ic = QLabel()
        ic.setPixmap(icon("fa5s.user-check", ACCENT).pixmap(14, 14))
        lay.addWidget(ic, 0, Qt.AlignmentFlag.AlignTop)
        text = action["sentence"] + (f" — “{action['note']}”" if action.get("note") else "")
        self.text = PlainLabel(text)
        self.text.setObjectName("actionText")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {ACCENT}")
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.text, 1)
        self.time = _fixed(when.moment(action["at"]), time_w, "actionTime")
        self.time.setToolTip(tooltip(when.exact_tip(action["at"])))
        lay.addWidget(self.time)


class Timeline(QScrollArea):
    """The rows of one order; rebuilt on each reload, keeping which rows were open and where
    the list was scrolled (a running order reloads at each step: the operator reading a
    step's story further down is not thrown back to the top)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runTimeline")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows: dict[str, StepRow] = {}
        self.action_rows: list[ActionRow] = []  # (QWidget.actions() is a method)
        self.shown: str | None = None  # the order the rows are of
        self.show_run({"steps": []}, [])

    def show_run(self, run: dict[str, Any], actions: list[dict[str, Any]]) -> bool:
        """Rows for ``run``; True when it is another order than the one shown (it opens at
        the top), False for a reload of the same one (it stays where it was scrolled)."""
        again = run.get("id") is not None and run.get("id") == self.shown
        scrolled = self.verticalScrollBar().value() if again else 0
        self.shown = run.get("id")
        opened = {n for n, r in self.rows.items() if r.expanded()}
        holder = QWidget()
        holder.setObjectName("timelineBody")
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(1)
        lay.setAlignment(Qt.AlignmentFlag.AlignTop)
        steps = run.get("steps", [])
        time_w = time_width(
            [time_text(st) for st in steps] + [when.moment(a["at"]) for a in actions]
        )
        head = QHBoxLayout()
        head.setContentsMargins(6, 0, 6, 0)
        for text, width in (
            (translate("Timeline", "Step"), 0),
            (translate("Timeline", "State"), state_width() + 20),
            (translate("Timeline", "Attempts"), TRIES_W),
            (translate("Timeline", "Time"), time_w),
        ):
            h = QLabel(text)
            h.setObjectName("hint")
            if width:
                h.setFixedWidth(width)
            head.addWidget(h, 0 if width else 1)
        lay.addLayout(head)
        self.rows, self.action_rows = {}, []
        by_step: dict[str, list[dict[str, Any]]] = {}
        loose: list[dict[str, Any]] = []
        names = {st["name"] for st in run.get("steps", [])}
        for a in actions:
            (
                by_step.setdefault(a["step_name"], []) if a.get("step_name") in names else loose
            ).append(a)
        for st in run.get("steps", []):
            row = StepRow(
                st,
                st["name"] in opened or st["state"] in ("needs_attention", "retry_wait"),
                run,
                run.get("explained", {}).get(st["name"]),
                time_w,
            )
            self.rows[st["name"]] = row
            lay.addWidget(row)
            for a in by_step.get(st["name"], []):
                self.action_rows.append(ActionRow(a, time_w))
                lay.addWidget(self.action_rows[-1])
        for a in loose:
            self.action_rows.append(ActionRow(a, time_w))
            lay.addWidget(self.action_rows[-1])
        self.setWidget(holder)
        if scrolled:  # once the new rows are laid out (the bar's range is theirs then)
            QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(scrolled))
        return not again

    def bring_into_view(self, name: str | None) -> bool:
        """Scroll to the step ``name`` when it is not finished (failed, waiting for a person
        or to run again, running) and its title line is out of view: that line, the row
        above it, and as much of what the step says as fits. A finished order's list stays
        at its top, where its story starts."""
        row = self.rows.get(name or "")
        if row is None or row.step_state in m.FINAL:
            return False
        bar = self.verticalScrollBar()
        # a row lies in the list's body: its y is where it starts in the scrolled whole
        top = row.y() - bar.value()
        if 0 <= top and top + row.title_height() <= self.viewport().height():
            return False
        bar.setValue(min(bar.maximum(), max(0, row.y() - row.title_height())))
        return True

    def height_for(self, steps: int) -> int:
        """The height that shows the column titles and the first ``steps`` steps' title lines
        whole, scrolled to the top (an opened step counts its title line)."""
        holder = self.widget()
        lay = holder.layout() if holder is not None else None
        if lay is None:
            return 0
        margins = lay.contentsMargins()
        head = lay.itemAt(0)
        shown = list(self.rows.values())[:steps]
        titles = [r.title_height() for r in shown]
        # the steps above the last: whole (an opened one with what it says)
        rows = [
            max(t, r.sizeHint().height()) if r.expanded() else t
            for r, t in zip(shown, titles, strict=True)
        ]
        if rows:
            rows[-1] = titles[-1]
        typical = min(titles) if titles else self.fontMetrics().height() + 12
        rows += [typical] * (steps - len(rows))  # a workflow of fewer steps: as if it had them
        return (
            2 * self.frameWidth()
            + margins.top()
            + (head.sizeHint().height() if head is not None else 0)
            + lay.spacing() * steps
            + sum(rows)
        )
