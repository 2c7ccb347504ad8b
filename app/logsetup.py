"""Logging: a rotating file in the data folder plus stderr. Engine records carry the run id and
step name. Secrets never reach a log: they are only ever held by ``app.secrets``, and every
record passes ``app.core.redact.LogFilter`` (known secret values, Authorization headers,
``token=``…) before a handler writes it, whichever library logged it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.core.redact import LogFilter


class _RunFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        run = getattr(record, "run_id", None)
        step = getattr(record, "step", None)
        record.where = f" [run {run} step {step}]" if run else ""
        return super().format(record)


def log_file(data_dir: Path) -> Path:
    """Where the log of the Daloy working in ``data_dir`` is written (its older parts beside it)."""
    return data_dir / "logs" / "daloy.log"


def configure(data_dir: Path | None, verbose: bool = False, stderr: bool = True) -> None:
    root = logging.getLogger()
    if getattr(root, "_daloy_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = _RunFormatter("%(asctime)s %(levelname)s %(name)s%(where)s: %(message)s")
    if data_dir is not None:
        log_file(data_dir).parent.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(
            log_file(data_dir), maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        fh.setFormatter(fmt)
        fh.addFilter(LogFilter())
        root.addHandler(fh)
    if stderr:
        sh = logging.StreamHandler()
        sh.setFormatter(fmt)
        sh.setLevel(logging.DEBUG if verbose else logging.WARNING)
        sh.addFilter(LogFilter())
        root.addHandler(sh)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    root._daloy_configured = True  # type: ignore[attr-defined]
