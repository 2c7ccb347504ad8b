"""PySide6's import hook without its memory cost.

Once PySide6 is imported, its hook (``shibokensupport.feature``) asks of every module imported
after it whether the module uses PySide6 (only such a module may switch on PySide's optional
``__feature__`` spellings), and answers by reading the module's whole source through
``inspect.getsource`` — which keeps every source read in ``linecache`` for the life of the
process: about 20 MB of text for the engine's modules (SQLAlchemy, Jinja2, httpx, …) loaded by
the desktop app, a quarter of its memory when idle. ``spare_module_sources`` gives the hook
the same answer read from the module's file, not kept. (The frozen app ships no sources: there
the hook answers "no" without reading anything.)
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """The hook's question, answered as ``inspect.getsource`` would (a module's own ``.py``
    file, or its package's ``__init__.py``) but without keeping the text."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # built-in, extension or frozen: getsource has no text either
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def spare_module_sources() -> None:
    """Install ``uses_pyside`` in PySide6's hook (a no-op where the hook has no such step)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
        forget_read_sources()


def forget_read_sources() -> None:
    """Drop the sources the hook kept before ``uses_pyside`` replaced it (the modules PySide6
    and the start-up imported first: typing, enum, logging, …, ~1 MB). Only files read from
    disk go: a traceback reads them again; sources registered without a file (code that
    SQLAlchemy generates) have no modification time and stay."""
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)
