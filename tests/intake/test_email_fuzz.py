"""Hostile email, generated: broken headers, MIME trees, charsets and transfer encodings, order
lines in garbage CSV and xlsx files. Whatever arrives, each message becomes exactly one order or
one "unreadable order" entry with a reason in words, and intake goes on with the next one."""

from __future__ import annotations

import base64
import datetime as dt
import io
import itertools
import os
import re
import threading
import zipfile

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.intake.imap import ImapChannel
from app.store.connections import ConnectionProvider
from tests.intake.conftest import run_channel
from tests.intake.test_imap import channel, ledger_items
from tests.support.engine import wait_for


def _xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (
        ["SKU", "Qty", None, "When", "Price"],
        ["RICE-25", 2, None, dt.datetime(2026, 1, 2), "x"],
        [None] * 5,
        ["=1/0", "1e400", dt.time(3, 4), dt.date(2026, 3, 1), 1e308],
        ["OIL", "nan", "\u202e?", None, -0.0],
    ):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


XLSX = _xlsx()
EMPTY_ZIP = io.BytesIO()
with zipfile.ZipFile(EMPTY_ZIP, "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
HEADER_NAMES = [
    "From",
    "To",
    "Cc",
    "Reply-To",
    "Sender",
    "Subject",
    "Message-ID",
    "In-Reply-To",
    "References",
    "Date",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Content-Disposition",
    "Received",
    "X-Mailer",
    "Resent-From",
]
HOSTILE_VALUES = [
    "jo@",
    '"Jo" <',
    "<",
    "<abc@",
    "@",
    "<<>>",
    ",,,",
    '"',
    "\\",
    "(",
    ")(",
    "=?utf-8?q?broken",
    "=?x-unknown?b?!!!?=",
    "=?utf-8?b?////?=",
    "=?=?=",
    "undisclosed-recipients:",
    "a:b:c;",
    "Order 7",
    "Order 99999999999999999999",
    "multipart/mixed; boundary=",
    "multipart/mixed",
    "text/plain; charset=x-nope",
    "text/plain; charset*=utf-8''%ff%fe",
    "attachment; filename*=bad''%ff%ff",
    'attachment; filename="..\\..\\evil.csv"',
    "attachment; filename=",
    "base64",
    "quoted-printable",
    "x-uuencode",
    "8bit",
    "Wed, 99 Foo 2026 99:99:99 +9999",
    "1.0 (garbage)",
    "",
    " ",
    "a" * 3000,
    "é\u202e\ufeff",
]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
HEADER_VALUE = st.one_of(
    st.sampled_from(HOSTILE_VALUES), TEXT.map(str.encode), st.binary(max_size=60)
)
EOL = st.sampled_from([b"\r\n", b"\n", b"\r"])


def _enc(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")


@st.composite
def headers(draw: st.DrawFn) -> list[bytes]:
    out = []
    for _ in range(draw(st.integers(0, 8))):
        name = draw(st.one_of(st.sampled_from(HEADER_NAMES), st.binary(min_size=1, max_size=12)))
        value = draw(HEADER_VALUE)
        folded = draw(st.booleans())
        line = _enc(name) + b": " + _enc(value)
        out.append(line.replace(b" ", b"\r\n ", 1) if folded else line)
    return out


ORDER_TEXT = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["SKU", "Qty", "Customer", "Number", "x" * 50, "Ünï", "1bad"]), TEXT
        ).map(lambda kv: f"{kv[0]}: {kv[1]}"),
        TEXT,
    ),
    max_size=6,
).map("\n".join)
CSV_GARBAGE = st.one_of(
    st.sampled_from(
        [
            "SKU,Qty\nRICE-25,2\n",
            "\ufeffSKU,Qty,Price\nA,1e400,nan\nB,,\n",
            'SKU,"Qty\nA,"2',
            "SKU,Qty\n\x00,\x00\n",
            ",,,\n,,,\n",
            "Qty\n" + "9" * 5000,
            "a,b\n1,2,3,4,5\n",
        ]
    ).map(str.encode),
    st.binary(max_size=200),
)
XLSX_GARBAGE = st.one_of(
    st.just(XLSX),
    st.just(EMPTY_ZIP.getvalue()),
    st.integers(0, len(XLSX)).map(lambda n: XLSX[:n]),
    st.binary(max_size=200),
)


@st.composite
def leaf(draw: st.DrawFn) -> bytes:
    """One MIME part: text, an attachment, or order lines, in some (maybe broken) encoding."""
    kind = draw(st.sampled_from(["text", "csv", "xlsx", "binary"]))
    codec = draw(st.sampled_from(["utf-8", "latin-1", "utf-16"]))
    payload = {
        "text": ORDER_TEXT.map(lambda t: t.encode(codec, "replace")),
        "csv": CSV_GARBAGE,
        "xlsx": XLSX_GARBAGE,
        "binary": st.binary(max_size=300),
    }[kind]
    data = draw(payload)
    ctype = {
        "text": "text/plain",
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "binary": "application/octet-stream",
    }[kind]
    charset = draw(
        st.sampled_from(
            [
                "",
                "; charset=utf-8",
                "; charset=x-nope",
                "; charset=utf-16",
                '; charset="',
                "; charset=latin-1",
            ]
        )
    )
    cte = draw(st.sampled_from(["", "base64", "quoted-printable", "x-weird", "7bit", "8bit"]))
    if cte == "base64":
        data = draw(st.sampled_from([base64.encodebytes(data), data, base64.b64encode(data)[:-1]]))
    elif cte == "quoted-printable":
        data = data.replace(b"=", draw(st.sampled_from([b"=3D", b"=", b"=ZZ", b"=\r\n"])))
    lines = [f"Content-Type: {ctype}{charset}".encode()]
    if cte:
        lines.append(f"Content-Transfer-Encoding: {cte}".encode())
    if kind != "text" or draw(st.booleans()):
        name = draw(
            st.one_of(
                st.sampled_from(
                    [
                        "lines.csv",
                        "order.xlsx",
                        "a.txt",
                        "A.TXT",
                        "..",
                        "CON.csv",
                        "x" * 300 + ".csv",
                        "ü ber.csv",
                        "../../etc/passwd.xlsx",
                        "",
                    ]
                ),
                TEXT,
            )
        )
        lines.append(b'Content-Disposition: attachment; filename="' + _enc(name) + b'"')
    lines += draw(headers()) if draw(st.integers(0, 4)) == 0 else []
    return b"\r\n".join(lines) + b"\r\n\r\n" + data


def multipart(children: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        parts = draw(st.lists(children, max_size=4))
        boundary = draw(st.sampled_from([b"b", b"=_x", b"a b", b"--", b"b" * 80, b"\xff"]))
        sub = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"digest", b"x-junk"]))
        quote = draw(st.sampled_from([b'"', b""]))
        out = (
            b"Content-Type: multipart/"
            + sub
            + b"; boundary="
            + quote
            + boundary
            + quote
            + b"\r\n\r\n"
            + draw(st.sampled_from([b"", b"preamble\r\n"]))
        )
        for p in parts:
            out += b"--" + boundary + b"\r\n" + p + b"\r\n"
        return out + draw(st.sampled_from([b"--" + boundary + b"--\r\n", b"", b"--" + boundary]))

    return build()


MIME = st.recursive(leaf(), multipart, max_leaves=6)


@st.composite
def hostile_message(draw: st.DrawFn) -> bytes:
    """A whole message: broken headers on a (maybe broken) MIME tree, or plain garbage."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(min_size=1, max_size=400))
    top = draw(headers())
    if draw(st.booleans()):
        top.append(b"Subject: Order " + str(draw(st.integers(0, 10**6))).encode())
    body = draw(MIME) if draw(st.booleans()) else b"\r\n" + draw(ORDER_TEXT).encode()
    eol = draw(EOL)
    return (b"\r\n".join(top) + b"\r\n" + body).replace(b"\r\n", eol)


RULES = st.fixed_dictionaries(
    {},
    optional={
        "subject_regex": st.sampled_from([r"Order (?P<number>\d+)", r"(?P<all>.*)"]),
        "required": st.sampled_from([["number"], ["sku", "qty"], []]),
        "body_fields": st.booleans(),
        "attachment_lines": st.booleans(),
    },
)


def assert_taken_in_once(store, uid: int, raw: bytes) -> None:
    """The message at ``uid`` is one run or one unreadable-order entry whose reason is a sentence
    naming it, or the note that it is an exact copy of a message taken in before."""
    ((key, kept, status, run_id, reason),) = store.db.execute_sql(
        "select i.dedupe_key, i.raw, i.status, i.run_id, (select reason from inbox_items b "
        "where b.source_key = 'intake:' || i.id) from imap_ledger l join intake_items i "
        f"on i.id = l.intake_item_id where l.uid = {uid}"
    )
    if not key.endswith(f":{uid}"):  # not an item of its own: a copy of an earlier one
        assert kept == raw
    elif status == "started":
        assert store.db.execute_sql(f"select count(*) from runs where id = '{run_id}'") == [(1,)]
    else:
        assert status == "malformed" and reason, (uid, status)
        assert f"UID {uid} " in reason and reason.rstrip().endswith("."), reason
        assert not re.match(r"^\w*(Error|Exception)\b", reason), reason


UIDS = itertools.count(1)


@pytest.mark.one_database("postgresql", "a fuzzer of parsing; run where text is stricter (no NUL)")
@settings(
    max_examples=int(os.environ.get("DALOY_FUZZ_EXAMPLES", 150)),
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(raw=hostile_message(), rules=RULES)
def test_every_hostile_message_becomes_one_order_or_one_inbox_entry(store, data_dir, raw, rules):
    ch = ImapChannel(
        store,
        channel="orders/email",
        workflow="orders",
        config=rules,
        connections=ConnectionProvider(store.db),
        data_dir=data_dir,
        paused=threading.Event(),
    )
    uid = next(UIDS)
    ch.ingest_message(7, uid, raw)  # never raises for what the message holds
    assert_taken_in_once(store, uid, raw)


GOOD = itertools.count(900_001)


@pytest.mark.imap
@settings(
    max_examples=3,
    deadline=None,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@given(batch=st.lists(hostile_message(), min_size=8, max_size=14, unique=True))
def test_a_folder_of_hostile_mail_never_stops_intake(store, mailbox, data_dir, batch):
    for raw in batch:
        mailbox.append(raw)
    number = next(GOOD)
    mailbox.append(
        f"From: good@example.com\r\nSubject: Order {number}\r\nMessage-ID: "
        f"<{number}@example.com>\r\n\r\nQty: 1\r\n".encode()
    )
    ch = channel(store, data_dir)
    t = run_channel(ch)
    try:
        wait_for(
            lambda: store.db.execute_sql(f"select 1 from runs where business_key = '{number}'"),
            60,
            interval=0.2,
        )
        wait_for(lambda: all("Seen" in f for _u, f in mailbox.messages()), 20, interval=0.2)
        assert t.is_alive()  # the channel never stopped
    finally:
        ch.stop()
        t.join(10)
    assert store.db.execute_sql("select last_error from channel_states") == [(None,)]
    stored = mailbox.raw_messages()
    assert sorted(ledger_items(store)) == sorted(stored)  # none vanished, none twice
    for uid, raw in stored.items():
        assert_taken_in_once(store, uid, raw)
    # One item per distinct message (the server may make two differing line endings one).
    items = {i for (i,) in store.db.execute_sql("select intake_item_id from imap_ledger")}
    assert len(items) == len(set(stored.values()))


def test_a_failure_nobody_foresaw_keeps_the_message_and_says_which(store, data_dir):
    (data_dir / "attachments").write_text("a file where the attachments folder should be")
    ch = ImapChannel(
        store,
        channel="orders/email",
        workflow="orders",
        config={},
        connections=ConnectionProvider(store.db),
        data_dir=data_dir,
        paused=threading.Event(),
    )
    with_file = (
        b"From: jo@\r\nSubject: Order 5\r\nContent-Type: multipart/mixed; boundary=b"
        b"\r\n\r\n--b\r\nContent-Disposition: attachment; filename=a.csv\r\n\r\nSKU\r\n"
        b"--b--\r\n"
    )
    assert ch.ingest_message(1, 1, with_file)
    assert ch.ingest_message(1, 2, b"From: a@b\r\nSubject: Order 6\r\n\r\nQty: 1\r\n")
    ((reason,),) = store.db.execute_sql("select reason from inbox_items")
    assert reason.startswith("Daloy could not read the email “Order 5” from jo@ (UID 1 "), reason
    assert "kept as it arrived" in reason
    assert_taken_in_once(store, 1, with_file)
    assert store.db.execute_sql("select count(*) from runs") == [(1,)]  # the next one: an order
