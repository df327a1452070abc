"""Numbers as each language writes them: counts, decimals, money and percentages, through Babel.

The one place the app turns a number into text (pages, downloads, lessons' examples, the command
line), so English shows ``1,234.5`` and ``42%`` and Spanish ``1.234,5`` and ``42 %`` everywhere.
Spanish separates the percent sign and the currency with a no-break space (U+00A0), as its locale
data says, so a phone never wraps ``42`` and ``%`` onto two lines.
"""

from __future__ import annotations

import math
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from content_logic.i18n import Language

BABEL_LOCALES: dict[Language, str] = {"en": "en", "es": "es"}
"""The Babel locale of each app language: neutral Spanish (``es``), whose numbers read ``1.234,5``."""

MISSING = "—"
"""Shown for a value that isn't there (a metric the file didn't have), never ``nan`` or ``None``."""


@cache
def _locale(lang: Language) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


@cache
def _pattern(lang: Language, kind: str, digits: int, fixed: bool) -> NumberPattern:
    """The locale's own pattern (grouping, sign and spacing) with ``digits`` fraction digits."""
    formats = _locale(lang).percent_formats if kind == "percent" else _locale(lang).decimal_formats
    pattern = parse_pattern(formats[None].pattern)
    pattern.frac_prec = (digits if fixed else 0, digits)
    return pattern


def _apply(pattern: NumberPattern, value: float, lang: Language, *, currency: str | None = None) -> str:
    return str(pattern.apply(value, _locale(lang), currency=currency, currency_digits=False))


def _usable(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def format_count(value: float | None, lang: Language) -> str:
    """A whole count with grouping: ``1,234`` in English, ``1.234`` in Spanish (rounded half to even)."""
    if value is None or not _usable(value):
        return MISSING
    return _apply(_pattern(lang, "decimal", 0, False), round(value), lang)


def format_decimal(value: float | None, lang: Language, *, digits: int = 1, fixed: bool = False) -> str:
    """At most ``digits`` decimals (exactly ``digits`` when ``fixed``): ``1,234.5`` / ``1.234,5``."""
    if value is None or not _usable(value):
        return MISSING
    return _apply(_pattern(lang, "decimal", digits, fixed), value, lang)


def format_percent(share: float | None, lang: Language, *, digits: int = 0, signed: bool = False) -> str:
    """A share from 0 to 1 as a percentage: ``0.42`` → ``42%`` / ``42 %``; ``signed`` adds ``+`` above 0."""
    if share is None or not _usable(share):
        return MISSING
    if round(abs(share) * 100, digits) == 0:
        share = 0.0  # never "-0%"
    text = _apply(_pattern(lang, "percent", digits, True), share, lang)
    if signed and share > 0:
        return f"+{text}"
    return text


def format_money(value: float | None, lang: Language, *, currency: str | None = None, digits: int = 2) -> str:
    """An amount with exactly ``digits`` decimals, with the ISO ``currency``'s symbol when given.

    ``format_money(5350, "en", currency="USD")`` → ``$5,350.00``; in Spanish ``5.350,00 US$``. Files
    rarely say their currency, so without one the amount is a plain grouped number.
    """
    if value is None or not _usable(value):
        return MISSING
    if currency is None:
        return format_decimal(value, lang, digits=digits, fixed=True)
    return _money(value, currency, lang, digits)


def _money(value: float, currency: str, lang: Language, digits: int) -> str:
    pattern = parse_pattern(_locale(lang).currency_formats["standard"].pattern)
    pattern.frac_prec = (digits, digits)
    return _apply(pattern, value, lang, currency=currency)
