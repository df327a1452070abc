"""Join codes, resume tokens and cleaned display text: the strings people type or carry in links."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

from content_logic.workshop.errors import WorkshopError

JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Letters and digits that can't be mistaken for each other on a projector (no 0/O, 1/I/L)."""

JOIN_CODE_LENGTH = 6
"""31⁶ ≈ 890 million codes: a room can't guess another room's code, and it fits on one line."""

JOIN_CODE_GROUP = 3
"""Codes are shown as two groups (``ABC-234``) because that is easier to read aloud."""

JOIN_CODE_SEPARATORS = re.compile(r"[\s\-_.·–—]+")
"""What people put between groups when typing a code; ignored when matching."""

RESUME_TOKEN_BYTES = 24
"""Random bytes in a resume token (32 URL-safe characters): unguessable, short enough for a link."""

NICKNAME_MAX_CHARS = 40
"""The one length rule for nicknames: longer ones are shortened to this, and we say so (the join
form stops typing there too). A pasted page is shortened like any other long name, never refused."""

NAME_INPUT_CLEANED_CHARS = 2000
"""Only this much of a typed name is cleaned, so a pasted page costs no more than a short name."""

WORKSHOP_NAME_MAX_CHARS = 80
"""Longest workshop name: one line on the projector."""

KEPT_FORMAT_CHARS = frozenset({"\u200c", "\u200d"})
"""Zero-width (non-)joiners are kept because emoji and some scripts need them; other format
characters (bidi overrides, invisible marks) are removed so a name can't disguise itself."""

_WHITESPACE_RUN = re.compile(r"\s+")

NicknameChange = Literal["trimmed", "collapsed_whitespace", "removed_control_chars", "shortened", "blank"]
"""What cleaning did to a nickname; each has ``workshop.nickname.<change>`` text for the attendee."""


class CleanedText(BaseModel):
    """A cleaned nickname (``None`` when nothing is left) and every change made to what was typed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str | None
    changes: tuple[NicknameChange, ...] = ()


def new_join_code() -> str:
    """A random join code from :data:`JOIN_CODE_ALPHABET` (uniqueness is the store's job)."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(typed: str) -> str:
    """The canonical code for what someone typed: upper case, spaces and dashes removed.

    Raises ``WorkshopError("malformed_code")`` when the result can't be a join code at all.
    """
    code = JOIN_CODE_SEPARATORS.sub("", typed).upper()
    if len(code) != JOIN_CODE_LENGTH or any(char not in JOIN_CODE_ALPHABET for char in code):
        raise WorkshopError("malformed_code", length=JOIN_CODE_LENGTH)
    return code


def format_join_code(code: str) -> str:
    """A code as shown to the room, in groups: ``ABC234`` → ``ABC-234``."""
    groups = [code[start : start + JOIN_CODE_GROUP] for start in range(0, len(code), JOIN_CODE_GROUP)]
    return "-".join(groups)


def new_resume_token() -> str:
    """A fresh secret that lets an attendee get back to their record from a link."""
    return secrets.token_urlsafe(RESUME_TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What the database keeps instead of a resume token (SHA-256 hex), so a leaked file leaks no links."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _is_removed(char: str) -> bool:
    category = unicodedata.category(char)
    return category in {"Cc", "Cs", "Co", "Cn"} or (category == "Cf" and char not in KEPT_FORMAT_CHARS)


def clean_text(typed: str, *, max_chars: int) -> CleanedText:
    """Plain one-line text: NFC, whitespace runs → one space, control/format characters out, trimmed,
    at most ``max_chars``. HTML is left as typed (it is text; pages escape it when they draw it)."""
    if not typed.strip():
        return CleanedText(value=None)  # left empty: nothing to report
    changes: list[NicknameChange] = []
    text = unicodedata.normalize("NFC", typed)
    collapsed = _WHITESPACE_RUN.sub(" ", text)
    if collapsed.strip() != text.strip():
        changes.append("collapsed_whitespace")
    if collapsed != collapsed.strip():
        changes.append("trimmed")
    text = collapsed.strip()
    kept = "".join(char for char in text if not _is_removed(char))
    if kept != text:
        changes.append("removed_control_chars")
        text = _WHITESPACE_RUN.sub(" ", kept).strip()
    if len(text) > max_chars:
        changes.append("shortened")
        text = text[:max_chars].rstrip()
    if not text:
        changes.append("blank")
        return CleanedText(value=None, changes=tuple(changes))
    return CleanedText(value=text, changes=tuple(changes))


def clean_nickname(typed: str | None) -> CleanedText:
    """An attendee's nickname made safe to store and show; ``value`` is ``None`` for no nickname.

    At most :data:`NICKNAME_MAX_CHARS` characters are kept, however long the text typed or pasted;
    ``"shortened"`` in ``changes`` says so.
    """
    if typed is None:
        return CleanedText(value=None)
    cleaned = clean_text(typed[:NAME_INPUT_CLEANED_CHARS], max_chars=NICKNAME_MAX_CHARS)
    if len(typed) > NAME_INPUT_CLEANED_CHARS and "shortened" not in cleaned.changes:
        return CleanedText(value=cleaned.value, changes=(*cleaned.changes, "shortened"))
    return cleaned


def clean_workshop_name(typed: str) -> str:
    """A workshop's name as one clean line; ``invalid_workshop_name`` if blank or too long."""
    cleaned = clean_text(typed[:NAME_INPUT_CLEANED_CHARS], max_chars=WORKSHOP_NAME_MAX_CHARS)
    if cleaned.value is None or "shortened" in cleaned.changes:
        raise WorkshopError("invalid_workshop_name", limit=WORKSHOP_NAME_MAX_CHARS)
    return cleaned.value
