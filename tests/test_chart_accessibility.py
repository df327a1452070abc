"""The charts never carry meaning by colour alone: Okabe–Ito colours, and a shape or pattern for each
channel and each funnel verdict (issue 15, "Accessible")."""

from __future__ import annotations

import pytest

from content_logic.channels import CHANNELS
from content_logic.funnel import DEMO_IDS, STAGES, assess, demo_inputs
from content_logic.i18n import Language
from ui import channels_view, funnel_charts

OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}
"""Okabe & Ito's colour-universal palette, told apart with every common colour-vision deficiency."""


@pytest.mark.parametrize(
    ("colors", "shapes", "things"),
    [
        (channels_view.COLORS, channels_view.SYMBOLS, tuple(CHANNELS)),
        (funnel_charts.COLORS, funnel_charts.PATTERNS, ("bottleneck", "below", "pass", "unknown")),
    ],
    ids=["channel lines", "funnel verdicts"],
)
def test_each_thing_drawn_has_its_own_colour_and_shape(
    colors: dict[str, str], shapes: dict[str, str], things: tuple[str, ...]
) -> None:
    assert set(colors) == set(shapes) == set(things)
    assert len(set(shapes.values())) == len(things), "two share a shape: told apart by colour only"
    assert len(set(colors.values())) == len(things)
    chromatic = {c.lower() for c in colors.values()} - {"#999999"}  # grey: the 'not judged' bar
    assert chromatic <= OKABE_ITO


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("demo", DEMO_IDS)
def test_funnel_bars_carry_their_verdict_as_a_pattern(demo: str, lang: Language) -> None:
    result = assess(demo_inputs(demo, lang=lang))
    figures = [funnel_charts.distribution_figure(result, lang)]
    figures += [funnel_charts.stage_figure(result.for_video(str(v)), lang) for v in result.table["video"]]
    for figure in figures:
        bar = figure.data[0]
        for color, pattern in zip(bar.marker.color, bar.marker.pattern.shape, strict=True):
            state = next(s for s, c in funnel_charts.COLORS.items() if c == color)
            assert pattern == funnel_charts.PATTERNS[state]
    states = {c for figure in figures[1:] for c in figure.data[0].marker.color}
    assert funnel_charts.COLORS["bottleneck"] in states and funnel_charts.COLORS["pass"] in states
    distribution = figures[0].data[0]
    assert list(distribution.marker.pattern.shape) == ["x"] * len(STAGES) + [""]
