"""The step reference (``resources/docs/steps.md``), generated from the step registry so nothing
about a step type is written twice. ``python -m app.docs`` rewrites it; a test checks it is
current."""

from __future__ import annotations

import sys

from app.core.schema import describe
from app.resources import resource_path
from app.steps import registry

KIND_WORDS = {
    "text": "text",
    "template": "template",
    "template_text": "multi-line template",
    "number": "number",
    "integer": "whole number",
    "boolean": "yes/no",
    "choice": "choice",
    "json": "JSON (templates inside)",
    "mapping": "names → templates",
    "string_list": "list of texts",
    "connection": "connection",
    "workflow": "workflow",
    "options": "options",
    "steps": "steps",
}


def render() -> str:
    out = [
        "# Daloy step reference",
        "",
        "Generated from the step registry by `python -m app.docs`; do not edit by hand.",
        "",
    ]
    by_cat: dict[str, list] = {}
    for st in registry():
        by_cat.setdefault(st.spec.category, []).append(st.spec)
    for cat in sorted(by_cat):
        out += [f"## {cat}", ""]
        for spec in sorted(by_cat[cat], key=lambda s: s.title):
            out += [f"### {spec.title} (`{spec.name}`)", "", spec.summary, "", spec.help, ""]
            ports = ", ".join(f"`{p}`" for p in spec.ports_for({})) or "none: the order ends here"
            if spec.dynamic_ports:
                ports = "one per option" + (", `error`" if spec.error_port else "")
            r = spec.retry
            out += [
                f"- Outputs: {ports}",
                f"- Retries: up to {r.max_attempts} attempts, first wait {r.initial_delay:g} s, "
                f"× {r.backoff:g}, at most {r.max_delay:g} s; time limit {r.timeout:g} s per attempt",
                f"- Acts on the outside world: {'yes' if spec.side_effects else 'no'}"
                + (
                    "; a timeout may hide a success, so Daloy checks before repeating"
                    if spec.outcome_may_be_unknown
                    else ""
                ),
            ]
            if spec.guarantee:
                out.append(f"- Once-guarantee: {spec.guarantee}")
            if spec.output_words:
                produced = ", ".join(f"`{k}` ({w})" for k, w in spec.output_words.items())
                out.append(f"- What it produces (`output.…`): {produced}")
            out.append("")
            if spec.fields:
                out += ["| Setting | Kind | Required | Default | Help |", "|---|---|---|---|---|"]
                for f in spec.fields:
                    d = describe(f)
                    kind = KIND_WORDS.get(f.kind, f.kind)
                    if f.choices:
                        kind += ": " + " / ".join(f.choices)
                    default = "" if f.default is None else f"`{f.default}`"
                    help_text = f.help or f.placeholder and f"e.g. `{f.placeholder}`" or ""
                    help_text = help_text.replace("|", "\\|")
                    out.append(
                        f"| {d['label']} (`{f.name}`) | {kind} | "
                        f"{'yes' if f.required else ''} | {default} | "
                        f"{help_text} |"
                    )
                out.append("")
    out += breakers_and_holds()
    return "\n".join(out).rstrip() + "\n"


def breakers_and_holds() -> list[str]:
    """What every calling step shares: the breaker of the system it calls, and holds."""
    from app.store.breakers import DEFAULTS

    out = [
        "## When a system is down, and holds",
        "",
        "Every step that calls an outside system (its connection, else the host and port of "
        "its URL) shares that system's circuit breaker. After a number of failures in a row "
        "(5xx, 429, refused, timeouts; within a window) the breaker opens: steps that need the "
        "system wait — shown as “Waiting for … — down since 10:02”, no attempts spent, no "
        "inbox entry per order — while other steps and orders run on. One inbox entry says "
        "the system is down and how many orders wait (Try now, Keep waiting, Retry all, "
        "Cancel all), and the tray turns red. Daloy probes with one real attempt (the oldest "
        "waiting order's), waiting longer after each failed probe; once the system answers, "
        "the entry closes with how long it was down and the waiting steps go again one at a "
        "time, oldest order first, at a bounded rate. The breaker lives in the database: it "
        "survives a restart and is shared by every runner, and each change is audited.",
        "",
        "| Connection kind | Failures in a row | Window | First probe after | Longest "
        "probe wait | Released per second |",
        "|---|---|---|---|---|---|",
    ]
    for kind, st in DEFAULTS.items():
        out.append(
            f"| {'a URL without a connection' if kind == 'host' else kind} | "
            f"{st.failures} | {st.window:g} s | {st.probe_after:g} s | "
            f"{st.probe_max:g} s | {st.resume_per_second:g} |"
        )
    out += [
        "",
        "Holds stop matching orders (a product's SKU on an order line, a customer, a "
        "workflow) before a named step, or at their next step, until released — orders that "
        "arrive meanwhile too: `daloy hold add --sku COFFEE-3IN1 --before-step charge --note "
        '"until restocked"`, `daloy hold list`, `daloy hold release ID`, or “Hold orders '
        "like this…” on an order's page.",
        "",
    ]
    return out


def main() -> int:
    path = resource_path("docs", "steps.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
