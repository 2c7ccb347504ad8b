"""Leases on intake channels: which runner polls a channel (an IMAP folder, a marketplace or
shop poller, a schedule) right now, so several runners on one database poll each channel one at
a time. The holder renews its lease; once a lease has expired (its holder died or lost the
database) another runner takes the channel over.

Expiry is judged by the database's clock on PostgreSQL, where runners on several PCs share one
server and their own clocks may disagree; on SQLite every runner is on the one machine.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, select, text, update
from sqlalchemy.orm import Session

from app.store.db import Database
from app.store.models import ChannelLease


@dataclass(frozen=True)
class LeaseHolder:
    holder: str
    expires_at: float
    taken_at: float


def database_now(s: Session) -> float:
    """Epoch seconds by the database server's clock (PostgreSQL), else by this machine's."""
    if s.get_bind().dialect.name == "postgresql":
        return float(s.scalar(text("SELECT extract(epoch FROM clock_timestamp())")))
    return time.time()


def insert_dialect(s: Session) -> Any:  # noqa: ANN401 - sqlalchemy.dialects' module
    """The session's dialect module (its ``insert`` has on-conflict), imported only when used:
    PostgreSQL's weighs ~2 MB, never needed on SQLite."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql
    from sqlalchemy.dialects import sqlite

    return sqlite


def hold(db: Database, channels: Iterable[str], holder: str, seconds: float) -> set[str]:
    """Take or renew ``holder``'s lease on each channel that is free, expired or already its
    own, for ``seconds`` from now; one transaction. Returns the channels ``holder`` holds now.

    The take-over is one conditional UPDATE: when two runners race for an expired lease, the
    database lets one of them change the row and the other's condition no longer matches."""
    names = sorted(set(channels))
    if not names:
        return set()
    with db.write() as s:
        now = database_now(s)
        dialect = insert_dialect(s)
        s.execute(
            dialect.insert(ChannelLease)
            .values(
                [
                    {"channel": c, "holder": holder, "expires_at": 0.0, "taken_at": now}
                    for c in names
                ]
            )
            .on_conflict_do_nothing(index_elements=["channel"])
        )
        s.execute(
            update(ChannelLease)
            .where(
                ChannelLease.channel.in_(names),
                (ChannelLease.holder == holder) | (ChannelLease.expires_at <= now),
            )
            .values(
                holder=holder,
                expires_at=now + seconds,
                # a renewal keeps the time it was taken; a take-over starts a new one
                taken_at=case((ChannelLease.holder == holder, ChannelLease.taken_at), else_=now),
            )
            .execution_options(synchronize_session=False)
        )
        return set(
            s.scalars(
                select(ChannelLease.channel).where(
                    ChannelLease.channel.in_(names), ChannelLease.holder == holder
                )
            )
        )


def release(db: Database, channels: Iterable[str], holder: str) -> None:
    """Give ``holder``'s leases back (a clean stop): another runner takes them at once."""
    names = list(channels)
    if not names:
        return
    with db.write() as s:
        s.execute(
            update(ChannelLease)
            .where(ChannelLease.channel.in_(names), ChannelLease.holder == holder)
            .values(expires_at=0.0)
            .execution_options(synchronize_session=False)
        )


def holders(db: Database) -> dict[str, LeaseHolder]:
    """Every channel's lease: who holds it, until when, since when."""
    with db.read() as s:
        return {
            row.channel: LeaseHolder(row.holder, row.expires_at, row.taken_at)
            for row in s.scalars(select(ChannelLease))
        }
