"""After a put-back, an order that was waiting for a person in the backup (a failed step, a
decision) is not held — the operator acts on it in the inbox — but its entry says what the
replaced workspace had done for it since, and a retry, skip or answer that would do that again
is refused in words until the operator counts those steps as done or says to do them again
(``app.store.restored_choice``, ``app.store.restored_entries``). And a held parent stays held when its
child order finishes: it wakes only when released (``statements.WAKE_SLEEPING``). Real SQLite
files and PostgreSQL, the real runtime, a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import pytest

from app.core import machine as m
from app.store import backups, holds, restored, restored_choice, restored_entries, restored_holds
from app.store.actions import bulk
from app.store.models import InboxItem, Run, StepRun
from app.store.run_base import FAR_FUTURE
from app.store.runs import ActionRefused
from tests.runtime.test_put_back_holds import _shop
from tests.support.engine import run_status, runtime, save, wait_for

CHILD = {
    "name": "packing",
    "steps": [
        {
            "name": "ask",
            "title": "Ask the packer",
            "type": "ask_person",
            "config": {"question": "Packed?", "options": [{"name": "yes"}, {"name": "no"}]},
        }
    ],
}
PARENT = {
    "name": "packed_orders",
    "business_key": "{{ trigger.n }}",
    "steps": [
        {
            "name": "packing",
            "title": "Packing",
            "type": "sub_workflow",
            "config": {"workflow": "packing", "input": {"n": "{{ trigger.n }}"}},
        },
        {
            "name": "ship",
            "title": "Ship",
            "type": "transform",
            "config": {"values": {"shipped": True}},
        },
    ],
    "edges": [{"from": "packing", "to": "ship"}],
}


def _step(db, run_id: str, name: str) -> StepRun:
    with db.read() as s:
        return s.query(StepRun).filter_by(run_id=run_id, name=name).one()


def _entry(db, run_id: str, step: str) -> InboxItem | None:
    with db.read() as s:
        return s.query(InboxItem).filter_by(run_id=run_id, step_name=step, status="open").first()


def _shut(rt) -> None:
    rt.shutdown(grace=2)
    rt.db.close()


def _waiting_parent(rt, n: str) -> tuple[str, str]:
    """A parent asleep on its child order, the child waiting for the packer's answer."""
    save(rt.db, CHILD)
    save(rt.db, PARENT)
    parent = rt.store.start_run("packed_orders", {"n": n})

    def child() -> str | None:
        with rt.db.read() as s:
            return s.query(Run.id).filter_by(parent_run_id=parent).scalar()

    wait_for(lambda: child() and run_status(rt.db, child()) == m.RUN_NEEDS_ATTENTION)
    wait_for(lambda: _step(rt.db, parent, "packing").sleeping)
    assert _step(rt.db, parent, "packing").state == m.RETRY_WAIT
    return parent, child()


def test_a_held_parent_stays_held_when_its_child_finishes(rt):
    """The put-back's hold parks a parent asleep on its child order (the child, waiting for a
    person, is not held). The child answered and finished, the parent does not wake: it goes
    on only when its hold is released, and then finds its child's result."""
    parent, child = _waiting_parent(rt, "8001")
    with rt.db.write() as s:
        assert restored_holds.hold_orders(
            s, "2026-12-01 09:00", restored_entries.REPLACE, None, "ana"
        ) == (
            1,
            0,
            0,
        )
    parked = _step(rt.db, parent, "packing")
    assert (parked.waiting_on or "").startswith(holds.PREFIX)
    rt.actions.choose(child, "ask", "yes")
    wait_for(lambda: run_status(rt.db, child) == m.RUN_SUCCEEDED)
    assert rt.wait_idle(30)
    still = _step(rt.db, parent, "packing")
    # not woken: the child's finish (same transaction as its status) left the parked step alone
    assert still.state == m.RETRY_WAIT and still.waiting_on == parked.waiting_on
    assert still.next_attempt_at >= FAR_FUTURE
    assert run_status(rt.db, parent) == m.RUN_WAITING
    assert _step(rt.db, parent, "ship").state == m.PENDING
    assert rt.actions.release_hold(int(parked.waiting_on[len(holds.PREFIX) :])) == 1
    wait_for(lambda: run_status(rt.db, parent) == m.RUN_SUCCEEDED)
    assert _step(rt.db, parent, "packing").output["result"]["ask"]["choice"] == "yes"


@pytest.fixture
def failed_then_sent(rt, data_dir, smtp_sink):
    """Order 5101's confirmation email refused by the mail server when the backup was taken
    (its entry open in the inbox); retried since in the live workspace: sent, order done."""
    _shop(rt.db, smtp_sink)
    smtp_sink.next("reject")
    run_id = rt.store.start_run("orders", {"order": {"number": "5101", "email": "a@b.example"}})
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_NEEDS_ATTENTION)
    backup = backups.take(data_dir, "manual")
    rt.actions.retry(run_id, "send_confirmation", who="ana")
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
    assert len(smtp_sink.wait_for(1)) == 1
    _shut(rt)
    return backup, run_id


@pytest.mark.sqlite_only("puts the data folder's SQLite file back")
@pytest.mark.parametrize("choice", ["count as done", "do them again"])
def test_an_order_waiting_for_a_person_says_what_it_did_since_and_never_repeats_silently(
    data_dir, smtp_sink, failed_then_sent, choice
):
    """Put back, the order's entry is open again: it says the replaced workspace had sent the
    email and notified the warehouse; a plain retry (one or in bulk) and a skip are refused in
    words, nothing sent. “Count as done” records both as done (nothing sent, the entry
    resolved); a retry the operator confirmed (``again``) sends the email once more, on
    purpose, with the same Message-ID."""
    backup, run_id = failed_then_sent
    done = restored.put_back(backup, data_dir)
    assert (done.held, done.told) == (0, 1)  # waiting for a person: not held, its entry told
    again = runtime(data_dir)
    again.start()
    try:
        assert again.wait_idle(30)
        entry = _entry(again.db, run_id, "send_confirmation")
        assert entry is not None and restored_entries.KEY in entry.detail
        with again.db.read() as s:
            done, words = restored_choice.gone_on_said(s, run_id)
        assert [d["step"] for d in done] == ["send_confirmation", "notify_warehouse"]
        assert "In the workspace that was replaced, this order had gone on to: " in words
        assert "Send confirmation (" in words and "Notify warehouse (" in words
        assert "“Count as done” records them as done instead." in words
        with pytest.raises(ActionRefused, match="Nothing was changed: in the workspace") as no:
            again.actions.retry(run_id, "send_confirmation")
        assert "order 5101 had gone on to: Send confirmation (" in str(no.value)
        assert f"daloy backup count-as-done {run_id}" in str(no.value)
        with pytest.raises(ActionRefused, match="Nothing was changed"):
            again.actions.skip(run_id, "send_confirmation")
        [result] = bulk(again.actions, [entry.id], "retry")
        assert not result.ok and "would do those again" in result.message
        assert again.wait_idle(30)
        assert len(smtp_sink.received) == 1
        assert _step(again.db, run_id, "send_confirmation").state == m.NEEDS_ATTENTION

        if choice == "count as done":
            labels = restored_choice.count_as_done(again.store, run_id, who="ana")
            assert labels == ["Send confirmation", "Notify warehouse"]
            wait_for(lambda: run_status(again.db, run_id) == m.RUN_SUCCEEDED)
            assert again.wait_idle(30)
            assert len(smtp_sink.received) == 1  # counted as done: not sent again
            assert _entry(again.db, run_id, "send_confirmation") is None  # resolved
            assert _step(again.db, run_id, "notify_warehouse").output == {"sent_to": "warehouse"}
        else:
            again.actions.retry(run_id, "send_confirmation", who="ana", again=True)
            wait_for(lambda: run_status(again.db, run_id) == m.RUN_SUCCEEDED)
            sent = smtp_sink.wait_for(2)
            assert len(sent) == 2  # done again on purpose: the same message, once more
            assert sent[0].message["Message-ID"] == sent[1].message["Message-ID"]
        with again.db.read() as s:
            assert restored_choice.gone_on_said(s, run_id) == ([], "")  # nothing left to say
    finally:
        _shut(again)


@pytest.mark.sqlite_only("puts the data folder's SQLite file back")
def test_a_put_back_parent_stays_held_when_its_child_is_counted_as_done(rt, data_dir):
    """In the backup, a parent waits for its child order, the child for the packer's answer;
    since, the answer was given in the live workspace and both finished. Put back: the child's
    entry says so, and counted as done it finishes here — its held parent stays held (it would
    have shipped again); counted as done too, the parent finishes, nothing run twice."""
    parent, child = _waiting_parent(rt, "8002")
    backup = backups.take(data_dir, "manual")
    rt.actions.choose(child, "ask", "yes", who="ana")
    wait_for(lambda: run_status(rt.db, parent) == m.RUN_SUCCEEDED)
    _shut(rt)
    assert restored.put_back(backup, data_dir).held == 1  # the parent; the child waits for you
    again = runtime(data_dir)
    again.start()
    try:
        with again.db.read() as s:
            assert [d["step"] for d in restored_choice.gone_on(s, child)] == ["ask"]
            assert [d["step"] for d in restored_choice.gone_on(s, parent)] == ["packing", "ship"]
        with pytest.raises(ActionRefused, match="Nothing was changed"):
            again.actions.choose(child, "ask", "no")
        assert restored_choice.count_as_done(again.store, child) == ["Ask the packer"]
        wait_for(lambda: run_status(again.db, child) == m.RUN_SUCCEEDED)
        assert again.wait_idle(30)
        held = _step(again.db, parent, "packing")
        assert held.state == m.RETRY_WAIT and (held.waiting_on or "").startswith(holds.PREFIX)
        assert _step(again.db, parent, "ship").state == m.PENDING
        assert restored_choice.count_as_done(again.store, parent) == ["Packing", "Ship"]
        wait_for(lambda: run_status(again.db, parent) == m.RUN_SUCCEEDED)
        assert _step(again.db, parent, "ship").state == m.SKIPPED  # recorded, not run again
    finally:
        _shut(again)
