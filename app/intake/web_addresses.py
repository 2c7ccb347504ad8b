"""Where orders can be posted: each switched-on workflow's webhook triggers as web addresses, with
their token (from the keyring, made on first use), a new token on request, and a ready-to-paste
example request in the signing format ``app.intake.web`` checks; who can reach them
(``reachable``: this computer, or the shop's network at this computer's addresses). No Qt: the Connections page's
"Web addresses" tab and scripts read the same."""

from __future__ import annotations

import json
import os
import secrets as pysecrets
import shlex
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from app import secrets
from app.intake import web_reach
from app.intake.web import ensure_token, secret_name
from app.intake.web_form import form_enabled, settings
from app.store import workflows
from app.store.db import Database

DEFAULT_PORT = 8787


@dataclass(frozen=True)
class WebAddress:
    workflow: str
    trigger: str
    auth: str  # "token" (Bearer) or "hmac" (signed)
    url: str  # POST orders here
    form_url: str | None  # the public order form, where the trigger enables it
    sample: dict[str, Any]  # an order in the shape the workflow expects


def port(intake: Any = None) -> int:
    """The web intake's port: the running one's, else the configured one."""
    web = getattr(intake, "web", None)
    return int(
        getattr(web, "port", None)
        or getattr(intake, "web_port", None)
        or int(os.environ.get("DALOY_WEB_PORT", str(DEFAULT_PORT)))
    )


def base_url(intake: Any = None) -> str:
    """The web intake's address: the running one's port, else the configured one."""
    host = getattr(intake, "web_host", None) or os.environ.get("DALOY_WEB_HOST", "127.0.0.1")
    host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{host}:{port(intake)}"


@dataclass(frozen=True)
class Reachable:
    """Who can reach the web addresses, as the tab says it."""

    reach: web_reach.Reach
    bases: tuple[str, ...]  # the addresses' beginnings on the shop's network, one per address


def reachable(db: Database, intake: Any = None) -> Reachable:
    """The reach in force (the running intake's fixed values, else the environment's, else the
    workspace's choice) and, when it listens on every interface, this computer's addresses
    on the shop's network. A fixed LAN host is already ``base_url``'s."""
    if intake is not None and hasattr(intake, "fixed_allowed"):
        fixed = intake.fixed_host, intake.fixed_allowed
    else:
        fixed = web_reach.from_environment()
    reach = web_reach.resolve(db, *fixed)
    if reach.listen not in (web_reach.EVERYWHERE, "::"):
        return Reachable(reach, ())
    lan = reach.lan if not reach.outside else tuple(web_reach.lan_addresses())
    return Reachable(reach, tuple(f"http://{ip}:{port(intake)}" for ip in lan))


def on_network(url: str, local_base: str, base: str) -> str:
    """``url`` (starting with ``local_base``) as seen from the shop's network at ``base``."""
    return base + url[len(local_base) :] if url.startswith(local_base) else url


def addresses(db: Database, base: str) -> list[WebAddress]:
    """Every enabled webhook trigger of every switched-on workflow."""
    out = []
    for wf in workflows.taking_orders(db):
        sample = wf.extra.get("sample_input")
        for t in wf.triggers:
            if t.type != "webhook" or not t.enabled:
                continue
            path = f"{quote(wf.name, safe='')}/{quote(t.id, safe='')}"
            out.append(
                WebAddress(
                    wf.name,
                    t.id,
                    str(settings(t).get("auth") or "token"),
                    f"{base}/hook/{path}",
                    f"{base}/form/{path}" if form_enabled(t) else None,
                    sample if isinstance(sample, dict) else {"order": {"number": "1001"}},
                )
            )
    return out


def token(address: WebAddress) -> str:
    """The address's token, made and kept in the keyring on first use."""
    return ensure_token(address.workflow, address.trigger)


def regenerate(address: WebAddress) -> str:
    """A new token for the address; the old one is refused from the next request on (the web
    intake reads the token from the keyring for each request)."""
    new = pysecrets.token_urlsafe(32)
    secrets.set_secret(secret_name(address.workflow, address.trigger), "token", new)
    return new


def example(address: WebAddress, token_text: str) -> str:
    """A request to paste into a shell (curl; openssl for the signature): one order, with an
    Idempotency-Key so that sending it twice stores it once."""
    body = json.dumps(address.sample, ensure_ascii=False)
    key = "example-order-1"
    if address.auth == "hmac":
        # The signed string is "<t>.<Idempotency-Key>.<body>", HMAC-SHA256 keyed by the token.
        return "\n".join(
            [
                f"BODY={shlex.quote(body)}",
                f"KEY={shlex.quote(key)}",
                "T=$(date +%s)",
                "SIG=$(printf '%s' \"$T.$KEY.$BODY\" | openssl dgst -sha256 -hmac "
                f"{shlex.quote(token_text)} | sed 's/^.* //')",
                f"curl -sS -X POST {shlex.quote(address.url)} -H 'Content-Type: application/json' "
                '-H "Idempotency-Key: $KEY" -H "X-Daloy-Signature: t=$T,v2=$SIG" '
                '--data-binary "$BODY"',
            ]
        )
    return (
        f"curl -sS -X POST {shlex.quote(address.url)} "
        f"-H {shlex.quote('Authorization: Bearer ' + token_text)} "
        f"-H 'Content-Type: application/json' -H {shlex.quote('Idempotency-Key: ' + key)} "
        f"--data-binary {shlex.quote(body)}"
    )
