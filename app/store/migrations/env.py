"""Alembic environment: runs on the connection Daloy hands over (``config.attributes``)."""

from alembic import context
from sqlalchemy import Connection, create_engine

from app.store.models import Base, partial_indexes_for_postgresql

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        url = config.get_main_option("sqlalchemy.url")
        if url is None:  # only Alembic's own command line comes here without a connection
            raise SystemExit("alembic.ini names no sqlalchemy.url to migrate.")
        engine = create_engine(url)
        with engine.begin() as conn:
            migrate(conn)
        return
    migrate(conn)


def migrate(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        partial_indexes_for_postgresql()  # the models' metadata as PostgreSQL has it
    context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
    context.run_migrations()


run()
