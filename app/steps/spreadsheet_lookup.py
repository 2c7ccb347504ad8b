"""``spreadsheet_lookup``: find rows in an xlsx or csv sheet by a key column."""

from __future__ import annotations

from app.connectors import sheet_files, sheets
from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import BOOLEAN, TEMPLATE, TEXT, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="spreadsheet_lookup",
    title=QT_TRANSLATE_NOOP("Steps", "Look up in a spreadsheet"),
    category=QT_TRANSLATE_NOOP("Steps", "Data"),
    summary=QT_TRANSLATE_NOOP("Steps", "Find rows (stock, prices) in an Excel or CSV sheet."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Opens an Excel (.xlsx) or CSV file and finds the row whose key column holds the given "
            "value, e.g. the SKU in an inventory sheet. The key may also be a list (every SKU of "
            "the order): then output.rows maps each key to its row and output.missing lists keys "
            "that were not found. With items to check, each line is split into what can go now "
            "(output.ready, its amount cut to the stock) and what cannot (output.later, the "
            "missing amount), and output.ready_total prices what can go now. “List every row” "
            "gives output.list instead: the rows (e.g. products) holding at least “At least” in "
            "the available column, for a person to choose from. A relative file path is read in "
            "the data folder (samples/inventory.xlsx). A sheet open in Excel is retried after "
            "asking to close it.",
        )
    ),
    fields=(
        Field(
            "file",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "File"),
            required=True,
            placeholder="C:/Shop/inventory.xlsx",
            help=QT_TRANSLATE_NOOP(
                "Steps", "A relative path is read in the data folder, e.g. samples/inventory.xlsx."
            ),
        ),
        Field(
            "sheet",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Sheet"),
            help=QT_TRANSLATE_NOOP("Steps", "Default: the first sheet."),
        ),
        Field(
            "key_column",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Key column"),
            required=True,
            placeholder="SKU",
        ),
        Field(
            "key",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Key (or list of keys)"),
            placeholder="{{ trigger.order.lines | map(attribute='sku') | list }}",
        ),
        Field(
            "items",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Or: items to check"),
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "A list of objects (order lines); each is looked up by its key field and its "
                "amount compared with the available column.",
            ),
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
            "available_column",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Available column"),
            placeholder="Stock",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "With items: lines asking for more than this column holds are listed in "
                "output.short.",
            ),
        ),
        Field(
            "price_field",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Price field of an item"),
            default="price",
        ),
        Field(
            "price_column",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Price column"),
            placeholder="Price",
            help=QT_TRANSLATE_NOOP(
                "Steps", "With items: the price of a line that has no price field of its own."
            ),
        ),
        Field(
            "name_column",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "Name column"),
            placeholder="Item",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "With items: each line (ready, later, short) gets the product's name from this "
                "column as “name”, for messages to say “Sardines, 155 g” rather than the code. "
                "A sheet without this column is read by its Item, Name, Product or Description "
                "column; a line not in the sheet, or a sheet without any, keeps its code only.",
            ),
        ),
        Field(
            "list_all",
            BOOLEAN,
            QT_TRANSLATE_NOOP("Steps", "Or: list every row"),
            default=False,
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Gives output.list, every row in sheet order (e.g. products to choose "
                "from); with an available column, only rows holding at least “At least”.",
            ),
        ),
        Field(
            "at_least",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "At least"),
            placeholder="1",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "With “List every row” and an available column: the smallest amount a row "
                "must hold (default 1).",
            ),
        ),
        Field(
            "leave_out",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Leave out keys"),
            placeholder="{{ steps.check_stock.output.short | map(attribute='key') | list }}",
            help=QT_TRANSLATE_NOOP(
                "Steps", "With “List every row”: keys not to list (the product that ran out)."
            ),
        ),
    ),
    retry=RetryPolicy(max_attempts=6, initial_delay=10, backoff=2, max_delay=600, timeout=60),
    # A found row with stock on hand: the shape the order checks read (rows, ready, short).
    sample_output=lambda c: {
        "found": True,
        "rows": {"SAMPLE-1": {"SKU": "SAMPLE-1", "Available": 10}},
        "row": {"SKU": "SAMPLE-1", "Available": 10},
        "missing": [],
        "short": [],
        "all_available": True,
        "ready": [],
        "later": [],
        "ready_total": 0,
        "list": [],
        "count": 0,
    },
    output_words={
        "found": QT_TRANSLATE_NOOP("Steps", "Found"),
        "rows": QT_TRANSLATE_NOOP("Steps", "Rows found, by key"),
        "row": QT_TRANSLATE_NOOP("Steps", "The row found"),
        "missing": QT_TRANSLATE_NOOP("Steps", "Not in the sheet"),
        "short": QT_TRANSLATE_NOOP("Steps", "Not enough in stock"),
        "all_available": QT_TRANSLATE_NOOP("Steps", "Every line in stock"),
        "ready": QT_TRANSLATE_NOOP("Steps", "Lines that can ship now"),
        "later": QT_TRANSLATE_NOOP("Steps", "Lines for later"),
        "ready_total": QT_TRANSLATE_NOOP("Steps", "Total of what ships now"),
        "list": QT_TRANSLATE_NOOP("Steps", "Products listed"),
        "count": QT_TRANSLATE_NOOP("Steps", "How many products listed"),
    },
    icon="fa5s.table",
)


def _number(value: object) -> float:
    try:
        n = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    return int(n) if n.is_integer() else n


def _price(item: dict, row: dict | None, table: sheets.Table, inp: dict) -> float | None:
    own = item.get(inp.get("price_field") or "price")
    if own not in (None, ""):
        return _number(own)
    if row is not None and inp.get("price_column"):
        return _number(row.get(table.header[table.column(inp["price_column"])]))
    return None


def _name_header(table: sheets.Table, inp: dict) -> str | None:
    """The heading of the name column as the sheet spells it (another name column of an
    operator's own sheet, "Product", when it has not this one, as the order form reads it), or
    None: a sheet of codes only leaves the lines their codes, for a product's name is for
    reading, never a reason to stop an order. No name column asked for: no names."""
    if not str(inp.get("name_column") or "").strip():
        return None
    i = table.name_column(str(inp["name_column"]))
    return None if i is None else str(table.header[i])


def _name(item: dict, row: dict | None, header: str | None) -> str:
    """The line's product name: its own (a marketplace's title, a backorder's earlier check)
    first, as with the price, else the sheet's; "" when neither says one."""
    own = item.get("name")
    if own not in (None, ""):
        return str(own)
    cell = row.get(header) if row is not None and header is not None else None
    return "" if cell is None else str(cell).strip()


def _with_amount(
    item: dict, field: str, amount: float, price: float | None, name: str = ""
) -> dict:
    """A copy of the order line with another amount (and its price and name, when known)."""
    line = {**item, field: amount}
    if price is not None:
        line["price"] = price
    if name:
        line["name"] = name
    return line


def check_items(table: sheets.Table, inp: dict) -> StepResult:
    items = inp["items"]
    if not isinstance(items, list):
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "“Items to check” must be a list (for example the order lines)."
                )
            )
        )
    amount_field = inp.get("amount_field") or "qty"
    name_header = _name_header(table, inp)
    rows, short, missing, ready, later = {}, [], [], [], []
    ready_total: float | None = 0
    for item in items:
        if not isinstance(item, dict):
            raise PermanentError(
                said(
                    QT_TRANSLATE_NOOP("Steps", "Each item must be an object; got “{item}”."),
                    item=item,
                )
            )
        key = item.get(inp.get("key_field") or "sku")
        wanted = _number(item.get(amount_field))
        i = table.find(inp["key_column"], key)
        row = None if i is None else table.as_dict(i)
        available = wanted
        if row is None:
            missing.append(key)
            available = 0
        else:
            rows[str(key)] = row
            if inp.get("available_column"):
                available = _number(row.get(table.header[table.column(inp["available_column"])]))
        name = _name(item, row, name_header)
        if available < wanted:
            gap = {"key": key, "wanted": wanted, "available": available}
            short.append({**gap, "name": name} if name else gap)
        price = _price(item, row, table, inp)
        now = min(wanted, max(available, 0))
        if now > 0:
            ready.append(_with_amount(item, amount_field, now, price, name))
            # a line without a known price leaves no total: never charge a guessed amount
            ready_total = (
                None if price is None or ready_total is None else (ready_total + now * price)
            )
        if wanted > now:
            later.append(_with_amount(item, amount_field, wanted - now, price, name))
    return StepResult(
        output={
            "found": not missing,
            "rows": rows,
            "missing": missing,
            "short": short,
            "all_available": not short,
            "ready": ready,
            "later": later,
            "ready_total": None if ready_total is None else _number(round(ready_total, 2)),
        }
    )


def list_rows(table: sheets.Table, inp: dict) -> StepResult:
    """Every row in sheet order; with an available column, those holding at least
    ``at_least`` (the products a person may pick as a substitute)."""
    column = inp.get("available_column")
    floor = _number(inp.get("at_least")) if inp.get("at_least") not in (None, "") else 1
    leave_out = inp.get("leave_out") or []
    skip = {str(k).strip() for k in (leave_out if isinstance(leave_out, list) else [leave_out])}
    key_column = table.header[table.column(inp["key_column"])]
    found = []
    for i in range(len(table.rows)):
        row = table.as_dict(i)
        if str(row.get(key_column)).strip() in skip:
            continue
        if column and _number(row.get(table.header[table.column(column)])) < floor:
            continue
        found.append(row)
    return StepResult(output={"list": found, "count": len(found)})


def run(ctx: StepContext) -> StepResult:
    inp = ctx.input
    # The kept copy (read again when the file changed on disk), read under its lock so an
    # order's update is seen whole or not at all.
    with sheet_files.reading(
        sheets.resolve(inp["file"], ctx.data_dir), inp.get("sheet") or None
    ) as table:
        return _look_up(table, inp)


def _look_up(table: sheets.Table, inp: dict) -> StepResult:
    if inp.get("items") is not None:
        return check_items(table, inp)
    if inp.get("list_all"):
        return list_rows(table, inp)
    if inp.get("key") in (None, ""):
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "Give a key to look up, items to check, or choose “List every row”."
                )
            )
        )
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
