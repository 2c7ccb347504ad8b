"""The public order form of a webhook trigger, offered only where the trigger says
``"form": true``.

Anyone who can reach the page can post, so each post must carry the form token of a page we
served: ``<issued unix time>.<nonce>.<HMAC-SHA256>`` over the workflow, trigger, time and nonce,
keyed by a per-install secret kept in the OS keyring. A token is good for ``form_token_minutes``
and for one order (its nonce is the order's dedupe key, so a second use stores nothing and is
refused). Posts are limited per address (``form_per_minute``) and in size; orders are marked
``source: public_form``.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import secrets as pysecrets
import threading
import time
from typing import Any
from urllib.parse import parse_qs

from app.core import catalog
from app.core.catalog import Catalog
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.model import Trigger, Workflow
from app.core.schema import with_defaults
from app.intake import trigger_registry
from app.intake.web_guard import Answer, RateLimiter, ensure_secret, error
from app.store import intake as repo
from app.store.runs import RunStore

FORM_MAX_BODY = 16 * 1024  # a hand-filled order is a few hundred bytes
FIELD_MAX = 1000  # characters in one form field
MAX_FIELDS = 50
INSTALL_KEY = ("intake:web", "form_key")
_TOKEN = re.compile(r"(\d{1,12})\.([0-9a-f]{32})\.([0-9a-f]{64})", re.ASCII)
_STYLE = (
    "body{font-family:sans-serif;max-width:32em;margin:2em auto}"
    "label{display:block;margin:.6em 0}input{display:block;width:100%;padding:.4em}"
    "button{margin-top:1em;padding:.6em 1.4em}"
)
HTML = "text/html; charset=utf-8"
# The usual form fields in words for the buyer; a field of another name shows its name.
LABELS = {
    "number": QT_TRANSLATE_NOOP("WebForm", "Order number"),
    "customer": QT_TRANSLATE_NOOP("WebForm", "Your name"),
    "name": QT_TRANSLATE_NOOP("WebForm", "Your name"),
    "email": QT_TRANSLATE_NOOP("WebForm", "Email"),
    "phone": QT_TRANSLATE_NOOP("WebForm", "Phone"),
    "address": QT_TRANSLATE_NOOP("WebForm", "Delivery address"),
    "sku": QT_TRANSLATE_NOOP("WebForm", "Product code"),
    "qty": QT_TRANSLATE_NOOP("WebForm", "Quantity"),
    "quantity": QT_TRANSLATE_NOOP("WebForm", "Quantity"),
    "notes": QT_TRANSLATE_NOOP("WebForm", "Notes"),
}


def speaker(env: dict[str, Any], setting: str | None = None) -> Catalog:
    """The buyer's language for one request: the browser's (``Accept-Language``: fil/tl →
    Filipino) when we ship it, else ``setting`` (the shop's language), else English."""
    return catalog.for_web(env.get("HTTP_ACCEPT_LANGUAGE"), setting)


def label(translate: Catalog, field: str) -> str:
    marked = LABELS.get(field)
    return translate("WebForm", marked) if marked else field.replace("_", " ").capitalize()


def settings(trig: Trigger) -> dict[str, Any]:
    """The trigger's config with the registry's defaults (the one place they are declared)."""
    spec = trigger_registry().get("webhook")
    return with_defaults(spec.fields if spec else (), trig.config)


def form_enabled(trig: Trigger) -> bool:
    return settings(trig).get("form") is True


def _mac(key: bytes, wf: str, trig: str, at: int, nonce: str) -> str:
    message = json.dumps(["daloy-form", wf, trig, at, nonce]).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def issue_token(key: bytes, wf: str, trig: str, now: float | None = None) -> str:
    at = int(time.time() if now is None else now)
    nonce = pysecrets.token_hex(16)
    return f"{at}.{nonce}.{_mac(key, wf, trig, at, nonce)}"


def check_token(
    key: bytes,
    wf: str,
    trig: str,
    token: str,
    max_age: float,
    now: float | None = None,
    translate: Catalog | None = None,
) -> tuple[str | None, str]:
    """(nonce, "") for a token we issued for this form that has not expired; else
    (None, the sentence for the person at the form, in their language)."""
    translate = translate or Catalog(catalog.ENGLISH)
    now = time.time() if now is None else now
    m = _TOKEN.fullmatch(token)
    if m is None or not hmac.compare_digest(m[3], _mac(key, wf, trig, int(m[1]), m[2])):
        return None, translate(
            "WebForm",
            "This order was not sent from the order form page (its form token is "
            "missing or wrong). Open the form again and send the order from there.",
        )
    age = now - int(m[1])
    if age > max_age or age < -60:
        return None, translate(
            "WebForm",
            "This order form was opened more than {minutes} minutes ago and has expired. "
            "Reload the page, fill it in and send it again.",
        ).format(minutes=round(max_age / 60))
    return m[2], ""


class OrderForm:
    """Serves and receives the public order form of every trigger that enables it."""

    def __init__(self, store: RunStore, language: str | None = None) -> None:
        self.store = store
        # the shop's language: what the form speaks to a browser asking for neither of ours
        self.language = language or catalog.chosen_language()
        self.limiter = RateLimiter()
        self._key: bytes | None = None
        self._key_lock = threading.Lock()

    def key(self) -> bytes:
        with self._key_lock:
            if self._key is None:
                self._key = ensure_secret(*INSTALL_KEY).encode()
            return self._key

    def fields(self, trig: Trigger) -> list[str]:
        return [str(f) for f in settings(trig)["fields"]]

    def admit(self, wf: Workflow, trig: Trigger, env: dict[str, Any]) -> Answer | None:
        """None when this address may post now; else a 429 saying when to try again."""
        address = env.get("REMOTE_ADDR", "")
        wait = self.limiter.take(
            (wf.name, trig.id, address), float(settings(trig)["form_per_minute"])
        )
        if not wait:
            return None
        translate = speaker(env, self.language)
        return error(
            429,
            translate(
                "WebForm",
                "Too many orders from this address; please wait {seconds} seconds, then send "
                "the order again.",
            ).format(seconds=int(wait)),
            {"Retry-After": str(int(wait))},
        )

    def page(self, wf: Workflow, trig: Trigger, env: dict[str, Any] | None = None) -> Answer:
        translate = speaker(env or {}, self.language)
        rows = "".join(
            f"<label>{html.escape(label(translate, f))}"
            f'<input name="{html.escape(f)}" maxlength="{FIELD_MAX}" required></label>'
            for f in self.fields(trig)
        )
        token = issue_token(self.key(), wf.name, trig.id)
        heading = html.escape(translate("WebForm", "New order"))
        send = html.escape(translate("WebForm", "Send order"))
        page = (
            f"<!doctype html><html lang='{translate.language}'><head><meta charset='utf-8'>"
            f"<title>{html.escape(wf.name)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{heading}</h1><form method='post'>{rows}"
            f"<input type='hidden' name='form_token' value='{token}'>"
            f"<button type='submit'>{send}</button></form></body></html>"
        )
        # The token inside must not be kept by a shared cache or the browser's history.
        return "200 OK", {"Content-Type": HTML, "Cache-Control": "no-store"}, page.encode()

    def post(
        self,
        wf: Workflow,
        trig: Trigger,
        body: bytes,
        ctype: str,
        env: dict[str, Any] | None = None,
    ) -> Answer:
        translate = speaker(env or {}, self.language)
        if ctype != "application/x-www-form-urlencoded":
            return error(415, "Send the form as application/x-www-form-urlencoded.")
        try:
            values = parse_qs(
                body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS
            )
        except (UnicodeDecodeError, ValueError):
            return error(
                400,
                translate(
                    "WebForm", "The form could not be read; open it again and send the order."
                ),
            )
        conf = settings(trig)
        nonce, problem = check_token(
            self.key(),
            wf.name,
            trig.id,
            values.get("form_token", [""])[0],
            float(conf["form_token_minutes"]) * 60,
            translate=translate,
        )
        if nonce is None:
            return error(403, problem)
        order = {f: values.get(f, [""])[0] for f in self.fields(trig)}
        missing = [f for f, v in order.items() if not v.strip()]
        if missing:
            return error(
                400,
                translate("WebForm", "Please fill in: {fields}.").format(
                    fields=", ".join(label(translate, f) for f in missing)
                ),
            )
        long = [f for f, v in order.items() if len(v) > FIELD_MAX]
        if long:
            return error(
                400,
                translate(
                    "WebForm", "Please shorten {fields} to at most {limit} characters."
                ).format(fields=", ".join(label(translate, f) for f in long), limit=FIELD_MAX),
            )
        result = repo.ingest(
            self.store,
            channel=f"{wf.name}/{trig.id}",
            workflow=wf.name,
            dedupe_key=f"form:{wf.name}/{trig.id}:{nonce}",
            trigger={"order": order, "source": "public_form"},
            summary=f"Order form {order.get('number', '')}",
            raw=body,
        )
        if result.duplicate:
            return (
                "409 Conflict",
                {"Content-Type": HTML},
                _note(
                    translate,
                    translate(
                        "WebForm",
                        "This order form was already sent; the order was received once. "
                        "To send another order, open the form again.",
                    ),
                ),
            )
        return (
            "201 Created",
            {"Content-Type": HTML},
            _note(translate, translate("WebForm", "Thank you — the order was received.")),
        )


def _note(translate: Catalog, sentence: str) -> bytes:
    return (
        f"<!doctype html><html lang='{translate.language}'><meta charset='utf-8'>"
        f"<p>{html.escape(sentence)}</p>"
    ).encode()
