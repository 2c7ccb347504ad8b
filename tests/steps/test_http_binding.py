"""A connection's credentials go only to its own address: the scheme, host and port of its base
URL, under its path. Two real local servers: the connection's, and another that a template
(steered by order data) points at; the other one never hears from Daloy."""

from __future__ import annotations

from typing import Any

import pytest

from app.core import machine as m
from app.core.errors import ConfigurationError
from app.steps.base import StepContext, StepServices
from app.steps.http_request import _check_bound, reconcile
from app.store import connections
from app.store.connections import ConnectionProvider
from tests.support.engine import run_status, runtime, save, wait_for
from tests.support.http_servers import LocalService

TOKEN = "pay-token-binding-1"


class Recorder(LocalService):
    def handle(self, h: Any, req: dict[str, Any]) -> None:
        self.reply(h, 200, {"ok": True})


@pytest.fixture
def servers():
    own, other = Recorder().start(), Recorder().start()
    yield own, other
    own.stop()
    other.stop()


@pytest.fixture
def rt(data_dir, keyring_tmp, servers):
    own, _other = servers
    r = runtime(data_dir)
    with r.db.write() as s:
        connections.save(s, "pay", "http", {"base_url": f"{own.url}/api"}, {"token": TOKEN})
        connections.save(s, "loose", "http", {}, {"token": TOKEN})
    for name in ("pay", "loose"):
        save(
            r.db,
            {
                "name": name,
                "steps": [
                    {
                        "name": "s",
                        "type": "http_request",
                        "config": {
                            "connection": name,
                            "method": "POST",
                            "url": "{{ trigger.url }}",
                            "body": {"a": 1},
                            "timeout": 5,
                        },
                    }
                ],
            },
        )
    r.start()
    yield r
    r.shutdown(grace=2)
    r.db.close()


def outcome(rt, url: str, connection: str = "pay") -> tuple[str, int, str]:
    run_id = rt.store.start_run(connection, {"url": url})
    wait_for(lambda: run_status(rt.db, run_id) in (m.RUN_SUCCEEDED, m.RUN_NEEDS_ATTENTION))
    state, attempts, error = rt.db.execute_sql(
        f"select state, attempts, error from step_runs where run_id = '{run_id}'"
    )[0]
    return state, attempts, error or ""


def test_order_data_cannot_steer_the_token_to_another_server(rt, servers):
    own, other = servers
    refused = [
        f"{other.url}/steal",  # another port
        f"http://localhost:{own.port}/api/x",  # another host name
        f"http://127.0.0.1:{own.port}@127.0.0.1:{other.port}/x",  # user-info trick
        f"{own.url}/apiary",
        f"{own.url}/admin",  # outside the path
        "../admin",
        f"{own.url}/api/%2e%2e/admin",
    ]  # dot segments
    for url in refused:
        state, attempts, error = outcome(rt, url)
        assert state == m.NEEDS_ATTENTION and attempts == 1, url  # not retried
        assert f"is outside the connection “pay” ({own.url}/api)" in error, error
        assert "only sends a connection's credentials to its own address" in error
    assert other.requests == []
    assert own.requests == []
    # Inside the connection's address the token goes, joined or absolute.
    for url in ("orders", f"{own.url}/api/orders/2", f"{own.url}/api"):
        assert outcome(rt, url)[0] == m.SUCCEEDED, url
    assert [r["path"] for r in own.requests] == ["/api/orders", "/api/orders/2", "/api"]
    assert {r["headers"]["Authorization"] for r in own.requests} == {f"Bearer {TOKEN}"}


def test_a_connection_without_base_url_sends_its_token_nowhere(rt, servers):
    _own, other = servers
    state, attempts, error = outcome(rt, f"{other.url}/x", connection="loose")
    assert state == m.NEEDS_ATTENTION and attempts == 1
    assert "Connection “loose” has no base URL" in error and "Set its base URL" in error
    assert other.requests == []


def test_the_look_up_url_is_bound_too(rt, servers):
    own, other = servers
    ctx = StepContext(
        run_id="r1",
        step_name="s",
        attempt=2,
        max_attempts=3,
        idempotency_key="daloy-r1-s",
        config={},
        input={
            "connection": "pay",
            "method": "POST",
            "url": "charges",
            "reconcile_url": f"{other.url}/charges?key=daloy-r1-s",
        },
        trigger={},
        steps={},
        services=StepServices(connections=ConnectionProvider(rt.db)),
    )
    with pytest.raises(ConfigurationError, match="is outside the connection “pay”"):
        reconcile(ctx)
    assert other.requests == []


@pytest.mark.parametrize(
    "url, inside",
    [
        ("https://pay.example.com/api/charges", True),
        ("https://pay.example.com:443/api/charges", True),  # the default port, written out
        ("HTTPS://PAY.example.com/api", True),
        ("http://pay.example.com/api/charges", False),  # another scheme
        ("https://pay.example.com:8443/api/charges", False),
        ("https://pay.example.com.evil.example/api/x", False),
        ("https://pay.example.com\\@evil.example/api/x", False),
        ("https://pay.example.com/api/../admin", False),
        ("https://pay.example.com/api/%2F..%2F..%2Fadmin", False),
        ("https://pay.example.com/api-v2/x", False),
    ],
)
def test_binding_rules(url, inside):
    if inside:
        _check_bound("pay", "https://pay.example.com/api/", url)
    else:
        with pytest.raises(ConfigurationError, match="outside the connection"):
            _check_bound("pay", "https://pay.example.com/api/", url)
