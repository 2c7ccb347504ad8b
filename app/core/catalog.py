"""Daloy's translations without Qt: the ``.ts`` files under ``resources/i18n/<language>/`` read
with ElementTree, for the processes that never load Qt (``daloy runner``, the command line) and
for the web order form, which speaks each buyer's language (``for_web``).

``install_for_process()`` puts the chosen language's catalog behind ``app.core.i18n.translate``:
the same choice as the desktop app's (``DALOY_LANGUAGE=en|fil|system``, else the operator's saved
choice in the user's ``settings.ini``, else the system's locale: ``fil``/``tl`` → Filipino).
A message counts once its translation is finished; an unfinished one says the English source,
as Qt's translator does. Plurals follow Qt's rule for Filipino (one form for 0 and 1, the
other for more), ``%n`` filled with the count.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from app.core import i18n
from app.resources import resource_path

ENGLISH, FILIPINO, SYSTEM = "en", "fil", "system"
SHIPPED = (ENGLISH, FILIPINO)
_FILIPINO_NAMES = {"fil", "tl"}


class Catalog:
    """The finished translations of one language: ``(context, source, disambiguation)`` → the
    translation's forms. Called as ``app.core.i18n``'s translator."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.messages: dict[tuple[str, str, str | None], list[str]] = {}

    def read(self, text: str | bytes) -> Catalog:
        """Add the finished messages of one ``.ts`` file's text."""
        # Loaded with the first catalog read (~1 MB), not by every process that may read one.
        import xml.etree.ElementTree as ET  # noqa: N817

        for ctx in ET.fromstring(text).iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                    continue
                forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
                if any(forms):
                    key = (name, msg.findtext("source") or "", msg.findtext("comment"))
                    self.messages[key] = forms
        return self

    def plural_form(self, n: int) -> int:
        # Qt's rules: Filipino says one form up to 1 ("French style"), English only for 1
        if self.language == FILIPINO:
            return 0 if n <= 1 else 1
        return 0 if n == 1 else 1

    def __call__(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        forms = self.messages.get((context, source, disambiguation or None))
        if not forms:
            text = source
        else:
            text = forms[min(self.plural_form(n), len(forms) - 1)] if n >= 0 else forms[0]
        return text.replace("%n", str(n)) if n >= 0 else text


@cache
def load(language: str) -> Catalog | None:
    """The catalog of a shipped language (None for English, or when its files are missing)."""
    if language == ENGLISH or language not in SHIPPED:
        return None
    folder = resource_path("i18n", language)
    files = sorted(folder.glob("*.ts")) if folder.is_dir() else []
    if not files:
        return None
    catalog = Catalog(language)
    for path in files:
        catalog.read(path.read_bytes())
    return catalog


def _saved_choice(environ: Mapping[str, str]) -> str | None:
    """The operator's choice saved by the desktop app (QSettings' ini file: [General] language)."""
    folder = environ.get("DALOY_CONFIG_DIR")
    if not folder:
        from platformdirs import user_config_dir

        folder = user_config_dir("Daloy", "Daloy")
    parser = configparser.ConfigParser()
    try:
        parser.read(Path(folder) / "settings.ini", encoding="utf-8")
    except (OSError, configparser.Error):
        return None
    return parser.get("General", "language", fallback=None)


def _system_language(environ: Mapping[str, str]) -> str:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            names = {part.split("_")[0].split(".")[0].lower() for part in value.split(":")}
            return FILIPINO if names & _FILIPINO_NAMES else ENGLISH
    return ENGLISH


def chosen_language(environ: Mapping[str, str] | None = None) -> str:
    """English or Filipino, as the desktop app would choose for this user."""
    env = os.environ if environ is None else environ
    choice = env.get("DALOY_LANGUAGE") or _saved_choice(env) or SYSTEM
    if choice in SHIPPED:
        return choice
    return _system_language(env)


def install_for_process(environ: Mapping[str, str] | None = None) -> str:
    """Speak the chosen language in this Qt-free process; returns the language spoken."""
    language = chosen_language(environ)
    catalog = load(language)
    i18n.install(catalog)
    return language if catalog is not None else ENGLISH


def accepted_language(accept_language: str | None) -> str | None:
    """The shipped language a browser asks for first (``Accept-Language``), if any."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary and q > 0:
            ranked.append((-q, i, primary))
    for _q, _i, primary in sorted(ranked):
        if primary in _FILIPINO_NAMES:
            return FILIPINO
        if primary == ENGLISH:
            return ENGLISH
    return None


def for_web(accept_language: str | None, setting: str | None = None) -> Catalog:
    """The translator for one web form request: the buyer's browser language when it is one we
    ship, else the form's setting (``en``/``fil``), else English."""
    language = accepted_language(accept_language) or (setting if setting in SHIPPED else ENGLISH)
    return load(language) or Catalog(ENGLISH)  # an empty catalog says the English source


@contextmanager
def speaking(environ: Mapping[str, str] | None = None) -> Iterator[str]:
    """The chosen language while one command runs, and the translator before it afterwards
    (whoever calls the command line in-process keeps its own language)."""
    before = i18n.installed()
    try:
        yield install_for_process(environ)
    finally:
        i18n.install(before)
