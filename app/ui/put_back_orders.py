"""“Count as done” on the page of an order held by a put-back (``app.store.restored_choice``), and on
the inbox entry of an order that was waiting for a person in the backup: the steps the replaced
workspace had already done for it are recorded as done, with the results recorded there, instead
of running them again. Shown only while such steps are known; the work happens off the GUI
thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.core.i18n import translate
from app.store import restored_choice
from app.ui.context import AppContext
from app.ui.style import WARN, icon
from app.ui.text import PlainLabel, confirm


class CountAsDone(QPushButton):
    """The order page's “Count as done” (in the hold buttons' line); ``said`` gets what it did
    or why not, in words (``done``, when given, what it did)."""

    def __init__(
        self,
        ctx: AppContext,
        said: Callable[[str], None],
        *,
        done: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(icon("fa5s.check"), translate("Holds", "Count as done"))
        self.ctx = ctx
        self.said = said
        self.done = done or said
        self.run_id: str | None = None
        self.setObjectName("countAsDone")
        self.setToolTip(
            translate(
                "Holds",
                "Record the steps this order had already done before the backup was put back "
                "as done, instead of running them again.",
            )
        )
        self.clicked.connect(self._count)
        self.hide()

    def show_order(self, order: dict[str, Any], note: Callable[[str], None] | None = None) -> None:
        """Shown when the order has steps done since; ``note`` gets what they are, in words
        (an order not held, whose page says nothing else of them)."""
        run_id = order.get("id")
        if not isinstance(run_id, str):
            self.run_id = None
            self.hide()
            return
        self.run_id = run_id

        def load() -> tuple[list[dict[str, Any]], str]:
            with self.ctx.db.read() as s:
                return restored_choice.gone_on_said(s, run_id)

        def known(found: tuple[list[dict[str, Any]], str]) -> None:
            self.known_for(run_id if found[0] else None)
            if found[1] and note is not None:
                note(found[1])

        self.ctx.background(load, known, owner=self)

    def known_for(self, run_id: str | None) -> None:
        """Offer counting the steps known for this order (None: nothing is known)."""
        self.run_id = run_id
        self.setVisible(run_id is not None)
        self.setEnabled(run_id is not None)

    def _count(self) -> None:
        run_id = self.run_id
        if run_id is None:
            return
        self.setEnabled(False)
        self.ctx.background(
            lambda: restored_choice.count_as_done(self.ctx.store, run_id),
            self._counted,
            lambda exc: self.said(str(exc)),
            owner=self,
        )

    def _counted(self, labels: list[str]) -> None:
        self.hide()
        self.done(
            translate(
                "Holds", "Counted as done, not run again: {steps}. The order goes on from there."
            ).format(steps=", ".join(labels))
        )


def ask_again(parent: QWidget, said: str) -> bool | None:
    """Before a retry, skip or answer on an entry that says what the replaced workspace had
    done (``said``): do those steps again? True: yes; None: no; False: nothing to repeat."""
    if not said:
        return False
    if confirm(
        parent,
        translate("InboxEntry", "Do those steps again?"),
        translate(
            "InboxEntry",
            "{said}\n\nDo them again here? “Leave it as it is” leaves the order where it "
            "is; “Count as done” on the entry records them as done instead.",
        ).format(said=said),
        translate("InboxEntry", "Do them again"),
        translate("InboxEntry", "Leave it as it is"),
    ):
        return True
    return None


def gone_on_part(
    ctx: AppContext,
    lay: QVBoxLayout,
    run_id: str,
    words: str,
    said: Callable[[str], None],
    done: Callable[[str], None],
) -> CountAsDone:
    """An inbox entry's say of what the replaced workspace had done for its order, with
    “Count as done” under it (``said``: a refusal, in words; ``done``: what it did)."""
    note = PlainLabel(words)
    note.setObjectName("goneOn")
    note.setWordWrap(True)
    note.setStyleSheet(
        f"border: 1.5px solid {WARN}; border-radius: 6px; padding: 6px; background: #fffbeb"
    )
    lay.addWidget(note)
    button = CountAsDone(ctx, said, done=done)
    button.setObjectName("countAsDoneEntry")
    button.known_for(run_id)
    lay.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    return button
