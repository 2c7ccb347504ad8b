"""The actions of a down system's inbox entry ("“payments” down since 10:02 — 14 orders
waiting"): Try now, Keep waiting, Retry all, Cancel all…, each through ``OperatorActions``
(audited, the CLI's API) off the GUI thread, confirmed in the pane like any entry's action."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.style import BAD, icon
from app.ui.text import confirm

if TYPE_CHECKING:
    from app.ui.inbox_entry import InboxDetail

BUTTONS = (
    ("try_now", QT_TRANSLATE_NOOP("SystemDown", "Try now"), "fa5s.plug", "primary"),
    (
        "keep_waiting",
        QT_TRANSLATE_NOOP("SystemDown", "Keep waiting"),
        "fa5s.hourglass-half",
        "keepWaiting",
    ),
    ("retry_all", QT_TRANSLATE_NOOP("SystemDown", "Retry all"), "fa5s.redo", "retryAll"),
    ("cancel_all", QT_TRANSLATE_NOOP("SystemDown", "Cancel all…"), "fa5s.ban", "danger"),
)


def system_actions(pane: InboxDetail, lay: QVBoxLayout, entry: dict[str, Any]) -> None:
    """Add the down system's buttons to the entry's pane (``pane.buttons`` by action)."""
    item_id = entry["id"]
    row = QHBoxLayout()
    for action, label, ic, name in BUTTONS:
        b = QPushButton(
            icon(
                ic, "white" if name == "primary" else BAD if action == "cancel_all" else "#374151"
            ),
            translate("SystemDown", label),
        )
        b.setObjectName(name)
        b.clicked.connect(lambda _=False, a=action: _act(pane, item_id, a))
        row.addWidget(b)
        pane.buttons[action] = b
    row.addStretch(1)
    lay.addLayout(row)


DONE = {
    "try_now": QT_TRANSLATE_NOOP("SystemDown", "Daloy tries the system now."),
    "keep_waiting": QT_TRANSLATE_NOOP(
        "SystemDown", "Daloy keeps waiting and tries the system now and then."
    ),
    "retry_all": QT_TRANSLATE_NOOP("SystemDown", "The waiting orders go on now, oldest first."),
    "cancel_all": QT_TRANSLATE_NOOP("SystemDown", "The waiting orders were cancelled."),
}


def _act(pane: InboxDetail, item_id: int, action: str) -> None:
    if action == "cancel_all" and not confirm(
        pane,
        translate("SystemDown", "Cancel every waiting order?"),
        translate(
            "SystemDown",
            "Every order waiting for this system stops "
            "here; steps that already ran are not undone (a charge made stays made).",
        ),
        translate("SystemDown", "Cancel every waiting order"),
        translate("SystemDown", "Keep them waiting"),
    ):
        return
    done = translate("SystemDown", DONE[action])
    if action in ("retry_all", "cancel_all"):
        pane._do(lambda: pane.ctx.actions.system_action(item_id, action), done)
        return
    # The entry stays open (the system is still down): its buttons come back after the
    # confirmation, since the inbox keeps showing the same entry.
    buttons = list(pane.buttons.values())
    pane._do(lambda: pane.ctx.actions.system_action(item_id, action), done)
    pane.acted.connect(_enable_again(pane, buttons), Qt.ConnectionType.SingleShotConnection)


def _enable_again(pane: InboxDetail, buttons: list[QPushButton]):  # noqa: ANN202
    def again(*_: object) -> None:
        try:
            for b in buttons:
                b.setEnabled(True)
            pane.status.setText("")
        except RuntimeError:  # the pane was rebuilt for another entry meanwhile
            pass

    return again
