"""Daloy's mark (two waves on a dark tile) painted with QPainter at whatever size Qt asks for: the
window's icon, and the tray's with a coloured dot (green all is well, orange waiting, red down).

The same drawing as ``resources/icons/daloy.svg`` and ``daloy-tray-*.svg`` (kept for the
installer and the docs), painted here so that the desktop app never loads Qt's SVG module and
its two plugins for three small icons (~1.5 MB of resident memory, issue 20).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPen

from app.ui.icons import PaintedEngine

# The drawing on its 256-unit grid (the SVG's viewBox).
GRID = 256.0
TILE, TILE_RADIUS, TILE_COLOR = QRectF(8, 8, 240, 240), 56.0, "#12343f"
# (start, control 1, control 2, end, colour) of each wave, stroked 22 units wide, round ends
WAVES = (
    ((44, 96), (92, 56), (132, 136), (212, 92), "#5cc8e6"),
    ((44, 150), (92, 110), (132, 190), (212, 146), "#ffffff"),
)
WAVE_WIDTH = 22.0
SUN = (QPointF(212, 146), 16.0, "#f5c26b")  # the window icon's small dot at the wave's end
DOTS = {"ok": "#2e7d32", "waiting": "#c77700", "down": "#c62828"}  # the tray's state dot
DOT_CENTRE, DOT_RADIUS, DOT_RING = QPointF(196, 196), 54.0, 14.0


def paint(painter: QPainter, rect: QRect, state: str | None) -> None:
    """The mark in ``rect`` (square), with the tray's dot for ``state`` or the plain sun."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(rect.width(), rect.height())
    painter.translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2)
    painter.scale(side / GRID, side / GRID)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(TILE_COLOR))
    painter.drawRoundedRect(TILE, TILE_RADIUS, TILE_RADIUS)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for start, c1, c2, end, colour in WAVES:
        path = QPainterPath(QPointF(*start))
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
        pen = QPen(QColor(colour), WAVE_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(path)
    if state is None:
        centre, radius, colour = SUN
        painter.setPen(Qt.PenStyle.NoPen)
    else:
        centre, radius, colour = DOT_CENTRE, DOT_RADIUS, DOTS[state]
        painter.setPen(QPen(QColor("#ffffff"), DOT_RING))
    painter.setBrush(QBrush(QColor(colour)))
    painter.drawEllipse(centre, radius, radius)
    painter.restore()


class _LogoEngine(PaintedEngine):
    def __init__(self, state: str | None) -> None:
        super().__init__()
        self.state = state

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        paint(painter, rect, self.state)

    def clone(self) -> QIconEngine:
        return _LogoEngine(self.state)


def logo_icon(state: str | None = None) -> QIcon:
    """The window's icon (``None``), or the tray's for ``state`` (``ok``, ``waiting``, ``down``)."""
    if state is not None and state not in DOTS:
        raise ValueError(f"no tray icon for the state {state!r}")
    return QIcon(_LogoEngine(state))
