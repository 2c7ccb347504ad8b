"""Undo commands on their own: a document, a QUndoStack and a small registry, no application
window. Each user action is one undo step that restores the exact JSON."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QUndoStack

from app.core import schema
from app.core.model import Edge, Step, Trigger, Workflow
from app.core.stepspec import SpecRegistry, StepSpec
from app.core.templates import referenced_paths
from app.ui.editor import commands as cmd
from app.ui.editor.document import WorkflowDocument
from app.ui.editor.references import name_problem, rewrite_text
from app.ui.editor.scene import free_offset


def small_registry() -> tuple[SpecRegistry, SpecRegistry]:
    steps = SpecRegistry()
    steps.add(
        StepSpec(
            "note",
            "Note",
            "Test",
            "",
            "",
            fields=(
                schema.Field("text", schema.TEMPLATE_TEXT, "Text"),
                schema.Field("plain", schema.TEXT, "Plain"),
                schema.Field("body", schema.JSON, "Body"),
                schema.Field("body_steps", schema.STEPS, "Body steps"),
            ),
        )
    )
    triggers = SpecRegistry()
    triggers.add(
        StepSpec(
            "hook",
            "Hook",
            "Triggers",
            "",
            "",
            is_trigger=True,
            fields=(schema.Field("reply", schema.TEMPLATE, "Reply"),),
        )
    )
    return steps, triggers


def sample() -> Workflow:
    return Workflow(
        "Shop",
        [
            Step("fetch", "note", {"text": "x"}, "Fetch order", position=(0, 0)),
            Step(
                "charge",
                "note",
                {
                    "text": "Total {{ steps.fetch.output.total }}; {% if steps.fetch.output %}ok{% endif %}"
                    " (see steps.fetch.output in the manual)",
                    "plain": "{{ steps.fetch.output }}",  # TEXT: never a template
                    "body": {
                        "amount": "{{ steps['fetch'].output.total }}",
                        "other": ["{{ steps.fetch_more.output }}", "{{ steps.fetch }}"],
                    },
                    "body_steps": ["fetch", "fetcher"],
                },
                position=(250, 0),
            ),
            Step(
                "mail", "unknown_type", {"to": "{{ steps.fetch.output.email }}"}, position=(500, 0)
            ),
        ],
        [Edge("fetch", "out", "charge"), Edge("charge", "out", "mail")],
        [
            Trigger("web", "hook", {"reply": "{{ steps.fetch.output.id }}"}),
            Trigger("old", "gone", {"x": "{{ steps.fetch.output }}"}),
        ],
        business_key="{{ steps.fetch.output.number }}",
        extra={"sample_input": {"n": 1}},
    )


@pytest.fixture
def doc(qapp) -> WorkflowDocument:
    return WorkflowDocument(sample())


def test_rename_rewrites_every_reference_as_one_undo_step(doc):
    specs, triggers = small_registry()
    stack = QUndoStack()
    start = doc.workflow.to_json()
    renamed: list[tuple[str, str]] = []
    doc.step_renamed.connect(lambda a, b: renamed.append((a, b)))
    stack.push(cmd.RenameStep(doc, "fetch", "load_order", specs, triggers))
    wf = doc.workflow
    assert stack.count() == 1 and renamed == [("fetch", "load_order")]
    assert wf.step_names() == ["load_order", "charge", "mail"]
    assert wf.edges == [Edge("load_order", "out", "charge"), Edge("charge", "out", "mail")]
    charge = wf.step("charge").config
    assert charge["text"] == (
        "Total {{ steps.load_order.output.total }}; {% if "
        "steps.load_order.output %}ok{% endif %} (see steps.fetch.output "
        "in the manual)"
    )  # plain text outside a template stays
    assert charge["plain"] == "{{ steps.fetch.output }}"  # not a templated setting
    assert charge["body"] == {
        "amount": "{{ steps['load_order'].output.total }}",
        "other": ["{{ steps.fetch_more.output }}", "{{ steps.load_order }}"],
    }
    assert charge["body_steps"] == ["load_order", "fetcher"]
    assert wf.step("mail").config == {"to": "{{ steps.load_order.output.email }}"}  # unknown type
    assert wf.business_key == "{{ steps.load_order.output.number }}"
    assert [t.config for t in wf.triggers] == [
        {"reply": "{{ steps.load_order.output.id }}"},
        {"x": "{{ steps.load_order.output }}"},
    ]
    for t in (charge["text"], charge["body"]["amount"], wf.business_key):
        assert not any(
            p.startswith("steps.fetch.") or p == "steps.fetch" for p in referenced_paths(t)
        )
    stack.undo()
    assert doc.workflow.to_json() == start
    stack.redo()
    assert doc.workflow.step("load_order") is not None


def test_undo_restores_recorded_settings_not_a_reverse_rewrite(doc):
    """A template that already named the new name (a dangling reference) stays as it was."""
    specs, triggers = small_registry()
    doc.workflow.step("charge").config["text"] = "{{ steps.pay.output }} {{ steps.fetch.output }}"
    start = doc.workflow.to_json()
    stack = QUndoStack()
    stack.push(cmd.RenameStep(doc, "fetch", "pay", specs, triggers))
    assert (
        doc.workflow.step("charge").config["text"]
        == "{{ steps.pay.output }} {{ steps.pay.output }}"
    )
    stack.undo()
    assert doc.workflow.to_json() == start


@pytest.mark.parametrize(
    ("new", "why"),
    [
        ("Fetch", "starts with a small letter"),
        ("2nd", "starts with a small letter"),
        ("with space", "starts with a small letter"),
        ("charge", "already called"),
        ("items", "built in"),
    ],
)
def test_names_that_cannot_be_used_are_refused_in_words(doc, new, why):
    assert why in name_problem(doc.workflow, "fetch", new)
    assert name_problem(doc.workflow, "fetch", "fetch_order") is None


def test_rewrite_touches_only_references_inside_template_tags():
    assert (
        rewrite_text("steps.a.output {{ steps.a.output }}", "a", "b")
        == "steps.a.output {{ steps.b.output }}"
    )
    assert (
        rewrite_text("{{ steps . a . output }}{{ steps.ab }}{{ xsteps.a }}", "a", "b")
        == "{{ steps . b . output }}{{ steps.ab }}{{ xsteps.a }}"
    )
    assert (
        rewrite_text('{{ steps["a"].output }}{# steps.a #}', "a", "b")
        == '{{ steps["b"].output }}{# steps.a #}'
    )


def test_workflow_settings_are_undo_commands_with_exact_json(doc):
    stack = QUndoStack()
    start = doc.workflow.to_json()
    seen: list[str] = []
    doc.workflow_changed.connect(seen.append)
    stack.push(
        cmd.SetWorkflowValue(
            doc,
            "triggers",
            [
                *doc.workflow_value("triggers"),
                {
                    "id": "daily",
                    "type": "schedule",
                    "enabled": False,
                    "config": {"cron": "0 8 * * *"},
                },
            ],
        )
    )
    stack.push(cmd.SetWorkflowValue(doc, "business_key", "{{ trigger.order.number }}"))
    stack.push(cmd.SetWorkflowValue(doc, "sample_input", {"order": {"number": "A1"}}))
    stack.push(cmd.SetWorkflowValue(doc, "description", "Orders from the web shop"))
    wf = doc.workflow
    assert [t.id for t in wf.triggers] == ["web", "old", "daily"] and not wf.triggers[2].enabled
    assert wf.extra["sample_input"] == {"order": {"number": "A1"}}
    assert seen == ["triggers", "business_key", "sample_input", "description"]
    after = wf.to_json()
    while stack.canUndo():
        stack.undo()
    assert doc.workflow.to_json() == start
    while stack.canRedo():
        stack.redo()
    assert doc.workflow.to_json() == after


def test_removing_the_sample_order_and_undo_puts_it_back_in_place(doc):
    stack = QUndoStack()
    start = doc.workflow.to_json()
    stack.push(cmd.SetWorkflowValue(doc, "sample_input", None))
    assert "sample_input" not in doc.workflow.extra
    stack.undo()
    assert doc.workflow.to_json() == start


def test_paste_at_an_offset_renames_and_is_one_step(doc):
    stack = QUndoStack()
    start = doc.workflow.to_json()
    part = [copy.deepcopy(doc.workflow.step("fetch")), copy.deepcopy(doc.workflow.step("charge"))]
    command = cmd.paste(doc, part, [Edge("fetch", "out", "charge")], (40, 300))
    stack.push(command)
    wf = doc.workflow
    assert wf.step("fetch_2").position == (40, 300) and wf.step("charge_2").position == (290, 300)
    assert Edge("fetch_2", "out", "charge_2") in wf.edges and command.text() == "Paste 2 steps"
    stack.undo()
    assert wf.to_json() == start


def test_free_offset_never_covers_a_node():
    taken = [QRectF(0, 0, 190, 72), QRectF(0, 100, 190, 72), QRectF(300, 0, 190, 72)]
    dx, dy = free_offset(taken, [QRectF(10, 10, 190, 72)], (0, 0))
    placed = QRectF(10 + dx, 10 + dy, 190, 72)
    assert dx == 0 and not any(placed.intersects(t) for t in taken)
    assert free_offset(taken, [QRectF(600, 0, 190, 72)], (0, 0)) == (0, 0)


names = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(["fetch", "charge", "mail"]), names), max_size=6))
def test_any_sequence_of_renames_undoes_to_the_exact_start(qapp, renames):
    specs, triggers = small_registry()
    doc = WorkflowDocument(sample())
    stack = QUndoStack()
    start = doc.workflow.to_json()
    current = {n: n for n in ("fetch", "charge", "mail")}
    for original, new in renames:
        old = current[original]
        if name_problem(doc.workflow, old, new) is None and old != new:
            stack.push(cmd.RenameStep(doc, old, new, specs, triggers))
            current[original] = new
    # every template still points at the step it pointed at before
    fetch = current["fetch"]
    assert f"steps.{fetch}.output.total" in doc.workflow.step(current["charge"]).config["text"]
    assert doc.workflow.business_key == f"{{{{ steps.{fetch}.output.number }}}}"
    while stack.canUndo():
        stack.undo()
    assert doc.workflow.to_json() == start
