"""Start-at-login keeps the workspace: the written entry starts Daloy on the data folder it was
switched on from, quoted so that any folder name comes back exactly (read back by GLib's own
desktop-entry launcher, ``gio launch``, where it is installed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.ui import autostart
from tests.support.engine import wait_for

TRICKY = 'Shop "Main" $HOME `x` 100% back\\slash;&|<>*?#()~\'é'


def launched_args(tmp_path: Path, args: list[str]) -> list[str]:
    """Write a desktop entry whose Exec is ``args`` (after a small recorder script) and let
    GLib launch it: the recorder writes the arguments it received."""
    out = tmp_path / "argv.json"
    out.unlink(missing_ok=True)
    recorder = tmp_path / "record.py"
    recorder.write_text(
        "import json, sys\nopen(sys.argv[1], 'w').write(json.dumps(sys.argv[2:]))\n"
    )
    entry = tmp_path / "t.desktop"
    entry.write_text(
        "[Desktop Entry]\nType=Application\nName=T\nExec="
        + autostart.desktop_exec([sys.executable, str(recorder), str(out), *args])
        + "\n",
        encoding="utf-8",
    )
    subprocess.run(["gio", "launch", str(entry)], check=True, timeout=30, capture_output=True)
    wait_for(lambda: out.exists() and out.read_text())
    return json.loads(out.read_text())


def test_the_entry_starts_daloy_on_the_data_folder_it_was_switched_on_from(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / TRICKY
    autostart.set_enabled(True, folder)
    text = (tmp_path / "config" / "autostart" / "daloy.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "--data-dir" in exec_line and "100%% back" in exec_line
    assert autostart.arguments(folder)[-2:] == ["--data-dir", str(folder.resolve())]
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not autostart.is_enabled()


@pytest.mark.skipif(shutil.which("gio") is None, reason="GLib's gio launcher is not installed")
def test_glib_reads_the_data_folder_back_exactly(tmp_path):
    folder = str(tmp_path / TRICKY)
    assert launched_args(tmp_path, ["--data-dir", folder]) == ["--data-dir", folder]


@pytest.mark.skipif(shutil.which("gio") is None, reason="GLib's gio launcher is not installed")
@settings(max_examples=15, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_any_folder_name_comes_back_exactly(tmp_path_factory, name):
    tmp_path = tmp_path_factory.mktemp("launch")
    assert launched_args(tmp_path, [name]) == [name]


def test_the_windows_run_key_quotes_the_folder_as_windows_splits_it(tmp_path):
    folder = tmp_path / "Aling Nena" / "Daloy shop"
    assert autostart.command(folder).endswith(f'--data-dir "{folder}"')
