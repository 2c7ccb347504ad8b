"""The dashboard's figures match counts made by hand over a generated history, and each figure's
orders are exactly the ones behind it."""

from __future__ import annotations

import random
import time
from datetime import datetime

from app.store import dashboard, queries
from app.store.db import Database
from app.store.models import Attempt, InboxItem, IntakeItem, Run, StepRun
from tests.support.engine import save

WF = {
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "charge", "type": "transform", "config": {"values": {"x": 1}}}],
}
DAY = 86400.0
CHANNELS = ("orders/mail", "orders/web", None)


def generate(db: Database, n: int, seed: int = 7, now: float | None = None) -> list[dict]:
    """``n`` orders over 10 days with random channels, outcomes and questions; returns what
    was made, for counting by hand."""
    rng = random.Random(seed)
    now = now or time.time()
    made = []
    version = db.execute_sql("select id, workflow_id from workflow_versions")[0]
    with db.write() as s:
        for i in range(n):
            created = now - rng.uniform(0, 10 * DAY)
            channel = rng.choice(CHANNELS)
            outcome = rng.choice(("clean", "clean", "clean", "asked", "failed", "waiting", "held"))
            rid = f"r{i:05d}"
            status = {
                "clean": "succeeded",
                "asked": "succeeded",
                "failed": "needs_attention",
                "waiting": "waiting",
                "held": "waiting",
            }[outcome]
            item_id = None
            if channel:
                item = IntakeItem(
                    channel=channel,
                    dedupe_key=f"k{i}",
                    status="started",
                    run_id=rid,
                    received_at=created,
                )
                s.add(item)
                s.flush()
                item_id = item.id
            s.add(
                Run(
                    id=rid,
                    workflow_id=version[1],
                    version_id=version[0],
                    workflow_name="orders",
                    status=status,
                    business_key=f"N{i}",
                    trigger={},
                    intake_item_id=item_id,
                    created_at=created,
                    updated_at=created,
                    finished_at=created + 60 if status == "succeeded" else None,
                )
            )
            s.add(
                StepRun(
                    run_id=rid,
                    name="charge",
                    type="http_request",
                    position=0,
                    state="succeeded",
                    max_attempts=3,
                    updated_at=created,
                    input={"url": "https://pay.example.com/charges"},
                    waiting_on="hold:1" if outcome == "held" else None,
                )
            )
            took = None
            if outcome in ("asked", "failed"):
                s.add(
                    Attempt(
                        run_id=rid,
                        step_name="charge",
                        number=1,
                        started_at=created,
                        outcome="failed",
                        error="declined",
                    )
                )
                took = rng.uniform(60, 3600) if outcome == "asked" else None
                s.add(
                    InboxItem(
                        kind="step_failed",
                        status="resolved" if took else "open",
                        title="?",
                        reason="?",
                        run_id=rid,
                        step_name="charge",
                        created_at=created + 10,
                        resolved_at=created + 10 + took if took else None,
                    )
                )
            made.append(
                {
                    "id": rid,
                    "created": created,
                    "channel": channel or "by hand",
                    "outcome": outcome,
                    "took": took,
                }
            )
    return made


def test_figures_match_hand_counts(tmp_path, open_db):
    db = open_db(tmp_path)
    save(db, WF)
    now = time.time()
    made = generate(db, 400, now=now)
    since, until = now - 7 * DAY, now
    inside = [m for m in made if since <= m["created"] < until]
    with db.read() as s:
        f = dashboard.figures(s, since, until)
    assert f.orders == len(inside)
    per_day: dict = {}
    for m in inside:
        day = datetime.fromtimestamp(m["created"]).strftime("%Y-%m-%d")
        per_day.setdefault(day, {}).setdefault(m["channel"], 0)
        per_day[day][m["channel"]] += 1
    assert f.per_day == per_day
    assert f.clean == sum(m["outcome"] == "clean" for m in inside)
    assert f.needed_person == sum(m["outcome"] in ("asked", "failed") for m in inside)
    took = sorted(m["took"] for m in inside if m["took"])
    assert f.resolved == len(took)
    assert (
        abs(
            f.resolve_median
            - (
                took[len(took) // 2]
                if len(took) % 2
                else (took[len(took) // 2 - 1] + took[len(took) // 2]) / 2
            )
        )
        < 1e-6
    )
    assert f.open_questions == sum(m["outcome"] == "failed" for m in inside)
    assert f.waiting_person == sum(m["outcome"] in ("failed", "held") for m in inside)
    assert f.waiting_system == sum(m["outcome"] == "waiting" for m in inside)
    failures = sum(m["outcome"] in ("asked", "failed") for m in inside)
    assert f.failing_steps == [("orders ▸ charge", failures)]
    assert f.failing_systems == [("pay.example.com:443", failures)]

    with db.read() as s:
        behind = set(dashboard.orders_behind(s, "clean", since, until))
        assert behind == {m["id"] for m in inside if m["outcome"] == "clean"}
        day = sorted(per_day)[0]
        key = f"{day}|orders/mail"
        assert len(dashboard.orders_behind(s, "day", since, until, key)) == per_day[day].get(
            "orders/mail", 0
        )
        assert set(
            dashboard.orders_behind(s, "failing_system", since, until, "pay.example.com:443")
        ) == {m["id"] for m in inside if m["outcome"] in ("asked", "failed")}
        shown = queries.list_orders(s, limit=1000, run_ids=sorted(behind))
        assert {r.id for r in shown} == behind  # the Orders list shows them
    db.close()
