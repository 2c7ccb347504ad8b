"""``daloy hold add|list|release``: hold orders as a group ("every order with COFFEE-3IN1, before
Charge, until restocked") and release them; the same audited actions as the GUI's. A runner in
another process sees a new or released hold at its next look (a couple of seconds)."""

from __future__ import annotations

import argparse

from app.cli_args import bounded_int
from app.cli_common import CliError, Env, out_json, when
from app.core.i18n import translate


def cmd_hold_add(env: Env, args: argparse.Namespace) -> int:
    if args.before_step and args.workflow:
        # A step name mistyped would hold nothing, silently: check it against the workflow.
        with env.db.read() as s:
            _row, _version, wf = env.store.current_workflow(s, args.workflow)
        if wf.step(args.before_step) is None:
            names = ", ".join(wf.step_names())
            raise CliError(
                translate(
                    "Cli",
                    "The workflow “{workflow}” has no step “{step}” (its steps: {names}). "
                    "Nothing was held.",
                ).format(workflow=args.workflow, step=args.before_step, names=names)
            )
    rule = env.actions.add_hold(
        sku=args.sku,
        customer=args.customer,
        workflow=args.workflow,
        before_step=args.before_step,
        note=args.note or "",
    )
    print(
        translate(
            "Cli", "Hold {id} is on: {rule}. Release it with `daloy hold release {id}`."
        ).format(id=rule.id, rule=rule.describe())
    )
    return 0


def cmd_hold_list(env: Env, args: argparse.Namespace) -> int:
    from app.store import holds

    with env.db.read() as s:
        rows = holds.listed(s, include_released=args.all)
    if args.json:
        from dataclasses import asdict

        out_json([asdict(r) | {"orders_held": n} for r, n in rows])
    elif not rows:
        print(
            translate("Cli", "No holds are on.")
            if not args.all
            else translate("Cli", "No holds were ever made.")
        )
    else:
        for rule, n in rows:
            if rule.released_at:
                state = translate("Cli", "released by {who} {when}").format(
                    who=rule.released_by, when=when(rule.released_at)
                )
            elif n == 1:
                state = translate("Cli", "1 order held")
            else:
                state = translate("Cli", "{count} orders held").format(count=n)
            print(
                translate("Cli", "#{id}  {rule}  (by {who} {when}; {state})").format(
                    id=rule.id,
                    rule=rule.describe(),
                    who=rule.created_by,
                    when=when(rule.created_at),
                    state=state,
                )
            )
    return 0


def cmd_hold_release(env: Env, args: argparse.Namespace) -> int:
    n = env.actions.release_hold(args.hold)
    if n == 1:
        released = translate("Cli", "Hold {id} released: 1 order goes on, oldest first.")
    else:
        released = translate("Cli", "Hold {id} released: {count} orders go on, oldest first.")
    print(released.format(id=args.hold, count=n))

    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser

    hp = sub.add_parser(
        "hold",
        help="hold orders as a group (by product, customer, workflow, "
        "before a step) and release them",
    )
    hsub = hp.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    p = hsub.add_parser("add", help="hold matching orders, now and as they arrive")
    p.add_argument("--sku", help="orders with this product (an order line's SKU)")
    p.add_argument("--customer", help="orders from this customer (name or email)")
    p.add_argument("--workflow", help="orders of this workflow")
    p.add_argument(
        "--before-step",
        metavar="STEP",
        help="stop before this step (default: at the order's next step)",
    )
    p.add_argument("--note", help="why, in your words (shown with every held order)")
    p.set_defaults(handler=cmd_hold_add)
    p = hsub.add_parser("list", help="holds that are on, with how many orders each holds")
    p.add_argument("--all", action="store_true", help="released ones too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_hold_list)
    p = hsub.add_parser("release", help="release a hold: its orders go on, oldest first")
    p.add_argument("hold", type=bounded_int(1, 2**62))
    p.set_defaults(handler=cmd_hold_release)
