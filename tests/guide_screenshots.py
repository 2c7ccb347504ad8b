"""Screenshots for resources/docs/operator-guide.md: the sample workflow in the editor, a short
order asking what to do (substitute / backorder / cancel), and the orders after a backorder.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/guide_screenshots.py [OUT_DIR]

Practice runs only: nothing is charged or sent (default OUT_DIR: resources/docs/img).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.screenshots import wait  # noqa: E402  (also sets the test keyring up)


def main() -> None:
    import argparse

    from PySide6.QtWidgets import QApplication

    from app.cli import Env, seed_samples

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/docs/img")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = Env(argparse.Namespace(data_dir=str(Path(tmp) / "data"), verbose=False))
        seed_samples(env, start_runs=False)
        app = QApplication.instance() or QApplication([])
        from app.ui.main import build

        ctx, window = build(env)
        # the shop's mail account, as the setup makes it: the workflow's email steps then show
        # no problem marker in the guide's picture (practice runs send nothing)
        from app.store import connections

        with ctx.db.write() as s:
            connections.save(
                s,
                "shop-email",
                "smtp",
                {
                    "host": "smtp.gmail.com",
                    "port": 587,
                    "security": "starttls",
                    "username": "shop@example.com",
                    "from_address": "shop@example.com",
                },
                {"password": "an app password"},
            )
        window.resize(1366, 740)
        window.show()
        order = {
            "number": "1043",
            "currency": "PHP",
            "customer": {"name": "Mang Tomas", "email": "tomas@example.com"},
        }
        short = ctx.store.start_run(
            "Order fulfilment",
            {
                "order": {
                    **order,
                    "lines": [{"sku": "COFFEE-3IN1", "qty": 10}, {"sku": "SUGAR-1", "qty": 2}],
                }
            },
            practice=True,
        )
        backordered = ctx.store.start_run(
            "Order fulfilment",
            {
                "order": {
                    **order,
                    "number": "1041",
                    "customer": {"name": "Ate Joy", "email": "joy@example.com"},
                    "lines": [{"sku": "COFFEE-3IN1", "qty": 12}],
                }
            },
            practice=True,
        )
        wait(app, 4)
        decision = next(
            i
            for i in ctx.actions.store.db.execute_sql(
                "select id, run_id from inbox_items where status='open' and kind='decision'"
            )
            if i[1] == backordered
        )
        ctx.actions.resolve(decision[0], "choose", option="backorder", who="maria")
        wait(app, 4)

        window.page("workflows")
        wait(app, 1)
        names = [window.workflows.list.item(r).text() for r in range(window.workflows.list.count())]
        window.workflows.list.setCurrentRow(
            next(r for r, n in enumerate(names) if n.startswith("Order fulfilment"))
        )
        wait(app, 1)
        # the whole graph, drawn from the editor's own scene at a readable size
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QImage, QPainter

        scene = window.workflows.scene
        rect = QRectF()
        for node in scene.nodes.values():  # the steps, not the edges' wide curves
            rect = rect.united(node.sceneBoundingRect())
        rect = rect.adjusted(-40, -20, 40, 20)
        image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, source=rect)
        painter.end()
        image.save(str(out / "guide-workflow.png"))

        window.page("inbox")
        wait(app, 1)
        for row in range(window.inbox.list.count()):
            if "1043" in window.inbox.list.item(row).text():
                window.inbox.list.setCurrentRow(row)
        wait(app, 1)
        from PySide6.QtWidgets import QComboBox

        product = window.inbox.findChild(QComboBox, "field_product")
        product.setCurrentIndex(product.findData("SUGAR-1"))
        wait(app, 0.5)
        window.grab().save(str(out / "guide-decision.png"))

        window.page("runs")
        wait(app, 1)
        window.runs.table.selectRow(0)
        wait(app, 1)
        window.grab().save(str(out / "guide-orders.png"))
        print(short, backordered, *sorted(p.name for p in out.glob("guide-*.png")))
        window.quitting = True
        window.close()
        ctx.runtime.shutdown(grace=2)
        ctx.wait_for_background(3000)


if __name__ == "__main__":
    main()
