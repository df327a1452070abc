"""The calculator contract: the ids, and the typed reading every calculator's file reader returns.

Every calculator package (``content_logic.channels``, ``.team``, ``.funnel``) exports the same verbs
(see ``docs/architecture.md``)::

    read_file(data, filename, *, mapping=None) -> Reading[Inputs]
    assess(inputs) -> Result
    summary_markdown(result, lang) -> str
    table_csv(result, lang) -> bytes
    result_json(result, *, lang="en") -> dict[str, JsonValue]
    room_summary(result) -> ChannelsSummary | TeamSummary | FunnelSummary
    inputs_to_json(inputs) -> dict[str, JsonValue]
    inputs_from_json(data) -> Inputs
    demo_inputs(demo_id) -> Inputs, with DEMO_IDS
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from content_logic.i18n import Language
from content_logic.problems import Problem

if TYPE_CHECKING:
    from content_logic.workshop.models import RoomSummary

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


CONTRACT_NAMES = (
    "read_file",
    "assess",
    "summary_markdown",
    "table_csv",
    "result_json",
    "room_summary",
    "inputs_to_json",
    "inputs_from_json",
    "demo_inputs",
    "DEMO_IDS",
)
"""The names every calculator package exports, with the same meaning in each."""


class CalculatorPackage(Protocol):
    """What ``content_logic.<id>`` offers (the contract), for code that runs any calculator by id."""

    DEMO_IDS: tuple[str, ...]

    def read_file(
        self, data: bytes, filename: str, *, mapping: Mapping[str, str] | None = None
    ) -> Reading[Any]:
        """Read an uploaded file into the calculator's inputs."""

    def assess(self, inputs: Any) -> Any:
        """The calculator's result for its inputs."""

    def summary_markdown(self, result: Any, lang: Language) -> str:
        """The result as Markdown."""

    def table_csv(self, result: Any, lang: Language) -> bytes:
        """The result's table as a CSV download."""

    def result_json(self, result: Any, *, lang: Language = "en") -> dict[str, JsonValue]:
        """The result as the command line's ``--json`` ``result`` object (its texts in ``lang``)."""

    def room_summary(self, result: Any) -> RoomSummary:
        """What an attendee may share with the workshop."""

    def inputs_to_json(self, inputs: Any) -> dict[str, JsonValue]:
        """The inputs as JSON, to save them."""

    def inputs_from_json(self, data: Mapping[str, object]) -> Any:
        """Saved inputs back."""

    def demo_inputs(self, demo_id: str) -> Any:
        """A demo's inputs."""


class ContractMissing(LookupError):
    """A calculator package doesn't (yet) export every name of the contract."""


def calculator_package(calculator: CalculatorId) -> CalculatorPackage:
    """The package ``content_logic.<calculator>``, checked to export the whole contract."""
    module = importlib.import_module(f"content_logic.{calculator}")
    missing = [name for name in CONTRACT_NAMES if not hasattr(module, name)]
    if missing:
        raise ContractMissing(f"content_logic.{calculator} doesn't export {', '.join(missing)}")
    return cast(CalculatorPackage, module)
