"""The order form a shop gets from the first-run setup (“A web order form”), served by the real
web intake (waitress on a free loopback port) for the sample workflow with a real stock sheet:
it says the shop's name, offers its products with prices (an empty one as out of stock), asks
for name, phone and address, numbers orders itself (never twice, posts at once and restarts
included), keeps what the customer typed when something is wrong, and its order is one the
sample workflow reads and checks line by line."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import httpx
import openpyxl
import pytest

from app import shop
from app.core import machine as m
from app.core.model import Trigger, Workflow
from app.intake.web import WebIntake
from app.resources import resource_path
from app.runtime.runtime import Runtime
from tests.intake.web_support import intake_errors, runs
from tests.support.browser import CHROMIUM, laid_out
from tests.support.engine import (
    open_database,
    run_status,
    save,
    step_state,
    stored,
    wait_for,
)

SHOP = "Tindahan ni Mang Tomas"
CUSTOMER = {
    "customer": "Ana Santos",
    "phone": "0917 123 4567",
    "address": "12 Mabini St., Brgy. Malinis, Quezon City",
}


def token_of(page: httpx.Response) -> str:
    return page.text.split("name='form_token' value='")[1].split("'")[0]


@pytest.fixture
def sample(store, data_dir: Path) -> tuple[Workflow, Trigger]:
    """The sample workflow as the setup leaves it for a shop taking orders on its web form,
    paid on delivery, with the sample stock sheet in the data folder (coffee sold out)."""
    sheet = data_dir / "samples" / "inventory.xlsx"
    sheet.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(resource_path("samples", "inventory.xlsx"), sheet)
    book = openpyxl.load_workbook(sheet)
    for row in book.active.iter_rows(min_row=2):
        if row[0].value == "COFFEE-3IN1":
            row[2].value = 0
    book.save(sheet)
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    wf = shop.configure(wf, shop.ShopChoices(shop_name=SHOP, payment="on_delivery"))
    save(store.db, Workflow.from_json(resource_path("workflows", "backorder.json").read_text()))
    save(store.db, wf)
    return wf, next(t for t in wf.triggers if t.type == "webhook")


@pytest.fixture
def form(store, sample, data_dir):
    wf, trig = sample
    web = WebIntake(store, [sample], port=0, data_dir=data_dir).start()
    yield f"{web.url}/form/{wf.name}/{trig.id}".replace(" ", "%20")
    web.stop()


def numbers(store) -> list[str]:
    rows = store.db.execute_sql("select trigger from runs")
    return sorted(stored(r[0])["order"]["number"] for r in rows)


def test_the_form_says_the_shop_and_offers_its_products_with_prices_on_a_phone(form):
    page = httpx.get(form)
    assert page.status_code == 200
    text = page.text
    assert f"<title>Order from {SHOP}</title>" in text and f"<h1>{SHOP}</h1>" in text
    assert "Order fulfilment" not in text and "Order number" not in text
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in text
    assert "<option value='RICE-25'>Rice, 25 kg sack — PHP 1,350.00</option>" in text
    assert "<option value='OIL-1L'>Cooking oil, 1 L — PHP 95.00</option>" in text
    assert "<option value='COFFEE-3IN1' disabled>Coffee 3-in-1, 30s — out of stock" in text
    # ten product rows, three shown and the rest one tap away, no script needed
    assert text.count("<select id='sku-") == 10 and "<details><summary>" in text
    assert "<script" not in text
    assert "type='number' inputmode='numeric' min='1'" in text
    for box in ("customer", "phone", "address"):
        assert f"name='{box}' maxlength='1000' required" in text
    assert "name='email' maxlength='1000' value=''" in text  # optional


def test_two_lines_become_a_run_of_the_sample_numbered_by_the_shop(store, form, data_dir):
    token = token_of(httpx.get(form))
    sent = httpx.post(
        form,
        data={
            **CUSTOMER,
            "sku_1": "RICE-25",
            "qty_1": "2",
            "sku_2": "OIL-1L",
            "qty_2": "3",
            "form_token": token,
        },
    )
    assert sent.status_code == 201
    assert "Thank you! Your order number is W-1001." in sent.text
    assert "2 × Rice, 25 kg sack" in sent.text and "3 × Cooking oil, 1 L" in sent.text
    # the amount at the prices the form showed: 2 × 1,350 + 3 × 95
    assert "Total: PHP 2,985.00 at today&#x27;s prices, if everything is in stock." in sent.text
    assert "contacts you at 0917 123 4567" in sent.text and "You pay when it arrives." in sent.text
    assert "confirmation is emailed" not in sent.text  # no email given
    trig = stored(store.db.execute_sql("select trigger from runs")[0][0])
    assert trig == {
        "order": {
            "number": "W-1001",
            "customer": {
                "name": "Ana Santos",
                "phone": "0917 123 4567",
                "address": "12 Mabini St., Brgy. Malinis, Quezon City",
                "email": "",
            },
            "lines": [{"sku": "RICE-25", "qty": 2}, {"sku": "OIL-1L", "qty": 3}],
            "currency": "PHP",
            "total": 2985.0,  # at the form's prices, as the thank-you page says it
            "notes": "",
        },
        "source": "public_form",
    }
    # the sample reads it as it is and checks each line against the sheet
    rt = Runtime(open_database(data_dir), data_dir=data_dir, poll_interval=0.2)
    rt.start()
    try:
        run_id = store.db.execute_sql("select id from runs")[0][0]
        wait_for(lambda: step_state(store.db, run_id, "check_stock")[0] == "succeeded")
        order = stored(
            store.db.execute_sql(
                f"select output from step_runs where run_id = '{run_id}' and name = 'order'"
            )[0][0]
        )
        assert order["number"] == "W-1001" and order["customer"]["phone"] == "0917 123 4567"
        checked = stored(
            store.db.execute_sql(
                f"select output from step_runs where run_id = '{run_id}' and name = 'check_stock'"
            )[0][0]
        )
        assert checked["all_available"] is True and checked["ready_total"] == 2 * 1350 + 3 * 95
        # no email given: the sample asks “has an email?” and sends none; the order goes through
        wait_for(lambda: run_status(store.db, run_id) == m.RUN_SUCCEEDED)
        assert step_state(store.db, run_id, "confirm_email")[0] == m.SKIPPED
    finally:
        rt.shutdown(grace=2)
        rt.db.close()


def test_posts_at_once_get_different_numbers_and_a_restart_goes_on(store, sample, data_dir):
    wf, trig = sample
    web = WebIntake(store, [sample], port=0, data_dir=data_dir).start()
    url = f"{web.url}/form/{wf.name}/{trig.id}".replace(" ", "%20")
    tokens = [token_of(httpx.get(url)) for _ in range(4)]
    together = threading.Barrier(len(tokens))
    answers: list[httpx.Response] = []

    def send(token: str) -> None:
        together.wait()
        answers.append(
            httpx.post(
                url,
                data={**CUSTOMER, "sku_1": "SUGAR-1", "qty_1": "1", "form_token": token},
                timeout=30,
            )
        )

    threads = [threading.Thread(target=send, args=(t,)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    web.stop()
    assert sorted(a.status_code for a in answers) == [201] * 4
    assert numbers(store) == ["W-1001", "W-1002", "W-1003", "W-1004"]
    again = WebIntake(store, [sample], port=0, data_dir=data_dir).start()  # a restart
    try:
        url = f"{again.url}/form/{wf.name}/{trig.id}".replace(" ", "%20")
        data = {**CUSTOMER, "sku_1": "SUGAR-1", "qty_1": "1"}
        sent = httpx.post(url, data={**data, "form_token": token_of(httpx.get(url))})
        assert sent.status_code == 201 and "W-1005" in sent.text
    finally:
        again.stop()


def test_a_missing_phone_or_address_shows_the_form_again_with_what_was_typed(store, form):
    token = token_of(httpx.get(form))
    typed = {
        "customer": "Ana <Santos>",
        "phone": " ",
        "address": "",
        "email": "ana@example.com",
        "sku_1": "OIL-1L",
        "qty_1": "2",
        "sku_5": "RICE-25",
        "qty_5": "1",
        "form_token": token,
    }
    r = httpx.post(form, data=typed)
    assert r.status_code == 400 and r.headers["Content-Type"].startswith("text/html")
    assert "Please fill in “Mobile number”." in r.text
    assert "Please fill in “Delivery address”." in r.text
    assert "value='Ana &lt;Santos&gt;'" in r.text and "value='ana@example.com'" in r.text
    assert "<option value='OIL-1L' selected>" in r.text
    assert "<option value='RICE-25' selected>" in r.text and "<details open>" in r.text
    assert "name='phone' maxlength='1000' class='bad' aria-invalid='true'" in r.text
    assert runs(store) == 0
    # the same page, filled in: its token was not spent by the refusal
    fixed = {**typed, "phone": "0917 123 4567", "address": "12 Mabini St."}
    sent = httpx.post(form, data=fixed)
    assert sent.status_code == 201 and "A confirmation is emailed to ana@example.com." in sent.text
    order = stored(store.db.execute_sql("select trigger from runs")[0][0])["order"]
    assert order["lines"] == [{"sku": "OIL-1L", "qty": 2}, {"sku": "RICE-25", "qty": 1}]


@pytest.mark.parametrize("qty", ["0", "two", "-1", "1.5", "", "100000"])
def test_a_quantity_that_is_not_a_whole_number_from_one_is_refused_in_words(store, form, qty):
    token = token_of(httpx.get(form))
    r = httpx.post(form, data={**CUSTOMER, "sku_1": "RICE-25", "qty_1": qty, "form_token": token})
    assert r.status_code == 400
    assert "Product 1: the quantity must be a whole number from 1 to 9999" in r.text
    assert runs(store) == 0


def test_a_product_not_on_the_list_or_no_product_is_refused(store, form):
    token = token_of(httpx.get(form))
    r = httpx.post(form, data={**CUSTOMER, "sku_1": "GOLD-1", "qty_1": "1", "form_token": token})
    assert r.status_code == 400 and "Product 1: choose a product from the list." in r.text
    r = httpx.post(form, data={**CUSTOMER, "form_token": token})
    assert r.status_code == 400 and "Please choose at least one product." in r.text
    assert runs(store) == 0


def test_an_expired_page_is_shown_again_with_what_was_typed_and_a_new_token(store, form):
    from app import secrets
    from app.intake.web_form import INSTALL_KEY, issue_token

    httpx.get(form)  # the install key is made with the first page
    key = secrets.get_secret(*INSTALL_KEY).encode()
    old = issue_token(key, "Order fulfilment", "web", now=1_000_000)
    data = {**CUSTOMER, "sku_1": "RICE-25", "qty_1": "1"}
    r = httpx.post(form, data={**data, "form_token": old})
    assert r.status_code == 403 and "has expired" in r.text
    assert "value='Ana Santos'" in r.text and token_of(r) != old
    assert httpx.post(form, data={**data, "form_token": token_of(r)}).status_code == 201


def test_an_unreadable_post_from_the_form_is_kept_for_the_shop(store, form):
    token = token_of(httpx.get(form))
    body = b"customer=Ana%20\xff\xfe&phone=0917&form_token=" + token.encode()
    r = httpx.post(
        form, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert r.status_code == 400 and "could not be read" in r.text
    assert runs(store) == 0 and intake_errors(store) == 1
    raw = store.db.execute_sql("select raw from intake_items")[0][0]
    assert bytes(raw) == body  # kept as it came


def test_the_running_intake_finds_a_relative_stock_sheet_on_either_database(
    store, sample, data_dir
):
    """The runtime's intake serves the form with the sample's sheet, whose path is relative to
    the data folder: on PostgreSQL there is no database file to find that folder from, so the
    intake hands the form the runtime's data folder (else the form fell back to a code box)."""
    from app.intake.manager import IntakeManager
    from app.store import workflows

    wf, trig = sample
    with store.db.write() as s:
        workflows.set_enabled(s, wf.name, True)
    rt = Runtime(store.db, data_dir=data_dir, poll_interval=0.2)
    rt.intake = IntakeManager(web_port=0)
    rt.add_extension(rt.intake)
    rt.start()
    try:
        url = f"{rt.intake.web.url}/form/{wf.name}/{trig.id}".replace(" ", "%20")
        wait_for(lambda: "Rice, 25 kg sack" in httpx.get(url).text, 10)
    finally:
        rt.shutdown(grace=2)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (packaging/dev.sh installs it)")
@pytest.mark.parametrize("language", ["en", "fil"])
def test_on_a_phone_360_pixels_wide_the_chosen_products_show_whole(form, tmp_path, language):
    """Laid out by a real browser at 360 px (the narrowest common phone): each chosen product
    reads whole with its price (“Rice, 25 kg sack — PHP 1,350.00”, once cut after “PHP”),
    nothing makes the page scroll sideways, and the thank-you page says the products' names."""
    speaks = {"Accept-Language": language}
    token = token_of(httpx.get(form, headers=speaks))
    chosen = {"sku_1": "RICE-25", "qty_1": "2", "sku_2": "SARDINES-155", "qty_2": "12"}
    again = httpx.post(
        form, data={**chosen, "sku_3": "OIL-1L", "form_token": token}, headers=speaks
    )
    assert again.status_code == 400  # no name, phone or address: shown again, as chosen
    page = laid_out(again.text, tmp_path)
    assert [s["text"] for s in page.selects[:3]] == [
        "Rice, 25 kg sack — PHP 1,350.00",
        "Sardines, 155 g — PHP 24.00",
        "Cooking oil, 1 L — PHP 95.00",
    ]
    assert page.cut() == [] and page.page <= page.view == 360, page

    sent = httpx.post(form, data={**CUSTOMER, **chosen, "form_token": token}, headers=speaks)
    assert sent.status_code == 201
    assert "<li>2 × Rice, 25 kg sack</li><li>12 × Sardines, 155 g</li>" in sent.text
    thanks = laid_out(sent.text, tmp_path)
    assert thanks.page <= thanks.view == 360, thanks
