"""IMAP ledger

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imap_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=500), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.Column("intake_item_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "uidvalidity", "uid"),
    )
    with op.batch_alter_table("imap_ledger") as batch:
        batch.create_index("ix_imap_ledger_message_id", ["channel", "message_id"])


def downgrade() -> None:
    op.drop_table("imap_ledger")
