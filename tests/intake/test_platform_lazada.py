"""Lazada: the documented signing (the Open Platform's own worked example) and the mapping of
its orders (one item row per unit) to Daloy's Order."""

from __future__ import annotations

import json

from app.intake.platforms import lazada


def test_sign_matches_lazadas_documented_example():
    # "HTTP request sample" of the Lazada Open Platform: GetOrder with app secret "helloworld".
    params = {"app_key": "123456", "access_token": "test", "timestamp": "1517820392000",
              "sign_method": "sha256", "order_id": "1234"}
    assert lazada.sign("helloworld", "/order/get", params) == (
        "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A")
    # The sign parameter itself never takes part, whatever its place in the sort.
    assert lazada.sign("helloworld", "/order/get", {**params, "sign": "X"}) == (
        lazada.sign("helloworld", "/order/get", params))


def test_unit_rows_of_one_sku_become_one_line_with_totals():
    raw = {"order_id": 9001, "order_number": 300012, "statuses": ["pending"],
           "customer_first_name": "Maria", "customer_last_name": "Santos",
           "price": "1,250.00", "shipping_fee": "45.00", "created_at": "2026-01-05 09:00:00 +0800",
           "updated_at": "2026-01-05 09:10:00 +0800",
           "address_shipping": {"first_name": "Maria", "phone": "63917", "city": "Pasig",
                                "address1": "2 Mabini St", "post_code": "1600",
                                "country": "Philippines"},
           "items": [{"order_item_id": 1, "sku": "SKU-A", "item_price": 500.0, "currency": "PHP",
                      "name": "Mug"},
                     {"order_item_id": 2, "sku": "SKU-A", "item_price": 500.0, "currency": "PHP",
                      "name": "Mug"},
                     {"order_item_id": 3, "sku": "SKU-B", "item_price": 250.0, "currency": "PHP",
                      "name": "Cap"}]}
    order = lazada.map_order(raw, "my-lazada")
    assert (order.number, order.platform_order_id, order.currency) == ("300012", "9001", "PHP")
    assert [(ln.sku, ln.qty, ln.price) for ln in order.lines] == [("SKU-A", 2, 500.0),
                                                                  ("SKU-B", 1, 250.0)]
    assert (order.subtotal, order.shipping, order.total) == (1250.0, 45.0, 1295.0)
    assert order.customer.name == "Maria Santos" and order.shipping_address["city"] == "Pasig"
    json.dumps(order.to_trigger())
