"""“Test” in a connection form: try the values as typed (before they are saved) and, when it
fails, say what happened and what to do in one sentence, with the technical detail apart (the
form folds it away). Everything shown passes the secret filter (``app.core.redact``)."""

from __future__ import annotations

import smtplib
import socket
import ssl
from typing import Any

from app import secrets
from app.connectors.mail_presets import USUAL_PORTS, preset_for
from app.connectors.probes import probe
from app.core import redact
from app.core.errors import ConfigurationError, DaloyError
from app.store import workspace
from app.store.connections import ConnectionProvider
from app.store.db import Database


class ConnectionProblem(DaloyError):
    """A failed test: ``str(exc)`` is the sentence for the operator, ``detail`` the technical
    side (exception types and the server's own words), both with secrets hidden."""

    def __init__(self, sentence: str, detail: str) -> None:
        super().__init__(redact.text(sentence))
        self.detail = redact.text(detail)


class UnsavedConnection(ConnectionProvider):
    """The provider ``probe`` uses, over the form's values: settings as typed, a secret as typed
    or, when its field was left empty, the one saved for this connection in this workspace."""

    def __init__(
        self, db: Database, name: str, kind: str, settings: dict[str, Any], typed: dict[str, str]
    ) -> None:
        # No ConnectionProvider.__init__: testing a form is not the engine starting.
        self.db = db
        self.workspace = workspace.id_of(db)
        self.name, self.kind, self.settings = name, kind, dict(settings)
        self.typed = {f: secrets.clean(name, f, v) for f, v in typed.items() if v.strip("\r\n")}
        redact.remember(list(self.typed.values()))

    def get(self, name: str, kind: str | None = None) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, **self.settings}

    def secret(self, name: str, field: str) -> str:
        if field in self.typed:
            return self.typed[field]
        try:
            return super().secret(name, field)
        except ConfigurationError as exc:
            if secrets.has_secret(name, field, self.workspace):
                raise  # saved, but the keyring would not give it: its words
            raise ConfigurationError(
                f"Enter the {field} of “{name}” first, then test again."
            ) from exc

    def has_secret(self, name: str, field: str) -> bool:
        return field in self.typed or super().has_secret(name, field)


def check(
    db: Database,
    name: str,
    kind: str,
    settings: dict[str, Any],
    typed: dict[str, str],
    timeout: float = 10.0,
) -> str:
    """Try the connection as typed: a sentence on success, ConnectionProblem on failure."""
    try:
        return redact.text(probe(UnsavedConnection(db, name, kind, settings, typed), name, timeout))
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence
        if getattr(exc, "in_words", False):
            raise  # already in words, with its detail (a shop's test)
        raise explain(exc, name, kind, settings) from exc


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _is_login_refusal(exc: BaseException) -> bool:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return True
    text = str(exc).lower()
    return (
        type(exc).__name__ == "LoginError"
        or "authenticationfailed" in text
        or "invalid credentials" in text
        or "authentication failed" in text
    )


def explain(
    exc: BaseException, name: str, kind: str, settings: dict[str, Any]
) -> ConnectionProblem:
    """The failure of a connection test in words, with what to do."""
    chain = _chain(exc)
    detail = "\n".join(f"{type(e).__name__}: {e}" for e in chain)
    host = str(settings.get("host") or settings.get("base_url") or settings.get("url") or "")
    security = str(settings.get("security") or ("ssl" if kind == "imap" else "starttls"))
    port = settings.get("port") or USUAL_PORTS.get(kind, {}).get(security, "")
    where = f"{host} port {port}" if port else host
    for e in chain:
        if isinstance(e, socket.gaierror):
            return ConnectionProblem(f"Can't find the server {host} — check the address.", detail)
        if isinstance(e, ConnectionRefusedError):
            return ConnectionProblem(
                f"Nothing answers at {where} — check the port (and that the security matches it).",
                detail,
            )
        if isinstance(e, ssl.SSLCertVerificationError):
            return ConnectionProblem(
                f"The server {host} showed a certificate Daloy does not trust "
                f"({e.verify_message or e.reason}) — if it is your office's own server, choose "
                "its CA certificate file; otherwise check the server name.",
                detail,
            )
        if isinstance(e, ssl.SSLError | smtplib.SMTPNotSupportedError) or (
            "starttls" in str(e).lower() and "not" in str(e).lower()
        ):
            usual = USUAL_PORTS.get(kind, {})
            return ConnectionProblem(
                f"{where} does not speak the security chosen — check that the security matches "
                f"the port (SSL/TLS usually {usual.get('ssl', 443)}, STARTTLS usually "
                f"{usual.get('starttls', 587)}).",
                detail,
            )
        if isinstance(e, TimeoutError):
            return ConnectionProblem(
                f"{where} did not answer in time — check the address, the "
                "port and that this computer is online.",
                detail,
            )
        if kind in ("imap", "smtp") and _is_login_refusal(e):
            hint = preset_for(str(settings.get("host") or "")).password_refused
            user = settings.get("username") or ""
            return ConnectionProblem(
                f"The password was refused — {hint}; also check the user name “{user}”.", detail
            )
    if isinstance(exc, DaloyError):  # already a sentence in our words
        return ConnectionProblem(str(exc), detail)
    return ConnectionProblem(
        f"Could not connect with “{name}”; the details below say what the other side answered.",
        detail,
    )
