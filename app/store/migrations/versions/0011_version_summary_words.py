"""Version summaries, language-neutral

``workflow_versions.summary_words``: each sentence of the version's "what changes" summary as
its source template, translation context and named fields (JSON list), beside the English
``summary``, so the history shows it in the reader's language. Versions written before this
revision have NULL and show as stored.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("workflow_versions", sa.Column("summary_words", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workflow_versions") as batch:
        batch.drop_column("summary_words")
