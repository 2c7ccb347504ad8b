"""``daloy connection add|list|test|remove``. Secrets are read from a prompt or stdin, never from
the command line (argv is visible to every user of the machine)."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli_common import CliError, Env, out_json
from app.core.i18n import translate


def _parse_settings(pairs: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise CliError(
                translate("Cli", "“{pair}” should look like key=value.").format(pair=pair)
            )
        out[key] = int(value) if value.isascii() and value.isdigit() else value
    return out


def _check(name: str, kind: str, settings: dict[str, object]) -> None:
    """Refuse at once what the connection could never use (a blank or multi-line name, a port
    that is no port, an unknown mail security), instead of failing on first use."""
    from app.connectors import mailservers
    from app.store.workflows import name_problem

    if (problem := name_problem(name, "connection")) is not None:
        raise CliError(problem)
    port = settings.get("port")
    if port is not None and not (isinstance(port, int) and 1 <= port <= 65535):
        raise CliError(
            translate(
                "Cli",
                "The port of connection “{name}” must be a whole number from 1 to 65535, not "
                "“{port}”.",
            ).format(name=name, port=port)
        )
    if kind in ("smtp", "imap"):
        mailservers.security(settings, name, "ssl")  # raises the sentence


def _kinds_help() -> str:
    from app.store import connections

    return (
        "kinds, their settings (--set) and secrets (prompted or --secret-stdin):\n"
        + "\n".join(
            f"  {k.name:<12} {k.title}: settings {', '.join(k.settings)}; "
            f"secret {', '.join(k.secrets)}"
            for k in connections.KINDS.values()
        )
        + "\n  security (smtp, imap): ssl, starttls, or plain (only to this computer)"
    )


def cmd_add(env: Env, args: argparse.Namespace) -> int:
    from app.secrets import clean
    from app.store import connections

    kind = connections.KINDS.get(args.kind)
    if kind is None:
        raise CliError(
            translate("Cli", "Unknown kind “{kind}”; use one of: {kinds}.").format(
                kind=args.kind, kinds=", ".join(connections.KINDS)
            )
        )
    settings = _parse_settings(args.set)
    _check(args.name, args.kind, settings)  # refused before a secret is asked for
    secrets: dict[str, str] = {}
    if args.secret_stdin:
        if args.secret_stdin not in kind.secrets:
            raise CliError(
                translate("Cli", "A {kind} connection has no secret “{secret}”.").format(
                    kind=kind.title, secret=args.secret_stdin
                )
            )
        # clean() strips the line ending (\r\n from a Windows pipe) and refuses an empty value
        # or a control character before anything is saved.
        secrets[args.secret_stdin] = clean(args.name, args.secret_stdin, sys.stdin.readline())
    elif not args.no_secret:
        for field in kind.secrets:
            if sys.stdin.isatty():
                value = getpass.getpass(
                    translate("Cli", "{field} for {name} (hidden, empty to skip): ").format(
                        field=field, name=args.name
                    )
                )
                if value.strip("\r\n"):
                    secrets[field] = clean(args.name, field, value)
    with env.db.write() as s:
        connections.save(s, args.name, args.kind, settings, secrets)
    if secrets:
        saved = translate("Cli", "Saved connection “{name}” (secret stored in the keyring).")
    else:
        saved = translate("Cli", "Saved connection “{name}”.")
    print(saved.format(name=args.name))
    return 0


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    from app import secrets
    from app.store import connections, workspace

    space = workspace.id_of(env.db)  # this data folder's secrets only
    with env.db.read() as s:
        rows = [
            {
                "name": c.name,
                "kind": c.kind,
                "settings": c.settings,
                "secrets": {
                    f: secrets.has_secret(c.name, f, space)
                    for f in connections.KINDS.get(c.kind, connections.KINDS["http"]).secrets
                },
            }
            for c in connections.list_all(s)
        ]
    if args.json:
        out_json(rows)
    elif not rows:
        print(
            translate(
                "Cli", "No connections yet: daloy connection add NAME --kind smtp --set host=..."
            )
        )
    for r in rows if not args.json else []:
        saved = ", ".join(
            (
                translate("Cli", "{secret} saved") if ok else translate("Cli", "{secret} missing")
            ).format(secret=f)
            for f, ok in r["secrets"].items()
        )
        print(f"{r['name']}  ({r['kind']})  {saved}")
    return 0


def cmd_test(env: Env, args: argparse.Namespace) -> int:
    """The same test and words as the form's Test button; the technical detail goes to the log."""
    import logging

    from app.connectors.connection_check import ConnectionProblem, check
    from app.store.connections import ConnectionProvider

    conn = ConnectionProvider(env.db).get(args.name)  # a missing one: said in words
    settings = {k: v for k, v in conn.items() if k not in ("name", "kind")}
    try:
        print(check(env.db, args.name, conn["kind"], settings, {}))  # redacted: a server's words
    except ConnectionProblem as exc:
        logging.getLogger("daloy.cli").info("connection test of %s: %s", args.name, exc.detail)
        raise
    return 0


def cmd_remove(env: Env, args: argparse.Namespace) -> int:
    from app.store import connections

    with env.db.write() as s:
        connections.remove(s, args.name)
    print(translate("Cli", "Removed connection “{name}” and its secrets.").format(name=args.name))

    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser

    p = sub.add_parser("connection", help="connections to mail servers, APIs and databases")
    csub = p.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    a = csub.add_parser(
        "add",
        help="add or change a connection; secrets are prompted for",
        epilog=_kinds_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("name")
    a.add_argument("--kind", required=True)
    a.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a non-secret setting (repeat)",
    )
    a.add_argument("--secret-stdin", metavar="FIELD", help="read this secret from stdin")
    a.add_argument("--no-secret", action="store_true", help="do not ask for secrets")
    a.set_defaults(handler=cmd_add)
    lst = csub.add_parser("list", help="list connections (never shows secrets)")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)
    t = csub.add_parser("test", help="try the connection for real")
    t.add_argument("name")
    t.set_defaults(handler=cmd_test)
    r = csub.add_parser("remove", help="remove the connection and its secrets")
    r.add_argument("name")
    r.set_defaults(handler=cmd_remove)
