"""Drafts and publishing

``workflow_drafts``: the one draft of each workflow, where edits go; the live version runs
unchanged until the draft is published. ``workflow_versions`` gains the publisher's ``note``,
its ``kind`` ("published", or "practice": a draft tried or replayed, hidden from the list) and
``uses`` (the connections the version needs, checked before it is switched on). Existing
versions are published ones.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "workflow_versions", sa.Column("note", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "workflow_versions",
        sa.Column("kind", sa.String(20), nullable=False, server_default="published"),
    )
    op.add_column("workflow_versions", sa.Column("uses", sa.JSON(), nullable=True))
    op.create_table(
        "workflow_drafts",
        sa.Column("workflow_id", sa.Integer(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.Column("saved_at", sa.Float(), nullable=False),
        sa.Column("saved_by", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["workflow_id"], ["workflows.id"]),
        sa.PrimaryKeyConstraint("workflow_id"),
    )


def downgrade() -> None:
    op.drop_table("workflow_drafts")
    with op.batch_alter_table("workflow_versions") as batch:
        batch.drop_column("uses")
        batch.drop_column("kind")
        batch.drop_column("note")
