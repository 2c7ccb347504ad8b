"""What changed between two versions of a workflow, in the operator's words: steps by their
titles, settings by their field labels (from the step types' declared schema). Publish shows it;
every version keeps it as its summary. Pure logic: no I/O."""

from __future__ import annotations

from typing import Any

from app.core.model import Step, Workflow
from app.core.stepspec import SpecRegistry

TRIGGER_WORDS = {
    "imap": "email",
    "webform": "web form",
    "webhook": "webhook",
    "marketplace": "marketplace",
    "schedule": "schedule",
    "manual": "by hand",
}


def _quoted(names: list[str]) -> str:
    shown = [f"“{n}”" for n in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _label(specs: SpecRegistry | None, step: Step, key: str) -> str:
    spec = specs.get(step.type) if specs is not None else None
    f = spec.field(key) if spec is not None else None
    return f.label if f is not None else key.replace("_", " ")


def _step_changes(old: Step, new: Step, specs: SpecRegistry | None) -> list[str]:
    """What changed in one step (same name in both versions), as short phrases."""
    parts: list[str] = []
    if old.type != new.type:
        parts.append("its kind of step")
    keys = list(dict.fromkeys([*old.config, *new.config]))
    labels = [_label(specs, new, k) for k in keys if old.config.get(k) != new.config.get(k)]
    if labels:
        parts.append(("setting " if len(labels) == 1 else "settings ") + _quoted(labels))
    if old.retry != new.retry:
        parts.append("its retry settings")
    if old.extra != new.extra:
        parts.append("its other details")
    return parts


def _trigger_word(t: Any) -> str:
    return f"{TRIGGER_WORDS.get(t.type, t.type)} “{t.id}”"


def describe_changes(
    old: Workflow | None, new: Workflow, specs: SpecRegistry | None = None
) -> list[str]:
    """One sentence per change from ``old`` to ``new`` (None: a new workflow): steps added,
    removed, renamed or changed (naming the settings by their labels when ``specs`` is given),
    connections, order sources, business key, description and sample order. An empty list
    means nothing changed; moving steps on the canvas is one sentence of its own."""
    if old is None:
        n = len(new.steps)
        return [f"New workflow with {n} step{'' if n == 1 else 's'}."]
    out: list[str] = []
    olds = {s.name: s for s in old.steps}
    news = {s.name: s for s in new.steps}
    label = {**{n: s.label for n, s in olds.items()}, **{n: s.label for n, s in news.items()}}
    added = [s.label for n, s in news.items() if n not in olds]
    removed = [s.label for n, s in olds.items() if n not in news]
    if added:
        out.append(f"Added {_quoted(added)}.")
    if removed:
        out.append(f"Removed {_quoted(removed)}.")
    moved = False
    for name, s in news.items():
        before = olds.get(name)
        if before is None:
            continue
        if before.label != s.label:
            out.append(f"Renamed “{before.label}” to “{s.label}”.")
        if parts := _step_changes(before, s, specs):
            out.append(f"Changed “{s.label}”: {', '.join(parts)}.")
        moved = moved or before.position != s.position
    gone, made = set(old.edges) - set(new.edges), set(new.edges) - set(old.edges)
    for e in sorted(made, key=lambda e: (e.source, e.port, e.target)):
        if e.source in olds and e.target in olds:  # links of added steps say nothing new
            out.append(
                f"“{label[e.source]}” now leads to “{label[e.target]}”"
                + (f" by “{e.port}”." if e.port != "out" else ".")
            )
    for e in sorted(gone, key=lambda e: (e.source, e.port, e.target)):
        if e.source in news and e.target in news:
            out.append(
                f"“{label[e.source]}” no longer leads to “{label[e.target]}”"
                + (f" by “{e.port}”." if e.port != "out" else ".")
            )
    old_t = {t.id: t for t in old.triggers}
    new_t = {t.id: t for t in new.triggers}
    for tid, t in new_t.items():
        if tid not in old_t:
            out.append(f"Orders now also come from {_trigger_word(t)}.")
        elif old_t[tid].to_dict() != t.to_dict():
            out.append(
                f"Changed where orders come from: {_trigger_word(t)}"
                + (
                    " switched off."
                    if old_t[tid].enabled and not t.enabled
                    else " switched on."
                    if t.enabled and not old_t[tid].enabled
                    else "."
                )
            )
    out += [
        f"Orders no longer come from {_trigger_word(t)}."
        for tid, t in old_t.items()
        if tid not in new_t
    ]
    if old.business_key != new.business_key:
        out.append("Changed how orders are numbered (the business key).")
    if old.description != new.description:
        out.append("Changed the description.")
    if old.extra.get("sample_input") != new.extra.get("sample_input"):
        out.append("Changed the sample order.")
    if old.name != new.name:
        out.append(f"Renamed the workflow from “{old.name}” to “{new.name}”.")
    if moved:
        out.append("Moved steps on the canvas.")
    return out
