"""The state machine, exhaustively: random DAGs and random outcomes."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import machine as m
from app.core.model import Edge, Step, Workflow


@st.composite
def dags(draw):
    n = draw(st.integers(1, 8))
    names = [f"s{i}" for i in range(n)]
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            if draw(st.integers(0, 3)) == 0:
                edges.append(
                    Edge(names[i], draw(st.sampled_from(["out", "true", "false"])), names[j])
                )
    return Workflow("w", [Step(x, "transform") for x in names], edges)


def simulate(wf, rng, fail_prob=0.0):
    """Drive a run to rest, checking invariants at every step."""
    states = m.initial(wf)
    ports = {}
    for _ in range(200):
        facts = {n: m.StepFact(s, ports.get(n)) for n, s in states.items()}
        for name, new in m.advance(wf, facts).items():
            # never ready before every input is final
            assert all(states[e.source] in m.FINAL for e in wf.incoming(name))
            m.check_transition(states[name], new)
            states[name] = new
        ready = [n for n, s in states.items() if s == m.READY]
        if not ready:
            break
        name = rng.choice(ready)
        m.check_transition(m.READY, m.RUNNING)
        if rng.random() < fail_prob:
            states[name] = m.NEEDS_ATTENTION
        else:
            states[name] = m.SUCCEEDED
            ports[name] = rng.choice(["out", "true", "false"])
    return states


@settings(max_examples=300, deadline=None)
@given(dags(), st.integers(0, 10**6))
def test_every_run_reaches_a_final_state_when_steps_succeed(wf, seed):
    states = simulate(wf, random.Random(seed))
    assert all(s in m.FINAL for s in states.values()), states
    assert m.run_status(states) == m.RUN_SUCCEEDED


@settings(max_examples=300, deadline=None)
@given(dags(), st.integers(0, 10**6))
def test_steps_downstream_of_needs_attention_are_held(wf, seed):
    states = simulate(wf, random.Random(seed), fail_prob=0.3)
    for name, s in states.items():
        if s == m.NEEDS_ATTENTION:
            for d in wf.downstream(name):
                assert states[d] in (m.PENDING, m.SKIPPED), (d, states)
            assert m.run_status(states) == m.RUN_NEEDS_ATTENTION
    held = m.held(wf, states)
    assert all(states[h] == m.PENDING for h in held)


def test_condition_branch_skips_the_other_side():
    wf = Workflow(
        "w",
        [Step("c", "condition"), Step("yes", "t"), Step("no", "t"), Step("end", "t")],
        [
            Edge("c", "true", "yes"),
            Edge("c", "false", "no"),
            Edge("yes", "out", "end"),
            Edge("no", "out", "end"),
        ],
    )
    states = m.initial(wf)
    states["c"] = m.SUCCEEDED
    ch = m.advance(wf, {n: m.StepFact(s, "true" if n == "c" else None) for n, s in states.items()})
    assert ch == {"yes": m.READY, "no": m.SKIPPED}


def test_illegal_transitions_raise():
    import pytest

    with pytest.raises(m.IllegalTransition):
        m.check_transition(m.SUCCEEDED, m.READY)
    with pytest.raises(m.IllegalTransition):
        m.check_transition(m.PENDING, m.SUCCEEDED)  # never ran
    with pytest.raises(m.IllegalTransition):
        m.check_transition(m.RUNNING, m.PENDING, reset=True)  # a restart waits for it


def test_combined_transitions_are_two_allowed_ones_in_one_transaction():
    for old, new in m.COMBINED:
        m.check_transition(old, m.READY)
        m.check_transition(m.READY, new)
        m.check_transition(old, new)


def test_a_restart_may_reset_final_steps_only_when_it_says_so():
    import pytest

    for final in m.FINAL:
        with pytest.raises(m.IllegalTransition):
            m.check_transition(final, m.PENDING)
        m.check_transition(final, m.PENDING, reset=True)
        m.check_transition(final, m.READY, reset=True)


def test_restart_from_resets_downstream():
    wf = Workflow(
        "w", [Step(x, "t") for x in "abc"], [Edge("a", "out", "b"), Edge("b", "out", "c")]
    )
    states = {"a": m.SUCCEEDED, "b": m.SUCCEEDED, "c": m.NEEDS_ATTENTION}
    assert m.restart_from(wf, states, "b") == {"b": m.READY, "c": m.PENDING}


def test_run_status_derivation():
    assert m.run_status({"a": m.RETRY_WAIT, "b": m.PENDING}) == m.RUN_WAITING
    assert m.run_status({"a": m.RUNNING, "b": m.NEEDS_ATTENTION}) == m.RUN_NEEDS_ATTENTION
    assert m.run_status({"a": m.CANCELLED}, cancelled=True) == m.RUN_CANCELLED
