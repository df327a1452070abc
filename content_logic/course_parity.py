"""Across languages: the same lessons, with the same shape, and the same glossary terms."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from content_logic.glossary import GlossaryTerm
from content_logic.i18n import LANGUAGES, Language
from content_logic.lessons import Lesson, LessonProblem, Prefill


def lesson_parity(root: Path, by_lang: dict[Language, list[Lesson]]) -> list[LessonProblem]:
    """Files missing in a language, and twins whose shape differs from the first language's."""
    problems: list[LessonProblem] = []
    files = {lang: {p.stem for p in (root / lang).glob("*.md")} for lang in LANGUAGES}
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for stem in sorted(files[lang] - files[other]):
                problems.append(
                    LessonProblem(
                        file=f"{root.name}/{lang}/{stem}.md",
                        field="id",
                        message=f"exists in '{lang}' but not in '{other}': add {root.name}/{other}/{stem}.md",
                    )
                )
    reference = {l.meta.id: l for l in by_lang.get(LANGUAGES[0], [])}
    for lang in LANGUAGES[1:]:
        for lesson in by_lang.get(lang, []):
            twin = reference.get(lesson.meta.id)
            if twin is None:
                continue
            problems.extend(_same_shape(twin, lesson))
    return problems


def _same_shape(reference: Lesson, lesson: Lesson) -> list[LessonProblem]:
    ref, meta = reference.meta, lesson.meta

    def problem(field: str, message: str) -> LessonProblem:
        return LessonProblem(file=lesson.source, field=field, message=message)

    if len(ref.quiz) != len(meta.quiz):
        return [problem("quiz", f"has {len(meta.quiz)} questions; {reference.source} has {len(ref.quiz)}")]
    found = []
    for number, (a, b) in enumerate(zip(ref.quiz, meta.quiz, strict=True), start=1):
        if len(a.options) != len(b.options) or a.answer != b.answer:
            found.append(
                problem(
                    f"quiz[{number}]",
                    f"has {len(b.options)} options with answer {b.answer}; {reference.source} "
                    f"has {len(a.options)} options with answer {a.answer}",
                )
            )
    for number, (a, b) in enumerate(zip(ref.quiz, meta.quiz, strict=True), start=1):
        if _calculator_of(a.prefill) != _calculator_of(b.prefill):
            found.append(
                problem(
                    f"quiz[{number}].prefill",
                    f"opens {_calculator_of(b.prefill)}; "
                    f"{reference.source} opens {_calculator_of(a.prefill)}",
                )
            )
    for field in ("order", "calculator", "minutes"):
        if getattr(ref, field) != getattr(meta, field):
            found.append(
                problem(
                    field,
                    f"is {_plain(getattr(meta, field))}; "
                    f"{reference.source} has {_plain(getattr(ref, field))}",
                )
            )
    exercises = [(e.id, _calculator_of(e.prefill)) for e in meta.exercises]
    expected = [(e.id, _calculator_of(e.prefill)) for e in ref.exercises]
    if exercises != expected:
        found.append(
            problem(
                "exercises",
                f"are {_pairs(exercises)} (id and calculator); {reference.source} has {_pairs(expected)}",
            )
        )
    urls, expected_urls = [s.url for s in meta.sources], [s.url for s in ref.sources]
    if urls != expected_urls:
        found.append(
            problem(
                "sources",
                f"has {len(urls)} source(s) with links {urls}; {reference.source} has "
                f"{len(expected_urls)} with links {expected_urls} (labels may be translated, links not)",
            )
        )
    return found


def _calculator_of(prefill: Prefill | None) -> str:
    return prefill.calculator if prefill is not None else "no calculator"


def _plain(value: object) -> str:
    if isinstance(value, BaseModel):
        return ", ".join(f"{k} {v}" for k, v in value.model_dump().items())
    return repr(value)


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return "[" + ", ".join(f"{a} ({b})" for a, b in pairs) + "]" if pairs else "none"


def glossary_parity(root: Path, glossary: dict[Language, list[GlossaryTerm]]) -> list[LessonProblem]:
    """Glossaries whose term ids (or their order) differ from the first language's."""
    reference = [term.id for term in glossary.get(LANGUAGES[0], [])]
    problems = []
    for lang in LANGUAGES[1:]:
        ids = [term.id for term in glossary.get(lang, [])]
        if ids != reference:
            missing = sorted(set(reference) - set(ids))
            extra = sorted(set(ids) - set(reference))
            detail = "; ".join(
                part
                for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"not in {LANGUAGES[0]}: {', '.join(extra)}" if extra else "",
                    "same terms in another order" if not missing and not extra else "",
                )
                if part
            )
            problems.append(
                LessonProblem(
                    file=f"{root.name}/{lang}/glossary.yaml",
                    field="id",
                    message=f"the terms must match {root.name}/{LANGUAGES[0]}/glossary.yaml: {detail}",
                )
            )
    return problems
