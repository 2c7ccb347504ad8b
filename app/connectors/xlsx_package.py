"""An xlsx file unzipped, and zipped again recompressing only what changed.

A stock sheet of thousands of rows is about a megabyte of XML, and the hidden sheet recording
applied orders grows by a row per order (36,000 rows after a busy year: seven megabytes).
Deflating all of it for every save cost 5 ms fresh and over 50 ms a year on. So each part is
deflated in pieces of about 64 KB, cut at row ends, each piece compressed on its own and ended
with a full flush: the pieces' compressed bytes laid end to end, closed by an empty final
block, are one valid deflate stream (pigz writes its streams the same way). A save compresses
only the pieces whose bytes changed (an order changes a cell or two, and appends its record at
the end) and copies the rest; the zip's headers are written here because Python's ``zipfile``
can only write what it compresses itself.
"""

from __future__ import annotations

import functools
import io
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

PIECE = 65536
_END = zlib.compressobj(1, zlib.DEFLATED, -15).flush()  # an empty final block
_POLY = 0xEDB88320  # CRC-32's polynomial, bits reversed (as zlib keeps it)


def _multiply(a: int, b: int) -> int:
    """``a`` times ``b`` modulo CRC-32's polynomial (zlib's ``multmodp``)."""
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if not a & (m - 1):
                return p
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1


def _squares() -> tuple[int, ...]:
    """x to the power 2**k modulo the polynomial, k = 0..31 (zlib's ``x2n_table``)."""
    table, p = [], 1 << 30
    for _ in range(32):
        table.append(p)
        p = _multiply(p, p)
    return tuple(table)


_X2N = _squares()


@functools.lru_cache(maxsize=4096)
def _shift(size: int) -> int:
    """x to the power 8 * ``size`` modulo the polynomial: moves a CRC past ``size`` bytes.
    Kept per size: a part's pieces keep their sizes from save to save."""
    p, k = 1 << 31, 3
    while size:
        if size & 1:
            p = _multiply(_X2N[k & 31], p)
        size >>= 1
        k += 1
    return p


def _joined(crcs: list[int], sizes: list[int]) -> int:
    """The CRC-32 of pieces laid end to end, from each piece's own CRC (zlib's
    ``crc32_combine``, which Python lacks): a few microseconds a piece, where running
    ``zlib.crc32`` over a megabyte part at every save read all of it again (~0.2-0.5 ms)."""
    crc = 0
    for piece_crc, size in zip(crcs, sizes, strict=True):
        crc = _multiply(_shift(size), crc) ^ piece_crc
    return crc


def _deflate(piece: bytes) -> bytes:
    # the fastest level: a busy shop's sheet is written many times a minute
    z = zlib.compressobj(1, zlib.DEFLATED, -15)
    return z.compress(piece) + z.flush(zlib.Z_FULL_FLUSH)


def _cuts(data: bytes | str) -> list[tuple[int, int]]:
    """Where ``data`` is cut: after the first row end past every ``PIECE`` bytes. The cuts
    follow the content, so a change of a few bytes moves no cut but (rarely) the one next to
    it. An ASCII text is cut where its bytes would be."""
    if isinstance(data, str):
        text = re.search(r"<(\w+:)?sheetData\b", data)
        row_end: bytes | str = f"</{text.group(1) or ''}row>" if text else ""
    else:
        found = re.search(rb"<(\w+:)?sheetData\b", data)
        row_end = b"</" + (found.group(1) or b"") + b"row>" if found else b""
    if not row_end:
        return [(0, len(data))] if data else []
    cuts, at = [0], PIECE
    while at < len(data):
        end = data.find(row_end, at)  # type: ignore[arg-type]  # both str or both bytes
        if end < 0:
            break
        cuts.append(end + len(row_end))
        at = cuts[-1] + PIECE
    cuts.append(len(data))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


@dataclass(frozen=True)
class Deflated:
    """One part's bytes in pieces, each with its deflated form and its CRC, and the whole's
    CRC and size. An ASCII text part keeps its pieces as text: at each save the patched sheet
    (a megabyte of text) is cut and compared as it is, and an unchanged piece is kept, not
    copied; encoding it whole and slicing the bytes made two fresh megabytes a save, whose
    memory pages each had to be faulted in (~400 page faults a save in the running engine)."""

    pieces: tuple[bytes | str, ...]
    packed: tuple[bytes, ...]
    crcs: tuple[int, ...]
    crc: int
    size: int

    @classmethod
    def of(cls, content: bytes | str, before: Deflated | None = None) -> Deflated:
        ascii_text = isinstance(content, str) and content.isascii()
        data = content.encode("utf-8") if isinstance(content, str) and not ascii_text else content
        old = before.pieces if before is not None else ()
        pieces: list[bytes | str] = []
        packed: list[bytes] = []
        crcs: list[int] = []
        cuts = _cuts(data)
        for i, (a, b) in enumerate(cuts):
            was = old[i] if i < len(old) else None
            if (
                before is not None
                and was is not None
                and type(was) is type(data)
                and len(was) == b - a
                and data.startswith(was, a)  # type: ignore[arg-type]  # compared in place
            ):
                pieces.append(was)
                packed.append(before.packed[i])
                crcs.append(before.crcs[i])
            else:
                piece = data[a:b]
                raw = piece.encode("ascii") if isinstance(piece, str) else piece
                pieces.append(piece)
                packed.append(_deflate(raw))
                crcs.append(zlib.crc32(raw))
        crc = _joined(crcs, [b - a for a, b in cuts])
        return cls(tuple(pieces), tuple(packed), tuple(crcs), crc, len(data))

    def stream(self) -> bytes:
        return b"".join(self.packed) + _END


def _zip(entries: list[tuple[str, Deflated]]) -> bytes:
    """A zip of deflated entries (no zip64: a workbook is far below 4 GB)."""
    y, mo, d, h, mi, s = time.localtime()[:6]
    dos_time, dos_date = (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d
    out, directory = io.BytesIO(), io.BytesIO()
    for name, part in entries:
        raw = name.encode("utf-8")
        flags = 0 if raw.isascii() else 0x800  # names in UTF-8
        stream = part.stream()
        offset = out.tell()
        sizes = (part.crc, len(stream), part.size, len(raw))
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, dos_time, dos_date, *sizes, 0)
        )
        out.write(raw)
        out.write(stream)
        directory.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                8,
                dos_time,
                dos_date,
                *sizes,
                0,
                0,
                0,
                0,
                0,
                offset,
            )
        )
        directory.write(raw)
    start, listing = out.tell(), directory.getvalue()
    out.write(listing)
    n = len(entries)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(listing), start, 0))
    return out.getvalue()


@dataclass(frozen=True)
class Package:
    """An xlsx file unzipped: its parts in order, and their deflated pieces where at hand
    (``stale`` names the parts changed since they were deflated)."""

    names: tuple[str, ...]
    parts: Mapping[str, bytes | str]
    deflated: Mapping[str, Deflated]
    stale: frozenset[str] = frozenset()

    @classmethod
    def unzip(cls, data: bytes) -> Package:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in z.infolist() if not i.is_dir()]
        return cls(tuple(i.filename for i in infos), {i.filename: z.read(i) for i in infos}, {})

    def text(self, name: str) -> str:
        body = self.parts[name]
        return body if isinstance(body, str) else body.decode("utf-8")

    def changed(self, parts: Mapping[str, str]) -> Package:
        """The package with these parts replaced or (new names) added at the end."""
        names = self.names + tuple(n for n in parts if n not in self.parts)
        return Package(names, {**self.parts, **parts}, self.deflated, self.stale | set(parts))

    def zipped(self) -> tuple[bytes, Package]:
        """The file's bytes, and the package with every part's pieces at hand."""
        deflated = dict(self.deflated)
        for name in self.names:
            if name in self.stale or name not in deflated:
                deflated[name] = Deflated.of(self.parts[name], deflated.get(name))
        data = _zip([(n, deflated[n]) for n in self.names])
        return data, Package(self.names, self.parts, deflated)
