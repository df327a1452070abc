"""Team gap finder page through the real app (AppTest): presets, edits, bad input, imports, state."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.team import DEMO_IDS

PAGE = "pages/team.py"
DATA = Path(__file__).parent / "data" / "team"
NO_EDITS: dict[str, object] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}

HEADLINES = {
    "en": {
        "shelf_team": "Founder oversight of content",
        "solo_founder": "Content direction",
        "content_first": "Paid media",
        "agency_dependent": "Founder oversight of content",
        "affiliates": "Affiliates",
    },
    "es": {
        "shelf_team": "Supervisión del contenido por el fundador",
        "solo_founder": "Dirección de contenido",
        "content_first": "Promoción pagada",
        "agency_dependent": "Supervisión del contenido por el fundador",
        "affiliates": "Afiliados",
    },
}
HEADLINE_PREFIX = {"en": "**Headline gap: ", "es": "**Hueco principal: "}


def _alerts(at: AppTest) -> list[str]:
    return [str(a.value) for kind in (at.error, at.warning, at.info, at.success) for a in kind]


def _headline(at: AppTest, lang: str) -> str | None:
    found = [a for a in _alerts(at) if a.startswith(HEADLINE_PREFIX[lang])]
    return found[0].removeprefix(HEADLINE_PREFIX[lang]).split("**")[0] if found else None


def _problems(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in at.error if not str(e.value).startswith("**"))


def _rows(at: AppTest) -> list[dict[str, object]]:
    """The roster table's rows as the page keeps them (``ui.calculator_io``)."""
    from ui.team_state import records

    return records(at.session_state["team_roster.kept"].rows)


def _radar(at: AppTest) -> dict[str, object]:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)  # type: ignore[no-any-return]


@pytest.fixture
def team(app: Callable[..., AppTest]) -> Callable[[str], AppTest]:
    def open_page(lang: str = "en") -> AppTest:
        at = app(lang=lang, page=PAGE)
        assert not at.exception
        return at

    return open_page


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("preset", DEMO_IDS)
def test_each_preset_shows_its_headline_radar_and_plan(
    team: Callable[[str], AppTest], preset: str, lang: str
) -> None:
    at = team(lang)
    at.selectbox(key="team_preset").select(preset).run()
    assert not at.exception
    assert _headline(at, lang) == HEADLINES[lang][preset]
    spec = _radar(at)
    traces = spec["data"]  # type: ignore[index]
    assert [trace["type"] for trace in traces] == ["scatterpolar", "scatterpolar"]
    assert len(traces[1]["r"]) == 15  # 14 capabilities, closed polygon
    assert HEADLINES[lang]["affiliates"] in traces[1]["theta"]  # affiliate operations on the radar
    assert at.selectbox(key="team_preset").value == preset  # the choice is kept with the page
    labels = [b.label for b in at.get("download_button")]
    assert len(labels) == 3
    markdown = "\n".join(m.value for m in at.markdown)
    assert "team." not in markdown  # every text found in the catalog


def test_first_visit_starts_from_the_shelf_team(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    assert _headline(at, "en") == "Founder oversight of content"
    assert at.radio(key="team_explain").value == "no"
    assert at.number_input(key="team_founder_networking_hours").value == 15
    links = [link.label for link in at.page_link]
    assert "Lesson: content is the multiplier" in links and "Lesson: the founder owns content" in links


def test_answers_change_the_result(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    at.number_input(key="team_founder_content_hours").set_value(12).run()
    assert _headline(at, "en") == "Content direction"
    at.radio(key="team_explain").set_value("yes").run()
    assert "Content diagnosis" not in "\n".join(m.value for m in at.markdown if m.value.startswith("**"))


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({"edited_rows": {1: {"headcount": -3}}}, "Store operator can't have -3 people"),
        ({"edited_rows": {1: {"headcount": 10000}}}, "10,000 people for Store operator looks like a typo"),
        ({"deleted_rows": list(range(7))}, "the roster is empty"),
        ({"added_rows": [{"role": "other", "headcount": 1}]}, "an “other” role needs a name"),
    ],
)
def test_bad_table_input_shows_a_message_and_keeps_the_table(
    team: Callable[[str], AppTest], edits: dict[str, object], message: str
) -> None:
    at = team("en")
    at.session_state["team_roster"] = {**NO_EDITS, **edits}
    at.run()
    assert not at.exception
    assert message in _problems(at)
    assert _headline(at, "en") is None
    at.run()  # another rerun keeps what was typed
    assert message in _problems(at)
    if "edited_rows" in edits:
        assert _rows(at)[1]["headcount"] in (-3, 10000)


def test_founder_hours_over_a_week(team: Callable[[str], AppTest]) -> None:
    at = team("es")
    at.number_input(key="team_founder_content_hours").set_value(170).run()
    assert not at.exception
    assert "las horas de contenido del fundador tienen que estar entre 0 y 168" in _problems(at)
    assert at.number_input(key="team_founder_content_hours").value == 170


def test_duplicate_roles_are_merged_and_said(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    at.session_state["team_roster"] = {**NO_EDITS, "added_rows": [{"role": "store_operator", "headcount": 1}]}
    at.run()
    notes = [a for a in _alerts(at) if a.startswith("While reading the roster:")]
    assert (
        notes
        and "Store operator appears on several lines (2, 8); they were added together: 4 in all." in notes[0]
    )


def test_import_replaces_the_table_and_bad_files_keep_it(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    before = _rows(at)
    bad = (DATA / "negative_headcount.csv").read_bytes()
    at.file_uploader(key="team_upload").set_value(("negative_headcount.csv", bad, "text/csv")).run()
    assert not at.exception
    assert "row 3, column “headcount”: Store operator can't have -2 people" in _problems(at)
    assert _rows(at) == before
    good = b"role,headcount\nfounder,1\ncontent_director,1\nstore_operator,1\nstore_operator,1\n"
    at.file_uploader(key="team_upload").set_value(("mine.csv", good, "text/csv")).run()
    assert not at.exception
    assert [(r["role"], r["headcount"]) for r in _rows(at)] == [
        ("founder", 1.0),
        ("content_director", 1.0),
        ("store_operator", 2.0),
    ]
    success = [a for a in _alerts(at) if a.startswith("Imported 3 roster line(s) from mine.csv.")]
    assert success and "appears on several lines (4, 5)" in success[0]
    assert _headline(at, "en") == "Founder oversight of content"


def _title_box(at: AppTest, title: str) -> object:
    return next(box for box in at.selectbox if f"“{title}”" in box.label or f"«{title}»" in box.label)


def test_an_unknown_title_is_imported_as_other_and_mapped_on_the_page(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    text = b"Title,People\nOwner,1\nGrowth hacker,2\n"
    at.file_uploader(key="team_upload").set_value(("team.csv", text, "text/csv")).run()
    assert not at.exception and _problems(at) == ""  # never refused over one title
    assert [(r["role"], r["name"], r["headcount"]) for r in _rows(at)] == [
        ("founder", "Owner", 1.0),
        ("other", "Growth hacker", 2.0),
    ]
    assert any(
        "“Growth hacker” (1 row(s)) is not a job title the team finder knows" in a for a in _alerts(at)
    )
    box = _title_box(at, "Growth hacker")
    assert "Role: Paid media buyer" in box.options  # type: ignore[attr-defined]
    assert "Other, covering: Affiliate operations (outreach, samples, follow-up)" in box.options  # type: ignore[attr-defined]
    box.set_value("paid_media_buyer").run()  # type: ignore[attr-defined]
    assert not at.exception
    assert [(r["role"], r["name"]) for r in _rows(at)][1] == ("paid_media_buyer", "Growth hacker")
    assert not any("is not a job title" in a for a in _alerts(at))
    # Kept for the session: after a visit to another page the answer still holds.
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert _rows(at)[1]["role"] == "paid_media_buyer"
    assert _title_box(at, "Growth hacker").value == "paid_media_buyer"  # type: ignore[attr-defined]


def test_the_title_mapping_speaks_spanish_and_never_shows_ids(team: Callable[[str], AppTest]) -> None:
    # Read only (AppTest formats a selectbox's options without the session's language, so the
    # English test drives the editor); the answer is given as the editor would keep it.
    at = team("es")
    text = "Puesto;Personas\nDueña;1\nBecaria;1\n".encode()
    at.file_uploader(key="team_upload").set_value(("equipo.csv", text, "text/csv")).run()
    assert not at.exception and _problems(at) == ""
    shown = "\n".join(_alerts(at))
    assert "«Becaria» (1 fila(s)) no es un puesto que conozca el buscador" in shown
    assert not any(role in shown for role in ("store_operator", "paid_media_buyer", "other "))
    assert _title_box(at, "Becaria").label == "Tratar «Becaria» (1 filas en la columna «Puesto») como"  # type: ignore[attr-defined]
    at.session_state["team_titles.mapping"] = {"Becaria": "affiliate_ops"}
    at.run()
    assert (_rows(at)[1]["role"], _rows(at)[1]["capabilities"]) == ("other", ["affiliate_ops"])
    assert "Becaria" not in "\n".join(_alerts(at))


def test_edits_survive_a_visit_to_another_page(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    at.session_state["team_roster"] = {**NO_EDITS, "edited_rows": {1: {"headcount": 1}}}
    at.run()
    at.radio(key="team_replicated").set_value("yes").run()
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert _rows(at)[1]["headcount"] == 1
    assert at.radio(key="team_replicated").value == "yes"
    # Editing again after the return applies to the kept table.
    at.session_state["team_roster"] = {**NO_EDITS, "edited_rows": {2: {"headcount": 5}}}
    at.run()
    rows = _rows(at)
    assert (rows[1]["headcount"], rows[2]["headcount"]) == (1, 5)


def test_loading_a_preset_drops_pending_edits(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    at.session_state["team_roster"] = {**NO_EDITS, "edited_rows": {0: {"headcount": 3}}}
    at.run()
    at.selectbox(key="team_preset").select("content_first").run()
    assert _rows(at)[0] == {
        "role": "founder",
        "headcount": 1.0,
        "name": "",
        "capabilities": [],
    }


def test_assumptions_are_shown_editable_and_kept(team: Callable[[str], AppTest]) -> None:
    at = team("en")
    at.toggle(key="team_show_assumptions").set_value(True).run()
    assert not at.exception
    assert at.number_input(key="team_policy_founder_target_hours").value == 10
    at.number_input(key="team_policy_founder_target_hours").set_value(1).run()
    assert _headline(at, "en") == "Content direction"  # 1 h of content now meets a 1 h target
    at.toggle(key="team_show_assumptions").set_value(False).run()
    assert _headline(at, "en") == "Content direction"
    at.toggle(key="team_show_assumptions").set_value(True).run()
    assert at.number_input(key="team_policy_founder_target_hours").value == 1
    at.session_state["team_ref_capabilities"] = {**NO_EDITS, "edited_rows": {0: {"minimum": 10}}}
    at.run()
    assert _headline(at, "en") == "Content diagnosis"  # direction at 20 % now meets a 10 % minimum
    at.session_state["team_ref_capabilities"] = {**NO_EDITS, "edited_rows": {0: {"minimum": None}}}
    at.run()
    assert any("These assumptions can't be used" in w.value for w in at.warning)
    at.button(key="team_reset_assumptions").click().run()
    assert at.number_input(key="team_policy_founder_target_hours").value == 10
    assert _headline(at, "en") == "Founder oversight of content"


def test_home_page_lists_the_team_calculator(app: Callable[..., AppTest]) -> None:
    at = app(lang="es")
    assert "Huecos del equipo" in [link.label for link in at.page_link]


SAVE_RESTORE = """
import json
import streamlit as st
from ui import team_state

team_state.init()

def save():
    st.session_state["saved"] = json.dumps(team_state.save_inputs())

def restore():
    team_state.restore_inputs(json.loads(st.session_state["saved"]))

st.button("save", key="save", on_click=save)
st.button("restore", key="restore", on_click=restore)
st.selectbox("preset", ["shelf_team", "solo_founder"], index=None, key="team_preset",
             on_change=lambda: team_state.load_demo(st.session_state["team_preset"]))
"""


def _kept_rows(at: AppTest) -> list[dict[str, object]]:
    from ui.team_state import records

    return records(at.session_state["team_roster.kept"].rows)


def test_saved_inputs_come_back_for_a_returning_attendee() -> None:
    at = AppTest.from_string(SAVE_RESTORE, default_timeout=30)
    at.run()
    shelf = _kept_rows(at)
    at.button(key="save").click().run()
    saved = json.loads(at.session_state["saved"])
    assert saved["version"] == 1 and len(saved["rows"]) == 7  # type: ignore[arg-type]
    assert "Agency" not in at.session_state["saved"]
    at.selectbox(key="team_preset").select("solo_founder").run()
    assert len(_kept_rows(at)) == 1
    assert at.session_state["team_founder_networking_hours"] == 6
    at.button(key="restore").click().run()
    assert not at.exception
    assert _kept_rows(at) == shelf
    assert at.session_state["team_founder_networking_hours"] == 15


@pytest.mark.parametrize(("lang", "share"), [("en", "67%"), ("es", "67\u00a0%")])
def test_percentages_use_the_shared_formatter(team: Callable[[str], AppTest], lang: str, share: str) -> None:
    # content_first: 6 content people against 3 in operations = 67 %, written as each language does.
    at = team(lang)
    at.selectbox(key="team_preset").select("content_first").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[{"en": "Content share", "es": "Peso del contenido"}[lang]] == share


IMPORT_FILE = """
import streamlit as st
from ui import team_state

team_state.init()
if st.button("exercise", key="exercise"):
    team_state.import_file("Puesto,Personas\\nDueña,1\\nHost de lives (medio tiempo),1\\n".encode(), "ejercicio.csv")
"""


def test_a_lesson_exercise_file_is_read_as_an_upload() -> None:
    # The hook a lesson's exercise link uses (issue 14): the file replaces the table like an upload.
    at = AppTest.from_string(IMPORT_FILE, default_timeout=30)
    at.run()
    at.button(key="exercise").click().run()
    assert not at.exception
    assert [(r["role"], r["headcount"]) for r in _kept_rows(at)] == [("founder", 1.0), ("live_host", 0.5)]
    assert at.session_state["team_import"][:3] == ("ok", "ejercicio.csv", 2)
