"""Workflow JSON format: lossless round trip, refusals in words."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import WorkflowFormatError
from app.core.model import FORMAT_VERSION, Workflow

names = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@st.composite
def workflow_dicts(draw):
    step_names = draw(st.lists(names, min_size=0, max_size=6, unique=True))
    steps = []
    for n in step_names:
        s = {"name": n, "type": draw(st.sampled_from(["transform", "condition", "x"]))}
        if draw(st.booleans()):
            s["title"] = draw(st.text(min_size=1, max_size=10))
        s["config"] = draw(st.dictionaries(names, json_values, max_size=3))
        if draw(st.booleans()):
            s["retry"] = {"max_attempts": draw(st.integers(1, 9))}
        if draw(st.booleans()):
            s["position"] = [draw(st.floats(-1e4, 1e4)), draw(st.floats(-1e4, 1e4))]
        steps.append(s)
    edges = []
    for i, a in enumerate(step_names):
        for b in step_names[i + 1 :]:
            if draw(st.booleans()):
                edges.append({"from": a, "port": draw(st.sampled_from(["out", "true"])), "to": b})
    d = {
        "format_version": FORMAT_VERSION,
        "name": draw(st.text(min_size=1, max_size=20).filter(lambda t: t.strip() == t and t)),
    }
    if draw(st.booleans()):
        d["description"] = draw(st.text(min_size=1, max_size=20))
    d["business_key"] = draw(st.sampled_from(["", "{{ trigger.order.number }}"]))
    d["triggers"] = (
        [{"id": "t1", "type": "manual", "enabled": draw(st.booleans()), "config": {}}]
        if draw(st.booleans())
        else []
    )
    d["steps"] = steps
    d["edges"] = edges
    if draw(st.booleans()):
        d["sample_input"] = draw(json_values)
    return d


@settings(max_examples=200, deadline=None)
@given(workflow_dicts())
def test_load_then_save_is_lossless(d):
    assert Workflow.from_dict(d).to_dict() == d
    text = Workflow.from_dict(d).to_json()
    assert Workflow.from_json(text).to_dict() == d


def test_newer_format_is_refused_with_a_sentence():
    with pytest.raises(WorkflowFormatError, match="newer Daloy"):
        Workflow.from_dict({"format_version": FORMAT_VERSION + 1, "name": "x"})


@pytest.mark.parametrize(
    "text, words",
    [
        ("{not json", "not valid JSON"),
        ("[]", "one JSON object"),
        ('{"name": "x"}', "format_version"),
        ('{"format_version": 1}', "needs a name"),
        ('{"format_version": 1, "name": "x", "steps": [{"type": "t"}]}', "has no name"),
        (
            '{"format_version": 1, "name": "x", "steps": [{"name": "a", "type": "t", "config": 3}]}',
            "must be an object",
        ),
        ('{"format_version": 1, "name": "x", "edges": [{"from": "a"}]}', "needs “from” and “to”"),
        (
            '{"format_version": 1, "name": "x", "steps": [{"name": "a", "type": "t", "position": [1]}]}',
            "two numbers",
        ),
    ],
)
def test_malformed_files_give_clear_errors(text, words):
    with pytest.raises(WorkflowFormatError, match=words):
        Workflow.from_json(text)


def test_graph_queries():
    wf = Workflow.from_dict(
        {
            "format_version": 1,
            "name": "g",
            "steps": [{"name": n, "type": "transform", "config": {}} for n in "abcd"],
            "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "a", "to": "d"}],
        }
    )
    assert wf.entry_steps() == ["a"]
    assert wf.downstream("a") == ["b", "c", "d"]
    assert wf.upstream("c") == ["a", "b"]
    assert json.loads(wf.to_json())["edges"][0] == {"from": "a", "port": "out", "to": "b"}
