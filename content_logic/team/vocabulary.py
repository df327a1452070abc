"""Job titles as owners write them → a roster role and the share of a week the person works.

The titles are data (``vocabulary.toml``, English and Spanish). A title matches after
``normalise_label`` (case, accents, punctuation) and ``fold_word`` (gender and plural), whole first,
then by the longest listed title found inside it. How much of a week a person works is read from
the title or a days/hours cell by ``PartTimeRule``: numbers first (``2 days/week``, ``20 h/semana``,
``50 %``), then full-time words, then part-time words (``freelance``, ``media jornada``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from content_logic.headers import normalise_label
from content_logic.team.reference import CAPABILITY_IDS, ROLE_IDS, CapabilityId, RoleId

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.toml")
"""The team's vocabulary: titles by role, part-time and full-time words."""

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class PartTimeRule(BaseModel):
    """How days, hours and words in a roster become a share of a full-time week (FTE)."""

    model_config = _FROZEN

    full_week_days: float = Field(default=5, gt=0, le=7)
    """A full-time week is Monday to Friday in both markets we teach: ``2 days/week`` = 0.4."""
    full_week_hours: float = Field(default=40, gt=0, le=80)
    """40 h is the full-time week of Spain and of most office contracts in Latin America: 20 h = 0.5."""
    part_time_fte: float = Field(default=0.5, gt=0, le=1)
    """``part-time``, ``media jornada``, ``freelance`` without a number: half a week (media jornada)."""
    max_person_fte: float = Field(default=1.0, gt=0, le=2)
    """One person counts at most one FTE: six days a week is one tired person, not 1.2 people."""


FteSource = Literal["number", "full_time_word", "part_time_word"]
"""Which rule read the share of a week: a number with its unit, or a word."""

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_WEEK = r"\s*(?:/|per|a la|por|a|x|each)?\s*(?:week|wk|semana|sem|weekly|semanales)"
_DAYS = re.compile(_NUMBER + r"\s*(?:days?|dias?)(?![a-z])")
_HOURS = re.compile(_NUMBER + r"\s*(?:hours?|horas?|hrs?|h)(?![a-z])" + _WEEK)
"""Hours need a week after them (``20 h/semana``): ``Support 24h`` is opening hours, not a contract."""
_PERCENT = re.compile(_NUMBER + r"\s*%")


IRREGULAR_FEMININE = {"jefa": "jefe", "presidenta": "presidente", "gerenta": "gerente", "clienta": "cliente"}
"""Feminine titles whose masculine doesn't end in -o (``Jefa`` is ``Jefe``, not ``Jefo``)."""


def fold_word(word: str) -> str:
    """One word without gender or plural: ``fundadora`` → ``fundador``, ``editores`` → ``editor``,
    ``encargada`` → ``encargado``. Applied to both sides of a comparison, so a fold that turns an
    English word into a non-word (``camera`` → ``camero``) still matches itself."""
    if len(word) > 4 and word.endswith("es") and word[-3] in "nrldz":
        word = word[:-2]  # editores, operaciones, redes
    elif len(word) > 3 and word.endswith("s"):
        word = word[:-1]  # creadoras, envios, lives
    if word in IRREGULAR_FEMININE:
        return IRREGULAR_FEMININE[word]
    if len(word) > 3 and word.endswith("ora"):
        return word[:-1]  # fundadora, editora
    if len(word) > 3 and word.endswith("a"):
        return word[:-1] + "o"  # encargada, duena, fotografa
    return word


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    return " ".join(fold_word(word) for word in normalise_label(text).split())


def title_key(text: object) -> str:
    """A title as compared: normalised, every word folded (``Creadora UGC`` → ``creador ugc``)."""
    return _key(str(text)) if text is not None else ""


class TitleVocabulary(BaseModel):
    """The roles' titles and the part-time words, indexed by their folded keys."""

    model_config = _FROZEN

    roles: dict[str, RoleId]
    """Folded title → role id (role ids themselves included)."""
    part_time: frozenset[str]
    full_time: frozenset[str]

    def role(self, title: object) -> RoleId | None:
        """The role a title means: whole, else the longest listed title inside it; ``None`` when none."""
        key = title_key(title)
        if not key:
            return None
        if key in self.roles:
            return self.roles[key]
        padded = f" {key} "
        found = [(len(k), -n, role) for n, (k, role) in enumerate(self.roles.items()) if f" {k} " in padded]
        return max(found)[2] if found else None


def _labels(entry: object) -> list[str]:
    if isinstance(entry, Mapping):
        return [label for part in entry.values() for label in _labels(part)]
    return [str(label) for label in entry] if isinstance(entry, list) else [str(entry)]


@cache
def vocabulary(path: Path = VOCABULARY_FILE) -> TitleVocabulary:
    """The vocabulary file, checked: every role listed, no title meaning two roles."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    roles: dict[str, RoleId] = {}
    clashes = []
    for role in ROLE_IDS:
        for label in (role, role.replace("_", " "), *_labels(data["roles"][role])):
            key = title_key(label)
            if roles.setdefault(key, role) != role:
                clashes.append(f"{label!r} ({roles[key]} and {role})")
    if clashes or set(data["roles"]) != set(ROLE_IDS):
        raise ValueError(f"{path.name}: every role once, no title for two roles: {', '.join(clashes)}")
    words = {
        kind: frozenset(title_key(w) for w in _labels(data[kind])) for kind in ("part_time", "full_time")
    }
    return TitleVocabulary(roles=roles, part_time=words["part_time"], full_time=words["full_time"])


@lru_cache(maxsize=8192)
def match_role(title: str) -> RoleId | None:
    """The role a written title means (``Encargada de tienda`` → ``store_operator``), else ``None``."""
    return vocabulary().role(title)


@lru_cache(maxsize=1024)
def match_capability(text: str) -> CapabilityId | None:
    """A capability id written as its id (``paid_media``, ``Paid media``) or by folded key, else ``None``."""
    key = title_key(text)
    return next((c for c in CAPABILITY_IDS if title_key(c.replace("_", " ")) == key), None)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def week_share(
    text: object, rule: PartTimeRule | None = None, *, unit: Literal["days", "hours"] | None = None
) -> tuple[float, FteSource] | None:
    """The share of a full week a title or cell states (capped at ``max_person_fte``), and which rule
    read it; ``None`` when it states none. ``unit`` reads a bare number (a "days" or "hours" cell)."""
    rule = rule or PartTimeRule()
    plain = normalise_label(str(text).replace("%", " percent ")) if text is not None else ""
    raw = str(text or "").casefold().replace("í", "i")
    share: float | None = None
    if found := _PERCENT.search(raw):
        share = _number(found.group(1)) / 100
    elif found := _DAYS.search(raw):
        share = _number(found.group(1)) / rule.full_week_days
    elif found := _HOURS.search(raw):
        share = _number(found.group(1)) / rule.full_week_hours
    elif unit is not None and (bare := re.match(r"\s*" + _NUMBER + r"\s*[a-z]*\.?\s*$", raw)):
        full = rule.full_week_days if unit == "days" else rule.full_week_hours
        share = _number(bare.group(1)) / full
    if share is not None:
        return min(share, rule.max_person_fte), "number"
    words = f" {' '.join(fold_word(w) for w in plain.split())} "
    vocab = vocabulary()
    if any(f" {w} " in words for w in vocab.full_time):
        return 1.0, "full_time_word"
    if any(f" {w} " in words for w in vocab.part_time):
        return rule.part_time_fte, "part_time_word"
    return None
