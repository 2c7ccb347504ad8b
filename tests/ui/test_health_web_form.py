"""Intake health lists the web order form once it has taken an order, its kind in words: after
orders came in through the form, the page said “No intake channels yet” (the form never
recorded its good contact, only a webhook's post did) and a channel's kind read as its trigger
type (“webhook”, “imap”). Real widgets (offscreen), the app's SQLite file, a real web intake on
a loopback port, the order posted as a browser posts the form."""

from __future__ import annotations

import httpx
from PySide6.QtWidgets import QLabel, QTreeWidget

from app.ui import language
from tests.intake.test_web_form import FORM, ORDER, token_of
from tests.intake.web_support import running
from tests.support.engine import save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

# the workflow the web intake of ``running`` serves, saved in the window's workspace
ORDERS = {
    "name": "orders",
    "steps": [{"name": "note", "type": "transform", "config": {"values": {}}}],
}


def _rows(page) -> list[list[str]]:  # noqa: ANN001
    tree = page.findChild(QTreeWidget, "intakeHealth")
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def test_the_web_order_form_is_listed_once_it_takes_an_order(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    ctx, window = gui
    page = window.health
    empty = page.findChild(QLabel, "hint")
    with qtbot.waitSignal(page.paused_changed, timeout=15000):  # the page read once
        page.refresh()
    assert _rows(page) == [] and not empty.isHidden()  # nothing has come in yet

    save(ctx.db, ORDERS)
    with running(ctx.store, {"web": FORM}) as web:
        url = f"{web.url}/form/orders/web"
        with httpx.Client() as browser:
            token = token_of(browser.get(url))
            assert browser.post(url, data={**ORDER, "form_token": token}).status_code == 201

    page.refresh()
    qtbot.waitUntil(lambda: len(_rows(page)) == 1, timeout=15000)
    channel, kind, last_ok, problem, state = _rows(page)[0]
    assert (channel, kind, problem, state) == ("orders/web", "Web order form", "", "working")
    assert last_ok  # when it last took an order, in words
    assert empty.isHidden()

    assert language.current().apply(language.FILIPINO)  # said again in the language spoken
    qtbot.waitUntil(lambda: _rows(page)[0][4] == "gumagana", timeout=15000)
    assert _rows(page)[0][1] == "Web order form"  # the glossary's Taglish keeps the words
    language.current().apply(language.ENGLISH)
    qtbot.waitUntil(lambda: _rows(page)[0][4] == "working", timeout=15000)
