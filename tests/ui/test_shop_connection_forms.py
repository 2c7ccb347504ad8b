"""The four shop kinds on the Connections page, driven with real clicks against the local fakes
of each platform (which check keys, tokens and signatures as the platforms do): fields in the
operator's words, secrets hidden, Test makes one authenticated call and says what is wrong; the
guided authorisation of Shopee and Lazada shows the documented link, swaps a pasted code for
tokens that land in the keyring, and says a wrong code in words."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from app import secrets
from app.store import workspace
from tests.support.dovecot import free_port
from tests.support.fake_lazada import FakeLazada
from tests.support.fake_shopee import FakeShopee, shopee_sign
from tests.support.fake_shopify import FakeShopify
from tests.support.fake_woocommerce import FakeWooCommerce
from tests.ui.test_connection_forms import click, field, fill, new_connection, try_it


@pytest.fixture
def started(request):
    made = []

    def start(cls):
        fake = cls()
        fake.start()
        made.append(fake)
        return fake

    yield start
    for fake in made:
        fake.stop()


def labels(window) -> list[str]:
    return [w.text() for w in window.connections.kind_form.findChildren(QLabel)]


def secret(window, name: str, value: str) -> None:
    field(window, QLineEdit, f"secret_{name}").setText(value)


def saved(ctx, connection: str, name: str) -> str | None:
    space = workspace.id_of(ctx.db)
    return (
        secrets.get_secret(connection, name, space)
        if secrets.has_secret(connection, name, space)
        else None
    )


def authorise_panel(qtbot, window, redirect: str) -> str:
    form = window.connections.kind_form
    start = form.findChild(QPushButton, "authoriseShop")
    qtbot.waitUntil(start.isVisible)  # a rebuilt form is shown on the next event loop turn
    assert not form.findChild(QLineEdit, "authRedirect").isVisible()
    click(qtbot, start)
    assert form.findChild(QLineEdit, "authRedirect").isVisible()
    form.findChild(QLineEdit, "authRedirect").setText(redirect)
    click(qtbot, form.findChild(QPushButton, "makeAuthLink"))
    link = form.findChild(QLineEdit, "authLink")
    qtbot.waitUntil(lambda: link.text() != "", timeout=20000)
    return link.text()


def paste_code(qtbot, window, pasted: str, words: str) -> str:
    form = window.connections.kind_form
    form.findChild(QLineEdit, "authCode").setText(pasted)
    click(qtbot, form.findChild(QPushButton, "finishAuthorisation"))
    result = form.findChild(QLabel, "authResult")
    qtbot.waitUntil(lambda: words in result.text(), timeout=20000)
    return result.text()


def test_shopify_form_in_words_tests_the_token(gui, qtbot, started):
    ctx, window = gui
    page = window.connections
    fake = started(FakeShopify)
    new_connection(qtbot, window, "shopify", "my-shopify")
    shown = labels(window)
    assert "Shop address (myshop.myshopify.com)" in shown and "Admin API access token" in shown
    assert any("Settings ▸ Apps ▸ Develop apps" in t for t in shown)
    assert "shop_domain" not in shown and "access_token" not in shown
    assert field(window, QLineEdit, "secret_access_token").echoMode() == QLineEdit.EchoMode.Password
    fill(window, shop_domain=fake.domain)
    said = try_it(qtbot, page, "Enter the Admin API access token first")
    secret(window, "access_token", "shpat_wrong")
    said = try_it(qtbot, page, "Shopify refused the Admin API access token")
    assert "shpat_wrong" not in said
    secret(window, "access_token", fake.token)
    try_it(qtbot, page, "Connected to Shopify shop")
    fill(window, shop_domain=f"http://127.0.0.1:{free_port()}")
    try_it(qtbot, page, "Could not reach Shopify")


def test_woocommerce_form_says_a_wrong_key_in_words(gui, qtbot, started):
    ctx, window = gui
    page = window.connections
    fake = started(FakeWooCommerce)
    new_connection(qtbot, window, "woocommerce", "my-woo")
    assert "Shop address (https://myshop.com)" in labels(window)
    fill(window, site_url=fake.url)
    secret(window, "consumer_key", fake.key)
    secret(window, "consumer_secret", "cs_wrong")
    try_it(qtbot, page, "WooCommerce refused the consumer key and secret")
    secret(window, "consumer_secret", fake.consumer_secret)
    try_it(qtbot, page, "Connected to WooCommerce shop")


def test_shopee_guided_authorisation_stores_tokens_in_the_keyring(gui, qtbot, started):
    ctx, window = gui
    page = window.connections
    fake = started(FakeShopee)
    new_connection(qtbot, window, "shopee", "my-shopee")
    assert "Partner ID" in labels(window) and "Partner key" in labels(window)
    assert window.connections.kind_form.findChild(QLineEdit, "secret_access_token") is None
    fill(window, base_url=fake.url, partner_id=str(fake.partner_id))
    secret(window, "partner_key", fake.partner_key)
    link = urlsplit(authorise_panel(qtbot, window, "https://shop.example/back"))
    q = {k: v[0] for k, v in parse_qs(link.query).items()}
    assert link.path == "/api/v2/shop/auth_partner" and q["redirect"] == "https://shop.example/back"
    assert q["sign"] == shopee_sign(fake.partner_key, fake.partner_id, link.path, q["timestamp"])
    said = paste_code(
        qtbot,
        window,
        f"https://shop.example/back?code=stolen&shop_id={fake.shop_id}",
        "did not accept that code",
    )
    assert "Traceback" not in said
    assert saved(ctx, "my-shopee", "access_token") is None
    said = paste_code(
        qtbot,
        window,
        f"https://shop.example/back?code=auth-code-1&shop_id={fake.shop_id}",
        "Shop authorised until",
    )
    assert field(window, QLineEdit, "setting_shop_id").text() == str(fake.shop_id)
    assert fake.tokens.valid(saved(ctx, "my-shopee", "access_token"))
    assert saved(ctx, "my-shopee", "refresh_token")
    try_it(qtbot, page, "Connected to Shopee shop")


def test_lazada_guided_authorisation_and_a_wrong_code(gui, qtbot, started):
    ctx, window = gui
    page = window.connections
    fake = started(FakeLazada)
    new_connection(qtbot, window, "lazada", "my-lazada")
    fill(window, base_url=fake.base, auth_url=fake.base, app_key=fake.app_key)
    secret(window, "app_secret", fake.app_secret)
    try_it(qtbot, page, "The shop is not authorised yet")
    link = urlsplit(authorise_panel(qtbot, window, "https://shop.example/lazada"))
    q = {k: v[0] for k, v in parse_qs(link.query).items()}
    assert link.path == "/oauth/authorize" and q["response_type"] == "code"
    assert q["client_id"] == fake.app_key and q["redirect_uri"] == "https://shop.example/lazada"
    paste_code(qtbot, window, "not-a-code", "Lazada did not accept that code")
    assert saved(ctx, "my-lazada", "access_token") is None
    paste_code(
        qtbot, window, "https://shop.example/lazada?code=lzd-code-1", "Shop authorised until"
    )
    assert fake.tokens.valid(saved(ctx, "my-lazada", "access_token"))
    try_it(qtbot, page, "Connected to Lazada shop")
