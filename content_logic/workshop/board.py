"""The live room dashboard as display-ready figures: translated labels, counts and shares."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from content_logic.i18n import Language, catalog
from content_logic.workshop.models import SUBMISSION_KINDS, PollCounts, Ranked, RoomSnapshot, SubmissionKind

ID_LABEL_NAMESPACES = ("channels.name", "channels.verdict", "team.cap", "funnel.stage", "room.warning")
"""Where the names of ids found in shared results live (channel, verdict, capability, stage, warning)."""

GAP_LABELS = "team.cap"
"""Catalog prefix of the capability names the team calculator's gaps are ids of."""

STAGE_LABELS = "funnel.stage"
"""Catalog prefix of the funnel stage names the video bottlenecks are ids of."""


class Bar(BaseModel):
    """One bar of a dashboard chart: what it is, its name in the viewer's language, and its count."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    label: str
    count: int
    share: float
    """``count`` as a share (0–1) of the chart's total; 0 when the total is 0."""


class PollBoard(BaseModel):
    """A poll with its answers per option, ready to draw."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    poll_id: int
    lesson_id: str
    question: str
    is_open: bool
    total: int
    bars: tuple[Bar, ...]


class RoomBoard(BaseModel):
    """Everything the dashboard shows; ``stable_share`` and the rankings are over the latest result of
    each attendee who shared (one vote per person), gaps and bottlenecks most common first."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    display_code: str
    is_open: bool
    attendees: int
    open_poll: PollBoard | None
    recent_polls: tuple[PollBoard, ...]
    sharers: dict[SubmissionKind, int]
    stable_count: int
    stable_share: float | None
    """Share of channel sharers with a stable short-video channel; ``None`` before anyone shared."""
    gaps: tuple[Bar, ...]
    """Critical team gaps, ``share`` of the team sharers who have each."""
    bottlenecks: tuple[Bar, ...]
    """Video bottleneck stages, ``share`` of all the videos shared that stop somewhere."""

    @property
    def headline_gap(self) -> Bar | None:
        """The most common critical team gap."""
        return self.gaps[0] if self.gaps else None

    @property
    def bottleneck(self) -> Bar | None:
        """The most common video bottleneck."""
        return self.bottlenecks[0] if self.bottlenecks else None


def id_label(value: str, lang: Language, prefixes: tuple[str, ...] = ID_LABEL_NAMESPACES) -> str:
    """The display name of an id from a shared result (``self_video`` → "Self-video"); the id itself
    when no catalog names it, so a result from a newer calculator still shows something true."""
    strings = catalog(lang)
    for prefix in prefixes:
        text = strings.get(f"{prefix}.{value}")
        if text is not None:
            return text
    return value


def _bars(ranked: tuple[Ranked, ...], prefix: str, total: int, lang: Language) -> tuple[Bar, ...]:
    return tuple(
        Bar(
            id=item.id,
            label=id_label(item.id, lang, (prefix,)),
            count=item.count,
            share=item.count / total if total else 0.0,
        )
        for item in ranked
    )


def poll_board(counted: PollCounts) -> PollBoard:
    """One poll's bars, one per option in the poll's order (its own language: the room's)."""
    total = counted.total
    bars = tuple(
        Bar(id=str(index), label=option, count=count, share=count / total if total else 0.0)
        for index, (option, count) in enumerate(zip(counted.poll.options, counted.counts, strict=True))
    )
    poll = counted.poll
    return PollBoard(
        poll_id=poll.id,
        lesson_id=poll.lesson_id,
        question=poll.question,
        is_open=poll.is_open,
        total=total,
        bars=bars,
    )


def room_board(snapshot: RoomSnapshot, lang: Language) -> RoomBoard:
    """The dashboard's figures from a room snapshot, labelled in ``lang``."""
    workshop = snapshot.workshop
    videos = sum(item.count for item in snapshot.bottlenecks)
    return RoomBoard(
        name=workshop.name,
        display_code=workshop.display_code,
        is_open=workshop.is_open,
        attendees=snapshot.attendees,
        open_poll=poll_board(snapshot.open_poll) if snapshot.open_poll else None,
        recent_polls=tuple(poll_board(item) for item in snapshot.recent_polls),
        sharers={kind: snapshot.sharers.get(kind, 0) for kind in SUBMISSION_KINDS},
        stable_count=snapshot.stable_short_video,
        stable_share=snapshot.stable_share,
        gaps=_bars(snapshot.gaps, GAP_LABELS, snapshot.sharers.get("team", 0), lang),
        bottlenecks=_bars(snapshot.bottlenecks, STAGE_LABELS, videos, lang),
    )
