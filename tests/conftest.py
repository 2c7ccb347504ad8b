"""Shared fixtures: real local servers on 127.0.0.1 with free ports, a temporary keyring, and
offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DALOY_USER", "tester")
# Each test's web intake on a free port, never the product's 8787: a Daloy running on this
# machine, or the test in the other xdist worker, may hold it (a test sets its own to know it).
os.environ.setdefault("DALOY_WEB_PORT", "0")

from tests.support.http_servers import Marketplace, PaymentGateway, WebhookSink  # noqa: E402

# A real PostgreSQL server (session) and a fresh database per test: postgres_server, pg_url.
pytest_plugins = ["tests.support.postgres"]


@pytest.fixture
def payment_gateway() -> Iterator[PaymentGateway]:
    gw = PaymentGateway(hang_seconds=3.0)
    gw.start()
    yield gw
    gw.stop()


@pytest.fixture
def webhook_sink() -> Iterator[WebhookSink]:
    sink = WebhookSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def marketplace() -> Iterator[Marketplace]:
    mp = Marketplace()
    mp.start()
    yield mp
    mp.stop()


@pytest.fixture(autouse=True)
def keyring_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A file keyring in a temporary folder, for every test: no test touches a real keyring,
    and none sees the "plain-file keyring refused" alert unless it removes the allowance."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    folder = tmp_path / "keyring"
    folder.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("DALOY_ALLOW_INSECURE_KEYRING", "1")
    # The user's own settings (the language chosen, …) are the tester's, never read by a test.
    monkeypatch.setenv("DALOY_CONFIG_DIR", str(tmp_path / "user-config"))
    backend = PlaintextKeyring()
    backend.file_path = str(folder / "keyring_pass.cfg")  # type: ignore[misc]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield folder
    keyring.set_keyring(previous)
    # The secrets hidden from text are per process (one data folder each); a test's session is
    # many: one test's secret ("true" typed into a form) was hidden from a later test's sentence.
    from app.core import redact

    redact.forget_all()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


DATABASES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    from tests.support import sqlite_template

    sqlite_template.install()  # new SQLite files start as one migrated copy (see its docstring)
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): a test of the SQLite file itself (its locking, the file, a runner "
        "killed mid-write); the ``database`` fixture runs it on SQLite only",
    )
    config.addinivalue_line(
        "markers",
        "one_database(kind, reason): a heavy test (a fuzzer, server restarts) whose subject is "
        "not the database runs on that one only, to keep the suite's time",
    )


def _reason(metafunc: pytest.Metafunc, marker: pytest.Mark, position: int) -> None:
    if len(marker.args) <= position and not marker.kwargs.get("reason"):
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: {marker.name} needs a reason")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses ``database`` (directly, or through ``rt`` or the intake ``store``)
    runs once per database Daloy works on, ids ``[sqlite]`` and ``[postgresql]`` — as huey runs
    one suite against every storage backend. ``@pytest.mark.sqlite_only(reason)`` opts out;
    ``@pytest.mark.one_database(kind, reason)`` runs a heavy test on one of them."""
    if "database" not in metafunc.fixturenames:
        return
    kinds = list(DATABASES)
    if (only := metafunc.definition.get_closest_marker("sqlite_only")) is not None:
        _reason(metafunc, only, 0)
        kinds = ["sqlite"]
    elif (one := metafunc.definition.get_closest_marker("one_database")) is not None:
        _reason(metafunc, one, 1)
        if not one.args or one.args[0] not in DATABASES:
            raise pytest.UsageError(f"{metafunc.definition.nodeid}: one_database({DATABASES})")
        kinds = [one.args[0]]
    metafunc.parametrize("database", kinds, indirect=True)


@pytest.fixture
def database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The database this test runs on: ``sqlite`` (the data folder's file) or ``postgresql`` (a
    fresh database of the session's test server, at the newest schema). It is chosen as the app chooses it, through
    ``$DALOY_DATABASE_URL``, so the runtime, a ``Host``, a verb and a runner process the test
    starts all open the same one (``tests.support.engine.open_database``)."""
    from app.store.dbchoice import ENV

    kind: str = getattr(request, "param", "sqlite")
    if kind == "postgresql":
        monkeypatch.setenv(ENV, request.getfixturevalue("pg_migrated_url"))
    else:
        monkeypatch.delenv(ENV, raising=False)
    return kind


@pytest.fixture
def rt(data_dir: Path, database: str):
    """A started runtime (real engine) on ``data_dir`` and this test's ``database``."""
    from tests.support.engine import runtime

    r = runtime(data_dir)
    r.start()
    yield r
    r.shutdown(grace=2)
    r.db.close()


@pytest.fixture
def smtp_sink():
    from tests.support.smtp import SmtpSink

    sink = SmtpSink(user="shop", password="s3cret-canary-7Q")
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def dovecot(tmp_path):
    from tests.support.dovecot import DovecotServer, require_dovecot

    require_dovecot()
    server = DovecotServer(tmp_path / "dovecot").start()
    yield server
    server.cleanup()
