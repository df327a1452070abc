"""Input problems that name the place (file, row, column) and say how to fix it, in any language."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from content_logic.i18n import Language, translate

Scalar = str | int | float


class LocatedMessage(BaseModel):
    """A message about the user's input that names its place (file, row, column), in any language.

    ``row`` is the spreadsheet row number as the user sees it (the header is row 1).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    catalog_prefix: ClassVar[str]
    """``code`` picks the text ``<catalog_prefix>.<code>`` from the string catalogs."""

    code: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    values: dict[str, Scalar] = {}

    def message(self, lang: Language) -> str:
        """The message in ``lang`` without its place (for output that gives file, row and column apart)."""
        return translate(
            f"{self.catalog_prefix}.{self.code}",
            lang,
            column=self.column or "",
            row=self.row or 0,
            **self.values,
        )

    def describe(self, lang: Language) -> str:
        """The message in ``lang``, prefixed with where the problem is."""
        text = self.message(lang)
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(translate("problems.where_row", lang, row=self.row))
        if self.column:
            where.append(translate("problems.where_column", lang, column=self.column))
        return f"{', '.join(where)}: {text}" if where else text


class Problem(LocatedMessage):
    """One thing wrong with the user's input; its text is in ``strings/*/problems.toml``."""

    catalog_prefix: ClassVar[str] = "problems"


class InputError(ValueError):
    """Raised with every problem found, so the user can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems
