"""“Test connection”: try a saved connection for real and say in words what happened."""

from __future__ import annotations

import smtplib

from app.connectors.mailservers import open_imap, open_smtp
from app.core.errors import DaloyError
from app.core.i18n import translate
from app.store.connections import ConnectionProvider, tls_context


def not_connected(name: str) -> str:
    """The failure that has no words of its own: the other side's answer is in the detail."""
    return translate(
        "Connections",
        "Could not connect with “{name}”; the details below say what the other side answered.",
    ).format(name=name)


def probe(provider: ConnectionProvider, name: str, timeout: float = 10.0) -> str:
    """A sentence on success; raises DaloyError with a sentence on failure, both in the
    reader's language (shown at once, never stored). The exception's own text stays in its
    chain, for ``connection_check.explain`` to say in words and keep as the detail."""
    conn = provider.get(name)
    kind = conn["kind"]
    try:
        if kind == "smtp":
            password = provider.secret(name, "password") if conn.get("username") else None
            with open_smtp(conn, name, password, timeout):
                pass
            return (
                translate("Connections", "Connected to {host} and signed in.")
                if conn.get("username")
                else translate("Connections", "Connected to {host}.")
            ).format(host=conn.get("host"))
        if kind == "imap":
            client = open_imap(conn, name, provider.secret(name, "password"), timeout)
            try:
                info = client.select_folder(conn.get("folder") or "INBOX", readonly=True)
            finally:
                client.logout()
            return translate(
                "Connections", "Signed in to {host}; messages in the folder: {n}."
            ).format(host=conn.get("host"), n=info.get(b"EXISTS", 0))
        if kind in ("http", "marketplace"):
            import httpx  # loaded for a test of a web connection, not with the setup window

            target = provider.http(name)
            r = httpx.get(
                target["base_url"], headers=target["headers"], timeout=timeout, verify=tls_context()
            )
            if r.status_code in (401, 403):
                raise DaloyError(
                    translate(
                        "Connections",
                        "{address} refused the token of “{name}” (error {status}). Enter a new one.",
                    ).format(address=target["base_url"], name=name, status=r.status_code)
                )
            return translate("Connections", "{address} answered (status {status}).").format(
                address=target["base_url"], status=r.status_code
            )
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
            return translate("Connections", "Connected to the database.")
    except DaloyError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise DaloyError(
            translate(
                "Connections", "The mail server refused the user name or password of “{name}”."
            ).format(name=name)
        ) from exc
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence
        raise DaloyError(not_connected(name)) from exc
    # A shop kind: its platform's own call and words (imported lazily, as platform_update does).
    from app.connectors.platforms.setup import try_shop

    return try_shop(provider, name, timeout)
