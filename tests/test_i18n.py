"""Daloy in Filipino and English (issue 19): nothing shown to a person is untranslatable, the
finished areas have a Filipino translation for every string lupdate finds, every translation
keeps its sentence's named fields, and stored inbox sentences come back in the reader's
language."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import i18n as core_i18n
from app.core.i18n import QT_TRANSLATE_NOOP, said, shown, translate
from tests.i18n_scan import scan

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402 - packaging/i18n.py, the translation tool

# Areas whose every string is translated into Filipino (lupdate finds nothing unfinished).
DONE = ("shell", "qt", "editor", "web", "cli")

# Literals still shown untranslated, per file: these counts may only go down. When you wrap a
# file's strings, lower (or remove) its number here.
ALLOWED: dict[str, int] = {}

FIELD = re.compile(r"\{(\w*)[^{}]*\}")


def test_no_text_is_shown_without_translate() -> None:
    """A string literal handed to a Qt text setter or widget (setText, QLabel, addAction,
    QMessageBox…) must go through translate; the allow-list of files not done yet only
    shrinks."""
    files = sorted({p for area in i18n.AREAS.values() for p in area()})
    found = scan(files, ROOT)
    over = {
        path: [str(f) for f in findings]
        for path, findings in found.items()
        if len(findings) > ALLOWED.get(path, 0)
    }
    assert over == {}, "text shown without translate (wrap it: translate(Context, text))"
    fewer = {
        path: len(found.get(path, []))
        for path, n in ALLOWED.items()
        if len(found.get(path, [])) < n
    }
    assert fewer == {}, f"fewer untranslated strings now: lower ALLOWED in {__file__} to {fewer}"


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each area's .ts as lupdate makes it from today's sources (the repository's files are
    copied, so the test changes nothing)."""
    folder = tmp_path_factory.mktemp("ts")
    for area in i18n.AREAS:
        src = i18n.ts_path(area)
        if src.exists():
            shutil.copy(src, folder / src.name)
        if area not in i18n.HAND_WRITTEN:
            i18n.lupdate(area, folder / f"{area}.ts")
    return folder


@pytest.mark.parametrize("area", DONE)
def test_finished_areas_have_every_string_in_filipino(area: str, fresh_ts: Path) -> None:
    ts = fresh_ts / f"{area}.ts"
    assert ts.exists()
    todo = [f"[{m.context}] {m.source!r}" for m in i18n.messages(ts) if not m.finished]
    assert todo == [], (
        f"untranslated in {area}: run `python packaging/i18n.py update {area}` and translate "
        "them (packaging/i18n.py fill)"
    )


def _translations(ts: Path) -> Iterator[tuple[str, str, str, list[str]]]:
    import xml.etree.ElementTree as ET

    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            yield (
                ctx.findtext("name") or "",
                msg.findtext("source") or "",
                msg.get("numerus"),
                forms,
            )


@pytest.mark.parametrize("area", list(i18n.AREAS))
def test_every_translation_keeps_its_named_fields(area: str) -> None:
    """A translation that drops or renames ``{order}`` would fail at ``.format`` on screen."""
    ts = i18n.ts_path(area)
    assert ts.exists(), f"{ts} is missing: run `python packaging/i18n.py update {area}`"
    wrong = []
    for context, source, numerus, forms in _translations(ts):
        want = sorted(FIELD.findall(source))
        for form in forms:
            if form and sorted(FIELD.findall(form)) != want:
                wrong.append(f"[{context}] {source!r} -> {form!r}")
            if numerus and "%n" in source and form and "%n" not in form:
                wrong.append(f"[{context}] {source!r} -> {form!r} (no %n)")
    assert wrong == []


def test_tool_fills_checks_and_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``fill`` writes translations from a TSV without XML by hand, ``check`` counts what is
    left, ``release`` compiles a .qm that Qt loads."""
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "build")
    ts = i18n.ts_path("shell")
    ts.parent.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "i18n" / "fil" / "shell.ts", ts)
    tsv = tmp_path / "more.tsv"
    tsv.write_text("Tray\tOpen Daloy\tBuksan mo ang Daloy\nNope\tNot a string\tWala\n")
    missing = i18n.fill(i18n.read_fill_file(tsv), ["shell"])
    assert missing == {("Nope", "Not a string", None)}
    said_now = {(m.context, m.source): m for m in i18n.messages(ts)}
    assert said_now[("Tray", "Open Daloy")].finished
    assert i18n.check(["shell"], verbose=False) == 0
    qm = i18n.release(quiet=True)
    assert qm.exists() and qm.stat().st_size > 0


def test_no_message_stands_in_two_areas() -> None:
    """The compiled file keeps one translation of a message that two areas both hold, and
    drops the other with only a warning: a word one area already has is reused from it
    (the step list's “Waiting” is the order's, ``order_states.LABELS``)."""
    where: dict[tuple[str, str, str | None], list[str]] = {}
    for area in i18n.AREAS:
        for m in i18n.messages(i18n.ts_path(area)):
            where.setdefault((m.context, m.source, m.comment), []).append(area)
    assert {k: v for k, v in where.items() if len(v) > 1} == {}


@pytest.mark.parametrize("area", list(i18n.AREAS))
def test_fill_writes_the_bytes_update_writes(area: str, tmp_path: Path) -> None:
    """``fill`` writes a .ts file in lupdate's own layout, quotes included (``&apos;``): a fill
    after an update rewrote every apostrophe of engine.ts, diffs of 150 lines for two words."""
    ts = tmp_path / f"{area}.ts"
    shutil.copy(i18n.ts_path(area), ts)
    i18n._write_ts(ET.parse(ts), ts)
    assert ts.read_bytes() == i18n.ts_path(area).read_bytes()


def test_fill_into_every_area_leaves_qts_own_words_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``fill FILE`` with no area named fills every area; the hand-written one (Qt's own
    words) takes only what no other area has: a shell sentence landed in qt.ts as well."""
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    for area in ("shell", "qt"):
        ts = i18n.ts_path(area)
        ts.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "resources" / "i18n" / "fil" / f"{area}.ts", ts)
    qt_before = i18n.ts_path("qt").read_bytes()
    tsv = tmp_path / "more.tsv"
    tsv.write_text("Tray\tOpen Daloy\tBuksan mo ang Daloy\nQPlatformTheme\tNew words\tBago\n")
    assert i18n.fill(i18n.read_fill_file(tsv), ["qt", "shell"]) == set()
    shell = {(m.context, m.source): m for m in i18n.messages(i18n.ts_path("shell"))}
    qt = {(m.context, m.source) for m in i18n.messages(i18n.ts_path("qt"))}
    assert shell[("Tray", "Open Daloy")].finished and ("Tray", "Open Daloy") not in qt
    assert ("QPlatformTheme", "New words") in qt  # found nowhere else: Qt's area takes it
    assert i18n.ts_path("qt").read_bytes() != qt_before


@pytest.fixture
def filipino() -> Iterator[None]:
    """A translator (as the desktop app installs Qt's) that knows two stored sentences."""
    words = {
        "{order}: {step} failed": "{order}: pumalya ang {step}",
        "{step} failed after {attempts} attempts: {error}": (
            "Pumalya ang {step} pagkatapos ng {attempts} subok: {error}"
        ),
    }
    # put back, not dropped: a GUI test's translator (app.ui.language) serves the process
    before = core_i18n.installed()
    core_i18n.install(lambda c, s, d, n: words.get(s, s))
    yield
    core_i18n.install(before)


def test_a_stored_sentence_is_shown_in_the_readers_language(filipino: None) -> None:
    title = said(QT_TRANSLATE_NOOP("Inbox", "{order}: {step} failed"), order="3001", step="Charge")
    assert title == "3001: Charge failed"  # what is stored as text stays English
    stored = core_i18n.words_of(title)
    assert stored == {
        "context": "Inbox",
        "source": "{order}: {step} failed",
        "fields": {"order": "3001", "step": "Charge"},
    }
    assert shown(stored, str(title)) == "3001: pumalya ang Charge"
    assert shown(None, "Written before 0010") == "Written before 0010"  # old entries as stored
    # a translation that no longer fits its fields falls back to the stored text
    assert shown({**stored, "fields": {}}, str(title)) == "3001: Charge failed"
    assert translate("Inbox", "Untranslated stays English") == "Untranslated stays English"


def test_a_failed_step_entry_is_stored_language_neutral(rt, payment_gateway, filipino) -> None:  # noqa: ANN001
    """The engine writes the failed step's title and reason with their templates (migration
    0010), and the inbox shows them in the reader's language."""
    from app.store import queries
    from app.store.models import InboxItem
    from tests.support.engine import charge_workflow, run_status, save, wait_for

    save(rt.db, charge_workflow(payment_gateway.url, attempts=2))
    payment_gateway.down()
    order = {"number": "3001", "amount": 10, "customer": {"name": "Nena"}}
    run_id = rt.store.start_run("charge", {"order": order})
    wait_for(lambda: run_status(rt.db, run_id) == "needs_attention", 30)
    with rt.db.read() as s:
        item = s.query(InboxItem).filter_by(run_id=run_id).one()
        entry = queries.inbox_dict(item)
    assert entry["words"]["title"]["source"] == "{order}: {step} failed"
    assert entry["words"]["title"]["fields"]["order"] == "3001"
    assert "failed" in entry["title"]  # the stored text is English
    assert "pumalya" in shown(entry["words"]["title"], entry["title"])
    assert shown(entry["words"]["reason"], entry["reason"]).startswith("Pumalya ang")


def test_what_changes_is_said_in_the_readers_language() -> None:
    """A new version's changes stay English as text, and carry their templates (lists and
    phrases inside too), so the publish dialog and ``daloy workflow draft`` say them in the
    reader's language — here through the Qt-free catalog that reads the .ts files."""
    from app.core import catalog
    from app.core.changes import describe_changes
    from app.core.model import Workflow

    def flow(steps: list[tuple[str, str]], retry: bool = False) -> Workflow:
        return Workflow.from_dict(
            {
                "format_version": 1,
                "name": "shop",
                "steps": [
                    {
                        "name": n,
                        "type": "notify",
                        "title": t,
                        **({"retry": {"max_attempts": 2}} if retry and n == "a" else {}),
                    }
                    for n, t in steps
                ],
            }
        )

    old = flow([("a", "Charge")])
    new = flow([("a", "Charge"), ("b", "Pack"), ("c", "Ship")], retry=True)
    lines = describe_changes(old, new)
    assert lines == ["Added “Pack” and “Ship”.", "Changed “Charge”: its retry settings."]
    before = core_i18n.installed()
    core_i18n.install(catalog.load(catalog.FILIPINO))
    try:
        said_now = [shown(core_i18n.words_of(line), line) for line in lines]
    finally:
        core_i18n.install(before)
    assert said_now == [
        "Idinagdag ang “Pack” at “Ship”.",
        "Binago sa “Charge”: ang mga setting ng retry.",
    ]
    assert shown(core_i18n.words_of(lines[0]), lines[0]) == lines[0]  # English again


def test_the_web_form_language_follows_the_browser() -> None:
    from app.core import catalog

    assert catalog.accepted_language("fil-PH,fil;q=0.9,en;q=0.8") == catalog.FILIPINO
    assert catalog.accepted_language("en-US,en;q=0.9,tl;q=0.8") == catalog.ENGLISH
    assert catalog.accepted_language("ja, tl;q=0.5") == catalog.FILIPINO
    assert catalog.accepted_language("fil;q=0, en") == catalog.ENGLISH
    assert catalog.accepted_language("de") is None and catalog.accepted_language(None) is None
    assert catalog.for_web("de", "fil")("WebForm", "Send order") == "Ipadala ang order"
    assert catalog.for_web("de")("WebForm", "Send order") == "Send order"


def test_a_version_summary_is_stored_language_neutral(tmp_path: Path) -> None:
    """Publishing stores what changed as English text and as templates (migration 0011); the
    history says it in the reader's language; a version written before shows as stored."""
    from app.core import catalog
    from app.core.changes import shown_summary
    from app.core.model import Workflow
    from app.store import workflows
    from app.store.db import Database

    wf = Workflow.from_dict(
        {"format_version": 1, "name": "orders", "steps": [{"name": "a", "type": "notify"}]}
    )
    db = Database.open_dir(tmp_path)
    try:
        with db.write() as s:
            workflows.save(s, wf, who="ana")
            wf.steps[0].title = "Tell the warehouse"
            workflows.save(s, wf, who="ben")
        with db.read() as s:
            v2, v1 = workflows.versions(s, "orders")
            stored = [(v.summary, v.summary_words) for v in (v2, v1)]
    finally:
        db.close()
    (text2, words2), (text1, words1) = stored
    assert text2 == "Renamed “A” to “Tell the warehouse”." and text1 == "New workflow with 1 step."
    assert words2[0]["source"] == "Renamed “{old}” to “{new}”."
    before = core_i18n.installed()
    core_i18n.install(catalog.load(catalog.FILIPINO))
    try:
        assert (
            shown_summary(words2, text2) == "Pinalitan ang pangalan ng “A” ng “Tell the warehouse”."
        )
        assert shown_summary(words1, text1) == "Bagong workflow na may 1 hakbang."
        assert shown_summary(None, "Added “B”.") == "Added “B”."  # written before 0011
    finally:
        core_i18n.install(before)
