"""The workflow editor in Filipino (issue 19): the step library, the inspector's forms, choices
and live validation speak Filipino with the Filipino translator installed (what is stored stays
English), the editor's and its engine texts' translations are complete, and the editor fits at
1366×768 and 1024×700 with nothing clipped. A PNG per size is saved for people to read
(``DALOY_SCREENSHOTS=folder``; else the test's temporary folder)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QToolBar

from app.ui import language
from tests.ui.editor.test_editor import drop
from tests.ui.test_filipino import cut_words
from tests.ui.test_small_screens import clipped

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402 - packaging/i18n.py, the translation tool

# The engine's contexts this editor shows: step and trigger types, validation, explanations.
ENGINE_CONTEXTS = ("Steps", "Validation", "Explain", "Connections")


@pytest.fixture
def in_filipino(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app starts in Filipino (the compiled file, the operator's choice); English again
    after the test."""
    i18n.release(quiet=True)
    monkeypatch.setenv("DALOY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DALOY_LANGUAGE", language.FILIPINO)
    yield
    lang = language.current()
    if lang is not None:
        lang.apply(language.ENGLISH)


@pytest.fixture
def page(in_filipino, gui, qtbot):  # noqa: ANN001
    _ctx, window = gui
    # language.start chose Filipino when it first ran; later tests switch as the operator does
    assert language.current().apply(language.FILIPINO)
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    return page


def palette_texts(page) -> list[str]:  # noqa: ANN001
    listed = page.step_palette.list
    return [listed.item(i).text() for i in range(listed.count())]


def test_the_editor_speaks_filipino(page, qtbot) -> None:  # noqa: ANN001
    texts = palette_texts(page)
    assert "Magpadala ng email" in texts and "Send an email" not in texts
    assert "MGA MENSAHE" in texts  # the group headings too
    item = page.step_palette.list.item(texts.index("Magpadala ng email"))
    assert item.data(Qt.ItemDataRole.UserRole) == "send_email"  # what is stored: the type name
    assert "Mag-email sa customer" in item.toolTip()
    page.step_palette.search.setText("email")  # finding a step searches the Filipino words
    assert not item.isHidden()

    from app.core.model import Workflow

    page.open(Workflow("Pagsubok"))
    drop(page, "spreadsheet_update", QPointF(0, 0))  # file, key column… not filled in yet
    inspector = page.inspector
    assert inspector.step_name == "spreadsheet_update"
    head = inspector.widget().findChildren(QLabel)
    assert any("I-update ang spreadsheet" in w.text() for w in head)
    mode = inspector.editors["mode"][1]
    assert isinstance(mode, QComboBox)
    assert [mode.itemText(i) for i in range(mode.count())] == ["ibawas", "idagdag", "itakda"]
    mode.setCurrentIndex(2)  # "itakda": the English value is what the workflow stores
    qtbot.waitUntil(
        lambda: page.doc.workflow.step("spreadsheet_update").config.get("mode") == "set",
        timeout=3000,
    )
    # live validation: a problem in Filipino, on the node and in the status line
    qtbot.waitUntil(lambda: "Kailangang punan" in page.status.text(), timeout=5000)
    assert "problema" in page.status.text()
    assert "Kailangang punan" in page.scene.nodes["spreadsheet_update"].problem
    assert page.toolbar.actions()[0].text() == "Bago"


def cut_steps(page) -> list[str]:  # noqa: ANN001
    """Step types whose Filipino name the palette cuts off: each one's words, wrapped to the
    width its row leaves beside the icon, must fit in the row."""
    listed = page.step_palette.list
    metrics = listed.fontMetrics()
    width = listed.viewport().width()
    problems = []
    for i in range(listed.count()):
        item = listed.item(i)
        if item.isHidden() or not item.text():
            continue
        row = listed.visualItemRect(item)
        room = row.width() - listed.iconSize().width() - 12  # the icon and the item's margins
        words = metrics.boundingRect(
            QRect(0, 0, max(room, 1), 10_000), Qt.TextFlag.TextWordWrap, item.text()
        )
        if row.right() > width or words.width() > room or words.height() > row.height():
            problems.append(f"step “{item.text()}” is cut off in the palette ({row.width()} px)")
    return problems


def test_a_dropped_step_is_titled_in_filipino(page) -> None:  # noqa: ANN001
    """A step dragged onto the canvas gets its type's Filipino name as its title (what the
    palette said), not its English type name; its name stays the type's."""
    from app.core.model import Workflow

    page.open(Workflow("Pamagat"))
    drop(page, "http_request", QPointF(0, 0))
    step = page.doc.workflow.step("http_request")
    shown = next(
        page.step_palette.list.item(i).text()
        for i in range(page.step_palette.list.count())
        if page.step_palette.list.item(i).data(Qt.ItemDataRole.UserRole) == "http_request"
    )
    assert step.title == shown and step.title != "Http request", step.title


def test_the_editor_and_its_engine_texts_are_all_in_filipino() -> None:
    """Every string lupdate finds in the editor's sources, and in the engine's contexts the
    editor shows, has its Filipino translation (the .ts files as committed)."""
    todo = [
        f"[{m.context}] {m.source!r}"
        for m in i18n.messages(i18n.ts_path("editor"))
        if not m.finished
    ] + [
        f"[{m.context}] {m.source!r}"
        for m in i18n.messages(i18n.ts_path("engine"))
        if m.context in ENGINE_CONTEXTS and not m.finished
    ]
    assert todo == [], "run `packaging/i18n.py update editor engine` and translate them"


IMPORTANT = {"newWorkflow", "saveWorkflow", "publishWorkflow", "switchWorkflow", "practiceRun"}


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_the_editor_fits_in_filipino(page, gui, qtbot, tmp_path, size) -> None:  # noqa: ANN001
    _ctx, window = gui
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    width, height = size
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.height() <= height, timeout=5000)
    found: list[str] = []
    # a step with its form in the inspector (the problems line filled in), then the
    # workflow's own settings (where orders come from)
    send = next(s.name for s in page.doc.workflow.steps if s.type == "send_email")
    for shown, select in (("step", [send]), ("workflow", [])):
        page.scene.select_only(select)
        qtbot.waitUntil(
            lambda s=select: page.inspector.step_name == (s[0] if s else None), timeout=3000
        )
        qtbot.wait(300)
        QApplication.processEvents()
        window.grab().save(str(out / f"fil-editor-{shown}-{width}x{height}.png"))
        found += clipped(window, page) + cut_words(page) + cut_steps(page)
    toolbar = page.findChild(QToolBar)
    for action in toolbar.actions():
        if action.objectName() in IMPORTANT:
            button = toolbar.widgetForAction(action)
            if not (button.isVisible() and toolbar.rect().contains(button.geometry())):
                found.append(f"“{action.text()}” is behind the toolbar's overflow")
    assert found == [], (window.width(), found)


def test_switching_language_redoes_the_editor_and_keeps_the_edit(in_filipino, gui, qtbot) -> None:  # noqa: ANN001
    """The operator edits a step in English, switches to Filipino: the library, the inspector
    and the problems speak Filipino, and the unsaved edit is still there."""
    _ctx, window = gui
    lang = language.current()
    lang.apply(language.ENGLISH)
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    from app.core.model import Workflow

    page.open(Workflow("Switch"))
    drop(page, "condition", QPointF(0, 0))  # no condition yet: a problem
    assert "Send an email" in palette_texts(page)
    qtbot.waitUntil(lambda: "is required" in page.status.text(), timeout=5000)
    before = page.doc.to_dict()
    assert lang.apply(language.FILIPINO)
    assert "Magpadala ng email" in palette_texts(page) and "LOHIKA" in palette_texts(page)
    assert page.workflows_label.text() == "Mga workflow"
    assert "Kailangang punan" in page.status.text()
    assert page.inspector.step_name == "condition"
    labels = [w.text() for w in page.inspector.widget().findChildren(QLabel)]
    assert any("Kung / kung hindi" in t for t in labels)
    assert "Kondisyon *" in labels
    assert page.doc.to_dict() == before and page.dirty()  # the edit is kept, still unsaved


def test_the_web_order_forms_settings_fit_at_1024_in_filipino(page, gui, qtbot) -> None:  # noqa: ANN001
    """The workflow's settings as the first-run setup leaves them for a web order form, in
    Filipino at 1024×700: its long setting names (“Order sa form bawat minuto mula sa iisang
    address”) wrap above their boxes instead of widening the form past the inspector, where
    each source's “Alisin” (Remove) button and the right end of every box were cut off."""
    from app.shop import ShopChoices, configure

    _ctx, window = gui
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() <= 700, timeout=5000)
    wf = configure(page.doc.workflow.copy(), ShopChoices(source="web", payment="on_delivery"))
    assert [t.type for t in wf.triggers] == ["manual", "webhook"]
    page.open(wf)
    page.scene.select_only([])
    qtbot.waitUntil(lambda: page.workflow_panel is not None, timeout=3000)
    qtbot.wait(300)
    QApplication.processEvents()
    panel = page.inspector.widget()
    seen = page.inspector.viewport().width()
    assert panel.width() <= seen, (panel.width(), seen)
    removes = [b for b in panel.findChildren(QPushButton, "removeTrigger") if b.isVisibleTo(panel)]
    assert len(removes) == 2
    for button in removes:
        right = button.mapTo(panel, button.rect().topRight()).x()
        assert right < seen, (button.text(), right, seen)
    # every setting's name shown whole: wrapped on the line it has, as tall as its lines
    for label in panel.findChildren(QLabel):
        if label.isVisibleTo(panel) and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
            assert label.width() >= min(label.minimumSizeHint().width(), seen - 40), label.text()
    assert clipped(window, page) == []


def test_a_chat_steps_settings_fit_at_1024_in_filipino(page, gui, qtbot) -> None:  # noqa: ANN001
    """“Mag-abiso sa chat” in Filipino at 1024×700: its long setting name (“Hindi dinodoble ng
    webhook ang inulit na post”) sits above its box, wrapped, instead of beside every box,
    where it pushed the boxes past the inspector's right edge and left the message box a
    few words wide."""
    _ctx, window = gui
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() <= 700, timeout=5000)
    drop(page, "notify", QPointF(0, 900))
    page.scene.select_only(["notify"])
    qtbot.waitUntil(lambda: page.inspector.step_name == "notify", timeout=3000)
    qtbot.wait(300)
    QApplication.processEvents()
    form = page.inspector.widget()
    seen = page.inspector.viewport().width()
    assert form.width() <= seen, (form.width(), seen)
    for name, (_field, box) in page.inspector.editors.items():
        left = box.mapTo(form, box.rect().topLeft()).x()
        assert left + box.width() <= seen, (name, left, box.width(), seen)
    message = page.inspector.editors["message"][1]
    assert message.width() >= seen * 0.8, (message.width(), seen)
    assert clipped(window, page) == []


def test_a_longer_problem_does_not_overlap_the_steps_settings(page, gui, qtbot) -> None:  # noqa: ANN001
    """At 1024×700 in Filipino, a condition written outside its braces: the problem's four
    lines, the step's help and “Kapag pumalya” each get the height of their lines (the form
    had shared its new height out as at its widest: the problem overlapped the boxes above
    it and the help lost its last lines)."""
    _ctx, window = gui
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() <= 700, timeout=5000)
    drop(page, "condition", QPointF(0, 900))
    page.scene.select_only(["condition"])
    qtbot.waitUntil(lambda: page.inspector.step_name == "condition", timeout=3000)
    qtbot.wait(300)  # the form laid out, as the operator sees it before typing
    box = page.inspector.editors["expression"][1]
    box.setText("{{ trigger.order.total }} > 5000")
    box.editingFinished.emit()
    problems = page.inspector.problems
    qtbot.waitUntil(lambda: "Nasa labas ng mga brace" in problems.text(), timeout=5000)
    form = page.inspector.widget()

    def short() -> list[str]:
        return [
            f"{label.text()[:40]!r}: {label.height()} of {label.heightForWidth(label.width())} px"
            for label in form.findChildren(QLabel)
            if label.isVisibleTo(form)
            and label.wordWrap()
            and label.height() < label.heightForWidth(label.width())
        ]

    qtbot.wait(300)
    qtbot.waitUntil(lambda: short() == [], timeout=3000)
    assert problems.geometry().top() >= max(
        w.geometry().bottom() for w in form.findChildren(QLineEdit) if w.isVisibleTo(form)
    )
