"""Inbox entries in words, from real engine runs against the local payment gateway: what
happened and what it means for the money, with no raw error text, address or key in the
sentences (those stay in the technical detail)."""

from __future__ import annotations

import re

from app.core import machine as m
from app.store.explain import Explanation, explain_entry, plain, tries_over
from app.store.models import InboxItem
from tests.support.engine import charge_workflow, run_status, save, wait_for

ORDER = {
    "order": {
        "number": "3001",
        "amount": 1499.5,
        "total": 1499.5,
        "currency": "PHP",
        "customer": {"name": "Aling Nena", "email": "nena@example.com"},
    }
}
RAW = re.compile(r"Errno|127\.0\.0\.1|daloy-[0-9a-f]{8}|Idempotency|\{|https?://", re.I)


def held(rt, run_id: str) -> Explanation:
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_NEEDS_ATTENTION, 30)
    with rt.db.read() as s:
        item = s.query(InboxItem).filter_by(run_id=run_id, status="open").one()
        return explain_entry(s, item)


def assert_plain(e: Explanation) -> None:
    for sentence in (e.headline, e.money_line, e.order_line):
        assert not RAW.search(sentence), sentence


def test_refused_until_retries_run_out_says_not_charged_and_how_long(rt, payment_gateway):
    url = payment_gateway.url
    payment_gateway.stop()  # nothing listens any more: connections are refused
    save(rt.db, charge_workflow(url, attempts=3))
    run_id = rt.store.start_run("charge", ORDER)
    e = held(rt, run_id)
    assert re.fullmatch(
        r"The card was not charged: the payment service could not be reached "
        r"— tried 3 times over \d+ seconds?",
        e.headline,
    ), e.headline
    assert "Retry when the payment service" in e.money_line
    assert e.order_line == (
        "Order 3001 for Aling Nena (PHP 1,499.50) waits at “Charge”; the "
        "steps after it are on hold."
    )
    assert_plain(e)
    # The technical detail keeps what the sentences leave out.
    assert "Connection refused" in e.detail["error"] and "127.0.0.1" in e.detail["error"]
    assert e.detail["idempotency_key"] == f"daloy-{run_id}-charge"
    assert len(e.detail["attempts"]) == 3 and e.detail["request"]["method"] == "POST"


def test_looked_up_and_not_found_says_no_charge_was_made(rt, payment_gateway):
    # The first try gets no answer (outcome unknown); the look-up finds no charge, so Daloy
    # sends again; the gateway then fails until the tries run out.
    save(rt.db, charge_workflow(payment_gateway.url, attempts=3, timeout=0.5))
    payment_gateway.hang_seconds = 1.0
    payment_gateway.fail_next(1, "hang")
    payment_gateway.fail_next(5, "503")
    run_id = rt.store.start_run("charge", ORDER)
    e = held(rt, run_id)
    assert e.headline.startswith(
        "The card was not charged: the payment service had a problem "
        "on its side (error 503) — tried 3 times over"
    ), e.headline
    assert e.money_line.startswith("Daloy checked with the payment service: no charge was made.")
    assert [a["looked_up"] for a in e.detail["attempts"]] == [None, "not found", None]
    assert payment_gateway.charge_count(f"daloy-{run_id}-charge") == 0
    assert_plain(e)


def test_outcome_unknown_says_not_known_and_to_check_first(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url, attempts=1, timeout=0.5))
    payment_gateway.hang_seconds = 1.0
    payment_gateway.fail_next(1, "charge_then_hang")
    run_id = rt.store.start_run("charge", ORDER)
    e = held(rt, run_id)
    assert e.headline == (
        "Not known whether the card was charged — check the payment service before retrying"
    )
    assert "Skip" in e.money_line and "Retry" in e.money_line
    assert_plain(e)


def test_declined_card_says_refused_with_the_reason(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url))
    payment_gateway.fail_next(1, "400")
    e = held(rt, rt.store.start_run("charge", ORDER))
    assert e.headline == (
        "The card was not charged: the payment service refused it (error 400: card declined) — tried once"
    )


def test_email_step_says_the_confirmation_email_was_not_sent(rt, keyring_tmp):
    import socket

    from app.store import connections

    with socket.socket() as sock:  # a port nobody listens on: the mail server is down
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with rt.db.write() as s:
        connections.save(
            s,
            "shop-mail",
            "smtp",
            {"host": "127.0.0.1", "port": port, "security": "plain", "username": "shop"},
            {"password": "s3cret-canary-7Q"},
        )
    save(
        rt.db,
        {
            "name": "mail",
            "business_key": "{{ trigger.order.number }}",
            "steps": [
                {
                    "name": "send_confirmation",
                    "type": "send_email",
                    "config": {
                        "connection": "shop-mail",
                        "to": "{{ trigger.order.customer.email }}",
                        "subject": "Thanks",
                        "text": "Your order",
                    },
                    "retry": {"max_attempts": 2, "initial_delay": 0.05, "max_delay": 0.1},
                }
            ],
        },
    )
    e = held(rt, rt.store.start_run("mail", ORDER))
    assert e.headline.startswith(
        "The confirmation email was not sent: the mail server could not be reached — tried 2 times over"
    ), e.headline
    assert_plain(e)


def test_decision_and_unreadable_order_entries(data_dir):
    from app.store.explain import explain_item

    d = explain_item(
        {
            "kind": "decision",
            "title": "Substitute or backorder?",
            "reason": "",
            "detail": {
                "question": "Substitute or backorder?",
                "options": [
                    {"name": "substitute", "label": "Substitute"},
                    {"name": "backorder", "label": "Backorder"},
                ],
            },
        }
    )
    assert d.headline == "Substitute or backorder?"
    assert d.more == ""  # one sentence: all of it is the headline
    assert d.money_line == "The order waits for your answer: Substitute, Backorder."
    # a long question: its first sentence is the headline, the rest said beneath it
    long = explain_item(
        {
            "kind": "decision",
            "title": "Short of coffee",
            "reason": "",
            "detail": {
                "question": "Not enough stock for Jun: Coffee (COFFEE-3IN1): 12 ordered, 8 in "
                "stock. Substitute, backorder or cancel?",
                "options": [{"name": "cancel", "label": "Cancel"}],
            },
        }
    )
    assert (
        long.headline == "Not enough stock for Jun: Coffee (COFFEE-3IN1): 12 ordered, 8 in stock."
    )
    assert long.more == "Substitute, backorder or cancel?"
    i = explain_item(
        {
            "kind": "intake_error",
            "title": "Could not read an order from shop/mail",
            "reason": "The email has no lines (subject “Order 12”).",
            "detail": {"summary": "Email “Order 12” from ana@example.com"},
        }
    )
    assert i.headline == (
        "Email “Order 12” from ana@example.com could not be read as an order: "
        "The email has no lines (subject “Order 12”)."
    )
    assert "nobody was charged" in i.money_line


def test_plain_and_tries_words():
    assert (
        plain(
            "Could not reach http://127.0.0.1:5000/charges: [Errno 111] Connection "
            "refused (key daloy-0123456789abcdef-charge) at 10.1.2.3:80"
        )
        == "Could not reach the service Connection refused (key the order's key) at the server"
    )
    assert tries_over([{"started_at": 0, "finished_at": 1}]) == "tried once"
    assert (
        tries_over([{"started_at": 0, "finished_at": 1}, {"started_at": 100, "finished_at": 190}])
        == "tried 2 times over 3 minutes"
    )
