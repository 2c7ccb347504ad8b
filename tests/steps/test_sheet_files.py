"""Spreadsheets kept in memory (``sheet_files``): read once, read again when the file changes on
disk (never overwriting a hand edit), changes saved in batches with each order's record, and an
xlsx's formulas kept. The crash tests (the runner killed between a change and its save) are in
``test_sheet_crash.py``."""

from __future__ import annotations

import csv
import io
import os
import re
import threading
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.connectors import sheet_files, sheets, xlsx_cells
from app.core.errors import PermanentError
from app.resources import resource_path
from app.steps.base import StepServices
from app.steps.spreadsheet_lookup import run as look_up
from app.steps.spreadsheet_update import run as update_sheet
from app.store.run_base import idempotency_key
from tests.steps.test_once import csv_stock, ctx, stock_csv, update_input, xlsx_input, xlsx_stock
from tests.steps.test_steps import finish, one_step
from tests.support.engine import wait_for


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
    return path


def rice(sheet: Path) -> dict[str, Any]:
    inp = {"file": str(sheet), "key_column": "SKU", "key": "RICE-25"}
    return look_up(ctx(inp)).output["row"]


def edit_by_hand(path: Path, sku: str, column: int, value: Any) -> None:
    """As an operator saving in Excel would, keeping the file's modification time (as a
    coarse clock or a copy tool can), so only its other marks or its bytes tell."""
    before = os.stat(path)
    wb = openpyxl.load_workbook(path)
    for row in wb.worksheets[0].iter_rows(min_row=2):
        if row[0].value == sku:
            row[column].value = value
    wb.save(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def applied_keys(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    if "_daloy_applied" not in wb.sheetnames:  # no order changed it yet
        return []
    return [r[0] for r in wb["_daloy_applied"].iter_rows(values_only=True)]


def test_a_sheet_is_read_once_and_kept_for_look_ups_and_updates(sheet):
    assert rice(sheet)["Stock"] == 40
    update_sheet(ctx(xlsx_input(sheet), key="o1"))
    assert rice(sheet)["Stock"] == 37 and xlsx_stock(sheet) == 37
    update_sheet(ctx(xlsx_input(sheet), key="o2"))
    assert rice(sheet)["Stock"] == 34
    kept = sheet_files.sheet_file(str(sheet))
    assert kept.reads == 1 and kept.saves == 2


def test_a_file_edited_by_hand_is_read_again_and_never_overwritten(sheet):
    update_sheet(ctx(xlsx_input(sheet), key="o1"))
    edit_by_hand(sheet, "RICE-25", 3, 1400)  # a new price, same modification time
    edit_by_hand(sheet, "OIL-1L", 2, 500)  # stock counted
    assert rice(sheet)["Price"] == 1400
    out = update_sheet(ctx(xlsx_input(sheet), key="o2")).output
    assert out["changed"] == [{"key": "RICE-25", "before": 37, "after": 34}]
    rows = {
        r[0]: r for r in openpyxl.load_workbook(sheet).worksheets[0].iter_rows(values_only=True)
    }
    assert rows["RICE-25"][2:] == (34, 1400) and rows["OIL-1L"][2] == 500
    assert applied_keys(sheet) == ["o1", "o2"]


def test_a_csv_edited_by_hand_to_the_same_size_and_time_is_read_again(tmp_path):
    path = stock_csv(tmp_path)
    update_sheet(ctx(update_input(path), key="o1"))
    before = os.stat(path)
    path.write_text(path.read_text().replace("B,5", "B,6"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    update_sheet(ctx(update_input(path), key="o2"))
    assert path.read_text() == "sku,stock\nA,4\nB,6\n"


def test_a_hand_edit_while_a_batch_is_made_is_read_and_the_batch_made_again(sheet):
    """The operator saves in Excel just after the order's change was made in memory: the
    save finds the file changed, reads it, and makes the change again on the hand edit."""
    edited = []

    def change_then_edit(table: sheets.Table) -> dict[str, Any]:
        idx = table.find("SKU", "RICE-25")
        before = table.rows[idx][2]
        table.set(idx, 2, before - 3)
        if not edited:
            edited.append(True)
            edit_by_hand(sheet, "RICE-25", 2, 100)
        return {"changed": [{"key": "RICE-25", "before": before, "after": before - 3}]}

    out = sheet_files.apply_once(str(sheet), None, "o1", change_then_edit)
    assert out["changed"] == [{"key": "RICE-25", "before": 100, "after": 97}]
    assert xlsx_stock(sheet) == 97 and applied_keys(sheet) == ["o1"]


def test_orders_waiting_for_a_save_are_saved_together_each_once(sheet, monkeypatch):
    """While one save is being written, 9 more orders' changes queue; the next save writes
    all 9 with their records: 2 saves for 10 orders, each key recorded once."""
    kept = sheet_files.sheet_file(str(sheet))
    real_write = sheets.atomic_write
    writing = threading.Event()

    def held_write(path: Path, data: bytes) -> None:
        if not writing.is_set():
            writing.set()
            wait_for(lambda: kept.waiting == 9, 30)  # the others queue behind this save
        real_write(path, data)

    monkeypatch.setattr(sheets, "atomic_write", held_write)
    errors: list[BaseException] = []

    def order(i: int) -> None:
        try:
            update_sheet(
                ctx({**xlsx_input(sheet), "items": [{"sku": "OIL-1L", "qty": 1}]}, f"o{i}")
            )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    first = threading.Thread(target=order, args=(0,))
    first.start()
    assert writing.wait(30)
    rest = [threading.Thread(target=order, args=(i,)) for i in range(1, 10)]
    for t in rest:
        t.start()
    for t in [first, *rest]:
        t.join(60)
    assert errors == [] and kept.saves == 2
    rows = {
        r[0]: r for r in openpyxl.load_workbook(sheet).worksheets[0].iter_rows(values_only=True)
    }
    assert rows["OIL-1L"][2] == 110
    assert sorted(applied_keys(sheet)) == sorted(f"o{i}" for i in range(10))


def test_look_ups_see_each_order_whole_while_orders_change_the_sheet(sheet):
    """Orders take 1 rice and 1 oil each; a look-up running meanwhile always finds oil 80
    above rice (never one line of an order without the other)."""
    two_lines = {**xlsx_input(sheet), "items": [{"sku": "RICE-25", "qty": 1}]}
    two_lines["items"].append({"sku": "OIL-1L", "qty": 1})
    look = {"file": str(sheet), "key_column": "SKU", "key": ["RICE-25", "OIL-1L"]}
    seen: list[int] = []
    orders_done = threading.Event()

    def look_up_meanwhile() -> None:
        while not orders_done.is_set():
            rows = look_up(ctx(look)).output["rows"]
            seen.append(rows["OIL-1L"]["Stock"] - rows["RICE-25"]["Stock"])

    reader = threading.Thread(target=look_up_meanwhile)
    reader.start()
    orders = [
        threading.Thread(target=update_sheet, args=(ctx(two_lines, key=f"o{i}"),))
        for i in range(12)
    ]
    for t in orders:
        t.start()
    for t in orders:
        t.join(60)
    orders_done.set()
    reader.join(60)
    assert seen and set(seen) == {80}
    assert rice(sheet)["Stock"] == 28 and xlsx_stock(sheet) == 28


def test_a_refused_change_leaves_the_kept_copy_as_it_was(sheet):
    too_many = {**xlsx_input(sheet), "minimum": 0}
    too_many["items"] = [{"sku": "OIL-1L", "qty": 1}, {"sku": "RICE-25", "qty": 41}]
    with pytest.raises(PermanentError, match="may not go below 0"):
        update_sheet(ctx(too_many, key="o1"))
    look = {"file": str(sheet), "key_column": "SKU", "key": "OIL-1L"}
    assert look_up(ctx(look)).output["row"]["Stock"] == 120 and rice(sheet)["Stock"] == 40


# -- formulas ----------------------------------------------------------------------------------
def with_formulas(path: Path) -> None:
    """The sample with a Value column (=Stock*Price) whose last values are stored, as Excel
    saves them (openpyxl writes formulas without values; the values are put in by hand)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws["E1"] = "Value"
    for r in range(2, ws.max_row + 1):
        ws[f"E{r}"] = f"=C{r}*D{r}"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = re.sub(r"<f>C(\d+)\*D\1</f><v\s*/>", r"<f>C\1*D\1</f><v>1</v>", xml)
    xml = re.sub(r"<f>C(\d+)\*D\1</f><v></v>", r"<f>C\1*D\1</f><v>1</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)


def test_formulas_and_their_values_are_kept_by_an_update(sheet):
    with_formulas(sheet)
    update_sheet(ctx(xlsx_input(sheet), key="o1"))
    update_sheet(ctx(xlsx_input(sheet), key="o2"))
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    assert [ws[f"E{r}"].value for r in (2, 3)] == ["=C2*D2", "=C3*D3"] and ws["C2"].value == 34
    values = openpyxl.load_workbook(sheet, data_only=True).worksheets[0]
    assert values["E2"].value == 1  # the last value is kept for readers until recalculated
    with zipfile.ZipFile(sheet) as z:
        assert 'fullCalcOnLoad="1"' in z.read("xl/workbook.xml").decode()


def test_changing_a_formula_cell_itself_keeps_the_other_formulas(sheet):
    with_formulas(sheet)
    inp = {**xlsx_input(sheet), "column": "Value", "mode": "set"}
    inp["items"] = [{"sku": "RICE-25", "qty": 7}]
    update_sheet(ctx(inp, key="o1"))
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    assert ws["E2"].value == 7 and ws["E3"].value == "=C3*D3"
    assert applied_keys(sheet) == ["o1"]


# -- the xlsx cell patch on layouts other programs write ------------------------------------------
def test_the_patch_finds_cells_written_with_prefixes_and_any_attribute_order():
    xml = (
        '<x:worksheet xmlns:x="m"><x:sheetData><x:row spans="1:3" r="2">'
        '<x:c s="4" r="C2" t="s"><x:v>7</x:v></x:c><x:c r="D2" s="1"/></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    out = xlsx_cells.set_cells(
        xml, [xlsx_cells.Cell("S", 2, 3, 37), xlsx_cells.Cell("S", 2, 4, 1.5)]
    )
    assert out is not None
    assert '<x:c r="C2" s="4"><x:v>37</x:v></x:c><x:c r="D2" s="1"><x:v>1.5</x:v></x:c>' in out


@pytest.mark.parametrize(
    "xml",
    [
        '<worksheet><sheetData><row r="2"><c r="C2"><f>A2</f><v>1</v></c></row></sheetData>',
        '<worksheet><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>',
        '<worksheet><sheetData><row r="3"><c r="C3"><v>1</v></c></row></sheetData>',
        '<worksheet><sheetData><row r="2"/></sheetData>',
    ],
    ids=["formula", "no such cell", "no such row", "empty row"],
)
def test_the_patch_leaves_what_it_does_not_handle_to_openpyxl(xml):
    assert xlsx_cells.set_cells(xml, [xlsx_cells.Cell("S", 2, 3, 37)]) is None


# -- fuzz: any mix of orders, repeats and hand edits ----------------------------------------------
def grown(path: Path, blank_rows: bool) -> None:
    """The sample, with blank rows between products when asked (so row numbers and positions
    in the kept copy differ)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    if blank_rows:
        for r in (3, 5):
            ws.insert_rows(r)
    wb.save(path)


ACTIONS = st.lists(
    st.tuples(st.sampled_from(["order", "repeat", "hand"]), st.integers(0, 4), st.integers(1, 5)),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS, kind=st.sampled_from(["xlsx", "xlsx-gaps", "csv"]))
def test_any_mix_of_orders_repeats_and_hand_edits_is_applied_once(tmp_path_factory, actions, kind):
    folder = tmp_path_factory.mktemp("mix")
    skus = ["RICE-25", "OIL-1L", "SUGAR-1", "COFFEE-3IN1", "SARDINES-155"]
    stock = {"RICE-25": 40, "OIL-1L": 120, "SUGAR-1": 60, "COFFEE-3IN1": 8, "SARDINES-155": 200}
    if kind == "csv":
        path = folder / "stock.csv"
        path.write_text("SKU,Stock\n" + "".join(f"{s},{n}\n" for s, n in stock.items()))
    else:
        path = folder / "inventory.xlsx"
        path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
        grown(path, kind == "xlsx-gaps")
    done: dict[str, tuple[str, int]] = {}
    for n, (action, which, qty) in enumerate(actions):
        sku = skus[which]
        if action == "hand":
            stock[sku] = 1000 + qty
            if kind == "csv":
                rows = list(csv.reader(io.StringIO(path.read_text())))
                path.write_text(
                    "".join(f"{r[0]},{stock[r[0]] if r[0] == sku else r[1]}\n" for r in rows)
                )
            else:
                edit_by_hand(path, sku, 2, stock[sku])
            continue
        key = f"k{which}" if action == "repeat" else f"o{n}"
        inp = {**xlsx_input(path), "items": [{"sku": sku, "qty": qty}]}
        out = update_sheet(ctx(inp, key=key)).output
        if key in done:
            assert out["already_applied"] is True
            continue
        done[key] = (sku, qty)
        stock[sku] -= qty
    for sku in skus:
        got = csv_stock(path, sku) if kind == "csv" else xlsx_stock_of(path, sku)
        assert int(got) == stock[sku]
    if kind != "csv":
        assert sorted(applied_keys(path)) == sorted(done)


def xlsx_stock_of(path: Path, sku: str) -> Any:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return next(r[2] for r in ws.iter_rows(values_only=True) if r[0] == sku)


# -- the zip written from deflated pieces ---------------------------------------------------------
def test_a_big_sheet_saved_again_and_again_stays_a_valid_workbook_recompressing_little(tmp_path):
    """A 3,000-row sheet (several pieces) and a growing record sheet: after each save the zip
    checks (every CRC), openpyxl reads the changed cells and records, and only the pieces a
    save touched were compressed again."""
    from app.connectors.xlsx_package import Package

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Stock ü"  # a name that is not ASCII
    ws.append(["SKU", "Stock"])
    for i in range(3000):
        ws.append([f"SKU-{i}", 1000])
    buf = io.BytesIO()
    wb.save(buf)
    package = Package.unzip(buf.getvalue())
    records: list[list[str]] = []
    for n, row in enumerate((10, 1500, 2900, 1500)):
        cell = xlsx_cells.Cell("Stock ü", row, 2, 900 + n)
        records.append([f"k{n}", "{}", "t"])
        changed = xlsx_cells.patch(package, [cell], "_daloy_applied", records)
        assert changed is not None
        before = package
        data, package = changed.zipped()
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        if n:  # the stock sheet's untouched pieces were copied, not compressed again
            name = xlsx_cells.sheet_parts(package)["Stock ü"]
            old, new = before.deflated[name], package.deflated[name]
            assert len(new.pieces) > 4
            assert (
                sum(a is b for a, b in zip(old.packed, new.packed, strict=False))
                >= len(new.packed) - 2
            )
    book = sheets.parse(tmp_path / "x.xlsx", data)
    stock = {r[0]: r[1] for r in book.table("Stock ü").rows}
    assert (stock["SKU-8"], stock["SKU-1498"], stock["SKU-2898"]) == (900, 903, 902)
    assert list(book.applied) == ["k0", "k1", "k2", "k3"]


# -- the record keeps only orders whose steps may still run --------------------------------------
def test_a_late_attempt_of_an_order_whose_record_was_forgotten_changes_nothing(rt, sheet):
    """Two orders succeed through the engine; the second's save forgets the first's record
    (its step is finished for good). An attempt of the first that outlived its time limit then
    reaches the sheet: the database says its step is finished, so nothing is changed."""
    one_step(rt, "spreadsheet_update", xlsx_input(sheet))
    first = rt.store.start_run("w", {})
    finish(rt, first)
    second = rt.store.start_run("w", {})
    finish(rt, second)
    key = idempotency_key(first, "s")
    assert applied_keys(sheet) == [idempotency_key(second, "s")]
    assert xlsx_stock(sheet) == 34
    late = ctx(xlsx_input(sheet), key=key, services=StepServices(runs=rt.store))
    with pytest.raises(PermanentError, match="already finished"):
        update_sheet(late)
    assert xlsx_stock(sheet) == 34 and rice(sheet)["Stock"] == 34


def test_a_record_written_by_older_code_is_read_and_its_orders_honoured(rt, sheet):
    """A shop's file whose record holds a year of rows (a key alone, as the first versions
    wrote; key, result and time): orders the database does not know as finished are kept
    through saves and a repeat of one changes nothing."""
    wb = openpyxl.load_workbook(sheet)
    ws = wb.create_sheet("_daloy_applied")
    ws.sheet_state = "hidden"
    ws.append(["daloy-old0-s"])
    for i in range(1, 300):
        ws.append([f"daloy-old{i}-s", '{"changed": [], "already_applied": false}', "2025-01-01"])
    wb.save(sheet)
    one_step(rt, "spreadsheet_update", xlsx_input(sheet))
    run = rt.store.start_run("w", {})
    finish(rt, run)
    assert applied_keys(sheet) == [f"daloy-old{i}-s" for i in range(300)] + [
        idempotency_key(run, "s")
    ]
    services = StepServices(runs=rt.store)
    for key in ("daloy-old0-s", "daloy-old7-s"):
        out = update_sheet(ctx(xlsx_input(sheet), key=key, services=services)).output
        assert out["already_applied"]
    assert xlsx_stock(sheet) == 37
    rows = list(openpyxl.load_workbook(sheet)["_daloy_applied"].iter_rows(values_only=True))
    assert rows[0] == ("daloy-old0-s", None, None) and rows[7][2] == "2025-01-01"


def test_an_order_saved_meanwhile_by_another_process_is_not_made_again(sheet):
    """Two runners share the file (one PostgreSQL database): while this one's change of an
    order waits for its save, the other saves another attempt of the same order. This save
    finds the file changed, reads it, finds the order recorded and returns that result; the
    stock is taken once."""
    here, there = sheet_files.SheetFile(sheet), sheet_files.SheetFile(sheet)
    with here.reading(None), there.reading(None):  # both copies read before either change
        pass

    def take(table: sheets.Table) -> dict[str, Any]:
        idx = table.find("SKU", "RICE-25")
        before = table.rows[idx][2]
        table.set(idx, 2, before - 3)
        return {"changed": [{"key": "RICE-25", "before": before, "after": before - 3}]}

    def take_while_the_other_saves(table: sheets.Table) -> dict[str, Any]:
        out = take(table)
        if not there.saves:
            there.apply_once(None, "o1", take)
        return out

    out = here.apply_once(None, "o1", take_while_the_other_saves)
    assert out["already_applied"] and out["changed"][0]["after"] == 37
    assert xlsx_stock(sheet) == 37 and applied_keys(sheet) == ["o1"]


# an order finishes, the next order's save forgets it, then a late attempt of it comes
FORGOTTEN_THEN_LATE = [("order", 0, 1), ("finish", 0, 1), ("order", 0, 2), ("repeat", 0, 1)]
FORGETTING = st.lists(
    st.tuples(
        st.sampled_from(["order", "repeat", "finish", "hand"]), st.integers(0, 7), st.integers(1, 5)
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=FORGETTING, kind=st.sampled_from(["xlsx", "csv"]))
@example(actions=FORGOTTEN_THEN_LATE, kind="xlsx")
@example(actions=FORGOTTEN_THEN_LATE, kind="csv")
def test_forgetting_finished_orders_never_drops_one_that_may_run_again(
    tmp_path_factory, actions, kind
):
    """Orders, repeats of earlier orders, their steps finishing for good, and hand edits, in any
    order. The database's answer is a set here (the engine's own is tested above with a real
    runner): every order is taken off once; a repeat of an unfinished order finds its record; a
    late attempt of a finished one changes nothing (its record found, or refused once
    forgotten); and the record always holds every order that is not finished."""
    folder = tmp_path_factory.mktemp("forget")
    if kind == "csv":
        path = folder / "stock.csv"
        path.write_text("SKU,Stock\nRICE-25,1000\n")
    else:
        path = folder / "inventory.xlsx"
        path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
        edit_by_hand(path, "RICE-25", 2, 1000)
    stock, applied, finished = 1000, {}, set()
    keys = [f"daloy-{n:032x}-s" for n in range(len(actions))]

    def answer(asked: Any) -> tuple[set[str], set[str]]:
        return finished & set(asked), set()

    for n, (action, which, qty) in enumerate(actions):
        earlier = list(applied)[which % len(applied)] if applied else None
        if action == "hand":
            stock += qty
            if kind == "csv":
                path.write_text(f"SKU,Stock\nRICE-25,{stock}\n")
            else:
                edit_by_hand(path, "RICE-25", 2, stock)
            continue
        if action == "finish":
            if earlier:
                finished.add(earlier)
            continue
        key = earlier if action == "repeat" and earlier else keys[n]

        def take(table: sheets.Table, qty: int = qty) -> dict[str, Any]:
            idx = table.find(table.header[0], "RICE-25")
            before = int(table.rows[idx][table.column("Stock")])
            table.set(idx, table.column("Stock"), before - qty)
            return {"changed": [{"key": "RICE-25", "before": before, "after": before - qty}]}

        if key in finished:  # a late attempt: its record found (not forgotten yet), or refused
            try:
                assert sheet_files.apply_once(str(path), None, key, take, answer)["already_applied"]
            except PermanentError as exc:
                assert "already finished" in str(exc)
            continue
        out = sheet_files.apply_once(str(path), None, key, take, answer)
        if key in applied:
            assert out.get("already_applied") is True
            continue
        applied[key] = qty
        stock -= qty
    got = csv_stock(path, "RICE-25") if kind == "csv" else xlsx_stock(path)
    assert int(got) == stock
    if kind == "csv":
        recorded = {k for k, e in sheets.read_ledger(path).items() if e["state"] == "done"}
    else:
        recorded = set(applied_keys(path))
    assert set(applied) - finished <= recorded <= set(applied)
