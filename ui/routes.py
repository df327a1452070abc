"""The app's screens as data: ``app.py`` builds ``st.navigation`` from this list, the home page its map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Section = Literal["learn", "calculators", "workshop"]


@dataclass(frozen=True)
class Route:
    """One screen: its file under ``pages/``, URL, menu section, and title/summary string keys."""

    file: str
    url_path: str
    section: Section
    title_key: str
    icon: str
    summary_key: str | None = None
    """One line on what the screen answers, shown on the home page's course map."""
    hidden: bool = False
    """Routable but not in the menu (for example a presenter-only screen)."""


HOME = Route("pages/home.py", "home", "learn", "nav.home", ":material/map:")
LESSON = Route("pages/lesson.py", "lesson", "learn", "nav.lesson", ":material/menu_book:")
GLOSSARY = Route("pages/glossary.py", "glossary", "learn", "nav.glossary", ":material/dictionary:")
PLAN = Route("pages/plan.py", "plan", "learn", "plan.nav_title", ":material/checklist:", "plan.summary")

ROUTES: list[Route] = [
    HOME,
    LESSON,
    GLOSSARY,
    PLAN,
    Route(
        "pages/channels.py",
        "channels",
        "calculators",
        "channels.nav_title",
        ":material/monitoring:",
        "channels.summary",
    ),
    Route("pages/team.py", "team", "calculators", "team.nav_title", ":material/groups:", "team.summary"),
    Route(
        "pages/funnel.py",
        "funnel",
        "calculators",
        "funnel.nav_title",
        ":material/filter_alt:",
        "funnel.summary",
    ),
    Route("pages/join.py", "join", "workshop", "room.nav_join", ":material/login:"),
    Route("pages/instructor.py", "instructor", "workshop", "room.nav_instructor", ":material/key:"),
    Route(
        "pages/presenter.py",
        "presenter",
        "workshop",
        "room.nav_presenter",
        ":material/slideshow:",
        hidden=True,
    ),
    Route("pages/room.py", "room", "workshop", "room.nav_room", ":material/monitoring:", hidden=True),
    Route("pages/audience.py", "audience", "workshop", "room.nav_audience", ":material/cast:", hidden=True),
]
"""Only screens that work are listed; each issue adds its own."""

CALCULATOR_ROUTES: dict[str, Route] = {r.url_path: r for r in ROUTES if r.section == "calculators"}
"""Calculator id (``channels``, ``team``, ``funnel``) to its screen, for lesson "try it" links."""
