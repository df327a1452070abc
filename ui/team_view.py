"""Team page results: headline gap, radar, ranked gaps, plan, what to stop, ratio, downloads."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from content_logic.i18n import Language, translate
from content_logic.problems import Problem
from content_logic.team import (
    ResultTexts,
    TeamResult,
    problem_text,
    result_texts,
    summary_markdown,
    table_csv,
)
from ui.i18n import current_language, t
from ui.routes import LESSON
from ui.widgets import problem_list

_BANNER = {"critical": st.error, "high": st.warning, "medium": st.info}
"""How loudly the headline is shown, by its severity."""


def lesson_links() -> None:
    """Links to the two lessons this calculator applies."""
    for lesson, key in (
        ("content-multiplier", "lesson_multiplier"),
        ("founder-owns-content", "lesson_founder"),
    ):
        st.page_link(
            LESSON.file,
            label=t(f"team.{key}"),
            icon=":material/menu_book:",
            query_params={"lesson": lesson},
        )


def results(result: TeamResult, top: DeltaGenerator) -> None:
    """The headline (into ``top``, first thing on the page), then the details and the downloads."""
    texts = result_texts(result, current_language())
    with top:
        headline(result, texts)
    details(result, texts)
    downloads(result)


def headline(result: TeamResult, texts: ResultTexts) -> None:
    """The most urgent gap and what it costs."""
    with st.container(key="team_headline"):
        gap = result.headline
        if gap is None or texts.headline is None:
            st.success(texts.headline_cost, icon=":material/verified:")
            return
        _BANNER[gap.severity](
            f"**{texts.headline}**\n\n{texts.headline_cost}", icon=":material/priority_high:"
        )


def radar(result: TeamResult, lang: Language) -> go.Figure:
    """Coverage per capability (filled) against the reference minimum (line), closed polygons."""
    points = tuple((c.capability, round(c.coverage), c.minimum) for c in result.coverage)
    return _radar(points, lang)


@st.cache_resource(max_entries=512, show_spinner=False)
def _radar(points: tuple[tuple[str, int, float], ...], lang: Language) -> go.Figure:
    """One figure per distinct result and language, shared read-only (st.plotly_chart doesn't change it)."""
    labels = [translate(f"team.cap_short.{capability}", lang) for capability, _, _ in points]
    team = [coverage for _, coverage, _ in points]
    minimum = [minimum for _, _, minimum in points]
    full = [translate(f"team.cap.{capability}", lang) for capability, _, _ in points]
    # Built from dicts, not update_layout() paths: plotly checks each path, ~6 ms a figure.
    reference = {
        "r": [*minimum, minimum[0]],
        "theta": [*labels, labels[0]],
        "name": translate("team.radar_reference", lang),
        "mode": "lines",
        "line": {"color": "#888", "dash": "dash"},
        "hoverinfo": "skip",
    }
    coverage = {
        "r": [*team, team[0]],
        "theta": [*labels, labels[0]],
        "name": translate("team.radar_team", lang),
        "fill": "toself",
        "customdata": [*full, full[0]],
        "hovertemplate": "%{customdata}: %{r} %<extra></extra>",
    }
    layout = {
        "polar": {"radialaxis": {"range": [0, 100], "ticksuffix": "%", "tickfont": {"size": 9}},
                  "angularaxis": {"tickfont": {"size": 10}}},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0},
        "margin": {"l": 64, "r": 64, "t": 24, "b": 24},
        "height": 400,
    }  # fmt: skip
    return go.Figure(data=[go.Scatterpolar(reference), go.Scatterpolar(coverage)], layout=layout)


def details(result: TeamResult, texts: ResultTexts) -> None:
    """Metrics, the radar, the ranked gaps, the plan, what to stop, the ratio and any notes."""
    lang = current_language()
    gaps, critical, share = st.columns(3)
    gaps.metric(t("team.metric_gaps"), len(result.gaps))
    critical.metric(t("team.metric_critical"), len(result.critical_gaps))
    share.metric(t("team.metric_content_share"), texts.content_share)
    st.plotly_chart(
        radar(result, lang), key="team_radar", config={"displayModeBar": False}, alt=t("team.radar_alt")
    )
    with st.container(key="team_gaps"):
        st.subheader(t("team.gaps_header"))
        for gap in texts.gaps:
            st.markdown(f"{gap.title}  \n{gap.reason}  \n_{gap.cost}_")
        if not texts.gaps:
            st.markdown(t("team.report.none"))
    with st.container(key="team_plan"):
        st.subheader(t("team.plan_header"))
        st.markdown("\n\n".join(texts.plan) or t("team.plan_none"))
    with st.container(key="team_stop"):
        st.subheader(t("team.stop_header"))
        st.markdown("\n".join(f"- {item}" for item in texts.stop) or t("team.stop_none"))
    with st.container(key="team_ratio"):
        st.subheader(t("team.report.ratio"))
        st.markdown(texts.ratio)
    if texts.notes:
        st.info(t("team.notes_title") + "".join(f"\n- {note}" for note in texts.notes))


def downloads(result: TeamResult) -> None:
    """The assessment as Markdown and CSV, generated only when clicked."""
    lang = current_language()
    st.subheader(t("team.downloads_header"))
    markdown_col, csv_col = st.columns(2)
    markdown_col.download_button(
        t("team.download_md"), data=lambda: summary_markdown(result, lang), file_name="team-assessment.md",
        mime="text/markdown", key="team_download_md", on_click="ignore", icon=":material/description:",
    )  # fmt: skip
    csv_col.download_button(
        t("team.download_csv"), data=lambda: table_csv(result, lang), file_name="team-assessment.csv",
        mime="text/csv", key="team_download_csv", on_click="ignore", icon=":material/table:",
    )  # fmt: skip


def problems(found: list[Problem]) -> None:
    """Every input problem at once, located and in the user's language."""
    lang = current_language()
    problem_list(t("team.problems_title"), [problem_text(p, lang) for p in found])
