"""The first run, driven with real clicks on a fresh data folder: the setup opens by itself; “Try
the demo” runs the sample business with nothing set up (labelled Demo in the title, a banner,
the orders and the inbox), and the operator resolves one decision and one failed step; the
setup's pages each test what they were given (a closed port, a refused password) in words and
publish the sample switched on; a refused publish says what is missing; an order typed in by
hand starts like any channel, under its own dedupe key, audited with who."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWizard

from app import demo, secrets, shop
from app.intake.web_addresses import addresses
from app.store import audit, drafts, workflows, workspace
from app.store.models import AuditEntry, Connection, IntakeItem, Run, StepRun
from tests.support.engine import run_status
from tests.support.sample_shop import CANARY

CLICK = Qt.MouseButton.LeftButton
MAX_CLICKS = 15


class Clicker:
    """Real mouse clicks, counted."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot, self.count = qtbot, 0

    def __call__(self, widget: Any, pos: Any = None) -> None:
        self.count += 1
        if pos is None:
            self.qtbot.mouseClick(widget, CLICK)
        else:
            self.qtbot.mouseClick(widget, CLICK, pos=pos)

    def item(self, list_widget: Any, item_id: int) -> None:
        item = next(
            list_widget.item(i)
            for i in range(list_widget.count())
            if list_widget.item(i).data(Qt.ItemDataRole.UserRole) == item_id
        )
        list_widget.scrollToItem(item)
        self(list_widget.viewport(), list_widget.visualItemRect(item).center())


def entry(window: Any, key: str, kind: str) -> dict[str, Any] | None:
    return next(
        (i for i in window.inbox.items if i.get("business_key") == key and i["kind"] == kind), None
    )


def step_of(ctx: Any, key: str, step: str) -> StepRun | None:
    with ctx.db.read() as s:
        run = s.query(Run).filter(Run.business_key == key).one_or_none()
        row = s.query(StepRun).filter_by(run_id=run.id, name=step).one() if run else None
        if row is not None:
            s.expunge(row)
        return row


def open_wizard(qtbot: Any, window: Any) -> QWizard:
    window.shop.on_launch()  # what `daloy` does once the window is shown
    qtbot.waitUntil(
        lambda: window.shop.wizard is not None and window.shop.wizard.isVisible(), timeout=10000
    )
    return window.shop.wizard


def run_demo(qtbot: Any, ctx: Any, window: Any) -> tuple[int, float]:
    """First launch → Try the demo → one decision and one failed step resolved, with real
    clicks; returns (clicks, seconds). Shared with tests/benchmarks/first_run.py."""
    click = Clicker(qtbot)
    started = time.perf_counter()
    wizard = open_wizard(qtbot, window)
    click(wizard.welcome.demo_button)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert "Demo" in window.windowTitle()
    qtbot.waitUntil(
        lambda: (
            entry(window, "DEMO-1002", "decision") is not None
            and entry(window, "DEMO-1003", "step_failed") is not None
        ),
        timeout=60000,
    )
    decision = entry(window, "DEMO-1002", "decision")
    click.item(window.inbox.list, decision["id"])
    detail = window.inbox.detail
    qtbot.waitUntil(
        lambda: (
            (detail.entry or {}).get("id") == decision["id"]
            and "option_backorder" in detail.buttons
        ),
        timeout=10000,
    )
    # said as the app's sample it is, in the order's headline, not as a field of the order
    shown = "\n".join(label.text() for label in detail.findChildren(QLabel))
    assert "Demo order DEMO-1002" in shown and "Practice run" not in shown
    assert "Demo: yes" not in shown and "Number: DEMO-1002" in shown
    click(detail.buttons["option_backorder"])
    qtbot.waitUntil(lambda: entry(window, "DEMO-1002", "decision") is None, timeout=20000)
    failed = entry(window, "DEMO-1003", "step_failed")
    click.item(window.inbox.list, failed["id"])
    qtbot.waitUntil(
        lambda: (detail.entry or {}).get("id") == failed["id"] and "retry" in detail.buttons,
        timeout=10000,
    )
    click(detail.buttons["retry"])
    qtbot.waitUntil(
        lambda: (step_of(ctx, "DEMO-1003", "charge") or StepRun()).state == "succeeded",
        timeout=30000,
    )
    qtbot.waitUntil(
        lambda: (step_of(ctx, "DEMO-1002", "ask_stock") or StepRun()).port == "backorder",
        timeout=30000,
    )
    return click.count, time.perf_counter() - started


def test_first_launch_to_the_demo_resolved_with_real_clicks(qtbot, gui):
    ctx, window = gui
    clicks, seconds = run_demo(qtbot, ctx, window)
    print(
        f"\nfirst launch → demo → one decision and one failed step resolved: "
        f"{clicks} clicks, {seconds:.1f} s"
    )
    assert clicks < MAX_CLICKS
    # labelled Demo wherever it shows: title, banner, orders, inbox
    assert window.shop.banner.isVisible() and "Demo" in window.shop.banner.text()
    qtbot.waitUntil(
        lambda: any(r["business_key"] == "DEMO-1001" for r in window.runs.model.rows), timeout=10000
    )
    shown = {r["business_key"] for r in window.runs.model.rows}
    assert {"DEMO-1001", "DEMO-1002", "DEMO-1003"} <= shown
    assert all(
        "DEMO" in window.inbox.list.item(i).text()
        for i in range(window.inbox.list.count())
        if "Backorder" not in window.inbox.list.item(i).text()
    )
    with ctx.db.read() as s:
        failed = (
            s.query(StepRun)
            .join(Run, Run.id == StepRun.run_id)
            .filter(Run.business_key == "DEMO-1003", StepRun.name == "charge")
            .one()
        )
        assert failed.attempts == 2  # the staged outage failed once, Retry went through
        demo_runs = s.query(Run).filter(Run.business_key.like("DEMO-%")).all()
        assert demo_runs and all(r.practice for r in demo_runs)  # nothing real contacted
    assert demo.is_demo(ctx.db) and not shop.needs_first_run(ctx.db)


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def _next_stays(qtbot: Any, wizard: QWizard, page: Any, words: str) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), CLICK)
    qtbot.waitUntil(lambda: words in page.outcome.result.text(), timeout=30000)
    assert wizard.currentPage() is page
    # said where the operator sees it: on the page, under what was typed
    assert page.outcome.isVisible() and page.outcome.result.isVisible()
    assert page.isAncestorOf(page.outcome)


def _fill_mail(qtbot: Any, wizard: QWizard, port: int, password: str) -> Any:
    """The email page filled in for the local SMTP server on ``port``; returns its form."""
    mail = wizard.email.form
    mail.provider.setCurrentIndex(mail.provider.findData("other"))
    _type(qtbot, mail.findChild(QLineEdit, "setting_host"), "127.0.0.1")
    security = mail.findChild(QComboBox, "setting_security")
    security.setCurrentIndex(security.findData("plain"))
    mail.findChild(QSpinBox, "setting_port").setValue(port)
    _type(qtbot, mail.findChild(QLineEdit, "setting_username"), "shop")
    _type(qtbot, mail.findChild(QLineEdit, "setting_from_address"), "orders@shop.example")
    _type(qtbot, mail.findChild(QLineEdit, "secret_password"), password)
    return mail


def _next_moves(qtbot: Any, wizard: QWizard, page: Any) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), CLICK)
    qtbot.waitUntil(lambda: wizard.currentPage() is not page, timeout=30000)


def test_setup_tests_each_page_in_words_then_publishes_switched_on(
    qtbot, gui, payment_gateway, smtp_sink
):
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _next_stays(qtbot, wizard, wizard.welcome, "Type your shop's name")
    _type(qtbot, wizard.welcome.shop_name, "Tindahan ni Aling Nena")
    _next_moves(qtbot, wizard, wizard.welcome)
    assert wizard.currentPage() is wizard.source and wizard.source.source == "web"
    _next_moves(qtbot, wizard, wizard.source)  # the web form: nothing to test
    pay = wizard.payments.form
    closed = "http://127.0.0.1:9/"
    _type(qtbot, pay.findChild(QLineEdit, "setting_base_url"), closed)
    _type(qtbot, pay.findChild(QLineEdit, "secret_token"), "tok-123")
    _next_stays(qtbot, wizard, wizard.payments, "Nothing answers at")
    _type(qtbot, pay.findChild(QLineEdit, "setting_base_url"), payment_gateway.url)
    _next_moves(qtbot, wizard, wizard.payments)
    assert wizard.currentPage() is wizard.stock
    _type(qtbot, wizard.stock.path, "/nowhere/stock.xlsx")
    _next_stays(qtbot, wizard, wizard.stock, "does not exist")
    qtbot.mouseClick(wizard.stock.sample, CLICK)
    _next_moves(qtbot, wizard, wizard.stock)
    mail = _fill_mail(qtbot, wizard, smtp_sink.port, "wrong")
    _next_stays(qtbot, wizard, wizard.email, "refused")
    _type(qtbot, mail.findChild(QLineEdit, "secret_password"), CANARY)
    _next_moves(qtbot, wizard, wizard.email)
    # the warehouse: never the sample's address on this computer; a wrong one is said in words
    assert wizard.currentPage() is wizard.warehouse and wizard.warehouse.way == "none"
    _type(qtbot, wizard.warehouse.address["web"], "warehouse.example.com")
    assert wizard.warehouse.way == "web"  # typing chose the way
    _next_stays(qtbot, wizard, wizard.warehouse, "starting with https://")
    _type(qtbot, wizard.warehouse.address["email"], "packing@shop.example")
    _next_moves(qtbot, wizard, wizard.warehouse)
    assert wizard.currentPage() is wizard.finish
    assert "Tindahan ni Aling Nena" in wizard.finish.summary.text()
    assert "emailed to packing@shop.example" in wizard.finish.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), CLICK)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30000)
    with ctx.db.read() as s:
        row, _, wf = workflows.load(s, "Order fulfilment")
        assert row.enabled
        assert wf.step("settings").config["values"]["shop_name"] == "Tindahan ni Aling Nena"
        assert wf.step("charge").config["connection"] == shop.PAYMENTS
        tell = wf.step(shop.WAREHOUSE_STEP)
        assert tell.type == "send_email" and tell.config["connection"] == shop.SHOP_EMAIL
        assert wf.step("settings").config["values"]["warehouse_email"] == "packing@shop.example"
        assert "warehouse_webhook" not in wf.step("settings").config["values"]
        stored = {c.name: dict(c.settings or {}) for c in s.query(Connection)}
        space = workspace.id_in(s)
    assert set(stored) == {shop.PAYMENTS, shop.SHOP_EMAIL}
    assert CANARY not in repr(stored)  # secrets only in the keyring
    assert secrets.get_secret(shop.SHOP_EMAIL, "password", space) == CANARY
    assert secrets.get_secret(shop.PAYMENTS, "token", space) == "tok-123"
    form = [a for a in addresses(ctx.db, "http://127.0.0.1:8787") if a.workflow == wf.name]
    assert form and form[0].form_url
    assert not shop.needs_first_run(ctx.db)


def test_a_refused_publish_says_what_is_missing(env, keyring_tmp):
    from app.cli import seed_samples

    seed_samples(env, start_runs=False)
    choices = shop.ShopChoices(shop_name="Shop", source="web", email=None)
    try:
        shop.apply(env.db, env.registry.specs, choices)
    except drafts.PublishRefused as exc:
        assert "“shop-email”, which does not exist" in str(exc)
    else:
        raise AssertionError("published without the email connection")
    with env.db.read() as s:
        assert not workflows.get_row(s, "Order fulfilment").enabled
        assert drafts.get_draft(s, "Order fulfilment") is not None  # the answers are kept


def test_an_order_typed_in_by_hand_starts_like_any_channel(qtbot, gui):
    ctx, window = gui
    window.shop.show_demo(False)
    qtbot.mouseClick(window.shop.new_order_button, CLICK)
    dialog = window.shop.order_dialog
    qtbot.waitUntil(lambda: dialog.start_b.isEnabled(), timeout=10000)
    line = dialog.lines[0]
    assert line.product.count() > 3  # products from the stock sheet
    # typing finds products by code and name: "rice" is not every product's "price"
    completer = line.product.completer()
    completer.setCompletionPrefix("rice")
    found = [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    assert len(found) == 1 and found[0].startswith("RICE-25 — ")
    assert "price:" in found[0]  # the list still shows stock and price
    qtbot.mouseClick(dialog.start_b, CLICK)
    assert "customer's name" in dialog.outcome.result.text()
    qtbot.keyClicks(dialog.customer, "Pedro Penduko")
    qtbot.keyClicks(dialog.email, "pedro@example.com")
    qtbot.keyClicks(dialog.phone, "0917 555 0199")
    qtbot.keyClicks(line.product.lineEdit(), "NOPE-1")
    qtbot.mouseClick(dialog.start_b, CLICK)
    assert "not in the stock sheet" in dialog.outcome.result.text()
    line.product.lineEdit().clear()
    qtbot.keyClicks(line.product.lineEdit(), "RICE-25")
    line.qty.selectAll()
    qtbot.keyClicks(line.qty, "3")
    number = dialog.number.text()
    qtbot.mouseClick(dialog.start_b, CLICK)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    with ctx.db.read() as s:
        run = s.query(Run).filter(Run.business_key == number).one()
        item = s.get(IntakeItem, run.intake_item_id)
        assert item.dedupe_key == dialog.key and item.dedupe_key.startswith("manual:")
        assert run.trigger["order"]["lines"] == [{"sku": "RICE-25", "qty": 3}]
        assert run.trigger["order"]["customer"]["phone"] == "0917 555 0199"
        who = s.query(AuditEntry).filter_by(action="order_entered", run_id=run.id).one().who
    assert who == audit.current_user()
    from app.ui.new_order import start_order

    again = start_order(ctx, dialog.shape, run.trigger["order"], dialog.key)
    assert again[0] is None and "already started" in again[1]  # its own dedupe key


def test_the_warehouse_answer_shapes_the_published_sample(env, keyring_tmp, smtp_sink):
    """A web address replaces the sample's one on this computer; “no warehouse system” leaves
    the step out with the steps around it joined; a wrong answer writes nothing."""
    from app.cli import seed_samples

    seed_samples(env, start_runs=False)
    mail = shop.ConnectionValues(
        "smtp",
        {
            "host": "127.0.0.1",
            "port": smtp_sink.port,
            "security": "plain",
            "from_address": "o@shop.example",
        },
    )
    with env.db.read() as s:
        _, _, sample = workflows.load(s, shop.SAMPLE)
    web = shop.configure(
        sample, shop.ShopChoices(warehouse="web", warehouse_address="https://wh.example/orders")
    )
    assert web.step("settings").config["values"]["warehouse_webhook"] == "https://wh.example/orders"
    assert web.step(shop.WAREHOUSE_STEP).type == "notify"
    bad = shop.ShopChoices(shop_name="Shop", email=mail, warehouse="web", warehouse_address="")
    try:
        shop.apply(env.db, env.registry.specs, bad)
    except Exception as exc:  # noqa: BLE001 - the sentence is what is checked
        assert "starting with https://" in str(exc)
    else:
        raise AssertionError("an empty warehouse address was taken")
    with env.db.read() as s:
        assert drafts.get_draft(s, shop.SAMPLE) is None  # nothing written
    shop.apply(env.db, env.registry.specs, shop.ShopChoices(shop_name="Shop", email=mail))
    with env.db.read() as s:
        row, _, wf = workflows.load(s, shop.SAMPLE)
    assert row.enabled and wf.step(shop.WAREHOUSE_STEP) is None
    # the step before the warehouse now leads where the warehouse step led
    after = sorted(e.target for e in sample.edges if e.source == shop.WAREHOUSE_STEP)
    assert after
    assert sorted(e.target for e in wf.edges if e.source == "update_stock") == after
    assert "127.0.0.1:8701" not in wf.to_json()


def test_a_shop_paid_on_delivery_is_set_up_without_a_payment_service(qtbot, gui, smtp_sink):
    """Cash on delivery or bank transfer: the payments page needs no payment service, the
    sample is published without its charge step (what ships goes straight to the stock), and a
    real order's confirmation email says how much to have ready instead of "We charged"."""
    from PySide6.QtWidgets import QRadioButton

    from app.core import machine as m

    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _type(qtbot, wizard.welcome.shop_name, "Sari-sari ni Mang Tomas")
    _next_moves(qtbot, wizard, wizard.welcome)
    _next_moves(qtbot, wizard, wizard.source)
    page = wizard.payments
    qtbot.mouseClick(page.findChild(QRadioButton, "payment_on_delivery"), CLICK)
    assert page.way == "on_delivery" and not page.form.isEnabled()
    _next_moves(qtbot, wizard, page)  # nothing to check: no address, no token
    qtbot.mouseClick(wizard.stock.sample, CLICK)
    _next_moves(qtbot, wizard, wizard.stock)
    _fill_mail(qtbot, wizard, smtp_sink.port, CANARY)
    _next_moves(qtbot, wizard, wizard.email)
    _next_moves(qtbot, wizard, wizard.warehouse)  # no warehouse system
    assert "pay on delivery" in wizard.finish.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), CLICK)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30000)
    with ctx.db.read() as s:
        row, _, wf = workflows.load(s, shop.SAMPLE)
        assert {c.name for c in s.query(Connection)} == {shop.SHOP_EMAIL}
    assert row.enabled and wf.step(shop.CHARGE_STEP) is None
    assert [e.target for e in wf.edges if e.source == "anything_now" and e.port == "true"] == [
        "update_stock"
    ]
    assert "gateway" not in wf.step("settings").config["values"]

    run_id = ctx.runtime.store.start_run(
        shop.SAMPLE,
        {
            "order": {
                "number": "3001",
                "currency": "PHP",
                "customer": {"name": "Pedro Penduko", "email": "pedro@example.com"},
                "lines": [{"sku": "RICE-25", "qty": 2}],
            }
        },
    )
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=30000)
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "Shipping now:\n- 2 × Rice, 25 kg sack\n" in body
    assert "Please have PHP" in body and "ready for these when they arrive" in body
    assert "We charged" not in body
