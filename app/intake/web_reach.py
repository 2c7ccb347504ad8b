"""Who can reach the web intake (the order form, webhooks): this computer only, or computers and
phones on the shop's own network. The operator chooses on the Connections page's "Web addresses"
tab; the choice is a workspace setting in the database, so the runner and a restart keep it.
``DALOY_WEB_HOST`` / ``DALOY_WEB_ALLOWED_HOSTS`` (set by whoever installs Daloy on a server)
still win over it.

This computer's addresses on the shop's network are read without sending anything: a UDP socket
"connected" towards a private address only asks the system which local address would be used;
the host name's own addresses come from the resolver. No Qt; imports the store only.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.store import settings
from app.store.db import Database

REACH_KEY = "web_reach"
THIS_COMPUTER = "this_computer"
NETWORK = "network"
HOST_ENV = "DALOY_WEB_HOST"
ALLOWED_ENV = "DALOY_WEB_ALLOWED_HOSTS"
LOOPBACK = "127.0.0.1"
EVERYWHERE = "0.0.0.0"  # every IPv4 interface: shop Wi-Fi and phones are IPv4 in practice
# Not contacted: connecting a UDP socket sends no packet, it only picks the route's address.
_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255")


@dataclass(frozen=True)
class Reach:
    """Where the web intake listens and which Host names it answers."""

    network: bool  # reachable beyond this computer
    listen: str  # the address the server binds
    allowed: tuple[str, ...]  # Host names (bare; ``host_names`` adds the port) beyond loopback
    lan: tuple[str, ...]  # this computer's addresses on the shop's network, when listening there
    outside: bool  # set by the environment variables, not by the operator's choice


def chosen(db: Database) -> str:
    """The operator's choice: ``THIS_COMPUTER`` (the default) or ``NETWORK``."""
    with db.read() as s:
        return NETWORK if settings.get(s, REACH_KEY) == NETWORK else THIS_COMPUTER


def choose(db: Database, choice: str) -> None:
    if choice not in (THIS_COMPUTER, NETWORK):
        raise ValueError(f"unknown web reach {choice!r}")
    with db.write() as s:
        settings.put(s, REACH_KEY, choice)


def _usable(text: str) -> str | None:
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if ip.version != 4 or ip.is_loopback or ip.is_link_local or ip.is_unspecified:
        return None
    return None if ip.is_multicast else str(ip)


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other computers on its network can use (no loopback, no
    link-local 169.254.x.x), the one the default route uses first. Empty without a network."""
    found: list[str] = []
    for probe in _PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((probe, 9))  # picks a route; sends nothing
                found.append(s.getsockname()[0])
            except OSError:
                continue  # no route that way
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        found += [str(info[4][0]) for info in infos]
    except OSError:
        pass  # a host name that does not resolve: the routes' addresses are enough
    out: list[str] = []
    for text in found:
        ip = _usable(text)
        if ip is not None and ip not in out:
            out.append(ip)
    return out


def from_environment(env: Mapping[str, str] | None = None) -> tuple[str | None, list[str]]:
    """``DALOY_WEB_HOST`` (None when unset) and the ``DALOY_WEB_ALLOWED_HOSTS`` names."""
    env = os.environ if env is None else env
    host = env.get(HOST_ENV) or None
    return host, [h.strip() for h in env.get(ALLOWED_ENV, "").split(",") if h.strip()]


def resolve(
    db: Database | None,
    fixed_host: str | None = None,
    fixed_allowed: Iterable[str] = (),
    lan: Iterable[str] | None = None,
) -> Reach:
    """The reach in force: a fixed host or allowed names (the environment) win; otherwise the
    workspace's choice (no database: this computer only). ``lan`` overrides the addresses found
    (the tab passes what it showed)."""
    allowed = tuple(fixed_allowed)
    if fixed_host is not None or allowed:
        host = fixed_host or LOOPBACK
        return Reach(host not in (LOOPBACK, "localhost", "::1"), host, allowed, (), True)
    if db is None or chosen(db) != NETWORK:
        return Reach(False, LOOPBACK, (), (), False)
    found = tuple(lan_addresses() if lan is None else lan)
    return Reach(True, EVERYWHERE, found, found, False)


def host_names(names: Iterable[str], port: int) -> set[str]:
    """The Host header values a browser sends for ``names`` on ``port``: with and without it."""
    out: set[str] = set()
    for name in names:
        out.add(name)
        if ":" not in name:  # "orders.office.lan:8787" is already one
            out.add(f"{name}:{port}")
    return out
