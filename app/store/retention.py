"""Clean-up: finished orders older than the retention period leave the live database for
compressed JSON Lines archives, one file per month of arrival (``archives/YYYY-MM.jsonl.gz``).

- Only finished orders (succeeded or cancelled, ``RUN_FINAL``) go, and only when nothing of
  them is open: no open inbox entry, no unfinished order started from them. Open, waiting or
  held orders are never archived.
- One archive line is the whole order: the run, its steps, attempts, inbox entries, audit
  entries and its intake item (raw bytes, from the database or the raw file, base64). The
  lines are written and flushed to disk before the rows are deleted; a crash in between only
  writes an order twice, and the reader keeps the last line of an id.
- The intake item's row stays with its dedupe key and summary (an old order can never come in
  again as a new one) but loses its raw bytes; the raw file and the attachments folder of the
  order are removed. The audit trail stays in the database too (the "who did what" page).
- Space: SQLite reuses the freed pages, so the file stops growing after the first clean-up.
  Giving pages back to the disk needs ``auto_vacuum=INCREMENTAL``, which an existing file only
  gets with one full ``VACUUM`` (it rewrites the file and holds the database meanwhile): that
  is ``compact()``, run by the operator (``daloy cleanup --compact``) with Daloy stopped, never
  by the daily job. After it, every clean-up ends with ``PRAGMA incremental_vacuum``.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, exists, select
from sqlalchemy.orm import Session, aliased

from app.core.machine import RUN_FINAL
from app.store import settings
from app.store.explain import entry_says, said_error
from app.store.models import Attempt, AuditEntry, InboxItem, IntakeItem, Run, StepRun
from app.store.queries import attempt_dict, inbox_dict, run_dict, step_dict

log = logging.getLogger("daloy.retention")
KEEP_KEY = "retention_days"
DEFAULT_DAYS = 730
ARCHIVES = "archives"
BATCH = 500


@dataclass
class CleanUp:
    archived: int = 0
    files_removed: int = 0
    pages_freed: int = 0


def keep_days(s: Session) -> int:
    value = settings.get(s, KEEP_KEY)
    return int(value) if isinstance(value, int) and value > 0 else DEFAULT_DAYS


def set_keep_days(s: Session, days: int) -> None:
    if days < 1:
        raise ValueError("Keep orders at least one day.")
    settings.put(s, KEEP_KEY, int(days))


def _finished_before(s: Session, cutoff: float, limit: int) -> list[Run]:
    child = aliased(Run)
    return list(
        s.scalars(
            select(Run)
            .where(
                Run.status.in_(sorted(RUN_FINAL)),
                Run.finished_at.is_not(None),
                Run.finished_at < cutoff,
                ~exists().where(and_(InboxItem.run_id == Run.id, InboxItem.status == "open")),
                ~exists().where(
                    and_(child.parent_run_id == Run.id, child.status.not_in(sorted(RUN_FINAL)))
                ),
            )
            .order_by(Run.finished_at)
            .limit(limit)
        )
    )


def _raw_of(item: IntakeItem) -> bytes | None:
    if item.raw is not None:
        return item.raw
    if item.raw_path:
        try:
            return Path(item.raw_path).read_bytes()
        except OSError:
            return None
    return None


def _line(s: Session, run: Run) -> tuple[dict[str, Any], IntakeItem | None]:
    d = run_dict(run)
    d["trigger"] = run.trigger
    d["version_id"] = run.version_id
    d["steps"] = [
        step_dict(st)
        for st in s.scalars(
            select(StepRun).where(StepRun.run_id == run.id).order_by(StepRun.position)
        )
    ]
    attempts = list(s.scalars(select(Attempt).where(Attempt.run_id == run.id).order_by(Attempt.id)))
    for st in d["steps"]:
        st["attempt_log"] = [attempt_dict(a) for a in attempts if a.step_name == st["name"]]
    d["inbox"] = [
        inbox_dict(i)
        for i in s.scalars(
            select(InboxItem).where(InboxItem.run_id == run.id).order_by(InboxItem.id)
        )
    ]
    d["audit"] = [
        {
            "at": a.at,
            "who": a.who,
            "action": a.action,
            "step": a.step_name,
            "before": a.before,
            "after": a.after,
        }
        for a in s.scalars(select(AuditEntry).where(AuditEntry.run_id == run.id))
    ]
    item = s.get(IntakeItem, run.intake_item_id) if run.intake_item_id else None
    if item is not None:
        raw = _raw_of(item)
        d["intake"] = {
            "channel": item.channel,
            "dedupe_key": item.dedupe_key,
            "summary": item.summary,
            "received_at": item.received_at,
            "raw_base64": base64.b64encode(raw).decode("ascii") if raw else None,
        }
    d["archived_at"] = time.time()
    return d, item


def month_of(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m")


def _append(folder: Path, lines: dict[str, list[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for month, rows in lines.items():
        # "ab" adds a gzip member: readers see one stream of lines across members.
        with (
            open(folder / f"{month}.jsonl.gz", "ab") as raw,
            gzip.GzipFile(fileobj=raw, mode="ab") as gz,
        ):
            gz.write("".join(rows).encode("utf-8"))
            gz.flush()
            raw.flush()
            os.fsync(raw.fileno())


def _order_files(data_dir: Path, item: IntakeItem | None) -> list[Path]:
    if item is None:
        return []
    import hashlib

    # the IMAP channel names an order's attachment folder and raw copy by this digest
    digest = hashlib.sha256(item.dedupe_key.encode()).hexdigest()[:16]
    found = [data_dir / "attachments" / digest]
    if item.raw_path:
        found.append(Path(item.raw_path))
    return [p for p in found if p.exists()]


def archive_finished(
    db: Any, data_dir: Path, *, days: int | None = None, now: float | None = None
) -> CleanUp:
    """Archive and remove finished orders older than ``days`` (default: the setting)."""
    data_dir = Path(data_dir)
    now = now or time.time()
    result = CleanUp()
    if days is None:
        with db.read() as s:
            days = keep_days(s)
    cutoff = now - days * 86400
    while True:
        with db.write() as s:
            runs = _finished_before(s, cutoff, BATCH)
            if not runs:
                break
            lines: dict[str, list[str]] = {}
            files: list[Path] = []
            for run in runs:
                d, item = _line(s, run)
                lines.setdefault(month_of(run.created_at), []).append(
                    json.dumps(d, default=str) + "\n"
                )
                files += _order_files(data_dir, item)
                if item is not None:
                    item.raw, item.raw_path = None, None
            _append(data_dir / ARCHIVES, lines)  # on disk before the rows go
            ids = [r.id for r in runs]
            s.execute(delete(Attempt).where(Attempt.run_id.in_(ids)))
            s.execute(delete(StepRun).where(StepRun.run_id.in_(ids)))
            s.execute(delete(InboxItem).where(InboxItem.run_id.in_(ids)))
            s.execute(delete(Run).where(Run.id.in_(ids)))
            result.archived += len(ids)
        for f in files:  # after the commit: never lose a file early
            try:
                shutil.rmtree(f) if f.is_dir() else f.unlink()
                result.files_removed += 1
            except OSError as exc:
                log.warning("could not remove %s of an archived order: %s", f, exc)
    return result


def incremental_vacuum(db: Any) -> int:
    """Give freed pages back to the disk when the file allows it; returns the pages freed."""
    if not db.is_sqlite:
        return 0
    with db._write_lock:
        conn = db._raw_connection()
        if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
            return 0
        before = conn.execute("PRAGMA freelist_count").fetchone()[0]
        conn.execute("PRAGMA incremental_vacuum").fetchall()
        return int(before - conn.execute("PRAGMA freelist_count").fetchone()[0])


def compact(db_file: Path) -> None:
    """Switch a database file to incremental vacuum (one full VACUUM). Daloy must not be running
    on it (the caller checks): the VACUUM rewrites the whole file."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    try:
        conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
        conn.execute("VACUUM")
    finally:
        conn.close()


def clean_up(
    db: Any, data_dir: Path, *, days: int | None = None, now: float | None = None
) -> CleanUp:
    result = archive_finished(db, data_dir, days=days, now=now)
    if result.archived:
        result.pages_freed = incremental_vacuum(db)
    return result


# -- reading archives --------------------------------------------------------------------------
def iter_archived(data_dir: Path) -> Iterator[dict[str, Any]]:
    """Every archived order, newest month first (within a month, in the order archived)."""
    folder = Path(data_dir) / ARCHIVES
    for path in sorted(folder.glob("*.jsonl.gz"), reverse=True):
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)
        except (OSError, EOFError, ValueError) as exc:
            log.warning("archive %s could not be read to its end: %s", path, exc)


def find_archived(data_dir: Path, run_id: str) -> dict[str, Any] | None:
    """The archived order ``run_id`` (the last line written for it), or None."""
    found = None
    for d in iter_archived(data_dir):
        if d.get("id") == run_id:
            found = d
    return found


def search_archived(data_dir: Path, text: str, limit: int = 100) -> list[dict[str, Any]]:
    """Archived orders whose order number, id or order data contains ``text`` (any case)."""
    needle = text.lower().strip()
    out: dict[str, dict[str, Any]] = {}
    for d in iter_archived(data_dir):
        hay = f"{d.get('id')} {d.get('business_key')} {json.dumps(d.get('trigger'))}".lower()
        if needle and needle in hay:
            out[d["id"]] = d
            if len(out) >= limit:
                break
    return list(out.values())


def describe(d: dict[str, Any]) -> list[str]:
    """An order (``queries.run_detail`` or an archive line) as ``daloy runs show`` prints it:
    a heading, one line per step, the open questions. The Orders page shows the same lines
    for an archived order."""
    lines = [
        f"Run {d['id']} of “{d['workflow']}”: {d['status']}"
        + (f" — {d['business_key']}" if d.get("business_key") else "")
    ]
    for st in d["steps"]:
        # the step's sentence and the entry's reason in the reader's language (stored words)
        extra = f"  error: {said_error(st)}" if st["error"] and st["state"] != "succeeded" else ""
        lines.append(f"  {st['name']:<24} {st['state']:<16} attempts {st['attempts']}{extra}")
    lines += [
        f"  inbox #{i['id']}: {entry_says(i, 'reason')}"
        for i in d["inbox"]
        if i["status"] == "open"
    ]
    return lines
