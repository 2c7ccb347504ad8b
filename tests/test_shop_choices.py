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
