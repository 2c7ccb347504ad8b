"""Mutated workflow files never crash the loader or the validator: the loader either loads or
raises its own ``WorkflowFormatError`` in words, and the validator always answers with a list of
problems (never its last-resort "could not be checked" problem)."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import WorkflowFormatError
from app.core.model import Workflow
from app.core.validation import Problem, validate
from app.intake import trigger_registry
from app.steps import registry

SPECS = registry().specs
TRIGGERS = trigger_registry()
SAMPLES = [
    json.loads(p.read_text(encoding="utf-8"))
    for p in sorted((Path(__file__).parents[2] / "resources" / "workflows").glob("*.json"))
]


def _nested(depth: int) -> Any:
    value: Any = "{{ trigger.x }}"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


# Values the loader accepts and the validator must judge ...
ODD_VALUES = (
    st.sampled_from(
        [
            math.nan,
            math.inf,
            -math.inf,
            10**400,
            -(2**63),
            2**64,
            0,
            -1,
            1e308,
            True,
            None,
            "",
            [],
            {},
            [None],
            [{}],
            {"": None},
            "Ω\u202eevil\u0000",
            "x" * 10_000,
            _nested(50),
            "{{ 9**(9**9) }}",
            "{{ steps.items.output }}",
            "{% for %}",
            "{{ " + "(" * 300 + " }}",
            "copy",
            "_x",
            "items",
            ["a", 1, None],
            {"name": ["x"]},
            [{"name": None}],
            3.5,
        ]
    ).map(copy.deepcopy)
    | st.text(max_size=20)
    | st.integers()
)
# ... and values it refuses (lone surrogates, nesting beyond its limit), drawn less often.
REFUSED_VALUES = st.sampled_from(["\ud800", "\udfff lone", 150, 600]).map(
    lambda v: _nested(v) if isinstance(v, int) else v
)


def _value(data: st.DataObject) -> Any:
    # copies (above): a mutation must not change the value the next example draws
    return data.draw(REFUSED_VALUES if data.draw(st.integers(0, 9)) == 0 else ODD_VALUES)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place in a JSON value: key paths into dicts and lists."""
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*path, i))
    return found


def _mutate(doc: Any, data: st.DataObject) -> Any:
    paths = _paths(doc)
    # mostly inside settings, where the loader lets anything through to the validator
    inner = [
        p
        for p in paths
        if len(p) > 2 and p[0] in ("steps", "triggers") and p[2] in ("config", "retry")
    ]
    path = data.draw(st.sampled_from(inner if inner and data.draw(st.booleans()) else paths))
    if not path:
        return data.draw(st.sampled_from([_value(data), [doc]]))
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    action = data.draw(st.sampled_from(["delete", "replace", "swap", "wrap", "insert"]))
    if action == "delete":
        del parent[key]
    elif action == "replace":
        parent[key] = _value(data)
    elif action == "swap":  # a dict where a list was and the other way round
        v = parent[key]
        parent[key] = (
            list(v.values())
            if isinstance(v, dict)
            else {str(i): x for i, x in enumerate(v)}
            if isinstance(v, list)
            else [v]
        )
    elif action == "wrap":
        parent[key] = _nested(data.draw(st.sampled_from([1, 5, 40, 1, 5, 40, 600])))
    elif isinstance(parent, dict):
        parent[
            data.draw(
                st.sampled_from(
                    [
                        "retry",
                        "position",
                        "config",
                        "port",
                        "title",
                        "from",
                        "to",
                        "extra",
                        "",
                        "\ud800",
                    ]
                )
            )
        ] = _value(data)
    else:
        parent.insert(key, _value(data))
    return doc


def _load(doc: Any, as_text: bool) -> Workflow | None:
    try:
        if as_text:
            try:
                text = json.dumps(doc, ensure_ascii=False)
            except (ValueError, RecursionError):
                return None  # not writable as a file at all
            return Workflow.from_json(text.encode("utf-8", "surrogatepass"))
        return Workflow.from_dict(doc)
    except WorkflowFormatError as exc:
        assert str(exc).endswith((".", "?")), exc
        return None


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(range(len(SAMPLES))), st.integers(1, 4), st.booleans(), st.data())
def test_mutated_workflows_never_crash_loader_or_validator(sample, mutations, as_text, data):
    doc = copy.deepcopy(SAMPLES[sample])
    for _ in range(mutations):
        doc = _mutate(doc, data)
    wf = _load(doc, as_text)
    if wf is None:
        return
    problems = validate(wf, SPECS, TRIGGERS, connections={"shop-mail"})
    assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)
    assert not any("could not be checked" in p.message for p in problems), problems
    for p in problems:
        assert str(p).endswith((".", ")")), p  # a sentence
    # what loads can be saved again (nothing lost), though NaN only as the JSON extension
    wf.to_json()


def test_the_samples_themselves_are_valid():
    for doc in SAMPLES:
        assert [
            p for p in validate(Workflow.from_dict(doc), SPECS, TRIGGERS) if p.severity == "error"
        ] == []


def test_deeply_nested_text_is_refused_in_words():
    text = '{"format_version": 1, "name": "t", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    try:
        Workflow.from_json(text)
    except WorkflowFormatError as exc:
        assert "nested" in str(exc)
    else:
        raise AssertionError("a 100,000-level file loaded")
    doc = {
        "format_version": 1,
        "name": "t",
        "steps": [{"name": "a", "type": "transform", "config": {"values": _nested(600)}}],
    }
    for load in (lambda: Workflow.from_dict(doc), lambda: Workflow.from_json(json.dumps(doc))):
        try:
            load()
        except WorkflowFormatError as exc:
            assert "more than 100 levels" in str(exc)
        else:
            raise AssertionError("a 600-level workflow loaded")
