"""Connection forms driven with real clicks against real servers (dovecot, aiosmtpd, a closed
port): Test works before Save, the result is one sentence in words with the technical detail
folded away, presets fill in the server; the Web addresses tab reveals, copies and regenerates a
webhook's token, and the running web intake refuses the old one."""

from __future__ import annotations

import json
import subprocess

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QSpinBox

from app.intake.web import ensure_token
from app.store import workflows
from tests.support.dovecot import free_port
from tests.support.engine import save

CLICK = Qt.MouseButton.LeftButton


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, CLICK)


def field(window, cls, name):
    widget = window.connections.kind_form.findChild(cls, name)
    assert widget is not None, name
    return widget


def new_connection(qtbot, window, kind: str, name: str = "") -> None:
    window.page("connections")
    page = window.connections
    click(qtbot, window.findChild(type(page.save_b), "newConnection"))
    page.name.setText(name)
    page.kind.setCurrentIndex(page.kind.findData(kind))
    assert page.kind_form.kind == kind


def fill(window, **values) -> None:
    for key, value in values.items():
        if key == "security":
            combo = field(window, QComboBox, "setting_security")
            combo.setCurrentIndex(combo.findData(value))
        elif key == "port":
            field(window, QSpinBox, "setting_port").setValue(value)
        elif key == "password":
            field(window, QLineEdit, "secret_password").setText(value)
        else:
            field(window, QLineEdit, f"setting_{key}").setText(value)


def try_it(qtbot, page, words: str) -> str:
    click(qtbot, page.test_b)
    qtbot.waitUntil(lambda: words in page.result.text(), timeout=20000)
    return page.result.text()


def saved_connections(ctx) -> int:
    return ctx.db.execute_sql("select count(*) from connections")[0][0]


def test_imap_form_tests_unsaved_values_wrong_then_right_password(gui, qtbot, dovecot):
    ctx, window = gui
    page = window.connections
    new_connection(qtbot, window, "imap", "shop-inbox")
    fill(
        window,
        host=dovecot.host,
        port=dovecot.port,
        security="plain",
        username=dovecot.user,
        password="not-the-password",
    )
    said = try_it(qtbot, page, "The password was refused")
    assert "not-the-password" not in said and "Traceback" not in said
    details = window.findChild(type(page.outcome.toggle), "connectionDetailsToggle")
    assert details.isVisible() and not page.outcome.detail.isVisible()  # folded away
    click(qtbot, details)
    assert page.outcome.detail.isVisible() and "Error" in page.outcome.detail.text()
    assert "not-the-password" not in page.outcome.detail.text()
    fill(window, password=dovecot.password)
    said = try_it(qtbot, page, f"Signed in to {dovecot.host}")
    assert not page.outcome.toggle.isVisible()
    assert saved_connections(ctx) == 0  # tested, never saved


def test_smtp_form_wrong_and_right_password_and_an_untrusted_certificate(gui, qtbot, tmp_path):
    from tests.support.smtp import SmtpSink

    ctx, window = gui
    page = window.connections
    sink = SmtpSink(user="shop", password="smtp-right-pass").start()
    (tmp_path / "tls").mkdir()
    tls = SmtpSink(tls_folder=tmp_path / "tls").start()
    try:
        new_connection(qtbot, window, "smtp", "shop-email")
        fill(
            window,
            host="127.0.0.1",
            port=sink.port,
            security="plain",
            username="shop",
            password="smtp-wrong-pass",
        )
        said = try_it(qtbot, page, "The password was refused")
        assert "smtp-wrong-pass" not in said
        fill(window, password="smtp-right-pass")
        try_it(qtbot, page, "Connected to 127.0.0.1 and signed in.")
        fill(window, port=tls.port, security="starttls", username="")
        said = try_it(qtbot, page, "certificate Daloy does not trust")
        assert "CA certificate file" in said
    finally:
        sink.stop()
        tls.stop()
    assert saved_connections(ctx) == 0


def test_a_closed_port_and_an_unknown_server_are_said_in_words(gui, qtbot):
    ctx, window = gui
    page = window.connections
    new_connection(qtbot, window, "imap", "shop-inbox")
    port = free_port()
    fill(window, host="127.0.0.1", port=port, security="plain", username="shop", password="x1y2")
    try_it(qtbot, page, f"Nothing answers at 127.0.0.1 port {port} — check the port")
    fill(window, host="imap.example.invalid", security="ssl")
    try_it(qtbot, page, "Can't find the server imap.example.invalid — check the address")


def test_email_presets_fill_server_port_and_security_and_show_the_hint(gui, qtbot):
    _ctx, window = gui
    new_connection(qtbot, window, "imap", "gmail-inbox")
    provider = field(window, QComboBox, "emailProvider")
    provider.setCurrentIndex(provider.findData("gmail"))
    assert field(window, QLineEdit, "setting_host").text() == "imap.gmail.com"
    assert field(window, QSpinBox, "setting_port").value() == 993
    assert field(window, QComboBox, "setting_security").currentText() == "SSL/TLS"
    assert "app password" in window.connections.kind_form.hint.text()
    new_connection(qtbot, window, "smtp", "outlook-mail")
    provider = field(window, QComboBox, "emailProvider")
    provider.setCurrentIndex(provider.findData("outlook"))
    assert field(window, QLineEdit, "setting_host").text() == "smtp.office365.com"
    assert field(window, QSpinBox, "setting_port").value() == 587
    security = field(window, QComboBox, "setting_security")
    assert security.currentText() == "STARTTLS"
    assert [security.itemText(i) for i in range(security.count())] == [
        "SSL/TLS",
        "STARTTLS",
        "None — this computer only",
    ]
    security.setCurrentIndex(security.findData("ssl"))  # the usual port follows
    assert field(window, QSpinBox, "setting_port").value() == 465


# -- web addresses -------------------------------------------------------------------------------
@pytest.fixture
def webhooks(env, monkeypatch):
    """A switched-on workflow with a token webhook and a signed one; the web intake on a free
    port (set before the window's runtime starts)."""
    monkeypatch.setenv("DALOY_WEB_PORT", str(free_port()))
    save(
        env.db,
        {
            "name": "orders",
            "steps": [],
            "sample_input": {"order": {"number": "S-1", "customer": "Aling Nena"}},
            "triggers": [
                {"id": "site", "type": "webhook", "config": {"auth": "token"}},
                {"id": "signed", "type": "webhook", "config": {"auth": "hmac"}},
            ],
        },
    )
    with env.db.write() as s:
        workflows.set_enabled(s, "orders", True)


def answer_next_question(button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)


def post(url: str, token: str) -> int:
    return httpx.post(
        url,
        json={"order": {"number": "W-1"}},
        timeout=10,
        headers={"Authorization": f"Bearer {token}"},
    ).status_code


def test_web_address_token_reveal_copy_regenerate(webhooks, gui, qtbot):
    ctx, window = gui
    window.page("connections")
    page = window.connections
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(page.web.boxes) == 2, timeout=10000)
    box = next(b for b in page.web.boxes if b.address.trigger == "site")
    url = box.address.url
    assert (
        url.endswith("/hook/orders/site")
        and box.findChild(QLineEdit, "webAddressUrl").text() == url
    )
    assert box.token.text() == "•" * 12 and "press Reveal" in box.example.toPlainText()
    click(qtbot, box.reveal_b)
    qtbot.waitUntil(lambda: box.token.text() != "•" * 12, timeout=10000)
    old = box.token.text()
    assert old == ensure_token("orders", "site")
    assert f"Authorization: Bearer {old}" in box.example.toPlainText()
    click(qtbot, box.copy_b)
    assert QApplication.clipboard().text() == old
    qtbot.waitUntil(lambda: ctx.runtime.intake.web is not None, timeout=10000)
    assert post(url, old) == 201
    answer_next_question(QMessageBox.StandardButton.No)  # changed its mind: nothing
    click(qtbot, box.new_b)
    assert box.token.text() == old and post(url, old) in (200, 201)
    answer_next_question(QMessageBox.StandardButton.Yes)
    click(qtbot, box.new_b)
    qtbot.waitUntil(lambda: box.token.text() not in (old, "•" * 12), timeout=10000)
    new = box.token.text()
    assert post(url, old) == 401  # the running intake refuses it
    assert post(url, new) in (200, 201)
    assert "old one no longer works" in box.status.text()


def test_the_example_requests_work_as_pasted(webhooks, gui, qtbot):
    ctx, window = gui
    window.page("connections")
    page = window.connections
    qtbot.waitUntil(lambda: len(page.web.boxes) == 2, timeout=10000)
    qtbot.waitUntil(lambda: ctx.runtime.intake.web is not None, timeout=10000)
    for box in page.web.boxes:
        click(qtbot, box.findChild(type(box.copy_b), "copyExample"))
        qtbot.waitUntil(lambda b=box: "copied" in b.status.text(), timeout=10000)
        pasted = QApplication.clipboard().text()
        done = subprocess.run(["bash", "-c", pasted], capture_output=True, text=True, timeout=30)
        assert json.loads(done.stdout)["status"] == "stored", (box.address.auth, done.stdout)
    rows = ctx.db.execute_sql("select trigger from runs where workflow_name = 'orders'")
    assert [json.loads(r[0])["order"]["customer"] for r in rows] == ["Aling Nena"] * 2


# -- a refused keyring ---------------------------------------------------------------------------
@pytest.fixture
def refused_keyring(keyring_tmp, monkeypatch):
    monkeypatch.delenv("DALOY_ALLOW_INSECURE_KEYRING")  # the plain file, not allowed


def test_a_refused_keyring_is_said_in_words_on_the_page_and_in_the_inbox(
    refused_keyring, gui, qtbot
):
    from tests.test_workspace_secrets import TECHNICAL

    ctx, window = gui
    window.page("connections")
    note = window.connections.keyring_note.text()
    assert "refuses to keep passwords" in note and not TECHNICAL.search(note)
    rows = ctx.db.execute_sql(
        "select title, reason from inbox_items where kind='system' and status='open'"
    )
    assert len(rows) == 1 and rows[0][1] == note and not TECHNICAL.search(rows[0][0])


def test_a_secret_the_server_echoes_back_never_reaches_the_test_result(gui, qtbot):
    """A broken web API that answers with the request's own Authorization line (a garbage
    status line, which the HTTP library quotes in its error): the token typed in the form is
    hidden in the sentence and in the folded details alike (``app.core.redact``)."""
    import socket
    import threading
    import uuid

    canary = f"canary-{uuid.uuid4().hex[:12]}"
    echoed: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))

    def echo() -> None:
        conn, _ = server.accept()
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            line = next(x for x in data.split(b"\r\n") if x.lower().startswith(b"authorization"))
            echoed.append(line)
            conn.sendall(line + b"\r\n\r\n")

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    try:
        ctx, window = gui
        page = window.connections
        new_connection(qtbot, window, "http", "echoing-api")
        fill(window, base_url=f"http://127.0.0.1:{server.getsockname()[1]}/")
        field(window, QLineEdit, "secret_token").setText(canary)
        click(qtbot, page.test_b)
        qtbot.waitUntil(
            lambda: page.test_b.isEnabled() and "Testing" not in page.result.text(), timeout=20000
        )
        assert echoed and canary.encode() in echoed[0]  # the server did send it back
        click(qtbot, page.outcome.toggle)
        shown = page.result.text() + page.outcome.detail.text()
        assert page.outcome.detail.text() and canary not in shown, shown
    finally:
        server.close()
        thread.join(5)
