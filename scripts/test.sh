#!/usr/bin/env bash
# Set up everything the tests need, then run every check: lint, types, lesson files, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
scripts/system-deps.sh
export PATH="$PWD/.venv/bin:$PATH"
ruff check .
ruff format --check .
mypy content_logic
python -m content_logic lessons check lessons/
python -m pytest "$@"
