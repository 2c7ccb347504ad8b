"""Saving a few changed cells of an xlsx file without rewriting the workbook.

openpyxl reads a whole workbook into objects and writes it out again: ~170 ms for a 5,000-row
stock sheet, and on the way it drops charts and images and writes formulas without their
values. Here only the XML of the changed cells is replaced (and the small hidden record
sheet written again); every other byte of every part is kept, so
formulas, their last values, formatting and other sheets stay exactly as the operator left
them. Anything not handled here (a formula cell to change, a cell or row missing from the
XML, a value that is not a number, an unusual package layout) returns ``None``, and the caller
saves through openpyxl instead (``save_with_openpyxl``), which changes the same cells only.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from typing import Any

from app.connectors.xlsx_package import Package

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET = f"{RELS}/worksheet"
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
RECORD_PART = "xl/worksheets/daloy_applied.xml"


@functools.lru_cache(maxsize=256)
def get_column_letter(index: int) -> str:
    """A column's letters ("A", "Z", "AA", "XFD") from its 1-based number, as openpyxl writes
    them; here, because importing openpyxl for this holds about 9 MB of a running window."""
    if not 1 <= index <= 18278:
        raise ValueError(f"column {index} is outside A to ZZZ")
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Cell:
    sheet: str  # the sheet's title
    row: int  # 1-based, as in the sheet
    column: int  # 1-based
    value: Any  # as the sheet's table holds it: text, a number, true/false, a date or None


def _part(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def sheet_parts(package: Package) -> dict[str, str]:
    """Each sheet's title and the zip part that holds it."""
    return dict(_sheet_parts(package.parts[WORKBOOK], package.parts[WORKBOOK_RELS]))


@functools.lru_cache(maxsize=16)
def _sheet_parts(workbook: bytes | str, workbook_rels: bytes | str) -> tuple[tuple[str, str], ...]:
    """Parsed once per workbook as long as it is kept (every save asks, the parts seldom
    change; the same objects come back, whose hashes Python keeps)."""
    from xml.etree import ElementTree as ET  # noqa: N817 - loaded with the first xlsx (~1 MB)

    wb = ET.fromstring(workbook)  # ElementTree reads bytes and text alike
    rels = ET.fromstring(workbook_rels)
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = []
    for s in wb.iter(f"{{{MAIN}}}sheet"):
        target = targets.get(s.get(f"{{{RELS}}}id"))
        if target:
            parts.append((str(s.get("name")), _part(target)))
    return tuple(parts)


def _number(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return repr(value) if isinstance(value, float) else str(value)


@functools.lru_cache(maxsize=8)
def _opening(tag: str) -> re.Pattern[str]:
    """``<tag r="…" …>`` with ``r`` first, its groups as ``_find``'s (the first empty)."""
    return re.compile(rf'<{re.escape(tag)}()\sr="[^"]*"([^>]*?)(/?)>')


def _find(xml: str, tag: str, ref: str, start: int = 0, end: int = -1) -> re.Match[str] | None:
    """The opening tag ``<tag ... r="ref" ...>``; first where Excel, LibreOffice and openpyxl
    put it (``r`` first: a plain search, fast in a sheet of thousands of rows), then anywhere.
    The plain case matches a pattern made once per tag: a pattern naming the cell, new for
    nearly every save, cost ~40 µs to compile and pushed other patterns out of ``re``'s cache."""
    end = len(xml) if end < 0 else end
    at = xml.find(f'<{tag} r="{ref}"', start, end)
    if at >= 0:
        return _opening(tag).match(xml, at, end)
    pattern = re.compile(rf'<{re.escape(tag)}\b([^>]*?)\sr="{ref}"([^>]*?)(/?)>')
    return pattern.search(xml, start, end)


def set_cells(xml: str, cells: list[Cell]) -> str | None:
    """``xml`` (a sheet part) with each cell's value replaced by a number, its style kept.
    The cells are found in ``xml`` as given and the new text made once: a megabyte sheet made
    again for each changed cell of a batch cost a fresh megabyte of memory per cell."""
    data = re.search(r"<((?:\w+:)?)sheetData\b", xml)
    if data is None:
        return None
    p = data.group(1)
    new: dict[int, tuple[int, str]] = {}  # where a cell starts: where it ends, its new XML
    for cell in cells:
        text = _number(cell.value)
        if text is None:
            return None
        row = _find(xml, f"{p}row", str(cell.row), data.end())
        if row is None or row.group(3):
            return None
        row_end = xml.find(f"</{p}row>", row.end())
        ref = f"{get_column_letter(cell.column)}{cell.row}"
        found = _find(xml, f"{p}c", ref, row.end(), row_end) if row_end >= 0 else None
        if found is None:
            return None
        end = found.end()
        if not found.group(3):
            close = xml.find(f"</{p}c>", found.end(), row_end)
            if close < 0 or f"<{p}f" in xml[found.end() : close]:
                return None  # a formula stays a formula: openpyxl decides
            end = close + len(f"</{p}c>")
        style = re.search(r'\ss="(\d+)"', found.group(1) + found.group(2))
        s = f' s="{style.group(1)}"' if style else ""
        new[found.start()] = (end, f'<{p}c r="{ref}"{s}><{p}v>{text}</{p}v></{p}c>')  # last wins
    pieces, at = [], 0
    for start in sorted(new):
        end, cell_xml = new[start]
        pieces += [xml[at:start], cell_xml]
        at = end
    pieces.append(xml[at:])
    return "".join(pieces)


def _rows(p: str, rows: list[list[str]]) -> str:
    """Text rows as sheet XML, numbered from 1 (inline strings: no shared-strings part)."""
    from xml.sax.saxutils import escape  # loaded with the first xlsx, not by every process

    return "".join(
        f'<{p}row r="{n}">'
        + "".join(
            f'<{p}c r="{get_column_letter(c)}{n}" t="inlineStr"><{p}is>'
            f'<{p}t xml:space="preserve">{escape(v)}</{p}t></{p}is></{p}c>'
            for c, v in enumerate(row, start=1)
        )
        + f"</{p}row>"
        for n, row in enumerate(rows, start=1)
    )


def set_rows(xml: str, rows: list[list[str]]) -> str | None:
    """``xml`` (a sheet part) holding exactly ``rows`` (from row 1), everything outside its
    ``sheetData`` kept. The record sheet is written whole each save: it holds only the orders
    whose steps may still run, a handful, so this is cheaper than keeping it in pieces."""
    found = re.search(r"<((?:\w+:)?)sheetData\b[^>]*?(/?)>", xml)
    if found is None:
        return None
    p = found.group(1)
    end = found.end()
    if not found.group(2):
        close = xml.find(f"</{p}sheetData>", end)
        if close < 0:
            return None
        end = close + len(f"</{p}sheetData>")
    xml = f"{xml[: found.start()]}<{p}sheetData>{_rows(p, rows)}</{p}sheetData>{xml[end:]}"
    width = get_column_letter(max((len(r) for r in rows), default=1))
    size = f"A1:{width}{len(rows)}" if rows else "A1"
    return re.sub(r'<((?:\w+:)?)dimension ref="[^"]*"', rf'<\1dimension ref="{size}"', xml, count=1)


def _insert_before(xml: str, closing: str, text: str) -> str:
    at = xml.rfind(closing)
    if at < 0:
        raise ValueError(f"no {closing}")
    return xml[:at] + text + xml[at:]


def add_record_sheet(src: Package, title: str, changed: dict[str, str]) -> None:
    """Add an empty hidden sheet ``title`` at the end of the workbook: its part, its entry in
    the workbook, its relationship and its content type (into ``changed``). Appended last, so
    no sheet's position (which print areas and names refer to) moves."""
    if RECORD_PART in src.parts:
        raise ValueError(f"{RECORD_PART} exists")
    workbook = src.text(WORKBOOK)
    r = re.search(rf'xmlns:(\w+)="{re.escape(RELS)}"', workbook)
    sheets = re.search(r"<((?:\w+:)?)sheets\b", workbook)
    if r is None or sheets is None:
        raise ValueError("no sheets")
    ids = [int(n) for n in re.findall(r'\ssheetId="(\d+)"', workbook)]
    rel_id = "rIdDaloyApplied"
    p = sheets.group(1)
    changed[WORKBOOK] = _insert_before(
        workbook,
        f"</{p}sheets>",
        f'<{p}sheet name="{title}" sheetId="{max(ids, default=0) + 1}" state="hidden" '
        f'{r.group(1)}:id="{rel_id}"/>',
    )
    changed[WORKBOOK_RELS] = _insert_before(
        src.text(WORKBOOK_RELS),
        "</Relationships>",
        f'<Relationship Id="{rel_id}" Type="{WORKSHEET}" Target="/{RECORD_PART}"/>',
    )
    changed[CONTENT_TYPES] = _insert_before(
        src.text(CONTENT_TYPES),
        "</Types>",
        f'<Override PartName="/{RECORD_PART}" ContentType="{SHEET_TYPE}"/>',
    )
    changed[RECORD_PART] = (
        f'<worksheet xmlns="{MAIN}"><dimension ref="A1"/><sheetData/></worksheet>'
    )


def _recalculate_on_open(src: Package, changed: dict[str, str]) -> None:
    """Formulas keep their last values, which a changed cell may make stale: ask the
    spreadsheet program to recalculate when it opens the file (``fullCalcOnLoad``)."""
    workbook = changed.get(WORKBOOK) or src.text(WORKBOOK)
    calc = re.search(r"<((?:\w+:)?)calcPr\b([^>]*?)(/?)>", workbook)
    if calc is None or "fullCalcOnLoad=" in calc.group(2):
        return
    changed[WORKBOOK] = (
        f'{workbook[: calc.start()]}<{calc.group(1)}calcPr{calc.group(2)} fullCalcOnLoad="1"'
        f"{calc.group(3)}>{workbook[calc.end() :]}"
    )


def patch(
    src: Package, cells: list[Cell], record_sheet: str, records: list[list[str]]
) -> Package | None:
    """The workbook with ``cells`` changed and the sheet ``record_sheet`` (added if missing)
    holding exactly ``records``; ``None`` if openpyxl must do it."""
    from xml.etree import ElementTree as ET  # noqa: N817 - see _sheet_parts

    try:
        parts = sheet_parts(src)
        changed: dict[str, str] = {}
        for title in {c.sheet for c in cells}:
            name = parts[title]
            xml = set_cells(
                changed.get(name) or src.text(name),
                [c for c in cells if c.sheet == title],
            )
            if xml is None:
                return None
            changed[name] = xml
        if cells:
            _recalculate_on_open(src, changed)
        if records or record_sheet in parts:
            if record_sheet not in parts:
                add_record_sheet(src, record_sheet, changed)
                parts[record_sheet] = RECORD_PART
            name = parts[record_sheet]
            xml = set_rows(changed.get(name) or src.text(name), records)
            if xml is None:
                return None
            changed[name] = xml
    except (KeyError, ValueError, ET.ParseError, UnicodeDecodeError):
        return None
    return src.changed(changed)


def save_with_openpyxl(
    data: bytes, cells: list[Cell], record_sheet: str, records: list[list[str]]
) -> bytes:
    """The same change through openpyxl: loaded with its formulas (not their cached values), so
    only the changed cells are written and every formula stays a formula."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    for c in cells:
        wb[c.sheet].cell(c.row, c.column).value = c.value
    if records or record_sheet in wb.sheetnames:
        if record_sheet not in wb.sheetnames:
            wb.create_sheet(record_sheet).sheet_state = "hidden"
        ws = wb[record_sheet]
        ws.delete_rows(1, ws.max_row)  # the record is written whole, as by ``set_rows``
        for row in records:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
