"""Which idempotency keys belong to steps that are finished for good (succeeded, skipped or
cancelled: a final state, which no transition leaves, so no attempt of such a step runs again).

A connector that records each applied change with its key (the kept spreadsheets' record)
needs a key only while its step may still run: after that the record is dead weight that grows
with every order. This answers, for a batch of keys, which ones may be forgotten. A key whose
run this database does not know (another workspace's, or a run already cleaned up) is not
called finished: forgetting it is never the safe guess.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import bindparam, select

from app.core import machine as m
from app.store.db import Database
from app.store.models import StepRun
from app.store.run_base import idempotency_key

_PREFIX = idempotency_key("", "")[:-2]  # "daloy"
_CHUNK = 500  # run ids per query: far under every database's limit on bound values
_RUN_ID = 32  # a run id's longest form (``runs.id``)
# Built once (its run ids a list bound at each call): asked at every sheet save, where building
# the statement again cost as much as running it.
_STEPS_OF_RUNS = select(StepRun.run_id, StepRun.name, StepRun.state).where(
    StepRun.run_id.in_(bindparam("run_ids", expanding=True))
)


def _run_ids(key: str) -> list[str]:
    """Every run id ``key`` could have been made from (``daloy-<run id>-<step name>``; a run id
    or a step name may hold a dash, so each dash is a candidate end; the key function decides)."""
    if not key.startswith(f"{_PREFIX}-"):
        return []
    rest = key[len(_PREFIX) + 1 :]
    return [rest[:i] for i, ch in enumerate(rest[: _RUN_ID + 1]) if ch == "-" and i > 0]


def finished_keys(db: Database, keys: Collection[str]) -> tuple[set[str], set[str]]:
    """The keys among ``keys`` whose step is in a final state in this database, and those whose
    run this database does not know (asking again will not change that answer)."""
    wanted = set(keys)
    run_ids = sorted({r for k in wanted for r in _run_ids(k)})
    done: set[str] = set()
    known: set[str] = set()
    for at in range(0, len(run_ids), _CHUNK):
        chunk = run_ids[at : at + _CHUNK]
        # a plain connection, no session: asked at every sheet save, where a session's own
        # cost was as much as the query's. A read (SQLite: deferred BEGIN, no lock in WAL), not
        # a write's BEGIN IMMEDIATE: that took the database's write lock outside the process's
        # write turn, so the hot path's commits and this save stalled each other (under load,
        # for longer than a step's time limit). It sees every success committed before it.
        with db.engine.connect().execution_options(daloy_readonly=True) as conn:
            rows = conn.execute(_STEPS_OF_RUNS, {"run_ids": chunk}).all()
        for run_id, name, state in rows:
            known.add(run_id)
            key = idempotency_key(run_id, name)
            if key in wanted and state in m.FINAL:
                done.add(key)
    return done, {k for k in wanted if not any(r in known for r in _run_ids(k))}
