"""One cell as sellers write it: the marks around a number (currency, ``%``, ``--``), and the scalar
readers. Whole columns go through :mod:`content_logic.sheets.numbers`, which decides per column."""

from __future__ import annotations

import math
import re

MISSING_MARKS = frozenset(
    {"", "-", "--", "---", "—", "–", "n/a", "na", "n.a.", "null", "none", "nan", "#n/a"}
)
"""What exports write for "no value" (Seller Center's ``--`` for a video with no shop); read as missing."""

CURRENCY_MARKS = (
    "US$", "MX$", "CA$", "AU$", "NZ$", "HK$", "NT$", "R$", "C$", "A$", "S/.", "S/", "RM", "Rp", "COP",
    "USD", "EUR", "GBP", "MXN", "BRL", "MYR", "PEN", "CLP", "ARS", "IDR", "PHP", "THB", "VND", "SGD",
    "$", "€", "£", "¥", "₱", "₫", "฿", "₹",
)  # fmt: skip
"""Currency symbols and ISO codes written before or after an amount; dropped, and kept on the column."""

_CURRENCY = "|".join(re.escape(mark) for mark in sorted(CURRENCY_MARKS, key=len, reverse=True))
CURRENCY_AT_ENDS = rf"(?i)^(?:{_CURRENCY})\s*|\s*(?:{_CURRENCY})$"
CURRENCY_FOUND = re.compile(rf"^(?:[-+−]\s*)?({_CURRENCY})|({_CURRENCY})$", re.IGNORECASE)
SPACES = r"[\s\x{00a0}\x{202f}']+"  # thousands as spaces (1 234) or apostrophes (1'234)


def parse_rate(value: object) -> float | None:
    """One rate as a share from 0 to 1: ``2.83%`` → 0.0283, ``42`` → 0.42, ``0.42`` → 0.42; else ``None``."""
    number = parse_number(value)
    if number is None:
        return None
    if str(value).strip().endswith("%") or abs(number) > 1:
        return number / 100
    return number


_CURRENCY_RE = re.compile(CURRENCY_AT_ENDS)
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}([.,]\d{3})+)?([.,]\d+)?$")


def parse_number(value: object) -> float | None:
    """A number from one cell: ``12``, ``12,5``, ``1.234,5``, ``$5,350.00``, ``1.234,56 €``, ``35%`` (35);
    ``None`` for missing marks (``--``, ``N/A``, empty) and for anything that isn't a number.

    A single separator followed by exactly three digits (``1.234``, ``1,234``) is read as thousands,
    as both English and Spanish spreadsheets write whole order counts that way. Read a whole column
    with :func:`parse_number_column`, which decides that per column.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip()
    if text.casefold() in MISSING_MARKS:
        return None
    text = text.removesuffix("%").strip()
    negative = text.startswith("(") and text.endswith(")")
    text = _CURRENCY_RE.sub("", text.strip("()").strip()).replace("−", "-")
    text = re.sub(r"[\s\u00a0\u202f']+", "", text)
    text = re.sub(r"^([-+])[^\d.,]*", r"\1", text)
    text = _CURRENCY_RE.sub("", text)
    if not text or not _NUMBER.match(text) or not re.search(r"\d", text):
        return None
    sign = "-" if text.startswith("-") or negative else ""
    text = text.lstrip("+-")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 1:
        mark = "." if dots else ","
        integer, fraction = text.split(mark)
        thousands = integer[:1] not in ("", "0") and len(fraction) == 3
        decimal = "" if thousands else mark  # "1.234" is thousands, "0,125" a fraction
    else:
        decimal = ""  # no mark, or one repeated ("1.234.567"): thousands only
    integer, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    digits = re.sub(r"[.,]", "", integer) or "0"
    return float(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}")
