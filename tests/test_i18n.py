"""The string catalogs: same keys and placeholders in every language; language resolution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content_logic.i18n import LANGUAGES, STRINGS_DIR, catalog, placeholders, resolve_language, translate

ROOT = Path(__file__).resolve().parent.parent


def test_every_language_has_the_same_namespace_files() -> None:
    files = {lang: sorted(p.name for p in (STRINGS_DIR / lang).glob("*.toml")) for lang in LANGUAGES}
    assert files["en"] == files["es"]


def test_every_key_exists_in_every_language() -> None:
    en, es = set(catalog("en")), set(catalog("es"))
    assert sorted(en - es) == [], "missing in es"
    assert sorted(es - en) == [], "missing in en"


def test_placeholders_match_across_languages() -> None:
    mismatched = {
        key: (placeholders(text), placeholders(catalog("es")[key]))
        for key, text in catalog("en").items()
        if placeholders(text) != placeholders(catalog("es")[key])
    }
    assert mismatched == {}


def test_no_string_is_empty() -> None:
    for lang in LANGUAGES:
        assert [k for k, v in catalog(lang).items() if not v.strip()] == []


def test_every_key_used_in_the_app_exists() -> None:
    used: set[str] = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text()))
    missing = sorted(k for k in used if k not in catalog("en"))
    assert missing == []


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [(("es-MX",), "es"), ((None, "ES"), "es"), (("fr-FR", None), "en"), ((), "en"), (("pt", "es"), "es")],
)
def test_resolve_language(candidates: tuple[str | None, ...], expected: str) -> None:
    assert resolve_language(*candidates) == expected


def test_translate_fills_placeholders_and_falls_back_to_the_key() -> None:
    assert translate("home.minutes", "es", minutes=7) == "7 min"
    assert translate("no.such_key", "en") == "no.such_key"
