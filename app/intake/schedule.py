"""Schedules: cron-style triggers. Fire times missed while Daloy was off or the PC slept are
folded into one run and recorded in the inbox, never silently dropped."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.triggers.cron import CronTrigger

from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import EventKind
from app.intake.channels import ChannelKind, ChannelSetup, channel_args
from app.store import inbox
from app.store import intake as repo
from app.store.runs import Event, RunStore


class ScheduleChannel:
    kind = "schedule"

    def __init__(
        self,
        store: RunStore,
        *,
        channel: str,
        workflow: str,
        config: dict[str, Any],
        paused: threading.Event,
    ) -> None:
        self.store, self.channel, self.workflow, self.config = store, channel, workflow, config
        self.paused = paused
        self.trigger = CronTrigger.from_crontab(config["cron"], timezone=config.get("timezone"))

    def missed_since(self, last: float, now: float) -> list[datetime]:
        out: list[datetime] = []
        prev = datetime.fromtimestamp(last, UTC)
        current = datetime.fromtimestamp(now, UTC)
        nxt = self.trigger.get_next_fire_time(None, prev)
        while nxt is not None and nxt <= current and len(out) < 10_000:
            if nxt > prev:
                out.append(nxt)
            nxt = self.trigger.get_next_fire_time(nxt, nxt + timedelta(seconds=1))
        return out

    def catch_up(self, now: float | None = None, expected: int = 0) -> int:
        """Fire once for every fire time since the last recorded fire. On start ``expected`` is
        0 (everything due was missed); on a scheduled tick it is 1 (the tick itself), so a tick
        that APScheduler coalesced after the PC slept still notes how many times were missed."""
        if self.paused.is_set():
            return 0  # the cursor stays put: the times are caught up after resuming
        now = now or time.time()
        cursor = repo.get_cursor(self.store.db, self.channel) or {}
        last = cursor.get("last_fire")
        if last is None:
            if expected:
                self.fire(now)
            else:
                repo.record_ok(self.store.db, self.channel, self.kind, cursor={"last_fire": now})
            return 0
        missed = self.missed_since(last, now)
        if not missed:
            return 0
        self.fire(missed[-1].timestamp(), missed=len(missed) - expected)
        if len(missed) <= expected:
            return 0
        gone = missed[: len(missed) - expected]
        with self.store.db.write() as s:
            item, _ = inbox.open_alert(
                s,
                "system",
                f"schedule-missed:{self.channel}:{int(missed[-1].timestamp())}",
                said(
                    QT_TRANSLATE_NOOP("Inbox", "{channel}: {n} scheduled run(s) missed"),
                    channel=self.channel,
                    n=len(gone),
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Inbox",
                        "Daloy was not running (or the PC was asleep) at {n} scheduled time(s) "
                        "between {first} and {last} UTC; it ran the workflow once now instead.",
                    ),
                    n=len(gone),
                    first=f"{gone[0]:%Y-%m-%d %H:%M}",
                    last=f"{gone[-1]:%Y-%m-%d %H:%M}",
                ),
                workflow_name=self.workflow,
            )
            item_id = item.id
        self.store.emit([Event(EventKind.INBOX_OPENED, inbox_id=item_id)])
        return len(gone)

    def tick(self) -> None:
        """The cron job: fire now, noting any fire times a sleep folded into this one."""
        self.catch_up(expected=1)

    def fire(self, scheduled_for: float | None = None, missed: int = 0) -> None:
        if self.paused.is_set():
            return
        at = scheduled_for or time.time()
        stamp = datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M")
        repo.ingest(
            self.store,
            channel=self.channel,
            workflow=self.workflow,
            dedupe_key=f"schedule:{self.channel}:{stamp}",
            trigger={"schedule": {"scheduled_for": stamp, "missed": missed}},
            summary=f"Scheduled run for {stamp}",
        )
        repo.record_ok(self.store.db, self.channel, self.kind, cursor={"last_fire": at})

    def schedule(self, scheduler: Any) -> None:
        self.catch_up()
        scheduler.add_job(
            self.tick,
            self.trigger,
            id=f"intake:{self.channel}",
            executor="intake",
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=None,
        )

    def stop(self) -> None:
        pass


def _start(setup: ChannelSetup) -> ScheduleChannel:
    return ScheduleChannel(setup.store, **channel_args(setup))


# A timetable has no outside source that could be down.
CHANNEL = ChannelKind("schedule", start=_start, alerts_when_down=False)
