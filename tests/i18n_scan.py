"""Finds text shown to people that cannot be translated: a string literal (or an f-string, or a
literal with ``.format``) passed straight to a Qt text setter or widget constructor, instead of
through ``app.core.i18n.translate``; and ``translate`` calls lupdate cannot read (an f-string as
the source, the count given as ``n=``). Used by ``tests/test_i18n.py``."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# Methods whose every string argument is shown to a person.
SETTERS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setTitle",
    "setLabelText",
    "setTabText",
    "setItemText",
    "setInformativeText",
    "setDetailedText",
    "setSubTitle",
    "setButtonText",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "addAction",
    "addMenu",
    "addItem",
    "addItems",
    "insertItem",
    "addTab",
    "insertTab",
    "addButton",
    "addRow",
    "showMessage",
    "getText",
    "getItem",
    "getInt",
    "getDouble",
    "getSaveFileName",
    "getOpenFileName",
    "getExistingDirectory",
}
# Constructors (and our own helpers) whose string arguments are shown.
CONSTRUCTORS = {
    "QLabel",
    "PlainLabel",
    "rich_label",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QMessageBox",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QTableWidgetItem",
    "QStandardItem",
    "QWizardPage",
    "confirm",
    "Fold",
}
# QMessageBox's static questions (``log.warning`` is not one: logs stay English).
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}
# Which arguments of a call are shown (the others are names, data, flags); default: all.
SHOWN_ARGS = {"Fold": (0, 1)}
# Words that are the same in every language: the product's name, formats, symbols.
SAME_EVERYWHERE = {"Daloy", "OK", "CSV", "Excel", "JSON", "PHP", "₱", "Ctrl+Q"}
# Markup, template and format fields are no words a person reads.
NOT_WORDS = re.compile(r"<[^>]*>|\{\{.*?\}\}|\{[^}]*\}|&\w+;")


def _has_words(text: str) -> bool:
    text = NOT_WORDS.sub("", text).strip()
    if not text or text in SAME_EVERYWHERE or text.startswith("."):  # ".json": a file suffix
        return False
    return any(c.isalpha() for c in text)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def _literal_text(node: ast.AST) -> str | None:
    """The words of a literal shown as it is (None when the node is not such a literal)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.strip()
        return text if _has_words(text) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        text = "".join(str(p) for p in parts)
        return f"f{text!r}" if _has_words(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return next((t for t in map(_literal_text, node.elts) if t), None)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _literal_text(node.func.value)
    return None


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_message_box(func: ast.AST) -> bool:
    return isinstance(func, ast.Attribute) and _name(func.value) == "QMessageBox"


def scan_source(source: str, path: str) -> list[Finding]:
    found = []
    in_ui = path.startswith("app/ui/")
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "translate":
            if any(k.arg == "n" for k in node.keywords):
                found.append(
                    Finding(path, node.lineno, "translate(..., n=...): pass n by position")
                )
            if len(node.args) > 1 and isinstance(node.args[1], ast.JoinedStr):
                found.append(Finding(path, node.lineno, "translate with an f-string source"))
            continue
        # a page's title (``super().__init__(ctx, "Orders")``); elsewhere an error's message
        is_super_title = (
            in_ui
            and name == "__init__"
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Call)
            and _name(node.func.value.func) == "super"
        )
        shown = (name in MESSAGE_BOXES and _is_message_box(node.func)) or is_super_title
        if name in SETTERS or name in CONSTRUCTORS or shown:
            positions = SHOWN_ARGS.get(name, range(len(node.args)))
            args = [a for i, a in enumerate(node.args) if i in positions]
            for arg in [*args, *(k.value for k in node.keywords)]:
                text = _literal_text(arg)
                if text:
                    found.append(Finding(path, node.lineno, f"{name}(… {text!r} …)"))
    return found


def scan(files: list[Path], root: Path) -> dict[str, list[Finding]]:
    """Findings per file (relative path), for files that have any."""
    out: dict[str, list[Finding]] = {}
    for f in files:
        rel = f.relative_to(root).as_posix()
        found = scan_source(f.read_text(encoding="utf-8"), rel)
        if found:
            out[rel] = found
    return out
