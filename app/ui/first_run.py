"""The first-run setup: a wizard shown on a new data folder (skippable, re-opened from the Shop
menu) that gets a shop working without a terminal: shop name and currency; where orders come
from (an email inbox, the web order form, a marketplace, or just the demo); how customers are
charged; where stock lives; the email that confirms orders; how the warehouse is told.

This module is the wizard's shell: it puts the pages together, gathers their answers
(``choices``) and tells the window what came of it. The pages live beside it: the opening two in
``app.ui.wizard_start``, the page kinds in ``app.ui.wizard_pages``, stock in
``app.ui.wizard_stock``, the last page and what Finish does in ``app.ui.wizard_finish``.
Each page tests what it was given before moving on (off the GUI thread, through the same
``connection_check`` as the Connections page) and says what went wrong in words. Finishing
writes the connections and publishes the sample workflow through the store's checked path
(``app.shop.apply``); when publishing is refused, its problems are shown on the last page.
“Try the demo” starts the demo instead (``app.demo``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from app import shop
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui import wizard_finish
from app.ui.context import AppContext
from app.ui.style import STYLESHEET
from app.ui.wizard_finish import FinishPage
from app.ui.wizard_pages import EmailPage, PaymentsPage, WarehousePage
from app.ui.wizard_start import SOURCES, SourcePage, WelcomePage
from app.ui.wizard_stock import StockPage


class FirstRunWizard(QWizard):
    """Emits ``demo_requested`` (“Try the demo”), ``set_up`` (the shop took orders) or
    ``skipped``; the window (``app.ui.shop_menu``) acts on them."""

    demo_requested = Signal()
    set_up = Signal(str)
    skipped = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstRun")
        self.setWindowTitle(translate("FirstRun", "Set up your shop — Daloy"))
        self.setStyleSheet(STYLESHEET)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.retranslate()
        self.resize(760, 600)
        self.welcome = WelcomePage(ctx)
        self.source = SourcePage(ctx)
        self.payments = PaymentsPage(
            ctx,
            QT_TRANSLATE_NOOP("FirstRun", "How do customers pay?"),
            QT_TRANSLATE_NOOP(
                "FirstRun",
                "Daloy can charge each order through your payment service's web API: enter its "
                "address and the API token it gave you; Next checks that it answers.",
            ),
            shop.PAYMENTS,
        )
        self.stock = StockPage(ctx)
        self.email = EmailPage(
            ctx,
            QT_TRANSLATE_NOOP("FirstRun", "Which email confirms orders?"),
            QT_TRANSLATE_NOOP(
                "FirstRun",
                "Customers get an email saying what ships now and what later. Choose your email "
                "provider; the server is filled in for you.",
            ),
            shop.SHOP_EMAIL,
        )
        self.warehouse = WarehousePage(ctx)
        self.warehouse.has_sender = lambda: self.email.sending() is not None
        self.finish = FinishPage(ctx, self.choices, self.summary)
        for page in (
            self.welcome,
            self.source,
            self.payments,
            self.stock,
            self.email,
            self.warehouse,
            self.finish,
        ):
            self.addPage(page)
        self.welcome.demo_button.clicked.connect(self.try_demo)
        self.source.demo_chosen.connect(self.try_demo)
        self.finish.published.connect(self._published)
        self.rejected.connect(self._rejected)
        self._demo = False

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt's name
        super().initializePage(page_id)
        if self.page(page_id) is self.payments:
            self.payments.paid_elsewhere(self.platform_title())

    def platform_title(self) -> str | None:
        """The shop platform orders come from (“Shopify”), or None: its orders are paid there."""
        market = self.source.market
        if self.source.source == "marketplace" and market.kind in shop.PLATFORM_KINDS:
            return market.which.currentText()
        return None

    def retranslate(self) -> None:
        # the wizard's own buttons: set by name, so Qt's words do not come back after a switch
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("FirstRun", "Skip setup"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("FirstRun", "Finish"))

    def choices(self) -> shop.ShopChoices:
        source = self.source.source
        conn = self.source.connection()
        return shop.ShopChoices(
            shop_name=self.welcome.shop_name.text().strip(),
            currency=self.welcome.currency.currentText().strip().upper(),
            source=source,
            inbox=conn if source == "email" else None,
            marketplace=conn if source == "marketplace" else None,
            payments=self.payments.values() if self.payments.way == "service" else None,
            payment=self.payments.way,
            stock_file=self.stock.stock_file(),
            email=self.email.sending(),
            email_customers=self.email.email_customers,
            warehouse=self.warehouse.way,
            warehouse_address=self.warehouse.address_text(),
        )

    def summary(self) -> str:
        """The finish page's words for the answers as they stand (``wizard_finish.summary``)."""
        c = self.choices()
        where = translate("FirstRun", dict((k, t) for k, t, _ in SOURCES)[c.source]).lower()
        if c.source == "marketplace":  # the one chosen: “Shopify”, or another shop system
            where = self.source.market.which.currentText()
        return wizard_finish.summary(
            c,
            where=where,
            platform=self.platform_title(),
            new_sheet=self.stock.made() is not None,
            kept_out=self.finish.kept_out,
        )

    def _published(self, source: str) -> None:
        """The shop takes orders: say so to the window, close, and for the web order form say
        where it is and how phones on the Wi-Fi reach it."""
        self.set_up.emit(source)
        self.accept()
        if source == "web":
            from app.ui.web_ready import announce

            announce(self.ctx, self.parentWidget())

    def try_demo(self) -> None:
        self._demo = True
        self.demo_requested.emit()
        # QWizard.accept() would validate the current page first (the shop name, unasked for)
        QDialog.done(self, QDialog.DialogCode.Accepted)

    def _rejected(self) -> None:
        if not self._demo:
            self.skipped.emit()
