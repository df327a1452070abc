"""The glossary fixes each term once: its banned variants appear nowhere in the lessons or UI text.

Per language, every ``banned`` variant of ``lessons/<lang>/glossary.yaml`` is searched in every file
of ``lessons/<lang>/`` and ``content_logic/strings/<lang>/*.toml``: whole words, any case, accents
significant (``vídeo`` is not ``video``), composed or decomposed accents alike.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.course import LESSONS_DIR, load_course
from content_logic.glossary import GLOSSARY_FILE, GlossaryTerm, find_banned, terms_in
from content_logic.i18n import LANGUAGES, STRINGS_DIR

ROOT = Path(__file__).resolve().parent.parent
COURSE = load_course(LESSONS_DIR)

TERMS = [
    GlossaryTerm(id="video", term="video", definition="d", banned=["vídeo", "vídeos"]),
    GlossaryTerm(id="listing", term="publicación", definition="d", banned=["anuncio de producto"]),
    GlossaryTerm(id="you-all", term="ustedes", definition="d", banned=["vosotros", "pensad"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un video corto", []),
        ("Un vídeo corto", [("video", "vídeo", 1)]),
        ("VÍDEOS de creadores", [("video", "VÍDEOS", 1)]),
        ("Un vi\u0301deo con acento suelto", [("video", "vídeo", 1)]),  # decomposed accent
        ("videovídeo", []),  # inside another word
        ("el vídeo-reseña", [("video", "vídeo", 1)]),  # a hyphen is a word boundary
        ("línea 1\nEl anuncio\n de producto", [("listing", "anuncio\n de producto", 2)]),
        ("El anuncio pagado", []),  # "anuncio" alone means an ad: allowed
        ("Pensad en vosotros", [("you-all", "Pensad", 1), ("you-all", "vosotros", 1)]),
        ("pensadores", []),
    ],
)
def test_find_banned(text: str, expected: list[tuple[str, str, int]]) -> None:
    uses = find_banned(text, TERMS)
    assert [(u.term_id, unicodedata.normalize("NFC", u.found), u.line) for u in uses] == [
        (term, unicodedata.normalize("NFC", found), line) for term, found, line in expected
    ]


@given(
    before=st.text(alphabet=" abcxyz.,\n", max_size=30),
    after=st.text(alphabet=" abcxyz.,\n", max_size=30),
    upper=st.booleans(),
    decompose=st.booleans(),
)
def test_a_banned_variant_is_found_wherever_it_stands_alone(
    before: str, after: str, upper: bool, decompose: bool
) -> None:
    word = "VÍDEO" if upper else "vídeo"
    if decompose:
        word = unicodedata.normalize("NFD", word)
    text = f"{before} {word} {after}"
    assert [u.variant for u in find_banned(text, TERMS)] == ["vídeo"]
    assert find_banned(text.replace(word, "video"), TERMS) == []


def test_terms_in_finds_the_glossary_terms_a_text_uses() -> None:
    assert [t.id for t in terms_in("Ustedes suben un video", TERMS)] == ["video", "you-all"]


def _files(lang: str) -> list[Path]:
    lessons = [p for p in sorted((LESSONS_DIR / lang).iterdir()) if p.is_file() and p.name != GLOSSARY_FILE]
    return lessons + sorted((STRINGS_DIR / lang).glob("*.toml"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_a_glossary(lang: str) -> None:
    assert (LESSONS_DIR / lang / GLOSSARY_FILE).is_file()
    assert COURSE.glossary[lang], f"lessons/{lang}/{GLOSSARY_FILE} has no terms"  # type: ignore[index]
    assert [p for p in COURSE.problems if GLOSSARY_FILE in p.file] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_banned_variant_in_the_lessons_or_the_strings(lang: str) -> None:
    terms = COURSE.glossary.get(lang, [])  # type: ignore[call-overload]
    found = [
        f"{path.relative_to(ROOT)}:{use.line}: '{use.found}' (the glossary's '{use.term_id}' bans '{use.variant}')"
        for path in _files(lang)
        for use in find_banned(path.read_text(encoding="utf-8"), terms)
    ]
    assert found == []
