"""One way to find bundled files (icons, sample workflows, docs, migrations) that works from the
source tree, an installed package and the frozen (PyInstaller) app alike."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` (and ``app/``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def sample_workflows() -> list[Path]:
    folder = resource_path("workflows")
    return sorted(folder.glob("*.json")) if folder.is_dir() else []
