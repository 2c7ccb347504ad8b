"""Runs every enabled workflow's triggers inside the runtime, as APScheduler jobs: long-lived
mailbox watchers, pollers, cron jobs, and a health check that raises "channel down" alerts.
Pausing intake stops intake without stopping work in flight."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor

from app.core.model import Workflow
from app.intake import web_reach
from app.intake.channels import ChannelSetup, channel_kinds
from app.intake.jobs import IntakeJobs
from app.intake.leases import ChannelLeases
from app.store import intake as repo
from app.store import workflows
from app.store.connections import ConnectionProvider

log = logging.getLogger("daloy.intake")


class IntakeManager:
    def __init__(
        self,
        *,
        web_port: int | None = None,
        web_host: str | None = None,
        allowed_hosts: list[str] | None = None,
        lease_seconds: float = 15.0,
    ) -> None:
        self.runtime: Any = None
        self.lease_seconds = lease_seconds  # one poller per channel across runners (leases)
        self.leases: ChannelLeases | None = None
        self.paused = threading.Event()
        self.channels: list[Any] = []
        self.quiet: set[str] = set()  # channels that never raise "channel down" (a timetable)
        self.web_port = web_port
        # Set from outside (the environment): fixed. Else the workspace's choice (web_reach),
        # read at each start and when the operator changes it.
        self.fixed_host, self.fixed_allowed = web_host, list(allowed_hosts or [])
        self.reach = web_reach.resolve(None, web_host, self.fixed_allowed)  # in force now
        self.web_host = web_host or web_reach.LOOPBACK  # where the web intake listens now
        self.allowed_hosts = list(self.fixed_allowed)
        self.web: Any = None
        self._web_served: tuple[list[Any], dict[Any, Any]] = ([], {})
        self._web_lock = threading.Lock()  # one listener swap at a time (tab, restart, timer)
        self._stopping = False
        self.started_at = time.time()
        self.jobs = IntakeJobs()  # every intake job, counted so stopping can wait for it

    def channel_name(self, wf: Workflow, trigger_id: str) -> str:
        return f"{wf.name}/{trigger_id}"

    def start(self, runtime: Any) -> None:
        self.runtime = runtime
        self.started_at = time.time()
        self._stopping = False
        store, db = runtime.store, runtime.db
        self.leases = leases = ChannelLeases(db, runtime.owner, self.lease_seconds)
        if repo.is_paused(db):
            self.paused.set()
        connections = runtime.services.connections or ConnectionProvider(db)
        triggers: list[tuple[Workflow, Any]] = []
        for wf in workflows.taking_orders(db):  # one bad workflow is reported, skipped
            triggers += [(wf, t) for t in wf.triggers if t.enabled]
        kinds = channel_kinds()  # each channel module declares its trigger type (channels.py)
        webhooks = []
        shops: dict[tuple[str, str], Any] = {}  # channels that take pushes, by address
        for wf, t in triggers:
            kind = kinds.get(t.type)
            if kind is None:
                continue  # started by hand ("manual"): nothing listens
            name = self.channel_name(wf, t.id)
            channel = None
            if kind.start is not None:
                gate = leases.gate(name, self.paused)
                setup = ChannelSetup(store, name, wf, t, connections, runtime.data_dir, gate)
                channel = kind.start(setup)
                self.channels.append(channel)
                if not kind.alerts_when_down:
                    self.quiet.add(name)
            if kind.web:
                if channel is None:
                    webhooks.append((wf, t))
                else:
                    shops[(wf.name, t.id)] = channel
        self.jobs = IntakeJobs()  # a restart's channels start afresh
        scheduler = self.jobs.scheduler(runtime.scheduler)
        leases.watch(ch.channel for ch in self.channels)
        leases.renew()  # before the first pass: a channel another runner polls stays quiet
        scheduler.add_job(
            leases.renew,
            "interval",
            seconds=max(0.2, self.lease_seconds / 3),
            id="intake-leases",
            executor="control",
            replace_existing=True,
        )
        runtime.scheduler.add_executor(ThreadPoolExecutor(max(2, len(self.channels) + 1)), "intake")
        for ch in self.channels:
            ch.schedule(scheduler) if hasattr(ch, "schedule") else scheduler.add_job(
                ch.run, id=f"intake:{ch.channel}", executor="intake", replace_existing=True
            )
        # Checked at least twice within the shortest "down after" time (at most every 30 s).
        every = min([30.0, *(self._threshold(ch) / 2 for ch in self.channels)])
        scheduler.add_job(
            self._health,
            "interval",
            seconds=max(1.0, every),
            id="intake-health",
            executor="control",
            replace_existing=True,
        )
        scheduler.add_job(
            self._sync_pause,
            "interval",
            seconds=2,
            id="intake-pause",
            executor="control",
            replace_existing=True,
        )
        self._web_served = (webhooks, shops)
        if (webhooks or shops) and self.web_port is not None:
            with self._web_lock:
                self._listen(web_reach.resolve(db, self.fixed_host, self.fixed_allowed))
            scheduler.add_job(
                self._sync_reach,
                "interval",
                seconds=30,
                id="intake-web-reach",
                executor="control",
                replace_existing=True,
            )

    def _listen(self, reach: web_reach.Reach, port: int | None = None) -> None:
        """Start the web intake as ``reach`` says (on ``port``: the one a swap keeps)."""
        from app.intake.web import WebIntake

        webhooks, shops = self._web_served
        self.web = WebIntake(
            self.runtime.store,
            webhooks,
            host=reach.listen,
            port=(self.web_port or 0) if port is None else port,  # start() checked it is set
            paused=self.paused,
            allowed_hosts=list(reach.allowed),
            shops=shops,
            # the order form's stock sheet may be relative to the data folder (the sample's):
            # on PostgreSQL there is no database file to find that folder from
            data_dir=self.runtime.data_dir,
        )
        self.reach = reach
        self.web_host, self.allowed_hosts = reach.listen, list(reach.allowed)
        # a browser on the shop's network sends "192.168.1.20:8787": known once the port is
        self.web.allowed |= web_reach.host_names(reach.lan, self.web.port)
        self.web.start()

    def apply_web_reach(self) -> web_reach.Reach:
        """The operator changed who can reach the web addresses: listen again as the workspace
        now says, on the same port (closing the network listener when going back to this
        computer). When the new address cannot be opened, the old one is opened again and the
        OSError raised. Returns the reach in force."""
        db = getattr(self.runtime, "db", None)  # not started: the choice counts at the start
        reach = web_reach.resolve(db, self.fixed_host, self.fixed_allowed)
        with self._web_lock:
            old, before = self.web, self.reach
            if old is None or self._stopping:  # no web address, or stopping: at next start
                return reach
            if reach.listen == before.listen:  # same listener; a new address on the network
                old.allowed |= web_reach.host_names(reach.lan, old.port)
                self.reach = reach
                return reach
            old.stop()
            try:
                self._listen(reach, old.port)
            except OSError:
                self._listen(before, old.port)
                raise
        return reach

    def _sync_reach(self) -> None:
        """Every 30 s: the choice made in another process (or a new address on the shop's
        network, from its router) takes effect here too."""
        if self.fixed_host is not None or self.fixed_allowed:
            return  # set outside Daloy: nothing here changes it
        try:
            self.apply_web_reach()
        except OSError:
            log.warning("web intake: could not listen as chosen", exc_info=True)

    def _threshold(self, ch: Any) -> float:
        """Seconds without success before the channel counts as down (minutes may be a
        fraction)."""
        return float(ch.config.get("down_after_minutes", 10)) * 60

    def _health(self) -> None:
        if self.paused.is_set():  # paused on purpose: no channel is "down"
            return
        for ch in self.channels:
            if ch.channel not in self.quiet:
                # Measured from the last success, or from when intake started or resumed: a
                # channel that never worked (a wrong password from the first minute) is down.
                repo.check_health(
                    self.runtime.store,
                    ch.channel,
                    ch.kind,
                    self._threshold(ch),
                    started_at=self.started_at,
                )

    def _sync_pause(self) -> None:
        if repo.is_paused(self.runtime.db):
            self.paused.set()
        elif self.paused.is_set():
            self.paused.clear()
            self.started_at = time.time()  # a paused channel was not down: a fresh start

    def set_paused(self, paused: bool) -> None:
        repo.set_paused(self.runtime.db, paused)
        self._sync_pause()

    def restart(self) -> None:
        """The channels again, from the workflows taking orders now: a workflow published while
        Daloy runs (the first-run setup's) takes orders at once, not at the next start."""
        runtime = self.runtime
        if runtime is None:
            return
        self.stop()
        for job in runtime.scheduler.get_jobs():
            if job.id.startswith("intake"):
                job.remove()
        runtime.scheduler.remove_executor("intake")  # waits for a check under way
        self.channels, self.quiet, self.web = [], set(), None
        self.start(runtime)

    def stop(self, timeout: float | None = None) -> int:
        """Stop intake cleanly: no new check starts and the web intake takes no more posts;
        each check under way ends at its next safe point and is waited for, at most ``timeout``
        seconds (by default what is left of the runtime's shutdown grace); only then are the
        leases given back (another runner must not read a mailbox this one still reads).
        Returns how many checks were still running."""
        for ch in self.channels:
            ch.stop()
        with self._web_lock:  # not while the listener is being swapped
            self._stopping = True
            if self.web is not None:
                self.web.stop()
        if timeout is None:
            until = getattr(self.runtime, "stop_deadline", None)
            timeout = 10.0 if until is None else max(0.0, until - time.monotonic())
        still = self.jobs.stop(timeout)
        if still:
            log.warning(
                "intake: %d check(s) still under way after %.1f s of stopping", still, timeout
            )
        if self.leases is not None:
            self.leases.release()
        return still
