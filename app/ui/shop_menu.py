"""The shop's own controls on the main window, added from outside it: the Shop menu (set up my
shop, try the demo, new order by hand), the “New order” button on the Orders page, the demo's
labels (window title and a banner that stays), and, on launch, the first-run setup when the
shop is not set up yet. Database work runs off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from app import demo, shop
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.shortcuts import keys_said
from app.ui.style import PRACTICE, icon
from app.ui.text import PlainLabel

if TYPE_CHECKING:  # imported when first opened: most launches never show them (memory)
    from app.ui.first_run import FirstRunWizard
    from app.ui.new_order import NewOrderDialog

TITLE = "Daloy"
DEMO_TITLE = QT_TRANSLATE_NOOP(
    "ShopMenu", "Daloy — Demo shop (sample orders, nothing real is contacted)"
)
DEMO_WORDS = QT_TRANSLATE_NOOP(
    "ShopMenu",
    "Demo: these orders are samples. Nothing real is charged, emailed or changed. "
    "Resolve what appears under “Needs you”; when you are ready, use Shop ▸ Set up "
    "my shop… to take real orders.",
)


class ShopControls:
    """Holds what it adds to ``window`` (a ``MainWindow``) and the wizard when open."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.ctx = window.ctx
        self.wizard: FirstRunWizard | None = None
        self.order_dialog: NewOrderDialog | None = None
        self.menu = menu = window.menuBar().addMenu(translate("ShopMenu", "&Shop"))
        setup = menu.addAction(icon("fa5s.magic"), translate("ShopMenu", "Set up my shop…"))
        setup.setObjectName("setupShopAction")
        setup.triggered.connect(self.open_wizard)
        try_demo = menu.addAction(icon("fa5s.play-circle"), translate("ShopMenu", "Try the demo"))
        try_demo.setObjectName("tryDemoAction")
        try_demo.triggered.connect(self.start_demo)
        self.by_hand = menu.addAction(
            icon("fa5s.phone"), translate("ShopMenu", "New order by hand…")
        )
        self.by_hand.setObjectName("newOrderAction")
        self.by_hand.triggered.connect(self.new_order)
        self.say_keys()
        menu.aboutToShow.connect(self.say_keys)  # in the language and on the page of that moment
        # on the Orders page once it is made (``when_made``); the window holds it till then
        self.new_order_button = QPushButton(
            icon("fa5s.plus"), translate("ShopMenu", "New order"), window
        )
        self.new_order_button.hide()
        self.new_order_button.setObjectName("newOrder")
        self.new_order_button.setToolTip(
            translate("ShopMenu", "Type in an order taken by phone or at the counter.")
        )
        self.new_order_button.clicked.connect(self.new_order)
        window.when_made("runs", self._on_orders_page)
        self.banner = PlainLabel(translate("ShopMenu", DEMO_WORDS))
        self.banner.setObjectName("demoBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            f"background: {PRACTICE}; color: white; font-weight: 600; "
            "padding: 8px 12px; border-radius: 6px;"
        )
        self.banner.hide()
        layout = window.banner.parentWidget().layout()
        layout.insertWidget(0, self.banner)

    def say_keys(self) -> None:
        """“New order by hand…” with the window's keys beside it, as a menu shows an action's
        keys, while they open a new order (not on the Workflows page, where they are the
        editor's). The keys stay the window's (``app.ui.shortcuts``): a second action on them
        would make both fire neither."""
        text = translate("ShopMenu", "New order by hand…")
        keys = self.window.findChild(QAction, "newOrderKeys")
        if isinstance(keys, QAction) and keys.isEnabled() and not keys.shortcut().isEmpty():
            text += "\t" + keys_said(keys.shortcut())  # the part a menu shows as the keys
        self.by_hand.setText(text)

    def _on_orders_page(self, runs: Any) -> None:
        runs.top.addWidget(self.new_order_button)
        self.new_order_button.show()

    # -- launch --------------------------------------------------------------------------------
    def on_launch(self) -> None:
        """Show the demo's labels when in demo mode; open the setup on a shop not set up."""
        db = self.ctx.db
        self.ctx.background(
            lambda: (shop.needs_first_run(db), demo.is_demo(db)), self._launched, owner=self.banner
        )

    def _launched(self, state: tuple[bool, bool]) -> None:
        needs, in_demo = state
        self.show_demo(in_demo)
        if needs:
            self.open_wizard()

    # -- the wizard ----------------------------------------------------------------------------
    def open_wizard(self) -> None:
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return
        from app.ui.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(self.ctx, self.window)
        self.wizard.demo_requested.connect(self.start_demo)
        self.wizard.set_up.connect(self._set_up)

        def skipped() -> None:
            if shop.needs_first_run(self.ctx.db):
                shop.mark(self.ctx.db, "skipped")

        self.wizard.skipped.connect(lambda: self.ctx.background(skipped))
        self.wizard.open()

    def _set_up(self, _source: str) -> None:
        self.show_demo(False)
        self.window.page("inbox")

    # -- the demo ------------------------------------------------------------------------------
    def start_demo(self) -> None:
        runtime = self.ctx.runtime

        def work() -> list[str]:
            if shop.needs_first_run(self.ctx.db):
                shop.mark(self.ctx.db, "demo")
            return demo.start(runtime)

        self.show_demo(True)
        self.window.page("inbox")
        self.ctx.background(
            work,
            owner=self.banner,
            on_error=lambda exc: self.banner.setText(
                translate("ShopMenu", "The demo could not start: {error}").format(error=exc)
            ),
        )

    def show_demo(self, on: bool) -> None:
        self.window.setWindowTitle(translate("ShopMenu", DEMO_TITLE) if on else TITLE)

        self.banner.setVisible(on)

    # -- orders by hand ------------------------------------------------------------------------
    def new_order(self) -> None:
        from app.ui.new_order import NewOrderDialog

        self.window.page("runs")
        self.order_dialog = NewOrderDialog(self.ctx, self.window)
        self.order_dialog.started.connect(self.window.open_run)
        self.order_dialog.open()


def attach(window: QMainWindow | QWidget) -> ShopControls:
    controls = ShopControls(window)
    window.shop = controls  # type: ignore[union-attr]  # kept alive with the window
    return controls
