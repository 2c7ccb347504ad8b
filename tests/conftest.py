"""Shared fixtures: real local servers on 127.0.0.1 with free ports, a temporary keyring, and
offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DALOY_USER", "tester")

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
    backend = PlaintextKeyring()
    backend.file_path = str(folder / "keyring_pass.cfg")  # type: ignore[misc]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield folder
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def rt(data_dir: Path):
    """A started runtime (real engine, real SQLite file) on ``data_dir``."""
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
