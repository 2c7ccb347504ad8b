"""The intake channel every platform shares, and the ``Platform`` declaration it runs on.

A platform module (``shopify.py``, ``woocommerce.py``, ``shopee.py``, ``lazada.py``) declares
``PLATFORM = Platform(...)``: the connection kind it uses (the kind itself is listed in
``app.store.connections.KINDS``), how to open a signed client for one shop, how to list new and
updated orders (its own paging and time-window rules), how to map one order to ``Order``, which
status words mean "cancelled", its webhook check (where it pushes), and the calls that answer it
(ship, cancel, set stock) with their look-ups. The trigger type of a platform is its ``name``
(``"shopify"``), registered in the trigger registry from ``trigger_spec``.

How an order arrives (``PlatformChannel``):
- Polling, every ``poll_seconds``: ``list_orders(client, since, cursor)`` page by page from
  ``since`` minus an overlap (clocks and same-second updates), resuming mid-pass after a
  restart or a slow-down. The cursor advances only after the orders are committed.
- Push, where the platform offers webhooks: ``POST /platform/<workflow>/<trigger>`` on the web
  intake. A bad signature is answered 401 and nothing is stored. Polling stays on as the
  safety net for a missed webhook.
- Either way each order version goes through ``app.store.platform_orders.take`` with the dedupe
  key ``<platform>:<shop>:<order id>:<updated_at>``: the same order by webhook and by poll is
  one run; a later version (cancelled by the buyer, address changed) reaches the order's run
  as an inbox entry on that run, and the ``platform_update`` step reads the latest version
  before it reports anything to the shop.
- Rate limits: a ``RateLimited`` answer (429 + Retry-After, or the platform's own words)
  pauses the channel for that long; nothing is asked before then.

No Qt. May import store and core.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from app.core.errors import DaloyError
from app.core.schema import CONNECTION, NUMBER, Field
from app.core.stepspec import StepSpec
from app.intake.platforms import Order
from app.intake.platforms.http import PlatformError, RateLimited
from app.intake.polling import PolledChannel
from app.store import intake as repo
from app.store import platform_orders
from app.store.connections import ConnectionProvider
from app.store.runs import RunStore

log = logging.getLogger("daloy.intake.platforms")

MODULES = ("shopify", "woocommerce", "shopee", "lazada")
Answer = tuple[str, dict[str, str], bytes]


@dataclass(frozen=True)
class Shipment:
    """What ``ship`` reports to the platform."""

    order_id: str
    tracking_number: str
    carrier: str = ""
    tracking_url: str = ""
    notify_customer: bool = True


@dataclass(frozen=True)
class Webhook:
    """A platform's push: ``verify(headers, body, secret)`` checks the signature the way the
    platform signs (headers: lower-case names); ``order_of(headers, body)`` gives the raw order
    of an order topic, or None for a topic Daloy does not take (answered 200, ignored).
    ``secret_field``: the connection secret that keys the signature."""

    verify: Callable[[Mapping[str, str], bytes, str], bool]
    order_of: Callable[[Mapping[str, str], bytes], dict[str, Any] | None]
    secret_field: str = "webhook_secret"
    how: str = ""  # one sentence for the trigger's help: where to set it up


@dataclass(frozen=True)
class Platform:
    """One platform, declared once (see the module docstring). Callables take the client that
    ``open`` made; every platform error is a ``PlatformError`` (``app.intake.platforms.http``).

    - ``open(settings, secret, connections)``: a client for the shop (``secret(field)`` reads
      the keyring; ``connections`` lets a platform whose tokens expire renew them into the
      keyring and raise its inbox entry) — a ``PlatformHttp``, or a platform's own client with
      ``set_timeout`` and ``with`` (Shopee, Lazada); ``shop(settings)``: the shop's identity in
      dedupe keys (domain, seller id).
    - ``list_orders(client, since, cursor) -> (raw orders, next cursor or None)``: ``since`` is
      ISO 8601 UTC; ``cursor`` None asks for the first page.
    - ``map_order(raw, shop) -> Order`` with ``updated_at`` in ``iso_utc`` form.
    - ``ship``/``cancel``/``set_stock`` act; ``find_shipment``/``find_cancel`` look an earlier,
      unanswered call up (a dict when it happened, None when not); ``guarantees`` says per
      action what the platform promises about repeats (shown in the step reference).
    """

    name: str
    title: str
    connection_kind: str
    open: Callable[[Mapping[str, Any], Callable[[str], str], ConnectionProvider], Any]
    shop: Callable[[Mapping[str, Any]], str]
    list_orders: Callable[[Any, str, Any], tuple[list[dict[str, Any]], Any]]
    map_order: Callable[[dict[str, Any], str], Order]
    cancelled_statuses: tuple[str, ...]
    # The client argument below is whatever ``open`` returned.
    ship: Callable[[Any, Shipment], dict[str, Any]] | None = None
    find_shipment: Callable[[Any, Shipment], dict[str, Any] | None] | None = None
    cancel: Callable[[Any, str, str], dict[str, Any]] | None = None
    find_cancel: Callable[[Any, str], dict[str, Any] | None] | None = None
    set_stock: Callable[[Any, str, int], dict[str, Any]] | None = None
    guarantees: Mapping[str, str] = field(default_factory=dict)
    webhook: Webhook | None = None
    summary: str = ""


@lru_cache(maxsize=1)
def platforms() -> dict[str, Platform]:
    """The platforms whose module is present, by name (a module still being written is
    simply absent; any other import error is a bug and raised)."""
    found: dict[str, Platform] = {}
    for mod in MODULES:
        try:
            module = importlib.import_module(f"app.intake.platforms.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.intake.platforms.{mod}":
                raise
            continue
        declared = getattr(module, "PLATFORM", None)  # None: its declaration is not written yet
        if declared is not None:
            found[declared.name] = declared
    return found


def by_connection_kind(kind: str) -> Platform | None:
    return next((p for p in platforms().values() if p.connection_kind == kind), None)


def is_cancelled(order: Mapping[str, Any]) -> bool:
    """Is this order (``Order`` as a dict) cancelled, in its platform's own status words?"""
    platform = platforms().get(str(order.get("platform") or ""))
    status = str(order.get("status") or "").lower()
    return platform is not None and status in platform.cancelled_statuses


def iso_utc(value: Any) -> str:
    """A platform's time (ISO 8601 with any offset, or Unix seconds) as ``2026-01-05T09:00:00Z``:
    one form, so versions and cursors compare as text."""
    if value in (None, ""):
        return ""
    if isinstance(value, int | float) or str(value).isdigit():
        moment = datetime.fromtimestamp(float(value), UTC)
    else:
        text = str(value).strip().replace("Z", "+00:00")
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:  # WooCommerce's *_gmt fields carry no offset
            moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch(iso: str) -> float:
    """``iso_utc``'s form back to Unix seconds (for platforms that ask in seconds)."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def open_client(platform: Platform, connections: ConnectionProvider, name: str) -> Any:
    """A client for the shop behind connection ``name`` (its secrets from the keyring)."""
    settings = connections.get(name, platform.connection_kind)
    return platform.open(settings, lambda f: connections.secret(name, f), connections)


def trigger_spec(platform: Platform) -> StepSpec:
    push = (
        f" {platform.title} can also push orders: {platform.webhook.how} Point it at "
        "/platform/<workflow>/<trigger> on Daloy's web address; pushes with a wrong "
        "signature are refused and nothing is stored. Polling stays on as the safety net."
        if platform.webhook
        else ""
    )
    return StepSpec(
        platform.name,
        platform.title,
        "Triggers",
        platform.summary or f"New and updated orders from a {platform.title} shop.",
        f"Checks the {platform.title} shop for new and updated orders page by page, honouring "
        "its rate limits, and gives each to the workflow in Daloy's one order shape "
        "(trigger.order: number, customer, lines with SKU, quantity and price, totals, "
        "currency, shipping address, the platform's raw order). The same order arriving twice "
        "is one run; a later change to it (cancelled by the buyer, a new address) is shown on "
        "that run in the inbox." + push,
        fields=(
            Field(
                "connection",
                CONNECTION,
                f"{platform.title} shop",
                required=True,
                connection_kind=platform.connection_kind,
            ),
            Field("poll_seconds", NUMBER, "Check every (seconds)", default=120, minimum=10),
            Field("first_days", NUMBER, "On the first check, go back (days)", default=3, minimum=0),
            Field("max_pages", NUMBER, "Pages per check", default=50, minimum=1),
            Field("timeout", NUMBER, "Network timeout (seconds)", default=30, minimum=1),
            Field(
                "down_after_minutes", NUMBER, "Alert when down for (minutes)", default=15, minimum=1
            ),
        ),
        icon="fa5s.shopping-bag",
        is_trigger=True,
    )


OVERLAP = timedelta(minutes=5)  # ask again a little before the newest update seen


class PlatformChannel(PolledChannel):
    """Polls one shop for one workflow's trigger, and takes that trigger's webhooks."""

    default_poll_seconds = 120.0
    expected_errors = (PlatformError,)

    def __init__(
        self,
        store: RunStore,
        *,
        platform: Platform,
        channel: str,
        workflow: str,
        config: dict[str, Any],
        connections: ConnectionProvider,
        paused: threading.Event,
    ) -> None:
        super().__init__(store, channel, config, paused)
        self.platform, self.workflow, self.connections = platform, workflow, connections
        self.kind = platform.name

    def _settings(self) -> Mapping[str, Any]:
        return self.connections.get(self.config["connection"], self.platform.connection_kind)

    def poll(self) -> int:
        settings = self._settings()
        shop = self.platform.shop(settings)
        state = repo.get_cursor(self.store.db, self.channel) or {}
        newest = state.get("since") or iso_utc(
            time.time() - float(self.config.get("first_days", 3)) * 86400
        )
        # One pass reads from the same "since" to its end, even across slow-downs and restarts.
        since = state.get("pass_since") or iso_utc(epoch(newest) - OVERLAP.total_seconds())
        page, newest = state.get("page"), state.get("newest") or newest
        count = 0
        with self.platform.open(settings, self._secret, self.connections) as http:
            for _ in range(int(self.config.get("max_pages", 50))):
                try:
                    raws, page = self.platform.list_orders(http, since, page)
                except RateLimited as exc:
                    self.not_before = time.time() + min(exc.retry_after, 900)
                    log.info("%s: %s", self.channel, exc)
                    break
                for raw in raws:
                    taken, stamp = self.take(raw, shop)
                    count += taken
                    newest = max(newest, stamp)
                if not page:
                    # A whole pass is committed: only now does "since" move on.
                    repo.record_ok(self.store.db, self.channel, self.kind, cursor={"since": newest})
                    return count
        # Stopped mid-pass (slow-down or page limit): resume from this page next time.
        repo.record_ok(
            self.store.db,
            self.channel,
            self.kind,
            cursor={
                "since": state.get("since") or "",
                "pass_since": since,
                "page": page,
                "newest": newest,
            },
        )
        return count

    def _secret(self, field_name: str) -> str:
        return self.connections.secret(self.config["connection"], field_name)

    def take(self, raw: dict[str, Any], shop: str) -> tuple[int, str]:
        """Take one raw order in: (1 if it started a run, its ``updated_at``). An order that
        cannot be read is kept raw as an intake error, once."""
        try:
            order = self.platform.map_order(raw, shop)
        except (KeyError, TypeError, ValueError, DaloyError) as exc:
            body = json.dumps(raw, ensure_ascii=False, default=str).encode()
            digest = hashlib.sha256(body).hexdigest()[:32]
            repo.keep_malformed(
                self.store,
                channel=self.channel,
                workflow=self.workflow,
                dedupe_key=f"{self.platform.name}-bad:{shop}:{digest}",
                reason=f"An order from {self.platform.title} shop “{shop}” could not be read "
                f"({type(exc).__name__}: {exc}). It is kept here; enter it by hand or "
                "ask the shop's support.",
                summary=f"{self.platform.title} order {raw.get('id', '?')}",
                raw=body,
            )
            return 0, ""
        order.shop = shop
        result = platform_orders.take(
            self.store,
            channel=self.channel,
            workflow=self.workflow,
            platform=self.platform.name,
            title=self.platform.title,
            shop=shop,
            order=order.to_trigger()["order"],
            cancelled=is_cancelled,
        )
        return int(result.new_run), order.updated_at

    # -- push -----------------------------------------------------------------------------------
    def receive(self, headers: Mapping[str, str], body: bytes) -> Answer:
        """A webhook post (``headers`` with lower-case names). 401 on a bad signature, with
        nothing stored; 200 once the order is committed (or was already)."""
        from app.intake.web_guard import error

        hook = self.platform.webhook
        if hook is None:
            return error(404, f"{self.platform.title} does not push orders.")
        try:
            secret = self._secret(hook.secret_field)
        except DaloyError as exc:
            repo.record_error(
                self.store.db,
                self.channel,
                self.kind,
                f"A {self.platform.title} webhook could not be checked: {exc}",
            )
            return error(401, "This shop's webhook secret is not saved in Daloy.")
        if not secret or not hook.verify(headers, body, secret):
            log.warning("%s: a webhook with a wrong signature was refused", self.channel)
            return error(401, "The webhook signature does not match.")
        try:
            raw = hook.order_of(headers, body)
        except ValueError:
            return error(400, "The webhook body is not an order Daloy can read.")
        if raw is None:
            return "200 OK", {}, b'{"status": "ignored"}'
        shop = self.platform.shop(self._settings())
        taken, _stamp = self.take(raw, shop)
        repo.record_ok(self.store.db, self.channel, self.kind)
        return "200 OK", {}, json.dumps({"status": "stored" if taken else "known"}).encode()
