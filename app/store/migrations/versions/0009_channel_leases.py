"""Intake channel leases

``channel_leases``: one row per intake channel (an IMAP folder, a marketplace or shop poller, a
schedule) naming the runner that polls it and until when. Several runners on one database (or
the desktop app and a runner) then poll each channel one at a time; the holder renews its lease,
and another runner takes the channel over once the lease has expired (its holder died).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_leases",
        sa.Column("channel", sa.String(300), nullable=False),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("taken_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("channel"),
    )


def downgrade() -> None:
    op.drop_table("channel_leases")
