"""Renaming a step safely: the name check and the rewrite of every template that refers to the
step (``steps.<old>.`` and ``steps['<old>']``), in every templated setting of every step, in the
triggers and in the business key. Plain Python (no Qt), so the editor's undo command and any
other caller share one rule."""

from __future__ import annotations

import re
from typing import Any

from app.core import templates
from app.core.i18n import translate
from app.core.model import STEP_NAME_RE, Workflow
from app.core.schema import STEPS, TEMPLATED, Field
from app.core.stepspec import SpecRegistry

# Only inside ``{{ … }}`` and ``{% … %}``: the words "steps.charge" in an email's plain text are
# text for the customer, not a reference.
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def name_problem(wf: Workflow, old: str, new: str) -> str | None:
    """Why ``new`` cannot be the name of step ``old``, in words; None when it can."""
    step = wf.step(old)
    label = step.label if step else old
    if not STEP_NAME_RE.match(new):
        return translate(
            "Editor",
            "“{new}” cannot name the step “{step}”: a step name starts with a small letter "
            "and uses only small letters, digits and _ (templates use it as steps.<name>).",
        ).format(new=new, step=label)
    if new in templates.DATA_METHOD_NAMES:
        return translate(
            "Editor",
            "“{new}” cannot name a step: in a template, steps.{new} means something built "
            "in. Try “{new}_step”.",
        ).format(new=new)
    if new != old and wf.step(new) is not None:
        other = wf.step(new)
        return translate(
            "Editor", "Another step (“{other}”) is already called “{new}”; choose another name."
        ).format(other=other.label if other else new, new=new)
    return None


def rewrite_text(text: str, old: str, new: str) -> str:
    """``text`` with each template reference to step ``old`` pointing at ``new``."""
    if not templates.is_template(text):
        return text
    dotted = re.compile(rf"(?<![\w.])steps(\s*)\.(\s*){re.escape(old)}(?!\w)")
    indexed = re.compile(rf"(?<![\w.])steps(\s*)\[(\s*)(['\"]){re.escape(old)}\3(\s*)\]")

    def tag(m: re.Match[str]) -> str:
        part = dotted.sub(lambda d: f"steps{d[1]}.{d[2]}{new}", m.group(0))
        return indexed.sub(lambda d: f"steps{d[1]}[{d[2]}{d[3]}{new}{d[3]}{d[4]}]", part)

    return _TAG.sub(tag, text)


def _rewrite_value(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return rewrite_text(value, old, new)
    if isinstance(value, list):
        return [_rewrite_value(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _rewrite_value(v, old, new) for k, v in value.items()}
    return value


def _rewrite_config(
    config: dict[str, Any], fields: tuple[Field, ...] | None, old: str, new: str
) -> dict[str, Any]:
    """Templated settings rewritten; a list of step names (``STEPS``) renamed. Without a
    declared schema (an unknown type) every text is treated as a template: renaming must never
    leave a dangling reference behind."""
    kinds = {f.name: f.kind for f in fields or ()}
    out: dict[str, Any] = {}
    for key, value in config.items():
        kind = kinds.get(key)
        if fields is None or kind in TEMPLATED:
            out[key] = _rewrite_value(value, old, new)
        elif kind == STEPS and isinstance(value, list):
            out[key] = [new if v == old else v for v in value]
        else:
            out[key] = value
    return out


def renamed_settings(
    wf: Workflow, old: str, new: str, specs: SpecRegistry, trigger_types: SpecRegistry | None
) -> tuple[dict[int, dict[str, Any]], str, list[dict[str, Any]], str]:
    """What renaming ``old`` to ``new`` changes besides the name: the new config of each step
    whose templates change (by position in the workflow), the business key, the triggers
    (as JSON objects) and the order total."""
    configs: dict[int, dict[str, Any]] = {}
    for i, step in enumerate(wf.steps):
        spec = specs.get(step.type)
        config = _rewrite_config(step.config, spec.fields if spec else None, old, new)
        if config != step.config:
            configs[i] = config
    triggers = []
    for t in wf.triggers:
        tspec = trigger_types.get(t.type) if trigger_types is not None else None
        d = t.to_dict()
        d["config"] = _rewrite_config(t.config, tspec.fields if tspec else None, old, new)
        triggers.append(d)
    return (
        configs,
        rewrite_text(wf.business_key, old, new),
        triggers,
        rewrite_text(wf.order_total, old, new),
    )
