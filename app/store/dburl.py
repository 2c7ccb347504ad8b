"""Which database Daloy works on, when it is not the data folder's SQLite file: the URL from
``--database-url`` or ``$DALOY_DATABASE_URL`` (``postgresql://user@host:port/name``), its
password (in the URL, or in the OS keyring under the server's name), the engine options for a
server, and the sentences for a server that cannot be reached.

The password never leaves this module in text: ``shown`` writes a URL without it, and it is
handed to ``app.core.redact`` so no error or log line can repeat it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Dialect, Engine, make_url
from sqlalchemy.exc import ArgumentError

from app import secrets
from app.core import redact
from app.core.errors import DaloyError
from app.core.i18n import translate
from app.store.dbchoice import ENV, chosen  # noqa: F401 - the choice, read before SQLAlchemy loads

log = logging.getLogger("daloy.database")
DRIVER = "postgresql+psycopg"  # psycopg 3
KEYRING_SPACE = "database"  # secrets.user_name("database", "<user>@<host>:<port>/<db>", "password")
# A server restarting or a network blip: keep trying this long before saying it in words
# (``$DALOY_DATABASE_PATIENCE`` seconds, read when a connection is made).
CONNECT_PATIENCE_S = 30.0
CONNECT_TIMEOUT_S = 10


class DatabaseUnreachable(DaloyError):
    """The database server cannot be reached or refused Daloy; the message says which and what
    to do."""


def key_name(url: URL) -> str:
    """The keyring name of a server database's password: ``user@host:port/database``."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def parse(text: str) -> URL:
    """The SQLAlchemy URL for an operator's ``postgresql://…`` (or ``postgres://``, or with
    ``+psycopg``), its password from the keyring when the URL has none; a sentence otherwise."""
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise DatabaseUnreachable(
            translate(
                "Database",
                "The database address is not a URL Daloy understands; write it as "
                "postgresql://USER@HOST:PORT/DATABASE.",
            )
        ) from exc
    if url.drivername.startswith("sqlite"):
        return url
    if url.drivername not in ("postgresql", "postgres", DRIVER):
        raise DatabaseUnreachable(
            translate(
                "Database",
                "Daloy works on PostgreSQL or its own SQLite file, not on “{kind}”; write the "
                "address as postgresql://USER@HOST:PORT/DATABASE.",
            ).format(kind=url.drivername)
        )
    url = url.set(drivername=DRIVER)
    if not url.database or not url.username:
        raise DatabaseUnreachable(
            translate(
                "Database",
                "The database address {url} names no {part}; write it as "
                "postgresql://USER@HOST:PORT/DATABASE.",
            ).format(url=shown(url), part="database" if not url.database else "user")
        )
    if url.password is None:
        saved = _saved_password(url)
        if saved is not None:
            url = url.set(password=saved)
    if url.password:
        redact.remember([str(url.password)])
    return url


def _saved_password(url: URL) -> str | None:
    if not secrets.check_backend()[0]:
        return None
    if not secrets.has_secret(key_name(url), "password", KEYRING_SPACE):
        return None
    return secrets.get_secret(key_name(url), "password", KEYRING_SPACE)


def save_password(url: URL, password: str) -> None:
    """Keep the server database's password in the OS keyring, so the URL need not hold it."""
    secrets.set_secret(key_name(url), "password", password, KEYRING_SPACE)


def shown(url: URL | str) -> str:
    """The URL as it may be shown or logged: never with its password."""
    if isinstance(url, str):
        written = url
        try:
            url = make_url(written)
        except ArgumentError:
            return redact.text(written)
    shown_url = url.render_as_string(hide_password=True)
    return shown_url.replace(f"{DRIVER}://", "postgresql://", 1)  # as the operator writes it


def where(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def engine_options(url: URL) -> dict[str, Any]:
    """A server's engine: connections checked before use (a server restarted overnight leaves
    dead ones in the pool), recycled before firewalls drop idle ones, a bounded pool."""
    return {
        "pool_pre_ping": True,
        "pool_recycle": 1800,
        "pool_size": 8,
        "max_overflow": 8,
        "pool_timeout": 60,
        "connect_args": {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "daloy"},
    }


def _permanent(message: str) -> bool:
    """A refusal that waiting does not cure (wrong password, no such database or user)."""
    text = message.lower()
    return any(
        words in text
        for words in (
            "password authentication failed",
            "no password supplied",
            "does not exist",
            "authentication failed",
            "no pg_hba.conf entry",
            "permission denied",
        )
    )


def _without_nul(value: Any) -> Any:
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def replace_nul(engine: Engine) -> None:
    """PostgreSQL text cannot hold the character NUL, which SQLite stored as any other (an
    email's subject, an error message): it is written as U+FFFD instead of refusing the whole
    transaction (JSON keeps it escaped as ``\\u0000`` and needs nothing)."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean(
        _conn: Connection,
        _cursor: Any,
        statement: str,
        parameters: Any,
        _context: Any,
        executemany: bool,
    ) -> tuple[str, Any]:
        # (an "insertmanyvalues" batch comes as one mapping even when flagged executemany)
        if executemany and isinstance(parameters, list):
            return statement, [_clean_one(p) for p in parameters]
        return statement, _clean_one(parameters)


def _clean_one(parameters: Any) -> Any:
    values = parameters.values() if isinstance(parameters, Mapping) else parameters
    if not isinstance(values, Iterable) or not any(
        isinstance(v, str) and "\x00" in v for v in values
    ):
        return parameters  # the usual case: passed on untouched
    if isinstance(parameters, Mapping):
        return {k: _without_nul(v) for k, v in parameters.items()}
    return type(parameters)(_without_nul(v) for v in parameters)


def patience() -> float:
    try:
        return max(0.0, float(os.environ.get("DALOY_DATABASE_PATIENCE", CONNECT_PATIENCE_S)))
    except ValueError:
        return CONNECT_PATIENCE_S


def retry_connects(engine: Engine, patience_s: float | None = None) -> None:
    """Every new connection (the pool's, or one replacing a dead one) is retried with growing
    pauses while the server is down or restarting, up to ``patience_s``; a refusal that
    waiting does not cure (a wrong password) is said at once. A transaction already begun is
    never retried here: it was rolled back, so nothing half-done is committed, and its caller
    decides (the engine's lease brings an interrupted step back)."""

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Dialect, _conn_rec: Any, cargs: Any, cparams: Any) -> Any:
        deadline = time.monotonic() + (patience() if patience_s is None else patience_s)
        pause = 0.2
        while True:
            try:
                return dialect.loaded_dbapi.connect(*cargs, **cparams)
            except dialect.loaded_dbapi.OperationalError as exc:
                if _permanent(str(exc)) or time.monotonic() + pause > deadline:
                    raise
                log.warning(
                    "database server %s not reachable (%s); trying again in %.1f s",
                    where(engine.url),
                    redact.text(str(exc).strip()),
                    pause,
                )
                time.sleep(pause)
                pause = min(pause * 2, 5.0)


def unreachable_sentence(url: URL, exc: BaseException) -> str:
    """One sentence for a server that cannot be reached or refuses Daloy."""
    detail = redact.text(" ".join(str(getattr(exc, "orig", exc) or exc).split()))
    lowered = detail.lower()
    if "password" in lowered or "authentication" in lowered:
        hint = translate(
            "Database",
            "check the user and password (in the URL, or saved with `daloy store password`)",
        )
    elif "does not exist" in lowered:
        hint = translate("Database", "create the database and its user first (see the README)")
    else:
        hint = translate(
            "Database",
            "check that the server runs and that this computer may reach it; Daloy tries again "
            "when started again",
        )
    return translate(
        "Database", "Cannot reach the database server at {where} — {detail}; {hint}."
    ).format(where=where(url), detail=detail.rstrip("."), hint=hint)


def is_connection_error(exc: BaseException) -> bool:
    """A lost or refused server connection (psycopg's OperationalError or InterfaceError)."""
    import psycopg

    if getattr(exc, "connection_invalidated", False):
        return True
    orig = getattr(exc, "orig", exc)
    return isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError)
