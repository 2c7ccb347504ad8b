"""The data folder: only a new or empty folder gets a new database; a used folder that lost its
database, a file in the folder's place, a read-only folder and a full disk are each refused in
one sentence with a non-zero exit, and nothing in the folder is changed."""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store.datafolder import MARKER, DataFolderError
from app.store.db import Database

REPO = Path(__file__).resolve().parents[1]
WF = {
    "format_version": 1,
    "name": "demo",
    "steps": [{"name": "a", "type": "transform", "config": {"values": {"n": 1}}}],
    "edges": [],
}
LOST = "has been used before but its database daloy.sqlite3 is missing or empty"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def used_folder(tmp_path: Path, capsys) -> Path:
    data = tmp_path / "data"
    (tmp_path / "wf.json").write_text(json.dumps(WF))
    assert (
        cli(capsys, "--data-dir", str(data), "workflow", "import", str(tmp_path / "wf.json"))[0]
        == 0
    )
    return data


def test_a_new_folder_gets_a_database_and_the_marker(tmp_path, capsys):
    data = used_folder(tmp_path, capsys)
    assert (data / MARKER).is_file() and (data / "daloy.sqlite3").stat().st_size > 0
    assert (
        json.loads(cli(capsys, "--data-dir", str(data), "workflow", "list", "--json")[1])[0]["name"]
        == "demo"
    )


@pytest.mark.parametrize("loss", ["missing", "empty"])
@pytest.mark.parametrize("sign", [MARKER, "attachments", "intake", "logs"])
def test_a_used_folder_that_lost_its_database_is_refused(tmp_path, capsys, loss, sign):
    data = used_folder(tmp_path, capsys)
    (data / MARKER).unlink()
    if sign == "logs":
        (data / "logs").mkdir(exist_ok=True)
        (data / "logs" / "daloy.log").write_text("2026-01-01 INFO runner started\n")
    elif sign == MARKER:
        (data / MARKER).write_text("")
    else:
        (data / sign).mkdir()
    for f in data.glob("daloy.sqlite3*"):
        f.unlink()
    if loss == "empty":
        (data / "daloy.sqlite3").write_bytes(b"")
    before = sorted(p.name for p in data.iterdir())
    for verb in (["runs", "list"], ["runner", "--quit-after", "1"], ["workflow", "list"]):
        code, out, err = cli(capsys, "--data-dir", str(data), *verb)
        assert code == 1 and LOST in err and err.count("\n") == 1, err
        assert "Restore it from a backup, or choose another folder." in err
    assert sorted(p.name for p in data.iterdir()) == before  # nothing created, no sample
    with pytest.raises(DataFolderError, match=LOST):
        Database.open_dir(data)


def test_an_empty_database_in_a_new_folder_is_made_new(tmp_path, capsys):
    data = tmp_path / "fresh"
    data.mkdir()
    (data / "daloy.sqlite3").write_bytes(b"")
    assert cli(capsys, "--data-dir", str(data), "workflow", "list")[0] == 0
    assert (data / MARKER).is_file()


def test_data_dir_that_is_a_file_is_refused(tmp_path, capsys):
    f = tmp_path / "notes.txt"
    f.write_text("hello")
    for args in (
        ["--data-dir", str(f), "runs", "list"],
        ["runs", "list", "--data-dir", str(f)],
        ["--data-dir", str(f / "sub"), "inbox", "list"],
    ):
        code, _, err = cli(capsys, *args)
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
        assert "is a file, not a folder" in err or "part of that path is a file" in err
    assert f.read_text() == "hello"


def _without_root_powers() -> None:
    """In the child: as root, drop the capability to ignore file permissions (it comes back with
    nothing: the bounding set is inherited by the exec'd Python), so a read-only folder is
    read-only for it as it is for an operator."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl")


def daloy(data: Path, *args: str, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux permissions")
@pytest.mark.parametrize("case", ["new", "used"])
def test_a_read_only_data_folder_is_refused_in_one_sentence(tmp_path, capsys, case):
    data = used_folder(tmp_path, capsys) if case == "used" else tmp_path / "ro"
    data.mkdir(exist_ok=True)
    data.chmod(0o555)
    try:
        for args in (["runs", "list"], ["run", "start", "demo"], ["runner", "--quit-after", "1"]):
            p = daloy(data, *args, preexec=_without_root_powers)
            assert p.returncode == 1, (args, p.stdout, p.stderr)
            assert "Traceback" not in p.stderr and p.stderr.count("\n") == 1, p.stderr
            assert "may not write" in p.stderr and "read-only" in p.stderr
    finally:
        data.chmod(0o755)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux resource limits")
def test_a_full_disk_is_said_in_one_sentence_and_nothing_is_half_saved(tmp_path, capsys):
    data = used_folder(tmp_path, capsys)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"order": {"number": "1", "notes": "x" * 3_000_000}}))
    room = sum(f.stat().st_size for f in data.glob("daloy.sqlite3*")) + 100_000

    def full_disk() -> None:
        # Writes past `room` bytes fail as they do on a full disk (the process keeps running).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    p = daloy(data, "run", "start", "demo", "--input", f"@{big}", preexec=full_disk)
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr
    assert "disk is full" in p.stderr and p.stderr.count("\n") == 1, p.stderr
    con = sqlite3.connect(data / "daloy.sqlite3")
    assert con.execute("select count(*) from runs").fetchone() == (0,)
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    con.close()
