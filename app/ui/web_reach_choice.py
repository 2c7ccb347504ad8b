"""“Who can reach these addresses” on the Web addresses tab: only this computer, or computers and
phones on the shop's network (Wi-Fi / LAN). The choice is saved in the workspace and the running
web intake listens again at once (``IntakeManager.apply_web_reach``), off the GUI thread; set by
the environment variables, it is shown and cannot be changed here. Also a read-only address with
its Copy button (``AddressLine``), used by the tab and the setup's last words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.intake import web_addresses as web
from app.intake import web_reach
from app.ui.context import AppContext
from app.ui.style import BAD, MUTED, icon
from app.ui.text import PlainLabel


class AddressLine(QWidget):
    """A web address to read and copy; ``copied`` says which one went to the clipboard."""

    copied = Signal(str)

    def __init__(self, url: str, name: str) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(url)
        self.line.setObjectName(name)
        self.line.setReadOnly(True)
        self.line.setCursorPosition(0)
        self.copy_b = QPushButton(icon("fa5s.copy"), translate("WebAddresses", "Copy"))
        self.copy_b.setObjectName(f"{name}Copy")
        lay.addWidget(self.line, 1)
        lay.addWidget(self.copy_b)
        self.copy_b.clicked.connect(self._copy)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.line.text())
        self.copied.emit(self.line.text())


class ReachChoice(QGroupBox):
    """The two choices and what they mean; ``on_changed`` runs after a change took effect."""

    def __init__(self, ctx: AppContext, on_changed: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("webReach")
        self.ctx, self.on_changed = ctx, on_changed
        self.shown: web.Reachable | None = None
        lay = QVBoxLayout(self)
        self.only_here = QRadioButton()
        self.only_here.setObjectName("reachThisComputer")
        self.network = QRadioButton()
        self.network.setObjectName("reachNetwork")
        self.group = QButtonGroup(self)
        self.group.addButton(self.only_here)
        self.group.addButton(self.network)
        self.only_here.setChecked(True)
        self.words = PlainLabel()
        self.words.setObjectName("webReachWords")
        self.words.setWordWrap(True)
        self.status = PlainLabel()
        self.status.setObjectName("webReachStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        for w in (self.only_here, self.network, self.words, self.status):
            lay.addWidget(w)
        self.network.toggled.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("WebAddresses", "Who can reach these addresses"))
        self.only_here.setText(translate("WebAddresses", "Only this computer"))
        self.network.setText(
            translate("WebAddresses", "Computers and phones on this shop's network (Wi-Fi / LAN)")
        )
        if self.shown is not None:
            self.show_reach(self.shown)

    def show_reach(self, shown: web.Reachable) -> None:
        """Show the reach in force (without acting on it as a new choice)."""
        self.shown = shown
        reach = shown.reach
        self.network.blockSignals(True)
        (self.network if reach.network else self.only_here).setChecked(True)
        self.network.blockSignals(False)
        for b in (self.only_here, self.network):
            b.setEnabled(not reach.outside)
        self.words.setStyleSheet(f"color: {MUTED}")
        self.words.setText("\n".join(self._words(shown)))

    def _words(self, shown: web.Reachable) -> list[str]:
        reach = shown.reach
        out = []
        if reach.outside:
            out.append(
                translate(
                    "WebAddresses",
                    "This is set outside Daloy, by whoever installed it on this computer "
                    "(DALOY_WEB_HOST), so it cannot be changed here.",
                )
            )
        if not reach.network:
            out.append(
                translate(
                    "WebAddresses",
                    "Only this computer can open these addresses. To let phones and other "
                    "computers on the shop's Wi-Fi use the order form, choose the shop's network.",
                )
            )
            return out
        out.append(
            translate("WebAddresses", "Anyone on the shop's Wi-Fi can now open the order form.")
        )
        if not shown.bases and reach.listen in (web_reach.EVERYWHERE, "::"):
            out.append(
                translate(
                    "WebAddresses",
                    "This computer is not on a network right now: connect it to the shop's "
                    "Wi-Fi or network cable, then open this tab again.",
                )
            )
        out.append(
            translate(
                "WebAddresses",
                "Customers outside the shop (on mobile data, at home) still cannot reach it; "
                "to put the form on the internet, ask your internet provider or a web person "
                "to forward it to this computer.",
            )
        )
        return out

    def _chosen(self, network: bool) -> None:
        choice = web_reach.NETWORK if network else web_reach.THIS_COMPUTER
        before = web_reach.THIS_COMPUTER if network else web_reach.NETWORK
        db, intake = self.ctx.db, getattr(self.ctx.runtime, "intake", None)
        for b in (self.only_here, self.network):
            b.setEnabled(False)  # one change at a time

        def work() -> None:
            web_reach.choose(db, choice)
            if intake is not None and hasattr(intake, "apply_web_reach"):
                try:
                    intake.apply_web_reach()
                except OSError:
                    web_reach.choose(db, before)  # what listens now is the old choice
                    raise

        self.ctx.background(work, lambda _r: self._done(), self._failed, owner=self)

    def _done(self) -> None:
        self.status.hide()
        self.on_changed()

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(f"color: {BAD}")
        self.status.setText(
            translate(
                "WebAddresses",
                "Daloy could not change who can reach the web addresses: {error}. Nothing "
                "changed; if another program uses port {port}, close it (or restart the "
                "computer) and try again.",
            ).format(error=exc, port=web.port(getattr(self.ctx.runtime, "intake", None)))
        )
        self.status.show()
        self.on_changed()
