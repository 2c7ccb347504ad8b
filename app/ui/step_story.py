"""One step of an order told to a shop operator who never saw the app: what it did, its result
in a sentence, when, and what to do when it failed. The technical side (the step's settings by
their keys, raw answers, the idempotency key) is not said here: it goes into the order page's
folded "Technical detail" (``technical_ids`` and ``redacted`` prepare it, secrets hidden).

Pure: takes the dicts of ``app.store.queries.run_detail`` (a step with its ``title`` and
``attempt_log``) and the explanations of its open inbox entries (``load_order``)."""

from __future__ import annotations

from typing import Any

from app.core import redact
from app.core.i18n import translate
from app.core.kinds import InboxKind
from app.core.machine import StepState
from app.store.explain import (
    Explanation,
    done_words,
    explain_step_failure,
    plain,
    said_error,
)
from app.store.runs import idempotency_key
from app.ui import when


def _sentence(text: str) -> str:
    """``text`` with a full stop, unless it already ends a sentence."""
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(ts: float | None) -> str:
    """A moment inside the sentence: "today at 2:03 PM", "Tue 1 Dec at 4:40 PM"."""
    return when.at(ts)


def story(st: dict[str, Any], run: dict[str, Any], explained: dict[str, Any] | None = None) -> str:
    """The step in sentences, by its state. ``explained``: ``{"kind", "explanation"}`` of the
    step's open inbox entry (a failure or a question), when it has one."""
    state = st["state"]
    if state == StepState.SUCCEEDED:
        lines = [
            translate("Timeline", "Done {time}: {what}.").format(
                time=_when(st.get("finished_at")), what=done_words(st)
            )
        ]
        if st.get("port") and st["port"] != "out":
            lines.append(_went_on(st))
        return "\n".join(lines)
    if state == StepState.NEEDS_ATTENTION:
        return _needs_you(st, run, explained)
    if state == StepState.RETRY_WAIT:
        # a wait the step asked for (nothing failed), a system that is down, a hold: its own
        # sentence; else the failure it waits to try again after
        if st.get("error") and (st.get("sleeping") or st.get("waiting_on")):
            first = _sentence(plain(said_error(st)))
        else:
            first = _sentence(_failure(st, run).headline)
        then = (
            translate("Timeline", "It goes on by itself: nothing to do for now.")
            if st.get("sleeping")
            else translate(
                "Timeline", "Daloy tries again by itself {time}: nothing to do for now."
            ).format(time=_when(st.get("next_attempt_at")))
        )
        return f"{first}\n{then}"
    if state == StepState.RUNNING:
        return translate("Timeline", "Working on it since {time}.").format(
            time=_when(st.get("started_at"))
        )
    if state == StepState.READY:
        return translate("Timeline", "About to start.")
    if state == StepState.SKIPPED:
        return translate("Timeline", "Skipped: the order went on without this step.")
    if state == StepState.CANCELLED:
        return translate("Timeline", "Not done: the order was cancelled.")
    return translate("Timeline", "Not started yet: it waits for the steps before it.")


def _went_on(st: dict[str, Any]) -> str:
    """Which way the order went on from a done step, as the operator knows it: a question's
    answer by the label of the choice, a check's yes or no. The port's name ("backorder",
    "true") is the workflow's wiring; the technical detail still says it."""
    port = st["port"]
    inp = i if isinstance(i := st.get("input"), dict) else {}
    if st.get("type") == "ask_person":
        options = o if isinstance(o := inp.get("options"), list) else []
        for option in options:
            if isinstance(option, dict) and option.get("name") == port and option.get("label"):
                return translate("Timeline", "Chosen: {choice}").format(choice=option["label"])
    if st.get("type") == "condition" and port in ("true", "false"):
        return (
            translate("Timeline", "Answer: yes")
            if port == "true"
            else translate("Timeline", "Answer: no")
        )
    return translate("Timeline", "Went on by: {port}").format(port=port)


def _failure(st: dict[str, Any], run: dict[str, Any]) -> Explanation:
    return explain_step_failure({}, st, run, label=str(st.get("title") or st["name"]))


def _needs_you(st: dict[str, Any], run: dict[str, Any], explained: dict[str, Any] | None) -> str:
    """A question waiting for an answer, or a failure: what happened, since when, what to do."""
    ex: Explanation = explained["explanation"] if explained else _failure(st, run)
    since = translate("Timeline", "Since {time}.").format(
        time=_when(st.get("finished_at") or st.get("started_at"))
    )
    said = f"{ex.headline} {ex.more}".strip()  # a question whole: the row is plain text
    lines = [_capital(_sentence(said)), since]
    if ex.money_line:
        if explained and explained["kind"] == InboxKind.DECISION:
            lines.append(ex.money_line)  # the answers to choose from
        else:
            lines.append(translate("Timeline", "What to do: {next}").format(next=ex.money_line))
    return "\n".join(lines)


def redacted(st: dict[str, Any]) -> dict[str, Any]:
    """The step with its settings and result passed through ``redact.value`` (credential-named
    keys masked, known secrets hidden) for the technical detail; the rest of that text goes
    through ``redact.text`` where it is put together."""
    return st | {"input": redact.value(st.get("input")), "output": redact.value(st.get("output"))}


def technical_ids(st: dict[str, Any], run: dict[str, Any]) -> dict[str, Any]:
    """The step's names and keys for someone who will look at the service's own records (the
    keys of ``inbox_parts.technical_words``)."""
    return {
        "step": st["name"],
        "step_type": st.get("type"),
        "run_id": run.get("id"),
        "idempotency_key": idempotency_key(run["id"], st["name"]) if run.get("id") else None,
    }
