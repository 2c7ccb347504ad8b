"""Setting a shop up from the Connections page (no Qt): each field of the four shop kinds in the
operator's words, “Test connection” as one cheap authenticated call (the first page of orders
changed in the last day) that says in words what is wrong, and the guided authorisation of
Shopee and Lazada: the link the owner opens, the code (or the whole return address) pasted back,
swapped for tokens that ``tokens.TokenKeeper`` stores in the keyring.

The link formats are the platforms' documented ones: Shopee
``/api/v2/shop/auth_partner?partner_id&timestamp&sign&redirect`` (sign over partner id, path and
timestamp, as for its other public calls); Lazada
``/oauth/authorize?response_type=code&force_auth=true&redirect_uri&client_id``.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from app.connectors.platforms.http import (
    PlatformDown,
    PlatformRefused,
    PlatformRejected,
    RateLimited,
    base_url,
)
from app.connectors.platforms.platform import Platform, by_connection_kind, iso_utc
from app.connectors.platforms.tokens import TOKEN_FIELDS, RefreshFailed, TokenRefused
from app.core import redact
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said, shown, translate, words_of
from app.store.connections import KINDS, ConnectionProvider


class ShopProblem(DaloyError):
    """A failed shop test or authorisation: ``str(exc)`` the sentence for the operator,
    ``detail`` the technical side (the Connections page folds it away), secrets hidden. (Not
    ``connection_check.ConnectionProblem``: that module reaches this one through ``probes``.)"""

    in_words = True  # ``connection_check.check`` passes it on as it is

    def __init__(self, sentence: str, detail: str = "") -> None:
        super().__init__(redact.text(sentence))
        self.detail = redact.text(detail)


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


def _need(provider: ConnectionProvider, name: str, kind: str, settings: list[str]) -> None:
    conn = provider.get(name)
    for f in settings:
        value = str(conn.get(f) or "").strip()
        if not value:
            raise ShopProblem(
                translate("Connections", "Enter the {field} first, then try again.").format(
                    field=_field(kind, f)
                )
            )
        if f in NUMBERS and not value.isdigit():
            raise ShopProblem(
                translate(
                    "Connections", "The {field} is a number (digits only); check it and try again."
                ).format(field=_field(kind, f))
            )


def _address(platform: Platform, conn: dict[str, Any]) -> str:
    return str(
        conn.get("shop_domain")
        or conn.get("site_url")
        or conn.get("base_url")
        or translate("Connections", "{platform}'s address").format(platform=platform.title)
    ).strip()


def _no_authorisation(kind: str) -> ShopProblem:
    return ShopProblem(
        translate("Connections", "A {kind} connection needs no authorisation.").format(kind=kind)
    )


def explain(
    exc: BaseException, platform: Platform, conn: dict[str, Any], *, authorising: bool = False
) -> ShopProblem:
    """A failed shop call in words: wrong key or token, no such shop, network, slow down."""
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ or e.__context__
    detail = "\n".join(f"{type(x).__name__}: {x}" for x in chain)
    title, where, kind = platform.title, _address(platform, conn), platform.connection_kind
    said = " ".join(str(getattr(x, "body", "") or "") for x in chain).lower()
    again = translate(
        "Connections", "open the link again with “Authorise the shop…” and paste the new code"
    )
    for x in chain:
        if isinstance(x, socket.gaierror):
            return ShopProblem(
                translate("Connections", "Can't find {where} — check the shop address.").format(
                    where=where
                ),
                detail,
            )
        if isinstance(x, RateLimited):
            return ShopProblem(
                translate(
                    "Connections", "{title} asked Daloy to slow down; test again in a minute."
                ).format(title=title),
                detail,
            )
        if isinstance(x, PlatformDown | httpx.TransportError | OSError):
            return ShopProblem(
                translate(
                    "Connections",
                    "Could not reach {title} at {where} — check the address and that this "
                    "computer is online.",
                ).format(title=title, where=where),
                detail,
            )
        if kind == "shopee" and ("sign" in said or "partner" in said):
            return ShopProblem(
                translate(
                    "Connections",
                    "Shopee refused the Partner ID or Partner key — copy both "
                    "again from Shopee Open Platform ▸ App List.",
                ),
                detail,
            )
        if kind == "lazada" and (
            "apikey" in said
            or "api key" in said
            or "signature" in said
            or "invalidapikey" in said
            or "incompletesignature" in said
        ):
            return ShopProblem(
                translate(
                    "Connections",
                    "Lazada refused the App key or App secret — copy both "
                    "again from Lazada Open Platform ▸ App Console.",
                ),
                detail,
            )
        if authorising and isinstance(x, PlatformRejected | PlatformRefused):
            return ShopProblem(
                translate(
                    "Connections",
                    "{title} did not accept that code — a code works once and only for a few "
                    "minutes; {again}.",
                ).format(title=title, again=again),
                detail,
            )
        if isinstance(x, TokenRefused | RefreshFailed):
            return ShopProblem(
                translate(
                    "Connections", "{title} no longer accepts this shop's authorisation — {again}."
                ).format(title=title, again=again),
                detail,
            )
        if isinstance(x, PlatformRefused):
            refused = (
                translate(
                    "Connections",
                    "{title} refused the Admin API access token — check it under Shopify admin "
                    "▸ Settings ▸ Apps ▸ Develop apps, and that the app may read orders.",
                )
                if kind == "shopify"
                else translate(
                    "Connections",
                    "{title} refused the consumer key and secret — check both under "
                    "WooCommerce ▸ Settings ▸ Advanced ▸ REST API, and that the key may read.",
                )
                if kind == "woocommerce"
                else translate("Connections", "{title} refused the shop's access — {again}.")
            )
            return ShopProblem(refused.format(title=title, again=again), detail)
        if isinstance(x, PlatformRejected) and x.status == 404:
            return ShopProblem(
                translate(
                    "Connections", "{title} has no shop at {where} — check the shop address."
                ).format(title=title, where=where),
                detail,
            )
    if isinstance(exc, DaloyError):  # already a sentence in our words: in the reader's language
        return ShopProblem(shown(words_of(str(exc)), str(exc)), detail)
    return ShopProblem(
        translate(
            "Connections",
            "{title} answered in a way Daloy did not expect; the details below say what it "
            "answered.",
        ).format(title=title),
        detail,
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
    ).format(platform=platform.title, address=_address(platform, conn), count=count)


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
