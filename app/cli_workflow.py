"""``daloy workflow import|export|list|validate|enable|disable|archive|unarchive|remove``.

Names are checked before anything is stored; problems (unknown connections included) are listed
one a line; a workflow with runs is archived, never removed, so its history stays."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli_common import CliError, Env, out_json, problems_in_words, read_workflow_file
from app.core.i18n import translate


def check_workflow(env: Env, wf) -> list:  # noqa: ANN001
    """The one full validation (``drafts.check``), the same the editor and publish use:
    connections that do not exist or have no saved secret included."""
    from app.intake import trigger_registry
    from app.store import drafts

    with env.db.read() as s:
        return drafts.check(s, wf, env.registry.specs, trigger_registry())


def report_problems(problems: list, stream: Any = None) -> list:
    """Print each problem on its own line (stderr unless told) and return the errors."""
    from app.core.validation import errors

    for p in problems:
        print(f"  {p.severity}: {p}", file=stream or sys.stderr)
    return errors(problems)


def cmd_workflow_import(env: Env, args: argparse.Namespace) -> int:
    """The editor's checked path: the file becomes the workflow's draft and is published when
    the one full check finds no error; ``--draft`` keeps it a draft. With problems the draft
    is kept, the live version runs on unchanged, and the command fails."""
    from app.intake import trigger_registry
    from app.store import drafts, workflows

    wf = read_workflow_file(args.file)
    if args.name is not None:
        if (problem := workflows.name_problem(args.name)) is not None:
            raise CliError(problem)
        wf.name = args.name
    with env.db.write() as s:
        saved, problems = drafts.import_workflow(
            s, wf, env.registry.specs, trigger_registry(), keep_draft=args.draft
        )
    errs = report_problems(problems)
    if saved is not None:
        if saved.created:
            published = translate("Cli", "Imported and published “{name}” as version {version}.")
        else:
            published = translate(
                "Cli", "Imported and published “{name}” as version {version} (unchanged)."
            )
        print(published.format(name=wf.name, version=saved.number))
        return 0
    if args.draft:
        if errs:
            kept = translate(
                "Cli",
                "Imported “{name}” as a draft with {problems}; the live version is unchanged. "
                "Publish it with: daloy workflow publish NAME",
            )
        else:
            kept = translate(
                "Cli",
                "Imported “{name}” as a draft; the live version is unchanged. Publish it "
                "with: daloy workflow publish NAME",
            )
        print(kept.format(name=wf.name, problems=problems_in_words(len(errs))))
        return 0
    raise CliError(
        translate(
            "Cli",
            "{file} has {problems}, so “{name}” was kept as a draft and not published; the "
            "live version is unchanged.",
        ).format(file=args.file, problems=problems_in_words(len(errs)), name=wf.name)
    )


def cmd_workflow_export(env: Env, args: argparse.Namespace) -> int:
    from app.store import workflows

    with env.db.read() as s:
        _row, _v, wf = workflows.load(s, args.name)
    text = wf.to_json()
    if args.output:
        from app.store.datafolder import os_error_sentence

        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(os_error_sentence(exc, f"the file {args.output}")) from exc
        print(
            translate("Cli", "Exported “{name}” to {file}.").format(name=wf.name, file=args.output)
        )
    else:
        sys.stdout.write(text)
    return 0


def cmd_workflow_list(env: Env, args: argparse.Namespace) -> int:
    from app.store import workflows
    from app.store.models import WorkflowDraft, WorkflowVersion

    with env.db.read() as s:
        rows = []
        for r in workflows.list_rows(s, include_archived=True):
            v = s.get(WorkflowVersion, r.current_version_id or -1)  # None: never published
            rows.append(
                {
                    "name": r.name,
                    "version": v.number if v else None,
                    "enabled": r.enabled and v is not None,
                    "archived": r.archived,
                    "draft": v is None or v.has_errors or s.get(WorkflowDraft, r.id) is not None,
                    "updated_at": r.updated_at,
                    "runs_in_flight": workflows.runs_in_flight(s, r),
                }
            )
    if args.json:
        out_json(rows)
    elif not rows:
        print(translate("Cli", "No workflows yet. Import one with: daloy workflow import FILE"))
    else:
        for row in rows:
            flags = [
                f
                for f, on in (
                    (translate("Cli", "off"), not row["enabled"]),
                    (translate("Cli", "draft"), row["draft"]),
                    (translate("Cli", "archived"), row["archived"]),
                )
                if on
            ]
            version = f"v{row['version']}" if row["version"] else translate("Cli", "not published")
            print(
                translate("Cli", "{name}  {version}  {count} in progress").format(
                    name=row["name"], version=version, count=row["runs_in_flight"]
                )
                + (f"  ({', '.join(flags)})" if flags else "")
            )
    return 0


def cmd_workflow_validate(env: Env, args: argparse.Namespace) -> int:
    wf = read_workflow_file(args.file)
    errs = report_problems(check_workflow(env, wf), sys.stdout)
    if errs:
        raise CliError(f"{args.file}: {problems_in_words(len(errs))}.")
    print(
        translate("Cli", "{file}: “{name}” is valid ({count} steps).").format(
            file=args.file, name=wf.name, count=len(wf.steps)
        )
    )
    return 0


def cmd_workflow_switch(env: Env, args: argparse.Namespace) -> int:
    """enable / disable / archive / unarchive / remove: one line each, refused in words."""
    from app.store import workflows

    with env.db.write() as s:
        if args.switch == "remove":
            workflows.remove(s, args.name)
        elif args.switch in ("archive", "unarchive"):
            workflows.set_archived(s, args.name, args.switch == "archive")
        else:
            row = workflows.get_row(s, args.name)
            if row.archived and args.switch == "enable":
                raise CliError(
                    translate(
                        "Cli",
                        "“{name}” is archived; unarchive it first (daloy workflow unarchive NAME).",
                    ).format(name=args.name)
                )
            workflows.set_enabled(s, args.name, args.switch == "enable")
    done = {
        "enable": translate("Cli", "Workflow “{name}” switched on: it takes orders."),
        "disable": translate(
            "Cli",
            "Workflow “{name}” switched off: it takes no new orders; runs in progress go on.",
        ),
        "archive": translate(
            "Cli", "Workflow “{name}” archived: it takes no orders and its history is kept."
        ),
        "unarchive": translate("Cli", "Workflow “{name}” back from the archive, switched off."),
        "remove": translate("Cli", "Workflow “{name}” removed."),
    }[args.switch]
    print(done.format(name=args.name))

    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser

    wf = sub.add_parser(
        "workflow",
        help="import, export, list, validate, switch on or off, archive and remove workflows",
    )
    wsub = wf.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = wsub.add_parser("import", help="import a workflow JSON file (a new version if it exists)")
    p.add_argument("file")
    p.add_argument("--name", help="store it under another name")
    p.add_argument(
        "--draft",
        action="store_true",
        help="keep it a draft (even with problems); publish it later",
    )
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
    for verb, text in (
        ("enable", "switch a workflow on: it takes orders"),
        ("disable", "switch a workflow off: no new orders, runs in progress go on"),
        ("archive", "stop taking orders for good and hide it; its history is kept"),
        ("unarchive", "bring an archived workflow back (switched off)"),
        ("remove", "delete a workflow that never ran (one with runs: archive)"),
    ):
        p = wsub.add_parser(verb, help=text)
        p.add_argument("name")
        p.set_defaults(handler=cmd_workflow_switch, switch=verb)
    from app.cli_drafts import register_drafts

    register_drafts(wsub)
