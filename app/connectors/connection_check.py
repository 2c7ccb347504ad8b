"""“Test” in a connection form: try the values as typed (before they are saved) and, when it
fails, say what happened and what to do in one sentence, with the technical detail apart (the
form folds it away). Everything shown passes the secret filter (``app.core.redact``)."""

from __future__ import annotations

import smtplib
import socket
import ssl
from typing import Any

from app import secrets
from app.connectors import connection_values
from app.connectors.mail_presets import USUAL_PORTS, preset_for
from app.connectors.probes import not_connected, probe
from app.core import redact
from app.core.errors import ConfigurationError, DaloyError
from app.core.i18n import shown, translate, words_of
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
                translate(
                    "Connections", "Enter the {field} of “{name}” first, then test again."
                ).format(field=field.replace("_", " "), name=name)
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
    """Try the connection as typed: a sentence on success, ConnectionProblem on failure. What
    is missing or wrong in the form is said first, without trying (``connection_values``)."""
    settings = connection_values.tidy(kind, settings)
    said = connection_values.problem(name, kind, settings)
    if said:
        raise ConnectionProblem(said, "")  # nothing was tried: no other side's words
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


def _untrusted(e: ssl.SSLCertVerificationError) -> str:
    """Why a certificate is not trusted, in words (OpenSSL's own text goes to the detail)."""
    code = e.verify_code
    if code in (18, 19):  # self-signed, or signed by a CA of its own
        return translate("Connections", "it is signed by the server itself")
    if code == 10:
        return translate("Connections", "it has expired")
    if code == 62:  # the name does not match
        return translate("Connections", "it is made out to another name")
    return translate("Connections", "no authority Daloy knows vouches for it")


def explain(
    exc: BaseException, name: str, kind: str, settings: dict[str, Any]
) -> ConnectionProblem:
    """The failure of a connection test in words, with what to do, in the reader's language;
    the exceptions' own text (``[Errno 111] Connection refused``) only in ``detail``."""
    chain = _chain(exc)
    detail = "\n".join(f"{type(e).__name__}: {e}" for e in chain)
    host = str(settings.get("host") or settings.get("base_url") or settings.get("url") or "")
    security = str(settings.get("security") or ("ssl" if kind == "imap" else "starttls"))
    port = settings.get("port") or USUAL_PORTS.get(kind, {}).get(security, "")
    where = translate("Connections", "{host} port {port}").format(host=host, port=port)
    where = where if port else host
    for e in chain:
        if isinstance(e, socket.gaierror):
            return ConnectionProblem(
                translate(
                    "Connections", "Can't find the server {host} — check the address."
                ).format(host=host),
                detail,
            )
        if isinstance(e, ConnectionRefusedError):
            return ConnectionProblem(
                translate(
                    "Connections",
                    "Nothing answers at {where} — check the port (and that the security "
                    "matches it).",
                ).format(where=where),
                detail,
            )
        if isinstance(e, ssl.SSLCertVerificationError):
            return ConnectionProblem(
                translate(
                    "Connections",
                    "The server {host} showed a certificate Daloy does not trust ({why}) — if "
                    "it is your office's own server, choose its CA certificate file; otherwise "
                    "check the server name.",
                ).format(host=host, why=_untrusted(e)),
                detail,
            )
        if isinstance(e, ssl.SSLError | smtplib.SMTPNotSupportedError) or (
            "starttls" in str(e).lower() and "not" in str(e).lower()
        ):
            usual = USUAL_PORTS.get(kind, {})
            return ConnectionProblem(
                translate(
                    "Connections",
                    "{where} does not speak the security chosen — check that the security "
                    "matches the port (SSL/TLS usually {ssl}, STARTTLS usually {starttls}).",
                ).format(
                    where=where, ssl=usual.get("ssl", 443), starttls=usual.get("starttls", 587)
                ),
                detail,
            )
        if isinstance(e, TimeoutError):
            return ConnectionProblem(
                translate(
                    "Connections",
                    "{where} did not answer in time — check the address, the port and that "
                    "this computer is online.",
                ).format(where=where),
                detail,
            )
        if kind in ("imap", "smtp") and _is_login_refusal(e):
            hint = preset_for(str(settings.get("host") or "")).password_refused
            return ConnectionProblem(
                translate(
                    "Connections",
                    "The password was refused — {hint}; also check the user name “{user}”.",
                ).format(hint=translate("Connections", hint), user=settings.get("username") or ""),
                detail,
            )
    if isinstance(exc, DaloyError):  # already a sentence in our words: in the reader's language
        said = str(exc)
        return ConnectionProblem(shown(words_of(said), said), detail)
    return ConnectionProblem(not_connected(name), detail)
