"""Credentials through the OS keyring, and nowhere else.

A connection's secrets (passwords, API keys, tokens) are stored under service ``daloy`` with the
user name ``<workspace id>/<connection>/<field>``: each data folder (workspace) has its own id
(``app.store.workspace``), so two workspaces on one computer never share or delete each other's
secrets. Older Daloy versions used ``<connection>:<field>``; such a secret is moved to the new
name when it is first needed (and at the first open, by ``app.store.workspace``). Nothing secret
is ever written to the database, a log or an export. Daloy refuses a plaintext or do-nothing
keyring backend unless explicitly allowed (``DALOY_ALLOW_INSECURE_KEYRING=1``, for tests and
headless servers; the plain-file backend ships in the source install and the installed app
alike), and never falls back to storing a secret somewhere else. What the operator reads about
the keyring is words; the backend's class name goes to the log (``check_backend_detail``). Every secret read or saved here is also handed to
``app.core.redact``, which hides it from error text, inbox entries and log lines.
"""

from __future__ import annotations

import logging
import os
import sys
import unicodedata

import keyring
import keyring.backend
import keyring.errors
import keyring.util.platform_
from keyring.backends.chainer import ChainerBackend

from app.core import redact
from app.core.errors import ConfigurationError, DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said, translate

log = logging.getLogger("daloy.secrets")


def no_desktop_keyring_client_without_a_session_bus() -> bool:
    """On Linux with no D-Bus session bus (a server, a service, a login over SSH: where
    ``daloy runner`` lives) the desktop keyring (Secret Service) cannot be reached, yet keyring
    imports its client (secretstorage, with cryptography: ~7 MB resident) only to find that out
    when it picks a backend. Then the client is kept from loading, so keyring picks the backend it
    would have picked anyway, without the dead weight. Left alone when a backend is named
    (``PYTHON_KEYRING_BACKEND``, keyring's config file): that choice must fail in its own words.
    True when the client was kept out."""
    if (
        not sys.platform.startswith("linux")
        or os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        or os.environ.get("PYTHON_KEYRING_BACKEND")
        or "secretstorage" in sys.modules
    ):
        return False
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR")
    if runtime_dir and os.path.exists(os.path.join(runtime_dir, "bus")):
        return False  # a bus a newer D-Bus client may find by itself
    if (keyring.util.platform_.config_root() / "keyringrc.cfg").exists():
        return False
    sys.modules["secretstorage"] = None  # type: ignore[assignment]  # import fails: not viable
    return True


no_desktop_keyring_client_without_a_session_bus()
SERVICE = "daloy"
_INSECURE = ("plaintext", "file", "null", "fail", "uncrypted", "chainer")
# The workspace this process works in: set when a data folder's database opens, used by callers
# that do not say which workspace (one process works in one data folder).
_current: str | None = None
# What the operator reads instead of a backend's class name.
_FRIENDLY = (
    ("winvault", QT_TRANSLATE_NOOP("Secrets", "Windows Credential Manager")),
    ("macos", QT_TRANSLATE_NOOP("Secrets", "the macOS Keychain")),
    (
        "secretservice",
        QT_TRANSLATE_NOOP("Secrets", "the desktop keyring (GNOME Keyring or KWallet)"),
    ),
    ("kwallet", QT_TRANSLATE_NOOP("Secrets", "KWallet")),
    ("libsecret", QT_TRANSLATE_NOOP("Secrets", "the desktop keyring (GNOME Keyring)")),
)
NO_KEYRING = QT_TRANSLATE_NOOP(
    "Secrets",
    "Daloy cannot keep passwords safely on this computer: it has no password store "
    "(keyring) that Daloy can use, so connections that need a password or token, and "
    "webhooks, cannot work. On Linux, install or unlock GNOME Keyring or KWallet; on "
    "Windows or macOS, sign in to your user account normally. Then restart Daloy. "
    "On a test machine, your administrator can allow a plain-file store (see the "
    "README, “Credentials”).",
)
PLAIN_REFUSED = QT_TRANSLATE_NOOP(
    "Secrets",
    "Daloy refuses to keep passwords here: the only password store on this computer "
    "is a plain file that anyone using the computer can read, so connections that "
    "need a password or token, and webhooks, cannot work. Install or unlock the "
    "computer's password store (GNOME Keyring or KWallet on Linux), then restart "
    "Daloy. On a test machine, your administrator can allow the plain file (see "
    "the README, “Credentials”).",
)


class KeyringUnavailable(DaloyError):
    pass


def use_workspace(workspace: str | None) -> None:
    """Secrets read or saved without naming a workspace belong to ``workspace`` from now on."""
    global _current
    _current = workspace


def current_workspace() -> str | None:
    return _current


def _space(workspace: str | None) -> str:
    space = workspace or _current
    if not space:
        raise KeyringUnavailable(
            "No data folder is open, so Daloy does not know whose passwords "
            "to use. Open a data folder, then try again."
        )
    return space


def storing_backend() -> keyring.backend.KeyringBackend:
    """The backend a secret is written to. Where several backends are usable keyring chains
    them (on Windows: Credential Manager, then keyrings.alt's plain file), and a chain writes
    to the first one that takes the secret: that one is judged and named, never the chain."""
    kr = keyring.get_keyring()
    if isinstance(kr, ChainerBackend):
        chained = list(kr.backends)
        if chained:
            return chained[0]
    return kr


def backend_name() -> str:
    kr = storing_backend()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def insecure_allowed() -> bool:
    return os.environ.get("DALOY_ALLOW_INSECURE_KEYRING", "") in ("1", "true", "yes")


def check_backend() -> tuple[bool, str]:
    """(usable, sentence for the operator). Plaintext, file and no-op backends are refused unless
    allowed. The sentence names no backend class or environment variable: those are in
    ``check_backend_detail`` (for the log and an inbox entry's details)."""
    name = backend_name()
    lowered = name.lower()
    if "fail" in lowered or "null" in lowered:
        return False, translate("Secrets", NO_KEYRING)
    if is_plain_file(name):
        if not insecure_allowed():
            return False, translate("Secrets", PLAIN_REFUSED)
        return True, translate(
            "Secrets",
            "Passwords are kept in a plain file, as this computer is set up for "
            "testing: for a test machine only.",
        )
    friendly = next(
        (words for key, words in _FRIENDLY if key in lowered),
        QT_TRANSLATE_NOOP("Secrets", "the system keyring"),
    )
    return True, translate("Secrets", "Passwords are kept in {store}.").format(
        store=translate("Secrets", friendly)
    )


def check_backend_detail() -> str:
    """The technical side of ``check_backend``, for the log and an entry's details."""
    name = backend_name()
    if is_plain_file(name) and not insecure_allowed():
        return (
            f"keyring backend {name} stores secrets in a plain file; refused unless "
            "DALOY_ALLOW_INSECURE_KEYRING=1 (test or headless machines only)."
        )
    return f"keyring backend {name}; DALOY_ALLOW_INSECURE_KEYRING={'1' if insecure_allowed() else 'unset'}."


def is_plain_file(name: str | None = None) -> bool:
    lowered = (name or backend_name()).lower()
    return any(word in lowered for word in ("plaintext", "file", "uncrypted"))


def _require_backend() -> None:
    ok, message = check_backend()
    if not ok:
        log.warning("keyring refused: %s", check_backend_detail())
        raise KeyringUnavailable(message)


def user_name(workspace: str, connection: str, field: str) -> str:
    """The keyring user name of a secret: the workspace id first, so one never meets another's."""
    return f"{workspace}/{connection}/{field}"


def trigger_secret_name(workflow: str, trigger: str) -> str:
    """The name under which a web address (webhook trigger) keeps its token."""
    return f"trigger:{workflow}/{trigger}"


def legacy_user_name(connection: str, field: str) -> str:
    """The name an older Daloy used, shared by every data folder on the computer."""
    return f"{connection}:{field}"


def move_legacy(connection: str, field: str, workspace: str) -> str | None:
    """The secret an older Daloy saved under the shared name, moved to ``workspace``'s name:
    written under the new name and read back first, only then removed under the old one (a crash
    in between leaves a copy, never nothing). When the new name already holds a different value
    the old one is left alone: it may still belong to another not-yet-upgraded workspace.
    Returns the secret under the new name, or None when there is none. May raise KeyringError."""
    old_user, new_user = (
        legacy_user_name(connection, field),
        user_name(workspace, connection, field),
    )
    old = keyring.get_password(SERVICE, old_user)
    current = keyring.get_password(SERVICE, new_user)
    if old is None:
        return current
    if current is None:
        keyring.set_password(SERVICE, new_user, old)
        current = keyring.get_password(SERVICE, new_user)
    if current == old:
        try:
            keyring.delete_password(SERVICE, old_user)
        except keyring.errors.PasswordDeleteError:
            pass
        log.info("moved the saved %s of connection %s to this workspace's name", field, connection)
    return current


def _read(connection: str, field: str, workspace: str | None) -> str | None:
    space = _space(workspace)
    value = keyring.get_password(SERVICE, user_name(space, connection, field))
    return value if value is not None else move_legacy(connection, field, space)


class SecretRejected(DaloyError):
    pass


def clean(connection: str, field: str, value: str) -> str:
    """The secret as it should be stored: a token pasted or piped on Windows brings a line
    ending (``\\r\\n``) that no server accepts in a header, so line endings around it go;
    an empty value, or one with a control character inside, is refused in words (the
    message never repeats the value)."""
    value = value.strip("\r\n")
    if not value:
        raise SecretRejected(
            f"The {field} of connection “{connection}” is empty, so nothing "
            "was saved. Enter it again."
        )
    if has_control_characters(value):
        raise SecretRejected(
            f"The {field} of connection “{connection}” contains a line break, "
            "tab or other control character, so it was not saved. Copy it "
            "again from the service (only the visible characters) and enter it "
            "again."
        )
    return value


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


def set_secret(connection: str, field: str, value: str, workspace: str | None = None) -> None:
    """Store a cleaned secret (see ``clean``) for ``workspace`` (default: this process's); from
    now on it is hidden from every error and log line this process writes."""
    value = clean(connection, field, value)
    _require_backend()
    space = _space(workspace)
    redact.remember([value])
    try:
        keyring.set_password(SERVICE, user_name(space, connection, field), value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"The keyring refused to store the {field} of connection "
            f"“{connection}” ({exc}). Unlock the keyring and try again."
        ) from exc


def get_secret(connection: str, field: str, workspace: str | None = None) -> str:
    """The secret, or a ConfigurationError that says which connection and what to do."""
    _require_backend()
    try:
        value = _read(connection, field, workspace)
    except keyring.errors.KeyringError as exc:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The keyring is locked or unavailable, so the {field} of connection "
                    "“{connection}” cannot be read ({why}). Unlock it, then retry.",
                ),
                field=field,
                connection=connection,
                why=exc,
            )
        ) from exc
    if value is None:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Connection “{connection}” has no {field} saved. Open Connections, enter "
                    "it, then retry this step.",
                ),
                connection=connection,
                field=field,
            )
        )
    # Saved by another process (the window while a runner works) or before this one started.
    redact.remember([value])
    return value


def remember_saved(fields: dict[str, tuple[str, ...]], workspace: str | None = None) -> None:
    """Hide the saved secrets of these connections ({connection: secret fields}) from every
    error and log line from now on. Without a usable keyring there is nothing to read (and
    nothing a step could send)."""
    if not check_backend()[0]:
        return
    values = []
    for connection, names in fields.items():
        for field in names:
            try:
                values.append(_read(connection, field, workspace))
            except keyring.errors.KeyringError:
                continue
    redact.remember(values)


def has_secret(connection: str, field: str, workspace: str | None = None) -> bool:
    try:
        return _read(connection, field, workspace) is not None
    except keyring.errors.KeyringError:
        return False


def delete_secret(connection: str, field: str, workspace: str | None = None) -> None:
    """Remove this workspace's secret only: another workspace's, even under the same connection
    name, is never touched."""
    try:
        keyring.delete_password(SERVICE, user_name(_space(workspace), connection, field))
    except keyring.errors.PasswordDeleteError:
        pass
