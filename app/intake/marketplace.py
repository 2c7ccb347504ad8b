"""Marketplace and shop-system polling: a generic REST poller. It pages through new or changed
orders, honours Retry-After on 429 and backs off on 5xx, and advances its cursor only after the
orders it has seen are committed. Asked to stop (Daloy shutting down), it ends between two
pages, after the first one's orders are committed."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from typing import Any

from app.core import json_text
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.crashpoints import crashpoint
from app.intake.channels import ChannelKind, ChannelSetup, channel_args
from app.intake.polling import PolledChannel
from app.store import intake as repo
from app.store.connections import ConnectionProvider, tls_context
from app.store.runs import RunStore

log = logging.getLogger("daloy.intake.marketplace")


def _digest(order: Any) -> str:
    """A key that survives restarts (``hash()`` is salted per process)."""
    return hashlib.sha256(repr(order).encode()).hexdigest()[:32]


def dig(data: Any, path: str) -> Any:
    for part in [p for p in path.split(".") if p]:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


class MarketplaceChannel(PolledChannel):
    kind = "marketplace"

    def __init__(
        self,
        store: RunStore,
        *,
        channel: str,
        workflow: str,
        config: dict[str, Any],
        connections: ConnectionProvider,
        paused: threading.Event,
    ) -> None:
        import httpx  # loaded when a workflow polls a marketplace, not when every runner starts

        super().__init__(store, channel, config, paused)
        self.expected_errors = (httpx.HTTPError,)
        self.workflow = workflow
        self.connections = connections

    def poll(self) -> int:
        import httpx

        target = self.connections.http(self.config["connection"])
        url = target["base_url"].rstrip("/") + "/" + self.config.get("path", "/orders").lstrip("/")
        cursor = repo.get_cursor(self.store.db, self.channel) or {}
        since = cursor.get("updated_since", "")
        id_field = self.config.get("id_field", "id")
        cursor_field = self.config.get("cursor_field", "updated_at")
        newest, token, count = since, None, 0
        with httpx.Client(
            timeout=float(self.config.get("timeout", 30)),
            headers=target["headers"],
            verify=tls_context(),
        ) as client:
            for _page in range(int(self.config.get("max_pages", 100))):
                params = {"updated_since": since, "limit": int(self.config.get("page_size", 50))}
                if token:
                    params["page_token"] = token
                r = client.get(url, params=params)
                if r.status_code == 429:
                    wait = float(r.headers.get("Retry-After") or 30)
                    self.not_before = time.time() + min(wait, 900)
                    repo.record_error(
                        self.store.db,
                        self.channel,
                        self.kind,
                        said(
                            QT_TRANSLATE_NOOP(
                                "Intake",
                                "The marketplace asked Daloy to slow down for {seconds} s; "
                                "Daloy asks again after that.",
                            ),
                            seconds=f"{wait:g}",
                        ),
                    )
                    # What was committed stays (dedupe keys); the cursor waits for a full pass.
                    return count
                if r.status_code >= 500:
                    raise DaloyError(
                        said(
                            QT_TRANSLATE_NOOP(
                                "Intake",
                                "The marketplace had a problem on its side (error {status}); "
                                "Daloy tries again later.",
                            ),
                            status=r.status_code,
                        )
                    )
                if r.status_code in (401, 403):
                    raise DaloyError(
                        said(
                            QT_TRANSLATE_NOOP(
                                "Intake",
                                "The marketplace refused the token of connection "
                                "“{connection}” (error {status}). Enter a new one under "
                                "Connections.",
                            ),
                            connection=self.config["connection"],
                            status=r.status_code,
                        )
                    )
                try:
                    body = json_text.loads(r.content)  # NaN, Infinity: kept as unreadable
                except ValueError:
                    repo.keep_malformed(
                        self.store,
                        channel=self.channel,
                        workflow=self.workflow,
                        dedupe_key=f"mkt-bad:{self.channel}:{since}:{token}:{int(time.time() // 600)}",
                        reason=said(
                            QT_TRANSLATE_NOOP(
                                "Intake",
                                "The marketplace sent an answer that is not JSON; the page was "
                                "kept and will be asked for again.",
                            )
                        ),
                        summary=said(
                            QT_TRANSLATE_NOOP("Intake", "The marketplace's page after {since}"),
                            since=since,
                        )
                        if since
                        else said(QT_TRANSLATE_NOOP("Intake", "The marketplace's first page")),
                        raw=r.content,
                    )
                    raise DaloyError(
                        said(
                            QT_TRANSLATE_NOOP(
                                "Intake", "The marketplace sent an answer that is not JSON."
                            )
                        )
                    ) from None
                orders = dig(body, self.config.get("items_path", "data.orders"))
                if not isinstance(orders, list):
                    raise DaloyError(
                        said(
                            QT_TRANSLATE_NOOP(
                                "Intake",
                                "The marketplace's answer has no list of orders at “{path}”; "
                                "check “Where the orders are” in the trigger's settings.",
                            ),
                            path=self.config.get("items_path", "data.orders"),
                        )
                    )
                for order in orders:
                    oid = order.get(id_field) if isinstance(order, dict) else None
                    if oid is None:
                        repo.keep_malformed(
                            self.store,
                            channel=self.channel,
                            workflow=self.workflow,
                            dedupe_key=f"mkt-bad:{self.channel}:{_digest(order)}",
                            reason=said(
                                QT_TRANSLATE_NOOP(
                                    "Intake", "An order from the marketplace has no “{field}”."
                                ),
                                field=id_field,
                            ),
                            summary=str(order)[:200],
                            raw=str(order).encode(),
                        )
                        continue
                    result = repo.ingest(
                        self.store,
                        channel=self.channel,
                        workflow=self.workflow,
                        dedupe_key=f"mkt:{self.channel}:{oid}",
                        trigger={"order": order},
                        summary=f"Marketplace order {oid}",
                    )
                    count += 0 if result.duplicate else 1
                    stamp = str(order.get(cursor_field) or "")
                    newest = max(newest, stamp)
                token = body.get("next_page_token") if isinstance(body, dict) else None
                if not token:
                    break
                crashpoint("poll_between_pages")
                if self.stopped.is_set():  # shutting down: this page is committed, stop here
                    # the cursor waits for a whole pass; the next start asks these pages again
                    return count
        # Everything seen is committed: only now does the cursor move.
        repo.record_ok(self.store.db, self.channel, self.kind, cursor={"updated_since": newest})
        return count


def _start(setup: ChannelSetup) -> MarketplaceChannel:
    return MarketplaceChannel(setup.store, connections=setup.connections, **channel_args(setup))


CHANNEL = ChannelKind("marketplace", start=_start)
