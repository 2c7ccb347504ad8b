"""Tells the operator the moment a person is needed: a tray icon whose look shows the state, and
a notification per new inbox entry (grouped when many arrive together). Where the desktop has no
system tray, the same alerts appear as a banner inside the window, and Daloy says so once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from app.core.i18n import translate
from app.core.kinds import InboxKind
from app.ui.logo import logo_icon
from app.ui.style import WARN, icon
from app.ui.text import escape, notification_body, rich_label, shown_reason


def kind_phrase(kind: str, n: int) -> str:
    """``n`` entries of one kind, counted in words ("2 failed steps")."""
    # English says one and many apart; both are translated (the count is a named field)
    phrases = {
        "decision": lambda: (
            translate("Tray", "{n} decision to make")
            if n == 1
            else translate("Tray", "{n} decisions to make")
        ),
        "step_failed": lambda: (
            translate("Tray", "{n} failed step")
            if n == 1
            else translate("Tray", "{n} failed steps")
        ),
        "intake_error": lambda: (
            translate("Tray", "{n} unreadable order")
            if n == 1
            else translate("Tray", "{n} unreadable orders")
        ),
        "channel_down": lambda: (
            translate("Tray", "{n} channel down")
            if n == 1
            else translate("Tray", "{n} channels down")
        ),
        "system_down": lambda: (
            translate("Tray", "{n} system down")
            if n == 1
            else translate("Tray", "{n} systems down")
        ),
        "system": lambda: (
            translate("Tray", "{n} alert") if n == 1 else translate("Tray", "{n} alerts")
        ),
    }
    return phrases[kind]().format(n=n) if kind in phrases else f"{n} {kind}"


# Entries that mean a channel or a system is down (the tray turns red), not an order waiting.
DOWN_KINDS = ("channel_down", "system_down")


def tray_tip(state: str, n: int) -> str:
    if state == "down":
        return translate("Tray", "Daloy: a channel or system is down")
    if state == "waiting":
        return translate("Tray", "Daloy: {n} waiting for you").format(n=n)
    return translate("Tray", "Daloy: all is well")


def tray_icon(state: str) -> QIcon:
    """Daloy's own icon with a dot: green (all is well), orange (waiting), red (down)."""
    return logo_icon(state)


def tray_state(items: list[dict]) -> str:
    """ "down" when an open entry says a channel or system is down, "waiting" when orders wait
    for a person, else "ok"."""
    if any(i["kind"] in DOWN_KINDS for i in items):
        return "down"
    return "waiting" if items else "ok"


def alert_words(item: dict) -> str:
    """What an alert says of one entry: a failed step as the order page explains it (what
    happened, what to do: ``Explanation.alert``, read with the entry by ``inbox.load_open``),
    a decision its question's first sentence, as the Needs you list heads it (the sample's
    stock question filled four lines of the banner in Filipino; the rest is in the entry);
    any other entry its reason; all in the current language."""
    if not item.get("alert") and item.get("kind") == InboxKind.DECISION and item.get("headline"):
        return str(item["headline"])
    return item.get("alert") or shown_reason(item)


def group_reason(items: list[dict]) -> str:
    """What many entries have in common: steps that failed alike ("The card was not charged:
    the payment service had a problem on its side (error 503). What to do: …"), else a count
    per kind ("1 decision to make, 1 failed step")."""
    alerts = {i.get("alert") or "" for i in items}
    if len(alerts) == 1 and "" not in alerts:
        return alerts.pop()  # the same failure: say it once
    counts: dict[str, int] = {}
    for i in items:
        counts[i["kind"]] = counts.get(i["kind"], 0) + 1
    return ", ".join(kind_phrase(k, n) for k, n in counts.items())


class Banner(QFrame):
    """The in-window alert strip (objectName ``inAppNotification``)."""

    clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("banner")
        self.setProperty("role", "inAppNotification")
        lay = QHBoxLayout(self)
        self.icon = QLabel()
        self.icon.setPixmap(icon("fa5s.bell", WARN).pixmap(18, 18))
        self.text = rich_label()
        self.text.setObjectName("inAppNotification")
        self.text.setWordWrap(True)
        self.open_button = QPushButton(translate("Tray", "Open"))
        self.close_button = QPushButton(translate("Tray", "Dismiss"))
        lay.addWidget(self.icon)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.open_button)
        lay.addWidget(self.close_button)
        self.item_id: int | None = None
        self.item_ids: set[int] = set()  # the entries the message names
        self.open_button.clicked.connect(lambda: self.item_id and self.clicked.emit(self.item_id))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_message(
        self, text: str, item_id: int | None, title: str = "", item_ids: set[int] | None = None
    ) -> None:
        """``title`` in bold, then ``text``; both are shown as written (they name orders)."""
        self.text.setText(f"<b>{escape(title)}</b> — {escape(text)}" if title else escape(text))
        self.item_id = item_id
        self.item_ids = set(item_ids or ()) | ({item_id} if item_id is not None else set())
        self.open_button.setVisible(item_id is not None)
        self.show()

    def still_open(self, open_ids: set[int]) -> None:
        """Hide the message once every entry it names was answered: it must not keep saying
        "3001: needs you" after the inbox says all clear."""
        if self.item_ids and not self.item_ids & open_ids:
            self.item_ids, self.item_id = set(), None
            self.hide()


class Notifier(QObject):
    """Groups new inbox entries arriving within ``group_ms`` into one alert."""

    open_item = Signal(int)
    open_inbox = Signal()
    show_window = Signal()
    toggle_intake = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        banner: Banner,
        group_ms: int = 800,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(banner)  # goes with the window that shows the banner
        self.banner = banner
        self.tray: QSystemTrayIcon | None = None
        self._pending: list[dict] = []
        self._timer = QTimer(self, singleShot=True, interval=group_ms)
        self._timer.timeout.connect(self._flush)
        self._last_item: int | None = None
        self._announced: list[dict] = []  # the entries the last alert named
        self.state = "ok"
        self.waiting = 0
        self.sent: list[str] = []  # what was announced (for people reading logs/tests)
        banner.clicked.connect(self.open_item)
        if tray_available():
            self._make_tray()
        else:
            banner.show_message(no_tray_notice(), None)

    # -- tray ------------------------------------------------------------------------------------
    def _make_tray(self) -> None:
        self.tray = QSystemTrayIcon(tray_icon("ok"), self)
        menu = QMenu()
        self.waiting_action = QAction(translate("Tray", "Nothing waiting for you"), menu)
        self.waiting_action.triggered.connect(self.open_inbox)
        menu.addAction(self.waiting_action)
        menu.addSeparator()
        self.open_action = QAction(translate("Tray", "Open Daloy"), menu)
        self.pause_action = QAction(translate("Tray", "Pause intake"), menu)
        quit_action = QAction(translate("Tray", "Quit Daloy"), menu)
        self.open_action.triggered.connect(self.show_window)
        self.pause_action.triggered.connect(self.toggle_intake)
        quit_action.triggered.connect(self.quit_requested)
        for a in (self.open_action, self.pause_action):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.tray.setContextMenu(menu)
        self._menu = menu

        def message_clicked() -> None:
            if self._last_item:
                self.open_item.emit(self._last_item)

        def activated(reason: QSystemTrayIcon.ActivationReason) -> None:
            if reason == QSystemTrayIcon.ActivationReason.Trigger:
                self.show_window.emit()

        self.tray.messageClicked.connect(message_clicked)
        self.tray.activated.connect(activated)
        self.tray.setToolTip(tray_tip("ok", 0))
        self.tray.show()
        self.paused = False

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if self.tray is not None:
            self.pause_action.setText(
                translate("Tray", "Resume intake") if paused else translate("Tray", "Pause intake")
            )

    def retranslate(self) -> None:
        """The language changed: the tray's tooltip and menu, and the banner's message, say
        the same in the new one."""
        if self.tray is not None:
            self.set_paused(self.paused)
            self._show_state()
        if not self.banner.isVisible():
            return
        if self.banner.item_ids and self._announced:
            title, said, _text = self._words(self._announced)
            self.banner.show_message(said, self.banner.item_id, title, self.banner.item_ids)
        elif self.tray is None and not self.banner.item_ids:
            self.banner.show_message(no_tray_notice(), None)

    def set_open(self, items: list[dict]) -> None:
        """The open inbox entries changed: the tray's colour and menu follow, and the banner
        goes when what it names was answered."""
        self.state = tray_state(items)
        self.waiting = len(items)
        self.banner.still_open({i["id"] for i in items})
        # the entries as read now: in the language spoken now (a switch reads them again)
        fresh = {i["id"]: i for i in items}
        self._announced = [fresh[i["id"]] for i in self._announced if i["id"] in fresh]
        # the banner names what is left (not "2 orders waiting" after one of the two was
        # retried), in the words read last
        left = [i for i in items if i["id"] in self.banner.item_ids]
        if not self.banner.isHidden() and left:
            title, said, _text = self._words(left)
            self.banner.show_message(said, left[-1]["id"], title, {i["id"] for i in left})
        self._pending = [i for i in self._pending if i["id"] in {x["id"] for x in items}]
        self._show_state()

    def _show_state(self) -> None:
        if self.tray is not None:
            self.tray.setIcon(tray_icon(self.state))
            self.tray.setToolTip(tray_tip(self.state, self.waiting))
            self.waiting_action.setText(
                translate("Tray", "{n} waiting for you").format(n=self.waiting)
                if self.waiting
                else translate("Tray", "Nothing waiting for you")
            )

    # -- alerts ----------------------------------------------------------------------------------
    def set_grouping(self, ms: int) -> None:
        """Entries arriving less than ``ms`` apart are announced together."""
        self._timer.setInterval(ms)

    def new_items(self, items: list[dict]) -> None:
        self._pending.extend(items)
        self._timer.start()

    def _flush(self) -> None:
        items, self._pending = self._pending, []
        if not items:
            return
        title, said, text = self._words(items)
        self._announced = items
        self._last_item = items[-1]["id"]
        self.sent.append(text)
        if self.tray is not None:
            self.tray.showMessage(
                title, notification_body(text), QSystemTrayIcon.MessageIcon.Warning, 10_000
            )
        # the banner shows the title beside the text: the count is said once
        self.banner.show_message(said, self._last_item, title, {i["id"] for i in items})

    @staticmethod
    def _words(items: list[dict]) -> tuple[str, str, str]:
        """(title, what is said, the whole message) of an alert naming ``items``."""
        if len(items) == 1:
            it = items[0]
            who = it.get("business_key") or it.get("workflow") or "Daloy"
            said = alert_words(it)
            return translate("Tray", "{who}: needs you").format(who=who), said, said
        # "3 orders waiting" only when the entries are three orders: a decision's reminder is
        # a second entry of the same order, a channel or backup alert no order at all
        orders = {i.get("run_id") or i.get("business_key") for i in items} - {None, ""}
        if len(orders) == len(items):
            title = translate("Tray", "{n} orders waiting").format(n=len(items))
        else:
            title = translate("Tray", "{n} new in Needs you").format(n=len(items))
        said = group_reason(items)
        return title, said, translate("Tray", "{title}: {reason}").format(title=title, reason=said)


def no_tray_notice() -> str:
    return translate(
        "Tray",
        "Your desktop has no system tray, so Daloy shows its alerts here, "
        "at the top of the window.",
    )


KEEP, QUIT, STAY = "keep", "quit", "stay"


def no_tray_question() -> str:
    return translate(
        "Tray",
        "Your desktop has no system tray, so once this window is closed Daloy "
        "has no icon to come back to.\n\nKeep working in the background: orders "
        "keep coming in and running. To get the window back, start Daloy again "
        "from your applications menu; the running Daloy opens its window.\n\n"
        "Quit: Daloy stops; orders wait for the next start.",
    )


def ask_keep_or_quit(parent: QWidget) -> str:
    """Where there is no tray, closing the window asks: KEEP working in the background, QUIT,
    or STAY (the question was dismissed)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Tray", "Keep Daloy working?"),
        no_tray_question(),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("keepOrQuit")
    box.setTextFormat(Qt.TextFormat.PlainText)
    keep = box.addButton(
        translate("Tray", "Keep working in the background"), QMessageBox.ButtonRole.AcceptRole
    )
    keep.setObjectName("keepWorking")
    quit_ = box.addButton(translate("Tray", "Quit Daloy"), QMessageBox.ButtonRole.DestructiveRole)
    quit_.setObjectName("quitDaloy")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return KEEP if clicked is keep else QUIT if clicked is quit_ else STAY
