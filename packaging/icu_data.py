"""A smaller ICU for the Linux build: Qt's ICU data library (``libicudata.so.NN``, 31 MB, every
locale, converter and dictionary ICU knows) is replaced by ICU's "stub" data library (no data)
plus a data file with only what Daloy's screens can ask ICU for, which ICU then loads from the
folder named by ``ICU_DATA`` (``packaging/launcher.py`` sets it).

Kept: the ICU core files (normalisation, character properties, converter aliases), the
locale-independent data (likely subtags, plurals, time zones), collation's root data, region
and time-zone names, and the locales of the languages Daloy ships (English and Filipino,
``app.ui.language.SHIPPED``; Tagalog names Filipino) with their parents. Left out: other
locales, legacy code-page converters, and the folders Qt never reads (``DROP_FOLDERS``). A
lookup of a locale left out falls back to the root locale, as ICU does for any locale it lacks.

Used by ``packaging/daloy.spec``; needs ``icupkg`` (Debian: icu-devtools) and a C compiler.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

# Data files that are not a locale's: kept in every folder where they appear.
COMMON = {"res_index.res", "pool.res", "root.res"}
DROP_TOP = (".cnv", ".spp", ".cfu")  # code pages, stringprep profiles, confusables
DROP_NAMES = {"unames.icu"}
# What Qt asks ICU for (its libraries' imports): case mapping, code-page converters, collation
# (QCollator) and time zones' names (ucal). Never break iterators, currencies, language names,
# units, spelled-out numbers or transliteration.
DROP_FOLDERS = {"brkitr", "curr", "lang", "unit", "rbnf", "translit"}
LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res")


def keep(item: str, languages: Iterable[str]) -> bool:
    """Whether the data item ``item`` (``coll/fil.res``, ``zoneinfo64.res``) is kept."""
    folder, _, name = item.rpartition("/")
    if folder in DROP_FOLDERS or name in DROP_NAMES:
        return False
    if not folder and name.endswith(DROP_TOP):
        return name == "cnvalias.icu"
    if name in COMMON or not name.endswith(".res"):
        return True
    if not folder and not LOCALE.fullmatch(name):
        return True  # supplementalData, likelySubtags, zoneinfo64, metaZones, plurals…
    wanted = set(languages) | ({"tl"} if "fil" in languages else set())  # tl: Filipino's alias
    return name[: -len(".res")].split("_")[0] in wanted


def data_symbol(lib: Path) -> tuple[str, int, int]:
    """The data package's symbol in the library (``icudt73_dat``), its file offset and size."""
    nm = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    address, size, _kind, name = next(
        line.split() for line in nm.splitlines() if line.split()[-1].endswith("_dat")
    )
    sections = subprocess.run(
        ["readelf", "-SW", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m and m.group(1) == ".rodata":
            offset = int(address, 16) - int(m.group(2), 16) + int(m.group(3), 16)
            return name, offset, int(size, 16)
    raise RuntimeError(f"no .rodata section in {lib}")


STUB_C = """
/* ICU's stub data library (icu4c/source/stubdata): a data package with no items, so ICU
   loads its data from %(package)s.dat in $ICU_DATA. */
#include <stdint.h>
typedef struct {
    uint16_t headerSize; uint8_t magic1, magic2;
    uint16_t size, reserved; uint8_t isBigEndian, charsetFamily, sizeofUChar, reserved2;
    uint8_t dataFormat[4], formatVersion[4], dataVersion[4];
    char padding[8]; uint32_t count, reserved3; uint32_t toc[4];
} Header;
__attribute__((visibility("default"))) const Header %(symbol)s = {
    32, 0xda, 0x27, 20, 0, 0, 0, 2, 0,
    {0x54, 0x6f, 0x43, 0x50}, {1, 0, 0, 0}, {0, 0, 0, 0}, {0}, 0, 0, {0, 0, 0, 0}
};
"""


def shrink(lib: Path, languages: Iterable[str], work: Path) -> tuple[Path, Path]:
    """Build the stub library (same file name and soname as ``lib``) and the filtered data
    file in ``work``; return both paths."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = data_symbol(lib)
    package = symbol[: -len("_dat")] + "l"  # icudt73l: little-endian, ASCII family
    full = work / "full" / f"{package}.dat"
    full.parent.mkdir(exist_ok=True)
    with lib.open("rb") as f:
        f.seek(offset)
        full.write_bytes(f.read(size))
    items = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    langs = list(languages)
    dropped = work / "dropped.txt"
    dropped.write_text("\n".join(i for i in items if not keep(i, langs)) + "\n")
    data = work / f"{package}.dat"
    subprocess.run(["icupkg", "-r", str(dropped), str(full), str(data)], check=True)
    source = work / "stubdata.c"
    source.write_text(STUB_C % {"symbol": symbol, "package": package})
    stub = work / "stub" / lib.name
    stub.parent.mkdir(exist_ok=True)
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-O2", f"-Wl,-soname,{lib.name}", "-o", str(stub), str(source)],
        check=True,
    )
    return stub, data
