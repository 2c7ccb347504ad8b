"""A page as a real browser lays it out on a phone: Chromium (headless) loads the page in a frame
``width`` pixels wide and reports, for each select, the width its chosen option's text needs and
the width it has, and how wide the page turned out. ``--window-size`` is not honoured with
``--dump-dom``, so the page sits in a frame of the phone's width (``srcdoc``: same origin, so
the probe can read it). No page script runs in our pages; the probe is the wrapper's."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
# Chromium draws a select's arrow inside its content box: text wider than the content box
# less this is cut (measured: at 360 px, “Rice, 25 kg sack — PHP 1,350.00” lost its price)
ARROW = 24

_PROBE = """<script>
const f = document.getElementById('f');
f.addEventListener('load', () => {
  const d = f.contentDocument, w = f.contentWindow;
  const pen = document.createElement('canvas').getContext('2d');
  const selects = [];
  for (const s of d.querySelectorAll('select')) {
    const o = s.options[s.selectedIndex];
    if (!o) continue;
    const st = w.getComputedStyle(s);
    pen.font = st.font;
    selects.push({text: o.text, needs: pen.measureText(o.text).width,
      has: s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight)});
  }
  document.body.setAttribute('data-probe', JSON.stringify(
    {selects, page: d.documentElement.scrollWidth, view: w.innerWidth}));
});
</script>"""


@dataclass(frozen=True)
class Layout:
    selects: list[dict]  # {"text", "needs", "has"} per select with a chosen option
    page: int  # the page's width as laid out (wider than ``view``: it scrolls sideways)
    view: int

    def cut(self) -> list[str]:
        """The chosen options whose text does not show whole."""
        return [s["text"] for s in self.selects if s["needs"] + ARROW > s["has"]]


def laid_out(page: str, folder: Path, width: int = 360) -> Layout:
    # tall enough that no scrollbar takes width: a phone's scrollbars float over the page
    wrapper = (
        "<!doctype html><html><body style='margin:0'>"
        f"<iframe id='f' width='{width}' height='4000' style='border:0' "
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>{_PROBE}</body></html>'
    )
    path = folder / "phone.html"
    path.write_text(wrapper, encoding="utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={folder / 'chromium'}",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    dom = done.stdout
    probe = dom.split('data-probe="', 1)[1].split('"', 1)[0]
    found = json.loads(html.unescape(probe))
    return Layout(found["selects"], found["page"], found["view"])
