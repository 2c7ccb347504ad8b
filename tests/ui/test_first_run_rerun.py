"""Running the setup again with changed answers: a shop once set up paid on delivery and
without customer emails gets the charge and email steps back (a real order is charged and
emailed); a workflow the operator edited since is kept, and the finish page says which steps
stay out."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QRadioButton, QWizard

from app import shop
from app.core import machine as m
from app.core.model import Workflow
from app.intake import trigger_registry
from app.store import drafts, workflows
from tests.support.engine import run_status
from tests.support.sample_shop import CANARY
from tests.ui.test_first_run import CLICK, _fill_mail, _next_moves, _type, open_wizard
from tests.ui.test_first_run_pages import _choose, _finish


def _lean_setup(qtbot: Any, window: Any) -> None:
    """The first setup: paid on delivery, no customer emails, no warehouse system."""
    wizard = open_wizard(qtbot, window)
    _type(qtbot, wizard.welcome.shop_name, "Sari-sari ni Mang Tomas")
    _next_moves(qtbot, wizard, wizard.welcome)
    _next_moves(qtbot, wizard, wizard.source)
    _choose(qtbot, wizard.payments.findChild(QRadioButton, "payment_on_delivery"))
    _next_moves(qtbot, wizard, wizard.payments)
    qtbot.mouseClick(wizard.stock.sample, CLICK)
    _next_moves(qtbot, wizard, wizard.stock)
    _choose(qtbot, wizard.email.findChild(QRadioButton, "email_none"))
    _next_moves(qtbot, wizard, wizard.email)
    _next_moves(qtbot, wizard, wizard.warehouse)
    _finish(qtbot, wizard)


def _full_setup(qtbot: Any, window: Any, gateway_url: str, smtp_port: int) -> QWizard:
    """The setup run again from the Shop menu: a payment service and customer emails; left on
    the finish page."""
    window.shop.open_wizard()  # what “Shop ▸ Set up my shop…” does
    wizard = window.shop.wizard
    qtbot.waitUntil(wizard.isVisible, timeout=10000)
    _type(qtbot, wizard.welcome.shop_name, "Sari-sari ni Mang Tomas")
    _next_moves(qtbot, wizard, wizard.welcome)
    _next_moves(qtbot, wizard, wizard.source)
    _choose(qtbot, wizard.payments.findChild(QRadioButton, "payment_service"))
    pay = wizard.payments.form
    _type(qtbot, pay.findChild(QLineEdit, "setting_base_url"), gateway_url)
    _type(qtbot, pay.findChild(QLineEdit, "secret_token"), "tok-123")
    _next_moves(qtbot, wizard, wizard.payments)
    qtbot.mouseClick(wizard.stock.sample, CLICK)
    _next_moves(qtbot, wizard, wizard.stock)
    _choose(qtbot, wizard.email.findChild(QRadioButton, "email_send"))
    _fill_mail(qtbot, wizard, smtp_port, CANARY)
    _next_moves(qtbot, wizard, wizard.email)
    _next_moves(qtbot, wizard, wizard.warehouse)
    assert wizard.currentPage() is wizard.finish
    return wizard


def _live(ctx: Any, name: str) -> Workflow:
    with ctx.db.read() as s:
        return workflows.load(s, name)[2]


def _customer_emails(wf: Workflow) -> set[str]:
    return {st.name for st in wf.steps if st.name in shop.LEFT_OUT_BY_ANSWERS} - {
        shop.CHARGE_STEP,
        shop.WAREHOUSE_STEP,
    }


def test_changed_answers_put_the_left_out_steps_back(qtbot, gui, payment_gateway, smtp_sink):
    ctx, window = gui
    _lean_setup(qtbot, window)
    lean = _live(ctx, shop.SAMPLE)
    assert lean.step(shop.CHARGE_STEP) is None and not _customer_emails(lean)
    assert not _customer_emails(_live(ctx, shop.BACKORDER))

    wizard = _full_setup(qtbot, window, payment_gateway.url, smtp_sink.port)
    qtbot.waitUntil(lambda: wizard.finish.kept_out is not None, timeout=10000)  # read off the GUI
    assert wizard.finish.kept_out == ""  # nothing edited: all back
    assert "not put back" not in wizard.finish.summary.text()
    _finish(qtbot, wizard)
    wf = _live(ctx, shop.SAMPLE)
    assert wf.step(shop.CHARGE_STEP).config["connection"] == shop.PAYMENTS
    assert _customer_emails(wf) == {
        "has_email",
        "confirm_email",
        "cancel_has_email",
        "cancel_email",
    }
    assert _customer_emails(_live(ctx, shop.BACKORDER)) == {"has_email", "cancel_email"}

    run_id = ctx.runtime.store.start_run(
        shop.SAMPLE,
        {
            "order": {
                "number": "3002",
                "currency": "PHP",
                "customer": {"name": "Pedro Penduko", "email": "pedro@example.com"},
                "lines": [{"sku": "RICE-25", "qty": 2}],
            }
        },
    )
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED, timeout=30000)
    assert len(payment_gateway.charges) == 1  # charged through the payment service
    sent = smtp_sink.wait_for(1)[0]
    assert "pedro@example.com" in sent.message["To"]
    assert "Please have PHP" not in sent.message.get_content()


def test_an_edited_workflow_is_kept_and_the_finish_page_says_so(
    qtbot, gui, payment_gateway, smtp_sink
):
    ctx, window = gui
    _lean_setup(qtbot, window)
    edited = _live(ctx, shop.SAMPLE)
    edited.step("order").title = "Read the order (ours)"
    with ctx.db.write() as s:  # the operator's edit, published as the editor does
        drafts.save_draft(s, edited, "op")
        drafts.publish(s, shop.SAMPLE, ctx.registry.specs, trigger_registry(), who="op")

    wizard = _full_setup(qtbot, window, payment_gateway.url, smtp_sink.port)
    # read off the GUI thread once the finish page opens, then said on it
    qtbot.waitUntil(lambda: "not put back" in wizard.finish.summary.text(), timeout=10000)
    said = wizard.finish.summary.text()
    assert "Charge the customer for what ships now" in said
    assert "Email the customer what ships now and later" in said
    _finish(qtbot, wizard)
    wf = _live(ctx, shop.SAMPLE)
    assert wf.step("order").title == "Read the order (ours)"  # the edit kept
    assert wf.step(shop.CHARGE_STEP) is None and not _customer_emails(wf)
    # the backorder was not edited: its cancellation email is back
    assert _customer_emails(_live(ctx, shop.BACKORDER)) == {"has_email", "cancel_email"}
