"""Daloy: every order, whatever the channel, runs one workflow; people touch only the exceptions.

Layers (imports point down only): ui > host (app.host, the cli) > runtime > intake > steps >
store (and secrets) > core. ``app.host`` assembles the app for the window, the runner and the
command line; nothing outside ``app.ui`` imports Qt. The map: docs/ARCHITECTURE.md.
"""

__version__ = "0.1.0"
