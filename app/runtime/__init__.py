"""The runtime: an APScheduler host that dispatches ready steps to a bounded thread pool, turns
stored retry and wait times into scheduler jobs, and runs the intake channels and other
extensions (presence, daily backups) that ``app.host`` adds.
May import store, core, steps and intake; never Qt.
"""
