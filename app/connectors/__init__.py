"""Connectors: the code that talks to systems outside Daloy, shared by the step types, the
intake channels and “Test connection” — mail servers (``mailservers``, ``mail_presets``), the
shop platforms' clients (``platforms``), connection tests (``probes``, ``connection_check``),
spreadsheets (``sheets``, kept in memory and saved in batches by ``sheet_files``,
``xlsx_cells``).

A layer between the store and the step types: may import ``app.core`` and ``app.store`` (for
connection settings, the keyring and ``tls_context``); imported by steps, intake, runtime, the
host and the UI. Never Qt.
"""
