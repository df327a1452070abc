"""Drawing workshop screens: safe user text, projector type, the join code and QR, and poll bars."""

from __future__ import annotations

import html
import re
import textwrap

import plotly.graph_objects as go
import streamlit as st

from content_logic.formatting import format_percent
from content_logic.workshop import Workshop
from content_logic.workshop.board import Bar, PollBoard
from content_logic.workshop.join_url import JoinLinks, join_url, qr_png
from ui.i18n import current_language, t
from ui.workshop_state import PUBLIC_URL_ENV

CHART_FONT_SIZE = 22
"""Bar labels (answers, counts) readable on a projector from the back of a room: at least 20 px."""

LABEL_WRAP_CHARS = 42
"""Answer labels wrap at this many characters: long options (the quizzes balance their lengths, so
most are 60–90 characters) take two or three lines and the open poll stays above a 1080 px fold."""

RESTART_ON_ALL_INTERFACES = "ADDRESS=0.0.0.0 bash scripts/run.sh"
"""What makes a loopback-only server reachable from the room's phones."""

_LINK_TRIGGERS = re.compile(r"([.:@])")
"""Characters that make Markdown turn text into a link (``www.``, ``http:``, ``a@b.c``)."""

WORD_JOINER = "\u2060"
"""Invisible; put before a link trigger it stops Markdown's automatic links, and shows nothing."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$])")

BIG_TEXT_CSS = """
<style>
.st-key-room_code { container-type: inline-size; }
.st-key-room_code p { font-size: min(10rem, 17cqi); font-weight: 800; letter-spacing: .06em;
  line-height: 1.05; margin: 0; white-space: nowrap; font-variant-numeric: tabular-nums; }
.st-key-room_join_url code { font-size: clamp(1.1rem, 2vw, 2.4rem) !important; font-weight: 700;
  overflow-wrap: anywhere; white-space: pre-wrap !important; }
.st-key-presenter_slide h2 { font-size: clamp(1.5rem, 2.2vw, 2.4rem); }
.st-key-presenter_slide p, .st-key-presenter_slide li, .st-key-presenter_slide td {
  font-size: clamp(1rem, 1.2vw, 1.4rem); line-height: 1.4; }
.st-key-presenter_notes p, .st-key-presenter_notes li { font-size: clamp(1rem, 1.1vw, 1.3rem); }
.st-key-audience_slide h2 { font-size: clamp(1.8rem, 4vw, 4rem); }
.st-key-audience_slide p, .st-key-audience_slide li, .st-key-audience_slide td {
  font-size: clamp(1.15rem, 2.4vw, 2.6rem); line-height: 1.4; }
</style>
"""
"""Projector type sizes. The join code scales with its column (``cqi``) so it stays on one line from a
390 px phone to a projector; the join URL and slide text use ``clamp`` for the same reason."""

PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1rem !important;
  padding-bottom: 1rem !important; max-width: 100% !important; }
@media (min-width: 1200px) {
  .st-key-projected p, .st-key-projected li, .st-key-projected label,
  .st-key-projected [data-testid="stCaptionContainer"], .st-key-projected summary {
    font-size: 24px !important; line-height: 1.35; }
  .st-key-projected h1 { font-size: 44px !important; padding: 0 0 .5rem 0; }
  .st-key-projected h3 { font-size: 32px !important; padding: .25rem 0; }
  .st-key-projected [data-testid="stMetricValue"], .st-key-projected [data-testid="stMetricValue"] * {
    font-size: 56px !important; line-height: 1.1; }
  .st-key-projected [data-testid="stMetricLabel"] p { font-size: 24px !important; }
  .st-key-projected .st-key-room_code p { font-size: min(8rem, 17cqi) !important; }
  .st-key-projected .st-key-room_join_url code { font-size: 32px !important; }
  .st-key-projected .st-key-audience_slide h2 { font-size: 64px !important; }
  .st-key-projected .st-key-audience_slide p, .st-key-projected .st-key-audience_slide li,
  .st-key-projected .st-key-audience_slide td { font-size: 40px !important; line-height: 1.4; }
  .st-key-projected .st-key-audience_join p { font-size: 40px !important; }
  .st-key-projected .st-key-audience_answer p { font-size: 34px !important; }
  .st-key-projected .st-key-room_dashboard_code p { font-size: 64px !important; font-weight: 800;
    letter-spacing: .06em; margin: 0; }
}
</style>
"""
"""A screen meant for the projector: no sidebar or header (they took a fifth of the width), and at
projector widths every text at least 24 px, readable from the back of a room."""


def plain(text: str) -> str:
    """User text (a nickname, a workshop name) made inert for ``st.markdown``: HTML escaped,
    markdown/emoji syntax backslashed and automatic links broken by an invisible word joiner, so it
    shows exactly as typed and can't load or link anything."""
    unlinked = _LINK_TRIGGERS.sub(WORD_JOINER + r"\1", text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(unlinked, quote=False))


def big_text_style() -> None:
    """Add the projector type sizes to the page (a style block, no user text)."""
    st.html(BIG_TEXT_CSS)


def projector_layout() -> None:
    """Make this page a projected screen: no sidebar, large type inside ``st.container(key="projected")``."""
    st.html(PROJECTOR_CSS)


@st.cache_data(max_entries=256, show_spinner=False)
def qr_image(url: str) -> bytes:
    """The QR code of ``url`` as PNG, made here (cached: the same link is drawn on every rerun)."""
    return qr_png(url)


def join_panel(workshop: Workshop, links: JoinLinks) -> None:
    """The join code, big, beside the QR code of a link phones can use (in the room's language), with
    what to do when the app was opened on, or listens on, this computer only."""
    big_text_style()
    code_column, qr_column = st.columns([3, 2], gap="large")
    url = join_url(links.bases[0], workshop.join_code, workshop.language) if links.bases else None
    with code_column:
        st.caption(t("room.code_caption"))
        with st.container(key="room_code"):
            st.markdown(workshop.display_code)
        if url is not None:
            with st.container(key="room_join_url"):
                st.code(url, language=None, wrap_lines=True)
    if url is not None:
        qr_column.image(
            qr_image(url), caption=t("room.qr_caption"), alt=f"{t('room.qr_caption')}: {url}", width="stretch"
        )
    if not workshop.is_open:
        st.warning(t("room.closed_notice"), icon=":material/lock:")
    if links.invalid_public_url:
        st.warning(t("room.links.invalid_public_url", env=PUBLIC_URL_ENV), icon=":material/warning:")
    if links.loopback_only:
        st.error(t("room.links.loopback", command=RESTART_ON_ALL_INTERFACES), icon=":material/wifi_off:")
        st.code(RESTART_ON_ALL_INTERFACES, language="bash")
        return
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
                st.code(join_url(base, workshop.join_code, workshop.language), language=None)


def percent(share: float) -> str:
    """A share (0–1) as a whole percentage in the page's language, through the one formatter."""
    return format_percent(share, current_language())


def _wrapped(label: str) -> str:
    lines = textwrap.wrap(html.escape(label, quote=False), LABEL_WRAP_CHARS) or [""]
    return "<br>".join(lines)


def bars_figure(bars: tuple[Bar, ...], *, highlight: str | None = None, mark: str = "") -> go.Figure:
    """Horizontal bars, first item on top, each labelled with its count and share; the ``highlight``
    bar stands out (and its label starts with ``mark``, so it shows even with no answers)."""
    colors = ["#ff0050" if bar.id == highlight else "#25a5b5" for bar in bars]
    labels = [_wrapped((mark if bar.id == highlight else "") + bar.label) for bar in bars]
    lines = sum(label.count("<br>") + 1 for label in labels)
    font = {"size": CHART_FONT_SIZE}
    figure = go.Figure(
        go.Bar(
            x=[bar.count for bar in bars],
            y=labels,
            orientation="h",
            marker_color=colors,
            text=[f"{bar.count} · {percent(bar.share)}" for bar in bars],
            textposition="auto",
            textfont=font,
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        height=60 + 24 * len(bars) + 30 * lines,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": font},
        xaxis={
            "rangemode": "tozero",
            "dtick": 1 if max((b.count for b in bars), default=0) < 10 else None,
            "tickfont": font,
        },
        showlegend=False,
        font=font,  # the axis and bar fonts are set too: Streamlit's chart theme would shrink them
    )
    return figure


def poll_chart(poll: PollBoard, key: str, *, right_answer: int | None = None) -> None:
    """One poll: the question, how many answered, and the answers per option as bars (the right one
    highlighted once revealed)."""
    st.markdown(f"**{plain(poll.question)}**")
    st.caption(t("room.poll_answers", count=poll.total))
    highlight = None if right_answer is None else str(right_answer)
    st.plotly_chart(
        bars_figure(poll.bars, highlight=highlight, mark=t("room.audience.right_mark")),
        key=key,
        config={"displayModeBar": False, "staticPlot": True},
    )
