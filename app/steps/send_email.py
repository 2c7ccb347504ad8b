"""``send_email``: send an email through an SMTP connection (SSL or STARTTLS).

The Message-ID is derived from the step's idempotency key, so a retried send is recognisably the
same message (mail clients and servers fold duplicates with the same Message-ID).

Never twice on its own. A failure before the message is handed over (DATA) is retried; a refusal
answered by the server is known. When the connection breaks or times out after the message was
handed over, the server may have accepted it: with a “Sent folder connection” (an IMAP mailbox
where the mail server files a copy of every message it sends, as most hosted mail does), the
engine later calls ``reconcile``, which looks for the Message-ID there and sends again only if it
is absent; without one, a person is asked to check the Sent folder. Daloy cannot file the copy
itself: the copy would be written only after a success it never heard of.
"""

from __future__ import annotations

import email.policy
import functools
import hashlib
import smtplib
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.utils import formatdate
from typing import TYPE_CHECKING, Any

from app.connectors.mailservers import keep_smtp, open_imap, open_smtp, take_smtp
from app.core.errors import (
    ConfigurationError,
    OutcomeUnknownError,
    PermanentError,
    RetryableError,
)
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Reconciled, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CONNECTION, JSON, TEMPLATE, TEMPLATE_TEXT, TEXT, Field
from app.core.stepspec import ONCE_OR_ASK, StepSpec
from app.steps.base import StepContext, StepType

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

SPEC = StepSpec(
    name="send_email",
    title=QT_TRANSLATE_NOOP("Steps", "Send an email"),
    category=QT_TRANSLATE_NOOP("Steps", "Messages"),
    summary=QT_TRANSLATE_NOOP("Steps", "Email the customer or a colleague."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Sends an email through an SMTP connection (SSL or STARTTLS). Subject and bodies are "
            "templates, so they can name the order and its lines. Attachments come from earlier "
            "steps' data (a list of {filename, content}). Every attempt uses the same Message-ID, "
            "so a retried send is recognisable as the same message. A server that rejects the "
            "message for good (5xx) sends the order to the inbox; a server that is down is retried.",
        )
    ),
    fields=(
        Field(
            "connection",
            CONNECTION,
            QT_TRANSLATE_NOOP("Steps", "Connection"),
            required=True,
            connection_kind="smtp",
        ),
        Field(
            "to",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "To"),
            required=True,
            placeholder="{{ trigger.order.email }}",
        ),
        Field("cc", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Cc")),
        Field("subject", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Subject"), required=True),
        Field("text", TEMPLATE_TEXT, QT_TRANSLATE_NOOP("Steps", "Text body"), required=True),
        Field("html", TEMPLATE_TEXT, QT_TRANSLATE_NOOP("Steps", "HTML body")),
        Field(
            "attachments",
            JSON,
            QT_TRANSLATE_NOOP("Steps", "Attachments"),
            help=QT_TRANSLATE_NOOP(
                "Steps", 'A list of {"filename": ..., "content": ...}; content may use templates.'
            ),
        ),
        Field(
            "sent_folder_connection",
            CONNECTION,
            QT_TRANSLATE_NOOP("Steps", "Sent folder connection"),
            connection_kind="imap",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Optional: the IMAP mailbox where the mail server files a copy of every sent "
                "message. When a send's outcome is unknown, Daloy looks there first.",
            ),
        ),
        Field("sent_folder", TEXT, QT_TRANSLATE_NOOP("Steps", "Sent folder"), default="Sent"),
    ),
    retry=RetryPolicy(max_attempts=6, initial_delay=5, backoff=3, max_delay=900, timeout=120),
    outcome_may_be_unknown=True,
    side_effects=True,
    guarantee=(
        f"{ONCE_OR_ASK}: every attempt uses the same Message-ID. When the connection "
        "breaks after the message was handed over, Daloy looks for that Message-ID in "
        "the Sent folder of the “Sent folder connection” and sends again only if it is "
        "not there; without that connection a person is asked to check the Sent folder "
        "before retrying."
    ),
    sample_output=lambda c: {
        "message_id": "<practice.sample@daloy.invalid>",
        "to": c.get("to", ""),
        "refused": [],
    },
    output_words={
        "message_id": QT_TRANSLATE_NOOP("Steps", "The email's reference"),
        "to": QT_TRANSLATE_NOOP("Steps", "Sent to"),
        "refused": QT_TRANSLATE_NOOP("Steps", "Addresses that refused it"),
    },
    icon="fa5s.envelope",
)


class _Headers(HeaderRegistry):
    """The standard header registry, with each header's class made once: the standard one
    makes a new class for every header it sets or reads, half the cost of building an email."""

    @functools.lru_cache(maxsize=128)  # noqa: B019 - one registry, kept for the process
    def __getitem__(self, name: str) -> type[BaseHeader]:
        return super().__getitem__(name)


# The same policy as ``email.policy.default``: the message is the same, byte for byte.
POLICY = email.policy.default.clone(header_factory=_Headers())


def message_id(idempotency_key: str) -> str:
    return f"<{hashlib.sha256(idempotency_key.encode()).hexdigest()[:32]}@daloy>"


def build(inp: dict[str, Any], sender: str, key: str) -> EmailMessage:
    msg = EmailMessage(policy=POLICY)
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
            raise PermanentError(
                said(QT_TRANSLATE_NOOP("Steps", "Each attachment needs a filename and a content."))
            )
        content = att.get("content", "")
        data = content.encode() if isinstance(content, str) else bytes(str(content), "utf-8")
        msg.add_attachment(
            data, maintype="application", subtype="octet-stream", filename=str(att["filename"])
        )
    return msg


def _not_known(to: str, why: str) -> str:
    return said(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Not known whether the email to {to} was sent: {why}. Check the Sent folder before "
            "retrying; if it is there, skip this step instead.",
        ),
        to=to,
        why=why,
    )


# said once: the email connections' provider is missing outside the runtime (tests, tools)
_NO_CONNECTIONS = said(QT_TRANSLATE_NOOP("Steps", "Email connections are not available here."))


def _watch_handover(smtp: smtplib.SMTP) -> list[bool]:
    """A flag that turns true once ``send_message`` starts handing the message over (DATA):
    from then on a broken connection may hide an accepted message."""
    handed_over = [False]
    data = smtp.data

    def watched(msg: ReadableBuffer | str) -> tuple[int, bytes]:
        handed_over[0] = True
        return data(msg)

    smtp.data = watched  # type: ignore[method-assign]
    return handed_over


def _close(smtp: smtplib.SMTP) -> None:
    # The answer to DATA already decided the outcome: a failing QUIT must not turn a sent
    # message into a retry.
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _send(
    conn: dict[str, Any],
    name: str,
    password: str | None,
    timeout: float,
    msg: EmailMessage,
    handed_over: list[bool],
) -> dict[str, Any]:
    """Send on a kept connection (``take_smtp``) or a new one; ``handed_over`` turns true once
    the message is being handed over. A kept connection the server closed meanwhile fails
    before that (at MAIL FROM): nothing went out, so the message goes on a new connection."""
    smtp, kept = take_smtp(conn, name, password, timeout)
    while True:
        watched = _watch_handover(smtp)
        try:
            refused = smtp.send_message(msg)
        except BaseException as exc:
            handed_over[0] = watched[0]
            _close(smtp)
            stale = isinstance(exc, smtplib.SMTPServerDisconnected | OSError) or (
                isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code == 421
            )
            if kept and stale and not watched[0]:
                smtp, kept = open_smtp(conn, name, password, timeout), False
                continue
            raise
        del smtp.data  # the watch was this message's: a kept connection starts unwatched
        handed_over[0] = watched[0]
        keep_smtp(smtp, conn, password)
        return refused


def run(ctx: StepContext) -> StepResult:
    inp = ctx.input
    conns = ctx.services.connections
    if conns is None:
        raise ConfigurationError(_NO_CONNECTIONS)
    name = inp["connection"]
    conn = conns.get(name, "smtp")
    host = conn.get("host")
    sender = conn.get("from_address") or conn.get("username") or f"daloy@{host}"
    msg = build(inp, sender, ctx.idempotency_key)
    password = conns.secret(name, "password") if conn.get("username") else None
    handed_over = [False]
    try:
        refused = _send(conn, name, password, min(ctx.timeout, 60), msg, handed_over)
    except smtplib.SMTPAuthenticationError as exc:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The mail server refused the user name or password of connection “{name}”. "
                    "Correct it under Connections, then retry.",
                ),
                name=name,
            )
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "The mail server refused the address(es) {addresses}."),
                addresses=", ".join(exc.recipients),
            )
        ) from exc
    except smtplib.SMTPResponseException as exc:
        text = (
            exc.smtp_error.decode(errors="replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        if 400 <= exc.smtp_code < 500:
            raise RetryableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "The mail server asked to try later ({code} {said})."
                    ),
                    code=exc.smtp_code,
                    said=text,
                )
            ) from exc
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "The mail server rejected the message ({code} {said})."),
                code=exc.smtp_code,
                said=text,
            )
        ) from exc
    except (
        TimeoutError,
        smtplib.SMTPServerDisconnected,
        smtplib.SMTPConnectError,
        ConnectionError,
        OSError,
    ) as exc:
        if not handed_over[0]:
            raise RetryableError(
                said(
                    QT_TRANSLATE_NOOP("Steps", "Could not send through {host}: {why}."),
                    host=host,
                    why=exc,
                )
            ) from exc
        if inp.get("sent_folder_connection"):
            raise OutcomeUnknownError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "The connection to {host} broke after the message was handed over "
                        "({why}); Daloy will look for it in the Sent folder before sending again.",
                    ),
                    host=host,
                    why=exc,
                )
            ) from exc
        why = said(
            QT_TRANSLATE_NOOP(
                "Steps", "the connection to {host} broke after the message was handed over ({why})"
            ),
            host=host,
            why=exc,
        )
        raise PermanentError(_not_known(inp["to"], why)) from exc
    return StepResult(
        output={"message_id": msg["Message-ID"], "to": inp["to"], "refused": sorted(refused)}
    )


def reconcile(ctx: StepContext) -> Reconciled:
    """Was the earlier send accepted? Looks for its Message-ID in the Sent folder."""
    inp = ctx.input
    name = inp.get("sent_folder_connection")
    if not name:
        raise PermanentError(
            _not_known(
                inp["to"],
                said(
                    QT_TRANSLATE_NOOP("Steps", "Daloy stopped or gave up waiting while sending it")
                ),
            )
        )
    conns = ctx.services.connections
    if conns is None:
        raise ConfigurationError(_NO_CONNECTIONS)
    from imapclient.exceptions import IMAPClientError, LoginError

    conn = conns.get(name, "imap")
    password = conns.secret(name, "password") if conn.get("username") else None
    folder = inp.get("sent_folder") or "Sent"
    mid = message_id(ctx.idempotency_key)
    try:
        client = open_imap(conn, name, password, min(ctx.timeout, 30))
        try:
            client.select_folder(folder, readonly=True)
            found = client.search(["HEADER", "Message-ID", mid])
        finally:
            client.logout()
    except LoginError as exc:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The mail server refused the user name or password of connection “{name}”, "
                    "so the Sent folder could not be checked. Correct it under Connections, "
                    "then retry.",
                ),
                name=name,
            )
        ) from exc
    except IMAPClientError as exc:
        raise PermanentError(
            _not_known(
                inp["to"],
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "the folder “{folder}” of connection “{name}” could not be searched ({why})",
                    ),
                    folder=folder,
                    name=name,
                    why=str(exc).rstrip("."),
                ),
            )
        ) from exc
    except OSError as exc:
        raise RetryableError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Could not look in the Sent folder of connection “{name}” ({why}); Daloy "
                    "will look again before sending.",
                ),
                name=name,
                why=exc,
            )
        ) from exc
    if not found:
        return Reconciled(happened=False)
    return Reconciled(
        happened=True,
        output={"message_id": mid, "to": inp["to"], "refused": [], "reconciled": True},
    )


STEP = StepType(SPEC, run, reconcile)
