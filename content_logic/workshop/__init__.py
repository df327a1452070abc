"""Workshop mode's storage and rules: workshops, attendees, polls, shared results, the room dashboard."""

from content_logic.workshop.codes import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    NICKNAME_MAX_CHARS,
    CleanedText,
    NicknameChange,
    clean_nickname,
    format_join_code,
    normalize_join_code,
)
from content_logic.workshop.errors import ERROR_CODES, ErrorCode, WorkshopError
from content_logic.workshop.models import (
    SUBMISSION_KINDS,
    Attendee,
    AttendeeView,
    ChannelsSummary,
    FunnelSummary,
    JoinResult,
    Poll,
    PollCounts,
    Ranked,
    RoomSnapshot,
    SubmissionKind,
    SubmissionReceipt,
    TeamSummary,
    Workshop,
)
from content_logic.workshop.passcode import (
    PasscodeAttempt,
    PasscodeThrottle,
    ThrottlePolicy,
    passcode_matches,
)
from content_logic.workshop.schema import DATABASE_URL_ENV, make_engine, resolve_database_url
from content_logic.workshop.store import WorkshopStore

__all__ = [
    "DATABASE_URL_ENV",
    "ERROR_CODES",
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "NICKNAME_MAX_CHARS",
    "SUBMISSION_KINDS",
    "Attendee",
    "AttendeeView",
    "ChannelsSummary",
    "CleanedText",
    "ErrorCode",
    "FunnelSummary",
    "JoinResult",
    "NicknameChange",
    "PasscodeAttempt",
    "PasscodeThrottle",
    "Poll",
    "PollCounts",
    "Ranked",
    "RoomSnapshot",
    "SubmissionKind",
    "SubmissionReceipt",
    "TeamSummary",
    "ThrottlePolicy",
    "Workshop",
    "WorkshopError",
    "WorkshopStore",
    "clean_nickname",
    "format_join_code",
    "make_engine",
    "normalize_join_code",
    "passcode_matches",
    "resolve_database_url",
]
