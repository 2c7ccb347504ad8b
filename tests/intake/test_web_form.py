"""The public order form (issue 11): offered only where a trigger enables it, each post carrying
a one-use, expiring token of a page we served, limited per address and in size, never framed."""

from __future__ import annotations

import httpx
import pytest

from app import secrets
from app.intake.web_form import INSTALL_KEY, issue_token
from app.intake.web_guard import RateLimiter
from tests.intake.web_support import running, runs
from tests.support.engine import stored

ORDER = {
    "customer": "Aling Nena",
    "phone": "0917 123 4567",
    "address": "12 Mabini St.",
    "sku_1": "RICE-25",
    "qty_1": "2",
}
FORM = {"fields": ["customer", "phone", "address"], "form": True, "form_per_minute": 60}
# as stored: numbered by the shop, the customer's boxes under "customer", the rows as lines
STORED = {
    "number": "W-1001",
    "customer": {
        "name": "Aling Nena",
        "phone": "0917 123 4567",
        "address": "12 Mabini St.",
        "email": "",
    },
    "lines": [{"sku": "RICE-25", "qty": 2}],
}


def token_of(page: httpx.Response) -> str:
    return page.text.split("name='form_token' value='")[1].split("'")[0]


def test_no_form_unless_the_trigger_enables_it(store):
    triggers = {"signed": {"auth": "hmac", "form": False}, "plain": {"auth": "token"}}
    with running(store, triggers) as web:
        for tid in triggers:
            url = f"{web.url}/form/orders/{tid}"
            assert httpx.get(url).status_code == 404
            answers = {httpx.post(url, data=ORDER).status_code for _ in range(20)}
            assert answers == {404}
    assert runs(store) == 0


def test_a_post_needs_the_unused_token_of_a_page_we_served(store):
    with running(store, {"counter": FORM, "other": FORM}) as web:
        url = f"{web.url}/form/orders/counter"
        assert httpx.post(url, data=ORDER).status_code == 403  # no token
        forged = "1700000000." + "a" * 32 + "." + "b" * 64
        r = httpx.post(url, data={**ORDER, "form_token": forged})
        assert r.status_code == 403 and "form token" in r.text
        other_page = token_of(httpx.get(f"{web.url}/form/orders/other"))  # bound to its page
        assert httpx.post(url, data={**ORDER, "form_token": other_page}).status_code == 403
        key = secrets.get_secret(*INSTALL_KEY).encode()  # per install, in the keyring
        old = issue_token(key, "orders", "counter", now=1_000_000)
        r = httpx.post(url, data={**ORDER, "form_token": old})
        assert r.status_code == 403 and "expired" in r.text
        token = token_of(httpx.get(url))
        assert httpx.post(url, data={**ORDER, "form_token": token}).status_code == 201
        for changed in ({}, {"customer": "Someone else"}):  # replayed, even altered
            again = httpx.post(url, data={**ORDER, **changed, "form_token": token})
            assert again.status_code == 409 and "already sent" in again.text
    assert runs(store) == 1
    trig = stored(store.db.execute_sql("select trigger from runs")[0][0])
    assert trig == {"order": STORED, "source": "public_form"}


def test_the_install_key_survives_a_restart(store):
    with running(store, {"counter": FORM}) as web:
        token = token_of(httpx.get(f"{web.url}/form/orders/counter"))
    with running(store, {"counter": FORM}) as web:
        r = httpx.post(f"{web.url}/form/orders/counter", data={**ORDER, "form_token": token})
        assert r.status_code == 201
    assert runs(store) == 1


def test_posts_from_one_address_are_limited_with_retry_after(store):
    with running(store, {"counter": {**FORM, "form_per_minute": 3}}) as web:
        url = f"{web.url}/form/orders/counter"
        codes = []
        for n in range(5):
            token = token_of(httpx.get(url))
            r = httpx.post(url, data={**ORDER, "qty_1": str(n + 1), "form_token": token})
            codes.append(r.status_code)
        assert codes == [201, 201, 201, 429, 429]
        assert int(r.headers["Retry-After"]) >= 1 and "wait" in r.text
        assert "value='Aling Nena'" in r.text  # the form again, nothing typed lost
    assert runs(store) == 3


def test_corrections_are_not_counted_as_orders(store):
    with running(store, {"counter": {**FORM, "form_per_minute": 2}}) as web:
        url = f"{web.url}/form/orders/counter"
        token = token_of(httpx.get(url))
        for _ in range(5):  # a customer fixing the phone number, again and again
            wrong = httpx.post(url, data={**ORDER, "phone": "12", "form_token": token})
            assert wrong.status_code == 400 and "phone number" in wrong.text
        assert httpx.post(url, data={**ORDER, "form_token": token}).status_code == 201
        flood = [httpx.post(url, data={"form_token": token}).status_code for _ in range(8)]
        assert flood[-1] == 429  # posts of any kind: four times the orders allowed
    assert runs(store) == 1


def test_the_bucket_is_per_address_and_refills():
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.take("10.0.0.1", 2) for _ in range(3)] == [0, 0, 30]
    assert limiter.take("10.0.0.2", 2) == 0  # another address is not held up
    now[0] = 30.0
    assert limiter.take("10.0.0.1", 2) == 0


def test_the_bucket_forgets_addresses_instead_of_growing():
    limiter = RateLimiter(max_keys=100, clock=lambda: 0.0)
    for n in range(1000):
        limiter.take(n, 5)
    assert len(limiter._buckets) <= 100


def test_size_limits(store):
    with running(store, {"counter": FORM}) as web:
        url = f"{web.url}/form/orders/counter"
        token = token_of(httpx.get(url))
        big = httpx.post(url, data={**ORDER, "customer": "x" * 20_000, "form_token": token})
        assert big.status_code == 413
        long = httpx.post(url, data={**ORDER, "customer": "x" * 1500, "form_token": token})
        assert long.status_code == 400 and "“Your name”" in long.text  # its label

        many = httpx.post(
            url,
            content="&".join(f"f{n}=1" for n in range(100)).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert many.status_code == 400
    assert runs(store) == 0


@pytest.mark.parametrize("path", ["/form/orders/counter", "/hook/orders/counter", "/nowhere"])
def test_no_answer_can_be_framed_or_sniffed(store, path):
    with running(store, {"counter": FORM}) as web:
        r = httpx.get(f"{web.url}{path}")
    assert r.headers["X-Frame-Options"] == "DENY"
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    if path.startswith("/form"):
        assert r.headers["Content-Type"].startswith("text/html")
        assert r.headers["Cache-Control"] == "no-store"


def test_the_form_speaks_the_buyers_language(store):
    """A browser asking for Filipino (``Accept-Language: fil``, or Tagalog) gets the page, its
    refusals and its thanks in Filipino; another browser gets English; what is stored stays
    as typed."""
    fil = {"Accept-Language": "fil-PH,fil;q=0.9,en;q=0.5"}
    with running(store, {"counter": FORM}) as web:
        url = f"{web.url}/form/orders/counter"
        page = httpx.get(url, headers=fil)
        assert page.status_code == 200
        assert "Ipadala ang order" in page.text and "Mga produkto" in page.text
        assert "Pangalan ninyo" in page.text and "lang='fil'" in page.text
        english = httpx.get(url, headers={"Accept-Language": "en-US,en;q=0.9"})
        assert "<h2>Products</h2>" in english.text and "Your name" in english.text
        tagalog = httpx.get(url, headers={"Accept-Language": "tl"})
        assert "Mga produkto" in tagalog.text
        refused = httpx.post(url, data={**ORDER, "customer": ""}, headers=fil)
        assert refused.status_code == 403 and "Hindi po galing" in refused.text
        missing = httpx.post(
            url, data={**ORDER, "customer": " ", "form_token": token_of(page)}, headers=fil
        )
        assert "Pakipunan po ang “Pangalan ninyo”." in missing.text
        zero = httpx.post(
            url, data={**ORDER, "qty_1": "0", "form_token": token_of(page)}, headers=fil
        )
        assert "dapat buong numero mula 1 hanggang 9999 ang dami" in zero.text
        sent = httpx.post(url, data={**ORDER, "form_token": token_of(tagalog)}, headers=fil)
        assert sent.status_code == 201
        assert "Salamat po! Ang order number ninyo ay W-1001." in sent.text
    trig = stored(store.db.execute_sql("select trigger from runs")[0][0])
    assert trig == {"order": STORED, "source": "public_form"}  # stored as typed
