"""A new, empty stock sheet for a shop that has none yet: the sample sheet's layout (its sheet,
its header row SKU, Item, Stock, Price, its column widths) with no products, written under a
free name in a folder the operator chose. An existing file is never overwritten: the name is
taken with an exclusive create, so even a file appearing meanwhile is left alone."""

from __future__ import annotations

import io
from pathlib import Path

from app.core.errors import DaloyError
from app.core.i18n import translate
from app.resources import resource_path

NAME = "Daloy stock"  # the new sheet's file name, before “ (2)” and “.xlsx”
MAX_TRIES = 1000  # “Daloy stock (1000).xlsx”: a folder this full is a mistake, said so


def layout() -> bytes:
    """The sample sheet with its products taken out: the header row and its formatting only.
    openpyxl (about 9 MB a running window keeps) is imported here, when a sheet is made, not
    with the setup window."""
    import openpyxl

    wb = openpyxl.load_workbook(resource_path("samples", "inventory.xlsx"))
    for ws in wb.worksheets:
        if ws.max_row > 1:
            ws.delete_rows(2, ws.max_row - 1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make(folder: Path) -> Path:
    """Write a new stock sheet in ``folder`` (made if missing) under the first free name;
    returns its path. Raises a DaloyError in words when the folder cannot be written."""
    data = layout()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, MAX_TRIES + 1):
            path = folder / (f"{NAME}.xlsx" if n == 1 else f"{NAME} ({n}).xlsx")
            try:
                with path.open("xb") as f:  # exclusive: an existing file is never replaced
                    f.write(data)
            except FileExistsError:
                continue
            return path
    except OSError as exc:
        raise DaloyError(
            translate(
                "Shop",
                "Daloy could not write a new stock sheet in {folder} ({reason}). Choose "
                "another folder, such as your Documents folder.",
            ).format(folder=folder, reason=exc.strerror or exc)
        ) from exc
    raise DaloyError(
        translate(
            "Shop",
            "{folder} already holds {count} stock sheets made by Daloy; choose another folder.",
        ).format(folder=folder, count=MAX_TRIES)
    )
