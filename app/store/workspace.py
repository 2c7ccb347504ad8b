"""The workspace (one data folder, one database): its stable id, the secrets it owns, and whether
the computer's keyring can hold them.

The id is a random UUID kept in the database's ``settings`` table, so a backup restored keeps its
passwords and a copy made elsewhere is still the same shop. ``app.secrets`` keys every secret
with it (``<workspace id>/<connection>/<field>``). On the first open after the upgrade, the
secrets an older Daloy saved under the shared names (``<connection>:<field>``) of this
workspace's connections and web addresses are moved to the new names (``migrate_legacy``;
``app.secrets.move_legacy`` writes the new one before it removes the old). A refused keyring is
an inbox entry in words (``note_keyring``), opened when the engine starts.
"""

from __future__ import annotations

import logging
import uuid
import weakref
from typing import TYPE_CHECKING

import keyring.errors  # binds ``keyring`` too
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import secrets
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import InboxKind
from app.store import inbox, settings
from app.store.models import Connection, InboxItem

if TYPE_CHECKING:
    from app.store.db import Database

log = logging.getLogger("daloy.workspace")
ID_KEY = "workspace_id"
MIGRATED_KEY = "secrets_namespaced"  # the move of legacy secret names has been done
KEYRING_ALERT = "keyring"
# Secrets that are no connection's: the per-install key of the public order form
# (``app.intake.web_form.INSTALL_KEY``; the store may not import intake).
OTHER_SECRETS = (("intake:web", "form_key"),)
_ids: weakref.WeakKeyDictionary[Database, str] = weakref.WeakKeyDictionary()


def _valid(value: object) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def id_in(s: Session) -> str:
    """This database's workspace id, made (in this write session) if it has none yet."""
    value = settings.get(s, ID_KEY)
    if _valid(value):
        return str(value)
    value = str(uuid.uuid4())  # none yet, or a damaged one (its secrets were unreadable anyway)
    settings.put(s, ID_KEY, value)
    s.flush()
    return value


def id_of(db: Database) -> str:
    """The workspace id of ``db`` (remembered per Database object)."""
    cached = _ids.get(db)
    if cached is not None:
        return cached
    with db.read() as s:
        value = settings.get(s, ID_KEY)
        value = str(value) if _valid(value) else None
    if value is None:
        with db.write() as s:
            value = id_in(s)
    _ids[db] = value
    return value


def open_workspace(db: Database) -> str | None:
    """Called when a data folder's database opens: its id becomes this process's workspace for
    secrets, and secrets saved by an older Daloy move to the new names (once). Never stops the
    open: a problem is logged, and no other workspace's secrets are used meanwhile."""
    try:
        workspace = id_of(db)
    except Exception:  # noqa: BLE001 - the database says what is wrong with it elsewhere
        log.exception("could not read or make this workspace's id")
        secrets.use_workspace(None)
        return None
    secrets.use_workspace(workspace)
    try:
        migrate_legacy(db, workspace)
    except Exception:  # noqa: BLE001 - retried at the next open; reads move secrets too
        log.exception("moving secrets to this workspace's names failed; tried again next time")
    return workspace


def secret_names(s: Session) -> list[tuple[str, str]]:
    """(name, field) of every secret this workspace may own: its connections' and its webhook
    triggers' tokens, plus the form key."""
    from app.core.model import Workflow
    from app.store.connections import KINDS
    from app.store.workflows import current_version, list_rows

    names = [
        (c.name, field)
        for c in s.scalars(select(Connection))
        for field in (KINDS[c.kind].secrets if c.kind in KINDS else ())
    ]
    for row in list_rows(s, include_archived=True):
        try:
            wf = Workflow.from_json(current_version(s, row).definition)
        except (DaloyError, ValueError, RecursionError):
            continue  # unreadable: the runner says so in the inbox
        names += [
            (secrets.trigger_secret_name(wf.name, t.id), "token")
            for t in wf.triggers
            if t.type == "webhook"
        ]
    return names + list(OTHER_SECRETS)


def migrate_legacy(db: Database, workspace: str) -> int:
    """Move this workspace's secrets from the shared names of older versions to its own; done
    once (noted in settings), idempotent, and only for names this workspace uses, so another
    workspace's secrets (already under its own id) are never touched. Returns how many moved."""
    with db.read() as s:
        if settings.get(s, MIGRATED_KEY):
            return 0
        names = secret_names(s)
    if not secrets.check_backend()[0]:
        return 0  # nothing readable now: tried again at the next open
    moved = 0
    try:
        for name, field in names:
            had = keyring.get_password(secrets.SERVICE, secrets.legacy_user_name(name, field))
            if had is not None and secrets.move_legacy(name, field, workspace) == had:
                moved += 1
    except keyring.errors.KeyringError:
        log.warning("the keyring refused while moving secrets; tried again at the next open")
        return moved
    with db.write() as s:
        settings.put(s, MIGRATED_KEY, True)
    if moved:
        log.info("moved %d saved secrets to this workspace's names", moved)
    return moved


def note_keyring(db: Database, problem: str | None = None) -> bool:
    """Open (or close) the inbox entry that says, in words, that passwords cannot be kept on
    this computer; its details carry the technical side. ``problem``: a secret could not be read
    although the keyring looked usable (locked), said in that entry. True when usable."""
    ok, sentence = secrets.check_backend()
    if problem is not None and ok:
        ok, sentence = False, problem
    if ok:
        with db.read() as s:
            open_one = s.scalar(
                select(InboxItem.id).where(
                    InboxItem.source_key == KEYRING_ALERT, InboxItem.status == "open"
                )
            )
        if open_one is not None:
            with db.write() as s:
                inbox.close_alert(s, KEYRING_ALERT, "the keyring can be used again")
        return True
    detail = secrets.check_backend_detail()
    log.warning("keyring refused: %s", detail)
    with db.write() as s:
        inbox.open_alert(
            s,
            InboxKind.SYSTEM,
            KEYRING_ALERT,
            said(QT_TRANSLATE_NOOP("Inbox", "Passwords cannot be kept on this computer")),
            sentence,
            detail={"technical": detail},
        )
    return False
