"""Web form and webhook intake over real HTTP (waitress)."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.model import Trigger, Workflow
from app.intake.web import WebIntake, ensure_token, sign
from tests.support.engine import stored


@pytest.fixture
def web(store):
    wf = Workflow.from_dict({"format_version": 1, "name": "orders", "steps": []})
    hooks = [
        (wf, Trigger("shop", "webhook", {"auth": "token"})),
        (wf, Trigger("signed", "webhook", {"auth": "hmac"})),
        (
            wf,
            Trigger(
                "counter", "webhook", {"fields": ["number", "customer", "sku", "qty"], "form": True}
            ),
        ),
    ]
    server = WebIntake(store, hooks, port=0).start()
    server.token = ensure_token("orders", "shop")
    server.hmac_key = ensure_token("orders", "signed")
    yield server
    server.stop()


def runs(store):
    return store.db.execute_sql("select count(*) from runs")[0][0]


def test_token_webhook_stores_then_answers_and_dedupes(web, store):
    body = {"order": {"number": "W-1", "note": "{{ 7*7 }}"}}
    h = {"Authorization": f"Bearer {web.token}", "Idempotency-Key": "abc"}
    r = httpx.post(f"{web.url}/hook/orders/shop", json=body, headers=h)
    assert r.status_code == 201 and r.json()["status"] == "stored"
    trig = stored(store.db.execute_sql("select trigger from runs")[0][0])
    assert trig["order"]["note"] == "{{ 7*7 }}"  # data, never a template
    r = httpx.post(f"{web.url}/hook/orders/shop", json=body, headers=h)
    assert r.status_code == 200 and r.json()["status"] == "duplicate"
    assert runs(store) == 1


@pytest.mark.parametrize(
    "headers, status",
    [
        ({"Authorization": ""}, 401),
        ({"Authorization": "Bearer nope"}, 401),
        ({"Host": "evil.example"}, 421),
        ({"Origin": "http://evil.example"}, 403),
    ],
)
def test_refusals_store_nothing(web, store, headers, status):
    h = {"Authorization": f"Bearer {web.token}", **headers}
    r = httpx.post(f"{web.url}/hook/orders/shop", json={"a": 1}, headers=h)
    assert r.status_code == status and r.json()["error"]
    assert runs(store) == 0


def test_hmac_signature_and_replay_window(web, store):
    body = json.dumps({"order": {"number": "S-1"}}).encode()
    ok = {"X-Daloy-Signature": sign(web.hmac_key, body), "Content-Type": "application/json"}
    assert httpx.post(f"{web.url}/hook/orders/signed", content=body, headers=ok).status_code == 201
    old = {
        "X-Daloy-Signature": sign(web.hmac_key, body, int(time.time()) - 3600),
        "Content-Type": "application/json",
    }
    r = httpx.post(f"{web.url}/hook/orders/signed", content=body, headers=old)
    assert r.status_code == 401 and "replay" in r.json()["error"]
    bad = {"X-Daloy-Signature": sign("wrong", body), "Content-Type": "application/json"}
    assert httpx.post(f"{web.url}/hook/orders/signed", content=body, headers=bad).status_code == 401
    assert runs(store) == 1


def test_limits_and_content_types(web, store):
    h = {"Authorization": f"Bearer {web.token}"}
    assert (
        httpx.post(
            f"{web.url}/hook/orders/shop",
            content=b"x" * 300_000,
            headers={**h, "Content-Type": "application/json"},
        ).status_code
        == 413
    )
    assert (
        httpx.post(
            f"{web.url}/hook/orders/shop",
            content=b"a=1",
            headers={**h, "Content-Type": "text/plain"},
        ).status_code
        == 415
    )
    assert (
        httpx.post(
            f"{web.url}/hook/orders/shop",
            content=b"{bad",
            headers={**h, "Content-Type": "application/json"},
        ).status_code
        == 400
    )
    assert httpx.get(f"{web.url}/hook/orders/nope").status_code == 404
    assert runs(store) == 0


def test_order_form_page_and_post(web, store):
    page = httpx.get(f"{web.url}/form/orders/counter")
    assert page.status_code == 200 and "name='sku_1'" in page.text
    token = page.text.split("name='form_token' value='")[1].split("'")[0]
    form = {
        "customer": "Aling Nena",
        "phone": "0917 123 4567",
        "address": "12 Mabini St.",
        "sku_1": "RICE-25",
        "qty_1": "2",
        "form_token": token,
    }
    r = httpx.post(f"{web.url}/form/orders/counter", data={**form, "sku_1": ""})
    # said in words on the form shown again; a mistake spends no token
    assert r.status_code == 400 and "Please choose at least one product." in r.text

    assert httpx.post(f"{web.url}/form/orders/counter", data=form).status_code == 201
    again = httpx.post(f"{web.url}/form/orders/counter", data=form)  # double click
    assert again.status_code == 409 and "already sent" in again.text
    assert runs(store) == 1


def test_paused_intake_answers_503_and_stores_nothing(web, store):
    web.paused.set()
    r = httpx.post(
        f"{web.url}/hook/orders/shop",
        json={"a": 1},
        headers={"Authorization": f"Bearer {web.token}"},
    )
    assert r.status_code == 503 and r.headers["Retry-After"]
    assert runs(store) == 0


@pytest.mark.one_database("postgresql", "a fuzzer of HTTP; run where text is stricter (no NUL)")
@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.sampled_from(
        ["/hook/orders/shop", "/hook/orders/signed", "/form/orders/counter", "/x"]
    ),
    body=st.binary(max_size=2000),
    ctype=st.sampled_from(
        ["application/json", "text/plain", "application/x-www-form-urlencoded", ""]
    ),
    auth=st.sampled_from(["", "Bearer nope", "Bearer x" * 50]),
    sig=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80),
)
def test_malformed_requests_never_5xx_never_store(web, store, path, body, ctype, auth, sig):
    headers = {"Content-Type": ctype, "Authorization": auth, "X-Daloy-Signature": sig}
    r = httpx.post(
        f"{web.url}{path}",
        content=body,
        headers={k: v.strip() for k, v in headers.items() if v.strip()},
    )
    assert r.status_code < 500
    if path.startswith("/hook"):
        assert runs(store) == 0


def test_a_slow_sender_does_not_block_others(web, store):
    import socket

    slow = socket.create_connection(("127.0.0.1", web.port))
    slow.sendall(
        b"POST /hook/orders/shop HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"
    )
    results = []
    t = threading.Thread(
        target=lambda: results.append(
            httpx.post(
                f"{web.url}/hook/orders/shop",
                json={"o": 1},
                headers={"Authorization": f"Bearer {web.token}"},
            )
        )
    )
    t.start()
    t.join(10)
    slow.close()
    assert results and results[0].status_code == 201


def test_named_hosts_join_the_allow_list_and_others_stay_out(store):
    wf = Workflow.from_dict({"format_version": 1, "name": "orders", "steps": []})
    server = WebIntake(
        store,
        [(wf, Trigger("shop", "webhook", {"auth": "token"}))],
        port=0,
        allowed_hosts=["orders.office.lan"],
    ).start()
    try:
        h = {"Authorization": f"Bearer {ensure_token('orders', 'shop')}"}
        url = f"{server.url}/hook/orders/shop"
        r = httpx.post(url, json={"n": 1}, headers={**h, "Host": "orders.office.lan"})
        assert r.status_code == 201
        r = httpx.post(url, json={"n": 2}, headers={**h, "Host": "rebind.attacker.example"})
        assert r.status_code == 421 and "not allowed" in r.json()["error"]
        assert runs(store) == 1
    finally:
        server.stop()
