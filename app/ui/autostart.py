"""“Start Daloy when I log in”: the Windows Run key (per user) or an XDG autostart entry.

The entry starts Daloy on the data folder (workspace) it was switched on from, so a shop kept
in another folder than the default comes back on its own orders after a restart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"


def arguments(data_dir: Path | str | None = None) -> list[str]:
    """The command line that starts this Daloy (frozen app or source run) on ``data_dir``."""
    args = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app"]
    if data_dir is not None:
        args += ["--data-dir", str(Path(data_dir).resolve())]
    return args


def command(data_dir: Path | str | None = None) -> str:
    """For the Windows Run key: quoted the way Windows splits a command line."""
    return subprocess.list2cmdline(arguments(data_dir))


def desktop_exec(args: list[str]) -> str:
    """An XDG ``Exec=`` value: each argument quoted with ``"``, ``` ` $ \\`` escaped inside
    the quotes and ``%`` doubled (the Exec rules), then backslashes and line breaks escaped
    once more because the whole value is a desktop-file string."""

    def quoted(arg: str) -> str:
        return '"' + re.sub(r'(["`$\\])', r"\\\1", arg).replace("%", "%%") + '"'

    value = " ".join(quoted(a) for a in args)
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def desktop_entry(data_dir: Path | str | None = None) -> str:
    return (
        "[Desktop Entry]\nType=Application\nName=Daloy\n"
        f"Exec={desktop_exec(arguments(data_dir))}\nIcon=daloy\n"
        "X-GNOME-Autostart-enabled=true\nComment=Keeps your orders flowing\n"
    )


def _xdg_file() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / "daloy.desktop"


# The Run key's value name; the installer's "Start Daloy when I log in" task writes the same one
# (packaging/windows/daloy.iss), so this switch shows and changes what the installer set.
VALUE = "Daloy"


def run_key() -> QSettings:
    """The per-user Run key in the registry (tests read and write an INI file in its place:
    the same QSettings calls, another store)."""
    return QSettings(RUN_KEY, QSettings.Format.NativeFormat)


def is_enabled() -> bool:
    if sys.platform == "win32":
        return run_key().contains(VALUE)
    return _xdg_file().exists()


def set_enabled(on: bool, data_dir: Path | str | None = None) -> None:
    if sys.platform == "win32":
        settings = run_key()
        if on:
            settings.setValue(VALUE, command(data_dir))
        else:
            settings.remove(VALUE)
        settings.sync()  # written now: a crash or a power cut must not undo the operator's choice
        return
    path = _xdg_file()
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(desktop_entry(data_dir), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
