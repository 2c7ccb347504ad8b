"""Holds across orders against the real local payment gateway and real SQLite files: matching
orders stop before the step named, show why and since when, arriving ones are held too, and
all go on, in order, when the hold is released."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import machine as m
from app.store import holds
from app.store.runs import ActionRefused
from tests.support.engine import charge_workflow, run_status, save, step_state, wait_for

HELD_SKU = "COFFEE-3IN1"


def order(i: int, sku: str) -> dict:
    return {
        "order": {
            "number": f"H{i:03}",
            "amount": 50 + i,
            "customer": {"name": f"C{i}"},
            "lines": [{"sku": "RICE-25", "qty": 1}, {"sku": sku, "qty": 2}],
        }
    }


def test_held_sku_waits_before_the_named_step_and_goes_on_when_released(rt, payment_gateway):
    gw = payment_gateway
    save(rt.db, charge_workflow(gw.url))
    rule = rt.actions.add_hold(
        sku="coffee-3in1", before_step="charge", note="until restocked", who="maria"
    )
    assert rule.describe() == "every order with coffee-3in1 before “charge” — until restocked"
    skus = [HELD_SKU if i % 4 == 1 else "SUGAR-1" for i in range(20)]
    ids = [rt.store.start_run("charge", order(i, sku)) for i, sku in enumerate(skus)]
    held = [r for r, sku in zip(ids, skus, strict=True) if sku == HELD_SKU]
    free = [r for r in ids if r not in held]
    for r in free:
        wait_for(lambda r=r: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
    for r in held:
        wait_for(lambda r=r: step_state(rt.db, r, "charge") == (m.RETRY_WAIT, 0), 30)
        assert step_state(rt.db, r, "total")[0] == m.SUCCEEDED  # stopped before charge
        assert run_status(rt.db, r) == m.RUN_WAITING
        assert gw.charge_count(f"daloy-{r}-charge") == 0
    with rt.db.read() as s:
        from app.store.explain import why
        from app.store.queries import run_detail

        said = why(run_detail(s, held[0]))
    assert said.startswith("Held since ") and "every order with coffee-3in1 before" in said
    # An order that arrives during the hold is held as it reaches the step.
    late = rt.store.start_run("charge", order(77, HELD_SKU))
    wait_for(lambda: step_state(rt.db, late, "charge") == (m.RETRY_WAIT, 0), 30)
    with rt.db.read() as s:
        assert [n for _r, n in holds.listed(s)] == [6]
    assert rt.actions.release_hold(rule.id, who="maria") == 6
    everyone = [*held, late]
    for r in everyone:
        wait_for(lambda r=r: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
        assert gw.charge_count(f"daloy-{r}-charge") == 1
    assert rt.db.execute_sql(
        "select action, who from audit where action like 'hold_%' order by id"
    ) == [("hold_added", "maria"), ("hold_released", "maria")]
    with pytest.raises(ActionRefused, match="already released by maria"):
        rt.actions.release_hold(rule.id)


def test_a_hold_by_customer_stops_at_the_next_step(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url))
    rule = rt.actions.add_hold(customer="c3", workflow="charge")
    ids = [rt.store.start_run("charge", order(i, "SUGAR-1")) for i in range(5)]
    wait_for(lambda: step_state(rt.db, ids[3], "total") == (m.RETRY_WAIT, 0), 30)
    for i, r in enumerate(ids):
        if i != 3:
            wait_for(lambda r=r: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
    rt.actions.release_hold(rule.id)
    wait_for(lambda: run_status(rt.db, ids[3]) == m.RUN_SUCCEEDED, 30)


def test_a_hold_needs_a_rule(rt):
    with pytest.raises(ActionRefused, match="Say which orders to hold"):
        rt.actions.add_hold(before_step="charge")
    with pytest.raises(ActionRefused, match="There is no hold 42"):
        rt.actions.release_hold(42)


@settings(max_examples=60, deadline=None)
@given(
    trigger=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3),
        max_leaves=12,
    ),
    sku=st.text(min_size=1, max_size=8),
)
def test_matching_any_trigger_never_raises(trigger, sku):
    rule = holds.HoldRule(1, sku, None, None, None, "", 0.0, "t")
    found = holds.matches(rule, workflow="w", step="s", trigger=trigger)
    lines = {"order": {"lines": [{"sku": sku}], "other": trigger}}
    assert holds.matches(rule, workflow="w", step="s", trigger=lines)
    assert found in (True, False)


def test_hold_from_the_command_line_is_seen_by_the_runner(rt, payment_gateway, data_dir, capsys):
    """`daloy hold add|list|release` in its own database connection (as another process would):
    the runner picks the hold up at its next look, and the release."""
    import logging

    from app.cli import main

    def daloy(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), "hold", *args])
        out, err = capsys.readouterr()
        return code, out, err

    save(rt.db, charge_workflow(payment_gateway.url))
    try:
        code, out, _ = daloy(
            "add",
            "--sku",
            HELD_SKU,
            "--workflow",
            "charge",
            "--before-step",
            "charge",
            "--note",
            "until restocked",
        )
        assert code == 0 and out.startswith(
            "Hold 1 is on: every order of “charge” with "
            f"{HELD_SKU} before “charge” — until restocked."
        )
        code, _, err = daloy("add", "--sku", "X", "--workflow", "charge", "--before-step", "Chrage")
        assert code != 0 and "has no step “Chrage” (its steps: total, charge, confirm)" in err
        wait_for(lambda: rt.holds.active, 10)  # the runner's next look
        held = rt.store.start_run("charge", order(1, HELD_SKU))
        wait_for(lambda: step_state(rt.db, held, "charge") == (m.RETRY_WAIT, 0), 30)
        code, out, _ = daloy("list")
        assert code == 0 and "1 order held" in out
        code, out, _ = daloy("release", "1")
        assert out.strip() == "Hold 1 released: 1 order goes on, oldest first."
        wait_for(lambda: run_status(rt.db, held) == m.RUN_SUCCEEDED, 30)
        code, _, err = daloy("release", "1")
        assert code != 0 and "already released" in err
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "baseFilename", None):
                root.removeHandler(h)
                h.close()
        root.__dict__.pop("_daloy_configured", None)
