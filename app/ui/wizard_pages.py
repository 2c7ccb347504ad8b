"""The first-run setup's page kinds: a page that tests its values before the wizard moves on
(``CheckedPage``), one around a connection form (``ConnectionPage``), the one that asks how
customers pay (``PaymentsPage``: a payment service's form, or on delivery), the email that
confirms orders (``EmailPage``: or none, the shop telling its customers itself), and the page that
asks how the warehouse hears of an order to pack (``WarehousePage``). ``app.ui.first_run`` puts them
together; the answers' checks live in ``app.shop`` (no Qt)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QVBoxLayout, QWizardPage

from app import shop
from app.connectors.connection_check import check
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.connection_form import ConnectionForm, ResultView
from app.ui.context import AppContext
from app.ui.text import PlainLabel


def hint(text: str) -> PlainLabel:
    label = PlainLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class CheckedPage(QWizardPage):
    """A page that tests its values before the wizard moves on: ``work()`` gives the check to
    run off the GUI thread (returning a sentence, raising with one), or None when there is
    nothing to test. A passed check is remembered for the same values."""

    def __init__(self, ctx: AppContext, title: str, subtitle: str) -> None:
        """``title`` and ``subtitle`` are marked (``QT_TRANSLATE_NOOP``): said in the current
        language now and again after a switch (a wizard page's title is not a widget's)."""
        super().__init__()
        self.ctx = ctx
        self.words = (title, subtitle)
        CheckedPage.retranslate(self)  # a subclass's own words do not exist yet

        self.lay = QVBoxLayout(self)
        self.outcome = ResultView()
        self._passed: object = None
        self._testing = False

    def retranslate(self) -> None:
        title, subtitle = self.words
        self.setTitle(translate(getattr(title, "context", ""), title))
        self.setSubTitle(translate(getattr(subtitle, "context", ""), subtitle))

    def finish_layout(self) -> None:
        self.lay.addWidget(self.outcome)
        self.lay.addStretch(1)

    def values_key(self) -> object:
        return None

    def work(self) -> Callable[[], str] | None:
        return None

    def validatePage(self) -> bool:
        if self._testing:
            return False
        fn = self.work()
        key = repr(self.values_key())
        if fn is None or self._passed == key:
            return True
        self._testing = True
        self.outcome.show_text(translate("FirstRun", "Checking…"))

        def done(sentence: object) -> None:
            self._testing = False
            self._passed = key
            self.outcome.show_text(f"✓ {sentence}", True)
            if self.wizard() is not None and self.wizard().currentPage() is self:
                self.wizard().next()

        def failed(exc: BaseException) -> None:
            self._testing = False
            self.outcome.show_text(str(exc), False, getattr(exc, "detail", ""))

        self.ctx.background(fn, done, failed, owner=self)
        return False


class ConnectionPage(CheckedPage):
    """A page around one connection form (with presets for email)."""

    def __init__(self, ctx: AppContext, title: str, subtitle: str, name: str, kind: str) -> None:
        super().__init__(ctx, title, subtitle)
        self.name, self.kind = name, kind
        self.form = ConnectionForm(kind)
        self.form.setObjectName(f"{name}Form")
        self.lay.addWidget(self.form)
        self.finish_layout()  # the check's outcome under the form (Next said nothing without)

    def values(self) -> shop.ConnectionValues:
        return shop.ConnectionValues(self.kind, self.form.settings(), self.form.typed_secrets())

    def values_key(self) -> object:
        v = self.values()
        return (v.settings, v.secrets)

    def work(self) -> Callable[[], str] | None:
        v = self.values()
        return lambda: check(self.ctx.db, self.name, self.kind, v.settings, v.secrets)


class PaymentsPage(ConnectionPage):
    """How customers pay: through a payment service's web API (the connection form, checked
    on Next), or on delivery / by bank transfer, where Daloy charges nothing and there is
    nothing to check."""

    KIND = "http"  # the payment service's connection: a web API with a token
    WAYS = (
        ("service", QT_TRANSLATE_NOOP("FirstRun", "Through a payment service's web API:")),
        (
            "on_delivery",
            QT_TRANSLATE_NOOP(
                "FirstRun", "Customers pay on delivery or by bank transfer (Daloy charges nothing)"
            ),
        ),
    )

    WHERE = QT_TRANSLATE_NOOP(
        "FirstRun",
        "Where to find them: in your payment service's dashboard (PayMongo, Xendit, Maya…), "
        "under Developers or API keys — its API address and a secret key.",
    )

    def __init__(self, ctx: AppContext, title: str, subtitle: str, name: str) -> None:
        super().__init__(ctx, title, subtitle, name, self.KIND)
        self.group = QButtonGroup(self)
        for i, (way, words) in enumerate(self.WAYS):
            radio = QRadioButton(translate("FirstRun", words))
            radio.setObjectName(f"payment_{way}")
            self.group.addButton(radio, i)
            # the service's radio above its form, paying on delivery below it
            self.lay.insertWidget(0 if way == "service" else 2, radio)
        self.group.button(0).setChecked(True)
        self.group.idToggled.connect(lambda _i, _on: self._sync())
        self._by_hand = False  # the operator chose a way: a suggestion no longer changes it
        self._suggested = False  # charging nothing was chosen for a platform's orders
        self.group.buttonClicked.connect(lambda _b: setattr(self, "_by_hand", True))
        # How the token is sent (header, prefix) is the usual way for nearly every service:
        # left at its default here, changeable on the Connections page.
        self.form.leave_out(("auth_header", "auth_scheme"))
        self.where = hint(translate("FirstRun", self.WHERE))
        self.where.setObjectName("paymentWhere")
        self.lay.insertWidget(self.lay.indexOf(self.form) + 1, self.where)
        self.paid_note = hint("")
        self.paid_note.setObjectName("paidElsewhere")
        self.paid_note.setVisible(False)
        self.lay.insertWidget(0, self.paid_note)

    def paid_elsewhere(self, platform: str | None) -> None:
        """Orders from ``platform`` (a marketplace) are paid there: said, and charging nothing
        chosen unless the operator chose otherwise (a second charge would be the buyer's)."""
        self.paid_note.setVisible(bool(platform))
        if not platform:
            if self._suggested and not self._by_hand:  # back to the way before the suggestion
                self.group.button(0).setChecked(True)
            self._suggested = False
            return
        self.paid_note.setText(
            translate(
                "FirstRun",
                "Orders from {platform} are paid on {platform}, so Daloy charges nothing for "
                "them. Choose a payment service only for orders you charge yourself.",
            ).format(platform=platform)
        )
        if not self._by_hand:
            self.group.button(1).setChecked(True)
            self._suggested = True

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "group"):  # not yet while the page is being made
            for i, (_way, words) in enumerate(self.WAYS):
                self.group.button(i).setText(translate("FirstRun", words))
            self.where.setText(translate("FirstRun", self.WHERE))

    def _sync(self) -> None:
        self.form.setEnabled(self.way == "service")
        self.where.setEnabled(self.way == "service")
        self.outcome.show_text("")

    @property
    def way(self) -> str:
        return self.WAYS[max(self.group.checkedId(), 0)][0]

    def values_key(self) -> object:
        return (self.way, super().values_key() if self.way == "service" else None)

    def work(self) -> Callable[[], str] | None:
        return super().work() if self.way == "service" else None


class EmailPage(ConnectionPage):
    """The email that confirms orders (Gmail chosen, its server filled in, its app-password
    hint shown), or no email to customers at all: the shop tells them itself. The form then
    stays, optional: only emailing the warehouse (next page) sends from it."""

    KIND = "smtp"
    PROVIDER = "gmail"  # what most small shops here send from
    WAYS = (
        ("send", QT_TRANSLATE_NOOP("FirstRun", "Email customers from this address:")),
        ("none", QT_TRANSLATE_NOOP("FirstRun", "Don't email customers; I tell them myself")),
    )
    QUIET = QT_TRANSLATE_NOOP(
        "FirstRun",
        "Daloy sends your customers nothing; the Orders page shows each order, so you can "
        "message them on Facebook, Viber or the marketplace. Leave the form above empty, "
        "unless the warehouse is told by email (next page): only that email is sent from it.",
    )

    def __init__(self, ctx: AppContext, title: str, subtitle: str, name: str) -> None:
        super().__init__(ctx, title, subtitle, name, self.KIND)
        self.form.leave_out(("ca_file",))  # an office server's own certificate: Connections page
        if self.form.provider is not None:
            self.form.provider.setCurrentIndex(self.form.provider.findData(self.PROVIDER))
        self.group = QButtonGroup(self)
        for i, (way, _words) in enumerate(self.WAYS):
            radio = QRadioButton()
            radio.setObjectName(f"email_{way}")
            self.group.addButton(radio, i)
            self.lay.insertWidget(self.lay.indexOf(self.form) + i, radio)  # above, below it
        self.quiet = hint("")
        self.quiet.setObjectName("noCustomerEmail")
        self.lay.insertWidget(self.lay.indexOf(self.outcome), self.quiet)
        self.group.button(0).setChecked(True)
        self.group.idToggled.connect(lambda _i, _on: self._sync())
        self.retranslate()
        self._sync()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "group"):  # not yet while the page is being made
            for i, (_way, words) in enumerate(self.WAYS):
                self.group.button(i).setText(translate("FirstRun", words))
            self.quiet.setText(translate("FirstRun", self.QUIET))

    def _sync(self) -> None:
        self.quiet.setVisible(not self.email_customers)
        self.outcome.show_text("")

    @property
    def email_customers(self) -> bool:
        return self.group.checkedId() != 1

    def sending(self) -> shop.ConnectionValues | None:
        """The email connection to save: always when customers are emailed, else only when
        the operator filled the form in (for the warehouse's email)."""
        v = self.values()
        typed = v.secrets or v.settings.get("username") or v.settings.get("from_address")
        return v if self.email_customers or typed else None

    def values_key(self) -> object:
        v = self.sending()
        return (self.email_customers, (v.settings, v.secrets) if v else None)

    def work(self) -> Callable[[], str] | None:
        return super().work() if self.sending() is not None else None


class WarehousePage(CheckedPage):
    """How the warehouse hears of an order to pack: its web address, an email (sent through
    the confirmation email connection of the page before), or no warehouse system at all."""

    WAYS = (
        ("web", QT_TRANSLATE_NOOP("FirstRun", "Post each order to the warehouse's web address:")),
        (
            "email",
            QT_TRANSLATE_NOOP(
                "FirstRun", "Email each order to the warehouse (sent as the confirmation email):"
            ),
        ),
        (
            "none",
            QT_TRANSLATE_NOOP(
                "FirstRun", "No warehouse system — skip this step (you pack from the Orders page)"
            ),
        ),
    )

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            QT_TRANSLATE_NOOP("FirstRun", "How is the warehouse told?"),
            QT_TRANSLATE_NOOP(
                "FirstRun",
                "Once an order is confirmed, Daloy tells whoever packs it what to pack. "
                "Choose how; you can change it later in the workflow.",
            ),
        )
        self.group = QButtonGroup(self)
        self.address = {"web": QLineEdit(), "email": QLineEdit()}
        self.address["web"].setPlaceholderText(
            translate("FirstRun", "https://warehouse.example.com/orders")
        )
        self.address["email"].setPlaceholderText(translate("FirstRun", "packing@shop.example"))
        for i, (way, words) in enumerate(self.WAYS):
            radio = QRadioButton(translate("FirstRun", words))

            radio.setObjectName(f"warehouse_{way}")
            self.group.addButton(radio, i)
            self.lay.addWidget(radio)
            if way in self.address:
                edit = self.address[way]
                edit.setObjectName(f"warehouse_{way}_address")
                # Typing an address chooses its way: one click fewer, no wrong way left on.
                edit.textEdited.connect(lambda _t, r=radio: r.setChecked(True))
                self.lay.addWidget(edit)
        self.group.button(len(self.WAYS) - 1).setChecked(True)
        self.finish_layout()
        # whether an email connection is there to send the warehouse's email (the wizard's)
        self.has_sender: Callable[[], bool] = lambda: True

    @property
    def way(self) -> str:
        return self.WAYS[max(self.group.checkedId(), 0)][0]

    def address_text(self) -> str:
        edit = self.address.get(self.way)
        return edit.text().strip() if edit is not None else ""

    def values_key(self) -> object:
        return (self.way, self.address_text(), self.has_sender())

    def work(self) -> Callable[[], str] | None:
        way, address, sender = self.way, self.address_text(), self.has_sender()
        return lambda: shop.check_warehouse(way, address, sender=sender)
