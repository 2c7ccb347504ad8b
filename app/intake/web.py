"""Web form and webhook intake on an embedded waitress server.

Waitress: a pure-Python, production-grade WSGI server that runs the same on Windows and Linux
(no fork, no C build), with request size limits and a bounded thread pool — what an office PC
needs. Bound to 127.0.0.1 unless the operator explicitly chooses the LAN.

- ``POST /hook/<workflow>/<trigger>``: JSON, authenticated by ``Authorization: Bearer <token>``
  or ``X-Daloy-Signature: t=<unix time>,v2=<hex HMAC-SHA256 of "<t>.<Idempotency-Key>.<body>">``
  (the key is empty when no header is sent). The signature covers the key, so a captured
  request cannot be replayed under a new key; a signature is accepted once and only within five
  minutes. An ``Idempotency-Key`` header dedupes retries. A signed or token-bearing body that
  cannot be read is kept raw as an intake error and answered 400 in words.
- ``GET /form/<workflow>/<trigger>``: the public order form, only where the trigger enables it
  (``web_form``); 404 otherwise.
- Host (and Origin, when sent) must be on the allow-list (DNS rebinding). Values are data: they
  are stored as given and never evaluated as templates. Every answer forbids framing/sniffing.
- 2xx only after the commit; 4xx with a reason; nothing half-stored.
- Slow clients: enough threads and connection slots, polling instead of ``select`` (no 1024-fd
  ceiling), and a deadline to send a whole request (``web_server.DeadlineServer``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from app import secrets
from app.core import json_text
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.model import Trigger, Workflow
from app.intake.channels import ChannelKind
from app.intake.web_form import FORM_MAX_BODY, OrderForm, form_enabled, settings
from app.intake.web_guard import (
    SECURITY_HEADERS,
    Answer,
    SeenOnce,
    ensure_secret,
    error,
)
from app.store import intake as repo
from app.store.runs import RunStore
from app.store.workspace import note_keyring

log = logging.getLogger("daloy.intake.web")
MAX_BODY = 256 * 1024
MAX_DEPTH = 32  # JSON nesting an order may have; deeper is refused before it recurses
REPLAY_WINDOW = 300
REQUEST_DEADLINE = 30  # seconds to send one whole request, however slowly
_SIG_T = re.compile(r"\d{1,12}", re.ASCII)
_SIG_MAC = re.compile(r"[0-9a-f]{64}", re.ASCII)
_KEY = re.compile(r"[\x21-\x7e]{1,200}", re.ASCII)  # visible ASCII: signed byte for byte


def secret_name(workflow: str, trigger: str) -> str:
    return secrets.trigger_secret_name(workflow, trigger)


def ensure_token(workflow: str, trigger: str) -> str:
    """The trigger's token (also the HMAC key), created in the keyring on first use."""
    return ensure_secret(secret_name(workflow, trigger), "token")


def sign(token: str, body: bytes, at: int | None = None, idempotency_key: str = "") -> str:
    """``X-Daloy-Signature`` for ``body`` sent with ``Idempotency-Key: idempotency_key``."""
    at = int(time.time()) if at is None else at
    signed = f"{at}.{idempotency_key}.".encode() + body
    mac = hmac.new(token.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={at},v2={mac}"


class WebIntake:
    def __init__(
        self,
        store: RunStore,
        hooks: list[tuple[Workflow, Trigger]],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        paused: threading.Event | None = None,
        allowed_hosts: list[str] | None = None,
        request_deadline: float = REQUEST_DEADLINE,
        shops: dict[Any, Any] | None = None,
        data_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.hooks = {(wf.name, t.id): (wf, t) for wf, t in hooks}
        # Shop platforms' webhooks (``PlatformChannel.receive``), by (workflow, trigger id).
        self.shops = dict(shops or {})
        self.paused = paused or threading.Event()
        self.form = OrderForm(store, data_dir=data_dir)  # its stock sheet may be relative
        self.seen = SeenOnce()
        if host not in ("127.0.0.1", "localhost", "::1"):
            log.warning("web intake listens on %s: it is reachable from the network", host)
        # Reading requests happens on the loop thread, so slow senders cost a connection slot
        # each, not a worker: many slots (poll has no 1024-descriptor ceiling), a deadline for
        # a whole request, and workers enough for the SQLite writer queue.
        from app.intake.web_server import DeadlineServer  # waitress: only with a web address

        self.server = DeadlineServer(
            self.app,
            request_deadline=request_deadline,
            host=host,
            port=port,
            threads=8,
            connection_limit=500,
            asyncore_use_poll=True,
            channel_timeout=15,
            cleanup_interval=max(1, min(10, int(request_deadline / 4))),
            max_request_header_size=32 * 1024,
            max_request_body_size=MAX_BODY,
            inbuf_overflow=MAX_BODY,
            clear_untrusted_proxy_headers=True,
        )
        self.port = self.server.effective_port
        self.allowed = set(allowed_hosts or []) | {
            f"127.0.0.1:{self.port}",
            f"localhost:{self.port}",
            "127.0.0.1",
            "localhost",
        }
        if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
            self.allowed |= {host, f"{host}:{self.port}"}  # the LAN address it listens on
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="web-intake")
        self._stop_lock = threading.Lock()
        self._stopped = False

    def start(self) -> WebIntake:
        self.thread.start()
        return self

    def stop(self) -> None:
        """Close the sockets from the server's own loop thread (closed from here, they race its
        ``select``: EBADF in that thread), wait for it, then for the request workers. Once
        only: a second stop (a test's and its fixture's, the app's and its runtime's) would pull
        a trigger the first one closed."""
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
        if self.thread.is_alive():
            from app.intake.web_server import wasyncore

            # (types-waitress types the trigger as int and leaves out _map, the socket map)
            close = partial(wasyncore.close_all, self.server._map, True)  # type: ignore[attr-defined]
            try:
                self.server.trigger.pull_trigger(close)  # type: ignore[attr-defined]
            except OSError:
                # The wake-up pipe is already closed (seen ~1 run in 10 under load): the loop
                # cannot be woken, so close from here; ignore_all, since it may race the loop.
                close()
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
            status, headers, body = error(
                503, "Daloy could not store this right now; please send it again."
            )
        headers.setdefault("Content-Type", "application/json")
        headers.update(SECURITY_HEADERS)
        headers["Content-Length"] = str(len(body))
        start_response(status, list(headers.items()))
        return [body]

    def handle(self, env: dict[str, Any]) -> Answer:
        host = env.get("HTTP_HOST", "")
        if host not in self.allowed:
            return error(421, f"Host “{host}” is not allowed.")
        origin = env.get("HTTP_ORIGIN")
        if origin and origin.split("://", 1)[-1] not in self.allowed:
            return error(403, "This origin may not post orders here.")
        path = env.get("PATH_INFO", "")
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if len(parts) == 3 and parts[0] == "platform":
            return self._shop_push(env, (parts[1], parts[2]))
        if len(parts) != 3 or parts[0] not in ("hook", "form"):
            return error(404, "No such intake address.")
        hook = self.hooks.get((parts[1], parts[2]))
        if hook is None or (parts[0] == "form" and not form_enabled(hook[1])):
            return error(404, "No such intake address.")
        wf, trig = hook
        method = env.get("REQUEST_METHOD", "GET")
        if parts[0] == "form" and method == "GET":
            return self.form.page(wf, trig, env)
        if method != "POST":
            return error(405, "Use POST.")
        if self.paused.is_set():
            return error(
                503, "Intake is paused in Daloy; send it again later.", {"Retry-After": "60"}
            )
        if parts[0] == "form" and (limited := self.form.admit(wf, trig, env)):
            return limited
        try:
            length = int(env.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error(400, "Bad Content-Length.")
        limit = MAX_BODY if parts[0] == "hook" else FORM_MAX_BODY
        if length > limit:
            return error(413, f"The body is larger than {limit // 1024} KB.")
        body = env["wsgi.input"].read(length) if length > 0 else b""
        ctype = (env.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if parts[0] == "hook":
            return self.webhook(wf, trig, env, body, ctype)
        return self.form.post(wf, trig, body, ctype, env)

    def _shop_push(self, env: dict[str, Any], key: tuple[str, str]) -> Answer:
        """A shop platform's webhook: checked and stored by its channel (its own signature)."""
        shop = self.shops.get(key)
        if shop is None:
            return error(404, "No such intake address.")
        if env.get("REQUEST_METHOD") != "POST":
            return error(405, "Use POST.")
        if self.paused.is_set():
            return error(
                503, "Intake is paused in Daloy; send it again later.", {"Retry-After": "60"}
            )
        try:
            length = int(env.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error(400, "Bad Content-Length.")
        if length > MAX_BODY:
            return error(413, f"The body is larger than {MAX_BODY // 1024} KB.")
        body = env["wsgi.input"].read(length) if length > 0 else b""
        headers = {
            k[5:].replace("_", "-").lower(): v for k, v in env.items() if k.startswith("HTTP_")
        }
        return shop.receive(headers, body)

    def _token(self, wf: Workflow, trig: Trigger) -> str:
        return ensure_token(wf.name, trig.id)

    def webhook(
        self, wf: Workflow, trig: Trigger, env: dict[str, Any], body: bytes, ctype: str
    ) -> Answer:
        try:
            token = self._token(wf, trig)
        except DaloyError as exc:  # a refused or locked keyring: said, not a traceback
            return self._no_token(wf, trig, exc)
        idem = env.get("HTTP_IDEMPOTENCY_KEY")
        if idem is not None and not _KEY.fullmatch(idem):
            return error(400, "Idempotency-Key must be 1 to 200 visible ASCII characters.")
        signature = ""
        if settings(trig)["auth"] == "hmac":
            signature, refusal = self._check_signature(token, env, body, idem or "")
            if refusal is not None:
                return refusal
        else:
            given = env.get("HTTP_AUTHORIZATION", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return error(401, "Missing or wrong token.")
        if ctype != "application/json":
            return error(415, "Send JSON (Content-Type: application/json).")
        # A captured request must not work twice, not even as a "duplicate": the first use
        # claims the signature until it has expired on its own.
        if signature and not self.seen.claim(signature, time.time() + 2 * REPLAY_WINDOW):
            return error(
                409,
                "This signed request was already received; nothing new was "
                "stored. Sign each request anew (a new t and Idempotency-Key).",
            )
        try:
            return self._store(wf, trig, body, idem)
        except Exception:
            self.seen.release(signature)  # nothing stored: the sender may send it again
            raise

    def _no_token(self, wf: Workflow, trig: Trigger, exc: DaloyError) -> Answer:
        """The address's token cannot be read: the sender gets a 503 in words to send again
        later; the operator sees it in intake health and the inbox (one entry)."""
        channel = f"{wf.name}/{trig.id}"
        log.warning("web address %s: its token cannot be read: %s", channel, exc)
        try:
            repo.record_error(
                self.store.db,
                channel,
                "webhook",
                said(
                    QT_TRANSLATE_NOOP(
                        "Intake", "Orders sent to this web address are refused: {why}"
                    ),
                    why=str(exc),
                ),
            )
            note_keyring(self.store.db, str(exc))
        except Exception:  # noqa: BLE001 - the answer below still goes out
            log.exception("could not note the unreadable token of %s", channel)
        return error(
            503,
            "Daloy cannot read this address's token on its computer right now, so "
            "nothing was stored. Please send it again later; the shop has been "
            "told.",
            {"Retry-After": "300"},
        )

    def _check_signature(
        self, token: str, env: dict[str, Any], body: bytes, idem: str
    ) -> tuple[str, Answer | None]:
        """(the signature's MAC, None) when it is ours and fresh, else ("", a 401 in words)."""
        parts = [p.strip().split("=", 1) for p in env.get("HTTP_X_DALOY_SIGNATURE", "").split(",")]
        fields = {p[0]: p[1] for p in parts if len(p) == 2}
        at, mac = fields.get("t", ""), fields.get("v2", "").lower()
        if "v1" in fields and "v2" not in fields:
            return "", error(
                401,
                "v1 signatures (which do not cover the Idempotency-Key) are "
                "no longer accepted: sign “<t>.<Idempotency-Key>.<body>” "
                "and send “t=<t>,v2=<hex>”.",
            )
        if not _SIG_T.fullmatch(at) or not _SIG_MAC.fullmatch(mac):
            return "", error(
                401,
                "X-Daloy-Signature is missing or malformed: send "
                "“t=<unix time>,v2=<64 hex digits>”.",
            )
        if abs(time.time() - int(at)) > REPLAY_WINDOW:
            return "", error(
                401,
                "The signature is too old or from the future (replay "
                "refused); sign the request again with the current time.",
            )
        expected = sign(token, body, int(at), idem).rsplit("v2=", 1)[1]
        if not hmac.compare_digest(expected, mac):
            return "", error(
                401,
                "The signature does not match: sign “<t>.<Idempotency-Key "
                "or nothing>.<body>” with HMAC-SHA256 and this trigger's "
                "token.",
            )
        return mac, None

    def _store(self, wf: Workflow, trig: Trigger, body: bytes, idem: str | None) -> Answer:
        channel = f"{wf.name}/{trig.id}"
        data, problem = _read_order(body)
        if data is None:
            # The sender proved who it is: keep what it sent for the operator, raw.
            repo.keep_malformed(
                self.store,
                channel=channel,
                workflow=wf.name,
                dedupe_key=f"hook-unreadable:{channel}:{hashlib.sha256(body).hexdigest()}",
                reason=said(
                    QT_TRANSLATE_NOOP(
                        "Intake",
                        "A post to {channel} could not be read: {problem}. The sender was "
                        "answered 400; ask them to fix it, or enter the order by hand.",
                    ),
                    channel=channel,
                    problem=problem,
                ),
                summary=said(
                    QT_TRANSLATE_NOOP("Intake", "Unreadable webhook post to {trigger}"),
                    trigger=trig.id,
                ),
                raw=body,
            )
            return error(
                400,
                f"{problem[0].upper()}{problem[1:]}. Daloy kept the post as an "
                "unreadable order; fix it and send it again.",
            )
        key = idem or hashlib.sha256(body).hexdigest()
        result = repo.ingest(
            self.store,
            channel=channel,
            workflow=wf.name,
            dedupe_key=f"hook:{channel}:{key}",
            trigger=data,
            summary=f"Webhook post to {trig.id}",
            raw=body,
        )
        if result.duplicate:
            return "200 OK", {}, _j({"status": "duplicate", "detail": "Already received."})
        repo.record_ok(self.store.db, channel, "webhook")
        return "201 Created", {}, _j({"status": "stored", "run_id": result.run_id})


def _read_order(body: bytes) -> tuple[dict[str, Any] | None, str]:
    """(the order, "") or (None, what is wrong with it, in words: a ``said`` phrase, shown to
    the operator in their language; the sender's answer is the English)."""
    deep = said(
        QT_TRANSLATE_NOOP("Intake", "the JSON is nested deeper than {levels} levels"),
        levels=MAX_DEPTH,
    )
    try:
        data = json_text.loads(body)
    except RecursionError:
        return None, deep
    except json_text.TooBig:
        return None, said(
            QT_TRANSLATE_NOOP("Intake", "a number in the body is too big to be a number")
        )
    except (ValueError, UnicodeDecodeError):
        return None, said(QT_TRANSLATE_NOOP("Intake", "the body is not valid JSON"))
    if not isinstance(data, dict):
        return None, said(QT_TRANSLATE_NOOP("Intake", "the body must be a JSON object"))
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:  # without recursion: the parser allowed far more depth than we will
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return None, deep
        children = value.values() if isinstance(value, dict) else value
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return data, ""


def _j(data: Any) -> bytes:
    return json.dumps(data).encode()


# Webhook triggers poll nothing: the web intake (started by the manager) serves their posts.
CHANNEL = ChannelKind("webhook", web=True)
