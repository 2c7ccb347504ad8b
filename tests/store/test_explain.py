import time

from app.store.explain import why

NOW = time.time()


def run(status, steps=(), inbox=(), finished=None):
    return {
        "status": status,
        "created_at": NOW - 10,
        "finished_at": finished,
        "steps": list(steps),
        "inbox": list(inbox),
    }


def test_done():
    assert why(run("succeeded", finished=NOW - 5.8)) == "Done in 4.2 s."
    assert why(run("succeeded", finished=NOW - 9.965)) == "Done in 35 ms."


def test_waiting_for_a_decision():
    r = run(
        "needs_attention",
        inbox=[
            {
                "status": "open",
                "kind": "decision",
                "created_at": NOW,
                "title": "Stock short for SKU-12",
                "reason": "x",
            }
        ],
    )
    assert why(r).startswith("Waiting for you: Stock short for SKU-12 (since ")


def test_waiting_for_a_system():
    step = {
        "name": "charge",
        "state": "retry_wait",
        "attempts": 2,
        "max_attempts": 5,
        "error": "503",
        "next_attempt_at": NOW + 60,
        "input": {"url": "http://pay.example/charges"},
    }
    assert why(run("waiting", [step])).startswith(
        "Waiting for pay.example (charge): attempt 3 of 5 at "
    )


def test_failed_step_and_cancel_and_working():
    r = run(
        "needs_attention",
        inbox=[
            {
                "status": "open",
                "kind": "step_failed",
                "created_at": NOW,
                "title": "t",
                "reason": "Charge failed after 5 attempts",
            }
        ],
    )
    assert "Charge failed after 5 attempts" in why(r)
    assert why(run("cancelled")) == "Cancelled."
    assert (
        why(run("running", [{"name": "check_stock", "state": "running"}]))
        == "Working: check stock."
    )
