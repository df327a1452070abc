#!/usr/bin/env bash
# Set up and start the app with its demo content: http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py --server.address="${ADDRESS:-0.0.0.0}" --server.port="${PORT:-8501}" "$@"
