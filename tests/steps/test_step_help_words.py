"""The help an operator reads beside If / else and Notify a chat speaks of the order and the
chat, not of templates and JSON bodies; the example check it gives is one the editor accepts
(written whole inside the braces) and that holds for an order over 5,000."""

from __future__ import annotations

import re

from app.core import templates
from app.steps import condition, notify


def test_the_if_else_help_gives_a_check_the_editor_accepts():
    example = re.search(r"\{\{.*?\}\}", condition.SPEC.help).group(0)
    assert condition.outside_braces(example) == []
    assert templates.check_syntax(example) is None
    assert condition.truthy(
        templates.render_value(example, {"trigger": {"order": {"total": 5200}}})
    )
    assert not condition.truthy(
        templates.render_value(example, {"trigger": {"order": {"total": 4800}}})
    )
    assert "template" not in condition.SPEC.help.lower()


def test_the_notify_help_speaks_of_the_chat():
    assert "JSON message" not in notify.SPEC.help and "chat" in notify.SPEC.help
    labels = {f.name: f.label for f in notify.SPEC.fields}
    assert labels["body"].endswith("(advanced)")
