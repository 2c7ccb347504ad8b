"""Icons drawn from one icon font (Font Awesome 5 solid, ``fa5s.<name>``), the only set Daloy uses.

The font and its name-to-character map come with the qtawesome package, but qtawesome itself
is not imported: on import it loads qtpy (which pulls in Qt's OpenGL modules) and, on first
use, every font it bundles — about 40 MB of resident memory and a quarter of a second before
the window shows, for a dozen font families never drawn. Here only the one font is loaded,
on the first icon asked for; icons are painted the way qtawesome paints them (the glyph at
7/8 of the icon's height, centred, in the given colour; the palette's disabled text colour
when disabled), so they look the same.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

PREFIX = "fa5s"
FONT_FILE = "fontawesome5-solid-webfont-5.15.4.ttf"
CHARMAP_FILE = "fontawesome5-solid-webfont-charmap-5.15.4.json"


def font_folder() -> Path:
    """Where the font files are: next to the frozen app (``packaging/daloy.spec`` copies only
    these two files there), else in the installed qtawesome package (found, not imported)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen, "qtawesome", "fonts")
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the qtawesome package (icon font) is not installed")
    return Path(next(iter(spec.submodule_search_locations)), "fonts")


class _IconFont:
    """The loaded font: its family name and its map from icon name to character."""

    def __init__(self) -> None:
        folder = font_folder()
        font_id = QFontDatabase.addApplicationFont(str(folder / FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id)
        if not families:
            raise RuntimeError(f"the icon font {folder / FONT_FILE} could not be loaded")
        self.family = families[0]
        charmap = json.loads((folder / CHARMAP_FILE).read_text(encoding="utf-8"))
        self.chars = {name: chr(int(code, 16)) for name, code in charmap.items()}

    def font(self, pixel_size: int) -> QFont:
        font = QFont()
        font.setFamily(self.family)
        font.setPixelSize(max(1, pixel_size))
        font.setStyleName("Solid")
        return font


_font: _IconFont | None = None


def _icon_font() -> _IconFont:
    global _font
    if _font is None:
        _font = _IconFont()
    return _font


class PaintedEngine(QIconEngine):
    """An icon painted at the size asked for (``paint``, given by each subclass)."""

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pm = QPixmap(size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pm


class _GlyphEngine(PaintedEngine):
    def __init__(self, char: str, color: str) -> None:
        super().__init__()
        self.char = char
        self.color = color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        if mode == QIcon.Mode.Disabled:
            color = QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        else:
            color = QColor(self.color)
        painter.setPen(color)
        painter.setFont(_icon_font().font(round(0.875 * rect.height())))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.char)
        painter.restore()


def icon(name: str, color: str) -> QIcon:
    """The icon ``fa5s.<name>`` in ``color``; an unknown name is a programming error."""
    prefix, _, glyph = name.partition(".")
    chars = _icon_font().chars
    if prefix != PREFIX or glyph not in chars:
        raise ValueError(f"unknown icon {name!r}: Daloy draws only {PREFIX}.<name> icons")
    return QIcon(_GlyphEngine(chars[glyph], color))
