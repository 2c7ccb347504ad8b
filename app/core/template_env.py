"""The sandboxed Jinja2 environment behind ``app.core.templates``, in a module of its own so
that Jinja2 (about 2 MB resident) loads when the first template is rendered or checked, not when
the engine starts: an idle runner never needs it.

Jinja2's immutable sandbox with no globals; what a template may cost is limited by
``template_limits``: the environment checks every operator, call, filter, loop and join.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import update_wrapper, wraps
from types import BuiltinMethodType, MethodType
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import _PassArg
from markupsafe import EscapeFormatter, Markup

from app.core import template_limits as limits


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


class Env(ImmutableSandboxedEnvironment):
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


def new_environment() -> Env:
    env = Env(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.filters["tojson"] = _tojson
    env.filters = {name: _limited(name, func) for name, func in env.filters.items()}
    return env
