"""The test PostgreSQL server itself: it starts, each test gets its own empty database, a wrong
password is refused, and an outage is real (the port stops answering) and ends on start()."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from tests.support.postgres import PostgresServer


def test_each_test_gets_an_empty_database_of_its_own(pg_url: str, pg_database: str) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        assert conn.scalar(sa.text("select current_database()")) == pg_database
        tables = conn.scalar(
            sa.text("select count(*) from information_schema.tables where table_schema='public'")
        )
        assert tables == 0
        conn.execute(sa.text("create table t (id int primary key)"))
    engine.dispose()


def test_a_wrong_password_is_refused(postgres_server: PostgresServer, pg_database: str) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(
            host=postgres_server.host,
            port=postgres_server.port,
            user=postgres_server.user,
            password="wrong",
            dbname=pg_database,
        )


def test_an_outage_is_real_and_ends_on_start(postgres_server: PostgresServer, pg_url: str) -> None:
    postgres_server.stop()
    assert not postgres_server.running()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg_url.replace("+psycopg", ""), connect_timeout=2)
    postgres_server.start()
    with psycopg.connect(pg_url.replace("+psycopg", "")) as conn:
        assert conn.execute("select 1").fetchone() == (1,)
