"""The language the desktop app speaks: English or Filipino, following the system unless the
operator chose one (the Language choice at the foot of the window, saved per user), switched
while the app runs.

At start-up ``start(app)`` installs Qt's translator for ``daloy_fil.qm`` (compiled by
``packaging/i18n.py release``) and Qt's own ``qtbase`` translations where Qt ships them, and puts
``QCoreApplication.translate`` behind ``app.core.i18n.translate`` for every layer.

Switching without losing work: nothing is rebuilt. Installing the new translators makes Qt send
``LanguageChange`` to every widget; then ``retranslate_widgets`` re-sets every fixed text (a
label, button, tab, action, title, tooltip, placeholder, list or combo item) that was shown
through ``translate`` with no fields filled in: each text shown is remembered with its source,
so the widget's current text leads back to the source and on to the new language. Sentences
with data in them (``.format(...)``, counts) are the page's to redo: a page that shows such
sentences re-renders them in ``retranslate()`` (called on every widget that has one) or in its
own ``changeEvent``. Whatever is being typed, selected or edited stays as it is.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

from platformdirs import user_config_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from app.core import i18n
from app.resources import resource_path
from app.ui import when

log = logging.getLogger("daloy.ui")

SYSTEM, ENGLISH, FILIPINO = "system", "en", "fil"
CHOICES = (SYSTEM, ENGLISH, FILIPINO)
SHIPPED = (ENGLISH, FILIPINO)
KEY = "language"


def settings() -> QSettings:
    """The user's own settings (not the workspace's): one file in the user's config folder."""
    folder = os.environ.get("DALOY_CONFIG_DIR") or user_config_dir("Daloy", "Daloy")
    return QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)


def chosen() -> str:
    """The operator's choice: ``DALOY_LANGUAGE`` if set (tests, a kiosk), else the saved one."""
    value = os.environ.get("DALOY_LANGUAGE") or str(settings().value(KEY, SYSTEM))
    return value if value in CHOICES else SYSTEM


def save_choice(choice: str) -> None:
    s = settings()
    s.setValue(KEY, choice)
    s.sync()


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The shipped language for a choice: the system's when it is Filipino (or Tagalog)."""
    if choice in SHIPPED:
        return choice
    loc = system or QLocale.system()
    names = {loc.name().split("_")[0], *(n.split("-")[0] for n in loc.uiLanguages())}
    return FILIPINO if names & {"fil", "tl"} else ENGLISH


def locale_for(language: str) -> QLocale:
    if language == FILIPINO:
        return QLocale(QLocale.Language.Filipino, QLocale.Country.Philippines)
    return QLocale(QLocale.Language.English, QLocale.Country.Philippines)


def qm_file(language: str) -> str:
    return str(resource_path("i18n", "build", f"daloy_{language}.qm"))


class _Remembering:
    """``QCoreApplication.translate`` that remembers which source each shown text came from,
    so a fixed text can be put into the next language (``retranslate_widgets``)."""

    def __init__(self) -> None:
        self.sources: dict[str, set[tuple[str, str, str | None]]] = {}

    def __call__(self, context: str, source: str, disambiguation: str | None, n: int) -> str:
        text = QCoreApplication.translate(context, source, disambiguation, n)
        # Only texts without fields: a filled-in sentence is re-rendered by its page.
        if n < 0 and "{" not in source:
            key = (context, source, disambiguation)
            self.sources.setdefault(text, set()).add(key)
            self.sources.setdefault(source, set()).add(key)
        return text

    def again(self, text: str) -> str | None:
        """``text`` in the current language; None when it was never shown through
        ``translate``, or when it came from sources that now say different things (the same
        English in two screens: the widget's own ``retranslate`` knows which it is)."""
        # a copy: background reads translate (and add sources) while the GUI thread switches
        keys = set(self.sources.get(text, ()))
        said = {QCoreApplication.translate(*key, -1) for key in keys}
        if len(said) != 1:
            return None
        new = said.pop()
        self.sources.setdefault(new, set()).update(keys)  # and back again, later
        return new


class Language(QObject):
    """The app's current language and the translators behind it (one per application)."""

    changed = QtSignal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.current = ENGLISH
        self.choice: str | None = None  # the operator's pick in this session (``switch``)
        self.translators: list[QTranslator] = []
        self.remembering = _Remembering()
        i18n.install(self.remembering)
        # a stored sentence's moment ("down since {time}") said as the window says times
        i18n.moment_words(when.at)

    def apply(self, language: str) -> bool:
        """Speak ``language`` from now on; False (and English) if its file is missing."""
        for t in self.translators:
            self.app.removeTranslator(t)
            t.deleteLater()
        self.translators = []
        ok = True
        if language != ENGLISH:
            ours = QTranslator(self.app)
            if ours.load(qm_file(language)):
                self.translators.append(ours)
            else:
                log.warning(
                    "no translation file %s (run packaging/i18n.py release)", qm_file(language)
                )
                ok, language = False, ENGLISH
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(self.app)
        if qt_own.load(locale_for(language), "qtbase", "_", qt_dir):
            self.translators.append(qt_own)
        for t in self.translators:
            self.app.installTranslator(t)
        QLocale.setDefault(locale_for(language))
        previous, self.current = self.current, language
        if previous != language:
            retranslate_widgets(self.remembering)
            self.changed.emit(language)
        return ok


_language: Language | None = None


def start(app: QCoreApplication) -> Language:
    """Install the translators at start-up, in the language the operator chose (or the
    system's); once per application."""
    global _language
    if _language is None or _language.app is not app:
        _language = Language(app)
        _language.apply(resolve(chosen()))
    return _language


def current() -> Language | None:
    return _language


def switch(choice: str) -> bool:
    """The operator chose a language in Settings: save it and speak it now."""
    save_choice(choice)
    app = QCoreApplication.instance()
    assert app is not None  # the operator chose in a running window
    lang = _language or start(app)
    lang.choice = choice
    return lang.apply(resolve(choice))


def showing() -> str:
    """The choice the language menu shows: the operator's pick in this session, else the
    saved (or ``DALOY_LANGUAGE``) one; but never a language other than the one spoken — with
    ``DALOY_LANGUAGE=fil`` set, picking English must not leave the menu saying "Filipino"."""
    lang = _language
    choice = (lang.choice if lang is not None else None) or chosen()
    if lang is not None and resolve(choice) != lang.current:
        return lang.current
    return choice


def _items(w: QWidget) -> Iterator[tuple[str, object]]:
    """(text, setter) pairs of the fixed texts a widget shows."""
    if isinstance(w, QLabel):
        yield QLabel.text(w), w.setText
    if isinstance(w, QAbstractButton):
        yield QAbstractButton.text(w), w.setText
    if isinstance(w, QGroupBox):
        yield w.title(), w.setTitle
    if isinstance(w, QLineEdit):
        yield w.placeholderText(), w.setPlaceholderText
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield w.tabText(i), (lambda t, i=i: w.setTabText(i, t))
            yield w.tabToolTip(i), (lambda t, i=i: w.setTabToolTip(i, t))
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i), (lambda t, i=i: w.setItemText(i, t))
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            item = w.item(i)
            yield item.text(), item.setText
    if isinstance(w, QTreeWidget):
        head = w.headerItem()
        for c in range(head.columnCount()):
            yield head.text(c), (lambda t, c=c, h=head: h.setText(c, t))
    # QWidget's own methods: a page may name an attribute of its own "actions" or "text".
    if QWidget.isWindow(w):
        yield QWidget.windowTitle(w), w.setWindowTitle
    yield QWidget.toolTip(w), w.setToolTip
    for action in QWidget.actions(w):
        yield from _action_items(action)


def _action_items(action: QAction) -> Iterator[tuple[str, object]]:
    yield action.text(), action.setText
    yield action.toolTip(), action.setToolTip
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title(), menu.setTitle
        for sub in menu.actions():
            yield from _action_items(sub)


def retranslate_widgets(remembering: _Remembering) -> None:
    """Put every fixed text of every widget into the current language, then let each widget
    with a ``retranslate()`` redo its sentences with data."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for w in app.allWidgets():
        for text, setter in list(_items(w)):
            if text:
                new = remembering.again(text)
                if new is not None and new != text:
                    setter(new)  # type: ignore[operator]
    for w in app.allWidgets():
        redo = getattr(w, "retranslate", None)
        if callable(redo):
            redo()
