"""The step reference (``resources/docs/steps.md``), generated from the step registry so nothing
about a step type is written twice. ``python -m app.docs`` rewrites it; a test checks it is
current."""

from __future__ import annotations

import sys

from app.core.schema import describe
from app.resources import resource_path
from app.steps import registry

KIND_WORDS = {
    "text": "text", "template": "template", "template_text": "multi-line template",
    "number": "number", "integer": "whole number", "boolean": "yes/no", "choice": "choice",
    "json": "JSON (templates inside)", "mapping": "names → templates", "string_list": "list of texts",
    "connection": "connection", "workflow": "workflow", "options": "options", "steps": "steps",
}


def render() -> str:
    out = ["# Daloy step reference", "",
           "Generated from the step registry by `python -m app.docs`; do not edit by hand.", ""]
    by_cat: dict[str, list] = {}
    for st in registry():
        by_cat.setdefault(st.spec.category, []).append(st.spec)
    for cat in sorted(by_cat):
        out += [f"## {cat}", ""]
        for spec in sorted(by_cat[cat], key=lambda s: s.title):
            out += [f"### {spec.title} (`{spec.name}`)", "", spec.summary, "", spec.help, ""]
            ports = ", ".join(f"`{p}`" for p in spec.ports_for({})) or "one per option"
            if spec.dynamic_ports:
                ports = "one per option" + (", `error`" if spec.error_port else "")
            r = spec.retry
            out += [f"- Outputs: {ports}",
                    f"- Retries: up to {r.max_attempts} attempts, first wait {r.initial_delay:g} s, "
                    f"× {r.backoff:g}, at most {r.max_delay:g} s; time limit {r.timeout:g} s per attempt",
                    f"- Acts on the outside world: {'yes' if spec.side_effects else 'no'}"
                    + ("; a timeout may hide a success, so Daloy checks before repeating"
                       if spec.outcome_may_be_unknown else "")]
            if spec.guarantee:
                out.append(f"- Once-guarantee: {spec.guarantee}")
            out.append("")
            if spec.fields:
                out += ["| Setting | Kind | Required | Default | Help |", "|---|---|---|---|---|"]
                for f in spec.fields:
                    d = describe(f)
                    kind = KIND_WORDS.get(f.kind, f.kind)
                    if f.choices:
                        kind += ": " + " / ".join(f.choices)
                    default = "" if f.default is None else f"`{f.default}`"
                    help_text = (f.help or f.placeholder and f"e.g. `{f.placeholder}`" or "")
                    help_text = help_text.replace("|", "\\|")
                    out.append(f"| {d['label']} (`{f.name}`) | {kind} | "
                               f"{'yes' if f.required else ''} | {default} | "
                               f"{help_text} |")
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    path = resource_path("docs", "steps.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
