"""Intake health at 1024x700: each channel's state (working, failing, paused) stays on screen
with its words, the last problem taking the room that is left; at fixed column widths the state
was past the right edge, only its icon's rim showing. English and Filipino, real widgets
(offscreen), a real marketplace channel whose server refuses."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget

from app.ui import language
from tests.intake.test_channel_words import refused
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture


def test_the_state_column_is_seen_whole_at_1024x700(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    ctx, window = gui
    refused(ctx.store)
    window.resize(1024, 700)
    window.page("health")
    page = window.health
    tree = page.findChild(QTreeWidget, "intakeHealth")
    for lang, failing in ((language.ENGLISH, "failing"), (language.FILIPINO, "pumapalya")):
        language.current().apply(lang)
        page.refresh()
        qtbot.waitUntil(
            lambda f=failing: tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(4) == f,
            timeout=15000,
        )
        qtbot.waitUntil(lambda: tree.viewport().width() < 900, timeout=5000)  # laid out
        header = tree.header()
        right = header.sectionViewportPosition(4) + header.sectionSize(4)
        assert right <= tree.viewport().width(), (lang, right, tree.viewport().width())
        words = tree.fontMetrics().horizontalAdvance(failing)
        assert header.sectionSize(4) >= words + tree.iconSize().width()
        assert header.sectionSize(3) >= 150  # the problem keeps room to be read (whole in its tip)
        assert tree.horizontalScrollBar().maximum() == 0
    language.current().apply(language.ENGLISH)
