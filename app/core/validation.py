"""Workflow validation in the operator's words: each problem names the step and the setting."""

from __future__ import annotations

from dataclasses import dataclass

from app.core import templates
from app.core.model import STEP_NAME_RE, Workflow
from app.core.retry import check_overrides
from app.core.schema import TEMPLATED, check_config
from app.core.stepspec import SpecRegistry


@dataclass(frozen=True)
class Problem:
    message: str
    step: str | None = None
    field: str | None = None
    severity: str = "error"   # "error" blocks switching a workflow on; "warning" does not

    def __str__(self) -> str:
        where = f"Step “{self.step}”" if self.step else "Workflow"
        if self.field:
            where += f", setting “{self.field}”"
        return f"{where}: {self.message}"


def find_cycle(wf: Workflow) -> list[str] | None:
    """One cycle as a list of step names, or None."""
    names = set(wf.step_names())
    adj: dict[str, list[str]] = {n: [] for n in names}
    for e in wf.edges:
        if e.source in names and e.target in names:
            adj[e.source].append(e.target)
    color = dict.fromkeys(names, 0)
    path: list[str] = []

    def visit(n: str) -> list[str] | None:
        color[n] = 1
        path.append(n)
        for m in adj[n]:
            if color[m] == 1:
                return path[path.index(m):] + [m]
            if color[m] == 0 and (c := visit(m)):
                return c
        path.pop()
        color[n] = 2
        return None

    for n in wf.step_names():
        if color.get(n) == 0 and (c := visit(n)):
            return c
    return None


def would_create_cycle(wf: Workflow, source: str, target: str) -> bool:
    return source == target or source in wf.downstream(target)


def validate(wf: Workflow, registry: SpecRegistry, trigger_types: SpecRegistry | None = None
             ) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append
    seen: set[str] = set()
    for s in wf.steps:
        if s.name in seen:
            add(Problem(f"Two steps are called “{s.name}”; step names must be unique.", s.name))
        seen.add(s.name)
        if not STEP_NAME_RE.match(s.name):
            add(Problem("The step name must start with a letter and use only small letters, "
                        "digits and _ (it is used in templates as steps.<name>).", s.name))
    if msg := (templates.check_syntax(wf.business_key) if wf.business_key else None):
        add(Problem(msg, None, "business_key"))

    cycle = find_cycle(wf)
    if cycle:
        add(Problem("The steps form a loop: " + " → ".join(cycle) + ". Remove one connection.",
                    cycle[0]))

    for s in wf.steps:
        spec = registry.get(s.type)
        if spec is None:
            add(Problem(f"Unknown step type “{s.type}”.", s.name))
            continue
        for fp in check_config(spec.fields, s.config):
            add(Problem(fp.message + ".", s.name, fp.field))
        for f in spec.fields:
            if f.kind in TEMPLATED and f.name in s.config:
                for t in templates.templates_in(s.config[f.name]):
                    if msg := templates.check_syntax(t):
                        add(Problem(msg, s.name, f.name))
        for msg in check_overrides(s.retry):
            add(Problem(msg + ".", s.name, "retry"))
        if not cycle:
            _check_references(wf, s.name, s.config, problems)

    names = set(wf.step_names())
    for e in wf.edges:
        if e.source not in names or e.target not in names:
            missing = e.source if e.source not in names else e.target
            add(Problem(f"A connection points to a step “{missing}” that does not exist.",
                        e.source if e.source in names else None))
            continue
        if e.source == e.target:
            add(Problem("A step cannot be connected to itself.", e.source))
        src = wf.step(e.source)
        spec = registry.get(src.type) if src else None
        if spec is not None and e.port not in spec.ports_for(src.config):
            add(Problem(f"The connection leaves from an output “{e.port}” this step does not "
                        f"have (it has: {', '.join(spec.ports_for(src.config))}).", e.source))
    if len(set(wf.edges)) != len(wf.edges):
        add(Problem("Two identical connections exist; remove one.", None))

    if not cycle and len(wf.steps) > 1:
        for s in wf.steps:
            if not wf.incoming(s.name) and not wf.outgoing(s.name):
                add(Problem("This step is not connected to any other step, so it runs on its "
                            "own at the start of every run.", s.name, severity="warning"))
    if not wf.steps:
        add(Problem("The workflow has no steps yet.", severity="warning"))

    tids: set[str] = set()
    for t in wf.triggers:
        if t.id in tids:
            add(Problem(f"Two triggers have the id “{t.id}”.", None, "triggers"))
        tids.add(t.id)
        if trigger_types is not None:
            tspec = trigger_types.get(t.type)
            if tspec is None:
                add(Problem(f"Unknown trigger type “{t.type}” (trigger “{t.id}”).", None, "triggers"))
            else:
                for fp in check_config(tspec.fields, t.config):
                    add(Problem(f"Trigger “{t.id}”: {fp.message}.", None, fp.field))
    return problems


def _check_references(wf: Workflow, name: str, config: dict, problems: list[Problem]) -> None:
    upstream = set(wf.upstream(name))
    for t in templates.templates_in(config):
        for path in templates.referenced_paths(t):
            parts = path.split(".")
            if parts[0] == "steps" and len(parts) > 1:
                ref = parts[1]
                if wf.step(ref) is None:
                    problems.append(Problem(f"A template refers to a step “{ref}” that does not "
                                            "exist.", name))
                elif ref not in upstream:
                    problems.append(Problem(f"A template uses the output of step “{ref}”, which "
                                            "does not run before this step.", name))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
