"""Connections: create, edit, test and remove. Secrets go to the keyring only; the form never
shows a saved secret, only whether one is saved. Each kind has its own form (``connection_form``);
"Test connection" tries the values as typed, before Save, off the GUI thread, and says what went
wrong in words (the technical detail folded away). The "Web addresses" tab shows where orders
can be posted (``web_addresses``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import secrets
from app.connectors import connection_values
from app.connectors.connection_check import check
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.store import connections, workspace
from app.store.connections import KINDS
from app.ui.connection_form import ConnectionForm, ResultView
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import BAD, OK, WARN, icon
from app.ui.text import PlainLabel, confirm
from app.ui.web_addresses import WebAddresses

KIND_ICONS = {
    "smtp": "fa5s.paper-plane",
    "imap": "fa5s.inbox",
    "http": "fa5s.globe",
    "marketplace": "fa5s.store",
    "database": "fa5s.database",
    "shopify": "fa5s.shopping-bag",
    "woocommerce": "fa5s.shopping-cart",
    "shopee": "fa5s.store-alt",
    "lazada": "fa5s.store-alt",
}
# the kinds' titles in words (app.store.connections.KINDS keeps the English one)
KIND_TITLES = {
    "smtp": QT_TRANSLATE_NOOP("Connections", "Email sending (SMTP)"),
    "imap": QT_TRANSLATE_NOOP("Connections", "Email inbox (IMAP)"),
    "http": QT_TRANSLATE_NOOP("Connections", "Web API"),
    "marketplace": QT_TRANSLATE_NOOP("Connections", "Marketplace"),
    "database": QT_TRANSLATE_NOOP("Connections", "Database"),
    "shopify": QT_TRANSLATE_NOOP("Connections", "Shopify shop"),
    "woocommerce": QT_TRANSLATE_NOOP("Connections", "WooCommerce shop"),
    "shopee": QT_TRANSLATE_NOOP("Connections", "Shopee shop"),
    "lazada": QT_TRANSLATE_NOOP("Connections", "Lazada shop"),
}


def kind_title(kind: str) -> str:
    if kind in KIND_TITLES:
        return translate("Connections", KIND_TITLES[kind])
    return KINDS[kind].title if kind in KINDS else kind


def load_all(ctx: AppContext) -> list[dict[str, Any]]:
    space = workspace.id_of(ctx.db)
    with ctx.db.read() as s:
        rows = connections.list_all(s)
        out: list[dict[str, Any]] = [
            {"name": c.name, "kind": c.kind, "settings": dict(c.settings or {})} for c in rows
        ]
    for c in out:
        kind = KINDS.get(c["kind"])
        c["secrets"] = {
            f: secrets.has_secret(c["name"], f, space) for f in (kind.secrets if kind else ())
        }
    return out


class ConnectionsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Connections", "Connections"))
        lay = self.body
        ok, message = secrets.check_backend()
        self.keyring_note = PlainLabel(message)
        self.keyring_note.setObjectName("keyringStatus")
        self.keyring_note.setWordWrap(True)
        color = BAD if not ok else WARN if secrets.is_plain_file() else OK
        self.keyring_note.setStyleSheet(f"color: {color}")
        lay.addWidget(self.keyring_note)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("connectionTabs")
        split = QSplitter()
        left = QWidget()
        ll = QVBoxLayout(left)
        self.list = QListWidget()
        self.list.setObjectName("connectionsList")
        self.list.currentItemChanged.connect(self._selected)
        new = QPushButton(icon("fa5s.plus"), translate("Connections", "New connection"))
        new.setObjectName("newConnection")
        new.clicked.connect(self._new)
        ll.addWidget(self.list, 1)
        ll.addWidget(new)
        split.addWidget(left)
        form_w = QWidget()
        fl = QVBoxLayout(form_w)
        self.form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("connectionName")
        self.kind = QComboBox()
        self.kind.setObjectName("connectionKind")
        for k in KINDS.values():
            self.kind.addItem(icon(KIND_ICONS.get(k.name, "fa5s.plug")), kind_title(k.name), k.name)
        self.kind.currentIndexChanged.connect(lambda _i: self._rebuild_fields())
        self.form.addRow(translate("Connections", "Name"), self.name)
        self.form.addRow(translate("Connections", "Kind"), self.kind)
        self.dynamic = QVBoxLayout()
        self.kind_form: ConnectionForm | None = None
        buttons = QHBoxLayout()
        self.save_b = QPushButton(icon("fa5s.save", "white"), translate("Connections", "Save"))
        self.save_b.setObjectName("primary")
        self.test_b = QPushButton(icon("fa5s.vial"), translate("Connections", "Test connection"))
        self.test_b.setObjectName("testConnection")
        self.remove_b = QPushButton(icon("fa5s.trash", BAD), translate("Connections", "Remove"))
        self.remove_b.setObjectName("danger")
        for b in (self.save_b, self.test_b, self.remove_b):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.save_b.clicked.connect(self._save)
        self.test_b.clicked.connect(self._test)
        self.remove_b.clicked.connect(self._remove)
        self.name.textChanged.connect(lambda _t: self._removable())
        self.outcome = ResultView()
        self.result = self.outcome.result
        fl.addLayout(self.form)
        fl.addLayout(self.dynamic)
        fl.addLayout(buttons)
        fl.addWidget(self.outcome)
        fl.addStretch(1)
        # a long form (a marketplace's, or a refusal said under it) scrolls on a small screen
        # instead of squeezing its wrapped hints into slivers
        scroll = QScrollArea()
        scroll.setObjectName("connectionFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_w)
        split.addWidget(scroll)
        # What Save or Test says sits under the form: brought into view, now and when the form's
        # height settles (the sentence's own lines are laid out a little later).
        self._bring_outcome = False

        def said(text: str) -> None:
            self._bring_outcome = bool(text)
            QTimer.singleShot(0, scroll, bring)

        def bring(*_range: int) -> None:
            if self._bring_outcome:
                scroll.ensureWidgetVisible(self.outcome)

        self.outcome.shown.connect(said)
        scroll.verticalScrollBar().rangeChanged.connect(bring)
        split.setSizes([260, 600])
        self.tabs.addTab(split, icon("fa5s.plug"), translate("Connections", "Connections"))
        self.web = WebAddresses(ctx)
        self.tabs.addTab(self.web, icon("fa5s.globe"), translate("Connections", "Web addresses"))
        lay.addWidget(self.tabs, 1)
        self.rows: list[dict[str, Any]] = []
        self._removable()
        self._rebuild_fields()
        self.refresh()

    def _rebuild_fields(
        self, values: dict[str, Any] | None = None, saved: dict[str, bool] | None = None
    ) -> None:
        self._bring_outcome = False  # another form: an earlier sentence is not scrolled to
        if self.kind_form is not None:
            self.dynamic.removeWidget(self.kind_form)
            self.kind_form.deleteLater()
        self.kind_form = ConnectionForm(self.kind.currentData(), values, saved)
        self.kind_form.setObjectName("connectionForm")
        self.kind_form.attach(self.ctx, lambda: self.name.text().strip())
        self.dynamic.addWidget(self.kind_form)
        self._align_labels()

    def _align_labels(self) -> None:
        """One column of labels: the page's own rows (name, kind) sit in another form layout
        than the kind's fields under them, and each layout sizes its labels alone, so their
        fields would start at two different places."""
        assert self.kind_form is not None
        role = QFormLayout.ItemRole.LabelRole
        forms = (self.form, self.kind_form.layout_)
        items = [f.itemAt(r, role) for f in forms for r in range(f.rowCount())]
        labels = [w for w in (i.widget() for i in items if i is not None) if w is not None]
        for w in labels:
            w.setMinimumWidth(0)
        width = max((w.sizeHint().width() for w in labels), default=0)
        for w in labels:
            w.setMinimumWidth(width)

    def refresh(self) -> None:
        self.ctx.background(lambda: load_all(self.ctx), self._loaded)
        self.web.refresh()

    def retranslate(self) -> None:
        """The list says each connection's kind and missing secrets: said again."""
        self._loaded(self.rows)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        current = self.name.text()
        self.list.clear()
        for r in rows:
            missing = [f for f, ok in r["secrets"].items() if not ok]
            text = f"{r['name']}\n{kind_title(r['kind'])}"
            if missing:
                text += translate("Connections", " · {fields} missing").format(
                    fields=", ".join(missing)
                )
            li = QListWidgetItem(icon(KIND_ICONS.get(r["kind"], "fa5s.plug")), text)
            li.setData(Qt.ItemDataRole.UserRole, r["name"])
            self.list.addItem(li)
            if r["name"] == current:
                self.list.setCurrentItem(li)
        if not rows:
            li = QListWidgetItem(
                translate(
                    "Connections",
                    "No connections yet.\nAdd your mail server,\npayment gateway or "
                    "marketplace\nwith “New connection”.",
                )
            )
            li.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(li)
        self._removable()

    def _removable(self) -> None:
        """Remove only a saved connection: a new one, not yet saved, has nothing to remove."""
        name = self.name.text().strip()
        self.remove_b.setEnabled(any(r["name"] == name for r in self.rows))

    def _selected(self, cur: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        name = cur.data(Qt.ItemDataRole.UserRole) if cur else None
        row = next((r for r in self.rows if r["name"] == name), None)
        if row is None:
            return
        if row["name"] != self.name.text():
            self.outcome.show_text("")
        self.name.setText(row["name"])
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(row["kind"]))
        self.kind.blockSignals(False)
        self._rebuild_fields(row["settings"], row["secrets"])

    def _new(self) -> None:
        self.list.clearSelection()
        self.name.setText("")
        self._rebuild_fields()
        self.name.setFocus()

    def _values(self) -> tuple[str, str, dict[str, Any], dict[str, str]]:
        assert self.kind_form is not None
        return (
            self.name.text().strip(),
            self.kind.currentData(),
            self.kind_form.settings(),
            self.kind_form.typed_secrets(),
        )

    def _refused(self, name: str, kind: str, settings: dict[str, Any], undone: str = "") -> bool:
        """Say what the values lack before anything is written or tried (the first-run setup's
        own checks, ``connection_values``), and point at the field; the form keeps all it holds.
        Pure and quick, so it runs here on the GUI thread: nothing is waited for."""
        assert self.kind_form is not None
        found = connection_values.find(name, kind, settings)
        self.kind_form.point_at(found.field if found else None, found.sentence if found else "")
        if found:
            self.outcome.show_text(f"{undone} {found.sentence}".strip(), False)
        return found is not None

    def _save(self) -> None:
        name, kind, settings, new_secrets = self._values()
        if not name:
            self.outcome.show_text(
                translate("Connections", "Give the connection a name first."), False
            )
            return
        undone = translate("Connections", "“{name}” was not saved.").format(name=name)
        if self._refused(name, kind, settings, undone):
            return

        def save() -> None:
            with self.ctx.db.write() as s:
                connections.save(s, name, kind, settings, new_secrets)

        self._run(
            save,
            translate("Connections", "Saved “{name}”.").format(name=name),
            then=self.refresh,
            doing=translate("Connections", "Saving “{name}”…").format(name=name),
            undone=undone,
        )

    def _test(self) -> None:
        """Tries the values in the form, saved or not (a secret left empty: the saved one)."""
        name, kind, settings, typed = self._values()
        name = name or translate("Connections", "new connection")
        if self._refused(name, kind, settings):
            return  # values that cannot work: no server is asked
        self.outcome.show_text(translate("Connections", "Testing “{name}”…").format(name=name))
        self.test_b.setEnabled(False)

        def done(sentence: object) -> None:
            self.test_b.setEnabled(True)
            self.outcome.show_text(str(sentence), True)

        def failed(exc: BaseException) -> None:
            self.test_b.setEnabled(True)
            self.outcome.show_text(str(exc), False, getattr(exc, "detail", ""))

        self.ctx.background(
            lambda: check(self.ctx.db, name, kind, settings, typed), done, failed, owner=self
        )

    def _remove(self) -> None:
        name = self.name.text().strip()
        if not name or not confirm(
            self,
            translate("Connections", "Remove connection?"),
            translate("Connections", "Remove “{name}” and its saved secrets?").format(name=name),
            translate("Connections", "Remove it"),
            translate("Connections", "Keep it"),
        ):
            return

        def remove() -> None:
            with self.ctx.db.write() as s:
                connections.remove(s, name)

        self._run(
            remove,
            translate("Connections", "Removed “{name}”.").format(name=name),
            then=self._after_remove,
            doing=translate("Connections", "Removing “{name}”…").format(name=name),
            undone=translate("Connections", "“{name}” was not removed.").format(name=name),
        )

    def _after_remove(self) -> None:
        self._new()
        self.refresh()

    def _run(
        self,
        fn: Callable[[], object],
        done: str,
        then: Callable[[], None] | None = None,
        *,
        doing: str,
        undone: str,
    ) -> None:
        """Write off the GUI thread. ``doing`` is said at once and Save/Remove wait meanwhile
        (a second click would write twice); then ``done``, or why not, always in a sentence:
        a Daloy error says itself, anything else (the database busy or gone) is ``undone``
        and why, with the database's own words under Details."""
        self.outcome.show_text(doing)
        self._writing(True)

        def ok(_result: object) -> None:
            self._writing(False)
            self.outcome.show_text(done, True)
            if self.kind_form is not None:
                self.kind_form.clear_secrets()
            if then:
                then()

        def failed(exc: BaseException) -> None:
            self._writing(False)
            if isinstance(exc, DaloyError):
                self.outcome.show_text(str(exc), False, getattr(exc, "detail", ""))
            else:  # the database's own words go under Details
                why = translate(
                    "Connections",
                    "Daloy could not write to its database. Try again in a moment; the details "
                    "say what the database answered.",
                )
                self.outcome.show_text(f"{undone} {why}", False, str(exc))

        self.ctx.background(fn, ok, failed)

    def _writing(self, busy: bool) -> None:
        self.save_b.setEnabled(not busy)
        if busy:
            self.remove_b.setEnabled(False)
        else:
            self._removable()
