"""The main window opens whole on the screen's free area, title bar and frame included: at its
usual size where that fits, else maximised with a normal size that fits too; where the
operator left it, when that was on a bigger screen or one no longer there, fitted to this one."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

from app.ui import window_place
from app.ui.window_place import FRAME, USUAL, fitted


def whole(rect: QRect, room: QRect) -> bool:
    """``rect`` (a window's own rectangle) with the frame round it lies inside ``room``."""
    return room.contains(rect.marginsAdded(FRAME))


def opens_whole(window, room: QRect) -> bool:
    """The window's normal size with a title bar and borders fits ``room``, and the window as
    framed here lies inside it (the offscreen screen frames no window)."""
    size = window.normalGeometry().marginsAdded(FRAME).size()
    return (
        size.width() <= room.width()
        and size.height() <= room.height()
        and room.contains(window.frameGeometry())
    )


def test_the_usual_size_is_fitted_with_its_frame_to_a_screen_less_its_taskbar():
    # 1366×768 with a 40 px taskbar at the bottom: 728 px free, the title bar included
    room = QRect(0, 0, 1366, 728)
    rect = fitted(room, USUAL, FRAME)
    assert whole(rect, room)
    assert rect.width() == USUAL.width() and rect.height() == 728 - FRAME.top() - FRAME.bottom()
    # 1024×700 with the taskbar on the left (a screen's free area need not start at 0, 0)
    room = QRect(48, 0, 976, 700)
    rect = fitted(room, USUAL, FRAME)
    assert whole(rect, room) and rect.width() == 976 - 16
    # room to spare: the usual size, in the middle
    room = QRect(0, 0, 1920, 1040)
    rect = fitted(room, USUAL, FRAME)
    assert rect.size() == USUAL and whole(rect, room)
    assert abs(rect.center().x() - room.center().x()) <= 1


def test_a_place_left_on_a_bigger_or_a_missing_screen_opens_whole_on_this_one():
    room = QRect(0, 0, 1366, 728)
    # left at 1800×1000 on a 1920×1080 screen
    rect = fitted(room, QSize(1800, 1000), FRAME, QPoint(60, 40))
    assert whole(rect, room) and rect.size() == QSize(1366 - 16, 728 - 46)
    # left on a second screen to the right, since unplugged
    rect = fitted(room, QSize(900, 600), FRAME, QPoint(2100, 300))
    assert whole(rect, room) and rect.size() == QSize(900, 600)
    # left where it fits: kept there
    assert fitted(room, QSize(900, 600), FRAME, QPoint(100, 80)).topLeft() == QPoint(100, 80)


def test_the_window_opens_where_it_was_left_fitted_to_a_smaller_screen(qtbot, tmp_path):
    """Closed on a big screen (remembered per user), opened on this small one: whole, frame
    included; then its own place is remembered on the next close."""
    from app.ui.language import settings
    from app.ui.main import show_fitted
    from app.ui.mainwindow import MainWindow

    s = settings()
    s.setValue(window_place.KEY, QRect(2000, 100, 1800, 1000))  # a second screen's place
    s.setValue(window_place.MAXIMISED, False)
    s.sync()
    window = MainWindow(None, tmp_path)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < 1800  # this screen is smaller than the place left
    show_fitted(window)
    qtbot.waitUntil(window.isVisible, timeout=5000)
    assert opens_whole(window, room), (window.normalGeometry(), room)
    window.showNormal()
    window.setGeometry(QRect(60, 70, 700, 450))
    qtbot.waitUntil(lambda: window.geometry().topLeft() == QPoint(60, 70), timeout=5000)
    window.quitting = True
    window.close()
    again = MainWindow(None, tmp_path)
    qtbot.addWidget(again)
    show_fitted(again)
    qtbot.waitUntil(again.isVisible, timeout=5000)
    assert again.geometry() == QRect(60, 70, 700, 450)
    assert not again.isMaximized()


def test_a_first_window_on_a_small_screen_is_maximised_with_a_normal_size_that_fits(
    qtbot, tmp_path
):
    from app.ui.main import show_fitted
    from app.ui.mainwindow import MainWindow

    window = MainWindow(None, tmp_path)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < USUAL.width() or room.height() < USUAL.height()  # a small screen
    show_fitted(window)
    qtbot.waitUntil(window.isMaximized, timeout=5000)
    # un-maximised, it still fits with its title bar (it was 1180×760 under the maximised one)
    assert opens_whole(window, room), (window.normalGeometry(), room)
