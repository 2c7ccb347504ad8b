"""The first-run setup's last page and what Finish does: the summary of the answers
(``summary``), then, off the GUI thread, the connections written and the sample workflow
published through the store's checked path (``publish``, over ``app.shop.apply``), the demo
ended and intake restarted so the new triggers take orders at once. When publishing is refused,
its problems are shown on this page and Finish can be pressed again. ``app.ui.first_run`` puts
the pages together and acts on ``FinishPage.published``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWizard, QWizardPage

from app import shop
from app.core.i18n import translate
from app.ui.connection_form import ResultView
from app.ui.context import AppContext
from app.ui.text import PlainLabel

log = logging.getLogger("daloy.ui.first_run")


def summary(
    c: shop.ShopChoices,
    *,
    where: str,
    platform: str | None,
    new_sheet: bool,
    kept_out: str | None,
) -> str:
    """The finish page's words for the answers ``c``: ``where`` orders come from as said
    (“a web order form”, “Shopify”), the ``platform`` its orders are paid on (or None),
    ``new_sheet``: the stock sheet is a new, empty one Daloy made; ``kept_out``: which left-out
    steps an edited workflow keeps out (None: not read yet)."""
    not_set = translate("FirstRun", "not set")
    charged = (c.payments.settings.get("base_url") if c.payments else "") or not_set
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
            _stock_words(c.stock_file, new_sheet),
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
            # GUI thread when the finish page opens: ``FinishPage.kept_out``)
            *filter(None, [kept_out]),
        ]
    )


def _stock_words(stock_file: str | None, new_sheet: bool) -> str:
    if new_sheet:  # a new, empty sheet: where, and what to do with it
        return translate(
            "FirstRun",
            "Stock is read from a new sheet Daloy made: {file}. Fill in your products "
            "there (SKU, Item, Stock, Price) before the first order.",
        ).format(file=stock_file)
    return translate("FirstRun", "Stock is read from: {file}.").format(
        file=stock_file or translate("FirstRun", "the sample stock sheet")
    )


def publish(ctx: AppContext, choices: shop.ShopChoices) -> str:
    """Finish's work, off the GUI thread: write the connections and publish the workflow
    (``shop.apply``, which raises with its problems when refused), end the demo, and let the
    new triggers listen. Returns where orders come from (``choices.source``)."""
    from app import demo

    shop.apply(ctx.db, ctx.registry.specs, choices)
    if ctx.runtime is not None and demo.is_demo(ctx.db):
        demo.end(ctx.runtime)
    intake = getattr(ctx.runtime, "intake", None)
    if intake is not None:  # the new triggers listen now (“takes orders now”)
        try:
            intake.restart()
        except OSError:  # the web address's port taken: the rest listens; logged
            log.warning("intake did not fully restart after the setup", exc_info=True)
    return choices.source


class FinishPage(QWizardPage):
    """The answers' summary; Finish publishes (``apply``) and emits ``published`` with where
    orders come from once the shop takes orders. ``choices`` gives the wizard's answers,
    ``summarise`` their words (``summary``)."""

    published = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        choices: Callable[[], shop.ShopChoices],
        summarise: Callable[[], str],
    ) -> None:
        super().__init__()
        self.ctx, self._choices, self._summarise = ctx, choices, summarise
        # the word on left-out steps an edited workflow keeps out (None: not read yet)
        self.kept_out: str | None = None
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
        label = getattr(self, "summary", None)  # None while the page is being built
        if self.wizard() is not None and label is not None and label.text():
            label.setText(self._summarise())

    def initializePage(self) -> None:
        if self.wizard() is None:
            return
        self.kept_out = None
        self.summary.setText(self._summarise())
        choices = self._choices()

        def said(kept_out: str) -> None:
            self.kept_out = kept_out
            self.summary.setText(self._summarise())

        # which steps an edited workflow keeps out: a database read, never on this thread
        self.ctx.background(lambda: shop.not_put_back(self.ctx.db, choices), said, owner=self)

    def validatePage(self) -> bool:
        if self.applied or self.wizard() is None:
            return True
        self.apply()
        return False

    def apply(self) -> None:
        choices = self._choices()
        self.outcome.show_text(translate("FirstRun", "Saving and switching on “Order fulfilment”…"))
        finish = self.wizard().button(QWizard.WizardButton.FinishButton)
        finish.setEnabled(False)

        def done(source: object) -> None:
            self.applied = True
            self.outcome.show_text(
                translate(
                    "FirstRun", "✓ Your shop is set up: “Order fulfilment” takes orders now."
                ),
                True,
            )
            self.published.emit(str(source))

        def failed(exc: BaseException) -> None:
            finish.setEnabled(True)
            self.outcome.show_text(
                translate(
                    "FirstRun",
                    "{problem} Go Back to fill in what is missing, or finish later under "
                    "Workflows (the draft is kept).",
                ).format(problem=exc),
                False,
            )

        self.ctx.background(lambda: publish(self.ctx, choices), done, failed, owner=self)
