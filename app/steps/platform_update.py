"""``platform_update``: answer the shop an order came from — shipped (with the tracking number),
cancelled (with a reason), or a SKU's stock level set.

The platform is the connection's kind (a Shopify connection talks to Shopify). What each
platform promises about a repeated call is stated per action in the guarantee below; where the
platform can be asked ("does order 1001 already carry tracking number X?"), an attempt that got
no answer is looked up before anything is sent again (``reconcile``).

Before reporting a shipment, the step reads the latest version of the order Daloy has taken in
(``app.store.platform_orders``): an order the buyer cancelled is never reported shipped.

The platform clients live in ``app.connectors.platforms``, imported lazily.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.core.errors import (
    ConfigurationError,
    DaloyError,
    OutcomeUnknownError,
    PermanentError,
    RetryableError,
    StepError,
)
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Reconciled, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import BOOLEAN, CHOICE, CONNECTION, NUMBER, TEMPLATE, Field
from app.core.stepspec import ONCE_OR_ASK, StepSpec
from app.steps.base import StepContext, StepType

# Stored as they are; the editor shows them translated.
ACTIONS = (
    QT_TRANSLATE_NOOP("Steps", "ship"),
    QT_TRANSLATE_NOOP("Steps", "cancel"),
    QT_TRANSLATE_NOOP("Steps", "stock"),
)


def _guarantee() -> str:
    from app.connectors.platforms.platform import platforms

    rules = " ".join(
        f"{p.title}: " + " ".join(p.guarantees.get(a, "") for a in ACTIONS).strip()
        for p in platforms().values()
    )
    return (
        f"{ONCE_OR_ASK}: an attempt that got no answer is looked up on the platform "
        "before it is sent again (a shipment by its tracking number, a cancellation by the "
        "order's status); setting a stock level is absolute, so a repeat sets the same "
        "number. " + rules
    )


SPEC = StepSpec(
    name="platform_update",
    title=QT_TRANSLATE_NOOP("Steps", "Tell the shop (ship, cancel, stock)"),
    category=QT_TRANSLATE_NOOP("Steps", "Connect"),
    summary=QT_TRANSLATE_NOOP(
        "Steps",
        "Report a shipment with its tracking number, cancel an order, or set stock, on "
        "Shopify, WooCommerce, Shopee or Lazada.",
    ),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Answers the shop the order came from, through the connection chosen (its kind is "
            "the platform). “ship”: marks the order shipped with the tracking number and "
            "carrier, and the platform tells the buyer; an order the buyer has cancelled in the "
            "meantime is not reported shipped (the step stops and says so). “cancel”: cancels "
            "the order with the reason given. “stock”: sets the stock level of a SKU to the "
            "quantity given. Rate limits are honoured (Retry-After); a refused key goes to the "
            "inbox with what to fix. Output: action, platform, order_id and what the platform "
            "answered (result).",
        )
    ),
    fields=(
        Field(
            "action",
            CHOICE,
            QT_TRANSLATE_NOOP("Steps", "What to tell the shop"),
            choices=ACTIONS,
            default="ship",
            required=True,
        ),
        Field(
            "connection",
            CONNECTION,
            QT_TRANSLATE_NOOP("Steps", "Shop"),
            required=True,
            help=QT_TRANSLATE_NOOP(
                "Steps", "The shop's connection (Shopify, WooCommerce, Shopee or Lazada)."
            ),
        ),
        Field(
            "order_id",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Platform order id"),
            default="{{ trigger.order.platform_order_id }}",
        ),
        Field(
            "tracking_number",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Tracking number"),
            placeholder="{{ steps.book_courier.output.body.tracking }}",
        ),
        Field(
            "carrier", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Carrier"), placeholder="J&T Express"
        ),
        Field("tracking_url", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Tracking page (address)")),
        Field(
            "notify_customer",
            BOOLEAN,
            QT_TRANSLATE_NOOP("Steps", "Let the platform tell the buyer"),
            default=True,
        ),
        Field(
            "reason",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Reason (cancel)"),
            default="customer",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Shopify: customer, inventory, fraud, declined or other; Shopee: "
                "words with “stock” or “inventory” cancel as out of stock, others as the "
                "buyer's request; WooCommerce and Lazada keep the words as a note.",
            ),
        ),
        Field("sku", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "SKU (stock)")),
        Field("quantity", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Stock level (stock)")),
        Field(
            "timeout",
            NUMBER,
            QT_TRANSLATE_NOOP("Steps", "Time limit (seconds)"),
            default=30,
            minimum=1,
            maximum=300,
        ),
    ),
    error_port=True,
    retry=RetryPolicy(max_attempts=6, initial_delay=5, backoff=2, max_delay=600, timeout=90),
    outcome_may_be_unknown=True,
    side_effects=True,
    guarantee=_guarantee(),
    sample_output=lambda c: {
        "action": c.get("action", "ship"),
        "platform": "shopify",
        "order_id": "5001",
        "result": {"id": "sample-1", "status": "success"},
    },
    output_words={
        "action": QT_TRANSLATE_NOOP("Steps", "What was done"),
        "platform": QT_TRANSLATE_NOOP("Steps", "The shop's platform"),
        "order_id": QT_TRANSLATE_NOOP("Steps", "The order's number on the platform"),
        "result": QT_TRANSLATE_NOOP("Steps", "What the shop answered"),
    },
    icon="fa5s.truck",
)


_CHOOSE_CONNECTION = said(QT_TRANSLATE_NOOP("Steps", "Choose the shop's connection for this step."))


def _platform(ctx: StepContext) -> tuple[Any, Any, str]:
    from app.connectors.platforms.platform import by_connection_kind

    name = str(ctx.input.get("connection") or "")
    provider = ctx.services.connections
    if not name or provider is None:
        raise ConfigurationError(_CHOOSE_CONNECTION)
    settings = provider.get(name)
    platform = by_connection_kind(settings["kind"])
    if platform is None:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Connection “{name}” is a {kind} connection; this step needs a Shopify, "
                    "WooCommerce, Shopee or Lazada one.",
                ),
                name=name,
                kind=settings["kind"],
            )
        )
    return platform, settings, platform.shop(settings)


def _client(ctx: StepContext, platform: Any, settings: Mapping[str, Any]) -> Any:
    provider = ctx.services.connections
    if provider is None:  # _platform asked for it first; here for the type
        raise ConfigurationError(_CHOOSE_CONNECTION)
    client = platform.open(settings, lambda f: provider.secret(settings["name"], f), provider)
    client.set_timeout(min(float(ctx.input.get("timeout") or 30), ctx.timeout))
    return client


def _shipment(ctx: StepContext) -> Any:
    from app.connectors.platforms.platform import Shipment

    tracking = str(ctx.input.get("tracking_number") or "").strip()
    if not tracking:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "There is no tracking number to report; fill in “Tracking number” (from "
                    "the courier step), then retry.",
                )
            )
        )
    return Shipment(
        order_id=_order_id(ctx),
        tracking_number=tracking,
        carrier=str(ctx.input.get("carrier") or ""),
        tracking_url=str(ctx.input.get("tracking_url") or ""),
        notify_customer=bool(ctx.input.get("notify_customer", True)),
    )


def _order_id(ctx: StepContext) -> str:
    oid = str(ctx.input.get("order_id") or "").strip()
    if not oid:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "There is no platform order id; this step answers orders that came from a "
                    "shop ({field}).",
                ),
                field="trigger.order.platform_order_id",
            )
        )
    return oid


def _not_cancelled(ctx: StepContext, platform: Any, shop: str, oid: str) -> None:
    from app.connectors.platforms.platform import is_cancelled
    from app.store import platform_orders

    runs = ctx.services.runs
    if runs is None:
        return
    order = platform_orders.latest(runs.db, platform.name, shop, oid)
    if order and is_cancelled(order):
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The buyer cancelled order {order} on {platform}; Daloy did not report it "
                    "shipped. Cancel this run, or skip this step if the parcel already left.",
                ),
                order=order.get("number") or oid,
                platform=platform.title,
            )
        )


def _call(ctx: StepContext, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    from app.connectors.platforms import http as ph

    try:
        return fn()
    except ph.RateLimited as exc:
        raise RetryableError(str(exc), retry_after=exc.retry_after) from exc
    except ph.OutcomeUnknown as exc:
        raise OutcomeUnknownError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "{what} Daloy will check whether it went through before sending it again.",
                ),
                what=str(exc),
            ),
            detail={"status": exc.status, "said": exc.body},  # an unreadable answer, as it came
        ) from exc
    except ph.PlatformDown as exc:
        raise RetryableError(str(exc), detail={"status": exc.status, "said": exc.body}) from exc
    except ph.PlatformError as exc:  # refused key, rejected request: a person decides
        raise PermanentError(str(exc), detail={"status": exc.status, "said": exc.body}) from exc
    except StepError:
        raise
    except DaloyError as exc:  # a token that could not be renewed (its inbox entry is open)
        raise PermanentError(str(exc)) from exc


def run(ctx: StepContext) -> StepResult:
    platform, settings, shop = _platform(ctx)
    action = ctx.input.get("action", "ship")
    fn = getattr(platform, "set_stock" if action == "stock" else action, None)
    if fn is None:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP("Steps", "{platform} cannot “{action}” through Daloy yet."),
                platform=platform.title,
                action=action,
            )
        )
    with _client(ctx, platform, settings) as http:
        if action == "ship":
            shipment = _shipment(ctx)
            _not_cancelled(ctx, platform, shop, shipment.order_id)
            result = _call(ctx, lambda: fn(http, shipment))
            oid = shipment.order_id
        elif action == "cancel":
            oid = _order_id(ctx)
            reason = str(ctx.input.get("reason") or "other")
            result = _call(ctx, lambda: fn(http, oid, reason))
        else:
            oid = ""
            sku = str(ctx.input.get("sku") or "").strip()
            try:
                qty = int(float(str(ctx.input.get("quantity"))))
            except ValueError as exc:
                raise PermanentError(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps",
                            "The stock level “{quantity}” for SKU {sku} is not a whole number.",
                        ),
                        quantity=ctx.input.get("quantity"),
                        sku=sku,
                    )
                ) from exc
            if not sku:
                raise PermanentError(
                    said(QT_TRANSLATE_NOOP("Steps", "Say which SKU's stock to set."))
                )
            result = _call(ctx, lambda: fn(http, sku, qty))
    return StepResult(
        output={"action": action, "platform": platform.name, "order_id": oid, "result": result}
    )


def reconcile(ctx: StepContext) -> Reconciled:
    """Did the unanswered attempt act? Shipments by tracking number, cancellations by the
    order's status; a stock level is absolute (sending it again is harmless)."""
    platform, settings, _shop = _platform(ctx)
    action = ctx.input.get("action", "ship")
    look = {"ship": platform.find_shipment, "cancel": platform.find_cancel}.get(action)
    if action == "stock":
        return Reconciled(happened=False)
    if look is None:
        return Reconciled(happened=None)  # cannot tell: a person decides
    with _client(ctx, platform, settings) as http:
        arg = _shipment(ctx) if action == "ship" else _order_id(ctx)
        found = _call(ctx, lambda: look(http, arg))
    if found is None:
        return Reconciled(happened=False)
    return Reconciled(
        happened=True,
        output={
            "action": action,
            "platform": platform.name,
            "order_id": _order_id(ctx),
            "result": found,
            "reconciled": True,
        },
    )


STEP = StepType(SPEC, run, reconcile)
