"""My plan's steps in words: the catalog text of each rule with the names its ids stand for."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from content_logic.i18n import Language, translate
from content_logic.plan import Step


class StepText(BaseModel):
    """One step as the page and the PDF print it."""

    model_config = ConfigDict(frozen=True)

    title: str
    why: str
    lesson: str
    """The lesson to re-read, by its title in this language (its id if it didn't load)."""


def calculator_name(calculator: str, lang: Language) -> str:
    """A calculator's name, as its menu shows it."""
    return translate(f"{calculator}.nav_title", lang)


def step_text(step: Step, lang: Language, lesson_titles: Mapping[str, str]) -> StepText:
    """The step's sentence and reason, its ids replaced by names in ``lang``."""
    names = {
        "stage": translate(f"funnel.stage.{step.subject}", lang).lower()
        if step.rule == "funnel_bottleneck"
        else "",
        "capability": translate(f"team.cap.{step.subject}", lang) if step.rule == "team_gap" else "",
        "calculator": calculator_name(step.subject, lang) if step.rule == "run_calculator" else "",
        "lesson": lesson_titles.get(step.lesson_id, step.lesson_id),
        "correct": step.correct,
        "total": step.total,
    }
    return StepText(
        title=translate(f"plan.step.{step.rule}", lang, **names),
        why=translate(f"plan.why.{step.rule}", lang, **names),
        lesson=lesson_titles.get(step.lesson_id, step.lesson_id),
    )
