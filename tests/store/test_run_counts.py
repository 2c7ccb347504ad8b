"""``run_counts`` (migration 0008, kept by SQL triggers) always equals counting the orders
themselves: after orders arrive, change status, get their intake item, move in time, turn out
to be practice, and are archived (deleted). The dashboard reads it for whole quarter hours."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app.store import dashboard
from app.store.db import Database
from app.store.models import Attempt, InboxItem, IntakeItem, Run, StepRun
from tests.store.test_dashboard import DAY, WF, generate
from tests.support.engine import save

DIRECT = (
    "SELECT CAST(r.created_at / 900 AS INTEGER), coalesce(i.channel, 'by hand'), r.status,"
    " count(*) FROM runs r LEFT JOIN intake_items i ON i.id = r.intake_item_id "
    "WHERE r.practice = 0 GROUP BY 1, 2, 3"
)

CHANGE = st.tuples(
    st.integers(0, 59),
    st.sampled_from(
        (
            "succeeded",
            "waiting",
            "needs_attention",
            "cancelled",
            "move",
            "practice",
            "intake",
            "delete",
        )
    ),
)


def counted(db: Database) -> set[tuple]:
    return {
        tuple(r)
        for r in db.execute_sql("SELECT slot, channel, status, n FROM run_counts WHERE n != 0")
    }


def test_run_counts_follow_every_change(tmp_path):
    db = Database.open_dir(tmp_path)  # one database: migrations take seconds
    save(db, WF)
    try:
        check_changes(db)
    finally:
        db.close()


def check_changes(db: Database) -> None:
    @settings(max_examples=15, deadline=None)
    @given(changes=st.lists(CHANGE, max_size=25))
    def check(changes: list[tuple[int, str]]) -> None:
        with db.write() as s:  # a fresh history for each example
            for model in (Attempt, InboxItem, StepRun, Run, IntakeItem):
                s.execute(delete(model))
        now = time.time()
        generate(db, 60, now=now)
        with db.write() as s:
            for n, (i, change) in enumerate(changes):
                run = s.get(Run, f"r{i:05d}")
                if run is None:
                    continue
                if change == "move":
                    run.created_at -= 3 * DAY + 450
                elif change == "practice":
                    run.practice = not run.practice
                elif change == "intake":
                    item = IntakeItem(
                        channel="orders/shop",
                        dedupe_key=f"late-{n}",
                        status="started",
                        run_id=run.id,
                        received_at=now,
                    )
                    s.add(item)
                    s.flush()
                    run.intake_item_id = item.id
                elif change == "delete":  # as the clean-up archives an order
                    for model in (Attempt, InboxItem, StepRun):
                        s.execute(delete(model).where(model.run_id == run.id))
                    s.delete(run)
                else:
                    run.status = change
                s.flush()
        assert counted(db) == {tuple(r) for r in db.execute_sql(DIRECT)}
        # the dashboard (whole slots from run_counts) agrees with a plain count of the period
        since, until = now - 20 * DAY + 123, now - 2 * DAY + 77
        with db.read() as s:
            f = dashboard.figures(s, since, until)
        assert (
            f.orders
            == db.execute_sql(
                f"SELECT count(*) FROM runs WHERE practice = 0 AND created_at >= {since} "
                f"AND created_at < {until}"
            )[0][0]
        )

    check()
