"""Hiding secrets in text that Daloy stores, shows or logs.

One place decides what a secret looks like in text:
- the values of connection secrets, remembered here by ``app.secrets`` whenever one is read or
  saved, and for every connection of the data folder when the engine starts
  (``app.store.connections.ConnectionProvider``), in the forms they take in error text (as
  typed, without line endings, JSON-, URL- and repr-escaped, and base64 as SMTP's AUTH sends
  it, which a mail server may quote back in its refusal);
- the usual shapes of credentials: an ``Authorization``/``X-Api-Key``/``…-Token`` header or JSON
  key, ``token=``/``password=`` in a query or form body, ``Bearer …``, the password in an
  address (``https://user:password@host``).

Callers: the store runs error text, attempt logs, failed attempts' details and inbox entries
through ``text``/``value`` before writing them; ``app.logsetup`` installs ``LogFilter`` on its
handlers; the CLI passes its error lines through ``text``.

Values shorter than ``MIN_LENGTH`` characters are not hidden: replacing every "pw" or "42" in
a sentence would wreck the text, and so short a secret is guessable anyway.

The set of known values is per process (one process works on one data folder) and only grows
while it runs: a replaced token may still turn up in an old error, so it stays hidden.
Pure logic, no I/O, no Qt: importable by every layer.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, quote_plus

MIN_LENGTH = 4
MASK = "[hidden]"

# Names of headers, JSON keys and query/form fields whose value is a credential.
_HEADER = r"(?:proxy-)?authorization|cookie|set-cookie"
_WORD = r"x-api-key|api[-_]?key|apikey|[\w-]*token|[\w-]*secret|password|passwd|pwd"
_SENSITIVE_KEY = re.compile(rf"{_HEADER}|{_WORD}", re.IGNORECASE)
_NOT_MASKED = r"(?!\[hidden\])"
# An Authorization or Cookie header's value runs to the end of the line or the closing quote
# ("Bearer abc", "a=1; b=2"); other credentials are one word ("token=abc&page=2").
_WHOLE_VALUE = re.compile(
    rf"(?<![\w-])({_HEADER})(\"?'?\s*[:=]\s*[\"']?){_NOT_MASKED}([^\r\n\"']+)", re.IGNORECASE
)
_ONE_WORD = re.compile(
    rf"(?<![\w-])({_WORD})(\"?'?\s*[:=]\s*[\"']?){_NOT_MASKED}([^\s\"'&,;<>)\]}}]+)", re.IGNORECASE
)
_SCHEMES = re.compile(
    rf"\b(Bearer\s+){_NOT_MASKED}([^\s\"',;\\]+)"
    # Basic credentials are base64; "Basic settings" (prose) has no digit,
    # + or / and no capital after its first letter.
    r"|\b(Basic\s+)((?-i:[A-Za-z0-9+/](?=[A-Za-z0-9+/]*[0-9+/A-Z])[A-Za-z0-9+/]{7,}={0,2}))",
    re.IGNORECASE,
)

# ``scheme://user:password@`` (a web or database address typed with its password): the user
# stays, for the reader.
_USERINFO = re.compile(rf"(\b[a-z][\w+.-]*://[^\s/?#@:]*:){_NOT_MASKED}([^\s/?#@]+)(?=@)", re.I)

_lock = threading.Lock()
_known: set[str] = set()
_pattern: re.Pattern[str] | None = None


def _forms(value: str) -> set[str]:
    """The ways a secret appears in error text: as typed, without the line ending a pasted
    token brings, and escaped the way JSON, URLs and Python's repr (httpx's header errors)
    write it."""
    out = set()
    for v in {value, value.strip()}:
        out |= {
            v,
            json.dumps(v)[1:-1],
            quote(v, safe=""),
            quote_plus(v),
            repr(v)[1:-1],
            repr(v.encode("utf-8", "replace"))[2:-1],
        }
        out |= _base64_forms(v.encode("utf-8", "replace"))
    return {f for f in out if len(f) >= MIN_LENGTH}


def _base64_forms(raw: bytes) -> set[str]:
    """The value's bytes base64-encoded at each of the three offsets it can sit at inside a
    longer encoded string (AUTH PLAIN sends ``\\0user\\0password`` as one), keeping only the
    characters that depend on the value alone."""
    out = set()
    for offset in range(3):
        whole = (offset + len(raw)) // 3 * 3  # complete 3-byte groups only: no padding
        encoded = base64.b64encode((b"\0" * offset + raw)[:whole]).decode()
        out.add(encoded[(0, 2, 3)[offset] :])  # the leading characters mix in what precedes
    return {f for f in out if len(f) >= 2 * MIN_LENGTH}  # short ones would match anything


def remember(values: Iterable[str | None]) -> None:
    """Add secret values to hide from now on (None, empty and too short ones are ignored)."""
    global _pattern
    new: set[str] = set()
    for value in values:
        if value and len(value.strip()) >= MIN_LENGTH:
            new |= _forms(value)
    with _lock:
        if new - _known:
            _known.update(new)
            _pattern = None


def forget_all() -> None:
    """Tests only: start again with no known values."""
    global _pattern
    with _lock:
        _known.clear()
        _pattern = None


def _known_pattern() -> re.Pattern[str] | None:
    global _pattern
    with _lock:
        if _pattern is None and _known:
            # Longest first, so a secret that contains another is hidden whole.
            alternatives = sorted(_known, key=len, reverse=True)
            _pattern = re.compile("|".join(re.escape(a) for a in alternatives))
        return _pattern


def text(value: str) -> str:
    """``value`` with every known secret and every credential-shaped part replaced by MASK."""
    if not value:
        return value
    known = _known_pattern()
    if known is not None:
        value = known.sub(MASK, value)
    value = _USERINFO.sub(lambda m: m.group(1) + MASK, value)
    value = _WHOLE_VALUE.sub(lambda m: m.group(1) + m.group(2) + _keep_scheme(m.group(3)), value)
    value = _ONE_WORD.sub(lambda m: m.group(1) + m.group(2) + MASK, value)
    return _SCHEMES.sub(lambda m: (m.group(1) or m.group(3)) + MASK, value)


def _keep_scheme(header_value: str) -> str:
    """``Bearer abc`` → ``Bearer [hidden]``: the scheme helps the reader, the rest is secret."""
    scheme, sep, _rest = header_value.partition(" ")
    if sep and scheme.lower() in ("bearer", "basic", "token", "digest", "apikey"):
        return f"{scheme} {MASK}"
    return MASK


def value(obj: Any) -> Any:
    """A JSON-like value with strings passed through ``text`` and credential-named keys
    (``Authorization``, ``token``, ``password``…) masked, whatever their value."""
    if isinstance(obj, str):
        return text(obj)
    if isinstance(obj, dict):
        return {
            k: (
                MASK
                if isinstance(k, str)
                and _SENSITIVE_KEY.fullmatch(k)
                and v not in (None, "")
                and not isinstance(v, (dict, list, bool))
                else value(v)
            )
            for k, v in obj.items()
        }
    if isinstance(obj, (list, tuple)):
        return [value(v) for v in obj]
    return obj


class LogFilter(logging.Filter):
    """Rewrites each record's message (and traceback) with secrets hidden before any handler
    formats it. Installed on handlers, so records from every logger pass through it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: let the handler report it
            return True
        record.msg, record.args = text(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = text(record.exc_text)
        if record.stack_info:
            record.stack_info = text(record.stack_info)
        return True
