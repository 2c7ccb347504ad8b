"""Every page at 1366×768 and 1024×700, with realistic data: the window fits the screen, no
button or label of the page is cut off at the window's edge or squeezed below what its text
needs, and the inbox's actions are visible without scrolling. A PNG per page and size is
saved for people to look at (``DALOY_SCREENSHOTS=folder``; else the test's temporary folder).

    DALOY_SCREENSHOTS=shots QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python -m pytest -q tests/ui/test_small_screens.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from tests.support.engine import charge_workflow, run_status, save, wait_for

SIZES = ((1366, 768), (1024, 700))
PAGES = (
    "inbox",
    "runs",
    "order",
    "workflows",
    "connections",
    "health",
    "audit",
    "backups",
    "dashboard",
)
# pages built elsewhere: screenshotted and checked to fit the window, their inner layout is
# their owners' (the editor and the connection forms have tests of their own)
OTHERS = ("workflows", "connections")


def visible_controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QLabel)
        and w.isVisible()
        and w.width() > 0
    ]


def clipped(window: QWidget, page: QWidget) -> list[str]:
    """Controls of ``page`` cut off by the window's edge, or narrower than their text needs
    (a button showing half its words). Controls inside a scroll area count only when the
    scroll area's own edge is inside the window (scrolling shows the rest)."""
    problems = []
    inside = QRect(0, 0, window.width(), window.height())
    for w in visible_controls(page):
        if w.window() is not window:
            continue
        top_left = w.mapTo(window, w.rect().topLeft())
        rect = QRect(top_left, w.size())
        view = w.visibleRegion().boundingRect()
        if view.isEmpty():  # scrolled out of view in a scroll area: reachable
            continue
        shown = QRect(w.mapTo(window, view.topLeft()), view.size())
        if not inside.contains(shown):
            problems.append(
                f"{type(w).__name__} {w.objectName()!r} “{getattr(w, 'text', str)()}"
                f"” at {rect.getRect()} leaves the window"
            )
        if view.width() < w.width() - 1:
            problems.append(
                f"{type(w).__name__} “{getattr(w, 'text', str)()}” is cut: "
                f"{view.width()} of {w.width()} px shown"
            )
        if (
            isinstance(w, QAbstractButton)
            and w.text()
            and w.width() < w.minimumSizeHint().width() - 2
        ):
            problems.append(
                f"button “{w.text()}” is {w.width()} px wide, needs {w.minimumSizeHint().width()}"
            )
        if (
            isinstance(w, QLabel)
            and not w.wordWrap()
            and w.text()
            and w.pixmap().isNull()
            and w.width() < w.sizeHint().width() - 2
        ):
            problems.append(
                f"label “{w.text()}” is {w.width()} px wide, needs {w.sizeHint().width()}"
            )
    return problems


@pytest.fixture
def shop(gui, qtbot, payment_gateway):
    """Orders that are done, cancelled, waiting for a person, plus a decision."""
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=2))
    customers = [
        ("1042", "Aling Nena Dela Cruz-Villanueva"),
        ("1043", "Mang Tomas"),
        ("1044", "Ate Joy"),
        ("1045", "Kuya Ben"),
    ]

    def start(n: str, name: str) -> str:
        return ctx.store.start_run(
            "charge",
            {
                "order": {
                    "number": n,
                    "amount": 1499.5,
                    "total": 1499.5,
                    "currency": "PHP",
                    "customer": {"name": name, "email": f"{n}@example.com"},
                    "lines": [{"sku": "RICE-25", "qty": 2}],
                }
            },
        )

    payment_gateway.down()  # 1042 waits for a person, 1045 is cancelled
    held = [start(*customers[0]), start(*customers[3])]
    wait_for(lambda: all(run_status(ctx.db, r) == "needs_attention" for r in held), 30)
    payment_gateway.up()
    runs = [held[0], *(start(*c) for c in customers[1:3]), held[1]]
    save(
        ctx.db,
        {
            "name": "ask",
            "business_key": "{{ trigger.order.number }}",
            "steps": [
                {
                    "name": "q",
                    "type": "ask_person",
                    "config": {
                        "question": "Only 3 of 5 RICE-25 in stock: substitute, backorder or cancel?",
                        "options": [
                            {"name": "substitute", "label": "Substitute"},
                            {"name": "backorder", "label": "Backorder"},
                            {"name": "cancel", "label": "Cancel order"},
                        ],
                    },
                }
            ],
            "edges": [],
        },
    )
    ctx.store.start_run("ask", {"order": {"number": "1046"}})
    wait_for(
        lambda: all(run_status(ctx.db, r) in ("succeeded", "needs_attention") for r in runs), 30
    )
    ctx.actions.cancel(runs[3], reason="customer called to cancel")
    qtbot.waitUntil(lambda: len(window.inbox.items) == 2, timeout=20000)
    return ctx, window, runs


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_without_clipping(shop, qtbot, size, tmp_path):
    ctx, window, runs = shop
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() <= size[0] and window.height() <= size[1], timeout=5000)
    problems: dict[str, list[str]] = {}
    for key in PAGES:
        if key == "order":
            window.open_run(runs[0])
            qtbot.waitUntil(lambda: window.runs.detail.timeline.rows != {}, timeout=10000)
            page = window.runs
        else:
            window.page(key)
            page = window.stack.currentWidget()
        if key == "inbox":
            window.inbox.list.setCurrentRow(0)
            detail = window.inbox.detail
            qtbot.waitUntil(
                lambda d=detail: (
                    "retry" in d.buttons or any(k.startswith("option_") for k in d.buttons)
                ),
                timeout=10000,
            )
            # the actions are visible without scrolling (once the pane is laid out)
            qtbot.waitUntil(
                lambda d=detail: all(
                    b.visibleRegion().boundingRect().size() == b.size() for b in d.buttons.values()
                ),
                timeout=5000,
            )
        qtbot.wait(300)
        window.grab().save(str(out / f"{key}-{size[0]}x{size[1]}.png"))
        found = [] if key in OTHERS else clipped(window, page)
        if found:
            problems[key] = found
    assert window.width() <= size[0] and window.height() <= size[1]
    assert problems == {}


def test_the_window_opens_no_larger_than_the_screen(qtbot, tmp_path):
    """Its usual 1180×760 cut off the right side and the footer of a 1024×700 office screen:
    on a screen smaller than that, the app's start shows it maximised (here the offscreen
    screen's free area)."""
    from app.ui.main import show_fitted
    from app.ui.mainwindow import MainWindow

    window = MainWindow(None, tmp_path)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.width() > room.width() or window.height() > room.height()  # this screen is small
    show_fitted(window)
    qtbot.waitUntil(lambda: window.isMaximized(), timeout=5000)
    qtbot.waitUntil(
        lambda: window.width() <= room.width() and window.height() <= room.height(), timeout=5000
    )
