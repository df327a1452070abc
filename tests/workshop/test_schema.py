"""Where the database lives and how SQLite is set up: URL resolution, the data folder, pragmas."""

from __future__ import annotations

from pathlib import Path

from storage import WorkshopStore, make_engine, resolve_database_url
from storage.schema import DATABASE_URL_ENV, DEFAULT_SQLITE_PATH


def test_the_url_given_wins_then_the_environment_then_the_data_folder() -> None:
    env = {DATABASE_URL_ENV: "postgresql+psycopg://u:p@db/app"}
    assert resolve_database_url("sqlite:///x.db", env) == "sqlite:///x.db"
    assert resolve_database_url(None, env) == "postgresql+psycopg://u:p@db/app"
    assert resolve_database_url("  ", {DATABASE_URL_ENV: " "}) == f"sqlite:///{DEFAULT_SQLITE_PATH}"
    assert DEFAULT_SQLITE_PATH.parent.name == "data" and DEFAULT_SQLITE_PATH.name == "companion.sqlite3"


def test_sqlite_is_created_on_first_start_with_wal_busy_timeout_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "data" / "nested" / "companion.sqlite3"
    store = WorkshopStore(make_engine(f"sqlite:///{path}"))
    try:
        assert path.is_file()
        with store.engine.connect() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
                for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")
            }
        assert pragma == {"journal_mode": "wal", "busy_timeout": 10_000, "foreign_keys": 1, "synchronous": 2}
    finally:
        store.dispose()
