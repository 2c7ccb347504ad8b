"""An order's total from its workflow: the ``order_total`` template
(``{{ steps.plan.output.total }}``), for orders whose trigger carries no total (an email, the web
form, "New order": the prices are in the shop's stock sheet, and a step works the total out).

Which steps' success renders it is worked out once per workflow version (``TotalPlan``): the
steps the template names, rendered once the last of them has succeeded; a template naming no
step (only ``trigger``) is rendered when the run's first step succeeds. The store writes the
number (``app.store.order_totals``). Pure logic, no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core import templates
from app.core.errors import TemplateError
from app.core.model import Workflow

# "1499.50", "1,499.50", "  3270 ": what a template that joins text may make of a number.
_NUMBER_TEXT = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


def named_steps(source: str) -> frozenset[str]:
    """The steps a template reads (``steps.<name>`` anywhere in it)."""
    names = set()
    for path in templates.referenced_paths(source):
        parts = path.split(".")
        if parts[0] == "steps" and len(parts) > 1:
            names.add(parts[1])
    return frozenset(names)


@dataclass(frozen=True)
class TotalPlan:
    """When a workflow version's order total is rendered: after ``after`` (a step's name)
    succeeds, once every step in ``needs`` has finished."""

    source: str
    after: frozenset[str]  # a success of one of these may render the total
    needs: frozenset[str]  # ... once all of these have a result

    def due(self, step: str, finished: Mapping[str, Any]) -> bool:
        """Whether ``step``'s success (``finished``: the run's finished steps, it included)
        is the moment to render the total. A set-membership test first: every step asks."""
        return step in self.after and all(n in finished for n in self.needs)


def plan(wf: Workflow) -> TotalPlan | None:
    """The workflow's ``TotalPlan``, or None when it has no ``order_total`` (the trigger's
    total stands). Steps it names that do not exist are left out (validation says so)."""
    source = wf.order_total.strip()
    if not source:
        return None
    known = set(wf.step_names())
    needs = frozenset(n for n in named_steps(source) if n in known)
    if needs:
        return TotalPlan(source, needs, needs)
    if named_steps(source):  # names only steps that do not exist: it can never be rendered
        return None
    return TotalPlan(source, frozenset(wf.entry_steps()), frozenset())


def money_text(amount: Any, currency: Any = "") -> str:
    """An amount as Daloy's sentences and the customer's order form write it: "PHP 1,499.50"
    (the number alone without a currency); "" for anything that is not a number."""
    if not isinstance(amount, int | float) or isinstance(amount, bool) or not math.isfinite(amount):
        return ""
    code = currency.strip() if isinstance(currency, str) else ""
    return f"{code} {amount:,.2f}".strip()


def currency_of(trigger: Any) -> str:
    """The currency an order was placed in: its trigger's ``order.currency``, else the
    trigger's own ``currency`` (an order given flat); "" when it says none."""
    order = trigger.get("order") if isinstance(trigger, dict) else None
    for where in (order, trigger):
        code = where.get("currency") if isinstance(where, dict) else None
        if isinstance(code, str) and code.strip():
            return code.strip()
    return ""


def as_total(value: Any) -> float | None:
    """``value`` as an order total, or None when it is not a number (text, a list, nothing,
    true/false, NaN or infinity)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and _NUMBER_TEXT.match(value.strip()):
        value = value.strip().replace(",", "")
    elif not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer of hundreds of digits
        return None
    return number if math.isfinite(number) else None


def at_prices(lines: Any, prices: Mapping[str, Any]) -> float | None:
    """What an order's lines (``{"sku", "qty"}``) come to at these prices (a product's code
    to its price), to the centavo: the total a web form or a typed-in order carries, as a
    marketplace's order does. None when there is no line or a line has no price: a total that
    left a product out would be wrong."""
    if not isinstance(lines, list) or not lines:
        return None
    total = 0.0
    for line in lines:
        qty = as_total(line.get("qty")) if isinstance(line, dict) else None
        price = as_total(prices.get(str(line.get("sku")))) if isinstance(line, dict) else None
        if qty is None or price is None:
            return None
        total += qty * price
    return round(total, 2)


def render(total: TotalPlan, context: Mapping[str, Any]) -> tuple[float | None, Any]:
    """The total the template makes from ``context`` (``trigger``, ``steps``, ``run``), or None
    and what it made instead (a value that is not a number, or the ``TemplateError``)."""
    try:
        value = templates.render_value(total.source, context)
    except TemplateError as exc:
        return None, exc
    number = as_total(value)
    return number, None if number is not None else value
