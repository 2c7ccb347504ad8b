"""Daloy's translations: ``python packaging/i18n.py update|release|check|fill``.

- ``update [AREA…]``: run ``pyside6-lupdate`` over each area's source files into
  ``resources/i18n/fil/<area>.ts`` (existing translations kept, vanished strings dropped).
- ``release``: compile every area's ``.ts`` into one ``resources/i18n/build/daloy_fil.qm``, the
  file the app loads (compiled, never committed: ``dev.sh``, ``build.py`` and the UI tests run
  this; the frozen app ships it inside ``resources/``).
- ``check [AREA…] [-v]``: count unfinished translations per area; exit 1 if any (``-v`` lists them).
- ``fill FILE [AREA…]``: write translations from a TSV (``context<TAB>source<TAB>translation``
  and an optional fourth column, the disambiguation) or a JSON file (``{"Context": {"source":
  "salin"}}``, or a list of ``{"context", "source", "translation", "comment"}``) into the
  ``.ts`` files, so nobody edits XML by hand. A plural's forms are a JSON list, or in TSV
  separated by `` || ``. Run ``update`` first: ``fill`` only fills messages lupdate found.

The areas (who translates what) are in ``AREAS``; resources/i18n/README.md has the conventions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fil",)
QM_DIR = I18N / "build"
PLURAL_SEPARATOR = " || "


def _py(folder: str, recursive: bool = True) -> list[Path]:
    base = ROOT / folder
    return sorted(base.rglob("*.py") if recursive else base.glob("*.py"))


# The web order form's code is its own area (its page is translated for the customer).
_WEB = [
    ROOT / "app" / "intake" / name
    for name in ("web_form.py", "web.py", "web_order.py", "web_page.py")
]
_EDITOR_PAGES = [ROOT / "app" / "ui" / "step_forms.py", ROOT / "app" / "ui" / "connection_form.py"]


def _engine() -> list[Path]:
    folders = ("app/core", "app/store", "app/steps", "app/intake", "app/runtime", "app/connectors")
    return [p for f in folders for p in _py(f) if p not in _WEB]


AREAS: dict[str, Callable[[], list[Path]]] = {
    "shell": lambda: [p for p in _py("app/ui", recursive=False) if p not in _EDITOR_PAGES],
    "editor": lambda: _py("app/ui/editor") + _EDITOR_PAGES,
    "engine": _engine,
    "cli": lambda: _py("app", recursive=False),
    "web": lambda: (
        [p for p in _WEB if p.exists()] + sorted((ROOT / "resources" / "web").rglob("*.html"))
    ),
    # Qt's own words (standard dialog buttons) where Qt ships no Filipino: written by hand
    # (``fill``), never updated from our sources.
    "qt": lambda: [],
}
HAND_WRITTEN = {"qt"}


def ts_path(area: str, language: str = "fil") -> Path:
    return I18N / language / f"{area}.ts"


def qm_path(language: str = "fil") -> Path:
    return QM_DIR / f"daloy_{language}.qm"


def _tool(name: str) -> str:
    """A Qt tool from the same environment as this Python (the venv's PySide6)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships with PySide6-Essentials)")
    return found


def _empty_ts(path: Path, language: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="{language}">\n</TS>\n',
        encoding="utf-8",
    )


def update(areas: Iterable[str], language: str = "fil") -> None:
    for area in areas:
        ts = ts_path(area, language)
        if area in HAND_WRITTEN:
            if not ts.exists():
                _empty_ts(ts, language)
            continue
        if lupdate(area, ts, language):
            print(f"{area}: {ts.relative_to(ROOT)} ({summary(ts)})")
        else:
            print(f"{area}: no source files")


def lupdate(area: str, ts: Path, language: str = "fil") -> bool:
    """Bring ``ts`` up to date with the area's sources (False: the area has none)."""
    sources = AREAS[area]()
    if not sources:
        return False
    ts.parent.mkdir(parents=True, exist_ok=True)
    # -locations none: the .ts files do not change when someone moves a line of code, so
    # several people can translate and edit code at once without noisy diffs.
    cmd = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    cmd += ["-target-language", language]
    cmd += [os.path.relpath(p, ROOT) for p in sources] + ["-ts", str(ts.resolve())]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return True


def release(language: str = "fil", quiet: bool = False) -> Path:
    inputs = [ts_path(a, language) for a in AREAS if ts_path(a, language).exists()]
    out = qm_path(language)
    out.parent.mkdir(parents=True, exist_ok=True)
    # written beside and moved into place: a running app (or a test in another process)
    # never loads a half-written file
    part = out.with_name(f"{out.name}.{os.getpid()}.part")
    cmd = [_tool("pyside6-lrelease"), *(str(p) for p in inputs), "-qm", str(part)]
    if quiet:
        cmd.insert(1, "-silent")
    subprocess.run(cmd, check=True, cwd=ROOT)
    os.replace(part, out)
    return out


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str | None
    numerus: bool
    finished: bool


def _finished(translation: ET.Element | None, numerus: bool) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if numerus:
        forms = translation.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


def messages(ts: Path) -> list[Message]:
    found = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            numerus = msg.get("numerus") == "yes"
            found.append(
                Message(
                    context=name,
                    source=msg.findtext("source") or "",
                    comment=msg.findtext("comment"),
                    numerus=numerus,
                    finished=_finished(msg.find("translation"), numerus),
                )
            )
    return found


def unfinished(area: str, language: str = "fil") -> list[Message]:
    ts = ts_path(area, language)
    return [m for m in messages(ts) if not m.finished] if ts.exists() else []


def summary(ts: Path) -> str:
    found = messages(ts)
    done = sum(m.finished for m in found)
    return f"{done}/{len(found)} translated"


def check(areas: Iterable[str], verbose: bool, language: str = "fil") -> int:
    missing = 0
    for area in areas:
        ts = ts_path(area, language)
        if not ts.exists():
            print(f"{area}: no {ts.relative_to(ROOT)} yet (run update)")
            continue
        todo = unfinished(area, language)
        missing += len(todo)
        print(f"{area}: {summary(ts)}")
        if verbose:
            for m in todo:
                extra = f" ({m.comment})" if m.comment else ""
                print(f"    [{m.context}] {m.source!r}{extra}")
    return 1 if missing else 0


Translation = str | list[str]
Key = tuple[str, str, str | None]


def read_fill_file(path: Path) -> dict[Key, Translation]:
    """The translations in a TSV or JSON file, keyed by (context, source, disambiguation)."""
    text = path.read_text(encoding="utf-8")
    out: dict[Key, Translation] = {}
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if isinstance(data, dict):
            for context, pairs in data.items():
                for source, salin in pairs.items():
                    out[(context, source, None)] = salin
        else:
            for row in data:
                key = (row["context"], row["source"], row.get("comment") or None)
                out[key] = row["translation"]
        return out
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) not in (3, 4):
            raise SystemExit(f"{path}:{number}: expected context, source, translation[, comment]")
        salin: Translation = cols[2]
        if PLURAL_SEPARATOR in cols[2]:
            salin = cols[2].split(PLURAL_SEPARATOR)
        out[(cols[0], cols[1], (cols[3] if len(cols) == 4 else "") or None)] = salin
    return out


def _set_translation(msg: ET.Element, salin: Translation) -> None:
    old = msg.find("translation")
    if old is not None:
        msg.remove(old)
    tr = ET.SubElement(msg, "translation")
    if msg.get("numerus") == "yes":
        forms = [salin] if isinstance(salin, str) else list(salin)
        for form in forms:
            ET.SubElement(tr, "numerusform").text = form
    else:
        tr.text = salin if isinstance(salin, str) else salin[0]


def _write_ts(tree: ET.ElementTree, path: Path) -> None:
    # lupdate's own layout (contexts at the margin, explicit end tags), so ``fill`` and
    # ``update`` make the same bytes and the diffs show translations, not whitespace.
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode", short_empty_elements=False)
    body = "\n".join(line.removeprefix("    ") for line in body.splitlines())
    # quotes in text as lupdate writes them (ElementTree leaves them bare outside attributes)
    body = re.sub(
        r">([^<]*)<",
        lambda m: ">" + m.group(1).replace("'", "&apos;").replace('"', "&quot;") + "<",
        body,
    )
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )


def fill(
    translations: dict[Key, Translation], areas: Iterable[str], language: str = "fil"
) -> set[Key]:
    """Write ``translations`` into the areas' ``.ts`` files; returns the keys found nowhere.
    A hand-written area (Qt's own words) takes only what no area made from our sources found:
    it adds what it is given, so a key filled into every area would land there twice."""
    unused = set(translations)
    for area in sorted(areas, key=lambda a: a in HAND_WRITTEN):  # the hand-written last
        ts = ts_path(area, language)
        if area in HAND_WRITTEN and not ts.exists():
            _empty_ts(ts, language)
        if not ts.exists():
            continue
        tree = ET.parse(ts)
        changed = False
        contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
        wanted = {k: translations[k] for k in unused} if area in HAND_WRITTEN else translations
        for key, salin in wanted.items():
            context, source, comment = key
            ctx = contexts.get(context)
            if ctx is None and area in HAND_WRITTEN:
                ctx = ET.SubElement(tree.getroot(), "context")
                ET.SubElement(ctx, "name").text = context
                contexts[context] = ctx
            if ctx is None:
                continue
            matches = [
                m
                for m in ctx.iter("message")
                if (m.findtext("source") or "") == source and (m.findtext("comment")) == comment
            ]
            if not matches and area in HAND_WRITTEN:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = source
                if comment:
                    ET.SubElement(msg, "comment").text = comment
                matches = [msg]
            for msg in matches:
                _set_translation(msg, salin)
                unused.discard(key)
                changed = True
        if changed:
            _write_ts(tree, ts)
    return unused


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="verb", required=True)
    for verb in ("update", "check"):
        p = sub.add_parser(verb)
        p.add_argument("areas", nargs="*", choices=[*AREAS, []], metavar="AREA")
        if verb == "check":
            p.add_argument("-v", "--verbose", action="store_true")
    sub.add_parser("release")
    p = sub.add_parser("fill")
    p.add_argument("file", type=Path)
    p.add_argument("areas", nargs="*", choices=[*AREAS, []], metavar="AREA")
    args = ap.parse_args(argv)
    areas = args.areas if getattr(args, "areas", None) else list(AREAS)
    if args.verb == "update":
        update(areas)
    elif args.verb == "release":
        print(f"wrote {release().relative_to(ROOT)}")
    elif args.verb == "check":
        return check(areas, args.verbose)
    else:
        missing = fill(read_fill_file(args.file), areas)
        for context, source, comment in sorted(missing, key=str):
            extra = f" ({comment})" if comment else ""
            print(f"not found (run update first?): [{context}] {source!r}{extra}")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
