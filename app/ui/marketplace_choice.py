"""The first-run setup's “A marketplace” answer: which one — Shopee, Lazada, Shopify, WooCommerce,
or another shop system with a web API — then that platform's own connection form (the one the
Connections page shows, with “Authorise the shop…” where the platform has it), under one line
saying where its values are found. The connection is named as ``app.shop`` saves it, so an
authorisation's tokens land under the name Finish saves."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import shop
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.connection_form import ConnectionForm
from app.ui.context import AppContext
from app.ui.text import PlainLabel

# (connection kind, name in the list, where its values are found); names of platforms as written.
CHOICES = (
    (
        "shopee",
        "Shopee",
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Shopee Open Platform ▸ App List ▸ your app: Partner ID and Partner key; then "
            "“Authorise the shop…” lets the shop's owner approve Daloy.",
        ),
    ),
    (
        "lazada",
        "Lazada",
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Lazada Open Platform ▸ App Console ▸ your app: App key and App secret; then "
            "“Authorise the shop…” lets the seller approve Daloy.",
        ),
    ),
    (
        "shopify",
        "Shopify",
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Shopify admin ▸ Settings ▸ Apps ▸ Develop apps ▸ your app ▸ Admin API access token.",
        ),
    ),
    (
        "woocommerce",
        "WooCommerce",
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "WordPress admin ▸ WooCommerce ▸ Settings ▸ Advanced ▸ REST API ▸ Add key: the "
            "consumer key and secret.",
        ),
    ),
    (
        "marketplace",
        QT_TRANSLATE_NOOP("FirstRun", "Another shop system with a web API"),
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Its web API's address and the token it gave you; its provider's help pages say "
            "where to find them.",
        ),
    ),
)


# Fields a first setup leaves for later (Connections page): Shopify's API version and stock
# location, the keys of pushed orders (polling takes every order without them), Shopee's test
# address and Lazada's authorisation address (the same everywhere).
LATER = {
    "shopify": ("api_version", "location_id", "webhook_secret"),
    "woocommerce": ("webhook_secret",),
    "shopee": ("base_url",),
    "lazada": ("auth_url",),
}


class MarketplaceChoice(QWidget):
    """The list of marketplaces and, below it, the chosen one's form (``form()``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.which = QComboBox()
        self.which.setObjectName("marketplaceKind")
        row = QFormLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.which_label = PlainLabel()
        row.addRow(self.which_label, self.which)
        lay.addLayout(row)
        self.hint = PlainLabel()
        self.hint.setObjectName("marketplaceHint")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.forms: dict[str, ConnectionForm] = {}
        self.stack = QStackedWidget()
        for kind, _title, _where in CHOICES:
            form = ConnectionForm(kind)
            # the generic form kept its name from before there was a choice
            form.setObjectName("marketplaceForm" if kind == "marketplace" else f"{kind}Form")
            form.attach(ctx, lambda k=kind: shop.marketplace_connection(k))
            form.leave_out(LATER.get(kind, ()))
            self.forms[kind] = form
            self.stack.addWidget(form)
        # A platform's form (with its authorisation panel) can be taller than a small screen.
        scroll = QScrollArea()
        scroll.setObjectName("marketplaceScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.stack)
        for form in self.forms.values():
            if form.authorisation is not None:  # its panel opens below the fold: brought up
                auth = form.authorisation
                auth.start.clicked.connect(
                    lambda _c=False, a=auth: QTimer.singleShot(
                        0, lambda: scroll.ensureWidgetVisible(a.redirect, 0, 120)
                    )
                )
        lay.addWidget(scroll, 1)
        self.which.currentIndexChanged.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.which_label.setText(translate("FirstRun", "Which one?"))
        chosen = max(self.which.currentIndex(), 0)
        self.which.blockSignals(True)
        self.which.clear()
        for kind, title, _where in CHOICES:
            self.which.addItem(translate("FirstRun", title), kind)
        self.which.setCurrentIndex(chosen)
        self.which.blockSignals(False)
        self._chosen(chosen)

    def _chosen(self, index: int) -> None:
        index = max(index, 0)
        self.stack.setCurrentIndex(index)
        # the stack as tall as the form shown, not as the tallest form (Shopee's)
        for i in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            if (form := self.stack.widget(i)) is not None:
                form.setSizePolicy(policy, policy)
        self.stack.adjustSize()
        self.hint.setText(
            translate("FirstRun", "Where to find it: {where}").format(
                where=translate("FirstRun", CHOICES[index][2])
            )
        )

    def choose(self, kind: str) -> None:
        self.which.setCurrentIndex(self.which.findData(kind))

    @property
    def kind(self) -> str:
        return str(self.which.currentData() or CHOICES[0][0])

    def form(self) -> ConnectionForm:
        return self.forms[self.kind]
