"""Sandboxed Jinja2 templates between steps: ``{{ trigger.order.id }}``,
``{{ steps.check_stock.output.available }}``.

The environment is Jinja2's immutable sandbox with no globals: templates see only the data they
are given. Reaching for Python internals (``''.__class__``, ``cycler.__init__.__globals__``) fails
with a ``TemplateError`` in words. What a template may cost (time, size, loop rounds) is limited
by ``template_limits``: the environment checks every operator, call, filter, loop and join.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import lru_cache, update_wrapper, wraps
from types import BuiltinMethodType, MethodType
from typing import Any

from jinja2 import (
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
    nodes,
)
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import _PassArg
from markupsafe import EscapeFormatter, Markup

from app.core import template_limits as limits
from app.core.errors import TemplateError

_SINGLE_EXPR = re.compile(r"^\s*\{\{(?P<expr>.*?)\}\}\s*$", re.S)
# ``trigger.order.number``: a plain path through dicts, looked up without running Jinja.
_PATH = re.compile(r"^[A-Za-z]\w*(?:\.[A-Za-z]\w*)*$")
_DICT_ATTRS = frozenset(dir(dict))  # ``x.items`` means the method to Jinja: leave it to Jinja
# Keys that ``data.<key>`` cannot reach: Jinja finds the dict's method (``steps.items``) first.
DATA_METHOD_NAMES = frozenset(n for n in _DICT_ATTRS if not n.startswith("_"))
_MISSING = object()


class _Generator(CodeGenerator):
    """Compiles every ``{% for %}`` to iterate through ``limits.loop_rounds`` and every ``~``
    to join through ``limits.join``: the two ways a template works or grows without calling
    anything the environment sees."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in list(node.find_all(nodes.For)):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("loop_rounds"),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.lineno,
            )
        super().visit_Template(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile or frame.eval_ctx.autoescape:
            super().visit_Concat(node, frame)
            return
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Formatter(SandboxedFormatter):
    """``'{:>999999999}'.format(1)``: each field's padding is counted before it is made."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        limits.charge(limits.format_spec_size(format_spec))
        return super().format_field(value, format_spec)


class _EscapeFormatter(_Formatter, EscapeFormatter):
    pass


class _Env(ImmutableSandboxedEnvironment):
    code_generator_class = _Generator
    # every arithmetic operator goes through call_binop (and is never folded at compile time)
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    loop_rounds = staticmethod(limits.loop_rounds)
    concat = staticmethod(limits.join)  # rendered output, {% set %} blocks, macros, ``~``

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return limits.checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if isinstance(__obj, LoopContext) and len(args) == 1:
            args = (limits.loop_rounds(args[0]),)  # the next level of a recursive loop
        args = limits.check_method_call(__obj, args, kwargs)
        return limits.checked(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # Jinja's own version, with a formatter that counts each field's padding
        if not isinstance(value, MethodType | BuiltinMethodType) or value.__name__ not in (
            "format",
            "format_map",
        ):
            return None
        text = value.__self__
        if not isinstance(text, str):
            return None
        formatter = (
            _EscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else _Formatter(self)
        )
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs, args = args[0], ()
            return type(text)(formatter.vformat(text, args, kwargs))

        return update_wrapper(wrapper, value)


def _limited(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A built-in filter that checks its arguments before it runs and counts what it made."""
    skip = 0 if _PassArg.from_obj(func) is None else 1  # the context/environment Jinja passes

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        args = (*args[:skip], *limits.check_filter(name, args[skip:], kwargs))
        return limits.checked(func(*args, **kwargs))

    return run


def _tojson(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


@lru_cache(maxsize=1)
def environment() -> _Env:
    env = _Env(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.filters["tojson"] = _tojson
    env.filters = {name: _limited(name, func) for name, func in env.filters.items()}
    return env


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


def _explain(exc: BaseException, source: str) -> TemplateError:
    where = f"The template “{_quoted(source)}”"
    if isinstance(exc, limits.LimitExceeded):
        return TemplateError(
            f"{where} {exc}. Change the template so it does less (or check the "
            "order data it uses), then retry the step."
        )
    if isinstance(exc, OverflowError):
        return TemplateError(
            f"{where} {limits.TOO_BIG_NUMBER}. Change the template, then retry the step."
        )
    if isinstance(exc, RecursionError | MemoryError):
        return TemplateError(
            f"{where} is nested too deeply or made too much to handle. Simplify "
            "it, then retry the step."
        )
    if isinstance(exc, SecurityError):
        return TemplateError(
            f"{where} tries to reach something templates "
            "may not use (only order and step data are available)."
        )
    if isinstance(exc, UndefinedError):
        return TemplateError(f"{where} refers to data that is not there: {exc.message}.")
    if isinstance(exc, TemplateSyntaxError):
        return TemplateError(f"{where} has a syntax error: {exc.message} (line {exc.lineno}).")
    return TemplateError(f"{where} failed: {exc}.")


def check_syntax(source: str) -> str | None:
    """An operator-readable message if ``source`` does not parse, else None."""
    try:
        environment().parse(source)
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
            raise _explain(exc, source) from exc


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
                raise _explain(exc, value) from exc
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
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return str(value)


def referenced_paths(source: str) -> set[str]:
    """Dotted data paths a template reads (``steps.check_stock.output``), for checks and
    autocompletion."""
    try:
        tree = environment().parse(source)
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
