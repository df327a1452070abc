"""Which words on a rendered page come from neither the string catalogs nor the lessons.

A page may only show text from a catalog (``content_logic/strings/<lang>``, placeholders filled
with anything) or from the lessons and glossary of its language; numbers and the data a user
typed or picked are the only other things on screen. ``uncovered_words`` marks every place where
a catalog string or lesson text occurs in a rendered text and returns the words left over, so a
module docstring that Streamlit's magic writes above a page, an English label on a Spanish page,
or a hard-coded sentence in a page all show up as words nobody can translate.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from streamlit.testing.v1 import AppTest

from content_logic.course import Course
from content_logic.i18n import LANGUAGES, Language, catalog

TEXT_ELEMENTS = {
    "markdown",
    "caption",
    "title",
    "header",
    "subheader",
    "text",
    "error",
    "warning",
    "info",
    "success",
    "toast",
    "exception",
}
"""Elements whose ``value`` is text a reader sees."""

TEXT_ATTRIBUTES = ("label", "help", "placeholder")
"""Widget and container parts a reader sees (a tooltip counts)."""

NOT_WORDS = re.compile(
    r":material/[a-z0-9_]+:|:[a-z0-9_+-]+:"  # icon shortcodes: names for the renderer
    r"|@[\w.]+"  # a creator's handle, from the user's (or the demo's) data
    r"|\b\d{4}-W\d{2}\b"  # an ISO week label (2026-W05), from the data's dates
    r"|\b[A-Z]{3}-\d{3}\b"  # a join code (ABC-234): the code itself, or the example of its shape
    r"|[\u2100-\u214f]"  # letter-like symbols (the ℹ of ℹ️): Unicode calls them letters
)
"""Things on screen that are not words of the interface: icons, and data in its own shapes."""

WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Fragment:
    """An allowed piece of text: literal parts in order; a template's placeholders sit between them."""

    parts: tuple[str, ...]

    @property
    def is_template(self) -> bool:
        return len(self.parts) > 1


def _template_parts(text: str) -> tuple[str, ...]:
    parts = [literal for literal, _, _, _ in string.Formatter().parse(text)]
    return tuple(part for part in parts if part)


def lesson_texts(course: Course, lang: Language) -> Iterator[str]:
    """Every text a lesson or the glossary of ``lang`` can put on screen."""
    for lesson in course.in_language(lang):
        meta = lesson.meta
        yield from (meta.title, lesson.body, *meta.questions, *meta.objectives, *meta.keypoints)
        for question in meta.quiz:
            yield from (question.question, *question.options, question.explanation)
        for exercise in meta.exercises:
            yield from (exercise.title, exercise.prompt, exercise.solution)
        for source in meta.sources:
            yield from (source.label, source.url or "")
        for task in meta.prefills().values():  # the file a calculator opens: its name and its cells
            yield from (task.title, task.prefill.filename)
            yield from re.split(r"[,;\t\n]", task.prefill.data)
        for slide in lesson.slides:
            yield from (slide.title, slide.body, slide.notes)
        yield from lesson.notes
    for term in course.glossary.get(lang, []):
        yield from (term.term, term.definition, *term.banned)


@cache
def _catalog_fragments(lang: Language) -> tuple[Fragment, ...]:
    found = []
    for text in catalog(lang).values():
        try:
            parts = _template_parts(text)
        except ValueError:  # a literal brace that isn't a placeholder
            parts = (text,)
        if any(WORD.search(part) for part in parts):
            found.append(Fragment(parts))
    return tuple(found)


def allowed_fragments(course: Course, lang: Language) -> list[Fragment]:
    """The catalog strings of ``lang`` (as templates) and its lesson texts, longest first."""
    lessons = [Fragment((text.strip(),)) for text in set(lesson_texts(course, lang)) if text.strip()]
    lines = {
        line.strip(" -*#>")
        for text in lesson_texts(course, lang)
        for line in text.splitlines()
        if WORD.search(line)
    }
    # A lesson's list or paragraph may be rendered re-joined: each of its lines is allowed too.
    lessons += [Fragment((line,)) for line in lines if line]
    every = [*_catalog_fragments(lang), *lessons]
    return sorted(every, key=lambda f: -sum(map(len, f.parts)))


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    return not (first.isalnum() and before.isalnum()) and not (last.isalnum() and after.isalnum())


def _cover_literal(text: str, literal: str, covered: bytearray) -> None:
    start = text.find(literal)
    while start != -1:
        end = start + len(literal)
        if _bounded(text, start, end):
            covered[start:end] = b"\x01" * len(literal)
        start = text.find(literal, start + 1)


def _cover_template(text: str, parts: tuple[str, ...], covered: bytearray) -> None:
    if not all(part in text for part in parts):
        return
    # Placeholders become "anything"; only the literal parts count as covered, so what filled a
    # placeholder must be accounted for by another fragment (or be data).
    # Tried from every place the first part occurs: a lazy match from an earlier, unrelated
    # occurrence would otherwise swallow the real one into its placeholder.
    pattern = re.compile(".*?".join(f"({re.escape(part)})" for part in parts), flags=re.DOTALL)
    begin = text.find(parts[0])
    while begin != -1:
        match = pattern.match(text, begin)
        if match is not None:
            for number in range(1, len(parts) + 1):
                start, end = match.span(number)
                covered[start:end] = b"\x01" * (end - start)
        begin = text.find(parts[0], begin + 1)


def _folded(text: str) -> str:
    """Lower case of the same length, so positions still match (a sentence may start a lower-case
    catalog string with a capital)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def uncovered_words(
    text: str, fragments: Iterable[Fragment], data_words: frozenset[str] = frozenset()
) -> list[str]:
    """Words of ``text`` that no fragment covers and that aren't data (compared in lower case)."""
    text = NOT_WORDS.sub(" ", text)
    folded = _folded(text)
    covered = bytearray(len(text))
    for fragment in fragments:
        parts = tuple(_folded(part) for part in fragment.parts)
        if fragment.is_template:
            _cover_template(folded, parts, covered)
        else:
            _cover_literal(folded, parts[0], covered)
    residue = "".join(ch if not covered[i] else " " for i, ch in enumerate(text))
    return [word for word in WORD.findall(residue) if word.lower() not in data_words]


def rendered_texts(at: AppTest) -> list[str]:
    """Every text on the page and in the sidebar: elements, widget labels, tooltips and options."""
    found: list[str] = []
    for node in [*at.main, *at.sidebar]:
        kind = getattr(node, "type", "")
        if kind in TEXT_ELEMENTS:
            found.append(str(node.value))
        for attribute in TEXT_ATTRIBUTES:
            try:
                value = getattr(node, attribute)
            except (AttributeError, KeyError):
                continue
            if isinstance(value, str) and value:
                found.append(value)
        options = getattr(node, "options", None)
        if isinstance(options, list):
            found.extend(option for option in options if isinstance(option, str))
    return found


LANGUAGE_CODES = frozenset(LANGUAGES)
"""The language switch shows the bare codes (``en``/``es``) on purpose: they are what ``?lang=`` takes."""
