"""The import graph of ``app/`` as it really is (every module parsed, lazy imports inside
functions included; see ``docs/make_map.py``): no cycle between modules, no import that points
up the layers (core < store < connectors < steps < intake < runtime < host/cli < ui), nothing outside
``app/ui`` imports PySide6, and the module table in ``docs/ARCHITECTURE.md`` lists every module.

The allow-lists below are debts, each with its reason: a listed import that no longer exists
fails the test, so they can only shrink.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_map():  # noqa: ANN202 - the docs/make_map.py module
    spec = importlib.util.spec_from_file_location("make_map", ROOT / "docs" / "make_map.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_map"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


make_map = _load_map()

# Lazy imports inside functions that close a cycle today. Ignoring these edges, the graph has no
# cycle; each one is a seam to cut (move the function to the module that needs it).
CYCLE_DEBTS: dict[tuple[str, str], str] = {
    # DailyBackups is a runtime extension living in the store module of backups; its clean-up
    # (retention) and inbox event (runs) close a cycle through db -> migrate -> backups.
    (
        "app.store.backups",
        "app.store.retention",
    ): "DailyBackups (a runtime extension) runs the clean-up; move it to app/runtime",
    (
        "app.store.backups",
        "app.store.runs",
    ): "DailyBackups emits the inbox event; move it to app/runtime",
    (
        "app.store.explain",
        "app.store.queries",
    ): "explain and queries call each other; queries' entry dicts to move beside explain",
    (
        "app.store.workflows",
        "app.store.drafts",
    ): "workflows asks drafts for missing connections; the check belongs in drafts' callers",
    (
        "app.store.workspace",
        "app.store.connections",
    ): "the legacy move reads connections' KINDS, which could live with the models",
}

# Imports that point up the layers. Each is a planned move, not a pattern to copy.
UPWARD_DEBTS: dict[tuple[str, str], str] = {
    # The entry point opens the window when no verb is given; imported inside cmd_gui only, so
    # the runner and every verb run without Qt.
    ("app.cli", "app.ui.main"): "the `daloy` entry point starts the desktop app",
    # The runner's presence file is read by the store (restore refuses while a runner works).
    (
        "app.store.backups",
        "app.runtime.presence",
    ): "presence's file check to move into app/store (it is data-folder state)",
}


def _edges(modules) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(m.name, t) for m in modules.values() for t in m.imports | m.type_only}


def test_every_module_belongs_to_a_layer():
    modules = make_map.graph()
    assert len(modules) > 100  # the walk found the package
    for name in modules:
        make_map.layer_of(name)  # raises, naming the module, when it has no layer


def test_no_import_cycle_between_modules():
    modules = make_map.graph()
    for importer, imported in CYCLE_DEBTS:
        modules[importer].imports.discard(imported)
    cycle = make_map.find_cycle(modules)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    # The check above is only as good as the finder: a made-up a -> b -> c -> a is reported.
    M = make_map.Module
    modules = {n: M(n, Path(n), "") for n in ("app.a", "app.b", "app.c")}
    modules["app.a"].imports.add("app.b")
    modules["app.b"].imports.add("app.c")
    modules["app.c"].imports.add("app.a")
    assert make_map.find_cycle(modules) == ["app.a", "app.b", "app.c", "app.a"]


def test_imports_point_down_the_layers():
    modules = make_map.graph()
    upward = [pair for pair in make_map.upward(modules) if pair not in UPWARD_DEBTS]
    assert not upward, "imports pointing up the layers (docs/ARCHITECTURE.md): " + "; ".join(
        f"{a} ({make_map.LAYERS[make_map.layer_of(a)][0]}) imports {b} "
        f"({make_map.LAYERS[make_map.layer_of(b)][0]})"
        for a, b in upward
    )


def test_the_debt_lists_only_shrink():
    edges = _edges(make_map.graph())
    gone = [pair for pair in {**CYCLE_DEBTS, **UPWARD_DEBTS} if pair not in edges]
    assert not gone, f"paid off, remove from the allow-list in tests/test_layers.py: {gone}"


def test_every_cycle_debt_still_closes_a_cycle():
    # An entry the graph no longer needs (the cycle was cut elsewhere) is removed from the list.
    for debt in CYCLE_DEBTS:
        modules = make_map.graph()
        for importer, imported in CYCLE_DEBTS.keys() - {debt}:
            modules[importer].imports.discard(imported)
        assert make_map.find_cycle(modules), f"{debt} closes no cycle now: remove it"


def test_nothing_outside_the_ui_imports_qt():
    modules = make_map.graph()
    qt = sorted(
        n
        for n, m in modules.items()
        if not n.startswith("app.ui") and m.externals & {"PySide6", "shiboken6"}
    )
    assert not qt, f"modules outside app/ui importing Qt: {qt}"


def test_nothing_but_the_entry_point_imports_the_cli():
    modules = make_map.graph()
    importers = sorted(n for n, m in modules.items() if "app.cli" in m.imports | m.type_only)
    assert importers == ["app.__main__"]


def test_the_map_lists_every_module():
    # Like resources/docs/steps.md for step types: the map lists every module in its layer.
    text = make_map.MAP.read_text(encoding="utf-8")
    listed, current = make_map.listed(text), make_map.current(make_map.graph())
    assert listed == current, (
        "docs/ARCHITECTURE.md's module table is out of date (run `python docs/make_map.py`): "
        f"missing {sorted(current.keys() - listed.keys())}, "
        f"gone {sorted(listed.keys() - current.keys())}, "
        f"moved {sorted(n for n in listed.keys() & current.keys() if listed[n] != current[n])}"
    )
