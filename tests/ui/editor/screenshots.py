"""Screenshots of safe editing, for people to look at: the editor with a draft, the Publish
dialog refusing a draft with problems, and a replay's result, at 1366×768 and 1024×700.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/ui/editor/screenshots.py [OUT]

Seeds a data folder with the “Shop orders” workflow of the editor tests and 20 orders, edits a
draft through the page, and saves one PNG per screen and size (default: ./screenshots/editor/).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.cli import Env  # noqa: E402
from app.core.model import Workflow  # noqa: E402
from app.intake import trigger_registry  # noqa: E402
from app.store import drafts  # noqa: E402
from tests.ui.editor.test_drafts_publish import SHOP  # noqa: E402

SIZES = ((1366, 768), (1024, 700))


def wait_for(app: QApplication, ready: Callable[[], bool], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not ready() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
        time.sleep(0.05)
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots/editor")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        env = Env(argparse.Namespace(data_dir=str(Path(tmp) / "data"), verbose=False))
        from app.ui.main import build

        ctx, window = build(env)
        with ctx.db.write() as s:
            drafts.import_workflow(
                s, Workflow.from_dict(SHOP), ctx.registry.specs, trigger_registry(), who="maria"
            )
        for i in range(1, 21):
            ctx.store.start_run("Shop orders", {"number": f"R-{i:02}", "amount": 10 * i})
        window.show()
        window.page("workflows")
        page = window.workflows
        page.refresh()
        wait_for(app, lambda: "Shop orders" in page.rows)
        page.open(Workflow.from_json(page.rows["Shop orders"]["definition"]), "Shop orders")
        # the draft: big orders start above 150, and “Note a big order” lost its setting
        big = page.doc.workflow.step("big")
        page._edited(
            "big", {"expression": "{{ steps.total.output.amount > 150 }}"}, big.title, big.retry
        )
        page._edited("big_note", {}, "Note a big order", {})
        page.save()
        wait_for(app, lambda: page.banner.isVisible())
        wait_for(
            app,
            lambda: (
                ctx.db.execute_sql("select count(*) from runs where status = 'succeeded'")[0][0]
                == 20
            ),
        )
        for w, h in SIZES:
            window.resize(w, h)
            page.view.fit()
            shoot(app, window, out / f"editor-draft-{w}x{h}.png")
        page.publish()
        wait_for(app, lambda: page.publish_dialog is not None)
        dialog = page.publish_dialog
        dialog.note.setText("Big orders from 150")
        dialog.publish()
        wait_for(app, lambda: dialog.heading.text().startswith("Not published"))
        for w, h in SIZES:
            window.resize(w, h)
            dialog.move(window.geometry().center() - dialog.rect().center())
            shoot(app, dialog, out / f"publish-refused-{w}x{h}.png")
        dialog.close()
        page._edited("big_note", {"values": {"size": "big"}}, "Note a big order", {})
        page.replay()
        replay = page.replay_dialog
        replay.start()
        wait_for(app, lambda: replay.report is not None, 120)
        for w, h in SIZES:
            window.resize(w, h)
            shoot(app, replay, out / f"replay-result-{w}x{h}.png")
        replay.close()
        page.saved_json = None  # leave without the unsaved-edits question
        window.quitting = True
        window.close()
        ctx.runtime.shutdown(grace=2)
        ctx.wait_for_background(3000)


if __name__ == "__main__":
    main()
