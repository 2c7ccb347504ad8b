"""A crafted order whose fields (and the error a system answers with) contain HTML is shown as
text on every screen: no widget renders it as markup."""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QWidget

from app.ui.notifier import Banner
from app.ui.text import PlainLabel, escape, notification_body, rich_label, tooltip
from tests.support.engine import save
from tests.support.http_servers import LocalService

FAKE = "PAID — ship at once"
MARKUP = f'<h1 style="color:#2e7d32;font-size:48px">{FAKE}</h1>'


class CraftedShop(LocalService):
    """A shop system that refuses the order with an error message made of HTML."""

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        self.reply(h, 400, {"error": MARKUP})


def labels_showing(root: QWidget, needle: str = FAKE) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel) if needle in w.text()]


def assert_shown_as_text(label: QLabel) -> None:
    """Plain text that holds the markup literally, or rich text with the markup escaped."""
    text, fmt = label.text(), label.textFormat()
    if fmt == Qt.TextFormat.PlainText:
        assert "<h1" in text, text
    else:
        assert fmt == Qt.TextFormat.RichText, (label.objectName(), fmt, text)
        assert "&lt;h1" in text and "<h1" not in text, text


def assert_tooltip_literal(tip: str) -> None:
    doc = QTextDocument()
    doc.setHtml(tip)
    assert "<h1" in doc.toPlainText(), tip


def test_a_crafted_order_shows_as_text_everywhere(gui, qtbot):
    ctx, window = gui
    shop = CraftedShop()
    shop.start()
    try:
        save(
            ctx.db,
            {
                "name": "crafted",
                "business_key": "{{ trigger.order.number }}",
                "steps": [
                    {
                        "name": "charge",
                        "type": "http_request",
                        "title": MARKUP,
                        "config": {
                            "method": "POST",
                            "url": f"{shop.url}/charges",
                            "body": {"customer": "{{ trigger.order.customer }}"},
                        },
                        "retry": {"max_attempts": 1},
                    }
                ],
            },
        )
        window.notifier.set_grouping(50)
        run_id = ctx.store.start_run("crafted", {"order": {"number": MARKUP, "customer": MARKUP}})
        window.page("inbox")
        inbox = window.findChild(QListWidget, "inboxList")
        qtbot.waitUntil(lambda: inbox.count() == 1, timeout=15000)

        # The inbox list: item views draw plain text; the tooltip is converted from plain text.
        item = inbox.item(0)
        assert MARKUP in item.text()
        assert_tooltip_literal(item.toolTip())

        # The in-window alert (no tray offscreen): our bold title, the order's data escaped.
        banner = window.findChild(QLabel, "inAppNotification")
        qtbot.waitUntil(lambda: FAKE in banner.text(), timeout=10000)
        assert_shown_as_text(banner)

        # The entry: the headline (the shop's refusal in words), the order in words, and the
        # folded technical detail (the error and the attempts).
        inbox.setCurrentRow(0)
        detail = window.inbox.detail
        qtbot.waitUntil(lambda: len(labels_showing(detail)) >= 3, timeout=10000)
        shown = labels_showing(detail)
        for label in shown:
            assert_shown_as_text(label)
        assert any("answered 400" in w.text() for w in shown)  # the error text
        assert any("Attempt 1" in w.text() for w in shown)  # the attempt log

        # The order page: the runs table, the title, the timeline and its tooltips.
        window.open_run(run_id)
        runs = window.runs
        qtbot.waitUntil(lambda: FAKE in runs.detail.title.text(), timeout=10000)
        qtbot.waitUntil(lambda: any(r["id"] == run_id for r in runs.model.rows), timeout=10000)
        row = next(i for i in range(runs.model.rowCount()) if runs.model.rows[i]["id"] == run_id)
        assert runs.model.data(runs.model.index(row, 0)) == MARKUP
        for label in labels_showing(runs):
            assert_shown_as_text(label)
        qtbot.waitUntil(lambda: "charge" in runs.detail.timeline.rows, timeout=10000)
        step = runs.detail.timeline.rows["charge"]  # the order's timeline row
        assert step.toggle.text() == MARKUP  # a button's text is never markup
        assert_tooltip_literal(step.toggle.toolTip())
        raw = step.technical.body  # the step's record, folded under "Technical detail"
        assert raw.textFormat() == step.story.textFormat() == Qt.TextFormat.PlainText
        assert "Given:" in raw.text()
        assert MARKUP in raw.text() and "answered 400" in raw.text()

        # No label anywhere in the window (on any page) renders the markup.
        everywhere = labels_showing(window)
        assert len(everywhere) >= 7
        for label in everywhere:
            assert_shown_as_text(label)
    finally:
        shop.stop()


def test_the_banner_and_notifications_escape_what_they_announce(qtbot):
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message(f"{MARKUP} & more", 7, title=MARKUP)
    assert banner.text.textFormat() == Qt.TextFormat.RichText
    assert banner.text.text().startswith("<b>&lt;h1")
    doc = QTextDocument()
    doc.setHtml(banner.text.text())
    assert doc.toPlainText() == f"{MARKUP} — {MARKUP} & more"
    # Freedesktop notification servers (Linux) may read markup in the body: escaped there;
    # Windows and macOS show the body as text.
    linux = sys.platform.startswith("linux")
    assert notification_body(MARKUP) == (escape(MARKUP) if linux else MARKUP)


SHOWN_LITERALLY = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Z")) | st.sampled_from("<>&\"';/=#"),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(SHOWN_LITERALLY)
def test_any_text_reads_back_exactly(qapp, text):
    """Whatever an order contains, the widget helpers show exactly that text."""
    assert PlainLabel(text).text() == text
    for markup in (escape(text), tooltip(text) or escape(text)):
        doc = QTextDocument()
        doc.setHtml(markup)
        assert doc.toPlainText() == text
    label = rich_label(f"<b>{escape(text)}</b>")
    assert label.textFormat() == Qt.TextFormat.RichText
