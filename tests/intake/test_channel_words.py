"""A channel's last problem and an unreadable item's summary are stored with their words
(migration 0014): intake health, ``daloy intake status``, the "channel down" alert and the
unreadable order's entry say them in the reader's language; what was stored without words shows
its English text. Real channels on the real store (SQLite and PostgreSQL): dovecot refusing a
password, a local marketplace answering garbage, a port nobody listens on."""

from __future__ import annotations

import itertools
import json
import threading
import time
from email.message import EmailMessage
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.core.i18n import shown
from app.intake.marketplace import MarketplaceChannel
from app.store import connections, queries
from app.store import intake as repo
from app.store.connections import ConnectionProvider
from app.store.explain import explain_item
from app.store.models import ChannelState, InboxItem, IntakeItem
from tests.intake.conftest import run_channel
from tests.intake.test_imap import channel
from tests.intake.test_marketplace_schedule import market
from tests.intake.test_platform_shopify import shop_channel, shopify  # noqa: F401 - a fixture
from tests.intake.test_web import web  # noqa: F401 - a fixture
from tests.runtime.test_step_words import in_filipino
from tests.support.dovecot import free_port
from tests.support.engine import wait_for
from tests.test_cli import fresh_logging  # noqa: F401 - autouse: main() sets logging up

WITH_ERROR = "select channel from channel_states where last_error is not null"


def refused(store: Any) -> None:
    """One check of a marketplace channel whose server refuses (a port on 127.0.0.1 nobody
    listens on): its problem is recorded."""
    with store.db.write() as s:
        connections.save(
            s,
            "closed",
            "marketplace",
            {"base_url": f"http://127.0.0.1:{free_port()}"},
            {"token": "t"},
        )
    ch = MarketplaceChannel(
        store,
        channel="orders/market",
        workflow="orders",
        config={"connection": "closed", "timeout": 5},
        connections=ConnectionProvider(store.db),
        paused=threading.Event(),
    )
    assert ch.poll_once() == 0


def last_problem(store: Any, name: str) -> tuple[str, Any]:
    """The channel's last error and its words, as the Intake health page reads them."""
    with store.db.read() as s:
        row = s.get(ChannelState, name)
        assert row is not None and row.last_error
        return row.last_error, row.last_error_words


def entries(store: Any, kind: str) -> list[dict[str, Any]]:
    with store.db.read() as s:
        rows = s.scalars(select(InboxItem).where(InboxItem.kind == kind).order_by(InboxItem.id))
        return [queries.inbox_dict(i) for i in rows]


def reason(entry: dict[str, Any]) -> str:
    return shown((entry["words"] or {}).get("reason"), entry["reason"])


def test_a_refused_password_is_said_in_filipino_in_health_and_the_alert(
    store, mailbox, data_dir
) -> None:  # noqa: ANN001
    with store.db.write() as s:  # the right user, a wrong password
        connections.save(
            s,
            "wrong",
            "imap",
            {
                "host": mailbox.host,
                "port": mailbox.port,
                "security": "plain",
                "username": mailbox.user,
            },
            {"password": "not-the-password"},
        )
    ch = channel(store, data_dir, connection="wrong")
    started = time.time()
    t = run_channel(ch)
    try:
        wait_for(lambda: store.db.execute_sql(WITH_ERROR), 30)
    finally:
        ch.stop()
        t.join(10)
    english, words = last_problem(store, "orders/email")
    assert english == (
        "The mail server refused the user name or password of connection “wrong”. Correct "
        "them in the connection's settings."
    )
    filipino = (
        "Tinanggihan ng mail server ang user name o password ng koneksyon na “wrong”. Itama "
        "ang mga ito sa mga setting ng koneksyon."
    )
    assert in_filipino(lambda: shown(words, english)) == filipino
    assert shown(words, english) == english  # English again

    assert repo.check_health(store, "orders/email", "imap", 0, started_at=started)
    [alert] = entries(store, "channel_down")
    assert f"The last error: {english} Orders from it" in alert["reason"]  # stored: English
    said = in_filipino(lambda: reason(alert))
    assert said.startswith("Hindi pa gumagana ang channel na orders/email mula nang magsimula")
    assert f"Ang huling error: {filipino} Walang order na papasok" in said
    assert reason(alert) == alert["reason"]


def test_a_marketplace_answering_garbage_says_its_problem_and_page_in_filipino(
    store, marketplace
) -> None:  # noqa: ANN001
    ch = market(store, marketplace)
    marketplace.garble_next()
    assert ch.poll_once() == 0
    english, words = last_problem(store, "orders/market")
    assert english == "The marketplace sent an answer that is not JSON."
    assert in_filipino(lambda: shown(words, english)) == (
        "Nagpadala ang marketplace ng sagot na hindi JSON."
    )
    [entry] = entries(store, "intake_error")  # the page it sent, kept for the operator
    assert entry["detail"]["summary"] == "The marketplace's first page"
    headline = in_filipino(lambda: explain_item(entry).headline)
    assert headline.startswith("Hindi mabasa bilang order: Unang page ng marketplace — ")
    assert explain_item(entry).headline.startswith(
        "The marketplace's first page could not be read as an order: "
    )


def test_a_marketplace_nobody_answers_for_is_down_in_filipino(store) -> None:  # noqa: ANN001
    refused(store)
    started = time.time() - 3600  # failing for an hour
    assert repo.check_health(store, "orders/market", "marketplace", 60, started_at=started)
    [alert] = entries(store, "channel_down")
    said = in_filipino(lambda: reason(alert))
    assert "Ang huling error: Hindi maabot ng orders/market ang server nito" in said
    assert "could not reach its server" in alert["reason"] and "Errno" not in alert["reason"]


def test_an_unreadable_emails_summary_is_said_in_filipino(store, data_dir) -> None:  # noqa: ANN001
    ch = channel(store, data_dir)
    raw = (
        b"From: jo@example.com\r\nSubject: Order 7\r\nContent-Type: multipart/mixed; "
        b"boundary=b\r\n\r\n--b\r\nContent-Disposition: attachment; filename=lines.xlsx\r\n\r\n"
        b"not a spreadsheet at all\r\n--b--\r\n"
    )
    assert ch.ingest_message(1, 1, raw)
    ((summary, words),) = store.db.execute_sql("select summary, summary_words from intake_items")
    assert summary == "Email “Order 7” from jo@example.com"  # stored: English, as before
    if isinstance(words, str):  # PostgreSQL's JSON comes back parsed, SQLite's as text
        words = json.loads(words)
    assert (
        in_filipino(lambda: shown(words, summary)) == "Email na “Order 7” mula kay jo@example.com"
    )
    [entry] = entries(store, "intake_error")
    assert in_filipino(lambda: explain_item(entry).headline).startswith(
        "Hindi mabasa bilang order: Email na “Order 7” mula kay jo@example.com — Hindi mabasa "
        "ang mga linya ng order sa attachment na lines.xlsx"
    )
    assert explain_item(entry).headline.startswith(
        "Email “Order 7” from jo@example.com could not be read as an order: The order lines"
    )


def test_what_was_stored_without_words_shows_its_english_text(store, data_dir) -> None:  # noqa: ANN001
    """A channel's error and an entry written before migration 0014 (no words) read as stored,
    in any language; a plain sentence recorded after a said one clears the said one's words."""
    ch = channel(store, data_dir)
    assert ch.ingest_message(1, 1, b"From: jo@example.com\r\nSubject: hello\r\n\r\nno order\r\n")
    repo.record_error(store.db, "orders/email", "imap", "The server said: 451 try later.")
    with store.db.write() as s:
        s.execute(update(InboxItem).values(words=None))
    assert last_problem(store, "orders/email") == ("The server said: 451 try later.", None)
    [entry] = entries(store, "intake_error")
    assert in_filipino(lambda: explain_item(entry).headline).startswith(
        "Hindi mabasa bilang order: Email “hello” from jo@example.com — "
    )
    assert repo.check_health(store, "orders/email", "imap", 60, started_at=time.time() - 3600)
    [alert] = entries(store, "channel_down")
    assert "Ang huling error: The server said: 451 try later. Walang order" in in_filipino(
        lambda: reason(alert)
    )


def test_intake_status_says_the_last_problem_in_the_language_chosen(
    store, marketplace, data_dir, monkeypatch, capsys
) -> None:  # noqa: ANN001
    """``daloy intake status`` with DALOY_LANGUAGE=fil: the channel's problem in Filipino;
    ``--json`` keeps the English text (and its words)."""
    from app.cli import main

    ch = market(store, marketplace)
    marketplace.garble_next()
    assert ch.poll_once() == 0
    monkeypatch.setenv("DALOY_LANGUAGE", "fil")
    assert main(["--data-dir", str(data_dir), "intake", "status"]) == 0
    out = capsys.readouterr().out
    assert "Nagpadala ang marketplace ng sagot na hindi JSON." in out
    assert "not JSON" not in out
    assert main(["--data-dir", str(data_dir), "intake", "status", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["channels"]
    assert row["last_error"] == "The marketplace sent an answer that is not JSON."
    assert row["last_error_words"]["source"] == row["last_error"]


def test_an_unreadable_shop_orders_summary_is_said_in_filipino(store, shopify) -> None:  # noqa: ANN001, F811
    """A shop's order whose items are not a list: kept as unreadable, its summary said."""
    ch = shop_channel(store, shopify)
    assert ch.take({"id": 9001, "line_items": "not a list"}, shopify.domain) == (0, "")
    [entry] = entries(store, "intake_error")
    assert entry["detail"]["summary"] == "Shopify order 9001"
    assert in_filipino(lambda: explain_item(entry).headline).startswith(
        "Hindi mabasa bilang order: Order 9001 mula sa Shopify — "
    )


def test_an_unreadable_webhook_posts_summary_is_said_in_filipino(store, web) -> None:  # noqa: ANN001, F811
    """A post the sender signed for but Daloy cannot read: answered 400, kept, said."""
    import httpx

    h = {"Authorization": f"Bearer {web.token}", "Content-Type": "application/json"}
    r = httpx.post(f"{web.url}/hook/orders/shop", content=b"{not json", headers=h)
    assert r.status_code == 400
    [entry] = entries(store, "intake_error")
    assert entry["detail"]["summary"] == "Unreadable webhook post to shop"
    assert in_filipino(lambda: explain_item(entry).headline).startswith(
        "Hindi mabasa bilang order: Hindi mabasang webhook post sa shop — "
    )


HEADER_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda t: t.strip() == t and t.isprintable())
UIDS = itertools.count(1)


@pytest.mark.one_database(
    "sqlite", "a fuzzer of the summary's words; the storing is fuzzed on both"
)
@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(subject=HEADER_TEXT, sender=HEADER_TEXT)
def test_any_emails_summary_says_its_stored_text_again(store, data_dir, subject, sender) -> None:  # noqa: ANN001
    """Whatever a subject or sender holds (braces, quotes, any script), the summary's words say
    the stored English text again, and Filipino keeps the subject and sender as they are."""
    msg = EmailMessage()
    msg["Subject"], msg["From"] = subject, sender
    uid = next(UIDS)
    msg["Message-ID"] = f"<{uid}@fuzz.example>"  # each example a new email, not a copy
    msg.set_content("no order here")
    assert channel(store, data_dir).ingest_message(1, uid, msg.as_bytes())
    with store.db.read() as s:
        item = s.scalars(select(IntakeItem).order_by(IntakeItem.id.desc())).first()
        summary, words = item.summary, item.summary_words
    assert shown(words, summary) == summary
    said = in_filipino(lambda: shown(words, summary))
    fields = words["fields"]
    assert said == f"Email na “{fields['subject']}” mula kay {fields['sender']}"
