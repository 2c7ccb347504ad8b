"""The audit page in Filipino, in the real window over a real data folder: the first-run setup's
note on the versions it publishes, an import's, a restore's and a put-back's “counted as done”
(a row stored in English before this change) read in Filipino in the Note column; the What
column says every sentence in Filipino; the action filter names every action in words, never
“workflow published”. Screenshot ``audit_fil``."""

from __future__ import annotations

import os
from pathlib import Path

from app import shop
from app.core import own_notes
from app.store import audit, workflows
from app.ui import language
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

OLD_NOTE = "counted as done: done at 2026-12-01 10:15 in the workspace that was replaced"
TYPED = "tinawagan ko si Aling Nena"  # a person's note: as typed, in any language


def english_notes() -> set[str]:
    return {*own_notes.FIXED, OLD_NOTE}


def test_the_audit_page_reads_in_filipino(filipino, gui, qtbot, tmp_path):  # noqa: F811
    ctx, window = gui
    choices = shop.ShopChoices(shop_name="Tindahan", payment="on_delivery", email_customers=False)
    shop.apply(ctx.db, ctx.registry.specs, choices, who="maria")
    with ctx.db.write() as s:
        workflows.restore(s, shop.SAMPLE, 1, who="maria")
        audit.record(s, "maria", "skip", step_name="charge", after={"note": OLD_NOTE})
        audit.record(s, "maria", "cancel", after={"reason": TYPED})
        audit.record(s, audit.SYSTEM, "practice_started")
    assert language.current().apply(language.FILIPINO)
    window.resize(1280, 800)
    window.page("audit")
    page = window.audit
    page.refresh()

    def rows() -> list[list[str]]:
        tree = page.tree
        return [
            [tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(tree.topLevelItemCount())
        ]

    qtbot.waitUntil(lambda: any(r[3] == TYPED for r in rows()), timeout=15000)
    shown = rows()
    notes = {r[3] for r in shown if r[3]}
    assert {
        "Na-set up sa unang setup: walang email na matatanggap ang mga customer mula sa Daloy.",
        "itinuring na tapos: natapos noong 2026-12-01 10:15 sa workspace na pinalitan",
        TYPED,
    } <= notes, notes
    assert not notes & english_notes(), notes & english_notes()
    assert not [n for n in notes if n.startswith(("Restored version", "counted as done"))]
    # What: every sentence in Filipino (the English verbs never show)
    for _when, who, what, _note in shown:
        assert who and what
        for english in (" published ", " saved ", " went through ", " skipped ", " cancelled "):
            assert english not in what, what
    # the action filter: every action in words, none as its raw name
    names = {
        page.action.itemData(i): page.action.itemText(i) for i in range(1, page.action.count())
    }
    assert {"workflow_published", "first_run", "skip", "cancel"} <= names.keys(), names
    for action, label in names.items():
        assert label != action.replace("_", " "), action
    assert names["workflow_published"] == "Mga workflow na ni-publish"
    # Daloy's own actions: by its name, in the Who column, its sentences and the filter
    assert "daloy" not in {r[1] for r in shown} and "Daloy" in {r[1] for r in shown}
    assert not [r for r in shown if r[2].startswith("daloy ")]
    assert "Daloy" in [page.who.itemText(i) for i in range(page.who.count())]
    shots = Path(os.environ.get("DALOY_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(shots / "audit_fil.png"))
