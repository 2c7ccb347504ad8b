"""One form per connection kind, with choices instead of free text: the email provider fills in
server, port and security (and shows its app-password hint), security is a list, the port a
number, the CA file is chosen from disk. ``ResultView`` shows a test's outcome as plain,
redacted text, its technical detail folded away under “Details”."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.connectors.connection_values import tidy
from app.connectors.mail_presets import BY_KEY, PRESETS, SECURITY_CHOICES, USUAL_PORTS, preset_for
from app.connectors.platforms.setup import AUTHORISED_KINDS, FIELDS, label, typed_fields
from app.core import redact
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.shop_authorise import ShopAuthorisation
from app.ui.style import BAD, MUTED, OK
from app.ui.text import PlainLabel

LABELS = {
    "host": QT_TRANSLATE_NOOP("ConnectionForm", "Server"),
    "port": QT_TRANSLATE_NOOP("ConnectionForm", "Port"),
    "security": QT_TRANSLATE_NOOP("ConnectionForm", "Security"),
    "username": QT_TRANSLATE_NOOP("ConnectionForm", "User name"),
    "from_address": QT_TRANSLATE_NOOP("ConnectionForm", "Send as (email address)"),
    "folder": QT_TRANSLATE_NOOP("ConnectionForm", "Folder"),
    "ca_file": QT_TRANSLATE_NOOP("ConnectionForm", "CA certificate file"),
    "base_url": QT_TRANSLATE_NOOP("ConnectionForm", "Address (base URL)"),
    "auth_header": QT_TRANSLATE_NOOP("ConnectionForm", "Send the token in"),
    "auth_scheme": QT_TRANSLATE_NOOP("ConnectionForm", "Token prefix"),
    "url": QT_TRANSLATE_NOOP("ConnectionForm", "Database address"),
    "password": QT_TRANSLATE_NOOP("ConnectionForm", "Password"),
    "token": QT_TRANSLATE_NOOP("ConnectionForm", "Token"),
}
PLACEHOLDERS = {
    "host": QT_TRANSLATE_NOOP("ConnectionForm", "e.g. mail.example.com"),
    "folder": "INBOX",
    "ca_file": QT_TRANSLATE_NOOP("ConnectionForm", "only for a server with its own certificate"),
    "base_url": "https://api.example.com/",
    "username": QT_TRANSLATE_NOOP("ConnectionForm", "usually the full address"),
    "url": QT_TRANSLATE_NOOP("ConnectionForm", "e.g. postgresql://db.example.com/shop"),
}
AUTH_HEADERS = ("Authorization", "X-Api-Key")
# What ConnectionProvider.http uses when a setting is absent; not stored when chosen.
DEFAULTS = {"auth_header": "Authorization", "auth_scheme": "Bearer"}
AUTH_SCHEMES = (
    ("Bearer", "Bearer"),
    ("Token", "Token"),
    ("Basic", "Basic"),
    ("", QT_TRANSLATE_NOOP("ConnectionForm", "None (the token alone)")),
)


def _label(name: str) -> str:
    """A setting's label in the operator's language (its name, capitalised, when it has none)."""
    return translate("ConnectionForm", LABELS[name]) if name in LABELS else name.capitalize()


class ConnectionForm(QWidget):
    """The settings and secrets of one kind of connection. ``settings()`` gives what goes to
    the database, ``typed_secrets()`` what goes to the keyring (only fields typed into)."""

    def __init__(
        self,
        kind: str,
        values: dict[str, Any] | None = None,
        saved: dict[str, bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        values = dict(values or {})
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QWidget] = {}
        self.secret_fields: dict[str, QLineEdit] = {}
        self.provider: QComboBox | None = None
        self.hint = PlainLabel()
        self.hint.setObjectName("providerHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED}")
        if kind in ("imap", "smtp"):
            self.provider = QComboBox()
            self.provider.setObjectName("emailProvider")
            for p in PRESETS:
                self.provider.addItem(translate("Connections", p.title), p.key)
            self.provider.setCurrentIndex(
                self.provider.findData(preset_for(values.get("host")).key)
            )
            self.provider.currentIndexChanged.connect(lambda _i: self._apply_preset())
            self.layout_.addRow(translate("ConnectionForm", "Email provider"), self.provider)
            self.layout_.addRow("", self.hint)
        # A shop kind speaks the operator's words (``setup.FIELDS``); its tokens come from
        # “Authorise the shop…”, never typed.
        shop = FIELDS.get(kind, {})
        shown_settings, shown_secrets = typed_fields(kind)
        self._rows: dict[str, range] = {}  # a field's rows (its help's too), to leave it out
        for name in shown_settings:
            first = self.layout_.rowCount()
            widget = self._widget(name, values.get(name))
            widget.setObjectName(f"setting_{name}")
            if name in shop and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(translate("Connections", shop[name].placeholder))
            self.fields[name] = widget
            self.layout_.addRow(
                translate("Connections", label(kind, name)) if shop else _label(name),
                self._with_extra(name, widget),
            )
            self._help(shop.get(name))
            self._rows[name] = range(first, self.layout_.rowCount())
        for name in shown_secrets:
            first = self.layout_.rowCount()
            e = QLineEdit()
            e.setObjectName(f"secret_{name}")
            e.setEchoMode(QLineEdit.EchoMode.Password)
            e.setPlaceholderText(
                translate("ConnectionForm", "saved in the keyring — type to replace")
                if (saved or {}).get(name)
                else translate(
                    "ConnectionForm", "kept in the system keyring, never in Daloy's files"
                )
            )
            self.secret_fields[name] = e
            self.layout_.addRow(
                translate("Connections", label(kind, name)) if shop else _label(name), e
            )
            self._help(shop.get(name))
            self._rows[name] = range(first, self.layout_.rowCount())
        self.authorisation: ShopAuthorisation | None = None
        if kind in AUTHORISED_KINDS:
            self.authorisation = ShopAuthorisation(self)
            self.layout_.addRow("", self.authorisation)
        self._show_hint()

    def leave_out(self, names: tuple[str, ...]) -> None:
        """Hide fields that can wait (a first setup asks only what a shop needs to start); a
        hidden field stays empty, so its setting keeps its default."""
        for name in names:
            for row in self._rows.get(name, ()):
                self.layout_.setRowVisible(row, False)

    def _help(self, text: object) -> None:
        """The field's help under it, muted: where the operator finds the value."""
        words = getattr(text, "help", "")
        if words:
            note = PlainLabel(translate("Connections", words))
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {MUTED}")
            self.layout_.addRow("", note)

    def attach(self, ctx: object, name_of: object) -> None:
        """The app and the connection's name, for the shop authorisation (when there is one)."""
        if self.authorisation is not None:
            self.authorisation.attach(ctx, name_of)  # type: ignore[arg-type]

    # -- widgets per setting -------------------------------------------------------------------
    def _widget(self, name: str, value: Any) -> QWidget:
        if name == "port":
            spin = QSpinBox()
            spin.setRange(0, 65535)
            spin.setSpecialValueText(translate("ConnectionForm", "the usual one"))
            spin.setValue(int(value) if isinstance(value, int) or str(value or "").isdigit() else 0)
            return spin
        if name == "security":
            combo = QComboBox()
            for key, title in SECURITY_CHOICES:
                combo.addItem(translate("Connections", title), key)
            chosen = str(value or ("ssl" if self.kind == "imap" else "starttls")).lower()
            index = combo.findData("plain" if chosen == "none" else chosen)
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _i: self._security_changed())
            self._security = combo.currentData()
            return combo
        if name in ("auth_header", "auth_scheme"):
            combo = QComboBox()
            combo.setEditable(name == "auth_header")  # a service with its own header name
            for key, title in (
                AUTH_SCHEMES if name == "auth_scheme" else [(h, h) for h in AUTH_HEADERS]
            ):
                combo.addItem(translate("ConnectionForm", title), key)
            chosen = DEFAULTS[name] if value is None else str(value)
            index = combo.findData(chosen)
            if index < 0:
                combo.addItem(chosen, chosen)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            return combo
        e = QLineEdit("" if value is None else str(value))
        hint = PLACEHOLDERS.get(name, "")
        e.setPlaceholderText(translate("ConnectionForm", hint) if hint else "")
        # The address as it will be used, shown once typed: “myshop.com” becomes https://…
        e.editingFinished.connect(lambda: self._tidy_field(name, e))
        return e

    def _tidy_field(self, name: str, e: QLineEdit) -> None:
        meant = str(tidy(self.kind, {name: e.text()})[name])
        if meant != e.text():
            e.setText(meant)

    def _with_extra(self, name: str, widget: QWidget) -> QWidget:
        if name != "ca_file":
            return widget
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        choose = QPushButton(translate("ConnectionForm", "Choose…"))
        choose.setObjectName("chooseCaFile")
        choose.clicked.connect(lambda: self._choose_ca(widget))
        lay.addWidget(widget, 1)
        lay.addWidget(choose)
        return row

    def _choose_ca(self, target: QWidget) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ConnectionForm", "CA certificate file"),
            "",
            translate("ConnectionForm", "Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path and isinstance(target, QLineEdit):
            target.setText(path)

    # -- presets and security ------------------------------------------------------------------
    def _apply_preset(self) -> None:
        preset = BY_KEY[self.provider.currentData()] if self.provider else None
        server = preset.server(self.kind) if preset else None
        if server is not None:
            self._set("host", server.host)
            self._set("security", server.security)
            self._set("port", server.port)
        self._show_hint()

    def _show_hint(self) -> None:
        preset = BY_KEY[self.provider.currentData()] if self.provider else None
        self.hint.setText(translate("Connections", preset.hint) if preset else "")
        self.hint.setVisible(preset is not None)

    def _security_changed(self) -> None:
        """A port left at the previous security's usual one follows the new security."""
        combo, spin = self.fields.get("security"), self.fields.get("port")
        usual = USUAL_PORTS.get(self.kind, {})
        if isinstance(combo, QComboBox) and isinstance(spin, QSpinBox):
            if spin.value() in (0, usual.get(self._security)):
                spin.setValue(usual.get(combo.currentData(), 0))
            self._security = combo.currentData()

    def fill_in(self, name: str, value: Any) -> None:
        """A setting learnt elsewhere (the shop ID from an authorisation)."""
        self._set(name, value)

    def _set(self, name: str, value: Any) -> None:
        widget = self.fields.get(name)
        if isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    # -- values --------------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QSpinBox):
                value: Any = widget.value() or None
            elif isinstance(widget, QComboBox):
                value = (
                    widget.currentText().strip() if widget.isEditable() else widget.currentData()
                )
                if value == DEFAULTS.get(name):
                    continue  # the engine's default: nothing to store
                if name == "auth_scheme":
                    out[name] = value  # "" is a choice: the token alone
                    continue
            else:
                value = widget.text().strip()  # type: ignore[attr-defined]
            if value:
                out[name] = value
        return tidy(self.kind, out)  # “myshop.com” is stored as the https:// address it means

    def point_at(self, field: str | None, sentence: str = "") -> None:
        """Mark the setting a check found wrong (its label and frame in red, the sentence as its
        tooltip) and put the cursor in it; every other setting unmarked (None: all)."""
        for name, widget in self.fields.items():
            bad = name == field
            widget.setStyleSheet(
                f"#{widget.objectName()} {{ border: 1px solid {BAD}; }}" if bad else ""
            )
            widget.setToolTip(sentence if bad else "")
            # the CA file sits in a row with its “Choose…” button: the label is the row's
            label = self.layout_.labelForField(widget)
            if label is None and (row := widget.parentWidget()) is not None:
                label = self.layout_.labelForField(row)
            if label is not None:
                label.setStyleSheet(f"color: {BAD}; font-weight: 600" if bad else "")
        target = self.fields.get(field or "")
        if target is not None:
            target.setFocus()

    def typed_secrets(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.secret_fields.items() if e.text()}

    def clear_secrets(self) -> None:
        for e in self.secret_fields.values():
            e.clear()


class ResultView(QWidget):
    """A test's outcome: one plain, redacted sentence, and the technical detail behind a
    “Details” toggle (hidden until asked for)."""

    shown = Signal(str)  # what was just said (a page that scrolls brings it into view)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.result = PlainLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.toggle = QToolButton()
        self.toggle.setObjectName("connectionDetailsToggle")
        self.toggle.setText(translate("ConnectionForm", "Details"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        self.detail = PlainLabel()
        self.detail.setObjectName("connectionDetails")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(f"color: {MUTED}")
        for w in (self.result, self.toggle, self.detail):
            lay.addWidget(w)
        self.show_text("")

    def _toggled(self, on: bool) -> None:
        self.detail.setVisible(on)
        self.toggle.setText(
            translate("ConnectionForm", "Hide details")
            if on
            else translate("ConnectionForm", "Details")
        )

    def show_text(self, text: str, good: bool | None = None, detail: str = "") -> None:
        color = "" if good is None else f"color: {OK if good else BAD}"
        self.result.setStyleSheet(color)
        self.result.setText(redact.text(text))
        self.detail.setText(redact.text(detail))
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(detail))
        self.detail.setVisible(False)
        self.shown.emit(text)
