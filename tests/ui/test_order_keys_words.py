"""An order's keys in the operator's language: every key the intake channels (a marketplace's
order — Shopify, WooCommerce, Shopee, Lazada —, an email order with its attachment, the web order
form), an order typed in or the demo's, and the sample workflows' backorder and settings put in
an order has its Filipino label (``style.KEY_WORDS``); the order page says them so (screenshot
``order_keys_fil``), never “Backorder of:”, “Shipping address:”, “City:” in Filipino."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app import demo
from app.connectors.platforms.platform import platforms
from app.core import catalog
from app.intake import email_rules, web_order
from app.resources import resource_path
from app.ui import language
from app.ui.style import order_facts, words
from tests.support.engine import run_status, save, wait_for
from tests.support.fake_lazada import FakeLazada
from tests.support.fake_shopee import FakeShopee
from tests.support.fake_shopify import FakeShopify
from tests.support.fake_woocommerce import FakeWooCommerce
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_order_steps import open_order

# what holds another system's own names, shown as they are (an email's header names, the
# platform's order as received)
AS_RECEIVED = {"headers", "raw"}


def marketplace_orders() -> dict[str, dict[str, Any]]:
    made = platforms()
    lazada = FakeLazada()
    lazada.add_order(1, 1001, 1_767_600_000.0, [("RICE-25", 2, 1250.0)])
    raws = {
        "shopify": FakeShopify().add_order(1, 1001, [("RICE-25", 1)]),
        "woocommerce": FakeWooCommerce().add_order(1, [("RICE-25", 1)]),
        "shopee": FakeShopee().add_order("SN1", 1_767_600_000, lines=[("RICE-25", 1, 10.0)]),
        "lazada": lazada.orders[1] | {"items": lazada.items[1]},
    }
    return {name: made[name].map_order(raw, "my shop").to_trigger() for name, raw in raws.items()}


def email_order() -> dict[str, Any]:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "nena@example.com", "orders@shop.ph", "Order 3001"
    msg["Message-ID"], msg["Date"] = "<m-1@example.com>", "Wed, 02 Dec 2026 08:00:00 +0800"
    msg.set_content(
        "Number: 3001\nName: Aling Nena\nPhone: 0917 555 1234\nAddress: 12 Mabini St\n"
        "Delivery: Saturday morning\nNote: pakidala po bukas\n"
    )
    msg.add_attachment(
        b"sku,qty,price\nRICE-25,1,1250\n", maintype="text", subtype="csv", filename="order.csv"
    )
    return email_rules.to_order(email_rules.parse(bytes(msg)), {}, None)


def web_form_order() -> dict[str, Any]:
    fields = ["lines", "customer", "phone", "address", "email", "notes"]
    posted = web_order.read_post(
        {
            "customer": ["Aling Nena"],
            "phone": ["0917 555 1234"],
            "address": ["12 Mabini St"],
            "email": ["nena@example.com"],
            "notes": ["sa gate po"],
            "sku_1": ["RICE-25"],
            "qty_1": ["2"],
        },
        fields,
    )
    order, problems = web_order.check(posted, None, catalog.Catalog("en"))
    assert not problems
    return {"order": {"number": "W-1001", **order}, "source": "public_form"}


def sample_inputs() -> dict[str, Any]:
    """The sample's settings (what its first step gives) and the backorder it starts."""
    sample = json.loads(resource_path("workflows/order-fulfilment.json").read_text("utf-8"))
    steps = {st["name"]: st for st in sample["steps"]}
    return {
        "settings": steps["settings"]["config"]["values"],
        "order": steps["order"]["config"]["values"],
        "backorder": steps["start_backorder"]["config"]["input"],
        "plan": steps["plan"]["config"]["values"],
    }


def orders() -> dict[str, Any]:
    return {
        **marketplace_orders(),
        "email": email_order(),
        "web form": web_form_order(),
        "demo": order_facts(demo.ORDERS[0][0]),
        **sample_inputs(),
    }


def keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            if k not in AS_RECEIVED:
                yield from keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from keys(v)


def label(key: str) -> str:  # as ``style._label`` writes a key before it is translated
    return key.replace("_", " ").capitalize()


def test_every_key_the_channels_and_samples_give_has_its_filipino_label():
    fil = catalog.load("fil")
    assert fil is not None
    missing = {
        f"{where}: {key}"
        for where, order in orders().items()
        for key in keys(order)
        if ("DataKeys", label(key), None) not in fil.messages
    }
    assert not missing, sorted(missing)


def test_an_order_reads_in_filipino_without_english_labels():
    english = ("Backorder of:", "Shipping address:", "City:", "Platform order id:")
    shopify = marketplace_orders()["shopify"]
    with catalog.speaking({"DALOY_LANGUAGE": "fil"}):
        said = words({**shopify, "order": {**shopify["order"], "backorder_of": "1000"}})
    assert "Backorder ng: 1000" in said and "Address para sa shipping:" in said
    assert "ID ng order sa platform: " in said and "Lungsod: " in said
    for word in english:
        assert word not in said, word


def test_the_order_page_says_an_orders_keys_in_filipino(filipino, gui, qtbot, tmp_path):  # noqa: F811
    ctx, window = gui
    assert language.current().apply(language.FILIPINO)
    save(
        ctx.db,
        {
            "name": "keys",
            "business_key": "{{ trigger.order.number }}",
            "steps": [
                {
                    "name": "order",
                    "title": "Read the order",
                    "type": "transform",
                    "config": {"values": {"order": "{{ trigger.order }}"}},
                }
            ],
            "edges": [],
        },
    )
    trigger = marketplace_orders()["shopify"]
    trigger["order"] = {k: v for k, v in trigger["order"].items() if k != "raw"}
    trigger["order"]["backorder_of"] = "1000"
    run_id = ctx.store.start_run("keys", trigger)
    wait_for(lambda: run_status(ctx.db, run_id) == "succeeded", 30)
    window.resize(1280, 1000)
    _page, row = open_order(window, qtbot, run_id, "order", "succeeded")
    qtbot.mouseClick(row.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(row.technical.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.technical.body.isVisible(), timeout=5000)
    raw = row.technical.body.text()
    for said in (
        "Mga value:",
        "Backorder ng: 1000",
        "Address para sa shipping:",
        "Lungsod:",
        "Kabuuan:",
    ):
        assert said in raw, said
    for english in ("Backorder of:", "Shipping address:", "City:", "Total:", "Country:"):
        assert english not in raw, english
    shots = Path(os.environ.get("DALOY_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(shots / "order_keys_fil.png"))
