"""The desktop app on a shared PostgreSQL database: an operator's action on another PC (here a
second Daloy process's ``OperatorActions`` on the same server, as ``daloy inbox resolve`` on
another computer would be) reaches this window's inbox through the database's notifications.
The window itself never polls the database, so the inbox following the other PC at all is the
notification path at work; the bound is generous for a busy test machine."""

from __future__ import annotations

import argparse

import shiboken6

from app.cli import Env
from app.core.kinds import EventKind
from app.store import inbox
from app.store.runs import Event


def shown(window) -> set[str]:  # noqa: ANN001
    return {item["title"] for item in window.inbox.items}


def test_an_action_on_another_pc_shows_in_this_window(pg_url, qtbot, tmp_path, keyring_tmp):
    from app.ui.main import build

    here = Env(argparse.Namespace(data_dir=str(tmp_path / "pc1"), database_url=pg_url))
    ctx, window = build(here)
    window.show()
    there = Env(argparse.Namespace(data_dir=str(tmp_path / "pc2"), database_url=pg_url))
    title = "Printer on PC 2 is out of paper"
    try:
        with there.db.write() as s:  # something on PC 2 asks for a person
            item, _ = inbox.open_alert(s, "system", "test:other-pc", title, "Refill it.")
            item_id = item.id
        there.store.emit([Event(EventKind.INBOX_OPENED, inbox_id=item_id)])
        qtbot.waitUntil(lambda: title in shown(window), timeout=10_000)
        there.actions.dismiss(item_id, who="pc-2")  # and the operator there answers it
        qtbot.waitUntil(lambda: title not in shown(window), timeout=10_000)
    finally:
        window.quitting = True
        window.close()
        ctx.runtime.shutdown(grace=2)
        ctx.events.detach()
        window.deleteLater()  # its pages' timers go with it: nothing reads after the test
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
        ctx.wait_for_background(5000)
        there.db.close()
        here.db.close()
