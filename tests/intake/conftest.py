"""Intake fixtures: a database with an order workflow and the store, on each database Daloy works
on (the ``database`` fixture: the data folder's SQLite file, then a PostgreSQL server's)."""

from __future__ import annotations

import threading

import pytest

from app.steps import registry
from app.store import connections
from app.store.runs import RunStore
from tests.support.engine import open_database, save

WORKFLOW = {
    "name": "orders",
    "business_key": "{{ trigger.order.number | default('') }}",
    "steps": [
        {"name": "note", "type": "transform", "config": {"values": {"got": "{{ trigger.order }}"}}}
    ],
}


@pytest.fixture
def store(data_dir, keyring_tmp, database):
    db = open_database(data_dir)
    save(db, WORKFLOW)
    s = RunStore(db, registry().specs)
    yield s
    db.close()


@pytest.fixture
def mailbox(store, dovecot):
    with store.db.write() as s:
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


def run_channel(channel):
    t = threading.Thread(target=channel.run, daemon=True)
    t.start()
    return t
