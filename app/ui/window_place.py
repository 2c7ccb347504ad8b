"""Where the main window opens, and at what size: where the operator left it (remembered per
user when the window closes), else its usual 1180×760 in the middle of the screen; in both
cases fitted, title bar and frame included, into the screen's free area
(``QScreen.availableGeometry``: the screen less its taskbar). A window left on a bigger screen,
or on a second screen no longer there, opens on this one, whole. Where even the usual size does
not fit (1366×768 with a taskbar, 1024×700) it opens maximised, and its normal size fits too.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

USUAL = QSize(1180, 760)
# The frame the window manager adds before it says how big it is: a title bar and borders
# (Windows 10/11: a ~31 px title bar and ~8 px borders; most Linux desktops less)
FRAME = QMargins(8, 38, 8, 8)
KEY = "window/place"
MAXIMISED = "window/maximised"


def fitted(room: QRect, wanted: QSize, frame: QMargins, at: QPoint | None = None) -> QRect:
    """The window's own rectangle (inside its frame): ``wanted`` or less, so that with
    ``frame`` it lies inside ``room``; at ``at`` (its inner top-left) when it fits there, else
    as near as fits, else in the middle of ``room``."""
    inner = room.marginsRemoved(frame)
    width = max(1, min(wanted.width(), inner.width()))
    height = max(1, min(wanted.height(), inner.height()))
    if at is None:
        x = inner.x() + (inner.width() - width) // 2
        y = inner.y() + (inner.height() - height) // 2
    else:
        x = min(max(at.x(), inner.x()), inner.x() + inner.width() - width)
        y = min(max(at.y(), inner.y()), inner.y() + inner.height() - height)
    return QRect(x, y, width, height)


def _frame(window: QWidget) -> QMargins:
    """The window's frame once the window manager has put one round it; else ``FRAME``."""
    outer, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and outer != inner:
        return QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
    return FRAME


def remembered() -> tuple[QRect | None, bool]:
    """Where the operator left the window (its normal rectangle) and whether it was
    maximised; (None, False) the first time."""
    from app.ui.language import settings

    s = settings()
    place = s.value(KEY)
    rect = place if isinstance(place, QRect) and place.isValid() else None
    return rect, str(s.value(MAXIMISED, "false")).lower() == "true"


def remember(window: QWidget) -> None:
    """Keep where the window is, for its next opening (when it closes or hides to the tray)."""
    from app.ui.language import settings

    s = settings()
    s.setValue(KEY, window.normalGeometry())
    s.setValue(MAXIMISED, window.isMaximized())
    s.sync()


def _room(window: QWidget, near: QRect | None) -> QRect | None:
    """The free area of the screen the window opens on: the one it was left on when that is
    still there, else its own (the primary)."""
    screen = QGuiApplication.screenAt(near.center()) if near is not None else None
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def show_fitted(window: QWidget) -> None:
    """Show the window where it was left, or at its usual size, whole on the screen's free
    area (frame included); maximised where the size wanted does not fit, or as it was left."""
    place, maximised = remembered()
    room = _room(window, place)
    if room is None:  # no screen known: as Qt places it
        window.show()
        return
    wanted = place.size() if place is not None else USUAL
    rect = fitted(room, wanted, FRAME, place.topLeft() if place is not None else None)
    window.setGeometry(rect)  # its own rectangle: the frame goes round it, inside the room
    if maximised or rect.size() != wanted:
        window.showMaximized()
    else:
        window.show()
        # the real frame is known once the window manager has framed the window
        QTimer.singleShot(300, window, lambda: keep_inside(window, room))


def keep_inside(window: QWidget, room: QRect) -> None:
    """Move (and if need be shrink) a shown, normal window whose frame reaches past ``room``."""
    if not window.isVisible() or window.isMaximized() or window.isFullScreen():
        return
    if room.contains(window.frameGeometry()):
        return
    frame = _frame(window)
    rect = fitted(room, window.size(), frame, window.geometry().topLeft())
    window.setGeometry(rect)
