"""The dashboard's day chart says its numbers and names: each day's count over its bar (a bar
alone said no number), each channel by its kind in words and whole (the legend cut
“Order fulfilment/web” to “Order fulfilment/w” in 110 px), orders typed in as such, and the
day as a date (not “12-02”). Real widgets (offscreen) over the app's SQLite file; the orders
come in through a real web order form on a loopback port and one is started by hand."""

from __future__ import annotations

import httpx
from PySide6.QtCore import QDate, QLocale

from app.ui import language
from tests.intake.test_web_form import FORM, ORDER, token_of
from tests.intake.web_support import running
from tests.support.engine import save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture
from tests.ui.test_health_web_form import ORDERS


def _painted(page):  # noqa: ANN001, ANN202
    page.days.grab()  # paints it now, as shown
    return page.days


def test_the_day_chart_says_counts_channels_and_days(filipino, gui, qtbot) -> None:  # noqa: ANN001, F811
    ctx, window = gui
    save(ctx.db, ORDERS)
    with running(ctx.store, {"web": FORM}) as web:
        url = f"{web.url}/form/orders/web"
        with httpx.Client() as browser:
            for _ in range(2):
                token = token_of(browser.get(url))
                sent = browser.post(url, data={**ORDER, "form_token": token})
                assert sent.status_code == 201
    ctx.store.start_run("orders", {"order": {"number": "PHONE-1"}})  # typed in: no intake item
    window.resize(1024, 700)
    window.page("dashboard")
    page = window.dashboard_page
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.reload()

    chart = _painted(page)
    metrics = chart.fontMetrics()
    legend = [text for _rect, text in chart.legend]
    assert legend == ["Web order form", "typed in"]
    for rect, text in chart.legend:  # each name whole, within the chart
        assert rect.width() >= metrics.horizontalAdvance(text)
        assert rect.right() <= chart.width()
    assert [text for _rect, text in chart.counts] == ["3"]  # the day's orders, over its bar
    (rect, _text), (bar, _key) = chart.counts[0], chart.parts[-1]
    assert rect.bottom() <= bar.top() + 1
    (day,) = page.figures.per_day
    assert QLocale().toString(QDate.fromString(day, "yyyy-MM-dd"), "MMM d") != day[5:]

    assert language.current().apply(language.FILIPINO)  # said again in the language spoken
    qtbot.waitUntil(lambda: [t for _r, t in _painted(page).legend][1] == "mano-mano", timeout=5000)
    language.current().apply(language.ENGLISH)
