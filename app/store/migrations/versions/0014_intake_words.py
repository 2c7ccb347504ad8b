"""Intake's stored sentences, language-neutral

``channel_states.last_error_words``: the source template, translation context and named fields
(JSON) of a channel's last error, stored in ``last_error`` when intake said it with
``app.core.i18n.said`` (a mail server that refused the password, a marketplace that does not
answer), so the Intake health page, ``daloy intake status`` and the "channel down" alert say it
in the operator's language. ``intake_items.summary_words``: the same for the item's summary
("Email “…” from …"). NULL for a plain sentence and for everything stored before this revision,
which shows as stored (English).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("channel_states", sa.Column("last_error_words", sa.JSON(), nullable=True))
    op.add_column("intake_items", sa.Column("summary_words", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35+, PostgreSQL), not by copying the table as a batch does:
    # the run-count triggers of 0008 name intake_items, and SQLite refuses the copy's rename.
    op.execute("ALTER TABLE intake_items DROP COLUMN summary_words")
    op.execute("ALTER TABLE channel_states DROP COLUMN last_error_words")
