"""Orders, an order's page and the audit page, driven through the real window with real runs:
a cancelled order and a practice run are never a green "Done"; orders are found by customer
name and by SKU; the CSV and Excel exports hold what the table shows; a decision shows who made
it and their note, on the audit page and in the order's timeline (which does not name the order
again on its own page)."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton, QToolButton

from app.core import machine as m
from app.core.order_total import money_text
from app.ui.runs import COLUMNS, cell_text
from tests.support.engine import charge_workflow, run_status, save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_inbox_words import click

DECIDE = {
    "name": "ask",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {
            "name": "q",
            "type": "ask_person",
            "config": {
                "question": "Substitute or backorder?",
                "options": [
                    {"name": "substitute", "label": "Substitute"},
                    {"name": "backorder", "label": "Backorder"},
                ],
                "fields": [{"name": "note", "label": "Note"}],
            },
        },
        {"name": "sub", "type": "transform", "config": {"values": {"s": 1}}},
        {"name": "back", "type": "transform", "config": {"values": {"b": 1}}},
    ],
    "edges": [
        {"from": "q", "port": "substitute", "to": "sub"},
        {"from": "q", "port": "backorder", "to": "back"},
    ],
}


def order(number: str, name: str, skus: list[str], total: float = 250.0) -> dict:
    return {
        "order": {
            "number": number,
            "amount": total,
            "total": total,
            "currency": "PHP",
            "customer": {"name": name, "email": f"{name.split()[0].lower()}@example.com"},
            "lines": [{"sku": s, "qty": 1} for s in skus],
        }
    }


def table_rows(window) -> list[list[str]]:
    model = window.runs.model
    return [[cell_text(r, c) for c in range(len(COLUMNS))] for r in model.rows]


def search(qtbot, window, text: str, expect: int) -> list[str]:
    window.page("runs")
    box = window.findChild(QLineEdit, "runSearch")
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    model = window.runs.model
    qtbot.waitUntil(lambda: model.rowCount() == expect and not model._busy, timeout=10000)
    return [r["business_key"] for r in model.rows]


def test_a_cancelled_order_and_a_practice_run_are_not_shown_as_done(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(1, "400")
    run_id = ctx.store.start_run("charge", order("5001", "Aling Nena", ["RICE-25"]))
    ctx.store.start_run("charge", order("5002", "Mang Tomas", ["OIL-1L"]), practice=True)
    from tests.support.engine import wait_for

    wait_for(lambda: run_status(ctx.db, run_id) == m.RUN_NEEDS_ATTENTION)
    ctx.actions.cancel(run_id, reason="customer called")
    window.page("runs")
    window.runs.apply_filters()
    model = window.runs.model
    qtbot.waitUntil(
        lambda: {r["business_key"]: r["status"] for r in model.rows}.get("5001") == "cancelled",
        timeout=15000,
    )
    qtbot.waitUntil(
        lambda: any(r["business_key"] == "5002" and r["status"] == "succeeded" for r in model.rows),
        timeout=15000,
    )
    status = {row[0]: row[3] for row in table_rows(window)}
    assert status["5001"] == "Cancelled"
    assert status["5002"] == "Practice run"
    # the order's page says the same, and shows who cancelled it in the timeline
    row = next(i for i, r in enumerate(model.rows) if r["business_key"] == "5001")
    rect = window.runs.table.visualRect(model.index(row, 0))
    qtbot.mouseClick(window.runs.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.runs.detail
    qtbot.waitUntil(lambda: page.state.text() == "Cancelled", timeout=10000)
    assert window.runs.stack.currentWidget() is page
    assert page.why.text().startswith("Cancelled by tester")
    texts = [a.text.text() for a in page.timeline.action_rows]
    # on the order's own page its number is not said again (the audit page says it)
    assert texts[-1] == "tester cancelled the order — “customer called”"
    assert not any("5001" in text for text in texts)
    assert page.picture.scene_.nodes["charge"].state == "cancelled"


def test_search_by_customer_name_and_by_sku(gui, qtbot):
    ctx, window = gui
    save(
        ctx.db,
        {
            "name": "shop",
            "business_key": "{{ trigger.order.number }}",
            "steps": [{"name": "total", "type": "transform", "config": {"values": {"t": 1}}}],
            "edges": [],
        },
    )
    # (the sample shop's own practice order is there too: names and SKUs here are others)
    ctx.store.start_run("shop", order("6001", "Perla Dizon", ["TUYO-250", "BAGOONG-1"]))
    ctx.store.start_run("shop", order("6002", "Mang Kiko", ["KAPE-3IN1"]))
    ctx.store.start_run("shop", order("6003", "Perla Santos", ["PANDESAL-12"]))
    assert sorted(search(qtbot, window, "perla", 2)) == ["6001", "6003"]
    assert search(qtbot, window, "Mang Kiko", 1) == ["6002"]
    assert search(qtbot, window, "KAPE-3IN1", 1) == ["6002"]
    assert search(qtbot, window, "bagoong-1", 1) == ["6001"]
    rows = table_rows(window)
    assert rows[0][1] == "Perla Dizon" and rows[0][2] == "PHP 250.00"  # in the order's currency


def placeholder_room(box: QLineEdit) -> tuple[int, int]:
    """(room, needed): the width between the search icon and where the clear button shows,
    and the width of the box's placeholder there (cut with “…” when the room is less)."""
    buttons = sorted(box.findChildren(QToolButton), key=lambda b: b.x())
    room = buttons[-1].geometry().left() - buttons[0].geometry().right()
    return room, box.fontMetrics().horizontalAdvance(box.placeholderText())


@pytest.mark.usefixtures("filipino")  # before ``gui``: see the fixture
def test_the_search_box_shows_all_it_finds_by_on_a_small_screen(gui, qtbot):
    """At 1024×700 the search's placeholder was cut (“…, email, phone…”, in Filipino “…,
    numero, custome…”): the operator never read that a product finds its orders."""
    from app.ui import language
    from tests.ui.test_small_screens import clipped

    _ctx, window = gui
    window.resize(1024, 700)
    window.page("runs")
    box = window.runs.search
    for spoken in (language.ENGLISH, language.FILIPINO):
        assert language.current().apply(spoken)
        qtbot.waitUntil(lambda: window.width() == 1024, timeout=5000)
        QApplication.processEvents()
        assert box.placeholderText().endswith("…")
        room, needed = placeholder_room(box)
        assert room >= needed, (spoken, box.placeholderText(), room, needed)
        assert not clipped(window, window.runs)  # “New order” beside it stays whole
    # on a wide screen no wider than its words need: the rest stays blank
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=5000)
    QApplication.processEvents()
    room, needed = placeholder_room(box)
    assert needed <= room < needed + 80


def test_csv_and_xlsx_exports_match_the_table(gui, qtbot, tmp_path):
    ctx, window = gui
    save(
        ctx.db,
        {
            "name": "shop",
            "business_key": "{{ trigger.order.number }}",
            "steps": [{"name": "total", "type": "transform", "config": {"values": {"t": 1}}}],
            "edges": [],
        },
    )
    for n, name in enumerate(["Perla Dizon", "Mang Kiko", '=HYPERLINK("x")', "Ate Joy"]):
        ctx.store.start_run("shop", order(f"70{n}", name, ["BIHON-500"], total=100.5 + n))
    search(qtbot, window, "BIHON-500", 4)
    shown = table_rows(window)
    for ext in ("csv", "xlsx"):
        path = tmp_path / f"orders.{ext}"
        window.runs.export_to(str(path))
        status = window.runs.export_status
        qtbot.waitUntil(lambda s=status: s.text().startswith("Exported"), timeout=15000)
        assert status.text() == f"Exported 4 orders to {path}."
        if ext == "csv":
            with path.open(encoding="utf-8-sig") as f:
                got = list(csv.DictReader(f))
            customers = [r["Customer"].removeprefix("'") for r in got]
            totals = [money_text(float(r["Total"]), "PHP") for r in got]  # a number in the file
        else:
            sheet = openpyxl.load_workbook(path).active
            head, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
            got = [dict(zip(head, r, strict=True)) for r in body]
            customers = [r["Customer"].removeprefix("'") for r in got]
            totals = [money_text(r["Total"], "PHP") for r in got]
        assert [r["Order"] for r in got] == [row[0] for row in shown]
        assert customers == [row[1] for row in shown]
        assert totals == [row[2] for row in shown]


def test_audit_page_shows_a_decision_with_who_and_note(gui, qtbot):
    ctx, window = gui
    save(ctx.db, DECIDE)
    run_id = ctx.store.start_run("ask", {"order": {"number": "8001"}})
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.waitUntil(lambda: inbox.count() == 1, timeout=15000)
    # from the order's page: Decide now leads to the entry
    window.open_run(run_id)
    page = window.runs.detail
    qtbot.waitUntil(lambda: page.decide.isVisible(), timeout=10000)
    assert page.decide.text() == "Decide now"
    click(qtbot, page.decide)
    qtbot.waitUntil(
        lambda: window.findChild(QPushButton, "option_backorder") is not None, timeout=10000
    )
    window.findChild(QLineEdit, "field_note").setText("supplier delivers Friday")
    click(qtbot, window.findChild(QPushButton, "option_backorder"))
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=15000)
    qtbot.waitUntil(
        lambda: window.inbox.confirmation.text() == "✓ Order 8001 goes on: you chose “Backorder”.",
        timeout=5000,
    )
    window.page("audit")
    audit = window.audit
    audit.refresh()
    qtbot.waitUntil(
        lambda: (
            audit.tree.topLevelItemCount() >= 1
            and any(
                audit.tree.topLevelItem(i).text(2).startswith("tester chose “Backorder”")
                for i in range(audit.tree.topLevelItemCount())
            )
        ),
        timeout=10000,
    )
    row = next(
        audit.tree.topLevelItem(i)
        for i in range(audit.tree.topLevelItemCount())
        if "chose" in audit.tree.topLevelItem(i).text(2)
    )
    assert row.text(1) == "tester"
    # the option's label and the step's title, as on the inbox entry the person answered
    assert row.text(2) == "tester chose “Backorder” at “Q” (order 8001)"
    assert row.text(3) == "supplier delivers Friday"
    # filtered by who and kind of action
    audit.action.setCurrentIndex(audit.action.findData("choose"))
    qtbot.waitUntil(lambda: audit.tree.topLevelItemCount() == 1, timeout=10000)
    # and in the order's timeline, under the step it answered
    window.open_run(run_id)
    qtbot.waitUntil(
        lambda: any("supplier delivers Friday" in a.text.text() for a in page.timeline.action_rows),
        timeout=10000,
    )
    chose = next(a.text.text() for a in page.timeline.action_rows if "chose" in a.text.text())
    assert chose == "tester chose “Backorder” at “Q” — “supplier delivers Friday”"  # no 8001
    assert page.state.text() == "Done"
    assert page.picture.taken == {("q", "backorder", "back")}


def test_a_step_row_keeps_state_attempts_and_time_in_view_when_opened(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=2))
    payment_gateway.fail_next(2, "503")
    run_id = ctx.store.start_run("charge", order("9001", "Aling Nena", ["RICE-25"]))
    window.resize(1024, 700)
    window.open_run(run_id)
    page = window.runs.detail
    qtbot.waitUntil(
        lambda: (
            "charge" in page.timeline.rows
            and page.timeline.rows["charge"].state.text() == "Needs you"
        ),
        timeout=20000,
    )
    row = page.timeline.rows["charge"]
    assert row.expanded() and row.body.isVisible()  # a step that needs you opens itself
    raw = row.technical.body.text()  # the step's record, folded under "Technical detail"
    assert "Given:" in raw and "Attempt 2" in raw
    qtbot.waitUntil(lambda: row.tries.isVisible(), timeout=5000)
    view = page.timeline.viewport().rect()
    for label in (row.state, row.tries, row.time):
        right = label.mapTo(page.timeline.viewport(), label.rect().topRight())
        assert view.contains(right), label.objectName()
    assert row.tries.text() == "2 of 2"


@pytest.mark.usefixtures("filipino")  # before ``gui``: see the fixture
def test_a_practice_run_is_called_the_same_in_the_list_and_in_its_sentences(gui, qtbot):
    """The editor's “Try it” makes a practice run: the Orders list, its entry in Needs you and
    its page call it by the same word, in English and in Filipino (the entry read “Practice
    order 5101” beside the list's “Practice run”)."""
    from PySide6.QtWidgets import QLabel

    from app.core.order_states import kind_of
    from app.ui import language

    ctx, window = gui
    save(ctx.db, DECIDE)
    run_id = ctx.store.start_run("ask", {"order": {"number": "5101"}}, practice=True)
    qtbot.waitUntil(lambda: window.inbox.list.count() == 1, timeout=15000)

    def shown(widget) -> str:
        return "\n".join(label.text() for label in widget.findChildren(QLabel))

    def called(spoken: str) -> str:
        """The word each place uses, once each has said the order in ``spoken``."""
        assert language.current().apply(spoken)
        word = kind_of(practice=True, demo=False)  # what the Orders list says
        window.page("inbox")
        window.inbox.list.setCurrentRow(0)
        qtbot.waitUntil(lambda: f"{word} 5101" in shown(window.inbox.detail), timeout=10000)
        window.page("runs")
        window.runs.apply_filters()
        model = window.runs.model
        qtbot.waitUntil(
            lambda: any(r[0] == "5101" for r in table_rows(window)) and not model._busy,
            timeout=10000,
        )
        status = next(r[3] for r in table_rows(window) if r[0] == "5101")
        assert status.startswith(word + ",")  # “Practice run, needs you”
        window.open_run(run_id)
        page = window.runs.detail
        qtbot.waitUntil(lambda: page.run_id == run_id and bool(page.detail), timeout=10000)
        qtbot.waitUntil(lambda: page.state.text().startswith(word + ","), timeout=10000)
        assert "Practice order" not in shown(page) and "Pansubok na order" not in shown(page)
        return word

    assert called(language.FILIPINO)
    assert called(language.ENGLISH) == "Practice run"


def test_a_demo_order_reads_as_a_demo_order_not_a_practice_run():
    """A demo order is run as practice; its words still say Demo (the order page and the
    practice list read the run with its trigger)."""
    from app.ui.style import run_words

    demo = {"status": "succeeded", "practice": True, "trigger": {"demo": True, "order": {}}}
    assert run_words(demo)[0] == "Demo order"
    assert run_words(demo | {"status": "needs_attention"})[0].startswith("Demo order, ")
    assert run_words(demo | {"trigger": {"order": {}}})[0] == "Practice run"
    assert run_words(demo | {"status": "cancelled"})[0] == "Cancelled"


@pytest.mark.usefixtures("filipino")  # before ``gui``: see the fixture
def test_the_demos_orders_read_as_demo_orders_in_the_list(gui, qtbot):
    """The demo's orders (``app.demo``: practice runs whose trigger says demo) are said as demo
    orders in the Orders list — "Practice run" is an editor's test run — in English and in
    Filipino, from the list's own rows (they carry no trigger), and the state column still
    fits its longest state in each language."""
    from app import demo
    from app.ui import language

    ctx, window = gui
    ids = dict(zip(("DEMO-1001", "DEMO-1002", "DEMO-1003"), demo.start(ctx.runtime), strict=True))
    waits = {"DEMO-1001": m.RUN_SUCCEEDED} | dict.fromkeys(
        ("DEMO-1002", "DEMO-1003"), m.RUN_NEEDS_ATTENTION
    )  # in stock; short of coffee (a decision); the payment service "down" (a failed step)
    qtbot.waitUntil(
        lambda: all(run_status(ctx.db, ids[k]) == state for k, state in waits.items()),
        timeout=30000,
    )
    window.page("runs")
    window.runs.apply_filters()
    model, table = window.runs.model, window.runs.table

    def states() -> dict[str, str]:
        return {row[0]: row[3] for row in table_rows(window) if row[0] in ids}

    qtbot.waitUntil(lambda: len(states()) == 3 and not model._busy, timeout=10000)
    assert states() == {
        "DEMO-1001": "Demo order",
        "DEMO-1002": "Demo order, needs you",
        "DEMO-1003": "Demo order, needs you",
    }
    assert all(r["demo"] for r in model.rows if r["business_key"] in ids)
    combo = window.language
    for choice, said in ((language.FILIPINO, "Demo na order"), (language.ENGLISH, "Demo order")):
        combo.setCurrentIndex(combo.findData(choice))
        combo.activated.emit(combo.currentIndex())  # as the operator picks it
        waiting = said + (", kailangan ka" if choice == language.FILIPINO else ", needs you")
        assert states() == {"DEMO-1001": said, "DEMO-1002": waiting, "DEMO-1003": waiting}
        index = model.index(
            next(i for i, r in enumerate(model.rows) if r["id"] == ids["DEMO-1002"]), 3
        )
        needed = table.sizeHintForColumn(3)  # as the view lays out a cell: icon, text, margins
        assert table.visualRect(index).width() >= needed
        assert needed > table.fontMetrics().horizontalAdvance(waiting)
    # on a 1024-pixel screen the workflow column gives way: the reason keeps its title whole
    # (in Filipino it was cut to “ahila”); on a wide one it is back
    combo.setCurrentIndex(combo.findData(language.FILIPINO))
    combo.activated.emit(combo.currentIndex())
    header, reason, workflow = table.horizontalHeader(), 4, 5
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: table.isColumnHidden(workflow), timeout=5000)
    qtbot.waitUntil(
        lambda: header.sectionSize(reason) >= header.sectionSizeHint(reason), timeout=5000
    )
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: not table.isColumnHidden(workflow), timeout=5000)
    combo.setCurrentIndex(combo.findData(language.ENGLISH))  # as the test found it
    combo.activated.emit(combo.currentIndex())
