"""The web intake's waitress server, in a module of its own so waitress loads when a web address
opens (a webhook, the order form, a shop's push), not when every runner starts: a waitress
TCP server that cuts off a client taking too long to send one request.

Waitress closes a connection only after ``channel_timeout`` of *silence*; a client trickling one
byte a second is never silent, so without a deadline a few hundred of them hold every
connection slot.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer

__all__ = ["DeadlineServer", "wasyncore"]


class _DeadlineChannel(HTTPChannel):
    request_started = 0.0

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_started = time.time()
        return super().received(data)


class DeadlineServer(TcpWSGIServer):
    """waitress' TCP server, plus: a request not fully received ``request_deadline`` seconds
    after its first byte closes the connection (checked every ``cleanup_interval``)."""

    channel_class = _DeadlineChannel
    effective_port: int  # set by waitress (from getsockname()), missing from its stubs

    def __init__(
        self, app: Callable[..., Any], *, request_deadline: float, **adjustments: Any
    ) -> None:
        self.request_deadline = request_deadline
        adj = Adjustments(**adjustments)
        # types-waitress says listen holds "host:port" text; waitress makes them sockinfo tuples
        super().__init__(app, map={}, adj=adj, sockinfo=adj.listen[0])  # type: ignore[arg-type]

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # type: ignore[arg-type]  # stubs say int; waitress: time.time()
        cutoff = now - self.request_deadline
        # types-waitress types active_channels as one channel; it is waitress' {fd: channel} dict
        for channel in list(self.active_channels.values()):  # type: ignore[attr-defined]
            if channel.request is not None and getattr(channel, "request_started", now) < cutoff:
                channel.will_close = True
