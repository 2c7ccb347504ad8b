"""“Test connection” says a failure as a sentence for the operator — what happened, where, what
to do — in the reader's language (English and Filipino), with the exception's own text
("[Errno 111] Connection refused") kept only in the technical detail. Real sockets on 127.0.0.1:
a port nobody listens on, and a server that accepts and never answers."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.connectors.connection_check import ConnectionProblem, check, explain
from app.core import catalog
from app.core import i18n as core_i18n
from app.store.db import Database

REFUSED = {
    "en": "Nothing answers at 127.0.0.1 port {port} — check the port (and that the security "
    "matches it).",
    "fil": "Walang sumasagot sa 127.0.0.1 port {port} — tingnan ang port (at kung tugma rito "
    "ang security).",
}
SILENT = {
    "en": "127.0.0.1 port {port} did not answer in time — check the address, the port and that "
    "this computer is online.",
    "fil": "Hindi sumagot sa oras ang 127.0.0.1 port {port} — tingnan ang address, ang port at "
    "kung online ang computer na ito.",
}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open_dir(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture(params=["en", "fil"])
def spoken(request: pytest.FixtureRequest) -> Iterator[str]:
    """The sentences in English, and in Filipino read from the .ts files (as the command line
    reads them; the desktop installs Qt's translator behind the same call)."""
    before = core_i18n.installed()
    if request.param == "fil":
        core_i18n.install(catalog.load(catalog.FILIPINO))
    yield request.param
    core_i18n.install(before)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A server that takes the connection and never says a word."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(4)
        yield s.getsockname()[1]


def _problem(run: Callable[[], Any]) -> ConnectionProblem:
    with pytest.raises(ConnectionProblem) as caught:
        run()
    return caught.value


def _mail(port: int, kind: str = "imap") -> dict[str, Any]:
    return {"host": "127.0.0.1", "port": port, "security": "ssl", "username": "shop"}


@pytest.mark.parametrize("kind", ["imap", "smtp"])
def test_a_refused_mail_server_reads_as_a_sentence(db, spoken, kind) -> None:  # noqa: ANN001
    port = closed_port()
    problem = _problem(lambda: check(db, "shop-mail", kind, _mail(port), {"password": "pw"}, 5))
    assert str(problem) == REFUSED[spoken].format(port=port)
    assert "Errno" not in str(problem) and "refused" not in str(problem).lower()
    assert "ConnectionRefusedError" in problem.detail  # the technical side, kept apart
    assert "Errno 111" in problem.detail or "refused" in problem.detail.lower()


def test_a_refused_web_service_reads_as_a_sentence(db, spoken) -> None:  # noqa: ANN001
    port = closed_port()
    url = f"http://127.0.0.1:{port}"
    problem = _problem(lambda: check(db, "payments", "http", {"base_url": url}, {}, 5))
    said = str(problem)
    start = {"en": f"Nothing answers at {url} — ", "fil": f"Walang sumasagot sa {url} — "}
    assert said.startswith(start[spoken]), said
    assert "Errno" not in said and "ConnectError" not in said
    assert "ConnectError" in problem.detail or "Errno" in problem.detail


def test_a_mail_server_that_never_answers_reads_as_a_sentence(db, spoken, silent_port) -> None:  # noqa: ANN001
    problem = _problem(
        lambda: check(db, "shop-mail", "imap", _mail(silent_port), {"password": "pw"}, 0.5)
    )
    assert str(problem) == SILENT[spoken].format(port=silent_port)
    assert "timed out" in problem.detail


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=3, max_size=60).filter(lambda t: t.strip() and "{" not in t))
def test_no_exception_text_reaches_the_sentence(spoken, text: str) -> None:  # noqa: ANN001
    """Whatever the system's error said, the operator reads Daloy's sentence; the error's own
    words are in the detail only."""
    marker = f"«{text}»"
    for exc in (
        ConnectionRefusedError(111, marker),
        TimeoutError(marker),
        socket.gaierror(-2, marker),
        OSError(marker),
        RuntimeError(marker),
    ):
        problem = explain(exc, "shop-mail", "imap", {"host": "mail.example.com", "port": 993})
        assert marker not in str(problem), (exc, str(problem))
        assert marker in problem.detail
