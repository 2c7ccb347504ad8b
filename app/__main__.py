"""``python -m app`` is the same as the ``daloy`` command."""

from app.cli import main

raise SystemExit(main())
