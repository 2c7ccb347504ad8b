"""What the sample business tells its customers is right for both kinds of shop the first-run
setup makes (``shop.PAYMENT_WAYS``): one that charges through a payment service, and one whose
customers pay on delivery or by bank transfer (``settings.pay_on_delivery``). Every email of the
samples is rendered as the engine renders a step (``render_input``) both ways; a real order's
cancellation, and its backorder's, reach a real SMTP server (aiosmtpd) reading right for a
shop paid on delivery."""

from __future__ import annotations

from typing import Any

import pytest

from app import shop
from app.core import machine as m
from app.core.model import Workflow
from app.resources import sample_workflows
from app.steps import registry
from app.steps.base import render_input
from app.store import workflows
from tests.support.engine import run_status, wait_for
from tests.support.sample_shop import open_decision, open_shop, order, runs, sample

WAYS = shop.PAYMENT_WAYS  # ("service", "on_delivery")
SHOP_NAME = "Sari-sari ni Mang Tomas"
NOTE = "Sorry for the wait."


def configured(way: str) -> Workflow:
    """The sample as the first-run setup publishes it for a shop paid this way."""
    choices = shop.ShopChoices(shop_name=SHOP_NAME, payment=way, source="demo")
    return shop.configure(sample("order-fulfilment.json"), choices)


def rendered(wf: Workflow, step: str, steps: dict[str, Any], trigger: Any = None) -> dict:
    """Step ``step``'s settings filled in as the engine fills them in before it runs it: every
    step of the run in the context (one that did not run: no output, as the store gives it)."""
    st = wf.step(step)
    assert st is not None, step
    context = {
        "trigger": trigger if trigger is not None else {},
        "steps": {s.name: {"output": None, "port": None} for s in wf.steps} | steps,
        "run": {"id": "r1", "business_key": "4001"},
        "idempotency_key": "r1:" + step,
    }
    spec = registry().specs.get(st.type)
    assert spec is not None, st.type
    return render_input(spec, st.config, context)


def ran(**outputs: Any) -> dict[str, Any]:
    return {name: {"output": out, "port": "out"} for name, out in outputs.items()}


def run_of(wf: Workflow, now: list, later: list, total: float, answer: str | None) -> dict:
    """The steps of an order of 10 coffee (8 in stock) and a sugar, up to its emails."""
    line = {"sku": "COFFEE-3IN1", "qty": 10, "price": 210}
    steps = ran(
        settings=wf.step("settings").config["values"],
        order={
            "number": "4001",
            "customer": {"name": "Pedro Penduko", "email": "pedro@example.com"},
            "currency": "PHP",
            "lines": [line],
            "backorder_of": "",
        },
        check_stock={"later": later, "short": [{"key": "COFFEE-3IN1", "wanted": 10}]},
        plan={"now": now, "later": later, "total": total},
    )
    if answer:
        steps["ask_stock"] = {"output": {"values": {"note": NOTE}}, "port": answer}
    return steps


def emails(way: str, wf: Workflow | None = None) -> dict[str, str]:
    """Every customer email of the samples for a shop paid ``way`` (or as ``wf`` is set up),
    rendered, by a name for the case: (subject, text) joined."""
    wf = wf or configured(way)
    coffee_now = [{"sku": "COFFEE-3IN1", "qty": 8, "price": 210}]
    coffee_later = [{"sku": "COFFEE-3IN1", "qty": 2, "price": 210}]
    cases = {
        "confirm, all ships": run_of(wf, coffee_now, [], 1680, None),
        "confirm, some later": run_of(wf, coffee_now, coffee_later, 1680, "backorder"),
        "confirm, all later": run_of(wf, [], coffee_now + coffee_later, 0, "backorder"),
    }
    out = {}
    for case, steps in cases.items():
        mail = rendered(wf, "confirm_email", steps)
        out[case] = f"{mail['subject']}\n{mail['text']}"
    cancel = rendered(wf, "cancel_email", run_of(wf, [], [], 0, "cancel"))
    out["cancel"] = f"{cancel['subject']}\n{cancel['text']}"
    # the backorder started with what the order's step gives it, then cancelled
    backorder_trigger = rendered(wf, "start_backorder", cases["confirm, some later"])["input"]
    backorder = sample("backorder.json")
    wait = {"wait_for_stock": {"output": {"values": {"note": NOTE}}, "port": "cancel"}}
    mail = rendered(backorder, "cancel_email", wait, backorder_trigger)
    out["backorder cancelled"] = f"{mail['subject']}\n{mail['text']}"
    return out


def test_every_customer_email_of_the_samples_is_rendered_here() -> None:
    """A new email step in a sample is read here too (the rendering test covers it)."""
    sent = {
        (path.name, st.name)
        for path in sample_workflows()
        for st in sample(path.name).steps
        if st.type == "send_email"
    }
    assert sent == {
        ("order-fulfilment.json", "confirm_email"),
        ("order-fulfilment.json", "cancel_email"),
        ("backorder.json", "cancel_email"),
    }


@pytest.mark.parametrize("way", WAYS)
def test_each_email_says_how_this_shop_is_paid(way: str) -> None:
    said = emails(way)
    assert set(said) == {
        "confirm, all ships",
        "confirm, some later",
        "confirm, all later",
        "cancel",
        "backorder cancelled",
    }
    if way == "on_delivery":
        # nothing was charged, and the customer is never told "you were not charged" as if
        # the shop charges: what there is to pay, and what happens to a bank transfer made
        for case, text in said.items():
            assert "charge" not in text.lower(), (case, text)
        assert (
            "Please have PHP 1,680.00 ready for these when they arrive (if you have not paid it by "
            "bank transfer already)." in said["confirm, all ships"]
        )
        assert (
            "Nothing can ship right away, so there is nothing to pay yet."
            in (said["confirm, all later"])
        )
        assert (
            "Coming later, as order 4001-B (paid when it arrives):" in said["confirm, some later"]
        )
    else:
        assert "We charged PHP 1,680.00 for these." in said["confirm, all ships"]
        assert (
            "Nothing can ship right away, so nothing was charged yet."
            in (said["confirm, all later"])
        )
        assert "as order 4001-B (charged when it ships):" in said["confirm, some later"]
    assert said["cancel"] == (
        "Order 4001 could not be filled\n"
        "Hi Pedro Penduko,\n\nSorry, we could not fill order 4001 and have cancelled it"
        + (
            ", so there is nothing to pay. If you have already paid for it by bank transfer, "
            "we will send your money back."
            if way == "on_delivery"
            else "; you were not charged."
        )
        + f" {NOTE}\n\n{SHOP_NAME}\n"
    )
    assert said["backorder cancelled"] == (
        "Backorder 4001-B cancelled\n"
        "Hi Pedro Penduko,\n\nSorry, the rest of order 4001 (2 × COFFEE-3IN1) could not be "
        "delivered and was cancelled"
        + (
            ", so there is nothing to pay for it. If you have already paid for it by bank "
            "transfer, we will send that money back."
            if way == "on_delivery"
            else "; you were not charged for it."
        )
        + f" {NOTE}\n\n{SHOP_NAME}\n"
    )


@pytest.fixture
def shop_paid_on_delivery(data_dir, keyring_tmp, smtp_sink):
    """The sample business as the first-run setup makes it for a shop paid on delivery (no
    charge step, no warehouse system), on a real runtime, its emails to a real SMTP server."""
    rt = open_shop(data_dir, "http://127.0.0.1:9", "http://127.0.0.1:9", smtp_sink.port)
    with rt.db.write() as s:
        _row, _version, wf = workflows.load(s, shop.SAMPLE)
        choices = shop.ShopChoices(shop_name=SHOP_NAME, payment="on_delivery", source="demo")
        workflows.save(s, shop.configure(wf, choices))
    yield rt
    rt.shutdown(grace=2)
    rt.db.close()


def test_a_cancelled_order_of_a_shop_paid_on_delivery_says_there_is_nothing_to_pay(
    shop_paid_on_delivery, smtp_sink
) -> None:
    rt = shop_paid_on_delivery
    cancelled = rt.store.start_run(shop.SAMPLE, order("4101", [("COFFEE-3IN1", 10)]))
    rt.actions.resolve(open_decision(rt, cancelled)["id"], "choose", option="cancel", who="maria")
    wait_for(lambda: run_status(rt.db, cancelled) == m.RUN_SUCCEEDED)
    mail = smtp_sink.wait_for(1)[0].message
    body = mail.get_content().replace("\r\n", "\n")
    assert mail["Subject"] == "Order 4101 could not be filled"
    assert "have cancelled it, so there is nothing to pay. If you have already paid for it by " in (
        body
    )
    assert "charge" not in body.lower()

    # a backorder, cancelled when the stock never came: told the same
    backordered = rt.store.start_run(shop.SAMPLE, order("4102", [("COFFEE-3IN1", 10)]))
    rt.actions.resolve(open_decision(rt, backordered)["id"], "choose", option="backorder")
    rest = wait_for(lambda: next((r for r in runs(rt) if r["key"] == "4102-B"), None))
    assert rest["trigger"]["pay_on_delivery"] is True
    rt.actions.resolve(open_decision(rt, rest["id"])["id"], "choose", option="cancel")
    wait_for(lambda: run_status(rt.db, rest["id"]) == m.RUN_SUCCEEDED)
    said = {
        r.message["Subject"]: r.message.get_content().replace("\r\n", "\n")
        for r in smtp_sink.wait_for(3)
    }
    assert "Please have PHP" in said["Order 4102 confirmed"]
    assert "Coming later, as order 4102-B (paid when it arrives):" in said["Order 4102 confirmed"]
    cancelled_rest = said["Backorder 4102-B cancelled"]
    assert "was cancelled, so there is nothing to pay for it." in cancelled_rest
    assert all("charge" not in text.lower() for text in said.values()), said


@pytest.mark.parametrize(
    "customer",
    [
        {"email": "buyer@example.com"},
        {"name": "", "email": "b@example.com"},
        {"name": None, "email": "c@example.com"},
    ],
    ids=["no name", "empty name", "null name"],
)
def test_a_customer_without_a_name_is_greeted_without_one(customer: dict) -> None:
    """A marketplace order may come without the buyer's name: its emails start "Hi," — not
    "Hi ,", "Hi None," or a failed step asking the operator about missing data."""
    wf = configured("on_delivery")
    steps = run_of(wf, [], [], 0, "cancel")
    steps["order"]["output"]["customer"] = customer
    texts = [
        rendered(wf, "confirm_email", steps)["text"],
        rendered(wf, "cancel_email", steps)["text"],
        rendered(
            sample("backorder.json"),
            "cancel_email",
            {"wait_for_stock": {"output": {"values": {"note": ""}}, "port": "cancel"}},
            rendered(wf, "start_backorder", steps)["input"],
        )["text"],
    ]
    for text in texts:
        assert text.startswith("Hi,\n\n"), text


def test_a_marketplace_shops_emails_say_the_platform_handles_payment() -> None:
    """A Shopee shop's orders are paid on Shopee (online, or cash to its courier): its emails
    never ask the customer to have money ready, nor say Daloy charged or did not charge."""
    choices = shop.ShopChoices(
        shop_name=SHOP_NAME,
        payment="on_delivery",  # what the setup chooses for a platform's orders: charge nothing
        source="marketplace",
        marketplace=shop.ConnectionValues("shopee", {}, {}),
    )
    wf = shop.configure(sample("order-fulfilment.json"), choices)
    assert wf.step(shop.CHARGE_STEP) is None
    said = emails("on_delivery", wf)
    for case, text in said.items():
        assert "charge" not in text.lower() and "ready for these" not in text, (case, text)
        assert "bank transfer" not in text, (case, text)
    assert (
        "Payment for these goes through Shopee, as you chose there." in (said["confirm, all ships"])
    )
    assert "Nothing can ship right away.\n" in said["confirm, all later"]
    assert "as order 4001-B (paid through Shopee):" in said["confirm, some later"]
    assert "have cancelled it; Shopee returns any payment you made for it. " in said["cancel"]
    assert (
        "was cancelled; Shopee returns any payment you made for it. "
        in (said["backorder cancelled"])
    )


@pytest.mark.parametrize("way", WAYS)
def test_the_warehouse_is_told_where_to_deliver_and_what_to_collect(way: str) -> None:
    """Whoever packs the order hands it to a courier: the message carries the customer's phone
    and address when the order has them, and for a shop paid on delivery the amount to collect."""
    choices = shop.ShopChoices(
        shop_name=SHOP_NAME,
        payment=way,
        source="demo",
        warehouse="web",
        warehouse_address="https://warehouse.example/orders",
    )
    wf = shop.configure(sample("order-fulfilment.json"), choices)
    coffee = [{"sku": "COFFEE-3IN1", "qty": 8, "price": 210}]
    steps = run_of(wf, coffee, [], 1680, None)
    steps["order"]["output"]["customer"] |= {
        "phone": "0917 555 0101",
        "address": "12 Mabini St., Quezon City",
    }
    message = rendered(wf, shop.WAREHOUSE_STEP, steps)["message"]
    assert message.startswith("Pack order 4001 for Pedro Penduko: 8 × COFFEE-3IN1.")
    assert " Phone: 0917 555 0101. Deliver to: 12 Mabini St., Quezon City." in message
    collect = " Collect PHP 1,680.00 on delivery, unless it was paid by bank transfer."
    assert (collect in message) == (way == "on_delivery")
    # an order without them (an email order) still reads as a sentence
    bare = rendered(wf, shop.WAREHOUSE_STEP, run_of(wf, coffee, [], 1680, None))["message"]
    assert "Phone" not in bare and "Deliver to" not in bare


COFFEE = "Coffee 3-in-1, 30s"


@pytest.mark.parametrize("warehouse", ["web", "email"])
@pytest.mark.parametrize("way", WAYS)
def test_customers_read_product_names_and_a_product_not_in_the_sheet_its_code(
    way: str, warehouse: str
) -> None:
    """The stock check gives each line its product's name from the sheet (``name``): every
    message a customer reads says the names, the warehouse's and the operator's questions the
    name with the code; a line whose product is not in the sheet (no name) reads with its code.
    For each way the setup makes the shop (paid how, the warehouse told how)."""
    address = "packing@shop.example" if warehouse == "email" else "https://warehouse.example/o"
    choices = shop.ShopChoices(
        shop_name=SHOP_NAME,
        payment=way,
        source="demo",
        warehouse=warehouse,
        warehouse_address=address,
    )
    wf = shop.configure(sample("order-fulfilment.json"), choices)
    now = [{"sku": "COFFEE-3IN1", "qty": 8, "price": 210, "name": COFFEE}]
    later = [
        {"sku": "COFFEE-3IN1", "qty": 2, "price": 210, "name": COFFEE},
        {"sku": "MYSTERY-9", "qty": 1},
    ]
    steps = run_of(wf, now, later, 1680, "backorder")
    steps["check_stock"]["output"] |= {
        "ready": now,
        "short": [
            {"key": "COFFEE-3IN1", "wanted": 10, "available": 8, "name": COFFEE},
            {"key": "MYSTERY-9", "wanted": 1, "available": 0},
        ],
    }
    confirm = rendered(wf, "confirm_email", steps)["text"]
    assert "Shipping now:\n- 8 × Coffee 3-in-1, 30s\n" in confirm
    assert "):\n- 2 × Coffee 3-in-1, 30s\n- 1 × MYSTERY-9\n" in confirm
    assert "COFFEE-3IN1" not in confirm
    asked = steps | ran(in_stock={"list": [], "count": 0})
    question = rendered(wf, "ask_stock", asked)["question"]
    assert (
        "Pedro Penduko: Coffee 3-in-1, 30s (COFFEE-3IN1): 10 ordered, 8 in stock. MYSTERY-9: 1 ordered, "
        "0 in stock. Substitute" in question
    )
    told = rendered(wf, shop.WAREHOUSE_STEP, steps)
    assert (told["text"] if warehouse == "email" else told["message"]).startswith(
        "Pack order 4001 for Pedro Penduko: 8 × Coffee 3-in-1, 30s (COFFEE-3IN1)."
    )

    # the rest, as the backorder gets it: its question and its cancellation
    trigger = rendered(wf, "start_backorder", steps)["input"]
    backorder = sample("backorder.json")
    wait = {"wait_for_stock": {"output": {"values": {"note": ""}}, "port": "cancel"}}
    assert (
        "(the rest of order 4001): 2 × Coffee 3-in-1, 30s (COFFEE-3IN1); 1 × MYSTERY-9. When"
        in rendered(backorder, "wait_for_stock", {}, trigger)["question"]
    )
    cancelled = rendered(backorder, "cancel_email", wait, trigger)["text"]
    assert "the rest of order 4001 (2 × Coffee 3-in-1, 30s; 1 × MYSTERY-9) could not" in cancelled

    # a substitute: named as the line it replaces
    sugar = {"sku": "SUGAR-1", "qty": 2, "price": 78, "name": "Sugar, 1 kg"}
    steps = run_of(wf, [*now, sugar], [], 1836, "substitute")
    steps["check_stock"]["output"]["later"] = later[:1]
    steps["substitute_check"] = {"output": {"ready": [sugar], "later": []}, "port": "out"}
    confirm = rendered(wf, "confirm_email", steps)["text"]
    assert "- 8 × Coffee 3-in-1, 30s\n- 2 × Sugar, 1 kg\n" in confirm
    assert "\nSugar, 1 kg replaces what we ran out of: Coffee 3-in-1, 30s.\n" in confirm
