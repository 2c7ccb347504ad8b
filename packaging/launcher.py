"""Entry point of the frozen app: the same as the ``daloy`` command."""

import multiprocessing
import os
import sys

# The Linux build's ICU data file (packaging/icu_data.py), found before Qt first asks ICU.
_icu = os.path.join(getattr(sys, "_MEIPASS", ""), "icu")
if getattr(sys, "frozen", False) and os.path.isdir(_icu):
    os.environ["ICU_DATA"] = _icu

from app.cli import main  # noqa: E402

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
