"""Connections kept between orders: emails share a signed-in SMTP connection (one the server
closed meanwhile is replaced, and each email still goes out once), and the web requests of all
orders share one HTTP client that carries nothing from one order's answer into another's
request."""

from __future__ import annotations

import json
import select
from typing import Any

from aiosmtpd.controller import Controller

from app.connectors import mailservers
from app.core import machine as m
from app.steps.send_email import message_id
from app.store import connections
from tests.steps.test_steps import one_step
from tests.support.engine import run_status, step_state, wait_for
from tests.support.http_servers import LocalService
from tests.support.smtp import SmtpSink


def finish(rt: Any, run_id: str) -> Any:
    """The step's output once the run succeeded (stored as text in SQLite, as JSON on a
    server)."""
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED, 20)
    sql = f"select output from step_runs where run_id='{run_id}' and name='s'"
    output = rt.db.execute_sql(sql)[0][0]
    return json.loads(output) if isinstance(output, str) else output


class CountingSink(SmtpSink):
    """The test mail server, counting connections (each says EHLO once) and able to close
    them (``hang_up``), as a real server does with one left idle for minutes."""

    def __init__(self) -> None:
        super().__init__(user="shop", password="pw")
        self.hellos = 0
        self.open: list[Any] = []  # the server's side of each connection
        handler = self.controller.handler
        sink = self

        class Counting(type(handler)):  # type: ignore[misc]
            async def handle_EHLO(  # noqa: N802 - aiosmtpd's hook name
                self, server: Any, session: Any, envelope: Any, hostname: str, responses: Any
            ) -> Any:
                sink.hellos += 1
                sink.open.append(server)
                session.host_name = hostname
                return responses

        self.controller = Controller(
            Counting(self),
            hostname="127.0.0.1",
            port=self.port,
            authenticator=self._auth,
            auth_require_tls=False,
        )

    def hang_up(self) -> None:
        for server in self.open:
            self.controller.loop.call_soon_threadsafe(server.transport.close)


def test_emails_share_a_connection_and_a_closed_one_is_replaced_each_sent_once(rt):
    sink = CountingSink().start()
    try:
        settings = {"host": "127.0.0.1", "port": sink.port, "security": "plain"}
        with rt.db.write() as s:
            connections.save(
                s, "mail", "smtp", {**settings, "username": "shop"}, {"password": "pw"}
            )
        one_step(
            rt,
            "send_email",
            {"connection": "mail", "to": "a@b.example", "subject": "x", "text": "y"},
        )
        for _ in range(3):  # one after the other: emails sent at once need a connection each
            finish(rt, rt.store.start_run("w", {}))
        assert len(sink.received) == 3 and sink.hellos == 1  # one connection for three emails

        # The server closes the connection Daloy keeps; the next email notices it before
        # handing anything over and goes out on a new connection, in its first attempt.
        kept = [
            smtp
            for held in mailservers._kept_smtp.values()
            for _, smtp in held
            if smtp.sock is not None and smtp.sock.getpeername()[1] == sink.port
        ]
        assert len(kept) == 1 and kept[0].sock is not None
        sink.hang_up()
        wait_for(lambda: select.select([kept[0].sock], [], [], 0)[0] != [], 10)
        run_id = rt.store.start_run("w", {})
        out = finish(rt, run_id)
        assert step_state(rt.db, run_id, "s") == (m.SUCCEEDED, 1)
        assert sink.hellos == 2
        ids = [r.message["Message-ID"] for r in sink.received]
        assert len(ids) == 4 and len(set(ids)) == 4
        assert out["message_id"] == message_id(f"daloy-{run_id}-s") == ids[-1]
    finally:
        sink.stop()


class CookieSetter(LocalService):
    """Answers every request with a session cookie, and records what each request carried."""

    def handle(self, h: Any, req: dict[str, Any]) -> None:
        self.reply(h, 200, {"ok": True}, {"Set-Cookie": "session=order-private; Path=/"})


def test_one_orders_cookies_never_reach_another_orders_request(rt):
    server = CookieSetter().start()
    try:
        one_step(rt, "http_request", {"method": "POST", "url": f"{server.url}/charges", "body": {}})
        for _ in range(2):
            finish(rt, rt.store.start_run("w", {}))
        assert len(server.requests) == 2
        assert all("Cookie" not in r["headers"] for r in server.requests)
    finally:
        server.stop()
