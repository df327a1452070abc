"""Numbers as sellers' files write them: ``$5,350.00``, ``1.234,56 €``, ``MX$45,230.50``, ``2.83%``, ``--``.

Whole columns are read at once with pandas string operations (a 100,000-row export costs tens of
milliseconds), and the decimal mark is decided per column from the cells that can only be read
one way (``12,5``, ``1,234.50``, ``1.234.567``), so ``1.234`` means the same in every row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel, ConfigDict

from content_logic.problems import Problem
from content_logic.sheets.cells import CURRENCY_AT_ENDS, CURRENCY_FOUND, MISSING_MARKS, SPACES, parse_number

DecimalMark = Literal[".", ","]

_SHAPE = r"^[-+]?(?:\d[\d.,]*|[.,]\d+)$"
_AMBIGUOUS = r"^[-+]?[1-9]\d{0,2}[.,]\d{3}$"  # "1.234": thousands, or a decimal with three places
_DOT_DECIMAL = r"^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d*)\.\d+|\d{1,3}(?:,\d{3}){2,})$"
_COMMA_DECIMAL = r"^[-+]?(?:(?:\d{1,3}(?:\.\d{3})+|\d*),\d+|\d{1,3}(?:\.\d{3}){2,})$"
_VALID: dict[DecimalMark, str] = {
    ".": r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$",
    ",": r"^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?$",
}
_MISSING = pa.array(sorted(MISSING_MARKS), type=pa.string())


class NumberColumn(BaseModel):
    """A column read as numbers: the values (NaN where missing or unreadable), the decimal mark chosen
    for the whole column, and whether that choice was a guess the user should be told about."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    values: pd.Series
    """Floats indexed like the input (the spreadsheet row numbers); NaN for missing or unreadable."""
    decimal: DecimalMark | None
    """The decimal mark the column uses; ``None`` when no cell had one."""
    ambiguous: bool
    """True when cells such as ``1.234`` could be read either way and the column didn't say which."""
    example: str | None = None
    """One ambiguous cell as written, for the note."""
    invalid: dict[int, str] = {}
    """Row → text of the cells that are not numbers (words, ``1.2.3``); missing cells are not here."""
    percent: bool = False
    """True when cells carried ``%``."""
    currency: str | None = None
    """The currency symbol or code the cells carried (``$``, ``MX$``, ``€``), as first written."""

    def ambiguity_note(self, *, file: str | None, column: str) -> Problem | None:
        """A note saying which decimal mark was assumed, when the column didn't make it clear."""
        if not self.ambiguous:
            return None
        code = "number_decimal_ambiguous_comma" if self.decimal == "," else "number_decimal_ambiguous_dot"
        return Problem(code=code, file=file, column=column, values={"example": self.example or ""})


def _arrow_text(values: Iterable[object] | pd.Series) -> tuple[pa.Array, pd.Index]:
    """The cells as an Arrow string array (pyarrow's string kernels run the whole column in C)."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    try:
        cells = pa.array(series, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # numbers or dates among the cells
        cells = pa.array([None if v is None or v != v else str(v) for v in series], type=pa.string())
    return pc.utf8_trim_whitespace(cells), series.index


def _matches(cells: pa.Array, pattern: str) -> pa.Array:
    return pc.fill_null(pc.match_substring_regex(cells, pattern), False)


def _count(mask: pa.Array) -> int:
    return int(pc.sum(mask).as_py() or 0)


def _first(cells: pa.Array, mask: pa.Array) -> str | None:
    chosen = pc.filter(cells, mask)
    return str(chosen[0].as_py()) if len(chosen) else None


def _strip_marks(core: pa.Array) -> pa.Array:
    """Drop currency symbols or codes at either end (also between a sign and the digits) and spaces."""
    core = pc.replace_substring(pc.replace_substring_regex(core, CURRENCY_AT_ENDS, ""), "−", "-")
    core = pc.replace_substring_regex(pc.replace_substring_regex(core, SPACES, ""), r"^([-+])[^\d.,]*", r"\1")
    return pc.replace_substring_regex(core, CURRENCY_AT_ENDS, "")


def parse_number_column(
    values: Iterable[object] | pd.Series, *, prefer: DecimalMark | None = None
) -> NumberColumn:
    """Read a column of cells as numbers, deciding the decimal mark from the whole column.

    Cells that can only be read one way vote (``12,5`` and ``1.234.567`` for a decimal comma,
    ``0.5`` and ``1,234.5`` for a decimal point); ``1.234`` alone is thousands unless the column (or
    ``prefer``, the file's convention) says otherwise, and the column is then ``ambiguous``.
    Missing marks (``--``, ``N/A``, empty) give NaN and are not ``invalid``.
    """
    text, index = _arrow_text(values)
    missing = pc.or_kleene(pc.is_null(text), pc.is_in(pc.utf8_lower(text), value_set=_MISSING))
    cells = pc.if_else(missing, pa.scalar(None, pa.string()), text)
    shaped = _matches(cells, _SHAPE)
    if _count(shaped) == len(cells) - cells.null_count:  # plain numbers: nothing to strip
        core, parens = cells, pc.and_(shaped, False)
    else:
        core = pc.replace_substring_regex(cells, r"\s*%$", "")
        parens = _matches(core, r"^\(.*\)$")
        core = _strip_marks(pc.replace_substring_regex(core, r"^\((.*)\)$", r"\1"))
        shaped = _matches(core, _SHAPE)
    unclear = pc.and_(shaped, _matches(core, _AMBIGUOUS))
    clear = pc.and_not(shaped, unclear)
    for_dot = pc.and_(clear, _matches(core, _DOT_DECIMAL))
    for_comma = pc.and_(clear, _matches(core, _COMMA_DECIMAL))
    votes_dot, votes_comma = _count(for_dot), _count(for_comma)
    decimal: DecimalMark | None
    if votes_dot or votes_comma:  # the column says; it is unclear only if its cells disagree
        decimal = "." if votes_dot >= votes_comma else ","
        disagree = votes_dot and votes_comma
        unclear = (for_comma if decimal == "." else for_dot) if disagree else pc.and_(shaped, False)
    elif _count(unclear):  # only cells like "1.234": thousands, unless the file's convention says
        thousands_dot = _count(pc.and_(unclear, _matches(core, r"\."))) == _count(unclear)
        decimal = prefer or ("," if thousands_dot else ".")
    else:
        decimal = (prefer or ".") if _count(pc.and_(shaped, _matches(core, r"[.,]"))) else None
    mark: DecimalMark = decimal or "."
    valid = pc.and_(pc.and_(shaped, _matches(core, _VALID[mark])), _matches(core, r"\d"))
    plain = pc.if_else(valid, core, pa.scalar(None, pa.string()))
    plain = pc.replace_substring(plain, "," if mark == "." else ".", "")
    numbers = pc.cast(pc.replace_substring(plain, ",", "."), pa.float64())
    numbers = pc.if_else(parens, pc.negate(pc.abs(numbers)), numbers)
    series = pd.Series(numbers.to_numpy(zero_copy_only=False), index=index, dtype=float)
    odd = pc.and_not(shaped, valid)
    if _count(odd):  # cells breaking the column's convention: read one by one, and the column is unclear
        rows = odd.to_numpy(zero_copy_only=False)
        series[rows] = [_or_nan(parse_number(cell)) for cell in pc.filter(cells, odd).to_pylist()]
        unclear = pc.or_(unclear, odd)
    unreadable = (
        pc.and_not(pc.invert(missing), valid).to_numpy(zero_copy_only=False) & series.isna().to_numpy()
    )
    raw = text.to_pylist() if unreadable.any() else []
    return NumberColumn(
        values=series,
        decimal=decimal,
        ambiguous=bool(_count(unclear)),
        example=_first(cells, unclear),
        invalid={int(index[i]): str(raw[i]) for i in unreadable.nonzero()[0]},
        percent=bool(_count(_matches(cells, r"%$"))),
        currency=_currency(cells),
    )


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else value


CURRENCY_SAMPLE = 50
"""Cells looked at to tell a column's currency: exports write one currency per column."""


def _currency(cells: pa.Array) -> str | None:
    for cell in pc.drop_null(cells)[:CURRENCY_SAMPLE].to_pylist():
        found = CURRENCY_FOUND.search(str(cell).removesuffix("%").strip())
        if found:
            return found.group(1) or found.group(2)
    return None


def parse_rate_column(
    values: Iterable[object] | pd.Series, *, prefer: DecimalMark | None = None
) -> NumberColumn:
    """A column of rates as shares from 0 to 1: ``2.83%`` → 0.0283; plain numbers are percentages
    (``42`` → 0.42) unless every one of them is at most 1 (then they are already shares)."""
    column = parse_number_column(values, prefer=prefer)
    text, _ = _arrow_text(values)
    with_sign = pd.Series(_matches(text, r"%$").to_numpy(zero_copy_only=False), index=column.values.index)
    plain = column.values[~with_sign].dropna()
    already_shares = len(plain) > 0 and bool((plain.abs() <= 1).all())
    shares = column.values.where(~with_sign & already_shares, column.values / 100)
    return column.model_copy(update={"values": shares})
