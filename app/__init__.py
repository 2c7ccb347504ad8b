"""Daloy: every order, whatever the channel, runs one workflow; people touch only the exceptions.

Layers (imports point down only): ui -> runtime -> intake -> steps -> core; store beside core.
Nothing outside ``app.ui`` imports Qt.
"""

__version__ = "0.1.0"
