"""Issue 12, the editor: driven through the real widgets with mouse and keyboard input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
)

from app.core.model import Step, Workflow
from tests.ui.editor.test_editor import drop


@pytest.fixture
def page(sample_page):
    return sample_page


def answer_dialog(qtbot, button: str, done: list | None = None, typed: str | None = None) -> None:
    """Answer the next modal dialog by clicking ``button`` (after typing ``typed`` into its
    text box): modal dialogs run their own event loop, so this waits for one from a timer."""
    tries = [0]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            tries[0] += 1
            if tries[0] < 250:  # about five seconds, then the test's wait fails
                QTimer.singleShot(20, look)
            return
        if typed is not None:
            edit = box.findChild(QLineEdit)
            edit.selectAll()
            qtbot.keyClicks(edit, typed)
        labels = {b.text().replace("&", ""): b for b in box.findChildren(QPushButton)}
        if button not in labels:
            box.reject()  # closed, or the test would wait on it for ever; pytest-qt fails it
            raise AssertionError(f"no button {button!r} in {box.windowTitle()!r}: {list(labels)}")
        target = labels[button]
        if done is not None:
            done.append(box.windowTitle())
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, look)


def click_node(qtbot, page, name: str) -> None:
    node = page.scene.nodes[name]
    page.view.centerOn(node)
    pos = page.view.mapFromScene(node.sceneBoundingRect().center() - QPointF(40, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: page.inspector.step_name == name, timeout=3000)


def click_empty(qtbot, page) -> None:
    empty = page.view.mapFromScene(page.scene.itemsBoundingRect().bottomRight() + QPointF(60, 60))
    page.view.centerOn(page.scene.itemsBoundingRect().bottomRight())
    empty = page.view.mapFromScene(page.scene.itemsBoundingRect().bottomRight() + QPointF(60, 60))
    assert page.view.itemAt(empty) is None
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=empty)


def press(qtbot, page, action_name: str) -> None:
    """Click the toolbar button of an action (a real mouse click)."""
    toolbar = page.findChild(QToolBar)
    action = next(a for a in toolbar.actions() if a.objectName() == action_name)
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


# -- the inspector follows the document -----------------------------------------------------------
def test_undo_keeps_the_inspector_in_sync(page, qtbot):
    click_node(qtbot, page, "charge")
    url = page.inspector.editors["url"][1]
    method = page.inspector.editors["method"][1]
    before = url.text()
    type_into(qtbot, url, "https://pay.example/charges")
    assert page.doc.workflow.step("charge").config["url"] == "https://pay.example/charges"
    press(qtbot, page, "undo")
    assert url.text() == before  # the inspector shows the old value
    assert page.doc.workflow.step("charge").config["url"] == before
    method.setFocus()
    qtbot.keyClicks(method, "PUT")  # a combo box: typing picks PUT
    qtbot.waitUntil(lambda: page.doc.workflow.step("charge").config["method"] == "PUT")
    assert page.doc.workflow.step("charge").config["url"] == before  # the undone edit stays undone
    assert url.text() == before


def test_title_edit_and_undo_redo_by_keyboard(page, qtbot, gui):
    _ctx, window = gui
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts go to the active window
    click_node(qtbot, page, "charge")
    title = page.inspector.title
    original = title.text()
    type_into(qtbot, title, "Take payment")
    assert page.doc.workflow.step("charge").title == "Take payment"
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.doc.workflow.step("charge").title == original)
    assert title.text() == original
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: title.text() == "Take payment")


# -- renaming a step --------------------------------------------------------------------------
def test_rename_a_step_rewrites_references_and_undo_restores(page, qtbot):
    start = page.doc.workflow.to_json()
    click_node(qtbot, page, "settings")
    name = page.inspector.findChild(QLineEdit, "stepName")
    assert name.text() == "settings"
    type_into(qtbot, name, "shop")
    wf = page.doc.workflow
    assert wf.step("shop") is not None and wf.step("settings") is None
    assert "steps.shop.output.gateway" in wf.step("charge").config["url"]
    assert "steps.settings" not in wf.to_json()
    assert page.undo.count() == 1 and page.inspector.step_name == "shop"
    assert "shop" in page.scene.nodes and page.scene.nodes["shop"].isSelected()
    press(qtbot, page, "undo")
    assert page.doc.workflow.to_json() == start
    assert page.inspector.findChild(QLineEdit, "stepName").text() == "settings"


def test_a_name_that_cannot_be_used_is_refused_in_words(page, qtbot):
    click_node(qtbot, page, "settings")
    name = page.inspector.findChild(QLineEdit, "stepName")
    type_into(qtbot, name, "charge")
    assert "already called" in page.status.text()
    assert page.doc.workflow.step("settings") is not None and name.text() == "settings"
    assert page.undo.count() == 0


# -- the workflow's own settings: triggers, business key, sample order ------------------------
def test_trigger_editing_through_the_form(page, qtbot):
    click_empty(qtbot, page)
    qtbot.waitUntil(lambda: page.workflow_panel is not None, timeout=3000)
    panel = page.workflow_panel
    kinds = panel.findChild(QComboBox, "newTriggerType")
    kinds.setCurrentIndex(kinds.findData("schedule"))
    qtbot.mouseClick(panel.findChild(QPushButton, "addTrigger"), Qt.MouseButton.LeftButton)
    wf = page.doc.workflow
    assert [(t.id, t.type) for t in wf.triggers] == [("manual", "manual"), ("schedule", "schedule")]
    assert any("Cron" in str(p) for p in page.check(wf))  # required, still empty
    row = page.workflow_panel.findChild(object, "trigger_1")
    cron = row.findChild(QLineEdit, "trigger_cron")
    type_into(qtbot, cron, "0 8 * * 1-5")
    assert wf.triggers[1].config["cron"] == "0 8 * * 1-5"
    enabled = row.findChild(object, "triggerEnabled")
    qtbot.mouseClick(enabled, Qt.MouseButton.LeftButton, pos=QPoint(5, enabled.height() // 2))
    assert wf.triggers[1].enabled is False
    assert not [p for p in page.check(wf) if "trigger" in str(p).lower()]
    press(qtbot, page, "undo")
    assert page.doc.workflow.triggers[1].enabled is True
    assert (
        page.workflow_panel.findChild(object, "trigger_1")
        .findChild(object, "triggerEnabled")
        .isChecked()
    )
    press(qtbot, page, "undo")
    press(qtbot, page, "undo")
    assert [t.id for t in page.doc.workflow.triggers] == ["manual"]
    assert [r.type for r in page.workflow_panel.rows] == ["manual"]


def test_business_key_and_sample_order(page, qtbot):
    click_empty(qtbot, page)
    qtbot.waitUntil(lambda: page.workflow_panel is not None, timeout=3000)
    key = page.workflow_panel.findChild(QLineEdit, "businessKey")
    assert key.text() == "{{ trigger.order.number }}"
    type_into(qtbot, key, "{{ trigger.order.id }}")
    assert page.doc.workflow.business_key == "{{ trigger.order.id }}"
    sample = page.workflow_panel.findChild(QPlainTextEdit, "sampleOrder")
    sample.setFocus()
    sample.selectAll()
    qtbot.keyClicks(sample, '{"order": {"id": "T-1", "lines": []}}')
    key.setFocus()  # leaving the box keeps the edit
    qtbot.waitUntil(
        lambda: page.doc.workflow.extra["sample_input"] == {"order": {"id": "T-1", "lines": []}}
    )
    sample.setFocus()
    qtbot.keyClicks(sample, "{ not json")
    key.setFocus()
    problem = page.workflow_panel.findChild(object, "workflowPanelProblem")
    qtbot.waitUntil(lambda: "not valid JSON" in problem.text())
    assert page.doc.workflow.extra["sample_input"] == {"order": {"id": "T-1", "lines": []}}
    assert page.undo.count() == 2


# -- the canvas -------------------------------------------------------------------------------
def test_canvas_opens_fitted_and_moves_around(page, qtbot):
    from app.ui.editor.canvas import READABLE

    view = page.view
    steps = QRectF()
    for node in page.scene.nodes.values():
        steps = steps.united(node.sceneBoundingRect())
    # The sample is wider than this canvas at a readable size: it opens readable, at its start
    # (the steps left of the canvas's right edge are on screen), not shrunk until no title reads.
    visible = view.visible_scene_rect()
    assert view.scale_now() == pytest.approx(READABLE)
    first = min(page.scene.nodes.values(), key=lambda n: n.sceneBoundingRect().left())
    assert visible.contains(first.sceneBoundingRect()), first.name
    assert visible.left() <= steps.left() and visible.width() < steps.width()
    # Fit shows it whole, and a window big enough shows it whole at a readable size too
    press(qtbot, page, "fitView")
    visible = view.visible_scene_rect()
    for node in page.scene.nodes.values():
        assert visible.contains(node.sceneBoundingRect()), node.name
    assert (
        view.scale_now() == 1.0
        or visible.width() < steps.width() * 1.35
        or visible.height() < steps.height() * 1.35
    )
    view.fit(readable=True)
    view.resize(int(steps.width() * 0.8) + 80, int(steps.height() * 0.8) + 80)
    qtbot.waitUntil(lambda: view.scale_now() > READABLE, timeout=5000)
    visible = view.visible_scene_rect()
    assert all(visible.contains(n.sceneBoundingRect()) for n in page.scene.nodes.values())
    view.fit()
    # drag on empty canvas pans
    spot = view.mapFromScene(page.scene.itemsBoundingRect().bottomLeft() + QPointF(-20, 15))
    assert view.itemAt(spot) is None
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseMove(view.viewport(), pos=spot + QPoint(40, 20))
    qtbot.mouseMove(view.viewport(), pos=spot + QPoint(80, 40))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=spot + QPoint(80, 40))
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() < before.x() and after.y() < before.y()
    # Ctrl+wheel zooms, the plain wheel scrolls
    scale = view.scale_now()
    wheel(view, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_now() > scale
    centre = view.mapToScene(view.viewport().rect().center())
    wheel(view, -120, Qt.KeyboardModifier.NoModifier)
    assert view.mapToScene(view.viewport().rect().center()).y() > centre.y()
    # Fit shows every step again
    press(qtbot, page, "fitView")
    visible = view.visible_scene_rect()
    assert all(visible.contains(n.sceneBoundingRect()) for n in page.scene.nodes.values())


def wheel(view, delta: int, mods: Qt.KeyboardModifier) -> None:
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        pos,
        view.viewport().mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


@pytest.mark.parametrize("space", [False, True], ids=["middle button", "space and drag"])
def test_pan_over_a_step_without_moving_it(page, qtbot, space):
    view = page.view
    node = page.scene.nodes["charge"]
    where = page.doc.workflow.step("charge").position
    spot = view.mapFromScene(node.sceneBoundingRect().center())
    before = view.mapToScene(view.viewport().rect().center())
    button = Qt.MouseButton.LeftButton if space else Qt.MouseButton.MiddleButton
    view.setFocus()
    if space:
        qtbot.keyPress(view, Qt.Key.Key_Space)
    qtbot.mousePress(view.viewport(), button, pos=spot)
    qtbot.mouseMove(view.viewport(), pos=spot + QPoint(60, 50))
    qtbot.mouseRelease(view.viewport(), button, pos=spot + QPoint(60, 50))
    if space:
        qtbot.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() < before.x() and after.y() < before.y()
    assert page.doc.workflow.step("charge").position == where and page.undo.count() == 0


def test_new_and_pasted_steps_are_selected_and_cover_nothing(page, qtbot):
    page.open(Workflow("Blank"))
    hint = page.view.hint
    assert hint.isVisible() and "Drag a step" in hint.text()
    drop(page, "transform", QPointF(0, 0))
    assert not hint.isVisible()
    drop(page, "transform", QPointF(10, 10))  # dropped on top of the first one
    first, second = page.scene.nodes["transform"], page.scene.nodes["transform_2"]
    assert second.isSelected() and not first.isSelected()
    assert not first.sceneBoundingRect().intersects(second.sceneBoundingRect())
    page.scene.select_only(["transform", "transform_2"])
    page.copy()
    page.paste()
    pasted = [page.scene.nodes[n] for n in page.doc.workflow.step_names()[2:]]
    assert len(pasted) == 2
    assert all(n.isSelected() for n in pasted) and not first.isSelected()
    rects = [n.sceneBoundingRect() for n in page.scene.nodes.values()]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


# -- no traps ---------------------------------------------------------------------------------
def make_edit(page) -> None:
    page._edited("charge", page.doc.workflow.step("charge").config, "Take payment", {})
    assert page.dirty()


def pick(qtbot, page, name: str) -> None:
    lst = page.list
    item = next(
        lst.item(i)
        for i in range(lst.count())
        if lst.item(i).data(Qt.ItemDataRole.UserRole) == name
    )
    qtbot.mouseClick(
        lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(item).center()
    )


def second_workflow(page, qtbot, gui) -> None:
    ctx, _w = gui
    from app.store import workflows

    with ctx.db.write() as s:
        workflows.save(s, Workflow("Returns", [Step("note", "transform", {"values": {}})]))
    page.refresh()
    qtbot.waitUntil(lambda: "Returns" in page.rows, timeout=5000)


def test_switching_workflow_with_unsaved_edits_asks(page, qtbot, gui):
    second_workflow(page, qtbot, gui)
    make_edit(page)
    asked: list = []
    answer_dialog(qtbot, "Cancel", asked)
    pick(qtbot, page, "Returns")
    qtbot.waitUntil(lambda: asked == ["Unsaved changes"], timeout=5000)
    assert page.current == "Order fulfilment" and page.dirty()
    assert page.list.currentItem().data(Qt.ItemDataRole.UserRole) == "Order fulfilment"
    answer_dialog(qtbot, "Save", asked)
    pick(qtbot, page, "Returns")
    qtbot.waitUntil(lambda: page.current == "Returns", timeout=5000)
    ctx, _w = gui
    from app.store import drafts, workflows

    with ctx.db.read() as s:  # saved as the draft; the live one as it was
        assert drafts.load_draft(s, "Order fulfilment").step("charge").title == "Take payment"
        assert workflows.load(s, "Order fulfilment")[2].step("charge").title != "Take payment"
    make_edit_returns(page)
    answer_dialog(qtbot, "Discard changes", asked)
    pick(qtbot, page, "Order fulfilment")
    qtbot.waitUntil(lambda: page.current == "Order fulfilment", timeout=5000)
    assert len(asked) == 3 and not page.dirty()


def make_edit_returns(page) -> None:
    page._edited("note", {"values": {"a": 1}}, "", {})
    assert page.dirty()


def test_new_asks_first_and_the_other_workflows_stay_reachable(page, qtbot):
    make_edit(page)
    asked: list = []
    answer_dialog(qtbot, "OK", typed="Returns desk")  # the name of the new workflow
    answer_dialog_later(qtbot, "Discard changes", asked)
    press(qtbot, page, "newWorkflow")
    qtbot.waitUntil(lambda: page.current == "Returns desk", timeout=5000)
    assert asked == ["Unsaved changes"]
    assert page.list.currentItem().text().startswith("Returns desk\nnot saved yet")
    drop(page, "transform", QPointF(0, 0))
    answer_dialog(qtbot, "Cancel", asked)
    pick(qtbot, page, "Order fulfilment")
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)
    assert page.current == "Returns desk"
    answer_dialog(qtbot, "Discard changes", asked)
    pick(qtbot, page, "Order fulfilment")
    qtbot.waitUntil(lambda: page.current == "Order fulfilment", timeout=5000)
    assert page.doc.workflow.step("charge").title != "Take payment"  # discarded


def answer_dialog_later(qtbot, button: str, done: list) -> None:
    """The second of two dialogs in a row: wait until the first is gone."""

    def start() -> None:
        if isinstance(QApplication.activeModalWidget(), QInputDialog):
            QTimer.singleShot(20, start)
            return
        answer_dialog(qtbot, button, done)

    QTimer.singleShot(50, start)


def test_quitting_with_unsaved_edits_asks(page, qtbot, gui):
    _ctx, window = gui
    make_edit(page)
    quits: list[int] = []
    quit_fn: Callable[[], None] = lambda: quits.append(1)  # noqa: E731
    asked: list = []
    answer_dialog(qtbot, "Cancel", asked)
    window.page("inbox")
    window.ask_before_quit(quit_fn)
    assert asked == ["Unsaved changes"] and quits == []
    assert window.stack.currentWidget() is page  # shown what the question is about
    answer_dialog(qtbot, "Discard changes", asked)
    window.ask_before_quit(quit_fn)
    assert quits == [1]


def test_nothing_important_behind_the_toolbar_overflow(page, qtbot, gui):
    _ctx, window = gui
    toolbar = page.findChild(QToolBar)
    important = {
        "newWorkflow",
        "saveWorkflow",
        "publishWorkflow",
        "switchWorkflow",
        "practiceRun",
        "undo",
        "redo",
        "autoLayout",
        "fitView",
    }
    for width, height in ((1366, 768), (1024, 700)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=3000)
        QApplication.processEvents()
        for action in toolbar.actions():
            if action.objectName() in important:
                button = toolbar.widgetForAction(action)
                assert button.isVisible(), (width, action.text())
                assert toolbar.rect().contains(button.geometry()), (width, action.text())
        more = toolbar.findChild(object, "moreButton")
        assert more.isVisible() and toolbar.rect().contains(more.geometry())
    switch = next(a for a in toolbar.actions() if a.objectName() == "switchWorkflow")
    assert switch.text() in ("Taking orders", "Switched off") and switch.isEnabled()


def test_switching_off_is_visible_and_confirmed(page, qtbot, gui):
    second_workflow(page, qtbot, gui)  # saved without problems: switched on
    pick(qtbot, page, "Returns")
    qtbot.waitUntil(lambda: page.current == "Returns", timeout=5000)
    toolbar = page.findChild(QToolBar)
    switch = next(a for a in toolbar.actions() if a.objectName() == "switchWorkflow")
    qtbot.waitUntil(lambda: switch.text() == "Taking orders", timeout=5000)
    asked: list = []
    answer_dialog(qtbot, "Keep it on", asked)  # changed their mind: stays on
    press(qtbot, page, "switchWorkflow")
    assert asked == ["Switch off?"] and switch.isChecked() and switch.text() == "Taking orders"
    answer_dialog(qtbot, "Switch it off", asked)
    press(qtbot, page, "switchWorkflow")
    qtbot.waitUntil(lambda: switch.text() == "Switched off", timeout=5000)
    assert not switch.isChecked() and not page.rows["Returns"]["enabled"]
    assert "off" in page.list.currentItem().text()
    press(qtbot, page, "switchWorkflow")  # switching on asks nothing
    qtbot.waitUntil(lambda: switch.text() == "Taking orders", timeout=5000)
    assert len(asked) == 2


def test_a_workflow_without_triggers_says_how_orders_arrive(page, qtbot):
    page.open(Workflow("Returns desk"))
    panel = page.workflow_panel
    assert panel is not None and panel.placeholder is not None
    assert "None yet" in panel.placeholder.text() and panel.placeholder.isVisible()
    qtbot.mouseClick(panel.findChild(QPushButton, "addTrigger"), Qt.MouseButton.LeftButton)
    assert len(page.doc.workflow.triggers) == 1 and not page.workflow_panel.placeholder


def test_a_long_description_is_shown_from_its_start(page):
    """The sample's description is longer than its box: the box shows its beginning, not its
    last words."""
    box = page.findChild(QLineEdit, "workflowDescription")
    assert box.text() == page.doc.workflow.description
    assert box.fontMetrics().horizontalAdvance(box.text()) > box.width()
    assert box.cursorPosition() == 0
