"""The orders list sorted by status as it says it

``ix_runs_shown_status``: the runs by their state as the orders list says it (needs you,
waiting, in progress, done, cancelled), then by arrival. An order its workflow ended cancelled
(status ``succeeded``, ``outcome`` "cancelled", migration 0016) sorts among the cancelled, not
among "Done". The expression is ``models.SHOWN_STATUS_RANK``, written out here as it stood
when this migration was made (a later change to it needs a migration of its own); the query
must say the very same expression for SQLite and PostgreSQL to walk the index.

Revision ID: 0017
Revises: 0016
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

RANK = (
    "CASE WHEN (outcome = 'cancelled' AND status = 'succeeded') THEN 4"
    " WHEN (status = 'needs_attention') THEN 0"
    " WHEN (status = 'waiting') THEN 1"
    " WHEN (status = 'running') THEN 2"
    " WHEN (status = 'succeeded') THEN 3"
    " WHEN (status = 'cancelled') THEN 4"
    " ELSE 5 END"
)


def upgrade() -> None:
    op.execute(f"CREATE INDEX ix_runs_shown_status ON runs (({RANK}), created_at)")


def downgrade() -> None:
    op.drop_index("ix_runs_shown_status", "runs")
