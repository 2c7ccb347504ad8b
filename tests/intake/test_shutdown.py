"""Quitting while intake reads: a check held mid-pass at a gate (``app.crashpoints.gate``) when
the runtime shuts down. Shutdown asks it to stop, waits for it to end at its next safe point
(after the message or page being committed, with what it took in acknowledged), and only then
returns, so the database is closed after it; a restart takes in the rest. Every email, every
marketplace order, is taken in exactly once across the shutdown and the restart."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from app import crashpoints
from app.intake.manager import IntakeManager
from app.runtime.runtime import Runtime
from app.store import connections
from app.store import intake as repo
from tests.support.engine import open_database, save, wait_for

MESSAGES = 6


def workflow(trigger: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "orders",
        "business_key": "{{ trigger.order.number | default(trigger.order.id) }}",
        "triggers": [{"id": "in", **trigger}],
        "steps": [
            {"name": "note", "type": "transform", "config": {"values": {"n": "{{ trigger }}"}}}
        ],
    }


def mail(n: int) -> bytes:
    return (
        f"From: customer{n}@example.com\r\nTo: orders@shop.example\r\nSubject: Order {n}\r\n"
        f"Message-ID: <order-{n}@example.com>\r\n\r\nSKU: RICE-25\r\nQty: {n}\r\n"
    ).encode()


@contextmanager
def running(data_dir: Any) -> Iterator[Runtime]:
    """A runtime with intake on the test's database, as the app starts it; shut down and the
    database closed at the end (if the test did not)."""
    db = open_database(data_dir)
    rt = Runtime(db, data_dir=data_dir, poll_interval=0.2)
    rt.intake = IntakeManager()
    rt.add_extension(rt.intake)
    rt.start()
    try:
        yield rt
    finally:
        rt.shutdown(grace=5)
        db.close()


def taken_in(db: Any) -> tuple[int, int, int]:
    """(intake items, runs, distinct business keys)."""
    runs = db.execute_sql("select count(*), count(distinct business_key) from runs")[0]
    return db.execute_sql("select count(*) from intake_items")[0][0], runs[0], runs[1]


def shut_down_while_held(rt: Runtime, held: crashpoints.Gate, stopped: threading.Event) -> None:
    """Shut ``rt`` down while a check waits at ``held``: shutdown asks the check to stop
    (``stopped`` is set), then waits for it, and returns only once the check has ended."""
    quitting = threading.Thread(target=rt.shutdown, kwargs={"grace": 60}, daemon=True)
    quitting.start()
    wait_for(stopped.is_set, 10)
    assert quitting.is_alive() and rt.intake.jobs.running >= 1  # waiting for the check
    held.release()
    quitting.join(60)
    assert not quitting.is_alive()
    assert rt.intake.jobs.running == 0  # no check under way: the database may be closed now


@pytest.mark.imap
def test_quitting_mid_poll_takes_every_email_in_exactly_once(store, mailbox, data_dir):
    trigger = {
        "type": "imap",
        "config": {"connection": "mailbox", "subject_regex": r"Order (?P<number>\d+)"},
    }
    save(store.db, workflow(trigger))
    for n in range(MESSAGES):
        mailbox.append(mail(n))
    held = crashpoints.gate("imap_after_ingest")
    try:
        with running(data_dir) as rt:
            assert held.reached.wait(30)  # one message committed, not yet marked seen
            [channel] = rt.intake.channels
            shut_down_while_held(rt, held, channel.stop_event)
            rt.db.close()
            first = taken_in(store.db)[0]
            seen = [uid for uid, flags in mailbox.messages() if "Seen" in flags]
            # it stopped after the message it held, and marked what it had taken in
            assert 1 <= first < MESSAGES and len(seen) == first
    finally:
        crashpoints.ungate("imap_after_ingest")
    with running(data_dir) as rt:  # the restart takes the rest in
        wait_for(lambda: taken_in(store.db)[0] == MESSAGES, 30, interval=0.1)
        wait_for(lambda: all("Seen" in f for _u, f in mailbox.messages()), 30, interval=0.1)
    assert taken_in(store.db) == (MESSAGES, MESSAGES, MESSAGES)


def test_quitting_between_marketplace_pages_takes_every_order_in_once(store, marketplace, data_dir):
    with store.db.write() as s:
        connections.save(
            s, "market", "marketplace", {"base_url": marketplace.url}, {"token": marketplace.token}
        )
    trigger = {"type": "marketplace", "config": {"connection": "market", "page_size": 2}}
    save(store.db, workflow(trigger))
    marketplace.add_orders(
        [{"id": f"M{i}", "updated_at": f"2026-11-25T10:00:{i:02d}"} for i in range(7)]
    )
    held = crashpoints.gate("poll_between_pages")
    try:
        with running(data_dir) as rt:
            assert held.reached.wait(30)  # the first page committed, the next not yet asked
            [channel] = rt.intake.channels
            shut_down_while_held(rt, held, channel.stopped)
            rt.db.close()
            assert taken_in(store.db)[0] == 2  # one page, and not a page more
            # the cursor waits for a whole pass: the restart reads from the start again
            assert repo.get_cursor(store.db, channel.channel) is None
    finally:
        crashpoints.ungate("poll_between_pages")
    with running(data_dir):
        wait_for(lambda: taken_in(store.db)[0] == 7, 30, interval=0.1)
    assert taken_in(store.db) == (7, 7, 7)
    assert repo.get_cursor(store.db, "orders/in") == {"updated_since": "2026-11-25T10:00:06"}
