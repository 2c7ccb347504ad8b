"""Marketplace polling against a local server that pages, throttles and fails; cron schedules
with missed runs folded into one."""

from __future__ import annotations

import threading
import time

import pytest

from app.intake.marketplace import MarketplaceChannel
from app.intake.schedule import ScheduleChannel
from app.store import connections
from app.store import intake as repo
from app.store.connections import ConnectionProvider
from tests.support.engine import stored


def market(store, marketplace):
    with store.db.write() as s:
        connections.save(
            s, "shopee", "marketplace", {"base_url": marketplace.url}, {"token": marketplace.token}
        )
    return MarketplaceChannel(
        store,
        channel="orders/market",
        workflow="orders",
        config={"connection": "shopee", "page_size": 10},
        connections=ConnectionProvider(store.db),
        paused=threading.Event(),
    )


def orders(n, start=0, stamp="2026-11-25T10:00"):
    return [
        {"id": f"M{i}", "updated_at": f"{stamp}:{i:02d}", "total": i}
        for i in range(start, start + n)
    ]


def count(store):
    return store.db.execute_sql("select count(*) from runs")[0][0]


def test_pages_through_and_advances_the_cursor_after_commit(store, marketplace):
    marketplace.add_orders(orders(35))
    ch = market(store, marketplace)
    assert ch.poll_once() == 35
    assert repo.get_cursor(store.db, "orders/market") == {"updated_since": "2026-11-25T10:00:34"}
    assert ch.poll_once() == 0  # nothing new, nothing twice
    marketplace.add_orders(orders(3, 35, stamp="2026-11-25T11:00"))
    assert ch.poll_once() == 3 and count(store) == 38


def test_throttled_and_failing_marketplace(store, marketplace):
    marketplace.add_orders(orders(5))
    ch = market(store, marketplace)
    marketplace.throttle_next(1, retry_after=2)
    assert ch.poll_once() == 0 and ch.not_before > time.time() + 1
    assert ch.poll_once() == 0  # still waiting as asked
    ch.not_before = 0
    marketplace.fail_next(1, 503)
    assert ch.poll_once() == 0
    assert repo.get_cursor(store.db, "orders/market") is None  # cursor did not move
    ch.not_before = 0
    assert ch.poll_once() == 5
    state = store.db.execute_sql("select last_error from channel_states")[0][0]
    assert "503" in state


@pytest.mark.parametrize(
    "page",
    [
        b"{not json",
        # Python reads it, JSON has no NaN and PostgreSQL would refuse the orders' rows: the
        # page is kept, the channel goes on (app.core.json_text)
        b'{"orders": [{"id": "M-1", "total": NaN}], "next_page_token": null}',
    ],
)
def test_garbage_answer_is_kept_for_the_operator(store, marketplace, page):
    ch = market(store, marketplace)
    marketplace.garble_next(body=page)
    assert ch.poll_once() == 0
    kinds = store.db.execute_sql("select kind, reason from inbox_items")
    assert kinds and kinds[0][0] == "intake_error" and "not JSON" in kinds[0][1]
    assert store.db.execute_sql("select count(*) from runs") == [(0,)]


def test_channel_down_alert_opens_once_and_closes_on_recovery(store, marketplace):
    ch = market(store, marketplace)
    marketplace.fail_next(5, 500)
    ch.poll_once()
    now = time.time()
    assert repo.check_health(store, "orders/market", "marketplace", 600, now=now + 700)
    assert repo.check_health(store, "orders/market", "marketplace", 600, now=now + 800)
    assert store.db.execute_sql("select count(*) from inbox_items where status='open'") == [(1,)]
    ch.not_before = 0
    for _ in range(5):
        ch.not_before = 0
        ch.poll_once()
    assert store.db.execute_sql("select status from inbox_items") == [("resolved",)]


def test_missed_schedules_are_folded_into_one_run_and_noted(store):
    ch = ScheduleChannel(
        store,
        channel="orders/daily",
        workflow="orders",
        config={"cron": "0 * * * *"},
        paused=threading.Event(),
    )
    assert ch.catch_up(now=1_000_000_000) == 0  # first start: nothing missed
    missed = ch.catch_up(now=1_000_000_000 + 5 * 3600 + 10)  # off for five hours
    assert missed == 5 and count(store) == 1
    trig = stored(store.db.execute_sql("select trigger from runs")[0][0])
    assert trig["schedule"]["missed"] == 5
    note = store.db.execute_sql("select title from inbox_items")[0][0]
    assert "5 scheduled run(s) missed" in note
    assert ch.catch_up(now=1_000_000_000 + 5 * 3600 + 20) == 0


def test_a_tick_after_sleep_notes_the_times_it_folded_in(store):
    ch = ScheduleChannel(
        store,
        channel="orders/hourly",
        workflow="orders",
        config={"cron": "0 * * * *"},
        paused=threading.Event(),
    )
    with store.db.write() as s:  # a stored last fire: 10:00 UTC
        repo.state(s, "orders/hourly", "schedule").cursor = {"last_fire": 1_000_000_800.0}
    on_time = 1_000_000_800 + 3600  # 11:00 — the tick APScheduler expects
    assert ch.catch_up(now=on_time + 1, expected=1) == 0 and count(store) == 1
    assert store.db.execute_sql("select count(*) from inbox_items") == [(0,)]
    late = on_time + 3 * 3600 + 5  # slept through 12:00 and 13:00; tick at 14:00
    assert ch.catch_up(now=late, expected=1) == 2 and count(store) == 2
    assert (
        "2 scheduled run(s) missed" in store.db.execute_sql("select title from inbox_items")[0][0]
    )
    ch.paused.set()  # paused: nothing fires, the cursor stays
    assert ch.catch_up(now=late + 3600, expected=1) == 0 and count(store) == 2
