"""The outside world of the order workflow (payment gateway, warehouse webhook sink, SMTP sink:
the real test servers of ``tests/support``) in a process of its own, as real ones are: inside the
benchmark's process they would compete with the runner for its GIL.

    python tests/benchmarks/outside_servers.py

prints one JSON line ``{"gateway": url, "sink": url, "smtp_port": port}`` once all three listen
on free 127.0.0.1 ports, and stops them when its standard input closes. ``OutsideServers`` starts
and stops it from a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SMTP_USER, SMTP_PASSWORD = "shop", "pw"


class OutsideServers:
    """The servers in a child process; ``gateway``, ``sink`` (base URLs) and ``smtp_port``."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("the outside servers' process stopped before it listened")
        where: dict[str, Any] = json.loads(line)
        self.gateway: str = where["gateway"]
        self.sink: str = where["sink"]
        self.smtp_port: int = where["smtp_port"]

    def stop(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()  # the child's signal to stop
        self._proc.wait(timeout=30)


def serve() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.support.http_servers import PaymentGateway, WebhookSink
    from tests.support.smtp import SmtpSink

    gateway, sink = PaymentGateway().start(), WebhookSink().start()
    smtp = SmtpSink(SMTP_USER, SMTP_PASSWORD).start()
    print(json.dumps({"gateway": gateway.url, "sink": sink.url, "smtp_port": smtp.port}))
    sys.stdout.flush()
    sys.stdin.read()  # until the benchmark closes our standard input (or dies)
    for server in (gateway, sink, smtp):
        server.stop()


if __name__ == "__main__":
    serve()
