"""Translation for every layer: one call, ``translate(context, source)``, that Qt's tools understand.

``pyside6-lupdate`` finds every ``translate("Context", "Source text")`` and
``QT_TRANSLATE_NOOP("Context", "Source text")`` in ``app/`` and writes them into the ``.ts`` files
under ``resources/i18n/``. The engine never imports Qt, so this module is pure: the desktop app
installs ``QCoreApplication.translate`` as the translator at start-up, and a process without Qt
(the CLI) may install a translator read from the ``.ts`` files. With none installed the source
(English) text is returned.

Conventions (resources/i18n/README.md has the full list):
- the context names the screen or module a sentence belongs to ("Inbox", "Editor", "Steps");
- placeholders are Python's named fields, filled after translation:
  ``translate("Inbox", "Order {order} is waiting").format(order=ref)``;
- counts go through ``n``, passed by position (lupdate drops a string whose ``n`` is a keyword):
  ``translate("Inbox", "%n order(s) waiting", None, count)``;
- what is stored (the database, ``--json`` output, logs) stays in English; a sentence to be shown
  later is marked with ``QT_TRANSLATE_NOOP`` and translated when shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

Translator = Callable[[str, str, str | None, int], str]


def _untranslated(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return source.replace("%n", str(n)) if n >= 0 else source


_translator: Translator = _untranslated


def install(translator: Translator | None) -> None:
    """Use ``translator`` for every later ``translate`` call (None: back to the source text)."""
    global _translator
    _translator = translator or _untranslated


def installed() -> Translator:
    """The translator in use (to put it back after a while in another language)."""
    return _translator


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    return _translator(context, source, disambiguation, n)


class Marked(str):
    """A source text marked for translation, knowing its context (what ``QT_TRANSLATE_NOOP``
    returns; it is the English text for every other use)."""

    context: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``source`` for translation without translating it now (it is translated when shown)."""
    marked = Marked(source)
    marked.context = context
    return marked


class Said(str):
    """A sentence to be stored: its English text, plus what shows it in any language later —
    the source template, its context and the named fields (see ``said`` and ``shown``)."""

    words: dict[str, Any]


class Moment(str):
    """A time inside a stored sentence (``moment``): stored as the moment itself, so a reader
    sees it in its own words ("today at 6:32 PM" in the window) instead of the clock the
    sentence was made with."""

    ts: float


def clock(ts: float) -> str:
    """A moment where no window says it (the command line, logs, the stored English text):
    "18:32" today, "Dec 01 18:32" another day."""
    t, today = time.localtime(ts), time.localtime()
    return time.strftime("%H:%M" if t[:3] == today[:3] else "%b %d %H:%M", t)


_moment_words: Callable[[float], str] = clock


def moment(ts: float, text: str | None = None) -> str:
    """A field of ``said`` that is a time: stored as ``text`` (``clock``'s by default) in the
    English sentence, shown by ``moment_words`` wherever the sentence is read."""
    out = Moment(clock(ts) if text is None else text)
    out.ts = ts
    return out


def moment_words(words: Callable[[float], str] | None) -> None:
    """How stored moments are said from now on (the window: ``app.ui.when.at``); None: the
    plain clock again."""
    global _moment_words
    _moment_words = words or clock


def said(template: str, /, **fields: Any) -> str:  # a field may be called "template"
    """The English sentence ``template.format(**fields)``, carrying its template so that what
    is stored stays language-neutral: ``said(QT_TRANSLATE_NOOP("Inbox", "{step} failed"),
    step=title)``. Where it is stored, ``words_of`` gives the template to store beside it."""
    text = Said(template.format(**fields))
    plain = (str, int, float, bool, type(None))  # what JSON stores as it is
    # A field that is itself a said sentence (a list "a, b and c", a phrase) keeps its own
    # template, so ``shown`` says the whole sentence in the reader's language.
    text.words = {
        "context": getattr(template, "context", ""),
        "source": str(template),
        "fields": {
            k: {"moment": v.ts}
            if isinstance(v, Moment)
            else words_of(v) or (v if isinstance(v, plain) else str(v))
            for k, v in fields.items()
        },
    }
    return text


def words_of(text: object) -> dict[str, Any] | None:
    """The template, context and fields of a ``said`` sentence (None for plain text)."""
    return text.words if isinstance(text, Said) and text.words["context"] else None


def carrying(text: str, words: dict[str, Any] | None) -> str:
    """``text`` (a stored sentence, e.g. with its secrets hidden) carrying ``words`` again, so a
    sentence that takes it as a field keeps saying it in the reader's language; plain ``text``
    without words."""
    if not words:
        return text
    out = Said(text)
    out.words = words
    return out


def unstopped(text: str) -> str:
    """``text`` without its closing full stop, to go inside another sentence ("(… )"); a said
    sentence keeps its words, and is shown without the stop in every language."""
    words = words_of(text)
    return carrying(text.rstrip("."), {**words, "unstopped": True} if words else None)


def shown(words: dict[str, Any] | None, stored: str) -> str:
    """A stored sentence in the current language: its template translated and filled in; the
    stored (English) text when it has no template or the translation does not fit its fields."""
    if not isinstance(words, dict) or not words.get("context") or not words.get("source"):
        return stored
    try:
        return _filled(words)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError, RecursionError):
        return stored


def _field(value: Any) -> Any:
    if isinstance(value, dict):
        return _moment_words(value["moment"]) if "moment" in value else _filled(value)
    return value


def _filled(words: dict[str, Any]) -> str:
    fields = {k: _field(v) for k, v in (words.get("fields") or {}).items()}
    said_now = translate(words["context"], words["source"]).format(**fields)
    return said_now.rstrip(".") if words.get("unstopped") else said_now
