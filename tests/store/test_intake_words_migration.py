"""Migration 0014 adds the words of intake's stored sentences to a database in use, on SQLite
and PostgreSQL: a channel's last error and an intake item's summary written by a Daloy of
revision 0013 stay as they were, without words, and read as their English text in any
language; what is written after the upgrade carries its words."""

from __future__ import annotations

import time

from sqlalchemy import text

from app.core.i18n import QT_TRANSLATE_NOOP, said, shown
from app.steps import registry
from app.store import intake as repo
from app.store import migrate
from app.store.models import ChannelState, InboxItem, IntakeItem
from app.store.runs import RunStore
from tests.runtime.test_step_words import in_filipino

OLD_ERROR = "The mail server of connection “shop” could not be reached."


def test_an_intake_database_of_revision_0013_is_upgraded(data_dir, open_db) -> None:  # noqa: ANN001
    db = open_db(data_dir, migrate=False)
    migrate.upgrade(db, "0013")
    flags = {"no": False, "at": time.time() - 3600}
    with db.engine.begin() as c:  # the rows as a Daloy of revision 0013 wrote them
        c.execute(
            text(
                "insert into channel_states (channel, kind, last_error_at, last_error, paused, "
                "updated_at) values ('orders/email', 'imap', :at, :error, :no, :at)"
            ),
            {**flags, "error": OLD_ERROR},
        )
        c.execute(
            text(
                "insert into intake_items (channel, dedupe_key, status, summary, received_at) "
                "values ('orders/email', 'imap:old', 'malformed', 'Email “x” from y', :at)"
            ),
            flags,
        )
    migrate.upgrade(db)
    assert migrate.current(db) == migrate.head(db)
    with db.read() as s:
        row = s.get(ChannelState, "orders/email")
        assert (row.last_error, row.last_error_words) == (OLD_ERROR, None)
        item = s.query(IntakeItem).one()
        assert (item.summary, item.summary_words) == ("Email “x” from y", None)

    # as the Intake health page shows it
    assert in_filipino(lambda: shown(row.last_error_words, row.last_error)) == OLD_ERROR
    store = RunStore(db, registry().specs)
    assert repo.check_health(store, "orders/email", "imap", 60, started_at=flags["at"])
    with db.read() as s:
        alert = s.query(InboxItem).one()
        said_now = in_filipino(lambda: shown(alert.words["reason"], alert.reason))
    assert said_now.startswith("Hindi pa gumagana ang channel na orders/email")
    assert f"Ang huling error: {OLD_ERROR} Walang order" in said_now

    # written after the upgrade: with its words
    repo.record_error(
        db,
        "orders/email",
        "imap",
        said(QT_TRANSLATE_NOOP("Intake", "The marketplace sent an answer that is not JSON.")),
    )
    with db.read() as s:
        row = s.get(ChannelState, "orders/email")
    assert in_filipino(lambda: shown(row.last_error_words, row.last_error)) == (
        "Nagpadala ang marketplace ng sagot na hindi JSON."
    )
    db.close()
