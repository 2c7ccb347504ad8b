"""The real import graph of ``app/``, and the module table of ``docs/ARCHITECTURE.md`` drawn from it.

    python docs/make_map.py          # rewrite the generated table in docs/ARCHITECTURE.md
    python docs/make_map.py --check  # exit 1 when the table misses a module (or lists a gone one)

Every module under ``app/`` is parsed (never imported: no Qt, no database needed). Each
``import app.x`` / ``from app.x import y`` is an edge, wherever it stands (top level or inside a
function: a lazy import is still a dependency); imports under ``if TYPE_CHECKING:`` are kept
apart, since they never run. ``tests/test_layers.py`` checks the graph against the layers.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
MAP = ROOT / "docs" / "ARCHITECTURE.md"
BEGIN, END = "<!-- begin: module table (docs/make_map.py) -->", "<!-- end: module table -->"

# Lowest first; a module may import only from its own layer or below (docs/ARCHITECTURE.md).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("app", "app.core", "app.paths", "app.resources", "app.crashpoints", "app.logsetup")),
    ("store", ("app.store", "app.secrets")),
    ("connectors", ("app.connectors",)),
    ("steps", ("app.steps",)),
    ("intake", ("app.intake",)),
    ("runtime", ("app.runtime", "app.docs")),
    ("host", ("app.host", "app.shop", "app.demo", "app.cli", "app.cli_", "app.__main__")),
    ("ui", ("app.ui",)),
]


@dataclass
class Module:
    name: str  # dotted: app.store.db
    path: Path
    doc: str  # the docstring's first sentence
    imports: set[str] = field(default_factory=set)  # run-time edges (app modules)
    type_only: set[str] = field(default_factory=set)  # under ``if TYPE_CHECKING:``
    externals: set[str] = field(default_factory=set)  # top-level outside packages


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def layer_of(name: str) -> int:
    """The index in LAYERS of the longest prefix that names ``name``."""
    best, index = -1, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            # "app" itself is its package docstring only, not a prefix of every module
            inside = (
                prefix != "app"
                and name.startswith(prefix + ".")
                or (prefix.endswith("_") and name.startswith(prefix))
            )  # app.cli_ : app.cli_*
            if (name == prefix or inside) and len(prefix) > best:
                best, index = len(prefix), i
    if index < 0:
        raise LookupError(f"{name} belongs to no layer: add it to LAYERS in docs/make_map.py")
    return index


def _first_sentence(doc: str | None) -> str:
    text = " ".join((doc or "").split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(
    node: ast.Import | ast.ImportFrom, here: str, is_pkg: bool, names: set[str]
) -> tuple[set[str], set[str]]:
    """(app modules, external top-level packages) that one import statement loads."""
    found: set[str] = set()
    if isinstance(node, ast.Import):
        mods = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:  # relative: from . import x / from ..store import y
            pkg = here.split(".") if is_pkg else here.split(".")[:-1]
            pkg = pkg[: len(pkg) - node.level + 1]
            base = ".".join(pkg + ([base] if base else []))
        # ``from app.store import db`` loads app.store.db; ``from app.store.db import X`` loads
        # app.store.db (and its packages, which are not edges of their own here).
        mods = [f"{base}.{a.name}" if f"{base}.{a.name}" in names else base for a in node.names]
    externals = set()
    for mod in mods:
        if mod == "app" or mod.startswith("app."):
            while mod not in names and "." in mod:  # app.store.db.Database -> app.store.db
                mod = mod.rsplit(".", 1)[0]
            found.add(mod)
        elif mod:
            externals.add(mod.split(".")[0])
    return found, externals


def graph() -> dict[str, Module]:
    files = sorted(APP.rglob("*.py"))
    names = {module_name(f) for f in files}
    modules: dict[str, Module] = {}
    for path in files:
        name = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        mod = Module(name, path, _first_sentence(ast.get_docstring(tree)))
        type_nodes = {
            id(n)
            for top in ast.walk(tree)
            if isinstance(top, ast.If) and _is_type_checking(top)
            for s in top.body
            for n in ast.walk(s)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found, ext = _targets(node, name, path.name == "__init__.py", names)
                found.discard(name)
                (mod.type_only if id(node) in type_nodes else mod.imports).update(found)
                mod.externals |= ext
        modules[name] = mod
    return modules


def find_cycle(modules: dict[str, Module]) -> list[str] | None:
    """One import cycle (a list of modules, the first repeated at the end), or None.

    A depth-first walk with its own stack, not Python's: raising the process's recursion limit
    for it changed what every later test in the same process saw (the template guard refuses a
    too-deeply nested template by the interpreter's limit)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in sorted(modules):
        if root in state:
            continue
        state[root] = 1
        path, todo = [root], [iter(sorted(modules[root].imports))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:  # every import of the module on top is walked
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(sorted(modules[nxt].imports)))
    return None


def upward(modules: dict[str, Module]) -> list[tuple[str, str]]:
    """Every (importer, imported) pair where the imported module sits in a higher layer."""
    return sorted(
        (m.name, t)
        for m in modules.values()
        for t in m.imports | m.type_only
        if layer_of(t) > layer_of(m.name)
    )


def table(modules: dict[str, Module]) -> str:
    """The generated part of the map: every module by layer, with its docstring's first line."""
    lines = []
    for i, (layer, _) in enumerate(LAYERS):
        lines += [f"\n### Layer {i}: {layer}\n", "| Module | What it holds |", "|---|---|"]
        for name in sorted(n for n in modules if layer_of(n) == i):
            doc = modules[name].doc.replace("|", "\\|") or "(no docstring)"
            lines.append(f"| `{name}` | {doc} |")
    return "\n".join(lines).lstrip("\n")


def listed(text: str) -> dict[str, str]:
    """The modules the map's table lists, each with its layer's name (descriptions aside: a
    docstring reworded does not make the map wrong, a module added, moved or removed does)."""
    found, layer = {}, ""
    for line in text.split(BEGIN, 1)[1].split(END, 1)[0].splitlines():
        if line.startswith("### Layer "):
            layer = line.split(": ", 1)[1].strip()
        elif line.startswith("| `app"):
            found[line.split("`")[1]] = layer
    return found


def current(modules: dict[str, Module]) -> dict[str, str]:
    return {name: LAYERS[layer_of(name)][0] for name in modules}


def render(text: str, modules: dict[str, Module]) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{table(modules)}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = MAP.read_text(encoding="utf-8")
    modules = graph()
    if "--check" in argv:
        if listed(text) != current(modules):
            print("docs/ARCHITECTURE.md is out of date: run python docs/make_map.py")
            return 1
        return 0
    MAP.write_text(render(text, modules), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
