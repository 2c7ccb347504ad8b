"""Email intake over IMAP (imapclient): exactly one connection per mailbox, IDLE where the server
offers it (renewed well before 29 minutes) with a UID SEARCH poll as fallback and watchdog,
reconnects with backoff and jitter, and a ledger so nothing is missed or taken twice.

A message is fetched with BODY.PEEK[] (reading never marks it seen), committed with its run under
a dedupe key, and only then flagged \\Seen or moved. After downtime, intake catches up from the
ledger's last UID, never "from now"; when UIDVALIDITY changes, the folder is rescanned and a
message whose exact bytes were already taken in is only noted. A different message reusing a
Message-ID is its own order. A message that cannot be read becomes an inbox entry, raw, and
intake goes on with the next one. Asked to stop mid-pass (Daloy shutting down), the pass ends
after the message being taken in, and marks what it took in before it returns.
"""

from __future__ import annotations

import hashlib
import logging
import random
import socket
import sqlite3
import ssl
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from app.connectors.mailservers import open_imap
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, carrying, said, words_of
from app.crashpoints import crashpoint
from app.intake import email_rules
from app.intake.channels import ChannelKind, ChannelSetup, channel_args
from app.store import intake as repo
from app.store.connections import ConnectionProvider
from app.store.models import ImapLedger, IntakeItem
from app.store.runs import RunStore

if TYPE_CHECKING:  # imapclient loads when a mailbox is first read (``open_imap``), not at start
    from imapclient import IMAPClient

log = logging.getLogger("daloy.intake.imap")
IDLE_RENEW = 25 * 60  # servers drop IDLE after 30 min; renew before 29
BATCH = 50


def network_errors() -> tuple[type[BaseException], ...]:
    """What a mailbox that cannot be reached raises (imapclient's errors among them)."""
    from imapclient.exceptions import IMAPClientError

    return (IMAPClientError, OSError, socket.timeout, ssl.SSLError, EOFError)


# Failures of the database or of the set-up, not of one message: the whole pass is retried.
DATABASE_ERRORS = (sqlite3.Error, SQLAlchemyError, DaloyError)


class ImapChannel:
    kind = "imap"

    def __init__(
        self,
        store: RunStore,
        *,
        channel: str,
        workflow: str,
        config: dict[str, Any],
        connections: ConnectionProvider,
        data_dir: Path | None,
        paused: threading.Event,
    ) -> None:
        self.store = store
        self.channel = channel
        self.workflow = workflow
        self.config = config
        self.connections = connections
        self.data_dir = data_dir
        self.paused = paused
        self.client: IMAPClient | None = None
        self.folder = str(config.get("folder") or "INBOX")  # the connection's may replace it
        self.stop_event = threading.Event()
        self.poll_seconds = float(config.get("poll_seconds", 30))
        self.rng = random.Random()
        self.connects = 0

    # -- connection -----------------------------------------------------------------------------
    def connect(self) -> IMAPClient:
        if self.client is not None:
            return self.client
        name = self.config["connection"]
        conn = self.connections.get(name, "imap")
        folder = self.config.get("folder") or conn.get("folder") or "INBOX"
        client = open_imap(
            conn,
            name,
            self.connections.secret(name, "password"),
            float(self.config.get("timeout", 30)),
        )
        try:
            client.select_folder(folder)
        except BaseException:
            self._close(client)
            raise
        self.folder = folder
        self.client = client
        self.connects += 1
        return client

    @staticmethod
    def _close(client: IMAPClient) -> None:
        try:
            client.logout()
        except Exception:  # noqa: BLE001
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001
                pass

    def disconnect(self) -> None:
        if self.client is not None:
            client, self.client = self.client, None
            self._close(client)

    # -- one pass ---------------------------------------------------------------------------------
    def poll(self) -> int:
        """Ingest every message not in the ledger yet; acknowledge what was committed."""
        client = self.connect()
        client.noop()  # let the server tell this session about messages added elsewhere
        status = client.folder_status(self.folder, [b"UIDVALIDITY"])
        uidvalidity = int(status[b"UIDVALIDITY"])
        with self.store.db.read() as s:
            last = (
                s.scalar(
                    select(func.max(ImapLedger.uid)).where(
                        ImapLedger.channel == self.channel, ImapLedger.uidvalidity == uidvalidity
                    )
                )
                or 0
            )
            unacked = list(
                s.scalars(
                    select(ImapLedger.uid).where(
                        ImapLedger.channel == self.channel,
                        ImapLedger.uidvalidity == uidvalidity,
                        ImapLedger.acknowledged.is_(False),
                    )
                )
            )
        if unacked:
            self._acknowledge(client, uidvalidity, unacked)
        uids = [u for u in client.search(["UID", f"{last + 1}:*"]) if u > last]
        new = 0
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            fetched = client.fetch(chunk, ["BODY.PEEK[]"])
            done = []
            for uid in chunk:
                data = fetched.get(uid, {})
                raw = data.get(b"BODY[]") or b""
                if self.ingest_message(uidvalidity, uid, raw):
                    new += 1
                done.append(uid)
                crashpoint("imap_after_ingest")
                if self.stop_event.is_set():  # shutting down: stop after a committed message
                    break
            self._acknowledge(client, uidvalidity, done)
            if self.stop_event.is_set():  # what was taken in is marked; the rest waits
                break
        return new

    def ingest_message(self, uidvalidity: int, uid: int, raw: bytes) -> bool:
        """Take in one fetched message: as an order, as an "unreadable order" entry with the
        reason in words, or as a note that it is an exact copy of a message already taken in.
        Nothing a message contains makes this raise, so one bad message never holds up the
        ones behind it. True when something new was kept."""
        key = f"imap:{self.channel}:{uidvalidity}:{uid}"
        msg = None
        try:
            msg = email_rules.parse(raw)
        except email_rules.Unreadable:
            pass
        message_id = email_rules.message_key(msg, raw)
        where = f"UID {uid} in {self.folder}"
        about = said(
            QT_TRANSLATE_NOOP("Intake", "{email} (UID {uid} in {folder})"),
            email=email_rules.describe(msg, raw),
            uid=uid,
            folder=self.folder,
        )
        original = self._copy_of(message_id, raw, where)
        if original is not None:  # the same bytes again (new UIDVALIDITY, moved back)
            log.info(
                "%s: %s is an exact copy of intake item %d; noted, not taken in again",
                self.channel,
                about,
                original,
            )
            with self.store.db.write() as s:
                s.add(
                    ImapLedger(
                        channel=self.channel,
                        uidvalidity=uidvalidity,
                        uid=uid,
                        message_id=message_id,
                        acknowledged=False,
                        intake_item_id=original,
                        at=time.time(),
                    )
                )
            return False

        def ledger(s, item) -> None:  # noqa: ANN001 - same transaction as the run
            s.add(
                ImapLedger(
                    channel=self.channel,
                    uidvalidity=uidvalidity,
                    uid=uid,
                    message_id=message_id,
                    acknowledged=False,
                    intake_item_id=item.id,
                    at=time.time(),
                )
            )

        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        raw_path = None
        if self.data_dir is not None and len(raw) > repo.RAW_LIMIT:
            folder = self.data_dir / "intake"
            folder.mkdir(parents=True, exist_ok=True)
            raw_path = str(folder / f"{digest}.eml")
            Path(raw_path).write_bytes(raw)
        summary = said(  # stored with its words: the inbox says it in the reader's language
            QT_TRANSLATE_NOOP("Intake", "Email “{subject}” from {sender}"),
            subject=email_rules.header(msg, "Subject")[:500],  # the row keeps 1000 characters
            sender=email_rules.header(msg, "From")[:500] or "?",
        )
        kept = said(QT_TRANSLATE_NOOP("Intake", "Daloy keeps {email} as it arrived."), email=about)
        try:
            if msg is None:
                raise email_rules.Unreadable(email_rules.not_an_email())
            attachments = (self.data_dir / "attachments" / digest) if self.data_dir else None
            trigger = email_rules.to_order(msg, self.config, attachments)
            return not repo.ingest(
                self.store,
                channel=self.channel,
                workflow=self.workflow,
                dedupe_key=key,
                trigger=trigger,
                summary=summary,
                raw=raw,
                raw_path=raw_path,
                in_txn=ledger,
            ).duplicate
        except email_rules.Unreadable as exc:
            if exc.detail:  # the parser's own words: for the log, not the operator
                log.info("%s: %s is not an order: %s", self.channel, about, exc.detail)
            reason = said(QT_TRANSLATE_NOOP("Intake", "{why} {kept}"), why=str(exc), kept=kept)
        except DATABASE_ERRORS:
            raise  # the database, not the message: the pass is retried
        except Exception:  # noqa: BLE001 - one message must never stop the folder
            log.exception("%s: could not read %s", self.channel, about)  # what it was: the log
            reason = said(
                QT_TRANSLATE_NOOP(
                    "Intake",
                    "Daloy could not read {email}. It is kept as it arrived; open it to see "
                    "what it says and enter the order by hand.",
                ),
                email=about,
            )
        return not repo.keep_malformed(
            self.store,
            channel=self.channel,
            workflow=self.workflow,
            dedupe_key=key,
            # without lone surrogates (SQLite), still carrying its words for the inbox
            reason=carrying(email_rules.clean(reason), words_of(reason)),
            summary=summary,
            raw=raw,
            raw_path=raw_path,
            in_txn=ledger,
        ).duplicate

    def _copy_of(self, message_id: str, raw: bytes, where: str) -> int | None:
        """The intake item already taken in with exactly these bytes, found through its
        Message-ID (or content hash). A different message that claims a Message-ID already seen
        is not a copy: it is taken in as its own order, and the log says so."""
        with self.store.db.read() as s:
            items = sorted(
                {
                    item_id
                    for item_id in s.scalars(
                        select(ImapLedger.intake_item_id).where(
                            ImapLedger.channel == self.channel,
                            ImapLedger.message_id == message_id,
                            ImapLedger.intake_item_id.is_not(None),
                        )
                    )
                    if item_id is not None  # (excluded by the query; narrows the type)
                }
            )
            for item_id in items:
                row = s.execute(
                    select(IntakeItem.raw, IntakeItem.raw_path).where(IntakeItem.id == item_id)
                ).first()
                if row is not None and _same_bytes(row.raw, row.raw_path, raw):
                    return item_id
        if items:
            log.warning(
                "%s: the message at %s claims Message-ID %s of an earlier, different "
                "message (intake item %s); it is taken in as its own order",
                self.channel,
                where,
                message_id,
                ", ".join(map(str, items)),
            )
        return None

    def _acknowledge(self, client: IMAPClient, uidvalidity: int, uids: list[int]) -> None:
        if not uids:
            return
        if self.config.get("after") == "move" and self.config.get("processed_folder"):
            target = self.config["processed_folder"]
            if not client.folder_exists(target):
                client.create_folder(target)
            client.move(uids, target)
        else:
            client.add_flags(uids, [b"\\Seen"])
        with self.store.db.write() as s:
            for row in s.scalars(
                select(ImapLedger).where(
                    ImapLedger.channel == self.channel,
                    ImapLedger.uidvalidity == uidvalidity,
                    ImapLedger.uid.in_(uids),
                )
            ):
                row.acknowledged = True

    # -- the loop -------------------------------------------------------------------------------
    def wait_for_news(self) -> None:
        """IDLE until the server reports something (or the poll interval passes); the NOOP
        afterwards is the watchdog that finds a half-open connection."""
        client = self.client
        if client is None:
            return
        deadline = time.monotonic() + min(self.poll_seconds, IDLE_RENEW)
        if self.config.get("idle", True) and client.has_capability("IDLE"):
            client.idle()
            try:
                while not self.stop_event.is_set() and time.monotonic() < deadline:
                    if client.idle_check(timeout=min(1.0, max(0.05, deadline - time.monotonic()))):
                        break
            finally:
                client.idle_done()
        else:
            self.stop_event.wait(max(0, deadline - time.monotonic()))
        client.noop()

    def run(self) -> None:
        backoff = 1.0
        # a pass that failed in a known way
        expected: tuple[type[BaseException], ...] = (*network_errors(), DaloyError)
        while not self.stop_event.is_set():
            if self.paused.is_set():
                self.disconnect()
                self.stop_event.wait(1)
                continue
            try:
                new = self.poll()
                repo.record_ok(self.store.db, self.channel, self.kind)
                backoff = 1.0
                if new:
                    log.info("%s: %d new message(s)", self.channel, new)
                self.wait_for_news()
            except expected as exc:
                log.warning("%s: %s", self.channel, exc)
                repo.record_error(self.store.db, self.channel, self.kind, self._in_words(exc))
                self.disconnect()
                self.stop_event.wait(backoff * self.rng.uniform(0.5, 1.5))
                backoff = min(backoff * 2, float(self.config.get("max_backoff", 300)))
            except Exception as exc:  # noqa: BLE001 - never let the channel die silently
                log.exception("%s: unexpected error", self.channel)
                repo.record_error(self.store.db, self.channel, self.kind, self._in_words(exc))
                self.disconnect()
                self.stop_event.wait(backoff)
                backoff = min(backoff * 2, 300)
        self.disconnect()

    def _in_words(self, exc: BaseException) -> str:
        """What went wrong, as a sentence naming the connection (the "channel down" alert and
        the channel's status show it to the operator)."""
        if isinstance(exc, DaloyError):
            return str(exc)
        from imapclient.exceptions import LoginError

        # The server's and the system's own words ("[AUTHENTICATIONFAILED] …", "[Errno 111]
        # …") are in the log (``run`` logs each failure); the operator reads what to do.
        name = self.config.get("connection", "?")
        if isinstance(exc, LoginError):
            template = QT_TRANSLATE_NOOP(
                "Intake",
                "The mail server refused the user name or password of connection “{name}”. "
                "Correct them in the connection's settings.",
            )
        elif isinstance(exc, TimeoutError):  # a connection gone silent (the watchdog's)
            template = QT_TRANSLATE_NOOP(
                "Intake",
                "The mail server of connection “{name}” stopped answering (it timed out). "
                "Daloy connects again and keeps trying.",
            )
        elif isinstance(exc, network_errors()):
            template = QT_TRANSLATE_NOOP(
                "Intake",
                "The mail server of connection “{name}” could not be reached or stopped "
                "answering. Daloy keeps trying; check that this computer is online.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Intake",
                "Reading the mailbox of connection “{name}” failed unexpectedly. Daloy keeps "
                "trying; the log has the details.",
            )
        return said(template, name=name)

    def stop(self) -> None:
        self.stop_event.set()


def _same_bytes(kept: bytes | None, kept_path: str | None, raw: bytes) -> bool:
    """Whether an intake item kept exactly ``raw`` (in the database, or as a file when large)."""
    if kept is None and kept_path:
        try:
            kept = Path(kept_path).read_bytes()
        except OSError:  # the file is gone: cannot tell, so take the message in again
            return False
    return kept == raw


def _start(setup: ChannelSetup) -> ImapChannel:
    return ImapChannel(
        setup.store,
        connections=setup.connections,
        data_dir=setup.data_dir,
        **channel_args(setup),
    )


CHANNEL = ChannelKind("imap", start=_start)
