#!/usr/bin/env bash
# Set up everything the tests need, then run every check: lint, types, lesson files, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
scripts/system-deps.sh
export PATH="$PWD/.venv/bin:$PATH"
ruff check .
ruff format --check .
mypy content_logic storage
python -m content_logic lessons check lessons/
# The storage tests run on SQLite and on a real PostgreSQL (tests/workshop/conftest.py reads this URL).
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    TEST_DATABASE_URL="$(scripts/start-postgres.sh)"
    export TEST_DATABASE_URL
  else
    echo "No PostgreSQL for the storage tests: run as root (scripts/start-postgres.sh installs and starts it)" \
      "or set TEST_DATABASE_URL. Outside CI its tests are skipped; in CI they fail." >&2
  fi
fi
python -m pytest "$@"
