"""Who can reach the web addresses, chosen on Connections ▸ Web addresses with real clicks: the
shop's network makes the running web intake answer at this computer's network address (shown,
with a Copy button each) and saying so in words; going back closes it; the environment variables
lock the choice. After the setup finishes with the web order form, a message says where it is,
opens it in the browser and leads to the choice."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton, QWizard

from app.intake import web_addresses, web_reach
from app.store import workflows
from app.ui import web_ready
from tests.support.dovecot import free_port
from tests.support.engine import save

CLICK = Qt.MouseButton.LeftButton
LAN = web_reach.lan_addresses()
NO_LAN = "this sandbox has no network address besides loopback (only 127.0.0.1 is configured)"
FORM = {"fields": ["number", "customer", "sku", "qty"], "form": True, "form_per_minute": 60}


@pytest.fixture
def web_port(monkeypatch) -> int:
    port = free_port()
    monkeypatch.setenv("DALOY_WEB_PORT", str(port))  # before the window's runtime starts
    return port


@pytest.fixture
def order_form(env, web_port) -> int:
    """A switched-on workflow with an order form, served on ``web_port``."""
    save(
        env.db,
        {
            "name": "orders",
            "steps": [],
            "triggers": [{"id": "web", "type": "webhook", "config": FORM}],
        },
    )
    with env.db.write() as s:
        workflows.set_enabled(s, "orders", True)
    return web_port


def web_tab(qtbot: Any, window: Any) -> Any:
    window.page("connections")
    page = window.connections
    page.tabs.setCurrentWidget(page.web)
    qtbot.waitUntil(lambda: len(page.web.boxes) == 1, timeout=10000)
    return page.web


def choose(qtbot: Any, radio: QRadioButton) -> None:
    """A click on the radio's own circle, where an operator clicks (its row is wider)."""
    qtbot.mouseClick(radio, CLICK, pos=QPoint(8, radio.height() // 2))


def lan_lines(tab: Any, name: str) -> list[str]:
    return [w.text() for w in tab.boxes[0].findChildren(QLineEdit, name)]


def test_choosing_the_shop_network_opens_the_form_there_and_back_closes_it(order_form, gui, qtbot):
    ctx, window = gui
    port = order_form
    tab = web_tab(qtbot, window)
    intake = ctx.runtime.intake
    qtbot.waitUntil(lambda: intake.web is not None, timeout=10000)
    assert tab.reach.only_here.isChecked() and intake.web_host == "127.0.0.1"
    assert "Only this computer can open" in tab.reach.words.text()
    assert lan_lines(tab, "webFormLanUrl") == [] and not tab.findChildren(QLabel, "webLanHeading")

    choose(qtbot, tab.reach.network)
    qtbot.waitUntil(
        lambda: "Anyone on" in tab.reach.words.text() and tab.reach.network.isEnabled(),
        timeout=10000,
    )
    assert intake.web_host == "0.0.0.0" and web_reach.chosen(ctx.db) == web_reach.NETWORK
    words = tab.reach.words.text()
    assert "Anyone on the shop's Wi-Fi can now open the order form." in words
    assert "mobile data" in words and "internet provider or a web person" in words
    if not LAN:
        assert "not on a network right now" in words
        pytest.skip(NO_LAN)
    forms = [f"http://{ip}:{port}/form/orders/web" for ip in LAN]
    qtbot.waitUntil(lambda: lan_lines(tab, "webFormLanUrl") == forms, timeout=10000)
    assert lan_lines(tab, "webAddressLanUrl") == [
        f"http://{ip}:{port}/hook/orders/web" for ip in LAN
    ]
    heading = tab.boxes[0].findChild(QLabel, "webLanHeading")
    assert heading.text() == "From phones and other computers on the shop's Wi-Fi:"
    copy = tab.boxes[0].findChildren(QPushButton, "webFormLanUrlCopy")[0]
    qtbot.mouseClick(copy, CLICK)
    assert QApplication.clipboard().text() == forms[0]
    assert httpx.get(forms[0], timeout=5).status_code == 200  # a phone on the Wi-Fi sees it

    choose(qtbot, tab.reach.only_here)
    qtbot.waitUntil(lambda: lan_lines(tab, "webFormLanUrl") == [], timeout=10000)
    assert intake.web_host == "127.0.0.1" and web_reach.chosen(ctx.db) == web_reach.THIS_COMPUTER
    with pytest.raises(httpx.ConnectError):
        httpx.get(forms[0], timeout=5)
    assert httpx.get(f"http://127.0.0.1:{port}/form/orders/web", timeout=5).status_code == 200


@pytest.fixture
def set_outside(monkeypatch) -> None:
    monkeypatch.setenv("DALOY_WEB_HOST", "127.0.0.1")  # read as the window's runtime is made


def test_set_outside_daloy_the_choice_is_shown_and_locked(order_form, set_outside, gui, qtbot):
    ctx, window = gui
    web_reach.choose(ctx.db, web_reach.NETWORK)  # the workspace's choice loses
    tab = web_tab(qtbot, window)
    qtbot.waitUntil(lambda: "set outside Daloy" in tab.reach.words.text(), timeout=10000)
    assert not tab.reach.network.isEnabled() and not tab.reach.only_here.isEnabled()
    assert tab.reach.only_here.isChecked()
    qtbot.waitUntil(lambda: ctx.runtime.intake.web is not None, timeout=10000)
    assert ctx.runtime.intake.web_host == "127.0.0.1"


class Browser(QObject):
    """Qt's own hook for opening http addresses: what the desktop would open, recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(bytes(url.toEncoded().data()).decode())


def test_after_the_setup_with_the_web_form_a_message_says_where_it_is(
    web_port, gui, qtbot, smtp_sink
):
    from tests.ui.test_first_run import _fill_mail, _next_moves, _type, open_wizard

    ctx, window = gui
    wizard = open_wizard(qtbot, window)
    _type(qtbot, wizard.welcome.shop_name, "Tindahan")
    _next_moves(qtbot, wizard, wizard.welcome)
    qtbot.mouseClick(wizard.source.findChild(QRadioButton, "source_web"), CLICK)
    _next_moves(qtbot, wizard, wizard.source)
    qtbot.mouseClick(wizard.payments.findChild(QRadioButton, "payment_on_delivery"), CLICK)
    _next_moves(qtbot, wizard, wizard.payments)
    qtbot.mouseClick(wizard.stock.sample, CLICK)
    _next_moves(qtbot, wizard, wizard.stock)
    _fill_mail(qtbot, wizard, smtp_sink.port, "s3cret-canary-7Q")
    _next_moves(qtbot, wizard, wizard.email)
    _next_moves(qtbot, wizard, wizard.warehouse)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), CLICK)
    qtbot.waitUntil(lambda: bool(web_ready.SHOWN), timeout=30000)
    dialog = next(iter(web_ready.SHOWN))
    url = f"http://127.0.0.1:{web_port}/form/Order%20fulfilment/web"
    assert dialog.isVisible() and dialog.url == url
    assert dialog.findChild(QLineEdit, "webFormReadyUrl").text() == url
    assert "Connections ▸ Web addresses" in dialog.words.text()
    assert httpx.get(url, timeout=5).status_code == 200  # the address said is the form's
    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "show")
    try:
        qtbot.mouseClick(dialog.open_b, CLICK)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert browser.opened == [url]
    qtbot.mouseClick(dialog.addresses_b, CLICK)  # “Let phones on the Wi-Fi use it…”
    qtbot.waitUntil(lambda: not web_ready.SHOWN, timeout=5000)
    page = window.connections
    assert window.stack.currentWidget() is page and page.tabs.currentWidget() is page.web
    qtbot.waitUntil(lambda: bool(page.web.boxes), timeout=10000)
    assert page.web.reach.only_here.isChecked() and page.web.reach.network.isEnabled()


def test_the_message_on_a_shop_network_lists_the_addresses_phones_use(qtbot):
    reach = web_reach.Reach(True, "0.0.0.0", ("192.168.1.20",), ("192.168.1.20",), False)
    found = web_ready.FormAddress(
        "http://127.0.0.1:8787/form/Order%20fulfilment/web",
        "http://127.0.0.1:8787",
        web_addresses.Reachable(reach, ("http://192.168.1.20:8787",)),
    )
    dialog = web_ready.WebFormReady(found)
    qtbot.addWidget(dialog)
    lan = dialog.findChild(QLineEdit, "webFormLanUrl")
    assert lan.text() == "http://192.168.1.20:8787/form/Order%20fulfilment/web"
    assert "Wi-Fi can open it" in dialog.words.text() and "outside the shop" in dialog.words.text()
    assert dialog.addresses_b.text() == "Web addresses…"
