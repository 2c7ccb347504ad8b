"""Web form and webhook intake on an embedded waitress server.

Waitress: a pure-Python, production-grade WSGI server that runs the same on Windows and Linux
(no fork, no C build), with request size limits and a bounded thread pool — what an office PC
needs. Bound to 127.0.0.1 unless the operator explicitly chooses the LAN.

- ``POST /hook/<workflow>/<trigger>``: JSON, authenticated by ``Authorization: Bearer <token>``
  or ``X-Daloy-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`` (replays outside
  five minutes refused). An ``Idempotency-Key`` header dedupes retries.
- ``GET /form/<workflow>/<trigger>``: an HTML order form generated from the trigger's fields;
  ``POST`` stores it (a hidden submission id dedupes double clicks).
- Host (and Origin, when sent) must be on the allow-list (DNS rebinding). Values are data: they
  are stored as given and never evaluated as templates.
- 2xx only after the commit; 4xx with a reason; nothing half-stored.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import logging
import secrets as pysecrets
import threading
import time
import uuid
from typing import Any
from urllib.parse import parse_qs, unquote

from waitress import wasyncore
from waitress.server import create_server

from app import secrets
from app.core.model import Trigger, Workflow
from app.store import intake as repo
from app.store.runs import RunStore

log = logging.getLogger("daloy.intake.web")
MAX_BODY = 256 * 1024
REPLAY_WINDOW = 300


def secret_name(workflow: str, trigger: str) -> str:
    return f"trigger:{workflow}/{trigger}"


def ensure_token(workflow: str, trigger: str) -> str:
    """The trigger's token (also the HMAC key), created in the keyring on first use."""
    name = secret_name(workflow, trigger)
    if secrets.has_secret(name, "token"):
        return secrets.get_secret(name, "token")
    token = pysecrets.token_urlsafe(32)
    secrets.set_secret(name, "token", token)
    return token


def sign(token: str, body: bytes, at: int | None = None) -> str:
    at = int(time.time()) if at is None else at
    mac = hmac.new(token.encode(), f"{at}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={at},v1={mac}"


class WebIntake:
    def __init__(self, store: RunStore, hooks: list[tuple[Workflow, Trigger]], *,
                 host: str = "127.0.0.1", port: int = 0, paused: threading.Event | None = None,
                 allowed_hosts: list[str] | None = None) -> None:
        self.store = store
        self.hooks = {(wf.name, t.id): (wf, t) for wf, t in hooks}
        self.paused = paused or threading.Event()
        if host not in ("127.0.0.1", "localhost", "::1"):
            log.warning("web intake listens on %s: it is reachable from the network", host)
        self.server = create_server(self.app, host=host, port=port, threads=4,
                                    max_request_body_size=MAX_BODY, channel_timeout=30,
                                    clear_untrusted_proxy_headers=True)
        self.port = self.server.effective_port
        self.allowed = set(allowed_hosts or []) | {f"127.0.0.1:{self.port}",
                                                   f"localhost:{self.port}", "127.0.0.1",
                                                   "localhost"}
        if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
            self.allowed |= {host, f"{host}:{self.port}"}    # the LAN address it listens on
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="web-intake")

    def start(self) -> WebIntake:
        self.thread.start()
        return self

    def stop(self) -> None:
        """Close the sockets from the server's own loop thread (closed from here, they race its
        ``select``: EBADF in that thread), wait for it, then for the request workers."""
        if self.thread.is_alive():
            self.server.trigger.pull_trigger(lambda: wasyncore.close_all(self.server._map))
            self.thread.join(5)
        else:
            self.server.close()
        self.server.task_dispatcher.shutdown()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- WSGI ---------------------------------------------------------------------------------
    def app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        try:
            status, headers, body = self.handle(environ)
        except Exception:  # noqa: BLE001 - never a 5xx without a reason, never a crash
            log.exception("web intake failed")
            status, headers, body = "503 Service Unavailable", {}, _j(
                {"error": "Daloy could not store this right now; please send it again."})
        headers.setdefault("Content-Type", "application/json")
        headers["Content-Length"] = str(len(body))
        start_response(status, list(headers.items()))
        return [body]

    def handle(self, env: dict[str, Any]) -> tuple[str, dict[str, str], bytes]:
        host = env.get("HTTP_HOST", "")
        if host not in self.allowed:
            return _err(421, f"Host “{host}” is not allowed.")
        origin = env.get("HTTP_ORIGIN")
        if origin and origin.split("://", 1)[-1] not in self.allowed:
            return _err(403, "This origin may not post orders here.")
        path = env.get("PATH_INFO", "")
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if len(parts) != 3 or parts[0] not in ("hook", "form"):
            return _err(404, "No such intake address.")
        hook = self.hooks.get((parts[1], parts[2]))
        if hook is None:
            return _err(404, "No such intake address.")
        wf, trig = hook
        method = env.get("REQUEST_METHOD", "GET")
        if parts[0] == "form" and method == "GET":
            return self.form_page(wf, trig)
        if method != "POST":
            return _err(405, "Use POST.")
        if self.paused.is_set():
            return _err(503, "Intake is paused in Daloy; send it again later.",
                        {"Retry-After": "60"})
        try:
            length = int(env.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _err(400, "Bad Content-Length.")
        if length > MAX_BODY:
            return _err(413, f"The body is larger than {MAX_BODY // 1024} KB.")
        body = env["wsgi.input"].read(length) if length else b""
        ctype = (env.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if parts[0] == "hook":
            return self.webhook(wf, trig, env, body, ctype)
        return self.form_post(wf, trig, body, ctype)

    def _token(self, wf: Workflow, trig: Trigger) -> str:
        return ensure_token(wf.name, trig.id)

    def webhook(self, wf: Workflow, trig: Trigger, env: dict[str, Any], body: bytes,
                ctype: str) -> tuple[str, dict[str, str], bytes]:
        token = self._token(wf, trig)
        if trig.config.get("auth", "token") == "hmac":
            sig = env.get("HTTP_X_DALOY_SIGNATURE", "")
            fields = dict(p.split("=", 1) for p in sig.split(",") if "=" in p)
            try:
                at = int(fields.get("t", ""))
            except ValueError:
                return _err(401, "Missing or bad X-Daloy-Signature.")
            if abs(time.time() - at) > REPLAY_WINDOW:
                return _err(401, "The signature is too old or from the future (replay refused).")
            if not hmac.compare_digest(sign(token, body, at), f"t={at},v1={fields.get('v1', '')}"):
                return _err(401, "The signature does not match.")
        else:
            given = env.get("HTTP_AUTHORIZATION", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return _err(401, "Missing or wrong token.")
        if ctype != "application/json":
            return _err(415, "Send JSON (Content-Type: application/json).")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return _err(400, "The body is not valid JSON.")
        if not isinstance(data, dict):
            return _err(400, "The body must be a JSON object.")
        idem = env.get("HTTP_IDEMPOTENCY_KEY") or hashlib.sha256(body).hexdigest()
        if len(idem) > 200:
            return _err(400, "Idempotency-Key is too long.")
        result = repo.ingest(self.store, channel=f"{wf.name}/{trig.id}", workflow=wf.name,
                             dedupe_key=f"hook:{wf.name}/{trig.id}:{idem}", trigger=data,
                             summary=f"Webhook post to {trig.id}", raw=body)
        if result.duplicate:
            return "200 OK", {}, _j({"status": "duplicate", "detail": "Already received."})
        repo.record_ok(self.store.db, f"{wf.name}/{trig.id}", "webhook")
        return "201 Created", {}, _j({"status": "stored", "run_id": result.run_id})

    def form_fields(self, trig: Trigger) -> list[str]:
        return [str(f) for f in trig.config.get("fields") or ["number", "customer", "email", "sku", "qty"]]

    def form_page(self, wf: Workflow, trig: Trigger) -> tuple[str, dict[str, str], bytes]:
        rows = "".join(f'<label>{html.escape(f.replace("_", " ").capitalize())}'
                       f'<input name="{html.escape(f)}" required></label>'
                       for f in self.form_fields(trig))
        page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(wf.name)}"
                "</title><style>body{font-family:sans-serif;max-width:32em;margin:2em auto}"
                "label{display:block;margin:.6em 0}input{display:block;width:100%;padding:.4em}"
                "button{margin-top:1em;padding:.6em 1.4em}</style></head><body>"
                f"<h1>New order</h1><form method='post'>{rows}"
                f"<input type='hidden' name='submission_id' value='{uuid.uuid4().hex}'>"
                "<button type='submit'>Send order</button></form></body></html>")
        return "200 OK", {"Content-Type": "text/html; charset=utf-8"}, page.encode()

    def form_post(self, wf: Workflow, trig: Trigger, body: bytes,
                  ctype: str) -> tuple[str, dict[str, str], bytes]:
        if ctype != "application/x-www-form-urlencoded":
            return _err(415, "Send the form as application/x-www-form-urlencoded.")
        try:
            values = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                              max_num_fields=100)
        except (UnicodeDecodeError, ValueError):
            return _err(400, "The form could not be read.")
        order = {f: values.get(f, [""])[0] for f in self.form_fields(trig)}
        missing = [f for f, v in order.items() if not v.strip()]
        if missing:
            return _err(400, f"Please fill in: {', '.join(missing)}.")
        sid = values.get("submission_id", [""])[0] or hashlib.sha256(body).hexdigest()
        result = repo.ingest(self.store, channel=f"{wf.name}/{trig.id}", workflow=wf.name,
                             dedupe_key=f"form:{wf.name}/{trig.id}:{sid[:100]}",
                             trigger={"order": order, "source": "form"},
                             summary=f"Order form {order.get('number', '')}", raw=body)
        page = ("<!doctype html><meta charset='utf-8'><p>Thank you — the order was received"
                + (" (it had already been sent)." if result.duplicate else ".") + "</p>")
        return ("200 OK" if result.duplicate else "201 Created",
                {"Content-Type": "text/html; charset=utf-8"}, page.encode())


def _j(data: Any) -> bytes:
    return json.dumps(data).encode()


def _err(code: int, message: str, headers: dict[str, str] | None = None
         ) -> tuple[str, dict[str, str], bytes]:
    reasons = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
               405: "Method Not Allowed", 413: "Payload Too Large", 415: "Unsupported Media Type",
               421: "Misdirected Request", 503: "Service Unavailable"}
    return f"{code} {reasons.get(code, 'Error')}", dict(headers or {}), _j({"error": message})
