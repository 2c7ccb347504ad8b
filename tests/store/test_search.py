"""Finding orders by anything an operator remembers, on real SQLite files: the search index is
written with the run, in its one commit, by every way a run starts; sorted pages by keyset give
exactly the sorted list; operators' text never breaks the query."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.steps import registry
from app.store import migrate
from app.store.queries import SORTS, list_orders, list_runs
from app.store.runs import RunStore
from app.store.search import match_query, tsquery
from tests.support.engine import save

ORDERS = [
    {
        "order": {
            "number": "3001",
            "customer": {
                "name": "Aling Nena",
                "email": "nena@example.com",
                "phone": "+63 917 555 1234",
            },
            "lines": [{"sku": "RICE-25", "name": "Jasmine rice 25 kg"}],
            "total": 1499.5,
        }
    },
    {
        "order": {
            "number": "3002",
            "customer": "José Rizal",
            "total": "250.00",
            "lines": [{"sku": "OIL-1L", "name": "Cooking oil"}],
        },
        "email": {
            "from": "jose@example.org",
            "subject": "Order",
            "text": "Pakidala po bukas ng umaga",
            "headers": {"Received": "from mail.example.org (10.9.8.7)"},
            "message_id": "<m-77@example.org>",
        },
    },
    {
        "order": {
            "number": "3003",
            "customer": {"name": "Ana Santos"},
            "total": 3270,
            "lines": [{"sku": "RICE-50", "name": "Jasmine rice 50 kg"}],
        }
    },
    {"order": {"number": "3004"}},
]


# a one-step workflow whose orders are numbered by ``trigger.order.number``
SHOP = {
    "name": "shop",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "note", "type": "transform", "config": {"values": {}}}],
}


@pytest.fixture
def store(data_dir, open_db):
    db = open_db(data_dir)
    save(db, SHOP)
    store = RunStore(db, registry().specs)
    yield store
    db.close()


def keys(s, text, **kw):
    return sorted(r.business_key for r in list_runs(s, search=text, **kw))


def test_search_by_what_an_operator_remembers(store):
    for order in ORDERS:
        store.start_run("shop", order)
    with store.db.read() as s:
        assert keys(s, "nena") == ["3001"]  # customer name
        assert keys(s, "aling nena") == ["3001"]
        assert keys(s, "Jose") == ["3002"]  # accents do not matter
        assert keys(s, "nena@example.com") == ["3001"]  # email
        assert keys(s, "jose@exa") == ["3002"]  # the start of one
        assert keys(s, "917 555 1234") == ["3001"]  # phone as written
        assert keys(s, "639175551234") == ["3001"]  # phone as digits
        assert keys(s, "RICE-25") == ["3001"]  # SKU
        assert keys(s, "rice") == ["3001", "3003"]  # product name / SKU part
        assert keys(s, "jasmine santos") == ["3003"]  # words anywhere, all present
        assert keys(s, "1499.50") == ["3001"] and keys(s, "1499.5") == ["3001"]  # amount
        assert keys(s, "3270.00") == ["3003"]
        assert keys(s, "bukas umaga") == ["3002"]  # text of the email
        assert keys(s, "3004") == ["3004"]  # order number
        assert keys(s, "10.9.8.7") == [] and keys(s, "m-77") == []  # not headers, not ids
        assert keys(s, "nena", status="running") == ["3001"]  # with the other filters
        assert keys(s, "nena", workflow="other") == []
        assert keys(s, "   ") == ["3001", "3002", "3003", "3004"]  # nothing typed: all


def test_starting_a_run_stays_one_commit_and_is_searchable_at_once(store):
    before = store.db.commits
    store.start_run("shop", ORDERS[0])
    assert store.db.commits == before + 1
    with store.db.read() as s:
        [row] = list_orders(s, search="Aling")
        assert (row.customer, row.total, row.business_key) == ("Aling Nena", 1499.5, "3001")


def test_runs_started_by_intake_are_searchable(store):
    from app.store import intake

    intake.ingest(
        store,
        channel="shop/mail",
        workflow="shop",
        dedupe_key="m1",
        trigger=ORDERS[1],
        summary="Email “Order” from jose@example.org",
    )
    with store.db.read() as s:
        assert keys(s, "rizal") == ["3002"]
        [row] = list_orders(s, search="rizal")
        assert row.total == 250.0


def test_existing_runs_are_indexed_by_the_migration(data_dir, open_db):
    from sqlalchemy import text

    db = open_db(data_dir, migrate=False)
    migrate.upgrade(db, "0004")
    flags = {"yes": True, "no": False}
    with db.engine.begin() as c:  # the rows as a Daloy of revision 0004 wrote them
        c.execute(
            text(
                "insert into workflows (name, enabled, archived, created_at, "
                "updated_at) values ('shop', :yes, :no, 1, 1)"
            ),
            flags,
        )
        c.execute(
            text(
                "insert into workflow_versions (workflow_id, number, definition, "
                "has_errors, summary, created_at, created_by) "
                "values (1, 1, '{}', :no, '', 1, '')"
            ),
            flags,
        )
        c.execute(
            text(
                "insert into runs (id, workflow_id, version_id, workflow_name, status, "
                "business_key, trigger, cancelled, practice, created_at, updated_at) values "
                "('old', 1, 1, 'shop', 'succeeded', '99', :trigger, :no, :no, 1, 1)"
            ),
            {**flags, "trigger": json.dumps(ORDERS[2])},
        )
    migrate.upgrade(db)
    with db.read() as s:
        [row] = list_orders(s, search="santos")
        assert (row.id, row.customer, row.total) == ("old", "Ana Santos", 3270)
    db.close()


ACCENTED_NAMES = {"3101": "Ma. Luisa Peña", "3102": "Santo Niño Store", "3103": "Renée Dumaguete"}


def test_accents_do_not_matter_either_way(store):
    """An operator types a name with or without its accent, whichever the customer wrote."""
    for number, name in ACCENTED_NAMES.items():
        store.start_run("shop", {"order": {"number": number, "customer": name}})
    store.start_run("shop", {"order": {"number": "3104", "customer": "Jun Pena"}})
    with store.db.read() as s:
        assert keys(s, "Peña") == ["3101", "3104"] and keys(s, "pena") == ["3101", "3104"]
        assert keys(s, "nino") == ["3102"] and keys(s, "NIÑO") == ["3102"]
        assert keys(s, "renee") == ["3103"] and keys(s, "Renée") == ["3103"]
        assert keys(s, "luisa peñ") == ["3101"]  # the start of a word, accented


def test_the_migration_folds_with_the_searchs_own_table():
    import importlib

    from app.store import search

    migration = importlib.import_module("app.store.migrations.versions.0012_search_accents")
    assert (migration.ACCENTED, migration.PLAIN) == (search.ACCENTED, search.PLAIN)
    assert search.fold("Peña Niño Ñ ł") == "Pena Nino N l"


def test_runs_indexed_before_accents_were_folded_are_folded_by_the_migration(data_dir, open_db):
    db = open_db(data_dir, migrate=False)
    migrate.upgrade(db, "0011")
    store = RunStore(db, registry().specs)
    save(
        db,
        {
            "name": "shop",
            "business_key": "{{ trigger.order.number }}",
            "steps": [{"name": "note", "type": "transform", "config": {"values": {}}}],
        },
    )
    store.start_run("shop", {"order": {"number": "3101", "customer": ACCENTED_NAMES["3101"]}})
    migrate.upgrade(db)
    with db.read() as s:
        assert keys(s, "pena") == ["3101"] and keys(s, "peña") == ["3101"]
    db.close()


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("descending", [True, False])
def test_sorted_pages_by_keyset_are_the_sorted_list(store, sort, descending):
    names = ["Ben", "ana", "Carla", "", "Ben", "Dana", "ana"]
    totals = [10, None, 5.5, 10, 7, None, 1]
    for i, (name, total) in enumerate(zip(names, totals, strict=True)):
        order = {"order": {"number": f"{4000 + i % 3}", "customer": name}}
        if total is not None:
            order["order"]["total"] = total
        store.start_run("shop", order)
    with store.db.read() as s:
        everything = list_orders(s, sort=sort, descending=descending, limit=100)
        paged, after = [], None
        while True:
            page = list_orders(s, sort=sort, descending=descending, limit=2, after=after)
            paged += page
            if len(page) < 2:
                break
            after = page[-1].cursor
    assert [r.id for r in paged] == [r.id for r in everything] and len(everything) == 7
    if sort == "total":
        values = [r.total for r in everything if r.total is not None]
        assert values == sorted(values, reverse=descending)
        assert (everything[-1].total is None) == descending  # no total: last going down


def test_reason_says_why_an_order_waits(store):
    run_id = store.start_run("shop", ORDERS[0])
    with store.db.write() as s:
        s.execute(
            __import__("sqlalchemy").text(
                "update runs set status = 'needs_attention' where id = :r"
            ),
            {"r": run_id},
        )
        from app.store.models import InboxItem

        s.add(
            InboxItem(
                kind="decision",
                status="open",
                title="Substitute or backorder?",
                reason="",
                detail={"question": "Substitute or backorder?"},
                run_id=run_id,
                step_name="note",
                created_at=time.time(),
            )
        )
    with store.db.read() as s:
        [row] = list_orders(s)
    assert row.reason == "Substitute or backorder?"


def test_match_query_keeps_only_letters_and_digits():
    assert match_query('nena@exa "OR" NEAR(x*') == '"nena exa"* "or"* "near x"*'
    assert match_query("  ") is None and match_query("@@ --") is None
    # the same words as a PostgreSQL tsquery: quoted lexemes, phrases, the last part a prefix
    assert tsquery('nena@exa "OR" !x') == "('nena' <-> 'exa':*) & ('or':*) & ('x':*)"
    assert tsquery("  ") is None and tsquery("@@ --") is None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_typed_text_searches_without_error(store, text):
    with store.db.read() as s:
        list_runs(s, search=text, limit=5)


def test_a_broad_search_finds_the_same_as_a_narrow_one(store, monkeypatch):
    from app.store import search

    for order in ORDERS * 3:
        store.start_run("shop", order)
    with store.db.read() as s:
        named = [r.id for r in list_runs(s, search="rice")]
        monkeypatch.setattr(search, "FEW", 1)  # more matches than FEW: a sub-query
        assert [r.id for r in list_runs(s, search="rice")] == named and len(named) == 6
        assert [
            r.id
            for r in list_orders(
                s,
                search="rice",
                limit=4,
                sort="customer",
                after=list_orders(s, search="rice", limit=2, sort="customer")[-1].cursor,
            )
        ] == [r.id for r in list_orders(s, search="rice", limit=6, sort="customer")][2:6]


def test_the_list_says_which_orders_are_the_demos(store):
    """A demo order (``app.demo``: a practice run whose trigger says ``demo``, or the backorder
    one started, numbered after it) is marked in the list's rows and on its page, from the one
    page query; an editor's practice run, or a real order whose shop sent "demo", is not."""
    from app import demo
    from app.store.queries import run_detail

    demo_order = {"demo": True, "order": {"number": "DEMO-1002"}}
    started = {
        "DEMO-1002": store.start_run("shop", demo_order, practice=True),
        "DEMO-1002-B": store.start_run("shop", {"order": {"number": "DEMO-1002-B"}}, practice=True),
        "P-7": store.start_run("shop", {"order": {"number": "P-7"}}, practice=True),
        "P-8": store.start_run("shop", {"demo": "no", "order": {"number": "P-8"}}, practice=True),
        "5001": store.start_run("shop", {"demo": True, "order": {"number": "5001"}}),
        "DEMO-9": store.start_run("shop", {"order": {"number": "DEMO-9"}}),
    }
    with store.db.read() as s:
        rows = {r.business_key: r.demo for r in list_orders(s, limit=50)}
        pages = {key: run_detail(s, run_id)["demo"] for key, run_id in started.items()}
    expected = {key: key.startswith("DEMO-1002") for key in started}
    assert rows == pages == expected
    assert sorted(demo.demo_runs(store.db)) == sorted(
        started[k] for k in ("DEMO-1002", "DEMO-1002-B")
    )
