"""What the operator typed on the command line, checked before any verb runs: numbers in range,
JSON arguments (inline or ``@file``), names, and text that is real text. Also strict JSON output
and the one sentence for an operating-system or database refusal.

Every check raises :class:`CliError` (or ``argparse.ArgumentTypeError`` inside the parser) with
one sentence; nothing here prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.errors import DaloyError
from app.core.i18n import translate

MAX_JSON_DEPTH = 64  # deeper than any order; stops recursion blowing up later steps
MAX_JSON_BYTES = 20_000_000  # a trigger or output bigger than this is not an order


class CliError(DaloyError):
    pass


def shown(text: str, limit: int = 60) -> str:
    """The operator's text as it can be shown in one line: control characters escaped, long
    text cut."""
    out = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return out if len(out) <= limit else out[:limit] + "…"


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number between ``low`` and ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip()) if text.strip().isascii() else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"it must be a whole number from {low} to {high}, not “{shown(text)}”"
            )
        return value

    return parse


def bounded_float(low: float, high: float) -> Callable[[str], float]:
    """An argparse ``type`` for a number of seconds between ``low`` and ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text) if text.strip().isascii() else math.nan
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(
                f"it must be a number from {low:g} to {high:g}, not “{shown(text)}”"
            )
        return value

    return parse


def bad_text_argument(argv: list[str]) -> str | None:
    """The first argument that is not valid text (a byte the terminal could not decode shows up
    as a lone surrogate), as a sentence; None when all are fine."""
    for i, arg in enumerate(argv, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            text = shown(arg.encode("utf-8", "replace").decode("utf-8"))
            return (
                f"Argument {i} (“{text}”) is not valid text (UTF-8); retype it or set your "
                "terminal to UTF-8."
            )
        if "\0" in arg:
            return f"Argument {i} contains a NUL character; retype it."
    return None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _check_value(value: Any, what: str) -> None:
    """Refuse nesting deeper than MAX_JSON_DEPTH and numbers too big to be numbers (1e999 reads
    as infinity), without recursion (the value may be nested very deep)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise CliError(_too_deep(what))
        if isinstance(node, float) and not math.isfinite(node):
            raise CliError(
                translate(
                    "Cli", "The {what} holds a number too large to store; write it as text."
                ).format(what=what)
            )
        if isinstance(node, dict):
            stack += [(v, depth + 1) for v in node.values()]
        elif isinstance(node, list):
            stack += [(v, depth + 1) for v in node]


def _too_deep(what: str) -> str:
    return translate(
        "Cli", "The {what} is nested too deeply; Daloy accepts at most {levels} levels."
    ).format(what=what, levels=MAX_JSON_DEPTH)


def load_json_text(text: str | bytes, what: str) -> Any:
    """Strict JSON (no NaN or Infinity), at most MAX_JSON_DEPTH deep, or one sentence."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CliError(
                translate(
                    "Cli", "The {what} is not text (byte {byte} is not UTF-8); give a JSON file."
                ).format(what=what, byte=exc.start)
            ) from exc
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except RecursionError as exc:
        raise CliError(_too_deep(what)) from exc
    except ValueError as exc:
        raise CliError(
            translate("Cli", "The {what} is not valid JSON: {problem}.").format(
                what=what, problem=exc
            )
        ) from exc
    _check_value(value, what)
    return value


def read_file_arg(path: str, what: str) -> bytes:
    try:
        p = Path(path)
        if p.is_dir():
            raise CliError(
                translate("Cli", "{path} is a folder; give the {what} file.").format(
                    path=path, what=what
                )
            )
        if p.exists() and p.stat().st_size > MAX_JSON_BYTES:
            raise CliError(
                translate("Cli", "The {what} file {path} is larger than {size} MB.").format(
                    what=what, path=path, size=MAX_JSON_BYTES // 1_000_000
                )
            )
        return p.read_bytes()
    except OSError as exc:
        raise CliError(
            translate("Cli", "Cannot read the {what} file {path}: {problem}.").format(
                what=what, path=path, problem=exc.strerror or exc
            )
        ) from exc


def parse_json_arg(value: str | None, what: str) -> Any:
    """``--input '{"a": 1}'`` or ``--input @file.json``."""
    if value is None:
        return None
    if value.startswith("@"):
        return load_json_text(read_file_arg(value[1:], what), what)
    return load_json_text(value, what)


def strict(value: Any) -> Any:
    """``value`` with every float that JSON cannot hold (NaN, ±Infinity) written as text, so
    ``--json`` output is always strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {str(k): strict(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strict(v) for v in value]
    return value


def read_workflow_file(path: str):  # noqa: ANN201 - app.core.model.Workflow
    """The workflow in a JSON file named on the command line (or a bundled sample)."""
    from app.core.model import Workflow

    return Workflow.from_dict(load_json_text(read_file_arg(path, "workflow"), "workflow file"))


def out_json(value: Any) -> None:
    value = strict(value)
    text = json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False, default=str)
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:  # a terminal that is not UTF-8, or stored broken text
        sys.stdout.write(json.dumps(value, indent=2, allow_nan=False, default=str) + "\n")
