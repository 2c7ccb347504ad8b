"""The trigger registry declares every setting the channels read, so the editor shows them and
validation accepts them (and refuses anything else)."""

from __future__ import annotations

from app.core.schema import check_config
from app.intake import trigger_registry


def test_every_setting_a_channel_reads_is_declared():
    reg = trigger_registry()
    configs = {
        "imap": {
            "connection": "mailbox",
            "folder": "INBOX",
            "subject_regex": r"Order (?P<n>\d+)",
            "body_fields": True,
            "attachment_lines": True,
            "required": ["n"],
            "after": "move",
            "processed_folder": "Done",
            "poll_seconds": 30,
            "down_after_minutes": 10,
            "idle": False,
            "timeout": 30,
            "max_backoff": 60,
        },
        "webhook": {
            "fields": ["number", "sku"],
            "auth": "hmac",
            "form": True,
            "form_per_minute": 6,
            "form_token_minutes": 30,
        },
        "marketplace": {
            "connection": "shop",
            "path": "/orders",
            "items_path": "data.orders",
            "id_field": "id",
            "cursor_field": "updated_at",
            "poll_seconds": 60,
            "page_size": 50,
            "max_pages": 10,
            "timeout": 20,
            "down_after_minutes": 15,
        },
        "schedule": {"cron": "0 8 * * 1-5", "timezone": "Asia/Manila"},
    }
    for kind, config in configs.items():
        spec = reg.get(kind)
        assert spec.is_trigger
        assert check_config(spec.fields, config) == [], kind


def test_unknown_and_missing_settings_are_named():
    spec = trigger_registry().get("schedule")
    problems = check_config(spec.fields, {"crn": "0 8 * * *"})
    assert {p.field for p in problems} == {"cron", "crn"}
    assert any("is required" in p.message for p in problems)
