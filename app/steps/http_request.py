"""``http_request``: call a web API (payment gateway, warehouse, marketplace) safely.

Sends the step's idempotency key as ``Idempotency-Key`` so a retried request is recognised as the
same one. 5xx, 429, refused connections and timeouts before sending are retried; 4xx are not. A
timeout after the request was sent may hide a success ("outcome unknown"): before repeating, the
engine calls ``reconcile``, which looks the outcome up with a GET.

A connection is bound to its base URL: its credentials go only to URLs with the same scheme,
host and port, under its path (URLs are templates, and order data must not steer a token to
another host). A connection that carries credentials must therefore have a base URL.
"""

from __future__ import annotations

import json
import posixpath
import threading
from collections.abc import Mapping
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin

from app.core import json_text
from app.core.errors import ConfigurationError, OutcomeUnknownError, PermanentError, RetryableError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Reconciled, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CHOICE, CONNECTION, JSON, MAPPING, NUMBER, TEMPLATE, Field
from app.core.stepspec import ONCE_BY_KEY, ONCE_OR_ASK, StepSpec
from app.steps.base import StepContext, StepType
from app.store.connections import tls_context

if TYPE_CHECKING:  # httpx (~1.4 MB) loads with the first request, not when the runner starts
    import httpx

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# Idempotent by definition (RFC 9110): without a look-up, only these are sent again after an
# unanswered attempt; whether a service honours Idempotency-Key on the others cannot be known.
REPEATABLE = ("GET", "PUT", "DELETE")
ASKS = tuple(m for m in METHODS if m not in REPEATABLE)


def not_sent() -> tuple[type[Exception], ...]:
    """The request never left: safe to send again."""
    import httpx

    return (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def maybe_sent() -> tuple[type[Exception], ...]:
    """The request (or part of it) was sent, but no answer came: it may have acted."""
    import httpx

    return (
        httpx.ReadTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ReadError,
        httpx.WriteError,
    )


# One client per TLS context for every order (creating one costs ~1-2 ms: reading the proxy
# settings, building its pool) instead of one per request. Each request still gets a connection
# of its own, as before: a kept one could be closed by the server just as it is reused, which
# for a POST reads as "sent, no answer" and asks a person. No cookies are kept: one order's
# request must not carry what another's answer set.
_clients: dict[int, tuple[Any, httpx.Client]] = {}
_clients_lock = threading.Lock()


def client(verify: Any = None) -> httpx.Client:
    """The shared client for ``verify`` (an SSL context; ``tls_context()`` when None). Pass
    each request's own ``timeout``: the client's default is only a fallback."""
    import httpx

    context = tls_context() if verify is None else verify
    with _clients_lock:
        kept = _clients.get(id(context))  # the context is kept with it: the id stays its own
        if kept is None:
            jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
            kept = (
                context,
                httpx.Client(
                    verify=context,
                    cookies=jar,
                    timeout=20.0,
                    # as many at once as before (a client each), none kept after its answer
                    limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
                ),
            )
            _clients[id(context)] = kept
        return kept[1]


def _timeout(seconds: float) -> httpx.Timeout:
    import httpx

    return httpx.Timeout(seconds, connect=min(seconds, 10))


def _words(methods: tuple[str, ...], last: str = "and") -> str:
    """("GET", "PUT", "DELETE") -> "GET, PUT and DELETE": the help and the guarantee name the
    methods from the same tuples the reconcile uses."""
    return ", ".join(methods[:-1]) + f" {last} " + methods[-1] if len(methods) > 1 else methods[0]


SPEC = StepSpec(
    name="http_request",
    title=QT_TRANSLATE_NOOP("Steps", "Call a web API"),
    category=QT_TRANSLATE_NOOP("Steps", "Connect"),
    summary=QT_TRANSLATE_NOOP(
        "Steps", "Send a request to a payment gateway, warehouse or other web service."
    ),
    # The methods named are REPEATABLE and ASKS (a literal, so it can be translated when shown;
    # tests/steps/test_once.py checks it against what the look-up does).
    help=QT_TRANSLATE_NOOP(
        "Steps",
        "Sends an HTTP request and waits for the answer. Every attempt carries the same "
        "Idempotency-Key header, so a service that honours it (payment gateways do) never acts "
        "twice. Server errors (5xx), throttling (429), refused connections and timeouts are "
        "retried; client errors (4xx) go to the inbox. When the request was sent but no answer "
        "came, Daloy first asks the service with the “Look-up URL” whether it went through, and "
        "only sends again when it did not. Without a Look-up URL, GET, PUT and DELETE are "
        "sent again, and an unanswered POST or PATCH goes to the inbox for a person "
        "to check. The answer is available as output.status and output.body.",
    ),
    fields=(
        Field(
            "connection",
            CONNECTION,
            QT_TRANSLATE_NOOP("Steps", "Connection"),
            connection_kind="http",
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "Optional: a saved HTTP API connection that supplies the base URL and "
                "credentials (kept in the system keyring). Its credentials are only sent to "
                "URLs under its base URL.",
            ),
        ),
        Field(
            "method",
            CHOICE,
            QT_TRANSLATE_NOOP("Steps", "Method"),
            choices=METHODS,
            default="POST",
            required=True,
        ),
        Field(
            "url",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "URL"),
            required=True,
            help=QT_TRANSLATE_NOOP(
                "Steps", "Full URL, or a path relative to the connection's base URL."
            ),
            placeholder="https://pay.example.com/charges",
        ),
        Field("headers", MAPPING, QT_TRANSLATE_NOOP("Steps", "Headers"), default=None),
        Field(
            "body",
            JSON,
            QT_TRANSLATE_NOOP("Steps", "What to send"),
            help=QT_TRANSLATE_NOOP("Steps", "Sent as JSON; text values may use templates."),
        ),
        Field(
            "timeout",
            NUMBER,
            QT_TRANSLATE_NOOP("Steps", "Time limit (seconds)"),
            default=20,
            minimum=0.1,
            maximum=600,
        ),
        Field(
            "reconcile_url",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Look-up URL"),
            help=QT_TRANSLATE_NOOP(
                "Steps",
                "GET this URL to find out whether an unanswered request went through "
                "(200: it did, 404: it did not). Use {{ idempotency_key }} in it. Without "
                "it, an unanswered POST or PATCH waits for a person.",
            ),
            placeholder="https://pay.example.com/charges?idempotency_key={{ idempotency_key }}",
        ),
    ),
    error_port=True,
    retry=RetryPolicy(max_attempts=5, initial_delay=2, backoff=2, max_delay=300, timeout=60),
    outcome_may_be_unknown=True,
    side_effects=True,
    guarantee=(
        f"{ONCE_BY_KEY}: every attempt carries the same Idempotency-Key, and a request "
        "that got no answer is looked up with the Look-up URL before it is sent again. "
        f"Without a Look-up URL: {ONCE_OR_ASK.lower()} — {_words(REPEATABLE)} "
        f"(safe to repeat) are sent again; an unanswered {_words(ASKS, 'or')} goes to "
        "the inbox for a person to check instead of being sent twice."
    ),
    # A payment or order API's usual answer: what steps after a practice call read.
    sample_output=lambda c: {
        "status": 201 if str(c.get("method", "POST")).upper() == "POST" else 200,
        "body": {"id": "sample-0001", "status": "ok"},
    },
    output_words={
        "status": QT_TRANSLATE_NOOP("Steps", "Answer code (200 to 299: it worked)"),
        "body": QT_TRANSLATE_NOOP("Steps", "What the service answered"),
    },
    icon="fa5s.globe",
)


def _target(ctx: StepContext, url: str) -> tuple[str, dict[str, str]]:
    headers: dict[str, str] = {}
    name: str = ctx.input.get("connection") or ""  # (the schema makes it a connection's name)
    base = ""
    if name:
        provider = ctx.services.connections
        if provider is None:
            raise ConfigurationError(
                said(
                    QT_TRANSLATE_NOOP("Steps", "Connection “{name}” cannot be used here."),
                    name=name,
                )
            )
        conn = provider.http(name)
        base = conn.get("base_url") or ""
        headers.update(conn.get("headers") or {})
        if base and not url.lower().startswith(("http://", "https://")):
            url = urljoin(base.rstrip("/") + "/", url.lstrip("/"))
        if headers and not base:
            raise ConfigurationError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "Connection “{name}” has no base URL, so Daloy does not know where its "
                        "credentials may be sent. Set its base URL (for example {example}) "
                        "under Connections, then retry this step.",
                    ),
                    name=name,
                    example="https://api.example.com/",
                )
            )
    if not url.lower().startswith(("http://", "https://")):
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP("Steps", "The URL “{url}” must start with http:// or https://."),
                url=url,
            )
        )
    if base:
        _check_bound(name, base, url)
    return url, headers


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _check_bound(name: str, base: str, url: str) -> None:
    """Refuse a URL outside the connection's base URL: another scheme, host or port, or a
    path not under the base path (``/api`` covers ``/api`` and ``/api/…``, not ``/apiary``).
    Both URLs are read by httpx, the parser that sends the request (``a@b``, ``\\`` tricks
    parse the same way here as on the wire); the path is checked as sent and also decoded with
    ``..`` resolved, so ``/api/%2e%2e/admin`` is refused too."""
    import httpx

    try:
        have, want = httpx.URL(url), httpx.URL(base)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The URL {url} cannot be read ({why}); check the step's URL and the base "
                    "URL of connection “{name}”.",
                ),
                url=url,
                why=exc,
                name=name,
            )
        ) from exc
    prefix = want.path.rstrip("/") + "/"
    paths = (
        have.raw_path.decode("ascii", "replace").split("?")[0],
        posixpath.normpath(unquote(have.path)) if have.path else "/",
    )
    inside = (
        have.scheme == want.scheme
        and have.host == want.host
        and (have.port or _DEFAULT_PORTS.get(have.scheme))
        == (want.port or _DEFAULT_PORTS.get(want.scheme))
        and all(p == prefix.rstrip("/") or p.startswith(prefix) for p in paths)
    )
    if not inside:
        raise ConfigurationError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The URL {url} is outside the connection “{name}” ({base}): Daloy only "
                    "sends a connection's credentials to its own address. Use a path under "
                    "that address, or a separate connection for the other service.",
                ),
                url=url,
                name=name,
                base=base,
            )
        )


def _body(response: httpx.Response) -> Any:
    try:
        return json_text.loads(response.content)  # NaN, Infinity: kept as the text it is
    except (ValueError, UnicodeDecodeError):
        return response.text[:100_000]


def _output(response: httpx.Response) -> dict[str, Any]:
    return {
        "status": response.status_code,
        "body": _body(response),
        "headers": {
            k: v
            for k, v in response.headers.items()
            if k.lower() in ("content-type", "location", "retry-after")
        },
    }


def _describe(response: httpx.Response, url: str) -> str:
    body = _body(response)
    detail = ""
    if isinstance(body, Mapping):
        detail = str(body.get("error") or body.get("message") or body.get("detail") or "")
    elif isinstance(body, str):
        detail = body.strip()[:200]
    # explain._STATUS reads the code and the detail back from the English text
    return said(
        QT_TRANSLATE_NOOP("Steps", "{url} answered {status} {phrase}: {detail}")
        if detail
        else QT_TRANSLATE_NOOP("Steps", "{url} answered {status} {phrase}"),
        url=url,
        status=response.status_code,
        phrase=response.reason_phrase,
        detail=detail,
    )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def run(ctx: StepContext) -> StepResult:
    import httpx

    inp = ctx.input
    method = inp.get("method", "POST")
    url, headers = _target(ctx, inp["url"])
    headers.update({str(k): str(v) for k, v in (inp.get("headers") or {}).items()})
    headers.setdefault("Idempotency-Key", ctx.idempotency_key)
    timeout = min(float(inp.get("timeout") or 20), ctx.timeout)
    body = inp.get("body")
    kwargs: dict[str, Any] = {"headers": headers}
    if body is not None and method != "GET":
        kwargs["content"] = json.dumps(body, ensure_ascii=False).encode()
        headers.setdefault("Content-Type", "application/json")
    try:
        response = client().request(method, url, timeout=_timeout(timeout), **kwargs)
    except not_sent() as exc:
        raise RetryableError(
            said(
                QT_TRANSLATE_NOOP("Steps", "Could not reach {url}: {why}."),
                url=url,
                why=exc or type(exc).__name__,
            )
        ) from exc
    except maybe_sent() as exc:
        if method == "GET":
            raise RetryableError(
                said(
                    QT_TRANSLATE_NOOP("Steps", "{url} did not answer in time ({why})."),
                    url=url,
                    why=type(exc).__name__,
                )
            ) from exc
        raise OutcomeUnknownError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "{url} received the request but did not answer ({why}); Daloy will check "
                    "whether it went through before sending it again.",
                ),
                url=url,
                why=type(exc).__name__,
            )
        ) from exc
    except httpx.LocalProtocolError as exc:
        # Our side built a request no server accepts (a header with a line break): sending it
        # again cannot help. The library's words may quote the header; the store hides secrets.
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The request to {url} could not be sent: {why}. Check the step's headers "
                    "and the connection's token, then retry.",
                ),
                url=url,
                why=exc,
            )
        ) from exc
    except httpx.HTTPError as exc:
        raise RetryableError(
            said(
                QT_TRANSLATE_NOOP("Steps", "The request to {url} failed: {why}."), url=url, why=exc
            )
        ) from exc
    if response.status_code >= 500 or response.status_code in (408, 429):
        raise RetryableError(
            _describe(response, url), retry_after=_retry_after(response), detail=_output(response)
        )
    if response.status_code >= 400:
        raise PermanentError(_describe(response, url), detail=_output(response))
    return StepResult(output=_output(response))


def reconcile(ctx: StepContext) -> Reconciled:
    """Did the earlier, unanswered request go through? Asks ``reconcile_url``."""
    lookup = ctx.input.get("reconcile_url")
    if not lookup:
        # Without a look-up only a method that is idempotent by definition is safe to repeat;
        # whether a service honours Idempotency-Key on a POST cannot be known from here.
        method = str(ctx.input.get("method", "POST")).upper()
        return Reconciled(happened=False if method in REPEATABLE else None)
    import httpx

    url, headers = _target(ctx, lookup)
    try:
        response = client().get(
            url, headers=headers, timeout=min(float(ctx.input.get("timeout") or 20), 30)
        )
    except httpx.HTTPError as exc:
        raise RetryableError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Could not find out whether the earlier request went through: {url} did "
                    "not answer ({why}).",
                ),
                url=url,
                why=type(exc).__name__,
            )
        ) from exc
    if response.status_code == 404:
        return Reconciled(happened=False)
    if response.status_code == 200:
        return Reconciled(happened=True, output=_output(response) | {"reconciled": True})
    raise RetryableError(
        said(
            QT_TRANSLATE_NOOP(
                "Steps", "Could not find out whether the earlier request went through: {answer}."
            ),
            answer=_describe(response, url),
        )
    )


def acts(config: Mapping[str, Any]) -> bool:
    return str(config.get("method", "POST")).upper() != "GET"


STEP = StepType(SPEC, run, reconcile, acts)
