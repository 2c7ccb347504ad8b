"""A batch's cells changed in one pass are the same sheet as the cells changed one by one,
the same cell changed twice in a batch included (the later change is the one kept)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.connectors import xlsx_cells

_ROWS = 30
_XML = (
    "<worksheet><sheetData>"
    + "".join(
        f'<row r="{n}"><c r="A{n}" t="s"><v>{n}</v></c><c r="B{n}" s="3"><v>{n * 2}</v></c>'
        f'<c r="C{n}" s="1"/></row>'
        for n in range(1, _ROWS + 1)
    )
    + "</sheetData></worksheet>"
)
_CELL = st.builds(
    lambda row, column, value: xlsx_cells.Cell("S", row, column, value),
    st.integers(1, _ROWS),
    st.integers(1, 3),
    st.integers(-5, 10**6) | st.floats(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(_CELL, min_size=1, max_size=8))
def test_cells_changed_at_once_are_the_cells_changed_one_by_one(
    cells: list[xlsx_cells.Cell],
) -> None:
    one_by_one: str | None = _XML
    for cell in cells:
        assert one_by_one is not None
        one_by_one = xlsx_cells.set_cells(one_by_one, [cell])
    assert xlsx_cells.set_cells(_XML, cells) == one_by_one
