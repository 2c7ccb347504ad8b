"""Helpers the platform tests share: a channel on a saved connection, its webhook address on
a real web intake, what was stored, and the sample workflow with a step that reports the
shipment to the shop."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import func, select

from app.connectors.platforms.platform import platforms
from app.core import machine as m
from app.core.model import Workflow
from app.intake.manager import IntakeManager
from app.intake.platform_channel import PlatformChannel
from app.intake.web import WebIntake
from app.resources import resource_path
from app.runtime.runtime import Runtime
from app.steps import registry
from app.store import connections, workflows
from app.store.connections import ConnectionProvider
from app.store.models import InboxItem, IntakeItem, Run
from app.store.runs import RunStore
from tests.support.engine import open_database, run_status, save, wait_for
from tests.support.sample_shop import sample


def channel(
    store: RunStore, kind: str, settings: dict[str, Any], secrets: dict[str, str], **config: Any
) -> PlatformChannel:
    with store.db.write() as s:
        connections.save(s, "shop", kind, settings, secrets)
    return PlatformChannel(
        store,
        platform=platforms()[kind],
        channel="orders/shop",
        workflow="orders",
        config={"connection": "shop", **config},
        connections=ConnectionProvider(store.db),
        paused=threading.Event(),
    )


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
        return (
            s.scalar(select(func.count()).select_from(IntakeItem)) or 0,
            s.scalar(select(func.count()).select_from(Run)) or 0,
        )


def inbox_titles(store: RunStore) -> list[str]:
    with store.db.read() as s:
        return [i.title for i in s.scalars(select(InboxItem).where(InboxItem.status == "open"))]


def fulfilment_workflow(
    data_dir: Path, kind: str, trigger: dict[str, Any], gateway: str, sink: str
) -> Workflow:
    """The sample workflow taking orders from ``kind`` and, once the warehouse is told,
    reporting the shipment to the shop (tracking number from the order number). An order
    without a buyer email (Shopee and Lazada hide it) skips the confirmation email."""
    inventory = data_dir / "inventory.xlsx"
    shutil.copy(resource_path("samples", "inventory.xlsx"), inventory)
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    data = wf.to_dict()
    data["steps"][0]["config"]["values"].update(
        inventory=str(inventory), gateway=gateway, warehouse_webhook=f"{sink}/warehouse"
    )
    data["triggers"] = [
        {"id": "shop", "type": kind, "enabled": True, "config": {"connection": "shop", **trigger}}
    ]
    data["steps"].append(
        {
            "name": "report_shipment",
            "type": "platform_update",
            "title": "Tell the shop it shipped",
            "config": {
                "action": "ship",
                "connection": "shop",
                "tracking_number": "JT{{ trigger.order.number }}",
                "carrier": "J&T Express",
            },
            "position": [1440, 0],
        }
    )
    data["edges"].append({"from": "notify_warehouse", "port": "out", "to": "report_shipment"})
    return Workflow.from_dict(data)


def step_context(store: RunStore, config: dict[str, Any]) -> Any:
    """A ``platform_update`` step's context on ``store``'s connections (outside a run)."""
    from app.steps.base import StepContext, StepServices, render_input

    spec = registry().get("platform_update").spec
    return StepContext(
        run_id="r1",
        step_name="tell",
        attempt=1,
        max_attempts=3,
        idempotency_key="daloy-r1-tell",
        config=config,
        input=render_input(spec, config, {"trigger": {"order": {"platform_order_id": ""}}}),
        trigger={},
        steps={},
        services=StepServices(connections=ConnectionProvider(store.db), runs=store),
    )


def ship_end_to_end(
    data_dir: Path,
    kind: str,
    settings: dict[str, Any],
    secrets: dict[str, str],
    services: tuple[Any, Any, Any],
    *,
    number: str,
    trigger: dict[str, Any] | None = None,
    emailed: bool = True,
    authorise: Callable[[ConnectionProvider], Any] | None = None,
    push: Callable[[str], Any] | None = None,
    polled: Callable[[], Any] | None = None,
) -> None:
    """The sample workflow, published with a ``kind`` trigger on connection "shop", run by a
    real runtime and intake manager until the one order's run succeeds (its shipment reported
    back by the last step). ``services``: (payment gateway, webhook sink, SMTP sink);
    ``push(webhook address)`` sends the order by webhook as well; ``polled()`` is true once the
    platform was polled."""
    gateway, sink, smtp_sink = services
    wf = fulfilment_workflow(
        data_dir, kind, trigger or {"poll_seconds": 10, "first_days": 10000}, gateway.url, sink.url
    )
    db = open_database(data_dir)  # the test's ``database``
    with db.write() as s:
        workflows.save(s, sample("backorder.json"))
        connections.save(s, "shop", kind, settings, secrets)
        connections.save(
            s,
            "shop-email",
            "smtp",
            smtp_sink.settings(),
            {"password": "s3cret-canary-7Q"},
        )
    save(db, wf)
    if authorise is not None:
        authorise(ConnectionProvider(db))
    rt = Runtime(db, data_dir=data_dir, poll_interval=0.2)
    rt.intake = IntakeManager(web_port=0)
    rt.add_extension(rt.intake)
    rt.start()
    try:
        store = RunStore(db, registry().specs)
        if push is not None:  # pushed by webhook and found by the first poll: one run
            assert push(f"{rt.intake.web.url}/platform/{quote(wf.name)}/shop").status_code == 200
        if polled is not None:
            wait_for(polled)
        wait_for(lambda: counts(store)[1] == 1)
        run_id = db.execute_sql("select id from runs")[0][0]
        wait_for(lambda: run_status(db, run_id) == m.RUN_SUCCEEDED, timeout=60)
        assert counts(store)[1] == 1
    finally:
        rt.shutdown(grace=2)
        db.close()
    if emailed:
        assert smtp_sink.wait_for(1)[0].message["Subject"] == f"Order {number} confirmed"
    else:  # no buyer email: the confirmation is skipped, not sent to the shop itself
        assert smtp_sink.received == []
