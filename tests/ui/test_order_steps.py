"""An order's step, opened on the order page, reads for a shop operator who never saw the app:
what the step did, its result in a sentence, when, and what to do when it failed. The step's
settings by their keys, raw answers, the attempts and the idempotency key sit behind a
"Technical detail" fold that starts closed — with every secret hidden there too. Real runs,
real widgets (offscreen), a real HTTP service that quotes the token it was sent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.store import connections
from app.store.models import Run
from app.ui import language
from tests.support.engine import charge_workflow, run_status, save, wait_for
from tests.test_secrets_redaction import EchoingApi, canary
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_small_screens import clipped

# What only belongs in the fold: settings by their keys, raw answers, keys.
TECHNICAL = (
    "Method",
    "Timeout",
    "Reconcile url",
    "idempotency_key",
    "Idempotency key",
    "Given:",
    "Attempt 1",
    "upstream down",  # the service's raw answer
    "Service Unavailable",
)


@pytest.fixture
def echoing_api():
    server = EchoingApi().start()
    yield server
    server.stop()


def order(number: str) -> dict:
    return {"order": {"number": number, "amount": 250.0, "customer": "Aling Nena"}}


def open_order(window, qtbot, run_id: str, step: str, state: str):  # noqa: ANN201
    window.open_run(run_id)
    page = window.runs.detail

    def shown() -> bool:  # the step's row, made from a read that saw ``state``
        steps = (page.detail or {}).get("steps", [])
        return step in page.timeline.rows and any(
            s["name"] == step and s["state"] == state for s in steps
        )

    qtbot.waitUntil(shown, timeout=20000)
    return page, page.timeline.rows[step]


def test_a_failed_step_says_what_happened_and_what_to_do_with_the_raw_detail_folded(
    gui, qtbot, echoing_api
):
    ctx, window = gui
    token = canary()
    with ctx.db.write() as s:
        connections.save(s, "pay", "http", {"base_url": echoing_api.url}, {"token": token})
    literal = canary()  # typed into the step's own headers: masked by its key
    save(
        ctx.db,
        {
            "name": "charge",
            "business_key": "{{ trigger.order.number }}",
            "steps": [
                {
                    "name": "charge",
                    "title": "Charge card",
                    "type": "http_request",
                    "config": {
                        "connection": "pay",
                        "method": "POST",
                        "url": "/e503",
                        "headers": {"X-Api-Key": literal},
                        "body": {"amount": "{{ trigger.order.amount }}"},
                        "timeout": 5,
                    },
                    "retry": {"max_attempts": 2, "initial_delay": 0.05, "max_delay": 0.1},
                }
            ],
            "edges": [],
        },
    )
    run_id = ctx.store.start_run("charge", order("7001"))
    wait_for(lambda: run_status(ctx.db, run_id) == "needs_attention", 30)
    # the service really quoted the token in its answer
    assert any(token in r["headers"].get("Authorization", "") for r in echoing_api.requests)
    _page, row = open_order(window, qtbot, run_id, "charge", "needs_attention")
    qtbot.waitUntil(lambda: row.story.isVisible(), timeout=5000)
    said = row.story.text()
    assert said.startswith("The card was not charged: the payment service had a problem")
    assert "Since " in said and "What to do: Retry when the payment service works again" in said
    for word in TECHNICAL:
        assert word not in said, word
    fold = row.technical
    assert not fold.button.isChecked() and not fold.body.isVisible()  # closed by default
    qtbot.mouseClick(fold.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fold.body.isVisible(), timeout=5000)
    raw = fold.body.text()
    assert "Given:" in raw and "Method: POST" in raw and "Attempt 2" in raw
    assert "upstream down" in raw and "Idempotency key: daloy-" in raw
    assert token not in raw and literal not in raw and "[hidden]" in raw
    # nothing secret anywhere on the page either
    texts = [w.text() for w in window.runs.detail.findChildren(type(row.story))]
    assert not [t for t in texts if token in t or literal in t]


def test_a_done_step_says_what_it_did_and_when(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=2))
    run_id = ctx.store.start_run("charge", order("7002"))
    wait_for(lambda: run_status(ctx.db, run_id) == "succeeded", 30)
    _page, row = open_order(window, qtbot, run_id, "charge", "succeeded")
    qtbot.mouseClick(row.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.story.isVisible(), timeout=5000)
    assert row.story.text().startswith("Done today at ")  # a moment as the operator says it
    assert row.story.text().endswith(": the card was charged.")
    assert not row.technical.body.isVisible()
    for word in TECHNICAL:
        assert word not in row.story.text(), word


@pytest.fixture(params=["en", "fil"])
def spoken(request: pytest.FixtureRequest) -> str:
    """English, and Filipino (longer) through ``test_filipino``'s fixture, set up before the
    window is built."""
    if request.param == "fil":
        request.getfixturevalue("filipino")
    return request.param


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_an_opened_step_fits_with_its_detail_closed_and_open(
    spoken, gui, qtbot, payment_gateway, size, tmp_path
):
    """Checked as ``test_small_screens`` checks every page, in English and in Filipino; a PNG
    of each for people to read (``DALOY_SCREENSHOTS=folder``, else the test's temporary
    folder)."""
    ctx, window = gui
    if spoken == "fil":
        assert language.current().apply(language.FILIPINO)
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=2))
    payment_gateway.fail_next(2, "503")
    run_id = ctx.store.start_run("charge", order("7003"))
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() <= size[0] and window.height() <= size[1], timeout=5000)
    page, row = open_order(window, qtbot, run_id, "charge", "needs_attention")
    qtbot.waitUntil(lambda: row.story.isVisible(), timeout=5000)
    qtbot.wait(200)  # the splitter's first layout at this size
    window.grab().save(str(out / f"order-step-{spoken}-{size[0]}x{size[1]}.png"))
    assert clipped(window, window.runs) == []
    qtbot.mouseClick(row.technical.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.technical.body.isVisible(), timeout=5000)
    qtbot.wait(200)
    window.grab().save(str(out / f"order-step-{spoken}-{size[0]}x{size[1]}-technical.png"))
    assert clipped(window, window.runs) == []
    # the step's state, attempts and time stay in view beside the opened detail
    view = page.timeline.viewport().rect()
    for label in (row.state, row.tries, row.time):
        right = label.mapTo(page.timeline.viewport(), label.rect().topRight())
        assert view.contains(right), label.objectName()


def _step(state: str, **more: object) -> dict:
    return {
        "name": "charge",
        "title": "Charge card",
        "type": "http_request",
        "state": state,
        "attempts": 1,
        "max_attempts": 3,
        "port": None,
        "input": {"method": "POST", "url": "https://pay.example.com/charges", "timeout": 5},
        "output": None,
        "error": None,
        "started_at": 1_700_000_000.0,
        "finished_at": None,
        "next_attempt_at": None,
        "waiting_on": None,
        "attempt_log": [],
        **more,
    }


@pytest.mark.parametrize(
    ("step", "said"),
    [
        (_step("pending"), "Not started yet: it waits for the steps before it."),
        (_step("ready"), "About to start."),
        (_step("running"), "Working on it since "),
        (_step("skipped"), "Skipped: the order went on without this step."),
        (_step("cancelled"), "Not done: the order was cancelled."),
        (
            _step("succeeded", finished_at=1_700_000_001.0, output={"status": 201}),
            ": the card was charged.",
        ),
        (
            _step(
                "retry_wait",
                error="https://pay.example.com/charges answered 503 Service Unavailable",
                next_attempt_at=1_700_000_060.0,
                attempt_log=[
                    {
                        "number": 1,
                        "started_at": 1_700_000_000.0,
                        "finished_at": 1_700_000_001.0,
                        "outcome": "retryable",
                        "error": "https://pay.example.com/charges answered 503 Service Unavailable",
                    }
                ],
            ),
            "Daloy tries again by itself ",
        ),
    ],
    ids=lambda v: v["state"] if isinstance(v, dict) else "",
)
def test_every_state_of_a_step_is_said_in_a_sentence_without_its_settings(
    qapp, step: dict, said: str
) -> None:
    from app.ui.step_story import story

    text = story(step, {"id": "r1", "workflow": "charge", "status": "running"})
    assert said in text
    for word in ("Method", "Timeout", "Url", "pay.example.com", "Service Unavailable", "{"):
        assert word not in text, word


def test_a_question_waiting_for_an_answer_says_the_choices(qapp) -> None:
    from app.store.explain import explain_item
    from app.ui.step_story import story

    item = {
        "kind": "decision",
        "title": "Substitute or backorder?",
        "reason": "",
        "detail": {
            "question": "Only 3 of 5 in stock: substitute or backorder?",
            "options": [{"name": "s", "label": "Substitute"}, {"name": "b", "label": "Backorder"}],
        },
    }
    explained = {"kind": "decision", "explanation": explain_item(item)}
    text = story(_step("needs_attention", type="ask_person"), {"id": "r1"}, explained)
    assert text.startswith("Only 3 of 5 in stock: substitute or backorder?\nSince ")
    assert text.endswith("The order waits for your answer: Substitute, Backorder.")
    assert "What to do" not in text


def test_a_done_question_or_check_says_the_answer_not_the_ports_name(qapp) -> None:
    """Which way an order went on from a decision is said by the choice's label, from a check
    by yes or no — "Went on by: backorder" / "Went on by: false" is the workflow's wiring."""
    from app.ui.step_story import story

    done = {"state": "succeeded", "finished_at": 1_700_000_000.0}
    options = [
        {"name": "backorder", "label": "Backorder: ship what we have, the rest later"},
        {"name": "cancel", "label": "Cancel the order (nothing is charged)"},
    ]
    asked = _step(**done, name="ask_stock", type="ask_person", port="backorder")
    asked |= {"title": "Not enough stock: ask what to do", "input": {"options": options}}
    checked = _step(**done, name="stock_ok", type="condition", port="false")
    checked |= {"title": "Is every line in stock?", "input": {"expression": "{{ x }}"}}
    run = {"id": "r1", "workflow": "Order fulfilment", "status": "running"}
    assert story(asked, run).endswith("\nChosen: Backorder: ship what we have, the rest later")
    assert story(checked, run).endswith("\nAnswer: no")
    assert story(checked | {"port": "true"}, run).endswith("\nAnswer: yes")
    for text in (story(asked, run), story(checked, run)):
        assert "Went on by" not in text
    # a port with no words of its own is still said as it is
    assert story(_step(**done, port="error"), run).endswith("\nWent on by: error")


def test_a_question_waiting_for_the_operator_is_not_counted_as_a_try_of_several(qapp) -> None:
    """The Attempts column: a failed step says how many of its tries Daloy used; a question
    waiting for the operator was asked once, and “1 of 3” read as if Daloy would ask again."""
    from app.ui.timeline import tries_text

    asked = _step("needs_attention", type="ask_person") | {"attempts": 1, "max_attempts": 3}
    failed = _step("needs_attention", type="http_request") | {"attempts": 1, "max_attempts": 3}
    waiting = _step("retry_wait", type="http_request") | {"attempts": 2, "max_attempts": 5}
    assert tries_text(asked) == "1"
    assert tries_text(failed) == "1 of 3"
    assert tries_text(waiting) == "2 of 5"


def test_a_step_that_waits_as_asked_reads_as_waiting_not_as_a_failure(gui, qtbot):
    """A step that waits because that is its job (a wait of an hour; another workflow's order
    it started, a backorder that waits for stock) is “Waiting”, with no tries counted and
    nothing said of trying again: it read “Waiting to try again · 1 of 3” and “could not
    finish … tried once. Daloy tries again by itself”, a failure, for a backorder."""
    ctx, window = gui
    for name, step in (
        ("Backorder", {"name": "later", "type": "wait", "config": {"seconds": 3600}}),
        (
            "Shop",
            {
                "name": "rest",
                "type": "sub_workflow",
                "config": {"workflow": "Backorder", "input": {"order": {"number": "7003-B"}}},
            },
        ),
    ):
        save(
            ctx.db,
            {
                "name": name,
                "business_key": "{{ trigger.order.number }}",
                "steps": [step],
                "edges": [],
            },
        )
    run_id = ctx.store.start_run("Shop", order("7003"))

    def child() -> str | None:
        with ctx.db.read() as s:
            return s.scalar(select(Run.id).where(Run.parent_run_id == run_id))

    wait_for(lambda: child() is not None, 30)
    for run, step, said in (
        (run_id, "rest", "Waiting for 1 of 1 “Backorder” runs."),
        (child(), "later", "Waiting until "),
    ):
        page, row = open_order(window, qtbot, run, step, "retry_wait")
        assert (row.state.text(), row.tries.text()) == ("Waiting", "—")
        # the order's sentence says what it waits for, not its safety-net re-check's time
        assert page.why.text().startswith(said) and "next check" not in page.why.text()
        qtbot.waitUntil(lambda row=row: row.story.isVisible(), timeout=5000)  # opened: waiting
        story = row.story.text()
        assert story.startswith(said), story
        assert story.endswith("It goes on by itself: nothing to do for now."), story
        assert "could not finish" not in story and "tries again" not in story
