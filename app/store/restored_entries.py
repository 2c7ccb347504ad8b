"""What a restored backup tells the inbox about an order that was waiting for a person.

An order whose step needed a person when the backup was taken (a failed step, a decision) is
not held by the put-back (``app.store.restored_holds``): the operator acts on it in the inbox. But the
replaced workspace may have taken it further since (the step retried or answered there, a
confirmation email sent), and acting on it here would do that again. So its open entries carry
what the later workspace had done for it (``inbox_items.detail["put_back"]``: how the backup was
restored and the steps, with their results); the entry and the order page say it, “Count as
done” records them as done, and a retry, skip or answer that would repeat them is refused
unless the operator said to do them again. Only the words and the entries' record live here;
``restored_choice`` decides. No Qt.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.kinds import STEP_KINDS, EventKind
from app.store.explain import _clock
from app.store.models import InboxItem
from app.store.runs import Event

KEY = "put_back"  # ``inbox_items.detail`` of an entry told what the later workspace did
REPLACE, COPY = "replace", "copy"  # how the backup was restored (as ``restored``)

# The held steps' words (``restored_holds``) end with what releasing does; an entry's with what acting
# on it does.
_WAITING = {
    REPLACE: QT_TRANSLATE_NOOP(
        "Holds",
        "In the workspace that was replaced, this order had gone on to: {steps}. Retrying, "
        "skipping or answering here does those again; “Count as done” records them as done "
        "instead.",
    ),
    COPY: QT_TRANSLATE_NOOP(
        "Holds",
        "In the workspace this backup came from, this order has gone on to: {steps}. "
        "Retrying, skipping or answering here does those again; “Count as done” records them "
        "as done instead.",
    ),
}
_REFUSED = {
    REPLACE: QT_TRANSLATE_NOOP(
        "Holds",
        "Nothing was changed: in the workspace that was replaced, order {order} had gone on "
        "to: {steps}, and this would do those again. “Count as done” on its entry (or `daloy "
        "backup count-as-done {run}`) records them as done instead; to do them again on "
        "purpose, confirm it on its entry, or restart the order from “{step}”.",
    ),
    COPY: QT_TRANSLATE_NOOP(
        "Holds",
        "Nothing was changed: in the workspace this backup came from, order {order} has gone "
        "on to: {steps}, and this would do those again. “Count as done” on its entry (or "
        "`daloy backup count-as-done {run}`) records them as done instead; to do them again "
        "on purpose, confirm it on its entry, or restart the order from “{step}”.",
    ),
}


def told_words(told: int) -> list[str]:
    """What a restore says of the orders waiting for a person whose entries it told (nothing
    when none)."""
    if not told:
        return []
    return [
        (
            translate(
                "Backups",
                "1 order waiting for you in Needs you had gone on further since the backup: "
                "its entry says which steps it had done, and “Count as done” there records them "
                "as done instead of doing them again.",
            )
            if told == 1
            else translate(
                "Backups",
                "{count} orders waiting for you in Needs you had gone on further since the "
                "backup: each entry says which steps it had done, and “Count as done” there "
                "records them as done instead of doing them again.",
            ).format(count=told)
        )
    ]


def steps_said(done: list[dict[str, Any]]) -> str:
    """“Check stock (10:02), Send confirmation (10:03)”."""
    return ", ".join(f"{d['label']} ({_clock(d['at'])})" for d in done)


def _open_entries(s: Session, run_id: str) -> list[InboxItem]:
    return list(
        s.scalars(
            select(InboxItem)
            .where(
                InboxItem.run_id == run_id,
                InboxItem.status == "open",
                InboxItem.kind.in_(STEP_KINDS),
            )
            .order_by(InboxItem.id)
        )
    )


def tell(s: Session, orders: dict[str, list[dict[str, Any]]], how: str) -> int:
    """Record on the open entries of each order what the later workspace had done for it.
    Returns how many orders were told."""
    told = 0
    for run_id, done in orders.items():
        entries = _open_entries(s, run_id)
        for item in entries:
            # a new dict: the JSON column notices a value replaced, not one changed in place
            item.detail = {**(item.detail or {}), KEY: {"how": how, "steps": done}}
        told += bool(entries)
    return told


def known(s: Session, run_id: str) -> tuple[list[dict[str, Any]], str]:
    """What an open entry of the order was told (``tell``), and how the backup was restored;
    ([], REPLACE) when none was."""
    for item in _open_entries(s, run_id):
        told = (item.detail or {}).get(KEY) if isinstance(item.detail, dict) else None
        if isinstance(told, dict) and isinstance(told.get("steps"), list):
            how = told.get("how")
            return list(told["steps"]), how if how in _WAITING else REPLACE
    return [], REPLACE


def close(s: Session, run_id: str, steps: set[str], who: str, now: float) -> list[Event]:
    """Resolve the open entries of the steps counted as done (they need no one any more)."""
    events = []
    for item in _open_entries(s, run_id):
        if item.step_name in steps:
            item.status, item.resolved_at, item.resolved_by = "resolved", now, who
            item.resolution = {"action": "count_as_done"}
            events.append(Event(EventKind.INBOX_RESOLVED, run_id, item.step_name, inbox_id=item.id))
    return events


def words(done: list[dict[str, Any]], how: str) -> str:
    """What the entry and the order page say (the held steps' words, for acting here)."""
    if not done:
        return ""
    return translate("Holds", _WAITING.get(how, _WAITING[REPLACE])).format(steps=steps_said(done))


def refusal(done: list[dict[str, Any]], how: str, *, order: str, run_id: str, step: str) -> str:
    """Why a retry, skip or answer was not done, and the two ways on."""
    return translate("Holds", _REFUSED.get(how, _REFUSED[REPLACE])).format(
        order=order, steps=steps_said(done), run=run_id, step=step
    )
