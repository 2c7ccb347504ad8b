"""“Authorise the shop…” on a Shopee or Lazada connection form: the owner opens the platform's
authorisation link, approves Daloy, and pastes back the code (or the whole address the browser
landed on); Daloy swaps it for the shop's tokens off the GUI thread and stores them in the
keyring (``app.connectors.platforms.setup``). Said in words: “Shop authorised until …” or what went
wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.connectors.connection_check import UnsavedConnection
from app.connectors.platforms.setup import authorisation_link, authorise, code_from
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.style import BAD, MUTED, OK
from app.ui.text import PlainLabel

if TYPE_CHECKING:
    from app.ui.connection_form import ConnectionForm
    from app.ui.context import AppContext

STEPS = {
    "shopee": QT_TRANSLATE_NOOP(
        "ShopAuthorise",
        "1. Enter the Partner ID and Partner key above. 2. Enter the Redirect URL "
        "registered for your app and make the link. 3. The shop's owner opens it, "
        "signs in to Shopee Seller Centre and approves. 4. Paste the address the "
        "browser then shows (it holds the code and the shop ID) below.",
    ),
    "lazada": QT_TRANSLATE_NOOP(
        "ShopAuthorise",
        "1. Enter the App key and App secret above. 2. Enter the Callback URL "
        "registered for your app and make the link. 3. The shop's owner opens it, "
        "signs in as the seller and approves. 4. Paste the address the browser then "
        "shows (it holds the code) below.",
    ),
}


class ShopAuthorisation(QWidget):
    """The button and, once pressed, the panel. ``attach`` gives it the app (for the database
    and background work) and the connection's name as typed."""

    def __init__(self, form: ConnectionForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.ctx: AppContext | None = None
        self.name_of: Callable[[], str] = lambda: ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.start = QPushButton(translate("ShopAuthorise", "Authorise the shop…"))
        self.start.setObjectName("authoriseShop")
        self.start.clicked.connect(self._open)
        lay.addWidget(self.start)
        self.panel = QWidget()
        self.panel.setObjectName("authorisePanel")
        pl = QFormLayout(self.panel)
        pl.setContentsMargins(0, 0, 0, 0)
        how = PlainLabel(translate("ShopAuthorise", STEPS[form.kind]) if form.kind in STEPS else "")
        how.setWordWrap(True)
        how.setStyleSheet(f"color: {MUTED}")
        pl.addRow(how)
        self.redirect = QLineEdit()
        self.redirect.setObjectName("authRedirect")
        self.redirect.setPlaceholderText(
            translate("ShopAuthorise", "https://… — the Redirect URL registered for your app")
        )
        pl.addRow(translate("ShopAuthorise", "Return address"), self.redirect)
        self.make = QPushButton(translate("ShopAuthorise", "Make the link"))
        self.make.setObjectName("makeAuthLink")
        self.make.clicked.connect(self._make_link)
        pl.addRow("", self.make)
        self.link = QLineEdit()
        self.link.setObjectName("authLink")
        self.link.setReadOnly(True)
        self.link.setPlaceholderText(
            translate("ShopAuthorise", "the link for the shop's owner appears here")
        )
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.copy = QPushButton(translate("ShopAuthorise", "Copy"))
        self.copy.setObjectName("copyAuthLink")
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.link.text()))
        self.browse = QPushButton(translate("ShopAuthorise", "Open in browser"))
        self.browse.setObjectName("openAuthLink")
        self.browse.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self.link.text())))
        for w in (self.copy, self.browse):
            w.setEnabled(False)
        rl.addWidget(self.link, 1)
        rl.addWidget(self.copy)
        rl.addWidget(self.browse)
        pl.addRow(translate("ShopAuthorise", "Authorisation link"), row)
        self.code = QLineEdit()
        self.code.setObjectName("authCode")
        self.code.setPlaceholderText(
            translate("ShopAuthorise", "paste the code, or the whole address the browser showed")
        )
        pl.addRow(translate("ShopAuthorise", "Code from the platform"), self.code)
        self.finish = QPushButton(translate("ShopAuthorise", "Finish authorisation"))
        self.finish.setObjectName("finishAuthorisation")
        self.finish.clicked.connect(self._finish)
        pl.addRow("", self.finish)
        self.result = PlainLabel()
        self.result.setObjectName("authResult")
        self.result.setWordWrap(True)
        pl.addRow(self.result)
        self.panel.setVisible(False)
        lay.addWidget(self.panel)

    def attach(self, ctx: AppContext, name_of: Callable[[], str]) -> None:
        self.ctx, self.name_of = ctx, name_of

    def _open(self) -> None:
        self.panel.setVisible(True)
        self.redirect.setFocus()

    def _say(self, text: str, good: bool | None = None) -> None:
        self.result.setStyleSheet("" if good is None else f"color: {OK if good else BAD}")
        self.result.setText(text)

    def _values(self) -> tuple[str, dict[str, Any], dict[str, str]] | None:
        name = self.name_of()
        if self.ctx is None or not name:
            self._say(
                translate(
                    "ShopAuthorise",
                    "Give the connection a name first (the shop's tokens are kept under it).",
                ),
                False,
            )
            return None
        return name, self.form.settings(), self.form.typed_secrets()

    def _run(
        self, fn: Callable[[], Any], done: Callable[[Any], None], busy: QPushButton, waiting: str
    ) -> None:
        assert self.ctx is not None
        busy.setEnabled(False)
        self._say(waiting)

        def ok(result: Any) -> None:
            busy.setEnabled(True)
            done(result)

        def failed(exc: BaseException) -> None:
            busy.setEnabled(True)
            self._say(str(exc), False)

        self.ctx.background(fn, ok, failed, owner=self)

    def _make_link(self) -> None:
        values = self._values()
        if values is None:
            return
        name, settings, typed = values
        db, kind, redirect = self.ctx.db, self.form.kind, self.redirect.text()  # type: ignore[union-attr]

        def made(link: Any) -> None:
            self.link.setText(str(link))
            for w in (self.copy, self.browse):
                w.setEnabled(True)
            self._say(
                translate(
                    "ShopAuthorise",
                    "Send this link to the shop's owner, or open it here if that is you; it "
                    "works for a few minutes.",
                )
            )

        self._run(
            lambda: authorisation_link(
                UnsavedConnection(db, name, kind, settings, typed), name, redirect
            ),
            made,
            self.make,
            translate("ShopAuthorise", "Making the link…"),
        )

    def _finish(self) -> None:
        values = self._values()
        if values is None:
            return
        name, settings, typed = values
        db, kind = self.ctx.db, self.form.kind  # type: ignore[union-attr]
        code, shop_id = code_from(self.code.text())
        # Shopee names the shop in the return address: taken when the form has none yet.
        learnt = (
            shop_id
            if shop_id
            and "shop_id" in self.form.fields
            and not str(settings.get("shop_id") or "").strip()
            else ""
        )
        if learnt:
            settings["shop_id"] = learnt

        def done(sentence: Any) -> None:
            if learnt:
                self.form.fill_in("shop_id", learnt)
            self.code.clear()
            self._say(str(sentence), True)

        self._run(
            lambda: authorise(UnsavedConnection(db, name, kind, settings, typed), name, code),
            done,
            self.finish,
            translate("ShopAuthorise", "Authorising the shop…"),
        )
