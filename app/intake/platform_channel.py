"""The intake channel every shop platform shares (``PlatformChannel``), and the trigger type
each platform gets (``trigger_spec``); the platforms themselves are declared in
``app.connectors.platforms`` (``Platform``). The trigger type of a platform is its ``name``
(``"shopify"``).

How an order arrives:
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
- An answer that is not JSON as JSON is written (an HTML page, a cut-off text, NaN; see
  ``app.connectors.platforms.http.answer``) is kept raw as an intake error, once, and the
  check fails like any other: the cursor stays, the page is asked for again at the next check.
- Shutting down: between pages (after a page's orders are committed) the check sees
  ``stopped`` and ends there, its place kept as after a slow-down.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from app.connectors.platforms.http import PlatformError, RateLimited, Unreadable
from app.connectors.platforms.platform import Platform, epoch, is_cancelled, iso_utc, platforms
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said, unstopped
from app.core.schema import CONNECTION, NUMBER, Field
from app.core.stepspec import StepSpec
from app.crashpoints import crashpoint
from app.intake.channels import ChannelKind, ChannelSetup, channel_args
from app.intake.polling import PolledChannel
from app.store import intake as repo
from app.store import platform_orders
from app.store.connections import ConnectionProvider
from app.store.runs import RunStore

log = logging.getLogger("daloy.intake.platforms")

Answer = tuple[str, dict[str, str], bytes]


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
        QT_TRANSLATE_NOOP("Steps", "Triggers"),
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
            # the labels are translated where shown (app.core.schema.declared)
            Field(
                "poll_seconds",
                NUMBER,
                QT_TRANSLATE_NOOP("Steps", "Check every (seconds)"),
                default=120,
                minimum=10,
            ),
            Field(
                "first_days",
                NUMBER,
                QT_TRANSLATE_NOOP("Steps", "On the first check, go back (days)"),
                default=3,
                minimum=0,
            ),
            Field(
                "max_pages",
                NUMBER,
                QT_TRANSLATE_NOOP("Steps", "Pages per check"),
                default=50,
                minimum=1,
            ),
            Field(
                "timeout",
                NUMBER,
                QT_TRANSLATE_NOOP("Steps", "Network timeout (seconds)"),
                default=30,
                minimum=1,
            ),
            Field(
                "down_after_minutes",
                NUMBER,
                QT_TRANSLATE_NOOP("Steps", "Alert when down for (minutes)"),
                default=15,
                minimum=1,
            ),
        ),
        icon="fa5s.shopping-bag",
        is_trigger=True,
    )


OVERLAP = timedelta(minutes=5)  # ask again a little before the newest update seen


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


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
                if self.stopped.is_set():  # shutting down: between pages is a safe point
                    break
                try:
                    raws, page = self.platform.list_orders(http, since, page)
                except RateLimited as exc:
                    self.not_before = time.time() + min(exc.retry_after, 900)
                    log.info("%s: %s", self.channel, exc)
                    break
                except Unreadable as exc:
                    page_of = QT_TRANSLATE_NOOP(
                        "Intake", "A page of orders from {platform} shop “{shop}”"
                    )
                    self._keep(
                        shop,
                        exc.raw,
                        str(exc),
                        said(page_of, platform=self.platform.title, shop=shop),
                    )
                    raise  # recorded as the check's failure; the page is asked for again
                for raw in raws:
                    taken, stamp = self.take(raw, shop)
                    count += taken
                    newest = max(newest, stamp)
                if not page:
                    # A whole pass is committed: only now does "since" move on.
                    repo.record_ok(self.store.db, self.channel, self.kind, cursor={"since": newest})
                    return count
                crashpoint("poll_between_pages")
        # Stopped mid-pass (slow-down, page limit, shutdown): resume from this page next time.
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

    def _keep(self, shop: str, raw: bytes, reason: str, summary: str) -> None:
        """What came from the shop and cannot be taken in, kept raw as an intake error, once
        (the same bytes again are the same entry)."""
        repo.keep_malformed(
            self.store,
            channel=self.channel,
            workflow=self.workflow,
            dedupe_key=f"{self.platform.name}-bad:{shop}:{_digest(raw)}",
            reason=reason,
            summary=summary,
            raw=raw,
        )

    def _secret(self, field_name: str) -> str:
        return self.connections.secret(self.config["connection"], field_name)

    def take(self, raw: dict[str, Any], shop: str) -> tuple[int, str]:
        """Take one raw order in: (1 if it started a run, its ``updated_at``). An order that
        cannot be read is kept raw as an intake error, once."""
        try:
            order = self.platform.map_order(raw, shop)
        # AttributeError, IndexError: a field of another shape than the platform documents
        # (a text where a list of items belongs) is unreadable too, never a stopped channel
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, DaloyError) as exc:
            body = json.dumps(raw, ensure_ascii=False, default=str).encode()
            # A mapping's own sentence (a DaloyError) is the operator's; a KeyError's text is
            # the log's.
            log.warning("%s: an order of shop %s could not be read: %r", self.channel, shop, exc)
            words = dict(platform=self.platform.title, shop=shop)
            reason = (
                said(
                    QT_TRANSLATE_NOOP(
                        "Intake",
                        "An order from {platform} shop “{shop}” could not be read ({why}). It is "
                        "kept here; enter it by hand or ask the shop's support.",
                    ),
                    why=unstopped(str(exc)),
                    **words,
                )
                if isinstance(exc, DaloyError)
                else said(
                    QT_TRANSLATE_NOOP(
                        "Intake",
                        "An order from {platform} shop “{shop}” could not be read. It is kept "
                        "here; enter it by hand or ask the shop's support.",
                    ),
                    **words,
                )
            )
            summary = said(
                QT_TRANSLATE_NOOP("Intake", "{platform} order {id}"),
                platform=self.platform.title,
                id=str(raw.get("id", "?"))[:200],
            )
            self._keep(shop, body, reason, summary)
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
                said(
                    QT_TRANSLATE_NOOP("Intake", "A {platform} webhook could not be checked: {why}"),
                    platform=self.platform.title,
                    why=str(exc),
                ),
            )
            return error(401, "This shop's webhook secret is not saved in Daloy.")
        if not secret or not hook.verify(headers, body, secret):
            log.warning("%s: a webhook with a wrong signature was refused", self.channel)
            return error(401, "The webhook signature does not match.")
        shop = self.platform.shop(self._settings())
        try:
            raw = hook.order_of(headers, body)
        except ValueError:  # signed by the shop, so kept (once) for the operator
            unread = QT_TRANSLATE_NOOP(
                "Intake",
                "{platform} shop “{shop}” pushed an order Daloy cannot read (not JSON as JSON "
                "is written, or not an order). It is kept here; the next check of the shop asks "
                "for the order again.",
            )
            post = QT_TRANSLATE_NOOP("Intake", "A {platform} webhook post")
            title = self.platform.title
            self._keep(
                shop, body, said(unread, platform=title, shop=shop), said(post, platform=title)
            )
            return error(400, "The webhook body is not an order Daloy can read; it is kept.")
        if raw is None:
            return "200 OK", {}, b'{"status": "ignored"}'
        taken, _stamp = self.take(raw, shop)
        repo.record_ok(self.store.db, self.channel, self.kind)
        return "200 OK", {}, json.dumps({"status": "stored" if taken else "known"}).encode()


def channel_kinds() -> list[ChannelKind]:
    """One channel kind per shop platform present: polled, and pushed to where it can push."""

    def starter(platform: Platform) -> Callable[[ChannelSetup], PlatformChannel]:
        def start(setup: ChannelSetup) -> PlatformChannel:
            return PlatformChannel(
                setup.store,
                platform=platform,
                connections=setup.connections,
                **channel_args(setup),
            )

        return start

    return [ChannelKind(p.name, start=starter(p), web=True) for p in platforms().values()]
