"""``spreadsheet_lookup``'s name column: each line it checks carries the product's name from the
sheet (``name``), so messages can say “Sardines, 155 g” rather than SARDINES-155. Only keys are
added: everything the step gave before is unchanged, and a line whose product is not in the
sheet, or a sheet without the column, reads as before. Real sheets (the sample xlsx, a csv)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.connectors import sheets
from app.resources import resource_path
from app.steps.spreadsheet_lookup import check_items

SAMPLE = sheets.load(str(resource_path("samples", "inventory.xlsx")))
CHECK = {"key_column": "SKU", "available_column": "Stock", "price_column": "Price"}
NAMES = {
    "RICE-25": "Rice, 25 kg sack",
    "OIL-1L": "Cooking oil, 1 L",
    "SUGAR-1": "Sugar, 1 kg",
    "COFFEE-3IN1": "Coffee 3-in-1, 30s",
    "SARDINES-155": "Sardines, 155 g",
}


def checked(table: sheets.Table, lines: list[dict], **config: str) -> dict:
    return check_items(table, {**CHECK, **config, "items": lines}).output


def test_each_line_carries_its_products_name_and_an_unknown_product_none() -> None:
    lines = [
        {"sku": "SARDINES-155", "qty": 2},
        {"sku": "COFFEE-3IN1", "qty": 10},  # 8 in stock
        {"sku": "MYSTERY-9", "qty": 1},  # not in the sheet
    ]
    out = checked(SAMPLE, lines, name_column="item")  # headings match as the key column's do
    assert out["ready"] == [
        {"sku": "SARDINES-155", "qty": 2, "price": 24, "name": "Sardines, 155 g"},
        {"sku": "COFFEE-3IN1", "qty": 8, "price": 210, "name": "Coffee 3-in-1, 30s"},
    ]
    assert out["later"] == [
        {"sku": "COFFEE-3IN1", "qty": 2, "price": 210, "name": "Coffee 3-in-1, 30s"},
        {"sku": "MYSTERY-9", "qty": 1},
    ]
    assert out["short"] == [
        {"key": "COFFEE-3IN1", "wanted": 10, "available": 8, "name": "Coffee 3-in-1, 30s"},
        {"key": "MYSTERY-9", "wanted": 1, "available": 0},
    ]
    assert out["missing"] == ["MYSTERY-9"] and out["ready_total"] == 2 * 24 + 8 * 210


def test_a_lines_own_name_is_kept_and_a_blank_cell_gives_none(tmp_path: Path) -> None:
    # a marketplace's line carries the title the customer saw; a blank name cell adds nothing
    path = tmp_path / "stock.csv"
    path.write_text("SKU,Item,Stock,Price\nTUYO-250,,5,120\nRICE-25,Rice,3,1350\n")
    out = checked(
        sheets.load(str(path)),
        [{"sku": "TUYO-250", "qty": 1}, {"sku": "RICE-25", "qty": 1, "name": "Bigas 25 kg"}],
        name_column="Item",
    )
    assert out["ready"] == [
        {"sku": "TUYO-250", "qty": 1, "price": 120},
        {"sku": "RICE-25", "qty": 1, "name": "Bigas 25 kg", "price": 1350},
    ]


def test_a_sheet_without_the_name_column_still_checks_the_order(tmp_path: Path) -> None:
    # an operator's own sheet needs only SKU, Stock and Price: the lines keep their codes
    path = tmp_path / "stock.csv"
    path.write_text("SKU,Stock,Price\nRICE-25,1,1350\n")
    out = checked(sheets.load(str(path)), [{"sku": "RICE-25", "qty": 2}], name_column="Item")
    assert out["ready"] == [{"sku": "RICE-25", "qty": 1, "price": 1350}]
    assert out["short"] == [{"key": "RICE-25", "wanted": 2, "available": 1}]
    # one that calls the name “Product” is read by it, as the order form reads it
    path.write_text("SKU,Product,Stock,Price\nRICE-25,Bigas,1,1350\n")
    out = checked(sheets.load(str(path)), [{"sku": "RICE-25", "qty": 1}], name_column="Item")
    assert out["ready"] == [{"sku": "RICE-25", "qty": 1, "price": 1350, "name": "Bigas"}]
    # no name column asked for: no names, as before the column existed
    assert "name" not in checked(sheets.load(str(path)), [{"sku": "RICE-25", "qty": 1}])["ready"][0]


def without_name(x: object) -> object:
    return {f: v for f, v in x.items() if f != "name"} if isinstance(x, dict) else x


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "sku": st.sampled_from([*NAMES, "MYSTERY-9", "", "rice-25"]),
                "qty": st.integers(min_value=-3, max_value=300),
            }
        ),
        max_size=6,
    )
)
def test_the_name_column_only_adds_names(lines: list[dict]) -> None:
    """Backwards compatible: the output without the names is the output without the column,
    and each name is the one the sheet gives that product."""
    plain = checked(SAMPLE, lines)
    named = checked(SAMPLE, lines, name_column="Item")
    dropped = {
        key: [without_name(x) for x in value] if isinstance(value, list) else value
        for key, value in named.items()
    }
    assert dropped == plain
    for x in [*named["ready"], *named["later"]]:
        assert x.get("name") == NAMES.get(x["sku"])
    for x in named["short"]:
        assert x.get("name") == NAMES.get(x["key"])
