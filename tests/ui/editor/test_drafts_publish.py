"""Issue 12, drafts, publish and replay from the editor: real clicks and keys on the real widgets,
the real engine of the app's context underneath (its runtime runs the orders)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QSpinBox, QToolBar

from app.core.model import Workflow
from app.intake import trigger_registry
from app.store import audit, connections, drafts, workflows
from tests.test_one_validator import CASES, GOOD
from tests.ui.editor.test_editor import publish_in_dialog
from tests.ui.editor.test_safe_editing import answer_dialog, click_node, pick, press, type_into

# The validator tests' good workflow, with a note on either branch instead of an email: no
# connection needed, so it takes orders as soon as it is published.
SHOP: dict[str, Any] = dict(
    copy.deepcopy(GOOD),
    name="Shop orders",
    sample_input={"number": "S-1", "amount": 120},
    steps=[
        *copy.deepcopy(GOOD["steps"][:2]),
        {
            "name": "big_note",
            "type": "transform",
            "title": "Note a big order",
            "config": {"values": {"size": "big"}},
        },
        {
            "name": "small_note",
            "type": "transform",
            "title": "Note a small order",
            "config": {"values": {"size": "small"}},
        },
    ],
    edges=[
        {"from": "total", "to": "big"},
        {"from": "big", "port": "true", "to": "big_note"},
        {"from": "big", "port": "false", "to": "small_note"},
    ],
)
for _step, _at in zip(SHOP["steps"], [(0, 0), (260, 0), (520, -90), (520, 90)], strict=True):
    _step["position"] = list(_at)  # laid out already: opening it moves nothing


@pytest.fixture
def shop(sample_page, qtbot, gui):
    """“Shop orders” published through the checked path (taking orders) and open."""
    ctx, _w = gui
    page = sample_page
    with ctx.db.write() as s:
        saved, problems = drafts.import_workflow(
            s, Workflow.from_dict(SHOP), page.specs, trigger_registry(), who="maria"
        )
    assert saved is not None and saved.number == 1, problems
    page.refresh()
    qtbot.waitUntil(lambda: "Shop orders" in page.rows, timeout=5000)
    pick(qtbot, page, "Shop orders")
    qtbot.waitUntil(lambda: page.current == "Shop orders", timeout=5000)
    return page


def switch_text(page) -> str:
    toolbar = page.findChild(QToolBar)
    return next(a for a in toolbar.actions() if a.objectName() == "switchWorkflow").text()


def run_order(ctx, qtbot, number: str, amount: int) -> str:
    run_id = ctx.store.start_run("Shop orders", {"number": number, "amount": amount})
    qtbot.waitUntil(
        lambda: (
            ctx.db.execute_sql(f"select status from runs where id = '{run_id}'") == [("succeeded",)]
        ),
        timeout=20000,
    )
    return run_id


def way_taken(ctx, run_id: str) -> tuple[int, str]:
    """(version number the run pinned, the port “Big order?” left by)."""
    return ctx.db.execute_sql(
        "select v.number, s.port from runs r join workflow_versions v on v.id = r.version_id "
        f"join step_runs s on s.run_id = r.id and s.name = 'big' where r.id = '{run_id}'"
    )[0]


def break_the_condition(qtbot, page) -> None:
    """Empty the condition of “Big order?” by keyboard: a required setting left empty."""
    click_node(qtbot, page, "big")
    type_into(qtbot, page.inspector.editors["expression"][1], "")
    assert page.doc.workflow.step("big").config.get("expression") in (None, "")


def test_a_draft_saved_with_errors_leaves_the_live_version_taking_orders(shop, qtbot, gui):
    ctx, _w = gui
    page = shop
    qtbot.waitUntil(lambda: switch_text(page) == "Taking orders", timeout=5000)
    break_the_condition(qtbot, page)
    press(qtbot, page, "saveWorkflow")
    qtbot.waitUntil(lambda: "Draft saved with 1 problem" in page.status.text(), timeout=5000)
    assert "the live version 1 keeps taking orders" in page.status.text()
    assert page.banner.isVisible() and page.banner.text() == (
        "Draft — not taking orders yet; the live version 1 keeps running until you publish."
    )
    assert switch_text(page) == "Taking orders"
    with ctx.db.read() as s:
        assert workflows.get_row(s, "Shop orders").enabled  # intake stays on
        assert workflows.load(s, "Shop orders")[1].number == 1
    assert way_taken(ctx, run_order(ctx, qtbot, "A-1", 150)) == (1, "true")  # the live one ran
    # kept: opening it again opens the draft, saying so
    pick(qtbot, page, "Order fulfilment")
    qtbot.waitUntil(lambda: page.current == "Order fulfilment", timeout=5000)
    pick(qtbot, page, "Shop orders")
    qtbot.waitUntil(lambda: page.current == "Shop orders", timeout=5000)
    assert not page.doc.workflow.step("big").config.get("expression")
    assert page.banner.isVisible() and "live version 1 keeps running" in page.banner.text()
    assert "draft" in page.list.currentItem().text()


def test_publish_refused_marks_the_steps_and_lists_the_problems(shop, qtbot, gui):
    ctx, _w = gui
    page = shop
    break_the_condition(qtbot, page)
    publish_in_dialog(qtbot, page, "try to publish a broken one")
    dialog = page.publish_dialog
    heading = dialog.findChild(object, "publishProblemsHeading")
    qtbot.waitUntil(
        lambda: heading.text().startswith("Not published: 1 problem to fix"), timeout=5000
    )
    problems = dialog.findChild(object, "publishProblems")
    assert problems.count() == 1
    assert problems.item(0).text().startswith("Step “Big order?”")  # the title, not “big”
    assert "“Condition” is required" in problems.item(0).text()
    assert page.scene.nodes["big"].problem and not page.scene.nodes["total"].problem
    click_node(qtbot, page, "total")
    qtbot.mouseClick(
        problems.viewport(),
        Qt.MouseButton.LeftButton,
        pos=problems.visualItemRect(problems.item(0)).center(),
    )
    qtbot.waitUntil(lambda: page.inspector.step_name == "big", timeout=3000)
    with ctx.db.read() as s:
        assert workflows.load(s, "Shop orders")[1].number == 1
        assert workflows.get_row(s, "Shop orders").enabled


def test_publishing_a_valid_draft_makes_a_version_with_note_and_who(shop, qtbot, gui):
    ctx, _w = gui
    page = shop
    click_node(qtbot, page, "small_note")
    type_into(qtbot, page.inspector.title, "Note a small one")
    publish_in_dialog(qtbot, page, "clearer title")
    dialog = page.publish_dialog
    changes = dialog.findChild(object, "publishChanges")
    assert [changes.item(i).text() for i in range(changes.count())] == [
        "Renamed “Note a small order” to “Note a small one”."
    ]
    assert dialog.findChild(object, "publishWho").text() == f"Published by: {audit.current_user()}"
    assert not dialog.findChild(object, "publishProblems").isVisible()
    qtbot.waitUntil(
        lambda: "Published “Shop orders” as version 2" in page.status.text(), timeout=5000
    )
    assert "it takes orders now" in page.status.text()
    assert not page.banner.isVisible() and switch_text(page) == "Taking orders"
    with ctx.db.read() as s:
        v = workflows.load(s, "Shop orders")[1]
        assert (v.number, v.note, v.created_by) == (2, "clearer title", audit.current_user())
        assert drafts.get_draft(s, "Shop orders") is None
    assert way_taken(ctx, run_order(ctx, qtbot, "A-2", 20)) == (2, "false")


def choose_from_menu(qtbot, button, action_name: str, at: QPoint | None = None) -> None:
    """Open the menu of a toolbar button by a click (``at``: on its arrow) and click one of its
    entries."""

    def look(tries: list[int] = [0]) -> None:  # noqa: B006 - counts this menu's tries
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, look)
            return
        action = next(a for a in menu.actions() if a.objectName() == action_name)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at or button.rect().center())


def test_replay_of_20_orders_shows_exactly_the_orders_that_differ(shop, qtbot, gui):
    ctx, _w = gui
    page = shop
    amounts = {f"R-{i:02}": 10 * i for i in range(1, 21)}  # 10 … 200
    for number, amount in amounts.items():
        ctx.store.start_run("Shop orders", {"number": number, "amount": amount})
    qtbot.waitUntil(
        lambda: (
            ctx.db.execute_sql(
                "select count(*) from runs where status = 'succeeded' and practice = 0"
            )[0][0]
            == 20
        ),
        timeout=60000,
    )
    click_node(qtbot, page, "big")  # the draft: big orders start above 150
    type_into(
        qtbot, page.inspector.editors["expression"][1], "{{ steps.total.output.amount > 150 }}"
    )
    more = page.findChild(QToolBar).findChild(object, "moreButton")
    choose_from_menu(qtbot, more, "replayOrders")
    qtbot.waitUntil(lambda: getattr(page, "replay_dialog", None) is not None, timeout=5000)
    dialog = page.replay_dialog
    count = dialog.findChild(QSpinBox, "replayCount")
    assert count.value() == 20
    qtbot.mouseClick(dialog.findChild(QPushButton, "startReplay"), Qt.MouseButton.LeftButton)
    summary = dialog.findChild(object, "replaySummary")
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120000)
    differ = {f"R-{i:02}" for i in range(11, 16)}  # 110 … 150
    assert {o.business_key for o in dialog.report.differing} == differ
    assert summary.text() == "5 of 20 orders would go differently."
    tree = dialog.findChild(object, "replayResult")
    shown = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert shown == {f"Order {k}:" for k in differ}
    first = tree.topLevelItem(0)
    said = [first.child(i).text(0) for i in range(first.childCount())]
    assert "“Big order?” would go on by “false” (this order went on by “true”)." in said
    with ctx.db.read() as s:  # nothing was saved or published
        assert workflows.load(s, "Shop orders")[1].number == 1
        assert drafts.get_draft(s, "Shop orders") is None


# -- the same broken files as tests/test_one_validator.py, through the editor's Publish ---------
@pytest.mark.parametrize("what,wf,words", CASES, ids=[c[0] for c in CASES])
def test_the_editors_publish_refuses_each_broken_file_for_the_same_reason(
    sample_page, qtbot, gui, tmp_path, what, wf, words
):
    ctx, _w = gui
    page = sample_page
    with ctx.db.write() as s:
        connections.save(
            s,
            "shop-mail",
            "smtp",
            {"host": "mail.example.com", "username": "shop"},
            {"password": "pw"},
        )
        connections.save(s, "no-password", "smtp", {"host": "mail.example.com", "username": "shop"})
        saved, _ = drafts.import_workflow(
            s, Workflow.from_dict(GOOD), page.specs, trigger_registry()
        )
    assert saved is not None  # a live version to protect
    page.refresh()
    qtbot.waitUntil(lambda: "shop" in page.rows, timeout=5000)
    path = tmp_path / "wf.json"
    path.write_text(json.dumps(wf))
    page.import_file(str(path))  # as a file dropped on the canvas
    qtbot.waitUntil(lambda: page.current == "shop" and page.dirty(), timeout=5000)
    publish_in_dialog(qtbot, page, "")
    heading = page.publish_dialog.findChild(object, "publishProblemsHeading")
    qtbot.waitUntil(lambda: heading.text().startswith("Not published:"), timeout=5000)
    problems = page.publish_dialog.findChild(object, "publishProblems")
    said = " ".join(problems.item(i).text() for i in range(problems.count()))
    assert words in said, said
    assert "problem(s)" not in heading.text() + said
    with ctx.db.read() as s:
        assert workflows.load(s, "shop")[1].number == 1  # the live version is unchanged
        assert workflows.get_row(s, "shop").enabled  # and still takes orders


def test_try_unsaved_edits_on_a_past_order_shows_states_and_results(shop, qtbot, gui):
    ctx, _w = gui
    page = shop
    run_order(ctx, qtbot, "P-1", 30)  # live: a small order
    click_node(qtbot, page, "big")  # not saved: big from 10 on
    type_into(
        qtbot, page.inspector.editors["expression"][1], "{{ steps.total.output.amount > 10 }}"
    )
    assert page.dirty()
    toolbar = page.findChild(QToolBar)
    tried = next(a for a in toolbar.actions() if a.objectName() == "practiceRun")
    button = toolbar.widgetForAction(tried)
    choose_from_menu(
        qtbot, button, "tryOnPastOrder", QPoint(button.width() - 4, button.height() // 2)
    )
    qtbot.waitUntil(lambda: getattr(page, "past_order_dialog", None) is not None, timeout=5000)
    orders = page.past_order_dialog.findChild(object, "pastOrders")
    assert orders.count() == 1 and orders.item(0).text().startswith("Order P-1 · ")
    qtbot.mouseClick(
        page.past_order_dialog.findChild(QPushButton, "tryPastOrder"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.scene.nodes["big_note"].state == "succeeded", timeout=15000)
    assert page.scene.nodes["small_note"].state == "skipped"  # the unsaved edit ran
    assert "Trying it on the past order" in page.status.text()
    click_node(qtbot, page, "big_note")
    qtbot.waitUntil(lambda: "Practice run: Done" in page.inspector.output.text(), timeout=5000)
    assert "big" in page.inspector.output.text()
    with ctx.db.read() as s:  # nothing saved, nothing published
        assert drafts.get_draft(s, "Shop orders") is None
        assert workflows.load(s, "Shop orders")[1].number == 1


def test_discarding_the_draft_opens_the_live_version_again(shop, qtbot, gui):
    ctx, _w = gui
    page = shop
    break_the_condition(qtbot, page)
    press(qtbot, page, "saveWorkflow")
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    asked: list = []
    answer_dialog(qtbot, "Throw the draft away", asked)
    choose_from_menu(
        qtbot, page.findChild(QToolBar).findChild(object, "moreButton"), "discardDraft"
    )
    qtbot.waitUntil(lambda: "was discarded" in page.status.text(), timeout=5000)
    assert asked == ["Discard the draft?"]
    assert (
        page.doc.workflow.step("big").config["expression"]
        == SHOP["steps"][1]["config"]["expression"]
    )
    assert not page.banner.isVisible() and not page.dirty()
    with ctx.db.read() as s:
        assert drafts.get_draft(s, "Shop orders") is None


def test_a_workflow_never_published_opens_as_its_draft(shop, qtbot, gui):
    page = shop
    with gui[0].db.write() as s:
        drafts.save_draft(s, Workflow.from_dict(dict(SHOP, name="Returns desk")), "ana")
    page.refresh()
    qtbot.waitUntil(lambda: "Returns desk" in page.rows, timeout=5000)
    pick(qtbot, page, "Returns desk")
    qtbot.waitUntil(lambda: page.current == "Returns desk", timeout=5000)
    assert page.doc.workflow.step_names() == ["total", "big", "big_note", "small_note"]
    assert page.list.currentItem().text() == "Returns desk\ndraft only · not published"
    assert "never been published" in page.banner.text() and page.banner.isVisible()
    assert switch_text(page) == "Not published" and not page.dirty()
