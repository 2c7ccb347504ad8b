"""Render the app icon (resources/icons/daloy.svg) to PNG sizes and a Windows .ico."""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
<rect x="8" y="8" width="240" height="240" rx="56" fill="#12343f"/>
<path d="M44 96 C 92 56, 132 136, 212 92" stroke="#5cc8e6" stroke-width="22" fill="none" stroke-linecap="round"/>
<path d="M44 150 C 92 110, 132 190, 212 146" stroke="#ffffff" stroke-width="22" fill="none" stroke-linecap="round"/>
<circle cx="212" cy="146" r="16" fill="#f5c26b"/>
</svg>
"""


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "daloy.svg").write_text(SVG)
    renderer = QSvgRenderer(SVG.encode())
    for size in (16, 32, 48, 64, 128, 256):
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        renderer.render(p, QRectF(0, 0, size, size))
        p.end()
        img.save(str(ICONS / (f"daloy-{size}.png" if size != 256 else "daloy.png")))
        if size == 256:
            img.save(str(ICONS / "daloy.ico"))
    del app


if __name__ == "__main__":
    main()
