"""The alert at the top of the main window and the tray's balloon say a failed step as the order
page explains it — which order, what happened, what to do — in the operator's language, never
the step's raw sentence with its address ("…/charges answered 503 Service Unavailable"). Real
runs on the app's SQLite file, a real payment service on 127.0.0.1 that answers 503, real
widgets (offscreen); a PNG of the window at 1024×700 in each language goes to
``DALOY_SCREENSHOTS`` (else the test's temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QTextDocument

from app.ui import language
from app.ui.notifier import Banner, Notifier, alert_words, group_reason
from tests.support.engine import charge_workflow, save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_order_steps import open_order, order, spoken  # noqa: F401 - spoken: a fixture
from tests.ui.test_small_screens import clipped

# (title, what happened, what to do) as the order page says them
SAID = {
    "en": (
        "3001: needs you",
        "The card was not charged: the payment service had a problem on its side (error 503)",
        "Retry when the payment service works again, or cancel the order.",
        "What to do:",
    ),
    "fil": (
        "3001: kailangan ka",
        "Hindi nasingil ang card: nagkaproblema sa panig ng payment service (error 503)",
        "I-retry kapag gumana na ulit ang payment service, o i-cancel ang order.",
        "Ang gagawin:",
    ),
}
RAW = ("http", "127.0.0.1", "/charges", "Service Unavailable", "answered", "Errno")


def _plain(markup: str) -> str:
    doc = QTextDocument()
    doc.setHtml(markup)
    return doc.toPlainText()


def test_the_banner_and_the_tray_say_what_the_order_page_says(
    spoken,  # noqa: F811 - the fixture
    gui,
    qtbot,
    payment_gateway,
) -> None:
    ctx, window = gui
    if spoken == "fil":
        assert language.current().apply(language.FILIPINO)
    title, happened, to_do, what_to_do = SAID[spoken]
    # the tray's balloon (offscreen has no tray: a notifier that believes it has one)
    tray = Notifier(Banner(), group_ms=10, tray_available=lambda: True)
    window.inbox.new_entries.connect(tray.new_items)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() <= 1024 and window.height() <= 700, timeout=5000)
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=2))
    payment_gateway.fail_next(2, "503")
    run_id = ctx.store.start_run("charge", order("3001"))

    banner = window.banner
    qtbot.waitUntil(lambda: banner.isVisible() and "3001" in banner.text.text(), timeout=30000)
    said = _plain(banner.text.text())
    assert said.startswith(f"{title} — {happened}. {what_to_do} "), said
    assert said.endswith(to_do), said
    for raw in RAW:
        assert raw not in said, said
    qtbot.waitUntil(lambda: bool(tray.sent), timeout=10000)
    assert tray.sent == [said.split(" — ", 1)[1]]  # the balloon's body, its title apart

    # it fits at 1024×700: the banner's words wrap within the window, nothing cut
    qtbot.wait(200)
    if shots := os.environ.get("DALOY_SCREENSHOTS"):  # to look at it: a folder to save into
        Path(shots).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(shots) / f"alert-banner-{spoken}-1024x700.png"))
    label = banner.text
    assert label.heightForWidth(label.width()) <= label.height() + 2
    assert clipped(window, banner) == []

    # the order page says the same: what happened and what to do
    _page, row = open_order(window, qtbot, run_id, "charge", "needs_attention")
    story = row.story.text()
    assert happened in story and f"{what_to_do} " in story and to_do in story, story


def test_a_language_switch_says_the_banner_again_in_the_new_language(
    filipino,  # noqa: F811 - the fixture
    gui,
    qtbot,
    payment_gateway,
) -> None:
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(1, "503")
    ctx.store.start_run("charge", order("3001"))
    banner = window.banner
    qtbot.waitUntil(lambda: SAID["en"][1] in banner.text.text(), timeout=30000)
    assert language.current().apply(language.FILIPINO)
    qtbot.waitUntil(lambda: SAID["fil"][1] in _plain(banner.text.text()), timeout=10000)
    assert _plain(banner.text.text()).startswith(SAID["fil"][0])
    language.current().apply(language.ENGLISH)
    qtbot.waitUntil(lambda: SAID["en"][1] in _plain(banner.text.text()), timeout=10000)


def test_orders_that_failed_alike_are_announced_once_in_words() -> None:
    alike = "The card was not charged: … What to do: Retry …"
    same = [{"id": i, "kind": "step_failed", "alert": alike} for i in (1, 2)]
    assert group_reason(same) == alike
    other = [*same, {"id": 3, "kind": "decision", "reason": "Substitute or wait?"}]
    assert group_reason(other) == "2 failed steps, 1 decision to make"


def test_a_decision_is_announced_by_its_first_sentence() -> None:
    """The sample's stock question is several sentences: the alert says the first, as the
    Needs you list heads it; the whole question is in the entry."""
    question = (
        "Not enough stock for Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): 12 ordered, 8 in "
        "stock. Substitute the missing items with another product, backorder them, or cancel?"
    )
    first = (
        "Not enough stock for Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): 12 ordered, 8 in stock."
    )
    item = {"id": 1, "kind": "decision", "reason": question, "headline": first, "alert": ""}
    assert alert_words(item) == first
    failed = {"id": 2, "kind": "step_failed", "reason": "x", "headline": "h", "alert": "A. B."}
    assert alert_words(failed) == "A. B."  # a failure keeps what to do
