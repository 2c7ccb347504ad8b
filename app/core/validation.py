"""Workflow validation in the operator's words: each problem names the step (by its title) and
the setting. ``validate`` never raises: whatever a file holds, the answer is a list of problems.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.core import order_total, templates
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.model import STEP_NAME_RE, Step, Workflow
from app.core.retry import RETRY_FIELDS, check_overrides
from app.core.schema import (
    CONNECTION,
    INTEGER,
    NUMBER,
    TEMPLATED,
    Field,
    check_config,
    declared,
    is_ordinary_number,
)
from app.core.stepspec import ERROR_PORT, SpecRegistry, StepSpec

# Upper bounds of the retry settings: what the editor's form accepts. Larger values are a typo
# or an attack (an hour-long timeout is possible, a billion-second one overflows a timer).
RETRY_MAXIMA: dict[str, float] = {
    "max_attempts": 1000,
    "initial_delay": 1e6,
    "backoff": 100,
    "max_delay": 1e6,
    "jitter": 1,
    "timeout": 1e6,
}
NOT_ORDINARY = QT_TRANSLATE_NOOP(
    "Validation",
    "{prefix}“{label}” holds a number that is NaN, Infinity or too large; use an ordinary number.",
)


@dataclass(frozen=True)
class Problem:
    message: str
    step: str | None = None
    field: str | None = None
    severity: str = "error"  # "error" blocks switching a workflow on; "warning" does not
    title: str | None = None  # the step's title when it has one: what the canvas shows

    def __str__(self) -> str:
        if self.step and self.field:
            where = translate("Validation", "Step “{step}”, setting “{field}”")
        elif self.step:
            where = translate("Validation", "Step “{step}”")
        elif self.field:
            where = translate("Validation", "Workflow, setting “{field}”")
        else:
            where = translate("Validation", "Workflow")
        where = where.format(step=self.title or self.step, field=self.field)
        return translate("Validation", "{where}: {message}").format(
            where=where, message=self.message
        )


def find_cycle(wf: Workflow) -> list[str] | None:
    """One cycle as a list of step names, or None. Depth-first without recursion: a chain of
    thousands of steps must not exhaust Python's stack."""
    names = wf.step_names()
    adj: dict[str, list[str]] = {n: [] for n in names}
    for e in wf.edges:
        if e.source in adj and e.target in adj:
            adj[e.source].append(e.target)
    color = dict.fromkeys(names, 0)  # 0 unseen, 1 on the current path, 2 done
    for start in names:
        if color[start]:
            continue
        color[start] = 1
        path, todo = [start], [iter(adj[start])]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                color[path.pop()] = 2
                todo.pop()
            elif color[nxt] == 1:
                return path[path.index(nxt) :] + [nxt]
            elif color[nxt] == 0:
                color[nxt] = 1
                path.append(nxt)
                todo.append(iter(adj[nxt]))
    return None


def would_create_cycle(wf: Workflow, source: str, target: str) -> bool:
    return source == target or source in wf.downstream(target)


def validate(
    wf: Workflow,
    registry: SpecRegistry,
    trigger_types: SpecRegistry | None = None,
    connections: Collection[str] | None = None,
) -> list[Problem]:
    """Every problem of ``wf``; never raises. With ``connections`` (the names of the connections
    set up), a step or trigger naming one that does not exist is a problem too."""
    problems: list[Problem] = []
    try:
        _validate(wf, registry, trigger_types, connections, problems)
    except Exception as exc:  # noqa: BLE001 - a validator that raises checks nothing at all
        problems.append(
            Problem(
                translate(
                    "Validation",
                    "The workflow could not be checked completely ({error}), so it cannot "
                    "take orders yet. Fix the problems listed, or send the workflow file to support.",
                ).format(error=type(exc).__name__)
            )
        )
    titles = {s.name: s.title for s in reversed(wf.steps) if s.title}
    return [replace(p, title=titles[p.step]) if p.step in titles else p for p in problems]


def _validate(
    wf: Workflow,
    registry: SpecRegistry,
    trigger_types: SpecRegistry | None,
    connections: Collection[str] | None,
    problems: list[Problem],
) -> None:
    """The checks in the order their problems are listed: names, the workflow's own fields, a
    loop, each step, the connections, the routes, the triggers."""
    _check_names(wf, problems)
    if msg := (templates.check_syntax(wf.business_key) if wf.business_key else None):
        problems.append(Problem(msg, None, "business_key"))
    _check_order_total(wf, problems)
    _check_numbers(wf.extra, None, problems)
    cycle = _check_loop(wf, problems)
    for s in wf.steps:
        _check_step(wf, s, registry, connections, cycle, problems)
    _check_connections(wf, registry, problems)
    if not cycle:
        problems += route_problems(wf, registry)
    if not wf.steps:
        problems.append(
            Problem(translate("Validation", "The workflow has no steps yet."), severity="warning")
        )
    _check_triggers(wf, trigger_types, connections, problems)


def _check_order_total(wf: Workflow, problems: list[Problem]) -> None:
    """The order total's template: it parses, and every step it names exists (a step renamed
    or removed would leave every order's Total empty without a word)."""
    source = wf.order_total.strip()
    if not source:
        return
    if msg := templates.check_syntax(source):
        problems.append(
            Problem(
                translate("Validation", "Order total: {problem}").format(problem=msg),
                None,
                "order_total",
            )
        )
        return
    known = set(wf.step_names())
    for name in sorted(order_total.named_steps(source) - known):
        problems.append(
            Problem(
                translate(
                    "Validation",
                    "The order total refers to a step “{step}” that does not exist; name one "
                    "of the workflow's steps, e.g. {example}.",
                ).format(step=name, example="{{ steps.plan.output.total }}"),
                None,
                "order_total",
            )
        )


def _check_names(wf: Workflow, problems: list[Problem]) -> None:
    """Step names: unique, usable in templates (``steps.<name>``)."""
    add = problems.append
    seen: set[str] = set()
    for s in wf.steps:
        if s.name in seen:
            add(
                Problem(
                    translate(
                        "Validation", "Two steps are called “{name}”; step names must be unique."
                    ).format(name=s.name),
                    s.name,
                )
            )
        seen.add(s.name)
        if not STEP_NAME_RE.match(s.name):
            add(
                Problem(
                    translate(
                        "Validation",
                        "The step name must start with a letter and use only small letters, "
                        "digits and _ (it is used in templates as steps.<name>).",
                    ),
                    s.name,
                )
            )
        elif s.name in templates.DATA_METHOD_NAMES:
            add(
                Problem(
                    translate(
                        "Validation",
                        "The step name “{name}” cannot be used: in a template, "
                        "steps.{name} means something built in, not this step. Rename it, "
                        "for example to “{name}_step”.",
                    ).format(name=s.name),
                    s.name,
                )
            )


def _check_loop(wf: Workflow, problems: list[Problem]) -> list[str] | None:
    """A loop of steps (a run would wait for ever): the loop, else None."""
    cycle = find_cycle(wf)
    if cycle:
        labels = {s.name: s.label for s in reversed(wf.steps)}
        problems.append(
            Problem(
                translate(
                    "Validation",
                    "The steps form a loop: {loop}. A run would wait for ever; remove one connection.",
                ).format(loop=" → ".join(labels[n] for n in cycle)),
                cycle[0],
            )
        )
    return cycle


def _check_step(
    wf: Workflow,
    s: Step,
    registry: SpecRegistry,
    connections: Collection[str] | None,
    cycle: list[str] | None,
    problems: list[Problem],
) -> None:
    """One step: its place, retry overrides, type, settings, templates and references."""
    add = problems.append
    if s.position is not None and not all(_ordinary(p) for p in s.position):
        add(
            Problem(
                translate(
                    "Validation",
                    "Its place on the canvas is not an ordinary number; move the step to fix it.",
                ),
                s.name,
                "position",
            )
        )
    _check_numbers(s.extra, s.name, problems)
    for msg in _retry_problems(s.retry):
        add(Problem(translate("Validation", "{problem}.").format(problem=msg), s.name, "retry"))
    spec = registry.get(s.type)
    if spec is None:
        add(
            Problem(
                translate("Validation", "Unknown step type “{type}”.").format(type=s.type),
                s.name,
            )
        )
        _check_numbers(s.config, s.name, problems)
        return
    _check_settings(spec.fields, s.config, s.name, connections, problems, "")
    for f in spec.fields:
        if f.kind in TEMPLATED and f.name in s.config:
            for t in templates.templates_in(s.config[f.name]):
                if syntax := templates.check_syntax(t):
                    add(Problem(syntax, s.name, f.name))
    if spec.check is not None:
        for field_name, message in spec.check(s.config):
            add(Problem(message, s.name, field_name))
    if not cycle:
        _check_references(wf, s.name, s.config, problems)


def _check_connections(wf: Workflow, registry: SpecRegistry, problems: list[Problem]) -> None:
    """Each connection: between steps that exist, not to itself, from a port the step has."""
    add = problems.append
    names = set(wf.step_names())
    for e in wf.edges:
        if e.source not in names or e.target not in names:
            missing = e.source if e.source not in names else e.target
            add(
                Problem(
                    translate(
                        "Validation", "A connection points to a step “{step}” that does not exist."
                    ).format(step=missing),
                    e.source if e.source in names else None,
                )
            )
            continue
        if e.source == e.target:
            add(Problem(translate("Validation", "A step cannot be connected to itself."), e.source))
        src = wf.step(e.source)
        spec = registry.get(src.type) if src else None
        ports = _ports(spec, src.config) if spec is not None and src is not None else None
        if ports == () and spec is not None:  # a step that ends the order (``end_order``)
            add(
                Problem(
                    translate(
                        "Validation",
                        "Nothing can follow “{type}”: the order ends there. Remove the "
                        "connection to “{next}”, or move this step to the end of its path.",
                    ).format(type=declared(spec.title), next=wf.existing_step(e.target).label),
                    e.source,
                )
            )
        elif ports is not None and e.port not in ports:
            add(
                Problem(
                    translate(
                        "Validation",
                        "The connection leaves from an output “{port}” this step does not "
                        "have (it has: {ports}).",
                    ).format(
                        port=e.port, ports=", ".join(ports) or translate("Validation", "none")
                    ),
                    e.source,
                )
            )
    if len(set(wf.edges)) != len(wf.edges):
        add(Problem(translate("Validation", "Two identical connections exist; remove one."), None))


def _check_triggers(
    wf: Workflow,
    trigger_types: SpecRegistry | None,
    connections: Collection[str] | None,
    problems: list[Problem],
) -> None:
    """Each trigger: a unique id, a known type (when the types are given), its settings."""
    add = problems.append
    tids: set[str] = set()
    for t in wf.triggers:
        if t.id in tids:
            add(
                Problem(
                    translate("Validation", "Two triggers have the id “{id}”.").format(id=t.id),
                    None,
                    "triggers",
                )
            )
        tids.add(t.id)
        prefix = translate("Validation", "Trigger “{id}”: ").format(id=t.id)
        _check_numbers(t.extra, None, problems, prefix)
        tspec = trigger_types.get(t.type) if trigger_types is not None else None
        if trigger_types is not None and tspec is None:
            add(
                Problem(
                    translate(
                        "Validation", "Unknown trigger type “{type}” (trigger “{id}”)."
                    ).format(type=t.type, id=t.id),
                    None,
                    "triggers",
                )
            )
        if tspec is None:
            _check_numbers(t.config, None, problems, prefix)
        else:
            _check_settings(tspec.fields, t.config, None, connections, problems, prefix)


def _check_settings(
    fields: tuple[Field, ...],
    config: Mapping[str, Any],
    step: str | None,
    connections: Collection[str] | None,
    problems: list[Problem],
    prefix: str,
) -> None:
    """A step's or trigger's settings against its declared fields, in words."""
    for fp in check_config(fields, config):
        problems.append(
            Problem(f"{prefix}{fp.message}.", step, fp.field)
        )  # its parts are translated
    kinds = {f.name: f for f in fields}
    for key, value in config.items():
        f = kinds.get(key)
        if f is not None and f.kind in (NUMBER, INTEGER):
            continue  # check_config says it in the field's own words
        if not _all_ordinary(value):
            label = declared(f.label) if f is not None else key
            problems.append(
                Problem(
                    translate("Validation", NOT_ORDINARY).format(prefix=prefix, label=label),
                    step,
                    key,
                )
            )
        if (
            f is not None
            and f.kind == CONNECTION
            and connections is not None
            and isinstance(value, str)
            and value
            and value not in connections
        ):
            problems.append(
                Problem(
                    translate(
                        "Validation",
                        "{prefix}“{label}” names the connection “{connection}”, which does not "
                        "exist. Add it under Connections, or choose one that exists.",
                    ).format(prefix=prefix, label=declared(f.label), connection=value),
                    step,
                    key,
                )
            )


def _check_numbers(
    values: Mapping[str, Any], step: str | None, problems: list[Problem], prefix: str = ""
) -> None:
    for key, value in values.items():
        if not _all_ordinary(value):
            problems.append(
                Problem(
                    translate("Validation", NOT_ORDINARY).format(prefix=prefix, label=key),
                    step,
                    key,
                )
            )


def _ordinary(value: Any) -> bool:
    """False for NaN, ±Infinity and ints too large to become a float; True for anything else."""
    return (
        isinstance(value, bool) or not isinstance(value, int | float) or is_ordinary_number(value)
    )


def _all_ordinary(value: Any) -> bool:
    """``_ordinary`` for every number inside a JSON-shaped value (without recursion)."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list | tuple):
            stack.extend(v)
        elif not _ordinary(v):
            return False
    return True


def _retry_problems(retry: Mapping[str, Any]) -> list[str]:
    """``check_overrides``, plus what it lets through: NaN, Infinity and absurd sizes."""
    found: list[str] = []
    for key, value in retry.items():
        own = check_overrides({key: value})
        if not own and key in RETRY_FIELDS:
            label = declared(RETRY_FIELDS[key][1])
            if not _ordinary(value):
                own = [
                    translate(
                        "Validation", "“{label}” must be an ordinary number (not NaN or Infinity)"
                    ).format(label=label)
                ]
            elif value > RETRY_MAXIMA[key]:
                own = [
                    translate("Validation", "“{label}” must be at most {maximum}").format(
                        label=label, maximum=f"{RETRY_MAXIMA[key]:,.0f}"
                    )
                ]
        found += own
    return found


def _ports(spec: StepSpec, config: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The step's output ports, or None when its settings are too broken to tell (another
    problem already says why)."""
    try:
        ports = spec.ports_for(config)
    except Exception:  # noqa: BLE001 - a type's port function may not expect a broken config
        return None
    return tuple(p for p in ports if isinstance(p, str))


def _check_references(
    wf: Workflow, name: str, config: dict[str, Any], problems: list[Problem]
) -> None:
    upstream = set(wf.upstream(name))
    for t in templates.templates_in(config):
        for path in templates.referenced_paths(t):
            parts = path.split(".")
            if parts[0] == "steps" and len(parts) > 1:
                ref = parts[1]
                if wf.step(ref) is None:
                    problems.append(
                        Problem(
                            translate(
                                "Validation",
                                "A template refers to a step “{step}” that does not exist.",
                            ).format(step=ref),
                            name,
                        )
                    )
                elif ref not in upstream:
                    problems.append(
                        Problem(
                            translate(
                                "Validation",
                                "A template uses the output of step “{step}”, which "
                                "does not run before this step.",
                            ).format(step=ref),
                            name,
                        )
                    )


def route_problems(wf: Workflow, registry: SpecRegistry) -> list[Problem]:
    """Where an order could go astray, in words. Every order enters at one start step (the
    first step nothing leads into); any other step nothing leads into would start on its own
    with every order, beside the real start: an error.

    Which ports must be connected: an output of a branching step (a condition's true/false, a
    decision's options) that leads nowhere ends the orders that take it right there. That is an
    error when those orders would then miss a step that acts on the outside world which the
    other outputs lead to (the charge, the confirmation email): they would be lost without a
    word. Otherwise (nothing after it acts, e.g. "no backorder: nothing more to do") it is a
    warning. The “error” output may stay unconnected: a failure then asks a person. Assumes no
    loop (the caller checks)."""
    found: list[Problem] = []
    targets = {e.target for e in wf.edges}
    starts = [s for s in wf.steps if s.name not in targets]
    for s in starts[1:]:
        found.append(
            Problem(
                translate(
                    "Validation",
                    "Nothing leads into this step, so it would start on its own with every order, "
                    "beside the start “{start}”. Connect it after the step it should follow, "
                    "or remove it.",
                ).format(start=starts[0].label),
                s.name,
            )
        )
    for s in wf.steps:
        spec = registry.get(s.type)
        ports = _ports(spec, s.config) if spec is not None else None
        ports = tuple(p for p in ports or () if p != ERROR_PORT)
        used = {e.port for e in wf.outgoing(s.name)}
        loose = [p for p in ports if p not in used]
        if len(ports) < 2 or not loose:
            continue  # one way out: the order simply ends after this step
        missed = [wf.step(n) for n in wf.downstream(s.name)]
        acting = [
            m.label
            for m in missed
            if m is not None and (ms := registry.get(m.type)) is not None and ms.side_effects
        ]
        for p in loose:
            if acting:
                listed = ", ".join(f"“{a}”" for a in acting[:3]) + (" …" if len(acting) > 3 else "")
                found.append(
                    Problem(
                        translate(
                            "Validation",
                            "Orders that leave by “{port}” go nowhere: they would end here and "
                            "never reach {steps}. Connect “{port}” to the step that should follow.",
                        ).format(port=p, steps=listed),
                        s.name,
                    )
                )
            else:
                found.append(
                    Problem(
                        translate(
                            "Validation",
                            "Orders that leave by “{port}” end here. If that is not meant, connect "
                            "it to the step that should follow.",
                        ).format(port=p),
                        s.name,
                        severity="warning",
                    )
                )
    return found


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
