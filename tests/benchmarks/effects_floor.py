"""The least the order workflow's four outside effects can cost, with no Daloy code at all,
beside the engine's 5-step transform chain in the same run: the floor under
``order_fulfilment.py``'s ``fulfilment_vs_chain_runs_ratio``.

    python tests/benchmarks/effects_floor.py [--orders 300] [--rows 5000]

Each effect is done the plainest way its library allows, against the same real servers in a
process of their own (``outside_servers.py``), CPU measured in this process alone
(``time.process_time``):

- the charge: one JSON POST with an idempotency key (httpx: one client, a new connection per
  request, as Daloy makes it; and over one kept connection, the cheapest HTTP can be);
- the warehouse message: one JSON POST (the same two ways);
- the confirmation: one plain-text email (``email.message.EmailMessage``) sent over SMTP with a
  login (smtplib; a new connection, and one kept connection);
- the stock update: one cell of a ``--rows``-row xlsx changed and saved by Daloy's own
  kept-sheet save (``sheet_files``, as ``sheet_saves.py`` drives it): no plain way is cheaper
  (deflating the sheet again whole costs more than twice as much here).

An order can go no faster than the chain's CPU ÷ its effects' CPU allows, whatever the engine
does: that is the last line, ``effects_floor_ratio_ceiling``.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import sys
import tempfile
import time
from collections.abc import Callable, Collection
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")

import httpx  # noqa: E402

from app.connectors import sheet_files  # noqa: E402
from tests.benchmarks.engine import drain  # noqa: E402
from tests.benchmarks.order_fulfilment import stock_sheet  # noqa: E402
from tests.benchmarks.outside_servers import SMTP_PASSWORD, SMTP_USER, OutsideServers  # noqa: E402
from tests.benchmarks.sheet_saves import take_one  # noqa: E402


def cpu_ms(n: int, once: Callable[[int], object]) -> float:
    """This process's CPU per call of ``once``, in ms (after one call not counted)."""
    once(-1)
    c0 = time.process_time()
    for i in range(n):
        once(i)
    return 1000 * (time.process_time() - c0) / n


def http_posts(url: str, client: httpx.Client) -> Callable[[int], object]:
    def post(i: int) -> object:
        body = {"amount": 95, "currency": "PHP", "customer": "b@example.com", "order": str(i)}
        headers = {"Idempotency-Key": f"floor-{time.time_ns()}-{i}"}
        r = client.post(url, json=body, headers=headers)
        r.raise_for_status()
        return r.json()

    return post


def emails(port: int, kept: smtplib.SMTP | None) -> Callable[[int], object]:
    def send(i: int) -> object:
        msg = EmailMessage()
        msg["From"] = "shop@example.com"
        msg["To"] = "b@example.com"
        msg["Subject"] = f"Order {i} confirmed"
        msg.set_content(f"Hi Bench,\n\nThank you for order {i}.\n\nShipping now:\n1 x Sardines\n")
        if kept is not None:
            return kept.send_message(msg)
        with smtplib.SMTP("127.0.0.1", port, timeout=20) as smtp:
            smtp.login(SMTP_USER, SMTP_PASSWORD)
            return smtp.send_message(msg)

    return send


def stock_saves(path: Path) -> Callable[[int], object]:
    """One order's line taken off the stock by Daloy's own kept-sheet save (``sheet_files``:
    only the changed cell's XML deflated again, the record of applied keys beside it; cheaper
    than any plain re-zip of the sheet), the database's answer to "which orders are finished"
    stood in for as in ``sheet_saves.py``."""
    sheet = sheet_files.sheet_file(str(path))
    saved: set[str] = set()

    def finished(keys: Collection[str]) -> tuple[set[str], set[str]]:
        return {k for k in keys if k in saved}, set()

    def save(i: int) -> object:
        key = f"daloy-{i + 10**9:032x}-update_stock"
        result = sheet.apply_once(None, key, take_one, finished)
        saved.add(key)
        return result

    return save


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=300)
    ap.add_argument("--rows", type=int, default=5000)
    args = ap.parse_args()
    n = args.orders
    with tempfile.TemporaryDirectory() as tmp:
        chain = drain(Path(tmp) / "chain", 1000, 4)
        servers = OutsideServers()
        try:
            sheet = Path(tmp) / "inventory.xlsx"
            stock_sheet(sheet, args.rows, 1000)
            limits = httpx.Limits(max_connections=None, max_keepalive_connections=0)
            with (
                httpx.Client(timeout=20, limits=limits) as fresh_http,
                httpx.Client(timeout=20) as kept_http,
                smtplib.SMTP("127.0.0.1", servers.smtp_port, timeout=20) as kept_smtp,
            ):
                kept_smtp.login(SMTP_USER, SMTP_PASSWORD)
                charge = f"{servers.gateway}/charges"
                warehouse = f"{servers.sink}/w"
                fresh = {
                    "charge": cpu_ms(n, http_posts(charge, fresh_http)),
                    "warehouse message": cpu_ms(n, http_posts(warehouse, fresh_http)),
                    "confirmation email": cpu_ms(n, emails(servers.smtp_port, None)),
                    "stock update": cpu_ms(n, stock_saves(sheet)),
                }
                kept = {
                    "charge": cpu_ms(n, http_posts(charge, kept_http)),
                    "warehouse message": cpu_ms(n, http_posts(warehouse, kept_http)),
                    "confirmation email": cpu_ms(n, emails(servers.smtp_port, kept_smtp)),
                    "stock update": fresh["stock update"],
                }
        finally:
            servers.stop()
    chain_ms = chain["cpu_ms_per_run"]
    print(f"transform chain: runs/s={chain['runs_per_s']:.1f} cpu={chain_ms:.2f}ms per run")
    print(f"an order's CPU at a ratio of 0.3: {chain_ms / 0.3:.2f}ms, the engine's part included")
    for title, costs in (("new connections, as Daloy", fresh), ("kept connections", kept)):
        total = sum(costs.values())
        each = ", ".join(f"{k} {v:.2f}ms" for k, v in costs.items())
        print(
            f"the four effects alone, {title}: {each}; {total:.2f}ms an order; "
            f"the ratio could be at most {chain_ms / total:.3f}"
        )
    best = sum(kept.values())
    print(f"effects_floor_ratio_ceiling={chain_ms / best:.3f}")


if __name__ == "__main__":
    main()
