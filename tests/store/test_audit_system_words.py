"""The audit trail names a down system as the operator knows it (the connection's name, the
host), never by the engine's key (``host:pay.example.com:443``)."""

from __future__ import annotations

import pytest

from app.core import systems
from app.store import audit
from app.store.models import AuditEntry


@pytest.mark.parametrize(
    ("system", "said"),
    [
        ("host:pay.example.com:443", "pay.example.com"),
        ("host:127.0.0.1:8700", "127.0.0.1:8700"),
        ("connection:shop-mail", "“shop-mail”"),
    ],
)
def test_a_down_system_is_said_by_its_name(system, said):
    entry = AuditEntry(who="maria", action="system_down", after={"system": system})
    assert audit.sentence(entry) == f"maria saw that {said} is down"
    assert systems.label(system) == said


def test_an_entry_without_its_system_still_reads():
    entry = AuditEntry(who="maria", action="system_try_now", after={})
    assert audit.sentence(entry) == "maria pressed Try now on ?"


@pytest.mark.parametrize(
    ("action", "after", "said"),
    [
        ("system_down", {"system": "host:pay.example.com:443"}, "Daloy saw that pay.example.com"),
        ("practice_started", {}, "Daloy started a practice run"),
        ("a_newer_action", {}, "Daloy a newer action"),
    ],
)
def test_daloys_own_actions_are_said_by_its_name(action, after, said):
    """Daloy's own actions are recorded as “daloy”, which in a sentence reads as a user."""
    entry = AuditEntry(who=audit.SYSTEM, action=action, after=after)
    assert audit.sentence(entry).startswith(said)
    assert audit.who_words("maria") == "maria"
