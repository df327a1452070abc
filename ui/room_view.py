"""Drawing workshop screens: safe user text, the join code and QR, poll bars and the room dashboard."""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go
import streamlit as st

from content_logic.workshop import SUBMISSION_KINDS, Workshop, WorkshopError
from content_logic.workshop.board import Bar, PollBoard, RoomBoard, room_board
from content_logic.workshop.join_url import JoinLinks, join_url, qr_png
from ui.i18n import current_language, t
from ui.workshop_state import PUBLIC_URL_ENV, error_text, room_snapshot

CHART_FONT_SIZE = 16
"""Bar labels readable on a projector from the back of the room."""

LIVE_SECONDS = 1
"""How often the dashboard redraws, so an answer is on the projector within ~1 s; a redraw reads the
database only when the room's version moved since any screen of this process last read it."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$])")

BIG_TEXT_CSS = """
<style>
.st-key-room_code { container-type: inline-size; }
.st-key-room_code p { font-size: min(10rem, 17cqi); font-weight: 800; letter-spacing: .06em;
  line-height: 1.05; margin: 0; white-space: nowrap; font-variant-numeric: tabular-nums; }
.st-key-presenter_slide h2 { font-size: clamp(1.8rem, 4vw, 3.4rem); }
.st-key-presenter_slide p, .st-key-presenter_slide li, .st-key-presenter_slide td {
  font-size: clamp(1.15rem, 2.6vw, 2.1rem); line-height: 1.45; }
</style>
"""
"""Projector type sizes. The join code scales with its column (``cqi``) so it stays on one line from a
390 px phone to a projector; slide text uses ``clamp`` for the same reason."""


def plain(text: str) -> str:
    """User text (a nickname, a workshop name) made inert for ``st.markdown``: HTML escaped and
    markdown/emoji syntax backslashed, so it shows exactly as typed and can't load or link anything."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def big_text_style() -> None:
    """Add the projector type sizes to the page (a style block, no user text)."""
    st.html(BIG_TEXT_CSS)


@st.cache_data(max_entries=32, show_spinner=False)
def _qr(url: str) -> bytes:
    return qr_png(url)


def join_panel(workshop: Workshop, links: JoinLinks) -> None:
    """The join code, big, beside the QR code of a link phones can use, with what to do when the app
    was opened on this computer only."""
    big_text_style()
    code_column, qr_column = st.columns([3, 2], gap="large")
    with code_column:
        st.caption(t("room.code_caption"))
        with st.container(key="room_code"):
            st.markdown(workshop.display_code)
        url = join_url(links.bases[0], workshop.join_code) if links.bases else None
        if url is not None:
            st.code(url, language=None, wrap_lines=True)  # no scroll box on a phone
    if url is not None:
        qr_column.image(
            _qr(url), caption=t("room.qr_caption"), alt=f"{t('room.qr_caption')}: {url}", width="stretch"
        )
    if not workshop.is_open:
        st.warning(t("room.closed_notice"), icon=":material/lock:")
    if links.invalid_public_url:
        st.warning(t("room.links.invalid_public_url", env=PUBLIC_URL_ENV), icon=":material/warning:")
    if links.local_only:
        st.warning(
            t("room.links.localhost", host=links.opened_on or "localhost", env=PUBLIC_URL_ENV),
            icon=":material/wifi_off:",
        )
    elif links.source == "network":
        st.info(t("room.links.unknown_address"), icon=":material/help:")
    if url is None:
        st.error(t("room.links.none", env=PUBLIC_URL_ENV), icon=":material/error:")
        return
    if links.source == "network":
        st.caption(t("room.links.same_network"))
    if len(links.bases) > 1:
        with st.expander(t("room.links.other_addresses")):
            for base in links.bases[1:]:
                st.code(join_url(base, workshop.join_code), language=None)


def _percent(share: float) -> str:
    return f"{round(100 * share)} %"


def bars_figure(bars: tuple[Bar, ...], *, highlight: str | None = None) -> go.Figure:
    """Horizontal bars, first item on top, each labelled with its count and share."""
    colors = ["#ff0050" if bar.id == highlight else "#25a5b5" for bar in bars]
    figure = go.Figure(
        go.Bar(
            x=[bar.count for bar in bars],
            y=[bar.label for bar in bars],
            orientation="h",
            marker_color=colors,
            text=[f"{bar.count} · {_percent(bar.share)}" for bar in bars],
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        height=70 + 48 * len(bars),
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"rangemode": "tozero", "dtick": 1 if max((b.count for b in bars), default=0) < 10 else None},
        showlegend=False,
        font={"size": CHART_FONT_SIZE},
    )
    return figure


def poll_chart(poll: PollBoard, key: str) -> None:
    """One poll: the question, how many answered, and the answers per option as bars."""
    st.markdown(f"**{poll.question}**")
    st.caption(t("room.poll_answers", count=poll.total))
    st.plotly_chart(bars_figure(poll.bars), key=key, config={"displayModeBar": False, "staticPlot": True})


def _result_card(title: str, key: str, headline: str, bars: tuple[Bar, ...] | None = None) -> None:
    with st.container(border=True, key=key):
        st.markdown(f"**{title}**")
        st.markdown(headline)
        if bars:
            st.plotly_chart(
                bars_figure(bars[:6], highlight=bars[0].id),
                key=f"{key}_chart",
                config={"displayModeBar": False, "staticPlot": True},
            )


def dashboard(board: RoomBoard, taken_at: str) -> None:
    """The live room: attendees, the open poll, the room's shared results, the last closed polls."""
    counts = st.columns(4)
    counts[0].metric(t("room.attendees"), board.attendees)
    for column, kind in zip(counts[1:], SUBMISSION_KINDS, strict=True):
        column.metric(t("room.sharers", calculator=t(f"{kind}.nav_title")), board.sharers[kind])
    st.caption(t("room.updated", time=taken_at))

    st.header(t("room.open_poll_header"))
    if board.open_poll is None:
        st.caption(t("room.no_open_poll"))
    else:
        with st.container(key="room_open_poll"):
            poll_chart(board.open_poll, "room_open_poll_chart")

    st.header(t("room.results_header"))
    stable = (
        t("room.stable_none")
        if board.stable_share is None
        else t(
            "room.stable_line",
            count=board.stable_count,
            sharers=board.sharers["channels"],
            percent=_percent(board.stable_share),
        )
    )
    gap, stage = board.headline_gap, board.bottleneck
    gap_line = t("room.gap_none") if gap is None else t("room.gap_line", gap=gap.label, count=gap.count)
    stage_line = (
        t("room.bottleneck_none")
        if stage is None
        else t("room.bottleneck_line", stage=stage.label, count=stage.count)
    )
    stable_column, gap_column, stage_column = st.columns(3)  # side by side on a projector, stacked on a phone
    with stable_column:
        _result_card(t("room.stable_title"), "room_stable", stable)
    with gap_column:
        _result_card(t("room.gap_title"), "room_gap", gap_line, board.gaps)
    with stage_column:
        _result_card(t("room.bottleneck_title"), "room_bottleneck", stage_line, board.bottlenecks)

    if board.recent_polls:
        st.header(t("room.recent_polls_header"))
        for poll in board.recent_polls:
            with st.expander(poll.question):
                poll_chart(poll, f"room_poll_{poll.poll_id}_chart")


@st.fragment(run_every=LIVE_SECONDS)
def live_dashboard(workshop_id: str) -> None:
    """The room's figures, redrawn every few seconds without rerunning the page."""
    try:
        snapshot = room_snapshot(workshop_id)
    except WorkshopError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return
    dashboard(room_board(snapshot, current_language()), snapshot.taken_at.astimezone().strftime("%H:%M:%S"))
