"""Dashboard counts kept as orders come and go

``run_counts``: how many orders (practice runs left out) arrived in each quarter hour, by
channel and by status — the dashboard's orders per day, clean/waiting counts, read from a few
thousand rows instead of a million orders. Quarter hours, because every time zone's midnight
(+05:30, +05:45 too) falls on one, so a slot belongs to one local day whatever the zone.
Kept by SQL triggers on ``runs`` inside the transaction that inserts, updates or removes the
run, so a step still costs one commit and no code path (engine, intake, clean-up, a script)
can forget them. Existing orders are counted here once.

``ix_attempts_failed``: a partial index over the failed attempts only (the dashboard's steps
and systems that fail most); attempts that succeed never enter it, so the hot path is untouched.

A later migration that rebuilds ``runs`` (``batch_alter_table``) must create the triggers again.
SQLite only, like the search tables of 0005.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SLOT = 900  # seconds in one count slot (a quarter hour)
# Frozen here (a migration must not follow later code): the outcomes that are no failure, as
# in ``app.store.dashboard.NOT_FAILED``, which names this index's condition word for word.
NOT_FAILED_SQL = "('succeeded', 'running', 'waiting', 'asked', 'handed back')"


def _slot(t: str) -> str:
    return f"CAST({t}.created_at / {SLOT} AS INTEGER)"


def _channel(t: str) -> str:
    return f"coalesce((SELECT channel FROM intake_items WHERE id = {t}.intake_item_id), 'by hand')"


def _add(t: str) -> str:
    # "WHERE" before ON CONFLICT: SQLite's parser needs it after a SELECT (its documented rule)
    return (
        "INSERT INTO run_counts (slot, channel, status, n) "
        f"SELECT {_slot(t)}, {_channel(t)}, {t}.status, 1 WHERE {t}.practice = 0 "
        "ON CONFLICT (slot, channel, status) DO UPDATE SET n = n + 1;"
    )


def _remove(t: str) -> str:
    return (
        f"UPDATE run_counts SET n = n - 1 WHERE {t}.practice = 0 AND slot = {_slot(t)} "
        f"AND channel = {_channel(t)} AND status = {t}.status;"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE run_counts (slot INTEGER NOT NULL, channel VARCHAR(300) NOT NULL, "
        "status VARCHAR(20) NOT NULL, n INTEGER NOT NULL, "
        "PRIMARY KEY (slot, channel, status)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT INTO run_counts (slot, channel, status, n) "
        f"SELECT CAST(r.created_at / {SLOT} AS INTEGER), coalesce(i.channel, 'by hand'), "
        "r.status, count(*) FROM runs AS r LEFT JOIN intake_items AS i ON i.id = r.intake_item_id "
        "WHERE r.practice = 0 GROUP BY 1, 2, 3"
    )
    op.execute(f"CREATE TRIGGER runs_counts_insert AFTER INSERT ON runs BEGIN {_add('new')} END")
    op.execute(f"CREATE TRIGGER runs_counts_delete AFTER DELETE ON runs BEGIN {_remove('old')} END")
    op.execute(
        "CREATE TRIGGER runs_counts_update AFTER UPDATE OF status, intake_item_id, created_at, "
        "practice ON runs WHEN old.status IS NOT new.status "
        "OR old.intake_item_id IS NOT new.intake_item_id "
        "OR old.created_at IS NOT new.created_at OR old.practice IS NOT new.practice "
        f"BEGIN {_remove('old')} {_add('new')} END"
    )
    op.execute(
        "CREATE INDEX ix_attempts_failed ON attempts (run_id, step_name) "
        f"WHERE outcome NOT IN {NOT_FAILED_SQL}"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_attempts_failed")
    for name in ("runs_counts_update", "runs_counts_delete", "runs_counts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS run_counts")
