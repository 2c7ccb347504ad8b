"""SQLAlchemy typed models. Times are epoch seconds (UTC) as floats: sortable, cheap in SQLite."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    and_,
    case,
    literal_column,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.elements import Grouping


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, Any: JSON}


class WorkflowRow(Base):
    __tablename__ = "workflows"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)  # triggers switched on
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    current_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


class WorkflowVersion(Base):
    __tablename__ = "workflow_versions"
    __table_args__ = (UniqueConstraint("workflow_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)  # the workflow JSON
    has_errors: Mapped[bool] = mapped_column(Boolean, default=False)  # saved as a draft
    summary: Mapped[str] = mapped_column(Text, default="")
    # the summary's sentences as templates (app.core.changes.summary; None: before 0011)
    summary_words: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")  # the publisher's words
    # "published", or "practice": a draft tried or replayed (hidden from the version list; its
    # practice runs pin it like any run pins its version). Practice rows number below zero.
    kind: Mapped[str] = mapped_column(String(20), default="published")
    # Connection names the version uses, noted when published, so switching the workflow on
    # can check them without the step registry (None: published before this was noted).
    uses: Mapped[Any] = mapped_column(JSON, nullable=True)


class WorkflowDraft(Base):
    """The one draft of a workflow: where edits go, kept across restarts, checked only when
    published. A workflow never published has a draft and no current version."""

    __tablename__ = "workflow_drafts"
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"), primary_key=True)
    definition: Mapped[str] = mapped_column(Text)  # the workflow JSON, maybe broken
    based_on: Mapped[int | None] = mapped_column(Integer, nullable=True)  # version number
    saved_at: Mapped[float] = mapped_column(Float)
    saved_by: Mapped[str] = mapped_column(String(200), default="")


class Run(Base):
    __tablename__ = "runs"
    __table_args__ = (
        Index("ix_runs_status_created", "status", "created_at"),
        # the few runs their workflow ended (the list's "Cancelled" filter, the dashboard)
        Index("ix_runs_outcome", "outcome", "created_at", sqlite_where=text("outcome IS NOT NULL")),
    )
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("workflow_versions.id"))
    workflow_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    business_key: Mapped[str] = mapped_column(String(300), index=True, default="")
    trigger: Mapped[Any] = mapped_column(JSON)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    practice: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_run_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    parent_step: Mapped[str | None] = mapped_column(String(100), nullable=True)
    intake_item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    updated_at: Mapped[float] = mapped_column(Float)
    finished_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    # How the workflow itself ended the order (``app.core.order_states.OUTCOMES``: "cancelled",
    # "done"), recorded by its “End the order” step with that step's success; None: it ended
    # no particular way. Not ``cancelled``, which says the operator stopped the run.
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)


# The orders list's Status column sorts by the state as the list says it (``queries.SORTS``):
# what needs a person first, then what waits, runs, is done, and cancelled last; a run its
# workflow ended cancelled (status succeeded, ``outcome``) among the cancelled, not among "Done".
# Literal values, never parameters: SQLite and PostgreSQL walk an index on an expression only
# for a query with that very expression (the index: migration 0017).
STATUS_SORT_ORDER = ("needs_attention", "waiting", "running", "succeeded", "cancelled")
SHOWN_STATUS_RANK = case(
    (
        and_(
            Run.outcome == literal_column("'cancelled'"),
            Run.status == literal_column("'succeeded'"),
        ),
        literal_column(str(STATUS_SORT_ORDER.index("cancelled"))),
    ),
    *(
        (Run.status == literal_column(f"'{status}'"), literal_column(str(rank)))
        for rank, status in enumerate(STATUS_SORT_ORDER)
    ),
    else_=literal_column(str(len(STATUS_SORT_ORDER))),
)
# (in brackets: PostgreSQL takes an expression in an index only so)
Index("ix_runs_shown_status", Grouping(SHOWN_STATUS_RANK), Run.created_at)


class StepRun(Base):
    __tablename__ = "step_runs"
    # Partial indexes over the few active steps only (queries must name the state as a literal,
    # see ``runs.state_is``): a step's usual path, pending → running → succeeded, then touches
    # one small index instead of moving entries around a large one on every transition.
    # PostgreSQL's copy of each condition is added by ``partial_indexes_for_postgresql``.
    __table_args__ = (
        UniqueConstraint("run_id", "name"),
        Index(
            "ix_step_runs_ready",
            "id",
            sqlite_where=text("state = 'ready'"),
        ),
        Index(
            "ix_step_runs_due",
            "next_attempt_at",
            sqlite_where=text("state = 'retry_wait'"),
        ),
        Index(
            "ix_step_runs_running",
            "lease_owner",
            sqlite_where=text("state = 'running'"),
        ),
        Index(
            "ix_step_runs_waiting_on",
            "waiting_on",
            "id",
            sqlite_where=text("waiting_on IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"))
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)  # order in the workflow
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer)  # pinned from the version's policy
    # Seconds one attempt may take (pinned too): an unanswered attempt is looked up only after
    # its start plus this, when it can no longer land (``RunStore.outcome_settles_at``).
    time_limit: Mapped[float | None] = mapped_column(Float, nullable=True)
    reconcilable: Mapped[bool] = mapped_column(Boolean, default=False)  # outcome may be unknown
    needs_reconcile: Mapped[bool] = mapped_column(Boolean, default=False)
    sleeping: Mapped[bool] = mapped_column(Boolean, default=False)  # resume, not an attempt
    # A ``retry_wait`` step parked without spending an attempt: on a system that is down
    # (``system:<key>``, app.store.breakers) or on an operator's hold (``hold:<id>``).
    waiting_on: Mapped[str | None] = mapped_column(String(300), nullable=True)
    scratch: Mapped[Any] = mapped_column(JSON, nullable=True)
    port: Mapped[str | None] = mapped_column(String(100), nullable=True)
    input: Mapped[Any] = mapped_column(JSON, nullable=True)
    input_override: Mapped[Any] = mapped_column(JSON, nullable=True)
    output: Mapped[Any] = mapped_column(JSON, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # ``error`` language-neutral ({"context", "source", "fields"}, shown by app.core.i18n.shown);
    # written with it on a failure or a wait, NULL for a plain sentence and before migration 0013
    error_words: Mapped[Any] = mapped_column(JSON, nullable=True)
    next_attempt_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_expires_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    started_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    finished_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    updated_at: Mapped[float] = mapped_column(Float)


class Attempt(Base):
    __tablename__ = "attempts"
    __table_args__ = (Index("ix_attempts_run_step", "run_id", "step_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(String(32))
    step_name: Mapped[str] = mapped_column(String(100))
    number: Mapped[int] = mapped_column(Integer)
    runner: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[float] = mapped_column(Float)
    finished_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    outcome: Mapped[str] = mapped_column(String(30), default="running")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    error_words: Mapped[Any] = mapped_column(JSON, nullable=True)  # as StepRun.error_words
    # What the look-up of the earlier unanswered attempt found before this one was sent:
    # "found", "not found" or None (no look-up). The inbox says it in words (``explain``).
    looked_up: Mapped[str | None] = mapped_column(String(20), nullable=True)


class InboxItem(Base):
    __tablename__ = "inbox_items"
    __table_args__ = (Index("ix_inbox_status_created", "status", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(
        String(30)
    )  # step_failed, decision, intake_error, channel_down, system
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, resolved
    title: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    detail: Mapped[Any] = mapped_column(JSON, nullable=True)
    run_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    step_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    workflow_name: Mapped[str] = mapped_column(String(200), default="")
    business_key: Mapped[str] = mapped_column(String(300), default="")
    source_key: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)
    created_at: Mapped[float] = mapped_column(Float)
    resolved_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    resolution: Mapped[Any] = mapped_column(JSON, nullable=True)
    # title and reason language-neutral: {"title"|"reason": {"context", "source", "fields"}},
    # shown translated (app.core.i18n.shown); NULL for entries written before migration 0010
    words: Mapped[Any] = mapped_column(JSON, nullable=True)


class AuditEntry(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[float] = mapped_column(Float, index=True)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    run_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    step_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    inbox_item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


class Connection(Base):
    """A named connection's non-secret settings; its secrets live only in the OS keyring."""

    __tablename__ = "connections"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    settings: Mapped[Any] = mapped_column(JSON, default=dict)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


class IntakeItem(Base):
    """One item an intake channel received: committed with the run it starts, under a UNIQUE
    dedupe key, before the source is acknowledged. Malformed items are kept raw."""

    __tablename__ = "intake_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(300), index=True)  # "<workflow>/<trigger id>"
    dedupe_key: Mapped[str] = mapped_column(String(500), unique=True)
    status: Mapped[str] = mapped_column(String(20))  # started, malformed, duplicate
    summary: Mapped[str] = mapped_column(Text, default="")
    # ``summary`` language-neutral (as StepRun.error_words; None: plain, or before 0014)
    summary_words: Mapped[Any] = mapped_column(JSON, nullable=True)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    raw_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    run_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    received_at: Mapped[float] = mapped_column(Float)


class ChannelState(Base):
    """Health and durable position (cursor, IMAP ledger summary) of one intake channel."""

    __tablename__ = "channel_states"
    channel: Mapped[str] = mapped_column(String(300), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    last_ok_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_error_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # ``last_error`` language-neutral, written with it (None: plain, or before migration 0014)
    last_error_words: Mapped[Any] = mapped_column(JSON, nullable=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    cursor: Mapped[Any] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[float] = mapped_column(Float)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class ImapLedger(Base):
    """Every message an IMAP channel ingested: (account, folder, UIDVALIDITY, UID) and its
    Message-ID, so intake catches up after downtime and survives a UIDVALIDITY change."""

    __tablename__ = "imap_ledger"
    __table_args__ = (
        UniqueConstraint("channel", "uidvalidity", "uid"),
        Index("ix_imap_ledger_message_id", "channel", "message_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(300))
    uidvalidity: Mapped[int] = mapped_column(Integer)
    uid: Mapped[int] = mapped_column(Integer)
    message_id: Mapped[str] = mapped_column(String(500), default="")
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
    intake_item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[float] = mapped_column(Float)


class Breaker(Base):
    """The circuit breaker of one outside system (a connection, or a host a step calls): shared
    by every runner on the database, so its state lives here, not in a process."""

    __tablename__ = "breakers"
    system: Mapped[str] = mapped_column(String(300), primary_key=True)
    state: Mapped[str] = mapped_column(String(20), default="closed")  # closed/open/probing/resuming
    # Recent failure times (nullable, as migration 0007 made it: tests/store/test_schema_drift).
    failures: Mapped[Any] = mapped_column(JSON, default=list, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    opened_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    next_probe_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    probe_delay: Mapped[float | None] = mapped_column(Float, nullable=True)
    admit_step_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the one let through
    admit_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    next_release_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    waited: Mapped[Any] = mapped_column(JSON, nullable=True)  # run ids that waited
    settings: Mapped[Any] = mapped_column(JSON, nullable=True)  # per-system overrides
    updated_at: Mapped[float] = mapped_column(Float)


class Hold(Base):
    """An operator's hold: matching orders stop before ``before_step`` (or at their next step)
    until it is released. Empty rule fields match anything."""

    __tablename__ = "holds"
    __table_args__ = (Index("ix_holds_released_at", "released_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str | None] = mapped_column(String(200), nullable=True)
    customer: Mapped[str | None] = mapped_column(String(300), nullable=True)
    workflow: Mapped[str | None] = mapped_column(String(200), nullable=True)
    before_step: Mapped[str | None] = mapped_column(String(100), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    released_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    released_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # NULL: an operator's rule. "put-back": the orders a restored backup found in progress
    # (``app.store.restored``), held once, never matching new orders; ``detail`` what it knows.
    kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    detail: Mapped[Any] = mapped_column(JSON, nullable=True)


class ChannelLease(Base):
    """Which runner polls an intake channel now: ``holder`` until ``expires_at`` (the database's
    clock), renewed by the holder and taken over by another runner once it has expired."""

    __tablename__ = "channel_leases"
    channel: Mapped[str] = mapped_column(String(300), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[float] = mapped_column(Float)
    taken_at: Mapped[float] = mapped_column(Float)  # when this holder took it (handovers)


def partial_indexes_for_postgresql() -> None:
    """Give each partial index (steps, runs' outcomes) its condition for PostgreSQL too (the
    same as SQLite's). Not written in the models: naming a dialect's option makes SQLAlchemy
    load that dialect's whole support (~2 MB resident) in every process, a desktop on SQLite
    included. Called when a PostgreSQL engine is made (``Database``, the migrations'
    environment); idempotent."""
    for table in (StepRun.__tablename__, Run.__tablename__):
        for index in Base.metadata.tables[table].indexes:
            where = index.dialect_options["sqlite"]["where"]
            if where is not None:
                index.dialect_options["postgresql"]["where"] = where
