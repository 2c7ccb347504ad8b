"""The ``daloy`` command: the desktop app with no arguments, the headless runner, and a verb for
everything an operator can do in the GUI that scripts also need.

Bad arguments and bad files give one clear line on stderr and a non-zero exit, never a traceback.
Each verb group lives in a ``register(subparsers)`` function; the GUI is imported only when used.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.cli_args import bounded_float, bounded_int
from app.cli_common import (
    EXIT_USAGE,
    CliError,
    Env,
    _Parser,
    one_line,
    out_json,
    parse_json_arg,
    read_workflow_file,
    when,
)
from app.core.errors import DaloyError
from app.core.i18n import translate
from app.host import build_runtime, localize_sample, seed_samples

# The app is assembled in app.host; these names stay importable from here for scripts and tests.
__all__ = [
    "CliError",
    "Env",
    "build_runtime",
    "localize_sample",
    "main",
    "out_json",
    "parse_json_arg",
    "read_workflow_file",
    "seed_samples",
    "when",
]
EXIT_ERROR = 1
log = logging.getLogger("daloy.cli")


def cmd_runner(env: Env, args: argparse.Namespace) -> int:
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    from app.logsetup import configure
    from app.secrets import check_backend

    configure(env.data_dir, args.verbose)
    keyring_ok, keyring_message = check_backend()
    if not keyring_ok:
        print(
            translate("Cli", "daloy: warning: {message}").format(message=keyring_message),
            file=sys.stderr,
            flush=True,
        )
    seeded = seed_samples(env)
    runtime = build_runtime(env, args.workers)
    runtime.start()
    where = env.data_dir.as_posix() if env.db.is_sqlite else env.db.url
    if seeded:
        working = translate(
            "Cli", "Daloy runner {version} working on {where} (sample workflows: {samples})"
        )
    else:
        working = translate("Cli", "Daloy runner {version} working on {where}")
    print(working.format(version=__version__, where=where, samples=", ".join(seeded)), flush=True)
    deadline = time.monotonic() + args.quit_after if args.quit_after else None
    while not stop.is_set():
        if deadline and time.monotonic() >= deadline:
            break
        stop.wait(0.2)
    # Steps still running after the grace period are handed back and their workers stop
    # waiting, so the process ends now, not when a hanging call returns.
    runtime.shutdown(grace=args.grace)
    env.db.close()  # leases given back, the log checkpointed: nothing more is written
    print(translate("Cli", "Daloy runner stopped."), flush=True)
    return 0


def _no_screen() -> bool:
    import os

    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def cmd_gui(env: Env, args: argparse.Namespace) -> int:
    if _no_screen():
        print(
            translate(
                "Cli",
                "No screen here (no DISPLAY): starting the headless runner instead. Use "
                "`xvfb-run -a daloy` for the window on a virtual screen.",
            ),
            file=sys.stderr,
        )
        args.workers, args.grace = 4, 10.0
        return cmd_runner(env, args)
    try:
        from app.ui.main import run_gui
    except ImportError as exc:
        if "app.ui" not in str(exc) and "PySide6" not in str(exc):
            raise
        print(
            translate(
                "Cli",
                "The desktop window is not available in this build; starting the headless runner.",
            ),
            file=sys.stderr,
        )
        args.workers, args.grace = 4, 10.0
        return cmd_runner(env, args)
    return run_gui(env, args)


# -- runs ------------------------------------------------------------------------------------------
def cmd_run_start(env: Env, args: argparse.Namespace) -> int:
    from app.runtime.presence import runner_running
    from app.store import workflows

    trigger = parse_json_arg(args.input, "input")
    with env.db.read() as s:
        row = workflows.get_row(s, args.workflow)
        draft = workflows.current_version(s, row).has_errors
    if row.archived:
        raise CliError(
            translate("Cli", "The workflow “{name}” is archived and takes no orders.").format(
                name=args.workflow
            )
        )
    if draft:
        raise CliError(
            translate(
                "Cli",
                "The workflow “{name}” was saved with problems (a draft); check it with "
                "`daloy workflow validate`, fix it and import it again.",
            ).format(name=args.workflow)
        )
    if not row.enabled:
        raise CliError(
            translate(
                "Cli",
                "The workflow “{name}” is switched off; switch it on first "
                "(daloy workflow enable NAME).",
            ).format(name=args.workflow)
        )
    run_id = env.store.start_run(
        args.workflow, trigger if trigger is not None else {}, practice=args.practice
    )
    print(run_id, flush=True)
    if not runner_running(env.data_dir):
        print(
            translate(
                "Cli", "Run {run} started; it will run when Daloy or `daloy runner` is running."
            ).format(run=run_id),
            file=sys.stderr,
        )
    return 0


def _check_status(status: str | None) -> None:
    from app.core.machine import RUN_STATES

    if status and status not in RUN_STATES:
        raise CliError(
            translate("Cli", "Unknown status “{status}”; use one of: {states}.").format(
                status=status, states=", ".join(RUN_STATES)
            )
        )


def cmd_runs_list(env: Env, args: argparse.Namespace) -> int:
    from app.store.queries import list_runs, run_dict

    _check_status(args.status)
    with env.db.read() as s:
        runs = [
            run_dict(r)
            for r in list_runs(
                s,
                status=args.status,
                workflow=args.workflow,
                business_key=args.key,
                limit=args.limit,
                search=args.search,
            )
        ]
    if args.json:
        out_json(runs)
    elif not runs:
        print(translate("Cli", "No runs match."))
    else:
        for r in runs:
            print(
                f"{r['id']}  {r['status']:<16} {r['workflow']:<24} "
                f"{r['business_key'] or '-':<20} {when(r['created_at'])}"
            )
    return 0


def cmd_runs_export(env: Env, args: argparse.Namespace) -> int:
    """``daloy runs export``: the orders ``runs list`` would show, all of them, to a file."""
    from app.store.export import export_orders

    _check_status(args.status)
    try:
        n = export_orders(
            env.db,
            args.output,
            args.format,
            status=args.status,
            workflow=args.workflow,
            business_key=args.key,
            search=args.search,
        )
    except OSError as exc:
        raise CliError(
            translate(
                "Cli", "Could not write {file}: {problem}. Choose another file or folder."
            ).format(file=args.output, problem=exc.strerror or exc)
        ) from exc
    if n == 1:
        exported = translate("Cli", "Exported 1 order to {file}.")
    else:
        exported = translate("Cli", "Exported {count} orders to {file}.")
    print(exported.format(count=n, file=args.output))
    return 0


def cmd_runs_show(env: Env, args: argparse.Namespace) -> int:
    from app.store.queries import run_detail

    try:
        with env.db.read() as s:
            d = run_detail(s, args.run_id)
    except (ValueError, RecursionError, DaloyError) as exc:  # a stored value is not JSON
        to_log(env, f"run {args.run_id} cannot be read", exc)
        raise CliError(
            translate(
                "Cli",
                "The stored record of run {run} is damaged (a saved value is not valid "
                "JSON), so it cannot be shown; nothing was changed. `daloy runs list` still "
                "lists it; restore the database from a backup to see its details.",
            ).format(run=args.run_id)
        ) from exc
    if d is None:
        from app.store.retention import find_archived

        d = find_archived(env.data_dir, args.run_id)  # archived by the clean-up
    if d is None:
        raise CliError(translate("Cli", "There is no run with id {run}.").format(run=args.run_id))

    if args.json:
        out_json(d)
        return 0
    from app.store.retention import describe

    print("\n".join(describe(d)))
    return 0


# -- parser ------------------------------------------------------------------------------------------
Handler = Callable[[Env, argparse.Namespace], int]


SECONDS = bounded_float(0, 7 * 24 * 3600)


def _register_core(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("runner", help="run workflows without a window (servers, tests)")
    p.add_argument(
        "--workers", type=bounded_int(1, 64), default=4, help="steps run at the same time (1 to 64)"
    )
    p.add_argument("--quit-after", type=SECONDS, default=None, metavar="SECONDS")
    p.add_argument(
        "--grace",
        type=SECONDS,
        default=10.0,
        metavar="SECONDS",
        help="how long running steps may finish on shutdown",
    )
    p.set_defaults(handler=cmd_runner)

    run = sub.add_parser("run", help="start a run")
    rsub = run.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = rsub.add_parser("start", help="start a run of WORKFLOW; prints the run id")
    p.add_argument("workflow")
    p.add_argument("--input", metavar="JSON|@FILE", help="the trigger data (an order)")
    p.add_argument(
        "--practice",
        action="store_true",
        help="steps with outside effects record what they would do instead",
    )
    p.set_defaults(handler=cmd_run_start)

    runs = sub.add_parser("runs", help="list and show runs")
    rsub = runs.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = rsub.add_parser("list", help="list runs, newest first")
    p.add_argument("--status")
    p.add_argument("--workflow")
    p.add_argument("--key", help="find by business key (order number)")
    p.add_argument(
        "--search",
        metavar="TEXT",
        help="find by anything the order carries: "
        "customer, email, phone, SKU or product, amount, text of the email",
    )
    p.add_argument("--limit", type=bounded_int(1, 100_000), default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_runs_list)
    p = rsub.add_parser("export", help="save the runs that match to a CSV or Excel file")
    p.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        default=None,
        help="default: from the file name's ending",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--status")
    p.add_argument("--workflow")
    p.add_argument("--key", help="find by business key (order number)")
    p.add_argument("--search", metavar="TEXT", help="as for `runs list`")
    p.set_defaults(handler=cmd_runs_export)
    p = rsub.add_parser("show", help="one run with its steps, attempts and inbox entries")
    p.add_argument("run_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_runs_show)


# Other verb groups register themselves here (module path, function name).
GROUPS: list[tuple[str, str]] = [
    ("app.cli_workflow", "register"),
    ("app.cli_inbox", "register"),
    ("app.cli_connection", "register"),
    ("app.cli_intake", "register"),
    ("app.cli_holds", "register"),
    ("app.cli_backup", "register"),
    ("app.cli_store", "register"),
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="daloy",
        description="Daloy: every order runs one workflow; people touch only the exceptions.",
    )
    parser.add_argument("--version", action="version", version=f"daloy {__version__}")
    _top_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    _register_core(sub)
    import importlib

    for module, func in GROUPS:
        getattr(importlib.import_module(module), func)(sub)
    _data_dir_everywhere(parser)
    return parser


class _NotTheWindow(Exception):
    """The command line names a verb, asks for help, or is not understood: the full parser."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # noqa: ARG002 - the full parser says it
        raise _NotTheWindow


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the window (no verb, no help): read without building
    the verbs' parsers, whose modules import much of the store — the window shows sooner."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    light = _WindowParser(prog="daloy", add_help=False)
    _top_options(light)
    light.add_argument("command", nargs="?")
    try:
        args, unknown = light.parse_known_args(argv)
    except _NotTheWindow:
        return None
    return args if args.command is None and not unknown else None


def _top_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        help="where the database and files live "
        "(default: $DALOY_DATA_DIR or your user data folder)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="work on a shared PostgreSQL database (postgresql://USER@HOST:PORT/NAME) instead "
        "of the data folder's own file (default: $DALOY_DATABASE_URL)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--quit-after",
        type=SECONDS,
        default=None,
        metavar="SECONDS",
        help="open the window, then quit cleanly after SECONDS (smoke tests)",
    )


def _data_dir_everywhere(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` is accepted after the verb too (``daloy runs list --data-dir D``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in {id(p): p for p in action.choices.values()}.values():
                child.add_argument(
                    "--data-dir",
                    default=argparse.SUPPRESS,
                    help="where the database and files live",
                )
                child.add_argument(
                    "--database-url",
                    metavar="URL",
                    default=argparse.SUPPRESS,
                    help="a shared PostgreSQL database instead of the data folder's file",
                )
                _data_dir_everywhere(child)


def unexpected(env: Env, exc: BaseException) -> str:
    """One sentence for an exception no verb expected; the detail goes to the log."""
    import sqlite3

    from app.store import datafolder

    where = env.__dict__.get("data_dir") or "the data folder"
    orig = getattr(exc, "orig", exc)
    if isinstance(exc, OSError):
        return datafolder.os_error_sentence(exc, str(exc.filename or "a file"))
    if isinstance(orig, sqlite3.Error):
        if "locked" in str(orig) or "busy" in str(orig):
            return (
                "The database is busy (another Daloy holds it for a long write); try again "
                "in a moment."
            )
        sentence = datafolder.sqlite_error_sentence(str(orig), where)
        if sentence:
            return sentence
    if isinstance(exc, RecursionError):
        return "The data is nested too deeply to handle; nothing was changed."
    from app.store import dburl

    if env.database_url and dburl.is_connection_error(exc):  # the server went away mid-verb
        return dburl.unreachable_sentence(dburl.parse(env.database_url), exc)
    logged = to_log(env, "unexpected failure", exc)
    detail = f" (details in {logged})" if logged else ""
    return (
        f"Something unexpected went wrong ({type(exc).__name__}){detail}; nothing else "
        "was changed. Please report it."
    )


def to_log(env: Env, message: str, exc: BaseException) -> Path | None:
    """Write ``exc`` with its traceback to the data folder's log (never to the terminal: the
    operator gets one sentence). Returns the log file, or None when it cannot be written."""
    where = env.__dict__.get("data_dir")  # only a folder already found usable
    if where is None:
        return None
    try:
        with file_logging(where):
            log.error(message, exc_info=exc)
    except Exception:  # noqa: BLE001 - the log itself may be the problem
        return None
    return where / "logs" / "daloy.log"


@contextlib.contextmanager
def file_logging(data_dir: Path, verbose: bool = False) -> Iterator[None]:
    """The data folder's log while one verb runs, undone afterwards, so whoever calls ``main``
    in-process (tests, scripts) keeps its own logging. Logging already set up is left alone."""
    from app.logsetup import configure

    root = logging.getLogger()
    if getattr(root, "_daloy_configured", False):
        yield
        return
    before, level = list(root.handlers), root.level
    configure(data_dir, verbose, stderr=verbose)
    try:
        yield
    finally:
        for h in [h for h in root.handlers if h not in before]:
            root.removeHandler(h)
            h.close()
        root.setLevel(level)
        root.__dict__.pop("_daloy_configured", None)


def main(argv: list[str] | None = None) -> int:
    from app.cli_args import bad_text_argument

    argv = sys.argv[1:] if argv is None else list(argv)
    if (bad := bad_text_argument(argv)) is not None:
        print(f"daloy: {bad}", file=sys.stderr)
        return EXIT_USAGE
    args = window_args(argv)
    if args is not None:  # the window installs Qt's translator itself
        return _guarded(Env(args), args, getattr(args, "handler", cmd_gui))
    from app.core.catalog import speaking

    with speaking():  # the sentences for people in the operator's language (no Qt here)
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version, or a usage error already said
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        return _guarded(Env(args), args, getattr(args, "handler", cmd_gui))


def _guarded(env: Env, args: argparse.Namespace, handler: Handler) -> int:
    """Run one verb; whatever goes wrong is one sentence on stderr, never a traceback."""
    try:
        if handler in (cmd_runner, cmd_gui):  # those two set up their own logging
            return handler(env, args)
        # A verb's warnings go to the log, not between its answer's lines.
        with file_logging(env.data_dir, args.verbose):
            return handler(env, args)
    except DaloyError as exc:
        from app.core.redact import text as hide_secrets

        print(f"daloy: {one_line(hide_secrets(str(exc)))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the guard of last resort: one sentence, never a traceback
        print(f"daloy: {one_line(unexpected(env, exc))}", file=sys.stderr)
        return EXIT_ERROR
