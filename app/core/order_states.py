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


def label(status: str) -> str:
    """The status alone, in words (an unknown status as it is)."""
    return translate("Words", LABELS[status]) if status in LABELS else status


def said(
    status: str, *, cancelled: bool = False, practice: bool = False, demo: bool = False
) -> str:
    """A run's state as an operator should read it: a cancelled order, a practice run and a
    demo order are said as such, never as a plain "Done". A demo order is a practice run too
    (it never reaches a real system); it is said as the sample the app made, not the
    operator's own try."""
    if cancelled or status == "cancelled":
        return label("cancelled")
    kind = (
        translate("Words", "Demo order")
        if demo
        else translate("Words", "Practice run")
        if practice
        else ""
    )
    if not kind:
        return label(status)
    if status == "succeeded":
        return kind
    return translate("Words", "{kind}, {state}").format(kind=kind, state=label(status).lower())
