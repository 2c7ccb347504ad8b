"""The step editor driven through real widgets: drop, connect by mouse, edit, undo, redo."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.exceptions import TimeoutError as WaitedTooLong

from app.core.model import Workflow
from app.resources import resource_path
from app.ui.editor.widgets import MIME


@pytest.fixture
def editor(sample_page):
    page = sample_page
    page.open(Workflow("Blank"))
    page.saved_json = page.doc.to_dict()
    return page


def drop(page, type_name: str, scene_pos: QPointF) -> None:
    mime = QMimeData()
    mime.setData(MIME, type_name.encode())
    view = page.view
    pos = view.mapFromScene(scene_pos)
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def test_palette_mime_data_is_what_the_canvas_accepts(editor):
    lst = editor.step_palette.list
    item = next(
        lst.item(i)
        for i in range(lst.count())
        if lst.item(i).data(Qt.ItemDataRole.UserRole) == "transform"
    )
    assert bytes(lst.mime_for(item).data(MIME)).decode() == "transform"


def test_drop_connect_edit_then_undo_to_the_exact_start_and_redo(editor, qtbot):
    page = editor
    start = copy.deepcopy(page.doc.to_dict())
    drop(page, "transform", QPointF(0, 0))
    drop(page, "condition", QPointF(400, 0))
    assert page.doc.workflow.step_names() == ["transform", "condition"]
    qtbot.wait(50)
    source = page.scene.nodes["transform"]
    target = page.scene.nodes["condition"]
    view = page.view
    a = view.mapFromScene(source.port_pos("out"))
    b = view.mapFromScene(target.sceneBoundingRect().center())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert [e.to_dict() for e in page.doc.workflow.edges] == [
        {"from": "transform", "port": "out", "to": "condition"}
    ]
    # edit a field in the inspector
    page.scene.clearSelection()
    target.setSelected(True)
    qtbot.waitUntil(lambda: page.inspector.step_name == "condition")
    field = page.inspector.editors["expression"][1]
    field.setText("{{ steps.transform.output.big }}")
    field.editingFinished.emit()
    assert page.doc.workflow.step("condition").config == {
        "expression": "{{ steps.transform.output.big }}"
    }
    after = copy.deepcopy(page.doc.to_dict())
    while page.undo.canUndo():
        page.undo.undo()
    assert page.doc.to_dict() == start
    while page.undo.canRedo():
        page.undo.redo()
    assert page.doc.to_dict() == after


def test_a_loop_is_refused_with_a_reason(editor):
    page = editor
    drop(page, "transform", QPointF(0, 0))
    drop(page, "transform", QPointF(300, 0))
    page.connect_steps("transform", "out", "transform_2")
    page.connect_steps("transform_2", "out", "transform")
    assert len(page.doc.workflow.edges) == 1
    assert "loop" in page.status.text()


def test_deleting_a_step_removes_its_connections_as_one_undo_step(editor):
    page = editor
    for x in (0, 300, 600):
        drop(page, "transform", QPointF(x, 0))
    page.connect_steps("transform", "out", "transform_2")
    page.connect_steps("transform_2", "out", "transform_3")
    before = page.doc.to_dict()
    page.scene.select_only(["transform_2"])  # a dropped step is selected: select just one
    page.delete_selected()
    assert (
        page.doc.workflow.step_names() == ["transform", "transform_3"]
        and page.doc.workflow.edges == []
    )
    page.undo.undo()
    assert page.doc.to_dict() == before


def test_copy_paste_renames_clashing_steps(editor):
    page = editor
    drop(page, "transform", QPointF(0, 0))
    drop(page, "condition", QPointF(300, 0))
    page.connect_steps("transform", "out", "condition")
    for node in page.scene.nodes.values():
        node.setSelected(True)
    page.copy()
    page.paste()
    assert page.doc.workflow.step_names() == [
        "transform",
        "condition",
        "transform_2",
        "condition_2",
    ]
    assert [e.to_dict()["to"] for e in page.doc.workflow.edges] == ["condition", "condition_2"]


def test_build_the_sample_order_fulfilment_from_an_empty_canvas(editor, qtbot):
    page = editor
    sample = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    for i, step in enumerate(sample.steps):
        drop(page, step.type, QPointF(i * 250, 0))
    built = page.doc.workflow
    # rename the dropped steps and set their settings as the inspector does
    for dropped, wanted in zip(list(built.steps), sample.steps, strict=True):
        assert dropped.type == wanted.type
        dropped.name = wanted.name  # names are chosen in the inspector's label field
    page.doc.reset.emit()
    for step in sample.steps:
        page._edited(step.name, step.config, step.title, step.retry)
    for e in sample.edges:
        page.connect_steps(e.source, e.port, e.target)
    result = page.doc.workflow
    assert [(s.name, s.type, s.config, s.title, s.retry) for s in result.steps] == [
        (s.name, s.type, s.config, s.title, s.retry) for s in sample.steps
    ]
    assert result.edges == sample.edges
    from app.core.validation import errors, validate

    assert errors(validate(result, page.specs)) == []


def test_saving_keeps_a_draft_and_live_validation_marks_problems(editor, qtbot, gui):
    from app.store import drafts

    ctx, _w = gui
    page = editor
    drop(page, "condition", QPointF(0, 0))  # no expression yet: a problem
    assert page.scene.nodes["condition"].problem
    page.save()
    qtbot.waitUntil(lambda: "Draft saved with 1 problem" in page.status.text(), timeout=5000)
    assert ctx.db.execute_sql(
        "select count(*) from workflow_versions v join workflows w on "
        "w.id = v.workflow_id where w.name='Blank' and "
        "v.kind = 'published'"
    ) == [(0,)]
    with ctx.db.read() as s:
        assert drafts.load_draft(s, "Blank").step("condition") is not None
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "never been published" in page.banner.text()


def publish_in_dialog(qtbot, page, note: str) -> None:
    """Publish… on the toolbar, a note typed in, Publish pressed: real clicks and keys."""
    from PySide6.QtWidgets import QPushButton, QToolBar

    page.publish_dialog = None
    toolbar = page.findChild(QToolBar)
    action = next(a for a in toolbar.actions() if a.objectName() == "publishWorkflow")
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.publish_dialog is not None, timeout=5000)
    dialog = page.publish_dialog
    qtbot.keyClicks(dialog.findChild(QLineEdit, "publishNote"), note)
    qtbot.mouseClick(dialog.findChild(QPushButton, "confirmPublish"), Qt.MouseButton.LeftButton)


def test_version_history_and_restore_as_draft(editor, qtbot, gui):
    from PySide6.QtWidgets import QPushButton

    from app.store import drafts, workflows

    ctx, _w = gui
    page = editor
    drop(page, "transform", QPointF(0, 0))
    page._edited("transform", {"values": {"v": 1}}, "", {})
    publish_in_dialog(qtbot, page, "first")
    qtbot.waitUntil(lambda: "as version 1" in page.status.text(), timeout=5000)
    page._edited("transform", {"values": {"v": 2}}, "", {})
    publish_in_dialog(qtbot, page, "second")
    qtbot.waitUntil(lambda: "as version 2" in page.status.text(), timeout=5000)
    page.history()
    qtbot.waitUntil(lambda: getattr(page, "history_dialog", None) is not None, timeout=5000)
    tree = page.history_dialog.findChild(object, "versionList")
    top = tree.topLevelItem(0)
    assert tree.topLevelItemCount() == 2 and top.text(3) == "second"
    assert top.text(1) and "changed" in top.text(4).lower() and "transform" in top.text(4).lower()
    # when, as every screen says it ("Today 2:03 PM"), to the second in its tooltip
    assert top.text(2).startswith("Today ") and ":" in top.toolTip(2)
    tree.setCurrentItem(tree.topLevelItem(1))  # version 1
    page.history_dialog.findChild(QPushButton, "restoreVersion").click()
    qtbot.waitUntil(lambda: "Version 1 is now the draft" in page.status.text(), timeout=5000)
    assert page.doc.workflow.step("transform").config == {"values": {"v": 1}}
    assert page.banner.isVisible() and "live version 2 keeps running" in page.banner.text()
    with ctx.db.read() as s:
        assert workflows.load(s, "Blank")[1].number == 2  # the live version is unchanged
        assert drafts.load_draft(s, "Blank").step("transform").config == {"values": {"v": 1}}


def test_connection_fields_offer_saved_connections(editor, qtbot, gui):
    from PySide6.QtWidgets import QComboBox

    from app.store import connections

    ctx, _w = gui
    with ctx.db.write() as s:
        connections.save(s, "shop-email", "smtp", {"host": "127.0.0.1"})
    editor.refresh()
    qtbot.waitUntil(
        lambda: editor.inspector.connections.get("smtp") == ["shop-email"], timeout=5000
    )
    drop(editor, "send_email", QPointF(0, 0))
    editor.scene.nodes["send_email"].setSelected(True)
    qtbot.waitUntil(lambda: editor.inspector.step_name == "send_email")
    picker = editor.inspector.editors["connection"][1]
    assert isinstance(picker, QComboBox) and picker.findText("shop-email") >= 0
    picker.setCurrentText("shop-email")
    assert editor.doc.workflow.step("send_email").config["connection"] == "shop-email"


def test_practice_run_shows_live_states_and_outputs(sample_page, qtbot):
    page = sample_page
    page.practice()
    qtbot.waitUntil(lambda: page.test_run is not None, timeout=5000)
    states = lambda: {name: node.state for name, node in page.scene.nodes.items()}  # noqa: E731
    try:
        qtbot.waitUntil(lambda: states()["confirm_email"] == "succeeded", timeout=15000)
    except WaitedTooLong as exc:  # once, under a loaded full run: say where the run stood
        raise AssertionError(f"the practice run stood at {states()}") from exc
    assert page.scene.nodes["ask_stock"].state == "skipped"
    page.scene.nodes["charge"].setSelected(True)
    qtbot.waitUntil(lambda: "Practice run: Done" in page.inspector.output.text(), timeout=5000)
    assert "It would send:" in page.inspector.output.text()


def test_a_practice_message_to_the_warehouse_reads_as_not_sent(sample_page, qtbot):
    """After “Try it”, the warehouse chat step says nothing was sent and what would have
    been, under the names its settings have in the form; not the made-up answer the steps
    after it get (“Status: 200”, “Sent: …”), which read as if the message had gone out."""
    page = sample_page
    page.practice()
    qtbot.waitUntil(lambda: page.test_run is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: page.scene.nodes["notify_warehouse"].state == "succeeded", timeout=15000
    )
    page.scene.select_only(["notify_warehouse"])
    qtbot.waitUntil(lambda: "Practice run: Done" in page.inspector.output.text(), timeout=5000)
    text = page.inspector.output.text()
    assert "Nothing was sent: this is a practice run. It would send:" in text
    boxes = (page.inspector.editors["webhook_url"][1], page.inspector.editors["message"][1])
    labels = {
        label.text() for label in page.inspector.findChildren(QLabel) if label.buddy() in boxes
    }
    assert labels == {"Webhook URL *", "Message"}  # the names the form shows
    assert "    Webhook URL: http" in text and "    Message: Pack order" in text
    for raw in ("Status: 200", "Sent:", "Practice: yes", "Webhook url", "Idempotent"):
        assert raw not in text, (raw, text)


def test_importing_a_bad_file_says_why_and_keeps_the_canvas(editor, qtbot, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 99, "name": "future"}')
    before = editor.doc.to_dict()
    editor.import_file(str(bad))
    qtbot.waitUntil(lambda: "newer Daloy" in editor.status.text(), timeout=5000)
    assert editor.doc.to_dict() == before
    good = tmp_path / "good.json"
    good.write_text(
        Workflow.from_json(
            resource_path("workflows", "order-fulfilment.json").read_text()
        ).to_json()
    )
    editor.import_file(str(good))
    qtbot.waitUntil(lambda: editor.doc.workflow.name == "Order fulfilment", timeout=5000)


def test_retry_settings_are_a_form_not_json(editor, qtbot):
    page = editor
    drop(page, "http_request", QPointF(0, 0))
    node = page.scene.nodes["http_request"]
    page.scene.clearSelection()
    node.setSelected(True)
    qtbot.waitUntil(lambda: page.inspector.step_name == "http_request")
    attempts = page.inspector.findChild(QLineEdit, "retry_max_attempts")
    first_wait = page.inspector.findChild(QLineEdit, "retry_initial_delay")
    assert attempts.text() == "" and attempts.placeholderText() == "5"  # the type's default
    attempts.setText("8")
    attempts.editingFinished.emit()
    first_wait.setText("0.5")
    first_wait.editingFinished.emit()
    assert page.doc.workflow.step("http_request").retry == {"max_attempts": 8, "initial_delay": 0.5}
    page.undo.undo()
    assert page.doc.workflow.step("http_request").retry == {"max_attempts": 8}


def test_a_comparison_outside_the_braces_is_marked_with_how_to_write_it(editor, qtbot):
    """A shop owner picks “{{ trigger.order.total }}” from the suggestions and types “> 5000”
    after it: the condition would give the text “3270 > 5000” and stop every order. The
    inspector says so before any order runs, with the condition written right."""
    page = editor
    drop(page, "condition", QPointF(0, 0))
    page.scene.select_only(["condition"])
    qtbot.waitUntil(lambda: page.inspector.step_name == "condition")
    box = page.inspector.findChild(QLineEdit, "field_expression")
    box.setText("{{ trigger.order.total }} > 5000")
    box.editingFinished.emit()
    assert page.doc.workflow.step("condition").config["expression"] == box.text()
    said = "Put the whole comparison inside the braces: {{ trigger.order.total > 5000 }}"
    qtbot.waitUntil(lambda: said in page.inspector.problems.text(), timeout=5000)
    assert "“> 5000” is outside the braces" in page.inspector.problems.text()
    box.setText("{{ trigger.order.total > 5000 }}")
    box.editingFinished.emit()
    qtbot.waitUntil(lambda: "braces" not in page.inspector.problems.text(), timeout=5000)


def test_a_practice_order_without_the_data_a_condition_uses_names_what_it_has(sample_page, qtbot):
    """An order from the web form or typed in by hand comes without a total: a condition on
    “{{ trigger.order.total > 5000 }}” stops it. Tried on such an order, the step says which
    field the order lacks and what it has, not Jinja's “'dict object' has no attribute”."""
    page = sample_page
    wf = Workflow.from_dict(
        {
            "format_version": 1,
            "name": "Order fulfilment",
            "steps": [
                {
                    "name": "big",
                    "type": "condition",
                    "title": "Order over ₱5,000?",
                    "config": {"expression": "{{ trigger.order.total > 5000 }}"},
                }
            ],
            "sample_input": {
                "order": {
                    "number": "1042",
                    "customer": {"name": "Aling Nena"},
                    "lines": [{"sku": "RICE-25", "qty": 2}],
                }
            },
        }
    )
    page.open(wf)
    page.practice()
    qtbot.waitUntil(lambda: page.test_run is not None, timeout=5000)
    qtbot.waitUntil(lambda: page.scene.nodes["big"].state == "needs_attention", timeout=15000)
    page.scene.select_only(["big"])
    qtbot.waitUntil(lambda: "Practice run:" in page.inspector.output.text(), timeout=5000)
    text = page.inspector.output.text()
    assert (
        "uses trigger.order.total, but this order has no “total” in trigger.order "
        "(it has: number, customer, lines). Change the template to use what is there"
    ) in text, text
    assert "dict object" not in text
