"""The app's screens as data: ``app.py`` builds ``st.navigation`` from this list, the home page its map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from content_logic.calculator import CALCULATOR_IDS, CalculatorId

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

CALCULATOR_ICONS: dict[CalculatorId, str] = {
    "channels": ":material/monitoring:",
    "team": ":material/groups:",
    "funnel": ":material/filter_alt:",
}
"""Each calculator's menu icon."""


def _calculator(calculator: CalculatorId) -> Route:
    """A calculator's screen: ``pages/<id>.py`` at ``/<id>``, its strings in ``<id>.toml``."""
    return Route(
        f"pages/{calculator}.py",
        calculator,
        "calculators",
        f"{calculator}.nav_title",
        CALCULATOR_ICONS[calculator],
        f"{calculator}.summary",
    )


CALCULATOR_ROUTES: dict[CalculatorId, Route] = {c: _calculator(c) for c in CALCULATOR_IDS}
"""Calculator id (``channels``, ``team``, ``funnel``) to its screen, for lesson "try it" links."""

JOIN = Route("pages/join.py", "join", "workshop", "room.nav_join", ":material/login:")
INSTRUCTOR = Route("pages/instructor.py", "instructor", "workshop", "room.nav_instructor", ":material/key:")
PRESENTER = Route(
    "pages/presenter.py", "presenter", "workshop", "room.nav_presenter", ":material/slideshow:", hidden=True
)
ROOM = Route("pages/room.py", "room", "workshop", "room.nav_room", ":material/monitoring:", hidden=True)
AUDIENCE = Route(
    "pages/audience.py", "audience", "workshop", "room.nav_audience", ":material/cast:", hidden=True
)

ROUTES: list[Route] = [HOME, LESSON, *CALCULATOR_ROUTES.values(), JOIN, INSTRUCTOR, PRESENTER, ROOM, AUDIENCE]
"""Every screen, in menu order: the one list (``app.py`` navigates it; links use the names above)."""
