"""A step's time limit per attempt, pinned with the run

Before Daloy looks up whether an unanswered attempt went through, it waits until that attempt
can no longer land: its start (attempts.started_at) plus this limit. Runs created before this
revision have NULL and use their step type's default.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("step_runs", sa.Column("time_limit", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("step_runs") as batch:
        batch.drop_column("time_limit")
