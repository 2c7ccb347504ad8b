"""One checked save path: the same workflow file is accepted or refused identically by
`daloy workflow validate`, `daloy workflow import` and the function the editor publishes
through (``drafts.publish``), each broken file for the same reasons."""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

import pytest

from app.cli import main
from app.core.model import Workflow
from app.intake import trigger_registry
from app.steps import registry
from app.store import connections, drafts, workflows
from app.store.db import Database

GOOD: dict[str, Any] = {
    "format_version": 1,
    "name": "shop",
    "business_key": "{{ trigger.number }}",
    "triggers": [{"id": "manual", "type": "manual", "enabled": True, "config": {}}],
    "steps": [
        {
            "name": "total",
            "type": "transform",
            "title": "Work out the total",
            "config": {"values": {"amount": "{{ trigger.amount }}"}},
        },
        {
            "name": "big",
            "type": "condition",
            "title": "Big order?",
            "config": {"expression": "{{ steps.total.output.amount > 100 }}"},
        },
        {
            "name": "mail",
            "type": "send_email",
            "title": "Confirm",
            "config": {
                "connection": "shop-mail",
                "to": "a@example.com",
                "subject": "Hi",
                "text": "Total {{ steps.total.output.amount }}",
            },
        },
        {"name": "note", "type": "transform", "config": {"values": {"small": True}}},
    ],
    "edges": [
        {"from": "total", "to": "big"},
        {"from": "big", "port": "true", "to": "mail"},
        {"from": "big", "port": "false", "to": "note"},
    ],
}


def broken(change) -> dict[str, Any]:  # noqa: ANN001
    wf = copy.deepcopy(GOOD)
    change(wf)
    return wf


def step(wf: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in wf["steps"] if s["name"] == name)


# (what is wrong, the file, words every path must say)
CASES = [
    (
        "an unconfigured step",
        broken(lambda w: step(w, "mail")["config"].pop("subject")),
        "“Subject” is required",
    ),
    (
        "a trigger of an unknown type",
        broken(lambda w: w["triggers"].append({"id": "fax", "type": "fax", "config": {}})),
        "Unknown trigger type “fax”",
    ),
    (
        "a template reading a later step",
        broken(
            lambda w: step(w, "total")["config"].update(
                values={"x": "{{ steps.note.output.small }}"}
            )
        ),
        "does not run before this step",
    ),
    (
        "an unknown connection",
        broken(lambda w: step(w, "mail")["config"].update(connection="nowhere")),
        "“nowhere”, which does not exist",
    ),
    (
        "a connection without its password",
        broken(lambda w: step(w, "mail")["config"].update(connection="no-password")),
        "which has no password saved",
    ),
    (
        "a step nothing leads into",
        broken(lambda w: w["edges"].pop()),
        "Nothing leads into this step",
    ),
    (
        "a branch that loses orders",
        broken(lambda w: (w["edges"].pop(), w["steps"].pop())),
        "Orders that leave by “false” go nowhere: they would end here and never reach “Confirm”",
    ),
    (
        "a loop",
        broken(lambda w: w["edges"].append({"from": "note", "to": "total"})),
        "The steps form a loop",
    ),
]


@pytest.fixture
def cli(tmp_path, capsys, keyring_tmp):
    data = tmp_path / "data"

    def run(*args: str) -> tuple[int, str]:
        code = main(["--data-dir", str(data), *args])
        out, err = capsys.readouterr()
        root = logging.getLogger()  # each in-process main() sets logging up once
        for h in list(root.handlers):
            if getattr(h, "baseFilename", None) or isinstance(h, logging.StreamHandler):
                root.removeHandler(h)
                h.close()
        root.__dict__.pop("_daloy_configured", None)
        return code, out + err

    run("workflow", "list")  # makes the data folder
    db = Database.open_dir(data)
    with db.write() as s:
        connections.save(
            s,
            "shop-mail",
            "smtp",
            {"host": "mail.example.com", "username": "shop"},
            {"password": "pw"},
        )
        connections.save(s, "no-password", "smtp", {"host": "mail.example.com", "username": "shop"})
    run.db = db
    return run


def editor_publish(db: Database, wf: dict[str, Any]) -> tuple[bool, str]:
    """What the editor does on Publish: save the draft, publish it."""
    with db.write() as s:
        drafts.save_draft(s, Workflow.from_dict(wf), "ana")
    try:
        with db.write() as s:
            drafts.publish(s, wf["name"], registry().specs, trigger_registry(), who="ana")
    except drafts.PublishRefused as exc:
        return False, str(exc)
    return True, ""


def test_a_good_file_is_accepted_by_all_three(cli, tmp_path):
    f = tmp_path / "good.json"
    f.write_text(json.dumps(GOOD))
    assert cli("workflow", "validate", str(f))[0] == 0
    code, out = cli("workflow", "import", str(f))
    assert code == 0 and "published “shop” as version 1" in out
    assert editor_publish(cli.db, dict(GOOD, name="shop-editor")) == (True, "")


@pytest.mark.parametrize("what,wf,words", CASES, ids=[c[0] for c in CASES])
def test_a_broken_file_is_refused_by_all_three_for_the_same_reason(cli, tmp_path, what, wf, words):
    f = tmp_path / "wf.json"
    f.write_text(json.dumps(GOOD))
    assert cli("workflow", "import", str(f))[0] == 0  # a live version to protect
    f.write_text(json.dumps(wf))
    code, said = cli("workflow", "validate", str(f))
    assert code == 1 and words in said, said
    code, said = cli("workflow", "import", str(f))
    assert code == 1 and words in said and "kept as a draft and not published" in said, said
    ok, said = editor_publish(cli.db, wf)
    assert not ok and words in said, said
    assert " problem(s)" not in said
    with cli.db.read() as s:
        assert workflows.load(s, "shop")[1].number == 1  # the live version is unchanged
        assert workflows.get_row(s, "shop").enabled  # and still takes orders
