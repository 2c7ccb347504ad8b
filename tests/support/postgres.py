"""A real PostgreSQL server for tests: Debian's server binaries (``initdb``, ``pg_ctl``) run a
cluster in a temporary folder on a free 127.0.0.1 port, one per test session (per xdist worker);
each test gets a database of its own, dropped afterwards.

PostgreSQL refuses to run as root, so as root the cluster's folder belongs to the ``postgres``
user and the server binaries run through ``runuser -u postgres --``. Loopback TCP asks for a
password (scram-sha-256), so a wrong password is a real refusal; the local socket is trusted.

Fixtures (registered by ``tests/conftest.py``): ``postgres_server`` (the session's server),
``pg_url`` (a fresh, empty database's URL, ``postgresql+psycopg://…``) and ``pg_migrated_url``
(a fresh database already at the newest schema, copied from a template made once).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "pg-test-canary-5Rw"  # a canary: tests assert it appears in no log or message
USER = "postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_bin_dir() -> Path | None:
    """The newest Debian server binaries (/usr/lib/postgresql/<version>/bin), else PATH's."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1].parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def postgres_required() -> bool:
    """On CI (``CI=true``) or with ``DALOY_REQUIRE_POSTGRES=1`` a missing server fails the tests
    that need it instead of skipping them, so CI never passes by skipping."""
    return os.environ.get("CI") == "true" or os.environ.get("DALOY_REQUIRE_POSTGRES") == "1"


def require_postgres() -> Path:
    bin_dir = server_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        message = (
            "PostgreSQL is not installed: run `apt-get install postgresql` (the README's test "
            "command does it when run as root)"
        )
        if postgres_required():
            pytest.fail(message)
        pytest.skip(message)
    return bin_dir


class PostgresServer:
    """One cluster: ``start()``, ``stop()`` (a real outage: the server goes away, its port stops
    answering), ``start()`` again on the same port and data, ``cleanup()`` at the end."""

    def __init__(self, bin_dir: Path, fsync: bool = False) -> None:
        self.bin_dir = bin_dir
        self.as_root = os.getuid() == 0
        # pytest's temporary folders are private to root; the postgres user must own this one.
        self.folder = Path(tempfile.mkdtemp(prefix="daloy-pg-"))
        os.chmod(self.folder, 0o755)
        if self.as_root:
            pg = pwd.getpwnam(USER)
            os.chown(self.folder, pg.pw_uid, pg.pw_gid)
        self.data = self.folder / "data"
        self.log_file = self.folder / "server.log"
        self.host = "127.0.0.1"
        self.port = free_port()
        self.user = USER if self.as_root else pwd.getpwuid(os.getuid()).pw_name
        self.password = PASSWORD
        # fsync off: a test server's files need not survive a power cut, and a busy 2-core
        # machine writes far less. A killed *client* still loses nothing committed.
        self.fsync = fsync
        self._names = itertools.count(1)
        self._initdb()

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(a) for a in args]
        if self.as_root:
            cmd = ["runuser", "-u", USER, "--", *cmd]
        return subprocess.run(
            cmd,
            check=check,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            cwd=self.folder,
        )

    def _initdb(self) -> None:
        pwfile = self.folder / "pwfile"
        pwfile.write_text(self.password + "\n")
        if self.as_root:
            pg = pwd.getpwnam(USER)
            os.chown(pwfile, pg.pw_uid, pg.pw_gid)
        os.chmod(pwfile, 0o600)
        done = self._run(
            self.bin_dir / "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--no-locale",
            "-E",
            "UTF8",
            check=False,
        )
        pwfile.unlink()
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stdout}{done.stderr}")

    def start(self) -> PostgresServer:
        options = " ".join(
            [
                f"-p {self.port}",
                f"-k {self.folder}",
                "-c listen_addresses=127.0.0.1",
                "-c max_connections=300",
                f"-c fsync={'on' if self.fsync else 'off'}",
                f"-c full_page_writes={'on' if self.fsync else 'off'}",
            ]
        )
        done = self._run(
            self.bin_dir / "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log_file),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {done.stdout}{done.stderr}{self.log()}")
        return self

    def stop(self, mode: str = "fast") -> None:
        """``fast`` ends every session (as an administrator's restart would); ``immediate`` is
        a crash of the server (no shutdown checkpoint)."""
        self._run(
            self.bin_dir / "pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False
        )

    def running(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), 0.5):
                return True
        except OSError:
            return False

    def log(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")
        except OSError:
            return ""

    def cleanup(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- databases -------------------------------------------------------------------------

    def url(self, database: str = "postgres", driver: bool = True, password: bool = True) -> str:
        """``postgresql+psycopg://…`` (SQLAlchemy's name for psycopg 3) or, with ``driver=False``,
        the plain ``postgresql://…`` an operator types."""
        scheme = "postgresql+psycopg" if driver else "postgresql"
        secret = f":{self.password}" if password else ""
        return f"{scheme}://{self.user}{secret}@{self.host}:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql)

    def create_database(self, name: str | None = None, template: str = "template0") -> str:
        """A new database, a copy of ``template`` (template0: empty, no leftovers of other
        tests); returns its name."""
        name = name or f"daloy_test_{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        # FORCE ends connections a test left open (a pool, a killed runner's session).
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = require_postgres()
    server = PostgresServer(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def pg_database(postgres_server: PostgresServer) -> Iterator[str]:
    """The name of a fresh empty database on the session's server, dropped after the test."""
    if not postgres_server.running():
        # a test that stopped the server (an outage test) and failed before starting it again
        postgres_server.start()
    name = postgres_server.create_database()
    yield name
    if not postgres_server.running():
        postgres_server.start()
    postgres_server.drop_database(name)


@pytest.fixture(scope="session")
def pg_migrated_template(postgres_server: PostgresServer) -> str:
    """A database at the newest schema (migrations only: no workspace id, nothing else), made
    once per session, copied for each test that wants one (``pg_migrated_url``): copying is a
    fraction of running every migration again."""
    from app.store.db import Database

    name = postgres_server.create_database(f"daloy_schema_{os.getpid()}")
    Database(postgres_server.url(name), check=False).close()  # closes every connection: a
    return name  # template with a session open cannot be copied


@pytest.fixture
def pg_migrated_url(postgres_server: PostgresServer, pg_migrated_template: str) -> Iterator[str]:
    """A fresh database's URL, already at the newest schema (as if Daloy had opened it once)."""
    if not postgres_server.running():
        postgres_server.start()
    name = postgres_server.create_database(template=pg_migrated_template)
    yield postgres_server.url(name)
    if not postgres_server.running():
        postgres_server.start()
    postgres_server.drop_database(name)


@pytest.fixture
def pg_url(postgres_server: PostgresServer, pg_database: str) -> str:
    """A fresh empty database's SQLAlchemy URL (``postgresql+psycopg://user:pw@127.0.0.1:port/db``)."""
    return postgres_server.url(pg_database)
