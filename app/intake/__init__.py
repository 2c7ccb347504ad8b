"""Intake channels: email (IMAP), web form and webhook, marketplace polling, schedules. Each
channel turns what arrives into items with a durable dedupe key; an item and the run it starts
commit together (``app.store.intake``) before the source is acknowledged. May import store,
core and steps; never Qt.
"""

from __future__ import annotations

from functools import lru_cache

from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.schema import BOOLEAN, CHOICE, CONNECTION, NUMBER, STRING_LIST, TEXT, Field
from app.core.stepspec import SpecRegistry, StepSpec


@lru_cache(maxsize=1)
def trigger_registry() -> SpecRegistry:
    reg = SpecRegistry()
    for spec in (
        StepSpec(
            "manual",
            QT_TRANSLATE_NOOP("Steps", "By hand"),
            QT_TRANSLATE_NOOP("Steps", "Triggers"),
            QT_TRANSLATE_NOOP("Steps", "Started from Daloy or the command line."),
            QT_TRANSLATE_NOOP(
                "Steps", "Runs started by hand, from the command line or from a practice run."
            ),
            icon="fa5s.hand-pointer",
            is_trigger=True,
        ),
        StepSpec(
            "imap",
            QT_TRANSLATE_NOOP("Steps", "Email"),
            QT_TRANSLATE_NOOP("Steps", "Triggers"),
            QT_TRANSLATE_NOOP("Steps", "Each new email in a mailbox becomes an order."),
            QT_TRANSLATE_NOOP(
                "Steps",
                "Watches a mailbox over IMAP (IDLE where possible) and turns each new message "
                "into an order: fields from the subject and “Key: value” lines, order lines "
                "from an attached CSV or Excel file. Messages are marked read (or moved) only "
                "after the order is safely stored.",
            ),
            fields=(
                Field(
                    "connection",
                    CONNECTION,
                    QT_TRANSLATE_NOOP("Steps", "Mailbox"),
                    required=True,
                    connection_kind="imap",
                ),
                Field("folder", TEXT, QT_TRANSLATE_NOOP("Steps", "Folder"), default="INBOX"),
                Field(
                    "subject_regex",
                    TEXT,
                    QT_TRANSLATE_NOOP("Steps", "Subject pattern"),
                    placeholder=r"Order (?P<number>\d+)",
                ),
                Field(
                    "body_fields",
                    BOOLEAN,
                    QT_TRANSLATE_NOOP("Steps", "Read “Key: value” lines"),
                    default=True,
                ),
                Field(
                    "attachment_lines",
                    BOOLEAN,
                    QT_TRANSLATE_NOOP("Steps", "Order lines from attachment"),
                    default=True,
                ),
                Field("required", STRING_LIST, QT_TRANSLATE_NOOP("Steps", "Required fields")),
                Field(
                    "after",
                    CHOICE,
                    QT_TRANSLATE_NOOP("Steps", "Afterwards"),
                    choices=(
                        QT_TRANSLATE_NOOP("Steps", "seen"),
                        QT_TRANSLATE_NOOP("Steps", "move"),
                    ),
                    default="seen",
                ),
                Field("processed_folder", TEXT, QT_TRANSLATE_NOOP("Steps", "Move to folder")),
                Field(
                    "poll_seconds",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Check every (seconds)"),
                    default=30,
                    minimum=1,
                ),
                Field(
                    "down_after_minutes",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Alert when down for (minutes)"),
                    default=10,
                    minimum=1,
                ),
                Field(
                    "idle",
                    BOOLEAN,
                    QT_TRANSLATE_NOOP("Steps", "Use IMAP IDLE when offered"),
                    default=True,
                ),
                Field(
                    "timeout",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Network timeout (seconds)"),
                    default=30,
                    minimum=1,
                ),
                Field(
                    "max_backoff",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Longest wait between reconnects (s)"),
                    default=300,
                    minimum=1,
                ),
            ),
            icon="fa5s.envelope-open-text",
            is_trigger=True,
        ),
        StepSpec(
            "webhook",
            QT_TRANSLATE_NOOP("Steps", "Webhook / web form"),
            QT_TRANSLATE_NOOP("Steps", "Triggers"),
            QT_TRANSLATE_NOOP(
                "Steps", "Orders posted by a website, or typed into Daloy's order form."
            ),
            QT_TRANSLATE_NOOP(
                "Steps",
                "Accepts orders as JSON posts to /hook/<workflow>/<trigger>, authenticated by "
                "“Authorization: Bearer <token>” or, with hmac, by “X-Daloy-Signature: "
                "t=<unix time>,v2=<hex>”: the HMAC-SHA256, keyed by the token, of "
                "“<t>.<Idempotency-Key header, or nothing>.<body>”. Each signature is "
                "accepted once, within five minutes. Answers 2xx only after the order is "
                "stored. With “Offer an order form”, anyone who can reach "
                "/form/<workflow>/<trigger> can type in an order: each page carries a "
                "one-use token, posts are limited per address, and such orders are marked "
                "as from the public form.",
            ),
            fields=(
                Field(
                    "fields",
                    STRING_LIST,
                    QT_TRANSLATE_NOOP("Steps", "Form fields"),
                    # the product rows, name, phone and address are always on the form
                    default=["customer", "phone", "address", "email", "notes"],
                ),
                Field(
                    "auth",
                    CHOICE,
                    QT_TRANSLATE_NOOP("Steps", "Authentication"),
                    choices=(
                        QT_TRANSLATE_NOOP("Steps", "token"),
                        QT_TRANSLATE_NOOP("Steps", "hmac"),
                    ),
                    default="token",
                ),
                Field(
                    "form",
                    BOOLEAN,
                    QT_TRANSLATE_NOOP("Steps", "Offer a public order form"),
                    default=False,
                ),
                Field(
                    "form_per_minute",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Form orders per minute from one address"),
                    default=6,
                    minimum=1,
                ),
                Field(
                    "form_token_minutes",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "A form page is good for (minutes)"),
                    default=60,
                    minimum=1,
                ),
            ),
            icon="fa5s.globe-asia",
            is_trigger=True,
        ),
        StepSpec(
            "marketplace",
            QT_TRANSLATE_NOOP("Steps", "Marketplace"),
            QT_TRANSLATE_NOOP("Steps", "Triggers"),
            QT_TRANSLATE_NOOP("Steps", "New orders from a marketplace or shop system's API."),
            QT_TRANSLATE_NOOP(
                "Steps",
                "Polls a marketplace's REST API for new or changed orders, page by page, and "
                "advances its cursor only after the orders are stored. Honours Retry-After.",
            ),
            fields=(
                Field(
                    "connection",
                    CONNECTION,
                    QT_TRANSLATE_NOOP("Steps", "Marketplace"),
                    required=True,
                    connection_kind="marketplace",
                ),
                Field("path", TEXT, QT_TRANSLATE_NOOP("Steps", "Orders path"), default="/orders"),
                Field(
                    "items_path",
                    TEXT,
                    QT_TRANSLATE_NOOP("Steps", "Where the orders are"),
                    default="data.orders",
                ),
                Field("id_field", TEXT, QT_TRANSLATE_NOOP("Steps", "Order id field"), default="id"),
                Field(
                    "cursor_field",
                    TEXT,
                    QT_TRANSLATE_NOOP("Steps", "Updated-at field"),
                    default="updated_at",
                ),
                Field(
                    "poll_seconds",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Check every (seconds)"),
                    default=60,
                    minimum=1,
                ),
                Field(
                    "page_size",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Orders per page"),
                    default=50,
                    minimum=1,
                ),
                Field(
                    "max_pages",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Pages per check"),
                    default=100,
                    minimum=1,
                ),
                Field(
                    "timeout",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Network timeout (seconds)"),
                    default=30,
                    minimum=1,
                ),
                Field(
                    "down_after_minutes",
                    NUMBER,
                    QT_TRANSLATE_NOOP("Steps", "Alert when down for (minutes)"),
                    default=10,
                    minimum=1,
                ),
            ),
            icon="fa5s.store",
            is_trigger=True,
        ),
        StepSpec(
            "schedule",
            QT_TRANSLATE_NOOP("Steps", "Schedule"),
            QT_TRANSLATE_NOOP("Steps", "Triggers"),
            QT_TRANSLATE_NOOP("Steps", "Runs on a timetable (cron)."),
            QT_TRANSLATE_NOOP(
                "Steps",
                "Starts a run on a cron timetable (minute hour day month weekday). Runs missed "
                "while the PC was off or asleep are folded into one run and noted.",
            ),
            fields=(
                Field(
                    "cron",
                    TEXT,
                    QT_TRANSLATE_NOOP("Steps", "Cron"),
                    required=True,
                    placeholder="0 8 * * 1-5",
                ),
                Field(
                    "timezone",
                    TEXT,
                    QT_TRANSLATE_NOOP("Steps", "Time zone"),
                    placeholder="Asia/Manila",
                ),
            ),
            icon="fa5s.clock",
            is_trigger=True,
        ),
    ):
        reg.add(spec)
    from app.connectors.platforms.platform import platforms
    from app.intake.platform_channel import trigger_spec

    for platform in platforms().values():  # Shopify, WooCommerce, Shopee, Lazada
        reg.add(trigger_spec(platform))
    return reg
