"""The step editor with a 500-step, 600-connection workflow: time to open, time per frame while
panning and zooming, memory.

    python tests/benchmarks/editor.py
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.model import Edge, Step, Workflow  # noqa: E402
from app.steps import registry  # noqa: E402
from app.ui.editor.document import WorkflowDocument  # noqa: E402
from app.ui.editor.scene import EditorScene, layered_layout  # noqa: E402
from app.ui.editor.widgets import CanvasView  # noqa: E402


def big_workflow(n: int = 500, edges: int = 600, seed: int = 5) -> Workflow:
    rng = random.Random(seed)
    steps = [Step(f"s{i}", "transform", {"values": {"i": i}}) for i in range(n)]
    es = {Edge(f"s{i}", "out", f"s{i + 1}") for i in range(n - 1)}
    while len(es) < edges:
        a, b = sorted(rng.sample(range(n), 2))
        es.add(Edge(f"s{a}", "out", f"s{b}"))
    return Workflow("big", steps, sorted(es, key=lambda e: (e.source, e.target)))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    app = QApplication.instance() or QApplication([])
    before = rss_mb()
    wf = big_workflow()
    t0 = time.perf_counter()
    doc = WorkflowDocument(wf)
    for s, p in layered_layout(doc).items():
        wf.step(s).position = p
    scene = EditorScene(doc, registry().specs)
    view = CanvasView()
    view.setScene(scene)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    opened = time.perf_counter() - t0
    frames = []
    for i in range(60):
        t = time.perf_counter()
        if i % 2:
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
        else:
            view.zoom(1.05 if i % 4 else 1 / 1.05)
        view.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - t)
    frames.sort()
    print(
        f"500 steps / {len(wf.edges)} connections: open {opened * 1000:.0f} ms; "
        f"frame while panning/zooming median {frames[30] * 1000:.1f} ms, "
        f"p95 {frames[56] * 1000:.1f} ms; memory +{rss_mb() - before:.0f} MB"
    )


if __name__ == "__main__":
    main()
