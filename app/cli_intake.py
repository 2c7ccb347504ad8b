"""``daloy intake status|pause|resume``: the health of every intake channel, and a pause switch
that stops intake without stopping work in flight."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from app.cli_common import Env, out_json, when
from app.core.i18n import shown, translate


def cmd_status(env: Env, args: argparse.Namespace) -> int:
    from app.store import intake
    from app.store.models import ChannelState

    with env.db.read() as s:
        rows = [
            {
                "channel": c.channel,
                "kind": c.kind,
                "last_ok_at": c.last_ok_at,
                "last_error_at": c.last_error_at,
                "last_error": c.last_error,
                "last_error_words": c.last_error_words,  # its template (migration 0014)
                "failing": bool(c.last_error_at and (c.last_ok_at or 0) < c.last_error_at),
                "cursor": c.cursor,
            }
            for c in s.scalars(select(ChannelState).order_by(ChannelState.channel))
        ]
    paused = intake.is_paused(env.db)
    if args.json:
        out_json({"paused": paused, "channels": rows})
        return 0
    print(
        translate("Cli", "Intake is PAUSED.") if paused else translate("Cli", "Intake is running.")
    )
    if not rows:
        print(translate("Cli", "No intake channels have run yet."))
    for r in rows:
        state = translate("Cli", "FAILING") if r["failing"] else translate("Cli", "ok")
        line = translate("Cli", "{channel} {kind} {state} last good {when}").format(
            channel=f"{r['channel']:<40}",
            kind=f"{r['kind']:<12}",
            state=f"{state:<8}",
            when=when(r["last_ok_at"]),
        )
        if r["failing"]:
            error = shown(r["last_error_words"], r["last_error"] or "")  # --json: English
            line += translate("Cli", "  last error: {error}").format(error=error)
        print(line)
    return 0


def cmd_pause(env: Env, args: argparse.Namespace) -> int:
    from app.store import intake

    intake.set_paused(env.db, args.pause)
    print(
        translate("Cli", "Intake paused; running orders go on.")
        if args.pause
        else translate("Cli", "Intake resumed.")
    )

    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli_common import _Parser

    p = sub.add_parser("intake", help="intake channels: health, pause, resume")
    isub = p.add_subparsers(dest="verb", required=True, parser_class=_Parser)
    st = isub.add_parser("status", help="each channel's last good contact and last error")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_status)
    pa = isub.add_parser("pause", help="stop taking in orders (work in flight goes on)")
    pa.set_defaults(handler=cmd_pause, pause=True)
    re = isub.add_parser("resume", help="take in orders again")
    re.set_defaults(handler=cmd_pause, pause=False)
