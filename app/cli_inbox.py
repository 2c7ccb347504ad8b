"""``daloy inbox list|resolve``: the open questions for a person, and acting on one. Each
option goes with one action; ``--input`` of a retry is explained and checked against the step
type's settings before anything changes."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli_args import bounded_int
from app.cli_common import CliError, Env, out_json, parse_json_arg
from app.core.i18n import shown, translate


def cmd_inbox_list(env: Env, args: argparse.Namespace) -> int:
    from app.store.queries import open_inbox

    with env.db.read() as s:
        items = open_inbox(s)
    if args.json:
        out_json(items)
    elif not items:
        print(translate("Cli", "The inbox is empty: nothing needs you."))
    else:
        for i in items:
            # the stored sentence in the reader's language (its template, when it has one)
            reason = shown((i.get("words") or {}).get("reason"), i["reason"])
            print(
                f"#{i['id']}  {i['kind']:<12} {i['business_key'] or i['workflow'] or '-':<20} "
                f"{reason}"
            )
    return 0


ENTRY_ACTIONS = ("retry", "skip", "restart", "choose", "cancel", "dismiss")

# Which options go with which action: one given with another action is refused, not ignored.
ACTION_OPTIONS = {
    "option": "choose",
    "values": "choose",
    "output": "skip",
    "port": "skip",
    "input": "retry",
    "from_step": "restart",
}


def retry_input(env: Env, item_id: int, edited: Any) -> dict:
    """The input a retry runs with: the step's last input (its settings, templates filled in)
    with the keys given in ``--input`` replaced, checked against the step type's settings so
    the step cannot fail on a missing or unknown one."""
    from sqlalchemy import select

    from app.core.schema import TEMPLATED, check_config
    from app.store.models import StepRun

    if not isinstance(edited, dict):
        raise CliError(
            translate(
                "Cli",
                "--input is the step's input as one JSON object (its settings with "
                'templates filled in), e.g. \'{"to": "ana@example.com"}\'; see '
                "`daloy runs show RUN --json` (steps[].input).",
            )
        )
    item = env.actions.item(item_id)
    with env.db.read() as s:
        row = s.scalar(
            select(StepRun).where(StepRun.run_id == item.run_id, StepRun.name == item.step_name)
        )
    if row is None:
        return edited  # the action itself says why it cannot retry
    spec = env.registry.specs.get(row.type)
    merged = {**(row.input if isinstance(row.input, dict) else {}), **edited}
    # A templated setting's filled-in value may be any JSON (a number, true): only its
    # absence is a problem; other settings are checked as the editor checks them.
    templated = {f.name for f in spec.fields if f.kind in TEMPLATED} if spec else set()
    problems = [
        p
        for p in (check_config(spec.fields, merged) if spec is not None else [])
        if p.field not in templated or merged.get(p.field) in (None, "")
    ]
    if problems:
        raise CliError(
            translate(
                "Cli",
                "The edited input does not fit step “{step}” (a {type} step): {problems}. "
                "Nothing was changed.",
            ).format(step=row.name, type=row.type, problems="; ".join(p.message for p in problems))
        )
    return merged


def cmd_inbox_resolve(env: Env, args: argparse.Namespace) -> int:
    defaults = {"port": "out"}
    for name, action in ACTION_OPTIONS.items():
        if getattr(args, name) not in (None, defaults.get(name)) and args.action != action:
            flag = "--" + name.replace("_", "-")
            raise CliError(
                translate(
                    "Cli", "{flag} goes with --action {action}, not with --action {other}."
                ).format(flag=flag, action=action, other=args.action)
            )
    output = parse_json_arg(args.output, "output")
    new_input = parse_json_arg(args.input, "input")
    values = parse_json_arg(args.values, "values")
    if values is not None and not isinstance(values, dict):
        raise CliError(
            translate(
                "Cli",
                "--values is one JSON object of the fields filled in, e.g. "
                '\'{"note": "call the customer"}\'.',
            )
        )
    if new_input is not None:
        new_input = retry_input(env, args.item, new_input)
    # A down system's actions (try_now, ...) are spelled with hyphens on the command line.
    said = env.actions.resolve(
        args.item,
        args.action.replace("-", "_"),
        option=args.option,
        output=output,
        port=args.port,
        new_input=new_input,
        from_step=args.from_step,
        values=values,
    )
    # A down system's action says what it did (how many orders, what happens next).
    if isinstance(said, str):
        print(translate("Cli", "Inbox entry {item}: {said}").format(item=args.item, said=said))
    else:
        print(
            translate("Cli", "Inbox entry {item}: {action} done.").format(
                item=args.item, action=args.action
            )
        )

    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser
    from app.store.system_actions import SYSTEM_ACTIONS

    ib = sub.add_parser("inbox", help="the exceptions inbox")
    isub = ib.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = isub.add_parser("list", help="open entries")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_inbox_list)
    p = isub.add_parser("resolve", help="act on an entry")
    p.add_argument("item", type=bounded_int(1, 2**62))
    system_words = tuple(a.replace("_", "-") for a in SYSTEM_ACTIONS)
    p.add_argument(
        "--action",
        required=True,
        choices=(*ENTRY_ACTIONS, *system_words),
        help="retry, skip, restart, choose, cancel or dismiss an order's entry; "
        "for a system that is down (kind system_down): try-now (try it at "
        "once), keep-waiting (leave the orders waiting, Daloy tries it now "
        "and then), retry-all (it is back: the waiting orders go on, oldest "
        "first), cancel-all (cancel every order waiting for it)",
    )
    p.add_argument("--option", help="with choose: the option's name")
    p.add_argument("--values", metavar="JSON", help="with choose: the fields filled in")
    p.add_argument("--output", metavar="JSON|@FILE", help="with skip: the step's output")
    p.add_argument("--port", default="out", help="with skip: the output to continue from")
    p.add_argument(
        "--input",
        metavar="JSON|@FILE",
        help="with retry: the step's input to use (a JSON object: its settings with "
        "templates filled in; keys you leave out keep their last value, see "
        "`daloy runs show RUN --json`)",
    )
    p.add_argument("--from-step", metavar="NAME", help="with restart: the step to restart from")
    p.set_defaults(handler=cmd_inbox_resolve)
