"""Hostile command lines: every verb, fed odd text, huge numbers, broken JSON, binary files, lone
surrogates and bad folders, answers without a traceback; bad input exits non-zero with exactly
one line on stderr; ``--json`` output is strict JSON. Most cases run ``app.cli.main`` in-process
(fast); a handful run the real ``daloy`` process, where argv bytes and exit codes are real."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.machine import RUN_STATES

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
FUZZ = dict(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> dict[str, str]:
    """A data folder with a workflow, a run that needs attention and its inbox entry, plus the
    hostile files the arguments point at."""
    root = tmp_path_factory.mktemp("fuzz")
    data = str(root / "data")
    (root / "wf.json").write_text(json.dumps(WF))
    (root / "binary").write_bytes(bytes(range(256)) * 4)
    (root / "deep.json").write_text("[" * 5000 + "]" * 5000)
    (root / "nan.json").write_text('{"order": {"number": NaN}}')
    (root / "a_file").write_text("not a folder")
    assert run("--data-dir", data, "workflow", "import", str(root / "wf.json"))[0] == 0
    code, out, _ = run(
        "--data-dir",
        data,
        "run",
        "start",
        "demo",
        "--input",
        '{"order": {"number": "1", "big": "maybe"}}',
    )
    assert code == 0
    assert run("--data-dir", data, "runner", "--quit-after", "1")[0] == 0
    item = json.loads(run("--data-dir", data, "inbox", "list", "--json")[1])[0]["id"]
    return {
        "data": data,
        "data2": str(root / "data2"),
        "root": str(root),
        "run": out.strip(),
        "item": str(item),
    }


def hostile_text() -> st.SearchStrategy[str]:
    """Odd text: anything (lone surrogates included), numbers at the edges, broken JSON, paths
    to files that are not what they should be."""
    special = st.sampled_from(
        [
            "",
            " ",
            "   ",
            "-1",
            "0",
            "1",
            "99999999999999999999",
            "1e999",
            "nan",
            "inf",
            "-inf",
            "²",
            "٣",
            "0x10",
            "1_000",
            "\n",
            "a\nb",
            "\t",
            "\udcff",
            "\ud800x",
            "\x00",
            "\x1b[31m",
            "{bad",
            "[1, 2]",
            '{"a": NaN}',
            '{"a": Infinity}',
            '{"a": 1e999}',
            "[" * 700 + "]" * 700,
            "null",
            "true",
            '"text"',
            "@",
            "@/nonexistent/file.json",
            "@/",
            "@{root}/binary",
            "@{root}/deep.json",
            "@{root}/nan.json",
            "@{root}/a_file",
            "{root}/a_file/x",
            "-",
            "--",
            "--json",
            "x" * 5000,
            "😀" * 50,
            "%s%n",
        ]
    )
    return st.one_of(special, st.text(st.characters(codec=None), max_size=40))


def _fill(value: str, shop: dict[str, str]) -> str:
    return value.replace("{root}", shop["root"])


def _valid_int(text: str, low: int, high: int) -> bool:
    try:
        return text.strip().isascii() and low <= int(text.strip()) <= high
    except ValueError:
        return False


def _strict_object(text: str) -> bool:
    try:
        return (
            isinstance(json.loads(text, parse_constant=lambda c: 1 / 0), dict)
            and "1e999" not in text
        )
    except (ValueError, ZeroDivisionError, RecursionError):
        return False


def _name_ok(x: str) -> bool:
    return (
        bool(x.strip())
        and x == x.strip()
        and len(x) <= 100
        and not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in x)
    )


def check(code: int, out: str, err: str, *, must_fail: bool, json_out: bool) -> None:
    assert "Traceback" not in out + err, err
    assert code in (0, 1, 2), (code, err)
    if must_fail:
        assert code != 0, (out, err)
    if code != 0:
        lines = err.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0].startswith("daloy: "), err
    elif json_out:
        json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in --json output"))


VERBS = {
    # name: (argv with X for the hostile text, must fail for this X?, --json?)
    "import --name": (
        ["workflow", "import", "{wf}", "--name", "X"],
        lambda x: not _name_ok(x),
        False,
    ),
    "import file": (["workflow", "import", "X"], lambda x: True, False),
    "validate": (["workflow", "validate", "X"], lambda x: True, False),
    "export": (["workflow", "export", "X"], lambda x: x != "demo", False),
    "export -o": (["workflow", "export", "demo", "-o", "X"], lambda x: "a_file" in x, False),
    "switch": (["workflow", "enable", "X"], lambda x: x != "demo", False),
    "remove": (["workflow", "remove", "X"], lambda x: True, False),
    "run start": (["run", "start", "demo", "--input", "X"], lambda x: not _strict_object(x), False),
    "run start wf": (["run", "start", "X"], lambda x: x != "demo", False),
    "runs list --limit": (
        ["runs", "list", "--json", "--limit", "X"],
        lambda x: not _valid_int(x, 1, 100_000),
        True,
    ),
    "runs list --status": (
        ["runs", "list", "--json", "--status", "X"],
        lambda x: bool(x) and x not in RUN_STATES,
        True,
    ),
    "runs list --key": (
        ["runs", "list", "--json", "--key", "X", "--workflow", "X"],
        lambda x: "\x00" in x or any(0xD800 <= ord(c) <= 0xDFFF for c in x),
        True,
    ),
    "runs show": (["runs", "show", "X", "--json"], lambda x: True, True),
    "inbox resolve item": (["inbox", "resolve", "X", "--action", "dismiss"], lambda x: True, False),
    "inbox resolve action": (
        ["inbox", "resolve", "{item}", "--action", "X"],
        lambda x: True,
        False,
    ),
    "inbox retry --input": (
        ["inbox", "resolve", "{item}", "--action", "retry", "--input", "X"],
        lambda x: not _strict_object(x),
        False,
    ),
    "inbox choose --values": (
        ["inbox", "resolve", "{item}", "--action", "choose", "--option", "yes", "--values", "X"],
        lambda x: True,
        False,
    ),
    "runner --workers": (["runner", "--workers", "X"], lambda x: True, False),
    "runner --grace": (["runner", "--grace", "X", "--workers", "0"], lambda x: True, False),
    "connection add": (
        ["connection", "add", "X", "--kind", "smtp", "--no-secret", "--set", "port=X"],
        lambda x: not (_name_ok(x) and _valid_int(x, 1, 65535)),
        False,
    ),
    "connection kind": (
        ["connection", "add", "c1", "--kind", "X", "--no-secret"],
        lambda x: True,
        False,
    ),
    "connection test": (["connection", "test", "X"], lambda x: True, False),
    "intake": (["intake", "X"], lambda x: True, False),
}


@settings(max_examples=250, **FUZZ)
@given(verb=st.sampled_from(sorted(VERBS)), text=hostile_text())
def test_every_verb_answers_hostile_arguments_in_one_line(shop, verb, text):
    argv, must_fail, json_out = VERBS[verb]
    x = _fill(text, shop)
    args = [
        a.replace("{wf}", str(Path(shop["root"]) / "wf.json")).replace("{item}", shop["item"])
        for a in argv
    ]
    args = [x if a == "X" else a.replace("=X", f"={x}") for a in args]
    if verb == "runner --workers" and _valid_int(x, 1, 64):
        return  # a valid worker count would start the runner
    if verb == "export -o" and x and not Path(x).is_absolute():
        args[-1] = str(Path(shop["root"]) / "out" / x)  # never write into the repository
    # Verbs that create what other verbs look up by the same text work on a folder of their own.
    data = shop["data2"] if verb in ("import --name", "connection add") else shop["data"]
    code, out, err = run("--data-dir", data, *args)
    check(code, out, err, must_fail=must_fail(x), json_out=json_out)


@settings(max_examples=25, **FUZZ)
@given(text=hostile_text(), where=st.sampled_from(["before", "after"]))
def test_a_hostile_data_folder_is_refused_in_one_line(shop, text, where):
    """--data-dir names a file, a path under a file, or a used folder without its database."""
    root = Path(shop["root"])
    lost = root / "lost"
    lost.mkdir(exist_ok=True)
    (lost / ".daloy-workspace").write_text("")
    for bad in (root / "a_file", root / "a_file" / "sub", lost):
        args = ["runs", "list", "--json", "--key", text]
        argv = (
            ["--data-dir", str(bad), *args]
            if where == "before"
            else [*args, "--data-dir", str(bad)]
        )
        code, out, err = run(*argv)
        check(code, out, err, must_fail=True, json_out=True)
    assert sorted(p.name for p in lost.iterdir()) == [".daloy-workspace"]


@pytest.mark.parametrize(
    "args, words",
    [
        ([b"runs", b"list", b"--key", b"\xff\xfe"], "not valid text"),
        ([b"runs", b"list", b"--limit", b"99999999999999999999"], "whole number from 1 to"),
        ([b"run", b"start", b"demo", b"--input", b"@{root}/binary"], "not text"),
        ([b"run", b"start", b"demo", b"--input", b"@{root}/deep.json"], "nested too deeply"),
        ([b"workflow", b"export", b"demo", b"-o", b"{root}/a_file/out.json"], "not a folder"),
        ([b"runner", b"--workers", b"0"], "whole number from 1 to 64"),
        (
            [
                b"connection",
                b"add",
                b"m",
                b"--kind",
                b"smtp",
                b"--set",
                b"security=tls",
                b"--no-secret",
            ],
            "security",
        ),
    ],
)
def test_hostile_command_lines_in_a_real_process(shop, args, words):
    root = shop["root"].encode()
    argv = [sys.executable.encode(), b"-m", b"app", b"--data-dir", shop["data"].encode()]
    p = subprocess.run(
        argv + [a.replace(b"{root}", root) for a in args],
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode in (1, 2) and "Traceback" not in err, err
    assert err.count("\n") == 1 and words in err, err


def test_json_output_of_a_real_process_is_strict(shop):
    for verb in (
        ["runs", "list", "--json"],
        ["inbox", "list", "--json"],
        ["workflow", "list", "--json"],
        ["runs", "show", shop["run"], "--json"],
    ):
        p = subprocess.run(
            [sys.executable, "-m", "app", *verb, "--data-dir", shop["data"]],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert p.returncode == 0, p.stderr
        json.loads(p.stdout, parse_constant=lambda c, v=verb: pytest.fail(f"{c} in {v}"))
