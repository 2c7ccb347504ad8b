"""Data shown to an operator (an order, what a decision is about) reads as words: order lines
as the customer's email writes them ("8 × COFFEE-3IN1"), other entries with labels, never as
"sku: COFFEE-3IN1; qty: 8"."""

from __future__ import annotations

from app.ui.style import words


def test_order_lines_read_as_the_customers_email_writes_them():
    shown = words(
        {
            "ships_now": [
                {"sku": "COFFEE-3IN1", "qty": 8, "price": 210},
                {"sku": "SUGAR-1", "qty": 2},
            ],
            "lines": [{"product": "Rice 25 kg", "quantity": 1, "unit_price": 1250.5}],
        }
    )
    assert shown == (
        "Ships now:\n"
        "    • 8 × COFFEE-3IN1 (price 210)\n"
        "    • 2 × SUGAR-1\n"
        "Lines:\n"
        "    • 1 × Rice 25 kg (unit price 1250.5)"
    )
    assert "sku:" not in shown and "qty" not in shown
    # a line the stock check named: the name first, the code beside it
    named = {"sku": "COFFEE-3IN1", "qty": 8, "price": 210, "name": "Coffee 3-in-1, 30s"}
    assert words([named]) == "• 8 × Coffee 3-in-1, 30s (COFFEE-3IN1, price 210)"
    assert words([{"sku": "MYSTERY-9", "qty": 1, "name": ""}]) == "• 1 × MYSTERY-9"


def test_other_entries_keep_their_labels():
    assert words([{"tracking_number": "LBC-1", "carrier": None}]) == (
        "• Tracking number: LBC-1; Carrier: —"
    )
    # a quantity without anything it counts is no order line
    assert words([{"qty": 3, "note": "rush"}]) == "• Qty: 3; Note: rush"


def test_an_empty_list_reads_none_not_brackets():
    # the demo's stock question: nothing ships now if the operator backorders
    shown = words({"ships now if you backorder": [], "extra": {}})
    assert shown == "Ships now if you backorder: (none)\nExtra: (nothing)"


def test_amounts_of_money_read_as_every_amount_does_in_the_orders_currency():
    """A decision's context names no currency: its prices read in the order's (``currency``),
    as the Orders list and the order's page write the total (``money_text``)."""
    context = {
        "ships now if you backorder": [
            {"sku": "COFFEE-3IN1", "qty": 8, "price": 210, "name": "Coffee 3-in-1, 30s"}
        ],
        "missing": [{"sku": "COFFEE-3IN1", "qty": 4, "price": 210}],
        "customer": "Jun Reyes",
    }
    assert words(context, currency="PHP") == (
        "Ships now if you backorder:\n"
        "    • 8 × Coffee 3-in-1, 30s (COFFEE-3IN1, price PHP 210.00)\n"
        "Missing:\n"
        "    • 4 × COFFEE-3IN1 (price PHP 210.00)\n"
        "Customer: Jun Reyes"
    )
    assert "price 210" not in words(context, currency="PHP")
    # an order names its own currency: its total and its lines' prices read in it
    order = {
        "order": {
            "number": "5001",
            "currency": "PHP",
            "total": 3270,
            "lines": [{"sku": "RICE-25", "qty": 2, "unit_price": 1350}],
        }
    }
    shown = words(order)
    assert "Total: PHP 3,270.00" in shown
    assert "• 2 × RICE-25 (unit price PHP 1,350.00)" in shown
    # a step's output priced by the stock check, beside the order's currency
    assert words({"ready_total": 1635, "rows": 3}, currency="PHP") == (
        "Ready total: PHP 1,635.00\nRows: 3"
    )
    # with no currency known a number stays as it is: a count named “total” is no money
    assert words({"total": 5}) == "Total: 5"
    assert words({"total": "ask the shop", "price": True}, currency="PHP") == (
        "Total: ask the shop\nPrice: yes"
    )
