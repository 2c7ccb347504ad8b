"""What every ``daloy`` verb module shares: the :class:`Env` a verb works in, the parser that
says a usage error in one line, and the small output helpers.

The verb modules (``app/cli_*.py``) import from here, never from ``app.cli`` (the entry point,
which imports them all).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import NoReturn

from app.cli_args import CliError, out_json, parse_json_arg, read_workflow_file
from app.core.i18n import translate
from app.host import Host

__all__ = [
    "CliError",
    "Env",
    "EXIT_USAGE",
    "out_json",
    "parse_json_arg",
    "read_workflow_file",
    "one_line",
    "problems_in_words",
    "when",
    "_Parser",
]
EXIT_USAGE = 2


class Env(Host):
    """What every verb needs: the data folder named by ``--data-dir`` and, opened on first use,
    the database, the step registry, the run store and the operator actions (see ``Host``)."""

    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(getattr(args, "data_dir", None), getattr(args, "database_url", None))
        self.args = args


def when(ts: float | None) -> str:
    try:
        return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else "-"
    except (ValueError, OverflowError, OSError, TypeError):  # a damaged stored time
        return "?"


def problems_in_words(n: int) -> str:
    """How many problems, in the reader's language ("1 problem", "3 problems")."""
    if n == 1:
        return translate("Cli", "1 problem")
    return translate("Cli", "{count} problems").format(count=n)


def one_line(text: str) -> str:
    return " ".join(text.split())


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one clear line, exit 2
        self.exit(
            EXIT_USAGE,
            translate("Cli", "daloy: {problem} (see: {command} --help)").format(
                problem=one_line(message), command=self.prog
            )
            + "\n",
        )
