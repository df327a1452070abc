"""Exercises on the lesson page, and a calculator opened pre-filled from one, in both languages."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.i18n import LANGUAGES, translate
from tests.conftest import APP
from ui.exercise import DELIVERED_KEY

DATA = {
    ("en", "channels"): (
        "carla-weeks.csv",
        "week,Video,Creators,Paid\n2026-01-05,10,2,5\n2026-01-12,12,3,4\n2026-01-19,11,2,6\n",
    ),
    ("es", "channels"): (
        "semanas-carla.csv",
        "semana;Video propio;Creadores;Promoción pagada\n2026-01-05;10;2;5\n2026-01-12;12;3;4\n2026-01-19;11;2;6\n",
    ),
    ("en", "team"): ("roster.csv", "role,headcount\nfounder,1\nstore_operator,3\ncustomer_service,2\n"),
    ("es", "team"): (
        "equipo.csv",
        "rol;personas\nfundador;1\nGestor/a de tienda;2\nDirector/a de contenido;1\n",
    ),
    ("en", "funnel"): (
        "videos.csv",
        "Video title,Creator username,Video views,2-second video views,Video views at 100%,Product clicks,"
        "SKU orders\nNight desk,@marco,420000,159600,65436,900,25\nDay lamp,@ana,100000,30000,20000,300,2\n",
    ),
    ("es", "funnel"): (
        "videos.csv",
        "Vídeo;Creador;Vistas;Tasa de gancho (%);Finalización;Clics en producto;Pedidos\n"
        "Lámpara;@lucia;300.000;42 %;45 %;480;12\nReflejos;@tomas;95.000;36 %;47 %;1.400;41\n",
    ),
}
"""One small file per calculator and language, in the shape each calculator's reader accepts."""

CALCULATORS = ("channels", "team", "funnel")
App = Callable[..., AppTest]


def _prefill(lang: str, calculator: str, indent: int) -> str:
    filename, data = DATA[(lang, calculator)]
    body = textwrap.indent(data, " " * (indent + 4))
    pad = " " * indent
    return (
        f"{pad}prefill:\n{pad}  calculator: {calculator}\n{pad}  filename: {filename}\n{pad}  data: |\n{body}"
    )


def _lesson(lang: str) -> str:
    exercises = "".join(
        f"  - id: try-{calculator}\n"
        f"    title: {lang} exercise on {calculator}\n"
        f"    prompt: {lang} prompt for {calculator}\n"
        f"    solution: {lang} solution for {calculator}\n" + _prefill(lang, calculator, 4)
        for calculator in CALCULATORS
    )
    quiz = "".join(
        f"  - question: {lang} question {n}\n    options: [{lang} a, {lang} b]\n    answer: {n % 2}\n"
        f"    explanation: {lang} because {n}\n"
        for n in (1, 2)
    )
    quiz += (
        f"  - question: {lang} question 3 needs the calculator\n    options: [{lang} a, {lang} b]\n"
        f"    answer: 0\n    explanation: {lang} because 3\n" + _prefill(lang, "team", 4)
    )
    return (
        f"---\nid: practice\norder: 1\ntitle: {lang} practice\nminutes: {{teaching: 5, exercises: 10}}\n"
        f"questions: [{lang} why]\nobjectives: [{lang} do]\nkeypoints: [{lang} point]\n"
        f"quiz:\n{quiz}exercises:\n{exercises}"
        f"sources:\n  - {{label: {lang} report, url: 'https://example.org/report'}}\n"
        f"---\n\n## {lang} section\n\n{lang} text about the creator.\n"
    )


@pytest.fixture
def practice_course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "lessons"
    for lang in LANGUAGES:
        (root / lang).mkdir(parents=True)
        (root / lang / "practice.md").write_text(_lesson(lang), encoding="utf-8")
        (root / lang / "glossary.yaml").write_text(
            f"- {{id: creator, term: creator, definition: '{lang} someone who posts', banned: [influencer]}}\n",
            encoding="utf-8",
        )
    monkeypatch.setenv("COMPANION_LESSONS_DIR", str(root))
    return root


def _open(lang: str, page: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page(page).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lesson_shows_exercises_with_folded_solutions_data_links_and_sources(
    practice_course: Path, lang: str
) -> None:
    at = _open(lang, "pages/lesson.py", lesson="practice")
    assert at.caption[0].value == translate("lesson.minutes_split", lang, total=15, teaching=5, exercises=10)  # type: ignore[arg-type]
    assert [h.value for h in at.header][0] == translate("lesson.exercises_header", lang)  # type: ignore[arg-type]
    subheaders = [h.value for h in at.subheader]
    assert [f"{lang} exercise on {c}" for c in CALCULATORS] == subheaders[:3]
    solutions = [e for e in at.expander if e.label == translate("lesson.solution", lang)]  # type: ignore[arg-type]
    assert [e.markdown[0].value for e in solutions] == [f"{lang} solution for {c}" for c in CALCULATORS]
    links = [(link.label, link.page, link.query_string) for link in at.get("page_link")]
    for calculator in CALCULATORS:
        label = translate(
            "lesson.open_exercise",
            lang,  # type: ignore[arg-type]
            calculator=translate(f"{calculator}.nav_title", lang),  # type: ignore[arg-type]
        )
        assert (label, calculator, f"exercise=practice.try-{calculator}") in links
    team = translate("lesson.open_exercise", lang, calculator=translate("team.nav_title", lang))  # type: ignore[arg-type]
    assert (
        team,
        "team",
        "exercise=practice.quiz-3",
    ) in links  # the quiz question's data  # the quiz question's data
    sources = "\n".join(m.value for m in at.markdown)
    assert f"- [{lang} report](https://example.org/report)" in sources
    assert translate("lesson.sources_header", lang) in [h.value for h in at.subheader]  # type: ignore[arg-type]


FILE_PROBLEMS = {
    "channels": ("channels.upload_problems", "channels.upload_problems"),
    "team": ("team.import_failed", "team.import_failed"),
    "funnel": ("funnel.fix_these", "funnel.skipped_title"),
}
"""The first words of each calculator's message about a file it could not (wholly) read."""


def _file_problems(at: AppTest, lang: str, calculator: str) -> list[str]:
    patterns = [
        re.compile(".*".join(map(re.escape, re.split(r"\{\w+\}", translate(key, lang)))), re.DOTALL)  # type: ignore[arg-type]
        for key in FILE_PROBLEMS[calculator]
    ]
    return [e.value for e in [*at.error, *at.warning] if any(p.match(e.value) for p in patterns)]


def _in_use(at: AppTest, lang: str, calculator: str) -> bool:
    """The calculator's own sign that a file is being used, naming the exercise's file."""
    filename = DATA[(lang, calculator)][0]
    shown = [e.value for e in [*at.info, *at.success, *at.caption]]
    return any(filename in text for text in shown)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("calculator", CALCULATORS)
def test_a_calculator_opens_pre_filled_from_an_exercise(
    practice_course: Path, lang: str, calculator: str
) -> None:
    at = _open(lang, f"pages/{calculator}.py", exercise=f"practice.try-{calculator}")
    assert _in_use(at, lang, calculator)
    assert not _file_problems(at, lang, calculator)
    assert at.session_state[DELIVERED_KEY] == {f"practice.try-{calculator}"}
    at.run()  # the next rerun keeps using it: the file went into the page's own upload state
    assert not at.exception and _in_use(at, lang, calculator)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_channels_table_holds_the_exercise_weeks(practice_course: Path, lang: str) -> None:
    at = _open(lang, "pages/channels.py", exercise="practice.try-channels")
    assert translate("channels.upload_in_use", lang, file=DATA[(lang, "channels")][0], weeks=3) in [  # type: ignore[arg-type]
        i.value for i in at.info
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_quiz_question_opens_its_calculator_pre_filled(practice_course: Path, lang: str) -> None:
    at = _open(lang, "pages/team.py", exercise="practice.quiz-3")
    assert _in_use(at, lang, "team")
    assert at.toast[0].value == translate(
        "lesson.exercise_loaded",
        lang,  # type: ignore[arg-type]
        title=f"{lang} question 3 needs the calculator",
        file=DATA[(lang, "team")][0],
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_exercise_file_is_given_once_so_later_changes_stay(practice_course: Path, lang: str) -> None:
    at = _open(lang, "pages/funnel.py", exercise="practice.try-funnel")
    assert _in_use(at, lang, "funnel")
    data = DATA[(lang, "funnel")][1].encode()
    at.file_uploader[0].set_value(("mine.csv", data, "text/csv")).run()  # the learner's own file
    at.switch_page("pages/home.py").run()
    at.query_params["exercise"] = "practice.try-funnel"  # the same link again
    at.switch_page("pages/funnel.py").run()
    shown = " ".join(e.value for e in [*at.info, *at.success, *at.caption])
    assert "mine.csv" in shown and DATA[(lang, "funnel")][0] not in shown


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("page", "address"),
    [
        ("pages/channels.py", "practice.nothing-here"),
        ("pages/channels.py", "practice.try-team"),  # another calculator's exercise
        ("pages/team.py", "missing.try-team"),
        ("pages/funnel.py", "practice.quiz-1"),  # a quiz question without data
    ],
)
def test_an_unknown_exercise_link_says_so_and_the_calculator_still_works(
    practice_course: Path, lang: str, page: str, address: str
) -> None:
    notice = translate("lesson.exercise_unknown", lang, exercise=address)  # type: ignore[arg-type]
    at = _open(lang, page, exercise=address)
    assert notice in [w.value for w in at.warning]
    at.run()
    assert not at.exception and notice not in [w.value for w in at.warning]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_terms_of_the_lesson_link_to_the_glossary(practice_course: Path, lang: str) -> None:
    at = _open(lang, "pages/lesson.py", lesson="practice")
    links = [(l.label, l.page, l.query_string) for l in at.get("page_link")]
    assert ("creator", "glossary", "term=creator") in links
    at = _open(lang, "pages/glossary.py", term="creator")
    assert at.title[0].value == translate("glossary.title", lang)  # type: ignore[arg-type]
    assert [s.value for s in at.subheader] == ["creator", "creator"]  # looked up, then in the list
    assert f"{lang} someone who posts" in [m.value for m in at.markdown]
    assert translate("glossary.avoid", lang, variants="influencer") in [c.value for c in at.caption]  # type: ignore[arg-type]


def _real_prefills() -> list[tuple[str, str, str, str]]:
    from content_logic.course import LESSONS_DIR, load_course

    course = load_course(LESSONS_DIR)
    return [
        (lang, lesson.meta.id, item, task.prefill.filename)
        for lang in LANGUAGES
        for lesson in course.in_language(lang)
        for item, task in lesson.meta.prefills().items()
    ]


REAL_PREFILLS = _real_prefills()


@pytest.mark.parametrize(
    ("lang", "lesson_id", "item", "filename"),
    REAL_PREFILLS,
    ids=[f"{p[0]}-{p[1]}.{p[2]}" for p in REAL_PREFILLS],
)
def test_every_exercise_file_of_the_course_is_read_by_its_calculator(
    lang: str, lesson_id: str, item: str, filename: str
) -> None:
    from content_logic.course import LESSONS_DIR, load_course

    task = load_course(LESSONS_DIR).prefilled_task(lang, f"{lesson_id}.{item}")  # type: ignore[arg-type]
    assert task is not None
    calculator = task.prefill.calculator
    at = _open(lang, f"pages/{calculator}.py", exercise=f"{lesson_id}.{item}")
    shown = [e.value for e in [*at.info, *at.success, *at.caption]]
    assert any(filename in text for text in shown), f"{calculator} doesn't say it uses {filename}"
    assert not _file_problems(at, lang, calculator)
