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
WF = {
    "format_version": 1,
    "name": "demo",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {
            "name": "a",
            "type": "transform",
            "config": {"values": {"n": "{{ trigger.order.number }}"}},
        },
        {"name": "b", "type": "condition", "config": {"expression": "{{ trigger.order.big }}"}},
    ],
    "edges": [{"from": "a", "to": "b"}],
}


@pytest.fixture(autouse=True)
def fresh_logging():
    """Each in-process ``main()`` call sets logging up once per process (to that test's data
    folder and captured stderr); undo it so the next test logs to its own."""
    import logging

    yield
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "baseFilename", None) or isinstance(h, logging.StreamHandler):
            root.removeHandler(h)
            h.close()
    root.__dict__.pop("_daloy_configured", None)


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
    code, out, _ = cli(
        "run", "start", "demo", "--input", '{"order": {"number": "1042", "big": "maybe"}}'
    )
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
    assert [s["name"] for s in detail["steps"]] == ["a", "b"] and detail["steps"][1][
        "state"
    ] == "needs_attention"
    code, out, _ = cli("inbox", "list", "--json")
    items = json.loads(out)
    assert len(items) == 2
    mine = next(i for i in items if i["run_id"] == run_id)
    assert "neither true nor false" in mine["reason"]
    item = mine["id"]
    code, out, _ = cli(
        "inbox",
        "resolve",
        str(item),
        "--action",
        "skip",
        "--port",
        "true",
        "--output",
        '{"result": true}',
    )
    assert code == 0
    code, out, _ = cli("runs", "show", run_id, "--json")
    assert json.loads(out)["status"] == "succeeded"
    code, _, err = cli("inbox", "resolve", str(item), "--action", "retry")
    assert code == 1 and "already resolved" in err


@pytest.mark.parametrize(
    "args, words",
    [
        (["workflow", "import", "/nonexistent.json"], "Cannot read"),
        (["workflow", "export", "nope"], "no workflow called"),
        (["run", "start", "nope"], "no workflow called"),
        (["run", "start", "demo", "--input", "{bad"], "not valid JSON"),
        (["runs", "show", "abc"], "no run with id"),
        (["runs", "list", "--status", "weird"], "Unknown status"),
        (["inbox", "resolve", "99", "--action", "retry"], "no inbox entry"),
    ],
)
def test_bad_input_gives_one_clear_line(cli, args, words):
    cli("workflow", "import", cli.wf)
    code, out, err = cli(*args)
    assert code == 1
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_bad_arguments_and_files_in_a_real_process(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 99, "name": "x"}')
    for args in (["workflow", "validate", str(bad)], ["frobnicate"], ["inbox", "resolve", "x"]):
        p = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path), *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert p.returncode != 0
        assert "Traceback" not in p.stderr and p.stderr.strip().count("\n") == 0, p.stderr


DECIDE = {
    "format_version": 1,
    "name": "decide",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {
            "name": "ask",
            "type": "ask_person",
            "config": {"question": "Substitute?", "options": [{"name": "yes"}, {"name": "no"}]},
        },
        {"name": "ship", "type": "transform", "config": {"values": {"ok": True}}},
    ],
    "edges": [{"from": "ask", "port": "yes", "to": "ship"}],
}


def test_every_resolve_action_from_the_command_line(cli, tmp_path):
    """retry with edited input, restart from a step, choose an option and cancel, each through
    ``daloy inbox resolve``, each leaving an audit row."""
    (tmp_path / "decide.json").write_text(json.dumps(DECIDE))
    cli("workflow", "import", cli.wf)
    cli("workflow", "import", str(tmp_path / "decide.json"))
    start = {
        name: cli(
            "run", "start", wf, "--input", json.dumps({"order": {"number": name, "big": "maybe"}})
        )[1].strip()
        for name, wf in (
            ("retry", "demo"),
            ("restart", "demo"),
            ("cancel", "demo"),
            ("choose", "decide"),
        )
    }
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
    code, out, err = cli(
        "inbox", "resolve", str(items[start["choose"]]["id"]), "--action", "choose"
    )
    assert code == 1 and "already resolved" in err and err.count("\n") == 1

    import sqlite3

    con = sqlite3.connect(tmp_path / "data" / "daloy.sqlite3")
    audit = con.execute(
        "select action, run_id, who, at from audit where action in "
        "('retry_with_input', 'restart', 'cancel', 'choose') order by id"
    ).fetchall()
    con.close()
    assert [(a, r) for a, r, _, _ in audit] == [
        ("retry_with_input", start["retry"]),
        ("restart", start["restart"]),
        ("cancel", start["cancel"]),
        ("choose", start["choose"]),
    ]
    assert all(who and at for _, _, who, at in audit)


# -- issue 11: names, switches, run start, damaged records, strict JSON ------------------------
def set_column(tmp_path, sql, *params):
    import sqlite3

    con = sqlite3.connect(tmp_path / "data" / "daloy.sqlite3")
    con.execute(sql, params)
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "name, words",
    [
        ("   ", "not blank"),
        ("", "not blank"),
        (" demo", "start or end with spaces"),
        ("a\nb", "one line"),
        ("tab\there", "one line"),
        ("x" * 101, "at most 100"),
    ],
)
def test_import_refuses_a_name_no_one_could_use(cli, name, words):
    code, _, err = cli("workflow", "import", cli.wf, "--name", name)
    assert code == 1 and words in err and err.count("\n") == 1
    assert json.loads(cli("workflow", "list", "--json")[1]) == []


def test_one_unreadable_workflow_is_skipped_and_raised_in_the_inbox(cli, tmp_path):
    cli("workflow", "import", cli.wf)
    cli("workflow", "import", cli.wf, "--name", "other")
    set_column(tmp_path, "update workflows set name = '   ' where name = 'demo'")
    code, out, err = cli("runner", "--quit-after", "1")
    assert code == 0 and "working on" in out
    alerts = json.loads(cli("inbox", "list", "--json")[1])
    assert [(a["kind"], a["workflow"]) for a in alerts] == [("system", "   ")]
    assert "not blank" in alerts[0]["reason"] and "archived" in alerts[0]["reason"]
    assert cli("run", "start", "other")[0] == 0  # the others still take orders
    assert cli("workflow", "archive", "   ")[0] == 0
    assert cli("runner", "--quit-after", "1")[0] == 0
    kinds = [a["kind"] for a in json.loads(cli("inbox", "list", "--json")[1])]
    assert "system" not in kinds  # the alert closed itself


def test_archive_remove_and_switches(cli):
    cli("workflow", "import", cli.wf)
    cli("workflow", "import", cli.wf, "--name", "typo")
    assert cli("workflow", "remove", "typo")[0] == 0  # never ran: removed
    assert [w["name"] for w in json.loads(cli("workflow", "list", "--json")[1])] == ["demo"]
    assert cli("run", "start", "demo")[0] == 0
    code, _, err = cli("workflow", "remove", "demo")
    assert code == 1 and "1 run(s)" in err and "archive it instead" in err
    code, _, err = cli("workflow", "disable", "demo")
    assert code == 0
    code, _, err = cli("run", "start", "demo")
    assert code == 1 and "switched off" in err and "workflow enable" in err
    assert cli("workflow", "enable", "demo")[0] == 0
    code, _, err = cli("workflow", "archive", "demo")  # a run is still in progress
    assert code == 1 and "in progress" in err
    run_id = json.loads(cli("runs", "list", "--json")[1])[0]["id"]
    assert cli("runner", "--quit-after", "2")[0] == 0
    assert json.loads(cli("runs", "show", run_id, "--json")[1])["status"] == "needs_attention"
    item = json.loads(cli("inbox", "list", "--json")[1])[0]["id"]
    assert cli("inbox", "resolve", str(item), "--action", "cancel")[0] == 0
    assert cli("workflow", "archive", "demo")[0] == 0
    code, _, err = cli("run", "start", "demo")
    assert code == 1 and "archived" in err
    wf = json.loads(cli("workflow", "list", "--json")[1])[0]
    assert wf["archived"] and not wf["enabled"]
    assert cli("runs", "show", run_id)[0] == 0  # history kept
    for verb in ("enable", "disable", "archive", "unarchive", "remove"):
        code, _, err = cli("workflow", verb, "nope")
        assert code == 1 and "no workflow called" in err and err.count("\n") == 1


def test_run_start_refuses_a_draft_and_says_when_nothing_runs_it(cli, tmp_path):
    draft = dict(
        WF, name="draft", steps=WF["steps"] + [{"name": "c", "type": "nope", "config": {}}]
    )
    (tmp_path / "draft.json").write_text(json.dumps(draft))
    assert cli("workflow", "import", str(tmp_path / "draft.json"), "--draft")[0] == 0
    code, out, err = cli("run", "start", "draft")
    assert code == 1 and "has not been published yet" in err and out == ""
    cli("workflow", "import", cli.wf)
    code, out, err = cli("run", "start", "demo")
    run_id = out.strip()
    assert code == 0 and len(run_id) == 32
    assert (
        err.strip() == f"Run {run_id} started; it will run when Daloy or `daloy runner` is running."
    )


def test_run_start_while_a_runtime_works_on_the_folder_says_nothing_more(cli, tmp_path):
    from app.cli import Env, build_parser, build_runtime

    cli("workflow", "import", cli.wf)
    env = Env(build_parser().parse_args(["--data-dir", str(tmp_path / "data")]))
    runtime = build_runtime(env, workers=1)
    runtime.start()
    try:
        code, out, err = cli(
            "run", "start", "demo", "--input", '{"order": {"number": "5", "big": true}}'
        )
        assert code == 0 and len(out.strip()) == 32 and err == ""
    finally:
        runtime.shutdown(grace=5)
    assert "will run when" in cli("run", "start", "demo")[2]  # stopped: said again


def test_data_dir_is_accepted_after_the_verb(tmp_path, capsys):
    data = tmp_path / "elsewhere"
    (tmp_path / "wf.json").write_text(json.dumps(WF))
    assert main(["workflow", "import", str(tmp_path / "wf.json"), "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["workflow", "list", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "demo"


def test_a_damaged_run_record_is_said_in_one_line(cli, tmp_path):
    cli("workflow", "import", cli.wf)
    run_id = cli("run", "start", "demo", "--input", '{"order": {"number": "9"}}')[1].strip()
    set_column(tmp_path, "update runs set trigger = '{garbage' where id = ?", run_id)
    for extra in ([], ["--json"]):
        code, out, err = cli("runs", "show", run_id, *extra)
        assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
        assert f"stored record of run {run_id} is damaged" in err
    logged = (tmp_path / "data" / "logs" / "daloy.log").read_text()
    assert f"run {run_id} cannot be read" in logged and "JSONDecodeError" in logged  # detail kept
    assert cli("runs", "list")[0] == 0


def test_json_output_is_strict_even_when_the_store_holds_nan(cli, tmp_path):
    cli("workflow", "import", cli.wf)
    run_id = cli("run", "start", "demo", "--input", '{"order": {"number": "9"}}')[1].strip()
    set_column(
        tmp_path, 'update runs set trigger = \'{"x": NaN, "y": -Infinity}\' where id = ?', run_id
    )
    out = cli("runs", "show", run_id, "--json")[1]
    detail = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in --json output"))
    assert detail["trigger"] == {"x": "NaN", "y": "-Infinity"}


@pytest.mark.parametrize(
    "value, words",
    [
        ('{"a": NaN}', "not valid JSON"),
        ('{"a": 1e999}', "too large"),
        ("[" * 600 + "]" * 600, "nested too deeply"),
        ("@/nonexistent.json", "Cannot read"),
    ],
)
def test_bad_input_arguments(cli, value, words):
    cli("workflow", "import", cli.wf)
    code, out, err = cli("run", "start", "demo", "--input", value)
    assert code == 1 and words in err and err.count("\n") == 1 and out == ""


def test_retry_with_edited_input_explains_which_input(cli):
    cli("workflow", "import", cli.wf)
    cli("run", "start", "demo", "--input", '{"order": {"number": "1", "big": "maybe"}}')
    assert cli("runner", "--quit-after", "2")[0] == 0
    item = str(json.loads(cli("inbox", "list", "--json")[1])[0]["id"])
    code, _, err = cli("inbox", "resolve", item, "--action", "retry", "--input", '{"file": "x"}')
    assert code == 1 and "does not fit step “b”" in err and "“file” is not a setting" in err
    code, _, err = cli("inbox", "resolve", item, "--action", "retry", "--input", "[1, 2]")
    assert code == 1 and "one JSON object" in err and "steps[].input" in err
    code, _, err = cli("inbox", "resolve", item, "--action", "skip", "--input", "{}")
    assert code == 1 and "--input goes with --action retry" in err
    assert (
        cli("inbox", "resolve", item, "--action", "retry", "--input", '{"expression": true}')[0]
        == 0
    )


def test_connection_add_refuses_what_it_cannot_use(cli, keyring_tmp, monkeypatch):
    import io

    for args, words in (
        (["x", "--kind", "smtp", "--set", "security=tls"], "security “tls”"),
        (["x", "--kind", "smtp", "--set", "port=²"], "whole number from 1 to 65535"),
        (["", "--kind", "smtp"], "not blank"),
        (["a\nb", "--kind", "smtp"], "one line"),
    ):
        code, _, err = cli("connection", "add", *args, "--no-secret")
        assert code == 1 and words in err and err.count("\n") == 1, err
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    code, _, err = cli("connection", "add", "m", "--kind", "smtp", "--secret-stdin", "password")
    assert code == 1 and "empty" in err
    assert json.loads(cli("connection", "list", "--json")[1]) == []
    help_text = subprocess.run(
        [sys.executable, "-m", "app", "connection", "add", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert all(
        w in help_text for w in ("smtp", "imap", "from_address", "password", "token", "starttls")
    )


def test_import_and_validate_report_an_unknown_connection(cli, tmp_path, keyring_tmp):
    wf = {
        "format_version": 1,
        "name": "mail",
        "steps": [
            {
                "name": "send",
                "type": "send_email",
                "config": {
                    "connection": "shop-mail",
                    "to": "a@example.com",
                    "subject": "Hi",
                    "text": "Hello",
                },
            }
        ],
        "edges": [],
    }
    (tmp_path / "mail.json").write_text(json.dumps(wf))
    for verb in ("validate", "import"):
        code, out, err = cli("workflow", verb, str(tmp_path / "mail.json"))
        assert code == 1 and "“shop-mail”, which does not exist" in out + err
    assert (
        cli(
            "connection",
            "add",
            "shop-mail",
            "--kind",
            "smtp",
            "--set",
            "host=mail.example.com",
            "--no-secret",
        )[0]
        == 0
    )
    code, out, err = cli("workflow", "validate", str(tmp_path / "mail.json"))
    assert code == 0, out + err


def test_sentences_for_people_follow_the_language(cli, monkeypatch, tmp_path):
    """DALOY_LANGUAGE=fil: the verbs' sentences in Filipino (read from the .ts files, no Qt),
    --json output unchanged, and the caller's own language back after the command."""
    from app.core.i18n import translate

    monkeypatch.setenv("DALOY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DALOY_LANGUAGE", "fil")
    code, out, _ = cli("inbox", "list")
    assert code == 0 and out.strip() == "Walang laman ang inbox: walang kailangang gawin."
    code, out, _ = cli("workflow", "import", cli.wf)
    assert code == 0 and "Na-import at na-publish ang “demo” bilang version 1." in out
    code, out, _ = cli("workflow", "list", "--json")
    assert json.loads(out)[0]["name"] == "demo"  # machine output stays language-neutral
    code, _, err = cli("runs", "show", "no-such-run")
    assert code != 0 and "Walang order na may id na no-such-run." in err
    assert translate("Cli", "No runs match.") == "No runs match."  # this process: English again
    monkeypatch.setenv("DALOY_LANGUAGE", "en")
    assert cli("inbox", "list")[1].strip() == "The inbox is empty: nothing needs you."
    # the system's locale decides when nothing was chosen
    monkeypatch.delenv("DALOY_LANGUAGE")
    monkeypatch.setenv("LANGUAGE", "fil_PH:en")
    assert cli("inbox", "list")[1].strip().startswith("Walang laman ang inbox")


def test_a_real_daloy_process_speaks_filipino(tmp_path):
    """The installed command, as a shop operator runs it, with DALOY_LANGUAGE=fil."""
    import os

    env = {**os.environ, "DALOY_LANGUAGE": "fil", "DALOY_CONFIG_DIR": str(tmp_path / "cfg")}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "d"), "intake", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Tuloy ang pagpasok ng order." in done.stdout
