"""Email intake against a real IMAP server (dovecot): nothing lost, nothing taken twice."""

from __future__ import annotations

import random
import threading
import time

import pytest

from app.intake.imap import ImapChannel
from app.store.connections import ConnectionProvider
from tests.intake.conftest import run_channel
from tests.support.engine import stored, wait_for

pytestmark = pytest.mark.imap


def mail(n: int, subject: str | None = None, body: str = "", extra: bytes = b"") -> bytes:
    return (
        f"From: customer{n}@example.com\r\nTo: orders@shop.example\r\n"
        f"Subject: {subject or f'Order {n}'}\r\nMessage-ID: <order-{n}@example.com>\r\n"
        f"Date: Wed, 25 Nov 2026 10:00:00 +0800\r\n\r\n"
        f"{body or f'SKU: RICE-25{chr(13)}{chr(10)}Qty: {n}'}\r\n"
    ).encode() + extra


def channel(store, data_dir, **config):
    cfg = {
        "connection": "mailbox",
        "subject_regex": r"Order (?P<number>\d+)",
        "poll_seconds": 0.5,
        "max_backoff": 1,
        **config,
    }
    return ImapChannel(
        store,
        channel="orders/email",
        workflow="orders",
        config=cfg,
        connections=ConnectionProvider(store.db),
        data_dir=data_dir,
        paused=threading.Event(),
    )


def counts(store):
    runs = store.db.execute_sql("select count(*), count(distinct business_key) from runs")[0]
    items = store.db.execute_sql("select count(*) from intake_items")[0][0]
    return runs[0], runs[1], items


def test_a_burst_of_200_messages_is_ingested_exactly_once(store, mailbox, data_dir):
    for n in range(200):
        mailbox.append(mail(n))
    ch = channel(store, data_dir)
    t = run_channel(ch)
    try:
        wait_for(lambda: counts(store)[0] == 200, 60, interval=0.2)
        wait_for(lambda: all("Seen" in f for _u, f in mailbox.messages()), 20, interval=0.2)
    finally:
        ch.stop()
        t.join(10)
    assert counts(store) == (200, 200, 200)
    trig = stored(store.db.execute_sql("select trigger from runs where business_key='7'")[0][0])
    assert trig["order"] == {"number": "7", "sku": "RICE-25", "qty": "7"}


@pytest.mark.one_database("sqlite", "the mail server restarting is the subject")
def test_server_restarts_while_messages_arrive(store, mailbox, data_dir):
    ch = channel(store, data_dir)
    t = run_channel(ch)
    rng = random.Random(3)
    try:
        for n in range(200):
            for _ in range(20):
                try:
                    mailbox.append(mail(n))
                    break
                except OSError:
                    time.sleep(0.1)
            if rng.random() < 0.03:
                mailbox.restart()
        wait_for(lambda: counts(store)[0] == 200, 90, interval=0.3)
    finally:
        ch.stop()
        t.join(10)
    assert counts(store) == (200, 200, 200)
    assert ch.connects > 1  # it really reconnected
    wait_for(lambda: mailbox.count_connections() == 0, 10)  # and leaked none


@pytest.mark.one_database("sqlite", "the mail server's connections are the subject")
def test_one_connection_per_mailbox_across_reconnects(store, mailbox, data_dir):
    ch = channel(store, data_dir)
    t = run_channel(ch)
    try:
        for _ in range(4):
            wait_for(lambda: mailbox.count_connections() == 1, 20, interval=0.1)
            mailbox.restart()
        wait_for(lambda: ch.connects >= 5, 30, interval=0.1)
        time.sleep(1.5)
        assert mailbox.count_connections() == 1
    finally:
        ch.stop()
        t.join(10)


def test_a_message_appended_while_daloy_was_down_is_caught_up(store, mailbox, data_dir):
    ch = channel(store, data_dir)
    ch.poll()
    mailbox.append(mail(1))
    assert ch.poll() == 1
    ch.disconnect()
    mailbox.append(mail(2))  # Daloy is not running
    mailbox.append(mail(3), flags="\\Seen")  # even one someone already read
    later = channel(store, data_dir)
    assert later.poll() == 2
    later.disconnect()
    assert counts(store) == (3, 3, 3)


def test_uidvalidity_change_rescans_without_duplicates(store, mailbox, data_dir):
    for n in range(3):
        mailbox.append(mail(n))
    ch = channel(store, data_dir)
    assert ch.poll() == 3
    ch.disconnect()
    mailbox.stop()
    for f in list(mailbox.maildir.rglob("dovecot*")):
        if f.is_file():
            f.unlink()  # lists and indexes gone: new UIDVALIDITY
    time.sleep(1.1)  # dovecot derives UIDVALIDITY from the clock
    mailbox.start()
    mailbox.append(mail(9))
    again = channel(store, data_dir)
    assert again.poll() == 1  # only the new one
    again.disconnect()
    assert counts(store) == (4, 4, 4)
    assert len(store.db.execute_sql("select distinct uidvalidity from imap_ledger")) == 2


def test_malformed_messages_are_kept_and_shown_never_dropped(store, mailbox, data_dir):
    mailbox.append(b"this is not an email at all \xff\xfe\x00 junk")
    mailbox.append(b"Subject: Order 55\r\n\r\nno from, no date, no message-id")
    mailbox.append(b"From: x@y\r\nSubject: Hello there\r\nMessage-ID: <hi@y>\r\n\r\nNot an order")
    mailbox.append(
        b'From: x@y\r\nSubject: Order 56\r\nContent-Type: multipart/mixed; boundary="zz"'
        b"\r\nMessage-ID: <broken@y>\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\n"
        b"Qty: 1\r\n--zz"
    )  # never closed
    mailbox.append(mail(57, body="Customer: Jos\xe9 Ni\xf1o").replace(b"Jos\xc3\xa9", b"Jos\xe9"))
    ch = channel(store, data_dir)
    assert ch.poll() == 5
    ch.disconnect()
    runs, _, items = counts(store)
    assert items == 5
    kept = store.db.execute_sql("select status, raw is not null from intake_items order by id")
    assert [k[1] for k in kept] == [1] * 5  # every raw message kept
    entries = store.db.execute_sql("select kind, reason from inbox_items")
    assert len(entries) == 5 - runs and all(k == "intake_error" for k, _ in entries)
    assert any("does not look like an order" in r for _, r in entries)
    assert all("Seen" in f for _u, f in mailbox.messages())


def test_a_20_mb_attachment_and_order_lines_from_csv(store, mailbox, data_dir):
    import base64

    big = base64.encodebytes(b"\0" * (20 * 1024 * 1024))
    csv_lines = base64.encodebytes(b"SKU,Qty\nRICE-25,2\nOIL-1L,6\n")
    raw = (
        b"From: big@example.com\r\nSubject: Order 77\r\nMessage-ID: <big@example.com>\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nPlease send.\r\n"
        b'--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename="lines.csv"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + csv_lines
        + b"--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
        b'filename="scan.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + big + b"--b--\r\n"
    )
    mailbox.append(raw)
    ch = channel(store, data_dir)
    assert ch.poll() == 1
    ch.disconnect()
    trig = stored(store.db.execute_sql("select trigger from runs")[0][0])
    assert trig["order"]["lines"] == [{"sku": "RICE-25", "qty": 2}, {"sku": "OIL-1L", "qty": 6}]
    assert (data_dir / "intake").is_dir()  # raw kept as a file, not in the DB
    saved = list((data_dir / "attachments").rglob("scan.bin"))
    assert saved and saved[0].stat().st_size == 20 * 1024 * 1024
    email = trig["email"]  # the whole message for the workflow
    assert (
        email["headers"]["MIME-Version"] == "1.0"
        and "multipart/mixed" in email["headers"]["Content-Type"]
    )
    assert [a["filename"] for a in email["attachments"]] == ["lines.csv", "scan.bin"]


class FreezingProxy:
    """A TCP relay to the IMAP server whose current connections can be frozen: bytes stop
    flowing both ways but no FIN or RST is ever sent — a half-open connection, as after a
    router drops its NAT entry or the PC wakes from sleep on another network."""

    def __init__(self, host: str, port: int) -> None:
        import socket

        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.frozen: set[int] = set()
        self.conns: list = []
        self.accepted = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            n = self.accepted = self.accepted + 1
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(n, a, b), daemon=True).start()

    def _pump(self, n: int, src, dst) -> None:
        while True:
            if n in self.frozen:
                time.sleep(0.05)
                continue
            try:
                data = src.recv(65536)
                if not data:
                    return
                if n in self.frozen:
                    continue  # swallowed: it never arrives
                dst.sendall(data)
            except OSError:
                return

    def freeze_current(self) -> None:
        self.frozen |= set(range(1, self.accepted + 1))

    def close(self) -> None:
        self.listener.close()
        for c in self.conns:
            c.close()


def test_the_watchdog_finds_a_half_open_connection(store, mailbox, data_dir):
    from app.store import connections

    proxy = FreezingProxy(mailbox.host, mailbox.port)
    with store.db.write() as s:
        connections.save(
            s,
            "relayed",
            "imap",
            {
                "host": "127.0.0.1",
                "port": proxy.port,
                "security": "plain",
                "username": mailbox.user,
            },
            {"password": mailbox.password},
        )
    ch = channel(store, data_dir, connection="relayed", timeout=2)
    mailbox.append(mail(1))
    t = run_channel(ch)
    try:
        wait_for(lambda: counts(store)[0] == 1, 20, interval=0.1)
        proxy.freeze_current()  # the connection goes silent without closing
        mailbox.append(mail(2))
        wait_for(lambda: counts(store)[0] == 2, 30, interval=0.2)
        assert ch.connects >= 2 and proxy.accepted >= 2  # found dead, replaced
        errors = store.db.execute_sql("select last_error from channel_states")[0][0]
        assert errors and "timed out" in errors.lower()
    finally:
        ch.stop()
        t.join(10)
        proxy.close()
    assert counts(store) == (2, 2, 2)


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_email_over_tls_trusts_the_office_certificate_and_no_other(
    store, data_dir, tmp_path, security
):
    from app.store import connections
    from tests.support.dovecot import DovecotServer, require_dovecot

    require_dovecot()
    server = DovecotServer(tmp_path / "dovecot", tls=True).start()
    try:
        server.append(mail(1))
        settings = {
            "host": "127.0.0.1",
            "security": security,
            "username": server.user,
            "port": server.imaps_port if security == "ssl" else server.port,
        }
        with store.db.write() as s:
            connections.save(
                s,
                "office",
                "imap",
                {**settings, "ca_file": str(server.cert_file)},
                {"password": server.password},
            )
            connections.save(s, "stranger", "imap", settings, {"password": server.password})
        trusted = ImapChannel(
            store,
            channel="orders/office",
            workflow="orders",
            config={"connection": "office", "poll_seconds": 0.5},
            connections=ConnectionProvider(store.db),
            data_dir=data_dir,
            paused=threading.Event(),
        )
        untrusted = ImapChannel(
            store,
            channel="orders/stranger",
            workflow="orders",
            config={"connection": "stranger", "poll_seconds": 0.5, "max_backoff": 1},
            connections=ConnectionProvider(store.db),
            data_dir=data_dir,
            paused=threading.Event(),
        )
        threads = [run_channel(trusted), run_channel(untrusted)]
        try:
            wait_for(lambda: counts(store)[0] == 1, 20, interval=0.2)
            error = wait_for(
                lambda: store.db.execute_sql(
                    "select last_error from channel_states where channel='orders/stranger'"
                ),
                20,
            )
        finally:
            trusted.stop()
            untrusted.stop()
            for t in threads:
                t.join(10)
        assert "certificate Daloy does not trust" in error[0][0], error
        assert counts(store) == (1, 1, 1)  # taken once, by the trusted channel
        from app.connectors.probes import probe  # “Test connection” trusts the same CA

        assert probe(ConnectionProvider(store.db), "office").startswith("Signed in")
        assert all("Seen" in f for _u, f in server.messages())
    finally:
        server.cleanup()


def ledger_items(store) -> dict[int, tuple]:
    """UID → (intake status, run id, inbox reason) for every message the channel went through."""
    rows = store.db.execute_sql(
        "select l.uid, i.status, i.run_id, (select reason from inbox_items b where "
        "b.source_key = 'intake:' || i.id) from imap_ledger l left join intake_items i "
        "on i.id = l.intake_item_id"
    )
    return {uid: rest for uid, *rest in rows}


def test_a_broken_header_never_stops_the_folder(store, mailbox, data_dir):
    broken = [
        b"From: jo@",
        b'From: "Jo" <',
        b"To: <",
        b"Message-ID: <abc@",
        b"From: =?utf-8?q?broken",
        b"Content-Type: multipart/mixed; boundary=",
    ]
    for n, line in enumerate(broken):
        mailbox.append(line + f"\r\nSubject: Order {n}\r\n\r\nQty: {n}\r\n".encode())
    mailbox.append(b"From: jo@\r\nSubject: Hello\r\n\r\nNo order here")
    mailbox.append(mail(99))  # a good order waiting behind them
    ch = channel(store, data_dir)
    assert ch.poll() == len(broken) + 2
    ch.disconnect()
    taken = ledger_items(store)
    assert sorted(taken) == [u for u, _f in mailbox.messages()]  # every one, once
    assert all(status in ("started", "malformed") for status, _r, _w in taken.values())
    assert "99" in {k for (k,) in store.db.execute_sql("select business_key from runs")}
    assert store.db.execute_sql("select count(*) from runs where business_key = '0'") == [(1,)]
    (reason,) = [w for status, _r, w in taken.values() if status == "malformed"]
    uid = next(u for u, (status, _r, _w) in taken.items() if status == "malformed")
    assert "“Hello” from jo@" in reason and f"UID {uid} in INBOX" in reason, reason
    assert all("Seen" in f for _u, f in mailbox.messages())


def test_different_orders_sharing_a_message_id_are_both_taken_in(store, mailbox, data_dir):
    first = mail(1).replace(b"<order-1@", b"<same@")
    mailbox.append(first)
    mailbox.append(mail(2).replace(b"<order-2@", b"<same@"))  # another order, same Message-ID
    mailbox.append(first)  # the very same bytes again (moved back into INBOX)
    ch = channel(store, data_dir)
    assert ch.poll() == 2
    ch.disconnect()
    assert counts(store) == (2, 2, 2)
    keys = store.db.execute_sql("select business_key from runs order by business_key")
    assert keys == [("1",), ("2",)]
    ledger = store.db.execute_sql(
        "select uid, message_id, intake_item_id from imap_ledger order by uid"
    )
    assert [m for _u, m, _i in ledger] == ["<same@example.com>"] * 3
    assert ledger[2][2] == ledger[0][2]  # the copy is noted against the first order
    assert all("Seen" in f for _u, f in mailbox.messages())


def test_attachments_with_one_name_are_all_kept(store, mailbox, data_dir):
    names = [
        "3-a.txt",
        "a.txt",
        "a.txt",
        "A.TXT",
        "..",
        "CON.txt",
        "x" * 200 + "1",
        "x" * 200 + "2",
    ]
    parts = b"".join(
        b"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; "
        b'filename="' + name.encode() + b'"\r\n\r\ncontent ' + str(n).encode() + b"\r\n"
        for n, name in enumerate(names)
    )
    mailbox.append(
        b"From: a@b\r\nSubject: Order 5\r\nMessage-ID: <att@b>\r\nMIME-Version: 1.0"
        b'\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/plain\r\n\r\nQty: 1\r\n" + parts + b"--b--\r\n"
    )
    ch = channel(store, data_dir)
    assert ch.poll() == 1
    ch.disconnect()
    saved = stored(store.db.execute_sql("select trigger from runs")[0][0])["email"]
    folder = data_dir / "attachments"
    assert [a["filename"] for a in saved["attachments"]] == names
    for n, entry in enumerate(saved["attachments"]):
        path = folder.joinpath(*entry["path"].split(str(folder) + "/")[1].split("/"))
        assert path.parent.parent == folder  # inside its own folder
        assert path.read_bytes() == f"content {n}".encode(), entry
    assert len({a["path"].lower() for a in saved["attachments"]}) == len(names)
    assert sum(1 for p in folder.rglob("*") if p.is_file()) == len(names)


def test_a_channel_that_never_signed_in_is_reported_down_then_recovers(store, mailbox, data_dir):
    from app.intake.manager import IntakeManager
    from app.runtime.runtime import Runtime
    from app.store import connections
    from tests.support.engine import save

    save(
        store.db,
        {
            "name": "orders",
            "triggers": [
                {
                    "id": "email",
                    "type": "imap",
                    "config": {
                        "connection": "mailbox",
                        "poll_seconds": 0.5,
                        "max_backoff": 1,
                        "down_after_minutes": 0.05,
                    },
                }
            ],
            "steps": [{"name": "note", "type": "transform", "config": {"values": {"n": "1"}}}],
        },
    )
    settings = {
        "host": mailbox.host,
        "port": mailbox.port,
        "security": "plain",
        "username": mailbox.user,
    }
    with store.db.write() as s:
        connections.save(s, "mailbox", "imap", settings, {"password": "wrong-password"})
    alert = "select status, title, reason from inbox_items where kind = 'channel_down'"
    rt = Runtime(store.db, data_dir=data_dir, poll_interval=0.2)
    rt.intake = IntakeManager()
    rt.add_extension(rt.intake)
    rt.start()
    try:
        ((status, title, reason),) = wait_for(lambda: store.db.execute_sql(alert), 30, 0.2)
        assert status == "open" and "orders/email" in title, title
        assert "orders/email has not worked since it started" in reason, reason
        assert "refused the user name or password of connection “mailbox”" in reason, reason
        with store.db.write() as s:
            connections.save(s, "mailbox", "imap", settings, {"password": mailbox.password})
        wait_for(lambda: store.db.execute_sql(alert)[0][0] == "resolved", 30, 0.2)
    finally:
        rt.shutdown(grace=2)


def test_an_order_line_of_nan_is_kept_and_the_next_email_still_flows(store, mailbox, data_dir):
    """A CSV line's quantity "nan" reads as a number no database stores: the email is kept as
    unreadable (its run's row would be refused, and the channel would meet it at every poll),
    and the email after it becomes its order."""
    import base64

    def order_mail(n: int, csv: bytes) -> bytes:
        return (
            f"From: shop{n}@example.com\r\nSubject: Order {n}\r\nMessage-ID: <nan{n}@example.com>"
            "\r\n".encode()
            + b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/plain\r\n\r\nPlease send.\r\n"
            b'--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename="l.csv"'
            b"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(csv)
            + b"--b--\r\n"
        )

    mailbox.append(order_mail(1, b"SKU,Qty\nRICE-25,nan\n"))
    mailbox.append(order_mail(2, b"SKU,Qty\nRICE-25,2\n"))
    ch = channel(store, data_dir)
    ch.poll()
    ch.disconnect()
    trig = [stored(t) for (t,) in store.db.execute_sql("select trigger from runs")]
    assert [t["order"]["lines"] for t in trig] == [[{"sku": "RICE-25", "qty": 2}]]
    kept = store.db.execute_sql("select status from intake_items order by id")
    assert [k for (k,) in kept] == ["malformed", "started"]
    (reason,) = store.db.execute_sql("select reason from inbox_items")[0]
    assert "cannot store" in reason and "kept here as it came" in reason
    assert all("Seen" in f for _u, f in mailbox.messages())  # nothing read twice
