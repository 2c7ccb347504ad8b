"""The Connections form as an operator first sees it: one column of labels (the page's Name and
Kind rows above each kind's own fields), and Remove only for a connection that was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget

from app.store import connections

CLICK = Qt.MouseButton.LeftButton


def field_lefts(page) -> set[int]:
    """Where each row's field starts, in the page's coordinates."""
    lefts = set()
    for form in (page.form, page.kind_form.layout_):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or not label.widget() or not label.widget().text():
                continue  # a hint under a field, without a label of its own
            widget: QWidget = item.widget() or item.layout().itemAt(0).widget()
            lefts.add(widget.mapTo(page, widget.rect().topLeft()).x())
    return lefts


def test_fields_start_in_one_column_for_every_kind(gui, qtbot):
    _ctx, window = gui
    window.resize(1024, 700)
    window.page("connections")
    page = window.connections
    for kind in ("smtp", "imap", "http", "shopify"):
        index = page.kind.findData(kind)
        if index < 0:
            continue
        page.kind.setCurrentIndex(index)
        qtbot.waitUntil(lambda k=kind: page.kind_form.kind == k)
        qtbot.waitUntil(lambda: len(field_lefts(page)) == 1, timeout=3000)
        assert len(field_lefts(page)) == 1, kind


def test_remove_only_a_saved_connection(gui, qtbot):
    ctx, window = gui
    with ctx.db.write() as s:
        connections.save(s, "shop-email", "smtp", {"host": "127.0.0.1", "port": 2525}, {})
    window.page("connections")
    page = window.connections
    page.refresh()
    qtbot.waitUntil(lambda: page.list.count() == 1 and bool(page.rows))
    assert not page.remove_b.isEnabled()  # nothing chosen: a new, empty form
    page.list.setCurrentRow(0)
    assert page.name.text() == "shop-email"
    assert page.remove_b.isEnabled()
    page.name.setText("shop-email-2")  # a new name: not saved under it, nothing to remove
    assert not page.remove_b.isEnabled()
    page.name.setText("shop-email")
    assert page.remove_b.isEnabled()
