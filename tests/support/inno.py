"""The Windows installer's compiler for tests: packaging/windows/make_installer.py loaded as a
module, and the rule for when Inno Setup (and wine, on Linux) is missing: on CI (``CI=true``)
or with ``DALOY_REQUIRE_INNO=1`` the test fails, so CI never passes by skipping; elsewhere it
skips and says what to install."""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "make_installer.py"


@cache
def make_installer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_installer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look modules up by name
    spec.loader.exec_module(module)
    return module


def require_compiler() -> None:
    """Skip (or, where required, fail) unless the installer can be compiled here."""
    mi = make_installer()
    try:
        mi.compiler()
    except mi.ToolMissing as exc:
        if os.environ.get("CI") == "true" or os.environ.get("DALOY_REQUIRE_INNO") == "1":
            pytest.fail(str(exc))
        pytest.skip(str(exc))
