"""A step's error and wait sentences, language-neutral

``step_runs.error_words`` and ``attempts.error_words``: the source template, translation context
and named fields (JSON) of the sentence stored in ``error`` when the step wrote it with
``app.core.i18n.said``, so the order page, the inbox and the command line say it in the
operator's language. Written only on a failure or a wait (never on a success); NULL for a plain
sentence and for everything stored before this revision, which shows as stored.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("step_runs", sa.Column("error_words", sa.JSON(), nullable=True))
    op.add_column("attempts", sa.Column("error_words", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in ("attempts", "step_runs"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("error_words")
