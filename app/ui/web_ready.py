"""The setup's last words for a shop whose orders come through the web order form: where the form
is, a button that opens it in the browser, and how phones on the shop's Wi-Fi can use it (the
choice on Connections ▸ Web addresses, which a button opens). Shown by the first-run setup after
Finish (``announce``); the addresses are read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.core.i18n import translate
from app.intake import web_addresses as web
from app.ui.context import AppContext
from app.ui.style import MUTED, STYLESHEET, icon
from app.ui.text import PlainLabel
from app.ui.web_reach_choice import AddressLine

SHOWN: set[QDialog] = set()  # the dialogs open now


@dataclass(frozen=True)
class FormAddress:
    url: str | None  # the first order form's address on this computer; None: none switched on
    local: str  # the web addresses' beginning on this computer
    reachable: web.Reachable


def form_address(ctx: AppContext) -> FormAddress:
    intake = getattr(ctx.runtime, "intake", None)
    local = web.base_url(intake)
    forms = [a.form_url for a in web.addresses(ctx.db, local) if a.form_url]
    return FormAddress(forms[0] if forms else None, local, web.reachable(ctx.db, intake))


def open_web_addresses(window: Any) -> None:
    """Show Connections ▸ Web addresses on the main window (``window.page`` makes the page)."""
    window.page("connections")
    page = getattr(window, "connections", None)
    tabs, tab = getattr(page, "tabs", None), getattr(page, "web", None)
    if tabs is not None and tab is not None:
        tabs.setCurrentWidget(tab)
        tab.refresh()


class WebFormReady(QDialog):
    """“Your order form is ready”: the address, Open the order form, and the Wi-Fi choice."""

    def __init__(self, found: FormAddress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webFormReady")
        self.setStyleSheet(STYLESHEET)
        self.setWindowTitle(translate("WebReady", "Your order form is ready — Daloy"))
        self.url = url = found.url or ""
        reach = found.reachable
        lay = QVBoxLayout(self)
        said = PlainLabel(translate("WebReady", "Customers fill in your order form at:"))
        said.setWordWrap(True)
        lay.addWidget(said)
        self.address = AddressLine(url, "webFormReadyUrl")
        lay.addWidget(self.address)
        for base in reach.bases:  # already on the shop's network: the addresses phones use
            lay.addWidget(AddressLine(web.on_network(url, found.local, base), "webFormLanUrl"))
        if reach.reach.network:
            words = translate(
                "WebReady",
                "Phones and computers on the shop's Wi-Fi can open it at the addresses above; "
                "customers outside the shop cannot.",
            )
        else:
            words = translate(
                "WebReady",
                "Right now only this computer can open it. To let phones on the shop's Wi-Fi "
                "use it, choose “Computers and phones on this shop's network” under Connections "
                "▸ Web addresses.",
            )
        self.words = PlainLabel(words)
        self.words.setObjectName("webFormReadyWords")
        self.words.setWordWrap(True)
        self.words.setStyleSheet(f"color: {MUTED}")
        lay.addWidget(self.words)
        buttons = QHBoxLayout()
        self.open_b = QPushButton(
            icon("fa5s.external-link-alt"), translate("WebReady", "Open the order form")
        )
        self.open_b.setObjectName("openOrderForm")
        self.open_b.setDefault(True)
        self.addresses_b = QPushButton(
            icon("fa5s.wifi"),
            translate("WebReady", "Web addresses…")  # already open to the Wi-Fi
            if reach.reach.network
            else translate("WebReady", "Let phones on the Wi-Fi use it…"),
        )
        self.addresses_b.setObjectName("openWebAddresses")
        close = QPushButton(translate("WebReady", "Close"))
        close.setObjectName("closeWebFormReady")
        for b in (self.open_b, self.addresses_b):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.open_b.clicked.connect(self.open_form)
        self.addresses_b.clicked.connect(self._to_web_addresses)
        close.clicked.connect(self.accept)
        self.resize(620, self.sizeHint().height())

    def open_form(self) -> bool:
        return QDesktopServices.openUrl(QUrl(self.url))

    def _to_web_addresses(self) -> None:
        parent = self.parentWidget()
        if parent is not None and hasattr(parent, "page"):
            open_web_addresses(parent)
        self.accept()


def announce(ctx: AppContext, parent: QWidget | None) -> None:
    """After the setup finished with the web order form: say where it is (a dialog, opened
    without blocking). Nothing is shown when no form is switched on (publishing refused it)."""

    def show(found: FormAddress) -> None:
        if found.url is None:
            return
        dialog = WebFormReady(found, parent)
        SHOWN.add(dialog)  # kept alive until closed, with or without a parent
        dialog.finished.connect(lambda _r: SHOWN.discard(dialog))
        # closed with its window (never finished): forgotten too, not kept as a dead object
        dialog.destroyed.connect(lambda _o=None: SHOWN.discard(dialog))
        dialog.setModal(False)
        dialog.show()

    ctx.background(lambda: form_address(ctx), show, owner=parent)
