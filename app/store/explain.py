"""One sentence that says why a run is where it is, for the runs list, the run detail and the
CLI: "Waiting for you: stock short for SKU-12 since 10:42", "Waiting for the payment gateway:
attempt 3 of 5 at 10:51", "Done in 4.2 s". Pure: takes the dict of ``queries.run_detail``.

``explain_entry`` says an inbox entry in words (what happened, what it means for the customer
and the money), with the technical detail kept apart."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import redact
from app.core.kinds import AttemptOutcome, InboxKind
from app.core.machine import RunState, StepState
from app.core.model import Workflow
from app.store.models import Attempt, InboxItem, Run, StepRun, WorkflowVersion
from app.store.runs import idempotency_key


def _clock(ts: float | None) -> str:
    if not ts:
        return "?"
    t = time.localtime(ts)
    today = time.localtime()
    return time.strftime("%H:%M" if t[:3] == today[:3] else "%b %d %H:%M", t)


def duration(seconds: float) -> str:
    """“35 ms”, “4.2 s”, “3 min”, “1.5 h”."""
    if seconds < 1:
        return f"{max(1, round(seconds * 1000))} ms"
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _label(step: dict[str, Any]) -> str:
    return step.get("title") or step["name"].replace("_", " ")


def _system(step: dict[str, Any]) -> str:
    inp = step.get("input") or {}
    url = inp.get("url") or inp.get("webhook_url") if isinstance(inp, dict) else None
    if url:
        host = urlparse(str(url)).hostname or str(url)
        return f"{host} ({_label(step)})"
    return _label(step)


def why(run: dict[str, Any]) -> str:
    status = run["status"]
    steps = run.get("steps", [])
    open_items = [i for i in run.get("inbox", []) if i["status"] == "open"]
    if status == RunState.SUCCEEDED:
        took = (run.get("finished_at") or run["created_at"]) - run["created_at"]
        return f"Done in {duration(took)}."
    if status == RunState.CANCELLED:
        who = next(
            (
                i.get("resolved_by")
                for i in reversed(run.get("inbox", []))
                if (i.get("resolution") or {}).get("action") == "cancel"
            ),
            None,
        )
        return "Cancelled" + (f" by {who}" if who else "") + "."
    if status == RunState.NEEDS_ATTENTION:
        item = next((i for i in open_items if i["kind"] == InboxKind.DECISION), None) or (
            open_items[0] if open_items else None
        )
        if item and item["kind"] == InboxKind.DECISION:
            return f"Waiting for you: {item['title']} (since {_clock(item['created_at'])})"
        step = next((s for s in steps if s["state"] == StepState.NEEDS_ATTENTION), None)
        if item:
            return f"Waiting for you: {item['reason']} (since {_clock(item['created_at'])})"
        if step:
            return f"Waiting for you: {_label(step)} failed: {step.get('error') or 'see the step'}"
        return "Waiting for you."
    if status == RunState.WAITING:
        step = next((s for s in steps if s["state"] == StepState.RETRY_WAIT), None)
        if step and step.get("waiting_on") and step.get("error"):
            return f"{step['error'].rstrip('.')}."  # a down system, a hold: since when
        if step:
            when = _clock(step.get("next_attempt_at"))
            if step["attempts"] and step.get("error") and not step["error"].startswith("Waiting"):
                return (
                    f"Waiting for {_system(step)}: attempt {step['attempts'] + 1} of "
                    f"{step['max_attempts']} at {when}."
                )
            return f"{step.get('error') or 'Waiting'} (next check {when})."
        return "Waiting."
    running = [s for s in steps if s["state"] in (StepState.RUNNING, StepState.READY)]
    if running:
        return "Working: " + ", ".join(_label(s) for s in running) + "."
    return "Working."


# -- inbox entries in words ---------------------------------------------------------------------
# What an operator reads first: what happened, and what it means for the customer and the money.
# Raw error text, addresses, keys and requests go into ``Explanation.detail`` only.


@dataclass(frozen=True)
class Explanation:
    """One inbox entry in words. ``headline``: what happened (the first thing read);
    ``money_line``: what it means for the money or the customer and what to do next;
    ``order_line``: the order in words; ``detail``: the technical facts (error text, attempt
    log, request, idempotency key), for a folded "technical detail" section."""

    headline: str
    money_line: str
    order_line: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Effect:
    """What a step does to the outside world, in an operator's words."""

    done: str  # "the card was charged"
    not_done: str  # "The card was not charged"
    service: str  # "the payment service"
    nothing: str  # what a look-up that found nothing means: "no charge was made"
    next_step: str  # what the operator can do when it did not happen


_PAYMENT = re.compile(r"charge|pay|card|checkout|billing", re.I)
_IP = re.compile(r"\[?\b(?:\d{1,3}\.){3}\d{1,3}\b\]?(?::\d+)?|\[[0-9a-f:]+\](?::\d+)?", re.I)
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.I)
_ERRNO = re.compile(r"\[Errno -?\d+\]\s*|\bErrno -?\d+:?\s*", re.I)
_KEY = re.compile(r"\bdaloy-[0-9a-f]{8,}-[\w.-]+", re.I)
_STATUS = re.compile(r"answered (\d{3})(?:[^:]*)(?::\s*(.+))?", re.I)
_UNREACHABLE = re.compile(
    r"could not reach|could not send through|connection refused|"
    r"connecterror|name or service not known|no route to host|"
    r"network is unreachable|did not answer: ",
    re.I,
)
_NO_ANSWER = re.compile(r"did not answer|no answer|timed? ?out|timeout", re.I)
_NOT_AN_ATTEMPT = (AttemptOutcome.WAITING, AttemptOutcome.ASKED)  # a sleep or a question, not a try


def plain(text: str | None) -> str:
    """Error text without what an operator cannot use: addresses, URLs, errno numbers,
    idempotency keys (and secrets, by ``redact``)."""
    if not text:
        return ""
    text = redact.text(str(text))
    for pattern, word in (
        (_URL, "the service"),
        (_KEY, "the order's key"),
        (_IP, "the server"),
        (_ERRNO, ""),
    ):
        text = pattern.sub(word, text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _host(url: Any) -> str | None:
    """A readable host name of ``url``; None for an address (an IP says nothing to a person)."""
    host = urlparse(str(url or "")).hostname if url else None
    if not host or _IP.fullmatch(host) or host == "localhost" or ":" in host:
        return None
    return host


def _effect(step_type: str, name: str, label: str, inp: dict[str, Any]) -> _Effect:
    words = f"{name} {label} {inp.get('url', '')}"
    if step_type == "http_request" and _PAYMENT.search(words):
        return _Effect(
            "the card was charged",
            "The card was not charged",
            "the payment service",
            "no charge was made",
            "Retry when the payment service works again, or cancel the order.",
        )
    if step_type == "send_email":
        what = (
            "The confirmation email"
            if re.search(r"confirm", words, re.I)
            else f"The email “{label}”"
        )
        return _Effect(
            f"{what[0].lower()}{what[1:]} was sent",
            f"{what} was not sent",
            "the mail server",
            "it had not been sent",
            "Retry when the mail server works again, or skip it and write yourself.",
        )
    if step_type == "notify":
        return _Effect(
            "the message was posted",
            f"The message “{label}” was not posted",
            "the chat service",
            "it had not been posted",
            "Retry when the chat service works again, or skip it.",
        )
    if step_type == "http_request":
        host = _host(inp.get("url"))
        service = host or "the web service it calls"
        return _Effect(
            f"“{label}” went through",
            f"“{label}” did not go through",
            service,
            "it had not gone through",
            f"Retry when {service} works again, or skip it with the result it should have given.",
        )
    return _Effect(
        f"“{label}” finished",
        f"“{label}” could not finish",
        "",
        "",
        "Retry it, skip it with the result it should have given, or cancel the order.",
    )


def tries_over(attempts: list[dict[str, Any]]) -> str:
    """“6 tries over 3 minutes”, “1 try”: how long Daloy kept trying, in words."""
    tries = [a for a in attempts if a.get("outcome") not in _NOT_AN_ATTEMPT]
    n = len(tries) or 1
    counted = f"{n} {'try' if n == 1 else 'tries'}"
    if n < 2:
        return counted
    span = (tries[-1].get("finished_at") or tries[-1]["started_at"]) - tries[0]["started_at"]
    if span < 60:
        amount = f"{max(1, round(span))} second{'s' if round(span) > 1 else ''}"
    elif span < 3600:
        minutes = round(span / 60)
        amount = f"{minutes} minute{'s' if minutes > 1 else ''}"
    else:
        amount = f"{span / 3600:.1f} hours"
    return f"{counted} over {amount}"


def _cause(error: str, outcome: str, service: str) -> str:
    """Why the last try failed, in words: not reached, no answer, an error answer."""
    who = service or "it"
    if outcome in (AttemptOutcome.INTERRUPTED, AttemptOutcome.HANDED_BACK):
        return "Daloy stopped while it was running"
    status = _STATUS.search(error)
    if status:
        code, said = int(status.group(1)), plain(status.group(2) or "").rstrip(".")
        if code >= 500 or code in (408, 429):
            return f"{who} had a problem on its side (error {code})"
        return f"{who} refused it (error {code}{': ' + said if said and len(said) < 80 else ''})"
    if _UNREACHABLE.search(error):
        return f"{who} could not be reached"
    if outcome == AttemptOutcome.TIMEOUT or _NO_ANSWER.search(error):
        return f"{who} did not answer in time"
    text = plain(error).rstrip(".")
    return text[:1].lower() + text[1:] if text else "it failed"


def _money(amount: Any, currency: Any) -> str:
    if not isinstance(amount, int | float) or isinstance(amount, bool):
        return ""
    return f"{currency + ' ' if isinstance(currency, str) and currency else ''}{amount:,.2f}"


def order_words(run: dict[str, Any], customer: str = "", total: Any = None, where: str = "") -> str:
    """“Order 3001 for Aling Nena (PHP 1,499.50) waits at “Charge card”; the steps after it
    are on hold.” Parts that are unknown are left out."""
    trigger = run.get("trigger") if isinstance(run.get("trigger"), dict) else {}
    order = trigger.get("order") if isinstance(trigger.get("order"), dict) else trigger
    kind = "Practice order" if run.get("practice") else "Order"
    text = (
        f"{kind} {run['business_key']}"
        if run.get("business_key")
        else f"{kind} of “{run.get('workflow', '')}”"
    )
    if customer:
        text += f" for {customer}"
    money = _money(total, order.get("currency"))
    if money:
        text += f" ({money})"
    if where:
        return text + f" waits at “{where}”; the steps after it are on hold."
    return text + "."


def explain_step_failure(
    item: dict[str, Any],
    step: dict[str, Any],
    run: dict[str, Any],
    *,
    label: str,
    customer: str = "",
    total: Any = None,
) -> Explanation:
    """A step that failed after its retries, or whose outcome is not known. Pure: ``item`` is
    ``queries.inbox_dict``, ``step`` ``queries.step_dict`` with its ``attempt_log`` (each
    attempt's outcome, error and ``looked_up``) and ``needs_reconcile``, ``run`` a run dict."""
    inp = step.get("input") if isinstance(step.get("input"), dict) else {}
    eff = _effect(step["type"], step["name"], label, inp)
    log = step.get("attempt_log") or []
    last = log[-1] if log else {}
    error = step.get("error") or last.get("error") or ""
    service = eff.service or "the system it calls"
    if step.get("needs_reconcile"):
        headline = f"Not known whether {eff.done} — check {service} before retrying"
        money = (
            "Daloy did not try again, so nothing happens twice. If it went through, choose "
            "Skip and enter its result; if it did not, choose Retry."
        )
    else:
        headline = (
            f"{eff.not_done}: {_cause(error, last.get('outcome', ''), eff.service)}, "
            f"{tries_over(log)}"
        )
        checked = any(a.get("looked_up") == "not found" for a in log)
        money = (
            f"Daloy checked with {service}: {eff.nothing}. " if checked and eff.nothing else ""
        ) + eff.next_step
    detail = {
        "error": redact.text(error),
        "attempts": log,
        "request": redact.value(inp),
        "step": step["name"],
        "step_type": step["type"],
        "run_id": run.get("id"),
        "idempotency_key": idempotency_key(run["id"], step["name"]) if run.get("id") else None,
        "reason": item.get("reason"),
    }
    return Explanation(headline, money, order_words(run, customer, total, label), detail)


def explain_item(item: dict[str, Any], run: dict[str, Any] | None = None) -> Explanation:
    """Entries that need no step: a decision, an order that could not be read, an alert."""
    detail = dict(item.get("detail") or {})
    order = order_words(run) if run else ""
    if item["kind"] == InboxKind.DECISION:
        options = [
            o.get("label") or o.get("name")
            for o in detail.get("options", [])
            if isinstance(o, dict)
        ]
        money = "The order waits for your answer" + (
            f": {', '.join(map(str, options))}." if options else "."
        )
        return Explanation(detail.get("question") or item["title"], money, order, detail)
    if item["kind"] == InboxKind.INTAKE_ERROR:
        what = detail.get("summary") or "Something that arrived"
        return Explanation(
            f"{plain(what)} could not be read as an order: {plain(item['reason']).rstrip('.')}.",
            "No order was started and nobody was charged; what arrived is kept "
            "as it was. Enter the order by hand or ask the sender to fix it.",
            order,
            {"reason": item["reason"], **detail},
        )
    return Explanation(
        plain(item["title"]), plain(item["reason"]), order, {"reason": item["reason"], **detail}
    )


def explain_entry(s: Session, item: InboxItem) -> Explanation:
    """The inbox entry ``item`` in words, read from the store: its step, the step's attempt
    log, whether the outcome is known and what a look-up found."""
    from app.store import queries

    d = queries.inbox_dict(item)
    if not item.run_id:
        return explain_item(d)
    run = s.get(Run, item.run_id)
    if run is None:
        return explain_item(d)
    rd = queries.run_dict(run) | {"trigger": run.trigger}
    row = (
        s.scalar(
            select(StepRun).where(StepRun.run_id == item.run_id, StepRun.name == item.step_name)
        )
        if item.step_name
        else None
    )
    if item.kind != InboxKind.STEP_FAILED or row is None:
        return explain_item(d, rd)
    step = queries.step_dict(row) | {"needs_reconcile": row.needs_reconcile}
    step["attempt_log"] = [
        queries.attempt_dict(a)
        for a in s.scalars(
            select(Attempt)
            .where(Attempt.run_id == row.run_id, Attempt.step_name == row.name)
            .order_by(Attempt.number, Attempt.id)
        )
    ]
    version = s.get(WorkflowVersion, run.version_id)
    label = row.name.replace("_", " ")
    if version is not None:
        wf_step = Workflow.from_json(version.definition).step(row.name)
        label = wf_step.label if wf_step is not None else label
    customer, total = queries.run_facts(s, run.id)
    return explain_step_failure(d, step, rd, label=label, customer=customer, total=total)
