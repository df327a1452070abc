"""Loading the whole course: broken files are reported, never fatal; languages are cross-checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from content_logic.__main__ import main
from content_logic.course import load_course
from tests.test_lessons import FRONT, lesson_text

ROOT = Path(__file__).resolve().parent.parent


def write(root: Path, lang: str, lesson_id: str, front: str = FRONT, order: int = 1) -> Path:
    path = root / lang / f"{lesson_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = front.replace("id: sample-lesson", f"id: {lesson_id}").replace("order: 1", f"order: {order}")
    path.write_text(lesson_text(front=text), encoding="utf-8")
    return path


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    root = tmp_path / "lessons"
    for lang in ("en", "es"):
        write(root, lang, "first", order=1)
        write(root, lang, "second", order=2)
    return root


def test_a_clean_course_loads_in_order(course_dir: Path) -> None:
    course = load_course(course_dir)
    assert course.problems == []
    assert [l.meta.id for l in course.in_language("es")] == ["first", "second"]
    assert course.find("en", "second") is not None
    assert course.find("en", "missing") is None


def test_a_broken_file_is_reported_and_the_rest_still_loads(course_dir: Path) -> None:
    (course_dir / "en" / "second.md").write_text("---\ntitle: [unclosed\n---\n## x\n", encoding="utf-8")
    course = load_course(course_dir)
    assert [l.meta.id for l in course.in_language("en")] == ["first"]
    assert course.broken_files() == ["lessons/en/second.md"]
    assert str(course.problems[0]).startswith("lessons/en/second.md: front matter: invalid YAML")


def test_a_file_that_is_not_utf8_is_reported(course_dir: Path) -> None:
    (course_dir / "es" / "second.md").write_bytes(b"---\ntitle: Lecci\xf3n\n---\n")
    assert "lessons/es/second.md: file: is not UTF-8 text" in [
        str(p) for p in load_course(course_dir).problems
    ]


def test_a_lesson_in_one_language_only_is_reported(course_dir: Path) -> None:
    write(course_dir, "en", "third", order=3)
    messages = [str(p) for p in load_course(course_dir).problems]
    assert messages == [
        "lessons/en/third.md: id: exists in 'en' but not in 'es': add lessons/es/third.md",
    ]


def test_a_duplicate_id_is_reported(course_dir: Path) -> None:
    path = write(course_dir, "en", "third", order=3)
    path.write_text(path.read_text().replace("id: third", "id: first"), encoding="utf-8")
    messages = [str(p) for p in load_course(course_dir).problems]
    assert "lessons/en/third.md: id: 'first' must match the file name 'third.md'" in messages


def test_duplicate_ids_within_a_language_are_reported(tmp_path: Path) -> None:
    from content_logic.course import _unique
    from content_logic.lessons import parse_lesson

    one = parse_lesson(lesson_text(), source="en/a.md")
    two = parse_lesson(lesson_text(front=FRONT.replace("order: 1", "order: 2")), source="en/b.md")
    kept, problems = _unique("en", [one, two])
    assert len(kept) == 1
    assert str(problems[0]) == "en/b.md: id: duplicate id 'sample-lesson', also used by en/a.md"


def test_a_repeated_order_is_reported(course_dir: Path) -> None:
    write(course_dir, "en", "third", order=2)
    write(course_dir, "es", "third", order=2)
    messages = [str(p) for p in load_course(course_dir).problems]
    assert any("order 2 is also used by" in m for m in messages)


def test_quiz_shapes_must_match_across_languages(course_dir: Path) -> None:
    write(course_dir, "es", "second", front=FRONT.replace("answer: 2", "answer: 1"), order=2)
    messages = [str(p) for p in load_course(course_dir).problems]
    assert messages == [
        "lessons/es/second.md: quiz[2]: has 3 options with answer 1; lessons/en/second.md has 3 options with answer 2"
    ]


def test_the_calculator_link_must_match_across_languages(course_dir: Path) -> None:
    write(
        course_dir,
        "es",
        "second",
        front=FRONT.replace("calculator: channels", "calculator: team", 1),
        order=2,
    )
    messages = [str(p) for p in load_course(course_dir).problems]
    assert messages == ["lessons/es/second.md: calculator: is 'team'; lessons/en/second.md has 'channels'"]


def test_cli_prints_each_problem_and_exits_non_zero(
    course_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(course_dir, "en", "third", front=FRONT.replace("answer: 2", "answer: 9"), order=3)
    assert main(["lessons", "check", str(course_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        "lessons/en/third.md: quiz[2]: answer 9 is out of range: there are 3 options, so it must be between 0 and 2"
        in out
    )
    assert "lessons/en/third.md: id: exists in 'en' but not in 'es': add lessons/es/third.md" in out


def test_cli_passes_on_a_clean_course(course_dir: Path) -> None:
    assert main(["lessons", "check", str(course_dir)]) == 0


def test_cli_reports_a_missing_folder(tmp_path: Path) -> None:
    assert main(["lessons", "check", str(tmp_path / "nowhere")]) == 2


def test_cli_runs_as_a_module_on_the_real_lessons() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "content_logic", "lessons", "check", "lessons/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "minutes: {teaching: 5, exercises: 4}",
            "minutes: {teaching: 6, exercises: 4}",
            "lessons/es/second.md: minutes: is teaching 6, exercises 4; lessons/en/second.md has teaching 5, exercises 4",
        ),
        (
            "id: read-the-chart",
            "id: leer-el-grafico",
            "lessons/es/second.md: exercises: are [weeks-of-cover (no calculator), leer-el-grafico (channels)] (id and calculator); lessons/en/second.md has [weeks-of-cover (no calculator), read-the-chart (channels)]",
        ),
        (
            "calculator: channels\n      filename",
            "calculator: funnel\n      filename",
            "lessons/es/second.md: exercises: are [weeks-of-cover (no calculator), read-the-chart (funnel)] (id and calculator); lessons/en/second.md has [weeks-of-cover (no calculator), read-the-chart (channels)]",
        ),
        (
            "prefill: {calculator: channels, filename: q3.csv",
            "prefill: {calculator: team, filename: q3.csv",
            "lessons/es/second.md: quiz[3].prefill: opens team; lessons/en/second.md opens channels",
        ),
        (
            'url: "https://seller.tiktokglobalshop.com/university"',
            'url: "https://seller.tiktokglobalshop.com/university?lang=es"',
            "lessons/es/second.md: sources: has 2 source(s) with links ['https://seller.tiktokglobalshop.com/university?lang=es', None]; lessons/en/second.md has 2 with links ['https://seller.tiktokglobalshop.com/university', None] (labels may be translated, links not)",
        ),
    ],
)
def test_exercises_timing_prefills_and_source_links_must_match_across_languages(
    course_dir: Path, old: str, new: str, expected: str
) -> None:
    assert old in FRONT
    write(course_dir, "es", "second", front=FRONT.replace(old, new), order=2)
    assert [str(p) for p in load_course(course_dir).problems] == [expected]


def test_translated_titles_and_source_labels_are_not_a_mismatch(course_dir: Path) -> None:
    translated = FRONT.replace("title: Read the chart", "title: Lean el gráfico").replace(
        "The course's own worked example", "El ejemplo resuelto del curso"
    )
    write(course_dir, "es", "second", front=translated, order=2)
    assert load_course(course_dir).problems == []


@pytest.mark.parametrize(
    ("address", "title", "filename"),
    [
        ("second.read-the-chart", "Read the chart", "carla-weeks.csv"),
        ("second.quiz-3", "Q3", "q3.csv"),
        ("second.weeks-of-cover", None, None),  # an exercise without data
        ("second.quiz-1", None, None),
        ("third.read-the-chart", None, None),
        ("second", None, None),
        ("", None, None),
    ],
)
def test_a_prefilled_task_is_found_by_its_address(
    course_dir: Path, address: str, title: str | None, filename: str | None
) -> None:
    task = load_course(course_dir).prefilled_task("en", address)
    assert (task.title if task else None, task.prefill.filename if task else None) == (title, filename)


def test_the_course_time_adds_up_teaching_and_exercises(course_dir: Path) -> None:
    write(course_dir, "en", "third", front=FRONT.replace("teaching: 5", "teaching: 11"), order=3)
    write(course_dir, "es", "third", front=FRONT.replace("teaching: 5", "teaching: 11"), order=3)
    time = load_course(course_dir).time("en")
    assert (time.teaching, time.exercises, time.total) == (5 + 5 + 11, 4 * 3, 21 + 12)


GLOSSARY_EN = """\
- id: product-card
  term: product card
  definition: The product's page in the shop tab.
  banned: [product page]
- id: creator
  term: creator
  definition: Someone who posts videos about products.
  banned: [influencer, influencers]
"""

GLOSSARY_ES = """\
- {id: product-card, term: tarjeta de producto, definition: La página del producto., banned: [ficha de producto]}
- {id: creator, term: creador, definition: Quien publica videos., banned: [influencer, influencers]}
"""


def write_glossaries(root: Path, en: str = GLOSSARY_EN, es: str = GLOSSARY_ES) -> None:
    (root / "en" / "glossary.yaml").write_text(en, encoding="utf-8")
    (root / "es" / "glossary.yaml").write_text(es, encoding="utf-8")


def test_the_glossary_loads_beside_the_lessons(course_dir: Path) -> None:
    write_glossaries(course_dir)
    course = load_course(course_dir)
    assert course.problems == []
    assert [t.term for t in course.glossary["es"]] == ["tarjeta de producto", "creador"]
    assert course.glossary["en"][1].banned == ["influencer", "influencers"]


def test_a_course_without_glossary_files_loads_with_an_empty_glossary(course_dir: Path) -> None:
    assert load_course(course_dir).glossary == {"en": [], "es": []}


@pytest.mark.parametrize(
    ("es", "expected"),
    [
        (
            GLOSSARY_ES.splitlines()[0] + "\n",
            "lessons/es/glossary.yaml: id: the terms must match lessons/en/glossary.yaml: missing creator",
        ),
        (
            "\n".join(reversed(GLOSSARY_ES.splitlines())) + "\n",
            "lessons/es/glossary.yaml: id: the terms must match lessons/en/glossary.yaml: same terms in another order",
        ),
        (
            GLOSSARY_ES + "- {id: shelf, term: estante, definition: x}\n",
            "lessons/es/glossary.yaml: id: the terms must match lessons/en/glossary.yaml: not in en: shelf",
        ),
        (
            GLOSSARY_ES.replace("term: creador, ", ""),
            "lessons/es/glossary.yaml: [2].term: is required but missing",
        ),
        (
            GLOSSARY_ES.replace("id: creator", "id: Creator"),
            "lessons/es/glossary.yaml: [2].id: String should match pattern",
        ),
        (
            GLOSSARY_ES.replace("id: creator", "id: product-card"),
            "lessons/es/glossary.yaml: [2].id: 'product-card' is used by an earlier term",
        ),
        (
            GLOSSARY_ES.replace("banned: [influencer, influencers]", "banned: [influencer, '']"),
            "lessons/es/glossary.yaml: [2].banned[2]: String should have at least 1 character",
        ),
        (
            "creador: Quien publica videos.\n",
            "lessons/es/glossary.yaml: glossary: Input should be a valid list",
        ),
        ("- {id: [unclosed\n", "lessons/es/glossary.yaml: glossary: invalid YAML (line 2, column 1)"),
    ],
)
def test_glossary_problems_name_the_file_and_entry(course_dir: Path, es: str, expected: str) -> None:
    write_glossaries(course_dir, es=es)
    messages = [str(p) for p in load_course(course_dir).problems]
    assert any(m.startswith(expected) for m in messages), messages


def _ui_imports() -> dict[str, set[str]]:
    """Each ``ui`` module and the ``ui`` modules it imports, at the top or inside a function."""
    import ast

    modules = {f"ui.{p.stem}": p for p in (ROOT / "ui").glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        graph[name] = {module for module in found if module in modules and module != name}
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += graph[module]
    return seen


def test_ui_course_imports_nothing_that_imports_it_back() -> None:
    """Issue 10: ``ui.attendee`` ↔ ``ui.course`` was a cycle; the course side now knows no workshop."""
    graph = _ui_imports()
    assert "ui.attendee" not in _reachable(graph, "ui.course")
    assert [m for m in sorted(graph) if m in _reachable(graph, m)] == [], "an import cycle among ui modules"


def test_the_glossary_terms_a_lesson_uses_are_found_once_at_load(course_dir: Path) -> None:
    write(
        course_dir,
        "en",
        "second",
        front=FRONT.replace("title: Read the chart", "title: Ask a Creator"),
        order=2,
    )
    write(
        course_dir,
        "es",
        "second",
        front=FRONT.replace("Video is stable.", "Un creador y la tarjeta de producto."),
        order=2,
    )
    write_glossaries(course_dir)
    course = load_course(course_dir)
    assert [t.id for t in course.terms_used("en", "second")] == ["creator"]
    assert [t.id for t in course.terms_used("es", "second")] == ["product-card", "creator"]  # glossary order
    assert course.terms_used("en", "first") == [] and course.terms_used("en", "missing") == []
