"""Screenshots of each main screen, with realistic data, for people to look at.

    xvfb-run -a .venv/bin/python tests/screenshots.py [OUT_DIR]

Seeds a data folder with orders that are done, waiting for a system, waiting for a decision and
failed, then saves one PNG per page (default: ./screenshots/).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.cli import Env  # noqa: E402
from tests.support.http_servers import PaymentGateway  # noqa: E402


def wait(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def orders(data: Path, gateway: PaymentGateway) -> None:
    from app.core.model import Workflow
    from app.resources import resource_path
    from app.store import workflows

    env = Env(argparse.Namespace(data_dir=str(data), verbose=False))
    from app.cli import localize_sample

    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    localize_sample(wf, env.data_dir)
    wf.step("settings").config["values"]["gateway"] = gateway.url
    wf.step("charge").retry.update(max_attempts=2, initial_delay=0.1)
    with env.db.write() as s:
        workflows.save(s, wf, who="maria")
    return env


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    gateway = PaymentGateway().start()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = orders(data, gateway)
        app = QApplication.instance() or QApplication([])
        from app.ui.main import build

        ctx, window = build(env)
        window.resize(1280, 800)
        window.show()
        customers = [
            ("1042", "Aling Nena", [("RICE-25", 2), ("OIL-1L", 6)]),
            ("1043", "Mang Tomas", [("COFFEE-3IN1", 12)]),
            ("1044", "Ate Joy", [("SUGAR-1", 3)]),
            ("1045", "Kuya Ben", [("SARDINES-155", 24)]),
        ]
        for number, name, lines in customers:
            if number == "1044":
                gateway.fail_next(2, "503")
            ctx.store.start_run(
                "Order fulfilment",
                {
                    "order": {
                        "number": number,
                        "currency": "PHP",
                        "total": 120 * len(lines) + int(number) % 97,
                        "customer": {
                            "name": name,
                            "email": f"{name.split()[-1].lower()}@example.com",
                        },
                        "lines": [{"sku": s, "qty": q} for s, q in lines],
                    }
                },
                practice=number != "1044",
            )
        wait(app, 4)
        window.page("workflows")
        wait(app, 0.5)
        window.workflows.practice()
        wait(app, 3)
        node = window.workflows.scene.nodes.get("charge")
        if node is not None:
            node.setSelected(True)
        for key in ("inbox", "runs", "workflows", "connections", "health"):
            window.page(key)
            if key == "inbox" and window.inbox.list.count():
                window.inbox.list.setCurrentRow(0)
            if key == "runs":
                window.runs.table.selectRow(0)
            wait(app, 1.0)
            path = out / f"{key}.png"
            window.grab().save(str(path))
            print(path)
        window.quitting = True
        window.close()
        ctx.runtime.shutdown(grace=2)
        ctx.wait_for_background(3000)
    gateway.stop()


if __name__ == "__main__":
    main()
