"""What the fake shop platforms share: a plan of throttled answers (429 with Retry-After), the
time each request came, and webhooks signed the way Shopify and WooCommerce sign them (base64
HMAC-SHA256 of the raw body)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx

from tests.support.http_servers import LocalService


def b64_hmac(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def post_webhook(url: str, body: dict[str, Any], headers: dict[str, str]) -> httpx.Response:
    return httpx.post(
        url,
        content=json.dumps(body).encode(),
        timeout=10,
        headers={"Content-Type": "application/json", **headers},
    )


class FakePlatform(LocalService):
    """Subclasses route in ``route(h, req)``; a planned 429 is answered first."""

    def __init__(self) -> None:
        super().__init__()
        self._throttle: list[float] = []

    def throttle_next(self, n: int = 1, retry_after: float = 1.0) -> None:
        with self.lock:
            self._throttle.extend([retry_after] * n)

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        if not self.authorised(req):
            return self.reply(h, 401, self.refusal())
        with self.lock:
            wait = self._throttle.pop(0) if self._throttle else None
        if wait is not None:
            req["throttled"] = True
            return self.reply(
                h,
                429,
                {
                    "errors": "Exceeded 2 calls per second for api client. "
                    "Reduce request rates to resume uninterrupted "
                    "service."
                },
                {"Retry-After": f"{wait:.1f}"},
            )
        self.route(h, req)

    def authorised(self, req: dict[str, Any]) -> bool:
        raise NotImplementedError

    def refusal(self) -> dict[str, Any]:
        return {"errors": "Invalid API key or access token"}

    def route(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        raise NotImplementedError

    def calls(self, method: str, fragment: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.requests if r["method"] == method and fragment in r["path"]]
