"""Python's cycle collector while a runtime runs: what the process made before (modules, the
database's tables and compiled statements, the step registry, the window) lives as long as the
runtime, so it is kept out of the collector's sight (``gc.freeze``) until the last runtime of the
process stops.

A full collection walks every object the collector tracks. A runner's start-up leaves some
130,000 of them, and the first orders (a kept spreadsheet's rows, the outside systems' clients)
push the collector into full collections of ~100 ms each: about 1.7 ms of CPU per order over the
first 100 orders of ``tests/benchmarks/order_fulfilment.py``, 0.5 ms over 600. Frozen, they are
still freed by reference counting as before; only a cycle among them that becomes garbage while
the runtime runs waits until it stops, and so does what was garbage already when it started
(not collected first: a full collection then cost ~60 ms of every start and found ~200 objects).
Freezing walks nothing and collects nothing, so it may run on any thread (the desktop app's
collections stay on the GUI thread, ``app.ui.gc_guard``).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_running = 0  # runtimes of this process between start and shutdown


def runtime_started() -> None:
    """A runtime starts: unless another runs already, what is alive now is frozen."""
    global _running
    with _lock:
        _running += 1
        if _running == 1:
            gc.freeze()


def runtime_stopped() -> None:
    """The last runtime stopped: everything is the collector's again."""
    global _running
    with _lock:
        _running = max(0, _running - 1)
        if _running == 0:
            gc.unfreeze()
