"""Every connection form says what is missing or wrong before it tries anything, with real clicks:
the first-run setup's inbox, marketplace, payments and email pages (Next), and the Connections
page (Test) for each kind. No “the other side answered”, no technical detail folded away; an
address typed without https:// is shown, and used, as the https:// address it means."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton

from tests.ui.test_connection_forms import field, new_connection, try_it
from tests.ui.test_first_run import CLICK, _next_moves, _next_stays, _type, open_wizard


def said_before_trying(page: Any) -> None:
    text = page.outcome.result.text()
    assert "other side" not in text and "protocol" not in text.lower()
    assert not page.outcome.toggle.isVisible()  # no technical detail: nothing was tried


def test_the_setup_pages_say_what_is_missing_before_trying(qtbot, gui, payment_gateway):
    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _type(qtbot, wizard.welcome.shop_name, "Tindahan")
    _next_moves(qtbot, wizard, wizard.welcome)
    source = wizard.source
    # an email inbox, its provider not chosen: the server is asked for
    qtbot.mouseClick(source.findChild(QRadioButton, "source_email"), CLICK)
    inbox = source.inbox
    inbox.provider.setCurrentIndex(inbox.provider.findData("other"))
    _type(qtbot, inbox.findChild(QLineEdit, "setting_host"), "")
    _next_stays(qtbot, wizard, source, "Enter the server of “shop-inbox”, for example")
    said_before_trying(source)
    _type(qtbot, inbox.findChild(QLineEdit, "setting_host"), "imap.example.com:993")
    _next_stays(qtbot, wizard, source, "Type the port in its own field")
    _type(qtbot, inbox.findChild(QLineEdit, "setting_host"), "imap.example.com")
    _next_stays(qtbot, wizard, source, "Enter the user name of “shop-inbox”")
    said_before_trying(source)
    # the web form instead: nothing to check
    qtbot.mouseClick(source.findChild(QRadioButton, "source_web"), CLICK)
    _next_moves(qtbot, wizard, source)
    # payments: an empty address, then one without http(s)://, shown as the one it means
    pay = wizard.payments
    _next_stays(qtbot, wizard, pay, "Enter the web address (base URL), for example https://")
    said_before_trying(pay)
    address = pay.form.findChild(QLineEdit, "setting_base_url")
    _type(qtbot, address, "pay.example.com:80a")
    _next_stays(qtbot, wizard, pay, "is not a number from 1 to 65535")
    said_before_trying(pay)
    bare = payment_gateway.url.removeprefix("http://").rstrip("/")
    wizard.activateWindow()
    address.setFocus()
    _type(qtbot, address, bare)
    token = pay.form.findChild(QLineEdit, "secret_token")
    token.setFocus()  # leaving the field shows what it means
    qtbot.waitUntil(lambda: address.text() != bare, timeout=5000)
    assert address.text() == f"https://{bare}"
    assert pay.form.settings()["base_url"] == f"https://{bare}"
    _type(qtbot, address, payment_gateway.url)
    _type(qtbot, token, "tok")
    _next_moves(qtbot, wizard, pay)
    _next_moves(qtbot, wizard, wizard.stock)
    # the confirmation email, its provider not chosen
    mail = wizard.email.form
    mail.provider.setCurrentIndex(mail.provider.findData("other"))
    _type(qtbot, mail.findChild(QLineEdit, "setting_host"), "")
    _next_stays(qtbot, wizard, wizard.email, "Enter the server of “shop-email”")
    said_before_trying(wizard.email)
    _type(qtbot, mail.findChild(QLineEdit, "setting_host"), "smtp.example.com")
    _type(qtbot, mail.findChild(QLineEdit, "setting_from_address"), "orders")
    _next_stays(qtbot, wizard, wizard.email, "“orders” is not an email address")


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("http", "Enter the web address (base URL), for example https://api.example.com"),
        ("marketplace", "Enter the shop's address, for example https://myshop.example.com"),
        ("smtp", "Enter the server of “the-api”"),
        ("imap", "Enter the server of “the-api”"),
        ("database", "Enter the database address"),
        ("shopify", "Enter the Shop address (myshop.myshopify.com) first"),
        ("woocommerce", "Enter the Shop address (https://myshop.com) first"),
        ("shopee", "Enter the Partner ID first"),
        ("lazada", "Enter the App key first"),
    ],
)
def test_the_connections_page_says_an_empty_form_before_trying(qtbot, gui, kind, words):
    ctx, window = gui
    page = window.connections
    new_connection(qtbot, window, kind, "the-api")
    provider = page.kind_form.findChild(QComboBox, "emailProvider")
    if provider is not None:  # a provider fills the server in: “other” leaves it empty
        provider.setCurrentIndex(provider.findData("other"))
        field(window, QLineEdit, "setting_host").setText("")
    said = try_it(qtbot, page, words)
    assert "other side" not in said and not page.outcome.toggle.isVisible()
