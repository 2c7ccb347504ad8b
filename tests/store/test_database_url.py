"""``--database-url`` / ``$DALOY_DATABASE_URL``: the same CLI on a real PostgreSQL server; a
server that is down, restarting, or refusing the password is retried or said in one sentence,
never with the password in it; a connection lost mid-transaction loses nothing committed."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.store import dburl
from app.store.db import Database
from tests.support.postgres import PostgresServer

WF = {
    "format_version": 1,
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "a", "type": "transform", "config": {"values": {"x": 1}}}],
}


def _log_text(data: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in (data / "logs").glob("*"))


def test_the_cli_works_on_postgresql_by_option_and_by_environment(
    postgres_server: PostgresServer, pg_database, data_dir, tmp_path, capsys, monkeypatch
):
    url = postgres_server.url(pg_database, driver=False)  # as an operator types it
    wf = tmp_path / "orders.json"
    wf.write_text(json.dumps(WF))
    assert (
        main(["--data-dir", str(data_dir), "--database-url", url, "workflow", "import", str(wf)])
        == 0
    )
    monkeypatch.setenv(dburl.ENV, url)
    capsys.readouterr()
    assert main(["workflow", "list", "--json", "--data-dir", str(data_dir)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [w["name"] for w in listed] == ["orders"]
    db = Database(url)  # it is on the server, not in the folder's file
    assert db.execute_sql("select name from workflows") == [("orders",)]
    db.close()
    assert not (data_dir / "daloy.sqlite3").exists()
    assert postgres_server.password not in _log_text(data_dir)


def test_a_wrong_password_is_one_sentence_without_the_password(
    postgres_server: PostgresServer, pg_database, data_dir, capsys
):
    secret = "wrong-pass-Zq9xK"
    url = f"postgresql://{postgres_server.user}:{secret}@127.0.0.1:{postgres_server.port}/{pg_database}"
    assert main(["--data-dir", str(data_dir), "--database-url", url, "runs", "list"]) == 1
    err = capsys.readouterr().err
    assert f"Cannot reach the database server at 127.0.0.1:{postgres_server.port}" in err
    assert "password" in err and "daloy store password" in err
    assert secret not in err and secret not in _log_text(data_dir)


def test_a_server_that_is_down_is_said_in_words(
    postgres_server: PostgresServer, pg_database, data_dir, capsys, monkeypatch
):
    monkeypatch.setenv("DALOY_DATABASE_PATIENCE", "1")
    url = postgres_server.url(pg_database, driver=False)
    postgres_server.stop()
    try:
        assert main(["--data-dir", str(data_dir), "--database-url", url, "runs", "list"]) == 1
    finally:
        postgres_server.start()
    err = capsys.readouterr().err
    assert f"Cannot reach the database server at 127.0.0.1:{postgres_server.port} —" in err
    assert "check that the server runs" in err
    assert postgres_server.password not in err + _log_text(data_dir)


def test_a_server_restart_between_transactions_goes_unnoticed(
    postgres_server: PostgresServer, pg_url, monkeypatch
):
    """Dead pooled connections are replaced (pre-ping), and a server still starting is waited
    for (connects retried with back-off) instead of failing the write."""
    monkeypatch.setenv("DALOY_DATABASE_PATIENCE", "60")
    db = Database(pg_url)
    with db.write() as s:
        s.execute(text("create table facts (n integer)"))
        s.execute(text("insert into facts values (1)"))
    postgres_server.stop()
    restarted = threading.Timer(1.0, postgres_server.start)
    restarted.start()
    try:
        with db.write() as s:  # waits for the server, then commits
            s.execute(text("insert into facts values (2)"))
    finally:
        restarted.join()
    assert db.execute_sql("select n from facts order by n") == [(1,), (2,)]
    db.close()


def test_a_connection_lost_mid_transaction_loses_nothing_committed(pg_url):
    db = Database(pg_url)
    with db.write() as s:
        s.execute(text("create table facts (n integer)"))
        s.execute(text("insert into facts values (1)"))
    other = Database(pg_url, migrate=False)
    with pytest.raises(Exception) as lost, db.write() as s:
        s.execute(text("insert into facts values (2)"))
        pid = s.execute(text("select pg_backend_pid()")).scalar()
        with other.engine.begin() as conn:  # a network blip: the server ends the session
            conn.execute(text("select pg_terminate_backend(:p)"), {"p": pid})
        s.execute(text("insert into facts values (3)"))
    assert dburl.is_connection_error(lost.value)
    with db.write() as s:  # the next transaction gets a fresh connection
        s.execute(text("insert into facts values (4)"))
    assert db.execute_sql("select n from facts order by n") == [(1,), (4,)]
    other.close()
    db.close()


def test_the_password_may_come_from_the_keyring(
    postgres_server: PostgresServer, pg_database, data_dir, capsys, monkeypatch
):
    bare = postgres_server.url(pg_database, driver=False, password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(postgres_server.password + "\n"))
    assert main(["--data-dir", str(data_dir), "store", "password", "--to", bare]) == 0
    out = capsys.readouterr().out
    assert "Saved in this computer's keyring" in out and postgres_server.password not in out
    assert main(["--data-dir", str(data_dir), "--database-url", bare, "runs", "list"]) == 0
    assert "No runs match." in capsys.readouterr().out


def test_a_shown_url_never_holds_the_password(postgres_server: PostgresServer):
    url = postgres_server.url("shop", driver=False)
    assert postgres_server.password not in dburl.shown(url)
    assert dburl.shown(url).endswith(f"@127.0.0.1:{postgres_server.port}/shop")
    with pytest.raises(dburl.DatabaseUnreachable, match="not on “mysql”"):
        dburl.parse("mysql://u:p@h/db")


def test_a_backup_of_a_server_database_points_to_pg_dump(
    postgres_server: PostgresServer, pg_database, data_dir, capsys
):
    url = postgres_server.url(pg_database, driver=False)
    assert main(["--data-dir", str(data_dir), "--database-url", url, "backup", "create"]) == 1
    err = capsys.readouterr().err
    assert "pg_dump" in err and postgres_server.password not in err


def test_writers_of_two_processes_take_turns_on_postgresql(pg_url):
    """Two Database objects (two processes' worth: each its own pool and in-process lock) doing
    read-then-write lose no update, as under SQLite's write lock."""
    first, second = Database(pg_url), Database(pg_url, migrate=False)
    with first.write() as s:
        s.execute(text("create table counter (n integer)"))
        s.execute(text("insert into counter values (0)"))
    errors: list[BaseException] = []

    def writer(db: Database) -> None:
        try:
            for _ in range(50):
                with db.write() as s:
                    n = s.execute(text("select n from counter")).scalar()
                    s.execute(text("update counter set n = :n"), {"n": n + 1})
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(db,)) for db in (first, second) * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert first.execute_sql("select n from counter") == [(200,)]
    first.close()
    second.close()


def test_a_nul_character_in_text_is_kept_as_a_replacement_not_a_refusal(pg_url):
    """SQLite stores NUL like any character; PostgreSQL text cannot hold it. An operator's note
    or an email subject with one is saved (as U+FFFD), never refused with the whole action."""
    from app.store.models import AuditEntry

    db = Database(pg_url)
    with db.write() as s:
        s.add(AuditEntry(at=1.0, who="ana\x00", action="note", after={"text": "a\x00b"}))
    with db.read() as s:
        entry = s.query(AuditEntry).one()
        assert (entry.who, entry.after) == ("ana\ufffd", {"text": "a\x00b"})
    db.close()


def test_runs_finish_across_a_database_server_restart(
    postgres_server: PostgresServer, pg_url, monkeypatch
):
    """The server restarts while a runner works: every run still finishes, each step once
    recorded as succeeded (a transaction the restart cut off was rolled back; its step's lease
    expired and it ran again)."""
    from app.runtime.runtime import Runtime
    from tests.support.engine import save, wait_for

    monkeypatch.setenv("DALOY_DATABASE_PATIENCE", "60")
    db = Database.open_url(pg_url)
    steps = [
        {"name": f"s{i}", "type": "transform", "config": {"values": {"i": i}}} for i in range(3)
    ]
    save(db, {"name": "chain", "steps": steps})
    rt = Runtime(db, poll_interval=0.2, lease_seconds=3)
    rt.start()
    try:
        runs = [rt.store.start_run("chain", {"n": i}) for i in range(200)]
        wait_for(
            lambda: (
                db.execute_sql("select count(*) from runs where status = 'succeeded'")[0][0] >= 3
            ),
            30,
        )
        done = db.execute_sql("select count(*) from runs where status = 'succeeded'")[0][0]
        postgres_server.stop()
        assert done < len(runs)  # the restart comes while runs are in flight
        restarted = threading.Timer(1.0, postgres_server.start)
        restarted.start()
        restarted.join()
        runs += [rt.store.start_run("chain", {"n": 100})]  # waits for the server, then starts

        def finished() -> bool:
            return db.execute_sql("select count(*) from runs where status = 'succeeded'") == [
                (len(runs),)
            ]

        wait_for(finished, 90)
    finally:
        rt.shutdown(grace=2)
    assert db.execute_sql("select count(*) from step_runs where state <> 'succeeded'") == [(0,)]
    assert db.execute_sql("select count(*) from step_runs") == [(3 * len(runs),)]
    db.close()
