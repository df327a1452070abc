"""What a share shows before it is sent, its identity, and saved lesson progress (round trip, merge)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.i18n import translate
from content_logic.workshop.sharing import (
    merge_progress,
    progress_from_json,
    progress_to_json,
    share_fingerprint,
    summary_lines,
)

SELF_VIDEO_ES = translate("channels.name.self_video", "es")
"""The channels calculator's own name for the channel (its catalog, its wording)."""

CHANNELS = {
    "has_stable_short_video": True,
    "stable_channels": ["self_video", "product_card"],
    "verdicts": {"self_video": "stable", "influencer": "volatile"},
    "warnings": ["spike", "single_creator"],
    "safe_weekly_demand": 1238.4,
}
TEAM = {
    "headline_gap": "founder_oversight",
    "critical_gaps": ["founder_oversight", "content_direction"],
    "content_ratio": 0.25,
    "coverage": {"content_direction": 20, "paid_media": 100},
}
FUNNEL = {"bottleneck": "retention", "bottlenecks": {"attention": 0, "retention": 2}, "videos": 3}


@pytest.mark.parametrize(
    ("kind", "summary", "lang", "expected"),
    [
        (
            "channels",
            CHANNELS,
            "en",
            [
                ("Stable short-video channel", "yes"),
                ("Stable channels", "Own video, Product card"),
                ("Verdict per channel", "Own video: Stable; Creators: Volatile"),
                ("Warnings", "one-off spike, one creator dominates"),
                ("Safe weekly demand (orders)", "1,238.4"),
            ],
        ),
        (
            "channels",
            CHANNELS,
            "es",
            [
                ("Canal de video corto estable", "sí"),
                ("Canales estables", f"{SELF_VIDEO_ES}, Tarjeta de producto"),
                ("Veredicto por canal", f"{SELF_VIDEO_ES}: Estable; Creadores: Volátil"),
                ("Avisos", "pico puntual, un creador lo acapara todo"),
                ("Demanda semanal segura (pedidos)", "1.238,4"),
            ],
        ),
        (
            "team",
            TEAM,
            "en",
            [
                ("Headline gap", "Founder oversight of content"),
                ("Critical gaps", "Founder oversight of content, Content direction"),
                ("Content share of the team", "25%"),
                ("Coverage per capability", "Content direction: 20%; Paid media: 100%"),
            ],
        ),
        (
            "funnel",
            FUNNEL,
            "es",
            [
                ("Cuello de botella", "Retención"),
                ("Videos por cuello de botella", "Retención: 2"),
                ("Videos analizados", "3"),
            ],
        ),
        (
            "team",
            {"headline_gap": None, "critical_gaps": []},
            "en",
            [("Headline gap", "none"), ("Critical gaps", "none")],
        ),
        (
            "funnel",
            {"bottleneck": "hook", "extra": {"a": [1, 2]}},
            "en",
            [("Bottleneck", "hook"), ("extra", '{"a": [1, 2]}')],
        ),
    ],
)
def test_summary_lines_show_every_field_readably(
    kind: str, summary: dict[str, Any], lang: str, expected: list[tuple[str, str]]
) -> None:
    lines = summary_lines(kind, summary, lang)  # type: ignore[arg-type]
    assert [(line.label, line.value) for line in lines] == expected
    assert [line.field for line in lines] == list(summary)  # nothing sent is left out


def test_a_share_keeps_its_identity_until_what_would_be_sent_changes() -> None:
    first = share_fingerprint("team", TEAM, None)
    assert first == share_fingerprint("team", dict(reversed(list(TEAM.items()))), None)
    assert first != share_fingerprint("team", TEAM, {"rows": []})
    assert first != share_fingerprint("team", {**TEAM, "content_ratio": 0.3}, None)
    assert first != share_fingerprint("channels", TEAM, None)


_lesson_ids = st.sampled_from(["shelf-vs-feed", "five-channels", "stock-up-trap"])
_record = st.fixed_dictionaries(
    {
        "read": st.booleans(),
        "answers": st.dictionaries(st.integers(0, 5), st.integers(0, 5), max_size=4),
    }
)
_progress = st.dictionaries(_lesson_ids, _record, max_size=3)


@given(_progress)
def test_progress_survives_the_json_round_trip(progress: dict[str, dict[str, Any]]) -> None:
    assert progress_from_json(progress_to_json(progress)) == progress


@given(_progress, _progress)
def test_merging_keeps_every_read_tick_and_this_sessions_answers(
    current: dict[str, dict[str, Any]], saved: dict[str, dict[str, Any]]
) -> None:
    merged = merge_progress(current, saved)
    assert set(merged) == set(current) | set(saved)
    for lesson_id, record in merged.items():
        here, there = current.get(lesson_id, {}), saved.get(lesson_id, {})
        assert record["read"] == (bool(here.get("read")) or bool(there.get("read")))
        assert set(record["answers"]) == set(here.get("answers", {})) | set(there.get("answers", {}))
        for question, option in here.get("answers", {}).items():
            assert record["answers"][question] == option


@pytest.mark.parametrize(
    "saved",
    [None, [], "x", {"l": "x"}, {"l": {"read": "yes", "answers": {"a": 1, "1": "2", "2": True}}}],
)
def test_malformed_saved_progress_is_skipped_not_trusted(saved: Any) -> None:
    progress = progress_from_json(saved)
    for record in progress.values():
        assert record == {"read": False, "answers": {}}
