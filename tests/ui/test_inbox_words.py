"""Needs you, as an operator uses it, with real clicks on the real window and real engine runs
against the local payment gateway: the entry opens with what happened to the money, the actions
come before the order and the technical detail (folded), "Retry with changes" is a form, an
action is confirmed and the next entry selected, several entries are retried at once, and Cancel
asks first."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QMessageBox, QPushButton

from app.core import machine as m
from tests.support.engine import charge_workflow, run_status, save

ORDER = {
    "number": "3001",
    "amount": 1499.5,
    "total": 1499.5,
    "currency": "PHP",
    "customer": {"name": "Aling Nena", "email": "nena@example.com"},
}
RAW = re.compile(r"Errno|127\.0\.0\.1|daloy-[0-9a-f]{8}|Idempotency", re.I)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def start(ctx, number: str, **extra) -> str:
    return ctx.store.start_run("charge", {"order": ORDER | {"number": number} | extra})


def open_entry(qtbot, window, row: int = 0):
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.waitUntil(lambda: inbox.count() > row, timeout=30000)
    qtbot.mouseClick(
        inbox.viewport(),
        Qt.MouseButton.LeftButton,
        pos=inbox.visualItemRect(inbox.item(row)).center(),
    )
    detail = window.inbox.detail
    qtbot.waitUntil(lambda: "retry" in detail.buttons, timeout=10000)
    return detail


def failed_charge(qtbot, ctx, window, gateway, number: str):
    """An order whose charge was declined (no retries): its entry opened in Needs you."""
    save(ctx.db, charge_workflow(gateway.url, attempts=1))
    gateway.fail_next(1, "400")
    run_id = start(ctx, number)
    return run_id, open_entry(qtbot, window)


def open_dialog(qtbot, detail, button: str):
    """Click ``button`` of the entry and wait for the form it opens."""
    click(qtbot, detail.buttons[button])
    qtbot.waitUntil(
        lambda: getattr(detail, "dialog", None) is not None and detail.dialog.isVisible(),
        timeout=5000,
    )
    return detail.dialog


def answer_message_box(qtbot, yes: bool) -> None:
    def go() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, go)
            return
        button = box.button(
            QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        )
        click(qtbot, button)

    QTimer.singleShot(50, go)


def test_a_failed_charge_whose_outcome_was_looked_up_says_not_charged(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=3, timeout=0.5))
    payment_gateway.hang_seconds = 1.0
    payment_gateway.fail_next(1, "hang")  # no answer: the outcome is not known
    payment_gateway.fail_next(5, "503")  # the look-up finds no charge; then it fails
    start(ctx, "3001")
    detail = open_entry(qtbot, window)
    headline = detail.findChild(object, "headline").text()
    assert headline.startswith("The card was not charged: the payment service had a problem"), (
        headline
    )
    money = detail.findChild(object, "why").text()
    assert money.startswith("Daloy checked with the payment service: no charge was made.")
    assert not RAW.search(headline + money)
    # the actions come before the order in words, and the technical detail is folded
    layout = detail.widget().layout().itemAt(0).layout()  # the content, above the stretch
    order = [layout.itemAt(i).widget() or layout.itemAt(i).layout() for i in range(layout.count())]
    texts = [getattr(w, "text", lambda: "")() for w in order if hasattr(w, "text")]
    assert texts.index("The order") > 0
    retry = detail.buttons["retry"]
    order_title = next(w for w in order if hasattr(w, "text") and w.text() == "The order")
    # positions once the pane's layout has been applied (it is, on the event loop)
    qtbot.waitUntil(
        lambda: 0 < retry.mapTo(detail.widget(), retry.rect().topLeft()).y() < order_title.y(),
        timeout=5000,
    )
    fold = detail.findChild(object, "technicalDetailBody")
    assert not fold.isVisible() and "503" in fold.text()
    click(qtbot, detail.findChild(object, "technicalDetail"))
    assert fold.isVisible()


def test_retry_with_changes_through_the_form(gui, qtbot, payment_gateway):
    ctx, window = gui
    run_id, detail = failed_charge(qtbot, ctx, window, payment_gateway, "3002")
    dialog = open_dialog(qtbot, detail, "retry_edit")
    amount = dialog.findChild(QLineEdit, "value_body.amount")
    assert amount is not None and amount.text() == "1499.5"  # current value filled in
    assert dialog.findChild(object, "field_method").currentText() == "POST"
    amount.setText("1200")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=15000)
    key = f"daloy-{run_id}-charge"
    assert payment_gateway.charges[key]["amount"] in (1200, "1200")
    confirmation = window.inbox.confirmation
    qtbot.waitUntil(lambda: confirmation.isVisible(), timeout=5000)
    assert confirmation.text() == "✓ Order 3002 is running again with your changes."
    action = ctx.db.execute_sql(f"select who, action from audit where run_id = '{run_id}'")
    assert ("tester", "retry_with_input") in action


def test_after_retry_a_confirmation_stays_and_the_next_entry_is_selected(
    gui, qtbot, payment_gateway
):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(3, "400")
    first = start(ctx, "3101")
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.waitUntil(lambda: inbox.count() == 1, timeout=15000)
    start(ctx, "3102")
    start(ctx, "3103")
    qtbot.waitUntil(lambda: inbox.count() == 3, timeout=15000)
    detail = open_entry(qtbot, window, 0)
    qtbot.waitUntil(lambda: (detail.entry or {}).get("business_key") == "3101", timeout=5000)
    # the entry below it: 3102's or 3103's, whichever order's charge failed first (they run
    # side by side on the runtime's workers)
    below = inbox.item(1).data(Qt.ItemDataRole.UserRole)
    click(qtbot, detail.buttons["retry"])
    qtbot.waitUntil(lambda: run_status(ctx.db, first) == m.RUN_SUCCEEDED, timeout=15000)
    qtbot.waitUntil(lambda: inbox.count() == 2, timeout=10000)
    assert window.inbox.confirmation.text() == "✓ Order 3101 is running again."
    assert window.inbox.confirmation.isVisible()
    qtbot.waitUntil(lambda: (detail.entry or {}).get("id") == below, timeout=10000)
    assert detail.entry["business_key"] in ("3102", "3103")
    assert [i.data(Qt.ItemDataRole.UserRole) for i in inbox.selectedItems()] == [below]


def test_cancel_asks_first(gui, qtbot, payment_gateway):
    """The question's buttons say what each does, and Enter keeps the order (it cannot be
    undone); “Keep the order” does nothing, “Cancel the order” cancels it."""
    ctx, window = gui
    run_id, detail = failed_charge(qtbot, ctx, window, payment_gateway, "3201")
    asked: list[tuple[str, str, str]] = []

    def look_then_keep() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look_then_keep)
            return
        yes, no = (
            box.button(b) for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)
        )
        asked.append((yes.text(), no.text(), box.defaultButton().text()))
        click(qtbot, no)

    QTimer.singleShot(20, look_then_keep)
    click(qtbot, detail.buttons["cancel"])
    assert asked == [("Cancel the order", "Keep the order", "Keep the order")]
    assert run_status(ctx.db, run_id) == m.RUN_NEEDS_ATTENTION  # kept: nothing happened
    answer_message_box(qtbot, yes=True)
    click(qtbot, detail.buttons["cancel"])
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_CANCELLED, timeout=10000)
    qtbot.waitUntil(
        lambda: window.inbox.confirmation.text() == "✓ Order 3201 was cancelled.", timeout=5000
    )


def test_bulk_retry_of_five_entries(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.down()  # every charge gets 503 until it is up
    runs = [start(ctx, f"35{n}") for n in range(5)]
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.waitUntil(lambda: inbox.count() == 5, timeout=30000)
    # "all waiting on the payment service" from one entry selects the five
    detail = open_entry(qtbot, window)
    same = detail.findChild(QPushButton, "selectSameSystem")
    assert same is not None and same.text() == "Select all 5 waiting on the payment service"
    click(qtbot, same)
    qtbot.waitUntil(lambda: len(inbox.selectedItems()) == 5, timeout=5000)
    qtbot.waitUntil(lambda: "bulk_retry" in detail.buttons, timeout=5000)
    payment_gateway.up()
    click(qtbot, detail.buttons["bulk_retry"])
    qtbot.waitUntil(
        lambda: all(run_status(ctx.db, r) == m.RUN_SUCCEEDED for r in runs), timeout=30000
    )
    qtbot.waitUntil(lambda: inbox.count() == 0, timeout=10000)
    assert window.inbox.confirmation.text() == "✓ 5 orders are running again."
    audited = ctx.db.execute_sql("select who, run_id from audit where action = 'retry'")
    assert sorted(r for _who, r in audited) == sorted(runs)  # one audited action each
    assert {who for who, _r in audited} == {"tester"}


def test_several_entries_selected_by_hand_show_the_bulk_actions(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(2, "400")
    start(ctx, "3601")
    start(ctx, "3602")
    inbox = window.findChild(QListWidget, "inboxList")
    qtbot.waitUntil(lambda: inbox.count() == 2, timeout=15000)
    first = inbox.visualItemRect(inbox.item(0)).center()
    second = inbox.visualItemRect(inbox.item(1)).center()
    qtbot.mouseClick(inbox.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(
        inbox.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=second
    )
    detail = window.inbox.detail
    qtbot.waitUntil(lambda: "bulk_cancel" in detail.buttons, timeout=5000)
    assert detail.findChild(object, "headline").text() == "2 entries selected"
