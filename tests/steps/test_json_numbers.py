"""JSON from outside with numbers JSON has not (NaN, Infinity) or a float cannot hold (1e999):
Python's reader takes them, PostgreSQL's JSON columns refuse them. Read with
``app.core.json_text``, a web service's answer keeps its text and the run goes on, on both
databases; a marketplace page is kept as unreadable (tests/intake); a web post too
(tests/intake/test_web_hmac.py)."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from app.core import json_text
from app.core import machine as m
from app.store.models import StepRun
from tests.support.engine import run_status, save, wait_for
from tests.support.http_servers import LocalService


@pytest.mark.parametrize(
    "text", ['{"total": NaN}', "[Infinity]", '{"t": -Infinity}', '{"t": 1e999}', "-1e999"]
)
def test_numbers_json_has_not_are_refused(text):
    with pytest.raises(ValueError):
        json_text.loads(text)


def test_json_as_written_reads_as_before():
    text = '{"a": 1e308, "b": -0.5, "c": 123456789012345678901234567890, "d": [true, null]}'
    assert json_text.loads(text) == json.loads(text)
    assert json_text.loads(text.encode("utf-16")) == json.loads(text)  # as bytes, any UTF


class NanService(LocalService):
    """Answers every request 200 with a body Python reads and PostgreSQL would refuse."""

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        self.reply(h, 200, b'{"total": NaN, "ok": true}')


@pytest.fixture
def nan_service():
    service = NanService().start()
    yield service
    service.stop()


def test_an_answer_with_nan_keeps_its_text_and_the_run_goes_on(rt, nan_service):
    save(
        rt.db,
        {
            "name": "ask",
            "steps": [
                {
                    "name": "ask",
                    "type": "http_request",
                    "config": {"method": "GET", "url": f"{nan_service.url}/total"},
                }
            ],
            "edges": [],
        },
    )
    run_id = rt.store.start_run("ask", {})
    wait_for(lambda: run_status(rt.db, run_id) in (m.RUN_SUCCEEDED, m.RUN_NEEDS_ATTENTION))
    assert run_status(rt.db, run_id) == m.RUN_SUCCEEDED
    with rt.db.read() as s:
        step = s.query(StepRun).filter_by(run_id=run_id, name="ask").one()
        body = step.output["body"]
    assert body == '{"total": NaN, "ok": true}'  # the answer as it came, as text
