"""What a connection form was given, checked before anything is tried: an empty required field,
an address that is not one, a port that is not a number. Said as a sentence naming the field
and an example, so “Test” or “Next” never asks a server about an address that names none (an
empty address used to reach the HTTP library and come back as “the other side answered”).

``tidy`` turns what the operator plainly meant into what is stored: a web address typed
without ``https://`` (``myshop.com``) gets it. Every form (first-run setup, Connections page,
``daloy connection test``) goes through ``connection_check.check``, which calls both; the
Connections page's Save calls ``find`` too, which also names the field to fix.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from urllib.parse import urlsplit

from app.connectors.platforms.setup import REQUIRED
from app.connectors.platforms.setup import missing as shop_missing
from app.core.i18n import translate

# Web addresses per kind: (setting, required, example). The shop kinds' required ones are said by
# ``setup.missing`` (their labels); here only their form is checked.
ADDRESSES: dict[str, tuple[tuple[str, bool, str], ...]] = {
    "http": (("base_url", True, "https://api.example.com"),),
    "marketplace": (("base_url", True, "https://myshop.example.com"),),
    "shopify": (("shop_domain", False, "myshop.myshopify.com"),),
    "woocommerce": (("site_url", False, "https://myshop.com"),),
    "shopee": (("base_url", False, "https://partner.test-stable.shopeemobile.com"),),
    "lazada": (
        ("base_url", False, "https://api.lazada.com.ph/rest"),
        ("auth_url", False, "https://auth.lazada.com/rest"),
    ),
}
# Kinds whose address Daloy uses as typed (the shop kinds add https:// themselves).
TIDIED = ("http", "marketplace")
MAIL_KINDS = ("imap", "smtp")
MAIL_EXAMPLE = "mail.example.com"


class Problem(NamedTuple):
    """What is wrong, in a sentence, and the setting to fix (None: not one field)."""

    field: str | None
    sentence: str


def tidy(kind: str, settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` as meant: a web address without a scheme gets ``https://``."""
    out = dict(settings)
    for field, _required, _example in ADDRESSES.get(kind, ()) if kind in TIDIED else ():
        value = str(out.get(field) or "").strip()
        if value and "://" not in value and " " not in value:
            out[field] = "https://" + value
    return out


def address_problem(value: str, example: str) -> str | None:
    """What is wrong with a web address (a bare ``myshop.com`` is fine), or None."""
    text = value.strip()
    if any(c.isspace() for c in text):
        return translate(
            "Connections", "“{value}” has a space in it; a web address has none, like {example}."
        ).format(value=text, example=example)
    try:
        parts = urlsplit(text if "://" in text else "https://" + text)
    except ValueError:  # an unclosed “[” (an IPv6 address cut short)
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") and parts.scheme:
        return translate(
            "Connections",
            "“{value}” is not a web address: it starts with https:// (or http://), like {example}.",
        ).format(value=text, example=example)
    if not parts.scheme or not parts.hostname:
        return translate(
            "Connections", "“{value}” names no server; type the whole address, like {example}."
        ).format(value=text, example=example)
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        return translate(
            "Connections",
            "The port in “{value}” is not a number from 1 to 65535; type digits after the "
            "colon, or leave the port out.",
        ).format(value=text)
    return None


def _port_problem(port: Any) -> str | None:
    if port in (None, ""):
        return None
    text = str(port).strip()
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        return translate(
            "Connections", "The port is a number from 1 to 65535; “{port}” is not."
        ).format(port=text)
    return None


def _mail_problem(name: str, kind: str, s: dict[str, Any]) -> Problem | None:
    host = str(s.get("host") or "").strip()
    if not host:
        return Problem(
            "host",
            translate(
                "Connections",
                "Enter the server of “{name}”, for example {example} (choosing your email "
                "provider fills it in).",
            ).format(name=name, example=MAIL_EXAMPLE),
        )
    if any(c.isspace() for c in host) or "://" in host or "/" in host:
        return Problem(
            "host",
            translate(
                "Connections",
                "“{value}” is not a server name; type only the name, for example {example}.",
            ).format(value=host, example=MAIL_EXAMPLE),
        )
    head, colon, tail = host.rpartition(":")
    if colon and tail.isdigit() and ":" not in head:
        return Problem(
            "host",
            translate(
                "Connections",
                "Type the port in its own field: the server is “{host}”, the port {port}.",
            ).format(host=head, port=tail),
        )
    said = _port_problem(s.get("port"))
    if said:
        return Problem("port", said)
    if kind == "imap" and not str(s.get("username") or "").strip():
        return Problem(
            "username",
            translate(
                "Connections", "Enter the user name of “{name}” (usually the full email address)."
            ).format(name=name),
        )
    sender = str(s.get("from_address") or "").strip()
    if sender and ("@" not in sender or any(c.isspace() for c in sender)):
        return Problem(
            "from_address",
            translate(
                "Connections",
                "“{value}” is not an email address; type the one customers see, for example "
                "orders@myshop.example.",
            ).format(value=sender),
        )
    return None


def problem(name: str, kind: str, settings: dict[str, Any]) -> str | None:
    """The first thing missing or wrong in ``settings`` (of connection ``name``), in words;
    None when there is nothing to say before trying."""
    found = find(name, kind, settings)
    return found.sentence if found else None


def find(name: str, kind: str, settings: dict[str, Any]) -> Problem | None:
    """``problem`` with the setting it is about, so a form can point at the field; None also
    for a kind these checks do not know."""
    s = tidy(kind, settings)
    if kind in MAIL_KINDS:
        return _mail_problem(name, kind, s)
    if kind == "database":
        url = str(s.get("url") or "").strip()
        if not url:
            return Problem(
                "url",
                translate(
                    "Connections",
                    "Enter the database address, for example postgresql://db.example.com/shop.",
                ),
            )
        if "://" not in url:
            return Problem(
                "url",
                translate(
                    "Connections",
                    "“{value}” is not a database address; it starts with the kind of database, "
                    "for example postgresql://db.example.com/shop.",
                ).format(value=url),
            )
        return None
    if kind in REQUIRED:
        # Shopee's shop ID comes with its authorisation: not asked for as a field to type
        for field in REQUIRED[kind]:
            if field == "shop_id" and not str(s.get("shop_id") or "").strip():
                return Problem(
                    "shop_id",
                    translate(
                        "Connections",
                        "The shop is not authorised yet: use “Authorise the shop…” (it fills in "
                        "the Shop ID), then try again.",
                    ),
                )
            said = shop_missing(kind, s, [field])  # one field at a time: the one to point at
            if said:
                return Problem(field, said)
    for field, required, example in ADDRESSES.get(kind, ()):
        value = str(s.get(field) or "").strip()
        if not value:
            if not required:
                continue
            if kind == "marketplace":
                return Problem(
                    field,
                    translate(
                        "Connections", "Enter the shop's address, for example {example}."
                    ).format(example=example),
                )
            # not "of “payments”": the setup names its connections itself, the form says which
            return Problem(
                field,
                translate(
                    "Connections", "Enter the web address (base URL), for example {example}."
                ).format(example=example),
            )
        said = address_problem(value, example)
        if said:
            return Problem(field, said)
    return None
