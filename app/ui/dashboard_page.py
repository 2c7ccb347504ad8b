"""Dashboard: how the shop is doing over a chosen period (``app.store.dashboard``), read off the
GUI thread. Every figure clicks through to the orders behind it: the Orders page opens on
exactly those (``queries.list_orders(run_ids=...)``).

The charts are painted with QPainter, not QtCharts: two simple bar charts do not justify
shipping the QtCharts module (PySide6-Addons, tens of MB in the installed app) and its startup
cost; painting them is ~100 lines and keeps the look of the rest of the app.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.store import dashboard
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import ACCENT, BAD, MUTED, OK, WARN
from app.ui.text import PlainLabel

PERIODS = (
    (QT_TRANSLATE_NOOP("Dashboard", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("Dashboard", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("Dashboard", "Last 90 days"), 90),
    (QT_TRANSLATE_NOOP("Dashboard", "Last year"), 365),
)
PALETTE = (ACCENT, OK, WARN, "#7c3aed", MUTED, BAD)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 3600:
        return translate("Dashboard", "{minutes} min").format(minutes=f"{seconds / 60:.0f}")
    if seconds < 2 * 86400:
        return translate("Dashboard", "{hours} h").format(hours=f"{seconds / 3600:.1f}")
    return translate("Dashboard", "{days} days").format(days=f"{seconds / 86400:.1f}")


class DayChart(QWidget):
    """Orders per day, stacked by channel. Clicking a bar's part picks (day, channel)."""

    picked = Signal(str)  # "YYYY-MM-DD|channel"

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dayChart")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.per_day: dict[str, dict[str, int]] = {}
        self.channels: list[str] = []
        self.parts: list[tuple[QRectF, str]] = []

    def set_data(self, per_day: dict[str, dict[str, int]], channels: list[str]) -> None:
        self.per_day, self.channels = per_day, channels
        # a painted chart says nothing to a screen reader: the empty one's words are said here
        self.setAccessibleDescription("" if per_day else self.empty_words())
        self.update()

    @staticmethod
    def empty_words() -> str:
        # the demo's orders are practice runs: say why its dashboard stays empty
        return translate(
            "Dashboard",
            "No orders in this period. Practice runs and the demo's orders are not counted here.",
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.parts = []
        days = sorted(self.per_day)
        legend_h = 18
        area = QRectF(4, legend_h + 4, self.width() - 8, self.height() - legend_h - 24)
        for i, ch in enumerate(self.channels):
            p.fillRect(QRectF(6 + i * 130, 4, 10, 10), QColor(PALETTE[i % len(PALETTE)]))
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(20 + i * 130, 0, 110, 18), Qt.AlignmentFlag.AlignVCenter, ch)
        if not days:
            p.drawText(
                area,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_words(),
            )
            return
        top = max(sum(v.values()) for v in self.per_day.values()) or 1
        width = area.width() / len(days)
        for i, day in enumerate(days):
            y = area.bottom()
            for j, ch in enumerate(self.channels):
                n = self.per_day[day].get(ch, 0)
                if not n:
                    continue
                h = area.height() * n / top
                rect = QRectF(area.left() + i * width + 1, y - h, max(1.0, width - 2), h)
                p.fillRect(rect, QColor(PALETTE[j % len(PALETTE)]))
                self.parts.append((rect, f"{day}|{ch}"))
                y -= h
            if len(days) <= 31 or i % max(1, len(days) // 12) == 0:
                p.setPen(QColor(MUTED))
                p.drawText(
                    QRectF(area.left() + i * width, area.bottom() + 2, max(width, 40), 18),
                    Qt.AlignmentFlag.AlignLeft,
                    day[5:],
                )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        for rect, key in self.parts:
            if rect.contains(event.position()):
                self.picked.emit(key)
                return


class BarList(QWidget):
    """Horizontal bars, one a row (a label and a count); clicking a row picks its label."""

    picked = Signal(str)
    ROW = 22

    def __init__(self, name: str, color: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.color = color
        self.rows: list[tuple[str, int]] = []

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        self.rows = rows
        self.setMinimumHeight(self.ROW * max(1, len(rows)) + 4)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setPen(QColor(MUTED))
        if not self.rows:
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignLeft,
                translate("Dashboard", "None in this period."),
            )
            return
        top = max(n for _l, n in self.rows) or 1
        label_w = self.width() * 0.5
        for i, (label, n) in enumerate(self.rows):
            y = i * self.ROW
            p.setPen(QColor("#374151"))
            p.drawText(
                QRectF(0, y, label_w - 6, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            w = (self.width() - label_w - 40) * n / top
            p.fillRect(QRectF(label_w, y + 4, max(2.0, w), self.ROW - 8), QColor(self.color))
            p.drawText(
                QRectF(label_w + w + 4, y, 40, self.ROW), Qt.AlignmentFlag.AlignVCenter, str(n)
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        i = int(event.position().y() // self.ROW)
        if 0 <= i < len(self.rows):
            self.picked.emit(self.rows[i][0])


class DashboardPage(Page):
    open_orders = Signal(list, str)  # run ids, what they are (in words)
    loaded = Signal(object)  # dashboard.Figures (tests, the benchmark)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Dashboard", "Dashboard"))
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        for label, days in PERIODS:
            self.period.addItem(translate("Dashboard", label), days)
        self.period.currentIndexChanged.connect(self.reload)
        self.top.addWidget(self.period)
        self.tiles: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        self._columns = 0
        for key in (
            "clean",
            "needed_person",
            "cancelled",
            "resolved",
            "waiting_person",
            "waiting_system",
        ):
            tile = QPushButton()
            tile.setObjectName(f"tile_{key}")
            tile.setFlat(True)
            tile.setMinimumHeight(56)
            # the row of six would hold the window wider than a 1024-pixel screen (Filipino
            # titles are longer): the tiles go on two rows instead when they do not fit
            tile.setMinimumWidth(100)
            tile.clicked.connect(lambda _c=False, k=key: self.pick(k, None))
            self.tiles[key] = tile
        self._reflow()
        self.body.addLayout(self.grid)
        self.days = DayChart()
        self.days.picked.connect(lambda key: self.pick("day", key))
        self.body.addWidget(PlainLabel(translate("Dashboard", "Orders per day, by channel")))
        self.body.addWidget(self.days, 2)
        lists = QHBoxLayout()
        self.steps = BarList("failingSteps", BAD)
        self.steps.picked.connect(lambda key: self.pick("failing_step", key))
        self.systems = BarList("failingSystems", WARN)
        self.systems.picked.connect(lambda key: self.pick("failing_system", key))
        for title, w in (
            (translate("Dashboard", "Steps that failed most"), self.steps),
            (translate("Dashboard", "Systems that failed most"), self.systems),
        ):
            col = QWidget()
            cl = QGridLayout(col)
            cl.addWidget(PlainLabel(title), 0, 0)
            cl.addWidget(w, 1, 0)
            lists.addWidget(col, 1)
        self.body.addLayout(lists, 1)
        self.figures: dashboard.Figures | None = None
        self._asked = 0
        self.reload()

    def span(self) -> tuple[float, float]:
        until = time.time()
        return until - (self.period.currentData() or 7) * 86400, until

    def reload(self) -> None:
        since, until = self.span()
        self._asked += 1
        asked = self._asked

        def load() -> dashboard.Figures:
            with self.ctx.db.read() as s:
                return dashboard.figures(s, since, until)

        # an older answer (another period, chosen meanwhile) arriving late is dropped
        self.ctx.background(
            load, lambda f: self._show(f) if asked == self._asked else None, owner=self
        )

    def retranslate(self) -> None:
        """The tiles say figures in words: said again in the language just chosen."""
        if self.figures is not None:
            self._tiles(self.figures)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """The tiles on one row when their words fit the page's width, else on two."""
        tiles = list(self.tiles.values())
        # the columns share the width equally: the row fits when the widest tile fits its share
        widest = max(t.sizeHint().width() for t in tiles)
        needed = (widest + self.grid.spacing()) * len(tiles)
        margins = self.body.contentsMargins()
        fits = self.width() - margins.left() - margins.right() >= needed
        columns = len(tiles) if fits else (len(tiles) + 1) // 2
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile in enumerate(tiles):
            self.grid.removeWidget(tile)
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(len(tiles)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def _tiles(self, f: dashboard.Figures) -> None:
        def share(n: int) -> str:
            return f" ({100 * n / f.orders:.0f}%)" if f.orders else ""

        words = {
            "clean": translate("Dashboard", "Ran cleanly\n{count}{share}").format(
                count=f.clean, share=share(f.clean)
            ),
            "needed_person": translate("Dashboard", "Needed a person\n{count}{share}").format(
                count=f.needed_person, share=share(f.needed_person)
            ),
            # stopped by the operator, or ended cancelled by the workflow (its End the order)
            "cancelled": translate("Dashboard", "Cancelled\n{count}{share}").format(
                count=f.cancelled, share=share(f.cancelled)
            ),
            "resolved": (
                translate("Dashboard", "Time to resolve (median)\n{time} · {count} answered")
                if f.resolved
                else translate("Dashboard", "Time to resolve (median)\nnothing answered yet")
            ).format(time=duration(f.resolve_median), count=f.resolved),
            "waiting_person": translate("Dashboard", "Waiting on a person\n{count}").format(
                count=f.waiting_person
            ),
            "waiting_system": translate("Dashboard", "Waiting on a system\n{count}").format(
                count=f.waiting_system
            ),
        }
        for key, text in words.items():
            self.tiles[key].setText(text)
            self.tiles[key].setToolTip(translate("Dashboard", "Click to see these orders."))
        self._reflow()

    def _show(self, f: dashboard.Figures) -> None:
        self.figures = f
        self._tiles(f)
        self.days.set_data(f.per_day, f.channels)
        self.steps.set_rows(f.failing_steps)
        self.systems.set_rows(f.failing_systems)
        self.loaded.emit(f)

    def pick(self, figure: str, key: str | None) -> None:
        since, until = (self.figures.since, self.figures.until) if self.figures else self.span()
        label = (
            self.tiles[figure].text().split("\n")[0]
            if figure in self.tiles
            else (key or figure).replace("|", " · ")
        )

        def load() -> list[str]:
            with self.ctx.db.read() as s:
                return dashboard.orders_behind(s, figure, since, until, key)

        self.ctx.background(load, lambda ids: self.open_orders.emit(ids, label), owner=self)


def show_orders(window: Any, ids: list[str], label: str) -> None:
    """Open the Orders page on exactly these orders (a change of its filters shows all again)."""
    runs = window.runs
    window.page("runs")
    runs.stack.setCurrentIndex(0)
    runs.model.reset({"run_ids": ids})
    runs.export_status.setText(
        translate(
            "Dashboard",
            "Showing the {count} orders behind the dashboard's “{label}”. Change a filter "
            "to see every order.",
        ).format(count=len(ids), label=label)
    )
    runs.export_status.show()


def make(window: Any) -> DashboardPage:
    """The page for the main window (``MainWindow`` makes it on the first visit); its figures
    open the window's Orders page."""
    page = DashboardPage(window.ctx)
    page.open_orders.connect(lambda ids, label: show_orders(window, ids, label))
    return page
