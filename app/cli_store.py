"""``daloy store copy|password``: moving a workspace to a shared PostgreSQL database, and keeping
that database's password in the OS keyring instead of in the URL."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli_common import CliError, Env
from app.core.i18n import translate


def cmd_copy(env: Env, args: argparse.Namespace) -> int:
    from app.runtime.presence import runner_running
    from app.store import copy, dburl
    from app.store.datafolder import DB_FILENAME

    if runner_running(env.data_dir):
        raise CliError(
            translate(
                "Store",
                "A Daloy runner (or the desktop app) is working on {folder}; stop it first, so "
                "the copy holds every order.",
            ).format(folder=env.data_dir)
        )
    source = env.data_dir / DB_FILENAME
    print(
        translate("Store", "Copying {source} to {target} …").format(
            source=source, target=dburl.shown(args.to)
        ),
        flush=True,
    )
    report = copy.copy_workspace(source, args.to)
    for line in report.lines():
        print(line)
    if report.nul_replaced:
        print(
            translate(
                "Store",
                "{n} NUL characters in stored text (PostgreSQL cannot hold them) were written "
                "as �.",
            ).format(n=report.nul_replaced)
        )
    total = sum(t.rows for t in report.tables)
    print(
        translate(
            "Store",
            "Copied {total} rows in {tables} tables; counts and checksums match. {source} was "
            "left untouched. From now on start every Daloy of this shop with --database-url "
            "{target} (its password in the URL, or saved with `daloy store password`).",
        ).format(
            total=total,
            tables=len(report.tables),
            source=source,
            target=dburl.shown(dburl.parse(args.to).set(password=None)),
        )
    )
    return 0


def cmd_password(env: Env, args: argparse.Namespace) -> int:
    from app.store import dburl

    url = dburl.parse(args.to)
    if url.drivername.startswith("sqlite"):
        raise CliError(translate("Store", "A database file has no password; give a server URL."))
    if sys.stdin.isatty():
        password = getpass.getpass(
            translate("Store", "Password of {user} at {where}: ").format(
                user=url.username, where=dburl.where(url)
            )
        )
    else:  # piped in (a script): the first line
        password = sys.stdin.readline().rstrip("\r\n")
    dburl.save_password(url, password)
    print(
        translate(
            "Store",
            "Saved in this computer's keyring; use {url} without the password from now on.",
        ).format(url=dburl.shown(url.set(password=None)))
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser

    p = sub.add_parser("store", help="the database: move to PostgreSQL, its password")
    ssub = p.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    c = ssub.add_parser(
        "copy",
        help="copy this data folder's database into an empty PostgreSQL database "
        "(the file is left untouched)",
    )
    c.add_argument("--to", required=True, metavar="URL", help="postgresql://USER@HOST:PORT/NAME")
    c.set_defaults(handler=cmd_copy)
    w = ssub.add_parser(
        "password",
        help="keep a PostgreSQL database's password in the OS keyring (typed, or one line "
        "on standard input)",
    )
    w.add_argument("--to", required=True, metavar="URL", help="postgresql://USER@HOST:PORT/NAME")
    w.set_defaults(handler=cmd_password)
