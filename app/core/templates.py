"""Sandboxed Jinja2 templates between steps: ``{{ trigger.order.id }}``,
``{{ steps.check_stock.output.available }}``.

The environment is Jinja2's immutable sandbox with no globals: templates see only the data they
are given. Reaching for Python internals (``''.__class__``, ``cycler.__init__.__globals__``) fails
with a ``TemplateError`` in words. What a template may cost (time, size, loop rounds) is limited
by ``template_limits``: the environment checks every operator, call, filter, loop and join.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.core import template_limits as limits
from app.core.errors import TemplateError
from app.core.i18n import QT_TRANSLATE_NOOP, said

if TYPE_CHECKING:  # Jinja2 itself loads with the environment (``template_env``)
    from jinja2 import Template
    from jinja2.environment import TemplateExpression

    from app.core.template_env import Env

_SINGLE_EXPR = re.compile(r"^\s*\{\{(?P<expr>.*?)\}\}\s*$", re.S)
# ``trigger.order.number``: a plain path through dicts, looked up without running Jinja.
_PATH = re.compile(r"^[A-Za-z]\w*(?:\.[A-Za-z]\w*)*$")
_DICT_ATTRS = frozenset(dir(dict))  # ``x.items`` means the method to Jinja: leave it to Jinja
# Keys that ``data.<key>`` cannot reach: Jinja finds the dict's method (``steps.items``) first.
DATA_METHOD_NAMES = frozenset(n for n in _DICT_ATTRS if not n.startswith("_"))
_MISSING = object()


@lru_cache(maxsize=1)
def environment() -> Env:
    """The one sandboxed environment, made (and Jinja2 loaded) on first use."""
    from app.core.template_env import new_environment

    return new_environment()


@lru_cache(maxsize=2048)
def _compile(source: str) -> Template:
    return environment().from_string(source)


@lru_cache(maxsize=2048)
def _compile_expr(expr: str) -> TemplateExpression:
    return environment().compile_expression(expr, undefined_to_none=False)


def is_template(text: str) -> bool:
    return "{{" in text or "{%" in text


def _quoted(source: str, limit: int = 120) -> str:
    """The template as the operator wrote it, shortened: a message quotes it, not a whole email."""
    text = source.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _missing(source: str, context: Mapping[str, Any]) -> tuple[str, str, str, list[str]] | None:
    """The first path of ``source`` that the data does not have, as (path, where, missing key,
    the keys that are there): ``trigger.order.total`` on an order without a total. Only a field
    of the order (``trigger.…``) or of a step's result (``steps.<step>.output.…``); a name the
    template makes itself (a loop's) or a step that did not run is left to Jinja's words."""
    for path in sorted(referenced_paths(source)):
        parts = path.split(".")
        first = {"trigger": 1, "steps": 3}.get(parts[0])
        value: Any = context
        for i, part in enumerate(parts):
            if not isinstance(value, Mapping):
                break
            if part not in value:
                if first is not None and i >= first:
                    return path, ".".join(parts[:i]), part, [str(k) for k in value]
                break
            value = value[part]
    return None


def _explain(
    exc: BaseException, source: str, context: Mapping[str, Any] | None = None
) -> TemplateError:
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    # Each sentence said whole (the template first in English, elsewhere in Filipino).
    template = _quoted(source)
    missing = (
        _missing(source, context)
        if isinstance(exc, UndefinedError) and context is not None
        else None
    )
    if missing is not None:
        path, where, key, there = missing
        if there:
            return TemplateError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "The template “{template}” uses {path}, but this order has no "
                        "“{key}” in {where} (it has: {there}). Change the template to use "
                        "what is there, then retry the step.",
                    ),
                    template=template,
                    path=path,
                    key=key,
                    where=where,
                    there=", ".join(there[:12]) + (", …" if len(there) > 12 else ""),
                )
            )
        return TemplateError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The template “{template}” uses {path}, but this order has nothing in "
                    "{where}. Change the template to use what is there, then retry the step.",
                ),
                template=template,
                path=path,
                where=where,
            )
        )
    if isinstance(exc, limits.LimitExceeded | OverflowError):
        what = exc.args[0] if isinstance(exc, limits.LimitExceeded) else limits.TOO_BIG_NUMBER
        return TemplateError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The template “{template}” {what}. Change the template so it does less (or "
                    "check the order data it uses), then retry the step.",
                ),
                template=template,
                what=what,
            )
        )
    if isinstance(exc, RecursionError | MemoryError):
        return TemplateError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The template “{template}” is nested too deeply or made too much to handle. "
                    "Simplify it, then retry the step.",
                ),
                template=template,
            )
        )
    if isinstance(exc, SecurityError):
        return TemplateError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The template “{template}” tries to reach something templates may not use "
                    "(only order and step data are available).",
                ),
                template=template,
            )
        )
    if isinstance(exc, UndefinedError):
        return TemplateError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "The template “{template}” refers to data that is not there: {why}."
                ),
                template=template,
                why=exc.message,
            )
        )
    if isinstance(exc, TemplateSyntaxError):
        return TemplateError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "The template “{template}” has a syntax error: {why} (line {line})."
                ),
                template=template,
                why=exc.message,
                line=exc.lineno,
            )
        )
    return TemplateError(
        said(
            QT_TRANSLATE_NOOP("Steps", "The template “{template}” failed: {why}."),
            template=template,
            why=exc,
        )
    )


def check_syntax(source: str) -> str | None:
    """An operator-readable message if ``source`` does not parse, else None."""
    env = environment()
    from jinja2 import TemplateSyntaxError  # loaded with the environment

    try:
        env.parse(source)
    except (TemplateSyntaxError, RecursionError, MemoryError) as exc:
        return str(_explain(exc, source))
    return None


def render_text(source: str, context: Mapping[str, Any]) -> str:
    """Render a template to text, within the limits of ``template_limits``."""
    if not is_template(source):
        return source
    with limits.budget():
        try:
            return _compile(source).render(**context)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a TemplateError in words
            raise _explain(exc, source, context) from exc


def render_value(value: Any, context: Mapping[str, Any]) -> Any:
    """Render a JSON-shaped value: strings are templates; a string that is exactly one
    ``{{ expression }}`` keeps the expression's native type (a number stays a number).
    All templates inside ``value`` share one budget of time and size."""
    if isinstance(value, str) and not is_template(value):
        return value
    with limits.budget():
        return _render_value(value, context)


def _render_value(value: Any, context: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        if not is_template(value):
            return value
        m = _SINGLE_EXPR.match(value)
        if m and "{{" not in m.group("expr") and "{%" not in value:
            expr = m.group("expr").strip()
            found = _path_value(expr, context)
            if found is not _MISSING:
                return _plain(found)
            try:
                return _plain(_compile_expr(expr)(**context))
            except Exception as exc:  # noqa: BLE001
                raise _explain(exc, value, context) from exc
        return render_text(value, context)
    if isinstance(value, list):
        return [_render_value(v, context) for v in value]
    if isinstance(value, dict):
        return {k: _render_value(v, context) for k, v in value.items()}
    return value


def _path_value(expr: str, context: Mapping[str, Any]) -> Any:
    """The value of a plain dotted path when every step is a key of a dict, else ``_MISSING``
    (then Jinja evaluates it, and says in words what is missing). Same answer as Jinja's."""
    if not _PATH.match(expr):
        return _MISSING
    value: Any = context
    for part in expr.split("."):
        if not isinstance(value, dict) or part in _DICT_ATTRS or part not in value:
            return _MISSING
        value = value[part]
    return value


def _plain(value: Any) -> Any:
    """Make a rendered value JSON-shaped (sandbox proxies and tuples become plain types)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    from jinja2 import Undefined  # a value that is none of those came from Jinja: it is loaded

    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return str(value)


def referenced_paths(source: str) -> set[str]:
    """Dotted data paths a template reads (``steps.check_stock.output``), for checks and
    autocompletion."""
    env = environment()
    from jinja2 import TemplateSyntaxError, nodes  # loaded with the environment

    try:
        tree = env.parse(source)
    except (TemplateSyntaxError, RecursionError, MemoryError):
        return set()
    paths: set[str] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        parts = []
        cur = node
        while isinstance(cur, nodes.Getattr):
            parts.append(cur.attr)
            cur = cur.node
        if isinstance(cur, nodes.Name):
            parts.append(cur.name)
            paths.add(".".join(reversed(parts)))
    # keep only the longest paths
    return {p for p in paths if not any(o != p and o.startswith(p + ".") for o in paths)}


def templates_in(value: Any) -> list[str]:
    """All template strings inside a JSON-shaped value, in order (without recursion: a value
    may be nested deeper than Python's stack)."""
    found: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if is_template(v):
                found.append(v)
        elif isinstance(v, list):
            stack.extend(reversed(v))
        elif isinstance(v, dict):
            stack.extend(reversed(list(v.values())))
    return found
