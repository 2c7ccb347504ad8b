"""The first-run setup's “A marketplace” answer, with real clicks against the local fakes of the
platforms: the operator picks which marketplace, gets that platform's own form (with where to
find each value, and “Authorise the shop…” for Shopee), and on Finish the sample workflow takes
that platform's orders — a real order on the local Shopify becomes a run of “Order fulfilment”
that confirms it by email."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QRadioButton, QWizard

from app import secrets, shop
from app.core import machine as m
from app.store import workflows, workspace
from app.store.models import Connection, Run
from tests.support.engine import run_status
from tests.support.fake_shopee import FakeShopee, shopee_sign
from tests.support.fake_shopify import FakeShopify
from tests.support.sample_shop import CANARY
from tests.ui.test_first_run import (
    CLICK,
    _fill_mail,
    _next_moves,
    _next_stays,
    _type,
    open_wizard,
)
from tests.ui.test_shop_connection_forms import started  # noqa: F401 - a fixture


def to_marketplace(qtbot: Any, wizard: QWizard, kind: str) -> Any:
    """Welcome page answered, “A marketplace” clicked and ``kind`` chosen; its form."""
    _type(qtbot, wizard.welcome.shop_name, "Tindahan ni Aling Nena")
    _next_moves(qtbot, wizard, wizard.welcome)
    page = wizard.source
    qtbot.mouseClick(page.findChild(QRadioButton, "source_marketplace"), CLICK)
    market = page.market
    assert market.isVisible()
    # the list first: the four platforms Daloy has connectors for, then any other shop system
    assert [market.which.itemData(i) for i in range(market.which.count())] == [
        *shop.PLATFORM_KINDS,
        "marketplace",
    ]
    market.which.setFocus()
    market.which.setCurrentIndex(market.which.findData(kind))
    form = market.form()
    assert form.kind == kind and form.isVisible()
    return form


def shown_texts(widget: Any) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]


def test_a_shopify_shop_set_up_in_the_first_run_turns_its_orders_into_runs(
    qtbot,
    gui,
    started,  # noqa: F811 - the fixture imported above
    smtp_sink,
):
    ctx, window = gui
    shopify = started(FakeShopify)
    wizard = open_wizard(qtbot, window)
    form = to_marketplace(qtbot, wizard, "shopify")
    page, market = wizard.source, wizard.source.market
    texts = shown_texts(page)
    # Shopify's own words, not the generic web API's
    assert "Shop address (myshop.myshopify.com)" in texts and "Admin API access token" in texts
    assert not any(t in texts for t in ("Address (base URL)", "Send the token in", "Token prefix"))
    # what can wait is left for the Connections page
    assert not any(t in texts for t in ("Admin API version", "Webhook signing key"))
    assert "Settings ▸ Apps ▸ Develop apps ▸ your app ▸ Admin API access token" in (
        market.hint.text()
    )
    # nothing typed: said before anything is tried, no “other side”
    _next_stays(qtbot, wizard, page, "Enter the Shop address (myshop.myshopify.com) first")
    assert not page.outcome.toggle.isVisible() and not shopify.calls("GET", "orders.json")
    _type(qtbot, form.findChild(QLineEdit, "setting_shop_domain"), shopify.domain)
    _type(qtbot, form.findChild(QLineEdit, "secret_access_token"), "shpat_wrong")
    _next_stays(qtbot, wizard, page, "Shopify refused the Admin API access token")
    _type(qtbot, form.findChild(QLineEdit, "secret_access_token"), shopify.token)
    _next_moves(qtbot, wizard, page)
    assert "Connected to Shopify shop" in page.outcome.result.text()
    # paid on Shopify: Daloy charges nothing unless the operator says otherwise
    assert wizard.payments.way == "on_delivery"
    assert "Orders from Shopify are paid on Shopify" in wizard.payments.paid_note.text()
    assert wizard.payments.paid_note.isVisible()
    _next_moves(qtbot, wizard, wizard.payments)
    _next_moves(qtbot, wizard, wizard.stock)  # the sample stock sheet
    _fill_mail(qtbot, wizard, smtp_sink.port, CANARY)
    _next_moves(qtbot, wizard, wizard.email)
    _next_moves(qtbot, wizard, wizard.warehouse)  # no warehouse system
    assert "Orders come from: Shopify;" in wizard.finish.summary.text()
    assert "Orders are paid on Shopify; Daloy charges nothing." in wizard.finish.summary.text()
    # a buyer orders on the shop while the operator sets up
    now = datetime.now(UTC).isoformat(timespec="seconds")
    shopify.add_order(5001, 2001, [("RICE-25", 2), ("OIL-1L", 1)], updated_at=now)
    checks = len(shopify.calls("GET", "orders.json"))  # the connection's test made one
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), CLICK)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30000)

    with ctx.db.read() as s:
        row, _, wf = workflows.load(s, shop.SAMPLE)
        conn = s.get(Connection, "shopify")
        kinds = {c.name: c.kind for c in s.query(Connection)}
        space = workspace.id_in(s)
    assert row.enabled and kinds == {"shopify": "shopify", shop.SHOP_EMAIL: "smtp"}
    assert conn.settings == {"shop_domain": shopify.domain}
    assert secrets.get_secret("shopify", "access_token", space) == shopify.token
    # the platform's own trigger on that connection, not the generic marketplace poller
    [trigger] = [t for t in wf.triggers if t.type != "manual"]
    assert (trigger.type, trigger.config) == ("shopify", {"connection": "shopify"})
    assert wf.step(shop.CHARGE_STEP) is None  # paid on Shopify: never charged again

    # Finish started the shop's intake at once (not at Daloy's next start): the real order
    # becomes a run of the sample, confirmed to the buyer
    qtbot.waitUntil(lambda: len(shopify.calls("GET", "orders.json")) > checks, timeout=30000)

    def run_id() -> str | None:
        with ctx.db.read() as s:
            run = (
                s.query(Run)
                .filter(Run.business_key == "2001", Run.practice.is_(False))
                .one_or_none()
            )
            return run.id if run else None

    qtbot.waitUntil(lambda: run_id() is not None, timeout=30000)
    with ctx.db.read() as s:
        run = s.get(Run, run_id())
        assert run.workflow_name == shop.SAMPLE and not run.practice
        assert run.trigger["order"]["platform"] == "shopify"
    qtbot.waitUntil(lambda: run_status(ctx.db, run_id()) == m.RUN_SUCCEEDED, timeout=60000)
    mail = smtp_sink.wait_for(1)[0].message
    assert mail["Subject"] == "Order 2001 confirmed" and mail["To"] == "nena@example.com"
    body = mail.get_content().replace("\r\n", "\n")
    assert "- 2 × RICE-25\n- 1 × OIL-1L\n" in body
    # the setup finished again (from the Shop menu): still one channel for the shop
    ctx.runtime.intake.restart()
    assert [ch.channel for ch in ctx.runtime.intake.channels] == [f"{shop.SAMPLE}/shopify"]


def test_a_shopee_shop_is_authorised_from_the_first_run(qtbot, gui, started):  # noqa: F811
    ctx, window = gui
    shopee = started(FakeShopee)
    wizard = open_wizard(qtbot, window)
    form = to_marketplace(qtbot, wizard, "shopee")
    page = wizard.source
    assert "Partner ID" in shown_texts(page) and "Partner key" in shown_texts(page)
    assert form.findChild(QLineEdit, "secret_access_token") is None  # tokens are never typed
    start = form.findChild(QPushButton, "authoriseShop")
    assert start.isVisible() and "Authorise the shop…" in page.market.hint.text()
    # Shopee's address is left for later (the live one); the local Shopee stands in for it
    test_address = form.findChild(QLineEdit, "setting_base_url")
    assert not test_address.isVisible()
    test_address.setText(shopee.url)
    _type(qtbot, form.findChild(QLineEdit, "setting_partner_id"), str(shopee.partner_id))
    _type(qtbot, form.findChild(QLineEdit, "secret_partner_key"), shopee.partner_key)
    qtbot.mouseClick(start, CLICK)
    redirect = form.findChild(QLineEdit, "authRedirect")
    assert redirect.isVisible()
    _type(qtbot, redirect, "https://shop.example/back")
    qtbot.mouseClick(form.findChild(QPushButton, "makeAuthLink"), CLICK)
    link = form.findChild(QLineEdit, "authLink")
    qtbot.waitUntil(lambda: link.text() != "", timeout=20000)
    parts = urlsplit(link.text())
    q = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert parts.path == "/api/v2/shop/auth_partner"
    assert q["sign"] == shopee_sign(
        shopee.partner_key, shopee.partner_id, parts.path, q["timestamp"]
    )
    _type(
        qtbot,
        form.findChild(QLineEdit, "authCode"),
        f"https://shop.example/back?code=auth-code-1&shop_id={shopee.shop_id}",
    )
    qtbot.mouseClick(form.findChild(QPushButton, "finishAuthorisation"), CLICK)
    result = form.findChild(QLabel, "authResult")
    qtbot.waitUntil(lambda: "Shop authorised until" in result.text(), timeout=20000)
    assert form.findChild(QLineEdit, "setting_shop_id").text() == str(shopee.shop_id)
    # kept under the name Finish saves the connection as
    space = workspace.id_of(ctx.db)
    assert shopee.tokens.valid(secrets.get_secret("shopee", "access_token", space))
    _next_moves(qtbot, wizard, page)
    assert "Connected to Shopee shop" in page.outcome.result.text()
    choices = wizard.choices()
    assert choices.marketplace.kind == "shopee"
    assert choices.marketplace.settings["shop_id"] == str(shopee.shop_id)


def test_charging_nothing_follows_the_answer_unless_chosen_by_hand(qtbot, gui, started):  # noqa: F811
    """Shopify's orders are paid on Shopify: charging nothing is suggested; gone Back to a web
    order form, the payment service is the way again — unless the operator chose one."""
    ctx, window = gui
    shopify = started(FakeShopify)
    wizard = open_wizard(qtbot, window)
    form = to_marketplace(qtbot, wizard, "shopify")
    _type(qtbot, form.findChild(QLineEdit, "setting_shop_domain"), shopify.domain)
    _type(qtbot, form.findChild(QLineEdit, "secret_access_token"), shopify.token)
    _next_moves(qtbot, wizard, wizard.source)
    pay = wizard.payments
    assert pay.way == "on_delivery" and pay.paid_note.isVisible()
    wizard.back()
    qtbot.mouseClick(wizard.source.findChild(QRadioButton, "source_web"), CLICK)
    _next_moves(qtbot, wizard, wizard.source)
    assert pay.way == "service" and not pay.paid_note.isVisible()
    wizard.back()
    qtbot.mouseClick(wizard.source.findChild(QRadioButton, "source_marketplace"), CLICK)
    _next_moves(qtbot, wizard, wizard.source)
    assert pay.way == "on_delivery"
    service = pay.findChild(QRadioButton, "payment_service")
    qtbot.mouseClick(service, CLICK, pos=QPoint(8, service.height() // 2))  # by hand
    wizard.back()
    _next_moves(qtbot, wizard, wizard.source)
    assert pay.way == "service" and pay.paid_note.isVisible()


def test_another_shop_system_keeps_the_web_api_form_and_its_trigger(qtbot, gui, marketplace):
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    form = to_marketplace(qtbot, wizard, "marketplace")
    page = wizard.source
    assert form.objectName() == "marketplaceForm"
    _next_stays(qtbot, wizard, page, "Enter the shop's address, for example https://")
    assert "other side" not in page.outcome.result.text()
    page.market.choose("shopify")  # another marketplace: the words about the last one go
    assert page.outcome.result.text() == ""
    page.market.choose("marketplace")
    _type(qtbot, form.findChild(QLineEdit, "setting_base_url"), "http://127.0.0.1:port")
    _next_stays(qtbot, wizard, page, "is not a number from 1 to 65535")
    _type(qtbot, form.findChild(QLineEdit, "setting_base_url"), marketplace.url)
    _type(qtbot, form.findChild(QLineEdit, "secret_token"), marketplace.token)
    _next_moves(qtbot, wizard, page)
    choices = wizard.choices()
    assert choices.marketplace.kind == "marketplace"
    wf = shop.configure(workflows_sample(ctx), choices)
    [trigger] = [t for t in wf.triggers if t.type != "manual"]
    assert (trigger.type, trigger.config) == ("marketplace", {"connection": shop.MARKETPLACE})


def workflows_sample(ctx: Any) -> Any:
    with ctx.db.read() as s:
        return workflows.load(s, shop.SAMPLE)[2]


def test_the_marketplace_page_fits_a_small_screen(qtbot, gui):
    """On 1024×700 the tallest form (Shopee's, its authorisation open) scrolls inside the page:
    the wizard never needs to be taller than the screen, so its buttons stay on it."""
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    form = to_marketplace(qtbot, wizard, "shopee")
    qtbot.mouseClick(form.findChild(QPushButton, "authoriseShop"), CLICK)
    assert form.findChild(QLineEdit, "authRedirect").isVisible()
    assert wizard.minimumSizeHint().height() <= 700 - 60  # a title bar and a task bar
