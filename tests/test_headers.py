"""The one label normaliser and the vocabulary files built on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.headers import Vocabulary, any_known, load_vocabularies, normalise_label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Video Revenue ($)", "video revenue"),
        ("GMV de LIVE (€)", "gmv de live"),
        ("Ingresos (MX$)", "ingresos"),
        ("Ventas (US$)", "ventas"),
        ("CTR (%)", "ctr"),
        ("Average play time per video view (s)", "average play time per video view"),
        ("Vídeo", "video"),
        ("  Tasa de FINALIZACIÓN ", "tasa de finalizacion"),
        ("Founder/CEO", "founder ceo"),
        ("Video views at 25%", "video views at 25"),
        ("Video (ID)", "video id"),
        ("Dueño", "dueno"),
        ("2-second video views", "2 second video views"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_label(text: object, expected: str) -> None:
    assert normalise_label(text) == expected


@given(st.text(max_size=40))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_label(text)
    assert normalise_label(once) == once


@given(
    st.sampled_from(["GMV", "Video revenue", "Pedidos de vídeos"]),
    st.sampled_from(["$", "€", "MX$", "%", "COP"]),
)
def test_a_currency_in_parentheses_never_changes_the_label(label: str, mark: str) -> None:
    assert normalise_label(f"{label} ({mark})") == normalise_label(label)


ROLES = Vocabulary.from_table(
    "roles",
    {
        "founder": {"en": ["Founder", "Owner", "Founder/CEO"], "es": ["Dueño", "Fundadora", "Fundador"]},
        "editor": ["Video editor", "Editor de video"],
        "live_host": ["Host de lives", "LIVE host"],
    },
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DUEÑO", "founder"),
        ("founder ceo", "founder"),
        ("editor de vídeo", "editor"),
        ("live_host", "live_host"),
        ("Video editor (freelance, 2 days/week)", None),
        ("Community manager", None),
    ],
)
def test_lookup_compares_whole_labels(text: str, expected: str | None) -> None:
    assert ROLES.lookup(text) == expected
    assert ROLES.is_known(text) is (expected is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Video editor (freelance, 2 days/week)", "editor"),
        ("Host de lives, fines de semana", "live_host"),
        ("Founder", "founder"),
        ("Editorial", None),
    ],
)
def test_search_finds_a_label_inside_free_text(text: str, expected: str | None) -> None:
    assert ROLES.search(text) == expected


def test_one_label_meaning_two_ids_is_refused() -> None:
    with pytest.raises(ValueError, match="Vídeo"):
        Vocabulary.from_table("carriers", {"video": ["Video"], "self_video": ["Vídeo"]})


def test_vocabulary_files_load_by_section(tmp_path: Path) -> None:
    path = tmp_path / "channels.toml"
    path.write_text(
        '[columns]\norders = ["Orders", "Pedidos"]\n[columns.gmv]\nen = ["GMV"]\nes = ["Ingresos"]\n'
        '[sources]\ninfluencer = ["Affiliate", "Afiliado"]\n',
        encoding="utf-8",
    )
    columns = Vocabulary.load(path, "columns")
    assert (columns.ids, columns.lookup("INGRESOS (€)")) == (("orders", "gmv"), "gmv")
    every = load_vocabularies(path)
    assert sorted(every) == ["columns", "sources"]
    known = any_known(every.values())
    assert (known("Afiliado"), known("Pedidos"), known("Fecha")) == (True, True, False)
    with pytest.raises(ValueError, match="no \\[roles\\]"):
        Vocabulary.load(path, "roles")


def test_a_malformed_entry_names_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[columns]\norders = 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns.orders"):
        Vocabulary.load(path, "columns")
