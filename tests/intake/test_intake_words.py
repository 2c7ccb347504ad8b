"""What intake tells the operator is a sentence in their language — an email that could not
become an order, a channel that cannot reach its server — with the system's own text (a
parser's exception, "[Errno 111] Connection refused") in the log only. Real channels on the
real store; a port on 127.0.0.1 nobody listens on."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator

import pytest

from app.core import catalog
from app.core import i18n as core_i18n
from app.core.i18n import shown
from app.intake.marketplace import MarketplaceChannel
from app.store import connections
from app.store.connections import ConnectionProvider
from tests.intake.test_imap import channel


@pytest.fixture
def filipino() -> Iterator[None]:
    before = core_i18n.installed()
    core_i18n.install(catalog.load(catalog.FILIPINO))
    yield
    core_i18n.install(before)


def _in_filipino(words: object, stored: str) -> str:
    before = core_i18n.installed()
    core_i18n.install(catalog.load(catalog.FILIPINO))
    try:
        return shown(words, stored)  # type: ignore[arg-type]
    finally:
        core_i18n.install(before)


def test_a_damaged_attachment_is_said_without_the_parsers_words(store, data_dir, caplog) -> None:  # noqa: ANN001
    ch = channel(store, data_dir)
    raw = (
        b"From: jo@example.com\r\nSubject: Order 7\r\nContent-Type: multipart/mixed; "
        b"boundary=b\r\n\r\n--b\r\nContent-Disposition: attachment; filename=lines.xlsx\r\n\r\n"
        b"not a spreadsheet at all\r\n--b--\r\n"
    )
    with caplog.at_level(logging.INFO, logger="daloy.intake.imap"):
        assert ch.ingest_message(1, 1, raw)
    ((reason, words),) = store.db.execute_sql(
        "select reason, words from inbox_items where kind = 'intake_error'"
    )
    assert reason == (
        "The order lines in the attachment lines.xlsx could not be read: the file seems "
        "damaged, or is not really a CSV or Excel file. Daloy keeps the email “Order 7” from "
        "jo@example.com (UID 1 in INBOX) as it arrived."
    )
    assert "BadZipFile" in caplog.text  # the parser's words: in the log
    if isinstance(words, str):  # PostgreSQL's JSON comes back parsed, SQLite's as text
        import json

        words = json.loads(words)
    assert _in_filipino(words["reason"], reason) == (
        "Hindi mabasa ang mga linya ng order sa attachment na lines.xlsx: mukhang sira ang "
        "file, o hindi talaga ito CSV o Excel file. Itinatago ng Daloy ang email na “Order 7” "
        "mula kay jo@example.com (UID 1 sa INBOX) gaya ng pagdating nito."
    )


def test_a_marketplace_nobody_answers_for_is_said_in_words(store) -> None:  # noqa: ANN001
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # let go: nothing listens there
    with store.db.write() as s:
        connections.save(
            s, "market", "marketplace", {"base_url": f"http://127.0.0.1:{port}"}, {"token": "t"}
        )
    ch = MarketplaceChannel(
        store,
        channel="orders/market",
        workflow="orders",
        config={"connection": "market", "timeout": 5},
        connections=ConnectionProvider(store.db),
        paused=threading.Event(),
    )
    assert ch.poll_once() == 0
    ((error,),) = store.db.execute_sql("select last_error from channel_states")
    assert error == (
        "orders/market could not reach its server, or the server stopped answering. Daloy "
        "keeps trying; check that this computer is online."
    )
    assert "Errno" not in error and "refused" not in error.lower()


def test_the_channels_sentence_is_said_in_filipino(store, filipino) -> None:  # noqa: ANN001
    import httpx

    ch = MarketplaceChannel(
        store,
        channel="orders/market",
        workflow="orders",
        config={"connection": "market"},
        connections=ConnectionProvider(store.db),
        paused=threading.Event(),
    )
    said = ch.in_words(httpx.ConnectError("[Errno 111] Connection refused"))
    assert str(said).startswith("orders/market could not reach its server")  # stored: English
    assert shown(core_i18n.words_of(said), said) == (
        "Hindi maabot ng orders/market ang server nito, o tumigil sumagot ang server. Patuloy "
        "na sumusubok ang Daloy; tingnan kung online ang computer na ito."
    )
