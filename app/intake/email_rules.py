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
from email.headerregistry import HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, Said, said

KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 _-]{0,40})\s*:\s*(.+?)\s*$")


class Unreadable(Exception):
    """The message cannot become an order: ``str(exc)`` says why, for the operator (a ``said``
    sentence, kept as such, so the inbox says it in the reader's language); ``detail`` the
    technical side (a parser's own words), for the log only."""

    def __init__(self, sentence: str, detail: str = "") -> None:
        super().__init__(sentence)
        self.detail = detail

    def __str__(self) -> str:
        message = self.args[0] if self.args else ""
        return message if isinstance(message, Said) else super().__str__()


# A header the strict parser gives up on is kept as plain (unstructured) text.
_PLAIN_HEADERS = HeaderRegistry(default_class=UnstructuredHeader, use_default_map=False)
WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(10)),
    *(f"LPT{n}" for n in range(10)),
}


class _Forgiving(email.policy.EmailPolicy):
    """The standard policy, except that a header it cannot parse comes back as its text. The
    stdlib parses headers lazily, on first read, and ``From: jo@`` or ``Message-ID: <abc@``
    raise IndexError there, far from any handler: one such header must not make the message,
    or the folder behind it, unreadable."""

    def header_fetch_parse(self, name: str, value: Any) -> Any:
        try:
            return super().header_fetch_parse(name, value)
        except Exception:  # noqa: BLE001 - whatever the parser trips on, keep the words
            try:
                return _PLAIN_HEADERS(name, re.sub(r"[\r\n]", "", str(value)))
            except Exception:  # noqa: BLE001
                return clean(str(value))


POLICY = _Forgiving()


def parse(raw: bytes) -> EmailMessage:
    try:
        msg = email.message_from_bytes(raw, policy=POLICY)
    except Exception as exc:  # noqa: BLE001 - any parser failure is "unreadable"
        raise Unreadable(not_an_email(), f"{type(exc).__name__}: {exc}") from exc
    return msg  # type: ignore[return-value]


def not_an_email() -> str:
    return said(QT_TRANSLATE_NOOP("Intake", "The message could not be parsed as an email."))


def clean(text: str) -> str:
    """``text`` without lone surrogates (undecodable bytes), which SQLite cannot store."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def header(msg: EmailMessage | None, name: str) -> str:
    """A header's text, "" when absent; never raises, whatever the message holds."""
    if msg is None:
        return ""
    try:
        value = msg.get(name)
        return "" if value is None else clean(str(value))
    except Exception:  # noqa: BLE001 - the forgiving policy should make this unreachable
        return ""


def describe(msg: EmailMessage | None, raw: bytes) -> str:
    """“the email “Order 5” from jo@example.com”, as far as the message can be read, so an
    operator can find it in the mailbox."""
    subject, sender = header(msg, "Subject"), header(msg, "From")
    if msg is None:  # not even an email: look for the lines by hand
        for line in raw[:65536].splitlines():
            name, _, value = line.partition(b":")
            text = clean(value.strip().decode("utf-8", "replace"))[:200]
            if name.lower() == b"subject" and not subject:
                subject = text
            elif name.lower() == b"from" and not sender:
                sender = text
    subject, sender = subject[:200], sender[:200]
    if subject and sender:
        template = QT_TRANSLATE_NOOP("Intake", "the email “{subject}” from {sender}")
    elif subject:
        template = QT_TRANSLATE_NOOP("Intake", "the email “{subject}”")
    elif sender:
        template = QT_TRANSLATE_NOOP("Intake", "an email without a subject from {sender}")
    else:
        template = QT_TRANSLATE_NOOP("Intake", "an email without a subject")
    return said(template, subject=subject, sender=sender)


def plain(value: Any) -> Any:
    """``value`` as JSON the database can hold: cells of a spreadsheet (dates, times) become
    text, text loses lone surrogates, keys become text."""
    if isinstance(value, str):
        return clean(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {clean(str(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return clean(str(value))


def _text(msg: EmailMessage) -> str:
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = part.get_content()
        return content if isinstance(content, str) else content.decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - broken MIME: fall back to the raw payload
        try:
            payload = msg.get_payload(decode=True)
        except Exception:  # noqa: BLE001 - not even that: the order has no body text
            return ""
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.strip().lower()).strip("_")


def _first_sheet(data: bytes) -> list[tuple[Any, ...]]:
    """The rows of a workbook's first sheet, read as the stock sheet is (``xlsx_values``, or
    openpyxl where that declines)."""
    from app.connectors import xlsx_values

    try:
        return xlsx_values.worksheets(data)[0][1]
    except xlsx_values.Unusual:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return list(book.worksheets[0].iter_rows(values_only=True))


def _lines_from(filename: str, data: bytes) -> list[dict[str, Any]]:
    name = filename.lower()
    if name.endswith(".csv"):
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig", "replace"))))
    elif name.endswith(".xlsx"):
        values = _first_sheet(data)
        header = [str(h or "") for h in values[0]] if values else []
        rows = [
            dict(zip(header, r, strict=False)) for r in values[1:] if any(c is not None for c in r)
        ]
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


def to_order(
    msg: EmailMessage, rules: dict[str, Any], attachment_dir: Path | None
) -> dict[str, Any]:
    subject = header(msg, "Subject")
    text = _text(msg)
    order: dict[str, Any] = {}
    pattern = rules.get("subject_regex")
    if pattern:
        m = re.search(pattern, subject)
        if not m:
            raise Unreadable(
                said(
                    QT_TRANSLATE_NOOP(
                        "Intake",
                        "The subject “{subject}” does not look like an order (expected it to "
                        "match {pattern}).",
                    ),
                    subject=subject,
                    pattern=pattern,
                )
            )
        order.update({k: v for k, v in m.groupdict().items() if v is not None})
    if rules.get("body_fields", True):
        for line in text.splitlines():
            kv = KEY_VALUE.match(line)
            if kv and _slug(kv.group(1)) not in order:
                order[_slug(kv.group(1))] = kv.group(2)
    attachments = []
    taken: set[str] = set()
    for part in msg.iter_attachments():
        filename = _filename(part)
        try:
            payload = part.get_payload(decode=True)  # bytes; None for a multipart part
            data = payload if isinstance(payload, bytes) else b""
        except Exception:  # noqa: BLE001
            data = b""
        entry: dict[str, Any] = {
            "filename": filename,
            "size": len(data),
            "content_type": part.get_content_type(),
        }
        if attachment_dir is not None:
            attachment_dir.mkdir(parents=True, exist_ok=True)
            path = attachment_dir / _file_name(filename, taken)
            path.write_bytes(data)
            entry["path"] = str(path)
        attachments.append(entry)
        if rules.get("attachment_lines", True) and "lines" not in order:
            try:
                lines = _lines_from(filename, data)
            except Exception as exc:  # noqa: BLE001
                raise Unreadable(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Intake",
                            "The order lines in the attachment {filename} could not be read: the "
                            "file seems damaged, or is not really a CSV or Excel file.",
                        ),
                        filename=filename,
                    ),
                    f"{type(exc).__name__}: {exc}",
                ) from exc
            if lines:
                order["lines"] = lines
    missing = [f for f in rules.get("required", []) if f not in order]
    if missing:
        raise Unreadable(
            said(
                QT_TRANSLATE_NOOP("Intake", "The email has no {fields} (subject “{subject}”)."),
                fields=", ".join(missing),
                subject=subject,
            )
        )
    return plain(
        {
            "order": order,
            "email": {
                "from": header(msg, "From"),
                "to": header(msg, "To"),
                "subject": subject,
                "date": header(msg, "Date"),
                "message_id": header(msg, "Message-ID"),
                "text": text[:200_000],
                "headers": _headers(msg),
                "attachments": attachments,
            },
        }
    )


def _filename(part: EmailMessage) -> str:
    try:
        return clean(part.get_filename() or "") or "attachment.bin"
    except Exception:  # noqa: BLE001 - broken parameters: the file still counts
        return "attachment.bin"


def _file_name(filename: str, taken: set[str]) -> str:
    """A safe file name for an attachment that no other attachment of the message has. Names
    are compared case-blind (Windows and macOS folders are), a numbered name can itself be
    taken (``3-a.txt``, ``a.txt``, ``a.txt``), and the choice depends only on the message, so
    taking the same message in again writes the same files."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename).name)[:120].strip(".")
    if not safe or safe.split(".")[0].upper() in WINDOWS_RESERVED:
        safe = f"attachment-{safe}" if safe else "attachment"
    name, n = safe, 1
    while name.lower() in taken:
        n += 1
        name = f"{n}-{safe}"
    taken.add(name.lower())
    return name


def _headers(msg: EmailMessage) -> dict[str, str]:
    """Every header, repeated ones (Received) joined by newlines; a broken one kept as text."""
    out: dict[str, str] = {}
    for name in msg.keys():
        if name in out:
            continue
        values = []
        for value in msg.get_all(name) or []:
            try:
                values.append(clean(str(value)))
            except Exception:  # noqa: BLE001 - a header the parser cannot decode
                values.append(repr(value))
        out[name] = "\n".join(values)
    return out


def message_key(msg: EmailMessage | None, raw: bytes) -> str:
    mid = header(msg, "Message-ID").strip()[:500]
    return mid or "sha256:" + hashlib.sha256(raw).hexdigest()
