"""Times and lengths of time as a shop operator says them, in the language the app speaks: the
one place every screen of the window takes them from.

- ``moment``: a moment in a list or beside a row: "Today 2:03 PM", "Yesterday 9:15 AM",
  "Tomorrow 8:00 AM", "Tue 1 Dec, 4:40 PM" (the year added when it is not this year);
- ``at``: the same inside a sentence: "Done today at 2:03 PM", "Since Tue 1 Dec at 4:40 PM";
- ``short``: after the engine's "at"/"since" (``explain.why``): "2:03 PM" today, else as
  ``moment`` says it, small letter first;
- ``exact``: to the second, for a tooltip or the technical detail: "Wed 2 Dec 2026, 2:03:27 PM";
- ``duration``: "less than a second", "3 seconds", "2 minutes", "1 hour 5 minutes";
- ``ago``: "just now", "5 minutes ago", "3 hours ago", older as ``moment``.

Day and month names and AM/PM come from ``QLocale()``, which ``app.ui.language`` sets to the
language spoken (English or Filipino, Philippines). Stored data and exports keep their own
(ISO) times: this is for showing only.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, QLocale, QTime

from app.core.i18n import QT_TRANSLATE_NOOP, translate

_DAY = 86400


def _moment(ts: float) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(round(ts * 1000)))


def _days_from_today(ts: float, now: float | None) -> int:
    """0 today, -1 yesterday, 1 tomorrow (local calendar days)."""
    today = _moment(time.time() if now is None else now).date()
    return int(today.daysTo(_moment(ts).date()))


def _clock(ts: float, seconds: bool = False) -> str:
    """ "2:03 PM" (with ``seconds``: "2:03:27 PM") in the language spoken."""
    return QLocale().toString(_moment(ts).time(), "h:mm:ss AP" if seconds else "h:mm AP")


def _date(ts: float, now: float | None, year: bool = False) -> str:
    """ "Tue 1 Dec", with the year ("Tue 1 Dec 2025") when it is not this year's or asked."""
    day = _moment(ts).date()
    this_year = _moment(time.time() if now is None else now).date().year()
    fmt = "ddd d MMM yyyy" if year or day.year() != this_year else "ddd d MMM"
    return QLocale().toString(day, fmt)


def moment(ts: float | None, now: float | None = None) -> str:
    """ "Today 2:03 PM", "Yesterday 9:15 AM", "Tomorrow 8:00 AM", "Tue 1 Dec, 4:40 PM"
    ("Tue 1 Dec 2025, 4:40 PM" from another year); "—" for no time."""
    if not ts:
        return "—"
    days, clock = _days_from_today(ts, now), _clock(ts)
    if days == 0:
        return translate("When", "Today {time}").format(time=clock)
    if days == -1:
        return translate("When", "Yesterday {time}").format(time=clock)
    if days == 1:
        return translate("When", "Tomorrow {time}").format(time=clock)
    return translate("When", "{date}, {time}").format(date=_date(ts, now), time=clock)


def at(ts: float | None, now: float | None = None) -> str:
    """A moment inside a sentence: "today at 2:03 PM", "yesterday at 9:15 AM", "tomorrow at
    8:00 AM", "Tue 1 Dec at 4:40 PM"; "—" for no time."""
    if not ts:
        return "—"
    days, clock = _days_from_today(ts, now), _clock(ts)
    if days == 0:
        return translate("When", "today at {time}").format(time=clock)
    if days == -1:
        return translate("When", "yesterday at {time}").format(time=clock)
    if days == 1:
        return translate("When", "tomorrow at {time}").format(time=clock)
    return translate("When", "{date} at {time}").format(date=_date(ts, now), time=clock)


def short(ts: float | None, now: float | None = None) -> str:
    """After the engine's own "at" or "since": "2:03 PM" today, else "yesterday 9:15 AM",
    "Tue 1 Dec, 4:40 PM"; "?" for no time (as the engine says it)."""
    if not ts:
        return "?"
    days = _days_from_today(ts, now)
    if days == 0:
        return _clock(ts)
    if days == -1:
        return translate("When", "yesterday {time}").format(time=_clock(ts))
    if days == 1:
        return translate("When", "tomorrow {time}").format(time=_clock(ts))
    return moment(ts, now)


def exact(ts: float | None) -> str:
    """To the second, with the year: "Wed 2 Dec 2026, 2:03:27 PM" (a tooltip, the technical
    detail); "—" for no time."""
    if not ts:
        return "—"
    return translate("When", "{date}, {time}").format(
        date=_date(ts, None, year=True), time=_clock(ts, seconds=True)
    )


def exact_tip(ts: float | None) -> str:
    """The tooltip beside a shown moment: the exact time ("" for no time)."""
    return exact(ts) if ts else ""


# each unit's words for one and for more (Filipino says both the same way: "1 segundo")
_UNITS = {
    "second": (QT_TRANSLATE_NOOP("When", "1 second"), QT_TRANSLATE_NOOP("When", "{n} seconds")),
    "minute": (QT_TRANSLATE_NOOP("When", "1 minute"), QT_TRANSLATE_NOOP("When", "{n} minutes")),
    "hour": (QT_TRANSLATE_NOOP("When", "1 hour"), QT_TRANSLATE_NOOP("When", "{n} hours")),
    "day": (QT_TRANSLATE_NOOP("When", "1 day"), QT_TRANSLATE_NOOP("When", "{n} days")),
}


def _count(n: int, unit: str) -> str:
    one, many = _UNITS[unit]
    return (translate("When", one) if n == 1 else translate("When", many)).format(n=n)


def _seconds(n: int) -> str:
    return _count(n, "second")


def _minutes(n: int) -> str:
    return _count(n, "minute")


def _hours(n: int) -> str:
    return _count(n, "hour")


def _days(n: int) -> str:
    return _count(n, "day")


def _both(bigger: str, smaller: str) -> str:
    return translate("When", "{bigger} {smaller}").format(bigger=bigger, smaller=smaller)


def duration(seconds: float | None) -> str:
    """How long something took, in whole units counted down (never more than it took): "less
    than a second", "3 seconds", "2 minutes", "1 hour 5 minutes", "2 days 3 hours"."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    if s < 1:
        return translate("When", "less than a second")
    if s < 60:
        return _seconds(s)
    if s < 3600:
        return _minutes(s // 60)
    if s < _DAY:
        hours, minutes = divmod(s // 60, 60)
        return _both(_hours(hours), _minutes(minutes)) if minutes else _hours(hours)
    days, hours = divmod(s // 3600, 24)
    return _both(_days(days), _hours(hours)) if hours else _days(days)


def ago(ts: float | None, now: float | None = None) -> str:
    """How long ago: "just now", "5 minutes ago", "3 hours ago"; a moment of another day as
    ``moment`` says it ("Yesterday 9:15 AM"); "—" for no time."""
    if not ts:
        return "—"
    now = time.time() if now is None else now
    d = max(0.0, now - ts)
    if d < 60:
        return translate("When", "just now")
    if d < 3600:
        return translate("When", "{time} ago").format(time=_minutes(int(d // 60)))
    if d < _DAY and _days_from_today(ts, now) == 0:
        return translate("When", "{time} ago").format(time=_hours(int(d // 3600)))
    return moment(ts, now)


def moment_samples() -> list[str]:
    """What ``moment`` says for today, yesterday, tomorrow and each weekday of the past week, at
    the widest clock ("12:59 PM"), in the language spoken: to size a column that shows moments."""
    now = QDateTime.currentDateTime()
    noon = QDateTime(now.date(), QTime(12, 59))
    return [moment(noon.addDays(days).toMSecsSinceEpoch() / 1000) for days in range(-8, 2)]
