"""Backups of a workspace (one data folder) and restoring them.

A backup is a folder ``daloy-YYYYMMDD-HHMMSS-<kind>`` holding ``daloy.sqlite3`` (taken with
SQLite's online backup API: a consistent snapshot while the runtime keeps writing, WAL readers
never block writers), ``files/`` (the attachments and raw intake copies that belong to the
orders) and ``backup.json`` (when, why, the schema revision, what ``integrity_check`` said).
Secret values are never in it: they live in the OS keyring under the workspace id, which the
database carries, so a restored copy finds its passwords again on the same computer.

Backups go to ``<data>/backups`` or to the folder the operator picked (setting
``backup_folder``). Rotation keeps the newest backup of each of the last 7 days, 4 weeks and 12
months, plus the 3 newest taken before a migration. The result of the last attempt is kept in
the setting ``backup_last``; a failure, or a last good backup older than ``TOO_OLD``, is an
inbox entry in words (closed again by the next good backup).
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, moment, said
from app.core.kinds import EventKind, InboxKind
from app.store.datafolder import BUSY_TIMEOUT_MS, DB_FILENAME

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("daloy.backups")
FOLDER_KEY = "backup_folder"
LAST_KEY = "backup_last"
PREFIX = "daloy-"
STAMP = "%Y%m%d-%H%M%S"
MANIFEST = "backup.json"
FILES = "files"
# Folders of the workspace that belong to its orders and travel with a backup.
ORDER_FOLDERS = ("attachments", "intake")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_PRE_MIGRATION = 7, 4, 12, 3
TOO_OLD = 3 * 86400  # a daily backup missed for this long is worth a person's look
FAILED_ALERT, OLD_ALERT = "backup:failed", "backup:old"
# The first look after start-up waits a little: the office PC was just switched on and the
# orders that came in overnight go first.
FIRST_LOOK = 300.0


class BackupError(DaloyError):
    """A backup or restore could not be done; the message says why and what to do."""


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime
    kind: str  # daily, manual, pre-migration, before-restore
    ok: bool  # integrity_check said ok when it was taken
    size: int  # bytes of the database copy
    note: str = ""

    @property
    def name(self) -> str:
        return self.path.name


# -- settings (read with plain sqlite3: the pre-migration backup runs before the ORM matches) --
def _setting(db_file: Path, key: str) -> Any:
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return json.loads(row[0]) if row and row[0] is not None else None


def folder_for(data_dir: Path) -> Path:
    """Where this workspace's backups go: the operator's folder, else ``<data>/backups``."""
    chosen = _setting(Path(data_dir) / DB_FILENAME, FOLDER_KEY)
    return Path(chosen) if isinstance(chosen, str) and chosen else Path(data_dir) / "backups"


# -- taking one ------------------------------------------------------------------------------
def _copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(target)
    try:
        # pages=-1: the whole file in one step, inside one read transaction, so the copy is one
        # committed moment even while writers go on (in WAL mode they are not blocked).
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()


def integrity(db_file: Path) -> str:
    """What ``PRAGMA integrity_check`` says of a database file: "ok" or the first problems
    (a file that is missing or cannot be opened says so too: never an exception, so a restore
    that checks the workspace it replaces goes on)."""
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    return "; ".join(rows[:3])


def _revision(db_file: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _copy_files(data_dir: Path, target: Path) -> int:
    n = 0
    for name in ORDER_FOLDERS:
        source = data_dir / name
        if source.is_dir():
            shutil.copytree(source, target / name)
            n += sum(1 for p in (target / name).rglob("*") if p.is_file())
    return n


def take(
    data_dir: Path,
    kind: str = "manual",
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    rotate_after: bool = True,
) -> Backup:
    """A verified backup of the workspace in ``data_dir``. Raises :class:`BackupError` in words
    when the destination cannot be written or the copy is not sound (nothing half-made stays)."""
    data_dir = Path(data_dir)
    db_file = data_dir / DB_FILENAME
    if not db_file.is_file():
        raise BackupError(f"There is no database in {data_dir} to back up.")
    dest = Path(folder) if folder is not None else folder_for(data_dir)
    now = now or datetime.now()
    name = f"{PREFIX}{now.strftime(STAMP)}-{kind}"
    final = dest / name
    partial = dest / f".{name}.partial"
    try:
        dest.mkdir(parents=True, exist_ok=True)
        if final.exists():  # two in one second: keep both
            final = dest / f"{name}-{time.time_ns() % 1000:03d}"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        _copy_database(db_file, partial / DB_FILENAME)
        checked = integrity(partial / DB_FILENAME)
        if checked != "ok":
            raise BackupError(
                f"The backup copy in {dest} failed its check ({checked}); the "
                "previous backups are kept. Try again, or choose another folder."
            )
        files = _copy_files(data_dir, partial / FILES)
        manifest = {
            "at": now.isoformat(timespec="seconds"),
            "kind": kind,
            "integrity": checked,
            "revision": _revision(partial / DB_FILENAME),
            "files": files,
            "from": str(data_dir),
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        partial.rename(final)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        from app.store.datafolder import os_error_sentence

        raise BackupError(os_error_sentence(exc, f"a backup in {dest}")) from exc
    except sqlite3.Error as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(
            f"The database could not be copied to {dest}: {exc}. Try again; if "
            "it keeps failing, the database may be damaged."
        ) from exc
    backup = read(final)
    if rotate_after:
        rotate(dest, taken=final)
    return backup


def read(path: Path) -> Backup:
    """The backup in folder ``path`` (its manifest, else what its name says)."""
    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    at = _date_of(path.name) or datetime.fromtimestamp(path.stat().st_mtime)
    try:
        size = (path / DB_FILENAME).stat().st_size
    except OSError:
        size = 0
    kind = manifest.get("kind") or path.name.split("-", 3)[-1]
    return Backup(
        path, at, str(kind), manifest.get("integrity") == "ok", size, str(manifest.get("note", ""))
    )


def _date_of(name: str) -> datetime | None:
    if not name.startswith(PREFIX):
        return None
    try:
        return datetime.strptime(name[len(PREFIX) : len(PREFIX) + 15], STAMP)
    except ValueError:
        return None


def listed(folder: Path) -> list[Backup]:
    """Backups in ``folder``, newest first."""
    try:
        paths = [p for p in Path(folder).iterdir() if p.is_dir() and _date_of(p.name)]
    except OSError:
        return []
    # two taken in one second share ``at``: the later one's name has a suffix, so it sorts after
    return sorted((read(p) for p in paths), key=lambda b: (b.at, b.path.name), reverse=True)


def to_keep(backups: list[Backup]) -> set[Path]:
    """The rotation: the newest good backup of each of the last KEEP_DAILY days, KEEP_WEEKLY
    ISO weeks and KEEP_MONTHLY months (counting periods that have one), plus the newest
    KEEP_PRE_MIGRATION taken before a migration. Damaged ones never count as kept copies."""
    good = sorted((b for b in backups if b.ok), key=lambda b: b.at, reverse=True)
    keep: set[Path] = set()
    for limit, period in (
        (KEEP_DAILY, lambda d: d.date()),
        (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    ):
        seen: list[Any] = []
        for b in good:
            p = period(b.at)
            if p not in seen:
                if len(seen) == limit:
                    break
                seen.append(p)
                keep.add(b.path)
    keep.update([b.path for b in good if b.kind == "pre-migration"][:KEEP_PRE_MIGRATION])
    return keep


def rotate(folder: Path, *, taken: Path | None = None) -> list[Path]:
    """Remove the backups the rotation does not keep; returns what was removed. ``taken``, the
    backup just made, is never among them (its caller is about to use it)."""
    backups = listed(folder)
    keep = to_keep(backups) | ({Path(taken)} if taken is not None else set())
    removed = []
    for b in backups:
        if b.path not in keep:
            shutil.rmtree(b.path, ignore_errors=True)
            removed.append(b.path)
    return removed


# -- restoring -------------------------------------------------------------------------------
def find(data_dir: Path, name: str) -> Backup:
    """A backup by its folder name (in this workspace's backup folder) or by its path."""
    path = Path(name)
    if not path.is_dir():
        path = folder_for(data_dir) / name
    if not (path / DB_FILENAME).is_file():
        raise BackupError(
            f"There is no backup “{name}” in {folder_for(data_dir)}; "
            "`daloy backup list` shows the backups there."
        )
    return read(path)


def _put(backup: Backup, target: Path) -> None:
    checked = integrity(backup.path / DB_FILENAME)
    if checked != "ok":
        raise BackupError(
            f"The backup {backup.name} is damaged ({checked}); choose another "
            "one. Nothing was changed."
        )
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(backup.path / DB_FILENAME, target / DB_FILENAME)
    files = backup.path / FILES
    for name in ORDER_FOLDERS:
        if (files / name).is_dir():
            shutil.copytree(files / name, target / name)


def restore_new(backup: Backup, target: Path) -> Path:
    """Restore ``backup`` as a new workspace in ``target`` (new or empty). The copy keeps the
    workspace id, so its connections find their passwords on this computer. Callers go through
    ``restored.copy``, which holds the copy's orders in progress (nothing is done twice)."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(
            f"{target} is not an empty folder; choose a new or empty folder to "
            "restore into. Nothing was changed."
        )
    try:
        _put(backup, target)
    except OSError as exc:
        from app.store.datafolder import os_error_sentence

        raise BackupError(os_error_sentence(exc, f"the restored workspace in {target}")) from exc
    return target


def restore_replace(backup: Backup, data_dir: Path) -> Path:
    """Replace the workspace in ``data_dir`` with ``backup``. What it replaces is moved, as it
    was, into ``<backup folder>/daloy-<now>-replaced``; returns that folder. Refused while Daloy
    (the app or ``daloy runner``) works on the folder. Callers go through ``restored.put_back``,
    which holds the orders in progress in the backup (nothing is done twice)."""
    from app.runtime.presence import runner_running

    data_dir = Path(data_dir)
    if runner_running(data_dir):
        raise BackupError(
            f"Daloy is running on {data_dir}; quit it (and any `daloy runner`) "
            "before replacing its workspace. Nothing was changed."
        )
    checked = integrity(backup.path / DB_FILENAME)
    if checked != "ok":
        raise BackupError(
            f"The backup {backup.name} is damaged ({checked}); choose another "
            "one. Nothing was changed."
        )
    aside = folder_for(data_dir) / f"{PREFIX}{datetime.now().strftime(STAMP)}-replaced"
    try:
        (aside / FILES).mkdir(parents=True)
        for suffix in ("", "-wal", "-shm"):
            f = data_dir / f"{DB_FILENAME}{suffix}"
            if f.exists():
                shutil.move(f, aside / f.name)
        for name in ORDER_FOLDERS:
            if (data_dir / name).exists():
                shutil.move(data_dir / name, aside / FILES / name)
        (aside / MANIFEST).write_text(
            json.dumps(
                {
                    "at": datetime.now().isoformat(timespec="seconds"),
                    "kind": "replaced",
                    "integrity": integrity(aside / DB_FILENAME)
                    if (aside / DB_FILENAME).exists()
                    else "missing",
                    "note": f"replaced by {backup.name}",
                }
            ),
            encoding="utf-8",
        )
        _put(backup, data_dir)
    except OSError as exc:
        from app.store.datafolder import os_error_sentence

        raise BackupError(
            os_error_sentence(exc, f"the workspace {data_dir}")
            + f" What was there before is in {aside}."
        ) from exc
    return aside


# -- the result, for the Backups page and the inbox -------------------------------------------
def record(db: Any, *, backup: Backup | None, error: str | None, now: float | None = None) -> bool:
    """Note the result of an attempt in ``db`` (an ``app.store.db.Database``) and open or close
    the inbox entries. Returns True when an inbox entry was opened."""
    from app.store import inbox, settings

    now = now or time.time()
    with db.write() as s:
        last = _last(s)
        last.update({"at": now, "ok": error is None, "error": error})
        if backup is not None:
            last.update({"good_at": backup.at.timestamp(), "good_path": str(backup.path)})
        settings.put(s, LAST_KEY, last)
        if error is None:
            inbox.close_alert(s, FAILED_ALERT, "a backup succeeded")
            inbox.close_alert(s, OLD_ALERT, "a backup succeeded")
            return False
        _item, created = inbox.open_alert(
            s,
            InboxKind.SYSTEM,
            FAILED_ALERT,
            said(QT_TRANSLATE_NOOP("Inbox", "A backup failed")),
            said(
                QT_TRANSLATE_NOOP(
                    "Inbox",
                    "Daloy could not back up the orders: {error} The last good backup: {time}.",
                ),
                error=error,
                time=_when(last.get("good_at")),
            ),
        )
        return created


def check_age(db: Any, now: float | None = None) -> bool:
    """Open an inbox entry when the last good backup is older than ``TOO_OLD``. True if opened."""
    from app.store import inbox

    now = now or time.time()
    with db.write() as s:
        good_at = _last(s).get("good_at")
        if good_at is not None and now - good_at < TOO_OLD:
            return False
        _item, created = inbox.open_alert(
            s,
            InboxKind.SYSTEM,
            OLD_ALERT,
            said(QT_TRANSLATE_NOOP("Inbox", "No recent backup")),
            said(
                QT_TRANSLATE_NOOP(
                    "Inbox",
                    "The last good backup of the orders is from {time}. Open Backups and choose "
                    "“Back up now”, or check the backup folder (a USB disk may be unplugged).",
                ),
                time=_when(good_at),
            ),
        )
        return created


def last_result(db: Any) -> dict[str, Any]:
    with db.read() as s:
        return _last(s)


def _last(s: Session) -> dict[str, Any]:
    """A copy of the last attempt's result in session ``s`` (empty: none yet, or unreadable)."""
    from app.store import settings

    last = settings.get(s, LAST_KEY)
    return dict(last) if isinstance(last, dict) else {}


def set_folder(db: Any, folder: Path | None) -> None:
    from app.store import settings

    with db.write() as s:
        settings.put(s, FOLDER_KEY, str(Path(folder).expanduser().absolute()) if folder else "")


def _when(ts: float | None) -> str:
    """A backup's moment in a stored sentence: "2026-12-02 18:32" in the English text, said in
    the reader's words where it is shown (``moment``); "never"."""
    return moment(ts, datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")) if ts else "never"


def take_and_record(db: Any, data_dir: Path, kind: str = "manual") -> Backup:
    """``take`` plus ``record``: what the daily job, the CLI and the Backups page call."""
    try:
        backup = take(data_dir, kind)
    except BackupError as exc:
        record(db, backup=None, error=str(exc))
        raise
    record(db, backup=backup, error=None)
    return backup


class DailyBackups:
    """A runtime extension (``Runtime.add_extension``): once an hour it looks whether the newest
    good backup is a day old and takes one if so, then runs the clean-up (``retention``). An
    hourly look, not a job at a fixed hour, because an office PC is often off at night: the
    backup happens within the hour after it is switched on."""

    JOB_ID = "daily-backup"

    def __init__(
        self, data_dir: Path, interval: float = 3600.0, first_after: float = FIRST_LOOK
    ) -> None:
        self.data_dir = Path(data_dir)
        self.interval = interval
        self.first_after = first_after
        self._runtime: Any = None

    def start(self, runtime: Any) -> None:
        self._runtime = runtime
        first = datetime.now().astimezone() + timedelta(seconds=self.first_after)
        runtime.scheduler.add_job(
            self.run_due,
            "interval",
            seconds=self.interval,
            next_run_time=first,
            executor="default",
            id=self.JOB_ID,
            replace_existing=True,
        )

    def stop(self) -> None:
        if self._runtime is not None:
            try:
                self._runtime.scheduler.remove_job(self.JOB_ID)
            except Exception:  # noqa: BLE001 - already gone with the scheduler
                pass
            self._runtime = None

    def run_due(self) -> None:
        runtime = self._runtime
        if runtime is None:
            return
        db = runtime.db
        good_at = last_result(db).get("good_at")
        opened = False
        if good_at is None or time.time() - good_at >= 86400 - self.interval:
            try:
                take_and_record(db, self.data_dir, "daily")
            except BackupError as exc:
                log.warning("daily backup failed: %s", exc)
                opened = True
        opened = check_age(db) or opened
        from app.store import retention

        try:
            retention.clean_up(db, self.data_dir)
        except Exception:  # noqa: BLE001 - the clean-up waits for tomorrow; the orders stay
            log.exception("the daily clean-up failed")
        if opened:
            from app.store.runs import Event

            runtime.store.emit([Event(EventKind.INBOX_OPENED)])
