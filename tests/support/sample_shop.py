"""The bundled sample business (Order fulfilment + Backorder) wired to real local servers: a
payment gateway, a chat webhook, an SMTP sink, and a real stock sheet in the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl

from app.core.model import Workflow
from app.core.sample_texts import in_language
from app.resources import resource_path
from app.runtime.runtime import Runtime
from app.store import connections, workflows
from app.store.db import Database
from tests.support.engine import wait_for

CANARY = "s3cret-canary-7Q"
SHEET = Path("samples") / "inventory.xlsx"  # the sample's own relative path


def sample(name: str, gateway: str | None = None, webhook: str | None = None) -> Workflow:
    wf = Workflow.from_json(resource_path("workflows", name).read_text(encoding="utf-8"))
    in_language(wf)  # as seeding does: the visible words in the language installed
    settings = wf.step("settings")
    if settings is not None:
        values = settings.config["values"]
        values.update(
            {
                k: v
                for k, v in (("gateway", gateway), ("warehouse_webhook", webhook))
                if v is not None
            }
        )
        wf.step("charge").retry.update(initial_delay=0.1, max_delay=0.3, max_attempts=4)
        wf.step("charge").config["timeout"] = 2
    return wf


def open_shop(data_dir: Path, gateway_url: str, webhook_url: str, smtp_port: int) -> Runtime:
    """Both sample workflows saved as shipped (the sheet path stays relative), the sample
    stock sheet copied into the data folder, and the "shop-email" connection to the sink."""
    db = Database.open_dir(data_dir)  # first: a folder with files but no database is refused
    sheet = data_dir / SHEET
    sheet.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(resource_path("samples", "inventory.xlsx"), sheet)
    with db.write() as s:
        workflows.save(s, sample("backorder.json"))
        workflows.save(s, sample("order-fulfilment.json", gateway_url, f"{webhook_url}/warehouse"))
        connections.save(
            s,
            "shop-email",
            "smtp",
            {
                "host": "127.0.0.1",
                "port": smtp_port,
                "security": "plain",
                "username": "shop",
                "from_address": "orders@shop.example",
            },
            {"password": CANARY},
        )
    rt = Runtime(db, data_dir=data_dir, poll_interval=0.2)
    rt.start()
    rt.inventory = sheet
    return rt


def order(
    number: str, lines: list[tuple[str, int]], prices: dict[str, float] | None = None
) -> dict[str, Any]:
    return {
        "order": {
            "number": number,
            "currency": "PHP",
            "customer": {"name": "Aling Nena", "email": "nena@example.com"},
            "lines": [
                {"sku": s, "qty": q, **({"price": prices[s]} if prices and s in prices else {})}
                for s, q in lines
            ],
        }
    }


def stock(path: Path, sku: str) -> int:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return next(r[2] for r in ws.iter_rows(values_only=True) if r[0] == sku)


def set_stock(path: Path, sku: str, count: int) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == sku:
            row[2].value = count
    wb.save(path)


def open_decision(rt: Runtime, run_id: str) -> dict[str, Any]:
    """The run's open decision, as the inbox (and ``daloy inbox list``) shows it."""
    from app.store import queries

    def find() -> dict[str, Any] | None:
        with rt.db.read() as s:
            return next(
                (
                    i
                    for i in queries.open_inbox(s)
                    if i["run_id"] == run_id and i["kind"] == "decision"
                ),
                None,
            )

    return wait_for(find)


def runs(rt: Runtime) -> list[dict[str, Any]]:
    import json

    rows = rt.db.execute_sql(
        "select id, business_key, status, parent_run_id, trigger from runs order by created_at"
    )
    return [
        {"id": r[0], "key": r[1], "status": r[2], "parent": r[3], "trigger": json.loads(r[4])}
        for r in rows
    ]
