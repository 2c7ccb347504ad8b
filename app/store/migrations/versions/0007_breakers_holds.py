"""Circuit breakers per outside system; holds across orders

``breakers``: one row per outside system that has failed (state, recent failures, when it went
down, the probe's backoff, the one step let through while probing or resuming), shared by every
runner on the database. ``holds``: an operator's rule that stops matching orders before a step.
``step_runs.waiting_on``: a ``retry_wait`` step parked on a down system or a hold, without
spending an attempt; a partial index finds those of one system, oldest first.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("step_runs", sa.Column("waiting_on", sa.String(300), nullable=True))
    op.create_index(
        "ix_step_runs_waiting_on",
        "step_runs",
        ["waiting_on", "id"],
        sqlite_where=sa.text("waiting_on IS NOT NULL"),
        postgresql_where=sa.text("waiting_on IS NOT NULL"),
    )
    op.create_table(
        "breakers",
        sa.Column("system", sa.String(300), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("failures", sa.JSON(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("opened_at", sa.Float(), nullable=True),
        sa.Column("next_probe_at", sa.Float(), nullable=True),
        sa.Column("probe_delay", sa.Float(), nullable=True),
        sa.Column("admit_step_id", sa.Integer(), nullable=True),
        sa.Column("admit_at", sa.Float(), nullable=True),
        sa.Column("next_release_at", sa.Float(), nullable=True),
        sa.Column("waited", sa.JSON(), nullable=True),
        sa.Column("settings", sa.JSON(), nullable=True),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("system"),
    )
    op.create_table(
        "holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(200), nullable=True),
        sa.Column("customer", sa.String(300), nullable=True),
        sa.Column("workflow", sa.String(200), nullable=True),
        sa.Column("before_step", sa.String(100), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("released_at", sa.Float(), nullable=True),
        sa.Column("released_by", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_holds_released_at", "holds", ["released_at"])


def downgrade() -> None:
    op.drop_index("ix_holds_released_at", "holds")
    op.drop_table("holds")
    op.drop_table("breakers")
    op.drop_index("ix_step_runs_waiting_on", "step_runs")
    with op.batch_alter_table("step_runs") as batch:
        batch.drop_column("waiting_on")
