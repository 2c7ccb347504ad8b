"""A demo order's page as the operator meets it after the first-run setup (web order form, cash
on delivery, the sample stock sheet, no email) and Shop ▸ Try the demo: the real window, the
real menu action, the real runtime and sample workflow, in English and in Filipino (the samples
seeded in the language spoken, as a new data folder is)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from app import demo, shop
from app.core import machine as m
from app.runtime.practice import try_draft
from app.store import queries
from app.ui import language
from tests.support.engine import run_status
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

# a 1024×700 screen, less the window's title bar (openbox's: 20 px)
WINDOW = (1024, 680)
# the timeline's row for how the order was started: (a demo order, a practice run)
STARTED = {
    "en": ("root started a demo order", "root started a practice run"),
    "fil": ("Nagsimula si root ng demo na order", "Nagsimula si root ng practice run"),
}


@pytest.fixture(params=["en", "fil"])
def speaking(request: pytest.FixtureRequest, qapp, monkeypatch) -> Iterator[str]:  # noqa: ANN001
    """The language spoken from the window's first text on (ask for it before ``gui``), so
    the sample workflow is seeded in it as a new data folder is."""
    monkeypatch.setenv("DALOY_USER", "root")
    if request.param == "fil":
        request.getfixturevalue("filipino")
    lang = language.start(qapp)
    assert lang.apply(language.FILIPINO if request.param == "fil" else language.ENGLISH)
    yield request.param
    lang.apply(language.ENGLISH)


def set_up_and_try_the_demo(ctx, window, qtbot) -> dict[str, str]:  # noqa: ANN001
    """The first-run setup's answers, then Shop ▸ Try the demo; the demo's run ids by number
    once each has gone as far as it goes on its own."""
    choices = shop.ShopChoices(
        shop_name="Tindahan ni Aling Nena",
        source="web",
        payment="on_delivery",
        email_customers=False,
    )
    shop.apply(ctx.db, ctx.registry.specs, choices)
    window.findChild(QAction, "tryDemoAction").trigger()

    def started() -> dict[str, str]:
        with ctx.db.read() as s:
            rows = queries.list_orders(s, business_key="DEMO-%", limit=10)
        return {r.business_key: r.id for r in rows}

    qtbot.waitUntil(lambda: len(started()) == 3, timeout=20000)
    ids = started()
    qtbot.waitUntil(
        lambda: (
            run_status(ctx.db, ids["DEMO-1002"]) == m.RUN_NEEDS_ATTENTION
            and run_status(ctx.db, ids["DEMO-1001"]) in m.RUN_FINAL
        ),
        timeout=30000,
    )
    return ids


def open_page(window, qtbot, run_id: str):  # noqa: ANN001, ANN201
    window.open_run(run_id)
    page = window.runs.detail
    qtbot.waitUntil(
        lambda: (page.detail or {}).get("id") == run_id and bool(page.timeline.rows),
        timeout=20000,
    )
    QApplication.processEvents()
    return page


def test_a_demo_orders_timeline_says_a_demo_order_was_started(speaking, gui, qtbot):
    """The page calls it a demo order, and so does its start (it read “root started a practice
    run”); a practice run the editor starts (Try it) still reads as one."""
    ctx, window = gui
    ids = set_up_and_try_the_demo(ctx, window, qtbot)
    tried = try_draft(ctx.runtime, demo.SAMPLE)  # the editor's Try it, on the sample's order
    qtbot.waitUntil(lambda: run_status(ctx.db, tried) != m.RUN_RUNNING, timeout=30000)
    demo_started, practice_started = STARTED[speaking]
    for run_id, said, not_said in (
        (ids["DEMO-1001"], demo_started, practice_started),
        (ids["DEMO-1002"], demo_started, practice_started),
        (tried, practice_started, demo_started),
    ):
        page = open_page(window, qtbot, run_id)
        rows = [r.text.text() for r in page.timeline.action_rows]
        assert said in rows, rows
        assert not_said not in rows, rows
    # the audit page's list of every action says it too, naming the order
    with ctx.db.read() as s:
        from app.store import audit

        trail = [a.sentence for a in audit.list_actions(s, action="practice_started")]
    assert any(t.startswith(demo_started) and "DEMO-1002" in t for t in trail), trail


# the sample's stock question for DEMO-1002: its first sentence, then the rest
QUESTION = {
    "en": (
        "Not enough stock for Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): 12 ordered, 8 in stock.",
        "Substitute the missing items with another product, backorder them (ship what is in "
        "stock now, the rest later as its own order), or cancel the order?",
        "Waiting for you: ",
    ),
    "fil": (
        "Kulang ang stock sa order ni Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): 12 ang "
        "in-order, 8 ang may stock.",
        "Papalitan ba ng ibang produkto ang kulang, i-backorder (ipadala ngayon ang may stock, "
        "ang natira mamaya bilang sariling order), o i-cancel ang order?",
        "Naghihintay sa iyo: ",
    ),
}


def test_the_stock_questions_headline_is_its_first_sentence(speaking, gui, qtbot):
    """The stock question was six bold lines in Needs you and on the order's page: the bold
    headline is its first sentence (what is wrong), the question beneath in plain weight; the
    list beside it and the Orders list's reason say the first sentence."""
    ctx, window = gui
    window.resize(*WINDOW)
    ids = set_up_and_try_the_demo(ctx, window, qtbot)
    first, rest, waiting = QUESTION[speaking]
    window.page("inbox")
    inbox = window.findChild(QListWidget, "inboxList")
    # the stock question (paid on delivery: no charge meets the payment service “down”)
    qtbot.waitUntil(lambda: inbox.count() == 1, timeout=30000)
    item = inbox.item(0)
    said = item.text().split("\n")[1]  # (a long one cut at 90 characters)
    assert said in (first, first[:87] + "…"), said
    assert rest[:20] not in item.toolTip()
    inbox.setCurrentRow(0)
    detail = window.inbox.detail
    qtbot.waitUntil(lambda: detail.findChild(QLabel, "headlineMore") is not None, timeout=10000)
    headline, more = (detail.findChild(QLabel, n) for n in ("headline", "headlineMore"))
    assert (headline.text(), more.text()) == (first, rest)
    assert headline.font().weight() >= QFont.Weight.DemiBold
    assert more.font().weight() < QFont.Weight.DemiBold  # plain weight
    qtbot.waitUntil(lambda: more.isVisible() and more.y() > 0, timeout=5000)  # laid out
    assert more.y() >= headline.y() + headline.height()  # beneath it
    page = open_page(window, qtbot, ids["DEMO-1002"])
    qtbot.waitUntil(lambda: page.why_more.isVisible(), timeout=10000)
    assert page.why.text() == waiting + first
    assert page.why_more.text() == rest
    assert page.why_more.font().weight() < QFont.Weight.DemiBold
    # an order that waits for nobody: nothing beneath its sentence
    page = open_page(window, qtbot, ids["DEMO-1001"])
    qtbot.waitUntil(lambda: not page.why.text().startswith(waiting), timeout=10000)
    assert not page.why_more.isVisible()
    with ctx.db.read() as s:
        reasons = queries.waiting_reasons(s, [ids["DEMO-1002"]])
    assert reasons == {ids["DEMO-1002"]: first}
