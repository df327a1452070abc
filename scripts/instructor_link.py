"""Print a one-time instructor sign-in link for this app (``scripts/run.sh`` runs it on start).

Usage: ``python scripts/instructor_link.py [--port 8501] [--host localhost]``. Reads the passcode
from ``$COMPANION_INSTRUCTOR_PASSCODE`` or ``.streamlit/secrets.toml``; prints nothing useful and
exits 1 when neither has one.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content_logic.workshop.access import issue_signin_link_token  # noqa: E402

SECRETS = ROOT / ".streamlit" / "secrets.toml"


def configured_passcode() -> str:
    """The passcode the app will use: the environment wins over secrets, as in the app."""
    passcode = (os.environ.get("COMPANION_INSTRUCTOR_PASSCODE") or "").strip()
    if passcode or not SECRETS.is_file():
        return passcode
    try:
        return str(tomllib.loads(SECRETS.read_text()).get("instructor_passcode") or "").strip()
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", default="8501")
    parser.add_argument("--host", default="localhost")
    args = parser.parse_args()
    passcode = configured_passcode()
    if not passcode:
        sys.stderr.write("No instructor passcode is configured: workshop mode stays closed.\n")
        return 1
    token = issue_signin_link_token(passcode, time.time())
    link = f"http://{args.host}:{args.port}/instructor?{urlencode({'signin': token})}"
    sys.stdout.write(
        "\n  Workshop mode: open this one-time link on this computer to sign in as the instructor:\n"
        f"    {link}\n"
        "  (It works once; on another device, use the passcode. A new link is printed on every start.)\n\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
