"""The first-run setup: a wizard shown on a new data folder (skippable, re-opened from the Shop
menu) that gets a shop working without a terminal: shop name and currency; where orders come
from (an email inbox, the web order form, a marketplace, or just the demo); how customers are
charged; where stock lives; the email that confirms orders; how the warehouse is told (the
page kinds are in ``app.ui.wizard_pages``).

Each page tests what it was given before moving on (off the GUI thread, through the same
``connection_check`` as the Connections page) and says what went wrong in words. Finishing
writes the connections and publishes the sample workflow through the store's checked path
(``app.shop.apply``); when publishing is refused, its problems are shown on the last page.
“Try the demo” starts the demo instead (``app.demo``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import shop
from app.connectors.connection_check import check
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.connection_form import ConnectionForm, ResultView
from app.ui.context import AppContext
from app.ui.marketplace_choice import MarketplaceChoice
from app.ui.style import STYLESHEET, icon
from app.ui.text import PlainLabel
from app.ui.wizard_pages import (
    CheckedPage,
    EmailPage,
    PaymentsPage,
    WarehousePage,
    hint,
)
from app.ui.wizard_stock import StockPage

log = logging.getLogger("daloy.ui.first_run")

SOURCES = (
    (
        "email",
        QT_TRANSLATE_NOOP("FirstRun", "An email inbox"),
        QT_TRANSLATE_NOOP("FirstRun", "Customers email their orders to a mailbox Daloy reads."),
    ),
    (
        "web",
        QT_TRANSLATE_NOOP("FirstRun", "A web order form"),
        QT_TRANSLATE_NOOP("FirstRun", "Customers fill in an order form that Daloy serves."),
    ),
    (
        "marketplace",
        QT_TRANSLATE_NOOP("FirstRun", "A marketplace"),
        QT_TRANSLATE_NOOP(
            "FirstRun", "Shopee, Lazada, Shopify, WooCommerce or another shop system."
        ),
    ),
    (
        "demo",
        QT_TRANSLATE_NOOP("FirstRun", "Just try the demo"),
        QT_TRANSLATE_NOOP("FirstRun", "Sample orders, nothing set up, nothing real contacted."),
    ),
)


class WelcomePage(CheckedPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            QT_TRANSLATE_NOOP("FirstRun", "Welcome to Daloy"),
            QT_TRANSLATE_NOOP(
                "FirstRun",
                "Daloy takes in your orders, checks stock, charges the customer and "
                "sends the confirmation, and asks you only when something needs a "
                "person. A few questions get your shop working; you can change every "
                "answer later.",
            ),
        )
        form = QFormLayout()
        self.shop_name = QLineEdit()
        self.shop_name.setObjectName("shopName")
        self.shop_name.setPlaceholderText(
            translate("FirstRun", "as customers should read it in their emails")
        )
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.currency.setEditable(True)
        self.currency.addItems(shop.CURRENCIES)
        form.addRow(translate("FirstRun", "Shop name"), self.shop_name)
        form.addRow(translate("FirstRun", "Currency"), self.currency)
        self.lay.addLayout(form)
        self.lay.addSpacing(16)
        self.lay.addWidget(
            hint(
                translate(
                    "FirstRun",
                    "Not ready to set up yet? See Daloy at work on sample orders "
                    "first: nothing real is charged, emailed or changed.",
                )
            )
        )
        self.demo_button = QPushButton(
            icon("fa5s.play-circle"), translate("FirstRun", "Try the demo")
        )
        self.demo_button.setObjectName("tryDemo")
        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.finish_layout()

    def values_key(self) -> object:
        return (self.shop_name.text(), self.currency.currentText())

    def work(self) -> Callable[[], str] | None:
        name, currency = self.shop_name.text().strip(), self.currency.currentText().strip()

        def ok() -> str:
            if not name:
                raise ValueError(
                    translate(
                        "FirstRun", "Type your shop's name: customers read it in their emails."
                    )
                )
            if not (len(currency) == 3 and currency.isalpha()):
                raise ValueError(
                    translate(
                        "FirstRun",
                        "“{currency}” is not a currency code; choose one from the "
                        "list (for example PHP or USD).",
                    ).format(currency=currency)
                )
            return translate("FirstRun", "{name}, prices in {currency}.").format(
                name=name, currency=currency.upper()
            )

        return ok


class SourcePage(CheckedPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            QT_TRANSLATE_NOOP("FirstRun", "Where do your orders come from?"),
            QT_TRANSLATE_NOOP(
                "FirstRun",
                "Pick the way most orders reach you; you can add others later. Orders "
                "taken by phone or at the counter can always be typed in with "
                "“New order” on the Orders page.",
            ),
        )
        self.group = QButtonGroup(self)
        self.details = QStackedWidget()
        self.inbox = ConnectionForm("imap")
        self.inbox.setObjectName("inboxForm")
        self.market = MarketplaceChoice(ctx)  # which marketplace, then its own form
        # another marketplace's form: the last one's words no longer apply
        self.market.which.currentIndexChanged.connect(lambda _i: self.outcome.show_text(""))
        web = hint(
            translate(
                "FirstRun",
                "Daloy serves an order form on this computer. Once set up, its address is "
                "under Connections ▸ Web addresses, where you can also let phones and "
                "computers on the shop's Wi-Fi use it. Nothing to test here.",
            )
        )
        demo = hint(
            translate(
                "FirstRun",
                "The demo starts a few sample orders: one short of stock asks you what to "
                "do, one meets a payment service that is down. Nothing real is contacted.",
            )
        )
        for i, (key, _title, _words) in enumerate(SOURCES):
            radio = QRadioButton()
            radio.setObjectName(f"source_{key}")
            self.group.addButton(radio, i)
            self.lay.addWidget(radio)
        for w in (self.inbox, web, self.market, demo):
            self.details.addWidget(w)
        for words in (web, demo):  # under the choices, not halfway down the page
            words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.group.idToggled.connect(self._toggled)
        self.group.button(1).setChecked(True)
        self.lay.addWidget(self.details)
        self.finish_layout()
        self.retranslate()

    def _toggled(self, i: int, on: bool) -> None:
        if on:
            self.details.setCurrentIndex(i)

    def retranslate(self) -> None:
        super().retranslate()
        for i, (_key, title, words) in enumerate(SOURCES):
            self.group.button(i).setText(
                translate("FirstRun", "{title} — {words}").format(
                    title=translate("FirstRun", title), words=translate("FirstRun", words)
                )
            )

    @property
    def source(self) -> str:
        return SOURCES[max(self.group.checkedId(), 0)][0]

    def connection(self) -> shop.ConnectionValues | None:
        form = {"email": self.inbox, "marketplace": self.market.form()}.get(self.source)
        if form is None:
            return None
        return shop.ConnectionValues(form.kind, form.settings(), form.typed_secrets())

    def values_key(self) -> object:
        v = self.connection()
        return (self.source, v.settings if v else None, v.secrets if v else None)

    def work(self) -> Callable[[], str] | None:
        v = self.connection()
        if v is None:
            return None
        name = shop.INBOX if self.source == "email" else shop.marketplace_connection(v.kind)
        return lambda: check(self.ctx.db, name, v.kind, v.settings, v.secrets)

    def validatePage(self) -> bool:
        if self.source == "demo":
            wizard = self.wizard()
            if isinstance(wizard, FirstRunWizard):
                wizard.try_demo()
            return False
        return super().validatePage()


class FinishPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.retranslate()
        lay = QVBoxLayout(self)
        self.summary = PlainLabel()
        self.summary.setObjectName("setupSummary")
        self.summary.setWordWrap(True)
        self.outcome = ResultView()
        self.outcome.setObjectName("setupOutcome")
        lay.addWidget(self.summary)
        lay.addWidget(self.outcome)
        lay.addStretch(1)
        self.applied = False

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRun", "Ready to take orders"))
        self.setSubTitle(
            translate(
                "FirstRun",
                "Press Finish to save the connections and switch on “Order "
                "fulfilment”. Passwords and tokens go to this computer's keyring, "
                "never into Daloy's files.",
            )
        )
        wizard = self.wizard()
        summary = getattr(self, "summary", None)  # None while the page is being built
        if isinstance(wizard, FirstRunWizard) and summary is not None and summary.text():
            self.summary.setText(wizard.summary())

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.kept_out = None
            self.summary.setText(wizard.summary())
            choices = wizard.choices()

            def said(kept_out: str) -> None:
                wizard.kept_out = kept_out
                self.summary.setText(wizard.summary())

            # which steps an edited workflow keeps out: a database read, never on this thread
            wizard.ctx.background(
                lambda: shop.not_put_back(wizard.ctx.db, choices), said, owner=self
            )

    def validatePage(self) -> bool:
        wizard = self.wizard()
        if self.applied or not isinstance(wizard, FirstRunWizard):
            return True
        wizard.apply()
        return False


class FirstRunWizard(QWizard):
    """Emits ``demo_requested`` (“Try the demo”), ``set_up`` (the shop took orders) or
    ``skipped``; the window (``app.ui.shop_menu``) acts on them."""

    demo_requested = Signal()
    set_up = Signal(str)
    skipped = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # the finish page's word on left-out steps an edit keeps out (None: not read yet)
        self.kept_out: str | None = None
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
        self.finish = FinishPage()
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
        c = self.choices()
        where = translate("FirstRun", dict((k, t) for k, t, _ in SOURCES)[c.source]).lower()
        if c.source == "marketplace":  # the one chosen: “Shopify”, or another shop system
            where = self.source.market.which.currentText()
        not_set = translate("FirstRun", "not set")
        charged = (c.payments.settings.get("base_url") if c.payments else "") or not_set
        platform = self.platform_title()
        if c.payment != "on_delivery":
            paying = translate("FirstRun", "Customers are charged through: {address}.").format(
                address=charged
            )
        elif platform:
            paying = translate(
                "FirstRun", "Orders are paid on {platform}; Daloy charges nothing."
            ).format(platform=platform)
        else:
            paying = translate(
                "FirstRun", "Customers pay on delivery or by bank transfer; Daloy charges nothing."
            )
        sender = (
            (c.email.settings.get("from_address") or c.email.settings.get("username"))
            if c.email
            else ""
        )
        return "\n".join(
            [
                translate("FirstRun", "Shop: {name}, prices in {currency}.").format(
                    name=c.shop_name or translate("FirstRun", "(no name)"), currency=c.currency
                ),
                translate(
                    "FirstRun",
                    "Orders come from: {where}; phone and walk-in orders with “New order”.",
                ).format(where=where),
                paying,
                self._stock_words(c.stock_file),
                translate("FirstRun", "Confirmations are sent as: {sender}.").format(
                    sender=sender or not_set
                )
                if c.email_customers
                else translate(
                    "FirstRun", "Customers get no email from Daloy: you tell them yourself."
                ),
                # a whole sentence each way ("Each order to pack is posted to …")
                shop.check_warehouse(c.warehouse, c.warehouse_address, sender=c.email is not None),
                # run again on edited workflows: which left-out steps stay out (read off the
                # GUI thread when the finish page opens: ``kept_out``)
                *filter(None, [self.kept_out]),
            ]
        )

    def _stock_words(self, stock_file: str | None) -> str:
        if self.stock.made() is not None:  # a new, empty sheet: where, and what to do with it
            return translate(
                "FirstRun",
                "Stock is read from a new sheet Daloy made: {file}. Fill in your products "
                "there (SKU, Item, Stock, Price) before the first order.",
            ).format(file=stock_file)
        return translate("FirstRun", "Stock is read from: {file}.").format(
            file=stock_file or translate("FirstRun", "the sample stock sheet")
        )

    def apply(self) -> None:
        choices = self.choices()
        self.finish.outcome.show_text(
            translate("FirstRun", "Saving and switching on “Order fulfilment”…")
        )
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def work() -> str:
            from app import demo

            shop.apply(self.ctx.db, self.ctx.registry.specs, choices)
            if self.ctx.runtime is not None and demo.is_demo(self.ctx.db):
                demo.end(self.ctx.runtime)
            intake = getattr(self.ctx.runtime, "intake", None)
            if intake is not None:  # the new triggers listen now (“takes orders now”)
                try:
                    intake.restart()
                except OSError:  # the web address's port taken: the rest listens; logged
                    log.warning("intake did not fully restart after the setup", exc_info=True)
            return choices.source

        def done(source: object) -> None:
            self.finish.applied = True
            self.finish.outcome.show_text(
                translate(
                    "FirstRun", "✓ Your shop is set up: “Order fulfilment” takes orders now."
                ),
                True,
            )
            self.set_up.emit(str(source))
            self.accept()
            if source == "web":  # where the form is, and how phones on the Wi-Fi reach it
                from app.ui.web_ready import announce

                announce(self.ctx, self.parentWidget())

        def failed(exc: BaseException) -> None:
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.finish.outcome.show_text(
                translate(
                    "FirstRun",
                    "{problem} Go Back to fill in what is missing, or finish later under "
                    "Workflows (the draft is kept).",
                ).format(problem=exc),
                False,
            )

        self.ctx.background(work, done, failed, owner=self)

    def try_demo(self) -> None:
        self._demo = True
        self.demo_requested.emit()
        # QWizard.accept() would validate the current page first (the shop name, unasked for)
        QDialog.done(self, QDialog.DialogCode.Accepted)

    def _rejected(self) -> None:
        if not self._demo:
            self.skipped.emit()
