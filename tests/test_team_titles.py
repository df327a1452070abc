"""Job titles as owners write them → role and share of a week, in both languages (the vocabulary)."""

from __future__ import annotations

import tomllib

import pytest

from content_logic.team.reference import ROLE_IDS
from content_logic.team.vocabulary import (
    VOCABULARY_FILE,
    PartTimeRule,
    fold_word,
    match_role,
    title_key,
    vocabulary,
    week_share,
)


@pytest.mark.parametrize(
    ("title", "role", "fte"),
    [
        # Owners and founders, any gender, any language, with or without a second title.
        ("Dueño", "founder", None),
        ("Dueña", "founder", None),
        ("Fundadora", "founder", None),
        ("Founder/CEO", "founder", None),
        ("Co-founder & CEO", "founder", None),
        ("Jefa", "founder", None),
        ("Gerente general", "founder", None),
        # Shop, service, warehouse.
        ("Encargado de tienda", "store_operator", None),
        ("Encargada de Tienda", "store_operator", None),
        ("E-commerce manager", "store_operator", None),
        ("Atención a clientes", "customer_service", None),
        ("ATENCION AL CLIENTE", "customer_service", None),
        ("Customer support", "customer_service", None),
        ("Almacén", "logistics", None),
        ("Almacenista", "logistics", None),
        ("3PL", "logistics", None),
        ("Warehouse (part-time)", "logistics", 0.5),
        ("Compras", "supply_chain", None),
        # Content people.
        ("Head of Content", "content_director", None),
        ("Directora creativa", "content_director", None),
        ("Community manager", "scriptwriter", None),
        ("Guionista", "scriptwriter", None),
        ("Editor de video", "videographer_editor", None),
        ("Editora de videos", "videographer_editor", None),
        ("Senior video editor", "videographer_editor", None),
        ("Video editor (freelance, 2 days/week)", "videographer_editor", 0.4),
        ("Camarógrafa", "videographer_editor", None),
        ("Creadora UGC", "on_camera_talent", None),
        ("UGC creator", "on_camera_talent", None),
        ("Analista de datos", "content_analyst", None),
        # Channels.
        ("Media buyer", "paid_media_buyer", None),
        ("Trafficker digital", "paid_media_buyer", None),
        ("Host de lives", "live_host", None),
        ("Host de lives (medio tiempo)", "live_host", 0.5),
        ("Operador de lives", "live_operator", None),
        ("Affiliate manager", "influencer_manager", None),
        ("Gestora de afiliados", "influencer_manager", None),
        ("Creator partnerships (20 h/week)", "influencer_manager", 0.5),
        ("Jefa de marketing", "content_director", None),
        ("Managing Partner", "founder", None),
        ("Presidenta", "founder", None),
        ("Gerenta de tienda", "store_operator", None),
        ("Gerente de operaciones", "store_operator", None),
        ("COO", "store_operator", None),
        ("Chat moderator", "live_operator", None),
        ("Moderadora", "live_operator", None),
        ("Pick & pack", "logistics", None),
        ("Empacadora", "logistics", None),
        ("Logística (3 días/semana)", "logistics", 0.6),
        ("Call center", "customer_service", None),
        ("Sample coordinator", "influencer_manager", None),
        ("Envío de muestras", "influencer_manager", None),
        ("Especialista en TikTok Ads", "paid_media_buyer", None),
        ("Community manager 20h/semana", "scriptwriter", 0.5),
        ("Fotógrafa de producto (por proyecto)", "videographer_editor", 0.5),
        ("Compradora", "supply_chain", None),
        # Titles nobody listed: "other", and the page asks what they cover.
        ("Growth hacker", None, None),
        ("Becaria", None, None),
        ("Diseñador gráfico", None, None),
        ("Virtual assistant", None, None),
        ("Contadora", None, None),
        ("Practicante", None, None),
    ],
)  # fmt: skip
def test_titles_match_a_role_and_a_share_of_the_week(title: str, role: str | None, fte: float | None) -> None:
    assert match_role(title) == role
    found = week_share(title)
    assert (found[0] if found else None) == (pytest.approx(fte) if fte is not None else None)


@pytest.mark.parametrize(
    ("text", "unit", "share", "source"),
    [
        ("2 days/week", None, 0.4, "number"),
        ("3 días a la semana", None, 0.6, "number"),
        ("20 h/semana", None, 0.5, "number"),
        ("20 horas semanales", None, 0.5, "number"),
        ("10 hrs per week", None, 0.25, "number"),
        ("50 %", None, 0.5, "number"),
        ("media jornada", None, 0.5, "part_time_word"),
        ("Medio tiempo", None, 0.5, "part_time_word"),
        ("freelance", None, 0.5, "part_time_word"),
        ("Tiempo completo", None, 1.0, "full_time_word"),
        # A days or hours cell: a bare number is in the cell's unit.
        ("2", "days", 0.4, "number"),
        ("2,5", "days", 0.5, "number"),
        ("30", "hours", 0.75, "number"),
        ("20 h", "hours", 0.5, "number"),
        # Six days a week is one person, never 1.2 (PartTimeRule.max_person_fte).
        ("6", "days", 1.0, "number"),
    ],
)  # fmt: skip
def test_part_time_rule(text: str, unit: str | None, share: float, source: str) -> None:
    assert week_share(text, unit=unit) == (pytest.approx(share), source)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["Customer service 24h", "Store manager", "", "3PL", "Editor 4K"])
def test_words_that_are_not_a_week(text: str) -> None:
    # "24h" is opening hours, not a contract: hours count only with a week after them.
    assert week_share(text) is None


def test_the_rule_is_editable_data() -> None:
    rule = PartTimeRule(full_week_days=6, full_week_hours=48, part_time_fte=0.6)
    assert week_share("3 days", rule) == (0.5, "number")
    assert week_share("24 h/week", rule) == (0.5, "number")
    assert week_share("part-time", rule) == (0.6, "part_time_word")


@pytest.mark.parametrize(
    ("word", "folded"),
    [("fundadora", "fundador"), ("editores", "editor"), ("encargada", "encargado"), ("lives", "live"),
     ("operaciones", "operacion"), ("ugc", "ugc"), ("ceo", "ceo"), ("jefa", "jefe"), ("jefas", "jefe")],
)  # fmt: skip
def test_gender_and_plural_fold(word: str, folded: str) -> None:
    assert fold_word(word) == folded


def test_the_vocabulary_lists_every_role_in_both_languages_without_clashes() -> None:
    data = tomllib.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    assert set(data["roles"]) == set(ROLE_IDS)
    assert all(set(entry) == {"en", "es"} for entry in data["roles"].values())
    index = vocabulary().roles  # loading raises on a title that would mean two roles
    assert all(
        index[title_key(title)] == role for role, entry in data["roles"].items() for title in entry["en"]
    )
