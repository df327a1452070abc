"""Every page, in both languages, shows only text from the string catalogs or the lessons (issue 14).

Streamlit's "magic" wrote a page's bare string literals on screen, so a developer's docstring
appeared above every lesson, in English. Magic is off now (``.streamlit/config.toml``), and these
tests look at what each page actually renders.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.course import LESSONS_DIR, load_course
from content_logic.i18n import LANGUAGES, translate
from tests.text_coverage import LANGUAGE_CODES, allowed_fragments, rendered_texts, uncovered_words
from ui.routes import CALCULATOR_ROUTES, ROUTES

ROOT = Path(__file__).resolve().parent.parent
COURSE = load_course(LESSONS_DIR)
App = Callable[..., AppTest]

OLD_LESSON_DOCSTRING = (
    "Selector key and URL parameter (``?lesson=stock-up-trap``), so a lesson link can be shared.\n\n"
    'Synced by hand rather than with ``bind="query-params"``: a bound widget writes its displayed\n'
    "title into the URL, and links must carry the stable id."
)
"""What the lesson page used to render above every lesson, in both languages."""


def leaks(at: AppTest, lang: str) -> dict[str, list[str]]:
    fragments = allowed_fragments(COURSE, lang)  # type: ignore[arg-type]
    found = {}
    for text in rendered_texts(at):
        words = uncovered_words(text, fragments, LANGUAGE_CODES)
        if words:
            found[text[:100]] = words
    return found


def _cases() -> list[tuple[str, str, dict[str, str]]]:
    cases = []
    for lang in LANGUAGES:
        cases += [(lang, route.file, {}) for route in ROUTES]
        cases += [(lang, "pages/lesson.py", {"lesson": l.meta.id}) for l in COURSE.in_language(lang)]
        cases += [
            (lang, "pages/glossary.py", {"term": term.id}) for term in COURSE.glossary.get(lang, [])[:1]
        ]
        for lesson in COURSE.in_language(lang):
            for item, task in lesson.meta.prefills().items():
                route = CALCULATOR_ROUTES[task.prefill.calculator]
                cases.append((lang, route.file, {"exercise": f"{lesson.meta.id}.{item}"}))
    return cases


CASES = _cases()


@pytest.mark.parametrize(
    ("lang", "page", "query"),
    CASES,
    ids=[f"{lang}-{Path(page).stem}-{'-'.join(q.values()) or 'default'}" for lang, page, q in CASES],
)
def test_every_page_shows_only_catalog_and_lesson_text(
    app: App, lang: str, page: str, query: dict[str, str]
) -> None:
    at = app(lang=lang, page=page, **query)
    assert not at.exception
    assert rendered_texts(at), "nothing collected: the check would pass on anything"
    assert leaks(at, lang) == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answered_quiz_and_open_solutions_show_only_catalog_and_lesson_text(app: App, lang: str) -> None:
    lessons = COURSE.in_language(lang)  # type: ignore[arg-type]
    lesson = next((l for l in lessons if l.meta.exercises), lessons[0])  # solutions are rendered folded
    at = app(lang=lang, page="pages/lesson.py", lesson=lesson.meta.id)
    first, second = lesson.meta.quiz[0], lesson.meta.quiz[1]
    at.radio(key=f"quiz_{lesson.meta.id}_0").set_value(first.answer).run()
    at.radio(key=f"quiz_{lesson.meta.id}_1").set_value((second.answer + 1) % len(second.options)).run()
    assert at.success and at.error
    assert leaks(at, lang) == {}


def test_the_old_lesson_docstring_would_have_been_caught() -> None:
    for lang in LANGUAGES:
        words = uncovered_words(OLD_LESSON_DOCSTRING, allowed_fragments(COURSE, lang), LANGUAGE_CODES)
        assert {"Selector", "Synced", "widget"} <= set(words)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (f"**{translate('lesson.objectives', 'en')}**\n\n- 42 %", "en", []),
        (
            f"**{translate('lesson.objectives', 'en')}**",
            "es",
            ["By", "the", "end", "you", "will", "be", "able", "to"],
        ),
        (translate("lesson.try_it", "es", calculator=translate("channels.nav_title", "es")), "es", []),
        (translate("lesson.try_it", "es", calculator="Stock checker"), "es", ["Stock", "checker"]),
        (translate("home.quiz_score", "en", correct=2, total=4) + " · 12 min", "en", []),
        ("Hard-coded sentence on a page", "en", ["Hard", "coded", "sentence", "on", "a", "page"]),
        (":material/check: **en** · es", "en", []),
        # a placeholder can't swallow an earlier, unrelated occurrence of the template's first words
        (
            translate("funnel.later_below", "en", stages="Glorp")
            + " "
            + translate("funnel.thin_sample", "en", orders=3).replace("Only", "only"),
            "en",
            ["Glorp"],
        ),
        ("ℹ️ " + translate("funnel.thin_sample", "en", orders=3).lower(), "en", []),  # a capital lost
    ],
)
def test_words_outside_the_catalogs_and_lessons_are_found(text: str, lang: str, expected: list[str]) -> None:
    assert uncovered_words(text, allowed_fragments(COURSE, lang), LANGUAGE_CODES) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_lesson_of_the_other_language_is_not_allowed_text(lang: str) -> None:
    other = "es" if lang == "en" else "en"
    body = COURSE.in_language(other)[0].body  # type: ignore[arg-type]
    assert len(uncovered_words(body, allowed_fragments(COURSE, lang), LANGUAGE_CODES)) > 50  # type: ignore[arg-type]


def test_streamlit_magic_is_off() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False


@pytest.mark.parametrize(
    "path", ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
)
def test_no_page_has_a_bare_expression_magic_would_draw(path: str) -> None:
    """Besides the module docstring (which magic skips), a bare value in a page script is drawn by
    Streamlit whenever magic is on: a guard for a server started with another config."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and ast.get_docstring(node) is not None
    }
    bare = [
        f"{path}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and not isinstance(node.value, ast.Call | ast.Await | ast.Yield | ast.YieldFrom)
        and id(node) not in docstrings
    ]
    assert bare == []
