"""After “Restore as a new workspace…” the Backups page says how the copy is opened in words a
shop operator can act on — ask whoever set Daloy up for a shortcut that opens that folder —
not a command-line option to put in a shortcut's target (it said “--data-dir "<folder>"”).
Real clicks on the real window over a real data folder, English and Filipino."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget

from app.store import backups
from app.store.db import DB_FILENAME
from app.ui import language
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

SAID = {
    language.ENGLISH: "ask whoever set up Daloy on this computer for a second Daloy shortcut",
    language.FILIPINO: "humingi sa nag-set up ng Daloy sa computer na ito ng pangalawang shortcut",
}


def test_the_restored_copy_is_opened_by_asking_for_a_shortcut(
    filipino,  # noqa: ANN001, F811
    gui,  # noqa: ANN001
    qtbot,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
) -> None:
    ctx, window = gui
    window.page("backups")
    page = window.backups_page
    qtbot.mouseClick(window.findChild(QPushButton, "backupNow"), Qt.MouseButton.LeftButton)
    table = window.findChild(QTableWidget, "backupsTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=20000)
    restore = window.findChild(QPushButton, "backupRestore")
    for lang, words in SAID.items():
        language.current().apply(lang)
        cell = table.visualItemRect(table.item(0, 0)).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.waitUntil(restore.isEnabled, timeout=5000)
        target = tmp_path / f"copy-{lang}"
        page.choose_folder = lambda t=target: str(t)  # the folder dialog's answer
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda t=target: str(t) in page.result.text(), timeout=20000)
        said = page.result.text()
        assert words in said, said
        assert "--" not in said and "data-dir" not in said
        assert backups.integrity(target / DB_FILENAME) == "ok"  # the copy it speaks of is there
    language.current().apply(language.ENGLISH)
