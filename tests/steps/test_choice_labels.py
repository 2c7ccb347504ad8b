"""A pick list's entries as the person deciding reads them: a sheet row's label columns, then
the columns named in ``detail_keys`` in brackets with their names (the stock and the price of a
substitute), numbers as people write them; a column the sheet lacks is left out."""

from __future__ import annotations

from app.steps.ask_person import form_field


def labels(field: dict) -> dict[str, str]:
    return {c["value"]: c["label"] for c in form_field(field)["choices"]}


def test_detail_columns_follow_the_label_in_brackets():
    rows = [
        {"SKU": "RICE-25", "Item": "Rice, 25 kg sack", "Stock": 40.0, "Price": 1350},
        {"SKU": "OIL-1L", "Item": "Cooking oil, 1 L", "Stock": 120, "Price": 95.5},
        {"SKU": "SALT", "Item": "", "Stock": 3, "Price": None},  # no name, no price
    ]
    field = {
        "name": "product",
        "choices": rows,
        "value_key": "SKU",
        "label_key": ["SKU", "Item"],
        "detail_keys": ["Stock", "Price", "Supplier"],  # the sheet has no Supplier column
    }
    assert labels(field) == {
        "RICE-25": "RICE-25 · Rice, 25 kg sack (Stock: 40, Price: 1,350)",
        "OIL-1L": "OIL-1L · Cooking oil, 1 L (Stock: 120, Price: 95.5)",
        "SALT": "SALT (Stock: 3)",
    }
    assert "detail_keys" not in form_field(field)  # the inbox gets labels, not settings


def test_without_detail_keys_the_label_is_as_before():
    field = {
        "name": "p",
        "choices": [{"SKU": "A", "Item": "Apple"}],
        "value_key": "SKU",
        "label_key": ["SKU", "Item"],
    }
    assert labels(field) == {"A": "A · Apple"}
    assert labels({"name": "size", "choices": ["S", "M"], "detail_keys": ["x"]}) == {
        "S": "S",
        "M": "M",
    }
