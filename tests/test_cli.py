"""The command line: every verb, JSON shapes, and one clear line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core.model import Workflow

REPO = Path(__file__).resolve().parents[1]
WF = {"format_version": 1, "name": "demo", "business_key": "{{ trigger.order.number }}",
      "steps": [{"name": "a", "type": "transform", "config": {"values": {"n": "{{ trigger.order.number }}"}}},
                {"name": "b", "type": "condition", "config": {"expression": "{{ trigger.order.big }}"}}],
      "edges": [{"from": "a", "to": "b"}]}


@pytest.fixture
def cli(tmp_path, capsys):
    def run(*args):
        code = main(["--data-dir", str(tmp_path / "data"), *args])
        out, err = capsys.readouterr()
        return code, out, err
    f = tmp_path / "wf.json"
    f.write_text(json.dumps(WF))
    run.wf = str(f)
    run.tmp = tmp_path
    return run


def test_workflow_verbs(cli):
    assert cli("workflow", "validate", cli.wf)[0] == 0
    code, out, _ = cli("workflow", "import", cli.wf)
    assert code == 0 and "version 1" in out
    code, out, _ = cli("workflow", "list", "--json")
    assert json.loads(out)[0]["name"] == "demo"
    code, out, _ = cli("workflow", "export", "demo")
    normal = Workflow.from_dict(WF).to_dict()
    assert json.loads(out) == normal
    target = cli.tmp / "out.json"
    assert cli("workflow", "export", "demo", "-o", str(target))[0] == 0
    assert json.loads(target.read_text()) == normal


def test_run_and_inspect_and_resolve(cli, tmp_path):
    cli("workflow", "import", cli.wf)
    code, out, _ = cli("run", "start", "demo", "--input", '{"order": {"number": "1042", "big": "maybe"}}')
    run_id = out.strip()
    assert code == 0 and len(run_id) == 32
    (tmp_path / "in.json").write_text('{"order": {"number": "7"}}')
    assert cli("run", "start", "demo", "--input", f"@{tmp_path / 'in.json'}")[0] == 0
    code, out, _ = cli("runner", "--quit-after", "2")
    assert code == 0
    code, out, _ = cli("runs", "list", "--json")
    runs = json.loads(out)
    assert {r["business_key"] for r in runs} == {"1042", "7"}
    assert cli("runs", "list", "--status", "needs_attention", "--json")[1].count('"id"') == 2
    code, out, _ = cli("runs", "show", run_id, "--json")
    detail = json.loads(out)
    assert [s["name"] for s in detail["steps"]] == ["a", "b"] and detail["steps"][1]["state"] == "needs_attention"
    code, out, _ = cli("inbox", "list", "--json")
    items = json.loads(out)
    assert len(items) == 2
    mine = next(i for i in items if i["run_id"] == run_id)
    assert "neither true nor false" in mine["reason"]
    item = mine["id"]
    code, out, _ = cli("inbox", "resolve", str(item), "--action", "skip", "--port", "true", "--output", '{"result": true}')
    assert code == 0
    code, out, _ = cli("runs", "show", run_id, "--json")
    assert json.loads(out)["status"] == "succeeded"
    code, _, err = cli("inbox", "resolve", str(item), "--action", "retry")
    assert code == 1 and "already resolved" in err


@pytest.mark.parametrize("args, words", [
    (["workflow", "import", "/nonexistent.json"], "Cannot read"),
    (["workflow", "export", "nope"], "no workflow called"),
    (["run", "start", "nope"], "no workflow called"),
    (["run", "start", "demo", "--input", "{bad"], "not valid JSON"),
    (["runs", "show", "abc"], "no run with id"),
    (["runs", "list", "--status", "weird"], "Unknown status"),
    (["inbox", "resolve", "99", "--action", "retry"], "no inbox entry"),
])
def test_bad_input_gives_one_clear_line(cli, args, words):
    cli("workflow", "import", cli.wf)
    code, out, err = cli(*args)
    assert code == 1
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_bad_arguments_and_files_in_a_real_process(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 99, "name": "x"}')
    for args in (["workflow", "validate", str(bad)], ["frobnicate"], ["inbox", "resolve", "x"]):
        p = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(tmp_path), *args],
                           cwd=REPO, capture_output=True, text=True, timeout=60)
        assert p.returncode != 0
        assert "Traceback" not in p.stderr and p.stderr.strip().count("\n") == 0, p.stderr


DECIDE = {"format_version": 1, "name": "decide", "business_key": "{{ trigger.order.number }}",
          "steps": [{"name": "ask", "type": "ask_person",
                     "config": {"question": "Substitute?", "options": [{"name": "yes"}, {"name": "no"}]}},
                    {"name": "ship", "type": "transform", "config": {"values": {"ok": True}}}],
          "edges": [{"from": "ask", "port": "yes", "to": "ship"}]}


def test_every_resolve_action_from_the_command_line(cli, tmp_path):
    """retry with edited input, restart from a step, choose an option and cancel, each through
    ``daloy inbox resolve``, each leaving an audit row."""
    (tmp_path / "decide.json").write_text(json.dumps(DECIDE))
    cli("workflow", "import", cli.wf)
    cli("workflow", "import", str(tmp_path / "decide.json"))
    start = {name: cli("run", "start", wf, "--input", json.dumps({"order": {"number": name, "big": "maybe"}}))[1].strip()
             for name, wf in (("retry", "demo"), ("restart", "demo"), ("cancel", "demo"), ("choose", "decide"))}
    assert cli("runner", "--quit-after", "2")[0] == 0
    code, out, _ = cli("inbox", "list", "--json")
    items = {i["run_id"]: i for i in json.loads(out)}
    assert set(items) == set(start.values())
    assert {"id", "run_id", "kind", "reason"} <= set(items[start["choose"]])

    def resolve(name, *extra):
        code, out, err = cli("inbox", "resolve", str(items[start[name]]["id"]), *extra)
        assert code == 0, err

    resolve("retry", "--action", "retry", "--input", '{"expression": true}')
    resolve("restart", "--action", "restart", "--from-step", "a")
    resolve("cancel", "--action", "cancel")
    resolve("choose", "--action", "choose", "--option", "yes")
    assert cli("runner", "--quit-after", "2")[0] == 0

    def show(name):
        return json.loads(cli("runs", "show", start[name], "--json")[1])

    assert show("retry")["status"] == "succeeded"
    assert show("cancel")["status"] == "cancelled"
    assert show("choose")["status"] == "succeeded"
    restarted = {s["name"]: s for s in show("restart")["steps"]}
    assert show("restart")["status"] == "needs_attention" and restarted["a"]["attempts"] == 2
    code, out, err = cli("inbox", "resolve", str(items[start["choose"]]["id"]), "--action", "choose")
    assert code == 1 and "already resolved" in err and err.count("\n") == 1

    import sqlite3
    con = sqlite3.connect(tmp_path / "data" / "daloy.sqlite3")
    audit = con.execute("select action, run_id, who, at from audit where action in "
                        "('retry_with_input', 'restart', 'cancel', 'choose') order by id").fetchall()
    con.close()
    assert [(a, r) for a, r, _, _ in audit] == [
        ("retry_with_input", start["retry"]), ("restart", start["restart"]),
        ("cancel", start["cancel"]), ("choose", start["choose"])]
    assert all(who and at for _, _, who, at in audit)
