"""Where Daloy keeps its data: ``--data-dir``, else ``DALOY_DATA_DIR``, else the platform's user
data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs
from platformdirs.api import PlatformDirsABC

# appname, appauthor: on Windows %LOCALAPPDATA%\Daloy\Daloy, inside the %LOCALAPPDATA%\Daloy the
# installer's uninstaller offers to delete (packaging/windows/daloy.iss); ~/.local/share/Daloy
# on Linux, ~/Library/Application Support/Daloy on macOS.
APP = ("Daloy", "Daloy")


def default_data_dir(dirs: type[PlatformDirsABC] = PlatformDirs) -> Path:
    """The platform's user data folder (``dirs``: this platform's rules, or another's in tests)."""
    return Path(dirs(*APP).user_data_dir)


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    chosen = explicit or os.environ.get("DALOY_DATA_DIR") or default_data_dir()
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
