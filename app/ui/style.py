"""Look and words shared by every screen: colours, the stylesheet, icons, and turning data into
sentences (ages, states, values) instead of raw JSON."""

from __future__ import annotations

import json
import time
from typing import Any

import qtawesome as qta
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox

ACCENT = "#1f6f8b"
OK = "#2e7d32"
WARN = "#c77700"
BAD = "#c62828"
MUTED = "#6b7280"

STATE_WORDS = {
    "pending": ("Waiting for earlier steps", MUTED, "fa5s.clock"),
    "ready": ("About to run", ACCENT, "fa5s.play-circle"),
    "running": ("Running", ACCENT, "fa5s.spinner"),
    "succeeded": ("Done", OK, "fa5s.check-circle"),
    "retry_wait": ("Waiting to try again", WARN, "fa5s.redo"),
    "needs_attention": ("Needs you", BAD, "fa5s.hand-paper"),
    "skipped": ("Skipped", MUTED, "fa5s.minus-circle"),
    "cancelled": ("Cancelled", MUTED, "fa5s.ban"),
}
RUN_WORDS = {
    "running": ("In progress", ACCENT, "fa5s.sync"),
    "waiting": ("Waiting", WARN, "fa5s.hourglass-half"),
    "needs_attention": ("Needs you", BAD, "fa5s.hand-paper"),
    "succeeded": ("Done", OK, "fa5s.check-circle"),
    "cancelled": ("Cancelled", MUTED, "fa5s.ban"),
}
PRACTICE = "#7c3aed"


def run_words(run: dict[str, Any]) -> tuple[str, str, str]:
    """(words, colour, icon) of a run's state as an operator should read it: a cancelled order,
    a practice run and a demo order are said as such, never as a green "Done"."""
    status = run.get("status", "")
    trigger = run.get("trigger") if isinstance(run.get("trigger"), dict) else {}
    if run.get("cancelled") or status == "cancelled":
        return "Cancelled", MUTED, "fa5s.ban"
    label, color, ic = RUN_WORDS.get(status, (status, MUTED, "fa5s.circle"))
    # A demo order is a practice run too (it never reaches a real system): say Demo first,
    # so the operator knows it is the sample order the app made, not their own try.
    kind = "Demo order" if trigger.get("demo") else "Practice run" if run.get("practice") else ""
    if kind:
        return (
            f"{kind}, {label.lower()}" if status != "succeeded" else kind,
            PRACTICE,
            "fa5s.flask",
        )
    return label, color, ic


KIND_WORDS = {
    "step_failed": ("A step failed", "fa5s.exclamation-triangle", BAD),
    "decision": ("A decision is needed", "fa5s.question-circle", ACCENT),
    "intake_error": ("An order could not be read", "fa5s.envelope-open-text", WARN),
    "channel_down": ("A channel is down", "fa5s.satellite-dish", BAD),
    "system_down": ("A system is down", "fa5s.plug", BAD),
    "system": ("Daloy", "fa5s.bell", WARN),
}

STYLESHEET = f"""
QMainWindow, QWidget#page {{ background: #f7f8fa; }}
QListWidget#navigation {{ background: #12343f; color: #e6eef2; border: none; font-size: 14px;
    padding-top: 8px; outline: 0; }}
QListWidget#navigation::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#pageTitle {{ font-size: 20px; font-weight: 600; color: #111827; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#why {{ font-size: 15px; font-weight: 600; padding: 8px 10px; border-radius: 6px;
    background: #eef6f9; color: #12343f; }}
QFrame#card {{ background: white; border: 1px solid #e5e7eb; border-radius: 8px; }}
QFrame#banner {{ background: #fff7e6; border: 1px solid #f5c26b; border-radius: 6px; }}
QPushButton {{ padding: 6px 14px; border-radius: 5px; border: 1px solid #cbd5e1;
    background: white; }}
QPushButton:hover {{ background: #f1f5f9; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: none; font-weight: 600; }}
QPushButton#danger {{ color: {BAD}; }}
QTableView, QListWidget#inboxList, QTreeWidget {{ background: white; border: 1px solid #e5e7eb;
    border-radius: 6px; }}
QHeaderView::section {{ background: #f3f4f6; border: none; padding: 6px; font-weight: 600; }}
"""


PERIODS = (
    ("Any time", None),
    ("Today", 86400),
    ("Last 7 days", 7 * 86400),
    ("Last 30 days", 30 * 86400),
)


def period_choice(name: str) -> QComboBox:
    """The "Any time / Today / Last 7 days" filter of a list; its data is seconds back."""
    combo = QComboBox()
    combo.setObjectName(name)
    for label, secs in PERIODS:
        combo.addItem(label, secs)
    return combo


def icon(name: str, color: str = "#374151") -> QIcon:
    return qta.icon(name, color=color)


def ago(ts: float | None) -> str:
    if not ts:
        return "—"
    d = max(0, time.time() - ts)
    if d < 60:
        return "just now"
    if d < 3600:
        return f"{int(d // 60)} min ago"
    if d < 86400:
        return f"{int(d // 3600)} h ago"
    return time.strftime("%b %d", time.localtime(ts))


def short_time(ts: float | None) -> str:
    """ "14:05" today, "Nov 24 14:05" otherwise."""
    if not ts:
        return ""
    t, now = time.localtime(ts), time.localtime()
    return time.strftime("%H:%M" if t[:3] == now[:3] else "%b %d %H:%M", t)


def clock(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts)) if ts else "—"


def words(value: Any, indent: int = 0) -> str:
    """Data as readable lines ("Customer: Aling Nena") rather than JSON."""
    pad = "    " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "(nothing)"
        lines = []
        for k, v in value.items():
            label = str(k).replace("_", " ").capitalize()
            if isinstance(v, dict | list) and v:
                lines.append(f"{pad}{label}:")
                lines.append(words(v, indent + 1))
            else:
                lines.append(f"{pad}{label}: {_scalar(v)}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return pad + "(none)"
        if all(not isinstance(v, dict | list) for v in value):
            return pad + ", ".join(_scalar(v) for v in value)
        return "\n".join(
            f"{pad}• " + words(v, indent + 1).strip()
            if not isinstance(v, dict)
            else f"{pad}• " + "; ".join(f"{k}: {_scalar(x)}" for k, x in v.items())
            for v in value
        )
    return pad + _scalar(value)


def _scalar(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    return str(v)
