"""The runtime: an APScheduler host that dispatches ready steps to a bounded thread pool, turns
stored retry and wait times into scheduler jobs, and (later) runs the intake channels.
May import store, core, steps and intake; never Qt.
"""
