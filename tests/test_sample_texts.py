"""The sample workflows seeded in the operator's language (issue 19): what a person reads is
translated, what the engine matches on (step names, ports, choice and field names,
expressions) stays as shipped, so the sample runs identically in Filipino and English."""

from __future__ import annotations

import argparse
import copy
from collections.abc import Iterator

import pytest

from app.cli import Env, seed_samples
from app.core import catalog, i18n
from app.core import machine as m
from app.core.model import Workflow
from app.core.sample_texts import TEXTS, _places, in_language, visible_texts
from app.resources import resource_path, sample_workflows
from app.runtime.runtime import Runtime
from app.store import workflows
from tests.support.engine import run_status, wait_for
from tests.support.sample_shop import open_decision, open_shop, order, runs, stock


@pytest.fixture
def filipino() -> Iterator[None]:
    before = i18n.installed()
    i18n.install(catalog.load(catalog.FILIPINO))
    yield
    i18n.install(before)


def shipped(name: str) -> Workflow:
    return Workflow.from_json(resource_path("workflows", name).read_text(encoding="utf-8"))


def without_words(wf: Workflow) -> dict:
    """The workflow with every visible text blanked: what the engine runs on."""
    wf = copy.deepcopy(wf)
    for holder, key, _text in _places(wf):
        if isinstance(holder, dict):
            holder[key] = ""
        else:
            setattr(holder, key, "")
    return wf.to_dict()


def test_the_list_for_lupdate_holds_every_visible_text_of_the_samples() -> None:
    in_files = [t for path in sample_workflows() for t in visible_texts(shipped(path.name))]
    assert sorted(set(in_files)) == sorted(set(TEXTS))


def test_a_sample_in_filipino_changes_only_its_words(filipino) -> None:  # noqa: ANN001
    for path in sample_workflows():
        english = shipped(path.name)
        fil = in_language(shipped(path.name))
        assert without_words(fil) == without_words(english)
        # every visible text has its Filipino words (none left English)
        left = set(visible_texts(fil)) & set(visible_texts(english))
        assert left == set(), left


def test_seeded_in_filipino_the_decision_asks_in_filipino_and_runs_the_same(
    tmp_path,  # noqa: ANN001
    keyring_tmp,  # noqa: ANN001
    filipino,  # noqa: ANN001
) -> None:
    env = Env(argparse.Namespace(data_dir=str(tmp_path / "fresh"), verbose=False))
    assert seed_samples(env) == ["Backorder", "Order fulfilment"]
    with env.db.read() as s:
        _row, _version, saved = workflows.load(s, "Order fulfilment")
    ask = saved.step("ask_stock")
    assert ask.title == "Kulang ang stock: itanong ang gagawin"
    assert [(o["name"], o["label"]) for o in ask.config["options"]] == [
        ("substitute", "Palitan ng napiling produkto"),
        ("backorder", "I-backorder: ipadala ang meron, ang natira mamaya"),
        ("cancel", "I-cancel ang order (walang sisingilin)"),
    ]
    assert without_words(saved) == without_words(in_language(shipped("order-fulfilment.json")))
    rt = Runtime(env.db, data_dir=env.data_dir, poll_interval=0.2)
    rt.start()
    try:
        first = runs(rt)[0]["id"]  # the seeded practice run still goes through
        wait_for(lambda: run_status(rt.db, first) == m.RUN_SUCCEEDED)
        short = rt.store.start_run(
            "Order fulfilment", order("P-2", [("COFFEE-3IN1", 10)]), practice=True
        )
        decision = open_decision(rt, short)
        question = decision["detail"]["question"]
        assert "Coffee 3-in-1, 30s (COFFEE-3IN1): 10 ang in-order, 8 ang may stock." in question
        assert question.startswith("Kulang ang stock sa order ni Aling Nena: ")
        assert "P-2" not in question  # the order's number is beside it, not in it
    finally:
        rt.shutdown(grace=2)
        env.db.close()


def test_a_filipino_sample_backorders_exactly_as_the_english_one(
    data_dir,  # noqa: ANN001
    keyring_tmp,  # noqa: ANN001
    payment_gateway,  # noqa: ANN001
    webhook_sink,  # noqa: ANN001
    smtp_sink,  # noqa: ANN001
    filipino,  # noqa: ANN001
) -> None:
    # the same answer and figures as test_sample_business's backorder test, in Filipino
    shop = open_shop(data_dir, payment_gateway.url, webhook_sink.url, smtp_sink.port)
    try:
        prices = {"COFFEE-3IN1": 210, "SUGAR-1": 78}
        run_id = shop.store.start_run(
            "Order fulfilment", order("1051", [("COFFEE-3IN1", 10), ("SUGAR-1", 1)], prices)
        )
        decision = open_decision(shop, run_id)
        assert decision["detail"]["question"].startswith("Kulang ang stock sa order ni ")
        shop.actions.resolve(decision["id"], "choose", option="backorder", values={}, who="maria")
        rest = wait_for(lambda: next((r for r in runs(shop) if r["key"] == "1051-B"), None))
        assert rest["trigger"]["order"]["lines"] == [
            {"sku": "COFFEE-3IN1", "qty": 2, "price": 210, "name": "Coffee 3-in-1, 30s"}
        ]
        # the rest waits for its own stock decision, in Filipino too; the parent waits for it
        rest_ask = open_decision(shop, rest["id"])
        assert rest_ask["detail"]["question"].startswith(
            "Backorder 1051-B ni Aling Nena (ang natira sa order 1051): "
            "2 × Coffee 3-in-1, 30s (COFFEE-3IN1). Pag dumating"
        )
        assert sorted(c["amount"] for c in payment_gateway.charges.values()) == [8 * 210 + 78]
        assert stock(shop.inventory, "COFFEE-3IN1") == 0
    finally:
        shop.shutdown(grace=2)
        shop.db.close()
