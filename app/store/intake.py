"""Intake persistence: an item and the run it starts commit in one transaction under a UNIQUE
dedupe key, before the source is acknowledged; a malformed item is kept raw as an inbox entry;
channel health, cursors and "channel down" alerts."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core import redact
from app.core.i18n import QT_TRANSLATE_NOOP, carrying, moment, said
from app.core.kinds import EventKind, InboxKind
from app.store import held, inbox, settings
from app.store.db import Database
from app.store.models import ChannelState, InboxItem, IntakeItem
from app.store.runs import Event, RunStore

log = logging.getLogger("daloy.intake")
PAUSED_KEY = "intake_paused"
RAW_LIMIT = 1_000_000  # larger raw items are kept as files in the data folder


@dataclass(frozen=True)
class Ingested:
    item_id: int | None
    run_id: str | None
    duplicate: bool


def _raw_fields(raw: bytes | None, raw_path: str | None) -> dict[str, Any]:
    if raw is not None and len(raw) > RAW_LIMIT and raw_path:
        return {"raw": None, "raw_path": raw_path}
    return {"raw": raw, "raw_path": raw_path}


def ingest(
    store: RunStore,
    *,
    channel: str,
    workflow: str,
    dedupe_key: str,
    trigger: Any,
    summary: str,
    raw: bytes | None = None,
    raw_path: str | None = None,
    extra: Any = None,
    in_txn: Any = None,
    settle: Callable[[Session], tuple[Any, str]] | None = None,
) -> Ingested:
    """Commit the item and its run together. A repeat of ``dedupe_key`` starts nothing. For a
    switched-off workflow the order is kept the same way but waits (``held``). An order holding
    what no database stores (NaN, an infinite number: a CSV line's "nan", a shop's JSON) is kept
    as unreadable instead: its run's row would be refused, and the channel would meet the same
    order at every poll.

    ``settle``, when given, makes the trigger and summary again inside the write, from what the
    database holds at that moment (writes take turns: a typed-in order takes the next number of
    its sequence there, so two desks never start the same one)."""
    try:
        json.dumps(trigger, allow_nan=False)
    except (TypeError, ValueError) as exc:
        log.warning("%s: an order holds a value no database stores: %s", channel, exc)
        return keep_malformed(
            store,
            channel=channel,
            workflow=workflow,
            dedupe_key=dedupe_key,
            reason=said(
                QT_TRANSLATE_NOOP(
                    "Intake",
                    "This order holds a value Daloy cannot store (a number that is not a "
                    "number, or is infinite). It is kept here as it came; enter it by hand "
                    "with that value corrected.",
                )
            ),
            summary=summary,
            raw=raw if raw is not None else json.dumps(trigger, default=str).encode(),
            raw_path=raw_path,
        )
    try:
        with store.db.write() as s:
            if s.scalar(select(IntakeItem.id).where(IntakeItem.dedupe_key == dedupe_key)):
                return Ingested(None, None, True)
            row, version, wf = store.current_workflow(s, workflow)
            if settle is not None:
                trigger, summary = settle(s)
            item = IntakeItem(
                channel=channel,
                dedupe_key=dedupe_key,
                status="started",
                summary=summary[:1000],
                summary_words=inbox.neutral(summary),  # shown in the reader's language
                received_at=time.time(),
                **_raw_fields(raw, raw_path),
            )
            s.add(item)
            s.flush()
            run = store.start_run_in(s, row, version, wf, trigger, intake_item_id=item.id)
            item.run_id = run.id
            if not row.enabled:  # switched off: kept, waiting visibly, started when on
                held.hold(s, row, item, run.id)
            if in_txn is not None:
                in_txn(s, item)
            run_id, item_id = run.id, item.id
    except IntegrityError:
        return Ingested(None, None, True)
    store.emit([Event(EventKind.RUN_STARTED, run_id)])
    return Ingested(item_id, run_id, False)


def keep_malformed(
    store: RunStore,
    *,
    channel: str,
    workflow: str,
    dedupe_key: str,
    reason: str,
    summary: str,
    raw: bytes | None = None,
    raw_path: str | None = None,
    in_txn: Any = None,
) -> Ingested:
    """Keep an item that could not become an order, raw, with the reason in words."""
    summary_words = inbox.neutral(summary)  # its words, said by the entry (explain_item)
    try:
        with store.db.write() as s:
            if s.scalar(select(IntakeItem.id).where(IntakeItem.dedupe_key == dedupe_key)):
                return Ingested(None, None, True)
            item = IntakeItem(
                channel=channel,
                dedupe_key=dedupe_key,
                status="malformed",
                summary=summary[:1000],
                summary_words=summary_words,
                received_at=time.time(),
                **_raw_fields(raw, raw_path),
            )
            s.add(item)
            s.flush()
            title = said(
                QT_TRANSLATE_NOOP("Inbox", "Could not read an order from {channel}"),
                channel=channel,
            )
            entry = InboxItem(
                kind=InboxKind.INTAKE_ERROR,
                status="open",
                title=title,
                reason=reason,
                words=_with_summary(inbox.words_for(title, reason), summary_words),
                detail={
                    "summary": summary,
                    "intake_item": item.id,
                    "raw_path": raw_path,
                    "raw_preview": (raw or b"")[:2000].decode("utf-8", "replace"),
                },
                workflow_name=workflow,
                source_key=f"intake:{item.id}",
                created_at=time.time(),
            )
            s.add(entry)
            if in_txn is not None:
                in_txn(s, item)
            s.flush()
            item_id, entry_id = item.id, entry.id
    except IntegrityError:
        return Ingested(None, None, True)
    store.emit([Event(EventKind.INBOX_OPENED, inbox_id=entry_id)])
    return Ingested(item_id, None, False)


def _with_summary(
    words: dict[str, Any] | None, summary_words: dict[str, Any] | None
) -> dict[str, Any] | None:
    """An unreadable item's entry words, with its summary's ("Email “…” from …"), which the
    entry's explanation says (``explain.explain_item``)."""
    return {**(words or {}), "summary": summary_words} if summary_words else words


def state(s: Session, channel: str, kind: str) -> ChannelState:
    row = s.get(ChannelState, channel)
    if row is None:
        row = ChannelState(channel=channel, kind=kind, paused=False, updated_at=time.time())
        s.add(row)
        s.flush()
    return row


def record_ok(db: Database, channel: str, kind: str, cursor: Any = ...) -> list[int]:
    with db.write() as s:
        row = state(s, channel, kind)
        row.last_ok_at = row.updated_at = time.time()
        if cursor is not ...:
            row.cursor = cursor
        return inbox.close_alert(s, f"channel:{channel}")


def record_error(db: Database, channel: str, kind: str, message: str) -> None:
    with db.write() as s:
        row = state(s, channel, kind)
        row.last_error_at = row.updated_at = time.time()
        row.last_error = redact.text(message)[:2000]  # a server's words may quote a token
        # its words (migration 0014): intake health and the "channel down" alert say it in the
        # reader's language; a plain message clears the words of an earlier one
        row.last_error_words = inbox.neutral(message)


def get_cursor(db: Database, channel: str) -> Any:
    with db.read() as s:
        row = s.get(ChannelState, channel)
        return row.cursor if row else None


def check_health(
    store: RunStore,
    channel: str,
    kind: str,
    threshold: float,
    now: float | None = None,
    started_at: float | None = None,
) -> bool:
    """Open one "channel down" entry when the channel has failed or been silent beyond
    ``threshold`` seconds since its last success, or since ``started_at`` when it has not
    worked since it started (a wrong password from the first minute); closed again by the
    next success. True when it is down."""
    now = now or time.time()
    with store.db.write() as s:
        row = state(s, channel, kind)
        if started_at is not None:
            since = max(row.last_ok_at or 0.0, started_at)
        else:  # a caller that does not know: the row's own clock (errors move it)
            since = row.last_ok_at or row.updated_at
        failing = row.last_error_at is not None and (row.last_ok_at or 0) < row.last_error_at
        if row.paused or now - since < threshold:
            return False
        at = time.strftime("%H:%M", time.localtime(since))
        worked = row.last_ok_at is not None and row.last_ok_at >= since
        # the last error nested with its words, so the alert says it in the reader's language
        error = (
            carrying(row.last_error, row.last_error_words) if failing and row.last_error else None
        )
        # whole sentences (stored language-neutral), one per case
        if worked and error:
            template = QT_TRANSLATE_NOOP(
                "Inbox",
                "The intake channel {channel} has not worked since {time}. The last error: "
                "{error} Orders from it are not coming in until this is fixed.",
            )
        elif worked:
            template = QT_TRANSLATE_NOOP(
                "Inbox",
                "The intake channel {channel} has not worked since {time}. Daloy has had no "
                "answer from it. Orders from it are not coming in until this is fixed.",
            )
        elif error:
            template = QT_TRANSLATE_NOOP(
                "Inbox",
                "The intake channel {channel} has not worked since it started at {time}. The "
                "last error: {error} Orders from it are not coming in until this is fixed.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Inbox",
                "The intake channel {channel} has not worked since it started at {time}. Daloy "
                "has had no answer from it. Orders from it are not coming in until this is "
                "fixed.",
            )
        # "since today at 6:32 PM" where the sentence is read; "started at" keeps the clock
        why = said(template, channel=channel, time=moment(since, at) if worked else at, error=error)
        item, created = inbox.open_alert(
            s,
            InboxKind.CHANNEL_DOWN,
            f"channel:{channel}",
            said(QT_TRANSLATE_NOOP("Inbox", "{channel} is down"), channel=channel),
            why,
        )
        item_id = item.id
    if created:
        store.emit([Event(EventKind.INBOX_OPENED, inbox_id=item_id)])
    return True


def is_paused(db: Database) -> bool:
    with db.read() as s:
        return bool(settings.get(s, PAUSED_KEY))


def set_paused(db: Database, paused: bool) -> None:
    with db.write() as s:
        set_paused_on(s, paused)


def set_paused_on(s: Session, paused: bool) -> None:
    """In the session's transaction (a restore pauses intake with the orders it holds)."""
    settings.put(s, PAUSED_KEY, paused)
