"""Alembic environment: always run with a connection handed in by storage.db.

The connection is already inside ``storage.db.migrate_schema``'s transaction,
so every migration of an upgrade commits together or not at all (SQLite
supports transactional DDL once the driver's own transaction handling is off,
which storage.db does).
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection, target_metadata=None, render_as_batch=True, transactional_ddl=True
)
with context.begin_transaction():
    context.run_migrations()
