"""The workflow's “Order total” field in the editor, under “Order key”: the sample's template
shown, an edit is one undo step, a step that does not exist is said in the problem line, and
renaming the step it names rewrites it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from tests.ui.editor.test_safe_editing import click_empty, press, type_into

SAMPLE = "{{ steps.plan.output.total }}"


def panel_of(page, qtbot):
    click_empty(qtbot, page)
    qtbot.waitUntil(lambda: page.workflow_panel is not None, timeout=3000)
    return page.workflow_panel


def test_the_order_total_sits_under_the_order_key_in_words(sample_page, qtbot):
    panel = panel_of(sample_page, qtbot)
    total = panel.findChild(QLineEdit, "orderTotal")
    assert total.text() == SAMPLE  # the sample workflow says where its total comes from
    # each box is in the form with its "Insert a value" button beside it (its parent widget)
    form = next(f for f in panel.findChildren(QFormLayout) if f.indexOf(total.parentWidget()) >= 0)
    key_row, _ = form.getWidgetPosition(panel.findChild(QLineEdit, "businessKey").parentWidget())
    total_row, _ = form.getWidgetPosition(total.parentWidget())
    label = panel.findChild(QLabel, "orderTotalLabel")
    assert form.getWidgetPosition(label)[0] == key_row + 1 and total_row == key_row + 2
    assert label.text() == "Order total (shown in the Orders list)" and label.buddy() is total
    assert "Orders list" in total.toolTip() and "Total" in total.toolTip()


def test_a_step_that_does_not_exist_is_said_and_undo_puts_it_back(sample_page, qtbot):
    page = sample_page
    total = panel_of(page, qtbot).findChild(QLineEdit, "orderTotal")
    before = page.undo.count()
    type_into(qtbot, total, "{{ steps.planning.output.total }}")
    assert page.doc.workflow.order_total == "{{ steps.planning.output.total }}"
    assert page.undo.count() == before + 1
    qtbot.waitUntil(
        lambda: (
            "The order total refers to a step “planning” that does not exist" in page.status.text()
        ),
        timeout=5000,
    )
    press(qtbot, page, "undo")
    assert page.doc.workflow.order_total == SAMPLE
    qtbot.waitUntil(lambda: total.text() == SAMPLE, timeout=3000)
    qtbot.waitUntil(lambda: "planning" not in page.status.text(), timeout=5000)


def test_renaming_the_step_it_names_rewrites_it(sample_page, qtbot):
    page = sample_page
    panel_of(page, qtbot)
    page.rename_step("plan", "decide")
    assert page.doc.workflow.order_total == "{{ steps.decide.output.total }}"
    assert "order_total" not in " ".join(p.field or "" for p in page.check(page.doc.workflow))
    press(qtbot, page, "undo")
    assert page.doc.workflow.order_total == SAMPLE
