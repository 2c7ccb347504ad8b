"""“Insert a value” beside templated settings, driven through the real Workflows page with the
sample “Order fulfilment” open: the button beside a step's setting and beside the workflow's
Order key and Order total opens a menu of the values there, in words, grouped by where they
come from; choosing one puts its template at the cursor as one undo step; a setting holding one
value says it in words under its box. Screenshots of the inspector at 1024×700 in English and
Filipino (``DALOY_SCREENSHOTS=folder``; else the test's temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QPlainTextEdit, QToolButton

from app.core.model import Workflow
from app.ui import language
from app.ui.editor.value_picker import in_words, parts
from tests.ui.editor.test_editor import drop
from tests.ui.editor.test_filipino_editor import in_filipino  # noqa: F401 - a fixture
from tests.ui.editor.test_order_total_field import panel_of
from tests.ui.editor.test_safe_editing import click_node
from tests.ui.test_small_screens import clipped

PLAN = "Decide what ships now and what later"


def open_values(qtbot, field: QLineEdit | QPlainTextEdit) -> QMenu:
    """Click the “Insert a value” button beside ``field`` (a real click) and wait for its menu."""
    button = field.parentWidget().findChild(QToolButton, f"{field.objectName()}_insert")
    assert button is not None and button.isVisible(), field.objectName()
    assert button.toolTip().startswith(("Insert a value", "Maglagay ng detalye"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    menu = field.parentWidget().findChild(QMenu, "valueMenu")
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    return menu


def entries(menu: QMenu) -> list[str]:
    """The menu's words (without the sample order's value beside an entry)."""
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def submenu(qtbot, menu: QMenu, text: str) -> QMenu:
    """Click the entry ``text`` of ``menu`` that opens a submenu, and wait for it."""
    action = next(a for a in menu.actions() if a.text().split("\t")[0] == text)
    assert action.menu() is not None, text
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(action.menu().isVisible, timeout=3000)
    return action.menu()


def choose(qtbot, menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().split("\t")[0] == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)


def undo_by_keyboard(qtbot, page, gui) -> None:
    """One Ctrl+Z, pressed on the canvas (in a box, Ctrl+Z is the box's own)."""
    _ctx, window = gui
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts go to the active window
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_steps_setting_takes_an_earlier_steps_value_at_the_cursor_in_one_undo(
    sample_page, qtbot, gui
):
    page = sample_page
    click_node(qtbot, page, "confirm_email")
    subject = page.inspector.editors["subject"][1]
    before = page.doc.workflow.step("confirm_email").config["subject"]
    assert before == "Order {{ steps.order.output.number }} confirmed"
    subject.setFocus()
    qtbot.keyClick(subject, Qt.Key.Key_End)
    qtbot.keyClicks(subject, ", total ")  # typed, not yet committed: the insert commits both
    menu = open_values(qtbot, subject)
    top = entries(menu)
    # the order first, then each earlier step by its title; no later step, not the step itself
    assert top[0] == "The order" and "From the steps before it" in top
    assert "Read the order" in top and PLAN in top and "Shop settings" in top
    assert "Email the customer what ships now and later" not in top
    assert "Start the backorder for the rest" not in top
    plan = submenu(qtbot, menu, PLAN)
    assert entries(plan)[0] == "All of its result"
    assert {"now", "later", "total"} <= set(entries(plan))
    count = page.undo.count()
    choose(qtbot, plan, "total")
    after = "Order {{ steps.order.output.number }} confirmed, total {{ steps.plan.output.total }}"
    assert subject.text() == after
    assert page.doc.workflow.step("confirm_email").config["subject"] == after
    assert page.undo.count() == count + 1  # the typed words and the value: one edit
    assert subject.hasFocus()  # the operator goes on typing where the value ends
    assert subject.cursorPosition() == len(after)
    undo_by_keyboard(qtbot, page, gui)
    qtbot.waitUntil(
        lambda: page.doc.workflow.step("confirm_email").config["subject"] == before, timeout=3000
    )
    qtbot.waitUntil(lambda: subject.text() == before, timeout=3000)
    assert page.undo.count() == count + 1  # undone, not a new edit on top


def test_the_email_to_says_its_value_in_words_and_takes_the_orders_email(sample_page, qtbot):
    page = sample_page
    click_node(qtbot, page, "confirm_email")
    to = page.inspector.editors["to"][1]
    words = page.inspector.widget().findChild(QLabel, "field_to_words")
    assert to.text() == "{{ steps.order.output.customer.email }}"
    assert words.isVisible()
    assert words.text() == "From “Read the order”: customer › email"
    # the body is a whole letter, not one value: nothing said under it
    body = page.inspector.widget().findChild(QLabel, "field_text_words")
    assert body is not None and not body.isVisible()
    # the operator's choice replaces what is selected
    to.setFocus()
    to.selectAll()
    menu = open_values(qtbot, to)
    order = submenu(qtbot, menu, "The order")
    assert entries(order)[:1] == ["The whole order"]
    assert {"number", "customer", "items ordered", "total", "currency"} <= set(entries(order))
    # beside each of the order's values, what the sample order holds there
    said = {a.text() for a in order.actions()}
    assert "number\t1042" in said and "total\t3270" in said and "currency\tPHP" in said
    customer = submenu(qtbot, order, "customer")
    assert entries(customer) == ["All of it", "name", "email"]
    assert [a.text() for a in customer.actions()][-1] == "email\tnena@example.com"
    choose(qtbot, customer, "email")
    assert page.doc.workflow.step("confirm_email").config["to"] == (
        "{{ trigger.order.customer.email }}"
    )
    qtbot.waitUntil(lambda: words.text() == "From the order: customer › email", timeout=3000)
    # typed text around the value: no longer one value, nothing said
    to.setFocus()
    qtbot.keyClick(to, Qt.Key.Key_End)
    qtbot.keyClicks(to, " and more")
    assert not words.isVisible()


def test_a_value_inserted_into_json_settings_is_quoted_when_outside_quotes(sample_page, qtbot):
    """The charge's body is JSON: at its end (outside any quotes) the value comes with quotes
    of its own, so the JSON stays readable; the body keeps everything it had."""
    page = sample_page
    click_node(qtbot, page, "charge")
    body = page.inspector.editors["body"][1]
    assert isinstance(body, QPlainTextEdit)
    old = page.doc.workflow.step("charge").config["body"]
    body.setFocus()
    text = body.toPlainText()
    cursor = body.textCursor()
    cursor.setPosition(text.rindex("}"))  # before the closing brace
    body.setTextCursor(cursor)
    qtbot.keyClicks(body, ', "note": ')
    count = page.undo.count()
    menu = open_values(qtbot, body)
    choose(qtbot, submenu(qtbot, menu, PLAN), "later")
    assert page.doc.workflow.step("charge").config["body"] == {
        **old,
        "note": "{{ steps.plan.output.later }}",
    }
    assert page.undo.count() == count + 1
    page.undo.undo()
    assert page.doc.workflow.step("charge").config["body"] == old


def test_the_order_key_takes_the_orders_values_only_and_one_undo_puts_it_back(
    sample_page, qtbot, gui
):
    page = sample_page
    panel = panel_of(page, qtbot)
    key = panel.findChild(QLineEdit, "businessKey")
    words = panel.findChild(QLabel, "businessKey_words")
    assert key.text() == "{{ trigger.order.number }}"
    assert words.isVisible() and words.text() == "From the order: number"
    count = page.undo.count()
    menu = open_values(qtbot, key)
    # the key is worked out as the order arrives: no step has run yet
    assert entries(menu) == ["The order"]
    order = submenu(qtbot, menu, "The order")
    choose(qtbot, order, "currency")
    # the box was not being edited: the value goes at its end
    assert (
        page.doc.workflow.business_key == "{{ trigger.order.number }}{{ trigger.order.currency }}"
    )
    assert page.undo.count() == count + 1
    assert not words.isVisible()
    undo_by_keyboard(qtbot, page, gui)
    qtbot.waitUntil(
        lambda: page.doc.workflow.business_key == "{{ trigger.order.number }}", timeout=3000
    )
    qtbot.waitUntil(lambda: key.text() == "{{ trigger.order.number }}", timeout=3000)
    assert words.isVisible() and words.text() == "From the order: number"


def test_the_order_total_offers_every_step_and_says_its_step_by_title(sample_page, qtbot):
    page = sample_page
    panel = panel_of(page, qtbot)
    total = panel.findChild(QLineEdit, "orderTotal")
    words = panel.findChild(QLabel, "orderTotal_words")
    assert words.isVisible() and words.text() == f"From “{PLAN}”: total"
    total.setFocus()
    total.selectAll()
    menu = open_values(qtbot, total)
    top = entries(menu)
    assert top[:2] == ["The order", "From the steps"]
    assert "Charge the customer for what ships now" in top  # a step late in the workflow too
    # two steps of one title are told apart by their names in templates
    assert "Did the customer give an email address? (has_email)" in top
    assert "Did the customer give an email address? (cancel_has_email)" in top
    count = page.undo.count()
    choose(qtbot, submenu(qtbot, menu, "Check stock, line by line"), "total of what is ready")
    assert page.doc.workflow.order_total == "{{ steps.check_stock.output.ready_total }}"
    assert page.undo.count() == count + 1
    qtbot.waitUntil(
        lambda: words.text() == "From “Check stock, line by line”: total of what is ready",
        timeout=3000,
    )
    page.undo.undo()
    assert page.doc.workflow.order_total == "{{ steps.plan.output.total }}"


def test_a_step_with_nothing_before_it_and_no_sample_says_so(sample_page, qtbot):
    page = sample_page
    page.open(Workflow("Blank"))
    drop(page, "send_email", QPointF(0, 0))
    to = page.inspector.editors["to"][1]
    menu = open_values(qtbot, to)
    assert entries(menu) == ["The order"]  # without a sample order: the whole order only
    order = submenu(qtbot, menu, "The order")
    assert entries(order) == ["The whole order"]
    menu.close()


def test_one_value_in_words():
    titles = {"plan": PLAN}
    assert in_words("{{ trigger.order.number }}", titles) == "From the order: number"
    assert in_words(" {{trigger.number}} ", titles) == "From the order: number"
    assert in_words("{{ trigger.order }}", titles) == "From the order: all of it"
    assert in_words("{{ steps.plan.output.total }}", titles) == f"From “{PLAN}”: total"
    assert in_words("{{ steps.plan.output }}", titles) == f"From “{PLAN}”: all of it"
    assert in_words("{{ steps.ask.output['values'].product }}", titles) == (
        "From “ask”: answers › product"
    )
    assert in_words("{{ trigger.order.lines[0].sku }}", titles) == (
        "From the order: items ordered › item 1 › product code"
    )
    for not_one in (
        "Order {{ trigger.order.number }}",
        "{{ trigger.order.number }}-{{ trigger.order.total }}",
        "{{ steps.plan.output.total | round }}",
        "{{ steps.plan.port }}",
        "{{ trigger.order.number",
        "{% if x %}{{ trigger.order.number }}{% endif %}",
        "plain words",
    ):
        assert in_words(not_one, titles) == "", not_one
    assert parts("{{ steps['plan'].output.total }}") == ["steps", "plan", "output", "total"]


def shoot_inspector(page, qtbot, gui, tmp_path, name: str) -> list[str]:
    """The inspector at 1024×700 with the email step, then the workflow's settings, each with
    a menu open: the PNGs saved, and whatever is cut off."""
    _ctx, window = gui
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() <= 700, timeout=5000)
    found: list[str] = []
    click_node(qtbot, page, "confirm_email")
    qtbot.wait(300)
    QApplication.processEvents()
    page.inspector.grab().save(str(out / f"{name}-values-step-1024x700.png"))
    window.grab().save(str(out / f"{name}-values-window-1024x700.png"))
    found += clipped(window, page)
    inspector = page.inspector
    seen = inspector.viewport().width()
    for field_name, picker in inspector.form.pickers.items():
        right = picker.button.mapTo(inspector.widget(), picker.button.rect().topRight()).x()
        if right >= seen:
            found.append(f"the button of “{field_name}” is cut off ({right} ≥ {seen})")
    panel = panel_of(page, qtbot)
    qtbot.wait(300)
    QApplication.processEvents()
    inspector.grab().save(str(out / f"{name}-values-workflow-1024x700.png"))
    found += clipped(window, page)
    for field in (panel.key_field, panel.total_field):
        right = field.button.mapTo(panel, field.button.rect().topRight()).x()
        if right >= inspector.viewport().width():
            found.append(f"the button of “{field.editor.objectName()}” is cut off")
        if field.words.isVisible() and field.words.height() < field.words.heightForWidth(
            field.words.width()
        ):
            found.append(f"the words under “{field.editor.objectName()}” are cut")
    total = panel.findChild(QLineEdit, "orderTotal")
    menu = open_values(qtbot, total)
    plan = next(a for a in menu.actions() if a.menu() is not None and a.text() != "The order")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(plan).center())
    qtbot.waitUntil(plan.menu().isVisible, timeout=3000)
    qtbot.wait(200)
    menu.grab().save(str(out / f"{name}-values-menu.png"))
    plan.menu().grab().save(str(out / f"{name}-values-submenu.png"))
    screen = QApplication.primaryScreen().availableGeometry()
    for shown in (menu, plan.menu()):
        if shown.width() > screen.width():
            found.append(f"a menu is wider than the screen ({shown.width()} px)")
    menu.close()
    return found


def test_the_inspector_fits_at_1024_in_english(sample_page, qtbot, gui, tmp_path):
    assert shoot_inspector(sample_page, qtbot, gui, tmp_path, "en") == []


def test_the_inspector_fits_at_1024_in_filipino(in_filipino, sample_page, gui, qtbot, tmp_path):  # noqa: F811
    assert language.current().apply(language.FILIPINO)
    page = sample_page
    found = shoot_inspector(page, qtbot, gui, tmp_path, "fil")
    assert found == []
    click_node(qtbot, page, "confirm_email")
    words = page.inspector.widget().findChild(QLabel, "field_to_words")
    assert words.text() == "Mula sa “Read the order”: customer › email"
