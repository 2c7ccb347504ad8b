"""The workflow model and its JSON format.

A workflow is a directed acyclic graph of named steps. Edges go from a step's named output port to
another step. Load then save is lossless: keys this version does not know are kept in ``extra``.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import WorkflowFormatError

FORMAT_VERSION = 1
# A letter first: ``steps._x`` is refused by the template sandbox (private) and reads nothing.
STEP_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_DEPTH = 100  # nesting of objects and lists in a workflow file; real ones stay under 20


@dataclass
class Step:
    name: str  # unique in the workflow; templates say steps.<name>.output
    type: str
    config: dict[str, Any] = field(default_factory=dict)
    title: str = ""  # label on the canvas; defaults to the name
    retry: dict[str, Any] = field(default_factory=dict)  # overrides of the type's policy
    position: tuple[float, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.title or self.name.replace("_", " ").capitalize()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.title:
            d["title"] = self.title
        d["config"] = copy.deepcopy(self.config)
        if self.retry:
            d["retry"] = dict(self.retry)
        if self.position is not None:
            d["position"] = [self.position[0], self.position[1]]
        d.update(copy.deepcopy(self.extra))
        return d


@dataclass(frozen=True)
class Edge:
    source: str
    port: str
    target: str

    def to_dict(self) -> dict[str, str]:
        return {"from": self.source, "port": self.port, "to": self.target}


@dataclass
class Trigger:
    id: str
    type: str  # "imap", "webform", "webhook", "marketplace", "schedule", "manual"
    config: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "type": self.type,
            "enabled": self.enabled,
            "config": copy.deepcopy(self.config),
        }
        d.update(copy.deepcopy(self.extra))
        return d


@dataclass
class Workflow:
    name: str
    steps: list[Step] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    description: str = ""
    business_key: str = ""  # template, e.g. "{{ trigger.order.number }}"
    # Where the order's total comes from when the trigger carries none (the Orders list's
    # Total): a template, e.g. "{{ steps.plan.output.total }}"; "" leaves the trigger's.
    order_total: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    # -- lookups ---------------------------------------------------------------------------
    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    def existing_step(self, name: str) -> Step:
        """The step called ``name``, for a caller that took the name from this workflow."""
        found = self.step(name)
        if found is None:
            raise KeyError(f"workflow {self.name!r} has no step {name!r}")
        return found

    def step_names(self) -> list[str]:
        return [s.name for s in self.steps]

    def incoming(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.target == name]

    def outgoing(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.source == name]

    def entry_steps(self) -> list[str]:
        targets = {e.target for e in self.edges}
        return [s.name for s in self.steps if s.name not in targets]

    def downstream(self, name: str) -> list[str]:
        """Every step reachable from ``name`` (not including it), in workflow order."""
        seen: set[str] = set()
        stack = [name]
        while stack:
            cur = stack.pop()
            for e in self.outgoing(cur):
                if e.target not in seen:
                    seen.add(e.target)
                    stack.append(e.target)
        return [s for s in self.step_names() if s in seen]

    def upstream(self, name: str) -> list[str]:
        seen: set[str] = set()
        stack = [name]
        while stack:
            cur = stack.pop()
            for e in self.incoming(cur):
                if e.source not in seen:
                    seen.add(e.source)
                    stack.append(e.source)
        return [s for s in self.step_names() if s in seen]

    # -- JSON --------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"format_version": FORMAT_VERSION, "name": self.name}
        if self.description:
            d["description"] = self.description
        d["business_key"] = self.business_key
        if self.order_total:  # written only when set: older files stay byte for byte
            d["order_total"] = self.order_total
        d["triggers"] = [t.to_dict() for t in self.triggers]
        d["steps"] = [s.to_dict() for s in self.steps]
        d["edges"] = [e.to_dict() for e in self.edges]
        d.update(copy.deepcopy(self.extra))
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> Workflow:
        return _parse(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Workflow:
        """The workflow in ``text``; anything wrong raises ``WorkflowFormatError`` in words."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise WorkflowFormatError(f"The workflow file is not valid JSON: {exc}.") from exc
        except RecursionError as exc:
            raise WorkflowFormatError(
                f"The workflow file is nested more than {MAX_DEPTH} levels deep; is it a Daloy "
                "workflow?"
            ) from exc
        except TypeError as exc:
            raise WorkflowFormatError("A workflow file must be text.") from exc
        return _parse(data)

    def copy(self) -> Workflow:
        return _parse(self.to_dict())


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise WorkflowFormatError(message)


_JSON_LEAVES = (str, int, float, bool, type(None))


def _check_json_shape(data: Any) -> None:
    """Refuse what JSON cannot hold or Daloy cannot store, before anything recurses into it:
    nesting deeper than ``MAX_DEPTH``, names that are not text, values that are not JSON, text
    that is not valid Unicode (a lone surrogate cannot be written to the database)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not _is_unicode(value):
                shown = value[:40].encode("utf-8", "replace").decode()
                raise WorkflowFormatError(
                    f"The workflow file holds text that is not valid Unicode (near “{shown}”)."
                )
        elif isinstance(value, dict | list | tuple):
            _need(
                depth < MAX_DEPTH,
                f"The workflow file is nested more than {MAX_DEPTH} levels deep; is it a "
                "Daloy workflow?",
            )
            if isinstance(value, dict):
                _need(
                    all(isinstance(k, str) for k in value),
                    "Every name in a workflow file must be text.",
                )
                stack.extend((k, depth + 1) for k in value)
                stack.extend((v, depth + 1) for v in value.values())
            else:
                stack.extend((v, depth + 1) for v in value)
        else:
            _need(
                isinstance(value, _JSON_LEAVES),
                f"The workflow holds a value JSON cannot hold ({type(value).__name__}).",
            )


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse(data: Any) -> Workflow:
    _need(isinstance(data, dict), "A workflow file must hold one JSON object.")
    _check_json_shape(data)
    data = copy.deepcopy(data)
    version = data.pop("format_version", None)
    _need(version is not None, "The workflow file has no “format_version”; is it a Daloy workflow?")
    _need(
        isinstance(version, int) and not isinstance(version, bool),
        "“format_version” must be a whole number.",
    )
    if version > FORMAT_VERSION:
        shown = version if version < 10**9 else "unknown"
        raise WorkflowFormatError(
            f"This workflow was saved by a newer Daloy (format {shown}); this Daloy reads "
            f"format {FORMAT_VERSION}. Update Daloy to open it."
        )
    _need(version >= 1, f"Unknown workflow format {version}.")
    name = data.pop("name", None)
    _need(isinstance(name, str) and name.strip() != "", "The workflow needs a name.")
    steps_raw = data.pop("steps", [])
    edges_raw = data.pop("edges", [])
    triggers_raw = data.pop("triggers", [])
    _need(isinstance(steps_raw, list), "“steps” must be a list.")
    _need(isinstance(edges_raw, list), "“edges” must be a list.")
    _need(isinstance(triggers_raw, list), "“triggers” must be a list.")
    steps = []
    for i, s in enumerate(steps_raw, 1):
        _need(isinstance(s, dict), f"Step {i} must be an object.")
        s = dict(s)
        sname, stype = s.pop("name", None), s.pop("type", None)
        _need(isinstance(sname, str), f"Step {i} has no name.")
        _need(isinstance(stype, str), f"Step “{sname}” has no type.")
        config = s.pop("config", {})
        _need(
            isinstance(config, dict),
            f"The settings (“config”) of step “{sname}” must be an object.",
        )
        retry = s.pop("retry", {})
        _need(isinstance(retry, dict), f"The retry settings of step “{sname}” must be an object.")
        pos = s.pop("position", None)
        if pos is not None:
            _need(
                isinstance(pos, list | tuple)
                and len(pos) == 2
                and all(isinstance(p, int | float) and not isinstance(p, bool) for p in pos),
                f"The position of step “{sname}” must be two numbers.",
            )
            pos = (pos[0], pos[1])
        title = s.pop("title", "")
        _need(isinstance(title, str), f"The title of step “{sname}” must be text.")
        steps.append(Step(sname, stype, config, title, retry, pos, s))
    edges = []
    for i, e in enumerate(edges_raw, 1):
        _need(
            isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("from", "to")),
            f"Connection {i} needs “from” and “to” step names.",
        )
        port = e.get("port", "out")
        _need(isinstance(port, str), f"Connection {i}: “port” must be text.")
        edges.append(Edge(e["from"], port, e["to"]))
    triggers = []
    for i, t in enumerate(triggers_raw, 1):
        _need(isinstance(t, dict), f"Trigger {i} must be an object.")
        t = dict(t)
        tid, ttype = t.pop("id", None), t.pop("type", None)
        _need(isinstance(tid, str) and tid != "", f"Trigger {i} needs an “id”.")
        _need(isinstance(ttype, str) and ttype != "", f"Trigger “{tid}” needs a “type”.")
        config = t.pop("config", {})
        _need(isinstance(config, dict), f"The settings of trigger “{tid}” must be an object.")
        enabled = t.pop("enabled", True)
        _need(isinstance(enabled, bool), f"“enabled” of trigger “{tid}” must be true or false.")
        triggers.append(Trigger(tid, ttype, config, enabled, t))
    description = data.pop("description", "")
    business_key = data.pop("business_key", "")
    order_total = data.pop("order_total", "")
    _need(isinstance(description, str), "“description” must be text.")
    _need(isinstance(business_key, str), "“business_key” must be a template text.")
    _need(isinstance(order_total, str), "“order_total” must be a template text.")
    return Workflow(
        name.strip(),
        steps,
        edges,
        triggers,
        description,
        business_key=business_key,
        order_total=order_total,
        extra=data,
    )
