"""The tray and the in-window banner: red when a channel is down, orange when orders wait, green
otherwise (Daloy's own icon); the menu says how many wait and opens the inbox; the banner goes
when what it names is answered; entries already waiting raise one alert at start-up; without a
tray, closing the window asks whether to keep working or quit, and Quit is always visible."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.cli import Env
from app.store import intake
from app.ui.notifier import Banner, Notifier, tray_state
from tests.support.engine import charge_workflow, save


def answer_keep_or_quit(qtbot, button: str) -> None:
    """Click ``button`` ("keepWorking" or "quitDaloy") in the close question once it shows."""

    def click() -> None:
        box = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "keepOrQuit" and w.isVisible()
            ),
            None,
        )
        if box is None:
            QTimer.singleShot(50, click)
            return
        qtbot.mouseClick(box.findChild(QPushButton, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, click)


def channel_down(ctx, channel: str = "shop-mail") -> None:
    """The intake's own path: an error, then the health check past its threshold."""
    intake.record_error(ctx.db, channel, "imap", "LOGIN failed: wrong password")
    intake.check_health(ctx.store, channel, "imap", threshold=0, started_at=time.time() - 60)


def test_tray_state_red_when_a_channel_is_down(gui, qtbot):
    ctx, window = gui
    qtbot.waitUntil(lambda: window.notifier.state == "ok", timeout=5000)
    channel_down(ctx)
    qtbot.waitUntil(lambda: window.notifier.state == "down", timeout=10000)
    # the same state on a desktop with a tray: the icon, tooltip and menu follow the entries
    notifier = Notifier(Banner(), tray_available=lambda: True)
    notifier.set_open(window.inbox.items)
    assert notifier.state == "down"
    assert notifier.tray.toolTip() == "Daloy: a channel or system is down"
    assert not notifier.tray.icon().isNull()
    assert notifier.waiting_action.text() == "1 waiting for you"
    with qtbot.waitSignal(notifier.open_inbox, timeout=2000):
        notifier.waiting_action.trigger()
    notifier.set_open([])
    assert notifier.state == "ok" and notifier.tray.toolTip() == "Daloy: all is well"
    notifier.tray.hide()


def test_orange_when_orders_wait_and_green_when_none():
    waiting = [{"id": 1, "kind": "step_failed"}, {"id": 2, "kind": "decision"}]
    assert tray_state(waiting) == "waiting"
    assert tray_state(waiting + [{"id": 3, "kind": "channel_down"}]) == "down"
    assert tray_state(waiting + [{"id": 4, "kind": "system_down"}]) == "down"  # a breaker
    assert tray_state([]) == "ok"


def test_banner_clears_when_the_entry_it_names_is_resolved(gui, qtbot, payment_gateway):
    ctx, window = gui
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(1, "400")
    run_id = ctx.store.start_run(
        "charge", {"order": {"number": "3001", "amount": 5, "customer": "Aling Nena"}}
    )
    banner = window.banner
    qtbot.waitUntil(lambda: banner.isVisible() and "3001" in banner.text.text(), timeout=15000)
    ctx.actions.cancel(run_id)  # answered elsewhere (the CLI, another window)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.inbox.empty.isVisible(), timeout=5000)


def test_entries_already_waiting_raise_one_alert_at_start(
    qtbot, data_dir, keyring_tmp, payment_gateway
):
    import argparse

    from app.ui.main import build

    env = Env(argparse.Namespace(data_dir=str(data_dir), verbose=False))
    ctx, window = build(env)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "quitting", True))
    save(ctx.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(2, "400")
    for n in ("4001", "4002"):
        ctx.store.start_run("charge", {"order": {"number": n, "amount": 5, "customer": "A"}})
    qtbot.waitUntil(lambda: len(window.inbox.items) == 2, timeout=15000)
    window.quitting = True
    window.close()
    ctx.runtime.shutdown(grace=2)
    ctx.wait_for_background(5000)
    ctx.events.detach()
    # a fresh start on the same folder: one grouped alert for what already waits
    ctx2, window2 = build(env)
    qtbot.addWidget(window2, before_close_func=lambda w: setattr(w, "quitting", True))
    window2.show()
    qtbot.waitUntil(lambda: len(window2.notifier.sent) == 1, timeout=15000)
    assert window2.notifier.sent[0].startswith("2 orders waiting")
    qtbot.wait(300)
    assert len(window2.notifier.sent) == 1
    window2.quitting = True
    window2.close()
    ctx2.runtime.shutdown(grace=2)
    ctx2.wait_for_background(5000)
    ctx2.events.detach()


def test_without_a_tray_closing_asks_and_keep_working_hides_the_window(gui, qtbot):
    _ctx, window = gui
    assert window.notifier.tray is None
    quits = []
    window.quit_requested.connect(lambda: quits.append(1))
    answer_keep_or_quit(qtbot, "keepWorking")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert quits == []  # still running, in the background
    window.bring_forward()  # what a second launch does
    assert window.isVisible()


def test_quit_is_always_in_the_file_menu(gui, qtbot):
    _ctx, window = gui
    action = window.findChild(type(window.menuBar().actions()[0]), "quitAction")
    assert action is not None and action.text().replace("&", "") == "Quit Daloy"
    with qtbot.waitSignal(window.quit_requested, timeout=5000):
        action.trigger()


def test_the_banner_names_what_is_left_when_part_of_its_group_is_answered(qtbot):
    """Two entries announced together, one answered: the banner names the one left, never
    "2 orders waiting" any more."""
    banner = Banner()
    qtbot.addWidget(banner)
    notifier = Notifier(banner, group_ms=10)
    waiting = [
        {"id": 1, "kind": "step_failed", "business_key": "5001", "reason": "Card declined."},
        {"id": 2, "kind": "decision", "business_key": "5002", "reason": "Substitute or wait?"},
    ]
    notifier.new_items(waiting)
    qtbot.waitUntil(lambda: notifier.sent != [], timeout=5000)
    assert banner.text.text().startswith("<b>2 orders waiting</b>")
    notifier.set_open(waiting[1:])  # 5001 retried
    assert not banner.isHidden()
    assert "5002: needs you" in banner.text.text() and "Substitute or wait?" in banner.text.text()
    assert "2 orders" not in banner.text.text() and banner.item_ids == {2}
    notifier.set_open([])
    assert banner.isHidden()


def test_the_alert_counts_orders_only_when_its_entries_are_orders(qtbot):
    """A decision, its reminder (the same order) and a failed step were announced as “3 orders
    waiting” for two orders; a mail channel's alert is no order at all."""
    banner = Banner()
    qtbot.addWidget(banner)
    notifier = Notifier(banner, group_ms=10)
    notifier.new_items(
        [
            {"id": 1, "kind": "step_failed", "run_id": "r1", "business_key": "DEMO-1003"},
            {"id": 2, "kind": "decision", "run_id": "r2", "business_key": "DEMO-1002"},
            {"id": 3, "kind": "system", "run_id": "r2", "business_key": "DEMO-1002"},
        ]
    )
    qtbot.waitUntil(lambda: notifier.sent != [], timeout=5000)
    assert notifier.sent[0].startswith("3 new in Needs you"), notifier.sent
    notifier.new_items([{"id": 4, "kind": "channel_down", "workflow": "Order fulfilment"}])
    notifier.new_items([{"id": 5, "kind": "step_failed", "run_id": "r5", "business_key": "5"}])
    qtbot.waitUntil(lambda: len(notifier.sent) == 2, timeout=5000)
    assert notifier.sent[1].startswith("2 new in Needs you"), notifier.sent
