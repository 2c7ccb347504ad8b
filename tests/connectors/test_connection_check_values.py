"""A connection check says what is missing or wrong in the form before trying anything, for every
kind of connection: the sentence names the field and gives an example; no other side is
contacted (no technical detail, a listening server sees no connection). An address typed
without https:// is taken as the https:// address it means."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.connectors import connection_values
from app.connectors.connection_check import ConnectionProblem, check
from app.store.connections import KINDS
from tests.support.engine import open_database

MAIL = {"host": "mail.example.com", "username": "orders@shop.example"}
# (kind, settings, what the sentence says): an empty required field, or a wrong one.
CASES: list[tuple[str, dict[str, Any], str]] = [
    ("marketplace", {}, "Enter the shop's address, for example https://myshop.example.com"),
    ("marketplace", {"base_url": "   "}, "Enter the shop's address"),
    ("http", {}, "Enter the web address (base URL), for example https://api.example.com"),
    ("http", {"base_url": "ftp://pay.example.com"}, "it starts with https:// (or http://)"),
    ("http", {"base_url": "https://pay example.com"}, "has a space in it"),
    ("http", {"base_url": "https://"}, "names no server"),
    ("http", {"base_url": "https://pay.example.com:80a"}, "is not a number from 1 to 65535"),
    ("http", {"base_url": "pay.example.com:99999"}, "is not a number from 1 to 65535"),
    ("imap", {}, "Enter the server of “conn”, for example mail.example.com"),
    ("imap", {"host": "mail.example.com"}, "Enter the user name of “conn”"),
    ("imap", {**MAIL, "host": "https://mail.example.com"}, "is not a server name"),
    ("imap", {**MAIL, "host": "mail.example.com:993"}, "the port 993"),
    ("imap", {**MAIL, "port": "nine"}, "The port is a number from 1 to 65535; “nine”"),
    ("smtp", {**MAIL, "port": 70000}, "The port is a number from 1 to 65535"),
    ("smtp", {"host": ""}, "Enter the server of “conn”"),
    ("smtp", {**MAIL, "from_address": "orders"}, "“orders” is not an email address"),
    ("database", {}, "Enter the database address, for example postgresql://"),
    ("database", {"url": "db.example.com/shop"}, "is not a database address"),
    ("shopify", {}, "Enter the Shop address (myshop.myshopify.com) first"),
    ("shopify", {"shop_domain": "my shop.myshopify.com"}, "has a space in it"),
    ("woocommerce", {}, "Enter the Shop address (https://myshop.com) first"),
    ("woocommerce", {"site_url": "https:///wp-json"}, "names no server"),
    ("woocommerce", {"site_url": "https://[::1"}, "names no server"),
    ("shopee", {}, "Enter the Partner ID first"),
    ("shopee", {"partner_id": "20x", "shop_id": "1"}, "The Partner ID is a number"),
    ("shopee", {"partner_id": "2"}, "The shop is not authorised yet: use “Authorise the shop…”"),
    ("shopee", {"partner_id": "2", "shop_id": "22x"}, "The Shop ID is a number"),
    ("shopee", {"partner_id": "2", "shop_id": "1", "base_url": "https://x:y"}, "not a number"),
    ("lazada", {}, "Enter the App key first"),
    ("lazada", {"app_key": "1", "auth_url": "https:///rest"}, "names no server"),
]


@pytest.fixture
def db(data_dir):
    d = open_database(data_dir)
    yield d
    d.close()


@pytest.mark.parametrize(("kind", "values", "words"), CASES)
def test_what_is_missing_or_wrong_is_said_before_trying(db, kind, values, words):
    with pytest.raises(ConnectionProblem) as said:
        check(db, "conn", kind, values, {}, timeout=2)
    assert words in str(said.value)
    assert said.value.detail == ""  # nothing was tried: no other side's words
    assert "other side" not in str(said.value)


def test_every_kind_of_connection_is_checked_before_trying(db):
    """No kind is left out: each one's empty form is said in words, not tried."""
    for kind in KINDS:
        with pytest.raises(ConnectionProblem) as said:
            check(db, "conn", kind, {}, {}, timeout=2)
        assert said.value.detail == "", kind
        assert str(said.value).startswith("Enter the"), (kind, str(said.value))


def test_a_wrong_port_contacts_nobody(db):
    """A listening server sees no connection when the form is wrong."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        port = server.getsockname()[1]
        for kind, values in (
            ("imap", {"host": "127.0.0.1", "port": port}),  # no user name
            ("http", {"base_url": f"http://127.0.0.1:{port}x/"}),
        ):
            with pytest.raises(ConnectionProblem):
                check(db, "conn", kind, values, {"password": "pw", "token": "t"}, timeout=2)
        with pytest.raises(TimeoutError):
            server.accept()


def test_an_address_without_https_is_taken_as_the_https_address(db):
    assert connection_values.tidy("marketplace", {"base_url": " myshop.com "}) == {
        "base_url": "https://myshop.com"
    }
    assert connection_values.tidy("http", {"base_url": "http://127.0.0.1:8700"}) == {
        "base_url": "http://127.0.0.1:8700"
    }
    # the shop kinds keep what was typed (their clients add https:// themselves)
    assert connection_values.tidy("shopify", {"shop_domain": "myshop.myshopify.com"}) == {
        "shop_domain": "myshop.myshopify.com"
    }


def test_a_bare_address_reaches_the_server_it_names(db, marketplace):
    """“127.0.0.1:port” typed without a scheme is tried as https:// (the local marketplace
    speaks plain HTTP, so the answer is about security, not a missing protocol)."""
    host = marketplace.url.removeprefix("http://").rstrip("/")
    with pytest.raises(ConnectionProblem) as said:
        check(db, "conn", "marketplace", {"base_url": host}, {"token": "t"}, timeout=5)
    assert "protocol" not in said.value.detail.lower()
    assert f"https://{host}" in said.value.detail or "SSL" in said.value.detail


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["http", "marketplace", "shopify", "woocommerce", "lazada"]),
    typed=st.text(max_size=40),
)
def test_any_typed_address_is_either_said_wrong_or_usable(kind, typed):
    """Whatever is typed, the check either says what is wrong, or the address (as tidied) is
    one the HTTP library takes: a scheme it speaks, a server, a numeric port."""
    from urllib.parse import urlsplit

    field = connection_values.ADDRESSES[kind][0][0]
    base = {"shopify": {}, "woocommerce": {}, "lazada": {"app_key": "1"}}.get(kind, {})
    values = {**base, field: typed}
    said = connection_values.problem("conn", kind, values)
    if said is not None:
        assert said.strip() and "Traceback" not in said
        return
    value = str(connection_values.tidy(kind, values).get(field) or "").strip()
    if not value:
        return  # optional and left empty (the platform's own address)
    parts = urlsplit(value if "://" in value else "https://" + value)
    assert parts.scheme in ("http", "https") and parts.hostname
    assert parts.port is None or 0 <= parts.port <= 65535
