"""Daloy's own notes — the first-run setup's on the versions it publishes, an import's, a
restore's, a put-back's “counted as done” — are stored in English as people's notes are, and
read in the reader's language on the audit trail (and a workflow's versions), rows written
before this change included; a person's note shows as typed. On SQLite and PostgreSQL."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import shop
from app.core import catalog, own_notes
from app.core.i18n import said, words_of
from app.intake import trigger_registry
from app.steps import registry
from app.store import audit, drafts, restored_holds, workflows
from app.store.models import AuditEntry
from app.store.restored_entries import REPLACE
from tests.support.engine import save

FIL = {"DALOY_LANGUAGE": "fil"}
SHOP = {
    "name": "shop",
    "steps": [{"name": "note", "type": "transform", "config": {"values": {}}}],
}


def notes(db) -> list[str]:  # noqa: ANN001 - a Database
    with db.read() as s:
        return [r.note for r in audit.list_actions(s, oldest_first=True) if r.note]


@pytest.fixture
def db(data_dir, open_db):
    db = open_db(data_dir)
    yield db
    db.close()


def test_daloys_own_notes_read_in_filipino_a_persons_as_typed(db):
    save(db, SHOP)
    with db.write() as s:
        # as the first-run setup publishes the sample (``shop.apply``), and a restore
        changed = workflows.load(s, "shop")[2]
        changed.steps[0].title = "Note the order"
        drafts.save_draft(s, changed, "maria")
        drafts.publish(
            s, "shop", registry().specs, trigger_registry(), who="maria", note=shop.NO_EMAILS_NOTE
        )
        workflows.restore(s, "shop", 1, who="maria")
        # rows written before this change: the English text alone, no words stored with it
        for note in (
            "Set up with the first-run setup.",
            "counted as done: done at 2026-12-01 10:15 in the workspace that was replaced",
            "Imported.",
            "Restored version 12.",
            "Please restored version 3 for Aling Nena",  # a person's: as typed
        ):
            audit.record(s, "maria", "skip", after={"note": note})
        # a put-back's hold: the rule said with its words, stored beside it
        rule = said(restored_holds._RULE[REPLACE], when="2026-12-01 09:00")
        audit.record(
            s, "maria", "hold_added", after={"note": str(rule), "note_words": words_of(rule)}
        )
    english = notes(db)
    assert english[0] == "Set up with the first-run setup: customers get no email from Daloy."
    with catalog.speaking(FIL):
        filipino = notes(db)
        with db.read() as s:
            history = [own_notes.said_note(v.note) for v in workflows.versions(s, "shop")]
    for said_in_filipino in (
        "Na-set up sa unang setup: walang email na matatanggap ang mga customer mula sa Daloy.",
        "Ibinalik ang bersyon 1.",
        "Na-set up sa unang setup.",
        "itinuring na tapos: natapos noong 2026-12-01 10:15 sa workspace na pinalitan",
        "Na-import.",
        "Ibinalik ang bersyon 12.",
        "Please restored version 3 for Aling Nena",  # a person's note: as typed
    ):
        assert said_in_filipino in filipino
    assert len(filipino) == len(english)
    assert not set(filipino) & (set(english) - {"Please restored version 3 for Aling Nena"})
    assert filipino[-1] != english[-1] and "2026-12-01 09:00" in filipino[-1]
    assert history[:2] == [
        "Ibinalik ang bersyon 1.",
        "Na-set up sa unang setup: walang email na matatanggap ang mga customer mula sa Daloy.",
    ]


def test_every_own_note_has_its_filipino():
    with catalog.speaking(FIL):
        for note in own_notes.FIXED:
            assert own_notes.said_note(note) != note
        for template in own_notes.TEMPLATES:
            filled = template.format(number=7, time="10:15")
            assert own_notes.said_note(filled) not in (filled, ""), template


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_stored_note_reads_without_error(text):
    """Whatever a note holds (a person's text, braces, a near-template), it is shown."""
    with catalog.speaking(FIL):
        shown = own_notes.said_note(text)
    ours = text in own_notes.FIXED or text.startswith(("Restored version", "counted as done"))
    assert isinstance(shown, str) and (ours or shown == text)


def test_an_entry_without_a_note_reads_empty(db):
    with db.write() as s:
        s.add(AuditEntry(at=time.time(), who="x", action="retry", after={"note_words": {}}))
    assert notes(db) == []
