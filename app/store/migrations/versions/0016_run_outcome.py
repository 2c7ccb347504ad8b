"""How a workflow ended an order

``runs.outcome``: NULL, or how the workflow itself ended the order ("cancelled", "done"),
recorded by its “End the order” step (``app.steps.end_order``) in the transaction of that
step's success. An order the workflow ends cancelled keeps the engine's status ``succeeded``
(it ran to its end) but reads and counts as cancelled; ``runs.cancelled`` still means only that
the operator stopped the run. A partial index holds the few ended ones, by arrival: the orders
list's "Cancelled" filter and the dashboard read them from it.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("runs", sa.Column("outcome", sa.String(20), nullable=True))
    op.create_index(
        "ix_runs_outcome",
        "runs",
        ["outcome", "created_at"],
        sqlite_where=sa.text("outcome IS NOT NULL"),
        postgresql_where=sa.text("outcome IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_runs_outcome", "runs")
    # Dropped in place (SQLite 3.35+, PostgreSQL), as 0014 and 0015 do.
    op.execute("ALTER TABLE runs DROP COLUMN outcome")
