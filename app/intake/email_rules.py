"""Turning an email into an order, by the trigger's rules: fields from the subject (a regular
expression with named groups), "Key: value" lines in the body, order lines from an attached CSV
or xlsx. The whole message stays available to the workflow as ``trigger.email``."""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import io
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any

KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 _-]{0,40})\s*:\s*(.+?)\s*$")


class Unreadable(Exception):
    """The message cannot become an order; the text says why, for the operator."""


def parse(raw: bytes) -> EmailMessage:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # noqa: BLE001 - any parser failure is "unreadable"
        raise Unreadable(f"The message could not be parsed as an email ({exc}).") from exc
    return msg  # type: ignore[return-value]


def _text(msg: EmailMessage) -> str:
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = part.get_content()
        return content if isinstance(content, str) else content.decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - broken MIME: fall back to the raw payload
        payload = msg.get_payload(decode=True)
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.strip().lower()).strip("_")


def _lines_from(filename: str, data: bytes) -> list[dict[str, Any]]:
    name = filename.lower()
    if name.endswith(".csv"):
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig", "replace"))))
    elif name.endswith(".xlsx"):
        import openpyxl
        ws = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        values = list(ws.iter_rows(values_only=True))
        header = [str(h or "") for h in values[0]] if values else []
        rows = [dict(zip(header, r, strict=False)) for r in values[1:] if any(c is not None for c in r)]
    else:
        return []
    out = []
    for r in rows:
        line = {_slug(k): (v.strip() if isinstance(v, str) else v) for k, v in r.items() if k}
        for num in ("qty", "quantity", "price"):
            if isinstance(line.get(num), str):
                try:
                    f = float(line[num])
                    line[num] = int(f) if f.is_integer() else f
                except ValueError:
                    pass
        out.append(line)
    return out


def to_order(msg: EmailMessage, rules: dict[str, Any], attachment_dir: Path | None) -> dict[str, Any]:
    subject = str(msg.get("Subject", "") or "")
    text = _text(msg)
    order: dict[str, Any] = {}
    pattern = rules.get("subject_regex")
    if pattern:
        m = re.search(pattern, subject)
        if not m:
            raise Unreadable(f"The subject “{subject}” does not look like an order (expected "
                             f"it to match {pattern}).")
        order.update({k: v for k, v in m.groupdict().items() if v is not None})
    if rules.get("body_fields", True):
        for line in text.splitlines():
            kv = KEY_VALUE.match(line)
            if kv and _slug(kv.group(1)) not in order:
                order[_slug(kv.group(1))] = kv.group(2)
    attachments = []
    for part in msg.iter_attachments():
        filename = part.get_filename() or "attachment.bin"
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:  # noqa: BLE001
            data = b""
        entry: dict[str, Any] = {"filename": filename, "size": len(data),
                                 "content_type": part.get_content_type()}
        if attachment_dir is not None:
            attachment_dir.mkdir(parents=True, exist_ok=True)
            safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename).name)[:120] or "attachment"
            path = attachment_dir / safe
            if path.exists():        # two attachments with one name: keep both
                path = attachment_dir / f"{len(attachments) + 1}-{safe}"
            path.write_bytes(data)
            entry["path"] = str(path)
        attachments.append(entry)
        if rules.get("attachment_lines", True) and "lines" not in order:
            try:
                lines = _lines_from(filename, data)
            except Exception as exc:  # noqa: BLE001
                raise Unreadable(f"The attached order lines in {filename} could not be read "
                                 f"({exc}).") from exc
            if lines:
                order["lines"] = lines
    missing = [f for f in rules.get("required", []) if f not in order]
    if missing:
        raise Unreadable(f"The email has no {', '.join(missing)} (subject “{subject}”).")
    return {"order": order,
            "email": {"from": str(msg.get("From", "")), "to": str(msg.get("To", "")),
                      "subject": subject, "date": str(msg.get("Date", "")),
                      "message_id": str(msg.get("Message-ID", "")), "text": text[:200_000],
                      "headers": _headers(msg),
                      "attachments": attachments}}


def _headers(msg: EmailMessage) -> dict[str, str]:
    """Every header, repeated ones (Received) joined by newlines; a broken one kept as text."""
    out: dict[str, str] = {}
    for name in msg.keys():
        if name in out:
            continue
        values = []
        for value in msg.get_all(name) or []:
            try:
                values.append(str(value))
            except Exception:  # noqa: BLE001 - a header the parser cannot decode
                values.append(repr(value))
        out[name] = "\n".join(values)
    return out


def message_key(msg: EmailMessage | None, raw: bytes) -> str:
    mid = str(msg.get("Message-ID", "") or "").strip() if msg is not None else ""
    return mid or "sha256:" + hashlib.sha256(raw).hexdigest()
