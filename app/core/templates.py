"""Sandboxed Jinja2 templates between steps: ``{{ trigger.order.id }}``,
``{{ steps.check_stock.output.available }}``.

The environment is Jinja2's immutable sandbox with no globals: templates see only the data they
are given. Reaching for Python internals (``''.__class__``, ``cycler.__init__.__globals__``) fails
with a ``TemplateError`` in words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.errors import TemplateError

_SINGLE_EXPR = re.compile(r"^\s*\{\{(?P<expr>.*?)\}\}\s*$", re.S)
# ``trigger.order.number``: a plain path through dicts, looked up without running Jinja.
_PATH = re.compile(r"^[A-Za-z]\w*(?:\.[A-Za-z]\w*)*$")
_DICT_ATTRS = frozenset(dir(dict))      # ``x.items`` means the method to Jinja: leave it to Jinja
_MISSING = object()


class _Env(ImmutableSandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        return super().is_safe_attribute(obj, attr, value)


def _tojson(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


@lru_cache(maxsize=1)
def environment() -> _Env:
    env = _Env(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.filters["tojson"] = _tojson
    return env


@lru_cache(maxsize=2048)
def _compile(source: str):
    return environment().from_string(source)


@lru_cache(maxsize=2048)
def _compile_expr(expr: str):
    return environment().compile_expression(expr, undefined_to_none=False)


def is_template(text: str) -> bool:
    return "{{" in text or "{%" in text


def _explain(exc: Exception, source: str) -> TemplateError:
    if isinstance(exc, SecurityError):
        return TemplateError(f"The template “{source.strip()}” tries to reach something templates "
                             "may not use (only order and step data are available).")
    if isinstance(exc, UndefinedError):
        return TemplateError(f"The template “{source.strip()}” refers to data that is not there: "
                             f"{exc.message}.")
    if isinstance(exc, TemplateSyntaxError):
        return TemplateError(f"The template “{source.strip()}” has a syntax error: {exc.message} "
                             f"(line {exc.lineno}).")
    return TemplateError(f"The template “{source.strip()}” failed: {exc}.")


def check_syntax(source: str) -> str | None:
    """An operator-readable message if ``source`` does not parse, else None."""
    try:
        environment().parse(source)
    except TemplateSyntaxError as exc:
        return str(_explain(exc, source))
    return None


def render_text(source: str, context: Mapping[str, Any]) -> str:
    """Render a template to text."""
    if not is_template(source):
        return source
    try:
        return _compile(source).render(**context)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a TemplateError in words
        raise _explain(exc, source) from exc


def render_value(value: Any, context: Mapping[str, Any]) -> Any:
    """Render a JSON-shaped value: strings are templates; a string that is exactly one
    ``{{ expression }}`` keeps the expression's native type (a number stays a number)."""
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
                raise _explain(exc, value) from exc
        return render_text(value, context)
    if isinstance(value, list):
        return [render_value(v, context) for v in value]
    if isinstance(value, dict):
        return {k: render_value(v, context) for k, v in value.items()}
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
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return str(value)


def referenced_paths(source: str) -> set[str]:
    """Dotted data paths a template reads (``steps.check_stock.output``), for checks and
    autocompletion."""
    try:
        tree = environment().parse(source)
    except TemplateSyntaxError:
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
    """All template strings inside a JSON-shaped value."""
    if isinstance(value, str):
        return [value] if is_template(value) else []
    if isinstance(value, list):
        return [t for v in value for t in templates_in(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in templates_in(v)]
    return []
