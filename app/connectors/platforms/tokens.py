"""Access tokens that expire (Shopee's last about 4 hours, Lazada's days): kept only in the
keyring, refreshed ahead of expiry, and ONE inbox entry in words when a refresh fails or the
shop's authorisation is about to lapse — days before orders would stop.

How a platform module (and the common channel and ``platform_update`` step) uses it::

    keeper = TokenKeeper(connections, "my-shopee", refresh=fn, title="Shopee")
    token = keeper.access_token()          # refreshed first when close to expiry
    ...                                    # the platform says "token invalid or expired":
    token = keeper.access_token(refused=token)  # renewed; retry the call once

``fn(refresh_token) -> Tokens`` asks the platform for a new pair (raising ``RefreshFailed``
with a sentence when it cannot). A refresh token is single-use on Shopee, so refreshes of one
connection are serialised in this process (two threads never spend the same refresh token).

Keyring fields of such a connection: ``access_token``, ``refresh_token`` and ``token_state``
(expiry times as JSON: not secret, but kept beside the tokens they describe so one never
outlives the other).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TypeVar

from app import secrets
from app.connectors.platforms.http import RateLimited
from app.core.errors import ConfigurationError, DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.store import inbox
from app.store.connections import ConnectionProvider

log = logging.getLogger("daloy.intake.platforms.tokens")
T = TypeVar("T")

TOKEN_FIELDS = ("access_token", "refresh_token", "token_state")
# Warn this long before a shop's authorisation (or a refresh token that is never renewed) ends:
# time for the owner to authorise again before the first order is missed.
WARN_BEFORE = 7 * 86400
_locks: dict[tuple[str, str], threading.Lock] = {}
_locks_guard = threading.Lock()


class RefreshFailed(DaloyError):
    """The platform would not give a new access token (a sentence for the operator)."""


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    access_expires_at: float  # epoch seconds
    issued_at: float = 0.0
    refresh_expires_at: float = 0.0  # 0: unknown / renewed with every refresh
    authorised_until: float = 0.0  # the shop's authorisation ends; 0: unknown

    def state(self) -> dict[str, float]:
        data = asdict(self)
        del data["access_token"], data["refresh_token"]
        return data


def alert_key(connection: str) -> str:
    return f"platform-auth:{connection}"


def _lock(workspace: str, connection: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault((workspace, connection), threading.Lock())


class TokenKeeper:
    def __init__(
        self,
        connections: ConnectionProvider,
        connection: str,
        refresh: Callable[[str], Tokens],
        *,
        title: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.connections, self.connection, self._refresh = connections, connection, refresh
        self.title, self.clock = title, clock
        self._checked = False

    # -- the keyring -------------------------------------------------------------------------
    def load(self) -> Tokens:
        c = self.connections
        try:
            state = (
                json.loads(c.secret(self.connection, "token_state"))
                if c.has_secret(self.connection, "token_state")
                else {}
            )
        except ValueError:
            state = {}
        return Tokens(
            access_token=c.secret(self.connection, "access_token"),
            refresh_token=c.secret(self.connection, "refresh_token"),
            access_expires_at=float(state.get("access_expires_at", 0)),
            issued_at=float(state.get("issued_at", 0)),
            refresh_expires_at=float(state.get("refresh_expires_at", 0)),
            authorised_until=float(state.get("authorised_until", 0)),
        )

    def save(self, tokens: Tokens) -> None:
        """Store a new pair. The refresh token goes first: a crash after it leaves a usable pair
        (the old access token still works until its expiry; the new refresh token renews it)."""
        space = self.connections.workspace
        secrets.set_secret(self.connection, "refresh_token", tokens.refresh_token, space)
        secrets.set_secret(self.connection, "access_token", tokens.access_token, space)
        secrets.set_secret(self.connection, "token_state", json.dumps(tokens.state()), space)

    # -- the token ---------------------------------------------------------------------------
    def _due(self, tokens: Tokens, now: float) -> bool:
        lifetime = tokens.access_expires_at - tokens.issued_at if tokens.issued_at else 14400
        ahead = min(max(60.0, 0.25 * lifetime), 86400.0)
        return tokens.access_expires_at - now < ahead

    def access_token(self, refused: str | None = None) -> str:
        """A token good for a while: refreshed ahead of expiry, or now when the platform refused
        ``refused`` (unless another thread has renewed it meanwhile). Raises RefreshFailed
        (after raising the inbox entry)."""
        with _lock(self.connections.workspace, self.connection):
            tokens = self.load()
            now = self.clock()
            renew = (refused is not None and refused == tokens.access_token) or self._due(
                tokens, now
            )
            if renew:
                tokens = self._refresh_now(tokens)
            if renew or not self._checked:
                self._checked = True
                self.check_lapse(tokens, now)
            return tokens.access_token

    def _refresh_now(self, tokens: Tokens) -> Tokens:
        try:
            fresh = self._refresh(tokens.refresh_token)
        except (RefreshFailed, ConfigurationError) as exc:
            self._alert(
                f"Daloy could not renew the access of {self.title} connection "
                f"“{self.connection}”: {exc} Orders from this shop stop when the current "
                "token ends. Open Connections, choose the connection and authorise the "
                "shop again."
            )
            raise
        if not fresh.authorised_until:
            fresh.authorised_until = tokens.authorised_until
        if not fresh.refresh_expires_at:
            fresh.refresh_expires_at = (
                tokens.refresh_expires_at if fresh.refresh_token == tokens.refresh_token else 0.0
            )
        self.save(fresh)
        log.info("renewed the access token of connection %s", self.connection)
        return fresh

    def check_lapse(self, tokens: Tokens, now: float) -> None:
        """One inbox entry while the authorisation ends within WARN_BEFORE; closed once the shop
        is authorised again (a later end date)."""
        ends = [t for t in (tokens.authorised_until, tokens.refresh_expires_at) if t]
        end = min(ends) if ends else 0.0
        if end and end - now < WARN_BEFORE:
            when = time.strftime("%d %B %Y, %H:%M", time.localtime(end))
            self._alert(
                f"The shop's authorisation of {self.title} connection "
                f"“{self.connection}” ends on {when}; after that no order from this shop "
                "reaches Daloy. Open Connections, choose the connection and authorise "
                "the shop again before then."
            )
        else:
            with self.connections.db.write() as s:
                inbox.close_alert(s, alert_key(self.connection), "authorised again")

    def _alert(self, reason: str) -> None:
        with self.connections.db.write() as s:
            _item, created = inbox.open_alert(
                s,
                "system",
                alert_key(self.connection),
                said(
                    QT_TRANSLATE_NOOP(
                        "Inbox", "{platform} shop “{connection}” needs to be authorised again"
                    ),
                    platform=self.title,
                    connection=self.connection,
                ),
                reason,
            )
        if created:
            log.warning("connection %s: %s", self.connection, reason)


class TokenRefused(DaloyError):
    """The platform says the access token is invalid or has expired."""


def with_token(
    keeper: TokenKeeper,
    attempt: Callable[[str], T],
    *,
    max_waits: int = 3,
    longest_wait: float = 10.0,
    stopped: threading.Event | None = None,
) -> T:
    """``attempt(access_token)`` with the platform's answers honoured: a refused token is
    renewed once and the call tried again (a token that expires mid-run loses nothing); a
    short "slow down" is waited out (up to ``max_waits`` times); a longer one is raised as
    RateLimited for the channel to come back later."""
    token, renewed, waits = keeper.access_token(), False, 0
    pause = stopped or threading.Event()
    while True:
        try:
            return attempt(token)
        except TokenRefused as exc:
            if renewed:
                raise DaloyError(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps",
                            "{platform} refused the access token of connection “{connection}” "
                            "even after renewing it ({why}). Authorise the shop again under "
                            "Connections.",
                        ),
                        platform=keeper.title,
                        connection=keeper.connection,
                        why=exc,
                    )
                ) from exc
            token, renewed = keeper.access_token(refused=token), True
        except RateLimited as exc:
            if waits >= max_waits or exc.retry_after > longest_wait:
                raise
            waits += 1
            pause.wait(exc.retry_after)
