"""The forms behind "Retry with changes" and "Skip with this result": built from the step's
schema and output, current values filled in, read back with their types; JSON only as the
advanced view, and a value it cannot read is refused in words, nothing lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel, QLineEdit

from app.core import machine as m
from app.steps import registry
from app.ui import language
from app.ui.step_forms import RetryForm, SkipForm, ValueForm
from app.ui.text import PlainLabel
from tests.support.engine import run_status
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_inbox_words import click, failed_charge, open_dialog

SCALARS = st.one_of(
    st.integers(-(10**9), 10**9),
    st.booleans(),
    st.floats(-1e9, 1e9, allow_nan=False).filter(lambda f: f != int(f)),
    st.text(max_size=20).filter(lambda t: "\x00" not in t),
)
KEYS = st.text(alphabet="abcdefghij_", min_size=1, max_size=8)
VALUES = st.dictionaries(
    KEYS, st.one_of(SCALARS, st.dictionaries(KEYS, SCALARS, max_size=3)), max_size=5
)


@settings(max_examples=60, deadline=None)
@given(VALUES)
def test_a_value_form_gives_back_what_it_was_given(qapp, value):
    form = ValueForm(value)
    got, errors = form.values()
    assert errors == []
    assert got == value


def test_a_number_field_refuses_words_and_keeps_the_form(qtbot):
    dialog = SkipForm("Charge card", {"status": 201, "body": {"id": "ch_1"}}, ["out"])
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "value_status").setText("two hundred")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == 0  # not accepted
    assert dialog.error.text() == "“Status” must be a number, like 1499.50"
    dialog.findChild(QLineEdit, "value_status").setText("200")
    click(qtbot, dialog.ok_button)
    assert dialog.value == {"status": 200, "body": {"id": "ch_1"}}


def test_a_skipped_steps_result_is_labelled_in_words_and_refused_in_them(qtbot):
    """The step type's words for its output label the form and its refusals; the keys of the
    service's own answer read as they are named."""
    step_type = registry().get("http_request")
    assert step_type is not None
    words = step_type.spec.output_words
    dialog = SkipForm("Charge card", {"status": 201, "body": {"id": "ch_1"}}, ["out"], words=words)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "value_status").setText("two hundred")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == 0
    assert dialog.error.text() == (
        "“Answer code (200 to 299: it worked)” must be a number, like 1499.50"
    )
    assert "Id" in [w.text() for w in dialog.findChildren(PlainLabel)]


def test_every_step_type_says_what_its_output_holds():
    """A step type with a sample output names each of its parts for the skip form (a
    transform's parts are the operator's own names)."""
    for spec in (step_type.spec for step_type in registry()):
        if spec.sample_output is None or spec.name == "transform":
            continue
        unsaid = set(spec.sample_output({})) - set(spec.output_words)
        assert not unsaid, (spec.name, unsaid)


def test_the_json_view_and_the_form_stay_in_step(qtbot):
    spec = registry().specs.get("http_request")
    dialog = RetryForm(
        spec,
        {"method": "POST", "url": "https://pay.example/charges", "body": {"amount": 5}},
        "Charge card",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    # the order's values first (the amount an operator corrects), the request's settings after
    amount = dialog.findChild(QLineEdit, "value_body.amount")
    url = next(
        e for e in dialog.findChildren(QLineEdit) if e.text() == "https://pay.example/charges"
    )
    holder = dialog.body
    assert (
        amount.mapTo(holder, amount.rect().topLeft()).y()
        < url.mapTo(holder, url.rect().topLeft()).y()
    )
    dialog.findChild(QLineEdit, "value_body.amount").setText("7")
    dialog.advanced.setChecked(True)
    assert '"amount": 7' in dialog.json.toPlainText()
    dialog.json.setPlainText(dialog.json.toPlainText().replace('"amount": 7', '"amount": 9'))
    dialog.advanced.setChecked(False)
    assert dialog.findChild(QLineEdit, "value_body.amount").text() == "9"
    dialog.advanced.setChecked(True)
    dialog.json.setPlainText("{not json")
    dialog.advanced.setChecked(False)  # refused: stays on JSON, says why
    assert dialog.advanced.isChecked() and "not valid JSON" in dialog.error.text()


def test_skip_with_this_result_through_the_form(gui, qtbot, payment_gateway):
    ctx, window = gui
    run_id, detail = failed_charge(qtbot, ctx, window, payment_gateway, "3301")
    dialog = open_dialog(qtbot, detail, "skip")
    # each part of the answer named in words, not “Status” and “Body”
    labels = [w.text() for w in dialog.findChildren(PlainLabel)]
    assert "Answer code (200 to 299: it worked)" in labels and "What the service answered" in labels
    assert "Status" not in labels[: labels.index("What the service answered")]
    # the shape of the step's output (its type's sample), to fill in
    body_id = dialog.findChild(QLineEdit, "value_body.id")
    assert body_id is not None
    body_id.setText("paid-at-the-counter")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=15000)
    confirm = ctx.db.execute_sql(
        f"select output from step_runs where run_id = '{run_id}' and name = 'confirm'"
    )[0][0]
    assert "paid-at-the-counter" in confirm  # the next step used the given result
    qtbot.waitUntil(
        lambda: window.inbox.confirmation.text() == "✓ Order 3301 goes on without “Charge”.",
        timeout=5000,
    )


def test_the_forms_say_the_parts_of_an_order_in_the_language_spoken(
    filipino,  # noqa: F811 - the fixture
    gui,
    qtbot,
):
    """In Filipino, the charge's amount in “Retry with changes” is “Halaga”, as the order's
    page says it, and the skip form's answer code is said in Filipino (they read “Amount” and
    “Answer code” in English words under Filipino titles)."""
    assert language.current().apply(language.FILIPINO)
    spec = registry().specs.get("http_request")
    retry = RetryForm(
        spec, {"method": "POST", "url": "https://pay.example/c", "body": {"amount": 5}}, "Singil"
    )
    qtbot.addWidget(retry)
    labels = [w.text() for w in retry.findChildren(PlainLabel)]
    assert "Halaga" in labels and "Amount" not in labels
    assert "Ang ipapadala" in [w.text() for w in retry.findChildren(QLabel)]
    skip = SkipForm("Singil", {"status": 201}, ["out"], words=spec.output_words)
    qtbot.addWidget(skip)
    assert "Code ng sagot (200 hanggang 299: gumana)" in [
        w.text() for w in skip.findChildren(PlainLabel)
    ]
    language.current().apply(language.ENGLISH)
