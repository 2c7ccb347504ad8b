"""Real local HTTP servers playing the outside world: a payment gateway that fails on demand, a
marketplace that pages and throttles, a webhook sink (chat / warehouse notifications).

Each runs a ``ThreadingHTTPServer`` on 127.0.0.1 with a free port in a background thread.
"""

from __future__ import annotations

import io
import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class LocalService:
    """Base: start/stop a threaded HTTP server whose handler calls ``self.handle``."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self._answers: list[tuple[str, str, bytes, str, bool]] = []  # see answer_next
        self._stop = threading.Event()
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                req = {
                    "method": self.command,
                    "path": self.path,
                    "headers": dict(self.headers),
                    "body": body,
                    "at": time.time(),
                }
                with service.lock:
                    service.requests.append(req)
                    planned = service._planned_answer(req)
                if planned is None:
                    return service.handle(self, req)
                body, kind, acted = planned
                if acted:  # the request does its work; only its answer is replaced
                    real, self.wfile = self.wfile, io.BytesIO()
                    try:
                        service.handle(self, req)
                    finally:
                        self.wfile = real
                        self.close_connection = False
                service.reply(self, 200, body, {"Content-Type": kind})

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, daemon=True, name=type(self).__name__
        )

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LocalService:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        raise NotImplementedError

    def answer_next(
        self,
        method: str,
        fragment: str,
        body: bytes,
        n: int = 1,
        content_type: str = "application/json",
        acted: bool = False,
    ) -> None:
        """The next ``n`` requests ``method`` whose path holds ``fragment`` are answered 200
        with ``body`` as it is (NaN, a cut-off text, an HTML page), before any other rule.
        ``acted``: the request is served all the same (a shipment is made) and only its answer
        is replaced, as a platform that acted and then answered garbage."""
        with self.lock:
            self._answers.extend([(method, fragment, body, content_type, acted)] * n)

    def _planned_answer(self, req: dict[str, Any]) -> tuple[bytes, str, bool] | None:
        for i, (method, fragment, body, kind, acted) in enumerate(self._answers):
            if req["method"] == method and fragment in req["path"]:
                del self._answers[i]
                return body, kind, acted
        return None

    # helpers
    @staticmethod
    def reply(
        h: BaseHTTPRequestHandler,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = (
            b""
            if body is None
            else (body if isinstance(body, bytes) else json.dumps(body).encode())
        )
        headers = {"Content-Type": "application/json", **(headers or {})}
        h.send_response(status)
        h.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)

    @staticmethod
    def drop(h: BaseHTTPRequestHandler) -> None:
        """Close the connection without answering."""
        h.close_connection = True
        try:
            h.connection.shutdown(2)
        except OSError:
            pass

    def hang(self, seconds: float) -> None:
        self._stop.wait(seconds)


class PaymentGateway(LocalService):
    """POST /charges (Idempotency-Key honoured: a repeat returns the first charge, never charges
    again); GET /charges?idempotency_key=K for reconciliation (200 or 404).

    Like a busy real gateway it can book late (``book_late``): a charge is booked, and visible to
    the look-up, some time after its POST arrived, and only then answered; a client that gave up
    or died meanwhile is charged all the same. ``honour_keys = False`` plays a gateway that
    ignores Idempotency-Key: every POST books a new charge (``charge_count`` still counts them by
    key, so a test sees a double charge).

    Failure modes for the next N charge requests (``fail_next``) or at random (``chaos``):
    ``refuse`` (close without answer), ``500``, ``503``, ``400``, ``hang`` (answer after
    ``hang_seconds``), ``charge_then_hang`` (charge, then don't answer in time).
    """

    MODES = ("refuse", "500", "503", "400", "hang", "charge_then_hang")

    def __init__(self, hang_seconds: float = 5.0) -> None:
        super().__init__()
        self.charges: dict[str, dict[str, Any]] = {}
        self.charge_calls: dict[str, int] = {}
        self._booked = 0
        self._plan: list[str] = []
        self._down = False
        self._chaos: tuple[random.Random, float, tuple[str, ...]] | None = None
        self.hang_seconds = hang_seconds
        self.honour_keys = True
        self._booking: tuple[random.Random, float, float] | None = None
        self.booking = 0  # POSTs that arrived and are not booked yet

    def book_late(self, low: float, high: float, seed: int = 1) -> None:
        """Book each charge ``low``..``high`` seconds (random per request, seeded) after its POST
        arrived, then answer it."""
        self._booking = (random.Random(seed), low, high)

    def fail_next(self, n: int, mode: str) -> None:
        assert mode in self.MODES, mode
        with self.lock:
            self._plan.extend([mode] * n)

    def down(self) -> None:
        self._down = True

    def up(self) -> None:
        self._down = False

    def chaos(
        self, probability: float, modes: tuple[str, ...] = MODES[:2] + ("503",), seed: int = 1
    ) -> None:
        self._chaos = (random.Random(seed), probability, modes)

    def charge_count(self, key: str) -> int:
        """How many real charges were made under ``key`` (must stay 0 or 1)."""
        with self.lock:
            return self.charge_calls.get(key, 0)

    def _next_failure(self) -> str | None:
        with self.lock:
            if self._down:
                return "503"
            if self._plan:
                return self._plan.pop(0)
            if self._chaos:
                rng, p, modes = self._chaos
                if rng.random() < p:
                    return rng.choice(modes)
        return None

    def _booking_delay(self) -> float:
        with self.lock:
            if self._booking is None:
                return 0.0
            rng, low, high = self._booking
            return rng.uniform(low, high)

    def _charge(self, key: str, payload: Any) -> tuple[dict[str, Any], bool]:
        with self.lock:
            if key in self.charges and self.honour_keys:
                return self.charges[key], False
            self._booked += 1
            charge = {
                "id": f"ch_{self._booked}",
                "status": "succeeded",
                "idempotency_key": key,
                "amount": (payload or {}).get("amount"),
                "currency": (payload or {}).get("currency", "PHP"),
            }
            self.charges.setdefault(key, charge)  # the look-up finds the first
            self.charge_calls[key] = self.charge_calls.get(key, 0) + 1
            return charge, True

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        url = urlparse(req["path"])
        if req["method"] == "GET" and url.path.startswith("/charges"):
            key = parse_qs(url.query).get("idempotency_key", [""])[0]
            if url.path.startswith("/charges/by-key/"):
                key = url.path.rsplit("/", 1)[-1]
            with self.lock:
                charge = self.charges.get(key)
            return (
                self.reply(h, 200, charge)
                if charge
                else self.reply(h, 404, {"error": "no such charge"})
            )
        if req["method"] != "POST" or url.path != "/charges":
            return self.reply(h, 404, {"error": "not found"})
        failure = self._next_failure()
        if failure == "refuse":
            return self.drop(h)
        if failure in ("500", "503"):
            return self.reply(h, int(failure), {"error": "gateway unavailable"})
        if failure == "400":
            return self.reply(h, 400, {"error": "card declined"})
        if failure == "hang":
            self.hang(self.hang_seconds)
            return self.drop(h)
        key = req["headers"].get("Idempotency-Key") or req["headers"].get("idempotency-key")
        if not key:
            return self.reply(h, 400, {"error": "Idempotency-Key header required"})
        try:
            payload = json.loads(req["body"] or b"{}")
        except ValueError:
            return self.reply(h, 400, {"error": "body is not JSON"})
        delay = self._booking_delay()
        if delay:
            with self.lock:
                self.booking += 1
            self.hang(delay)
            with self.lock:
                self.booking -= 1
        charge, _new = self._charge(key, payload)
        if failure == "charge_then_hang":
            self.hang(self.hang_seconds)
            return self.drop(h)
        try:
            self.reply(h, 201 if _new else 200, charge)
        except OSError:
            pass  # the client gave up (or died) waiting: it is charged all the same


class WebhookSink(LocalService):
    """Accepts JSON POSTs on any path (chat webhook, warehouse); ``fail_next(n, status)``."""

    def __init__(self) -> None:
        super().__init__()
        self.received: list[dict[str, Any]] = []
        self._fail: list[int] = []

    def fail_next(self, n: int, status: int = 503) -> None:
        with self.lock:
            self._fail.extend([status] * n)

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        with self.lock:
            status = self._fail.pop(0) if self._fail else None
        if status:
            return self.reply(h, status, {"error": "try later"})
        try:
            body = json.loads(req["body"] or b"null")
        except ValueError:
            return self.reply(h, 400, {"error": "not JSON"})
        with self.lock:
            self.received.append({"path": req["path"], "json": body, "headers": req["headers"]})
        self.reply(h, 200, {"ok": True})

    def wait_for(self, n: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.received) >= n:
                    return list(self.received)
            time.sleep(0.02)
        raise TimeoutError(f"{len(self.received)} of {n} webhook calls arrived")


class Marketplace(LocalService):
    """GET /orders?updated_since=ISO&page_token=T&limit=N with Bearer auth; pages; 429 with
    Retry-After (``throttle_next``); 5xx (``fail_next``); malformed JSON (``garble_next``)."""

    def __init__(self, token: str = "market-token", page_size: int = 50) -> None:
        super().__init__()
        self.token = token
        self.page_size = page_size
        self.orders: list[dict[str, Any]] = []
        self._plan: list[tuple[str, Any]] = []

    def add_orders(self, orders: list[dict[str, Any]]) -> None:
        with self.lock:
            self.orders.extend(orders)

    def throttle_next(self, n: int, retry_after: float = 1) -> None:
        with self.lock:
            self._plan.extend([("429", retry_after)] * n)

    def fail_next(self, n: int, status: int = 500) -> None:
        with self.lock:
            self._plan.extend([("fail", status)] * n)

    def garble_next(self, n: int = 1, body: bytes = b"{not json") -> None:
        """The next ``n`` pages answer ``body``: not JSON, or what only Python reads as JSON."""
        with self.lock:
            self._plan.extend([("garble", body)] * n)

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        url = urlparse(req["path"])
        if url.path != "/orders":
            return self.reply(h, 404, {"error": "not found"})
        if req["headers"].get("Authorization") != f"Bearer {self.token}":
            return self.reply(h, 401, {"error": "bad token"})
        with self.lock:
            action = self._plan.pop(0) if self._plan else None
        if action and action[0] == "429":
            return self.reply(h, 429, {"error": "slow down"}, {"Retry-After": str(action[1])})
        if action and action[0] == "fail":
            return self.reply(h, action[1], {"error": "server error"})
        if action and action[0] == "garble":
            return self.reply(h, 200, action[1])
        q = parse_qs(url.query)
        since = q.get("updated_since", [""])[0]
        start = int(q.get("page_token", ["0"])[0] or 0)
        limit = int(q.get("limit", [str(self.page_size)])[0])
        with self.lock:
            matching = [o for o in self.orders if not since or o.get("updated_at", "") > since]
        page = matching[start : start + limit]
        nxt = str(start + limit) if start + limit < len(matching) else None
        self.reply(h, 200, {"data": {"orders": page}, "next_page_token": nxt})
