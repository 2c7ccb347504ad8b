"""One sentence that says why a run is where it is, for the runs list, the run detail and the
CLI: "Waiting for you: stock short for SKU-12 since 10:42", "Waiting for the payment gateway:
attempt 3 of 5 at 10:51", "Done in 4.2 s". Pure: takes the dict of ``queries.run_detail``."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlparse


def _clock(ts: float | None) -> str:
    if not ts:
        return "?"
    t = time.localtime(ts)
    today = time.localtime()
    return time.strftime("%H:%M" if t[:3] == today[:3] else "%b %d %H:%M", t)


def duration(seconds: float) -> str:
    """“35 ms”, “4.2 s”, “3 min”, “1.5 h”."""
    if seconds < 1:
        return f"{max(1, round(seconds * 1000))} ms"
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _label(step: dict[str, Any]) -> str:
    return step.get("title") or step["name"].replace("_", " ")


def _system(step: dict[str, Any]) -> str:
    inp = step.get("input") or {}
    url = inp.get("url") or inp.get("webhook_url") if isinstance(inp, dict) else None
    if url:
        host = urlparse(str(url)).hostname or str(url)
        return f"{host} ({_label(step)})"
    return _label(step)


def why(run: dict[str, Any]) -> str:
    status = run["status"]
    steps = run.get("steps", [])
    open_items = [i for i in run.get("inbox", []) if i["status"] == "open"]
    if status == "succeeded":
        took = (run.get("finished_at") or run["created_at"]) - run["created_at"]
        return f"Done in {duration(took)}."
    if status == "cancelled":
        who = next((i.get("resolved_by") for i in reversed(run.get("inbox", []))
                    if (i.get("resolution") or {}).get("action") == "cancel"), None)
        return "Cancelled" + (f" by {who}" if who else "") + "."
    if status == "needs_attention":
        item = next((i for i in open_items if i["kind"] == "decision"), None) or \
            (open_items[0] if open_items else None)
        if item and item["kind"] == "decision":
            return f"Waiting for you: {item['title']} (since {_clock(item['created_at'])})"
        step = next((s for s in steps if s["state"] == "needs_attention"), None)
        if item:
            return f"Waiting for you: {item['reason']} (since {_clock(item['created_at'])})"
        if step:
            return f"Waiting for you: {_label(step)} failed: {step.get('error') or 'see the step'}"
        return "Waiting for you."
    if status == "waiting":
        step = next((s for s in steps if s["state"] == "retry_wait"), None)
        if step:
            when = _clock(step.get("next_attempt_at"))
            if step["attempts"] and step.get("error") and not step["error"].startswith("Waiting"):
                return (f"Waiting for {_system(step)}: attempt {step['attempts'] + 1} of "
                        f"{step['max_attempts']} at {when}.")
            return f"{step.get('error') or 'Waiting'} (next check {when})."
        return "Waiting."
    running = [s for s in steps if s["state"] in ("running", "ready")]
    if running:
        return "Working: " + ", ".join(_label(s) for s in running) + "."
    return "Working."
