"""Setting a shop up from the Connections page (no Qt): each field of the four shop kinds in the
operator's words, “Test connection” as one cheap authenticated call (the first page of orders
changed in the last day) that says in words what is wrong (``shop_problems``), and the
guided authorisation of Shopee and Lazada: the link the owner opens, the code (or the whole
return address) pasted back, swapped for tokens that ``tokens.TokenKeeper`` stores in the
keyring.

The link formats are the platforms' documented ones: Shopee
``/api/v2/shop/auth_partner?partner_id&timestamp&sign&redirect`` (sign over partner id, path and
timestamp, as for its other public calls); Lazada
``/oauth/authorize?response_type=code&force_auth=true&redirect_uri&client_id``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from app.connectors.platforms.http import base_url
from app.connectors.platforms.platform import by_connection_kind, iso_utc
from app.connectors.platforms.shop_problems import ShopProblem, address, explain
from app.connectors.platforms.tokens import TOKEN_FIELDS
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said, translate
from app.store.connections import KINDS, ConnectionProvider


@dataclass(frozen=True)
class FieldText:
    """A shop setting in the operator's words: English, marked ``QT_TRANSLATE_NOOP``; the
    connection form translates it where it shows it (context "Connections")."""

    label: str
    placeholder: str = ""
    help: str = ""


FIELDS: dict[str, dict[str, FieldText]] = {
    "shopify": {
        "shop_domain": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Shop address (myshop.myshopify.com)"),
            "myshop.myshopify.com",
            QT_TRANSLATE_NOOP(
                "Connections",
                "The shop's .myshopify.com address, even when customers see your own domain.",
            ),
        ),
        "api_version": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Admin API version"),
            QT_TRANSLATE_NOOP("Connections", "leave empty for the one Daloy knows"),
        ),
        "location_id": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Stock location ID"),
            QT_TRANSLATE_NOOP("Connections", "leave empty for the shop's first location"),
            QT_TRANSLATE_NOOP(
                "Connections",
                "Shopify admin ▸ Settings ▸ Locations: the number at the end of "
                "the location's address.",
            ),
        ),
        "access_token": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Admin API access token"),
            "shpat_…",
            QT_TRANSLATE_NOOP(
                "Connections",
                "Shopify admin ▸ Settings ▸ Apps ▸ Develop apps ▸ your app ▸ "
                "API credentials (with read and write access to orders, "
                "fulfillments and inventory).",
            ),
        ),
        "webhook_secret": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Webhook signing key"),
            QT_TRANSLATE_NOOP("Connections", "only to receive pushed orders"),
            QT_TRANSLATE_NOOP(
                "Connections",
                "Shopify admin ▸ Settings ▸ Notifications ▸ Webhooks: the "
                "key under the list (“Your webhooks will be signed with …”).",
            ),
        ),
    },
    "woocommerce": {
        "site_url": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Shop address (https://myshop.com)"),
            "https://myshop.com",
            QT_TRANSLATE_NOOP(
                "Connections", "The address of the WordPress site that runs WooCommerce."
            ),
        ),
        "consumer_key": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Consumer key"),
            "ck_…",
            QT_TRANSLATE_NOOP(
                "Connections",
                "WordPress admin ▸ WooCommerce ▸ Settings ▸ Advanced ▸ REST API "
                "▸ Add key, with Read/Write permission.",
            ),
        ),
        "consumer_secret": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Consumer secret"),
            "cs_…",
            QT_TRANSLATE_NOOP(
                "Connections", "Shown once, beside the consumer key, when the key is made."
            ),
        ),
        "webhook_secret": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Webhook secret"),
            QT_TRANSLATE_NOOP("Connections", "only to receive pushed orders"),
            QT_TRANSLATE_NOOP(
                "Connections",
                "WooCommerce ▸ Settings ▸ Advanced ▸ Webhooks: the Secret of the order webhooks.",
            ),
        ),
    },
    "shopee": {
        "base_url": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Shopee API address"),
            QT_TRANSLATE_NOOP("Connections", "leave empty for Shopee's live address"),
            QT_TRANSLATE_NOOP(
                "Connections",
                "Only for Shopee's test shops: https://partner.test-stable.shopeemobile.com.",
            ),
        ),
        "partner_id": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Partner ID"),
            QT_TRANSLATE_NOOP("Connections", "e.g. 2001887"),
            QT_TRANSLATE_NOOP(
                "Connections", "Shopee Open Platform ▸ App List ▸ your app: the Partner ID."
            ),
        ),
        "shop_id": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Shop ID"),
            QT_TRANSLATE_NOOP("Connections", "filled in by “Authorise the shop…”"),
            QT_TRANSLATE_NOOP("Connections", "Shopee gives it with the authorisation code."),
        ),
        "partner_key": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Partner key"),
            "",
            QT_TRANSLATE_NOOP(
                "Connections", "Shopee Open Platform ▸ App List ▸ your app: the Partner Key."
            ),
        ),
    },
    "lazada": {
        "base_url": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Lazada API address (your country)"),
            QT_TRANSLATE_NOOP("Connections", "leave empty for the Philippines"),
            QT_TRANSLATE_NOOP(
                "Connections",
                "Your shop's country: https://api.lazada.com.my/rest, "
                ".sg, .co.th, .vn or .co.id in place of .com.ph.",
            ),
        ),
        "auth_url": FieldText(
            QT_TRANSLATE_NOOP("Connections", "Lazada authorisation address"),
            QT_TRANSLATE_NOOP("Connections", "leave empty (the same everywhere)"),
        ),
        "app_key": FieldText(
            QT_TRANSLATE_NOOP("Connections", "App key"),
            QT_TRANSLATE_NOOP("Connections", "e.g. 100132"),
            QT_TRANSLATE_NOOP(
                "Connections", "Lazada Open Platform ▸ App Console ▸ your app: the App Key."
            ),
        ),
        "app_secret": FieldText(
            QT_TRANSLATE_NOOP("Connections", "App secret"),
            "",
            QT_TRANSLATE_NOOP(
                "Connections", "Lazada Open Platform ▸ App Console ▸ your app: the App Secret."
            ),
        ),
    },
}
# Kinds whose tokens come from the guided authorisation (never typed into the form).
AUTHORISED_KINDS = ("shopee", "lazada")
OPTIONAL_SECRETS = ("webhook_secret",)
# Settings a test or an authorisation needs; numbers where the platform wants a number.
REQUIRED = {
    "shopify": ("shop_domain",),
    "woocommerce": ("site_url",),
    "shopee": ("partner_id", "shop_id"),
    "lazada": ("app_key",),
}
NUMBERS = ("partner_id", "shop_id")
SHOPEE_AUTH_PATH = "/api/v2/shop/auth_partner"


def typed_fields(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(settings, secrets) the form shows for ``kind``: tokens set by authorisation left out."""
    k = KINDS[kind]
    hidden = TOKEN_FIELDS if kind in AUTHORISED_KINDS else ()
    return k.settings, tuple(f for f in k.secrets if f not in hidden)


def label(kind: str, name: str) -> str:
    text = FIELDS.get(kind, {}).get(name)
    return text.label if text else name.replace("_", " ").capitalize()


def _field(kind: str, name: str) -> str:
    """A setting's label inside a sentence, in the reader's language."""
    return translate("Connections", label(kind, name))


def _enter_first(kind: str, field: str) -> ShopProblem:
    return ShopProblem(
        translate("Connections", "Enter the {field} first, then test again.").format(
            field=_field(kind, field)
        )
    )


def missing(kind: str, conn: dict[str, Any], settings: list[str]) -> str | None:
    """What is missing or wrong among ``settings`` of a ``kind`` shop, in words (None: all
    there); shared by the check before any call (``connection_values``) and the calls here."""
    for f in settings:
        value = str(conn.get(f) or "").strip()
        if not value:
            return translate("Connections", "Enter the {field} first, then try again.").format(
                field=_field(kind, f)
            )
        if f in NUMBERS and not value.isdigit():
            return translate(
                "Connections", "The {field} is a number (digits only); check it and try again."
            ).format(field=_field(kind, f))
    return None


def _need(provider: ConnectionProvider, name: str, kind: str, settings: list[str]) -> None:
    said_ = missing(kind, provider.get(name), settings)
    if said_:
        raise ShopProblem(said_)


def _no_authorisation(kind: str) -> ShopProblem:
    return ShopProblem(
        translate("Connections", "A {kind} connection needs no authorisation.").format(kind=kind)
    )


def try_shop(provider: ConnectionProvider, name: str, timeout: float = 10.0) -> str:
    """One cheap authenticated call: the first page of orders changed in the last day."""
    conn = provider.get(name)
    kind = conn["kind"]
    platform = by_connection_kind(kind)
    if platform is None:
        raise DaloyError(
            translate("Connections", "Connections of kind {kind} cannot be tested yet.").format(
                kind=kind
            )
        )
    _need(provider, name, kind, list(REQUIRED.get(kind, ())))
    settings, secret_fields = typed_fields(kind)
    for f in secret_fields:
        if f not in OPTIONAL_SECRETS and not provider.has_secret(name, f):
            raise _enter_first(kind, f)
    if kind in AUTHORISED_KINDS and not provider.has_secret(name, "access_token"):
        raise ShopProblem(
            translate(
                "Connections",
                "The shop is not authorised yet: use “Authorise the shop…”, then test again.",
            )
        )
    try:
        with platform.open(conn, lambda f: provider.secret(name, f), provider) as client:
            client.set_timeout(timeout)
            orders, more = platform.list_orders(client, iso_utc(time.time() - 86400), None)
    except ShopProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence
        raise explain(exc, platform, conn) from exc
    count = f"{len(orders)}{'+' if more else ''}"
    return (
        translate(
            "Connections",
            "Connected to {platform} shop {address}; 1 order changed in the last day.",
        )
        if count == "1"
        else translate(
            "Connections",
            "Connected to {platform} shop {address}; {count} orders changed in the last day.",
        )
    ).format(platform=platform.title, address=address(platform, conn), count=count)


# -- guided authorisation (Shopee, Lazada) -------------------------------------------------------
def code_from(pasted: str) -> tuple[str, str]:
    """(code, shop_id) from what the owner pasted: the code alone, or the whole address the
    platform sent the browser back to (``…?code=…&shop_id=…``)."""
    text = pasted.strip()
    if "code=" in text:
        query = parse_qs(urlsplit(text).query or text.split("?", 1)[-1])
        return (query.get("code") or [""])[0].strip(), (query.get("shop_id") or [""])[0].strip()
    return text, ""


def authorisation_link(
    provider: ConnectionProvider, name: str, redirect: str, clock: Callable[[], float] = time.time
) -> str:
    """The address the shop's owner opens to approve Daloy (Shopee's is signed and good for
    five minutes)."""
    conn = provider.get(name)
    kind = conn["kind"]
    redirect = redirect.strip()
    if not redirect.startswith(("https://", "http://")):
        raise ShopProblem(
            translate(
                "Connections",
                "Enter the return address (the Redirect URL registered for your "
                "app, starting with https://) first.",
            )
        )
    if kind == "shopee":
        _need(provider, name, kind, ["partner_id"])
        from app.connectors.platforms.shopee import BASE_URL, sign

        ts = int(clock())
        partner = str(conn["partner_id"]).strip()
        key = provider.secret(name, "partner_key")
        root = base_url(
            str(conn.get("base_url") or BASE_URL),
            what=said(QT_TRANSLATE_NOOP("Steps", "Shopee API address")),
        )
        return f"{root}{SHOPEE_AUTH_PATH}?" + urlencode(
            {
                "partner_id": partner,
                "timestamp": ts,
                "sign": sign(key, partner, SHOPEE_AUTH_PATH, ts),
                "redirect": redirect,
            }
        )
    if kind == "lazada":
        _need(provider, name, kind, ["app_key"])
        from app.connectors.platforms.lazada import AUTH_URL

        root = base_url(
            str(conn.get("auth_url") or AUTH_URL),
            what=said(QT_TRANSLATE_NOOP("Steps", "Lazada authorisation address")),
        ).removesuffix("/rest")
        return f"{root}/oauth/authorize?" + urlencode(
            {
                "response_type": "code",
                "force_auth": "true",
                "redirect_uri": redirect,
                "client_id": str(conn["app_key"]).strip(),
            }
        )
    raise _no_authorisation(kind)


def authorise(provider: ConnectionProvider, name: str, code: str) -> str:
    """Swap the code (``code_from`` what was pasted) for the shop's first tokens, stored in the
    keyring under ``name``; "Shop authorised until …"."""
    kind = provider.get(name)["kind"]
    if not code:
        raise ShopProblem(
            translate(
                "Connections",
                "Paste the code (or the whole address the browser showed after "
                "the owner approved) first.",
            )
        )
    platform = by_connection_kind(kind)
    if kind not in AUTHORISED_KINDS or platform is None:
        raise _no_authorisation(kind)
    _need(provider, name, kind, list(REQUIRED[kind]))
    try:
        with platform.open(
            provider.get(name), lambda f: provider.secret(name, f), provider
        ) as client:
            tokens = client.authorise(code)
    except ShopProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence
        raise explain(exc, platform, provider.get(name), authorising=True) from exc
    ends = [t for t in (tokens.authorised_until, tokens.refresh_expires_at) if t]
    if not ends:
        return translate("Connections", "Shop authorised; Daloy renews its access by itself.")
    return translate("Connections", "Shop authorised until {date}.").format(
        date=time.strftime("%d %B %Y", time.localtime(min(ends)))
    )
