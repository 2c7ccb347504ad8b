"""Finding orders by anything an operator remembers: order number, customer name, email, phone,
product (SKU or name), amount, the text of the email.

Every run's trigger is flattened into ``run_search`` (SQLite FTS5, a PostgreSQL tsvector) and
its customer and total into ``run_facts`` by an SQL trigger on ``runs`` (migration 0005), in the
transaction that inserts the run: starting a run stays one commit, and every way a run starts
is covered. A workflow whose orders carry no total (an email, the web form) names where it
comes from (``order_total``); ``order_totals`` writes it when that step succeeds, in the same
transaction. This module turns what the operator typed into a safe FTS5 query (or tsquery) and
gives ``queries`` the tables to join. No I/O of its own; no Qt.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    column,
    false,
    func,
    select,
    table,
)
from sqlalchemy.orm import Session

# Not models: FTS5 tables and trigger-filled facts are written only by SQL (migration 0005).
run_facts = table(
    "run_facts",
    column("id", Integer),
    column("run_id", String),
    column("customer", String),
    column("total", Float),
)
run_search = table("run_search", column("rowid", Integer), column("body", String))

FEW = 2000  # matches named one by one (``matches``)
MAX_WORDS = 12  # more words only narrow further; a pasted email is cut here
# What FTS5's unicode61 tokenizer keeps as one token: letters and digits ("_" separates).
_TOKEN = re.compile(r"[^\W_]+")
# Accented Latin letters and their plain ones: FTS5 (``remove_diacritics 2``) folds them itself;
# PostgreSQL's index folds with exactly this table (``daloy_fold``, migration 0012, which keeps
# its own copy: a migration never changes), so "Pena" finds "Peña" and "Niño" finds "Nino".
ACCENTED = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğ"
    "ĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž"
)
PLAIN = (
    "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIiIJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz"
)
_FOLD = str.maketrans(ACCENTED, PLAIN)


def fold(text: str) -> str:
    """``text`` with accented Latin letters plain, as PostgreSQL's search index holds it."""
    return text.translate(_FOLD)


def match_query(text: str) -> str | None:
    """The FTS5 query for ``text``: each word must appear, as a phrase of its parts, the last
    part as a prefix ("nena@exa" finds nena@example.com, "SKU-12" finds SKU-12 and SKU-120,
    "1499.5" finds 1499.50). None when nothing searchable was typed. Operators' text never
    reaches FTS5's own syntax: only letters and digits are kept, inside quotes."""
    phrases = []
    for word in text.split()[:MAX_WORDS]:
        tokens = _TOKEN.findall(word.lower())
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " ".join(phrases) or None


def tsquery(text: str) -> str | None:
    """The PostgreSQL form of ``match_query``: each word's parts as a phrase (``<->``), the last
    a prefix (``:*``), the words joined by ``&``; the same letters-and-digits tokens, quoted,
    accents folded as the index folds them."""
    phrases = []
    for word in text.split()[:MAX_WORDS]:
        tokens = _TOKEN.findall(fold(word).lower())
        if tokens:
            phrases.append(" <-> ".join(f"'{t}'" for t in tokens) + ":*")
    return " & ".join(f"({p})" for p in phrases) or None


def _hits(s: Session, text: str) -> Select[tuple[int]] | None:
    if s.get_bind().dialect.name == "postgresql":  # a tsvector column (migration 0005)
        query = tsquery(text)
        condition = run_search.c.body.op("@@")(func.to_tsquery("simple", query))
    else:  # SQLite FTS5
        query = match_query(text)
        condition = run_search.c.body.op("MATCH")(query)
    return None if query is None else select(run_search.c.rowid).where(condition)


def matches(s: Session, text: str) -> ColumnElement[bool]:
    """A condition on ``run_facts.c.id`` (join it to ``runs``) for runs that match ``text``.
    FTS5 on SQLite, a tsvector on PostgreSQL. Evaluated once per search: a search that
    finds few orders (a customer's) names them, so the list starts from those few rows instead
    of walking every run to find them; a broad one stays a sub-query, whose cost grows with
    what it finds (about 0.25 s for 100,000 of 1M orders; a word in every order, 2 s)."""
    hits = _hits(s, text)
    if hits is None:
        return false()
    few = list(s.scalars(hits.limit(FEW + 1)))
    return run_facts.c.id.in_(few if len(few) <= FEW else hits)
