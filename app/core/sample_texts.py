"""The sample workflows in the operator's language: their visible words (descriptions, step
titles, the decision's question, its choices' and fields' labels) are listed here for lupdate
and translated when the samples are seeded (``app.host.seed_samples``).

Only what a person reads changes: step names, ports, choice names, field names, expressions and
everything the engine matches on stay as shipped, so a seeded sample runs identically in every
language. ``tests/test_sample_texts.py`` checks this list against the bundled JSON files.
"""

from __future__ import annotations

from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Samples"

# Every visible text of resources/workflows/*.json, in file order (lupdate reads these).
TEXTS = [
    # backorder.json
    QT_TRANSLATE_NOOP(
        "Samples",
        "The rest of an order that could not ship at once: waits until the operator says the "
        "stock is in, then fulfils it as its own order through “Order fulfilment” (charged "
        "when it ships), or tells the customer it was cancelled.",
    ),
    QT_TRANSLATE_NOOP("Samples", "Wait until the stock is in"),
    QT_TRANSLATE_NOOP(
        "Samples",
        "Backorder {{ trigger.order.number }} for {{ trigger.order.customer.name }} (the rest "
        "of order {{ trigger.order.backorder_of }}): {% for l in trigger.order.lines %}"
        "{{ l.qty }} × {{ l.name ~ ' (' ~ l.sku ~ ')' if l.name | default('', true) else l.sku }}"
        "{% if not loop.last %}; {% endif %}{% endfor %}. When the "
        "stock has arrived and is counted in the stock sheet, choose “Stock is in: ship it”.",
    ),
    QT_TRANSLATE_NOOP("Samples", "Stock is in: ship it"),
    QT_TRANSLATE_NOOP("Samples", "Cancel the backorder (nothing is charged)"),
    QT_TRANSLATE_NOOP("Samples", "Note for the customer"),
    QT_TRANSLATE_NOOP("Samples", "Fulfil it as its own order"),
    QT_TRANSLATE_NOOP("Samples", "Email the customer: backorder cancelled"),
    QT_TRANSLATE_NOOP("Samples", "The backorder ends cancelled"),
    QT_TRANSLATE_NOOP("Samples", "Cancelled while waiting for the stock"),
    # order-fulfilment.json
    QT_TRANSLATE_NOOP(
        "Samples",
        "Every order, from any channel: check stock line by line; when a line is short, ask "
        "whether to substitute, backorder or cancel; charge for what ships now, take it off the "
        "stock, tell the warehouse, and tell the customer what ships now and what later.",
    ),
    QT_TRANSLATE_NOOP("Samples", "Shop settings"),
    QT_TRANSLATE_NOOP("Samples", "Read the order"),
    QT_TRANSLATE_NOOP("Samples", "Check stock, line by line"),
    QT_TRANSLATE_NOOP("Samples", "Is every line in stock?"),
    QT_TRANSLATE_NOOP("Samples", "List products that could replace it"),
    QT_TRANSLATE_NOOP("Samples", "Not enough stock: ask what to do"),
    QT_TRANSLATE_NOOP(
        "Samples",
        "Not enough stock for {{ steps.order.output.customer.name }}: "
        "{% for s in steps.check_stock.output.short %}"
        "{{ s.name ~ ' (' ~ s.key ~ ')' if s.name | default('', true) else s.key }}: "
        "{{ s.wanted }} ordered, {{ s.available }} in stock. {% endfor %}Substitute the missing "
        "items with "
        "another product, backorder them (ship what is in stock now, the rest later as its own "
        "order), or cancel the order?",
    ),
    QT_TRANSLATE_NOOP("Samples", "Substitute with the chosen product"),
    QT_TRANSLATE_NOOP("Samples", "Backorder: ship what we have, the rest later"),
    QT_TRANSLATE_NOOP("Samples", "Cancel the order (nothing is charged)"),
    QT_TRANSLATE_NOOP("Samples", "Substitute product"),
    QT_TRANSLATE_NOOP("Samples", "Check stock of the substitute"),
    QT_TRANSLATE_NOOP("Samples", "Decide what ships now and what later"),
    QT_TRANSLATE_NOOP("Samples", "Anything to ship now?"),
    QT_TRANSLATE_NOOP("Samples", "Charge the customer for what ships now"),
    QT_TRANSLATE_NOOP("Samples", "Take what ships off the stock"),
    QT_TRANSLATE_NOOP("Samples", "Tell the warehouse what to pack"),
    QT_TRANSLATE_NOOP("Samples", "Did the customer give an email address?"),
    QT_TRANSLATE_NOOP("Samples", "Email the customer what ships now and later"),
    QT_TRANSLATE_NOOP("Samples", "Anything left for later?"),
    QT_TRANSLATE_NOOP("Samples", "Start the backorder for the rest"),
    QT_TRANSLATE_NOOP("Samples", "Email the customer: order cancelled"),
    QT_TRANSLATE_NOOP("Samples", "The order ends cancelled"),
    QT_TRANSLATE_NOOP("Samples", "Cancelled at the stock question"),
]


def visible_texts(wf: Any) -> list[str]:
    """The texts of a workflow a person reads (what ``in_language`` translates), in order."""
    found: list[str] = []
    for _holder, _key, text in _places(wf):
        if text not in found:
            found.append(text)
    return found


def in_language(wf: Any) -> Any:
    """``wf`` (a sample just read) with its visible texts in the current language, in place.
    A text without a translation stays English."""
    for holder, key, text in _places(wf):
        translated = translate(CONTEXT, text)
        if isinstance(holder, dict):
            holder[key] = translated
        else:
            setattr(holder, key, translated)
    return wf


def _places(wf: Any) -> list[tuple[Any, str, str]]:
    """(holder, key, text) of each visible text: the description, each step's title, the note
    of a step that ends the order (shown on the order page) and, in a decision, its question
    and the labels of its choices and fields (never their names)."""
    places: list[tuple[Any, str, str]] = []
    if isinstance(wf.description, str) and wf.description:
        places.append((wf, "description", wf.description))
    for step in wf.steps:
        if step.title:
            places.append((step, "title", step.title))
        if step.type == "end_order" and isinstance(step.config.get("note"), str):
            if step.config["note"]:
                places.append((step.config, "note", step.config["note"]))
        if step.type != "ask_person":
            continue
        if isinstance(step.config.get("question"), str):
            places.append((step.config, "question", step.config["question"]))
        for item in [*step.config.get("options", []), *step.config.get("fields", [])]:
            if isinstance(item, dict) and isinstance(item.get("label"), str):
                places.append((item, "label", item["label"]))
    return places
