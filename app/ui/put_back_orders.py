"""“Count as done” on the page of an order held by a put-back (``app.store.restored``): the
steps the replaced workspace had already done for it are recorded as done, with the results
recorded there, instead of running them again. Shown only while the order is held that way
and such steps are known; the work happens off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton

from app.core.i18n import translate
from app.store import restored
from app.ui.context import AppContext
from app.ui.style import icon


class CountAsDone(QPushButton):
    """The order page's “Count as done” (in the hold buttons' line); ``said`` gets what it did
    or why not, in words."""

    def __init__(self, ctx: AppContext, said: Callable[[str], None]) -> None:
        super().__init__(icon("fa5s.check"), translate("Holds", "Count as done"))
        self.ctx = ctx
        self.said = said
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

    def show_order(self, order: dict[str, Any]) -> None:
        run_id = order.get("id")
        if not isinstance(run_id, str):
            self.run_id = None
            self.hide()
            return
        self.run_id = run_id

        def load() -> bool:
            with self.ctx.db.read() as s:
                return bool(restored.gone_on(s, run_id))

        self.ctx.background(load, self._known, owner=self)

    def _known(self, known: bool) -> None:
        self.setVisible(known)
        self.setEnabled(known)

    def _count(self) -> None:
        run_id = self.run_id
        if run_id is None:
            return
        self.setEnabled(False)
        self.ctx.background(
            lambda: restored.count_as_done(self.ctx.store, run_id),
            self._counted,
            lambda exc: self.said(str(exc)),
            owner=self,
        )

    def _counted(self, labels: list[str]) -> None:
        self.hide()
        self.said(
            translate(
                "Holds", "Counted as done, not run again: {steps}. The order goes on from there."
            ).format(steps=", ".join(labels))
        )
