"""Inbox entries' sentences, language-neutral

``inbox_items.words``: the title's and the reason's source template, translation context and
named fields (JSON), stored beside the English text, so the screens show an entry in the
operator's language. Entries written before this revision have NULL and show as stored.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("inbox_items", sa.Column("words", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inbox_items") as batch:
        batch.drop_column("words")
