"""The printable course: one lesson or the whole course as a handout, for attendees or the instructor.

The attendee edition prints what the lesson page shows before anything is unfolded: objectives,
text, exercises without their solutions, key points, the quiz without answers and the glossary.
The instructor edition adds the speaker notes where they belong, the solutions and the answers.
"""

from __future__ import annotations

from typing import Literal, get_args

from content_logic.course import Course
from content_logic.glossary import GlossaryTerm
from content_logic.handouts.blocks import (
    Block,
    Handout,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    markdown_blocks,
)
from content_logic.i18n import Language, translate
from content_logic.lessons import Lesson

Edition = Literal["attendee", "instructor"]
"""Who the handout is for: the instructor's also carries notes, solutions and answers."""

EDITIONS: tuple[Edition, ...] = get_args(Edition)


def _t(lang: Language, key: str, **values: object) -> str:
    return translate(f"handout.{key}", lang, **values)


def _minutes(lesson: Lesson, lang: Language) -> str:
    minutes = lesson.meta.minutes
    if minutes.exercises:
        return _t(
            lang, "minutes", total=minutes.total, teaching=minutes.teaching, exercises=minutes.exercises
        )
    return _t(lang, "minutes_plain", total=minutes.total)


def _text(lesson: Lesson, lang: Language, edition: Edition) -> list[Block]:
    if edition == "attendee":
        return markdown_blocks(lesson.body)
    blocks: list[Block] = []
    for slide in lesson.slides:
        if slide.title:
            blocks.append(Heading(text=slide.title, level=2))
        blocks += markdown_blocks(slide.body)
        if slide.notes:
            blocks.append(Paragraph(text=f"**{_t(lang, 'notes')}:**", style="note"))
            blocks += markdown_blocks(slide.notes, style="note")
    return blocks


def _exercises(lesson: Lesson, lang: Language, edition: Edition) -> list[Block]:
    meta = lesson.meta
    if not meta.exercises:
        return []
    blocks: list[Block] = [Heading(text=_t(lang, "exercises"), level=2)]
    for number, exercise in enumerate(meta.exercises, start=1):
        blocks.append(Heading(text=_t(lang, "exercise", number=number, title=exercise.title), level=3))
        blocks += markdown_blocks(exercise.prompt)
        if exercise.prefill is not None:
            link = f"/{exercise.prefill.calculator}?exercise={meta.id}.{exercise.id}"
            blocks.append(Paragraph(text=_t(lang, "calculator_data", link=link), style="small"))
        if edition == "instructor":
            blocks.append(Paragraph(text=f"**{_t(lang, 'solution')}:**", style="note"))
            blocks += markdown_blocks(exercise.solution, style="note")
    return blocks


def _quiz(lesson: Lesson, lang: Language, edition: Edition) -> list[Block]:
    blocks: list[Block] = [Heading(text=_t(lang, "quiz"), level=2)]
    for number, question in enumerate(lesson.meta.quiz, start=1):
        blocks.append(Paragraph(text=f"**{number}. {question.question}**"))
        letters = [f"{chr(ord('a') + i)}) {option}" for i, option in enumerate(question.options)]
        blocks.append(Items(items=letters))
        if edition == "instructor":
            answer = letters[question.answer]
            text = _t(lang, "quiz_answer", answer=answer, explanation=question.explanation)
            blocks.append(Paragraph(text=text, style="note"))
    return blocks


def glossary_blocks(terms: list[GlossaryTerm], title: str) -> list[Block]:
    """The terms with their definitions, under a heading; nothing for no terms."""
    if not terms:
        return []
    blocks: list[Block] = [Heading(text=title, level=2)]
    for term in terms:
        definition = markdown_blocks(term.definition)
        first = definition[0] if definition else Paragraph(text="")
        text = first.text if isinstance(first, Paragraph) else ""
        blocks.append(Paragraph(text=f"**{term.term}:** {text}"))
        blocks += definition[1:]
    return blocks


def lesson_blocks(
    lesson: Lesson, lang: Language, *, edition: Edition, terms: list[GlossaryTerm] | None = None
) -> list[Block]:
    """One lesson: title, time, objectives, questions, text, exercises, key points, quiz, terms."""
    meta = lesson.meta
    blocks: list[Block] = [
        Heading(text=f"{meta.order}. {meta.title}", level=1),
        Paragraph(text=_minutes(lesson, lang), style="small"),
        Paragraph(text=f"**{_t(lang, 'objectives')}**"),
        Items(items=list(meta.objectives)),
        Paragraph(text=f"**{_t(lang, 'questions')}**"),
        Items(items=list(meta.questions)),
        *_text(lesson, lang, edition),
        *_exercises(lesson, lang, edition),
        Heading(text=_t(lang, "keypoints"), level=2),
        Items(items=list(meta.keypoints)),
        *_quiz(lesson, lang, edition),
    ]
    if terms:
        blocks += glossary_blocks(terms, _t(lang, "glossary_lesson"))
    if meta.sources:
        blocks.append(Heading(text=_t(lang, "sources"), level=2))
        labels = [f"{s.label} ({s.url})" if s.url else s.label for s in meta.sources]
        blocks.append(Items(items=labels))
    return blocks


def _edition_name(lang: Language, edition: Edition) -> str:
    return _t(lang, f"edition_{edition}")


def lesson_handout(course: Course, lang: Language, lesson_id: str, *, edition: Edition) -> Handout | None:
    """One lesson's handout with the glossary terms it uses; ``None`` when no such lesson loaded."""
    lesson = course.find(lang, lesson_id)
    if lesson is None:
        return None
    blocks = lesson_blocks(lesson, lang, edition=edition, terms=course.terms_used(lang, lesson_id))
    edition_name = _edition_name(lang, edition)
    if edition == "instructor":
        blocks.insert(1, Paragraph(text=f"**{edition_name}**", style="note"))
    title = lesson.meta.title
    footer = _t(lang, "footer", title=title, edition=_t(lang, f"edition_short_{edition}"))
    return Handout(title=title, lang=lang, footer=footer, blocks=blocks)


def course_handout(course: Course, lang: Language, *, edition: Edition) -> Handout:
    """Every lesson in order, each from a new page, after a contents page; the whole glossary at the end."""
    lessons = course.in_language(lang)
    title = _t(lang, "course_title")
    edition_name = _edition_name(lang, edition)
    time = course.time(lang)
    blocks: list[Block] = [
        Heading(text=title, level=1),
        Paragraph(text=f"**{edition_name}**", style="note" if edition == "instructor" else "body"),
        Paragraph(text=_t(lang, "course_minutes", lessons=len(lessons), total=time.total), style="small"),
        Heading(text=_t(lang, "contents"), level=2),
        Items(items=[f"{l.meta.title} ({_minutes(l, lang)})" for l in lessons], numbered=True),
    ]
    for lesson in lessons:
        blocks += [PageBreak(), *lesson_blocks(lesson, lang, edition=edition)]
    glossary = course.glossary.get(lang, [])
    if glossary:
        blocks += [PageBreak(), *glossary_blocks(glossary, _t(lang, "glossary"))]
    footer = _t(lang, "footer", title=title, edition=_t(lang, f"edition_short_{edition}"))
    return Handout(title=title, lang=lang, footer=footer, blocks=blocks)
