"""The Intake health page and the "channel down" alert say a channel's last problem (stored
with its words, migration 0014) in the operator's language: Filipino after switching to it,
English again after switching back; a problem stored without words (before 0014) shows its
English text in both. Real widgets (offscreen), the app's SQLite file, a real marketplace
channel polling a port on 127.0.0.1 nobody listens on."""

from __future__ import annotations

import time

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTreeWidget
from sqlalchemy import update

from app.store import intake as repo
from app.store.models import ChannelState
from app.ui import language
from tests.intake.test_channel_words import refused
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

ENGLISH = (
    "orders/market could not reach its server, or the server stopped answering. Daloy keeps "
    "trying; check that this computer is online."
)
FILIPINO = (
    "Hindi maabot ng orders/market ang server nito, o tumigil sumagot ang server. Patuloy na "
    "sumusubok ang Daloy; tingnan kung online ang computer na ito."
)
OLD = "The marketplace did not answer (written by an older Daloy)."


def _last_problem(page) -> str:  # noqa: ANN001
    tree = page.findChild(QTreeWidget, "intakeHealth")
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return next((r.text(3) for r in rows if r.text(0) == "orders/market"), "")


def _plain(markup: str) -> str:
    doc = QTextDocument()
    doc.setHtml(markup)
    return doc.toPlainText()


def test_the_last_problem_is_said_in_the_language_spoken(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    ctx, window = gui
    refused(ctx.store)
    page = window.health
    assert language.current().apply(language.FILIPINO)
    page.refresh()
    qtbot.waitUntil(lambda: _last_problem(page) == FILIPINO, timeout=15000)

    # the channel is down: the alert says its last problem in Filipino too
    assert repo.check_health(
        ctx.store, "orders/market", "marketplace", 60, started_at=time.time() - 3600
    )
    banner = window.banner
    qtbot.waitUntil(lambda: FILIPINO in _plain(banner.text.text()), timeout=15000)
    assert ENGLISH not in _plain(banner.text.text())

    language.current().apply(language.ENGLISH)  # the page and the banner say it again
    qtbot.waitUntil(lambda: _last_problem(page) == ENGLISH, timeout=15000)
    qtbot.waitUntil(lambda: ENGLISH in _plain(banner.text.text()), timeout=15000)


def test_a_problem_stored_without_words_shows_its_english_text(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    ctx, window = gui
    refused(ctx.store)
    with ctx.db.write() as s:  # as a Daloy before migration 0014 left it
        s.execute(update(ChannelState).values(last_error=OLD, last_error_words=None))
    page = window.health
    assert language.current().apply(language.FILIPINO)
    page.refresh()
    qtbot.waitUntil(lambda: _last_problem(page) == OLD, timeout=15000)
    language.current().apply(language.ENGLISH)
    qtbot.waitUntil(lambda: _last_problem(page) == OLD, timeout=15000)
