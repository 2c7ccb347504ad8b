"""One sentence that says why a run is where it is, for the runs list, the run detail and the
CLI: "Waiting for you: stock short for SKU-12 since 10:42", "Waiting for the payment gateway:
attempt 3 of 5 at 10:51", "Done in 4.2 s". Pure: takes the dict of ``queries.run_detail``.

``explain_entry`` says an inbox entry in words (what happened, what it means for the customer
and the money), with the technical detail kept apart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import redact
from app.core.headline import split as first_sentence
from app.core.i18n import clock, shown, translate
from app.core.kinds import AttemptOutcome, InboxKind
from app.core.machine import RunState, StepState
from app.core.model import Workflow
from app.core.order_total import currency_of, money_text
from app.store.models import Attempt, InboxItem, Run, StepRun, WorkflowVersion
from app.store.runs import idempotency_key


def _clock(ts: float | None) -> str:
    return clock(ts) if ts else "?"


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
    return str(step.get("title") or step["name"].replace("_", " "))


def _system(step: dict[str, Any]) -> str:
    inp = step.get("input") or {}
    url = inp.get("url") or inp.get("webhook_url") if isinstance(inp, dict) else None
    if url:
        host = urlparse(str(url)).hostname or str(url)
        return f"{host} ({_label(step)})"
    return _label(step)


def said_error(d: dict[str, Any]) -> str:
    """A step's or an attempt's error (``queries.step_dict``/``attempt_dict``) in the reader's
    language: its stored words (migration 0013) when the step said it with a template, else
    the English text as stored ("" without an error)."""
    return shown(d.get("error_words"), d.get("error") or "") if d.get("error") else ""


def entry_says(item: dict[str, Any], part: str) -> str:
    """An inbox entry's title or reason in the reader's language (``inbox.words_for``)."""
    return shown((item.get("words") or {}).get(part), item.get(part) or "")


def why(
    run: dict[str, Any],
    *,
    clock: Callable[[float | None], str] = _clock,
    took: Callable[[float], str] = duration,
) -> str:
    """Why the run is where it is, in one sentence. ``clock`` says a moment after "at" or
    "since" and ``took`` a length of time: the window passes its own (``app.ui.when``: "2:03
    PM", "4 seconds"); the command line keeps "14:03" and "4.2 s"."""
    status = run["status"]
    steps = run.get("steps", [])
    open_items = [i for i in run.get("inbox", []) if i["status"] == "open"]
    if status == RunState.SUCCEEDED:
        spent = (run.get("finished_at") or run["created_at"]) - run["created_at"]
        return translate("Explain", "Done in {duration}.").format(duration=took(spent))
    if status == RunState.CANCELLED:
        who = next(
            (
                i.get("resolved_by")
                for i in reversed(run.get("inbox", []))
                if (i.get("resolution") or {}).get("action") == "cancel"
            ),
            None,
        )
        if who:
            return translate("Explain", "Cancelled by {who}.").format(who=who)
        return translate("Explain", "Cancelled.")
    if status == RunState.NEEDS_ATTENTION:
        item = next((i for i in open_items if i["kind"] == InboxKind.DECISION), None) or (
            open_items[0] if open_items else None
        )
        if item and item["kind"] == InboxKind.DECISION:
            return translate("Explain", "Waiting for you: {what} (since {time})").format(
                what=entry_says(item, "title"), time=clock(item["created_at"])
            )
        step = next((s for s in steps if s["state"] == StepState.NEEDS_ATTENTION), None)
        if item:
            return translate("Explain", "Waiting for you: {what} (since {time})").format(
                what=entry_says(item, "reason"), time=clock(item["created_at"])
            )
        if step:
            return translate("Explain", "Waiting for you: {step} failed: {error}").format(
                step=_label(step), error=said_error(step) or translate("Explain", "see the step")
            )
        return translate("Explain", "Waiting for you.")
    if status == RunState.WAITING:
        step = next((s for s in steps if s["state"] == StepState.RETRY_WAIT), None)
        if step and (step.get("waiting_on") or step.get("sleeping")) and step.get("error"):
            # a down system, a hold: since when; a wait the step asked for: until when, or for
            # which orders (it is woken when they finish: its re-check is only a safety net)
            return f"{said_error(step).rstrip('.')}."
        if step:
            when = clock(step.get("next_attempt_at"))
            if step["attempts"] and step.get("error"):
                return translate(
                    "Explain", "Waiting for {system}: attempt {attempt} of {attempts} at {time}."
                ).format(
                    system=_system(step),
                    attempt=step["attempts"] + 1,
                    attempts=step["max_attempts"],
                    time=when,
                )
            return translate("Explain", "{what} (next check {time}).").format(
                what=said_error(step) or translate("Explain", "Waiting"), time=when
            )
        return translate("Explain", "Waiting.")
    running = [s for s in steps if s["state"] in (StepState.RUNNING, StepState.READY)]
    if running:
        return translate("Explain", "Working: {steps}.").format(
            steps=", ".join(_label(s) for s in running)
        )
    return translate("Explain", "Working.")


# -- inbox entries in words ---------------------------------------------------------------------
# What an operator reads first: what happened, and what it means for the customer and the money.
# Raw error text, addresses, keys and requests go into ``Explanation.detail`` only.


@dataclass(frozen=True)
class Explanation:
    """One inbox entry in words. ``headline``: what happened (the first thing read);
    ``money_line``: what it means for the money or the customer and what to do next;
    ``order_line``: the order in words; ``detail``: the technical facts (error text, attempt
    log, request, idempotency key), for a folded "technical detail" section; ``alert``: a failed
    step in one line for the tray's balloon and the window's banner (what happened, what to do,
    without the count of tries, so orders that failed alike are announced once), else "";
    ``more``: the rest of a decision's question after its first sentence (the headline), said
    beneath the headline in plain weight."""

    headline: str
    money_line: str
    order_line: str
    detail: dict[str, Any] = field(default_factory=dict)
    alert: str = ""
    more: str = ""


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
        # the error text these go into is English (stored as the step said it)
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
            translate("Explain", "the card was charged"),
            translate("Explain", "The card was not charged"),
            translate("Explain", "the payment service"),
            translate("Explain", "no charge was made"),
            translate(
                "Explain", "Retry when the payment service works again, or cancel the order."
            ),
        )
    if step_type == "send_email":
        confirmation = re.search(r"confirm", words, re.I)
        return _Effect(
            translate("Explain", "the confirmation email was sent")
            if confirmation
            else translate("Explain", "the email “{label}” was sent").format(label=label),
            translate("Explain", "The confirmation email was not sent")
            if confirmation
            else translate("Explain", "The email “{label}” was not sent").format(label=label),
            translate("Explain", "the mail server"),
            translate("Explain", "it had not been sent"),
            translate(
                "Explain", "Retry when the mail server works again, or skip it and write yourself."
            ),
        )
    if step_type == "notify":
        return _Effect(
            translate("Explain", "the message was posted"),
            translate("Explain", "The message “{label}” was not posted").format(label=label),
            translate("Explain", "the chat service"),
            translate("Explain", "it had not been posted"),
            translate("Explain", "Retry when the chat service works again, or skip it."),
        )
    if step_type == "http_request":
        host = _host(inp.get("url"))
        service = host or translate("Explain", "the web service it calls")
        return _Effect(
            translate("Explain", "“{label}” went through").format(label=label),
            translate("Explain", "“{label}” did not go through").format(label=label),
            service,
            translate("Explain", "it had not gone through"),
            translate(
                "Explain",
                "Retry when {service} works again, or skip it with the result it should have given.",
            ).format(service=service),
        )
    return _Effect(
        translate("Explain", "“{label}” finished").format(label=label),
        translate("Explain", "“{label}” could not finish").format(label=label),
        "",
        "",
        translate(
            "Explain",
            "Retry it, skip it with the result it should have given, or cancel the order.",
        ),
    )


def done_words(step: dict[str, Any]) -> str:
    """What a step that finished did to the outside world, in words (“the card was charged”,
    "“Check stock” finished"): the order page's sentence for a done step. ``step`` is a
    ``queries.step_dict`` with its ``title``."""
    inp = i if isinstance(i := step.get("input"), dict) else {}
    return _effect(step["type"], step["name"], _label(step), inp).done


def tries_over(attempts: list[dict[str, Any]]) -> str:
    """“tried 6 times over 3 minutes”, “tried once”: how long Daloy kept trying, in words."""
    tries = [a for a in attempts if a.get("outcome") not in _NOT_AN_ATTEMPT]
    n = len(tries) or 1
    if n < 2:
        return translate("Explain", "tried once")
    span = (tries[-1].get("finished_at") or tries[-1]["started_at"]) - tries[0]["started_at"]
    if span < 60:
        seconds = max(1, round(span))
        amount = (
            translate("Explain", "{n} seconds") if seconds > 1 else translate("Explain", "1 second")
        ).format(n=seconds)
    elif span < 3600:
        minutes = round(span / 60)
        amount = (
            translate("Explain", "{n} minutes") if minutes > 1 else translate("Explain", "1 minute")
        ).format(n=minutes)
    else:
        amount = translate("Explain", "{n} hours").format(n=f"{span / 3600:.1f}")
    return translate("Explain", "tried {n} times over {amount}").format(n=n, amount=amount)


def _cause(error: str, outcome: str, service: str, in_words: str = "") -> str:
    """Why the last try failed, in words: not reached, no answer, an error answer (read from
    the English ``error``); else the step's own sentence, ``in_words`` (the reader's language)."""
    who = service or translate("Explain", "it")
    if outcome in (AttemptOutcome.INTERRUPTED, AttemptOutcome.HANDED_BACK):
        return translate("Explain", "Daloy stopped while it was running")
    status = _STATUS.search(error)
    if status:
        code, said = int(status.group(1)), plain(status.group(2) or "").rstrip(".")
        if code >= 500 or code in (408, 429):
            return translate("Explain", "{who} had a problem on its side (error {code})").format(
                who=who, code=code
            )
        if said and len(said) < 80:
            return translate("Explain", "{who} refused it (error {code}: {said})").format(
                who=who, code=code, said=said
            )
        return translate("Explain", "{who} refused it (error {code})").format(who=who, code=code)
    if _UNREACHABLE.search(error):
        return translate("Explain", "{who} could not be reached").format(who=who)
    if outcome == AttemptOutcome.TIMEOUT or _NO_ANSWER.search(error):
        return translate("Explain", "{who} did not answer in time").format(who=who)
    text = plain(in_words or error).rstrip(".")
    return text[:1].lower() + text[1:] if text else translate("Explain", "it failed")


def order_words(run: dict[str, Any], customer: str = "", total: Any = None, where: str = "") -> str:
    """“Order 3001 for Aling Nena (PHP 1,499.50) waits at “Charge card”; the steps after it
    are on hold.” Parts that are unknown are left out."""
    trigger = t if isinstance(t := run.get("trigger"), dict) else {}
    # a demo order is a practice run the app made itself: said as the sample it is
    kind = "demo" if trigger.get("demo") else "practice" if run.get("practice") else ""
    if run.get("business_key"):
        text = {
            "demo": translate("Explain", "Demo order {key}"),
            "practice": translate("Explain", "Practice run {key}"),
        }.get(kind, translate("Explain", "Order {key}")).format(key=run["business_key"])
    else:
        text = {
            "demo": translate("Explain", "Demo order of “{workflow}”"),
            "practice": translate("Explain", "Practice run of “{workflow}”"),
        }.get(kind, translate("Explain", "Order of “{workflow}”")).format(
            workflow=run.get("workflow", "")
        )
    if customer:
        text = translate("Explain", "{order} for {customer}").format(order=text, customer=customer)
    money = money_text(total, currency_of(trigger))
    if money:
        text += f" ({money})"
    if where:
        return translate(
            "Explain", "{order} waits at “{step}”; the steps after it are on hold."
        ).format(order=text, step=where)
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
    inp = i if isinstance(i := step.get("input"), dict) else {}
    eff = _effect(step["type"], step["name"], label, inp)
    log = step.get("attempt_log") or []
    last = log[-1] if log else {}
    error = step.get("error") or last.get("error") or ""
    service = eff.service or translate("Explain", "the system it calls")
    if step.get("needs_reconcile"):
        headline = gist = translate(
            "Explain", "Not known whether {done} — check {service} before retrying"
        ).format(done=eff.done, service=service)
        money = translate(
            "Explain",
            "Daloy did not try again, so nothing happens twice. If it went through, choose "
            "Skip and enter its result; if it did not, choose Retry.",
        )
    else:
        cause = _cause(
            error, last.get("outcome", ""), eff.service, said_error(step) or said_error(last)
        )
        headline = translate("Explain", "{not_done}: {cause} — {tries}").format(
            not_done=eff.not_done, cause=cause, tries=tries_over(log)
        )
        gist = translate("Explain", "{not_done}: {cause}").format(
            not_done=eff.not_done, cause=cause
        )
        checked = any(a.get("looked_up") == "not found" for a in log)
        money = (
            translate("Explain", "Daloy checked with {service}: {nothing}. ").format(
                service=service, nothing=eff.nothing
            )
            if checked and eff.nothing
            else ""
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
    alert = translate("Explain", "{what}. What to do: {next}").format(what=gist, next=money)
    return Explanation(headline, money, order_words(run, customer, total, label), detail, alert)


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
        money = (
            translate("Explain", "The order waits for your answer: {options}.").format(
                options=", ".join(map(str, options))
            )
            if options
            else translate("Explain", "The order waits for your answer.")
        )
        headline, more = first_sentence(str(detail.get("question") or item["title"]))
        return Explanation(headline, money, order, detail, more=more)
    if item["kind"] == InboxKind.INTAKE_ERROR:
        # the summary's words beside the entry's own (store/intake.py; None before them)
        summary = shown((item.get("words") or {}).get("summary"), detail.get("summary") or "")
        what = summary or translate("Explain", "Something that arrived")
        return Explanation(
            translate("Explain", "{what} could not be read as an order: {reason}.").format(
                what=plain(what), reason=plain(entry_says(item, "reason")).rstrip(".")
            ),
            translate(
                "Explain",
                "No order was started and nobody was charged; what arrived is kept "
                "as it was. Enter the order by hand or ask the sender to fix it.",
            ),
            order,
            {"reason": item["reason"], **detail},
        )
    words = item.get("words") or {}  # stored language-neutral (app.store.inbox.words_for)
    return Explanation(
        plain(shown(words.get("title"), item["title"])),
        plain(shown(words.get("reason"), item["reason"])),
        order,
        {"reason": item["reason"], **detail},
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
