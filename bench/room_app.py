"""Entry point for ``bench/room_load.py``: the app's own pages, plus one page that shares a team result.

The calculators' pages get the "Share with my workshop" panel when they are wired to ``ui.share``;
until then this page stands in for one, sharing a preset team's real summary through the same panel.
``room_load.py`` runs a copy of this file from a temp folder beside a link to ``pages/``, with the
repository as the working directory, so page paths and links resolve as in ``app.py``.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.getcwd())

import streamlit as st  # noqa: E402

from content_logic.team import assess_inputs, preset_inputs, room_summary  # noqa: E402
from ui.i18n import language_switch, t  # noqa: E402
from ui.routes import ROUTES  # noqa: E402
from ui.share import share_panel  # noqa: E402

SHARE_PAGE = "bench-share"
"""URL path of the stand-in calculator page."""


@st.cache_resource(show_spinner=False)
def _team_summary() -> dict[str, object]:
    return room_summary(assess_inputs(preset_inputs("shelf_team")))


def _share() -> None:
    st.title(t("team.nav_title"))
    share_panel("team", _team_summary(), None)


st.set_page_config(page_title="Content Logic Companion (load bench)", layout="wide")
language_switch()
pages = [
    st.Page(route.file, title=t(route.title_key), url_path=route.url_path, default=route.url_path == "home")
    for route in ROUTES
]
pages.append(st.Page(_share, title="Share", url_path=SHARE_PAGE))
st.navigation(pages).run()
