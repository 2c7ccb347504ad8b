"""The xlsx package zipped again piece by piece: each part's CRC-32, joined from its pieces'
own CRCs, is the whole part's, and the zip reads back as written (``zipfile`` checks every
CRC)."""

from __future__ import annotations

import io
import zipfile
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from app.connectors.xlsx_package import PIECE, Deflated, Package

_ROW = st.builds(
    lambda n, text: f'<row r="{n}"><c r="A{n}"><v>{text}</v></c></row>'.encode(),
    st.integers(1, 10**6),
    st.text(alphabet="abcdefghij0123456789 é", max_size=40),
)
_SHEET = st.lists(_ROW, max_size=4000).map(
    lambda rows: b"<worksheet><sheetData>" + b"".join(rows) + b"</sheetData></worksheet>"
)


@settings(max_examples=30, deadline=None)
@given(first=_SHEET, second=_SHEET, cut=st.integers(0, 3 * PIECE), text=st.booleans())
def test_crc_of_a_part_changed_in_the_middle_is_the_whole_parts(
    first: bytes, second: bytes, cut: int, text: bool
) -> None:
    """As bytes (a part as unzipped) or as text (as patched), ASCII or not."""
    before = Deflated.of(first.decode() if text else first)
    changed = first[:cut] + second[cut : cut + 50] + first[cut + 10 :]
    changed = changed.decode(errors="ignore").encode()  # a cut may split an "é"
    for data, was in ((first, None), (changed, before), (second, before)):
        part = Deflated.of(data.decode() if text else data, was)
        assert part.crc == zlib.crc32(data)
        assert part.size == len(data)
        assert zlib.decompress(part.stream(), -15) == data


def test_zipped_package_reads_back_with_every_crc_checked() -> None:
    rows = b"".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'.encode() for n in range(9000))
    sheet = b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("[Content_Types].xml", b"<Types/>")
    data, package = Package.unzip(buf.getvalue()).zipped()
    edited = sheet.replace(b"<v>4500</v>", b"<v>-17</v>").decode()
    data, _ = package.changed({"xl/worksheets/sheet1.xml": edited}).zipped()
    z = zipfile.ZipFile(io.BytesIO(data))
    assert z.testzip() is None
    assert z.read("xl/worksheets/sheet1.xml") == edited.encode()
