"""Workshop records as frozen models, and the summary contract each calculator's shared result keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from content_logic.calculator import CALCULATOR_IDS, CalculatorId
from content_logic.i18n import Language
from content_logic.workshop.codes import NicknameChange, format_join_code

SubmissionKind = CalculatorId
"""The calculators whose results an attendee can share with the room: all of them."""

SUBMISSION_KINDS: tuple[SubmissionKind, ...] = CALCULATOR_IDS
"""All calculator ids, in the order the dashboard lists them."""

SUMMARY_ID_PATTERN = r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$"
"""Capability and stage ids in summaries are slugs (``content_direction``, ``hook``)."""

SummaryId = Annotated[str, Field(pattern=SUMMARY_ID_PATTERN, max_length=64)]
Count = Annotated[int, Field(ge=0)]

_FROZEN = ConfigDict(frozen=True, extra="forbid")
_OPEN_SUMMARY = ConfigDict(frozen=True, extra="allow")
"""Summaries keep the calculator's other fields (verdicts, scores): the store reads only its own."""


class Workshop(BaseModel):
    """One room's session: the instructor-side ``id`` is secret, the ``join_code`` is public."""

    model_config = _FROZEN

    id: str
    name: str
    language: Language
    join_code: str
    created_at: datetime
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Whether attendees can still join, answer and share."""
        return self.closed_at is None

    @property
    def display_code(self) -> str:
        """The join code as shown to the room (``ABC-234``)."""
        return format_join_code(self.join_code)


class Attendee(BaseModel):
    """One person in a workshop; ``number`` is their join order (1, 2 …) for when there is no nickname."""

    model_config = _FROZEN

    id: int
    workshop_id: str
    number: int
    nickname: str | None
    joined_at: datetime


class JoinResult(BaseModel):
    """A successful join: the record, the workshop, the secret resume token and any nickname changes."""

    model_config = _FROZEN

    attendee: Attendee
    workshop: Workshop
    resume_token: str
    """Shown to the attendee once as a link (``?resume=…``); the database keeps only its hash."""
    nickname_changes: tuple[NicknameChange, ...] = ()


class Poll(BaseModel):
    """A lesson's quiz question put to the room; its options are stored so the lesson may change later."""

    model_config = _FROZEN

    id: int
    workshop_id: str
    lesson_id: str
    question_index: int
    question: str
    options: tuple[str, ...]
    opened_at: datetime
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Whether answers are still accepted."""
        return self.closed_at is None


class PollCounts(BaseModel):
    """A poll with how many attendees chose each option (``counts[i]`` for ``poll.options[i]``)."""

    model_config = _FROZEN

    poll: Poll
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        """Attendees who answered."""
        return sum(self.counts)


class AttendeeView(BaseModel):
    """Everything an attendee's screen needs on a rerun, read in one go from their resume token."""

    model_config = _FROZEN

    attendee: Attendee
    workshop: Workshop
    open_poll: Poll | None
    my_answer: int | None
    """The attendee's current option index in the open poll, if they answered."""


class SubmissionReceipt(BaseModel):
    """The acknowledgement of a share: ``stored`` is False when this submission id was already in."""

    model_config = _FROZEN

    submission_id: str
    kind: SubmissionKind
    stored: bool


Shown = Literal["yes_no", "names", "name", "name_map", "percent_map", "count_map", "share", "number"]
"""How a summary field reads in "this is exactly what will be sent" (``workshop/sharing.py``)."""


@dataclass(frozen=True)
class ShownAs:
    """Field metadata: how the field's value is shown to the attendee before it is sent."""

    how: Shown


Share = Annotated[float, Field(ge=0, le=1)]
Percent = Annotated[int | float, Field(ge=0)]


class ChannelsSummary(BaseModel):
    """What an attendee shares from the channel checker: verdicts, never the orders themselves."""

    model_config = _OPEN_SUMMARY

    has_stable_short_video: Annotated[StrictBool, ShownAs("yes_no")]
    """At least one of self-video, influencer, paid is stable (the dashboard counts these)."""
    stable_channels: Annotated[tuple[SummaryId, ...], ShownAs("names")] = ()
    """The channel ids judged stable, in course order."""
    verdicts: Annotated[dict[SummaryId, SummaryId], ShownAs("name_map")] = {}
    """Channel id → its verdict (``stable``, ``emerging``, ``volatile``, ``inactive``)."""
    warnings: Annotated[tuple[SummaryId, ...], ShownAs("names")] = ()
    """The warning codes raised (``shelf_logic``, ``single_creator``...)."""
    safe_weekly_demand: Annotated[float | None, Field(ge=0), ShownAs("number")] = None
    """Orders a week the stable channels' baselines support."""


class TeamSummary(BaseModel):
    """What an attendee shares from the team finder: gaps and scores, never the roster or names."""

    model_config = _OPEN_SUMMARY

    headline_gap: Annotated[SummaryId | None, ShownAs("name")]
    """The capability id of the most critical gap; the key is required, ``None`` = no gap."""
    critical_gaps: Annotated[tuple[SummaryId, ...], ShownAs("names")] = ()
    """Every critical gap's capability id, most urgent first."""
    content_ratio: Annotated[Share | None, ShownAs("share")] = None
    """Content share (0–1) of content + operations headcount."""
    coverage: Annotated[dict[SummaryId, Percent], ShownAs("percent_map")] = {}
    """Capability id → how much of it the team covers, in percent (100 = fully covered)."""


class FunnelSummary(BaseModel):
    """What an attendee shares from the funnel diagnoser: one video's stage or a batch's counts."""

    model_config = _OPEN_SUMMARY

    bottleneck: Annotated[SummaryId | None, ShownAs("name")] = None
    """The first stage below its benchmark for one video (a batch: its most common); ``None`` = none."""
    bottlenecks: Annotated[dict[SummaryId, Count] | None, ShownAs("count_map")] = None
    """For a table of videos: how many videos stop at each stage."""
    videos: Annotated[Count | None, ShownAs("number")] = None
    """How many videos were judged."""

    @model_validator(mode="after")
    def _one_of_the_two(self) -> FunnelSummary:
        if not {"bottleneck", "bottlenecks"} & self.model_fields_set:
            raise ValueError("a funnel summary needs 'bottleneck' or 'bottlenecks'")
        return self

    def stage_counts(self) -> dict[str, int]:
        """Videos per bottleneck stage: the ``bottlenecks`` counts when given (a batch, or one video
        counted there too), else the single ``bottleneck`` as one video; never both, or one video
        would count twice."""
        if self.bottlenecks is not None:
            counts = dict(self.bottlenecks)
        elif self.bottleneck is not None:
            counts = {self.bottleneck: 1}
        else:
            counts = {}
        return {stage: count for stage, count in counts.items() if count > 0}


RoomSummary = ChannelsSummary | TeamSummary | FunnelSummary
"""What a calculator's ``room_summary`` returns."""

SUMMARY_MODELS: dict[CalculatorId, type[RoomSummary]] = {
    "channels": ChannelsSummary,
    "team": TeamSummary,
    "funnel": FunnelSummary,
}
"""Each calculator's summary model, by calculator id: the one definition of what is shared."""


def shown_as(model: type[BaseModel], field: str) -> Shown | None:
    """How ``field`` of a summary model is shown (``None`` for a field the model doesn't declare)."""
    info = model.model_fields.get(field)
    if info is None:
        return None
    return next((item.how for item in info.metadata if isinstance(item, ShownAs)), None)


class Ranked(BaseModel):
    """One id and how often it came up in the room."""

    model_config = _FROZEN

    id: str
    count: int


class RoomSnapshot(BaseModel):
    """The live dashboard: who is in, the polls, and the room's latest shared results (one per attendee
    per calculator). "Most common" ties go to the alphabetically first id, so the view doesn't flicker."""

    model_config = _FROZEN

    workshop: Workshop
    attendees: int
    open_poll: PollCounts | None
    recent_polls: tuple[PollCounts, ...]
    """The last closed polls, newest first."""
    submissions: dict[SubmissionKind, int]
    """Every submission stored, per calculator (including superseded ones)."""
    sharers: dict[SubmissionKind, int]
    """Attendees who shared at least one result, per calculator."""
    stable_short_video: int
    """Channel sharers whose latest result has at least one stable short-video channel."""
    gaps: tuple[Ranked, ...]
    """Critical team gaps by how many team sharers have them, most common first."""
    bottlenecks: tuple[Ranked, ...]
    """Video bottleneck stages by how many videos stop there, most common first."""
    taken_at: datetime

    @property
    def stable_share(self) -> float | None:
        """Share (0–1) of channel sharers with a stable short-video channel; ``None`` before anyone shared."""
        sharers = self.sharers.get("channels", 0)
        return self.stable_short_video / sharers if sharers else None

    @property
    def headline_gap(self) -> Ranked | None:
        """The most common critical team gap, if any team result names one."""
        return self.gaps[0] if self.gaps else None

    @property
    def bottleneck(self) -> Ranked | None:
        """The most common video bottleneck, if any funnel result names one."""
        return self.bottlenecks[0] if self.bottlenecks else None
