"""A step's own sentence (its error, said with its words, migration 0013) on the screens in the
operator's language: the order page's timeline, the inbox entry's headline and the tray alert,
in Filipino while Filipino is spoken and in English again after switching back. Real engine
runs on the app's SQLite file against a local HTTP server."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui import language
from tests.runtime.test_step_words import Answering, charge
from tests.support.engine import run_status, save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_inbox_words import open_entry


def _bodies(page) -> str:  # noqa: ANN001
    return "\n".join(label.text() for label in page.findChildren(QLabel, "stepBody"))


def test_the_order_page_and_the_tray_say_it_in_filipino(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    server = Answering(400, "card declined")
    server.start()
    try:
        ctx, window = gui
        assert language.current().apply(language.FILIPINO)
        save(ctx.db, charge(server.url))
        run_id = ctx.store.start_run("charge", {"order": {"number": "3001"}})
        qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == "needs_attention", timeout=30000)
        said_fil = f"Sumagot ang {server.url}/charges ng 400 Bad Request: card declined"
        # the tray's alert says the failure as the order page explains it (no address)
        qtbot.waitUntil(lambda: bool(window.notifier.sent), timeout=15000)
        assert window.notifier.sent[0] == (
            "Hindi nasingil ang card: tinanggihan ito ng payment service (error 400: card "
            "declined). Ang gagawin: I-retry kapag gumana na ulit ang payment service, o "
            "i-cancel ang order."
        )
        page = window.runs.detail
        page.show_run(run_id)
        qtbot.waitUntil(lambda: f"Problema: {said_fil}" in _bodies(page), timeout=15000)
        assert "Subok 1" in _bodies(page) and f"— {said_fil}" in _bodies(page)
        language.current().apply(language.ENGLISH)  # the page says it again (retranslate)
        english = f"{server.url}/charges answered 400 Bad Request: card declined"
        qtbot.waitUntil(lambda: f"Problem: {english}" in _bodies(page), timeout=10000)
        assert said_fil not in _bodies(page)
    finally:
        server.stop()


def test_the_inbox_headline_says_the_steps_own_sentence_in_filipino(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    """A failure the inbox has no words of its own for (not a refusal, not "no answer"): its
    headline says the step's sentence, in the reader's language."""
    ctx, window = gui
    save(
        ctx.db,
        {
            "name": "check",
            "business_key": "{{ trigger.order.number }}",
            "steps": [
                {
                    "name": "check",
                    "type": "condition",
                    "title": "Check the order",
                    "config": {"expression": "maybe"},
                }
            ],
        },
    )
    assert language.current().apply(language.FILIPINO)
    ctx.store.start_run("check", {"order": {"number": "3002"}})
    detail = open_entry(qtbot, window)
    headline = detail.findChild(QLabel, "headline").text()
    assert "ang ibinigay ng kondisyon ay “maybe”, na hindi true o false" in headline, headline
    language.current().apply(language.ENGLISH)
    detail = open_entry(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            "the condition gave “maybe”, which is neither true nor false"
            in window.inbox.detail.findChild(QLabel, "headline").text()
        ),
        timeout=10000,
    )
