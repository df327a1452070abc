"""Workshop mode's storage: the tables, the engine (SQLite or PostgreSQL) and every read and write.

The rules the stored data follows (codes, payload checks, summary models, the board) live in
``content_logic.workshop``; this package is the SQL around them and the only place that reads the
database URL from the environment.
"""

from storage.schema import DATABASE_URL_ENV, make_engine, resolve_database_url
from storage.store import WorkshopStore

__all__ = ["DATABASE_URL_ENV", "WorkshopStore", "make_engine", "resolve_database_url"]
