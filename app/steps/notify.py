"""``notify``: post a message to a chat webhook (the warehouse's channel).

Never twice on its own. Every attempt sends the same ``Idempotency-Key`` header. A request that
never left (refused, no connection) is retried. When the message was sent but no answer came,
it may have been posted: for a webhook declared idempotent (it ignores a repeated key) Daloy
simply sends again; otherwise a person is asked to look in the channel, since a chat webhook
offers no way to ask whether a message arrived.
"""

from __future__ import annotations

from app.core.errors import PermanentError, RetryableError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Reconciled, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import BOOLEAN, JSON, TEMPLATE, Field
from app.core.stepspec import ONCE_BY_KEY, ONCE_OR_ASK, StepSpec
from app.steps.base import StepContext, StepType
from app.steps.http_request import client, maybe_sent, not_sent

SPEC = StepSpec(
    name="notify",
    title=QT_TRANSLATE_NOOP("Steps", "Notify a chat"),
    category=QT_TRANSLATE_NOOP("Steps", "Messages"),
    summary=QT_TRANSLATE_NOOP("Steps", "Post a message to the warehouse's chat channel."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Sends a message to a chat the warehouse already reads, so it hears about the order "
            "there. Slack, Google Chat, Teams, Viber bots and the like give a chat a web address "
            "for incoming messages (a “webhook”): paste it here. In the message, parts in double "
            "braces such as {{ trigger.order.number }} are filled in from the order.",
        )
    ),
    fields=(
        Field("webhook_url", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Webhook URL"), required=True),
        Field(
            "message",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Message"),
            placeholder="Pack order {{ trigger.order.number }}",
        ),
        Field(
            "body",
            JSON,
            QT_TRANSLATE_NOOP("Steps", "Message in the chat's own format (advanced)"),
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Only for a chat that needs more than a text: what to send instead of the "
                "message, written as that chat's instructions give it (JSON).",
            ),
        ),
        Field(
            "idempotent",
            BOOLEAN,
            QT_TRANSLATE_NOOP("Steps", "Webhook ignores repeats"),
            default=False,
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Tick only if the chat's instructions say it shows a message sent twice with "
                "the same Idempotency-Key once. Then, when the chat does not answer, Daloy "
                "sends again by itself; otherwise it asks you to look in the chat first.",
            ),
        ),
    ),
    retry=RetryPolicy(max_attempts=6, initial_delay=3, backoff=2, max_delay=300, timeout=30),
    outcome_may_be_unknown=True,
    side_effects=True,
    guarantee=(
        f"{ONCE_OR_ASK}: when a post got no answer, a person is asked to look in the "
        "channel before it is sent again. With “Webhook ignores repeats” ticked: "
        f"{ONCE_BY_KEY.lower()} (the same Idempotency-Key on every attempt)."
    ),
    sample_output=lambda c: {
        "status": 200,
        "sent": c.get("body") or {"text": c.get("message", "")},
    },
    output_words={
        "status": QT_TRANSLATE_NOOP("Steps", "Answer code (200 to 299: it worked)"),
        "sent": QT_TRANSLATE_NOOP("Steps", "The message sent"),
    },
    icon="fa5s.comment-dots",
)


def _not_known(url: str, why: str) -> str:
    return said(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Not known whether the message reached the chat webhook {url}: {why}. Look in the "
            "channel before retrying; if the message is there, skip this step instead.",
        ),
        url=url,
        why=why,
    )


def _no_answer(url: str, exc: Exception) -> str:
    return said(
        QT_TRANSLATE_NOOP("Steps", "The chat webhook {url} did not answer: {why}."),
        url=url,
        why=exc,
    )


def run(ctx: StepContext) -> StepResult:
    body = ctx.input.get("body")
    if body is None:
        if not ctx.input.get("message"):
            raise PermanentError(
                said(
                    QT_TRANSLATE_NOOP("Steps", "Give the message to post (or a custom JSON body).")
                )
            )
        body = {"text": ctx.input["message"]}
    import httpx  # loaded with the first request (``http_request.client``)

    url = ctx.input["webhook_url"]
    try:
        r = client().post(
            url,
            json=body,
            timeout=min(ctx.timeout, 20),
            headers={"Idempotency-Key": ctx.idempotency_key},
        )
    except not_sent() as exc:
        raise RetryableError(_no_answer(url, exc)) from exc
    except maybe_sent() as exc:
        if ctx.input.get("idempotent"):
            raise RetryableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "The chat webhook {url} did not answer ({why}); sending again with the "
                        "same Idempotency-Key.",
                    ),
                    url=url,
                    why=type(exc).__name__,
                )
            ) from exc
        raise PermanentError(
            _not_known(
                url,
                said(
                    QT_TRANSLATE_NOOP("Steps", "it received the post but did not answer ({why})"),
                    why=type(exc).__name__,
                ),
            )
        ) from exc
    except httpx.HTTPError as exc:
        raise RetryableError(_no_answer(url, exc)) from exc
    if r.status_code >= 500 or r.status_code == 429:
        raise RetryableError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "The chat webhook answered {status}; trying again later."
                ),
                status=r.status_code,
            )
        )
    if r.status_code >= 400:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "The chat webhook refused the message ({status}: {said})."
                ),
                status=r.status_code,
                said=r.text[:200],
            )
        )
    return StepResult(output={"status": r.status_code, "sent": body})


def reconcile(ctx: StepContext) -> Reconciled:
    """An earlier attempt may have posted (Daloy stopped, or the time limit passed, mid-post)."""
    if ctx.input.get("idempotent"):
        return Reconciled(happened=False)  # the webhook ignores the repeated key
    raise PermanentError(
        _not_known(
            ctx.input["webhook_url"],
            said(QT_TRANSLATE_NOOP("Steps", "Daloy stopped or gave up waiting while posting it")),
        )
    )


STEP = StepType(SPEC, run, reconcile)
