"""``spreadsheet_lookup``: find rows in an xlsx or csv sheet by a key column."""

from __future__ import annotations

from app.core.errors import PermanentError
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import TEMPLATE, TEXT, Field
from app.core.stepspec import StepSpec
from app.steps import sheets
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="spreadsheet_lookup",
    title="Look up in a spreadsheet",
    category="Data",
    summary="Find rows (stock, prices) in an Excel or CSV sheet.",
    help=("Opens an Excel (.xlsx) or CSV file and finds the row whose key column holds the given "
          "value, e.g. the SKU in an inventory sheet. The key may also be a list (every SKU of "
          "the order): then output.rows maps each key to its row and output.missing lists keys "
          "that were not found. A sheet open in Excel is retried after asking to close it."),
    fields=(
        Field("file", TEMPLATE, "File", required=True, placeholder="C:/Shop/inventory.xlsx"),
        Field("sheet", TEXT, "Sheet", help="Default: the first sheet."),
        Field("key_column", TEXT, "Key column", required=True, placeholder="SKU"),
        Field("key", TEMPLATE, "Key (or list of keys)",
              placeholder="{{ trigger.order.lines | map(attribute='sku') | list }}"),
        Field("items", TEMPLATE, "Or: items to check",
              help="A list of objects (order lines); each is looked up by its key field and its "
                   "amount compared with the available column.",
              placeholder="{{ trigger.order.lines }}"),
        Field("key_field", TEXT, "Key field of an item", default="sku"),
        Field("amount_field", TEXT, "Amount field of an item", default="qty"),
        Field("available_column", TEXT, "Available column", placeholder="Stock",
              help="With items: lines asking for more than this column holds are listed in "
                   "output.short."),
    ),
    retry=RetryPolicy(max_attempts=6, initial_delay=10, backoff=2, max_delay=600, timeout=60),
    icon="fa5s.table",
)


def _number(value: object) -> float:
    try:
        n = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    return int(n) if n.is_integer() else n


def check_items(table: sheets.Table, inp: dict) -> StepResult:
    items = inp["items"]
    if not isinstance(items, list):
        raise PermanentError("“Items to check” must be a list (for example the order lines).")
    rows, short, missing = {}, [], []
    for item in items:
        if not isinstance(item, dict):
            raise PermanentError(f"Each item must be an object; got “{item}”.")
        key = item.get(inp.get("key_field") or "sku")
        wanted = _number(item.get(inp.get("amount_field") or "qty"))
        i = table.find(inp["key_column"], key)
        if i is None:
            missing.append(key)
            short.append({"key": key, "wanted": wanted, "available": 0})
            continue
        row = rows[str(key)] = table.as_dict(i)
        if inp.get("available_column"):
            available = _number(row.get(table.header[table.column(inp["available_column"])]))
            if available < wanted:
                short.append({"key": key, "wanted": wanted, "available": available})
    return StepResult(output={"found": not missing, "rows": rows, "missing": missing,
                              "short": short, "all_available": not short})


def run(ctx: StepContext) -> StepResult:
    inp = ctx.input
    table = sheets.load(inp["file"], inp.get("sheet") or None)
    if inp.get("items") is not None:
        return check_items(table, inp)
    if inp.get("key") in (None, ""):
        raise PermanentError("Give a key to look up, or items to check.")
    key = inp["key"]
    keys = key if isinstance(key, list) else [key]
    rows, missing = {}, []
    for k in keys:
        i = table.find(inp["key_column"], k)
        if i is None:
            missing.append(k)
        else:
            rows[str(k)] = table.as_dict(i)
    out = {"found": not missing, "rows": rows, "missing": missing}
    if not isinstance(key, list):
        out["row"] = rows.get(str(key))
    return StepResult(output=out)


STEP = StepType(SPEC, run)
