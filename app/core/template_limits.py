"""What one template may cost: time, size of the texts, lists and numbers it makes, loop length.

Jinja2's sandbox keeps templates away from Python internals, but not from work: one
``{{ 9**(9**9) }}`` is a single C call that holds the interpreter for minutes (deaf to SIGTERM),
and ``{{ qty * price }}`` with a text quantity makes a text of any size. So every operation that
can make something big is measured *before* it runs, and everything a rendering makes is counted
against a budget kept per rendering on the rendering thread (steps render on worker threads).

A limit reached raises ``LimitExceeded`` with the end of a sentence; ``templates`` turns it into a
``TemplateError`` naming the template. Pure logic, no I/O.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import BuiltinMethodType
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, said

MAX_SECONDS = 2.0
MAX_TEXT = 5_000_000  # characters (or list items) of one value a template makes
MAX_MADE = 25_000_000  # characters/items all values of one rendering make together
MAX_INT_BITS = 4_000  # about 1,200 digits: far beyond any price, quantity or phone number
MAX_LOOP = 100_000  # loop rounds in one rendering, all loops together

# The ends of sentences about a template, said so that a step's error shows them translated.
TOO_SLOW = said(
    QT_TRANSLATE_NOOP("Steps", "took longer than {seconds} seconds, so it was stopped"),
    seconds=f"{MAX_SECONDS:g}",
)
TOO_BIG_NUMBER = said(QT_TRANSLATE_NOOP("Steps", "made a number too large to handle"))
NOT_A_NUMBER = said(QT_TRANSLATE_NOOP("Steps", "made a number that is infinite or not a number"))
TOO_LONG = said(
    QT_TRANSLATE_NOOP("Steps", "would make a text or list longer than {count} characters"),
    count=f"{MAX_TEXT:,}",
)
TOO_MUCH = said(
    QT_TRANSLATE_NOOP("Steps", "made more than {count} characters of text and lists in all"),
    count=f"{MAX_MADE:,}",
)
TOO_MANY_ROUNDS = said(
    QT_TRANSLATE_NOOP("Steps", "repeated its loops more than {count} times"),
    count=f"{MAX_LOOP:,}",
)
NO_SUM_OF_TEXTS = said(
    QT_TRANSLATE_NOOP(
        "Steps", "used “sum” on texts or lists (it adds numbers only; use “join” for texts)"
    )
)


class LimitExceeded(Exception):
    """A template went over a limit; ``str()`` is the end of a sentence about the template."""


@dataclass
class _Budget:
    deadline: float
    made: int = 0
    rounds: int = 0


_local = threading.local()


def _current() -> _Budget | None:
    return getattr(_local, "budget", None)


class budget:  # noqa: N801 - used like a function: ``with budget():``
    """One rendering's budget on this thread; nested renderings share the outermost one, so a
    step's settings together get ``MAX_SECONDS``, not each of their templates. A plain class,
    not a generator context manager: it wraps every rendering, the plain-path ones too."""

    __slots__ = ("_outermost",)

    def __enter__(self) -> None:
        self._outermost = getattr(_local, "budget", None) is None
        if self._outermost:
            _local.budget = _Budget(time.monotonic() + MAX_SECONDS)

    def __exit__(self, *_exc: object) -> None:
        if self._outermost:
            _local.budget = None


def tick() -> None:
    b = _current()
    if b is not None and time.monotonic() > b.deadline:
        raise LimitExceeded(TOO_SLOW)


def charge(size: int) -> None:
    """Count ``size`` characters or items about to be made (or just made)."""
    if size > MAX_TEXT:
        raise LimitExceeded(TOO_LONG)
    b = _current()
    if b is not None:
        b.made += size
        if b.made > MAX_MADE:
            raise LimitExceeded(TOO_MUCH)
        if time.monotonic() > b.deadline:
            raise LimitExceeded(TOO_SLOW)


def checked(value: Any) -> Any:
    """``value``, after counting it: numbers within size, texts and lists within the budget."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise LimitExceeded(TOO_BIG_NUMBER)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise LimitExceeded(NOT_A_NUMBER if math.isnan(value) else TOO_BIG_NUMBER)
    elif isinstance(value, str | bytes | list | tuple | dict | set):
        charge(len(value))
    else:
        tick()
    return value


def loop_rounds(iterable: Iterable[Any]) -> Iterator[Any]:
    """Every ``{% for %}`` iterates through this: it counts rounds and watches the clock."""
    for item in iterable:
        b = _current()
        if b is not None:
            b.rounds += 1
            if b.rounds > MAX_LOOP:
                raise LimitExceeded(TOO_MANY_ROUNDS)
            if time.monotonic() > b.deadline:
                raise LimitExceeded(TOO_SLOW)
        yield item


def join(parts: Iterable[Any]) -> str:
    """``"".join`` that counts as it goes: rendered output, ``{% set %}`` blocks, macros, ``~``."""
    out: list[str] = []
    size = 0
    for part in parts:
        text = part if isinstance(part, str) else str(part)
        size += len(text)
        if size > MAX_TEXT:
            raise LimitExceeded(TOO_LONG)
        tick()
        out.append(text)
    charge(size)
    return "".join(out)


# -- estimates made before an operation runs ---------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _sized(value: Any) -> bool:
    return isinstance(value, str | bytes | list | tuple)


def check_binop(op: str, left: Any, right: Any) -> None:
    """Refuse ``left op right`` when its result would be too big, before computing it."""
    tick()
    if op == "**" and _is_int(left) and _is_int(right) and right > 0:
        # bits of left**right ≈ right × log2|left|; 0, 1 and -1 stay small whatever the power
        if abs(left) > 1 and right * (abs(left).bit_length() - 1) > MAX_INT_BITS:
            raise LimitExceeded(TOO_BIG_NUMBER)
    elif op == "*":
        if _sized(left) and _is_int(right):
            charge(len(left) * max(right, 0))
        elif _sized(right) and _is_int(left):
            charge(len(right) * max(left, 0))
        elif (
            _is_int(left)
            and _is_int(right)
            and (left.bit_length() + right.bit_length() > MAX_INT_BITS + 1)
        ):
            raise LimitExceeded(TOO_BIG_NUMBER)
    elif op == "+" and _sized(left) and _sized(right):
        charge(len(left) + len(right))
    elif op == "%" and isinstance(left, str):
        charge(printf_size(left, right))


# ``%-08.3f``, ``%(name)s``, ``%*d``: the width and precision are what can make a text huge.
_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")


def _number(digits: str) -> int:
    # a width of 10 or more digits is over every limit; do not even convert it
    return int(digits) if digits and len(digits) < 10 else (MAX_TEXT + 1 if digits else 0)


def printf_size(fmt: str, args: Any) -> int:
    """An upper bound of the length of ``fmt % args``."""
    size = len(fmt)
    values = (
        list(args.values())
        if isinstance(args, Mapping)
        else (list(args) if isinstance(args, tuple) else [args])
    )
    for m in _PRINTF.finditer(fmt):
        for digits in m.groups():
            if digits == "*":
                size += sum(abs(v) for v in values if _is_int(v))
            else:
                size += _number(digits or "")
    size += sum(len(v) for v in values if _sized(v))
    return size


def format_spec_size(spec: str) -> int:
    """An upper bound of the padding a ``str.format`` field spec (``>20``, ``.3f``) adds."""
    return sum(_number(d) for d in re.findall(r"\d+", spec))


def replace_size(text: Any, old: Any, new: Any, count: Any = -1) -> int:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return 0
    n = text.count(old) if old else len(text) + 1
    if _is_int(count) and count >= 0:
        n = min(n, count)
    return len(text) + n * max(0, len(new) - len(old))


def join_size(separator: Any, items: list[Any]) -> int:
    sep = len(separator) if isinstance(separator, str) else 0
    return sum(len(x) if isinstance(x, str) else len(str(x)) for x in items) + sep * len(items)


def _width(text: Any, width: Any) -> int:
    return max(len(text) if _sized(text) else 0, width if _is_int(width) else 0)


def _indent(s: Any, width: Any = 4, *_a: Any, **_k: Any) -> int:
    text = s if isinstance(s, str) else ""
    pad = width if _is_int(width) else (len(width) if isinstance(width, str) else 0)
    return len(text) + (text.count("\n") + 1) * pad


def _wordwrap(
    s: Any,
    width: Any = 79,
    break_long_words: Any = True,
    wrapstring: Any = None,
    *_a: Any,
    **_k: Any,
) -> int:
    text = s if isinstance(s, str) else ""
    wrap = len(wrapstring) if isinstance(wrapstring, str) else 1
    lines = len(text) // max(width if _is_int(width) else 79, 1) + text.count(" ") + 1
    return len(text) + lines * wrap + text.count("\n")


def _no_text_sum(iterable: Any, attribute: Any = None, start: Any = 0) -> int:
    if not isinstance(start, int | float):
        raise LimitExceeded(NO_SUM_OF_TEXTS)
    return 0


# Filters that can make much more than they are given: the size their result may reach, from the
# filter's own arguments (the environment/context Jinja passes first is already removed).
FILTER_SIZES: dict[str, Callable[..., int]] = {
    "center": lambda value, width=80, *a, **k: _width(value, width),
    "indent": _indent,
    "format": lambda value, *args, **kwargs: printf_size(
        value if isinstance(value, str) else str(value), kwargs or args
    ),
    "replace": lambda s, old="", new="", count=None, *a, **k: replace_size(
        s, old, new, -1 if count is None else count
    ),
    "wordwrap": _wordwrap,
    "batch": lambda value, linecount=1, *a, **k: linecount if _is_int(linecount) else 0,
    "slice": lambda value, slices=1, *a, **k: slices if _is_int(slices) else 0,
    "sum": _no_text_sum,
}

# Methods of built-in values whose size comes from an argument.
_METHOD_SIZES: dict[str, Callable[..., int]] = {
    "center": lambda s, width=0, *a: _width(s, width),
    "ljust": lambda s, width=0, *a: _width(s, width),
    "rjust": lambda s, width=0, *a: _width(s, width),
    "zfill": lambda s, width=0, *a: _width(s, width),
    "expandtabs": lambda s, tabsize=8: (
        len(s) + s.count("\t") * tabsize if isinstance(s, str) and _is_int(tabsize) else 0
    ),
    "replace": lambda s, old="", new="", count=-1: replace_size(s, old, new, count),
}


def _estimate(size_of: Callable[..., int], args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    try:
        return size_of(*args, **kwargs)
    except (TypeError, ValueError, AttributeError):
        return 0  # arguments the operation itself refuses: let it say so in its own words


def check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a filter whose result would be too big. Returns the arguments to call it with
    (what ``join`` joins is read once, here, to measure it)."""
    tick()
    if name == "join" and args:
        try:
            items = list(args[0])
        except TypeError:
            return args
        sep = args[1] if len(args) > 1 else kwargs.get("d", "")
        charge(join_size(sep, items))
        return (items, *args[1:])
    if name in FILTER_SIZES:
        charge(_estimate(FILTER_SIZES[name], args, kwargs))
    return args


def check_method_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a method of a built-in value (``'x'.center(10**9)``,
    ``', '.join(...)``, ``(1).to_bytes(10**9)``) whose result would be too big. Returns the
    arguments to call with (an iterable given to ``join`` is read once, here)."""
    tick()
    if not isinstance(obj, BuiltinMethodType):
        return args
    owner, name = getattr(obj, "__self__", None), obj.__name__
    if name == "join" and isinstance(owner, str | bytes) and len(args) == 1:
        items = list(args[0])
        charge(join_size(owner, items))
        return (items,)
    if name in _METHOD_SIZES and isinstance(owner, str | bytes):
        charge(_estimate(_METHOD_SIZES[name], (owner, *args), kwargs))
    elif any(_is_int(a) and a > MAX_TEXT for a in (*args, *kwargs.values())):
        # no method of a text, list or number needs a count this large; many allocate it
        raise LimitExceeded(TOO_LONG)
    return args
