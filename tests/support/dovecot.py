"""A real IMAP server for tests: Debian's dovecot with a generated config, a passwd-file user and
a Maildir, all in a temporary folder, listening on 127.0.0.1 on a free port.

Dovecot refuses uid 0 as a mail user, so as root the mailbox belongs to ``nobody``.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_dovecot() -> None:
    if shutil.which("dovecot") is None:
        message = (
            "dovecot is not installed: run `apt-get install dovecot-imapd` (the README's "
            "test command does it when run as root)"
        )
        if os.environ.get("DALOY_REQUIRE_DOVECOT") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _alive(pid: int) -> bool:
    """Is process ``pid`` still there (a zombie not yet reaped counts as gone)?"""
    if pid <= 0:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class DovecotServer:
    """With ``tls`` it has a self-signed certificate (``cert_file``), offers STARTTLS on ``port``
    and speaks TLS from the first byte on ``imaps_port``."""

    def __init__(
        self, folder: Path, user: str = "shop", password: str = "imap-pass", tls: bool = False
    ) -> None:
        self.own_folder = os.getuid() == 0
        if self.own_folder:
            # dovecot's own users (dovecot, dovenull, nobody) must reach these files: pytest's
            # temporary folders are private to root, so use a traversable one of our own.
            folder = Path(tempfile.mkdtemp(prefix="daloy-dovecot-"))
            os.chmod(folder, 0o755)
        self.folder = folder
        self.user, self.password = user, password
        self.host = "127.0.0.1"
        self.port = free_port()
        self.imaps_port = free_port() if tls else 0
        self.cert_file: Path | None = None
        ssl_settings = "ssl = no"
        if tls:
            from tests.support.tls import self_signed

            self.cert_file, key_file = self_signed(folder)
            ssl_settings = f"ssl = yes\nssl_cert = <{self.cert_file}\nssl_key = <{key_file}"
        self.conf = folder / "dovecot.conf"
        if os.getuid() == 0:
            mail_user = pwd.getpwnam("nobody")
        else:
            mail_user = pwd.getpwuid(os.getuid())
        self.uid, self.gid = mail_user.pw_uid, mail_user.pw_gid
        self.maildir = folder / "mail"
        self.run_dir = folder / "run"
        for d in (self.maildir, self.run_dir, folder / "state"):
            d.mkdir(parents=True, exist_ok=True)
        if os.getuid() == 0:
            os.chown(self.maildir, self.uid, self.gid)
            os.chmod(folder, 0o755)
        (folder / "users").write_text(
            f"{user}:{{PLAIN}}{password}:{self.uid}:{self.gid}::{self.maildir}::\n"
        )
        login_user = "dovenull" if os.getuid() == 0 else mail_user.pw_name
        internal_user = "dovecot" if os.getuid() == 0 else mail_user.pw_name
        self.conf.write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {self.run_dir}
state_dir = {folder / "state"}
log_path = {folder / "dovecot.log"}
info_log_path = {folder / "dovecot.log"}
{ssl_settings}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
mail_location = maildir:{self.maildir}
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {folder / "users"}
}}
userdb {{
  driver = passwd-file
  args = {folder / "users"}
}}
service imap-login {{
  inet_listener imap {{
    port = {self.port}
  }}
  inet_listener imaps {{
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
protocol imap {{
  mail_max_userip_connections = 50
}}
""")

    def start(self) -> DovecotServer:
        # A server stopped a moment ago may still be letting go of what it held (it exited 89
        # once in a full run, on a restart under load): tried again for a few seconds, then
        # said with what dovecot wrote.
        deadline = time.monotonic() + 10
        while True:
            # dovecot daemonizes: give it no pipes to hold open.
            with open(self.folder / "start.log", "ab") as log:
                done = subprocess.run(
                    ["dovecot", "-c", str(self.conf)],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                )
            if done.returncode == 0:
                break
            if time.monotonic() > deadline:
                said = (self.folder / "start.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"dovecot did not start ({done.returncode}): {said}")
            time.sleep(0.2)
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.host, self.port), 0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def _descendants(self) -> list[int]:
        pid_file = self.run_dir / "master.pid"
        try:
            root = int(pid_file.read_text().strip())
        except (OSError, ValueError):
            return []
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                parents[int(stat.parent.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
        found, frontier = [], [root]
        while frontier:
            cur = frontier.pop()
            kids = [p for p, pp in parents.items() if pp == cur]
            found += kids
            frontier += kids
        return found

    def stop(self) -> None:
        """A real outage: the master and every session process it started go away (the
        sessions say BYE first, as on a server's shutdown)."""
        children = self._descendants()
        pid_file = self.run_dir / "master.pid"
        try:  # what ``doveadm stop`` does, without its own second of starting and waiting
            master = int(pid_file.read_text().strip())
            os.kill(master, signal.SIGTERM)
        except (OSError, ValueError):
            master = 0
        deadline = time.monotonic() + 5
        # gone: its pid file removed, and the process itself (it removes the file before it
        # has let go of everything)
        while (pid_file.exists() or _alive(master)) and time.monotonic() < deadline:
            time.sleep(0.05)
        self._kill(children)

    def _kill(self, children: list[int]) -> None:
        """Whatever is left of the server, killed; back once its port is closed."""
        pid_file = self.run_dir / "master.pid"
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)
            except (ValueError, ProcessLookupError):
                pass
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.host, self.port), 0.2):
                    time.sleep(0.05)
            except OSError:
                return

    def cleanup(self) -> None:
        """The test is over: the server is killed at once (a graceful ``stop`` takes 2-3 s,
        at every teardown of every mail test)."""
        self._kill(self._descendants())
        if self.own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def restart(self) -> None:
        self.stop()
        self.start()

    def log(self) -> str:
        p = self.folder / "dovecot.log"
        return p.read_text() if p.exists() else ""

    def _client(self) -> imaplib.IMAP4:
        c = imaplib.IMAP4(self.host, self.port)
        c.login(self.user, self.password)
        return c

    def append(self, raw: bytes, folder: str = "INBOX", flags: str = "") -> None:
        c = self._client()
        try:
            if folder != "INBOX":
                c.create(folder)
            typ, data = c.append(folder, flags or None, None, raw)
            assert typ == "OK", data
        finally:
            c.logout()

    def messages(self, folder: str = "INBOX") -> list[tuple[int, str]]:
        c = self._client()
        try:
            c.select(folder, readonly=True)
            typ, data = c.uid("FETCH", "1:*", "(FLAGS)")
            out = []
            for line in data:
                if not line:
                    continue
                text = line.decode() if isinstance(line, bytes) else str(line)
                if "UID" in text:
                    uid = int(text.split("UID ")[1].split()[0].rstrip(")"))
                    out.append((uid, text.split("FLAGS (")[1].split(")")[0]))
            return out
        finally:
            c.logout()

    def raw_messages(self, folder: str = "INBOX") -> dict[int, bytes]:
        """UID → the message's bytes as the server hands them out (it may have changed line
        endings on the way in)."""
        c = self._client()
        try:
            c.select(folder, readonly=True)
            typ, data = c.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
            return {
                int(re.search(rb"UID (\d+)", item[0]).group(1)): item[1]
                for item in data
                if isinstance(item, tuple)
            }
        finally:
            c.logout()

    def count_connections(self) -> int:
        """Live IMAP sessions on the server (doveadm who)."""
        p = subprocess.run(
            ["doveadm", "-c", str(self.conf), "who", "-1"], capture_output=True, text=True
        )
        return sum(1 for line in p.stdout.splitlines()[1:] if line.strip())
