"""Opening a saved SMTP or IMAP connection: transport security, certificates and sign-in, written
once for sending email, email intake and “Test connection”.

``security`` is ``ssl`` (TLS from the first byte), ``starttls`` (plain, then upgraded before
signing in) or ``plain``; plain sends the password unencrypted, so it is allowed only to this
computer (tests, a local relay). Certificates are always checked (``tls_context``).
"""

from __future__ import annotations

import hashlib
import ipaddress
import smtplib
import ssl
import threading
import time
from typing import Any

from app.core.errors import ConfigurationError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.store.connections import tls_context

SECURITY = ("ssl", "starttls", "plain")


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def security(conn: dict[str, Any], name: str, default: str) -> str:
    value = (conn.get("security") or default).lower()
    value = "plain" if value == "none" else value
    if value not in SECURITY:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "Connection “{name}”: security “{value}” is not one of {choices}."
                ),
                name=name,
                value=value,
                choices=", ".join(SECURITY),
            )
        )
    if value == "plain" and not is_loopback(conn.get("host")):
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Connection “{name}” would send its password unencrypted to {host} "
                    "(security “plain”). Daloy allows that only to this computer; choose ssl "
                    "or starttls under Connections.",
                ),
                name=name,
                host=conn.get("host"),
            )
        )
    return value


def tls_failure(
    exc: ssl.SSLCertVerificationError, name: str, host: str | None
) -> ConfigurationError:
    """A certificate problem in words (it will not go away by retrying)."""
    return ConfigurationError(
        said(
            QT_TRANSLATE_NOOP(
                "Steps",
                "The server {host} of connection “{name}” showed a certificate Daloy does not "
                "trust ({why}). If it is your office's own server, set its CA file on the "
                "connection; otherwise check the server name.",
            ),
            host=host,
            name=name,
            why=exc.verify_message or exc.reason,
        )
    )


def _no_host(name: str) -> ConfigurationError:
    return ConfigurationError(
        said(
            QT_TRANSLATE_NOOP("Steps", "Connection “{name}” has no server name (host)."), name=name
        )
    )


def open_smtp(
    conn: dict[str, Any], name: str, password: str | None, timeout: float
) -> smtplib.SMTP:
    """Connected, encrypted as configured and signed in (when there is a user name)."""
    host = conn.get("host")
    if not host:
        raise _no_host(name)
    sec = security(conn, name, "starttls")
    port = int(conn.get("port") or (465 if sec == "ssl" else 587))
    try:
        smtp = (
            smtplib.SMTP_SSL(host, port, timeout=timeout, context=tls_context(conn))
            if sec == "ssl"
            else smtplib.SMTP(host, port, timeout=timeout)
        )
        try:
            if sec == "starttls":
                smtp.starttls(context=tls_context(conn))
            if conn.get("username"):
                smtp.login(conn["username"], password or "")
        except BaseException:
            smtp.close()
            raise
    except ssl.SSLCertVerificationError as exc:
        raise tls_failure(exc, name, host) from exc
    return smtp


# Signed-in SMTP connections kept between messages (per server, user and password): a message
# sent on a kept one skips connecting, TLS and sign-in, about half its cost. Kept well below the
# idle time mail servers allow (minutes); one the server closed anyway fails before the message
# is handed over, and ``send_email`` then sends on a new connection.
KEEP_SMTP_SECONDS = 30.0
KEEP_SMTP_PER_SERVER = 4
_kept_smtp: dict[str, list[tuple[float, smtplib.SMTP]]] = {}
_kept_lock = threading.Lock()


def _smtp_key(conn: dict[str, Any], password: str | None) -> str:
    settings = repr(sorted((str(k), repr(v)) for k, v in conn.items()))
    return hashlib.sha256(f"{settings}\0{password or ''}".encode()).hexdigest()


def take_smtp(
    conn: dict[str, Any], name: str, password: str | None, timeout: float
) -> tuple[smtplib.SMTP, bool]:
    """A signed-in SMTP connection: one kept after an earlier message (True), else a new one
    (``open_smtp``, False). Give it back with ``keep_smtp`` once a message went through."""
    key, now = _smtp_key(conn, password), time.monotonic()
    with _kept_lock:
        kept = _kept_smtp.get(key, [])
        fresh = [(at, smtp) for at, smtp in kept if now - at < KEEP_SMTP_SECONDS]
        stale = [smtp for at, smtp in kept if now - at >= KEEP_SMTP_SECONDS]
        found = fresh.pop()[1] if fresh else None  # the most recently used
        _kept_smtp[key] = fresh
    for smtp in stale:
        smtp.close()  # no QUIT: an idle server may be gone, and waiting on it helps nobody
    if found is not None:
        if found.sock is not None:
            found.sock.settimeout(timeout)
        return found, True
    return open_smtp(conn, name, password, timeout), False


def keep_smtp(smtp: smtplib.SMTP, conn: dict[str, Any], password: str | None) -> None:
    """Keep a connection whose last message went through, for the next message."""
    key = _smtp_key(conn, password)
    with _kept_lock:
        kept = _kept_smtp.setdefault(key, [])
        if len(kept) < KEEP_SMTP_PER_SERVER:
            kept.append((time.monotonic(), smtp))
            return
    smtp.close()


def open_imap(conn: dict[str, Any], name: str, password: str | None, timeout: float) -> Any:
    """An ``IMAPClient``, connected, encrypted as configured and signed in."""
    from imapclient import IMAPClient

    host = conn.get("host")
    if not host:
        raise _no_host(name)
    sec = security(conn, name, "ssl")
    port = int(conn.get("port") or (993 if sec == "ssl" else 143))
    context = tls_context(conn)
    try:
        client = IMAPClient(
            host,
            port=port,
            ssl=sec == "ssl",
            ssl_context=context if sec == "ssl" else None,
            timeout=timeout,
        )
        try:
            if sec == "starttls":
                client.starttls(context)
            client.login(conn.get("username", ""), password or "")
        except BaseException:
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001
                pass
            raise
    except ssl.SSLCertVerificationError as exc:
        raise tls_failure(exc, name, host) from exc
    return client
