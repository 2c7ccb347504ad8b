"""``spreadsheet_update``: change cells of an xlsx or csv sheet (e.g. decrement stock)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from app.connectors import sheet_files, sheets
from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CHOICE, NUMBER, TEMPLATE, TEXT, Field
from app.core.stepspec import EXACTLY_ONCE, StepSpec
from app.steps.base import StepContext, StepType
from app.store import settled

SPEC = StepSpec(
    name="spreadsheet_update",
    title=QT_TRANSLATE_NOOP("Steps", "Update a spreadsheet"),
    category=QT_TRANSLATE_NOOP("Steps", "Data"),
    summary=QT_TRANSLATE_NOOP("Steps", "Change cells, e.g. take sold items off the stock count."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "For each item of a list (usually the order lines), finds the row by its key and "
            "changes one column: subtract the item's amount (stock), add it, or set it. The file is "
            "written to a temporary file and then swapped in, so a crash never leaves a half-written "
            "sheet. The sheet is read once and kept (read again when it changes on disk, e.g. "
            "saved in Excel, whose changes are kept); orders changing it at the same time are "
            "saved together in one write, and each step finishes only once its change is saved. "
            "In an Excel file only the changed cells are rewritten: formulas, formatting and "
            "other sheets stay as they were. With “Never below”, a change that would leave a cell under it changes "
            "nothing and asks a person instead (stock never goes negative). A relative file path "
            "is read in the data folder. A sheet open in Excel is retried after asking to close "
            "it.",
        )
    ),
    fields=(
        Field("file", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "File"), required=True),
        Field("sheet", TEXT, QT_TRANSLATE_NOOP("Steps", "Sheet")),
        Field(
            "key_column",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Key column"),
            required=True,
            placeholder="SKU",
        ),
        Field(
            "column",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Column to change"),
            required=True,
            placeholder="Stock",
        ),
        Field(
            "items",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Items"),
            required=True,
            placeholder="{{ trigger.order.lines }}",
        ),
        Field("key_field", TEXT, QT_TRANSLATE_NOOP("Steps", "Key field of an item"), default="sku"),
        Field(
            "amount_field",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Amount field of an item"),
            default="qty",
        ),
        Field(
            "mode",
            CHOICE,
            QT_TRANSLATE_NOOP("Steps", "Change"),
            choices=(
                QT_TRANSLATE_NOOP("Steps", "subtract"),
                QT_TRANSLATE_NOOP("Steps", "add"),
                QT_TRANSLATE_NOOP("Steps", "set"),
            ),
            default="subtract",
        ),
        Field(
            "minimum",
            NUMBER,
            QT_TRANSLATE_NOOP("Steps", "Never below"),
            placeholder="0",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Refuse the whole change (nothing is written) if a cell would end up below "
                "this, e.g. 0 so stock never goes negative.",
            ),
        ),
    ),
    retry=RetryPolicy(max_attempts=8, initial_delay=10, backoff=2, max_delay=600, timeout=60),
    side_effects=True,
    guarantee=(
        f"{EXACTLY_ONCE}: an Excel file records each applied order in a hidden sheet, "
        "written together with the changed cells; a CSV file keeps its record beside it "
        "(.<name>.daloy-ledger.json), naming the exact file contents each change "
        "produces, so the sheet itself shows whether a change happened. Orders saved "
        "together in one write are recorded in it, each with its own key, and a step "
        "counts as done only once that write is on disk: if Daloy stops before it, the "
        "step runs again; after it, the repeat finds its record. A retry never "
        "subtracts twice and returns the first result; if Daloy stopped mid-write and "
        "the CSV was also edited by hand since, a person is asked."
    ),
    sample_output=lambda c: {
        "changed": [{"key": "SAMPLE-1", "before": 10, "after": 9}],
        "already_applied": False,
    },
    output_words={
        "changed": QT_TRANSLATE_NOOP("Steps", "Rows changed (before and after)"),
        "already_applied": QT_TRANSLATE_NOOP("Steps", "Already made before"),
    },
    icon="fa5s.edit",
)


def _number(value: Any, what: str) -> float:
    try:
        n = float(value)
    except (TypeError, ValueError) as exc:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "{what} “{value}” is not a number."),
                what=what,
                value=value,
            )
        ) from exc
    return int(n) if n.is_integer() else n


def _check_floor(table: sheets.Table, inp: dict[str, Any], changed: list[dict[str, Any]]) -> None:
    """Raised before anything is written, so a refused change leaves the sheet as it was."""
    floor = inp.get("minimum")
    if floor is None:
        return
    under = [c for c in changed if c["after"] < floor]
    if under:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Not changed: {column} in {file} may not go below {floor}, but {what}. "
                    "Nothing was written. Check the sheet (was stock taken by another order?), "
                    "then retry this step, or skip it.",
                ),
                column=inp["column"],
                file=table.path.name,
                floor=f"{floor:g}",
                what=_one_by_one(
                    [
                        said(
                            QT_TRANSLATE_NOOP("Steps", "{key} would go from {before} to {after}"),
                            key=c["key"],
                            before=c["before"],
                            after=c["after"],
                        )
                        for c in under
                    ]
                ),
            )
        )


def _one_by_one(parts: list[str]) -> str:
    """Clauses of one sentence separated by semicolons, each said in the reader's language."""
    if len(parts) == 1:
        return parts[0]
    return said(
        QT_TRANSLATE_NOOP("Steps", "{first}; {rest}"), first=parts[0], rest=_one_by_one(parts[1:])
    )


def run(ctx: StepContext) -> StepResult:
    inp = ctx.input
    items = inp["items"]
    if not isinstance(items, list):
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "“Items” must be a list (for example the order lines).")
            )
        )

    def change(table: sheets.Table) -> dict[str, Any]:
        col = table.column(inp["column"])
        changed = []
        for item in items:
            if not isinstance(item, Mapping):
                raise PermanentError(
                    said(
                        QT_TRANSLATE_NOOP("Steps", "Each item must be an object; got “{item}”."),
                        item=item,
                    )
                )
            key = item.get(inp["key_field"])
            amount = _number(
                item.get(inp["amount_field"]), said(QT_TRANSLATE_NOOP("Steps", "The amount"))
            )
            idx = table.find(inp["key_column"], key)
            if idx is None:
                raise PermanentError(
                    said(
                        QT_TRANSLATE_NOOP("Steps", "{file} has no row with {column} “{key}”."),
                        file=table.path.name,
                        column=inp["key_column"],
                        key=key,
                    )
                )
            row = table.rows[idx]
            old = row[col] if col < len(row) else None
            new = (
                amount
                if inp["mode"] == "set"
                else _number(
                    old or 0,
                    said(QT_TRANSLATE_NOOP("Steps", "The cell {column}"), column=inp["column"]),
                )
                + (amount if inp["mode"] == "add" else -amount)
            )
            table.set(idx, col, new)
            changed.append({"key": key, "before": old, "after": new})
        _check_floor(table, inp, changed)
        return {"changed": changed, "already_applied": False}

    # One idempotency key changes the sheet once; a repeat returns the first result. The
    # change is made on the kept copy (a refused one is undone) and returns once saved. The
    # run store tells which recorded orders are finished for good, so the record stays small.
    runs = ctx.services.runs
    return StepResult(
        output=sheet_files.apply_once(
            sheets.resolve(inp["file"], ctx.data_dir),
            inp.get("sheet") or None,
            ctx.idempotency_key,
            change,
            partial(settled.finished_keys, runs.db) if runs is not None else None,
        )
    )


STEP = StepType(SPEC, run)
