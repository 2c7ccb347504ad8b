"""``daloy backup list|create|restore|folder`` and ``daloy cleanup``: backups of the workspace
and the clean-up of old finished orders, over ``app.store.backups`` and ``app.store.retention``
(the same functions the daily job and the Backups page call)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_args import bounded_int
from app.cli_common import CliError, Env, out_json
from app.core.i18n import translate


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def cmd_backup_list(env: Env, args: argparse.Namespace) -> int:
    from app.store import backups

    folder = backups.folder_for(env.data_dir)
    found = backups.listed(folder)
    if args.json:
        out_json(
            [
                {
                    "name": b.name,
                    "path": str(b.path),
                    "at": b.at.isoformat(),
                    "kind": b.kind,
                    "ok": b.ok,
                    "size": b.size,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print(
            translate(
                "Cli", "No backups in {folder} yet (`daloy backup create` takes one)."
            ).format(folder=folder)
        )
        return 0
    print(translate("Cli", "Backups in {folder}, newest first:").format(folder=folder))
    for b in found:
        state = translate("Cli", "checked") if b.ok else translate("Cli", "NOT CHECKED OK")
        print(f"  {b.name:<40} {b.kind:<15} {_size(b.size):>10}  {state}")
    return 0


def cmd_backup_create(env: Env, args: argparse.Namespace) -> int:
    from app.store import backups

    db = env.db  # opened (and migrated) before it is copied
    if not db.is_sqlite:
        raise CliError(
            translate(
                "Cli",
                "This shop's database is on a server ({url}); back it up there with "
                "`pg_dump -Fc` (see the README, “Moving to PostgreSQL”).",
            ).format(url=db.url)
        )
    try:
        b = backups.take_and_record(db, env.data_dir, "manual")
    except backups.BackupError as exc:
        raise CliError(str(exc)) from exc
    print(
        translate("Cli", "Backed up to {path} ({size}, integrity check ok).").format(
            path=b.path, size=_size(b.size)
        )
    )
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def cmd_backup_restore(env: Env, args: argparse.Namespace) -> int:
    # ``restored`` holds the orders in progress in the backup, so nothing is done twice
    from app.runtime.put_back import held_words
    from app.store import backups, restored

    backup = backups.find(env.data_dir, args.backup)
    if args.to:
        copy = restored.copy(backup, Path(args.to), later=env.data_dir)
        said = translate(
            "Cli",
            "Restored {backup} as a new workspace in {folder}, with taking in orders paused. "
            "Open it with `daloy --data-dir {folder}`.",
        ).format(backup=backup.name, folder=copy.path)
        print("\n".join([said, *held_words(copy)]))
        return 0
    if not args.replace:
        raise CliError(
            translate(
                "Cli",
                "Say where to restore: --to FOLDER (a new workspace) or --replace (this "
                "workspace, after a confirmation). Nothing was changed.",
            )
        )
    if not args.yes and not _confirm(
        translate(
            "Cli",
            "Replace the workspace in {folder} with {backup}? What is there now is kept in "
            "the backup folder.",
        ).format(folder=env.data_dir, backup=backup.name)
    ):
        raise CliError(
            translate("Cli", "Not confirmed (answer y, or pass --yes); nothing was changed.")
        )
    done = restored.put_back(backup, env.data_dir)
    said = translate(
        "Cli",
        "Restored {backup} into {folder}, with taking in orders paused (`daloy intake resume` "
        "takes them in again). What was there before is in {aside}.",
    ).format(backup=backup.name, folder=env.data_dir, aside=done.path)
    print("\n".join([said, *held_words(done)]))
    return 0


def cmd_backup_count_as_done(env: Env, args: argparse.Namespace) -> int:
    """After a put-back: the steps a held order had done in the replaced workspace, recorded as
    done instead of run again (the order page's “Count as done”)."""
    from app.store import restored_choice

    labels = restored_choice.count_as_done(env.store, args.run)
    print(
        translate(
            "Cli", "Order {run}: counted as done, not run again: {steps}. It goes on from there."
        ).format(run=args.run, steps=", ".join(labels))
    )
    return 0


def cmd_backup_folder(env: Env, args: argparse.Namespace) -> int:
    from app.store import backups

    if args.folder is not None:
        backups.set_folder(env.db, Path(args.folder) if args.folder else None)
    print(
        translate("Cli", "Backups go to {folder}.").format(folder=backups.folder_for(env.data_dir))
    )
    return 0


def cmd_cleanup(env: Env, args: argparse.Namespace) -> int:
    from app.runtime.presence import runner_running
    from app.store import retention

    if args.keep_days is not None:
        with env.db.write() as s:
            retention.set_keep_days(s, args.keep_days)
    with env.db.read() as s:
        days = retention.keep_days(s)
    result = retention.clean_up(env.db, env.data_dir, days=days)
    if result.archived == 1:
        archived = translate("Cli", "Archived 1 finished order older than {days} days to {folder}.")
    else:
        archived = translate(
            "Cli", "Archived {count} finished orders older than {days} days to {folder}."
        )
    print(
        archived.format(count=result.archived, days=days, folder=env.data_dir / retention.ARCHIVES)
    )
    if args.compact and env.db.path is None:  # a database server: it reclaims space itself
        print(
            translate(
                "Cli",
                "--compact is for a database file; a PostgreSQL server gives freed space back "
                "by itself (autovacuum).",
            )
        )
    elif args.compact:
        if runner_running(env.data_dir):
            raise CliError(
                translate(
                    "Cli",
                    "Daloy is running on this folder; quit it before --compact (it "
                    "rewrites the whole database file).",
                )
            )
        path = env.db.path
        env.db.close()
        retention.compact(path)
        print(
            translate(
                "Cli", "Compacted {path}; from now on the clean-up gives freed space back at once."
            ).format(path=path)
        )

    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser

    bp = sub.add_parser("backup", help="back up the workspace, list and restore backups")
    bsub = bp.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = bsub.add_parser("list", help="the backups in the backup folder, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup_list)
    p = bsub.add_parser("create", help="take a checked backup now")
    p.set_defaults(handler=cmd_backup_create)
    p = bsub.add_parser("restore", help="restore a backup to a new folder or over this one")
    p.add_argument("backup", help="a backup's name (from `daloy backup list`) or folder")
    p.add_argument("--to", metavar="FOLDER", help="restore as a new workspace in FOLDER")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace this workspace (Daloy must not be running on it)",
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_backup_restore)
    p = bsub.add_parser(
        "count-as-done",
        help="after a put-back: record what a held order had done since as done, not run again",
    )
    p.add_argument("run", help="the order's run id (`daloy hold list`, `daloy runs`)")
    p.set_defaults(handler=cmd_backup_count_as_done)
    p = bsub.add_parser("folder", help="show or set where backups go ('' for the default)")
    p.add_argument("folder", nargs="?", default=None)
    p.set_defaults(handler=cmd_backup_folder)
    p = sub.add_parser(
        "cleanup",
        help="archive finished orders older than the retention "
        "period and remove them from the live database",
    )
    p.add_argument(
        "--keep-days",
        type=bounded_int(1, 36500),
        default=None,
        help="keep finished orders this many days (saved; default 730)",
    )
    p.add_argument(
        "--compact",
        action="store_true",
        help="once: switch the file to incremental vacuum (Daloy must be stopped)",
    )
    p.set_defaults(handler=cmd_cleanup)
