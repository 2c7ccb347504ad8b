"""Holds of a kind: the orders a put-back (or a restored copy) found in progress

``holds.kind``: NULL for an operator's rule (``app.store.holds``); ``"put-back"`` for the
group of orders that were in progress in a backup put back in place of the workspace, or in a
backup restored as a new workspace (``app.store.restored``). A hold with a kind holds only the
orders it parked when it was made and never matches an order that arrives later.
``holds.detail``: what such a hold knows (JSON): when the backup was taken, and per order the
steps the replaced workspace had done since, with their results, so the operator can count them
as done instead of running them again.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("holds", sa.Column("kind", sa.String(30), nullable=True))
    op.add_column("holds", sa.Column("detail", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35+, PostgreSQL), as 0014 does.
    op.execute("ALTER TABLE holds DROP COLUMN detail")
    op.execute("ALTER TABLE holds DROP COLUMN kind")
