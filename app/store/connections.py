"""Connections: named records whose non-secret settings live in the database and whose secrets
live only in the OS keyring (``app.secrets``). Steps and intake channels refer to them by name."""

from __future__ import annotations

import functools
import os
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app import secrets
from app.core.errors import ConfigurationError, DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.store import audit, workspace
from app.store.db import Database
from app.store.models import Connection


@dataclass(frozen=True)
class ConnectionKind:
    name: str
    title: str
    settings: tuple[str, ...]  # non-secret, stored in the database
    secrets: tuple[str, ...]  # stored only in the keyring


KINDS: dict[str, ConnectionKind] = {
    k.name: k
    for k in (
        ConnectionKind(
            "smtp",
            "Email sending (SMTP)",
            ("host", "port", "security", "username", "from_address", "ca_file"),
            ("password",),
        ),
        ConnectionKind(
            "imap",
            "Email inbox (IMAP)",
            ("host", "port", "security", "username", "folder", "ca_file"),
            ("password",),
        ),
        ConnectionKind("http", "Web API", ("base_url", "auth_header", "auth_scheme"), ("token",)),
        ConnectionKind(
            "marketplace", "Marketplace", ("base_url", "auth_header", "auth_scheme"), ("token",)
        ),
        ConnectionKind("database", "Database", ("url", "username"), ("password",)),
        # Shops (app.connectors.platforms): the platform's own settings; every key in the keyring.
        ConnectionKind(
            "shopify",
            "Shopify shop",
            ("shop_domain", "api_version", "location_id"),
            ("access_token", "webhook_secret"),
        ),
        ConnectionKind(
            "woocommerce",
            "WooCommerce shop",
            ("site_url",),
            ("consumer_key", "consumer_secret", "webhook_secret"),
        ),
        # Shopee and Lazada sign every call; their tokens expire and are renewed into the keyring
        # (app.connectors.platforms.tokens: token_state holds the expiry times beside the tokens).
        ConnectionKind(
            "shopee",
            "Shopee shop",
            ("base_url", "partner_id", "shop_id"),
            ("partner_key", "access_token", "refresh_token", "token_state"),
        ),
        ConnectionKind(
            "lazada",
            "Lazada shop",
            ("base_url", "auth_url", "app_key"),
            ("app_secret", "access_token", "refresh_token", "token_state"),
        ),
    )
}


class ConnectionError_(DaloyError):
    pass


def tls_context(conn: dict[str, Any] | None = None) -> ssl.SSLContext:
    """Certificates are always checked; ``ca_file`` adds a CA to trust (an office mail server
    with its own certificate). Contexts are shared (loading the system's CAs takes ~17 ms, more
    than a local HTTP call) and made again when the CA file changes."""
    ca_file = (conn or {}).get("ca_file") or None
    try:
        stamp = os.stat(ca_file).st_mtime_ns if ca_file else 0
    except OSError:
        stamp = -1  # a missing file: create_default_context says so, in its own words
    with _making_context:  # workers' first calls come together: one makes it, the rest wait
        return _context(ca_file, stamp)


_making_context = threading.Lock()


@functools.lru_cache(maxsize=32)
def _context(ca_file: str | None, _stamp: int) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca_file)


def _kind(kind: str) -> ConnectionKind:
    if kind not in KINDS:
        raise ConnectionError_(f"Unknown connection kind “{kind}”; use one of: {', '.join(KINDS)}.")
    return KINDS[kind]


def save(
    s: Session,
    name: str,
    kind: str,
    settings: dict[str, Any],
    secret_values: dict[str, str] | None = None,
    who: str | None = None,
) -> Connection:
    k = _kind(kind)
    bad = [key for key in settings if key not in k.settings]
    if bad:
        raise ConnectionError_(
            f"“{', '.join(bad)}” is not a setting of a {k.title} connection"
            + (
                " (secrets go to the keyring, not the settings)."
                if set(bad) & set(k.secrets)
                else "."
            )
        )
    now = time.time()
    row = s.get(Connection, name)
    if row is None:
        row = Connection(
            name=name, kind=kind, settings=dict(settings), created_at=now, updated_at=now
        )
        s.add(row)
    else:
        row.kind, row.settings, row.updated_at = kind, dict(settings), now
    space = workspace.id_in(s)
    for field, value in (secret_values or {}).items():
        if field not in k.secrets:
            raise ConnectionError_(f"“{field}” is not a secret of a {k.title} connection.")
        secrets.set_secret(name, field, value, space)
    audit.record(
        s, who, "connection_saved", after={"name": name, "kind": kind, "settings": dict(settings)}
    )
    return row


def remove(s: Session, name: str, who: str | None = None) -> None:
    row = s.get(Connection, name)
    if row is None:
        raise ConnectionError_(f"There is no connection called “{name}”.")
    space = workspace.id_in(s)
    for field in KINDS[row.kind].secrets if row.kind in KINDS else ():
        secrets.delete_secret(name, field, space)  # this workspace's only
    s.delete(row)
    audit.record(s, who, "connection_removed", after={"name": name})


def list_all(s: Session) -> list[Connection]:
    return list(s.scalars(select(Connection).order_by(Connection.name)))


_BY_NAME = select(Connection.name, Connection.kind, Connection.settings).where(
    Connection.name == bindparam("name")
)


class ConnectionProvider:
    """What steps see as ``ctx.services.connections``: resolved settings plus secrets."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # The engine starts here: this workspace's id (and secrets moved from older names), a
        # refused keyring said in the inbox, and from now on the saved secrets of this data
        # folder hidden from every error, inbox entry and log line, even ones raised before a
        # step reads them.
        self.workspace = workspace.open_workspace(db) or workspace.id_of(db)
        workspace.note_keyring(db)
        with db.read() as s:
            fields = {c.name: KINDS[c.kind].secrets for c in list_all(s) if c.kind in KINDS}
        secrets.remember_saved(fields, self.workspace)

    def get(self, name: str, kind: str | None = None) -> dict[str, Any]:
        # Read at every email and web call: one prebuilt statement on a plain read connection
        # (as a session's ``get`` it cost three times as much CPU as the query itself)
        with self.db.engine.connect().execution_options(daloy_readonly=True) as conn:
            row = conn.execute(_BY_NAME, {"name": name}).first()
        if row is None:
            raise ConfigurationError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "There is no connection called “{name}”. Create it under "
                        "Connections, then retry this step.",
                    ),
                    name=name,
                )
            )
        if kind and row.kind != kind:
            raise ConfigurationError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "Connection “{name}” is a {kind} connection, but this step needs a "
                        "{needed} connection.",
                    ),
                    name=name,
                    kind=row.kind,
                    needed=kind,
                )
            )
        return {"name": row.name, "kind": row.kind, **(row.settings or {})}

    def secret(self, name: str, field: str) -> str:
        return secrets.get_secret(name, field, self.workspace)

    def has_secret(self, name: str, field: str) -> bool:
        return secrets.has_secret(name, field, self.workspace)

    def http(self, name: str) -> dict[str, Any]:
        conn = self.get(name)
        if conn["kind"] not in ("http", "marketplace"):
            raise ConfigurationError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "Connection “{name}” is a {kind} connection, not a web API."
                    ),
                    name=name,
                    kind=conn["kind"],
                )
            )
        headers = {}
        if self.has_secret(name, "token") or conn.get("auth_header"):
            # A token saved before line endings were stripped on input still works; one with a
            # control character inside would be refused by the HTTP library in an error that
            # repeats it, so it is refused here in words instead.
            token = self.secret(name, "token").strip("\r\n")
            if secrets.has_control_characters(token):
                raise ConfigurationError(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps",
                            "The token of connection “{name}” contains a line break or other "
                            "control character, which no web service accepts. Enter it again "
                            "under Connections, then retry this step.",
                        ),
                        name=name,
                    )
                )
            header = conn.get("auth_header") or "Authorization"
            scheme = conn.get("auth_scheme", "Bearer")
            headers[header] = f"{scheme} {token}".strip() if scheme else token
        return {"base_url": conn.get("base_url", ""), "headers": headers}
