"""Storage: SQLAlchemy models, the database connection (SQLite by default), Alembic migrations
and the repositories that read and write runs, workflows, the inbox and the audit trail.

The only package that knows SQL. May import ``app.core``; never Qt.
"""
