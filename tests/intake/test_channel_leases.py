"""One poller per intake channel across runners: two runners on one database (a ``daloy runner``
process and a runtime in this process) watch one dovecot folder; each email is taken in exactly
once, only the lease holder talks to the mail server, and when the holder is SIGKILLed the other
runner takes the channel over once the lease has expired."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.intake.manager import IntakeManager
from app.runtime.runtime import Runtime
from app.store import channel_leases, connections
from app.store.db import Database
from tests.intake.test_imap import mail
from tests.support.engine import save, wait_for

pytestmark = pytest.mark.imap
REPO = Path(__file__).resolve().parents[2]
CHANNEL = "orders/email"


def email_workflow() -> dict:
    return {
        "name": "orders",
        "business_key": "{{ trigger.order.number }}",
        "triggers": [
            {
                "id": "email",
                "type": "imap",
                "config": {
                    "connection": "mailbox",
                    "subject_regex": r"Order (?P<number>\d+)",
                    "poll_seconds": 0.5,
                    "max_backoff": 1,
                },
            }
        ],
        "steps": [
            {
                "name": "note",
                "type": "transform",
                "config": {"values": {"n": "{{ trigger.order.number }}"}},
            }
        ],
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, data_dir, keyring_tmp) -> Iterator[tuple[Database, list[str]]]:
    """The database both runners work on, with the workflow saved, and the ``daloy`` options
    that name it for a runner process."""
    if request.param == "sqlite":
        db, where = Database.open_dir(data_dir), []
    else:
        url = request.getfixturevalue("pg_url")
        db, where = Database.open_url(url), ["--database-url", url]
    save(db, email_workflow())
    yield db, where
    db.close()


@pytest.fixture
def dovecot_mailbox(shared, dovecot):
    db, _ = shared
    with db.write() as s:
        connections.save(
            s,
            "mailbox",
            "imap",
            {
                "host": dovecot.host,
                "port": dovecot.port,
                "security": "plain",
                "username": dovecot.user,
            },
            {"password": dovecot.password},
        )
    return dovecot


def runner_process(data_dir: Path, keyring: Path, *database: str) -> subprocess.Popen:
    """``daloy runner`` in a process of its own. The test's plain-file keyring is where the
    child's keyring looks for it ($XDG_DATA_HOME/python_keyring)."""
    child_keyring = keyring / "python_keyring"
    child_keyring.mkdir(exist_ok=True)
    shutil.copyfile(keyring / "keyring_pass.cfg", child_keyring / "keyring_pass.cfg")
    runner = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *database, "runner"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert "working on" in runner.stdout.readline().decode(), runner.stderr.read().decode()
    return runner


def taken_in(db: Database) -> tuple[int, int, int]:
    """Intake items, distinct UIDs in the ledger, ledger rows."""
    items = db.execute_sql("select count(*) from intake_items")[0][0]
    uids, rows = db.execute_sql("select count(distinct uid), count(*) from imap_ledger")[0]
    return items, uids, rows


def holder(db: Database) -> str | None:
    lease = channel_leases.holders(db).get(CHANNEL)
    return lease.holder if lease else None


def test_two_runners_take_each_email_once_and_a_killed_holder_hands_over(
    shared, dovecot_mailbox, data_dir, keyring_tmp
):
    db, where = shared
    mailbox = dovecot_mailbox
    first = runner_process(data_dir, keyring_tmp, *where)
    second: Runtime | None = None
    try:
        wait_for(lambda: holder(db) is not None, 30, interval=0.1)
        first_holder = holder(db)
        assert first_holder.split(":")[1] == str(first.pid)  # the process polls
        second = Runtime(db, data_dir=data_dir, poll_interval=0.2)
        second.intake = IntakeManager(lease_seconds=3.0)
        second.add_extension(second.intake)
        second.start()
        for n in range(30):
            mailbox.append(mail(n))
        wait_for(lambda: taken_in(db) == (30, 30, 30), 60, interval=0.2)
        (standby,) = second.intake.channels
        assert standby.connects == 0  # never talked to the mail server: not its channel
        assert holder(db) == first_holder

        first.send_signal(signal.SIGKILL)
        first.wait(10)
        for n in range(30, 50):
            mailbox.append(mail(n))
        # the dead runner's lease (15 s) expires, the second runner takes the channel over
        wait_for(lambda: holder(db) == second.owner, 60, interval=0.2)
        wait_for(lambda: taken_in(db) == (50, 50, 50), 60, interval=0.2)
        assert standby.connects >= 1
        wait_for(lambda: all("Seen" in f for _u, f in mailbox.messages()), 20, interval=0.2)
        keys = db.execute_sql("select count(distinct business_key), count(*) from runs")
        assert keys == [(50, 50)]
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
        if second is not None:
            second.shutdown(grace=2)
    assert holder(db) == second.owner
    assert channel_leases.holders(db)[CHANNEL].expires_at == 0.0  # given back on a clean stop


def test_leases_are_taken_renewed_given_back_and_taken_over(shared):
    db, _ = shared
    assert channel_leases.hold(db, ["a", "b"], "one", 30) == {"a", "b"}
    assert channel_leases.hold(db, ["a", "b", "c"], "two", 30) == {"c"}  # a, b are held
    assert channel_leases.hold(db, ["a"], "one", 30) == {"a"}  # renewed
    taken = channel_leases.holders(db)["a"].taken_at
    channel_leases.release(db, ["a"], "one")
    assert channel_leases.hold(db, ["a", "b"], "two", 30) == {"a"}
    assert channel_leases.holders(db)["a"].taken_at >= taken
    assert channel_leases.hold(db, ["b"], "two", 0) == set()  # b still held by "one"
    assert channel_leases.hold(db, ["c"], "two", 0) == {"c"}  # renewed for no time: expires now
    assert channel_leases.hold(db, ["c"], "one", 30) == {"c"}  # and is taken over
