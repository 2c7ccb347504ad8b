"""Partial indexes over active steps

The index on (state, next_attempt_at) covered every step ever run, so each transition moved an
entry around a large index. Three partial indexes cover only ready, due and running steps.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_step_runs_ready", ["id"], "ready"),
    ("ix_step_runs_due", ["next_attempt_at"], "retry_wait"),
    ("ix_step_runs_running", ["lease_owner"], "running"),
)


def upgrade() -> None:
    with op.batch_alter_table("step_runs") as batch:
        batch.drop_index("ix_step_runs_state_next")
        for name, columns, state in INDEXES:
            batch.create_index(
                name,
                columns,
                sqlite_where=sa.text(f"state = '{state}'"),
                postgresql_where=sa.text(f"state = '{state}'"),
            )


def downgrade() -> None:
    with op.batch_alter_table("step_runs") as batch:
        for name, _columns, _state in INDEXES:
            batch.drop_index(name)
        batch.create_index("ix_step_runs_state_next", ["state", "next_attempt_at"])
