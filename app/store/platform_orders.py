"""Platform orders (Shopify, WooCommerce, Shopee, Lazada) across their updates.

Every version of a platform order is one intake item with the dedupe key
``<platform>:<shop>:<order id>:<updated_at>``. The first version starts the run; a later
version (the buyer cancelled, the address changed, the shop edited it) starts nothing: it is
kept as an item with status ``updated`` pointing at the same run, and when it matters to the
run — cancelled, or a new shipping address — an inbox entry on that run says so in words
(“The buyer cancelled order 1001 on Shopify”). Steps that answer the platform read the latest
version (``latest``) before acting, so a cancelled order is never reported shipped.

The first-version check and the run's start commit in one write transaction (SQLite's writers
are serialised), so the same order by webhook and by poll at the same moment is one run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.core.kinds import EventKind
from app.store import intake
from app.store.models import InboxItem, IntakeItem
from app.store.runs import Event, RunStore

STARTED, UPDATED = "started", "updated"


def order_prefix(platform: str, shop: str, order_id: str) -> str:
    return f"{platform}:{shop}:{order_id}:"


def dedupe_key(platform: str, shop: str, order_id: str, updated_at: str) -> str:
    return order_prefix(platform, shop, order_id) + updated_at


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _versions(s: Any, prefix: str) -> list[IntakeItem]:
    return list(
        s.scalars(
            select(IntakeItem)
            .where(
                IntakeItem.dedupe_key.like(_like(prefix), escape="\\"),
                IntakeItem.status.in_((STARTED, UPDATED)),
            )
            .order_by(IntakeItem.received_at, IntakeItem.id)
        )
    )


class _Known(Exception):
    """Raised inside ingest's transaction: the order already has a run (roll back the start)."""


@dataclass(frozen=True)
class Taken:
    run_id: str | None
    new_run: bool  # this version started the order's run
    duplicate: bool  # this very version was already taken in
    notice: str = ""  # the inbox sentence opened on the run, if any


def take(
    store: RunStore,
    *,
    channel: str,
    workflow: str,
    platform: str,
    title: str,
    shop: str,
    order: dict[str, Any],
    cancelled: Callable[[dict[str, Any]], bool],
) -> Taken:
    """Take in one version of a platform order (``order``: ``Order.to_trigger()['order']``,
    kept as the item's raw JSON). The first version starts a run; later ones reach that run
    (see the module docstring). ``cancelled`` says whether a version is a cancelled order."""
    raw = json.dumps(order, ensure_ascii=False, default=str).encode()
    oid, stamp = str(order["platform_order_id"]), str(order.get("updated_at") or "")
    prefix = order_prefix(platform, shop, oid)
    key = prefix + stamp

    def first_only(s: Any, item: IntakeItem) -> None:
        if any(v.id != item.id for v in _versions(s, prefix)):
            raise _Known

    try:
        result = intake.ingest(
            store,
            channel=channel,
            workflow=workflow,
            dedupe_key=key,
            trigger={"order": order},
            raw=raw,
            in_txn=first_only,
            summary=f"{title} order {order.get('number') or oid}",
        )
    except _Known:
        return _update(
            store,
            channel=channel,
            workflow=workflow,
            title=title,
            key=key,
            prefix=prefix,
            order=order,
            raw=raw,
            cancelled=cancelled,
        )
    return Taken(result.run_id, not result.duplicate, result.duplicate)


def _notice(title: str, before: dict[str, Any], after: dict[str, Any], cancelled: bool) -> str:
    number = after.get("number") or after.get("platform_order_id")
    if cancelled:
        return (
            f"The buyer cancelled order {number} on {title} after Daloy took it in. "
            "Steps that report to the shop will not ship it; check what this order has "
            "already done (charged, packed) and cancel the run or undo by hand."
        )
    if before.get("shipping_address") != after.get("shipping_address"):
        where = ", ".join(str(v) for v in (after.get("shipping_address") or {}).values() if v)
        return (
            f"The shipping address of order {number} on {title} changed to: {where}. "
            "If the parcel is already packed or handed over, fix the label or tell the "
            "courier."
        )
    return ""


def _update(
    store: RunStore,
    *,
    channel: str,
    workflow: str,
    title: str,
    key: str,
    prefix: str,
    order: dict[str, Any],
    raw: bytes,
    cancelled: Callable[[dict[str, Any]], bool],
) -> Taken:
    try:
        with store.db.write() as s:
            if s.scalar(select(IntakeItem.id).where(IntakeItem.dedupe_key == key)):
                return Taken(None, False, True)
            versions = _versions(s, prefix)
            run_id = next((v.run_id for v in versions if v.run_id), None)
            before = _order_of(versions[-1]) if versions else {}
            s.add(
                IntakeItem(
                    channel=channel,
                    dedupe_key=key,
                    status=UPDATED,
                    run_id=run_id,
                    summary=f"{title} order {order.get('number')} updated ({order.get('status')})",
                    raw=raw,
                    received_at=time.time(),
                )
            )
            newly_cancelled = cancelled(order) and not (before and cancelled(before))
            notice = _notice(title, before, order, newly_cancelled)
            entry_id = None
            if notice:
                entry = InboxItem(
                    kind="order_update",
                    status="open",
                    run_id=run_id,
                    title=(
                        f"The buyer cancelled order {order.get('number')} on {title}"
                        if newly_cancelled
                        else f"Order {order.get('number')} on {title} changed"
                    ),
                    reason=notice,
                    workflow_name=workflow,
                    business_key=str(order.get("number") or ""),
                    detail={
                        "status": order.get("status"),
                        "shipping_address": order.get("shipping_address"),
                    },
                    source_key=f"order-update:{key}",
                    created_at=time.time(),
                )
                s.add(entry)
                s.flush()
                entry_id = entry.id
    except IntegrityError:
        return Taken(None, False, True)
    if entry_id is not None:
        store.emit([Event(EventKind.INBOX_OPENED, run_id, inbox_id=entry_id)])
    return Taken(run_id, False, False, notice)


def _order_of(item: IntakeItem) -> dict[str, Any]:
    try:
        data = json.loads(item.raw or b"{}")
    except ValueError:
        return {}
    return data.get("order", data) if isinstance(data, dict) else {}


def latest(db: Any, platform: str, shop: str, order_id: str) -> dict[str, Any] | None:
    """The newest version Daloy has of this platform order (``Order`` as a dict), or None."""
    with db.read() as s:
        versions = _versions(s, order_prefix(platform, shop, str(order_id)))
        return _order_of(versions[-1]) if versions else None
