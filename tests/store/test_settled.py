"""``settled.finished_keys``: which recorded orders a kept sheet's save may forget. It is asked at
every save, while the engine's hot path commits the same orders' steps, so it must read: never
queue for the database's write lock, which another writer (the hot path's open group, another
runner) may hold."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from app.steps import registry
from app.store import settled
from app.store.db import Database
from app.store.run_base import idempotency_key
from app.store.runs import RunStore
from tests.support.engine import save

WAIT = 20.0  # bound of the wait below on a busy machine, far under the 30 s busy timeout


def test_asking_which_orders_are_finished_waits_for_no_writer(tmp_path: Path) -> None:
    db = Database.open_dir(tmp_path / "data")
    try:
        save(db, {"name": "w", "steps": [{"name": "s", "type": "transform", "config": {}}]})
        run = RunStore(db, registry().specs).start_run("w", {})
        ours, foreign = idempotency_key(run, "s"), idempotency_key("f" * 32, "s")
        writer = sqlite3.connect(db.path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # the write lock, held as a long transaction would
        answers: list[tuple[set[str], set[str]]] = []
        asking = threading.Thread(
            target=lambda: answers.append(settled.finished_keys(db, [ours, foreign])),
            daemon=True,
        )
        try:
            asking.start()
            asking.join(WAIT)
            assert answers, "the save's question waited for the write lock"
        finally:
            writer.rollback()
            writer.close()
            asking.join(WAIT)
        # the step may still run (ready): kept; the foreign run is unknown here: kept too
        assert answers == [(set(), {foreign})]
    finally:
        db.close()
