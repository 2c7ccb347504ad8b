"""A system Daloy talks to, as the engine keys it (``connection:shop-mail``,
``host:pay.example.com:443``; ``app.store.breakers``), in an operator's words. Pure: the audit
trail and the breakers both say systems so, and neither may import the other."""

from __future__ import annotations


def label(system: str) -> str:
    """The system in an operator's words: the connection's name, or the host (with its port
    when it is not a web one)."""
    kind, _, rest = system.partition(":")
    if kind == "connection":
        return f"“{rest}”"
    host, _, port = rest.rpartition(":")
    return rest if port not in ("80", "443", "0") else host
