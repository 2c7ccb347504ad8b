"""The data folder around the database: is it usable, is it new, has it lost its database?

A folder Daloy has worked in carries a marker file (written when its database is created) and
grows logs, attachments and intake copies. If such a folder's database is missing or empty, a
new empty database would silently hide every order and workflow, so it is refused in words;
only a new or empty folder gets a new database. Folder problems (a file where the folder should
be, a read-only folder, a full disk) are said in one sentence too.
"""

from __future__ import annotations

import errno
import uuid
from pathlib import Path

from app.core.errors import DaloyError

MARKER = ".daloy-workspace"
# The database file of a data folder, and how long a connection to it waits for another
# writer. Here, not in ``db``, because backups and the folder checks need them without
# opening a database (and ``db`` imports this module).
DB_FILENAME = "daloy.sqlite3"
BUSY_TIMEOUT_MS = 30_000
# Things only a folder Daloy has worked in holds (the log folder counts only with a log in it:
# a starting runner opens its log file before it opens the database).
USED_SIGNS = (MARKER, "attachments", "intake", "backups", "samples")


class DataFolderError(DaloyError):
    """The data folder cannot be used as it is; the message says why and what to do."""


def os_error_sentence(exc: OSError, what: str) -> str:
    """One sentence for an operating-system refusal while Daloy works on ``what``."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"The disk is full while Daloy writes to {what}; free some space and try again."
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"Daloy may not write to {what} (the folder is read-only or belongs to another "
            "user); choose a folder you can write to, or fix its permissions."
        )
    if code in (errno.ENOTDIR, errno.EEXIST):
        return f"Daloy cannot use {what}: part of that path is a file, not a folder."
    if code == errno.EISDIR:
        return f"Daloy cannot use {what}: it is a folder, not a file."
    if code == errno.ENOENT:
        return f"Daloy cannot use {what}: a folder on the way does not exist."
    return f"Daloy cannot use {what}: {exc.strerror or exc}."


def sqlite_error_sentence(message: str, where: Path | str) -> str | None:
    """One sentence for the SQLite errors a folder causes (full, read-only, unreadable), or None
    for anything else."""
    text = message.lower()
    if "disk is full" in text or "disk i/o error" in text:
        return (
            f"The disk is full (or failing) while Daloy writes its database in {where}; free "
            "some space and try again. Nothing was half-saved."
        )
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return (
            f"Daloy may not write its database in {where} (the folder is read-only or "
            "belongs to another user); choose a folder you can write to, or fix its "
            "permissions."
        )
    return None


def _has_db(folder: Path) -> bool:
    try:
        return (folder / DB_FILENAME).stat().st_size > 0
    except FileNotFoundError:
        return False


def used_before(folder: Path) -> bool:
    if any((folder / sign).exists() for sign in USED_SIGNS):
        return True
    logs = folder / "logs"
    return logs.is_dir() and any(f.is_file() and f.stat().st_size > 0 for f in logs.iterdir())


def prepare(folder: Path, database_elsewhere: bool = False) -> bool:
    """Make sure ``folder`` can hold Daloy's data; True when it holds no database yet and may get
    a new one. Raises :class:`DataFolderError` for a file in its place, a folder Daloy may not
    write, or a used folder that lost its database (unless the database is ``elsewhere``: on a
    server named by ``--database-url``, the folder keeps only logs and files)."""
    if folder.exists() and not folder.is_dir():
        raise DataFolderError(
            f"The data folder {folder} is a file, not a folder; choose a "
            "folder (--data-dir or DALOY_DATA_DIR)."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # os.access says yes to root on a read-only mount: only a real write tells the truth.
        probe = folder / f".daloy-probe-{uuid.uuid4().hex}"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(os_error_sentence(exc, f"the data folder {folder}")) from exc
    if _has_db(folder) or database_elsewhere:
        return False
    if used_before(folder):
        raise DataFolderError(
            f"The data folder {folder} has been used before but its database {DB_FILENAME} is "
            "missing or empty. Restore it from a backup, or choose another folder. If this "
            "shop works on a database server, start Daloy with --database-url."
        )
    return True


def mark(folder: Path) -> None:
    """Note that this folder holds Daloy's data (kept best-effort: the database is the truth)."""
    marker = folder / MARKER
    if marker.exists():
        return
    try:
        marker.write_text(
            "This folder holds Daloy's data. Keep daloy.sqlite3 with it.\n", encoding="utf-8"
        )
    except OSError:
        pass
