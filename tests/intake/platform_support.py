"""Helpers the platform tests share: a channel on a saved connection, its webhook address on
a real web intake, what was stored, and the sample workflow with a step that reports the
shipment to the shop."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.core.model import Workflow
from app.intake.platforms.channel import PlatformChannel, platforms
from app.intake.web import WebIntake
from app.resources import resource_path
from app.store import connections
from app.store.connections import ConnectionProvider
from app.store.models import InboxItem, IntakeItem, Run
from app.store.runs import RunStore


def channel(store: RunStore, kind: str, settings: dict[str, Any], secrets: dict[str, str],
            **config: Any) -> PlatformChannel:
    with store.db.write() as s:
        connections.save(s, "shop", kind, settings, secrets)
    return PlatformChannel(store, platform=platforms()[kind], channel="orders/shop",
                           workflow="orders", config={"connection": "shop", **config},
                           connections=ConnectionProvider(store.db), paused=threading.Event())


@contextmanager
def web(store: RunStore, ch: PlatformChannel) -> Iterator[str]:
    """The webhook address of ``ch`` on a real web intake."""
    server = WebIntake(store, [], shops={("orders", "shop"): ch}).start()
    try:
        yield f"{server.url}/platform/orders/shop"
    finally:
        server.stop()


def counts(store: RunStore) -> tuple[int, int]:
    """(intake items, runs) stored."""
    with store.db.read() as s:
        return (s.scalar(select(func.count()).select_from(IntakeItem)) or 0,
                s.scalar(select(func.count()).select_from(Run)) or 0)


def inbox_titles(store: RunStore) -> list[str]:
    with store.db.read() as s:
        return [i.title for i in s.scalars(select(InboxItem).where(InboxItem.status == "open"))]


def fulfilment_workflow(data_dir: Path, kind: str, trigger: dict[str, Any], gateway: str,
                        sink: str) -> Workflow:
    """The sample workflow taking orders from ``kind`` and, after the confirmation email,
    reporting the shipment to the shop (tracking number from the order number)."""
    inventory = data_dir / "inventory.xlsx"
    shutil.copy(resource_path("samples", "inventory.xlsx"), inventory)
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    data = wf.to_dict()
    data["steps"][0]["config"]["values"].update(inventory=str(inventory), gateway=gateway,
                                                 warehouse_webhook=f"{sink}/warehouse")
    data["triggers"] = [{"id": "shop", "type": kind, "enabled": True,
                         "config": {"connection": "shop", **trigger}}]
    data["steps"].append({"name": "report_shipment", "type": "platform_update",
                          "title": "Tell the shop it shipped",
                          "config": {"action": "ship", "connection": "shop",
                                     "tracking_number": "JT{{ trigger.order.number }}",
                                     "carrier": "J&T Express"},
                          "position": [1440, 0]})
    data["edges"].append({"from": "confirm_email", "port": "out", "to": "report_shipment"})
    return Workflow.from_dict(data)


def step_context(store: RunStore, config: dict[str, Any]) -> Any:
    """A ``platform_update`` step's context on ``store``'s connections (outside a run)."""
    from app.steps import registry
    from app.steps.base import StepContext, render_input

    class _Runtime:
        db = store.db
    spec = registry().get("platform_update").spec
    return StepContext(run_id="r1", step_name="tell", attempt=1, max_attempts=3,
                       idempotency_key="daloy-r1-tell", config=config,
                       input=render_input(spec, config,
                                          {"trigger": {"order": {"platform_order_id": ""}}}),
                       trigger={}, steps={},
                       services={"connections": ConnectionProvider(store.db),
                                 "runtime": _Runtime()})
