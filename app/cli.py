"""The ``daloy`` command: the desktop app with no arguments, the headless runner, and a verb for
everything an operator can do in the GUI that scripts also need.

Bad arguments and bad files give one clear line on stderr and a non-zero exit, never a traceback.
Each verb group lives in a ``register(subparsers)`` function; the GUI is imported only when used.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from app import __version__
from app.core.errors import DaloyError

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(DaloyError):
    pass


class Env:
    """What every verb needs: the data folder and, opened on first use, the database."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def data_dir(self) -> Path:
        from app.paths import data_dir
        return data_dir(self.args.data_dir)

    @cached_property
    def db(self):  # noqa: ANN201
        from app.store.db import Database
        return Database.open_dir(self.data_dir)

    @cached_property
    def registry(self):  # noqa: ANN201
        from app.steps import registry
        return registry()

    @cached_property
    def store(self):  # noqa: ANN201
        from app.store.runs import RunStore
        return RunStore(self.db, self.registry.specs)

    @cached_property
    def actions(self):  # noqa: ANN201
        from app.store.actions import OperatorActions
        return OperatorActions(self.store)


def out_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else "-"


def parse_json_arg(value: str | None, what: str) -> Any:
    """``--input '{"a": 1}'`` or ``--input @file.json``."""
    if value is None:
        return None
    text = value
    if value.startswith("@"):
        try:
            text = Path(value[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Cannot read {what} file {value[1:]}: {exc.strerror}.") from exc
    try:
        return json.loads(text)
    except ValueError as exc:
        raise CliError(f"The {what} is not valid JSON: {exc}.") from exc


def read_workflow_file(path: str):  # noqa: ANN201
    from app.core.model import Workflow
    try:
        text = Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror}.") from exc
    return Workflow.from_json(text)


# -- runner ------------------------------------------------------------------------------------
def seed_samples(env: Env, start_runs: bool = True) -> list[str]:
    """On a new database, import the bundled sample workflows and start one practice run each
    with its sample input, so a first launch shows Daloy working."""
    from sqlalchemy import select

    from app.core.validation import errors, validate
    from app.resources import sample_workflows
    from app.store import workflows
    from app.store.models import WorkflowRow
    with env.db.read() as s:
        if s.scalar(select(WorkflowRow.id).limit(1)) is not None:
            return []
    names = []
    for path in sample_workflows():
        wf = read_workflow_file(str(path))
        localize_sample(wf, env.data_dir)
        problems = errors(validate(wf, env.registry.specs))
        with env.db.write() as s:
            workflows.save(s, wf, who="daloy", has_errors=bool(problems))
        names.append(wf.name)
        sample = wf.extra.get("sample_input")
        if start_runs and sample is not None and not problems:
            env.store.start_run(wf.name, sample, practice=True, who="daloy")
    return names


def localize_sample(wf, data_dir: Path) -> None:  # noqa: ANN001
    """Sample files a sample workflow names (its "settings" step) are copied into the data
    folder, and the workflow is pointed at the copies, so the sample runs on a fresh install."""
    import shutil

    from app.resources import resource_path
    settings = wf.step("settings")
    values = settings.config.get("values") if settings else None
    if not isinstance(values, dict):
        return
    for key, value in values.items():
        source = resource_path("samples", str(value)) if isinstance(value, str) else None
        if source is not None and "/" not in str(value) and source.is_file():
            target = data_dir / "samples" / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(source, target)
            values[key] = str(target)


def build_runtime(env: Env, workers: int = 4):  # noqa: ANN201
    """The runtime with intake: every enabled workflow's triggers run inside it. The web intake
    listens on 127.0.0.1:$DALOY_WEB_PORT (default 8787) when a workflow has a webhook trigger."""
    import os

    from app.intake.manager import IntakeManager
    from app.runtime.runtime import Runtime
    runtime = Runtime(env.db, registry=env.registry, workers=workers, data_dir=env.data_dir)
    runtime.intake = IntakeManager(
        web_port=int(os.environ.get("DALOY_WEB_PORT", "8787")),
        # Listening on the LAN is an explicit choice (the server logs a warning); extra Host
        # names (e.g. "orders.office.lan:8787") join the DNS-rebinding allow-list.
        web_host=os.environ.get("DALOY_WEB_HOST", "127.0.0.1"),
        allowed_hosts=[h for h in os.environ.get("DALOY_WEB_ALLOWED_HOSTS", "").split(",") if h])
    runtime.add_extension(runtime.intake)
    return runtime


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
        print(f"daloy: warning: {keyring_message}", file=sys.stderr, flush=True)
    seeded = seed_samples(env)
    runtime = build_runtime(env, args.workers)
    runtime.start()
    print(f"Daloy runner {__version__} working on {env.data_dir}"
          + (f" (sample workflows: {', '.join(seeded)})" if seeded else ""), flush=True)
    deadline = time.monotonic() + args.quit_after if args.quit_after else None
    while not stop.is_set():
        if deadline and time.monotonic() >= deadline:
            break
        stop.wait(0.2)
    runtime.shutdown(grace=args.grace)
    print("Daloy runner stopped.", flush=True)
    return 0


def _no_screen() -> bool:
    import os
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(env: Env, args: argparse.Namespace) -> int:
    if _no_screen():
        print("No screen here (no DISPLAY): starting the headless runner instead. Use "
              "`xvfb-run -a daloy` for the window on a virtual screen.", file=sys.stderr)
        args.workers, args.grace = 4, 10.0
        return cmd_runner(env, args)
    try:
        from app.ui.main import run_gui
    except ImportError as exc:
        if "app.ui" not in str(exc) and "PySide6" not in str(exc):
            raise
        print("The desktop window is not available in this build; starting the headless runner.",
              file=sys.stderr)
        args.workers, args.grace = 4, 10.0
        return cmd_runner(env, args)
    return run_gui(env, args)


# -- workflows -----------------------------------------------------------------------------------
def cmd_workflow_import(env: Env, args: argparse.Namespace) -> int:
    from app.core.validation import errors, validate
    from app.intake import trigger_registry
    from app.store import workflows
    wf = read_workflow_file(args.file)
    if args.name:
        wf.name = args.name
    problems = validate(wf, env.registry.specs, trigger_registry())
    errs = errors(problems)
    if errs and not args.draft:
        for p in errs:
            print(f"  {p}", file=sys.stderr)
        raise CliError(f"{args.file} has {len(errs)} problem(s); fix them or import with --draft.")
    with env.db.write() as s:
        saved = workflows.save(s, wf, has_errors=bool(errs))
    print(f"Imported “{wf.name}” as version {saved.number}"
          + ("" if saved.created else " (unchanged)") + (" as a draft" if errs else "") + ".")
    return 0


def cmd_workflow_export(env: Env, args: argparse.Namespace) -> int:
    from app.store import workflows
    with env.db.read() as s:
        _row, _v, wf = workflows.load(s, args.name)
    text = wf.to_json()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Exported “{wf.name}” to {args.output}.")
    else:
        sys.stdout.write(text)
    return 0


def cmd_workflow_list(env: Env, args: argparse.Namespace) -> int:
    from app.store import workflows
    with env.db.read() as s:
        rows = []
        for r in workflows.list_rows(s, include_archived=True):
            v = workflows.current_version(s, r)
            rows.append({"name": r.name, "version": v.number, "enabled": r.enabled,
                         "archived": r.archived, "draft": v.has_errors, "updated_at": r.updated_at,
                         "runs_in_flight": workflows.runs_in_flight(s, r)})
    if args.json:
        out_json(rows)
    elif not rows:
        print("No workflows yet. Import one with: daloy workflow import FILE")
    else:
        for r in rows:
            flags = [f for f, on in (("off", not r["enabled"]), ("draft", r["draft"]),
                                     ("archived", r["archived"])) if on]
            print(f"{r['name']}  v{r['version']}  {r['runs_in_flight']} in progress"
                  + (f"  ({', '.join(flags)})" if flags else ""))
    return 0


def cmd_workflow_validate(env: Env, args: argparse.Namespace) -> int:
    from app.core.validation import errors, validate
    from app.intake import trigger_registry
    from app.steps import registry
    wf = read_workflow_file(args.file)
    problems = validate(wf, registry().specs, trigger_registry())
    for p in problems:
        print(f"{p.severity}: {p}")
    errs = errors(problems)
    if errs:
        print(f"{args.file}: {len(errs)} problem(s).", file=sys.stderr)
        return EXIT_ERROR
    print(f"{args.file}: “{wf.name}” is valid ({len(wf.steps)} steps).")
    return 0


# -- runs ------------------------------------------------------------------------------------------
def cmd_run_start(env: Env, args: argparse.Namespace) -> int:
    trigger = parse_json_arg(args.input, "input")
    run_id = env.store.start_run(args.workflow, trigger if trigger is not None else {},
                                 practice=args.practice)
    print(run_id)
    return 0


def cmd_runs_list(env: Env, args: argparse.Namespace) -> int:
    from app.core.machine import RUN_STATES
    from app.store.queries import list_runs, run_dict
    if args.status and args.status not in RUN_STATES:
        raise CliError(f"Unknown status “{args.status}”; use one of: {', '.join(RUN_STATES)}.")
    with env.db.read() as s:
        runs = [run_dict(r) for r in list_runs(s, status=args.status, workflow=args.workflow,
                                               business_key=args.key, limit=args.limit)]
    if args.json:
        out_json(runs)
    elif not runs:
        print("No runs match.")
    else:
        for r in runs:
            print(f"{r['id']}  {r['status']:<16} {r['workflow']:<24} "
                  f"{r['business_key'] or '-':<20} {when(r['created_at'])}")
    return 0


def cmd_runs_show(env: Env, args: argparse.Namespace) -> int:
    from app.store.queries import run_detail
    with env.db.read() as s:
        d = run_detail(s, args.run_id)
    if d is None:
        raise CliError(f"There is no run with id {args.run_id}.")
    if args.json:
        out_json(d)
        return 0
    print(f"Run {d['id']} of “{d['workflow']}”: {d['status']}"
          + (f" — {d['business_key']}" if d["business_key"] else ""))
    for st in d["steps"]:
        extra = f"  error: {st['error']}" if st["error"] and st["state"] != "succeeded" else ""
        print(f"  {st['name']:<24} {st['state']:<16} attempts {st['attempts']}{extra}")
    for i in d["inbox"]:
        if i["status"] == "open":
            print(f"  inbox #{i['id']}: {i['reason']}")
    return 0


# -- inbox -------------------------------------------------------------------------------------------
def cmd_inbox_list(env: Env, args: argparse.Namespace) -> int:
    from app.store.queries import open_inbox
    with env.db.read() as s:
        items = open_inbox(s)
    if args.json:
        out_json(items)
    elif not items:
        print("The inbox is empty: nothing needs you.")
    else:
        for i in items:
            print(f"#{i['id']}  {i['kind']:<12} {i['business_key'] or i['workflow'] or '-':<20} "
                  f"{i['reason']}")
    return 0


def cmd_inbox_resolve(env: Env, args: argparse.Namespace) -> int:
    output = parse_json_arg(args.output, "output")
    new_input = parse_json_arg(args.input, "input")
    values = parse_json_arg(args.values, "values")
    env.actions.resolve(args.item, args.action, option=args.option, output=output,
                        port=args.port, new_input=new_input, from_step=args.from_step,
                        values=values)
    print(f"Inbox entry {args.item}: {args.action} done.")
    return 0


# -- parser ------------------------------------------------------------------------------------------
Handler = Callable[[Env, argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2
        self.exit(EXIT_USAGE, f"daloy: {message} (see: {self.prog} --help)\n")


def _register_core(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("runner", help="run workflows without a window (servers, tests)")
    p.add_argument("--workers", type=int, default=4, help="steps run at the same time")
    p.add_argument("--quit-after", type=float, default=None, metavar="SECONDS")
    p.add_argument("--grace", type=float, default=10.0, metavar="SECONDS",
                   help="how long running steps may finish on shutdown")
    p.set_defaults(handler=cmd_runner)

    wf = sub.add_parser("workflow", help="import, export, list and validate workflows")
    wsub = wf.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = wsub.add_parser("import", help="import a workflow JSON file (a new version if it exists)")
    p.add_argument("file")
    p.add_argument("--name", help="store it under another name")
    p.add_argument("--draft", action="store_true", help="import even with problems (switched off)")
    p.set_defaults(handler=cmd_workflow_import)
    p = wsub.add_parser("export", help="print or save a workflow as JSON (never contains secrets)")
    p.add_argument("name")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(handler=cmd_workflow_export)
    p = wsub.add_parser("list", help="list workflows")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_workflow_list)
    p = wsub.add_parser("validate", help="check a workflow file and list its problems")
    p.add_argument("file")
    p.set_defaults(handler=cmd_workflow_validate)

    run = sub.add_parser("run", help="start a run")
    rsub = run.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = rsub.add_parser("start", help="start a run of WORKFLOW; prints the run id")
    p.add_argument("workflow")
    p.add_argument("--input", metavar="JSON|@FILE", help="the trigger data (an order)")
    p.add_argument("--practice", action="store_true",
                   help="steps with outside effects record what they would do instead")
    p.set_defaults(handler=cmd_run_start)

    runs = sub.add_parser("runs", help="list and show runs")
    rsub = runs.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = rsub.add_parser("list", help="list runs, newest first")
    p.add_argument("--status")
    p.add_argument("--workflow")
    p.add_argument("--key", help="find by business key (order number)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_runs_list)
    p = rsub.add_parser("show", help="one run with its steps, attempts and inbox entries")
    p.add_argument("run_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_runs_show)

    ib = sub.add_parser("inbox", help="the exceptions inbox")
    isub = ib.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = isub.add_parser("list", help="open entries")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_inbox_list)
    p = isub.add_parser("resolve", help="act on an entry")
    p.add_argument("item", type=int)
    p.add_argument("--action", required=True,
                   choices=("retry", "skip", "restart", "choose", "cancel", "dismiss"))
    p.add_argument("--option", help="with choose: the option's name")
    p.add_argument("--values", metavar="JSON", help="with choose: the fields filled in")
    p.add_argument("--output", metavar="JSON|@FILE", help="with skip: the step's output")
    p.add_argument("--port", default="out", help="with skip: the output to continue from")
    p.add_argument("--input", metavar="JSON|@FILE", help="with retry: edited input")
    p.add_argument("--from-step", metavar="NAME", help="with restart: the step to restart from")
    p.set_defaults(handler=cmd_inbox_resolve)


# Other verb groups register themselves here (module path, function name).
GROUPS: list[tuple[str, str]] = [
    ("app.cli_connection", "register"),
    ("app.cli_intake", "register"),
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="daloy", description="Daloy: every order runs one workflow; people "
                                               "touch only the exceptions.")
    parser.add_argument("--version", action="version", version=f"daloy {__version__}")
    parser.add_argument("--data-dir", help="where the database and files live "
                                           "(default: $DALOY_DATA_DIR or your user data folder)")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--quit-after", type=float, default=None, metavar="SECONDS",
                        help="open the window, then quit cleanly after SECONDS (smoke tests)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    _register_core(sub)
    import importlib
    for module, func in GROUPS:
        getattr(importlib.import_module(module), func)(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    env = Env(args)
    handler: Handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(env, args)
    except DaloyError as exc:
        from app.core.redact import text as hide_secrets
        print(f"daloy: {hide_secrets(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
