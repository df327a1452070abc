"""The live room dashboard, projected: the join code and URL, the room's counts, the open poll with its
revealed answer beside the room's shared results, within one 1920 × 1080 screen."""

from __future__ import annotations

import streamlit as st

from content_logic.workshop import SUBMISSION_KINDS, Workshop, WorkshopError
from content_logic.workshop.board import Bar, PollBoard, RoomBoard, room_board
from content_logic.workshop.join_url import JoinLinks, join_url
from content_logic.workshop.screen import RevealedAnswer, revealed
from ui.course import course
from ui.i18n import current_language, t
from ui.room_view import bars_figure, percent, plain, poll_chart
from ui.workshop_state import error_text, room_snapshot, screen_state

LIVE_SECONDS = 1
"""How often the dashboard redraws, so an answer is on the projector within ~1 s; a redraw reads the
database only when the room's version moved since any screen of this process last read it."""


def _result_card(title: str, key: str, headline: str) -> None:
    with st.container(border=True, key=key):
        st.markdown(f"**{title}**")
        st.markdown(headline)


def _result_bars(title: str, key: str, bars: tuple[Bar, ...]) -> None:
    if bars:
        st.markdown(f"**{title}**")
        st.plotly_chart(
            bars_figure(bars[:6], highlight=bars[0].id),
            key=key,
            config={"displayModeBar": False, "staticPlot": True},
        )


def dashboard_header(workshop: Workshop, links: JoinLinks) -> None:
    """The dashboard's title beside the join code and address, large enough for the back of the room."""
    title, code = st.columns([3, 2], vertical_alignment="center")
    with title:
        st.title(t("room.dashboard_title", name=plain(workshop.name)))
        if not workshop.is_open:
            st.warning(t("room.closed_notice"), icon=":material/lock:")
    with code:
        st.caption(t("room.code_caption"))
        with st.container(key="room_dashboard_code"):
            st.markdown(t("room.dashboard_code", code=workshop.display_code))
        if links.bases:
            with st.container(key="room_join_url"):
                st.code(
                    join_url(links.bases[0], workshop.join_code, workshop.language),
                    language=None,
                    wrap_lines=True,
                )


def revealed_answer(poll: PollBoard, reveal: RevealedAnswer | None) -> int | None:
    """The right option of ``poll`` when the presenter revealed it, else None."""
    return reveal.answer if reveal is not None and reveal.poll_id == poll.poll_id else None


def dashboard(board: RoomBoard, taken_at: str, reveal: RevealedAnswer | None = None) -> None:
    """The live room: attendees, the open poll (its answer once revealed) beside the room's shared
    results, all within one 1920 × 1080 screen; the last closed polls and result bars below."""
    counts = st.columns(4)
    counts[0].metric(t("room.attendees"), board.attendees)
    for column, kind in zip(counts[1:], SUBMISSION_KINDS, strict=True):
        column.metric(t("room.sharers", calculator=t(f"{kind}.nav_title")), board.sharers[kind])

    poll_column, results_column = st.columns([5, 4], gap="large")
    with poll_column:
        st.header(t("room.open_poll_header"))
        if board.open_poll is None:
            st.caption(t("room.no_open_poll"))
        else:
            with st.container(key="room_open_poll"):
                poll_chart(
                    board.open_poll,
                    "room_open_poll_chart",
                    right_answer=revealed_answer(board.open_poll, reveal),
                )
        if reveal is not None and board.open_poll is not None and reveal.poll_id == board.open_poll.poll_id:
            with st.container(border=True, key="room_reveal"):
                st.markdown(t("room.audience.right_answer", answer=plain(reveal.option)))
                st.markdown(reveal.explanation)
    with results_column:
        st.header(t("room.results_header"))
        stable = (
            t("room.stable_none")
            if board.stable_share is None
            else t(
                "room.stable_line",
                count=board.stable_count,
                sharers=board.sharers["channels"],
                percent=percent(board.stable_share),
            )
        )
        gap, stage = board.headline_gap, board.bottleneck
        gap_line = t("room.gap_none") if gap is None else t("room.gap_line", gap=gap.label, count=gap.count)
        stage_line = (
            t("room.bottleneck_none")
            if stage is None
            else t("room.bottleneck_line", stage=stage.label, count=stage.count)
        )
        _result_card(t("room.stable_title"), "room_stable", stable)
        _result_card(t("room.gap_title"), "room_gap", gap_line)
        _result_card(t("room.bottleneck_title"), "room_bottleneck", stage_line)
    st.caption(t("room.updated", time=taken_at))

    if board.gaps or board.bottlenecks:
        gaps_column, stages_column = st.columns(2, gap="large")
        with gaps_column:
            _result_bars(t("room.gap_title"), "room_gap_chart", board.gaps)
        with stages_column:
            _result_bars(t("room.bottleneck_title"), "room_bottleneck_chart", board.bottlenecks)
    if board.recent_polls:
        st.header(t("room.recent_polls_header"))
        for poll in board.recent_polls:
            with st.expander(poll.question):
                poll_chart(
                    poll, f"room_poll_{poll.poll_id}_chart", right_answer=revealed_answer(poll, reveal)
                )


@st.fragment(run_every=LIVE_SECONDS)
def live_dashboard(workshop_id: str) -> None:
    """The room's figures, redrawn every few seconds without rerunning the page."""
    try:
        snapshot = room_snapshot(workshop_id)
        shown = screen_state(workshop_id)
    except WorkshopError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return
    reveal = None
    if shown is not None and shown.revealed_poll_id is not None:
        reveal = revealed(snapshot, shown.revealed_poll_id, course().in_language(snapshot.workshop.language))
    board = room_board(snapshot, current_language())
    dashboard(board, snapshot.taken_at.astimezone().strftime("%H:%M:%S"), reveal)
