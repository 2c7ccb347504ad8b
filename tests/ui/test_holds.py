"""Breakers and holds in the GUI, with real clicks on the real window over a real data folder:
a down system is one entry in Needs you and turns the tray red, its Retry all lets the orders
go on; a hold is made from an order's page ("Hold orders like this…") and released there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from app.core import machine as m
from app.store import breakers
from app.ui.holds import HoldForm
from tests.support.engine import charge_workflow, run_status, save, step_state, wait_for


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def order(number: str, sku: str) -> dict:
    return {
        "order": {
            "number": number,
            "amount": 120,
            "customer": {"name": "Aling Nena"},
            "lines": [{"sku": sku, "qty": 2}],
        }
    }


def test_a_down_system_is_one_entry_and_the_tray_is_red(gui, qtbot, payment_gateway):
    ctx, window = gui
    gw = payment_gateway
    save(ctx.db, charge_workflow(gw.url, attempts=3))
    with ctx.db.write() as s:
        breakers.configure(
            s,
            f"host:127.0.0.1:{gw.port}",
            who="tester",
            failures=2,
            probe_after=600.0,
            probe_max=600.0,
            resume_per_second=20.0,
        )
    gw.down()
    runs = [ctx.store.start_run("charge", order(f"61{i}", "RICE-25")) for i in range(4)]
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.waitUntil(
        lambda: inbox.count() == 1 and "4 orders waiting" in inbox.item(0).text(), timeout=30000
    )
    qtbot.waitUntil(lambda: window.notifier.state == "down", timeout=10000)
    window.page("inbox")
    detail = open_entry(qtbot, window)
    assert set(detail.buttons) == {"try_now", "keep_waiting", "retry_all", "cancel_all"}
    click(qtbot, detail.buttons["keep_waiting"])
    qtbot.waitUntil(
        lambda: (
            ctx.db.execute_sql("select who from audit where action = 'system_keep_waiting'")
            == [("tester",)]
        ),
        timeout=10000,
    )
    qtbot.waitUntil(
        lambda: (
            window.inbox.confirmation.text() == "✓ Daloy keeps waiting and "
            "tries the system now and then."
        ),
        timeout=10000,
    )
    assert inbox.count() == 1 and window.notifier.state == "down"  # still down, still said
    gw.up()
    detail = open_entry(qtbot, window)
    click(qtbot, detail.buttons["retry_all"])
    for r in runs:
        wait_for(lambda r=r: run_status(ctx.db, r) == m.RUN_SUCCEEDED, 30)
    qtbot.waitUntil(lambda: inbox.count() == 0, timeout=10000)
    qtbot.waitUntil(lambda: window.notifier.state == "ok", timeout=10000)
    assert all(gw.charge_count(f"daloy-{r}-charge") == 1 for r in runs)


def open_entry(qtbot, window):
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.mouseClick(
        inbox.viewport(),
        Qt.MouseButton.LeftButton,
        pos=inbox.visualItemRect(inbox.item(0)).center(),
    )
    detail = window.inbox.detail
    qtbot.waitUntil(
        lambda: "retry_all" in detail.buttons and detail.buttons["retry_all"].isEnabled(),
        timeout=10000,
    )
    return detail


def open_order(qtbot, window, number: str):
    window.page("runs")
    window.runs.apply_filters()
    model = window.runs.model
    qtbot.waitUntil(lambda: any(r["business_key"] == number for r in model.rows), timeout=15000)
    row = next(i for i, r in enumerate(model.rows) if r["business_key"] == number)
    rect = window.runs.table.visualRect(model.index(row, 0))
    qtbot.mouseClick(window.runs.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.runs.detail
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail["business_key"] == number, timeout=10000
    )
    return page


def test_hold_orders_like_this_and_release_from_the_order_page(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url))
    first = ctx.store.start_run("charge", order("7001", "COFFEE-3IN1"))
    wait_for(lambda: run_status(ctx.db, first) == m.RUN_SUCCEEDED, 30)
    page = open_order(qtbot, window, "7001")
    click(qtbot, page.holds.hold)
    form = page.holds.form
    qtbot.waitUntil(form.isVisible, timeout=5000)
    assert isinstance(form, HoldForm) and form.sku.currentText() == "COFFEE-3IN1"
    form.step.setCurrentIndex(form.step.findData("charge"))
    qtbot.keyClicks(form.note, "until restocked")
    click(qtbot, form.ok)
    qtbot.waitUntil(
        lambda: page.holds.status.text().startswith(
            "Hold 1 is on: every order of “charge” with COFFEE-3IN1"
        ),
        timeout=10000,
    )
    # a matching order that arrives now is held before "charge"; another product goes on
    held = ctx.store.start_run("charge", order("7002", "COFFEE-3IN1"))
    other = ctx.store.start_run("charge", order("7003", "SUGAR-1"))
    wait_for(lambda: run_status(ctx.db, other) == m.RUN_SUCCEEDED, 30)
    wait_for(lambda: step_state(ctx.db, held, "charge") == (m.RETRY_WAIT, 0), 30)
    page = open_order(qtbot, window, "7002")
    qtbot.waitUntil(lambda: page.holds.release.isVisible(), timeout=10000)
    assert page.why.text().startswith("Held since ") and "until restocked" in page.why.text()
    click(qtbot, page.holds.release)
    wait_for(lambda: run_status(ctx.db, held) == m.RUN_SUCCEEDED, 30)
    qtbot.waitUntil(
        lambda: page.holds.status.text() == "Hold 1 released: 1 order goes on.", timeout=10000
    )
    qtbot.waitUntil(lambda: not page.holds.release.isVisible(), timeout=10000)
    assert ctx.db.execute_sql(
        "select action, who from audit where action like 'hold_%' order by id"
    ) == [("hold_added", "tester"), ("hold_released", "tester")]
    # the holds list says none is on
    click(qtbot, page.holds.all)
    qtbot.waitUntil(lambda: page.holds.list.status.text() == "No holds are on.", timeout=10000)
    page.holds.list.close()
    QApplication.processEvents()


def test_the_hold_form_offers_products_by_their_names(gui, qtbot):
    """A product reads as the stock check named it (“Sardines, 155 g (SARDINES-155)”); the hold
    is still made on its code, and a code typed in is taken as typed."""
    _ctx, window = gui
    lines = [{"sku": "SARDINES-155", "qty": 12, "name": "Sardines, 155 g"}]
    order = {
        "workflow": "Order fulfilment",
        "customer": "Aling Nena",
        "trigger": {"order": {"lines": [{"sku": "SARDINES-155"}, {"sku": "MYSTERY-9"}]}},
        "steps": [{"name": "check_stock", "title": "Check stock", "output": {"lines": lines}}],
    }
    form = HoldForm(order, window)
    shown = [form.sku.itemText(i) for i in range(form.sku.count())]
    assert shown == ["Sardines, 155 g (SARDINES-155)", "MYSTERY-9", "(any)"]
    assert form.rule()["sku"] == "SARDINES-155"
    form.sku.setCurrentIndex(2)
    assert form.rule()["sku"] is None
    form.sku.setEditText("OIL-1L")
    assert form.rule()["sku"] == "OIL-1L"
    form.close()
