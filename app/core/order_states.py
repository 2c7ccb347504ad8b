"""An order's state in an operator's words ("Needs you", "Demo order, needs you", "Cancelled"),
said the same in the orders list, the order page and an export an operator opens in a
spreadsheet (never ``needs_attention``). No Qt: the list adds its colours and icons.
"""

from __future__ import annotations

from app.core.i18n import QT_TRANSLATE_NOOP, translate

# run status → its words (marked here, said in the current language by ``said``)
LABELS: dict[str, str] = {
    "running": QT_TRANSLATE_NOOP("Words", "In progress"),
    "waiting": QT_TRANSLATE_NOOP("Words", "Waiting"),
    "needs_attention": QT_TRANSLATE_NOOP("Words", "Needs you"),
    "succeeded": QT_TRANSLATE_NOOP("Words", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Words", "Cancelled"),
}


# How a workflow itself ended an order (``runs.outcome``, written by the “End the order” step,
# ``app.steps.end_order``), beside the engine's status: an order the workflow ends cancelled
# still *ran* to the end (status ``succeeded``), yet it reads and counts as cancelled.
# ``runs.cancelled``/status ``cancelled`` mean something else: the operator stopped the run.
ENDED_CANCELLED = "cancelled"
ENDED_DONE = "done"
OUTCOMES = (ENDED_CANCELLED, ENDED_DONE)


def is_cancelled(status: str, *, cancelled: bool = False, outcome: str | None = None) -> bool:
    """Does the order read as cancelled: stopped by the operator, or ended so by its workflow
    (once it has finished: while another of its paths still runs or waits, it says so)."""
    return (
        cancelled or status == "cancelled" or (outcome == ENDED_CANCELLED and status == "succeeded")
    )


def label(status: str) -> str:
    """The status alone, in words (an unknown status as it is)."""
    return translate("Words", LABELS[status]) if status in LABELS else status


def kind_of(*, practice: bool, demo: bool) -> str:
    """“Demo order”, “Practice run”, or "" for a real order."""
    if demo:
        return translate("Words", "Demo order")
    return translate("Words", "Practice run") if practice else ""


def said(
    status: str,
    *,
    cancelled: bool = False,
    practice: bool = False,
    demo: bool = False,
    outcome: str | None = None,
) -> str:
    """A run's state as an operator should read it: a cancelled order (by the operator, or
    ended so by its workflow: ``outcome``), a practice run and a demo order are said as such,
    never as a plain "Done". A demo order is a practice run too (it never reaches a real
    system); it is said as the sample the app made, not the operator's own try."""
    if is_cancelled(status, cancelled=cancelled, outcome=outcome):
        return label("cancelled")
    kind = kind_of(practice=practice, demo=demo)
    if not kind:
        return label(status)
    if status == "succeeded":
        return kind
    return translate("Words", "{kind}, {state}").format(kind=kind, state=label(status).lower())
