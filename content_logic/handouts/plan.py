"""My plan as a handout: a cover (name, date, QR to the personal link), the three steps, the
lessons, and each calculator's result with the same chart the page shows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from pydantic import BaseModel, ConfigDict

from content_logic.calculator import CalculatorId
from content_logic.handouts.blocks import (
    Block,
    Figure,
    Handout,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    QrCode,
    Table,
    markdown_blocks,
)
from content_logic.i18n import Language, translate
from content_logic.plan import ActionPlan, LessonRecord
from content_logic.plan_text import calculator_name, step_text


class CalculatorSection(BaseModel):
    """One calculator's latest result as printed: its summary (the contract's markdown) and charts."""

    model_config = ConfigDict(frozen=True)

    calculator: CalculatorId
    summary_markdown: str
    figures: list[dict[str, object]] = []
    """The page's plotly figures as JSON dicts (``fig.to_plotly_json()``), drawn natively."""


class PlanDocument(BaseModel):
    """Everything the plan PDF prints, gathered by the page from this session."""

    model_config = ConfigDict(frozen=True)

    lang: Language
    name: str = ""
    made_on: date
    plan: ActionPlan
    lessons: list[LessonRecord] = []
    lesson_titles: dict[str, str] = {}
    sections: list[CalculatorSection] = []
    link: str | None = None
    """The attendee's personal link (a workshop's resume link); ``None`` outside a workshop."""


def _t(lang: Language, key: str, **values: object) -> str:
    return translate(f"plan.{key}", lang, **values)


def step_blocks(plan: ActionPlan, lang: Language, titles: Mapping[str, str]) -> list[Block]:
    """The numbered steps, each with its reason and the lesson to re-read."""
    blocks: list[Block] = [Heading(text=_t(lang, "steps_header"), level=2)]
    for number, step in enumerate(plan.steps, start=1):
        text = step_text(step, lang, titles)
        blocks.append(Paragraph(text=f"**{number}. {text.title}**"))
        blocks.append(Items(items=[text.why, _t(lang, "reread", lesson=text.lesson)]))
    return blocks


def plan_handout(document: PlanDocument) -> Handout:
    """The plan PDF's blocks, in the page's language."""
    lang = document.lang
    name = document.name.strip()
    blocks: list[Block] = [
        Heading(text=_t(lang, "cover_title"), level=1),
        Paragraph(text=f"**{_t(lang, 'cover_for', name=name) if name else _t(lang, 'cover_anonymous')}**"),
        Paragraph(text=_t(lang, "cover_date", date=document.made_on.isoformat()), style="small"),
    ]
    if document.link:
        blocks.append(QrCode(url=document.link, caption=_t(lang, "link_caption")))
    blocks += step_blocks(document.plan, lang, document.lesson_titles)
    if document.lessons:
        blocks.append(Heading(text=_t(lang, "lessons_header"), level=2))
        rows = [
            [
                document.lesson_titles.get(r.lesson_id, r.lesson_id),
                _t(lang, "read" if r.read else "not_read"),
                f"{r.correct} / {r.total}",
            ]
            for r in document.lessons
        ]
        header = [_t(lang, "column_lesson"), _t(lang, "column_read"), _t(lang, "column_quiz")]
        blocks.append(Table(header=header, rows=rows))
    for section in document.sections:
        title, _, rest = section.summary_markdown.partition("\n")
        if not title.startswith("# "):  # the summary's own title names the calculator better
            title, rest = f"# {calculator_name(section.calculator, lang)}", section.summary_markdown
        blocks += [PageBreak(), Heading(text=title[2:].strip(), level=1)]
        blocks += [Figure(figure=figure) for figure in section.figures]
        blocks += markdown_blocks(rest)
    return Handout(title=_t(lang, "cover_title"), lang=lang, footer=_t(lang, "footer"), blocks=blocks)
