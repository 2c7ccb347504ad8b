"""Daloy's own notes: on a workflow version it publishes itself (an import, the first-run setup,
a restore) and on an action it records (a step counted as done after a put-back). They are
stored in English beside the notes people type, and said in the reader's language where they
are read (the audit page, a workflow's versions): a stored note that is one of these — a fixed
sentence, or one of the templates with its fields filled in — is translated; rows written
before keep working, since what is stored did not change. A person's note shows as typed.
Pure: no I/O, no Qt."""

from __future__ import annotations

import functools
import re
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, shown, translate

# (the context "Audit": the notes are read on the audit page)
IMPORTED = QT_TRANSLATE_NOOP("Audit", "Imported.")
IMPORTED_OFF = QT_TRANSLATE_NOOP(
    "Audit", "Imported switched off: set up its connections, then switch it on."
)
SETUP = QT_TRANSLATE_NOOP("Audit", "Set up with the first-run setup.")
SETUP_ON_EDITS = QT_TRANSLATE_NOOP(
    "Audit", "Set up with the first-run setup, on your edited workflow."
)
SETUP_NO_EMAILS = QT_TRANSLATE_NOOP(
    "Audit", "Set up with the first-run setup: customers get no email from Daloy."
)
RESTORED = QT_TRANSLATE_NOOP("Audit", "Restored version {number}.")
# a step counted as done, by how the backup was restored (``restored_entries.REPLACE``/``COPY``)
COUNTED_AS_DONE = {
    "replace": QT_TRANSLATE_NOOP(
        "Audit", "counted as done: done at {time} in the workspace that was replaced"
    ),
    "copy": QT_TRANSLATE_NOOP(
        "Audit", "counted as done: done at {time} in the workspace this backup came from"
    ),
}

FIXED = (IMPORTED, IMPORTED_OFF, SETUP, SETUP_ON_EDITS, SETUP_NO_EMAILS)
TEMPLATES = (RESTORED, *COUNTED_AS_DONE.values())
_FIELD = re.compile(r"\{(\w+)\}")


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    """The stored English sentences ``template`` makes: its text, each field any text."""
    parts = _FIELD.split(template)  # text, field, text, field, …, text
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
    )


def said_note(note: Any, words: dict[str, Any] | None = None) -> str:
    """A stored note in the reader's language: by its ``words`` (``i18n.said``) when stored
    with them, else as one of Daloy's own notes; any other note as it is."""
    text = "" if note is None else str(note)
    if words:
        return shown(words, text)
    if text in FIXED:
        return translate("Audit", text)
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(text)
        if found:
            try:
                return translate("Audit", template).format(**found.groupdict())
            except (KeyError, IndexError, ValueError):  # a translation that lost a field
                return text
    return text
