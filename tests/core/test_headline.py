"""A decision's question as a headline: its first sentence, the rest beneath it
(``app.core.headline.split``)."""

from __future__ import annotations

import pytest

from app.core.headline import split

STOCK = (
    "Not enough stock for Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): 12 ordered, 8 in stock. "
    "Substitute the missing items with another product, backorder them (ship what is in stock "
    "now, the rest later as its own order), or cancel the order?"
)


@pytest.mark.parametrize(
    ("text", "first", "rest"),
    [
        (
            STOCK,
            "Not enough stock for Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): 12 ordered, 8 in "
            "stock.",
            "Substitute the missing items with another product, backorder them (ship what is in "
            "stock now, the rest later as its own order), or cancel the order?",
        ),
        # two short lines: the first one in the headline, the next beneath
        (
            "Not enough stock for Ana: Rice (RICE-25): 2 ordered, 1 in stock. Oil (OIL-1L): 3 "
            "ordered, 0 in stock. Substitute, backorder or cancel?",
            "Not enough stock for Ana: Rice (RICE-25): 2 ordered, 1 in stock.",
            "Oil (OIL-1L): 3 ordered, 0 in stock. Substitute, backorder or cancel?",
        ),
        ("Approve order 5001?", "Approve order 5001?", ""),
        ("  One sentence.  ", "One sentence.", ""),
        ("Is 1.5 kg enough? Say yes or no.", "Is 1.5 kg enough?", "Say yes or no."),
        # stops that end no sentence: names, short forms, a single letter, inside brackets
        ("Deliver to Sto. Niño? Call first.", "Deliver to Sto. Niño?", "Call first."),
        ("Order of Jose Rizal Jr. Approve? Yes.", "Order of Jose Rizal Jr. Approve?", "Yes."),
        ("Nescafe 50 g. Jar is short. Substitute?", "Nescafe 50 g. Jar is short.", "Substitute?"),
        (
            "Ship (see note. It says so) now. Or wait?",
            "Ship (see note. It says so) now.",
            "Or wait?",
        ),
        ("Short of rice. ask the buyer", "Short of rice. ask the buyer", ""),  # lower case
        ("Line one\nLine two", "Line one", "Line two"),
        ("", "", ""),
    ],
)
def test_the_first_sentence_and_the_rest(text, first, rest):
    assert split(text) == (first, rest)
    if rest:
        assert f"{first} {rest}".split() == text.split()  # nothing lost, nothing added
