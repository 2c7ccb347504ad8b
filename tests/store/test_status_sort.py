"""The orders list sorted by Status sorts by the state it *shows*: an order its workflow ended
cancelled (status succeeded, ``runs.outcome`` "cancelled") sorts with the cancelled orders, never
among the green "Done" ones; keyset pages across page boundaries give exactly the whole sorted
list, on SQLite and PostgreSQL; SQLite walks the status index (migration 0017) for a first and a
deep page instead of sorting every run."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import text

from app.core import order_states
from app.store import migrate
from app.store.queries import _runs_query, list_orders
from app.store.runs import RunStore
from tests.store.test_migrations_both import _downgrade
from tests.store.test_search import store  # noqa: F401 - a fixture

# (engine status, outcome) → how many orders; shuffled in arrival by the cycle below
KINDS = [
    ("succeeded", None),
    ("succeeded", "cancelled"),  # the workflow ended it cancelled: reads “Cancelled”
    ("needs_attention", None),
    ("cancelled", None),  # the operator stopped it: reads “Cancelled”
    ("running", None),
    ("succeeded", "done"),
    ("waiting", None),
]
SHOWN_ORDER = ["Needs you", "Waiting", "In progress", "Done", "Cancelled"]


def orders(runs: RunStore, n: int) -> None:
    """``n`` orders in every state, the states mixed in arrival order (and some arriving at the
    same second: the id breaks the tie)."""
    kinds = itertools.cycle(KINDS)
    for i in range(n):
        status, outcome = next(kinds)
        run_id = runs.start_run("shop", {"order": {"number": f"S{i:03}"}})
        with runs.db.write() as s:
            s.execute(
                text("update runs set status = :st, outcome = :o, created_at = :at where id = :r"),
                {"st": status, "o": outcome, "at": 1_700_000_000 + i // 3, "r": run_id},
            )


def shown(row) -> str:
    return order_states.said(row.status, cancelled=row.cancelled, outcome=row.outcome)


@pytest.mark.parametrize("descending", [False, True])
def test_status_sort_groups_what_the_list_shows_and_pages_exactly(store, descending):  # noqa: F811
    orders(store, 47)
    with store.db.read() as s:
        everything = list_orders(s, sort="status", descending=descending, limit=1000)
        paged, after = [], None
        while True:  # pages of 5 rows: every group's border falls inside some page
            page = list_orders(s, sort="status", descending=descending, limit=5, after=after)
            paged += page
            if len(page) < 5:
                break
            after = page[-1].cursor
    assert len(everything) == 47
    assert [r.id for r in paged] == [r.id for r in everything]
    said = [shown(r) for r in everything]
    groups = [k for k, _ in itertools.groupby(said)]
    assert groups == (SHOWN_ORDER[::-1] if descending else SHOWN_ORDER)
    # the workflow-cancelled and the operator-cancelled orders are one group, none of them Done
    cancelled = [r for r in everything if shown(r) == "Cancelled"]
    assert {(r.status, r.outcome) for r in cancelled} == {
        ("succeeded", "cancelled"),
        ("cancelled", None),
    }
    # within a group: by arrival, then id (as the other sorts)
    for _, group in itertools.groupby(everything, key=shown):
        keys = [(r.created_at, r.id) for r in group]
        assert keys == sorted(keys, reverse=descending)


@pytest.mark.parametrize("backend", ["sqlite"])  # the query plan asked here is SQLite's
def test_sqlite_walks_the_status_index_for_a_first_and_a_deep_page(store, backend):  # noqa: F811
    orders(store, 14)
    with store.db.read() as s:
        [*_, last] = list_orders(s, sort="status", limit=9)
        for after in (None, last.cursor):
            q = _runs_query(
                status=None,
                workflow=None,
                business_key=None,
                since=None,
                until=None,
                match=None,
                sort="status",
                descending=False,
                after=after,
                limit=200,
            )
            sql = q.compile(store.db.engine, compile_kwargs={"literal_binds": True})
            plan = " ".join(
                str(row[-1]) for row in s.execute(text(f"EXPLAIN QUERY PLAN {sql}")).all()
            )
            # the index read in order from the cursor on; never every run sorted first
            walk = "SCAN runs USING INDEX" if after is None else "SEARCH runs USING INDEX"
            assert f"{walk} ix_runs_shown_status" in plan, plan
            assert "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_the_migration_adds_and_drops_the_status_index(store, backend):  # noqa: F811
    def there() -> bool:
        catalog = (
            "select name from sqlite_master where type = 'index'"
            if backend == "sqlite"
            else "select indexname from pg_indexes where tablename = 'runs'"
        )
        with store.db.engine.connect() as conn:
            return "ix_runs_shown_status" in set(conn.execute(text(catalog)).scalars())

    assert there()
    _downgrade(store.db, "0016")
    assert not there()
    migrate.upgrade(store.db)
    assert there()
