"""The order form's products, read from a real stock sheet through ``sheet_files`` as the steps
read it: a stock change shows once the kept list is old, and a page never waits on a sheet that
is held (saved by an order, open elsewhere): it gets the kept list, or on the very first page
after ``first_wait`` a product-code box."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import openpyxl
import pytest

from app.connectors import sheet_files
from app.core.model import Workflow
from app.intake.web_products import ProductShelf, SheetPlace, read_products, shop_of
from app.resources import resource_path
from tests.support.engine import wait_for


@pytest.fixture
def place(tmp_path: Path) -> SheetPlace:
    sheet = tmp_path / "samples" / "inventory.xlsx"
    sheet.parent.mkdir()
    shutil.copy(resource_path("samples", "inventory.xlsx"), sheet)
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    found = shop_of(wf, tmp_path)
    assert found.name == "Tindahan ni Aling Nena" and found.currency == "PHP"
    assert found.place is not None and Path(found.place.path) == sheet  # the sample's own
    return found.place


def set_stock(path: str, code: str, stock: int) -> None:
    book = openpyxl.load_workbook(path)
    for row in book.active.iter_rows(min_row=2):
        if row[0].value == code:
            row[2].value = stock
    book.save(path)


def test_a_stock_change_shows_on_the_form(place):
    shelf = ProductShelf(fresh=0.0)
    first = {p.code: p for p in shelf.products(place) or []}
    assert first["RICE-25"].price == 1350 and first["RICE-25"].in_stock
    assert first["RICE-25"].name == "Rice, 25 kg sack"
    set_stock(place.path, "RICE-25", 0)
    wait_for(
        lambda: any(p.code == "RICE-25" and not p.in_stock for p in shelf.products(place) or [])
    )


def test_a_held_sheet_never_holds_a_page(place):
    shelf = ProductShelf(fresh=0.0, first_wait=0.2)
    kept = shelf.products(place)
    assert kept
    held = sheet_files.sheet_file(place.path)
    answers: list[object] = []
    with held._cond:  # the sheet's lock, as while an order's change is saved
        asking = threading.Thread(target=lambda: answers.append(shelf.products(place)))
        asking.start()
        asking.join(10)
        assert answers == [kept]  # answered from the kept list
        other = ProductShelf(first_wait=0.2)  # a page before any list was read
        asking = threading.Thread(target=lambda: answers.append(other.products(place)))
        asking.start()
        asking.join(10)
        assert answers[1] is None  # served with a product-code box instead of waiting
    wait_for(lambda: other.products(place))  # read once the sheet is free


def test_a_missing_sheet_gives_no_list(tmp_path):
    shelf = ProductShelf()
    gone = SheetPlace(str(tmp_path / "nowhere.xlsx"), None, "SKU", "Stock", "Price")
    assert shelf.products(gone) is None


def test_the_form_names_products_by_the_column_the_steps_name_lines_by(tmp_path):
    """The stock check's name column (the one the emails say) is the form's too; without one
    the form takes the first of Item, Name, Product, Description."""
    sheet = tmp_path / "stock.csv"
    sheet.write_text(
        "SKU,Description,Short name,Stock,Price\nTUYO-250,Dried fish 250 g,Tuyo,5,120\n"
    )
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    wf.step("settings").config["values"]["inventory"] = str(sheet)
    assert shop_of(wf, tmp_path).place.name == "Item"  # the sample's
    assert [p.name for p in read_products(shop_of(wf, tmp_path).place)] == ["Dried fish 250 g"]
    wf.step("check_stock").config["name_column"] = "short name"
    assert [p.name for p in read_products(shop_of(wf, tmp_path).place)] == ["Tuyo"]
