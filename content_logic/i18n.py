"""UI string catalogs: one per language, split into namespace files under ``strings/<lang>/``."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal, get_args

Language = Literal["en", "es"]
"""The languages the app speaks; every UI string exists in each."""

LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "en"
"""Used when neither the URL, the session nor the browser names a supported language."""

STRINGS_DIR = Path(__file__).parent / "strings"
"""Each ``<lang>/<namespace>.toml`` file holds flat ``key = "text"`` pairs; keys are ``namespace.key``."""


def _flatten(prefix: str, table: Mapping[str, object], out: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, Mapping):
            _flatten(name, value, out)
        else:
            out[name] = str(value)


@cache
def catalog(lang: Language, root: Path = STRINGS_DIR) -> Mapping[str, str]:
    """All strings of one language, keyed ``namespace.key`` (nested tables join with dots)."""
    strings: dict[str, str] = {}
    for path in sorted((root / lang).glob("*.toml")):
        with path.open("rb") as handle:
            _flatten(path.stem, tomllib.load(handle), strings)
    return strings


def translate(key: str, lang: Language, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled; the key itself if unknown."""
    text = catalog(lang).get(key)
    if text is None:
        return key
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields a string expects, so tests can check both languages ask for the same."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def resolve_language(*candidates: str | None) -> Language:
    """The first candidate whose first two letters name a supported language (``es-MX`` → ``es``)."""
    for candidate in candidates:
        code = (candidate or "")[:2].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
