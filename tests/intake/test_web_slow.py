"""Slow clients (issue 11): a hundred connections trickling headers byte by byte, or just held
open, do not keep valid orders out; a client that takes too long to send one request is cut
off. Loopback only, bounded, everything stopped at the end. Figures are printed, not asserted
beyond the issue's "within a second" with a wide margin (5 s) for a busy test machine."""

from __future__ import annotations

import socket
import statistics
import threading
import time

import httpx

from app.intake.web import ensure_token
from tests.intake.web_support import running, runs

SLOW = 100
ORDERS = 10
REQUEST = (
    b"POST /hook/orders/shop HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 2\r\n" + b"X-Pad: x\r\n" * 200
)


def trickle(port: int, stop: threading.Event, opened: threading.Event) -> None:
    """Open SLOW connections; half send their headers a byte at a time, half only hold."""
    socks = []
    try:
        for _ in range(SLOW):
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        opened.set()
        sent = 0
        while not stop.is_set() and sent < len(REQUEST):
            for s in socks[: SLOW // 2]:
                try:
                    s.send(REQUEST[sent : sent + 1])
                except OSError:
                    pass  # cut off by the server: that is its right
            sent += 1
            stop.wait(0.02)
    finally:
        opened.set()
        for s in socks:
            s.close()


def test_a_hundred_slow_clients_do_not_keep_orders_out(store):
    with running(store, {"shop": {"auth": "token"}}) as web:
        token = ensure_token("orders", "shop")
        stop, opened = threading.Event(), threading.Event()
        feeder = threading.Thread(target=trickle, args=(web.port, stop, opened), daemon=True)
        feeder.start()
        try:
            assert opened.wait(30)
            took = []
            with httpx.Client(timeout=5) as client:  # a fresh connection for each order
                for n in range(ORDERS):
                    start = time.perf_counter()
                    r = client.post(
                        f"{web.url}/hook/orders/shop",
                        json={"order": {"n": n}},
                        headers={"Authorization": f"Bearer {token}", "Connection": "close"},
                    )
                    took.append(time.perf_counter() - start)
                    assert r.status_code == 201
            alive = feeder.is_alive()
        finally:
            stop.set()
            feeder.join(10)
    print(
        f"\n{ORDERS} orders beside {SLOW} slow clients: p50 "
        f"{statistics.median(took) * 1000:.0f} ms, max {max(took) * 1000:.0f} ms"
    )
    assert alive, "the slow clients were still connected while the orders went in"
    assert max(took) < 5 and runs(store) == ORDERS


def test_a_sender_trickling_one_request_is_cut_off_at_the_deadline(store):
    with running(store, {"shop": {"auth": "token"}}, request_deadline=2) as web:
        s = socket.create_connection(("127.0.0.1", web.port), timeout=0.2)
        started = time.monotonic()
        closed = False
        try:
            for byte in REQUEST * 10:
                try:
                    s.send(bytes([byte]))
                    if s.recv(1024) == b"":  # the server hung up
                        closed = True
                        break
                except TimeoutError:
                    continue  # nothing to read yet: keep trickling
                except OSError:
                    closed = True
                    break
                if time.monotonic() - started > 20:
                    break
        finally:
            s.close()
        assert closed, "a sender trickling bytes kept its connection beyond the deadline"
        print(f"\ntrickling sender cut off after {time.monotonic() - started:.1f} s (deadline 2 s)")
