#!/usr/bin/env bash
# Set up and start the app with its demo content: http://localhost:8501
# Workshop mode works out of the box: without a configured instructor passcode, one is generated once
# and kept in data/instructor-passcode (git-ignored, readable by you only); every start prints a
# one-time instructor sign-in link, as Jupyter prints its token link.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
# The PDF handouts embed DejaVu Sans (Debian's fonts-dejavu-core/-extra); without it the app still runs and
# its PDF buttons say which package to install. Install it here when we can (root on Debian), as CI does.
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-dejavu-extra >/dev/null; } \
    || echo "Could not install fonts-dejavu-core: the PDF downloads stay off until it is installed." >&2
fi
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
