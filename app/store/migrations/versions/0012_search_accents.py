"""Order search ignores accents on PostgreSQL too:

SQLite's FTS5 index folds accented letters (``remove_diacritics 2``, migration 0005), so "Pena"
finds "Peña"; PostgreSQL's ``simple`` text search keeps them, and a search for a customer typed
without the accent found nothing. ``daloy_search_vector`` now folds accented Latin letters to
plain ones before making the vector, and every run already indexed is indexed again. The
search text is folded with the same table (``app.store.search.fold``; this migration keeps its
own copy, checked equal by tests/store/test_search.py). Nothing to do on SQLite.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

ACCENTED = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğ"
    "ĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž"
)
PLAIN = (
    "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIiIJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz"
)
PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"  # as migration 0005


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _vector_function(folded: bool) -> str:
    body = "body"
    if folded:
        body = f"translate(body, {_literal(ACCENTED)}, {_literal(PLAIN)})"
    spaces = _literal(" " * len(PUNCT))
    return (
        "CREATE OR REPLACE FUNCTION daloy_search_vector(body text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE AS $$ SELECT to_tsvector('simple', "
        f"left(translate({body}, {_literal(PUNCT)}, {spaces}), 500000)) $$"
    )


# Each run's vector made again from its trigger, as daloy_index_run makes it; a trigger jsonb
# refuses (a NUL character) is indexed by its number and workflow only, as before.
_REINDEX = """
DO $$
DECLARE
  r record;
  t jsonb;
BEGIN
  FOR r IN SELECT f.id AS fact_id, x.trigger, x.business_key, x.workflow_name
           FROM run_facts AS f JOIN runs AS x ON x.id = f.run_id LOOP
    BEGIN
      t := r.trigger::jsonb;
    EXCEPTION WHEN others THEN
      t := NULL;
    END;
    UPDATE run_search SET body = daloy_search_vector(
      coalesce(r.business_key, '') || ' ' || coalesce(r.workflow_name, '') || ' ' ||
      coalesce(daloy_flat(t), ''))
    WHERE rowid = r.fact_id;
  END LOOP;
END $$
"""


def _switch(folded: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_vector_function(folded))
    op.execute(_REINDEX)


def upgrade() -> None:
    _switch(folded=True)


def downgrade() -> None:
    _switch(folded=False)
