"""The workflow picture on an order's page, as the operator meets it on the sample's demo order
that waits for them (the stock question, DEMO-1002): it opens at a zoom where step titles read,
on the step waiting for them, inside the picture; a button (and F) shows the whole workflow and
goes back; a drag pans, the wheel scrolls; a reload of the page keeps a panned view, unless the
order's step changed. At 1366x768 and 1024x700, in English and in Filipino (the real window,
runtime and sample workflow)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from app.ui.editor.scene import HEAD, NODE_W
from app.ui.order_page import READABLE_ZOOM, step_that_matters
from tests.ui import test_demo_order_page as demo_page
from tests.ui.test_demo_order_page import WINDOW, open_page, set_up_and_try_the_demo
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

speaking = demo_page.speaking  # the fixture: English, then Filipino (the samples seeded so)

WIDE = (1366, 748)  # a 1366×768 screen less the window's title bar
SWITCH = {
    "en": ("Whole workflow", "Where this order is"),
    "fil": ("Buong workflow", "Nasaan ang order na ito"),
}


def box_on_screen(picture, name: str) -> QRect:  # noqa: ANN001
    """Where the step's box shows in the picture's viewport."""
    node = picture.scene_.nodes[name]
    return picture.mapFromScene(node.sceneBoundingRect()).boundingRect()


def all_on_screen(picture) -> QRect:  # noqa: ANN001
    return picture.mapFromScene(picture.scene_.itemsBoundingRect()).boundingRect()


def middle(picture) -> QPointF:  # noqa: ANN001
    """The point of the workflow at the picture's middle."""
    return picture.mapToScene(picture.viewport().rect().center())


def in_the_corner(picture) -> bool:  # noqa: ANN001
    """The switch sits in the picture's top right corner, whole, wherever the view scrolled."""
    seen = picture.viewport().geometry()  # in the picture's coordinates, as the switch's
    at = picture.switch.geometry()
    return seen.contains(at) and at.top() - seen.top() < 12 and seen.right() - at.right() < 12


def shows_readably(picture, name: str) -> None:  # noqa: ANN001
    """At a zoom where titles read, the step's box in view: whole when the picture is tall
    enough, else its title and as much of it as fits (a short strip at 1024x700)."""
    assert picture.scale_now() >= READABLE_ZOOM - 1e-6, picture.scale_now()
    box, seen = box_on_screen(picture, name), picture.viewport().rect()
    node = picture.scene_.nodes[name]
    head = picture.mapFromScene(node.mapRectToScene(QRectF(0, 0, NODE_W, HEAD))).boundingRect()
    assert seen.contains(head), (head, seen)
    if box.height() <= seen.height():
        assert seen.contains(box), (box, seen)
    else:
        assert seen.left() <= box.left() and box.right() <= seen.right(), (box, seen)
        assert box.top() >= seen.top() - 1, (box, seen)


def test_the_picture_opens_readable_on_the_step_waiting_and_shows_the_whole_on_request(
    speaking, gui, qtbot, tmp_path
):
    ctx, window = gui
    window.resize(*WIDE)
    qtbot.waitUntil(lambda: window.size().toTuple() == WIDE, timeout=5000)
    ids = set_up_and_try_the_demo(ctx, window, qtbot)
    page = open_page(window, qtbot, ids["DEMO-1002"])
    qtbot.waitUntil(lambda: page.why_more.isVisible(), timeout=10000)
    picture = page.picture
    # the step that waits for the operator: the stock question's
    waiting = next(i["step"] for i in page.detail["inbox"] if i["status"] == "open")
    assert picture.focus == waiting == step_that_matters(page.detail)
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    whole, back = SWITCH[speaking]
    for size in (WIDE, WINDOW):
        window.resize(*size)
        qtbot.waitUntil(lambda s=size: window.size().toTuple() == s, timeout=5000)
        qtbot.wait(300)  # the splitter's layout at this size
        label = f"{size[0]}x{size[1] + 20}"
        window.grab().save(str(out / f"order-picture-{speaking}-{label}.png"))
        # readable, on the waiting step (it was the whole sample fitted: ~25 %)
        shows_readably(picture, waiting)
        switch = picture.switch
        assert switch.isVisible() and switch.text() == whole
        assert in_the_corner(picture)
        assert switch.width() >= switch.sizeHint().width()  # its words whole
        # the whole workflow, then back
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
        assert picture.scale_now() < READABLE_ZOOM
        assert picture.viewport().rect().contains(all_on_screen(picture))
        assert switch.text() == back
        picture.grab().save(str(out / f"order-picture-whole-{speaking}-{label}.png"))
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
        shows_readably(picture, waiting)
        assert switch.text() == whole
        # from the keyboard: the button is in the Tab order, F on the picture switches
        assert switch.focusPolicy() & Qt.FocusPolicy.TabFocus
        picture.setFocus()
        qtbot.keyClick(picture, Qt.Key.Key_F)
        assert picture.viewport().rect().contains(all_on_screen(picture))
        qtbot.keyClick(picture, Qt.Key.Key_F)
        shows_readably(picture, waiting)


def test_a_panned_picture_stays_where_it_is_when_the_page_reloads(speaking, gui, qtbot):
    ctx, window = gui
    window.resize(*WINDOW)
    qtbot.waitUntil(lambda: window.size().toTuple() == WINDOW, timeout=5000)
    ids = set_up_and_try_the_demo(ctx, window, qtbot)
    page = open_page(window, qtbot, ids["DEMO-1002"])
    qtbot.wait(300)
    picture = page.picture
    waiting = picture.focus
    shows_readably(picture, waiting)
    opened = middle(picture)
    # a drag over a step pans too (nothing there can be moved)
    vp = picture.viewport()
    start = box_on_screen(picture, waiting).center()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, start + QPoint(-60, -20))
    qtbot.mouseMove(vp, start + QPoint(-150, -40))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(-150, -40))
    panned = middle(picture)
    moved = panned - opened
    assert abs(moved.x()) > 100, (opened, panned)
    # the wheel scrolls (it does not zoom)
    scale = picture.scale_now()
    wheel = QWheelEvent(
        QPointF(vp.rect().center()),
        QPointF(vp.mapToGlobal(vp.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, wheel)
    assert middle(picture).y() > panned.y()
    assert in_the_corner(picture)  # it did not scroll away with the steps
    assert picture.scale_now() == scale
    looked = middle(picture)
    # the order's page reloads (as it does when the order moves on): the view stays
    shown = page.detail
    page.reload()
    qtbot.waitUntil(lambda: page.detail is not shown, timeout=10000)
    qtbot.wait(100)
    assert picture.focus == waiting
    after = middle(picture)
    assert abs(after.x() - looked.x()) < 1 and abs(after.y() - looked.y()) < 1, (looked, after)
    assert picture.scale_now() == scale
    # the window resized: still where the operator left it (not fitted again)
    window.resize(WINDOW[0], WINDOW[1] - 10)
    qtbot.waitUntil(lambda: window.size().toTuple() == (WINDOW[0], WINDOW[1] - 10), timeout=5000)
    assert picture.scale_now() == scale
    # the step that matters changed (the order moved on): the picture goes to it
    d = page.detail
    other = next(st["name"] for st in d["steps"] if st["name"] != waiting)
    picture.show_workflow(d["definition"], d["steps"], order=d["id"], focus=other)
    shows_readably(picture, other)
    # another order opens on its own step, readable
    done = open_page(window, qtbot, ids["DEMO-1001"])
    qtbot.waitUntil(lambda: done.picture.focus == step_that_matters(done.detail), timeout=5000)
    qtbot.wait(100)
    shows_readably(done.picture, done.picture.focus)
