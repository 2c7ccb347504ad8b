"""Help ▸ on the real main window: the menu after Shop, in English and Filipino; the operator
guide rendered with its pictures and working section links; the window's keys as
``app.ui.shortcuts`` defines them; About's facts and its Copy; the data folder handed to the
system through Qt's own URL handling (``QDesktopServices.setUrlHandler``).

Grabs of the guide window at 1024×700 in both languages are saved for people to look at
(``DALOY_SCREENSHOTS=folder``; else the test's temporary folder)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu

from app.logsetup import log_file
from app.resources import resource_path
from app.ui import help_menu, language
from app.ui.shortcuts import keys_said
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

ITEMS = (
    "operatorGuideAction",
    "keyboardShortcutsAction",
    "openDataFolderAction",
    "openLogFolderAction",
    "aboutAction",
)


def _menus(window) -> list[str]:  # noqa: ANN001
    return [a.text() for a in window.menuBar().actions()]


def _items(window) -> list[str]:  # noqa: ANN001
    menu = window.findChild(QMenu, "helpMenu")
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _out(tmp_path: Path) -> Path:
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_the_help_menu_comes_after_shop_in_both_languages(filipino, gui, qtbot, tmp_path) -> None:  # noqa: ANN001, F811
    _ctx, window = gui
    assert _menus(window) == ["&File", "&Shop", "&Help"]
    assert _items(window) == [
        "Operator guide",
        "Keyboard shortcuts",
        "Open the data folder",
        "Open the log folder",
        "About Daloy",
    ]
    assert [a.objectName() for a in window.help.menu.actions() if not a.isSeparator()] == [*ITEMS]
    guide = window.help.open_guide()
    guide.resize(1024, 700)
    qtbot.waitExposed(guide)
    assert guide.browser.document().toPlainText().startswith("Daloy operator guide")
    guide.grab().save(str(_out(tmp_path) / "help-guide-en.png"))

    language.current().apply(language.FILIPINO)  # switched while the app runs
    assert _menus(window)[2] == "&Tulong"
    assert _items(window) == [
        "Gabay para sa operator",
        "Mga keyboard shortcut",
        "Buksan ang data folder",
        "Buksan ang folder ng log",
        "Tungkol sa Daloy",
    ]
    # the guide window follows: the Filipino guide, first heading first
    first = resource_path("docs", "operator-guide.fil.md").read_text(encoding="utf-8")
    heading = first.splitlines()[0].lstrip("# ")
    assert guide.browser.document().toPlainText().startswith(heading)
    assert guide.browser.verticalScrollBar().value() == 0
    qtbot.wait(50)  # Qt lays the new text out on its next turn (nothing timed is asserted)
    guide.grab().save(str(_out(tmp_path) / "help-guide-fil.png"))


def test_the_guide_shows_its_pictures_and_moves_to_a_section(gui, qtbot) -> None:  # noqa: ANN001
    _ctx, window = gui
    window.findChild(QObject, "operatorGuideAction").trigger()
    guide = window.help.guide
    assert guide is not None and guide.isVisible() and not guide.isModal()
    guide.resize(1024, 700)
    qtbot.waitExposed(guide)
    browser = guide.browser
    document = browser.document()
    assert document.toPlainText().startswith("Daloy operator guide")
    text = help_menu.guide_file(language.ENGLISH).read_text(encoding="utf-8")
    pictures = [line.split("](")[1].rstrip(")") for line in text.splitlines() if "![" in line]
    assert len(pictures) >= 3
    for picture in pictures:  # each found in the guide's own folder
        image = browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(picture))
        assert image is not None and not image.isNull(), picture
    qtbot.waitUntil(  # laid out: the document has loaded and kept the pictures
        lambda: all(
            document.resource(QTextDocument.ResourceType.ImageResource, QUrl(p)) is not None
            for p in pictures
        )
    )

    # click the “keyboard keys” link near the top: the view moves to that heading
    link = heading = None
    block = document.begin()
    while block.isValid():
        if block.text() == "Keyboard keys":
            heading = block.position()
        for it in block:
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == "#keyboard-keys":
                link = fragment.position() + 1
        block = block.next()
    assert link is not None and heading is not None

    def on_screen(position: int) -> bool:
        cursor = browser.textCursor()
        cursor.setPosition(position)
        return browser.viewport().rect().contains(browser.cursorRect(cursor).center())

    assert on_screen(link) and not on_screen(heading)
    cursor = browser.textCursor()
    cursor.setPosition(link)
    point = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: on_screen(heading))
    assert browser.verticalScrollBar().value() > 0


def test_the_shortcut_list_is_the_windows_own_keys(gui, qtbot) -> None:  # noqa: ANN001
    _ctx, window = gui
    find = window.findChild(QObject, "findOrders")
    dialog = window.help.open_shortcuts()
    assert not dialog.isModal() or dialog.windowModality() != Qt.WindowModality.ApplicationModal
    table = dialog.table
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    # shortcuts.py's Find (the platform's standard key), as the platform writes it; the
    # multimedia keyboards' own Find key, also bound, is left out of the list
    said = keys_said(QKeySequence(QKeySequence.StandardKey.Find))
    assert (find.text(), said) in rows
    assert (find.text(), said) == ("Find an order", "Ctrl+F")
    assert ("Read the page again", "F5") in rows
    assert ("Go to Needs you", "Ctrl+1") in rows
    assert ("Quit Daloy", "Ctrl+Q") in rows
    dialog.close()


def test_about_says_the_data_folder_and_copies_it(gui, qtbot) -> None:  # noqa: ANN001
    ctx, window = gui
    dialog = window.help.open_about()
    qtbot.waitExposed(dialog)
    shown = [label.text() for label in dialog.findChildren(help_menu.PlainLabel)]
    assert str(ctx.data_dir) in shown
    assert str(log_file(Path(ctx.data_dir))) in shown
    assert any(s.startswith("Passwords are kept") for s in shown)  # in words, no class name
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert f"Data folder: {ctx.data_dir}" in copied
    assert "Daloy " in copied
    dialog.close()


class Receiver(QObject):
    """What the system's file manager would be given: Qt calls ``open`` for a file URL."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_the_data_and_log_folders_hands_them_to_the_system(gui, qtbot) -> None:  # noqa: ANN001
    ctx, window = gui
    receiver = Receiver()
    QDesktopServices.setUrlHandler("file", receiver, "open")
    try:
        window.findChild(QObject, "openDataFolderAction").trigger()
        window.findChild(QObject, "openLogFolderAction").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert receiver.urls == [
        QUrl.fromLocalFile(str(ctx.data_dir)),
        QUrl.fromLocalFile(str(log_file(Path(ctx.data_dir)).parent)),
    ]


def test_every_section_link_of_both_guides_has_its_heading() -> None:
    """A link to a section of the guide (``#keyboard-keys``) finds its heading, in English
    and Filipino: a heading reworded without its links would leave a link that goes nowhere."""
    for spoken in (language.ENGLISH, language.FILIPINO):
        text = help_menu.guide_file(spoken).read_text(encoding="utf-8")
        headings = {
            help_menu.slug(line.lstrip("#")) for line in text.splitlines() if line[:1] == "#"
        }
        links = re.findall(r"\]\(#([^)]+)\)", text)
        assert links and set(links) <= headings, (spoken, set(links) - headings)


def test_a_web_link_in_the_guide_opens_in_the_browser_not_inside(gui, qtbot) -> None:  # noqa: ANN001
    _ctx, window = gui
    guide = window.help.open_guide()
    before = guide.browser.document().toPlainText()
    browser = Receiver()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        guide.follow(QUrl("https://example.com/help"))  # as a click on such a link does
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.urls == [QUrl("https://example.com/help")]
    assert guide.browser.document().toPlainText() == before
