"""The editor's two menus by keyboard alone, on the real Workflows page with the sample “Order
fulfilment” open: Tab from a setting lands on its “Insert a value” button and Space or Enter
opens its menu, Alt+Down in the box opens it too; arrow keys and Enter choose, the value goes
in at the cursor the box had, and one Ctrl+Z takes it out. On the canvas, Shift+F10 and the
Menu key open the selected step's menu at its box, scrolled into view (nothing without a
selection or with two steps; a connection alone selected, its own menu), and the system's own
menu event (Windows sends one) opens that same menu, once. Screenshots at 1024×700
(``DALOY_SCREENSHOTS=folder``; else the test's temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QContextMenuEvent, QPainter
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QWidget

from tests.ui.editor.test_safe_editing import click_node
from tests.ui.editor.test_value_picker import PLAN, entries, undo_by_keyboard
from tests.ui.test_keyboard import active

ALT, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
SUBJECT = "Order {{ steps.order.output.number }} confirmed"


def key(qtbot, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed as the operator does: to the open menu, else to what has the focus."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, k, modifier)


def arrow_to(qtbot, menu: QMenu, text: str) -> None:
    """Down arrow in ``menu`` until ``text`` is the highlighted entry."""
    for _ in range(len(menu.actions()) + 1):
        if (menu.activeAction() and menu.activeAction().text().split("\t")[0]) == text:
            return
        key(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"no “{text}” in {entries(menu)}")


def choose_by_keys(qtbot, menu: QMenu, *path: str) -> None:
    """Arrows to each entry of ``path``: Right opens a submenu, Enter chooses the last."""
    for i, text in enumerate(path):
        arrow_to(qtbot, menu, text)
        if i == len(path) - 1:
            key(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
            return
        sub = menu.activeAction().menu()
        assert sub is not None, text
        key(qtbot, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda s=sub: QApplication.activePopupWidget() is s, timeout=3000)
        menu = sub


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def beside(menu: QMenu, field: QWidget) -> bool:
    """The menu opens against the field: touching its bottom (or its top, flipped up), and
    across part of it."""
    box, shown = on_screen(field), menu.geometry()
    touching = abs(shown.top() - box.bottom()) <= 8 or abs(shown.bottom() - box.top()) <= 8
    return touching and shown.left() <= box.right() and shown.right() >= box.left()


def room_around(qtbot, window, widget: QWidget) -> None:
    """Move the window so ``widget`` sits near the screen's top left corner: a menu opened at
    it fits where it is asked for (the test screen is 800×800; Qt moves a menu that would
    cross its edge, as on any screen)."""
    at = widget.mapToGlobal(widget.rect().topLeft())
    window.move(
        window.pos()
        - at
        + QApplication.primaryScreen().availableGeometry().topLeft()
        + QPoint(60, 60)
    )
    qtbot.waitUntil(lambda: widget.mapToGlobal(widget.rect().topLeft()).y() < 200, timeout=3000)


def value_menu(qtbot, field: QWidget) -> QMenu:
    """The field's menu of values, open and taking the keys (the arrows go to it)."""
    qtbot.waitUntil(
        lambda: (
            (shown := QApplication.activePopupWidget()) is not None
            and shown.objectName() == "valueMenu"
        ),
        timeout=3000,
    )
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.parentWidget() is field and menu.isVisible()
    return menu


def shoot(window, menu: QMenu | None, path: Path) -> None:
    """The window as the operator sees it, the open menu (a window of its own) over it."""
    shot = window.grab()
    if menu is not None:
        painter = QPainter(shot)
        painter.drawPixmap(menu.pos() - window.pos(), menu.grab())
        painter.end()
    shot.save(str(path))


def test_tab_from_a_setting_reaches_its_button_and_the_value_goes_at_the_boxs_cursor(
    sample_page, qtbot, gui, tmp_path
):
    page = sample_page
    _ctx, window = gui
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1024, 700)
    active(qtbot, window)
    click_node(qtbot, page, "confirm_email")
    subject = page.inspector.editors["subject"][1]
    assert isinstance(subject, QLineEdit) and subject.text() == SUBJECT
    picker = page.inspector.form.pickers["subject"]
    room_around(qtbot, window, subject)
    subject.setFocus()
    qtbot.waitUntil(subject.hasFocus, timeout=3000)
    at = len("Order {{ steps.order.output.number }}")  # before “ confirmed”
    subject.setCursorPosition(at)
    count = page.undo.count()
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is picker.button  # the next stop after its box
    assert picker.action.icon().cacheKey() == picker.focused_glyph.cacheKey()  # it shows
    shoot(window, None, out / "keys-insert-button-focus-1024x700.png")
    key(qtbot, Qt.Key.Key_Space)
    menu = value_menu(qtbot, subject)
    assert beside(menu, subject)
    key(qtbot, Qt.Key.Key_Down)
    shoot(window, menu, out / "keys-insert-menu-1024x700.png")
    choose_by_keys(qtbot, menu, PLAN, "total")
    after = "Order {{ steps.order.output.number }}{{ steps.plan.output.total }} confirmed"
    assert subject.text() == after  # where the cursor was, not at the end
    assert page.doc.workflow.step("confirm_email").config["subject"] == after
    assert page.undo.count() == count + 1
    assert subject.hasFocus()  # back in the box, after the value: typing goes on there
    assert subject.cursorPosition() == at + len("{{ steps.plan.output.total }}")
    # Escape closes the menu and leaves the keyboard on the button; Enter opens it too
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is picker.button
    key(qtbot, Qt.Key.Key_Return)
    menu = value_menu(qtbot, subject)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.button, timeout=3000)
    assert page.undo.count() == count + 1  # nothing chosen, nothing changed
    # then on to the next setting, and Shift+Tab back: the button is one stop between them
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.inspector.editors["text"][1]
    key(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is picker.button
    key(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is subject
    undo_by_keyboard(qtbot, page, gui)
    qtbot.waitUntil(
        lambda: page.doc.workflow.step("confirm_email").config["subject"] == SUBJECT,
        timeout=3000,
    )
    qtbot.waitUntil(lambda: subject.text() == SUBJECT, timeout=3000)


def test_alt_down_in_a_setting_opens_the_menu_there_and_typing_and_value_are_one_edit(
    sample_page, qtbot, gui
):
    page = sample_page
    _ctx, window = gui
    active(qtbot, window)
    click_node(qtbot, page, "confirm_email")
    subject = page.inspector.editors["subject"][1]
    picker = page.inspector.form.pickers["subject"]
    room_around(qtbot, window, subject)
    subject.setFocus()
    qtbot.waitUntil(subject.hasFocus, timeout=3000)
    subject.setCursorPosition(len("Order "))
    qtbot.keyClicks(subject, "no. ")  # typed, not yet committed
    count = page.undo.count()
    key(qtbot, Qt.Key.Key_Down, ALT)
    menu = value_menu(qtbot, subject)
    assert beside(menu, subject)
    assert entries(menu)[0] == "The order"
    choose_by_keys(qtbot, menu, "The order", "number")
    after = "Order no. {{ trigger.order.number }}{{ steps.order.output.number }} confirmed"
    assert subject.text() == after
    assert page.doc.workflow.step("confirm_email").config["subject"] == after
    assert page.undo.count() == count + 1  # the typed words and the value: one edit
    assert subject.hasFocus()
    undo_by_keyboard(qtbot, page, gui)  # one Ctrl+Z takes both out
    qtbot.waitUntil(
        lambda: page.doc.workflow.step("confirm_email").config["subject"] == SUBJECT,
        timeout=3000,
    )
    assert page.undo.count() == count + 1  # undone, not a new edit on top
    assert "(Alt+Down)" in picker.button.toolTip()  # the button says its key


def test_alt_down_opens_the_menu_of_a_multi_line_box(sample_page, qtbot, gui):
    page = sample_page
    _ctx, window = gui
    active(qtbot, window)
    click_node(qtbot, page, "charge")
    body = page.inspector.editors["body"][1]
    assert isinstance(body, QPlainTextEdit)
    old = page.doc.workflow.step("charge").config["body"]
    room_around(qtbot, window, body)
    body.setFocus()
    qtbot.waitUntil(body.hasFocus, timeout=3000)
    key(qtbot, Qt.Key.Key_Down, ALT)
    menu = value_menu(qtbot, body)
    assert menu.geometry().intersects(on_screen(body)) or beside(menu, body)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)
    assert body.hasFocus()  # still in the box, nothing changed
    assert page.doc.workflow.step("charge").config["body"] == old


# -- the step's menu on the canvas ----------------------------------------------------------------
def box_on_screen(page, name: str) -> QRect:
    view = page.view
    rect = view.mapFromScene(page.scene.nodes[name].sceneBoundingRect()).boundingRect()
    return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def step_menu(qtbot, page) -> QMenu | None:
    menus = [m for m in page.findChildren(QMenu, "stepMenu") if m.isVisible()]
    return menus[0] if menus else None


def test_shift_f10_and_the_menu_key_open_the_selected_steps_menu_at_its_box(
    sample_page, qtbot, gui, tmp_path
):
    page = sample_page
    _ctx, window = gui
    window.resize(1024, 700)
    active(qtbot, window)
    room_around(qtbot, window, page.view)
    page.scene.clearSelection()
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus, timeout=3000)
    # nothing selected: the keys do nothing
    key(qtbot, Qt.Key.Key_F10, SHIFT)
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.wait(100)
    assert step_menu(qtbot, page) is None and QApplication.activePopupWidget() is None
    for press, name in (((Qt.Key.Key_F10, SHIFT), "plan"), ((Qt.Key.Key_Menu,), "charge")):
        page.scene.select_only([name])
        key(qtbot, *press)
        qtbot.waitUntil(lambda: step_menu(qtbot, page) is not None, timeout=3000)
        menu = step_menu(qtbot, page)
        words = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert words == ["Change settings", "Rename", "Duplicate step", "Copy", "Delete step"]
        box = box_on_screen(page, name)
        assert (
            page.view.viewport()
            .rect()
            .intersects(
                page.view.mapFromScene(page.scene.nodes[name].sceneBoundingRect()).boundingRect()
            )
        )  # scrolled into view when it was not
        # at the box's lower left end, not wherever the mouse is
        corner = menu.geometry().topLeft()
        assert abs(corner.y() - box.bottom()) <= 8, (corner, box)
        assert box.left() <= corner.x() <= box.left() + 40, (corner, box)
        shoot(
            window,
            menu,
            Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path) / f"keys-step-menu-{name}.png",
        )
        key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda m=menu: not m.isVisible(), timeout=3000)
    # the menu acts on the selected step: Duplicate by keys alone
    page.scene.select_only(["plan"])
    page.view.setFocus()
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: step_menu(qtbot, page) is not None, timeout=3000)
    before = page.doc.workflow.step_names()
    choose_by_keys(qtbot, step_menu(qtbot, page), "Duplicate step")
    assert page.doc.workflow.step_names() == [*before, "plan_2"]
    # and with nothing selected again, nothing
    page.scene.clearSelection()
    page.view.setFocus()
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.wait(100)
    assert step_menu(qtbot, page) is None and QApplication.activePopupWidget() is None


def test_the_systems_menu_event_opens_the_selected_steps_menu_once_and_a_connection_its_own(
    sample_page, qtbot, gui
):
    """Windows sends a menu event of its own for the Menu key and Shift+F10, aimed at the
    canvas's middle: the menu is still the selected step's, at its box, and only one opens."""
    page = sample_page
    _ctx, window = gui
    window.resize(1024, 700)
    active(qtbot, window)
    room_around(qtbot, window, page.view)
    view = page.view
    page.scene.select_only(["plan"])
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=3000)
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: step_menu(qtbot, page) is not None, timeout=3000)
    middle = view.viewport().rect().center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, middle, view.viewport().mapToGlobal(middle)
        ),
    )
    qtbot.wait(100)
    assert len([m for m in page.findChildren(QMenu) if m.isVisible()]) == 1
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    # the system's event alone, the selected step far from the middle of the canvas
    far = next(
        n
        for n, node in page.scene.nodes.items()
        if not node.sceneBoundingRect().contains(view.mapToScene(middle))
        and not view.viewport()
        .rect()
        .contains(view.mapFromScene(node.sceneBoundingRect().center()))
    )  # off the canvas's view: scrolled to
    page.scene.select_only([far])
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, middle, view.viewport().mapToGlobal(middle)
        ),
    )
    qtbot.waitUntil(lambda: step_menu(qtbot, page) is not None, timeout=3000)
    assert [getattr(i, "name", None) for i in page.scene.selectedItems()] == [far]
    corner, box = step_menu(qtbot, page).geometry().topLeft(), box_on_screen(page, far)
    assert abs(corner.y() - box.bottom()) <= 8 and box.left() <= corner.x() <= box.left() + 40
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    # two steps selected: no menu (it acts on one step)
    page.scene.select_only(["plan", "charge"])
    key(qtbot, Qt.Key.Key_Menu)
    qtbot.wait(100)
    assert QApplication.activePopupWidget() is None
    # a connection alone selected: its own menu (Delete), at its middle
    edge, item = next(iter(page.scene.edges.items()))
    page.scene.clearSelection()
    item.setSelected(True)
    key(qtbot, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.activePopupWidget(), QMenu)
            and QApplication.activePopupWidget().objectName() == "connectionMenu"
        ),
        timeout=3000,
    )
    menu = QApplication.activePopupWidget()
    middle = view.mapFromScene(item.mapToScene(item.path().pointAtPercent(0.5)))
    at = view.viewport().mapToGlobal(middle)
    assert (menu.geometry().topLeft() - at).manhattanLength() <= 4
    choose_by_keys(qtbot, menu, "Delete")
    assert edge not in page.doc.workflow.edges
