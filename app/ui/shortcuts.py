"""The main window's keys, for an operator who works with the keyboard all day: Ctrl+1…Ctrl+9
open the sidebar's pages in its order, Find (Ctrl+F) puts the cursor in the orders' search box,
New (Ctrl+N) opens a new order typed in, Refresh (F5) reads the page shown again. The platform's
standard keys (``QKeySequence.StandardKey``) where it has them.

Each is an action of the window (``Qt.WindowShortcut``): it works wherever the focus is in the
window and never while a dialog is in front. New is switched off while the workflow editor is
shown: the editor's own New (a shortcut of its page) must be the only one there, as two enabled
shortcuts on one key fire neither."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from app.core.i18n import translate

if TYPE_CHECKING:
    from app.ui.mainwindow import MainWindow

EDITOR = "workflows"  # the page whose own New wins over the window's


def page_keys(row: int) -> QKeySequence:
    """The keys that open the sidebar's ``row`` (from 0): Ctrl+1 for the first."""
    return QKeySequence(f"Ctrl+{row + 1}")


def keys_said(keys: QKeySequence) -> str:
    """The keys as this platform writes them in a menu (“Ctrl+1”, “⌘1”)."""
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def _action(
    window: MainWindow,
    name: str,
    keys: QKeySequence | QKeySequence.StandardKey,
    then: Callable[[], None],
    words: str = "",
) -> QAction:
    action = QAction(window)
    action.setObjectName(name)
    action.setText(words)  # what Help ▸ Keyboard shortcuts lists (``app.ui.help_menu``)
    if isinstance(keys, QKeySequence.StandardKey):
        action.setShortcuts(keys)  # every binding the platform has (Refresh: F5 and Ctrl+R)
    else:
        action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(then)
    window.addAction(action)
    return action


def install(window: MainWindow, names: dict[str, str]) -> None:
    """The window's keys, once its pages are in the sidebar (``MainWindow.open``); ``names``:
    its own pages' names (``mainwindow.nav_labels``), for the tooltips."""
    for row in range(min(9, window.navigation.count())):
        _action(window, f"goToPage{row + 1}", page_keys(row), partial(go_to, window, row))
    keys = QKeySequence.StandardKey
    find = translate("MainWindow", "Find an order")
    _action(window, "findOrders", keys.Find, lambda: find_orders(window), find)
    typed_in = translate("MainWindow", "New order typed in")
    new = _action(window, "newOrderKeys", keys.New, lambda: new_order(window), typed_in)
    again = translate("MainWindow", "Read the page again")
    _action(window, "refreshPage", keys.Refresh, lambda: refresh(window), again)
    window.navigation.currentRowChanged.connect(
        lambda _row: new.setEnabled(window.current_page() != EDITOR)
    )
    new.setEnabled(window.current_page() != EDITOR)
    tooltips(window, names)


def tooltips(window: MainWindow, names: dict[str, str]) -> None:
    """Each sidebar entry says its keys, in the operator's language: by its name in ``names``
    (the inbox's entry also shows its count), else as the entry reads."""
    nav = window.navigation
    for row in range(min(9, nav.count())):
        item = nav.item(row)
        name = names.get(item.data(Qt.ItemDataRole.UserRole), item.text())
        item.setToolTip(
            translate("MainWindow", "Go to {page} ({keys})").format(
                page=name, keys=keys_said(page_keys(row))
            )
        )
        action = window.findChild(QAction, f"goToPage{row + 1}")
        if action is not None:  # its words in Help ▸ Keyboard shortcuts
            action.setText(translate("MainWindow", "Go to {page}").format(page=name))


def go_to(window: MainWindow, row: int) -> None:
    """Open the sidebar's ``row`` and put the keyboard in its page (where Tab and the arrows
    carry on); on the page shown already, the keyboard stays where it is."""
    shown = window.stack.currentWidget()
    window.navigation.setCurrentRow(row)
    page = window.stack.currentWidget()
    focused = QApplication.focusWidget()
    if page is not shown or focused is None or page is None or not page.isAncestorOf(focused):
        enter(page)


def enter(page: QWidget | None) -> None:
    """The keyboard to ``page``: its focus proxy (the inbox's list, the orders' table), else its
    first control that Tab reaches."""
    if page is None:
        return
    if page.focusProxy() is not None:
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    widget: QWidget | None = page.nextInFocusChain()
    while widget is not None and widget is not page:  # the focus chain is a ring: once round
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()


def find_orders(window: MainWindow) -> None:
    """The cursor in the orders' search box, its text selected to type over."""
    window.page("runs")
    search = window.runs.search
    search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    search.selectAll()


def new_order(window: MainWindow) -> None:
    """What the Orders page's “New order” button does (the Shop menu's, ``app.ui.shop_menu``)."""
    shop = getattr(window, "shop", None)  # attached by ``app.ui.main`` after the window is made
    if shop is not None and window.current_page() != EDITOR:
        shop.new_order()


def refresh(window: MainWindow) -> None:
    """Read the page shown again, through its own background loading (never on the GUI
    thread); a page with nothing to read again is left as it is."""
    page = window.stack.currentWidget()
    again = getattr(page, "refresh", None) or getattr(page, "reload", None)
    if callable(again):
        again()
