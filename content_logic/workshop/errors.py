"""Workshop errors: one exception whose ``code`` names a user-facing message in the string catalog."""

from __future__ import annotations

from typing import Literal, get_args

ErrorCode = Literal[
    "unknown_code",
    "malformed_code",
    "workshop_closed",
    "unknown_workshop",
    "invalid_workshop_name",
    "invalid_language",
    "code_generation_failed",
    "invalid_token",
    "invalid_poll",
    "unknown_poll",
    "poll_closed",
    "invalid_option",
    "invalid_kind",
    "invalid_submission_id",
    "invalid_summary",
    "submission_conflict",
    "invalid_state_key",
    "invalid_json",
    "payload_too_large",
    "storage_unavailable",
    "code_taken",
    "invalid_slide",
]
"""Every reason a workshop action can be refused; each has ``workshop.errors.<code>`` in en and es."""

ERROR_CODES: tuple[ErrorCode, ...] = get_args(ErrorCode)
"""All error codes, so a test can check that each one has a message in every language."""

MESSAGE_NAMESPACE = "workshop.errors"
"""Catalog prefix of the error messages: ``workshop.errors.<code>`` in ``strings/<lang>/workshop.toml``."""


class WorkshopError(Exception):
    """An action the store refused, with a message key and the ``{placeholders}`` its text needs."""

    def __init__(self, code: ErrorCode, /, **values: str | int) -> None:
        super().__init__(f"{code}: {values}" if values else code)
        self.code: ErrorCode = code
        self.values: dict[str, str | int] = dict(values)

    @property
    def message_key(self) -> str:
        """The catalog key of the user-facing message, e.g. ``workshop.errors.unknown_code``."""
        return f"{MESSAGE_NAMESPACE}.{self.code}"
