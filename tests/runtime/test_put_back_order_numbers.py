"""A backup put back never gives a customer's order number again (``restored`` with
``order_numbers``): the numbers given after the backup was taken, in the workspace it replaces,
are carried on; when that workspace cannot be read, the numbers skip ahead instead and the
put-back says so. Real SQLite files, the data folder's own database."""

from __future__ import annotations

from pathlib import Path

from app.runtime import put_back
from app.store import backups, order_numbers, restored
from app.store.db import DB_FILENAME, Database

SERIES, FIRST = "W-", 1001  # the web order form's


def _take(data_dir: Path, count: int) -> list[int]:
    """``count`` numbers taken in the workspace in ``data_dir``, as the web form takes them."""
    db = Database.open_dir(data_dir)
    try:
        return [order_numbers.take(db, SERIES, FIRST) for _ in range(count)]
    finally:
        db.close()


def _backup_then_more(data_dir: Path) -> tuple[backups.Backup, list[int]]:
    """W-1001..1002 before the backup, W-1003..1005 given to customers after it."""
    assert _take(data_dir, 2) == [1001, 1002]
    backup = backups.take(data_dir, "manual")
    after = _take(data_dir, 3)
    assert after == [1003, 1004, 1005]
    return backup, after


def test_numbers_given_after_the_backup_are_never_given_again_after_a_put_back(data_dir):
    backup, after = _backup_then_more(data_dir)
    done = restored.put_back(backup, data_dir)
    assert done.numbers == ""  # carried on quietly: nothing for the operator to do
    assert _take(data_dir, 1) == [max(after) + 1]


def test_a_series_begun_after_the_backup_carries_on_too(data_dir):
    _take(data_dir, 0)  # a workspace with no web order yet
    backup = backups.take(data_dir, "manual")
    assert _take(data_dir, 2) == [1001, 1002]
    restored.put_back(backup, data_dir)
    assert _take(data_dir, 1) == [1003]


def test_a_backup_numbered_further_than_the_other_workspace_keeps_its_own_counter(
    data_dir, tmp_path
):
    """Carrying is the higher of the two: a counter never goes back."""
    _backup_then_more(data_dir)
    ahead = backups.take(data_dir, "manual")  # at W-1005
    behind = tmp_path / "behind"
    behind.mkdir()
    assert _take(behind, 1) == [1001]
    restored.copy(ahead, tmp_path / "copy", later=behind)
    assert _take(tmp_path / "copy", 1) == [1006]


def test_an_unreadable_replaced_workspace_skips_ahead_and_says_so(data_dir):
    backup, after = _backup_then_more(data_dir)
    # the workspace being replaced is damaged: its database file is not a database any more
    for suffix in ("-wal", "-shm"):
        (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    (data_dir / DB_FILENAME).write_bytes(b"this is not an SQLite database" * 100)
    done = restored.put_back(backup, data_dir)
    assert "could not be read" in done.numbers
    assert f"skip {order_numbers.MARGIN} ahead" in done.numbers
    # the put-back's words (the app's message and the command line) say it
    assert done.numbers in put_back.held_words(done)
    [number] = _take(data_dir, 1)
    assert number > max(after) and number == 1003 + order_numbers.MARGIN


def test_an_unreadable_workspace_also_moves_a_series_the_backup_had_not_begun(data_dir):
    _take(data_dir, 0)
    backup = backups.take(data_dir, "manual")
    assert _take(data_dir, 2) == [1001, 1002]
    (data_dir / DB_FILENAME).write_bytes(b"\0garbage" * 512)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    assert restored.put_back(backup, data_dir).numbers
    assert _take(data_dir, 2) == [FIRST + order_numbers.MARGIN, FIRST + order_numbers.MARGIN + 1]


def test_a_copy_carries_on_after_the_workspace_it_came_from_when_readable(data_dir, tmp_path):
    """A copy (for looking things up, intake paused) carries the numbers on when it can read
    the workspace it came from, so a copy that becomes the shop's workspace repeats none; it
    does not skip ahead when that is elsewhere."""
    backup, after = _backup_then_more(data_dir)
    done = restored.copy(backup, tmp_path / "copy", later=data_dir)
    assert done.numbers == ""
    assert _take(tmp_path / "copy", 1) == [max(after) + 1]
    elsewhere = restored.copy(backup, tmp_path / "copy2", later=tmp_path / "no-such-folder")
    assert elsewhere.numbers == ""
    assert _take(tmp_path / "copy2", 1) == [1003]
