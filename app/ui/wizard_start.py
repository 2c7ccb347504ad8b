"""The first-run setup's opening pages: the welcome (the shop's name and currency, and “Try
the demo”) and where orders come from (``SOURCES``: an email inbox, the web order form, a
marketplace, or just the demo), each testing its answer before the wizard moves on
(``app.ui.wizard_pages.CheckedPage``). ``app.ui.first_run`` puts them together with the other
pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
)

from app import shop
from app.connectors.connection_check import check
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.connection_form import ConnectionForm
from app.ui.context import AppContext
from app.ui.marketplace_choice import MarketplaceChoice
from app.ui.style import icon
from app.ui.wizard_pages import CheckedPage, hint

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
    """Where orders come from; Next on “Just try the demo” emits ``demo_chosen``."""

    demo_chosen = Signal()

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
            self.demo_chosen.emit()  # the wizard starts the demo instead of moving on
            return False
        return super().validatePage()
