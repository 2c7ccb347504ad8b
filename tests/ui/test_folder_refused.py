"""A double-clicked Daloy whose data folder cannot be used says why in a window (it has no
terminal for the sentence, and would seem not to start at all), and still exits with the
refusal on stderr."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli import EXIT_ERROR, main


def test_a_data_folder_daloy_cannot_use_is_said_in_a_window(qapp, tmp_path, capsys):
    not_a_folder = tmp_path / "orders.txt"
    not_a_folder.write_text("a file where the data folder should be")
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        seen.update(name=box.objectName(), title=box.windowTitle(), text=box.text())
        box.accept()

    QTimer.singleShot(50, read_and_close)
    assert main(["--data-dir", str(not_a_folder)]) == EXIT_ERROR
    assert seen["name"] == "folderRefused" and seen["title"] == "Daloy cannot start"
    assert str(not_a_folder) in seen["text"]
    assert seen["text"] in capsys.readouterr().err  # the same sentence, for a terminal


def test_a_smoke_test_is_not_stopped_by_the_window(qapp, tmp_path, capsys):
    not_a_folder = tmp_path / "orders.txt"
    not_a_folder.write_text("x")
    assert main(["--data-dir", str(not_a_folder), "--quit-after", "1"]) == EXIT_ERROR
    assert str(not_a_folder) in capsys.readouterr().err
