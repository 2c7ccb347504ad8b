"""``xlsx_values`` reads a workbook's values exactly as openpyxl's ``load_workbook(data_only=True)``
does, or declines (``Unusual``) and openpyxl reads it: compared on generated workbooks written by
openpyxl, on hand-written parts as Excel and LibreOffice write them (shared and inline strings,
rich text, formulas' last values, errors, cells without references, prefixed tags), and on the
sample stock sheet; and a stock update from read to save loads no openpyxl."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.connectors import sheets, xlsx_values
from app.connectors.xlsx_cells import get_column_letter
from app.intake import email_rules

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "inventory.xlsx"


def by_openpyxl(data: bytes) -> list[tuple[str, list[tuple[Any, ...]]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]


def same_as_openpyxl(data: bytes) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """The values read here, after checking they are openpyxl's, value and type alike."""
    mine = xlsx_values.worksheets(data)
    theirs = by_openpyxl(data)
    assert mine == theirs
    typed = [[tuple(map(type, r)) for r in rows] for _, rows in mine]
    assert typed == [[tuple(map(type, r)) for r in rows] for _, rows in theirs]
    return mine


# -- workbooks openpyxl writes --------------------------------------------------------------------
TEXT = st.lists(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from(["\t", "\n", " ", "_x000D_", "x005F_", "&", "<"]),
    max_size=8,
).map("".join)
VALUE = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | TEXT
)
FORMATS = ["General", "0", "0.00", "#,##0", '#,##0 "pcs"', "0.00;[Red]-0.00", "@", '"₱"#,##0.00']
CELLS = st.dictionaries(
    st.tuples(st.integers(1, 12), st.integers(1, 6)),
    st.tuples(VALUE, st.sampled_from(FORMATS)),
    max_size=30,
)


def written(sheets_cells: list[dict[tuple[int, int], tuple[Any, str]]], hidden: bool) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for i, cells in enumerate(sheets_cells):
        ws = wb.create_sheet(f"Sheet {i}")
        for (row, col), (value, fmt) in cells.items():
            cell = ws.cell(row=row, column=col, value=value)
            cell.number_format = fmt
    if hidden:
        ws = wb.create_sheet(sheets.APPLIED_SHEET)
        ws.append(["key-1", '{"changed": []}', "2026-12-02T10:00:00"])
        ws.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@settings(max_examples=120, deadline=None)
@given(cells=st.lists(CELLS, min_size=1, max_size=3), hidden=st.booleans())
def test_a_workbook_openpyxl_wrote_reads_the_same(cells, hidden) -> None:
    same_as_openpyxl(written(cells, hidden))  # no date formats: never declined


@pytest.mark.parametrize(
    "fmt", ["yyyy-mm-dd", "d/m/yy h:mm", "[h]:mm:ss", "mm:ss", "m/d/yyyy;@", "[$-409]mmmm d"]
)
def test_a_number_shown_as_a_date_or_time_is_left_to_openpyxl(fmt: str) -> None:
    data = written([{(1, 1): ("When", "General"), (2, 1): (45000.25, fmt)}], hidden=False)
    with pytest.raises(xlsx_values.Unusual):
        xlsx_values.worksheets(data)
    # and the sheet still reads, through openpyxl, with the date as openpyxl makes it
    book = sheets.parse(Path("stock.xlsx"), data)
    assert book.tables["Sheet 0"].rows == [[by_openpyxl(data)[0][1][1][0]]]


def test_the_sample_stock_sheet_reads_the_same() -> None:
    found = same_as_openpyxl(SAMPLE.read_bytes())
    assert found[0][1][0][:2] == ("SKU", "Item")


# -- parts as other programs write them -----------------------------------------------------------
MAIN = xlsx_values.MAIN
TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Stock &amp; prices" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="{MAIN}"><numFmts count="3">
<numFmt numFmtId="164" formatCode="#,##0&quot; pcs&quot;"/>
<numFmt numFmtId="165" formatCode="[$₱-3409]#,##0.00;[Red]\\-[$₱-3409]#,##0.00"/>
<numFmt numFmtId="166" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>
<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/>
<xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
STRINGS = f"""<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="{MAIN}" count="5" uniqueCount="5">
<si><t>SKU</t></si>
<si><t xml:space="preserve"> Item  </t></si>
<si><r><rPr><b/></rPr><t>Sardines</t></r><r><t xml:space="preserve">, 155 g</t></r></si>
<si><t>カタカナ</t><rPh sb="0" eb="4"><t>katakana</t></rPh></si>
<si><t>line_x000D_break _x005F_x000D_</t></si>
<si><t/></si>
</sst>"""


def package(sheet: str, *, strings: str = STRINGS, styles: str = STYLES) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def sheet_xml(rows: str, prefix: str = "") -> str:
    ns = f"xmlns:{prefix[:-1]}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{prefix}worksheet {ns}="{MAIN}">'
        f'<{prefix}dimension ref="A1:F9"/><{prefix}sheetData>{rows}</{prefix}sheetData>'
        f"</{prefix}worksheet>"
    )


EXCEL_ROWS = (
    '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="inlineStr"><is><t>On hand</t></is></c><c r="D1" t="inlineStr"/></row>'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c>'
    '<c r="C2" s="1"><v>12</v></c><c r="D2" s="2"><v>1.5E3</v></c><c r="E2" s="2"><v>-0.25</v></c>'
    '<c r="F2" t="b"><v>1</v></c></row>'
    '<row r="4"><c r="A4" t="str"><f>A2&amp;"!"</f><v>Sardines!</v></c>'
    '<c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C4"><f>C2*2</f><v>24</v></c>'
    '<c r="D4"><f>NOW()</f></c><c r="E4" s="2"/><c r="F4" t="s"><v>4</v></c></row>'
    '<row r="5"><c r="A5" t="s"><v>5</v></c><c r="B5"><v></v></c>'
    '<c r="C5" t="inlineStr"><is><r><t>rich </t></r><r><t>inline</t></r></is></c></row>'
    '<row r="7"><c r="b7"><v>7</v></c></row>'
)


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_parts_as_excel_writes_them_read_the_same(prefix: str) -> None:
    rows = EXCEL_ROWS.replace("<", f"<{prefix}").replace(f"<{prefix}/", f"</{prefix}")
    found = same_as_openpyxl(package(sheet_xml(rows, prefix)))
    title, values = found[0]
    assert title == "Stock & prices"
    assert values[1][:4] == ("Sardines, 155 g", "カタカナ", 12, 1500.0)
    assert values[2] == (None,) * 6  # a row missing from the XML, as wide as the rest


def test_rows_and_cells_without_references_are_counted_as_openpyxl_counts_them() -> None:
    rows = (
        '<row><c t="s"><v>0</v></c><c><v>1</v></c></row>'
        '<row r="3"><c><v>2</v></c><c r="D3"><v>3</v></c><c><v>4</v></c></row>'
        "<row><c/><c><v>5</v></c></row>"
    )
    found = same_as_openpyxl(package(sheet_xml(rows)))
    assert found[0][1] == [("SKU", 1, None, None, None), (None,) * 5, (2, None, None, 3, 4)] + [
        (None, 5, None, None, None)
    ]


@pytest.mark.parametrize(
    "cell",
    [
        '<c r="A2" s="3"><v>45000</v></c>',  # a custom date format
        '<c r="A2" s="4"><v>45000</v></c>',  # a built-in one
        '<c r="A2" t="d"><v>2026-12-02T10:00:00</v></c>',  # typed as a date
        '<c r="A2" s="9"><v>1</v></c>',  # a style the workbook does not have
        '<c r="A2" t="s"><v>99</v></c>',  # a shared string that is not there
        '<c r="A0"><v>1</v></c>',  # no row 0
        '<c r="A2"><v>12 apples</v></c>',  # not a number
        '<c r="$A$2"><v>1</v></c>',  # a reference openpyxl does not read
    ],
)
def test_what_is_not_read_exactly_here_is_left_to_openpyxl(cell: str) -> None:
    data = package(
        sheet_xml(f'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2">{cell}</row>')
    )
    with pytest.raises(xlsx_values.Unusual):
        xlsx_values.worksheets(data)


def test_a_damaged_file_says_why_as_before() -> None:
    with pytest.raises(xlsx_values.Unusual):
        xlsx_values.worksheets(b"PK\x03\x04 not really a zip")
    with pytest.raises(sheets.PermanentError, match="could not be read as a spreadsheet"):
        sheets.parse(Path("stock.xlsx"), b"PK\x03\x04 not really a zip")


def test_column_letters_are_openpyxls() -> None:
    from openpyxl.utils import get_column_letter as theirs

    for n in [*range(1, 800), 16384, 18278]:
        assert get_column_letter(n) == theirs(n)
    for bad in (0, 18279):
        with pytest.raises(ValueError):
            get_column_letter(bad)


# -- what stays unloaded --------------------------------------------------------------------------
UPDATE = """
import json, shutil, sys
from app.connectors import sheet_files
path = sys.argv[1]
shutil.copy(sys.argv[2], path)

def take(table):
    i = table.find("SKU", table.rows[0][0])
    col = table.column("Stock")
    table.set(i, col, table.rows[i][col] - 1)
    return {"changed": [i]}

first = sheet_files.apply_once(path, None, "order-1", take)
again = sheet_files.apply_once(path, None, "order-1", take)
print(json.dumps({"first": first, "again": again, "openpyxl": "openpyxl" in sys.modules}))
"""


def test_a_stock_update_from_read_to_save_loads_no_openpyxl(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", UPDATE, str(tmp_path / "stock.xlsx"), str(SAMPLE)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["first"] == {"changed": [0]}
    assert report["again"] == {"changed": [0], "already_applied": True}
    assert report["openpyxl"] is False
    # and the saved file reads the same through openpyxl, one taken from the first row
    before, after = (
        by_openpyxl(SAMPLE.read_bytes()),
        same_as_openpyxl((tmp_path / "stock.xlsx").read_bytes()),
    )
    on_hand = before[0][1][0].index("Stock")
    assert after[0][1][1][on_hand] == before[0][1][1][on_hand] - 1


# -- order lines in an emailed workbook ----------------------------------------------------------
def as_order_rows(values: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """A sheet's rows as the email intake takes them: by the first row's headings, the empty
    rows and the columns without a heading left out (``email_rules._lines_from``; what it does
    with them after is the same whoever read the file). openpyxl's read-only mode pads each row
    to the width the sheet declares, which may be a column wider than its cells: a column of
    no heading and no value, read here or not."""
    header = [str(h or "") for h in values[0]] if values else []
    rows = [dict(zip(header, r, strict=False)) for r in values[1:] if any(c is not None for c in r)]
    return [{k: v for k, v in row.items() if k} for row in rows]


@settings(max_examples=60, deadline=None)
@given(cells=CELLS)
# a column declared by a cell that holds nothing (openpyxl wrote no cell for it)
@example(cells={(1, 4): (None, "General"), (2, 1): (False, "General")})
def test_order_lines_in_an_emailed_workbook_read_as_before(cells) -> None:
    """The rows the intake reads now are those openpyxl's read-only mode gave it before."""
    heading = {(1, c): (h, "General") for c, h in enumerate(["SKU", "Qty", " Price "], start=1)}
    data = written([{**cells, **heading}], hidden=False)
    before = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    theirs = list(before.worksheets[0].iter_rows(values_only=True))
    assert as_order_rows(email_rules._first_sheet(data)) == as_order_rows(theirs)


def test_order_lines_with_a_date_still_read(tmp_path: Path) -> None:
    data = written(
        [
            {
                (1, 1): ("SKU", "General"),
                (1, 2): ("Due", "General"),
                (2, 1): ("RICE-25", "General"),
                (2, 2): (45000, "yyyy-mm-dd"),
            }
        ],
        hidden=False,
    )
    lines = email_rules._lines_from("order.xlsx", data)
    assert lines[0]["sku"] == "RICE-25" and lines[0]["due"].year == 2023


# -- files saved by LibreOffice Calc 7 (a workbook with formulas, currency, percent, "pcs"
# counts, booleans, an error, a hidden sheet; the second also a date) --------------------------
FILES = Path(__file__).with_name("files")


def test_a_sheet_libreoffice_saved_reads_the_same() -> None:
    found = same_as_openpyxl((FILES / "libreoffice-stock.xlsx").read_bytes())
    assert [title for title, _ in found] == ["Stock", "Hidden"]
    assert found[0][1][1][:8] == (
        "SKU-2",
        "Item ñ 2 — “quoted”",
        6,
        12.5,
        75,
        "SKU-2 x",
        True,
        0.02,
    )
    assert found[0][1][4][8] == "#DIV/0!"  # a formula's error, as its text


def test_a_sheet_libreoffice_saved_with_a_date_is_read_by_openpyxl() -> None:
    data = (FILES / "libreoffice-dates.xlsx").read_bytes()
    with pytest.raises(xlsx_values.Unusual):
        xlsx_values.worksheets(data)
    assert sheets.parse(Path("stock.xlsx"), data).tables["Dates"].header[0] == "When"
