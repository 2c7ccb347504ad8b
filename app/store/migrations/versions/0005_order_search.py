"""Order search and list facts; what a look-up found before an attempt

``run_facts`` (one row per run: the customer and total an operator sorts by) and ``run_search``
(SQLite FTS5 over everything the order carries, flattened) are filled by an SQL trigger on
``runs`` inside the transaction that inserts the run, so starting a run stays one commit and no
code path (engine, intake, a script) can forget them. Existing runs are indexed here once.
A later migration that rebuilds ``runs`` (``batch_alter_table``) must create the triggers again.
On PostgreSQL the same two tables are filled by a PL/pgSQL trigger, ``run_search.body`` being
a tsvector with a GIN index.

``attempts.looked_up``: before this attempt was sent, Daloy asked the outside system whether the
earlier unanswered one went through ("found" / "not found"); the inbox says it in words.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Where shops put the customer and the total (the sample orders, web forms, marketplaces,
# email orders), first found wins. Frozen here: a migration must not follow later code.
CUSTOMER_PATHS = (
    "$.order.customer.name",
    "$.order.customer",
    "$.customer.name",
    "$.customer",
    "$.order.customer_name",
    "$.customer_name",
    "$.order.name",
    "$.name",
    "$.order.customer.email",
    "$.order.email",
    "$.email",
    "$.email.from",
)
TOTAL_PATHS = ("$.order.total", "$.total", "$.order.amount", "$.amount")
TEXT_LIMIT = 4000  # characters of one value that are searchable (an email's text)


def _valid(t: str, sql: str, default: str) -> str:
    # json_* functions raise on malformed JSON, and a raise inside the trigger would refuse
    # the order: an unreadable trigger is simply not searchable.
    return f"(CASE WHEN json_valid({t}) THEN {sql} ELSE {default} END)"


def customer_sql(t: str) -> str:
    picks = ", ".join(
        f"CASE WHEN json_type({t}, '{p}') = 'text' THEN json_extract({t}, '{p}') END"
        for p in CUSTOMER_PATHS
    )
    return _valid(t, f"substr(trim(coalesce({picks}, '')), 1, 200)", "''")


def total_sql(t: str) -> str:
    picks = ", ".join(
        f"CASE WHEN json_type({t}, '{p}') IN ('integer', 'real') THEN json_extract({t}, '{p}') "
        f"WHEN json_type({t}, '{p}') = 'text' AND trim(json_extract({t}, '{p}')) GLOB '[0-9]*' "
        f"AND NOT trim(json_extract({t}, '{p}')) GLOB '*[^0-9.]*' "
        f"THEN CAST(trim(json_extract({t}, '{p}')) AS REAL) END"
        for p in TOTAL_PATHS
    )
    return _valid(t, f"coalesce({picks})", "NULL")


def body_sql(t: str, key: str, workflow: str) -> str:
    """Every text and number of the trigger, one after the other: numbers also with two
    decimals (1499.5 is found as 1499.50), phone numbers also as digits only. Mail headers,
    Message-IDs, saved file paths and anything named like a secret are left out."""
    digits = "j.value"
    for ch in (" ", "-", "(", ")", "+", "."):
        digits = f"replace({digits}, '{ch}', '')"
    values = (
        "SELECT CASE WHEN j.type = 'text' THEN substr(j.value, 1, " + str(TEXT_LIMIT) + ") || "
        "CASE WHEN lower(j.key) GLOB '*phone*' OR lower(j.key) GLOB '*mobile*' "
        f"OR lower(j.key) GLOB 'tel*' THEN ' ' || {digits} ELSE '' END "
        "ELSE j.value || ' ' || printf('%.2f', j.value) END AS v "
        f"FROM json_tree({t}) AS j WHERE j.type IN ('text', 'integer', 'real') "
        "AND j.fullkey NOT GLOB '$.email.headers*' "
        "AND lower(coalesce(j.key, '')) NOT IN ('path', 'raw_path', 'message_id') "
        "AND lower(coalesce(j.key, '')) NOT GLOB '*token*' "
        "AND lower(coalesce(j.key, '')) NOT GLOB '*password*' "
        "AND lower(coalesce(j.key, '')) NOT GLOB '*secret*'"
    )
    flat = _valid(t, f"(SELECT group_concat(v, ' ') FROM ({values}))", "NULL")
    return f"coalesce({key}, '') || ' ' || coalesce({workflow}, '') || ' ' || coalesce({flat}, '')"


# PostgreSQL: the same tables, filled by a PL/pgSQL trigger; ``run_search.body`` is a tsvector
# (GIN index) of the same flattened text, ASCII punctuation turned into spaces first so the
# words are those FTS5's unicode61 tokenizer makes (``app.store.search`` queries per dialect).
_PG_FUNCTIONS = r"""
CREATE FUNCTION daloy_json_text(j jsonb, path text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(j #> path) = 'string' THEN j #>> path END $$;
CREATE FUNCTION daloy_json_number(j jsonb, path text[]) RETURNS float LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(j #> path) = 'number' THEN (j #>> path)::float
              WHEN jsonb_typeof(j #> path) = 'string'
                   AND trim(j #>> path) ~ '^[0-9]+(\.[0-9]*)?$' THEN trim(j #>> path)::float
         END $$;
CREATE FUNCTION daloy_flat(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  WITH RECURSIVE tree(key, path, value) AS (
    SELECT NULL::text, ARRAY[]::text[], j
    UNION ALL
    SELECT c.key, tree.path || c.key, c.value FROM tree CROSS JOIN LATERAL (
      SELECT e.key, e.value FROM jsonb_each(
        CASE WHEN jsonb_typeof(tree.value) = 'object' THEN tree.value END) AS e
      UNION ALL
      SELECT (a.n - 1)::text, a.value FROM jsonb_array_elements(
        CASE WHEN jsonb_typeof(tree.value) = 'array' THEN tree.value END)
        WITH ORDINALITY AS a(value, n)
    ) AS c
  )
  SELECT string_agg(CASE
      WHEN jsonb_typeof(value) = 'string' THEN left(value #>> '{}', TEXT_LIMIT) ||
        CASE WHEN lower(key) LIKE '%phone%' OR lower(key) LIKE '%mobile%' OR lower(key) LIKE 'tel%'
             THEN ' ' || translate(value #>> '{}', ' -()+.', '') ELSE '' END
      ELSE (value #>> '{}') || ' ' || round((value #>> '{}')::numeric, 2)::text END, ' ')
  FROM tree
  WHERE jsonb_typeof(value) IN ('string', 'number')
    AND NOT (path[1:2] = ARRAY['email', 'headers'])
    AND lower(coalesce(key, '')) NOT IN ('path', 'raw_path', 'message_id')
    AND lower(coalesce(key, '')) NOT LIKE '%token%'
    AND lower(coalesce(key, '')) NOT LIKE '%password%'
    AND lower(coalesce(key, '')) NOT LIKE '%secret%' $$;
CREATE FUNCTION daloy_search_vector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsvector('simple', left(translate(body, PUNCT, repeat(' ', PUNCT_LEN)), 500000)) $$;
CREATE FUNCTION daloy_index_run(run_id text, t jsonb, business_key text, workflow text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fact_id integer;
BEGIN
  INSERT INTO run_facts (run_id, customer, total)
  VALUES (run_id, substr(trim(coalesce(CUSTOMER, '')), 1, 200), coalesce(TOTAL))
  RETURNING id INTO fact_id;
  INSERT INTO run_search (rowid, body) VALUES (fact_id, daloy_search_vector(
    coalesce(business_key, '') || ' ' || coalesce(workflow, '') || ' ' ||
    coalesce(daloy_flat(t), '')));
END $$;
CREATE FUNCTION daloy_run_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t jsonb;
BEGIN
  BEGIN
    t := NEW.trigger::jsonb;
  EXCEPTION WHEN others THEN  -- "\u0000" (json keeps it, jsonb refuses): not searchable
    t := NULL;
  END;
  PERFORM daloy_index_run(NEW.id, t, NEW.business_key, NEW.workflow_name);
  RETURN NULL;
END $$;
CREATE FUNCTION daloy_run_facts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM run_search WHERE rowid = (SELECT id FROM run_facts WHERE run_id = OLD.id);
  DELETE FROM run_facts WHERE run_id = OLD.id;
  RETURN NULL;
END $$;
"""


def _pg_path(path: str) -> str:
    return "'{" + path[2:].replace(".", ",") + "}'"  # "$.order.total" -> '{order,total}'


def _pg_functions() -> str:
    punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    return (
        _PG_FUNCTIONS.replace("TEXT_LIMIT", str(TEXT_LIMIT))
        .replace("PUNCT_LEN", str(len(punct)))
        .replace("PUNCT", "'" + punct.replace("'", "''") + "'")
        .replace(
            "CUSTOMER", ", ".join(f"daloy_json_text(t, {_pg_path(p)})" for p in CUSTOMER_PATHS)
        )
        .replace("TOTAL", ", ".join(f"daloy_json_number(t, {_pg_path(p)})" for p in TOTAL_PATHS))
    )


def _upgrade_postgresql() -> None:
    op.create_table(
        "run_facts",
        sa.Column("id", sa.Integer(), primary_key=True),  # = run_search.rowid
        sa.Column("run_id", sa.String(32), nullable=False, unique=True),
        sa.Column("customer", sa.String(200), nullable=False, server_default=""),
        sa.Column("total", sa.Float(), nullable=True),
    )
    op.create_index("ix_run_facts_customer", "run_facts", ["customer"])
    op.create_index("ix_run_facts_total", "run_facts", ["total"])
    op.execute("CREATE TABLE run_search (rowid integer PRIMARY KEY, body tsvector NOT NULL)")
    op.execute("CREATE INDEX ix_run_search_body ON run_search USING gin (body)")
    op.execute(_pg_functions())
    op.execute(
        "SELECT daloy_index_run(id, trigger::jsonb, business_key, workflow_name) "
        "FROM runs ORDER BY created_at, id"
    )
    op.execute(
        "CREATE TRIGGER runs_search_insert AFTER INSERT ON runs "
        "FOR EACH ROW EXECUTE FUNCTION daloy_run_facts()"
    )
    op.execute(
        "CREATE TRIGGER runs_search_delete AFTER DELETE ON runs "
        "FOR EACH ROW EXECUTE FUNCTION daloy_run_facts_delete()"
    )


def upgrade() -> None:
    op.add_column("attempts", sa.Column("looked_up", sa.String(20), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
        return
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "run_facts",
        sa.Column("id", sa.Integer(), primary_key=True),  # = run_search's rowid
        sa.Column("run_id", sa.String(32), nullable=False, unique=True),
        sa.Column("customer", sa.String(200), nullable=False, server_default=""),
        sa.Column("total", sa.Float(), nullable=True),
    )
    op.create_index("ix_run_facts_customer", "run_facts", ["customer"])
    op.create_index("ix_run_facts_total", "run_facts", ["total"])
    op.execute(
        "CREATE VIRTUAL TABLE run_search USING fts5(body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        "INSERT INTO run_facts (run_id, customer, total) SELECT id, "
        f"{customer_sql('trigger')}, {total_sql('trigger')} FROM runs ORDER BY created_at, id"
    )
    op.execute(
        "INSERT INTO run_search (rowid, body) SELECT f.id, "
        f"{body_sql('r.trigger', 'r.business_key', 'r.workflow_name')} "
        "FROM run_facts AS f JOIN runs AS r ON r.id = f.run_id"
    )
    # last_insert_rowid() inside a trigger is the row the trigger itself just inserted.
    op.execute(
        "CREATE TRIGGER runs_search_insert AFTER INSERT ON runs BEGIN "
        "INSERT INTO run_facts (run_id, customer, total) VALUES (new.id, "
        f"{customer_sql('new.trigger')}, {total_sql('new.trigger')}); "
        "INSERT INTO run_search (rowid, body) VALUES (last_insert_rowid(), "
        f"{body_sql('new.trigger', 'new.business_key', 'new.workflow_name')}); END"
    )
    op.execute(
        "CREATE TRIGGER runs_search_delete AFTER DELETE ON runs BEGIN "
        "DELETE FROM run_search WHERE rowid = (SELECT id FROM run_facts WHERE run_id = old.id); "
        "DELETE FROM run_facts WHERE run_id = old.id; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS runs_search_delete ON runs")
        op.execute("DROP TRIGGER IF EXISTS runs_search_insert ON runs")
        for name in (
            "run_facts_delete()",
            "run_facts()",
            "index_run(text, jsonb, text, text)",
            "search_vector(text)",
            "flat(jsonb)",
            "json_number(jsonb, text[])",
            "json_text(jsonb, text[])",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS daloy_{name}")
        op.execute("DROP TABLE IF EXISTS run_search")
        op.drop_table("run_facts")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS runs_search_delete")
        op.execute("DROP TRIGGER IF EXISTS runs_search_insert")
        op.execute("DROP TABLE IF EXISTS run_search")
        op.drop_table("run_facts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("looked_up")
