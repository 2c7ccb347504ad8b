"""One workflow, several triggers, all running inside the runtime; pausing intake stops intake
without stopping work."""

from __future__ import annotations

import httpx
import pytest

from app.intake.manager import IntakeManager
from app.intake.web import ensure_token
from app.runtime.runtime import Runtime
from app.store import intake as repo
from tests.support.engine import save, wait_for

pytestmark = pytest.mark.imap


def test_email_and_webhook_feed_one_workflow_and_pause_stops_intake_only(store, mailbox, data_dir):
    save(
        store.db,
        {
            "name": "orders",
            "business_key": "{{ trigger.order.number }}",
            "triggers": [
                {
                    "id": "email",
                    "type": "imap",
                    "config": {
                        "connection": "mailbox",
                        "subject_regex": r"Order (?P<number>\d+)",
                        "poll_seconds": 0.5,
                    },
                },
                {"id": "web", "type": "webhook", "config": {"auth": "token"}},
            ],
            "steps": [
                {
                    "name": "note",
                    "type": "transform",
                    "config": {"values": {"n": "{{ trigger.order.number }}"}},
                }
            ],
        },
    )
    rt = Runtime(store.db, data_dir=data_dir, poll_interval=0.2)
    rt.intake = IntakeManager(web_port=0)
    rt.add_extension(rt.intake)
    rt.start()
    try:
        mailbox.append(b"From: a@b\r\nSubject: Order 501\r\nMessage-ID: <501@b>\r\n\r\nQty: 1\r\n")
        token = ensure_token("orders", "web")
        url = f"{rt.intake.web.url}/hook/orders/web"
        assert (
            httpx.post(
                url, json={"order": {"number": "502"}}, headers={"Authorization": f"Bearer {token}"}
            ).status_code
            == 201
        )
        done = "select business_key from runs where status='succeeded' order by business_key"
        wait_for(lambda: store.db.execute_sql(done) == [("501",), ("502",)], 20)
        rt.intake.set_paused(True)
        assert (
            httpx.post(
                url, json={"order": {"number": "503"}}, headers={"Authorization": f"Bearer {token}"}
            ).status_code
            == 503
        )
        mailbox.append(b"From: a@b\r\nSubject: Order 504\r\nMessage-ID: <504@b>\r\n\r\nQty: 1\r\n")
        rt.store.start_run("orders", {"order": {"number": "by-hand"}})  # work goes on
        wait_for(lambda: ("by-hand",) in store.db.execute_sql(done), 10)
        assert ("504",) not in store.db.execute_sql(done)
        rt.intake.set_paused(False)
        wait_for(lambda: ("504",) in store.db.execute_sql(done), 20)
        channels = {c for (c,) in store.db.execute_sql("select channel from channel_states")}
        assert channels == {"orders/email", "orders/web"}
        assert not repo.is_paused(store.db)
    finally:
        rt.shutdown(grace=2)
