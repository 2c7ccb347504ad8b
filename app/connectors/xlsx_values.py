"""Reading an xlsx workbook's cell values without openpyxl: each worksheet's rows exactly as
``openpyxl.load_workbook(data, data_only=True)`` then ``ws.iter_rows(values_only=True)`` give
them (formulas as their last values), for the workbooks a shop keeps its stock in.

openpyxl builds an object per cell, style and sheet setting to read a stock sheet once, and
importing it alone holds about 9 MB of a running window for good. Here the parts are read with
the standard library's XML parser, row by row. Whatever this reader does not reproduce exactly
raises ``Unusual`` and the caller reads the file through openpyxl instead: a number formatted
as a date or time (openpyxl turns it into a date by rules of its own), a cell typed as a date,
an unknown package layout, or anything that does not parse. So a file either reads here exactly
as openpyxl reads it, or is read by openpyxl; ``tests/connectors/test_xlsx_values.py`` compares
the two over generated workbooks.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKBOOK_TYPES = {
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "openxmlformats-officedocument.spreadsheetml.sheet",
        "openxmlformats-officedocument.spreadsheetml.template",
        "ms-excel.sheet.macroEnabled",
        "ms-excel.template.macroEnabled",
    )
}
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
STYLES = "xl/styles.xml"  # where openpyxl looks for the styles, whatever the package says
# Built-in number formats that show a date or a time (and the East Asian ones, which openpyxl
# does not know: a number in one is read by openpyxl, to be safe)
DATE_FORMAT_IDS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
# A custom format whose first part (quoted text and [bracketed] settings left out, as openpyxl
# does) has any of these letters may be a date: openpyxl also skips a letter after "_" or a backslash,
# so a number in one it reads as a plain number may be read by openpyxl here too, never the
# other way round
DATE_LETTERS = re.compile(r"[dmhysDMHYS]")
NOT_SHOWN = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')

_ROW, _VALUE, _INLINE = f"{{{MAIN}}}row", f"{{{MAIN}}}v", f"{{{MAIN}}}is"


class Unusual(Exception):
    """Something this reader does not reproduce exactly: read the file through openpyxl."""


def worksheets(data: bytes) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Each worksheet's title and rows, in the workbook's order (charts left out)."""
    try:
        return list(_read(data))
    except Unusual:
        raise
    except Exception as exc:  # a damaged file: openpyxl reads it or says why it cannot
        raise Unusual(repr(exc)) from exc


def _read(data: bytes) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    from xml.etree import ElementTree as ET  # noqa: N817 - loaded with the first xlsx (~1 MB)

    z = zipfile.ZipFile(io.BytesIO(data))
    names = set(z.namelist())
    types = ET.fromstring(z.read("[Content_Types].xml"))
    overrides = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType")
        for o in types.iter(f"{{{CONTENT_TYPES}}}Override")
    }
    books = [name for name, kind in overrides.items() if kind in WORKBOOK_TYPES]
    if len(books) != 1:
        raise Unusual("no single workbook part")
    book = books[0]
    folder = posixpath.dirname(book)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(book) + ".rels")
    targets = {}
    for rel in ET.fromstring(z.read(rels_name)).iter(f"{{{PACKAGE_RELS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets[rel.get("Id")] = (rel.get("Type", ""), posixpath.normpath(part))
    strings_parts = [name for name, kind in overrides.items() if kind == STRINGS_TYPE]
    strings = _strings(z.read(strings_parts[0])) if strings_parts else []
    dates, styles = _styles(z.read(STYLES)) if STYLES in names else (set(), 1)
    found = False
    for sheet in ET.fromstring(z.read(book)).iter(f"{{{MAIN}}}sheet"):
        rid = sheet.get(f"{{{RELS}}}id")
        if not rid:
            continue
        kind, part = targets[rid]
        if part not in names:
            continue  # openpyxl leaves out a sheet whose part is missing
        if "chartsheet" in kind:
            continue
        if not kind.endswith("/worksheet"):
            raise Unusual(f"a sheet of type {kind}")
        found = True
        yield str(sheet.get("name")), _rows(z.read(part), strings, dates, styles)
    if not found:
        raise Unusual("no worksheet")


def _text(node: Any) -> str:
    """A string item's text as openpyxl's ``Text.content`` makes it: its own ``t`` then each
    run's ``t`` (phonetic guides left out); a repeated ``t`` counts its last."""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        tag = child.tag.rpartition("}")[2]
        if tag == "t":
            plain = child.text
        elif tag == "r":
            t = None
            for part in child:
                if part.tag.rpartition("}")[2] == "t":
                    t = part.text
            if t is not None:
                runs.append(t)
    return "".join([plain, *runs] if plain is not None else runs)


def _strings(xml: bytes) -> list[str]:
    from xml.etree import ElementTree as ET  # noqa: N817

    out = []
    for _, node in ET.iterparse(io.BytesIO(xml)):
        if node.tag == f"{{{MAIN}}}si":
            out.append(_text(node).replace("x005F_", ""))  # as openpyxl's reader does
            node.clear()
    return out


def _styles(xml: bytes) -> tuple[set[int], int]:
    """The style numbers a number may be shown as a date or time in (a superset of openpyxl's),
    and how many styles there are."""
    from xml.etree import ElementTree as ET  # noqa: N817

    root = ET.fromstring(xml)
    custom = {f.get("numFmtId"): f.get("formatCode", "") for f in root.iter(f"{{{MAIN}}}numFmt")}
    xfs = root.find(f"{{{MAIN}}}cellXfs")
    dates = set()
    for i, xf in enumerate(xfs if xfs is not None else []):
        fmt_id = xf.get("numFmtId", "0")
        code = custom.get(fmt_id)
        if code is None:
            date = int(fmt_id) in DATE_FORMAT_IDS
        else:
            date = DATE_LETTERS.search(NOT_SHOWN.sub("", code.split(";")[0])) is not None
        if date:
            dates.add(i)
    return dates, max(len(xfs) if xfs is not None else 0, 1)


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _rows(xml: bytes, strings: list[str], dates: set[int], styles: int) -> list[tuple[Any, ...]]:
    """The sheet's rows from the first to the last holding a cell (even an empty one), each as
    wide as the widest, as openpyxl's ``iter_rows`` gives them; none for a sheet of no cell."""
    from xml.etree import ElementTree as ET  # noqa: N817

    cells: dict[int, dict[int, Any]] = {}
    row_no = 0
    width = 0
    for _, node in ET.iterparse(io.BytesIO(xml)):
        if node.tag != _ROW:
            continue
        r = node.get("r")
        row_no = _row_number(r) if r is not None else row_no + 1
        col = 0
        for c in node:
            ref = c.get("r")
            if ref:
                row, col = _coordinate(ref)
            else:
                row, col = row_no, col + 1
            if row < 1:
                raise Unusual(f"row {row}")
            cells.setdefault(row, {})[col] = _value(c, strings, dates, styles)
            width = max(width, col)
        node.clear()
    if not cells:
        return []  # openpyxl gives no row for a sheet without cells
    height = max(cells)
    empty = (None,) * width
    out = []
    for n in range(1, height + 1):
        found = cells.get(n)
        out.append(tuple(found.get(i) for i in range(1, width + 1)) if found else empty)
    return out


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise
        return int(value)


_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")  # openpyxl reads no "$" here


def _coordinate(ref: str) -> tuple[int, int]:
    found = _REF.fullmatch(ref)
    if found is None:
        raise Unusual(f"cell reference {ref!r}")
    col = 0
    for ch in found.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(found.group(2)), col


def _value(c: Any, strings: list[str], dates: set[int], styles: int) -> Any:
    kind = c.get("t", "n")
    style = int(c.get("s", 0))
    if not 0 <= style < styles:
        raise Unusual(f"style {style} of {styles}")
    if kind == "inlineStr":
        inline = c.find(_INLINE)
        return _text(inline) if inline is not None else None
    value = c.findtext(_VALUE, None) or None
    if value is None:
        return None
    if kind == "n":
        if style in dates:
            raise Unusual("a number shown as a date or time")
        return _number(value)
    if kind == "s":
        return strings[int(value)]
    if kind == "b":
        return bool(int(value))
    if kind == "d":
        raise Unusual("a cell typed as a date")
    return value  # "str" (a formula's text), "e" (an error such as #N/A), or unknown: as text


__all__ = ["Unusual", "worksheets"]
