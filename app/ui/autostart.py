"""“Start Daloy when I log in”: the Windows Run key (per user) or an XDG autostart entry."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"


def command() -> str:
    if getattr(sys, "frozen", False):
        return f'"{sys.executable}"'
    return f'"{sys.executable}" -m app'


def _xdg_file() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / "daloy.desktop"


def is_enabled() -> bool:
    if sys.platform == "win32":
        return QSettings(RUN_KEY, QSettings.Format.NativeFormat).contains("Daloy")
    return _xdg_file().exists()


def set_enabled(on: bool) -> None:
    if sys.platform == "win32":
        settings = QSettings(RUN_KEY, QSettings.Format.NativeFormat)
        if on:
            settings.setValue("Daloy", command())
        else:
            settings.remove("Daloy")
        return
    path = _xdg_file()
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[Desktop Entry]\nType=Application\nName=Daloy\n"
                        f"Exec={command()}\nIcon=daloy\nX-GNOME-Autostart-enabled=true\n"
                        "Comment=Keeps your orders flowing\n", encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
