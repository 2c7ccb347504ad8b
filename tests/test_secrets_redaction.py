"""Secrets never reach a stored error, an inbox entry, a log line, CLI output or an export.

Canary secrets go through each path where outside text lands in Daloy (an API that echoes the
Authorization header in its 4xx/5xx answer, an HTTP library error that quotes a header, a step
exception that quotes a token, a channel error), then the whole data folder (SQLite file, WAL,
logs), ``runs show --json``, ``inbox list --json`` and workflow exports are searched for them.
"""

from __future__ import annotations

import io
import json
import logging
import uuid
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import logsetup, secrets
from app.cli import main as cli
from app.core import machine as m
from app.core import redact
from app.core.errors import ConfigurationError
from app.core.stepspec import StepSpec
from app.steps import Registry, registry
from app.steps.base import StepContext, StepType
from app.store import connections, inbox, intake
from app.store.db import Database
from tests.support.engine import run_status, runtime, save, wait_for
from tests.support.http_servers import LocalService


def canary() -> str:
    return f"canary-{uuid.uuid4().hex[:12]}"


class EchoingApi(LocalService):
    """An API that quotes the credentials it was sent in its error answers, as badly written
    services do: /e401 in a JSON error (with all request headers), /e503 in a text body."""

    def handle(self, h: Any, req: dict[str, Any]) -> None:
        auth = req["headers"].get("Authorization", "")
        if req["path"].startswith("/e401"):
            self.reply(
                h,
                401,
                {
                    "error": f"invalid credentials: Authorization: {auth}",
                    "received_headers": req["headers"],
                },
            )
        elif req["path"].startswith("/e503"):
            self.reply(h, 503, f"upstream down (you sent {auth})".encode())
        else:
            self.reply(h, 200, {"ok": True})


@pytest.fixture
def api():
    server = EchoingApi().start()
    yield server
    server.stop()


@pytest.fixture
def file_log(data_dir):
    """The product's own logging set-up (rotating file in the data folder, with its filter),
    undone afterwards so other tests keep pytest's logging."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    # An earlier test on this worker may have left the product's logging set up (an in-process
    # runner or window): set it up afresh for this data folder, and put back what was there.
    configured = root.__dict__.pop("_daloy_configured", None)
    logsetup.configure(data_dir, stderr=False)
    yield data_dir / "logs" / "daloy.log"
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    root.__dict__.pop("_daloy_configured", None)
    if configured is not None:
        root._daloy_configured = configured  # type: ignore[attr-defined]


# -- the redaction rules ---------------------------------------------------------------------------
def test_credential_shapes_are_hidden_and_prose_is_not():
    cases = {
        "GET https://x.example/o?token=abc123&page=2 answered 401": "GET https://x.example/o?token=[hidden]&page=2 answered 401",
        'headers {"Authorization": "Bearer zz9"}': 'headers {"Authorization": "Bearer [hidden]"}',
        "Authorization: Basic dXNlcjpwYXNz\nHost: x": "Authorization: Basic [hidden]\nHost: x",
        "form password=hunter2&user=bob": "form password=[hidden]&user=bob",
        "X-Api-Key: k-123 refused": "X-Api-Key: [hidden] refused",
        "Illegal header value b'Bearer tok\\r'": "Illegal header value b'Bearer [hidden]\\r'",
        # Words about credentials, and the idempotency key, stay readable.
        "Connection “pay” has no token saved. Open Connections.": "Connection “pay” has no token saved. Open Connections.",
        "Basic settings are fine": "Basic settings are fine",
        "Idempotency-Key: daloy-r1-charge": "Idempotency-Key: daloy-r1-charge",
    }
    for given_text, expected in cases.items():
        assert redact.text(given_text) == expected


def test_known_values_are_hidden_in_every_escaping_but_short_ones_are_not():
    secret = canary() + '/é"x'
    redact.remember([secret + "\r\n", "pw"])
    text = (
        f"raw {secret} json {json.dumps(secret)} url {httpx.URL('http://h/', params={'q': secret})} "
        f"repr {secret.encode()!r} pw stays"
    )
    out = redact.text(text)
    assert secret not in out and json.dumps(secret)[1:-1] not in out
    assert "%2F%C3%A9" not in out and "\\xc3\\xa9" not in out
    assert out.endswith("pw stays")  # shorter than MIN_LENGTH: not hidden


def test_values_in_details_are_hidden_by_key_and_by_value():
    secret = canary()
    redact.remember([secret])
    detail = {
        "status": 401,
        "body": {
            "received_headers": {"Authorization": "Bearer other", "X-Trace": secret},
            "access_token": "zzz",
            "tokens_left": 3,
            "items": [f"echo {secret}"],
        },
    }
    out = redact.value(detail)
    assert secret not in json.dumps(out) and "other" not in json.dumps(out)
    assert out["body"]["access_token"] == redact.MASK and out["body"]["tokens_left"] == 3


@settings(max_examples=200, deadline=None)
@given(
    secret=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="[]"),
        min_size=redact.MIN_LENGTH,
        max_size=40,
    ).filter(lambda s: len(s.strip()) >= redact.MIN_LENGTH),
    before=st.text(max_size=40),
    after=st.text(max_size=40),
)
def test_a_known_secret_never_survives_whatever_surrounds_it(secret, before, after):
    redact.remember([secret])
    for form in (secret, secret.strip(), json.dumps(secret)[1:-1], repr(secret)[1:-1]):
        if len(form) < redact.MIN_LENGTH:
            continue
        out = redact.text(f"{before}{form}{after}")
        # What is left outside the masks never contains the secret.
        assert form not in out.replace(redact.MASK, "\0")


def test_a_real_httpx_header_error_is_hidden(api):
    token = canary() + "\r"
    redact.remember([token])
    with pytest.raises(httpx.LocalProtocolError) as caught:
        httpx.get(api.url, headers={"Authorization": f"Bearer {token}"})
    assert token.strip() in str(caught.value)  # httpx quotes the header ...
    assert token.strip() not in redact.text(str(caught.value))  # ... and we hide it


# -- input: the CLI and the keyring ---------------------------------------------------------------
def add_with_stdin(data_dir: Path, monkeypatch, capsys, name: str, text: str) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = cli(
        [
            "--data-dir",
            str(data_dir),
            "connection",
            "add",
            name,
            "--kind",
            "http",
            "--set",
            "base_url=https://pay.example.com/",
            "--secret-stdin",
            "token",
        ]
    )
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n", ""])
def test_line_endings_of_a_piped_token_are_dropped(
    data_dir, keyring_tmp, monkeypatch, capsys, ending
):
    token = canary()
    code, said = add_with_stdin(data_dir, monkeypatch, capsys, "pay", token + ending)
    assert code == 0 and "secret stored" in said
    assert (
        keyring.get_password(
            "daloy", secrets.user_name(secrets.current_workspace(), "pay", "token")
        )
        == token
    )


@pytest.mark.parametrize(
    "text, words",
    [
        ("\r\n", "is empty"),
        ("", "is empty"),
        ("tok\x00en-1234\n", "control character"),
        ("tok\ten-1234\n", "control character"),
    ],
)
def test_an_empty_or_garbled_token_is_refused_in_words(
    data_dir, keyring_tmp, monkeypatch, capsys, text, words
):
    code, said = add_with_stdin(data_dir, monkeypatch, capsys, "pay", text)
    assert code == 1 and words in said and "secret stored" not in said and "en-1234" not in said
    assert (
        keyring.get_password(
            "daloy", secrets.user_name(secrets.current_workspace(), "pay", "token")
        )
        is None
    )
    assert cli(["--data-dir", str(data_dir), "connection", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing half-saved


def test_a_token_saved_with_a_control_character_is_refused_before_sending(data_dir, keyring_tmp):
    with pytest.raises(secrets.SecretRejected, match="control character"):
        secrets.set_secret("pay", "token", "abc\x1bdef")
    # One saved by an older Daloy, straight into the keyring, is refused when used, in words.
    token = canary()
    db = Database.open_dir(data_dir)
    try:
        with db.write() as s:
            connections.save(s, "old", "http", {"base_url": "https://pay.example.com/"})
        keyring.set_password("daloy", "old:token", f"{token}\r\nX-Evil: 1\r\n")
        with pytest.raises(ConfigurationError, match="contains a line break") as caught:
            connections.ConnectionProvider(db).http("old")
        assert token not in str(caught.value)
    finally:
        db.close()


# -- the canaries, through every path ------------------------------------------------------------
def leaky_step(value: str) -> StepType:
    """A step whose code fails with an exception quoting a secret it holds (a bug, or a client
    library that puts the credentials in its error)."""
    spec = StepSpec(name="leaky", title="Leaky", category="Test", summary="fails", help="")

    def run(ctx: StepContext) -> Any:
        raise RuntimeError(f"client error: login with {value} refused")

    return StepType(spec, run)


def http_step(connection: str, url: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": "s",
        "type": "http_request",
        "config": {
            "connection": connection,
            "method": "POST",
            "url": url,
            "body": {"a": 1},
            "timeout": 5,
        },
        "retry": {"max_attempts": 2, "initial_delay": 0.05, "max_delay": 0.1},
        **extra,
    }


def test_canaries_appear_nowhere(data_dir, keyring_tmp, api, file_log, tmp_path, capsys):
    redact.forget_all()  # only what the engine itself loads and reads counts
    echoed, crlf_scheme, unread, legacy = canary(), canary(), canary(), canary()
    db_setup = Database.open_dir(data_dir)
    with db_setup.write() as s:
        connections.save(s, "pay", "http", {"base_url": api.url}, {"token": echoed})
        connections.save(
            s,
            "crlf",
            "http",
            {"base_url": api.url, "auth_scheme": "Bearer\r"},
            {"token": crlf_scheme},
        )
        connections.save(s, "other", "http", {"base_url": api.url}, {"token": unread})
        connections.save(s, "legacy", "http", {"base_url": api.url})
    db_setup.close()
    # Saved by an older Daloy, straight into the keyring, with the Windows line ending.
    keyring.set_password("daloy", "legacy:token", legacy + "\r\n")
    redact.forget_all()  # as a fresh process: nothing remembered from saving

    reg = Registry()
    for step_type in registry():
        reg.add(step_type)
    reg.add(leaky_step(unread))
    rt = runtime(data_dir, registry=reg)
    rt.start()
    try:
        flows = {
            "echo-401": [http_step("pay", "/e401")],
            "echo-503": [http_step("pay", "/e503")],
            "bad-header": [http_step("crlf", "/e401")],
            "leaky": [{"name": "s", "type": "leaky", "config": {}}],
            "legacy": [http_step("legacy", "/e401")],
        }
        for name, steps in flows.items():
            save(rt.db, {"name": name, "steps": steps})
        save(
            rt.db,
            {
                "name": "error-port",
                "steps": [
                    http_step("pay", "/e401"),
                    {
                        "name": "note",
                        "type": "transform",
                        "config": {"values": {"said": "{{ steps.s.output.error }}"}},
                    },
                ],
                "edges": [{"from": "s", "to": "note", "port": "error"}],
            },
        )
        runs = {name: rt.store.start_run(name, {"n": 1}) for name in [*flows, "error-port"]}
        for name, run_id in runs.items():
            done = m.RUN_SUCCEEDED if name == "error-port" else m.RUN_NEEDS_ATTENTION
            wait_for(lambda r=run_id, d=done: run_status(rt.db, r) == d)
        # The paths were really taken: the API saw the tokens, the legacy one without "\r\n".
        sent = [r["headers"].get("Authorization") for r in api.requests]
        assert f"Bearer {echoed}" in sent and f"Bearer {legacy}" in sent
        assert sent.count(f"Bearer {echoed}") == 4  # 401, 503 twice, error port
        reasons = " ".join(r[0] for r in rt.db.execute_sql("select reason from inbox_items"))
        assert "could not be sent: Illegal header value" in reasons and redact.MASK in reasons

        outputs = []
        for run_id in runs.values():
            assert cli(["--data-dir", str(data_dir), "runs", "show", run_id, "--json"]) == 0
            outputs.append(capsys.readouterr().out)
        assert cli(["--data-dir", str(data_dir), "inbox", "list", "--json"]) == 0
        outputs.append(capsys.readouterr().out)
        assert len(json.loads(outputs[-1])) == 5
        exports = []
        for name in runs:
            exports.append(tmp_path / f"{name}.json")
            assert (
                cli(
                    [
                        "--data-dir",
                        str(data_dir),
                        "workflow",
                        "export",
                        name,
                        "-o",
                        str(exports[-1]),
                    ]
                )
                == 0
            )
        # Files are searched while the database is open (WAL present) and after it is closed.
        files_open = [p.read_bytes() for p in data_dir.rglob("*") if p.is_file()]
    finally:
        rt.shutdown(grace=2)
        rt.db.close()
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    blobs = files_open + [p.read_bytes() for p in [*files, *exports]]
    blobs += [o.encode() for o in outputs] + [capsys.readouterr().err.encode()]
    log_text = file_log.read_text(encoding="utf-8")
    assert "client error: login with [hidden] refused" in log_text  # the traceback, hidden
    for secret in (echoed, crlf_scheme, unread, legacy):
        for blob in blobs:
            assert secret.encode() not in blob


def test_channel_errors_and_alerts_are_hidden(data_dir, keyring_tmp):
    token = canary()
    rt = runtime(data_dir)
    try:
        with rt.db.write() as s:
            connections.save(
                s, "shopee", "marketplace", {"base_url": "https://api.example"}, {"token": token}
            )
        intake.record_error(
            rt.db,
            "shopee",
            "marketplace",
            f"401 from https://api.example/orders?access_token={token}",
        )
        intake.check_health(rt.store, "shopee", "marketplace", threshold=0, now=4e9)
        with rt.db.write() as s:
            inbox.open_alert(
                s,
                "system",
                "job:x",
                "A job failed",
                f"server said {token}",
                detail={"headers": {"X-Api-Key": token}},
            )
        reasons = [r[0] for r in rt.db.execute_sql("select reason from inbox_items")]
        assert len(reasons) == 2 and all(redact.MASK in r for r in reasons)
    finally:
        rt.db.close()
    for p in data_dir.rglob("*"):
        if p.is_file():
            assert token.encode() not in p.read_bytes(), p
