"""A step's own error and wait sentences are stored language-neutral (migration 0013): the
English text as before (logs, ``--json``, the error port), and beside it the template, context
and fields it was said with, so the order page, the inbox, ``daloy runs show`` and the tray say
it in the operator's language. Real steps on the real runtime against a local HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from sqlalchemy import update

from app.core import catalog
from app.core import i18n as core_i18n
from app.store import explain, queries
from app.store.models import Attempt, InboxItem, StepRun
from app.store.retention import describe
from tests.support.engine import run_status, save, wait_for
from tests.support.http_servers import LocalService


class Answering(LocalService):
    """Answers every request with one status and a JSON body that says why."""

    def __init__(self, status: int, said: str) -> None:
        super().__init__()
        self.status, self.said = status, said

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        self.reply(h, self.status, {"error": self.said})


def _started(status: int, said: str) -> Iterator[Answering]:
    server = Answering(status, said)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def refusing() -> Iterator[Answering]:
    yield from _started(400, "card declined")


@pytest.fixture
def broken() -> Iterator[Answering]:
    yield from _started(502, "upstream down")


@pytest.fixture
def filipino() -> Iterator[None]:
    """The Filipino catalog read from the .ts files (as the command line reads it)."""
    before = core_i18n.installed()  # put back: a GUI test's translator serves the process
    core_i18n.install(catalog.load(catalog.FILIPINO))
    yield
    core_i18n.install(before)


def charge(url: str, attempts: int = 1) -> dict[str, Any]:
    return {
        "name": "charge",
        "business_key": "{{ trigger.order.number }}",
        "steps": [
            {
                "name": "charge",
                "type": "http_request",
                "title": "Charge card",
                "config": {"method": "POST", "url": f"{url}/charges", "body": {"amount": 5}},
                "retry": {"max_attempts": attempts, "initial_delay": 0.05, "max_delay": 0.1},
            }
        ],
    }


def detail(rt: Any, run_id: str) -> dict[str, Any]:
    with rt.db.read() as s:
        d = queries.run_detail(s, run_id)
    assert d is not None
    return d


def in_filipino(fn: Any) -> Any:
    before = core_i18n.installed()
    core_i18n.install(catalog.load(catalog.FILIPINO))
    try:
        return fn()
    finally:
        core_i18n.install(before)


def test_a_refused_request_is_stored_with_its_words(rt, refusing) -> None:  # noqa: ANN001
    save(rt.db, charge(refusing.url))
    run_id = rt.store.start_run("charge", {"order": {"number": "3001"}})
    wait_for(lambda: run_status(rt.db, run_id) == "needs_attention", 30)
    d = detail(rt, run_id)
    step = d["steps"][0]
    english = f"{refusing.url}/charges answered 400 Bad Request: card declined"
    assert step["error"] == english  # the stored text stays English
    assert step["error_words"] == {
        "context": "Steps",
        "source": "{url} answered {status} {phrase}: {detail}",
        "fields": {
            "url": f"{refusing.url}/charges",
            "status": 400,
            "phrase": "Bad Request",
            "detail": "card declined",
        },
    }
    assert step["attempt_log"][0]["error_words"] == step["error_words"]
    # the inbox entry's reason embeds the step's sentence with its words
    entry = next(i for i in d["inbox"] if i["kind"] == "step_failed")
    assert entry["words"]["reason"]["fields"]["error"] == step["error_words"]
    assert entry["detail"]["error"] == english

    said_fil = f"Sumagot ang {refusing.url}/charges ng 400 Bad Request: card declined"
    assert in_filipino(lambda: explain.said_error(step)) == said_fil
    assert in_filipino(lambda: explain.entry_says(entry, "reason")) == (
        f"Pumalya ang Charge card pagkatapos ng 1 subok: {said_fil}"
    )
    assert in_filipino(lambda: explain.why(d)).startswith("Hinihintay ka: Pumalya ang")
    assert said_fil in "\n".join(in_filipino(lambda: describe(d)))  # daloy runs show
    assert explain.said_error(step) == english  # and English for an English reader
    assert english in explain.entry_says(entry, "reason")
    assert english in "\n".join(describe(d))


def test_a_retried_failure_and_its_wait_say_it_in_the_readers_language(rt, broken) -> None:  # noqa: ANN001
    """A 502 is retried: while it waits for its next attempt the order says the step's
    sentence; after the last one the entry's reason carries it."""
    save(rt.db, charge(broken.url, attempts=3))
    run_id = rt.store.start_run("charge", {"order": {"number": "3002"}})
    wait_for(lambda: run_status(rt.db, run_id) == "needs_attention", 30)
    d = detail(rt, run_id)
    step = d["steps"][0]
    assert [a["error_words"]["source"] for a in step["attempt_log"]] == [
        "{url} answered {status} {phrase}: {detail}"
    ] * 3
    entry = next(i for i in d["inbox"] if i["kind"] == "step_failed")
    reason = in_filipino(lambda: explain.entry_says(entry, "reason"))
    assert reason == (
        f"Pumalya ang Charge card pagkatapos ng 3 subok: Sumagot ang {broken.url}/charges "
        "ng 502 Bad Gateway: upstream down"
    )


def test_a_waiting_step_says_why_in_the_readers_language(rt) -> None:  # noqa: ANN001
    save(
        rt.db,
        {
            "name": "later",
            "steps": [{"name": "pause", "type": "wait", "config": {"seconds": 3600}}],
        },
    )
    run_id = rt.store.start_run("later", {})
    wait_for(lambda: run_status(rt.db, run_id) == "waiting", 30)
    step = detail(rt, run_id)["steps"][0]
    assert step["error"].startswith("Waiting until ")
    assert step["error_words"]["source"] == "Waiting until {time}"
    assert in_filipino(lambda: explain.why(detail(rt, run_id))).startswith(
        "Naghihintay hanggang " + step["error_words"]["fields"]["time"]
    )
    assert explain.why(detail(rt, run_id)).startswith(step["error"])


def test_what_was_stored_before_the_words_shows_as_stored(rt, refusing, filipino) -> None:  # noqa: ANN001
    """Rows written before migration 0013 (NULL words) and entries before 0010 show their
    English text, in any language."""
    save(rt.db, charge(refusing.url))
    run_id = rt.store.start_run("charge", {"order": {"number": "3003"}})
    wait_for(lambda: run_status(rt.db, run_id) == "needs_attention", 30)
    with rt.db.write() as s:
        s.execute(update(StepRun).where(StepRun.run_id == run_id).values(error_words=None))
        s.execute(update(Attempt).where(Attempt.run_id == run_id).values(error_words=None))
        s.execute(update(InboxItem).where(InboxItem.run_id == run_id).values(words=None))
    d = detail(rt, run_id)
    step, entry = d["steps"][0], d["inbox"][0]
    assert explain.said_error(step) == step["error"]
    assert explain.said_error(step["attempt_log"][0]) == step["error"]
    assert explain.entry_says(entry, "reason") == entry["reason"]
    assert f"error: {step['error']}" in "\n".join(describe(d))


def test_words_are_never_shown_without_their_error() -> None:
    """A success clears the error but not its words (the hot path writes no more than it
    did): words without an error are not read."""
    words = {"context": "Steps", "source": "Waiting until {time}", "fields": {"time": "9:00"}}
    row = StepRun(name="pause", type="wait", state="succeeded", attempts=1, max_attempts=1)
    row.error, row.error_words = None, words
    assert queries.step_dict(row)["error_words"] is None
    assert explain.said_error(queries.step_dict(row)) == ""
    row.error = "Waiting until 9:00"
    assert explain.said_error(queries.step_dict(row)) == "Waiting until 9:00"


def test_settings_that_cannot_be_filled_in_say_so_in_the_readers_language(rt) -> None:  # noqa: ANN001
    """A template that refers to data the order does not have: the runtime's sentence with
    the template's own inside it, both said in Filipino."""
    save(
        rt.db,
        {
            "name": "notes",
            "steps": [
                {
                    "name": "post",
                    "type": "notify",
                    "config": {
                        "webhook_url": "http://127.0.0.1:9/hook",
                        "message": "{{ trigger.order.note.text }}",
                    },
                }
            ],
        },
    )
    run_id = rt.store.start_run("notes", {"order": {}})
    wait_for(lambda: run_status(rt.db, run_id) == "needs_attention", 30)
    step = detail(rt, run_id)["steps"][0]
    assert step["error"].startswith("The step's settings could not be filled in: The template")
    assert step["error_words"]["fields"]["why"]["source"] == (
        "The template “{template}” uses {path}, but this order has nothing in {where}. "
        "Change the template to use what is there, then retry the step."
    )
    assert in_filipino(lambda: explain.said_error(step)).startswith(
        "Hindi mapunan ang mga setting ng hakbang: Gumagamit ang template na "
        "“{{ trigger.order.note.text }}” ng trigger.order.note.text, pero walang laman ang "
        "trigger.order sa order na ito."
    )


def test_an_unknown_outcome_says_its_cause_in_the_readers_language(filipino) -> None:  # noqa: ANN001
    """The entry of a step whose outcome is not known carries the step's own sentence inside
    its reason (without its full stop, in brackets), in either language."""
    from app.core.i18n import QT_TRANSLATE_NOOP, said
    from app.store.inbox import neutral
    from app.store.run_base import unknown_outcome_reason

    cause = said(
        QT_TRANSLATE_NOOP("Steps", "{url} did not answer in time ({why})."),
        url="https://pay.example/charges",
        why="ReadTimeout",
    )
    reason = unknown_outcome_reason("Charge card", cause)
    assert reason.startswith(
        "Not known whether “Charge card” went through (https://pay.example/charges did not "
        "answer in time (ReadTimeout)). Check with the service"
    )
    assert core_i18n.shown(neutral(reason), reason).startswith(
        "Hindi alam kung natuloy ang “Charge card” (Hindi sumagot sa oras ang "
        "https://pay.example/charges (ReadTimeout)). Tingnan muna"
    )


def test_a_secret_in_a_steps_sentence_is_hidden_in_its_words_too(rt) -> None:  # noqa: ANN001
    """What a server echoes back (a token) is hidden in the stored words as in the text."""
    from app.core import redact

    token = "tok-" + "9f3b2c7d1e"
    redact.remember([token])
    yield_server = _started(400, f"bad token {token}")
    server = next(yield_server)  # (a fixture's generator, driven by hand)
    try:
        save(rt.db, charge(server.url))
        run_id = rt.store.start_run("charge", {"order": {"number": "3004"}})
        wait_for(lambda: run_status(rt.db, run_id) == "needs_attention", 30)
        d = detail(rt, run_id)  # the stored columns, as read back
    finally:
        next(yield_server, None)
    step = d["steps"][0]
    assert token not in str(step["error_words"]) and token not in step["error"]
    assert token not in str(step["attempt_log"][0]["error_words"])
    assert token not in str(d["inbox"][0]["words"])
    assert step["error_words"]["fields"]["detail"] == "bad token [hidden]"
