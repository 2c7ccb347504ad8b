"""The desktop app in Filipino (issue 19): it follows the system's language or the operator's
choice, switches while running without losing what is being typed, and every page of the shell
fits at 1366×768 in Filipino (longer than English) with nothing clipped. A PNG per page is
saved for people to read (``DALOY_SCREENSHOTS=folder``; else the test's temporary folder):

    DALOY_SCREENSHOTS=screenshots/fil QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python -m pytest -q tests/ui/test_filipino.py
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QWidget,
)

from app.ui import language
from tests.ui.test_small_screens import clipped, shop  # noqa: F401 - shop is a fixture

ROOT = Path(__file__).resolve().parents[2]
# the shell's pages, each checked for clipping (the editor's page is screenshotted; its own
# test checks it)
SHELL = ("inbox", "runs", "order", "health", "connections", "audit", "backups", "dashboard")
OTHERS = ("workflows",)


def cut_words(page: QWidget) -> list[str]:
    """What ``clipped`` does not see: a choice box narrower than its words, a column title
    wider than its column."""
    problems = []
    for combo in page.findChildren(QComboBox):
        if combo.isVisible() and combo.width() < combo.sizeHint().width() - 2:
            problems.append(f"choice “{combo.currentText()}” is {combo.width()} px, needs more")
    for header in page.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        for i in range(header.count()):
            if (
                header.isSectionHidden(i)
                or header.sectionResizeMode(i) != QHeaderView.ResizeMode.Interactive
            ):
                continue
            if header.sectionSize(i) < header.sectionSizeHint(i) - 2:
                title = model.headerData(i, Qt.Orientation.Horizontal)
                problems.append(f"column “{title}” is {header.sectionSize(i)} px, needs more")
    return problems


@pytest.fixture
def filipino(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The compiled Filipino file, a settings folder of the test's own, and English again
    after the test. Ask for it before ``gui``: the window reads the settings folder when it
    is built, and must not find the developer's own saved language there."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import i18n

    i18n.release(quiet=True)
    monkeypatch.setenv("DALOY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("DALOY_LANGUAGE", raising=False)
    yield
    lang = language.current()
    if lang is not None:
        lang.apply(language.ENGLISH)


def test_the_system_language_decides_unless_the_operator_chose() -> None:
    fil = QLocale(QLocale.Language.Filipino, QLocale.Country.Philippines)
    assert language.resolve(language.SYSTEM, fil) == language.FILIPINO
    assert language.resolve(language.SYSTEM, QLocale("tl_PH")) == language.FILIPINO
    assert language.resolve(language.SYSTEM, QLocale("en_US")) == language.ENGLISH
    assert language.resolve(language.ENGLISH, fil) == language.ENGLISH
    assert language.resolve(language.FILIPINO, QLocale("en_US")) == language.FILIPINO


def test_switching_language_keeps_the_work_and_the_choice(filipino, gui, qtbot) -> None:  # noqa: ANN001
    ctx, window = gui
    window.page("runs")
    window.runs.search.setText("Aling Nena")  # typed before the switch
    assert window.navigation.item(1).text() == "Orders"

    combo = window.language
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())  # as the operator picks it
    assert language.current().current == language.FILIPINO
    assert language.chosen() == language.FILIPINO  # saved for the next start
    assert window.navigation.item(1).text() == "Mga Order"
    assert window.runs.search.text() == "Aling Nena"  # the work stays
    assert window.runs.search.placeholderText().startswith("Hanapin")
    assert window.runs.model.headerData(2, Qt.Orientation.Horizontal) == "Kabuuan"
    assert window.inbox.filter.itemText(0) == "Lahat ng bukas"
    assert window.autostart.text() == "Buksan ang Daloy pag-log in ko"
    assert window.menuBar().actions()[0].text() == "&File"
    if window.notifier.tray is None:  # the banner that stands in for the tray says it anew
        assert "Walang system tray" in window.banner.text.text()
    # Qt's own words (qt.ts): a standard button in Filipino
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Kanselahin"
    # dates and money in the chosen language
    assert QLocale().language() == QLocale.Language.Filipino

    combo.setCurrentIndex(combo.findData(language.ENGLISH))
    combo.activated.emit(combo.currentIndex())
    assert window.navigation.item(1).text() == "Orders"
    assert window.inbox.filter.itemText(0) == "All open entries"
    assert window.runs.search.text() == "Aling Nena"


def test_the_language_menu_shows_what_is_spoken(  # noqa: ANN001
    filipino, monkeypatch, gui, qtbot
) -> None:
    """With ``DALOY_LANGUAGE=fil`` set, choosing English switches the app and the footer's
    menu says English (it kept saying "Filipino"); choosing Filipino again says Filipino."""
    monkeypatch.setenv("DALOY_LANGUAGE", language.FILIPINO)
    _ctx, window = gui
    assert language.current().apply(language.FILIPINO)
    combo = window.language
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())
    assert combo.currentData() == language.FILIPINO
    combo.setCurrentIndex(combo.findData(language.ENGLISH))
    combo.activated.emit(combo.currentIndex())  # as the operator picks it
    assert language.current().current == language.ENGLISH
    assert window.navigation.item(1).text() == "Orders"
    assert combo.currentData() == language.ENGLISH and combo.currentText() == "English"
    # spoken without the menu (another window, a test): the menu follows what is spoken
    assert language.current().apply(language.FILIPINO)
    assert combo.currentData() == language.FILIPINO


def test_every_shell_page_fits_in_filipino(shop, qtbot, filipino, tmp_path) -> None:  # noqa: ANN001, F811
    ctx, window, runs = shop
    assert language.current().apply(language.FILIPINO)
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() <= 1366 and window.height() <= 768, timeout=5000)
    assert window.navigation.item(0).text().startswith("Kailangan ka")
    keys = {window.navigation.item(i).data(256): i for i in range(window.navigation.count())}
    problems: dict[str, list[str]] = {}
    for key in (*SHELL, *OTHERS):
        if key == "order":
            window.open_run(runs[0])
            qtbot.waitUntil(lambda: window.runs.detail.timeline.rows != {}, timeout=10000)
            qtbot.waitUntil(
                lambda: window.runs.detail.title.text().startswith("Order"), timeout=5000
            )
            page = window.runs
        else:
            if key not in keys:
                continue
            window.navigation.setCurrentRow(keys[key])
            page = window.stack.currentWidget()
        if key == "runs":
            window.runs.stack.setCurrentIndex(0)
        if key == "inbox":
            window.inbox.list.setCurrentRow(0)
            detail = window.inbox.detail
            qtbot.waitUntil(lambda d=detail: "retry" in d.buttons, timeout=10000)
            assert detail.buttons["retry"].text() == "I-retry"
            qtbot.waitUntil(
                lambda d=detail: all(
                    b.visibleRegion().boundingRect().size() == b.size() for b in d.buttons.values()
                ),
                timeout=5000,
            )
        qtbot.wait(300)
        window.grab().save(str(out / f"fil-{key}-1366x768.png"))
        if key in SHELL:
            found = clipped(window, page) + cut_words(page)
            if found:
                problems[key] = found
    # the sidebar's words and the footer's choices fit
    assert cut_words(window.centralWidget().findChild(QComboBox, "language").parentWidget()) == []
    assert window.navigation.horizontalScrollBar().maximum() == 0
    assert QApplication.instance() is not None
    assert problems == {}


def test_the_tray_and_its_alerts_speak_filipino(filipino, gui, qtbot) -> None:  # noqa: ANN001
    """A channel down: the tray's tooltip, menu and alert in Filipino, the alert's sentence
    read from the entry's stored template (not its English text)."""
    from app.ui.notifier import Banner, Notifier
    from tests.ui.test_tray import channel_down

    ctx, window = gui
    notifier = Notifier(Banner(), group_ms=10, tray_available=lambda: True)
    window.inbox.new_entries.connect(notifier.new_items)
    assert language.current().apply(language.FILIPINO)
    channel_down(ctx)
    qtbot.waitUntil(lambda: bool(notifier.sent), timeout=10000)
    notifier.set_open(window.inbox.items)
    assert notifier.tray.toolTip() == "Daloy: may channel o system na down"
    assert notifier.waiting_action.text() == "1 ang naghihintay sa iyo"
    assert notifier.sent[0].startswith("Hindi pa gumagana ang channel na shop-mail")
    assert window.inbox.items[0]["reason"].startswith("The intake channel")  # stored English
    language.current().apply(language.ENGLISH)
    notifier.retranslate()
    assert notifier.waiting_action.text() == "1 waiting for you"
    assert notifier.tray.toolTip() == "Daloy: a channel or system is down"


def _fits(qtbot, dialog: QWidget, out: Path, name: str) -> list[str]:  # noqa: ANN001
    """Show a dialog in Filipino at its own size on a 1366×768 screen, save its PNG and say
    what is clipped in it."""
    dialog.resize(min(dialog.width(), 1366), min(dialog.height(), 740))
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(200)
    dialog.grab().save(str(out / f"fil-{name}-1366x768.png"))
    # a wrapped label given fewer lines than its words need (a wizard page's subtitle)
    short = [
        f"label “{label.text()[:40]}…” is {label.height()} px high, needs "
        f"{label.heightForWidth(label.width())}"
        for label in dialog.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.text()
        and label.heightForWidth(label.width()) > label.height() + 2
    ]
    return clipped(dialog, dialog) + cut_words(dialog) + short


def test_the_setup_and_order_dialogs_fit_in_filipino(shop, qtbot, filipino, tmp_path) -> None:  # noqa: ANN001, F811
    """The first-run setup's pages, an order typed in by hand and the hold form, in Filipino
    (longer than English): nothing clipped; a PNG of each."""
    from app.ui.first_run import FirstRunWizard
    from app.ui.holds import HoldForm
    from app.ui.new_order import NewOrderDialog

    ctx, window, runs = shop
    assert language.current().apply(language.FILIPINO)
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    wizard = FirstRunWizard(ctx, window)
    assert wizard.windowTitle() == "I-set up ang shop mo — Daloy"
    for i, page_id in enumerate(wizard.pageIds()):
        if i == 0:
            wizard.restart()
        else:
            wizard.page(page_id).initializePage()
            wizard.setStartId(page_id)
            wizard.restart()
        found = _fits(qtbot, wizard, out, f"setup-{i + 1}")
        if found:
            problems[f"setup page {i + 1}: {wizard.currentPage().title()}"] = found
    assert wizard.page(wizard.pageIds()[0]).title() == "Maligayang pagdating sa Daloy"
    wizard.hide()
    dialog = NewOrderDialog(ctx, window, workflow="charge")
    qtbot.waitUntil(lambda: dialog.start_b.isEnabled(), timeout=10000)
    assert dialog.windowTitle().startswith("Bagong order")
    found = _fits(qtbot, dialog, out, "new-order")
    if found:
        problems["new order"] = found
    dialog.hide()
    order = {"workflow": "charge", "customer": "Aling Nena", "steps": [], "trigger": {}}
    form = HoldForm(order, window)
    assert form.ok.text() == "I-hold ang mga order na ito"
    found = _fits(qtbot, form, out, "hold-form")
    if found:
        problems["hold form"] = found
    form.hide()
    assert problems == {}
