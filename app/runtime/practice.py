"""Practice that proves a change: try a draft, and replay it against past orders.

``try_draft`` runs the draft (or the editor's unsaved document) as a practice run: nothing is
saved or published (the run pins a hidden practice version, ``drafts.practice_version``) and
every step that acts on the outside world is stubbed: it records what it would send plus its
type's sample output (``StepSpec.practice_output``), so the steps after it get plausible data.

``replay`` runs the draft in practice mode on the last N real orders' triggers, waits for them
(bounded), and says order by order where the draft's outcome differs from what the live version
did: the path taken (steps run, the way out of each branch), the decisions a person is asked,
and what would be sent (a stubbed step's rendered settings against the live run's recorded
input). A stubbed step replays the output its live run recorded, and a decision the live order
answered is answered the same way, so only the draft's own changes show. No Qt here.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.errors import DaloyError
from app.core.kinds import EventKind, InboxKind
from app.core.model import Workflow
from app.core.stepspec import RECORDED_OUTPUT
from app.core.validation import errors, validate
from app.store import audit, drafts
from app.store.models import InboxItem, Run, StepRun
from app.store.runs import ActionRefused, Event

if TYPE_CHECKING:
    from app.runtime.runtime import Runtime

REPLAYER = "replay"  # who answers a practice decision the way the live order was answered
SHOWN = 80  # characters of a value quoted in a difference


@dataclass(frozen=True)
class StepFacts:
    type: str
    state: str
    port: str | None
    input: Any
    output: Any
    error: str | None


@dataclass
class OrderReplay:
    """One past order: the live run, its practice replay, and the differences in words."""

    run_id: str
    business_key: str
    practice_run_id: str
    differences: list[str] = field(default_factory=list)
    finished: bool = True  # False: the practice run had not settled within the time

    @property
    def label(self) -> str:
        return f"Order {self.business_key}" if self.business_key else f"Order {self.run_id[:8]}"


@dataclass
class ReplayReport:
    workflow: str
    orders: list[OrderReplay]

    @property
    def differing(self) -> list[OrderReplay]:
        return [o for o in self.orders if o.differences]

    def lines(self) -> list[str]:
        """The report as an operator reads it (the CLI prints these)."""
        n, d = len(self.orders), len(self.differing)
        if not n:
            return [f"“{self.workflow}” has no past orders to replay."]
        head = (
            f"Replayed the draft of “{self.workflow}” on the last "
            f"{drafts.count(n, 'order')}: "
            + (
                "every one would go exactly as it did."
                if not d
                else f"{drafts.count(d, 'order')} would go differently, {n - d} the same."
            )
        )
        out = [head]
        for o in self.differing:
            out.append(f"{o.label}:")
            out += [f"  - {x}" for x in o.differences]
        return out


# -- trying ------------------------------------------------------------------------------------
def _structural_errors(wf: Workflow, runtime: Runtime) -> None:
    """A practice run of a workflow that cannot run (a loop, an unknown step type) would never
    finish: refused in words. Unknown connections and missing secrets are not checked here:
    practice does not use them for stubbed steps."""
    problems = errors(validate(wf, runtime.registry.specs))
    if problems:
        raise DaloyError(
            f"The draft of “{wf.name}” has {drafts.count(len(problems), 'problem')}"
            " to fix before it can be tried: " + " ".join(str(p) for p in problems)
        )


def _recorded(runtime: Runtime, s: Session, run_id: str) -> dict[str, StepFacts]:
    return {
        r.name: StepFacts(r.type, r.state, r.port, r.input, r.output, r.error)
        for r in s.scalars(select(StepRun).where(StepRun.run_id == run_id))
    }


def _start(
    runtime: Runtime,
    s: Session,
    name: str,
    trigger: Any,
    *,
    past: str | None,
    workflow: Workflow | None,
    who: str | None,
    staged: dict[str, dict[str, Any]] | None = None,
) -> str:
    """One practice run of the draft in the caller's transaction; a stubbed step gets the
    output the past order recorded for it (``RECORDED_OUTPUT``). ``staged``: scratch to give
    named steps from the start (the demo's staged outage, ``app.core.staged``)."""
    row, version, wf = drafts.practice_version(s, name, workflow)
    _structural_errors(wf, runtime)
    run = runtime.store.start_run_in(s, row, version, wf, trigger, practice=True)
    for step, scratch in (staged or {}).items():
        s.execute(
            update(StepRun)
            .where(StepRun.run_id == run.id, StepRun.name == step)
            .values(scratch=scratch)
        )
    if past is not None:
        for step, facts in _recorded(runtime, s, past).items():
            kind = runtime.registry.get(facts.type)
            mine = wf.step(step)
            if (
                facts.state == m.SUCCEEDED
                and kind is not None
                and mine is not None
                and mine.type == facts.type
                and isinstance(facts.output, dict)
                and kind.has_side_effects(facts.input or {})
            ):
                s.execute(
                    update(StepRun)
                    .where(StepRun.run_id == run.id, StepRun.name == step)
                    .values(scratch={RECORDED_OUTPUT: facts.output})
                )
    # a demo order (``app.demo``: its trigger says ``demo``) is a practice run said as the demo
    # order it is: its start too (``audit.sentence``), as its page and the list say it
    demo = {"demo": True} if isinstance(trigger, dict) and trigger.get("demo") else {}
    audit.record(
        s,
        who,
        "practice_started",
        run_id=run.id,
        after={"workflow": name, "past_order": past, **demo},
    )
    return run.id


def try_draft(
    runtime: Runtime,
    name: str,
    trigger: Any = None,
    *,
    past_run_id: str | None = None,
    workflow: Workflow | None = None,
    who: str | None = None,
    staged: dict[str, dict[str, Any]] | None = None,
) -> str:
    """Start a practice run of the draft of ``name`` and return its run id; follow it like any
    run (its steps' states and outputs; ``runtime.store`` events). The order it runs on:
    ``trigger`` when given, else the trigger of the past run ``past_run_id``, else the
    workflow's sample order (``sample_input``). ``workflow``: run this definition instead of
    the stored draft (the editor's unsaved document); nothing is saved or published either
    way. Steps that act on the outside world are stubbed (they record ``would_send``).
    Refused in words when there is no order to run on or the draft cannot run at all."""
    with runtime.db.write() as s:
        if trigger is None and past_run_id is not None:
            past = s.get(Run, past_run_id)
            if past is None:
                raise DaloyError(f"There is no order with the run id “{past_run_id}”.")
            trigger = past.trigger
        if trigger is None:
            shown = workflow or drafts.load_draft(s, name)
            if shown is None:
                shown = drafts.practice_version(s, name)[2]
            trigger = shown.extra.get("sample_input")
            if trigger is None:
                raise DaloyError(
                    f"“{name}” has no sample order to try it on; add one in the "
                    "workflow's details, or try it on a past order."
                )
        run_id = _start(
            runtime, s, name, trigger, past=past_run_id, workflow=workflow, who=who, staged=staged
        )
    runtime.store.emit([Event(EventKind.RUN_STARTED, run_id)])
    return run_id


# -- replaying ---------------------------------------------------------------------------------
def _settled(facts: dict[str, StepFacts], sleeping: set[str]) -> bool:
    """Nothing left that will move on its own: done, waiting for a person, or asleep (a wait
    step would wait; a replay does not)."""
    return not any(
        f.state in (m.READY, m.RUNNING) or (f.state == m.RETRY_WAIT and n not in sleeping)
        for n, f in facts.items()
    )


def _open_decisions(s: Session, run_id: str) -> list[str]:
    return list(
        s.scalars(
            select(InboxItem.step_name).where(
                InboxItem.run_id == run_id,
                InboxItem.kind == InboxKind.DECISION,
                InboxItem.status == "open",
            )
        )
    )


def _questions(s: Session, run_id: str) -> dict[str, str]:
    return {
        i.step_name or "": i.title
        for i in s.scalars(
            select(InboxItem).where(
                InboxItem.run_id == run_id, InboxItem.kind == InboxKind.DECISION
            )
        )
    }


def _answer_like_live(
    runtime: Runtime, practice: str, live: dict[str, StepFacts], steps: list[str]
) -> None:
    """Answer the practice run's open decisions as the live order's person did, where the live
    order answered that step; other questions stay asked (and are reported)."""
    for step in steps:
        was = live.get(step)
        if was is None or was.state != m.SUCCEEDED or not was.port:
            continue
        values = was.output.get("values") if isinstance(was.output, dict) else None
        try:
            runtime.actions.choose(practice, step, was.port, values=values or {}, who=REPLAYER)
        except ActionRefused:
            continue  # the draft changed the options: reported as a difference


def _wait(runtime: Runtime, pairs: list[tuple[str, str]], timeout: float) -> set[str]:
    """Until every practice run settled or ``timeout`` seconds passed; answers decisions on the
    way. Returns the practice run ids that did not settle."""
    deadline = time.monotonic() + timeout
    pending = {p for _, p in pairs}
    answered: set[tuple[str, str]] = set()
    live_of = dict((p, lv) for lv, p in pairs)
    while pending and time.monotonic() < deadline:
        for p in sorted(pending):
            with runtime.db.read() as s:
                facts = _recorded(runtime, s, p)
                sleeping = set(
                    s.scalars(
                        select(StepRun.name).where(StepRun.run_id == p, StepRun.sleeping.is_(True))
                    )
                )
                asks = [a for a in _open_decisions(s, p) if (p, a) not in answered]
                live = _recorded(runtime, s, live_of[p]) if asks else {}
            if asks:
                answered |= {(p, a) for a in asks}
                _answer_like_live(runtime, p, live, asks)
                continue
            if _settled(facts, sleeping):
                pending.discard(p)
        if pending:
            time.sleep(0.05)
    return pending


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _same_run(value: Any, practice: str, live: str) -> Any:
    """``value`` with the practice run's id read as the live run's (idempotency keys, links)."""
    return json.loads(json.dumps(value, default=str).replace(practice, live))


def compare(
    wf: Workflow,
    specs: Any,
    live: dict[str, StepFacts],
    draft: dict[str, StepFacts],
    live_questions: dict[str, str],
    draft_questions: dict[str, str],
    *,
    live_id: str,
    practice_id: str,
) -> list[str]:
    """The differences between a live order and its practice replay, in words (empty: it
    would go exactly the same way). Pure: reads only what it is given."""
    label = {n: n.replace("_", " ").capitalize() for n in [*live, *draft]}
    label.update({s.name: s.label for s in wf.steps})
    out: list[str] = []
    for name in [*wf.step_names(), *[n for n in live if wf.step(n) is None]]:
        was, now = live.get(name), draft.get(name)
        # the step's facts when it succeeded (live order / replay), else None
        ran = was if was is not None and was.state == m.SUCCEEDED else None
        runs = now if now is not None and now.state == m.SUCCEEDED else None
        if now is not None and now.state == m.NEEDS_ATTENTION and name not in draft_questions:
            out.append(f"“{label[name]}” would fail and need a person: {now.error or 'an error'}")
        elif ran and not runs and name not in draft_questions:
            out.append(f"“{label[name]}” would not run (it ran for this order).")
        elif runs and not ran and name not in live_questions:
            out.append(f"“{label[name]}” would run (it did not for this order).")
        elif ran and runs and ran.port != runs.port:
            out.append(
                f"“{label[name]}” would go on by “{runs.port}” (this order went on by “{ran.port}”)."
            )
        if ran and runs and isinstance(runs.output, dict) and runs.output.get("practice"):
            sent = _same_run(runs.output.get("would_send") or {}, practice_id, live_id)
            before = ran.input if isinstance(ran.input, dict) else {}
            step = wf.step(name)
            spec = specs.get(step.type) if step is not None else None
            for key in dict.fromkeys([*before, *sent]):
                if before.get(key) != sent.get(key):
                    f = spec.field(key) if spec is not None else None
                    out.append(
                        f"“{label[name]}” would send a different "
                        f"“{f.label if f else key}”: {_short(sent.get(key))} "
                        f"instead of {_short(before.get(key))}."
                    )
    for name, question in draft_questions.items():
        if name not in live_questions:
            out.append(f"A person would be asked “{question}” (at “{label.get(name, name)}”).")
        elif (now := draft.get(name)) is not None and now.state == m.NEEDS_ATTENTION:
            out.append(
                f"“{label.get(name, name)}” would still wait for a person: the answer "
                "given for this order is no longer one of its options."
            )
    for name, question in live_questions.items():
        if name not in draft_questions:
            out.append(f"Nobody would be asked “{question}” (at “{label.get(name, name)}”).")
    return out


def replay(
    runtime: Runtime,
    name: str,
    n: int,
    *,
    timeout: float = 60.0,
    workflow: Workflow | None = None,
    who: str | None = None,
) -> ReplayReport:
    """Run the draft of ``name`` (or ``workflow``, the editor's unsaved document) in practice
    mode on the triggers of the last ``n`` real orders of the workflow, wait for them (at most
    ``timeout`` seconds; a runner must be working on this database), and report order by order
    where the outcome differs from what the live version did. The practice runs are cancelled
    afterwards, so no question of theirs stays in the inbox."""
    if n < 1:
        raise DaloyError("Replay needs at least one past order (--last 1 or more).")
    with runtime.db.read() as s:
        from app.store import workflows

        row = workflows.get_row(s, name)
        past = list(
            s.execute(
                select(Run.id, Run.business_key, Run.trigger)
                .where(
                    Run.workflow_id == row.id, Run.practice.is_(False), Run.parent_run_id.is_(None)
                )
                .order_by(Run.created_at.desc(), Run.id.desc())
                .limit(n)
            )
        )
    pairs: list[tuple[str, str]] = []
    keys: dict[str, str] = {}
    with runtime.db.write() as s:
        for run_id, key, trigger in reversed(past):
            pairs.append(
                (run_id, _start(runtime, s, name, trigger, past=run_id, workflow=workflow, who=who))
            )
            keys[run_id] = key
        wf = drafts.practice_version(s, name, workflow)[2]
    runtime.store.emit([Event(EventKind.RUN_STARTED, p) for _, p in pairs])
    unsettled = _wait(runtime, pairs, timeout)
    orders = []
    with runtime.db.read() as s:
        for live_id, practice_id in pairs:
            diffs = compare(
                wf,
                runtime.registry.specs,
                _recorded(runtime, s, live_id),
                _recorded(runtime, s, practice_id),
                _questions(s, live_id),
                _questions(s, practice_id),
                live_id=live_id,
                practice_id=practice_id,
            )
            if practice_id in unsettled:
                diffs.append(
                    f"The practice run had not finished after {timeout:g} seconds; "
                    "what it did so far is compared."
                )
            orders.append(
                OrderReplay(
                    live_id, keys[live_id], practice_id, diffs, practice_id not in unsettled
                )
            )
    for _, practice_id in pairs:
        try:
            runtime.actions.cancel(practice_id, who=REPLAYER, reason="replay finished")
        except ActionRefused:
            pass  # already finished
    return ReplayReport(name, orders)
