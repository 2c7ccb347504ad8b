"""The public order form of a webhook trigger, offered only where the trigger says
``"form": true``.

Anyone who can reach the page can post, so each post must carry the form token of a page we
served: ``<issued unix time>.<nonce>.<HMAC-SHA256>`` over the workflow, trigger, time and nonce,
keyed by a per-install secret kept in the OS keyring. A token is good for ``form_token_minutes``
and for one order (its nonce is the order's dedupe key, so a second use stores nothing and is
refused). Orders are limited per address (``form_per_minute``; a refused one shows the form again
with what was typed), posts of any kind to ``FLOOD`` times that, and in size; orders are marked
``source: public_form``. What the form shows and reads: ``web_products``, ``web_order``,
``web_page``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets as pysecrets
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from app.core import catalog
from app.core.catalog import Catalog
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.model import Trigger, Workflow
from app.core.order_total import at_prices
from app.core.schema import with_defaults
from app.intake import trigger_registry, web_page
from app.intake.web_guard import Answer, RateLimiter, ensure_secret, error
from app.intake.web_order import Posted, Problem, check, form_fields, read_post
from app.intake.web_page import FormPage
from app.intake.web_products import ProductShelf, shop_of
from app.store import intake as repo
from app.store import order_numbers
from app.store.runs import RunStore

FORM_MAX_BODY = 16 * 1024  # a hand-filled order is a few hundred bytes
MAX_FIELDS = 50
INSTALL_KEY = ("intake:web", "form_key")
_TOKEN = re.compile(r"(\d{1,12})\.([0-9a-f]{32})\.([0-9a-f]{64})", re.ASCII)
_RAW_TOKEN = re.compile(rb"form_token=(\d{1,12}\.[0-9a-f]{32}\.[0-9a-f]{64})")
HTML = "text/html; charset=utf-8"
# The shop numbers the orders of its form itself: W-1001, W-1002, … (one series for every form
# of the workspace, so two forms never give one number twice).
NUMBER_PREFIX = "W-"
FIRST_NUMBER = 1001
FLOOD = 4  # posts per address a minute, as a multiple of the orders allowed (form_per_minute)


def speaker(env: dict[str, Any], setting: str | None = None) -> Catalog:
    """The buyer's language for one request: the browser's (``Accept-Language``: fil/tl →
    Filipino) when we ship it, else ``setting`` (the shop's language), else English."""
    return catalog.for_web(env.get("HTTP_ACCEPT_LANGUAGE"), setting)


def settings(trig: Trigger) -> dict[str, Any]:
    """The trigger's config with the registry's defaults (the one place they are declared)."""
    spec = trigger_registry().get("webhook")
    return with_defaults(spec.fields if spec else (), trig.config)


def form_enabled(trig: Trigger) -> bool:
    return settings(trig).get("form") is True


def _wait(translate: Catalog, wait: float) -> str:
    return translate(
        "WebForm",
        "Too many orders from this address; please wait {seconds} seconds, then send "
        "the order again.",
    ).format(seconds=int(wait))


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
            "Check what you typed below and send the order again.",
        ).format(minutes=round(max_age / 60))
    return m[2], ""


class OrderForm:
    """Serves and receives the public order form of every trigger that enables it."""

    def __init__(
        self, store: RunStore, language: str | None = None, data_dir: Path | None = None
    ) -> None:
        self.store = store
        # the shop's language: what the form speaks to a browser asking for neither of ours
        self.language = language or catalog.chosen_language()
        # where a workflow's relative stock sheet is (samples/inventory.xlsx): the data folder,
        # which holds the SQLite database when no one says
        db_path = getattr(store.db, "path", None)
        self.data_dir = data_dir or (Path(db_path).parent if db_path else None)
        self.limiter = RateLimiter()  # orders per address
        self.flood = RateLimiter()  # posts per address
        self.shelf = ProductShelf()
        self._key: bytes | None = None
        self._key_lock = threading.Lock()

    def key(self) -> bytes:
        with self._key_lock:
            if self._key is None:
                self._key = ensure_secret(*INSTALL_KEY).encode()
            return self._key

    def fields(self, trig: Trigger) -> list[str]:
        return form_fields(list(settings(trig)["fields"]))

    def admit(self, wf: Workflow, trig: Trigger, env: dict[str, Any]) -> Answer | None:
        """None when this address may post now; else a 429 saying when to try again. A flood
        guard only (``FLOOD`` times the orders allowed): a customer correcting a form posts
        more often than they order, so orders are counted in ``post``, where the form can be
        shown again with what was typed."""
        per_minute = float(settings(trig)["form_per_minute"]) * FLOOD
        wait = self.flood.take((wf.name, trig.id, env.get("REMOTE_ADDR", "")), per_minute)
        if not wait:
            return None
        translate = speaker(env, self.language)
        return (
            "429 Too Many Requests",
            {"Content-Type": HTML, "Retry-After": str(int(wait))},
            web_page.note(
                translate, translate("WebForm", "Please wait a moment"), _wait(translate, wait)
            ),
        )

    def page(self, wf: Workflow, trig: Trigger, env: dict[str, Any] | None = None) -> Answer:
        translate = speaker(env or {}, self.language)
        token = issue_token(self.key(), wf.name, trig.id)
        return self._form(translate, wf, trig, token, "200 OK")

    def _form(
        self,
        translate: Catalog,
        wf: Workflow,
        trig: Trigger,
        token: str,
        status: str,
        posted: Posted | None = None,
        problems: list[Problem] | None = None,
        note: str = "",
    ) -> Answer:
        shop = shop_of(wf, self.data_dir)
        page = FormPage(
            shop,
            self.fields(trig),
            self.shelf.products(shop.place),
            token,
            posted,
            tuple(problems or ()),
            note,
        )
        # The token inside must not be kept by a shared cache or the browser's history.
        headers = {"Content-Type": HTML, "Cache-Control": "no-store"}
        return status, headers, web_page.form(translate, page)

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
        conf = settings(trig)
        max_age = float(conf["form_token_minutes"]) * 60
        try:
            values = parse_qs(
                body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS
            )
        except (UnicodeDecodeError, ValueError):
            return self._unreadable(translate, wf, trig, body, max_age)
        fields = self.fields(trig)
        posted = read_post(values, fields)
        token = values.get("form_token", [""])[0]
        nonce, problem = check_token(
            self.key(), wf.name, trig.id, token, max_age, translate=translate
        )
        if nonce is None:  # shown again with what was typed, on a page good for an order
            fresh = issue_token(self.key(), wf.name, trig.id)
            return self._form(translate, wf, trig, fresh, "403 Forbidden", posted, note=problem)
        shop = shop_of(wf, self.data_dir)
        products = self.shelf.products(shop.place)
        order, problems = check(posted, products, translate)
        if problems:
            return self._form(translate, wf, trig, token, "400 Bad Request", posted, problems)
        address = (env or {}).get("REMOTE_ADDR", "")
        wait = self.limiter.take((wf.name, trig.id, address), float(conf["form_per_minute"]))
        if wait:  # too many orders: the same page again, what was typed kept
            limited = self._form(
                translate,
                wf,
                trig,
                token,
                "429 Too Many Requests",
                posted,
                None,
                _wait(translate, wait),
            )
            return limited[0], {**limited[1], "Retry-After": str(int(wait))}, limited[2]
        number = f"{NUMBER_PREFIX}{order_numbers.take(self.store.db, NUMBER_PREFIX, FIRST_NUMBER)}"
        order = {"number": number, **order}
        if shop.currency:
            order["currency"] = shop.currency
        # the amount at the prices the form showed, as a marketplace's order carries its total
        # (a workflow's "total over ₱5,000?" reads it as it reads theirs); none if one is unknown
        total = at_prices(order["lines"], {p.code: p.price for p in products or ()})
        if total is not None:
            order["total"] = total
        result = repo.ingest(
            self.store,
            channel=f"{wf.name}/{trig.id}",
            workflow=wf.name,
            dedupe_key=f"form:{wf.name}/{trig.id}:{nonce}",
            trigger={"order": order, "source": "public_form"},
            summary=f"Order form {number}",
            raw=body,
        )
        if result.duplicate:
            return (
                "409 Conflict",
                {"Content-Type": HTML},
                web_page.note(
                    translate,
                    translate("WebForm", "This order was already sent"),
                    translate(
                        "WebForm",
                        "This order form was already sent; the order was received once. "
                        "To send another order, open the form again.",
                    ),
                ),
            )
        # intake health lists the form with its last order (a webhook's post does the same)
        repo.record_ok(self.store.db, f"{wf.name}/{trig.id}", "webform")
        emails = any(st.type == "send_email" for st in wf.steps)
        page = web_page.thanks(
            translate,
            shop,
            number,
            order,
            products,
            emails=emails,
            pay_on_delivery=shop.pay_on_delivery,
        )
        return "201 Created", {"Content-Type": HTML}, page

    def _unreadable(
        self, translate: Catalog, wf: Workflow, trig: Trigger, body: bytes, max_age: float
    ) -> Answer:
        """A post that is not UTF-8 form data: kept raw for the operator when it carries a
        good token of our page (a person sent it from the form), refused in words either way."""
        found = _RAW_TOKEN.search(body)
        token = found[1].decode("ascii") if found else ""
        nonce, _ = check_token(self.key(), wf.name, trig.id, token, max_age)
        channel = f"{wf.name}/{trig.id}"
        if nonce is not None:
            repo.keep_malformed(
                self.store,
                channel=channel,
                workflow=wf.name,
                dedupe_key=f"form-unreadable:{channel}:{nonce}",
                reason=said(
                    QT_TRANSLATE_NOOP(
                        "Intake",
                        "An order sent with the order form of {channel} could not be read (it "
                        "is not text the form sends). The customer was asked to send it again; "
                        "what arrived is kept here.",
                    ),
                    channel=channel,
                ),
                summary=said(
                    QT_TRANSLATE_NOOP("Intake", "Unreadable order form post to {trigger}"),
                    trigger=trig.id,
                ),
                raw=body,
            )
        return (
            "400 Bad Request",
            {"Content-Type": HTML},
            web_page.note(
                translate,
                translate("WebForm", "The order could not be read"),
                translate(
                    "WebForm", "The form could not be read; open it again and send the order."
                ),
            ),
        )
