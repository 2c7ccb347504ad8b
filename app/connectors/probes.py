"""“Test connection”: try a saved connection for real and say in words what happened."""

from __future__ import annotations

import smtplib

import httpx

from app.connectors.mailservers import open_imap, open_smtp
from app.core.errors import DaloyError
from app.store.connections import ConnectionProvider, tls_context


def probe(provider: ConnectionProvider, name: str, timeout: float = 10.0) -> str:
    """A sentence on success; raises DaloyError with a sentence on failure."""
    conn = provider.get(name)
    kind = conn["kind"]
    try:
        if kind == "smtp":
            password = provider.secret(name, "password") if conn.get("username") else None
            with open_smtp(conn, name, password, timeout):
                pass
            return (
                f"Connected to {conn.get('host')} and signed in."
                if conn.get("username")
                else f"Connected to {conn.get('host')}."
            )
        if kind == "imap":
            client = open_imap(conn, name, provider.secret(name, "password"), timeout)
            try:
                info = client.select_folder(conn.get("folder") or "INBOX", readonly=True)
            finally:
                client.logout()
            return (
                f"Signed in to {conn.get('host')}; {info.get(b'EXISTS', 0)} messages in the folder."
            )
        if kind in ("http", "marketplace"):
            target = provider.http(name)
            r = httpx.get(
                target["base_url"], headers=target["headers"], timeout=timeout, verify=tls_context()
            )
            if r.status_code in (401, 403):
                raise DaloyError(
                    f"{target['base_url']} refused the token of “{name}” "
                    f"({r.status_code}). Enter a new one."
                )
            return f"{target['base_url']} answered {r.status_code}."
        if kind == "database":
            from sqlalchemy import create_engine, text
            from sqlalchemy.engine import make_url

            url = make_url(conn["url"])
            if conn.get("username"):
                url = url.set(username=conn["username"], password=provider.secret(name, "password"))
            engine = create_engine(url)
            try:
                with engine.connect() as c:
                    c.execute(text("select 1"))
            finally:
                engine.dispose()
            return "Connected to the database."
    except DaloyError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise DaloyError(f"The mail server refused the user name or password of “{name}”.") from exc
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence
        raise DaloyError(f"Could not connect with “{name}”: {exc}.") from exc
    # A shop kind: its platform's own call and words (imported lazily, as platform_update does).
    from app.connectors.platforms.setup import try_shop

    return try_shop(provider, name, timeout)
