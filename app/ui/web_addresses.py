"""The "Web addresses" tab: for each webhook of a switched-on workflow, the address to post orders
to, its token (hidden until "Reveal", a Copy button, "New token…" after a confirmation) and a
ready-to-paste example request; above them, who can reach them (``web_reach_choice``) and, when
the shop's network can, the same addresses at this computer's network address. Keyring work runs
off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
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
from app.ui.web_reach_choice import AddressLine, ReachChoice

HIDDEN = "•" * 12


class AddressBox(QGroupBox):
    """One web address: URL, token and example."""

    def __init__(
        self,
        ctx: AppContext,
        address: web.WebAddress,
        local: str = "",
        bases: tuple[str, ...] = (),
    ) -> None:
        super().__init__(f"{address.workflow} — {address.trigger}")
        self.setObjectName(f"webAddress:{address.workflow}/{address.trigger}")
        self.ctx, self.address = ctx, address
        self.token_text: str | None = None
        self.revealed = False
        form = QFormLayout(self)
        self.urls: list[AddressLine] = []

        def url_row(label: str, url: str, name: str) -> None:
            line = AddressLine(url, name)
            line.copied.connect(
                lambda u: self._say(
                    translate("WebAddresses", "Copied: {address}").format(address=u)
                )
            )
            self.urls.append(line)
            form.addRow(label, line)

        # the form first: it is what a shop hands to customers
        if address.form_url:
            url_row(translate("WebAddresses", "Order form page"), address.form_url, "webFormUrl")
        url_row(translate("WebAddresses", "Post orders to"), address.url, "webAddressUrl")
        if bases:  # the same addresses as phones on the shop's network open them
            heading = PlainLabel(
                translate("WebAddresses", "From phones and other computers on the shop's Wi-Fi:")
            )
            heading.setObjectName("webLanHeading")
            heading.setWordWrap(True)
            heading.setStyleSheet("font-weight: 600")
            form.addRow(heading)
        for base in bases:
            if address.form_url:
                url_row(
                    translate("WebAddresses", "Order form page"),
                    web.on_network(address.form_url, local, base),
                    "webFormLanUrl",
                )
            url_row(
                translate("WebAddresses", "Post orders to"),
                web.on_network(address.url, local, base),
                "webAddressLanUrl",
            )
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
            translate("WebAddresses", "Make a new token"),
            translate("WebAddresses", "Keep the old token"),
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


@dataclass(frozen=True)
class Shown:
    """What the tab shows, read off the GUI thread."""

    found: list[web.WebAddress]
    local: str  # the addresses' beginning on this computer
    reachable: web.Reachable

    @property
    def key(self) -> tuple[object, ...]:
        return (self.found, self.local, self.reachable.bases)


def load(ctx: AppContext) -> Shown:
    intake = getattr(ctx.runtime, "intake", None)
    local = web.base_url(intake)
    return Shown(web.addresses(ctx.db, local), local, web.reachable(ctx.db, intake))


class WebAddresses(QScrollArea):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWidgetResizable(True)
        self.inner = QWidget()
        outer = QVBoxLayout(self.inner)
        self.reach = ReachChoice(ctx, self.refresh)
        outer.addWidget(self.reach)
        self.lay = QVBoxLayout()
        outer.addLayout(self.lay, 1)
        self.setWidget(self.inner)
        self.boxes: list[AddressBox] = []
        self.shown: tuple[object, ...] | None = None

    def refresh(self) -> None:
        self.ctx.background(lambda: load(self.ctx), self._loaded, owner=self)

    def _loaded(self, shown: Shown) -> None:
        self.reach.show_reach(shown.reachable)
        if self.shown == shown.key:
            return  # unchanged: keep a revealed token revealed
        self.shown = shown.key
        found = shown.found
        while self.lay.count():
            item = self.lay.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        self.boxes = [AddressBox(self.ctx, a, shown.local, shown.reachable.bases) for a in found]
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
