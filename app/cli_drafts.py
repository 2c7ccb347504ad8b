"""``daloy workflow publish|draft|versions|restore|replay``: drafts, publishing and replay
from the command line, over the same store functions the editor calls (``app.store.drafts``,
``app.runtime.practice``)."""

from __future__ import annotations

import argparse
import time

from app.cli_common import CliError, Env, out_json, problems_in_words
from app.core.changes import shown_summary
from app.core.i18n import shown, translate, words_of


def cmd_workflow_publish(env: Env, args: argparse.Namespace) -> int:
    from app.intake import trigger_registry
    from app.store import drafts

    with env.db.read() as s:
        report = drafts.report(s, args.name, env.registry.specs, trigger_registry())
    with env.db.write() as s:
        try:
            saved = drafts.publish(
                s, args.name, env.registry.specs, trigger_registry(), note=args.note or ""
            )
        except drafts.PublishRefused as exc:
            for p in exc.problems:
                print(translate("Cli", "  error: {problem}").format(problem=p))
            raise CliError(
                translate(
                    "Cli",
                    "“{name}” was not published: it has {problems}; the live version is unchanged.",
                ).format(name=args.name, problems=problems_in_words(len(exc.problems)))
            ) from exc
    for line in report.changes if report else ():
        print(f"  {shown(words_of(line), line)}")
    print(
        translate("Cli", "Published “{name}” as version {version}.").format(
            name=args.name, version=saved.number
        )
    )
    return 0


def cmd_workflow_draft(env: Env, args: argparse.Namespace) -> int:
    from app.intake import trigger_registry
    from app.store import drafts

    with env.db.read() as s:
        report = drafts.report(s, args.name, env.registry.specs, trigger_registry())
    if report is None:
        print(
            translate("Cli", "“{name}” has no draft: the live version is all there is.").format(
                name=args.name
            )
        )
        return 0
    d = report.draft
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(d.saved_at))
    if d.based_on:
        draft = translate(
            "Cli", "Draft of “{name}”, saved by {who} at {when}, from version {version}."
        )
    else:
        draft = translate("Cli", "Draft of “{name}”, saved by {who} at {when}, never published.")
    print(draft.format(name=args.name, who=d.saved_by, when=when, version=d.based_on))
    print(
        translate("Cli", "Changes:")
        if report.changes
        else translate("Cli", "No changes from the live version.")
    )
    for line in report.changes:
        print(f"  {shown(words_of(line), line)}")

    n = len(report.errors)
    print(
        translate("Cli", "{problems} to fix before publishing.").format(
            problems=problems_in_words(n)
        )
        if n
        else translate("Cli", "Ready to publish (daloy workflow publish NAME).")
    )
    for p in report.problems:
        print(f"  {p.severity}: {p}")
    return 0


def cmd_workflow_versions(env: Env, args: argparse.Namespace) -> int:
    from app.store import workflows

    with env.db.read() as s:
        rows = [
            {
                "number": v.number,
                "by": v.created_by,
                "at": v.created_at,
                "note": v.note,
                "changes": v.summary,
                "live": v.id == workflows.get_row(s, args.name).current_version_id,
                "words": v.summary_words,
            }
            for v in workflows.versions(s, args.name)
        ]
    if args.json:
        out_json([{k: v for k, v in r.items() if k != "words"} for r in rows])
        return 0
    if not rows:
        print(translate("Cli", "“{name}” has not been published yet.").format(name=args.name))
    for r in rows:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r["at"]))
        print(
            f"v{r['number']}{' (live)' if r['live'] else ''}  {when}  {r['by']}"
            + (f"  “{r['note']}”" if r["note"] else "")
            + f"  {shown_summary(r['words'], r['changes'])}"
        )
    return 0


def cmd_workflow_restore(env: Env, args: argparse.Namespace) -> int:
    from app.store import drafts

    with env.db.write() as s:
        drafts.restore_as_draft(s, args.name, args.version)
    print(
        translate(
            "Cli",
            "Version {version} of “{name}” is now its draft; the live version runs on. "
            "Check it with `daloy workflow draft NAME`, then publish it.",
        ).format(version=args.version, name=args.name)
    )

    return 0


def cmd_workflow_replay(env: Env, args: argparse.Namespace) -> int:
    """Uses the running runner when there is one; otherwise runs a runtime for the replay
    only (no intake), stopped afterwards."""
    from app.runtime.practice import replay
    from app.runtime.presence import runner_running
    from app.runtime.runtime import Runtime

    runtime = Runtime(env.db, registry=env.registry, data_dir=env.data_dir, poll_interval=0.5)
    own = not runner_running(env.data_dir)
    if own:
        runtime.start()
    try:
        report = replay(runtime, args.name, args.last, timeout=args.timeout)
    finally:
        if own:
            runtime.shutdown()
    for line in report.lines():
        print(line)
    return 0


def register_drafts(wsub: argparse._SubParsersAction) -> None:
    from app.cli_args import bounded_float, bounded_int

    p = wsub.add_parser("publish", help="check the draft and make it the live version")
    p.add_argument("name")
    p.add_argument("--note", help="a note kept with the version (why it changed)")
    p.set_defaults(handler=cmd_workflow_publish)
    p = wsub.add_parser("draft", help="show the draft's changes and problems")
    p.add_argument("name")
    p.set_defaults(handler=cmd_workflow_draft)
    p = wsub.add_parser("versions", help="list published versions: who, when, note, changes")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_workflow_versions)
    p = wsub.add_parser("restore", help="make an old version the draft (publish it after)")
    p.add_argument("name")
    p.add_argument("version", type=bounded_int(1, 10**9))
    p.set_defaults(handler=cmd_workflow_restore)
    p = wsub.add_parser(
        "replay",
        help="run the draft in practice on the last N orders and "
        "show where it would differ from what happened",
    )
    p.add_argument("name")
    p.add_argument("--last", type=bounded_int(1, 1000), default=20, metavar="N")
    p.add_argument(
        "--timeout", type=bounded_float(1, 3600), default=120.0, help="seconds to wait at most"
    )
    p.set_defaults(handler=cmd_workflow_replay)
