"""Where Daloy keeps its data: ``--data-dir``, else ``DALOY_DATA_DIR``, else the platform's user
data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    chosen = explicit or os.environ.get("DALOY_DATA_DIR") or user_data_dir("Daloy", "Daloy")
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
