"""The editor names a practice run as the operator knows it: its order number, else its start."""

from __future__ import annotations


def _practice_said(page, qtbot) -> tuple[str, object]:
    page.practice()
    qtbot.waitUntil(lambda: page.test_run is not None, timeout=5000)
    with page.ctx.db.read() as s:
        from app.store.models import Run

        run = s.get(Run, page.test_run)
        s.expunge(run)
    return page.status.text(), run


def test_a_practice_run_is_named_by_its_order_number_not_its_id(sample_page, qtbot):
    page = sample_page
    assert page.doc.workflow.business_key  # the sample numbers its orders
    said, run = _practice_said(page, qtbot)
    assert run.practice and run.business_key
    assert f"Trying it on the sample order (practice run of order {run.business_key})" in said
    assert run.id[:8] not in said


def test_a_practice_run_without_an_order_number_is_named_by_its_start(sample_page, qtbot):
    from app.ui import when

    page = sample_page
    page.doc.workflow.business_key = ""  # a workflow that does not number its orders
    said, run = _practice_said(page, qtbot)
    assert run.business_key == ""
    assert f"(practice run started {when.at(run.created_at)})" in said
    assert "today at" in said  # as every screen says a moment, not "2026-12-02 14:03:27"
    assert run.id[:8] not in said
