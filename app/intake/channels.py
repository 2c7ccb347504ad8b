"""Intake channels declare themselves: each channel module says which trigger type it serves
and how a channel for one trigger starts (``CHANNEL = ChannelKind(...)``, or
``channel_kinds()`` when the kinds depend on what is present: one per shop platform). The
manager collects them here instead of choosing by trigger type itself, so a new channel is one
new module listed in ``MODULES``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.core.model import Trigger, Workflow
    from app.store.connections import ConnectionProvider
    from app.store.runs import RunStore

# The channel modules under app/intake, each declaring ``CHANNEL`` or ``channel_kinds()``.
MODULES = ("imap", "marketplace", "schedule", "web", "platform_channel")


class Pause(Protocol):
    """Asked before each pass: set while intake is paused or another runner holds the
    channel's lease (``app.intake.leases.ChannelGate``)."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class ChannelSetup:
    """What the manager hands a channel kind to start one trigger of one workflow."""

    store: RunStore
    channel: str  # "<workflow>/<trigger id>": the channel's name in health, cursors, leases
    workflow: Workflow
    trigger: Trigger
    connections: ConnectionProvider
    data_dir: Path | None
    paused: Pause


@dataclass(frozen=True)
class ChannelKind:
    """One trigger type's channel.

    ``start(setup)`` makes the channel the manager schedules (it has ``run``, or ``schedule``
    for one that schedules itself, and ``stop``), or None when nothing polls. ``web``: the web
    intake serves this trigger's posts — the trigger itself when ``start`` made no channel (a
    webhook), else the channel's ``receive`` (a shop's push). ``alerts_when_down``: a channel
    that reads a source outside Daloy raises "channel down" when it cannot reach it; a clock
    has nothing to reach."""

    trigger_type: str
    start: Callable[[ChannelSetup], Any] | None = None
    web: bool = False
    alerts_when_down: bool = True


def channel_args(setup: ChannelSetup) -> dict[str, Any]:
    """The keyword arguments every channel class takes, from ``setup``."""
    return {
        "channel": setup.channel,
        "workflow": setup.workflow.name,
        "config": setup.trigger.config,
        "paused": setup.paused,
    }


@lru_cache(maxsize=1)
def channel_kinds() -> dict[str, ChannelKind]:
    """Every declared channel kind, by trigger type."""
    found: dict[str, ChannelKind] = {}
    for name in MODULES:
        module = importlib.import_module(f"app.intake.{name}")
        declared = module.channel_kinds() if hasattr(module, "channel_kinds") else [module.CHANNEL]
        for kind in declared:
            if kind.trigger_type in found:
                raise ValueError(f"two intake channels serve trigger type {kind.trigger_type!r}")
            found[kind.trigger_type] = kind
    return found
