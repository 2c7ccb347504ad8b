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

from PySide6.QtCore import QDate, QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from sqlalchemy import select

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.store import dashboard
from app.store.models import ChannelState
from app.ui import when
from app.ui.context import AppContext
from app.ui.health import kind_words
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
    """How long the median entry waited for a person, as every screen says a length of time
    (``app.ui.when``: "1 hour 30 minutes", was "1.5 h")."""
    return "–" if seconds is None else when.duration(seconds)


def channel_labels(channels: list[str], kinds: dict[str, str]) -> dict[str, str]:
    """Each channel ("<workflow>/<trigger>") in words: its kind as intake health says it
    ("Web order form"), with its workflow when two channels would read the same; orders typed
    in (``dashboard.BY_HAND``) as such."""
    words = {
        c: translate("Dashboard", "typed in")
        if c == dashboard.BY_HAND
        else kind_words(kinds[c])
        if c in kinds
        else c
        for c in channels
    }
    seen = list(words.values())
    for c, w in words.items():
        if c in kinds and seen.count(w) > 1:
            words[c] = f"{w} ({c.rpartition('/')[0]})"
    return words


def day_words(day: str) -> str:
    """ "2026-12-02" as the language spoken says a short date ("Dec 2"): "12-02" read as
    either month first or day first."""
    date = QDate.fromString(day, "yyyy-MM-dd")
    return QLocale().toString(date, "MMM d") if date.isValid() else day


class DayChart(QWidget):
    """Orders per day, stacked by channel, each day's count over its bar. Clicking a bar's
    part picks (day, channel)."""

    picked = Signal(str)  # "YYYY-MM-DD|channel"

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dayChart")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.per_day: dict[str, dict[str, int]] = {}
        self.channels: list[str] = []
        self.labels: dict[str, str] = {}
        self.parts: list[tuple[QRectF, str]] = []
        # what the last paint wrote, and where (tests read them): the legend, the day counts
        self.legend: list[tuple[QRectF, str]] = []
        self.counts: list[tuple[QRectF, str]] = []

    def set_data(
        self,
        per_day: dict[str, dict[str, int]],
        channels: list[str],
        labels: dict[str, str] | None = None,
    ) -> None:
        self.per_day, self.channels, self.labels = per_day, channels, labels or {}
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
        self.parts, self.legend, self.counts = [], [], []
        days = sorted(self.per_day)
        metrics = p.fontMetrics()
        legend_h, count_h = 18, metrics.height() + 2
        # room above the tallest bar for its count
        area = QRectF(
            4, legend_h + 4 + count_h, self.width() - 8, self.height() - legend_h - 24 - count_h
        )
        x = 6.0
        for i, ch in enumerate(self.channels):
            # each name as wide as its words (a fixed 110 px cut “Order fulfilment/web”)
            label = self.labels.get(ch, ch)
            room = max(0.0, self.width() - x - 20)
            shown_label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(room))
            p.fillRect(QRectF(x, 4, 10, 10), QColor(PALETTE[i % len(PALETTE)]))
            p.setPen(QColor(MUTED))
            rect = QRectF(x + 14, 0, metrics.horizontalAdvance(shown_label) + 2, 18)
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter, shown_label)
            self.legend.append((rect, shown_label))
            x = rect.right() + 16
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
            total = sum(self.per_day[day].get(ch, 0) for ch in self.channels)
            for j, ch in enumerate(self.channels):
                n = self.per_day[day].get(ch, 0)
                if not n:
                    continue
                h = area.height() * n / top
                rect = QRectF(area.left() + i * width + 1, y - h, max(1.0, width - 2), h)
                p.fillRect(rect, QColor(PALETTE[j % len(PALETTE)]))
                self.parts.append((rect, f"{day}|{ch}"))
                y -= h
            # the day's count over its bar: a bar alone says no number (where it fits)
            count = str(total)
            if total and metrics.horizontalAdvance(count) <= width:
                rect = QRectF(area.left() + i * width, y - count_h, width, count_h)
                p.setPen(QColor("#374151"))
                p.drawText(
                    rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, count
                )
                self.counts.append((rect, count))
            if len(days) <= 31 or i % max(1, len(days) // 12) == 0:
                p.setPen(QColor(MUTED))
                p.drawText(
                    QRectF(area.left() + i * width, area.bottom() + 2, max(width, 40), 18),
                    Qt.AlignmentFlag.AlignLeft,
                    day_words(day),
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
        self.kinds: dict[str, str] = {}  # channel -> its kind (``ChannelState``)
        self._asked = 0
        self.reload()

    def span(self) -> tuple[float, float]:
        until = time.time()
        return until - (self.period.currentData() or 7) * 86400, until

    def reload(self) -> None:
        since, until = self.span()
        self._asked += 1
        asked = self._asked

        def load() -> tuple[dashboard.Figures, dict[str, str]]:
            with self.ctx.db.read() as s:
                # each channel's kind, which names it in the chart's legend
                kinds = dict(s.execute(select(ChannelState.channel, ChannelState.kind)).all())
                return dashboard.figures(s, since, until), {
                    str(c): str(k) for c, k in kinds.items()
                }

        # an older answer (another period, chosen meanwhile) arriving late is dropped
        self.ctx.background(
            load, lambda f: self._show(f) if asked == self._asked else None, owner=self
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Come back to, the page counts again (in the background): orders came and went
        while another page was open, and the operator should not need F5 to see them."""
        super().showEvent(event)
        if self.figures is not None:  # the first figures are being read since the page was made
            self.reload()

    def retranslate(self) -> None:
        """The tiles and the chart say figures in words: said again in the language just
        chosen."""
        if self.figures is not None:
            self._tiles(self.figures)
            self._chart(self.figures)

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

    def _chart(self, f: dashboard.Figures) -> None:
        self.days.set_data(f.per_day, f.channels, channel_labels(f.channels, self.kinds))

    def _show(self, loaded: tuple[dashboard.Figures, dict[str, str]]) -> None:
        f, self.kinds = loaded
        self.figures = f
        self._tiles(f)
        self._chart(f)
        self.steps.set_rows(f.failing_steps)
        self.systems.set_rows(f.failing_systems)
        self.loaded.emit(f)

    def pick(self, figure: str, key: str | None) -> None:
        since, until = (self.figures.since, self.figures.until) if self.figures else self.span()
        if figure in self.tiles:
            label = self.tiles[figure].text().split("\n")[0]
        elif figure == "day":  # the day and the channel as the chart says them
            day, _sep, channel = (key or "").partition("|")
            label = f"{day_words(day)} · {self.days.labels.get(channel, channel)}"
        else:
            label = key or figure

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
