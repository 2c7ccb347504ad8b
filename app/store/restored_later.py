"""What the later workspace had done for the orders of a restored backup.

A backup restored in place of the workspace (or as a new one) holds its orders as they were;
the workspace set aside by a put-back, or the one a copy came from, may have taken them further
since. ``done_later`` reads that database (read-only: it is another workspace's file) for the
steps that succeeded there and are not done here, with their results, so a restore can say so (``restored_holds``, ``restored_entries``) and
“Count as done” can record them (``restored_choice``); ``label`` names a step as its workflow
shows it. No Qt.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import machine as m
from app.store.audit import StepWords
from app.store.models import Run, StepRun


def done_later(s: Session, later: Path, runs: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per order, the steps that succeeded in the later workspace but are not done here
    (oldest first): name, label, when, output and port. Empty when it cannot be read."""
    open_here: dict[str, set[str]] = {}
    for run_id, name, state in s.execute(
        select(StepRun.run_id, StepRun.name, StepRun.state).where(StepRun.run_id.in_(runs))
    ):
        if state not in m.FINAL:
            open_here.setdefault(run_id, set()).add(name)
    if not later.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{later}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    words = StepWords(s)
    try:
        for run_id in runs:
            rows = conn.execute(
                "SELECT name, finished_at, output, port FROM step_runs "
                "WHERE run_id = ? AND state = 'succeeded' ORDER BY finished_at, id",
                (run_id,),
            ).fetchall()
            done = [
                {
                    "step": name,
                    "label": label(s, run_id, name, words),
                    "at": at,
                    "output": json.loads(output) if output is not None else None,
                    "port": port or "out",
                }
                for name, at, output, port in rows
                if name in open_here.get(run_id, ())
            ]
            if done:
                out[run_id] = done
    except (sqlite3.Error, ValueError):
        return {}
    finally:
        conn.close()
    return out


def label(s: Session, run_id: str, name: str, words: StepWords) -> str:
    """The step's name as the order's workflow shows it (``words``: versions read so far, many
    held orders share one)."""
    run = s.get(Run, run_id)
    return words.title(run.version_id if run is not None else None, name)
