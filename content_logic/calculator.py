"""The calculator contract: the ids, and the typed reading every calculator's file reader returns.

Every calculator package (``content_logic.channels``, ``.team``, ``.funnel``) exports the same verbs
(see ``docs/architecture.md``)::

    read_file(data, filename, *, mapping=None) -> Reading[Inputs]
    assess(inputs) -> Result
    summary_markdown(result, lang) -> str
    table_csv(result, lang) -> bytes
    result_json(result) -> dict[str, JsonValue]
    room_summary(result) -> ChannelsSummary | TeamSummary | FunnelSummary
    inputs_to_json(inputs) -> dict[str, JsonValue]
    inputs_from_json(data) -> Inputs
    demo_inputs(demo_id) -> Inputs, with DEMO_IDS
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from content_logic.problems import Problem

CalculatorId = Literal["channels", "team", "funnel"]
"""The three calculators, in course order; the one place their ids are defined."""

CALCULATOR_IDS: tuple[CalculatorId, ...] = get_args(CalculatorId)
"""Every calculator id, in course order (lesson links, the dashboard, the command line)."""

InputsT = TypeVar("InputsT")

_FROZEN = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class UnmappedLabel(BaseModel):
    """A label in the user's file that the calculator's vocabulary doesn't know (a channel name, a
    role title): the page offers to map it, and the rows it sits on are left out until then."""

    model_config = _FROZEN

    column: str
    """The column it was found in, as written in the file."""
    label: str
    """The label as written (``Seller-owned``, ``Encargado de tienda``)."""
    rows: int = Field(ge=1)
    """How many rows carry it."""


class Reading(BaseModel, Generic[InputsT]):
    """What a calculator read from one file: typed inputs (``None`` when nothing usable was found),
    the problems that stopped rows or the file, the notes on what was skipped or assumed, and the
    labels it couldn't map. A missing value is never a problem by itself."""

    model_config = _FROZEN

    inputs: InputsT | None
    problems: tuple[Problem, ...] = ()
    """Errors, each naming file, row and column; when ``inputs`` is ``None`` they say why."""
    notes: tuple[Problem, ...] = ()
    """What the reader did that the user should know (rows skipped, totals ignored, header on row 3)."""
    unmapped: tuple[UnmappedLabel, ...] = ()
    """Labels the vocabulary doesn't know, with their row counts, for the mapping editor."""
    definitions: dict[str, str] = {}
    """Which metric definition each measure in the file uses (``finish_rate`` → ``per_view``),
    kept as the file states them; never silently converted."""
