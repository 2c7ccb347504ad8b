"""One HTTP client for every platform: the platform's base URL, its authentication (headers, or
an ``httpx.Auth`` that signs each request — Shopee and Lazada sign every call), and the
platform's answers turned into errors Daloy acts on:

- 429 (or a platform's own "slow down" answer) → ``RateLimited`` with the seconds to wait
  (Retry-After, or the platform's default);
- 401/403 → ``PlatformRefused`` (a wrong or expired token: said in words, not retried blindly);
- 5xx, refused connections, timeouts → ``PlatformDown``;
- other 4xx → ``PlatformRejected`` with the platform's own words;
- a 2xx whose body is not JSON as JSON is written (an HTML page, a cut-off text, NaN or
  Infinity, which Python's reader takes and PostgreSQL refuses) → ``UnreadableAnswer`` (a
  look-up: asked again later) or ``UnreadableOutcome`` (a request that acts: it may have
  acted), carrying the answer as it came (``raw``). Every answer is read by ``answer``.

A client only talks to its own base URL: paths are joined under it, so order data can never
steer a token to another host. Plain http is refused except to this computer (the tests' fake
platforms), since the tokens travel in every request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app.core import json_text
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.store.connections import tls_context

if TYPE_CHECKING:  # httpx loads when a shop is first called, not when the runner starts
    import httpx

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
RAW_SHOWN = 100_000  # characters of an unreadable answer kept in an error's detail


class PlatformError(DaloyError):
    """A platform call that did not succeed; ``status`` is the HTTP status (0: no answer)."""

    def __init__(self, message: str, status: int = 0, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class RateLimited(PlatformError):
    def __init__(self, message: str, retry_after: float, status: int = 429) -> None:
        super().__init__(message, status)
        self.retry_after = retry_after


class PlatformRefused(PlatformError):
    """The platform refused our credentials (401/403)."""


class PlatformDown(PlatformError):
    """No answer, or a 5xx: worth trying again later."""


class PlatformRejected(PlatformError):
    """A 4xx other than 401/403/429: the request itself is wrong for the platform."""


class OutcomeUnknown(PlatformError):
    """The request was sent but no answer came: it may have acted."""


class Unreadable(PlatformError):
    """A 2xx answer that is not strict JSON. ``raw``: the answer's bytes as they came (kept
    by the channel as an intake item); ``body``: its text, shortened, for a step's detail."""

    def __init__(self, message: str, status: int, raw: bytes) -> None:
        super().__init__(message, status, raw.decode("utf-8", "replace")[:RAW_SHOWN])
        self.raw = raw


class UnreadableAnswer(Unreadable, PlatformDown):
    """An unreadable answer to a look-up: nothing acted, so it is simply asked again later."""


class UnreadableOutcome(Unreadable, OutcomeUnknown):
    """An unreadable answer to a request that acts: it may have acted, so a step looks before
    sending it again (its ``reconcile``), as after a lost answer."""


def base_url(value: str, *, what: str) -> str:
    """``https://host/…`` from a shop domain or site URL the operator typed. ``http://`` only
    for this computer (a token in every request must not cross a network in clear). ``what``
    names the setting (a ``said`` phrase, so the sentence is shown in the reader's language)."""
    value = (value or "").strip().rstrip("/")
    if not value:
        raise DaloyError(
            said(
                QT_TRANSLATE_NOOP("Steps", "The {what} is empty; fill it in under Connections."),
                what=what,
            )
        )
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DaloyError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "“{value}” is not a web address for the {what}; use e.g. "
                    "https://shop.example.com.",
                ),
                value=value,
                what=what,
            )
        )
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise DaloyError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The {what} “{value}” uses http://, which would send the shop's key "
                    "unencrypted; use https://.",
                ),
                what=what,
                value=value,
            )
        )
    return value


def retry_after(response: httpx.Response, default: float) -> float:
    """Seconds the platform asked us to wait (Retry-After in seconds), else ``default``."""
    try:
        return max(0.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return default


def _what_is_wrong(response: httpx.Response, error: ValueError) -> str:
    """What an unreadable answer is, in words (a ``said`` phrase)."""
    text = response.content.strip()
    if not text:
        return said(QT_TRANSLATE_NOOP("Steps", "an empty answer"))
    if "html" in response.headers.get("Content-Type", "").lower() or text[:1] == b"<":
        return said(QT_TRANSLATE_NOOP("Steps", "a web page instead of data"))
    if isinstance(error, json_text.TooBig):
        return said(QT_TRANSLATE_NOOP("Steps", "a number too big to be a number"))
    try:  # Python's lenient reader takes it: NaN or Infinity, which JSON does not have
        json.loads(text)
    except ValueError:
        return said(QT_TRANSLATE_NOOP("Steps", "text that is not JSON, or JSON cut off"))
    return said(QT_TRANSLATE_NOOP("Steps", "a value that is not a number (NaN or Infinity)"))


def answer(response: httpx.Response, *, platform: str, shop: str, shape: type | None = None) -> Any:
    """The JSON of a 2xx answer, read strictly (``app.core.json_text``), or ``Unreadable``
    with a sentence for the operator naming the shop and what Daloy does next. ``shape``: the
    type the answer must have (``dict`` where the platform documents an object)."""
    try:
        data = json_text.loads(response.content)
    except ValueError as exc:  # UnicodeDecodeError and TooBig among them
        what = _what_is_wrong(response, exc)
    else:
        if shape is None or isinstance(data, shape):
            return data
        what = said(QT_TRANSLATE_NOOP("Steps", "JSON of another shape than it documents"))
    names = {"platform": platform, "shop": shop, "path": response.request.url.path, "what": what}
    if response.request.method in ("GET", "HEAD"):
        raise UnreadableAnswer(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "{platform} answered {path} for shop “{shop}” with {what}. The answer is "
                    "kept; Daloy asks again later. If this goes on, ask {platform}'s support "
                    "about it.",
                ),
                **names,
            ),
            response.status_code,
            response.content,
        )
    raise UnreadableOutcome(
        said(
            QT_TRANSLATE_NOOP(
                "Steps",
                "{platform} received {path} for shop “{shop}” but answered with {what}, so it "
                "may have acted. The answer is kept.",
            ),
            **names,
        ),
        response.status_code,
        response.content,
    )


def words(response: httpx.Response) -> str:
    """The platform's own explanation, short (``errors``, ``message``, ``error``)."""
    try:
        body = json_text.loads(response.content)
    except ValueError:
        return response.text.strip()[:200]
    if isinstance(body, Mapping):
        for key in ("errors", "message", "error", "msg"):
            if body.get(key):
                return str(body[key])[:300]
    return ""


class PlatformHttp:
    """An httpx client bound to one shop. ``title`` names the platform in error sentences
    ("Shopify"), ``shop`` the connection ("my-shop")."""

    def __init__(
        self,
        base: str,
        *,
        title: str,
        shop: str,
        headers: Mapping[str, str] | None = None,
        auth: httpx.Auth | None = None,
        timeout: float = 30.0,
        default_wait: float = 2.0,
    ) -> None:
        import httpx

        self.base = base.rstrip("/")
        self.title, self.shop = title, shop
        self.default_wait = default_wait
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10)),
            headers=dict(headers or {}),
            auth=auth,
            verify=tls_context(),
        )

    def __enter__(self) -> PlatformHttp:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.client.close()

    def set_timeout(self, seconds: float) -> None:
        import httpx

        self.client.timeout = httpx.Timeout(seconds, connect=min(seconds, 10))

    def url(self, path: str) -> str:
        if "://" in path:  # a platform's own next-page link: must be under our base URL
            if not path.startswith(self.base + "/"):
                raise DaloyError(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps",
                            "{platform} pointed Daloy at {path}, outside the shop's address "
                            "{base}; it was not followed.",
                        ),
                        platform=self.title,
                        path=path,
                        base=self.base,
                    )
                )
            return path
        return f"{self.base}/{path.lstrip('/')}"

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send; return the 2xx response, else raise one of the errors above."""
        import httpx

        url = self.url(path)
        try:
            response = self.client.request(method, url, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise PlatformDown(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "Could not reach {platform} for shop “{shop}”: {why}."
                    ),
                    platform=self.title,
                    shop=self.shop,
                    why=exc or type(exc).__name__,
                )
            ) from exc
        except httpx.TransportError as exc:
            if method == "GET":
                raise PlatformDown(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps", "{platform} did not answer in time for shop “{shop}” ({why})."
                        ),
                        platform=self.title,
                        shop=self.shop,
                        why=type(exc).__name__,
                    )
                ) from exc
            raise OutcomeUnknown(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "{platform} received the request for shop “{shop}” but did not answer "
                        "({why}).",
                    ),
                    platform=self.title,
                    shop=self.shop,
                    why=type(exc).__name__,
                )
            ) from exc
        self.check(response)
        return response

    def check(self, response: httpx.Response) -> None:
        code = response.status_code
        if code < 400:
            return
        said_back = words(response)
        names = {"platform": self.title, "shop": self.shop, "code": code, "said": said_back}
        if code == 429:
            wait = retry_after(response, self.default_wait)
            raise RateLimited(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "{platform} asked Daloy to slow down for {seconds} s (shop “{shop}”).",
                    ),
                    platform=self.title,
                    seconds=f"{wait:g}",
                    shop=self.shop,
                ),
                wait,
            )
        if code in (401, 403):
            raise PlatformRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "{platform} refused the key of shop “{shop}” ({code}): {said} Check the "
                        "access token under Connections.",
                    )
                    if said_back
                    else QT_TRANSLATE_NOOP(
                        "Steps",
                        "{platform} refused the key of shop “{shop}” ({code}). Check the access "
                        "token under Connections.",
                    ),
                    **names,
                ),
                code,
                said_back,
            )
        if code >= 500:
            raise PlatformDown(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "{platform} answered {code} for shop “{shop}”: {said}"
                    )
                    if said_back
                    else QT_TRANSLATE_NOOP(
                        "Steps", "{platform} answered {code} for shop “{shop}”."
                    ),
                    **names,
                ),
                code,
                said_back,
            )
        raise PlatformRejected(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "{platform} refused the request for shop “{shop}” ({code}): {said}"
                )
                if said_back
                else QT_TRANSLATE_NOOP(
                    "Steps", "{platform} refused the request for shop “{shop}” ({code})."
                ),
                **names,
            ),
            code,
            said_back,
        )

    def answer(self, response: httpx.Response, shape: type | None = None) -> Any:
        """``response``'s JSON, read strictly (see ``answer``)."""
        return answer(response, platform=self.title, shop=self.shop, shape=shape)

    def read(self, method: str, path: str, shape: type | None = dict, **kwargs: Any) -> Any:
        """Send, and read the answer's JSON strictly (an object unless ``shape`` says
        otherwise): every JSON a shop answers is read through ``answer``."""
        return self.answer(self.request(method, path, **kwargs), shape)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)
