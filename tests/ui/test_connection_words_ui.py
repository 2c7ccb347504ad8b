"""The Connections page's “Test” on a port nobody listens on, clicked in Filipino and then in
English: the result is one sentence in the language spoken, the system's own words ("[Errno
111] Connection refused") only in the folded technical detail. Real widgets (offscreen), a real
closed port on 127.0.0.1."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui import language
from tests.support.dovecot import free_port
from tests.ui.test_connection_forms import fill, new_connection, try_it
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture


def test_a_refused_connection_test_is_a_sentence_in_both_languages(
    filipino,  # noqa: F811 - the fixture
    gui,
    qtbot,
) -> None:
    _ctx, window = gui
    assert language.current().apply(language.FILIPINO)
    page = window.connections
    new_connection(qtbot, window, "imap", "shop-inbox")
    port = free_port()
    fill(window, host="127.0.0.1", port=port, security="plain", username="shop", password="x1y2")
    said = try_it(qtbot, page, f"Walang sumasagot sa 127.0.0.1 port {port} — tingnan ang port")
    assert said == (
        f"Walang sumasagot sa 127.0.0.1 port {port} — tingnan ang port (at kung tugma rito "
        "ang security)."
    )
    detail = page.findChild(QLabel, "connectionDetails")
    assert "ConnectionRefusedError" in detail.text()  # the technical side, folded away
    assert not detail.isVisible()

    language.current().apply(language.ENGLISH)
    said = try_it(qtbot, page, f"Nothing answers at 127.0.0.1 port {port}")
    assert said == (
        f"Nothing answers at 127.0.0.1 port {port} — check the port (and that the security "
        "matches it)."
    )
    assert "Errno" not in said
