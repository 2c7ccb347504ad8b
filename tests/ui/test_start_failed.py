"""When Daloy cannot open its workspace, a double-clicked app has no console to print why: the
reason is said on its window, and a damaged database offers the newest good backup, put back
as Daloy starts again. Real files, real Qt dialogs, and a real ``daloy`` process."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.cli import Env
from app.runtime import put_back
from app.store import backups
from app.store.db import DB_FILENAME, Database, DatabaseCorrupt
from app.ui.main import say_why_not_started
from app.ui.mainwindow import MainWindow
from tests.support.app_process import run_daloy


def _damaged(folder: Path, with_backup: bool) -> Env:
    """A workspace whose database has turned to garbage, with (or without) a good backup."""
    Database.open_dir(folder).close()
    if with_backup:
        backups.take(folder, "daily")
    for suffix in ("-wal", "-shm"):
        (folder / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    (folder / DB_FILENAME).write_bytes(b"garbage, not a database " * 400)
    return Env(argparse.Namespace(data_dir=str(folder), verbose=False))


def _refusal(env: Env) -> DatabaseCorrupt:
    with pytest.raises(DatabaseCorrupt) as caught:
        Database.open_dir(env.data_dir)
    return caught.value


def _said(qtbot, folder: Path, env: Env, exc: Exception) -> tuple[QMessageBox, list[bool]]:
    window = MainWindow(None, folder)  # the frame the app shows before it opens the engine
    qtbot.addWidget(window)
    window.show()
    answers: list[bool] = []
    say_why_not_started(window, env, exc, answers.append)
    box = window.findChild(QMessageBox, "startFailed")
    qtbot.waitUntil(lambda: box.isVisible(), timeout=5000)
    return box, answers


def _button(box: QMessageBox, text: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if b.text() == text)


def test_a_damaged_database_offers_the_newest_good_backup(qtbot, tmp_path, keyring_tmp):
    folder = tmp_path / "shop"
    env = _damaged(folder, with_backup=True)
    box, answers = _said(qtbot, folder, env, _refusal(env))
    assert "left untouched" in box.text()
    assert "newest good backup" in box.informativeText()
    qtbot.mouseClick(_button(box, "Put back and start again"), qtbot_left())
    qtbot.waitUntil(lambda: answers == [True], timeout=5000)
    assert put_back.asked(folder)
    outcome = put_back.carry_out(folder)  # what the start after it does
    assert outcome is not None and outcome.ok
    Database.open_dir(folder).close()  # opens again
    kept = [b for b in backups.listed(folder / "backups") if b.kind == "replaced"]
    assert (kept[0].path / DB_FILENAME).read_bytes().startswith(b"garbage")  # kept as it was


def test_without_a_backup_the_reason_is_said_and_quit_changes_nothing(qtbot, tmp_path, keyring_tmp):
    folder = tmp_path / "shop"
    env = _damaged(folder, with_backup=False)
    box, answers = _said(qtbot, folder, env, _refusal(env))
    assert "left untouched" in box.text() and not box.informativeText()
    assert [b.text() for b in box.findChildren(QPushButton)] == ["Quit"]
    qtbot.mouseClick(_button(box, "Quit"), qtbot_left())
    qtbot.waitUntil(lambda: answers == [False], timeout=5000)
    assert not put_back.asked(folder)
    assert (folder / DB_FILENAME).read_bytes().startswith(b"garbage")


def test_the_double_clicked_app_says_it_and_exits_with_the_sentence(tmp_path):
    """The real app on a damaged database: the window says why (and waits for an answer: here
    --quit-after answers), the exit code and the command line's sentence are as before."""
    folder = tmp_path / "shop"
    Database.open_dir(folder).close()
    (folder / DB_FILENAME).write_bytes(b"garbage, not a database " * 400)
    done = run_daloy(folder)
    assert done.returncode == 1
    assert "left untouched" in done.stderr and "Traceback" not in done.stderr
    logged = (folder / "logs" / "daloy.log").read_text(encoding="utf-8")
    assert "said on the window" in logged and "left untouched" in logged


def qtbot_left():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_an_unexpected_failure_is_said_without_its_inside(qtbot, tmp_path, keyring_tmp):
    folder = tmp_path / "shop"
    folder.mkdir()
    env = Env(argparse.Namespace(data_dir=str(folder), verbose=False))
    box, answers = _said(qtbot, folder, env, KeyError("steps.settings.output"))
    assert "could not open its workspace (KeyError)" in box.text()
    assert "steps.settings" not in box.text() and "Traceback" not in box.text()
    qtbot.mouseClick(_button(box, "Quit"), qtbot_left())
    qtbot.waitUntil(lambda: answers == [False], timeout=5000)
