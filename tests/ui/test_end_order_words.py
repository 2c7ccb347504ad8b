"""End the order's note, in Filipino: its example (the field's placeholder) is in the operator's
language — it showed “Cancelled at the stock question” in English — and the demo's note reads
after the order page's “Na-cancel ng workflow:” without saying “Na-cancel” twice."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from app.core.i18n import translate
from app.steps.end_order import SPEC
from app.ui import language
from app.ui.editor.fields import FieldForm
from app.ui.style import words
from tests.ui.test_filipino import filipino  # noqa: F401  # the fixture


def test_the_end_steps_note_example_is_in_filipino(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    _ctx, window = gui
    combo = window.language
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())  # as the operator picks it
    host = QWidget()
    qtbot.addWidget(host)
    form = FieldForm(SPEC.fields, {}, lambda *_: None)
    form.add_rows(QFormLayout(host), {})
    note = host.findChild(QLineEdit, "field_note")
    assert note.placeholderText() == "Pinili ang i-cancel sa tanong tungkol sa stock"
    said = translate("OrderPage", "Cancelled by the workflow: {note}").format(
        note=translate("Samples", "Cancelled at the stock question")
    )
    assert said.lower().count("na-cancel") <= 1, said


def test_the_demos_question_reads_in_filipino(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    """The stock question's details and the order's usual keys are said in Filipino (they
    showed “Ships now if you backorder: []”, “Name:”, “Phone:” in a Filipino Inbox)."""
    _ctx, window = gui
    combo = window.language
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())
    shown = words({"ships now if you backorder": [], "customer": {"name": "Jun", "phone": "0917"}})
    assert shown.splitlines() == [
        "Maipapadala ngayon kung i-backorder: (wala)",
        "Customer:",
        "    Pangalan: Jun",
        "    Telepono: 0917",
    ]
