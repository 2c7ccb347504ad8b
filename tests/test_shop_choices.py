"""Every combination of the setup's answers (how customers pay, whether Daloy emails them, how the
warehouse is told, where orders come from) shapes the sample workflows into ones the one full
check accepts: steps left out leave no edge pointing at nothing, and a shop that tells its
customers itself keeps no step that emails a customer — in the sample or in its backorder."""

from __future__ import annotations

import argparse
import copy
import itertools

from app import shop
from app.cli import Env, seed_samples
from app.core.model import Workflow
from app.core.validation import errors
from app.intake import trigger_registry
from app.resources import resource_path
from app.store import drafts, workflows


def _customer_emails(wf) -> list[str]:  # noqa: ANN001 - a Workflow
    return [
        st.name
        for st in wf.steps
        if st.type == "send_email" and "customer.email" in str(st.config.get("to", ""))
    ]


def test_every_answer_gives_a_sample_the_full_check_accepts(data_dir, keyring_tmp):
    env = Env(argparse.Namespace(data_dir=str(data_dir), verbose=False))
    seed_samples(env, start_runs=False)
    with env.db.read() as s:
        samples = {name: workflows.load(s, name)[2] for name in (shop.SAMPLE, shop.BACKORDER)}
        assert _customer_emails(samples[shop.SAMPLE]) and _customer_emails(samples[shop.BACKORDER])
        for payment, emails, warehouse, source in itertools.product(
            shop.PAYMENT_WAYS, (True, False), shop.WAREHOUSE_WAYS, ("web", "email", "demo")
        ):
            choices = shop.ShopChoices(
                payment=payment,
                email_customers=emails,
                warehouse=warehouse,
                warehouse_address="packing@shop.example"
                if warehouse == "email"
                else "https://wh.example/orders",
                source=source,
            )
            for name, sample in samples.items():
                if name == shop.SAMPLE:
                    wf = shop.configure(sample, choices)
                else:  # the backorder: only its customer emails change (``shop.apply``)
                    wf = copy.deepcopy(sample)
                    if not emails:
                        shop._no_customer_emails(wf)
                said = (payment, emails, warehouse, source, name)
                names = {st.name for st in wf.steps}
                assert all({e.source, e.target} <= names for e in wf.edges), said
                problems = drafts.check(
                    s, wf, env.registry.specs, trigger_registry(), connections=False
                )
                assert not errors(problems), (said, errors(problems))
                assert bool(_customer_emails(wf)) == emails, said
                if warehouse == "email":
                    assert wf.name != shop.SAMPLE or wf.step(shop.WAREHOUSE_STEP).type == (
                        "send_email"
                    )


def test_the_order_form_asks_for_an_email_only_where_daloy_emails_customers() -> None:
    """“Email (if you want a confirmation)” on a shop's form that sends none promised what
    never comes: the box is there only when the shop lets Daloy email its customers."""
    sample = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())

    def form_fields(email_customers: bool) -> list[str]:
        choices = shop.ShopChoices(source="web", email_customers=email_customers)
        wf = shop.configure(copy.deepcopy(sample), choices)
        return next(t for t in wf.triggers if t.type == "webhook").config["fields"]

    assert form_fields(True) == ["customer", "phone", "address", "email", "notes"]
    assert form_fields(False) == ["customer", "phone", "address", "notes"]


def test_the_setup_run_again_puts_back_what_earlier_answers_left_out(data_dir, keyring_tmp):
    """A shop once set up paid on delivery, with no warehouse and no customer emails gets the
    charge, warehouse and email steps back (in both samples) by changing its answers; once the
    operator edits a sample, the setup keeps their version and names what stays out."""
    env = Env(argparse.Namespace(data_dir=str(data_dir), verbose=False))
    seed_samples(env, start_runs=False)
    mail = shop.ConnectionValues("smtp", {"host": "127.0.0.1", "port": 2525, "security": "plain"})
    pay = shop.ConnectionValues("http", {"base_url": "http://127.0.0.1:9/"}, {"token": "t"})
    lean = shop.ShopChoices(shop_name="Shop", payment="on_delivery", email_customers=False)
    full = shop.ShopChoices(
        shop_name="Shop", payments=pay, email=mail, warehouse="web",
        warehouse_address="https://wh.example/orders",
    )  # fmt: skip

    def live(name: str) -> Workflow:
        with env.db.read() as s:
            return workflows.load(s, name)[2]

    shop.apply(env.db, env.registry.specs, lean)
    assert live(shop.SAMPLE).step(shop.CHARGE_STEP) is None
    assert not _customer_emails(live(shop.SAMPLE)) and not _customer_emails(live(shop.BACKORDER))
    assert shop.not_put_back(env.db, full) == ""  # nothing edited: all comes back
    shop.apply(env.db, env.registry.specs, full)
    wf = live(shop.SAMPLE)
    assert wf.step(shop.CHARGE_STEP) and wf.step(shop.WAREHOUSE_STEP)
    assert set(_customer_emails(wf)) == {"confirm_email", "cancel_email"}
    assert wf.step("has_email") and wf.step("cancel_has_email")
    assert _customer_emails(live(shop.BACKORDER)) == ["cancel_email"]

    # the operator edits both samples after a lean setup: their edits are kept, and said
    shop.apply(env.db, env.registry.specs, lean)
    for name in (shop.SAMPLE, shop.BACKORDER):
        edited = live(name)
        edited.steps[0].title = "My first step"
        with env.db.write() as s:
            drafts.save_draft(s, edited, "op")
            drafts.publish(s, name, env.registry.specs, trigger_registry(), who="op")
    said = shop.not_put_back(env.db, full)
    assert "not put back" in said and "Charge the customer" in said
    assert "Email the customer: order cancelled" in said and "“Backorder”" in said
    shop.apply(env.db, env.registry.specs, full)
    for name in (shop.SAMPLE, shop.BACKORDER):
        assert live(name).steps[0].title == "My first step"
        assert not _customer_emails(live(name))
    assert live(shop.SAMPLE).step(shop.CHARGE_STEP) is None
    assert shop.not_put_back(env.db, full) == said  # run again: still the operator's
