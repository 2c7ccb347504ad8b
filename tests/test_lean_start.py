"""The headless runner starts lean (issue 20: idle ``daloy runner`` under 70 MB): what an idle
runner never uses is loaded on first use, not at start. Each library named here cost resident
memory in every runner before it was made lazy; the figure itself is measured by
``tests/benchmarks/gui.py``, never asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Loaded when first used: a template rendered, a web request or shop call made, a mailbox read,
# a web address opened, a sheet written, a migration run, a window shown.
NOT_WHEN_IDLE = ("jinja2", "httpx", "imapclient", "waitress", "openpyxl", "alembic", "PySide6")
# Parts of libraries loaded by others: PostgreSQL's dialect when a PostgreSQL engine is made (the
# models name no PostgreSQL option), ElementTree with the first xlsx or translation catalog read.
NOT_WHEN_IDLE_ON_SQLITE = ("sqlalchemy.dialects.postgresql", "xml.etree")

IDLE_RUNNER = """
import json, sys
from app.cli import main
code = main(["--data-dir", sys.argv[1], "runner", "--quit-after", "1"])
print(json.dumps({"code": code, "modules": sorted(m for m, v in sys.modules.items() if v)}))
"""
SEED = """
import sys
from app.host import Host, seed_samples
print(seed_samples(Host(sys.argv[1]), start_runs=False))
"""


def python(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def no_session_bus() -> dict[str, str]:
    """A server's environment: no D-Bus session bus, no keyring backend named."""
    env = {**os.environ, "DALOY_WEB_PORT": "0"}
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "PYTHON_KEYRING_BACKEND"):
        env.pop(name, None)
    return env


def test_an_idle_runner_loads_only_what_it_uses(tmp_path: Path) -> None:
    data = tmp_path / "workspace"
    assert "Order fulfilment" in python(SEED, str(data))  # the sample workspace, no run started
    env = no_session_bus()
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no keyring config file names a backend
    report = json.loads(python(IDLE_RUNNER, str(data), env=env).splitlines()[-1])
    assert report["code"] == 0
    loaded = {name.split(".")[0] for name in report["modules"]}
    assert "sqlalchemy" in loaded and "apscheduler" in loaded  # it did start its engine
    assert "app.intake.manager" in report["modules"]  # and its intake
    assert sorted(loaded & set(NOT_WHEN_IDLE)) == []
    assert [m for m in NOT_WHEN_IDLE_ON_SQLITE if m in report["modules"]] == []
    # The desktop keyring's client: useless without a session bus (see the next test).
    assert "secretstorage" not in loaded and "cryptography" not in loaded


def test_without_a_session_bus_the_keyring_backend_is_the_same(tmp_path: Path) -> None:
    """Kept from loading the Secret Service client (``app.secrets``), keyring picks the backend
    it picks when the client loads and finds no bus."""
    probe = (
        "import sys, app.secrets as s; "
        "print(s.backend_name(), sys.modules.get('secretstorage') is not None)"
    )
    env = no_session_bus()
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    lean = python(probe, env=env).split()
    # A bus address that leads nowhere: the client loads, tries it, and gives up.
    loaded = python(probe, env={**env, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"})
    assert lean[1] == "False" and loaded.split()[1] == "True"
    assert lean[0] == loaded.split()[0]


def test_freed_memory_goes_back_once_settled_and_after_each_burst(tmp_path: Path) -> None:
    """``IdleTrim`` trims once start-up has settled, then only after work was committed and
    the database stayed quiet for a whole tick: never in the middle of a burst, never again
    and again while nothing happens."""
    from sqlalchemy import text

    from app.runtime.memory import IdleTrim
    from app.store.db import Database

    db = Database.open_dir(tmp_path / "data")
    trim = IdleTrim()
    trim.db = db
    trim.tick()
    assert trim.trims == 1  # start-up settled
    trim.tick()
    assert trim.trims == 1  # nothing happened since
    for n in range(2):
        with db.write() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES (:k, '1')"), {"k": f"k{n}"})
        trim.tick()
        assert trim.trims == 1  # work is going on
    trim.tick()
    assert trim.trims == 2  # the burst ended: quiet for a tick
    trim.tick()
    assert trim.trims == 2
    db.close()
