"""A decision's question as a headline: its first sentence, and the rest said beneath it in plain
weight (the sample's stock question was six bold lines in Needs you and on the order's page).
Pure text, no I/O."""

from __future__ import annotations

import re

# A sentence ends at ".", "?" or "!" (outside brackets) before a space and a capital letter,
# a digit or an opening quote or bracket (``_ends_here``); or at a line break.
_END = re.compile(r"[.?!](?=\s)|\n")
# Words that end in a stop without ending the sentence: titles and parts of names
# (“Jose Rizal Jr.”, “Sto. Niño”), “No. 5”, “e.g.”; a single letter (“50 g. jar”, “J. Cruz”).
_SHORT_FORMS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "st",
        "sto",
        "sta",
        "gng",
        "bb",
        "no",
        "nos",
        "vs",
        "e.g",
        "i.e",
        "approx",
        "blk",
        "brgy",
        "pcs",
    }
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split(text: str) -> tuple[str, str]:
    """(first sentence, the rest) of ``text``, each stripped; ``(text, "")`` when it is one
    sentence, or when its first sentence could not be told apart safely."""
    text = text.strip()
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and _END.match(text, i) and _ends_here(text, i):
            first, rest = text[: i + 1].strip(), text[i + 1 :].strip()
            if first and rest:
                return first, rest
    return text, ""


def _ends_here(text: str, i: int) -> bool:
    if text[i] == "\n":
        return True
    after = text[i + 1 :].lstrip()
    if not (after[:1].isupper() or after[:1].isdigit() or after[:1] in '"“‘(['):
        return False  # “… 3-in-1. sachet …”: lower case goes on the same sentence
    if text[i] != ".":
        return True
    found = _WORD_BEFORE.search(text[:i])
    word = found.group(1).lower() if found else ""
    return len(word.strip(".")) > 1 and word not in _SHORT_FORMS
