"""The audit trail: every operator action, with who (the OS user) and when, before and after;
and the queries that read it back (the audit page, an order's timeline)."""

from __future__ import annotations

import functools
import getpass
import os
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core import systems
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.model import Workflow
from app.core.own_notes import said_note
from app.store.models import AuditEntry, Run, WorkflowVersion


def current_user() -> str:
    return os.environ.get("DALOY_USER") or _account()


@functools.cache
def _account() -> str:
    # The account does not change while Daloy runs, and asking the user database costs about
    # a millisecond: every order started would pay it.
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database entry (containers)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def record(
    s: Session,
    who: str | None,
    action: str,
    *,
    run_id: str | None = None,
    step_name: str | None = None,
    inbox_item_id: int | None = None,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=time.time(),
        who=who or current_user(),
        action=action,
        run_id=run_id,
        step_name=step_name,
        inbox_item_id=inbox_item_id,
        before=before,
        after=after,
    )
    s.add(entry)
    return entry


# -- reading the trail --------------------------------------------------------------------------
# The audit page (every action, filtered) and an order's timeline (who chose Backorder, who
# pressed Retry, when, with what note) read the trail here, in words.


@dataclass(frozen=True)
class AuditRow:
    """One recorded action: who, when, what (``action``, and ``sentence`` in words), on which
    order and step, and the operator's ``note`` (a cancel reason, a decision's note)."""

    id: int
    at: float
    who: str
    action: str
    sentence: str
    note: str
    run_id: str | None
    step_name: str | None
    inbox_item_id: int | None
    workflow: str
    business_key: str
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# Whole sentences (word order differs between languages), said in the reader's language when
# read: the trail stores only the action's name and its facts.
_WORDS = {
    "retry": QT_TRANSLATE_NOOP("Audit", "{who} pressed Retry on “{step}”"),
    "retry_with_input": QT_TRANSLATE_NOOP("Audit", "{who} retried “{step}” with changed input"),
    "skip": QT_TRANSLATE_NOOP("Audit", "{who} skipped “{step}”"),
    "restart": QT_TRANSLATE_NOOP("Audit", "{who} restarted the order from “{step}”"),
    "cancel": QT_TRANSLATE_NOOP("Audit", "{who} cancelled the order"),
    "dismiss": QT_TRANSLATE_NOOP("Audit", "{who} dismissed an inbox entry"),
    "run_started": QT_TRANSLATE_NOOP("Audit", "{who} started the order"),
    "order_entered": QT_TRANSLATE_NOOP("Audit", "{who} entered the order by hand"),
    "practice_started": QT_TRANSLATE_NOOP("Audit", "{who} started a practice run"),
    "demo_started": QT_TRANSLATE_NOOP("Audit", "{who} started the demo"),
    "demo_ended": QT_TRANSLATE_NOOP("Audit", "{who} ended the demo"),
    "first_run": QT_TRANSLATE_NOOP("Audit", "{who} went through the first-run setup"),
    "hold_added": QT_TRANSLATE_NOOP("Audit", "{who} put orders on hold"),
    "hold_released": QT_TRANSLATE_NOOP("Audit", "{who} released a hold"),
    "breaker_settings": QT_TRANSLATE_NOOP("Audit", "{who} changed how long a down system waits"),
    "draft_saved": QT_TRANSLATE_NOOP("Audit", "{who} saved a draft of “{name}”"),
    "draft_discarded": QT_TRANSLATE_NOOP("Audit", "{who} discarded the draft of “{name}”"),
    "workflow_published": QT_TRANSLATE_NOOP("Audit", "{who} published the workflow “{name}”"),
    "workflow_saved": QT_TRANSLATE_NOOP("Audit", "{who} saved the workflow “{name}”"),
    "workflow_enabled": QT_TRANSLATE_NOOP("Audit", "{who} switched the workflow on “{name}”"),
    "workflow_disabled": QT_TRANSLATE_NOOP("Audit", "{who} switched the workflow off “{name}”"),
    "workflow_archived": QT_TRANSLATE_NOOP("Audit", "{who} archived the workflow “{name}”"),
    "workflow_unarchived": QT_TRANSLATE_NOOP(
        "Audit", "{who} brought the workflow back from the archive “{name}”"
    ),
    "workflow_removed": QT_TRANSLATE_NOOP("Audit", "{who} removed the workflow “{name}”"),
    "connection_saved": QT_TRANSLATE_NOOP("Audit", "{who} saved the connection “{name}”"),
    "connection_removed": QT_TRANSLATE_NOOP("Audit", "{who} removed the connection “{name}”"),
    "system_down": QT_TRANSLATE_NOOP("Audit", "{who} saw that {system} is down"),
    "system_still_down": QT_TRANSLATE_NOOP("Audit", "{who} checked {system}: still down"),
    "system_probe": QT_TRANSLATE_NOOP("Audit", "{who} tried {system} again with one order"),
    "system_caught_up": QT_TRANSLATE_NOOP("Audit", "{who} saw that {system} is back"),
    "system_unwatched": QT_TRANSLATE_NOOP("Audit", "{who} stopped watching {system}"),
    "system_try_now": QT_TRANSLATE_NOOP("Audit", "{who} pressed Try now on {system}"),
    "system_keep_waiting": QT_TRANSLATE_NOOP("Audit", "{who} chose to keep waiting for {system}"),
    "system_retry_all": QT_TRANSLATE_NOOP("Audit", "{who} retried every order waiting on {system}"),
}


def _note(entry: AuditEntry) -> str:
    after = entry.after if isinstance(entry.after, dict) else {}
    output = o if isinstance(o := after.get("output"), dict) else {}
    values = v if isinstance(v := output.get("values"), dict) else {}
    note = after.get("note") or after.get("reason") or values.get("note") or ""
    # Daloy's own notes (an import's, the setup's, a put-back's; with their words when stored
    # so) are said in the reader's language; a person's as typed
    words = after.get("note_words") if after.get("note") else None
    return said_note(note, words if isinstance(words, dict) else None)


class StepWords:
    """A step's title and its options' labels as the order's workflow version shows them (the
    trail stores the step's and the option's names: “ask_stock”, “substitute”), read once per
    version while a page of the trail is said."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._versions: dict[int, Workflow | None] = {}

    def _workflow(self, version_id: int | None) -> Workflow | None:
        if version_id is None:
            return None
        if version_id not in self._versions:
            v = self._s.get(WorkflowVersion, version_id)
            try:
                self._versions[version_id] = Workflow.from_json(v.definition) if v else None
            except Exception:  # noqa: BLE001 - an unreadable old version: its names will do
                self._versions[version_id] = None
        return self._versions[version_id]

    def title(self, version_id: int | None, step: str) -> str:
        found = (wf := self._workflow(version_id)) and wf.step(step)
        return found.label if found else step.replace("_", " ")  # a step since removed

    def option(self, version_id: int | None, step: str, option: str) -> str:
        found = (wf := self._workflow(version_id)) and wf.step(step)
        for o in (found.config.get("options") or []) if found else []:
            if isinstance(o, dict) and o.get("name") == option:
                # as the inbox showed it (``ask_person``: a label, else the name made readable)
                return str(o.get("label") or option.replace("_", " ").title())
        return option


SYSTEM = "daloy"  # who Daloy's own actions are recorded as (samples, breakers, inbox)


def who_words(who: str) -> str:
    """Who did it, as the operator reads it: Daloy's own actions by its name, “Daloy started
    the order”, not by the lower-case word they are recorded with, which reads as a user."""
    return "Daloy" if who == SYSTEM else who


def sentence(
    entry: AuditEntry,
    business_key: str = "",
    words: StepWords | None = None,
    version_id: int | None = None,
) -> str:
    """“maria chose “Backorder” at “Check stock” (order 3001)”: the action in words (the
    step's title and the option's label when ``words`` can read the order's workflow)."""
    who = who_words(entry.who)
    after = entry.after if isinstance(entry.after, dict) else {}
    before = entry.before if isinstance(entry.before, dict) else {}
    step = entry.step_name or ""
    option = str(after.get("port") or "?")
    if words is not None and step:
        step, option = words.title(version_id, step), words.option(version_id, step, option)
    name = after.get("workflow") or after.get("name") or before.get("workflow") or ""
    if entry.action == "choose":
        what = (
            translate("Audit", "{who} chose “{option}” at “{step}”")
            if step
            else translate("Audit", "{who} chose “{option}”")
        ).format(who=who, option=option, step=step)
    elif entry.action == "practice_started" and after.get("demo"):
        # a demo order (``app.demo``) runs as practice; its page calls it a demo order
        what = translate("Audit", "{who} started a demo order").format(who=who)
    elif entry.action in _WORDS:
        what = translate("Audit", _WORDS[entry.action]).format(
            who=who,
            step=step,
            name=name,
            system=systems.label(str(after["system"])) if after.get("system") else "?",
        )
    else:  # an action this Daloy has no words for (a newer one): its name, readable
        what = f"{who} {entry.action.replace('_', ' ')}"
    if not business_key:
        return what
    return translate("Audit", "{what} (order {order})").format(what=what, order=business_key)


def list_actions(
    s: Session,
    *,
    who: str | None = None,
    action: str | Iterable[str] | None = None,
    workflow: str | None = None,
    run_id: str | None = None,
    since: float | None = None,
    until: float | None = None,
    limit: int | None = 200,
    before_id: int | None = None,
    oldest_first: bool = False,
    name_the_order: bool = True,
) -> list[AuditRow]:
    """Recorded actions, newest first (``oldest_first`` for a timeline), filtered by who,
    action kind(s), workflow (of the order, or the workflow acted on), order (``run_id``) and
    time (``since`` inclusive, ``until`` exclusive). Paging: ``before_id`` is the last row's
    id of the previous page (newest first). Each sentence ends with the order it was done to
    (“… (order 3001)”) unless ``name_the_order`` is False: on that order's own page."""
    q = select(AuditEntry, Run.workflow_name, Run.business_key, Run.version_id).outerjoin(
        Run, Run.id == AuditEntry.run_id
    )
    if who:
        q = q.where(AuditEntry.who == who)
    if action:
        q = q.where(AuditEntry.action.in_([action] if isinstance(action, str) else list(action)))
    if workflow:
        q = q.where(
            or_(
                Run.workflow_name == workflow,
                AuditEntry.after["workflow"].as_string() == workflow,  # on either database
            )
        )
    if run_id:
        q = q.where(AuditEntry.run_id == run_id)
    if since is not None:
        q = q.where(AuditEntry.at >= since)
    if until is not None:
        q = q.where(AuditEntry.at < until)
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    q = q.order_by(AuditEntry.id.asc() if oldest_first else AuditEntry.id.desc())
    if limit is not None:
        q = q.limit(limit)
    rows, words = [], StepWords(s)
    for entry, wf, key, version_id in s.execute(q):
        after = entry.after if isinstance(entry.after, dict) else {}
        rows.append(
            AuditRow(
                entry.id,
                entry.at,
                entry.who,
                entry.action,
                sentence(entry, (key or "") if name_the_order else "", words, version_id),
                _note(entry),
                entry.run_id,
                entry.step_name,
                entry.inbox_item_id,
                wf or str(after.get("workflow") or ""),
                key or "",
                entry.before,
                entry.after,
            )
        )
    return rows


def run_actions(s: Session, run_id: str) -> list[AuditRow]:
    """What people did to one order, oldest first, for its timeline: on the order's own page,
    so its sentences do not name it again."""
    return list_actions(s, run_id=run_id, limit=None, oldest_first=True, name_the_order=False)


def filter_choices(s: Session) -> dict[str, list[str]]:
    """The people and action kinds the trail holds, for the audit page's filter lists."""
    return {
        "who": list(s.scalars(select(AuditEntry.who).distinct().order_by(AuditEntry.who))),
        "action": list(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))),
    }
