"""The setup's payment, stock and email pages as a shop owner meets them, with real clicks: the
payment service asks only its address and token (how the token is sent keeps its default, still
on the Connections page); the email page starts at Gmail with its server filled in and its
app-password hint, without the CA file; a shop that tells its customers itself gets the sample
(and its backorder) published without a customer email, and real orders finish with none sent;
a shop with no stock sheet gets a new, empty one in the folder it chose, never over a file, that
the sample's stock check reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QSpinBox, QWizard

from app import shop
from app.core import machine as m
from app.resources import resource_path
from app.store import workflows
from app.store.models import Connection, StepRun
from app.ui.connection_form import ConnectionForm
from tests.support.engine import run_status, wait_for
from tests.support.sample_shop import CANARY, order, runs, stock
from tests.ui.test_first_run import CLICK, _fill_mail, _next_moves, _next_stays, _type, open_wizard

SAMPLE_HEADER = next(
    openpyxl.load_workbook(resource_path("samples", "inventory.xlsx"))
    .worksheets[0]
    .iter_rows(values_only=True)
)


def _to_payments(qtbot: Any, wizard: QWizard) -> None:
    _type(qtbot, wizard.welcome.shop_name, "Sari-sari ni Mang Tomas")
    _next_moves(qtbot, wizard, wizard.welcome)
    _next_moves(qtbot, wizard, wizard.source)  # the web order form
    assert wizard.currentPage() is wizard.payments


def _on_delivery(qtbot: Any, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.payments.findChild(QRadioButton, "payment_on_delivery"), CLICK)
    _next_moves(qtbot, wizard, wizard.payments)


def _finish(qtbot: Any, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), CLICK)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30000)


def _choose(qtbot: Any, radio: QRadioButton) -> None:
    """A click on the radio's circle (a short label's button is wider than what it hits)."""
    qtbot.mouseClick(radio, CLICK, pos=QPoint(8, radio.height() // 2))


def _steps_of_type(wf: Any, kind: str) -> list[str]:
    return [st.name for st in wf.steps if st.type == kind]


def test_the_payment_page_asks_only_the_address_and_the_token(qtbot, gui, payment_gateway):
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _to_payments(qtbot, wizard)
    page = wizard.payments
    form = page.form
    for name in ("setting_auth_header", "setting_auth_scheme"):
        assert not form.findChild(QComboBox, name).isVisible()
    address = form.findChild(QLineEdit, "setting_base_url")
    token = form.findChild(QLineEdit, "secret_token")
    assert address.isVisible() and token.isVisible()
    assert page.where.isVisible() and "dashboard" in page.where.text()
    # the Connections page's form of the same kind still has them, to change later
    full = ConnectionForm("http")
    qtbot.addWidget(full)
    full.show()
    assert full.findChild(QComboBox, "setting_auth_header").isVisible()
    _type(qtbot, address, payment_gateway.url)
    _type(qtbot, token, "tok-123")
    _next_moves(qtbot, wizard, page)  # checked against the real gateway with the defaults
    # how the token is sent keeps the engine's default: nothing but the address stored
    assert set(wizard.choices().payments.settings) == {"base_url"}


def test_the_email_page_starts_at_gmail_with_its_app_password_hint(qtbot, gui):
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _to_payments(qtbot, wizard)
    _on_delivery(qtbot, wizard)
    _next_moves(qtbot, wizard, wizard.stock)  # the sample sheet
    assert wizard.currentPage() is wizard.email
    form = wizard.email.form
    assert form.provider.currentData() == "gmail"
    assert form.findChild(QLineEdit, "setting_host").text() == "smtp.gmail.com"
    assert form.findChild(QSpinBox, "setting_port").value() == 465
    assert form.findChild(QComboBox, "setting_security").currentData() == "ssl"
    assert form.hint.isVisible() and "app password" in form.hint.text()
    assert not form.findChild(QLineEdit, "setting_ca_file").isVisible()
    assert not wizard.email.quiet.isVisible()  # customers are emailed unless chosen otherwise
    full = ConnectionForm("smtp")  # the Connections page keeps the CA file
    qtbot.addWidget(full)
    full.show()
    assert full.findChild(QLineEdit, "setting_ca_file").isVisible()


def test_a_shop_that_tells_its_customers_itself_sends_them_no_email(qtbot, gui, smtp_sink):
    """“Don't email customers”: nothing to fill in; emailing the warehouse then asks for the
    email in words; the sample and its backorder are published without customer emails, and
    real orders (one shipped, one backordered then cancelled) finish with no email sent."""
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _to_payments(qtbot, wizard)
    _on_delivery(qtbot, wizard)
    _next_moves(qtbot, wizard, wizard.stock)
    page = wizard.email
    _choose(qtbot, page.findChild(QRadioButton, "email_none"))
    assert not page.email_customers and page.quiet.isVisible()
    _next_moves(qtbot, wizard, page)  # nothing to check: no email connection
    warehouse = wizard.warehouse
    _type(qtbot, warehouse.address["email"], "packing@shop.example")
    _next_stays(qtbot, wizard, warehouse, "Emailing the warehouse needs an email account")
    _choose(qtbot, warehouse.findChild(QRadioButton, "warehouse_none"))
    _next_moves(qtbot, wizard, warehouse)
    summary = wizard.finish.summary.text()
    assert "Customers get no email from Daloy" in summary and "sent as" not in summary
    _finish(qtbot, wizard)
    with ctx.db.read() as s:
        row, _, wf = workflows.load(s, shop.SAMPLE)
        back_row, _, back = workflows.load(s, shop.BACKORDER)
        assert s.query(Connection).count() == 0
    assert row.enabled and back_row.enabled
    assert _steps_of_type(wf, "send_email") == [] and _steps_of_type(back, "send_email") == []
    assert all(wf.step(asks) is None for asks in shop.ASKS_FOR_EMAIL)
    # the steps around the ones left out are joined: nothing leads nowhere
    assert [e.target for e in wf.edges if e.source == "ask_stock" and e.port == "cancel"] == [
        "end_cancelled"
    ]
    assert [
        e.target for e in back.edges if e.source == "wait_for_stock" and e.port == "cancel"
    ] == ["end_cancelled"]

    rt = ctx.runtime
    shipped = rt.store.start_run(shop.SAMPLE, order("5001", [("RICE-25", 2)]))
    short = rt.store.start_run(shop.SAMPLE, order("5002", [("COFFEE-3IN1", 10)]))
    qtbot.waitUntil(lambda: run_status(ctx.db, shipped) == m.RUN_SUCCEEDED, timeout=30000)
    qtbot.waitUntil(lambda: run_status(ctx.db, short) == m.RUN_NEEDS_ATTENTION, timeout=30000)
    rt.actions.choose(short, "ask_stock", "backorder", who="tester")
    child = wait_for(lambda: next((r for r in runs(rt) if r["parent"] == short), None))
    qtbot.waitUntil(lambda: run_status(ctx.db, child["id"]) == m.RUN_NEEDS_ATTENTION, timeout=30000)
    rt.actions.choose(child["id"], "wait_for_stock", "cancel", who="tester")
    qtbot.waitUntil(lambda: run_status(ctx.db, child["id"]) in m.RUN_FINAL, timeout=30000)
    qtbot.waitUntil(lambda: run_status(ctx.db, short) in m.RUN_FINAL, timeout=30000)
    with ctx.db.read() as s:
        ran = {
            r.name
            for r in s.query(StepRun).filter(StepRun.run_id.in_([shipped, short, child["id"]]))
        }
    assert {"update_stock", "start_backorder", "end_cancelled"} <= ran
    assert not ran & {"confirm_email", "cancel_email", "has_email"}
    assert smtp_sink.received == []


def test_the_warehouse_email_still_goes_when_customers_get_none(gui, smtp_sink):
    """The form filled in with “Don't email customers”: only the warehouse's email is sent."""
    ctx, _window = gui
    mail = shop.ConnectionValues(
        "smtp",
        smtp_sink.settings(),
        {"password": CANARY},
    )
    choices = shop.ShopChoices(
        shop_name="Shop",
        payment="on_delivery",
        email=mail,
        email_customers=False,
        warehouse="email",
        warehouse_address="packing@shop.example",
    )
    shop.apply(ctx.db, ctx.registry.specs, choices)
    run_id = ctx.runtime.store.start_run(shop.SAMPLE, order("5101", [("SUGAR-1", 1)]))
    wait_for(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=30)
    sent = smtp_sink.wait_for(1)
    assert [e.rcpt_tos for e in sent] == [["packing@shop.example"]]
    with ctx.db.read() as s:  # the order finished: no confirmation step there to send another
        names = {r.name for r in s.query(StepRun).filter(StepRun.run_id == run_id)}
    assert shop.WAREHOUSE_STEP in names and "confirm_email" not in names
    assert len(smtp_sink.received) == 1


def test_a_new_stock_sheet_is_made_in_the_folder_chosen_never_over_a_file(
    qtbot, gui, smtp_sink, tmp_path
):
    ctx, window = gui
    folder = tmp_path / "Documents"
    folder.mkdir()
    theirs = folder / "Daloy stock.xlsx"
    theirs.write_bytes(b"the owner's own file")
    wizard = open_wizard(qtbot, window)
    _to_payments(qtbot, wizard)
    _on_delivery(qtbot, wizard)
    page = wizard.stock
    assert page.folder.text()  # the Documents folder, before anything is chosen
    _type(qtbot, page.folder, str(folder))
    assert page.way == "new"  # typing a folder chose the way
    _next_moves(qtbot, wizard, page)
    made = folder / "Daloy stock (2).xlsx"
    assert page.made() == made and made.is_file()
    assert theirs.read_bytes() == b"the owner's own file"  # never overwritten
    rows = list(openpyxl.load_workbook(made).worksheets[0].iter_rows(values_only=True))
    assert rows == [SAMPLE_HEADER]  # the sample's columns, no products
    # Back and Next again: the same sheet, not a third
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), CLICK)
    _next_moves(qtbot, wizard, page)
    assert sorted(p.name for p in folder.iterdir()) == ["Daloy stock (2).xlsx", "Daloy stock.xlsx"]
    page_mail = _fill_mail(qtbot, wizard, smtp_sink.port, CANARY)
    assert page_mail is wizard.email.form
    _next_moves(qtbot, wizard, wizard.email)
    _next_moves(qtbot, wizard, wizard.warehouse)
    summary = wizard.finish.summary.text()
    assert str(made) in summary and "Fill in your products there" in summary
    _finish(qtbot, wizard)
    with ctx.db.read() as s:
        _, _, wf = workflows.load(s, shop.SAMPLE)
    assert wf.step("settings").config["values"]["inventory"] == str(made)

    # the owner fills in a product; the sample's stock check reads it and takes what ships
    wb = openpyxl.load_workbook(made)
    wb.worksheets[0].append(("TUYO-250", "Dried fish, 250 g", 5, 120))
    wb.save(made)
    run_id = ctx.runtime.store.start_run(shop.SAMPLE, order("5201", [("TUYO-250", 2)]))
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=30000)
    assert stock(made, "TUYO-250") == 3
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "2 × Dried fish, 250 g" in body  # the name the owner gave it in the sheet


def test_a_stock_sheet_folder_that_cannot_be_written_is_said_in_words(tmp_path: Path):
    from app.connectors import stock_template
    from app.core.errors import DaloyError

    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    try:
        stock_template.make(blocker / "Stock")
    except DaloyError as exc:
        assert "could not write a new stock sheet" in str(exc) and "another folder" in str(exc)
    else:
        raise AssertionError("a sheet was made inside a file")
    first, second = stock_template.make(tmp_path), stock_template.make(tmp_path)
    assert (first.name, second.name) == ("Daloy stock.xlsx", "Daloy stock (2).xlsx")
