"""Demo teams a presenter can pick: a typical shelf team, a solo founder, content-first, agency-dependent."""

from __future__ import annotations

from typing import Literal, get_args

from content_logic.i18n import Language, translate
from content_logic.team.models import AnswerInputs, RosterRow, TeamInputs

DemoId = Literal["shelf_team", "solo_founder", "content_first", "agency_dependent"]
"""The demo teams, in the order the page offers them."""

DEMO_IDS: tuple[DemoId, ...] = get_args(DemoId)

_ROSTERS: dict[DemoId, tuple[tuple[str, float], ...]] = {
    # Lesson 4's busy marketplace team: shop, logistics, outreach and ads, nobody on content.
    "shelf_team": (
        ("founder", 1), ("store_operator", 3), ("customer_service", 2), ("logistics", 1),
        ("supply_chain", 1), ("influencer_manager", 2), ("paid_media_buyer", 1),
    ),
    # One person doing everything a little.
    "solo_founder": (("founder", 1),),
    # The team lesson 4 recommends, small: direction, scripts, faces, editing, outreach, a lean shop.
    "content_first": (
        ("founder", 1), ("content_director", 1), ("scriptwriter", 1), ("on_camera_talent", 2),
        ("videographer_editor", 2), ("influencer_manager", 1), ("store_operator", 1), ("logistics", 1),
    ),
    # Content and ads bought from an agency; the shop runs in-house ("other" role added below).
    "agency_dependent": (("founder", 1), ("store_operator", 1), ("customer_service", 1), ("logistics", 1)),
}  # fmt: skip

_AGENCY_COVERS = (
    "scripting",
    "filming_editing",
    "on_camera",
    "paid_media",
    "influencer_briefing",
    "affiliate_ops",
)
"""What the agency in the agency-dependent preset does for the team (it doesn't direct or diagnose)."""

_ANSWERS: dict[DemoId, AnswerInputs] = {
    "shelf_team": AnswerInputs(
        explain_views_no_sales="no",
        winner_replicated="no",
        founder_content_hours=1,
        founder_networking_hours=15,
    ),
    "solo_founder": AnswerInputs(
        explain_views_no_sales="partly",
        winner_replicated="no_winner_yet",
        founder_content_hours=6,
        founder_networking_hours=6,
    ),
    "content_first": AnswerInputs(
        explain_views_no_sales="yes",
        winner_replicated="yes",
        founder_content_hours=12,
        founder_networking_hours=3,
    ),
    "agency_dependent": AnswerInputs(
        explain_views_no_sales="no",
        winner_replicated="no",
        founder_content_hours=2,
        founder_networking_hours=10,
    ),
}
"""Each preset's answers to the diagnostic questions, typical of that kind of team."""


def demo_inputs(demo_id: str, lang: Language = "en") -> TeamInputs:
    """The demo team's roster rows and answers, with default assumptions; free names in ``lang``.

    ``KeyError`` for an id not in ``DEMO_IDS``."""
    preset = next(d for d in DEMO_IDS if d == demo_id) if demo_id in DEMO_IDS else None
    if preset is None:
        raise KeyError(demo_id)
    rows = [RosterRow(role=role, headcount=count) for role, count in _ROSTERS[preset]]
    if preset == "agency_dependent":
        name = translate("team.preset_agency_name", lang)
        rows.append(RosterRow(role="other", headcount=1, name=name, capabilities=_AGENCY_COVERS))
    return TeamInputs(rows=tuple(rows), answers=_ANSWERS[preset])
