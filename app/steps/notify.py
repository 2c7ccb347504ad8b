"""``notify``: post a message to a chat webhook (the warehouse's channel)."""

from __future__ import annotations

import httpx

from app.core.errors import PermanentError, RetryableError
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import JSON, TEMPLATE, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType
from app.store.connections import tls_context

SPEC = StepSpec(
    name="notify",
    title="Notify a chat",
    category="Messages",
    summary="Post a message to the warehouse's chat channel.",
    help=("Posts a JSON message to a chat webhook (Slack, Google Chat, Teams, Viber bots and "
          "similar accept one), so the warehouse hears about the order on the channel it already "
          "reads. The body is a template; the default sends {\"text\": message}."),
    fields=(
        Field("webhook_url", TEMPLATE, "Webhook URL", required=True),
        Field("message", TEMPLATE, "Message", placeholder="Pack order {{ trigger.order.number }}"),
        Field("body", JSON, "Custom JSON body", help="Instead of the message: any JSON body."),
    ),
    retry=RetryPolicy(max_attempts=6, initial_delay=3, backoff=2, max_delay=300, timeout=30),
    side_effects=True,
    icon="fa5s.comment-dots",
)


def run(ctx: StepContext) -> StepResult:
    body = ctx.input.get("body")
    if body is None:
        if not ctx.input.get("message"):
            raise PermanentError("Give the message to post (or a custom JSON body).")
        body = {"text": ctx.input["message"]}
    url = ctx.input["webhook_url"]
    try:
        r = httpx.post(url, json=body, timeout=min(ctx.timeout, 20), verify=tls_context(),
                       headers={"Idempotency-Key": ctx.idempotency_key})
    except httpx.HTTPError as exc:
        raise RetryableError(f"The chat webhook {url} did not answer: {exc}.") from exc
    if r.status_code >= 500 or r.status_code == 429:
        raise RetryableError(f"The chat webhook answered {r.status_code}; trying again later.")
    if r.status_code >= 400:
        raise PermanentError(f"The chat webhook refused the message ({r.status_code}: "
                             f"{r.text[:200]}).")
    return StepResult(output={"status": r.status_code, "sent": body})


STEP = StepType(SPEC, run)
