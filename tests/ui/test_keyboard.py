"""The shell by keyboard alone, on the real window: Ctrl+1…Ctrl+8 open the sidebar's pages (each
entry's tooltip says its keys, in the operator's language), Find puts the cursor in the orders'
search, New opens a new order (not on the Workflows page, where the editor's own New is the only
one; the Shop menu shows its keys while they do), F5 reads the page again, Escape and Alt+Left leave an order's page, and a decision in the
inbox is answered with keys only (and Enter on the list never acts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.core import machine as m
from app.core.i18n import translate
from app.store import connections
from app.ui import language
from tests.support.engine import run_status, save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_orders_page import DECIDE

CTRL = Qt.KeyboardModifier.ControlModifier
# the sidebar's pages in its order, as the operator counts them for Ctrl+1…Ctrl+8
SIDEBAR = "inbox runs workflows connections health audit backups dashboard".split()


def active(qtbot, window) -> None:
    """Window shortcuts answer only in the active window, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed as the operator does: it goes to whatever has the focus."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_ctrl_and_a_number_open_each_page_of_the_sidebar_which_says_its_keys(gui, qtbot):
    _ctx, window = gui
    active(qtbot, window)
    nav = window.navigation
    assert [nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(nav.count())] == SIDEBAR
    for row in reversed(range(len(SIDEBAR))):  # from the last: each a page not shown before
        press(qtbot, window, Qt.Key(Qt.Key.Key_1 + row), CTRL)
        assert window.current_page() == SIDEBAR[row]
        assert window.stack.currentIndex() == row
        assert type(window.stack.currentWidget()) is not QWidget  # the page, not its stand-in
    assert nav.item(0).toolTip() == "Go to Needs you (Ctrl+1)"
    assert nav.item(1).toolTip() == "Go to Orders (Ctrl+2)"
    assert nav.item(7).toolTip() == "Go to Dashboard (Ctrl+8)"
    # the keyboard is in the page opened: the inbox's list, the orders' table
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is window.inbox.list
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is window.runs.table


def test_the_sidebar_says_its_keys_in_filipino(filipino, gui, qtbot):  # noqa: F811
    _ctx, window = gui
    combo = window.language
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())
    tip = window.navigation.item(1).toolTip()
    assert tip.startswith("Pumunta sa Mga Order")
    assert tip.endswith(f"({QKeySequence('Ctrl+2').toString(QKeySequence.NativeText)})")


def test_find_puts_the_cursor_in_the_orders_search_from_any_page(gui, qtbot):
    _ctx, window = gui
    active(qtbot, window)
    press(qtbot, window, Qt.Key.Key_6, CTRL)  # Who did what
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert window.current_page() == "runs"
    assert QApplication.focusWidget() is window.runs.search
    qtbot.keyClicks(window.runs.search, "Aling Nena")
    assert window.runs.search.text() == "Aling Nena"


def new_order_dialogs(window) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, "newOrderDialog") if d.isVisible()]


def test_new_opens_a_new_order_but_on_the_workflows_page_the_editors_new_wins(gui, qtbot):
    _ctx, window = gui
    active(qtbot, window)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(new_order_dialogs(window)) == 1, timeout=5000)
    assert window.current_page() == "runs"
    new_order_dialogs(window)[0].reject()
    qtbot.waitUntil(lambda: not new_order_dialogs(window), timeout=5000)
    active(qtbot, window)

    press(qtbot, window, Qt.Key.Key_3, CTRL)
    assert window.current_page() == "workflows"
    # a New of the editor's page on the same keys, as its toolbar makes its shortcuts
    editor = window.workflows
    fired: list[bool] = []
    own_new = QAction(editor)
    own_new.setShortcut(QKeySequence.StandardKey.New)
    own_new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    own_new.triggered.connect(lambda: fired.append(True))
    editor.addAction(own_new)
    assert editor.isAncestorOf(QApplication.focusWidget())  # Ctrl+3 put the keyboard there
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert fired == [True]  # not ambiguous (that would fire neither): the editor's New alone
    assert not new_order_dialogs(window)
    own_new.setEnabled(False)
    press(qtbot, window, Qt.Key.Key_N, CTRL)  # and with no New of its own: still no order
    assert not new_order_dialogs(window)


def shop_menu_shows(qtbot, window) -> tuple[str, str]:
    """The Shop menu opened as the operator opens it: “New order by hand…” and the keys it
    shows beside it (a menu shows what follows a tab as the item's keys)."""
    menu = window.shop.menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    words, _tab, keys = window.findChild(QAction, "newOrderAction").text().partition("\t")
    menu.close()
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5000)
    return words, keys


def test_the_shop_menu_shows_the_keys_of_a_new_order_while_they_open_one(gui, qtbot):
    _ctx, window = gui
    active(qtbot, window)
    window_new = window.findChild(QAction, "newOrderKeys")
    said = window_new.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert said  # Ctrl+N here, ⌘N on a Mac: whatever the window's own New is
    assert shop_menu_shows(qtbot, window) == ("New order by hand…", said)
    # the keys are the window's alone: the menu's item has none (both would fire neither)
    assert window.findChild(QAction, "newOrderAction").shortcut().isEmpty()
    active(qtbot, window)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(new_order_dialogs(window)) == 1, timeout=5000)
    new_order_dialogs(window)[0].reject()
    qtbot.waitUntil(lambda: not new_order_dialogs(window), timeout=5000)
    # on the Workflows page the keys are the editor's: the menu does not claim them there
    window.page("workflows")
    assert shop_menu_shows(qtbot, window) == ("New order by hand…", "")
    window.page("runs")
    assert shop_menu_shows(qtbot, window)[1] == said


def test_the_shop_menu_says_its_keys_in_filipino(filipino, gui, qtbot):  # noqa: F811
    _ctx, window = gui
    combo = window.language
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())
    words, keys = shop_menu_shows(qtbot, window)
    assert words == translate("ShopMenu", "New order by hand…") != "New order by hand…"
    window_new = window.findChild(QAction, "newOrderKeys")
    assert keys == window_new.shortcut().toString(QKeySequence.SequenceFormat.NativeText) != ""


def test_f5_reads_the_page_shown_again(gui, qtbot):
    ctx, window = gui
    active(qtbot, window)
    press(qtbot, window, Qt.Key.Key_4, CTRL)  # Connections: reads only when asked
    page = window.connections

    def names() -> list[str]:
        return [page.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.list.count())]

    qtbot.waitUntil(lambda: "shop mail" not in names(), timeout=5000)
    with ctx.db.write() as s:  # saved behind the page's back (the CLI, another window)
        connections.save(s, "shop mail", "http", {"base_url": "http://127.0.0.1:9"})
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "shop mail" in names(), timeout=10000)


def test_escape_and_alt_left_leave_an_order_for_all_orders(gui, qtbot):
    ctx, window = gui
    save(ctx.db, DECIDE)
    run_id = ctx.store.start_run("ask", {"order": {"number": "8301"}})
    active(qtbot, window)
    runs = window.runs
    assert "Esc" in runs.detail.back_button.toolTip()
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
    ):
        window.open_run(run_id)
        qtbot.waitUntil(lambda: runs.detail.title.text().startswith("Order 8301"), timeout=10000)
        runs.detail.back_button.setFocus()
        press(qtbot, window, key, modifier)
        assert runs.stack.currentIndex() == 0  # All orders
        assert QApplication.focusWidget() is runs.table
    press(qtbot, window, Qt.Key.Key_Escape)  # on the list itself Escape leaves nothing
    assert window.current_page() == "runs"


def test_a_decision_answered_with_the_keyboard_alone(gui, qtbot):
    ctx, window = gui
    save(ctx.db, DECIDE)
    runs = {n: ctx.store.start_run("ask", {"order": {"number": n}}) for n in ("8201", "8202")}
    inbox = window.inbox
    qtbot.waitUntil(lambda: inbox.list.count() == 2, timeout=15000)
    active(qtbot, window)
    press(qtbot, window, Qt.Key.Key_5, CTRL)  # from elsewhere
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is inbox.list
    first = inbox.list.item(0).data(Qt.ItemDataRole.UserRole)
    second = inbox.list.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.waitUntil(lambda: (inbox.detail.entry or {}).get("id") == first, timeout=10000)
    press(qtbot, window, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: (inbox.detail.entry or {}).get("id") == second, timeout=10000)
    # and on screen: a pane's controls show once the event loop turns (Qt shows them queued)
    qtbot.waitUntil(lambda: all(c.isVisible() for c in inbox.detail.controls), timeout=5000)
    chosen_run = inbox.detail.entry["run_id"]
    other_run = next(r for r in runs.values() if r != chosen_run)
    waiting = run_status(ctx.db, other_run)  # for the person
    # Tab goes from the list into the entry in reading order: the note, then each option
    press(qtbot, window, Qt.Key.Key_Tab)
    note = QApplication.focusWidget()
    assert isinstance(note, QLineEdit) and note.objectName() == "field_note"
    qtbot.keyClicks(note, "by keyboard")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "option_substitute"
    press(qtbot, window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "option_backorder"
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: run_status(ctx.db, chosen_run) == m.RUN_SUCCEEDED, timeout=15000)
    assert run_status(ctx.db, other_run) == waiting
    qtbot.waitUntil(lambda: inbox.list.count() == 1, timeout=10000)
    assert inbox.confirmation.text().endswith("goes on: you chose “Backorder”.")
    # the keyboard is back on the list, on the next entry: Enter only goes to its pane
    assert QApplication.focusWidget() is inbox.list
    qtbot.waitUntil(lambda: (inbox.detail.entry or {}).get("run_id") == other_run, timeout=10000)
    qtbot.waitUntil(lambda: all(c.isVisible() for c in inbox.detail.controls), timeout=5000)
    press(qtbot, window, Qt.Key.Key_Return)
    assert QApplication.focusWidget().objectName() == "field_note"
    assert run_status(ctx.db, other_run) == waiting
    assert inbox.list.count() == 1


def test_every_button_that_shows_only_an_icon_is_named(gui, qtbot):
    ctx, window = gui
    save(ctx.db, DECIDE)
    run_id = ctx.store.start_run("ask", {"order": {"number": "8401"}})
    qtbot.waitUntil(lambda: window.inbox.list.count() == 1, timeout=15000)
    window.inbox.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "option_backorder"), timeout=10000)
    window.open_run(run_id)
    qtbot.waitUntil(lambda: window.runs.detail.title.text().startswith("Order 8401"), timeout=10000)

    def unnamed(page: QWidget) -> list[str]:
        return [
            b.objectName() or b.metaObject().className()
            for b in page.findChildren(QAbstractButton)
            # Qt's own (a field's clear button, a table's corner) are not the shell's
            if not isinstance(b.parent(), QLineEdit)
            and b.metaObject().className() != "QTableCornerButton"
            and b.isVisibleTo(page)
            and not b.text().strip()
            and not (b.accessibleName() and b.toolTip())
        ]

    for key in SIDEBAR:
        if key == "workflows":  # the editor's toolbar is the editor's (app/ui/editor)
            continue
        window.page(key)
        page = window.stack.currentWidget()
        # (a page's buttons that say what they read, the dashboard's tiles, have text once read)
        qtbot.waitUntil(lambda page=page: not unnamed(page), timeout=10000)
