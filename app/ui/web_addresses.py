"""The "Web addresses" tab: for each webhook of a switched-on workflow, the address to post orders
to, its token (hidden until "Reveal", a Copy button, "New token…" after a confirmation) and a
ready-to-paste example request. Keyring work runs off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.intake import web_addresses as web
from app.ui.context import AppContext
from app.ui.style import BAD, MUTED, icon
from app.ui.text import PlainLabel, confirm

HIDDEN = "•" * 12


class AddressBox(QGroupBox):
    """One web address: URL, token and example."""

    def __init__(self, ctx: AppContext, address: web.WebAddress) -> None:
        super().__init__(f"{address.workflow} — {address.trigger}")
        self.setObjectName(f"webAddress:{address.workflow}/{address.trigger}")
        self.ctx, self.address = ctx, address
        self.token_text: str | None = None
        self.revealed = False
        form = QFormLayout(self)
        url = QLineEdit(address.url)
        url.setObjectName("webAddressUrl")
        url.setReadOnly(True)
        form.addRow(translate("WebAddresses", "Post orders to"), url)
        if address.form_url:
            page = QLineEdit(address.form_url)
            page.setObjectName("webFormUrl")
            page.setReadOnly(True)
            form.addRow(translate("WebAddresses", "Order form page"), page)
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.token = QLineEdit(HIDDEN)
        self.token.setObjectName("webToken")
        self.token.setReadOnly(True)
        self.reveal_b = QPushButton(icon("fa5s.eye"), translate("WebAddresses", "Reveal"))
        self.reveal_b.setObjectName("revealToken")
        self.copy_b = QPushButton(icon("fa5s.copy"), translate("WebAddresses", "Copy"))
        self.copy_b.setObjectName("copyToken")
        self.new_b = QPushButton(icon("fa5s.sync"), translate("WebAddresses", "New token…"))
        self.new_b.setObjectName("regenerateToken")
        for w in (self.token, self.reveal_b, self.copy_b, self.new_b):
            lay.addWidget(w, 1 if w is self.token else 0)
        form.addRow(
            translate("WebAddresses", "Signing key (HMAC)")
            if address.auth == "hmac"
            else translate("WebAddresses", "Token"),
            row,
        )
        self.example = QPlainTextEdit()
        self.example.setObjectName("webExample")
        self.example.setReadOnly(True)
        self.example.setMaximumHeight(110)
        copy_example = QPushButton(icon("fa5s.copy"), translate("WebAddresses", "Copy example"))
        copy_example.setObjectName("copyExample")
        form.addRow(translate("WebAddresses", "Example request"), self.example)
        form.addRow("", copy_example)
        self.status = PlainLabel()
        self.status.setObjectName("webAddressStatus")
        self.status.setWordWrap(True)
        form.addRow("", self.status)
        self.reveal_b.clicked.connect(self._reveal)
        self.copy_b.clicked.connect(lambda: self._with_token(self._copy_token))
        self.new_b.clicked.connect(self._regenerate)
        copy_example.clicked.connect(lambda: self._with_token(self._copy_example))
        self._show(revealed=False)

    def _show(self, revealed: bool) -> None:
        shown = self.token_text if revealed and self.token_text else None
        self.revealed = bool(shown)
        self.token.setText(shown or HIDDEN)
        self.reveal_b.setText(
            translate("WebAddresses", "Hide") if shown else translate("WebAddresses", "Reveal")
        )
        self.example.setPlainText(
            web.example(self.address, shown or translate("WebAddresses", "<token: press Reveal>"))
        )

    def retranslate(self) -> None:
        self._show(self.revealed)

    def _with_token(self, then: Any) -> None:
        """Run ``then(token)`` on the GUI thread once the token was read from the keyring."""
        if self.token_text is not None:
            then(self.token_text)
            return

        def got(value: object) -> None:
            self.token_text = str(value)
            then(self.token_text)

        self.ctx.background(lambda: web.token(self.address), got, self._failed, owner=self)

    def _reveal(self) -> None:
        if self.revealed:
            self._show(revealed=False)
            return
        self._with_token(lambda _t: self._show(revealed=True))

    def _copy_token(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self._say(translate("WebAddresses", "Token copied."))

    def _copy_example(self, value: str) -> None:
        QGuiApplication.clipboard().setText(web.example(self.address, value))
        self._say(translate("WebAddresses", "Example request copied."))

    def _regenerate(self) -> None:
        if not confirm(
            self,
            translate("WebAddresses", "Make a new token?"),
            translate(
                "WebAddresses",
                "Make a new token for {address}? Whoever sends orders there with the old "
                "token is refused from now on, until they use the new one.",
            ).format(address=self.address.url),
        ):
            return

        def done(value: object) -> None:
            self.token_text = str(value)
            self._show(revealed=self.revealed)
            self._say(translate("WebAddresses", "New token saved; the old one no longer works."))

        self.ctx.background(lambda: web.regenerate(self.address), done, self._failed, owner=self)

    def _say(self, text: str, bad: bool = False) -> None:
        self.status.setStyleSheet(f"color: {BAD if bad else MUTED}")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(str(exc), bad=True)


class WebAddresses(QScrollArea):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.lay = QVBoxLayout(self.inner)
        self.setWidget(self.inner)
        self.boxes: list[AddressBox] = []

    def refresh(self) -> None:
        intake = getattr(self.ctx.runtime, "intake", None)
        self.ctx.background(
            lambda: web.addresses(self.ctx.db, web.base_url(intake)), self._loaded, owner=self
        )

    def _loaded(self, found: list[web.WebAddress]) -> None:
        if [b.address for b in self.boxes] == found:
            return  # unchanged: keep a revealed token revealed
        while self.lay.count():
            item = self.lay.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        self.boxes = [AddressBox(self.ctx, a) for a in found]
        for box in self.boxes:
            self.lay.addWidget(box)
        if not found:
            note = PlainLabel(
                translate(
                    "WebAddresses",
                    "No web addresses yet: a switched-on workflow with a webhook "
                    "trigger gets one here, to receive orders from a website or "
                    "another system.",
                )
            )

            note.setWordWrap(True)
            note.setStyleSheet(f"color: {MUTED}")
            self.lay.addWidget(note)
        self.lay.addStretch(1)
