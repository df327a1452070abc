#!/usr/bin/env bash
# Set up and start the app with its demo content: http://localhost:8501
# Workshop mode works out of the box: without a configured instructor passcode, one is generated once
# and kept in data/instructor-passcode (git-ignored, readable by you only); every start prints a
# one-time instructor sign-in link, as Jupyter prints its token link.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
PORT="${PORT:-8501}"
ADDRESS="${ADDRESS:-0.0.0.0}"
if [ -z "${COMPANION_INSTRUCTOR_PASSCODE:-}" ] \
  && ! grep -Eqs '^[[:space:]]*instructor_passcode[[:space:]]*=' .streamlit/secrets.toml; then
  mkdir -p data
  if [ ! -s data/instructor-passcode ]; then
    (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(18))' >data/instructor-passcode)
  fi
  COMPANION_INSTRUCTOR_PASSCODE="$(cat data/instructor-passcode)"
  export COMPANION_INSTRUCTOR_PASSCODE
  echo "  Instructor passcode (generated, for other devices): see data/instructor-passcode"
fi
.venv/bin/python scripts/instructor_link.py --port "$PORT" || true
exec .venv/bin/python -m streamlit run app.py --server.address="$ADDRESS" --server.port="$PORT" "$@"
