"""The printable course: what each edition prints, the PDFs' text and pages, and the download buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.handouts import plain_words, render_pdf
from content_logic.handouts.course import EDITIONS, course_handout, lesson_handout
from content_logic.i18n import LANGUAGES, Language, translate
from tests.pdf_support import pdf_pages, pdf_text, render_pages, words
from tests.room_support import login, make_room

COURSE = load_course(LESSONS_DIR)
LESSON_IDS = [lesson.meta.id for lesson in COURSE.in_language("en")]
App = Callable[..., AppTest]


def _fragment(markdown: str) -> str:
    """The first line of a markdown text as printed: enough to find it, short enough to stay on one line."""
    return words(next(line for line in markdown.splitlines() if line.strip()).lstrip("-0123456789. "))[:40]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_the_attendee_edition_hides_solutions_notes_and_answers(lang: Language, lesson_id: str) -> None:
    lesson = COURSE.find(lang, lesson_id)
    assert lesson is not None
    attendee = lesson_handout(COURSE, lang, lesson_id, edition="attendee")
    instructor = lesson_handout(COURSE, lang, lesson_id, edition="instructor")
    assert attendee is not None and instructor is not None
    shown, full = plain_words(attendee.blocks), plain_words(instructor.blocks)
    for text in [*lesson.meta.objectives, *lesson.meta.keypoints, lesson.meta.title]:
        assert words(text) in shown
    for exercise in lesson.meta.exercises:
        assert words(exercise.title) in shown
        assert _fragment(exercise.solution) in full
        assert _fragment(exercise.solution) not in shown
    for note in lesson.notes:
        assert _fragment(note) in full
        assert _fragment(note) not in shown
    for question in lesson.meta.quiz:
        letter = f"{chr(ord('a') + question.answer)}) {question.options[question.answer]}"
        answer = translate("handout.quiz_answer", lang, answer=letter, explanation=question.explanation)
        assert words(answer) in full
        assert words(answer) not in shown
    for term in COURSE.terms_used(lang, lesson_id):
        assert term.term in shown


def test_an_unknown_lesson_has_no_handout() -> None:
    assert lesson_handout(COURSE, "en", "no-such-lesson", edition="attendee") is None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_lesson_pdf_prints_its_text_and_renders(lang: Language, edition: str, tmp_path: Path) -> None:
    handout = lesson_handout(COURSE, lang, "stock-up-trap", edition=edition)  # type: ignore[arg-type]
    assert handout is not None
    data = render_pdf(handout)
    text = pdf_text(data)
    lesson = COURSE.find(lang, "stock-up-trap")
    assert lesson is not None
    assert words(lesson.meta.title) in text
    assert words(lesson.meta.keypoints[0]) in text
    assert (translate("handout.solution", lang) in text) is (edition == "instructor")
    assert len(render_pages(data, tmp_path)) == pdf_pages(data)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_course_pdf_has_every_lesson_and_the_glossary(lang: Language, tmp_path: Path) -> None:
    data = render_pdf(course_handout(COURSE, lang, edition="attendee"))
    text = pdf_text(data)
    for lesson in COURSE.in_language(lang):
        assert words(lesson.meta.title) in text
    for term in COURSE.glossary[lang]:
        assert words(term.term) in text
    assert len(render_pages(data, tmp_path, resolution=10)) == pdf_pages(data) > len(LESSON_IDS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lesson_page_and_the_course_map_offer_the_handout(app: App, lang: Language) -> None:
    at = app(lang=lang, page="pages/lesson.py", lesson="views-no-sales")
    assert not at.exception
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == [translate("handout.download_lesson", lang)]  # no instructor edition for attendees
    home = app(lang=lang)
    assert [b.proto.label for b in home.get("download_button")] == [
        translate("handout.download_course", lang)
    ]


def test_a_signed_in_instructor_also_gets_the_instructor_editions(
    app: App, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_room(monkeypatch, tmp_path)
    at = login(app, "es")
    at.switch_page("pages/lesson.py").run()
    assert not at.exception
    labels = [button.proto.label for button in at.get("download_button")]
    expected = ["handout.download_lesson", "handout.download_lesson_instructor"]
    assert labels == [translate(key, "es") for key in expected]
    at.switch_page("pages/home.py").run()
    expected = ["handout.download_course", "handout.download_course_instructor"]
    assert [b.proto.label for b in at.get("download_button")] == [translate(key, "es") for key in expected]
