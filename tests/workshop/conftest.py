"""One store fixture over both backends: SQLite in a temp file, PostgreSQL in a schema of its own.

PostgreSQL comes from ``$TEST_DATABASE_URL`` (``scripts/test.sh`` starts the server and sets it).
Unset outside CI, the PostgreSQL half is skipped with the reason; in CI (``$CI`` set) an unset or
unreachable server fails the tests, so CI never passes without having run them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError

from storage import WorkshopStore, make_engine
from storage.schema import ALL_TABLES

POSTGRES_URL_ENV = "TEST_DATABASE_URL"
CI_ENV = "CI"


@dataclass(frozen=True)
class Backend:
    """Where one test's database lives: a URL, plus the PostgreSQL schema holding its tables."""

    name: str
    url: str
    pg_schema: str | None = None

    def open(self) -> WorkshopStore:
        """A fresh store (own engine and pool) on this test's database, like a restarted app."""
        return WorkshopStore(make_engine(self.url, pg_schema=self.pg_schema))


def _postgres_backend() -> Iterator[Backend]:
    url = os.environ.get(POSTGRES_URL_ENV, "").strip()
    if not url:
        if os.environ.get(CI_ENV):
            pytest.fail(
                f"{CI_ENV} is set but {POSTGRES_URL_ENV} is not: run scripts/test.sh, which starts PostgreSQL"
            )
        pytest.skip(f"set {POSTGRES_URL_ENV} (scripts/test.sh does, as root) to run the PostgreSQL half")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin.dispose()
        pytest.fail(f"PostgreSQL at {POSTGRES_URL_ENV} is unreachable: {error}")
    try:
        yield Backend("postgres", url, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The database for one test, on each backend in turn."""
    if request.param == "sqlite":
        yield Backend("sqlite", f"sqlite:///{tmp_path / 'data' / 'companion.sqlite3'}")
    else:
        yield from _postgres_backend()


@pytest.fixture
def store(backend: Backend) -> Iterator[WorkshopStore]:
    """A store on this test's database, its connections closed afterwards."""
    opened = backend.open()
    yield opened
    opened.dispose()


@pytest.fixture
def new_id() -> Callable[[], str]:
    """Client-side submission ids, as a page would make them."""
    return lambda: str(uuid.uuid4())


def row_counts(store: WorkshopStore) -> dict[str, int]:
    """Rows in every workshop table, to show an action changed nothing (or removed everything)."""
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in ALL_TABLES}
