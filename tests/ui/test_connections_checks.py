"""The Connections page checks what was typed before Save writes it or Test tries it, with the
first-run setup's own checks (``app.connectors.connection_values``): the same sentence, the field
pointed at, everything typed kept, nothing in the database or the keyring, no server asked. A
kind the checks do not know still saves. What a server quotes back (a password in an SMTP
refusal, base64 as AUTH sent it; a password in an address) never reaches the result or its
details. Real widgets, a real SQLite file, a real SMTP server and listening sockets."""

from __future__ import annotations

import base64
import re
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QScrollArea

from app import secrets
from app.connectors import connection_values
from app.store.connections import KINDS, ConnectionKind
from app.ui.style import BAD
from tests.support.dovecot import free_port
from tests.support.smtp import SmtpSink
from tests.ui.test_connection_forms import click, field, fill, new_connection, saved_connections

# (kind, typed, the field at fault, what the sentence says, the fix that saves)
REFUSED: list[tuple[str, dict[str, Any], str, str, dict[str, Any]]] = [
    ("smtp", {"host": ""}, "host", "Enter the server of “conn”", {"host": "smtp.example.com"}),
    (
        "smtp",
        {"host": "smtp.example.com", "from_address": "orders"},
        "from_address",
        "“orders” is not an email address",
        {"from_address": "orders@shop.example"},
    ),
    (
        "imap",
        {"host": "imap.example.com:993", "username": "orders@shop.example"},
        "host",
        "Type the port in its own field",
        {"host": "imap.example.com"},
    ),
    (
        "http",
        {"base_url": "pay.example.com:99999"},
        "base_url",
        "is not a number from 1 to 65535",
        {"base_url": "https://pay.example.com"},
    ),
    ("http", {"base_url": ""}, "base_url", "Enter the web address", {"base_url": "pay.example"}),
    (
        "marketplace",
        {"base_url": "my shop.example"},
        "base_url",
        "has a space in it",
        {"base_url": "myshop.example"},
    ),
    (
        "database",
        {"url": "db.example.com/shop"},
        "url",
        "is not a database address",
        {"url": "postgresql://db.example.com/shop"},
    ),
    (
        "shopify",
        {"shop_domain": ""},
        "shop_domain",
        "Enter the Shop address",
        {"shop_domain": "myshop.myshopify.com"},
    ),
]


def typed_secret(window) -> tuple[str, QLineEdit]:
    form = window.connections.kind_form
    name = next(iter(form.secret_fields))
    return name, form.secret_fields[name]


@pytest.mark.parametrize(("kind", "typed", "at_fault", "words", "fix"), REFUSED)
def test_save_refuses_what_the_setup_refuses_and_keeps_what_was_typed(
    gui, qtbot, kind, typed, at_fault, words, fix
):
    ctx, window = gui
    page = window.connections
    new_connection(qtbot, window, kind, "conn")
    fill(window, **typed)
    secret_name, secret = typed_secret(window)
    secret.setText("typed-secret-1234")
    before = page.kind_form.settings()
    click(qtbot, page.save_b)
    said = page.result.text()
    sentence = connection_values.problem("conn", kind, before)
    assert sentence and words in sentence
    assert said == f"“conn” was not saved. {sentence}"  # the setup's very sentence
    widget = page.kind_form.fields[at_fault]
    assert widget.toolTip() == sentence  # the field it is about, pointed at
    assert BAD in page.kind_form.layout_.labelForField(widget).styleSheet()
    assert page.kind_form.settings() == before and secret.text() == "typed-secret-1234"
    assert page.save_b.isEnabled()  # nothing is being written
    assert ctx.wait_for_background()
    assert saved_connections(ctx) == 0
    assert not secrets.has_secret("conn", secret_name)
    # Test says the same, without asking anybody
    click(qtbot, page.test_b)
    assert page.result.text() == sentence and page.test_b.isEnabled()
    # fixed: saved, the field no longer pointed at
    fill(window, **fix)
    click(qtbot, page.save_b)
    qtbot.waitUntil(lambda: page.result.text() == "Saved “conn”.", timeout=10000)
    assert saved_connections(ctx) == 1 and secrets.has_secret("conn", secret_name)
    assert page.kind_form.fields[at_fault].toolTip() == ""


@pytest.fixture
def unchecked_kind(monkeypatch):
    """A kind the checks know nothing of (one added later, say a stock sheet)."""
    monkeypatch.setitem(KINDS, "sheet", ConnectionKind("sheet", "Stock sheet", ("path",), ()))


def test_a_kind_the_checks_do_not_know_still_saves(unchecked_kind, gui, qtbot):
    ctx, window = gui
    page = window.connections
    new_connection(qtbot, window, "sheet", "stock")
    fill(window, path="")  # nothing to say about it: the checks do not know the kind
    assert connection_values.find("stock", "sheet", page.kind_form.settings()) is None
    click(qtbot, page.save_b)
    qtbot.waitUntil(lambda: page.result.text() == "Saved “stock”.", timeout=10000)
    assert saved_connections(ctx) == 1


def test_test_asks_no_server_about_values_that_cannot_work(gui, qtbot):
    ctx, window = gui
    page = window.connections
    with socket.create_server(("127.0.0.1", 0)) as server:
        new_connection(qtbot, window, "smtp", "shop-email")
        fill(
            window,
            host="127.0.0.1",
            port=server.getsockname()[1],
            security="plain",
            from_address="orders at shop",
            password="pw-1234",
        )
        click(qtbot, page.test_b)
        assert "“orders at shop” is not an email address" in page.result.text()
        assert not page.outcome.toggle.isVisible()  # nothing was tried: no other side's words
        assert ctx.wait_for_background()  # had a test started, it would have connected by now
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()


class EchoingSink(SmtpSink):
    """A real SMTP server that refuses every login quoting what it was sent: the password, the
    password base64-encoded (as AUTH LOGIN sends it) and AUTH PLAIN's whole base64 blob."""

    echoed: list[str]

    def _auth(self, server, session, envelope, mechanism, auth_data):  # type: ignore[override]
        from aiosmtpd.smtp import AuthResult

        login, password = auth_data.login, auth_data.password
        blob = base64.b64encode(b"\0" + login + b"\0" + password).decode()
        words = f"535 5.7.8 {mechanism} {blob} {base64.b64encode(password).decode()} {password!r}"
        self.echoed.append(words)
        return AuthResult(success=False, handled=False, message=words)


def decodes_to(shown: str, secret: str) -> bool:
    """Whether any base64-looking run of ``shown``, read from any of its characters, decodes to
    bytes holding six characters of ``secret`` in a row."""
    pieces = {secret[i : i + 6].encode() for i in range(len(secret) - 5)}
    for run in re.findall(r"[A-Za-z0-9+/]{8,}", shown):
        for start in range(4):
            chunk = run[start:][: (len(run) - start) // 4 * 4]
            decoded = base64.b64decode(chunk)
            if any(p in decoded for p in pieces):
                return True
    return False


def test_a_password_the_mail_server_quotes_back_is_never_shown(gui, qtbot):
    _ctx, window = gui
    page = window.connections
    canary = "Canary-pw-7f3a9c21"
    sink = EchoingSink(user="shop", password="right")
    sink.echoed = []
    sink.start()
    try:
        new_connection(qtbot, window, "smtp", "shop-email")
        fill(
            window,
            host="127.0.0.1",
            port=sink.port,
            security="plain",
            username="orders@shop.example",
            password=canary,
        )
        click(qtbot, page.test_b)
        qtbot.waitUntil(lambda: "The password was refused" in page.result.text(), timeout=20000)
    finally:
        sink.stop()
    encoded = base64.b64encode(canary.encode()).decode()
    assert sink.echoed and encoded in " ".join(sink.echoed)  # the server did quote it
    click(qtbot, page.outcome.toggle)
    shown = page.result.text() + page.outcome.detail.text()
    assert "535" in shown  # the server's words are there, its quote of the password is not
    assert canary not in shown and not decodes_to(shown, canary), shown
    assert decodes_to(" ".join(sink.echoed), canary)  # what the server said did hold it


def test_a_password_typed_in_the_address_is_never_shown(gui, qtbot):
    _ctx, window = gui
    page = window.connections
    port = free_port()  # nothing listens: the sentence names the address
    new_connection(qtbot, window, "http", "payments")
    fill(window, base_url=f"http://shop:Addr-pw-5e8d1b@127.0.0.1:{port}/")
    field(window, QLineEdit, "secret_token").setText("tok-98765")
    click(qtbot, page.test_b)
    qtbot.waitUntil(lambda: "Nothing answers at" in page.result.text(), timeout=20000)
    click(qtbot, page.outcome.toggle)
    shown = page.result.text() + page.outcome.detail.text()
    assert "http://shop:[hidden]@127.0.0.1" in shown and "Addr-pw-5e8d1b" not in shown, shown


def test_the_refusal_is_seen_beside_the_form_at_1024_by_700(gui, qtbot, tmp_path: Path):
    """A grab of the window as the operator sees it: the sentence in full under the buttons,
    the field at fault marked."""
    _ctx, window = gui
    page = window.connections
    window.resize(1024, 700)
    new_connection(qtbot, window, "smtp", "shop-email")
    fill(window, host="smtp.example.com", from_address="orders", password="pw-1234")
    click(qtbot, page.save_b)
    label = page.result
    assert "is not an email address" in label.text()
    # every line of it shows, once the layout has made room (a later event)
    qtbot.waitUntil(lambda: label.heightForWidth(label.width()) <= label.height(), timeout=5000)
    corner = label.mapTo(window, label.rect().bottomRight())
    assert label.isVisible() and window.rect().contains(corner)  # not cut off at 1024x700
    shot = tmp_path / "connections-refused.png"
    assert window.grab().save(str(shot)) and shot.stat().st_size > 0


def test_on_a_short_screen_the_form_scrolls_and_the_refusal_is_brought_into_view(gui, qtbot):
    """Too short a window for the mail form and its refusal: the form scrolls instead of
    squeezing the provider's wrapped hint, and the sentence under the buttons is scrolled to."""
    _ctx, window = gui
    page = window.connections
    window.resize(1024, 460)
    new_connection(qtbot, window, "smtp", "shop-email")
    fill(window, host="smtp.example.com", from_address="orders", password="pw-1234")
    click(qtbot, page.save_b)
    label = page.result
    assert "is not an email address" in label.text()
    scroll = page.findChild(QScrollArea, "connectionFormScroll")
    view = scroll.viewport()

    def seen(widget) -> bool:  # noqa: ANN001
        corners = (widget.rect().topLeft(), widget.rect().bottomRight())
        return all(view.rect().contains(widget.mapTo(view, c)) for c in corners)

    # the form is taller than its room: it scrolls, down to the sentence
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() > 0 and seen(label), timeout=5000)
    hint = page.kind_form.hint
    assert hint.isVisible() and hint.height() >= hint.heightForWidth(hint.width())
