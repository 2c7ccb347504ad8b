"""A restored backup never does again what its orders had already done.

A backup holds its orders as they were when it was taken. Put back in place of the workspace
(``put_back``) or restored as a new workspace (``copy``), an order that was in progress then
would go on from there: a step that was due then, and ran later in the workspace it replaces,
would run again (a second confirmation email, a second warehouse notice). So, before any runtime
can open it, every order in progress in the restored database is held as one group: a hold of
kind ``put-back`` (``restored_holds``, over ``app.store.holds``; its steps parked ``retry_wait``
on ``hold:<id>``, shown on the Holds list and the order's page with Release; releasing readies
them oldest first). It holds only those orders and never matches a new one. Taking in orders is
paused too: a mailbox read from the backup's older place would hand in again the orders that
came since.

Where the later workspace is readable (the one set aside by a put-back; for a copy, the
workspace the backup came from), each held order says which steps had succeeded there but are
not done in the backup, by name and time (``restored_later``); “Count as done”
(``restored_choice.count_as_done``) records those as done with the results recorded there (a
skip with that output, audited) instead of running them again. The shop's own order numbers
(``order_numbers``) carry on after those given there, in the same transaction: no customer's
number is given again. This module restores (``put_back``, ``copy``) and makes that one
transaction (``hold_in_progress``). No Qt.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.core.errors import DaloyError
from app.core.i18n import translate
from app.store import audit, backups, order_numbers, restored_holds
from app.store.backups import Backup, BackupError
from app.store.datafolder import DB_FILENAME
from app.store.db import Database
from app.store.restored_entries import COPY, REPLACE


@dataclass(frozen=True)
class Restored:
    """What a restore did: ``path`` is where the replaced workspace is kept (put back) or the
    new workspace (copy); ``held`` the orders held, ``gone_on`` how many of them the later
    workspace had taken further; ``told``: orders waiting for a person (not held) that it had
    taken further, their entries told so (``restored_entries``); ``numbers``: what became of
    the order numbers, when the operator should know (empty when they simply carry on)."""

    path: Path
    held: int
    gone_on: int
    told: int = 0
    numbers: str = ""


def when(backup: Backup) -> str:
    return backup.at.strftime("%Y-%m-%d %H:%M")


def put_back(backup: Backup, data_dir: Path, *, who: str | None = None) -> Restored:
    """``backups.restore_replace`` with the orders in progress held. A hold that cannot be made
    undoes the put-back (the workspace goes back in place): the orders never run unheld."""
    data_dir = Path(data_dir)
    aside = backups.restore_replace(backup, data_dir)
    try:
        held, gone_on, told, numbers = hold_in_progress(
            data_dir, when(backup), REPLACE, later=aside / DB_FILENAME, who=who
        )
    except (SQLAlchemyError, sqlite3.Error, OSError, DaloyError) as exc:
        kept = _undo(data_dir, aside)
        raise BackupError(
            (
                translate(
                    "Backups",
                    "The orders in progress in the backup of {when} could not be held ({why}), "
                    "so it was not put back: the workspace is as it was. Nothing was changed.",
                )
                if kept
                else translate(
                    "Backups",
                    "The orders in progress in the backup of {when} could not be held ({why}), "
                    "and the workspace could not be moved back in place: it is kept, as it "
                    "was, in {aside}.",
                )
            ).format(when=when(backup), why=exc, aside=aside)
        ) from exc
    return Restored(aside, held, gone_on, told, numbers)


def copy(
    backup: Backup, target: Path, *, later: Path | None = None, who: str | None = None
) -> Restored:
    """``backups.restore_new`` with the copy's orders in progress held and its intake paused,
    so opening it never runs them again. ``later``: the data folder the backup came from (its
    orders say what they did there since); by default the one its manifest names."""
    target = backups.restore_new(backup, target)
    if later is None:
        later = _came_from(backup)
    try:
        held, gone_on, told, numbers = hold_in_progress(
            target,
            when(backup),
            COPY,
            later=Path(later) / DB_FILENAME if later is not None else None,
            who=who,
        )
    except (SQLAlchemyError, sqlite3.Error, OSError, DaloyError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise BackupError(
            translate(
                "Backups",
                "The orders in progress in the backup of {when} could not be held ({why}), so "
                "it was not restored into {folder}. Nothing was changed.",
            ).format(when=when(backup), why=exc, folder=target)
        ) from exc
    return Restored(target, held, gone_on, told, numbers)


def _came_from(backup: Backup) -> Path | None:
    try:
        manifest = json.loads((backup.path / backups.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    came = manifest.get("from") if isinstance(manifest, dict) else None
    return Path(came) if isinstance(came, str) and came else None


def _undo(data_dir: Path, aside: Path) -> bool:
    """Put the workspace set aside back in place of the restored one; True when done."""
    try:
        for suffix in ("", "-wal", "-shm"):
            (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
        for name in backups.ORDER_FOLDERS:
            shutil.rmtree(data_dir / name, ignore_errors=True)
        for suffix in ("", "-wal", "-shm"):
            f = aside / f"{DB_FILENAME}{suffix}"
            if f.exists():
                shutil.move(f, data_dir / f.name)
        for name in backups.ORDER_FOLDERS:
            if (aside / backups.FILES / name).exists():
                shutil.move(aside / backups.FILES / name, data_dir / name)
    except OSError:
        return False
    shutil.rmtree(aside, ignore_errors=True)
    return True


# -- holding -------------------------------------------------------------------------------
def hold_in_progress(
    data_dir: Path, backup_at: str, how: str, *, later: Path | None, who: str | None = None
) -> tuple[int, int, int, str]:
    """Hold every order in progress in the workspace in ``data_dir`` (its database migrated
    first, as a start would), pause its intake and carry its order numbers on, in one
    transaction. ``later``: the database of the later workspace, read for what its orders did
    since and the numbers it gave. Returns (orders held, of them gone on further in ``later``,
    orders waiting for a person told so on their entries, ``Restored.numbers``)."""
    db = Database(f"sqlite:///{Path(data_dir) / DB_FILENAME}")
    try:
        with db.write() as s:
            numbers = _carry_numbers(s, how, later)
            held = restored_holds.hold_orders(s, backup_at, how, later, who or audit.current_user())
            return (*held, numbers)
    finally:
        db.close()


def _carry_numbers(s: Session, how: str, later: Path | None) -> str:
    """The order numbers carry on after those ``later`` gave since the backup; words for the
    operator when they had to skip ahead instead (``later`` unreadable), else empty."""
    if later is None:
        return ""
    try:
        given = order_numbers.given_in(later)
    except (sqlite3.Error, ValueError, OSError) as exc:
        if how == COPY:
            # A copy is for looking things up (its intake is paused): the workspace it came
            # from is often elsewhere, and while both take orders no counter keeps them apart.
            return ""
        order_numbers.carry_forward(s, None)
        return translate(
            "Backups",
            "The order numbers given in the workspace that was replaced could not be read "
            "({why}), so this workspace's order numbers skip {margin} ahead: no number a "
            "customer was given since the backup is given again.",
        ).format(why=exc, margin=order_numbers.MARGIN)
    order_numbers.carry_forward(s, given)
    return ""
