"""The course glossary: each term fixed once per language, and the variants it bans from the text."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from content_logic.lesson_meta import LESSON_ID_PATTERN
from content_logic.lessons import LessonProblem

GLOSSARY_FILE = "glossary.yaml"
"""Beside the lessons of each language: ``lessons/<lang>/glossary.yaml``."""

NonEmptyText = Annotated[str, Field(min_length=1)]


class GlossaryTerm(BaseModel):
    """One term the course uses for one thing, what it means, and the wordings it replaces."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=LESSON_ID_PATTERN)]
    """Same in every language; the glossary page's anchor and ``?term=`` value."""
    term: NonEmptyText
    definition: NonEmptyText
    """Markdown, shown on the glossary page."""
    banned: list[NonEmptyText] = []
    """Variants that must not appear in lessons or UI text of this language (each form listed:
    ``vídeo`` does not ban ``vídeos``)."""


_TERMS = TypeAdapter(list[GlossaryTerm])


class BannedUse(BaseModel):
    """A banned variant found in a text: where, and which term replaces it."""

    model_config = ConfigDict(frozen=True)

    term_id: str
    variant: str
    found: str
    """The text as written (its case may differ from the variant's)."""
    line: int
    """From 1."""


def _problem(source: str, field: str, message: str) -> LessonProblem:
    return LessonProblem(file=source, field=field, message=message)


def parse_glossary(text: str, *, source: str) -> tuple[list[GlossaryTerm], list[LessonProblem]]:
    """The terms of one glossary file, or the problems (``file: field: what is wrong``) that stop it."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return [], [_problem(source, "glossary", f"invalid YAML{where}: {getattr(exc, 'problem', exc)}")]
    try:
        terms = _TERMS.validate_python(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in item["loc"])
            message = "is required but missing" if item["type"] == "missing" else item["msg"]
            problems.append(_problem(source, field.lstrip(".") or "glossary", message))
        return [], problems
    problems = []
    seen: set[str] = set()
    for number, term in enumerate(terms, start=1):
        if term.id in seen:
            problems.append(_problem(source, f"[{number}].id", f"'{term.id}' is used by an earlier term"))
        seen.add(term.id)
    return terms, problems


def load_glossary(root: Path, lang: str) -> tuple[list[GlossaryTerm], list[LessonProblem]]:
    """``root/<lang>/glossary.yaml`` read and checked; no file means no glossary, not a problem."""
    path = root / lang / GLOSSARY_FILE
    if not path.is_file():
        return [], []
    source = f"{root.name}/{lang}/{GLOSSARY_FILE}"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [_problem(source, "file", "is not UTF-8 text")]
    return parse_glossary(text, source=source)


@cache
def variant_pattern(variant: str) -> re.Pattern[str]:
    """Whole words, any case, any run of spaces between words; accents count (``vídeo`` ≠ ``video``)."""
    words = unicodedata.normalize("NFC", variant).split()
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


QUOTES = {"«": "»", "“": "”", '"': '"', "'": "'", "`": "`", "‘": "’"}
"""A variant between quotes is mentioned, not used («nunca se llama "anuncio"», an accepted column
header «vistas»): the glossary bans using it, not naming it."""


def _quoted(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(before) and QUOTES.get(before) == after


def find_banned(text: str, terms: list[GlossaryTerm]) -> list[BannedUse]:
    """Every banned variant of ``terms`` used in ``text``, in reading order (composed and decomposed
    accents alike; quoted mentions aside)."""
    normal = unicodedata.normalize("NFC", text)
    found = [
        BannedUse(
            term_id=term.id,
            variant=variant,
            found=match.group(),
            line=normal.count("\n", 0, match.start()) + 1,
        )
        for term in terms
        for variant in term.banned
        for match in variant_pattern(variant).finditer(normal)
        if not _quoted(normal, match.start(), match.end())
    ]
    return sorted(found, key=lambda use: (use.line, use.term_id, use.variant))


def terms_in(text: str, terms: list[GlossaryTerm]) -> list[GlossaryTerm]:
    """The glossary terms a text uses (whole words, any case), in glossary order."""
    normal = unicodedata.normalize("NFC", text)
    return [term for term in terms if variant_pattern(term.term).search(normal)]
