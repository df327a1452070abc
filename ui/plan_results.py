"""Each calculator's latest inputs of this session, assessed again with its contract verbs, as My
plan shows and prints them: the room summary the ranking reads, the summary and the page's charts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from content_logic.calculator import CALCULATOR_IDS, CalculatorId
from content_logic.handouts.plan import CalculatorSection
from content_logic.i18n import Language
from content_logic.workshop.models import ChannelsSummary, FunnelSummary, TeamSummary

RoomSummary = ChannelsSummary | TeamSummary | FunnelSummary
"""What a calculator's ``room_summary`` returns (the ranking's input)."""

LATEST_KEY = "plan_latest_inputs"
"""Session state: calculator id → a function returning that page's latest inputs as contract JSON."""


def remember_inputs(kind: str, inputs: Callable[[], Mapping[str, Any]]) -> None:
    """Called under a calculator's result on every run: keeps how to read its inputs (no work now)."""
    st.session_state.setdefault(LATEST_KEY, {})[kind] = inputs


def _channels(data: Mapping[str, Any], lang: Language) -> tuple[RoomSummary, str, list[go.Figure]]:
    from content_logic import channels
    from ui import channels_view

    inputs = channels.inputs_from_json(data)
    report = channels.assess(inputs)
    figure = channels_view.figure(inputs.sales, report, lang)
    return channels.room_summary(report), channels.summary_markdown(report, lang), [figure]


def _team(data: Mapping[str, Any], lang: Language) -> tuple[RoomSummary, str, list[go.Figure]]:
    from content_logic import team
    from ui import team_view

    result = team.assess(team.inputs_from_json(data))
    return team.room_summary(result), team.summary_markdown(result, lang), [team_view.radar(result, lang)]


def _funnel(data: Mapping[str, Any], lang: Language) -> tuple[RoomSummary, str, list[go.Figure]]:
    from content_logic import funnel
    from ui import funnel_charts

    result = funnel.assess(funnel.inputs_from_json(data))
    if result.mode == "single" and result.single is not None:
        figure = funnel_charts.stage_figure(result.single, lang)
    else:
        figure = funnel_charts.distribution_figure(result, lang)
    return funnel.room_summary(result), funnel.summary_markdown(result, lang), [figure]


ASSESS: dict[
    CalculatorId, Callable[[Mapping[str, Any], Language], tuple[RoomSummary, str, list[go.Figure]]]
] = {
    "channels": _channels,
    "team": _team,
    "funnel": _funnel,
}
"""Per calculator: saved inputs → its room summary, its summary markdown and the page's figures."""


class Assessed:
    """One calculator's latest result: what the ranking reads, what the page and the PDF show."""

    def __init__(
        self, calculator: CalculatorId, summary: RoomSummary, markdown: str, figures: list[go.Figure]
    ):
        self.calculator = calculator
        self.summary = summary
        self.markdown = markdown
        self.figures = figures

    def section(self) -> CalculatorSection:
        """The PDF's part for this calculator."""
        return CalculatorSection(
            calculator=self.calculator,
            summary_markdown=self.markdown,
            figures=[figure.to_plotly_json() for figure in self.figures],
        )


def assess_saved(calculator: CalculatorId, data: Mapping[str, Any], lang: Language) -> Assessed:
    """A calculator's result from its contract JSON inputs (raises the calculator's own input errors)."""
    summary, markdown, figures = ASSESS[calculator](data, lang)
    return Assessed(calculator, summary, markdown, figures)


def latest_results(lang: Language) -> tuple[list[Assessed], list[CalculatorId]]:
    """Every calculator run this session, assessed again; and those whose inputs no longer read."""
    kept = st.session_state.get(LATEST_KEY, {})
    results, failed = [], []
    for calculator in CALCULATOR_IDS:
        read = kept.get(calculator)
        if read is None:
            continue
        try:
            results.append(assess_saved(calculator, read(), lang))
        except (ValueError, KeyError, TypeError):  # a pydantic ValidationError is a ValueError
            failed.append(calculator)
    return results, failed
