"""Times as a shop operator reads them, on the real window with real orders: "Today 2:03 PM",
"Yesterday 9:15 AM", "Tue 1 Dec, 4:40 PM", and how long a step took as "less than a second" or
"3 seconds" — never "2026-12-02 14:03:27" or "35 ms" — in English and in Filipino; the exact
time to the second stays in a tooltip and in the technical detail."""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QLabel, QListWidget

from app.ui import language, when
from tests.support.engine import charge_workflow, run_status, save, wait_for
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_inbox_words import open_entry

PROGRAMMER = re.compile(r"\d{4}-\d\d-\d\d|\d\d:\d\d:\d\d|\d ?ms\b|\d s\b|\d+\.\d+ s\b")
CLOCK = r"\d{1,2}:\d\d (AM|PM)"
EXACT = re.compile(r"\w{3} \d{1,2} \w{3} \d{4}, \d{1,2}:\d\d:\d\d (AM|PM)")


def plain(tip: str) -> str:
    """A tooltip's text as read (tooltips are plain text turned into markup)."""
    return re.sub(r"<[^>]+>", "", tip).replace("\xa0", " ")


def ts(y: int, mo: int, d: int, h: int, mi: int, s: int = 0) -> float:
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s)).toMSecsSinceEpoch() / 1000


NOW = ts(2026, 12, 2, 14, 3, 27)  # a Wednesday


def test_moments_and_lengths_of_time_in_words(qapp) -> None:
    assert when.moment(NOW, NOW) == "Today 2:03 PM"
    assert when.moment(ts(2026, 12, 1, 9, 15), NOW) == "Yesterday 9:15 AM"
    assert when.moment(ts(2026, 12, 3, 8, 0), NOW) == "Tomorrow 8:00 AM"
    assert when.moment(ts(2026, 11, 24, 16, 40), NOW) == "Tue 24 Nov, 4:40 PM"
    assert when.moment(ts(2025, 12, 1, 16, 40), NOW) == "Mon 1 Dec 2025, 4:40 PM"
    assert when.at(NOW, NOW) == "today at 2:03 PM"
    assert when.at(ts(2026, 11, 24, 16, 40), NOW) == "Tue 24 Nov at 4:40 PM"
    assert when.short(NOW, NOW) == "2:03 PM"
    assert when.exact(NOW) == "Wed 2 Dec 2026, 2:03:27 PM"
    assert when.moment(None) == "—"
    said = {
        0: "less than a second",
        0.035: "less than a second",
        1: "1 second",
        4.2: "4 seconds",
        59.9: "59 seconds",
        60: "1 minute",
        125: "2 minutes",
        3600: "1 hour",
        3900: "1 hour 5 minutes",
        86400 + 3 * 3600 + 5: "1 day 3 hours",
    }
    assert {s: when.duration(s) for s in said} == said
    assert when.ago(NOW - 20, NOW) == "just now"
    assert when.ago(NOW - 300, NOW) == "5 minutes ago"
    assert when.ago(NOW - 3 * 3600, NOW) == "3 hours ago"


def test_in_filipino_the_days_months_and_lengths_are_filipino(filipino, qapp) -> None:  # noqa: F811
    lang = language.start(qapp)
    assert lang.apply(language.FILIPINO)
    assert when.moment(NOW, NOW) == "Ngayon 2:03 PM"
    assert when.moment(ts(2026, 12, 1, 9, 15), NOW) == "Kahapon 9:15 AM"
    assert when.moment(ts(2026, 11, 24, 16, 40), NOW) == "Mar 24 Nob, 4:40 PM"
    assert when.at(ts(2026, 12, 1, 9, 15), NOW) == "kahapon, 9:15 AM"
    assert when.duration(0.2) == "saglit lang"
    assert when.duration(3) == "3 segundo"
    assert when.duration(3900) == "1 oras at 5 minuto"


def test_an_order_says_when_and_how_long_as_the_operator_does(gui, qtbot, payment_gateway):
    """The orders list's Received column, the order's sentence, each step's time and story."""
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url))
    run_id = ctx.store.start_run(
        "charge", {"order": {"number": "5001", "amount": 99.0, "customer": "Aling Nena"}}
    )
    wait_for(lambda: run_status(ctx.db, run_id) == "succeeded", 30)
    window.page("runs")
    model = window.runs.model
    qtbot.waitUntil(lambda: any(r["id"] == run_id for r in model.rows), timeout=10000)
    row_of = next(i for i, r in enumerate(model.rows) if r["id"] == run_id)
    received = model.index(row_of, 6)
    shown = model.data(received)
    assert re.fullmatch(f"Today {CLOCK}", shown), shown
    assert EXACT.fullmatch(plain(model.data(received, Qt.ItemDataRole.ToolTipRole)).strip())
    table = window.runs.table
    assert table.columnWidth(6) > table.fontMetrics().horizontalAdvance(shown)  # whole
    window.open_run(run_id)
    page = window.runs.detail
    qtbot.waitUntil(lambda: "charge" in page.timeline.rows, timeout=10000)
    assert re.fullmatch(r"Done in (less than a second|\d+ seconds?)\.", page.why.text())
    row = page.timeline.rows["charge"]
    assert re.fullmatch(r"less than a second|\d+ seconds?", row.time.text()), row.time.text()
    assert row.time.width() >= row.time.fontMetrics().horizontalAdvance(row.time.text())
    assert "Started: " in plain(row.time.toolTip()) and EXACT.search(plain(row.time.toolTip()))
    assert re.match(f"Done today at {CLOCK}: ", row.story.text()), row.story.text()
    # the technical detail keeps the attempt's exact time, in the same words
    assert EXACT.search(row.technical.body.text())
    shown_texts = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    assert not [t for t in shown_texts if PROGRAMMER.search(t)], shown_texts


def test_needs_you_says_since_when_in_words_in_filipino(
    filipino,  # noqa: F811
    gui,
    qtbot,
    payment_gateway,
):
    ctx, window = gui
    assert language.switch(language.FILIPINO)
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(1, "400")
    ctx.store.start_run(
        "charge", {"order": {"number": "5002", "amount": 99.0, "customer": "Aling Nena"}}
    )
    window.page("inbox")
    detail = open_entry(qtbot, window)
    item = window.findChild(QListWidget, "inboxList").item(0)
    assert re.fullmatch(f"Ngayon {CLOCK}", item.text().splitlines()[-1]), item.text()
    assert EXACT.search(plain(item.toolTip()))
    meta = [w.text() for w in detail.findChildren(QLabel) if "mula " in w.text()]
    assert meta and re.search(f"mula ngayong araw, {CLOCK}", meta[0]), meta
    texts = [w.text() for w in detail.findChildren(QLabel)]
    assert not [t for t in texts if re.search(r"\d{4}-\d\d-\d\d", t)], texts


def test_who_did_what_shows_every_moment_whole(gui, qtbot) -> None:
    """An older moment (“Tue 24 Nov, 12:59 PM”) in the first column, beside the indentation."""
    _ctx, window = gui
    window.page("audit")
    tree = window.audit.tree
    metrics = tree.fontMetrics()
    widest = max(metrics.horizontalAdvance(t) for t in when.moment_samples())
    assert tree.columnWidth(0) >= widest + tree.indentation() + 8


def test_the_dashboard_says_how_long_in_the_same_words(qapp) -> None:
    from app.ui.dashboard_page import duration

    assert duration(5400) == "1 hour 30 minutes"  # was "1.5 h"
    assert duration(3 * 86400 + 7200) == "3 days 2 hours"  # was "3.1 days"
    assert duration(None) == "–"


def test_a_stored_sentences_time_is_said_as_the_window_says_times(filipino, qapp) -> None:  # noqa: F811
    """An alert the engine stored (“has waited since 18:32”, a system “down since 10:02”) said
    its time as the engine's clock; in the window it reads as every other time, in the
    operator's language. The stored English text and the command line keep the clock."""
    from app.core.i18n import QT_TRANSLATE_NOOP, moment, said, shown, words_of

    asked = time.time() - 60
    text = said(
        QT_TRANSLATE_NOOP(
            "Inbox",
            "“{question}” has waited since {time}; open the decision in "
            "the inbox and choose an option.",
        ),
        question="Substitute?",
        time=moment(asked),
    )
    assert re.search(r"since \d\d:\d\d;", text)  # stored, and the command line's words
    lang = language.start(qapp)  # the window's language: it says moments as ``when.at``
    assert "since today at " + when.short(asked) + ";" in shown(words_of(text), text)
    assert lang.apply(language.FILIPINO)
    assert "mula ngayong araw, " + when.short(asked) in shown(words_of(text), text)
