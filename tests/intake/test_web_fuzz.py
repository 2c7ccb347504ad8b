"""Hostile requests against a running web intake (issue 11), sent as raw bytes over loopback:
never a 5xx or a traceback, the intake thread never dies, and every post it accepted is a run
or an intake-error entry (nothing lost)."""

from __future__ import annotations

import json
import socket

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.intake.web import ensure_token, sign
from tests.intake.web_support import count, running, runs

TRIGGERS = {
    "shop": {"auth": "token"},
    "signed": {"auth": "hmac"},
    "counter": {"form": True, "fields": ["number", "sku"], "form_per_minute": 100_000},
}
SEP = b"\r\n\r\n"
UNACCOUNTED = (
    "select count(*) from intake_items i where i.run_id is null and not exists "
    "(select 1 from inbox_items b where b.kind='intake_error' "
    "and b.source_key = 'intake:' || i.id)"
)

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=20,
)
orders = st.dictionaries(text, json_values, max_size=5).map(lambda v: json.dumps(v).encode())
bodies = st.one_of(
    orders,
    orders,
    st.binary(max_size=600),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.integers(1, 3000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.integers(1, 3000).map(lambda n: b"[" * n),
    st.dictionaries(st.sampled_from(["number", "sku", "x"]), text).map(
        lambda d: "&".join(f"{k}={v}" for k, v in d.items()).encode()
    ),
)
paths = st.one_of(
    st.sampled_from(["/hook/orders/shop", "/hook/orders/signed", "/form/orders/counter"]),
    st.sampled_from(
        [
            "/hook/orders/counter",
            "/form/orders/shop",
            "/hook/orders/shop/x",
            "/hook/%2e%2e/orders",
            "/hook/orders/%00",
            "//hook//orders//shop",
            "*",
            "/hook/orders/" + "x" * 5000,
            "/form/orders/counter?a=%ff",
        ]
    ),
    st.binary(min_size=1, max_size=60).map(lambda b: "/" + b.decode("latin-1")),
)
visible = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=40)
header_value = st.one_of(
    visible, visible, visible, text, st.binary(max_size=60).map(lambda b: b.decode("latin-1"))
)
any_type = st.sampled_from(
    [
        "application/json",
        "application/x-www-form-urlencoded",
        "text/plain",
        "application/json; charset=utf-16",
        "",
    ]
)
json_type = st.sampled_from(["application/json"] * 4 + ["application/json; charset=utf-8"])
# Most requests are a real sender's, with hostile content, so they reach the application; the
# rest are hostile at the HTTP level too, where waitress itself must answer in a 4xx.
scenarios = st.one_of(
    st.tuples(st.just("bearer"), st.just("/hook/orders/shop"), json_type),
    st.tuples(st.just("signed"), st.just("/hook/orders/signed"), json_type),
    st.tuples(
        st.just("form_token"),
        st.just("/form/orders/counter"),
        st.just("application/x-www-form-urlencoded"),
    ),
    st.tuples(st.sampled_from(["none", "bearer", "signed", "form_token", "junk"]), paths, any_type),
)


@pytest.fixture
def web(store):
    with running(store, TRIGGERS) as server:
        server.tokens = {t: ensure_token("orders", t) for t in ("shop", "signed")}
        yield server


def raw_post(port: int, head: bytes, body: bytes) -> bytes:
    """The answer; b"" when the server refused the request by closing (a reset is how TCP
    ends a connection whose unread body the server will not take)."""
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        try:
            s.sendall(head + body)
            while chunk := s.recv(65536):
                answer += chunk
        except ConnectionError:
            pass
    return answer


@pytest.mark.one_database("postgresql", "a fuzzer of HTTP; run where text is stricter (no NUL)")
@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    method=st.sampled_from(["POST"] * 8 + ["GET", "PUT", "OPTIONS", "P\x00ST"]),
    scenario=scenarios,
    body=bodies,
    idem=st.none() | st.none() | header_value,
    length=st.sampled_from(["exact"] * 6 + ["short", "junk", "negative", "huge"]),
    extra=st.one_of(
        st.just([]),
        st.just([]),
        st.just([]),
        st.just([]),
        st.lists(
            st.tuples(st.text("abcXYZ-_:\x00", min_size=1, max_size=12), header_value), max_size=3
        ),
    ),
)
def test_hostile_requests_get_words_and_lose_nothing(
    web, store, method, scenario, body, idem, length, extra
):
    auth, path, ctype = scenario
    headers = [("Host", f"127.0.0.1:{web.port}"), ("Connection", "close")]
    if ctype:
        headers.append(("Content-Type", ctype))
    if idem is not None:
        headers.append(("Idempotency-Key", idem))
    if auth == "bearer":
        headers.append(("Authorization", f"Bearer {web.tokens['shop']}"))
    elif auth == "signed":
        key = idem if idem is not None else ""
        headers.append(("X-Daloy-Signature", sign(web.tokens["signed"], body, None, key)))
    elif auth == "form_token":
        page = httpx.get(f"{web.url}/form/orders/counter").text
        body += b"&form_token=" + page.split("name='form_token' value='")[1].split("'")[0].encode()
    elif auth == "junk":
        headers += [("Authorization", "Bearer \xff"), ("X-Daloy-Signature", "t=9e99,v2=\xff")]
    headers.append(
        (
            "Content-Length",
            {
                "exact": str(len(body)),
                "short": str(len(body) // 2),
                "junk": "12a",
                "negative": "-5",
                "huge": "99999999999",
            }[length],
        )
    )
    headers += extra
    head = (
        f"{method} {path} HTTP/1.1\r\n".encode("latin-1", "replace")
        + b"".join(f"{k}: {v}\r\n".encode("latin-1", "replace") for k, v in headers)
        + b"\r\n"
    )
    before = (runs(store), count(store, "select count(*) from intake_items"))

    answer = raw_post(web.port, head, body)

    status_line = answer.partition(b"\r\n")[0]
    assert status_line.startswith((b"HTTP/1.1 ", b"HTTP/1.0 ")) or not answer, answer[:200]
    status = int(status_line.split()[1]) if answer else 400
    event(f"answered {status} {answer.split(SEP, 1)[-1][:50]!r}" if answer else "closed")
    assert status < 500, answer[:500]
    assert b"Traceback" not in answer
    assert web.thread.is_alive() and httpx.get(f"{web.url}/form/orders/counter").is_success
    after = (runs(store), count(store, "select count(*) from intake_items"))
    if 200 <= status < 300 and after != before:
        assert after[0] == before[0] + 1  # an accepted post is one run ...
    assert count(store, UNACCOUNTED) == 0  # ... or an intake-error entry
