"""Circuit breakers per outside system, against the real local payment gateway and real SQLite
files: a down system is said once, its orders wait without spending attempts, and carry on by
themselves, oldest first, when it is back; the breaker is durable and shared by runners."""

from __future__ import annotations

import time

import pytest

from app.core import machine as m
from app.store import breakers
from tests.support.engine import charge_workflow, run_status, runtime, save, stored, wait_for

WORKERS = 4
FAILURES = 4  # the breaker's threshold in these tests
# A worker whose call failed early may already be calling for its next order when the
# threshold's last failure is recorded: at most one call per other worker is in flight as the
# breaker opens. After that, only probes reach the system.
IN_FLIGHT = WORKERS - 1


def order(i: int) -> dict:
    return {"order": {"number": f"B{i:03}", "amount": 100 + i, "customer": f"Customer {i}"}}


def system_of(gateway) -> str:
    return f"host:127.0.0.1:{gateway.port}"


def configure(db, gateway, **kw) -> None:
    values = {
        "failures": FAILURES,
        "window": 60.0,
        "probe_after": 1.0,
        "probe_max": 3.0,
        "resume_per_second": 20.0,
        **kw,
    }
    with db.write() as s:
        breakers.configure(s, system_of(gateway), who="tester", **values)


def posts(gateway, before: float | None = None) -> int:
    with gateway.lock:
        return sum(
            1
            for r in gateway.requests
            if r["method"] == "POST" and (before is None or r["at"] < before)
        )


def breaker_state(db, gateway) -> str:
    rows = db.execute_sql(f"select state from breakers where system = '{system_of(gateway)}'")
    return rows[0][0] if rows else "none"


def parked(db, gateway) -> int:
    return db.execute_sql(
        f"select count(*) from step_runs where waiting_on = 'system:{system_of(gateway)}'"
    )[0][0]


def audit_count(db, action: str, before: float | None = None) -> int:
    return db.execute_sql(
        f"select count(*) from audit where action = '{action}'"
        + (f" and at < {before}" if before else "")
    )[0][0]


def booked_order(gateway, ids: list[str]) -> list[str]:
    """Run ids in the order the gateway booked their charges."""
    by_key = {f"daloy-{r}-charge": r for r in ids}
    with gateway.lock:
        charges = sorted(gateway.charges.values(), key=lambda c: int(c["id"][3:]))
    return [by_key[c["idempotency_key"]] for c in charges]


@pytest.fixture
def rt(data_dir, database):
    r = runtime(data_dir, workers=WORKERS)
    yield r
    r.shutdown(grace=2)
    r.db.close()


def test_forty_orders_meet_a_down_gateway(rt, payment_gateway):
    gw = payment_gateway
    save(rt.db, charge_workflow(gw.url, attempts=3))
    configure(rt.db, gw)
    gw.down()
    rt.start()
    ids = [rt.store.start_run("charge", order(i)) for i in range(40)]
    wait_for(lambda: breaker_state(rt.db, gw) != "none" and parked(rt.db, gw) >= 39, 30)
    # While it is down: one inbox entry for the system, none per order; nothing else fails.
    items = rt.db.execute_sql("select kind, title from inbox_items where status = 'open'")
    assert [k for k, _ in items] == [breakers.KIND], items
    assert "orders waiting" in items[0][1]
    assert {run_status(rt.db, r) for r in ids} == {m.RUN_WAITING} or wait_for(
        lambda: {run_status(rt.db, r) for r in ids} == {m.RUN_WAITING}, 10
    )
    # A waiting order says what it waits for, and has not used up its attempts.
    reason = rt.db.execute_sql(
        f"select error from step_runs where run_id = '{ids[-1]}' and name = 'charge'"
    )[0][0]
    assert reason.startswith(f"Waiting for {breakers.label(system_of(gw))} — down since")
    wait_for(lambda: audit_count(rt.db, "system_still_down") >= 2, 20)  # probes, backed off
    up_at = time.time()
    gw.up()
    for r in ids:
        wait_for(lambda r=r: run_status(rt.db, r) == m.RUN_SUCCEEDED, 60)
    probes = audit_count(rt.db, "system_probe", before=up_at)
    assert posts(gw, before=up_at) <= FAILURES + IN_FLIGHT + probes, (posts(gw, up_at), probes)
    assert booked_order(gw, ids) == ids  # arrival order, once each
    assert all(gw.charge_count(f"daloy-{r}-charge") == 1 for r in ids)
    kinds = rt.db.execute_sql("select kind, status, resolution from inbox_items")
    assert [(k, st) for k, st, _ in kinds] == [(breakers.KIND, "resolved")]
    note = stored(kinds[0][2])["note"]
    assert "was down for" in note and "40 orders waited" in note
    wait_for(lambda: breaker_state(rt.db, gw) == breakers.CLOSED, 10)  # nobody waits now
    for action in ("system_down", "system_probe", "system_back", "system_caught_up"):
        assert audit_count(rt.db, action) >= 1, action
    attempts = rt.db.execute_sql("select max(attempts) from step_runs where name = 'charge'")
    assert attempts[0][0] <= 3 + probes  # waiting spent no attempts


def _open_breaker(rt, gw, n: int = 6) -> list[str]:
    save(rt.db, charge_workflow(gw.url, attempts=3))
    configure(rt.db, gw, probe_after=60.0, probe_max=60.0)
    gw.down()
    rt.start()
    ids = [rt.store.start_run("charge", order(i)) for i in range(n)]
    wait_for(lambda: breaker_state(rt.db, gw) == breakers.OPEN and parked(rt.db, gw) == n, 30)
    return ids


def test_a_restart_keeps_the_breaker_open(rt, payment_gateway, data_dir):
    gw = payment_gateway
    ids = _open_breaker(rt, gw)
    rt.shutdown(grace=2)
    sent = posts(gw)
    again = runtime(data_dir, workers=WORKERS)
    again.start()
    try:
        assert breaker_state(again.db, gw) == breakers.OPEN
        late = again.store.start_run("charge", order(99))
        wait_for(lambda: parked(again.db, gw) == len(ids) + 1, 20)
        assert posts(gw) == sent  # nothing reached the gateway
        assert again.db.execute_sql("select count(*) from inbox_items")[0][0] == 1
        gw.up()
        with again.db.read() as s:
            item_id = s.scalar(breakers_item_id(s))
        again.actions.system_action(item_id, "try_now", who="maria")
        for r in [*ids, late]:
            wait_for(lambda r=r: run_status(again.db, r) == m.RUN_SUCCEEDED, 30)
        assert again.db.execute_sql("select who from audit where action = 'system_try_now'") == [
            ("maria",)
        ]
    finally:
        again.shutdown(grace=2)
        again.db.close()


def breakers_item_id(s):
    from sqlalchemy import select

    from app.store.models import InboxItem

    return select(InboxItem.id).where(InboxItem.kind == breakers.KIND, InboxItem.status == "open")


def test_two_runtimes_on_one_database_share_one_breaker(rt, payment_gateway, data_dir):
    gw = payment_gateway
    ids = _open_breaker(rt, gw)
    other = runtime(data_dir, workers=WORKERS)
    other.start()  # reads the breaker the first one opened
    try:
        sent = posts(gw)
        more = [other.store.start_run("charge", order(50 + i)) for i in range(6)]
        wait_for(lambda: parked(rt.db, gw) == len(ids) + len(more), 20)
        assert posts(gw) == sent  # neither runner sends
        assert rt.db.execute_sql("select count(*) from breakers")[0][0] == 1
        assert rt.db.execute_sql("select count(*) from inbox_items")[0][0] == 1
        gw.up()
        with other.db.read() as s:
            item_id = s.scalar(breakers_item_id(s))
        other.actions.system_action(item_id, "retry_all", who="maria")  # from the second one
        everything = [*ids, *more]
        for r in everything:
            wait_for(lambda r=r: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
        assert booked_order(gw, everything) == everything
        assert all(gw.charge_count(f"daloy-{r}-charge") == 1 for r in everything)
    finally:
        other.shutdown(grace=2)
        other.db.close()


def test_cancel_all_cancels_the_waiting_orders_only(rt, payment_gateway):
    gw = payment_gateway
    ids = _open_breaker(rt, gw, n=3)
    save(
        rt.db,
        {
            "name": "pure",
            "steps": [{"name": "t", "type": "transform", "config": {"values": {"x": 1}}}],
            "edges": [],
        },
    )
    other = rt.store.start_run("pure", {})
    wait_for(lambda: run_status(rt.db, other) == m.RUN_SUCCEEDED)  # other orders run on
    with rt.db.read() as s:
        item_id = s.scalar(breakers_item_id(s))
    said = rt.actions.system_action(item_id, "cancel_all", who="maria")
    assert said.startswith("3 orders waiting for")
    assert {run_status(rt.db, r) for r in ids} == {m.RUN_CANCELLED}
    assert audit_count(rt.db, "cancel") == 3
    assert rt.db.execute_sql("select status from inbox_items") == [("resolved",)]


def test_the_command_line_offers_a_down_systems_actions(rt, payment_gateway, data_dir, capsys):
    """``daloy inbox resolve --action try-now|keep-waiting|retry-all`` on the system_down
    entry, each audited; an order's action on it is refused with a sentence."""
    from app.cli import main

    gw = payment_gateway
    ids = _open_breaker(rt, gw, n=3)
    with rt.db.read() as s:
        item = str(s.scalar(breakers_item_id(s)))

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), "inbox", "resolve", item, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = cli("--action", "retry")
    assert code != 0 and "Unknown action" in err and "try_now" in err, err
    code, out, _ = cli("--action", "keep-waiting")
    assert code == 0 and "keeps waiting for" in out, out
    assert audit_count(rt.db, "system_keep_waiting") == 1
    probes = audit_count(rt.db, "system_probe")
    code, out, _ = cli("--action", "try-now")
    assert code == 0 and "tries" in out and audit_count(rt.db, "system_try_now") == 1
    # the probe asked for finds the system still down; only then does it come back, so no
    # probe can close the entry before the operator's retry-all (the next is a minute away)
    wait_for(
        lambda: (
            audit_count(rt.db, "system_probe") > probes
            and breaker_state(rt.db, gw) == breakers.OPEN
        ),
        15,
    )
    gw.up()
    code, out, err = cli("--action", "retry-all")
    assert code == 0 and "go on now, oldest first" in out, (out, err)
    for r in ids:
        wait_for(lambda r=r: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
    assert booked_order(gw, ids) == ids


def test_the_command_line_cancels_every_waiting_order(rt, payment_gateway, data_dir, capsys):
    from app.cli import main

    ids = _open_breaker(rt, payment_gateway, n=2)
    with rt.db.read() as s:
        item = str(s.scalar(breakers_item_id(s)))
    assert main(["--data-dir", str(data_dir), "inbox", "resolve", "--help"]) == 0
    said = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    assert all(w in said for w in ("try-now", "keep-waiting", "retry-all", "cancel-all"))
    assert (
        main(["--data-dir", str(data_dir), "inbox", "resolve", item, "--action", "cancel-all"]) == 0
    )
    assert capsys.readouterr().out.startswith(f"Inbox entry {item}: 2 orders waiting for")
    assert {run_status(rt.db, r) for r in ids} == {m.RUN_CANCELLED}
