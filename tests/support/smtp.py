"""A real SMTP server (aiosmtpd) that collects messages, and can reject or drop on demand."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from tests.support.tls import self_signed


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.raw, policy=email.policy.default)  # type: ignore[return-value]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: SMTP, session: Any, envelope: Any) -> str:
        with self.sink.lock:
            plan = self.sink.plan.pop(0) if self.sink.plan else None
        if plan == "reject":
            return "550 5.7.1 Message rejected by policy"
        if plan == "later":
            return "451 4.3.0 Try again later"
        if plan == "drop":
            session.transport.close() if hasattr(session, "transport") else None
            server.transport.close()
            return "421 closing"
        with self.sink.lock:
            self.sink.received.append(
                Received(
                    envelope.mail_from,
                    list(envelope.rcpt_tos),
                    envelope.original_content or envelope.content,
                )
            )
        return "250 OK"


class SmtpSink:
    """``plan`` modes for the next messages: "reject" (550), "later" (451), "drop" (close).
    With ``tls_folder`` it offers STARTTLS (and requires it) with a self-signed certificate
    whose file is ``self.cert_file``; with ``implicit_tls`` too, it speaks TLS from the first
    byte instead (port 465 style)."""

    def __init__(
        self,
        user: str | None = None,
        password: str | None = None,
        tls_folder: Path | None = None,
        implicit_tls: bool = False,
    ) -> None:
        self.received: list[Received] = []
        self.plan: list[str] = []
        self.lock = threading.Lock()
        self.user, self.password = user, password
        kwargs: dict[str, Any] = {}
        if user:
            # over implicit TLS aiosmtpd cannot tell the channel is encrypted: AUTH stays offered
            kwargs.update(
                authenticator=self._auth,
                auth_require_tls=tls_folder is not None and not implicit_tls,
            )
        self.cert_file: Path | None = None
        if tls_folder is not None:
            self.cert_file, key_file = self_signed(tls_folder)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(self.cert_file, key_file)
            if implicit_tls:
                kwargs.update(ssl_context=context)
            else:
                kwargs.update(tls_context=context, require_starttls=True)
        self._port = free_port()
        self.controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self._port, **kwargs
        )

    def _auth(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)

    def start(self) -> SmtpSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def port(self) -> int:
        return self._port

    def settings(self, from_address: str = "orders@shop.example") -> dict[str, Any]:
        """The settings of an "smtp" connection to this server (its password: the secret)."""
        return {
            "host": "127.0.0.1",
            "port": self.port,
            "security": "plain",
            "username": "shop",
            "from_address": from_address,
        }

    def next(self, *modes: str) -> None:
        with self.lock:
            self.plan.extend(modes)

    def wait_for(self, n: int, timeout: float = 10.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.received) >= n:
                    return list(self.received)
            time.sleep(0.02)
        raise TimeoutError(f"{len(self.received)} of {n} emails arrived")
