"""A shop platform's failure in words (no Qt): what the Connections page, the shop's “Test” and
“Authorise the shop…” say when a call fails — a wrong key or token, no such shop, the network,
slow down — in the reader's language, with the technical side (each exception of the chain)
kept apart as ``detail``. Used by ``setup``."""

from __future__ import annotations

import socket
import sys
from typing import Any

from app.connectors.platforms.http import (
    PlatformDown,
    PlatformRefused,
    PlatformRejected,
    RateLimited,
)
from app.connectors.platforms.platform import Platform
from app.connectors.platforms.tokens import RefreshFailed, TokenRefused
from app.core import redact
from app.core.errors import DaloyError
from app.core.i18n import shown, translate, words_of


class ShopProblem(DaloyError):
    """A failed shop test or authorisation: ``str(exc)`` the sentence for the operator,
    ``detail`` the technical side (the Connections page folds it away), secrets hidden. (Not
    ``connection_check.ConnectionProblem``: that module reaches this one through ``probes``.)"""

    in_words = True  # ``connection_check.check`` passes it on as it is

    def __init__(self, sentence: str, detail: str = "") -> None:
        super().__init__(redact.text(sentence))
        self.detail = redact.text(detail)


def address(platform: Platform, conn: dict[str, Any]) -> str:
    """The shop's address as the operator typed it (or the platform's name for it)."""
    return str(
        conn.get("shop_domain")
        or conn.get("site_url")
        or conn.get("base_url")
        or translate("Connections", "{platform}'s address").format(platform=platform.title)
    ).strip()


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
    title, where, kind = platform.title, address(platform, conn), platform.connection_kind
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
        if isinstance(x, PlatformDown | OSError) or _transport_error(x):
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


def _transport_error(exc: BaseException) -> bool:
    """An httpx network error. httpx is not imported for this: the setup window reads this
    module, and a failure from httpx means httpx was loaded to make the call."""
    httpx = sys.modules.get("httpx")
    return httpx is not None and isinstance(exc, httpx.TransportError)
