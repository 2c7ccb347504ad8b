"""The desktop app (PySide6): main window, tray notifier, exceptions inbox, runs, connections and
the visual step editor. The only package that imports Qt. Widgets talk to the engine through
``AppContext``: reads and actions run off the GUI thread; engine events arrive as queued signals.
"""
