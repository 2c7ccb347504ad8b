"""``send_email``: send an email through an SMTP connection (SSL or STARTTLS).

The Message-ID is derived from the step's idempotency key, so a retried send is recognisably the
same message (mail clients and servers fold duplicates with the same Message-ID).
"""

from __future__ import annotations

import hashlib
import smtplib
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from app.core.errors import ConfigurationError, PermanentError, RetryableError
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CONNECTION, JSON, TEMPLATE, TEMPLATE_TEXT, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType
from app.steps.mailservers import open_smtp

SPEC = StepSpec(
    name="send_email",
    title="Send an email",
    category="Messages",
    summary="Email the customer or a colleague.",
    help=("Sends an email through an SMTP connection (SSL or STARTTLS). Subject and bodies are "
          "templates, so they can name the order and its lines. Attachments come from earlier "
          "steps' data (a list of {filename, content}). Every attempt uses the same Message-ID, "
          "so a retried send is recognisable as the same message. A server that rejects the "
          "message for good (5xx) sends the order to the inbox; a server that is down is retried."),
    fields=(
        Field("connection", CONNECTION, "Connection", required=True, connection_kind="smtp"),
        Field("to", TEMPLATE, "To", required=True, placeholder="{{ trigger.order.email }}"),
        Field("cc", TEMPLATE, "Cc"),
        Field("subject", TEMPLATE, "Subject", required=True),
        Field("text", TEMPLATE_TEXT, "Text body", required=True),
        Field("html", TEMPLATE_TEXT, "HTML body"),
        Field("attachments", JSON, "Attachments",
              help="A list of {\"filename\": ..., \"content\": ...}; content may use templates."),
    ),
    retry=RetryPolicy(max_attempts=6, initial_delay=5, backoff=3, max_delay=900, timeout=120),
    side_effects=True,
    icon="fa5s.envelope",
)


def message_id(idempotency_key: str) -> str:
    return f"<{hashlib.sha256(idempotency_key.encode()).hexdigest()[:32]}@daloy>"


def build(inp: dict[str, Any], sender: str, key: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = inp["to"]
    if inp.get("cc"):
        msg["Cc"] = inp["cc"]
    msg["Subject"] = inp["subject"]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id(key)
    msg.set_content(inp["text"])
    if inp.get("html"):
        msg.add_alternative(inp["html"], subtype="html")
    for att in inp.get("attachments") or []:
        if not isinstance(att, dict) or "filename" not in att:
            raise PermanentError("Each attachment needs a filename and a content.")
        content = att.get("content", "")
        data = content.encode() if isinstance(content, str) else bytes(str(content), "utf-8")
        msg.add_attachment(data, maintype="application", subtype="octet-stream",
                           filename=str(att["filename"]))
    return msg


def run(ctx: StepContext) -> StepResult:
    inp = ctx.input
    conns = ctx.services.get("connections")
    if conns is None:
        raise ConfigurationError("Email connections are not available here.")
    name = inp["connection"]
    conn = conns.get(name, "smtp")
    host = conn.get("host")
    sender = conn.get("from_address") or conn.get("username") or f"daloy@{host}"
    msg = build(inp, sender, ctx.idempotency_key)
    password = conns.secret(name, "password") if conn.get("username") else None
    try:
        with open_smtp(conn, name, password, min(ctx.timeout, 60)) as smtp:
            refused = smtp.send_message(msg)
    except smtplib.SMTPAuthenticationError as exc:
        raise ConfigurationError(f"The mail server refused the user name or password of "
                                 f"connection “{name}”. Correct it under Connections, then "
                                 "retry.") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentError(f"The mail server refused the address(es) "
                             f"{', '.join(exc.recipients)}.") from exc
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        if 400 <= exc.smtp_code < 500:
            raise RetryableError(f"The mail server asked to try later ({exc.smtp_code} {text}).") from exc
        raise PermanentError(f"The mail server rejected the message ({exc.smtp_code} {text}).") from exc
    except (TimeoutError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, OSError) as exc:
        raise RetryableError(f"Could not send through {host}: {exc}.") from exc
    return StepResult(output={"message_id": msg["Message-ID"], "to": inp["to"],
                              "refused": sorted(refused)})


STEP = StepType(SPEC, run)
