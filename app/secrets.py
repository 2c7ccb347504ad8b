"""Credentials through the OS keyring, and nowhere else.

A connection's secrets (passwords, API keys, tokens) are stored under service ``daloy`` with the
user name ``<connection>:<field>``. Nothing secret is ever written to the database, a log or an
export. Daloy refuses a plaintext or do-nothing keyring backend unless explicitly allowed
(``DALOY_ALLOW_INSECURE_KEYRING=1``, for tests and headless servers), and never falls back to
storing a secret somewhere else. Every secret read or saved here is also handed to
``app.core.redact``, which hides it from error text, inbox entries and log lines.
"""

from __future__ import annotations

import os
import unicodedata

import keyring
import keyring.errors

from app.core import redact
from app.core.errors import ConfigurationError, DaloyError

SERVICE = "daloy"
_INSECURE = ("plaintext", "file", "null", "fail", "uncrypted", "chainer")


class KeyringUnavailable(DaloyError):
    pass


def backend_name() -> str:
    kr = keyring.get_keyring()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def insecure_allowed() -> bool:
    return os.environ.get("DALOY_ALLOW_INSECURE_KEYRING", "") in ("1", "true", "yes")


def check_backend() -> tuple[bool, str]:
    """(usable, sentence). Plaintext, file and no-op backends are refused unless allowed."""
    name = backend_name()
    lowered = name.lower()
    if "fail" in lowered or "null" in lowered:
        return False, ("No system keyring is available, so Daloy cannot keep passwords safely. "
                       "Install or unlock the desktop keyring (Windows Credential Manager, "
                       "GNOME Keyring or KWallet), then restart Daloy.")
    if is_plain_file(name):
        if not insecure_allowed():
            return False, (f"The keyring in use ({name}) stores passwords in a plain file. "
                           "Daloy refuses it; use the system keyring, or set "
                           "DALOY_ALLOW_INSECURE_KEYRING=1 on a test or headless machine.")
        return True, (f"Passwords are kept in a plain file ({name}), as "
                      "DALOY_ALLOW_INSECURE_KEYRING allows: for a test machine only.")
    return True, f"Passwords are kept in {name}."


def is_plain_file(name: str | None = None) -> bool:
    lowered = (name or backend_name()).lower()
    return any(word in lowered for word in ("plaintext", "file", "uncrypted"))


def _require_backend() -> None:
    ok, message = check_backend()
    if not ok:
        raise KeyringUnavailable(message)


def _user(connection: str, field: str) -> str:
    return f"{connection}:{field}"


class SecretRejected(DaloyError):
    pass


def clean(connection: str, field: str, value: str) -> str:
    """The secret as it should be stored: a token pasted or piped on Windows brings a line
    ending (``\\r\\n``) that no server accepts in a header, so line endings around it go;
    an empty value, or one with a control character inside, is refused in words (the
    message never repeats the value)."""
    value = value.strip("\r\n")
    if not value:
        raise SecretRejected(f"The {field} of connection “{connection}” is empty, so nothing "
                             "was saved. Enter it again.")
    if has_control_characters(value):
        raise SecretRejected(f"The {field} of connection “{connection}” contains a line break, "
                             "tab or other control character, so it was not saved. Copy it "
                             "again from the service (only the visible characters) and enter it "
                             "again.")
    return value


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


def set_secret(connection: str, field: str, value: str) -> None:
    """Store a cleaned secret (see ``clean``); from now on it is hidden from every error and
    log line this process writes."""
    value = clean(connection, field, value)
    _require_backend()
    redact.remember([value])
    try:
        keyring.set_password(SERVICE, _user(connection, field), value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"The keyring refused to store the {field} of connection "
                                 f"“{connection}” ({exc}). Unlock the keyring and try again.") from exc


def get_secret(connection: str, field: str) -> str:
    """The secret, or a ConfigurationError that says which connection and what to do."""
    _require_backend()
    try:
        value = keyring.get_password(SERVICE, _user(connection, field))
    except keyring.errors.KeyringError as exc:
        raise ConfigurationError(f"The keyring is locked or unavailable, so the {field} of "
                                 f"connection “{connection}” cannot be read ({exc}). Unlock it, "
                                 "then retry.") from exc
    if value is None:
        raise ConfigurationError(f"Connection “{connection}” has no {field} saved. Open "
                                 "Connections, enter it, then retry this step.")
    # Saved by another process (the window while a runner works) or before this one started.
    redact.remember([value])
    return value


def remember_saved(fields: dict[str, tuple[str, ...]]) -> None:
    """Hide the saved secrets of these connections ({connection: secret fields}) from every
    error and log line from now on. Without a usable keyring there is nothing to read (and
    nothing a step could send)."""
    if not check_backend()[0]:
        return
    values = []
    for connection, names in fields.items():
        for field in names:
            try:
                values.append(keyring.get_password(SERVICE, _user(connection, field)))
            except keyring.errors.KeyringError:
                continue
    redact.remember(values)


def has_secret(connection: str, field: str) -> bool:
    try:
        return keyring.get_password(SERVICE, _user(connection, field)) is not None
    except keyring.errors.KeyringError:
        return False


def delete_secret(connection: str, field: str) -> None:
    try:
        keyring.delete_password(SERVICE, _user(connection, field))
    except keyring.errors.PasswordDeleteError:
        pass
