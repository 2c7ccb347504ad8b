"""A backup put back in place of the workspace from the desktop app, without a terminal.

The workspace cannot be replaced while the app that asks has it open, so the request is kept
in a small file of the data folder (``PENDING``) and carried out the next time Daloy starts on
that folder, before its database is opened: ``ask`` writes the request (the app then restarts
itself), ``carry_out`` does it with ``restored.put_back`` (what it replaces is set aside in the
backup folder, never deleted; the orders in progress in the backup are held, so nothing they
did since is done twice) and says what happened in words. The request is used once:
done or refused, its file is gone, so a backup that cannot be put back never blocks a start.
No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.i18n import translate
from app.runtime.presence import runner_running
from app.store import backups, restored, restored_entries
from app.store.backups import BackupError
from app.store.datafolder import DB_FILENAME

log = logging.getLogger("daloy.backups")
PENDING = "restore-pending.json"
# How long a start waits for the Daloy that asked to let go of the folder (it quits first).
LET_GO = 5.0


@dataclass(frozen=True)
class Outcome:
    """What a start did with a request: ``ok`` with the backup's time and where the replaced
    workspace is kept, or the reason in words."""

    ok: bool
    words: str
    aside: Path | None = None
    held: int = 0  # orders in progress in the backup, held until the operator releases them


def ask(data_dir: Path, backup: backups.Backup) -> None:
    """Keep the request to put ``backup`` in place of the workspace in ``data_dir`` at its next
    start. Checked now (a damaged backup is refused at once, nothing asked); written whole or
    not at all."""
    checked = backups.integrity(backup.path / DB_FILENAME)
    if checked != "ok":
        raise BackupError(
            translate(
                "Backups",
                "The backup of {when} is damaged ({why}); choose another one. Nothing was changed.",
            ).format(when=_when(backup), why=checked)
        )
    target = Path(data_dir) / PENDING
    tmp = target.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"backup": str(backup.path), "asked_at": time.time()}), encoding="utf-8"
    )
    os.replace(tmp, target)


def newest_good(data_dir: Path) -> backups.Backup | None:
    """The newest backup a start could put back: checked sound when taken, its database there,
    never a workspace set aside by an earlier put-back."""
    for backup in backups.listed(backups.folder_for(data_dir)):
        if backup.kind != "replaced" and backup.ok and (backup.path / DB_FILENAME).is_file():
            return backup
    return None


def asked(data_dir: Path) -> bool:
    return (Path(data_dir) / PENDING).is_file()


def carry_out(data_dir: Path, let_go: float = LET_GO) -> Outcome | None:
    """Carry out a kept request, before the workspace's database is opened; None when there is
    none. Waits up to ``let_go`` seconds for the Daloy that asked to quit; a Daloy still working
    on the folder after that (a ``daloy runner``) refuses it, as the command line does."""
    pending = Path(data_dir) / PENDING
    if not pending.is_file():
        return None
    try:
        request = json.loads(pending.read_text(encoding="utf-8"))
        backup = backups.read(Path(request["backup"]))
        if not (backup.path / DB_FILENAME).is_file():
            raise OSError(f"{backup.path / DB_FILENAME} is gone")
    except (OSError, ValueError, KeyError, TypeError, BackupError) as exc:
        log.warning("a request to put a backup back could not be read: %s", exc)
        _forget(pending)
        return Outcome(
            False,
            translate(
                "Backups",
                "The backup asked for could not be found or read, so it was not put back; "
                "this workspace is as it was. Choose it again on the Backups page.",
            ),
        )
    deadline = time.monotonic() + let_go
    while runner_running(data_dir) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        done = restored.put_back(backup, data_dir)
    except BackupError as exc:
        log.warning("putting back %s was refused: %s", backup.name, exc)
        _forget(pending)
        return Outcome(
            False,
            # the reason says itself whether anything was changed (a move that failed half-way
            # names where the workspace's files are now)
            translate("Backups", "The backup of {when} was not put back: {why}").format(
                when=_when(backup), why=str(exc)
            ),
        )
    _forget(pending)
    log.info(
        "put back %s; the replaced workspace is in %s; %d orders held",
        backup.name,
        done.path,
        done.held,
    )
    words = translate(
        "Backups",
        "The backup of {when} is back in place: orders and changes since then are gone from "
        "this workspace. What it replaced is kept in {aside}.",
    ).format(when=_when(backup), aside=done.path)
    return Outcome(True, "\n\n".join([words, *held_words(done)]), done.path, done.held)


def held_words(done: restored.Restored) -> list[str]:
    """What a restore held, in words for the operator (nothing when no order was in progress)."""
    numbers = [done.numbers] if done.numbers else []  # order numbers skipped ahead (restored)
    if not done.held:
        return restored_entries.told_words(done.told) + numbers
    said = [
        (
            translate(
                "Backups",
                "1 order was in progress in the backup. It is held, so that nothing it did "
                "since is done twice: open it from Orders, check it, then press “Release this "
                "hold” on its page.",
            )
            if done.held == 1
            else translate(
                "Backups",
                "{count} orders were in progress in the backup. They are held as one group, so "
                "that nothing they did since is done twice: open each from Orders and check it; "
                "“Release this hold” on an order's page lets the whole group go on.",
            )
        ).format(count=done.held)
    ]
    if done.gone_on:
        said.append(
            translate(
                "Backups",
                "Orders that had gone on further since the backup say on their page which steps "
                "they had done; “Count as done” there records those steps as done instead of "
                "running them again.",
            )
        )
    return said + restored_entries.told_words(done.told) + numbers


def _forget(pending: Path) -> None:
    with contextlib.suppress(OSError):
        pending.unlink()


def _when(backup: backups.Backup) -> str:
    at: datetime = backup.at
    return at.strftime("%Y-%m-%d %H:%M")
