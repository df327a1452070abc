"""The channel checker page through the real app: stories, typing, uploads, thresholds, both languages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content_logic.channels import DEMO_IDS, ChannelInputs, StabilityPolicy, StockPlan, inputs_to_json
from content_logic.channels.demo import demo_sales

PAGE = "pages/channels.py"
Make = Callable[..., AppTest]


def verdict(at: AppTest) -> str:
    boxes = [*at.success, *at.warning]
    assert boxes, "no verdict shown"
    return str(boxes[0].value)


def cards(at: AppTest) -> dict[str, str]:
    return {
        c: next(str(m.value) for m in at.markdown if str(m.value).startswith("### ") and name in str(m.value))
        for c, name in (("self_video", "Own video"), ("influencer", "Creators"), ("paid", "Paid"))
    }


def edit(
    at: AppTest, rows: dict[int, dict[str, object]], added: list[dict[str, object]] | None = None
) -> AppTest:
    at.session_state["channels_table"] = {"edited_rows": rows, "added_rows": added or [], "deleted_rows": []}
    return at.run()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("story", [*DEMO_IDS, "empty"])
def test_every_story_renders_in_both_languages(app: Make, story: str, lang: str) -> None:
    at = app(lang=lang, page=PAGE)
    if story != "carla":
        at.selectbox(key="channels_story").set_value(story).run()
    assert not at.exception
    assert at.title[0].value == (
        "Channel stability checker" if lang == "en" else "Comprobador de estabilidad de canales"
    )
    text = verdict(at)
    if story in ("carla", "stable_influencer", "healthy_mix"):
        assert text.startswith("**Yes" if lang == "en" else "**Sí")
    elif story == "empty":
        assert text.startswith("Enter" if lang == "en" else "Ingresa")
    else:
        assert text.startswith("**No short-video" if lang == "en" else "**Todavía no")
    assert len([m for m in at.markdown if str(m.value).startswith("### ")]) == 5
    assert len(at.get("plotly_chart")) == 1


def test_carla_page_shows_the_lessons_numbers(app: Make) -> None:
    at = app(page=PAGE)
    assert "planning on about 38 orders a week" in verdict(at)
    assert (
        "Creators: the week 2026-W05 had 210 orders (89% of the channel's total), 14× its next best week (15)"
        in at.markdown[0].value
    )
    assert cards(at)["paid"].startswith("### 🌱 Paid (GMV Max) · Emerging")
    assert "overlaps, not added" in cards(at)["paid"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Safe weekly demand"] == "38.4 orders"
    assert metrics["Largest safe order (units)"] == "307"


def test_chart_marks_stable_channels_and_shades_the_window(app: Make) -> None:
    at = app(page=PAGE)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["Own video ✓ stable", "Creators", "Paid (GMV Max)", "Product card"]
    assert [trace["line"]["width"] for trace in spec["data"]] == [4, 1.5, 1.5, 1.5]
    assert [trace["line"]["dash"] for trace in spec["data"]] == ["solid", "solid", "dot", "solid"]  # overlaps
    (shade,) = spec["layout"]["shapes"]
    assert (shade["x0"], shade["x1"]) == (-0.5, 7.5)


def test_lesson_links(app: Make) -> None:
    at = app(page=PAGE)
    links = {link.label: link for link in at.get("page_link")}
    assert set(links) >= {"Lesson: the stock-up trap", "Lesson: the five traffic channels"}


def test_typing_in_the_table_changes_the_verdict(app: Make) -> None:
    at = app(page=PAGE)
    edit(at, {i: {"self_video": v} for i, v in enumerate([2, 0, 30, 0, 1, 0, 0, 5])})
    assert not at.exception
    assert verdict(at).startswith("**No short-video channel is stable yet")
    assert "Build Paid (GMV Max) first" in "\n".join(str(m.value) for m in at.markdown)


def test_adding_a_week_in_the_table(app: Make) -> None:
    at = app(page=PAGE)
    edit(at, {}, added=[{"week": "2026-W11", "self_video": 41, "product_card": 25}])
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["x"][-1] == "2026-W11"


def test_a_bad_table_keeps_what_was_typed_and_the_last_good_result(app: Make) -> None:
    at = app(page=PAGE)
    edit(at, {0: {"self_video": 39}, 1: {"week": "2026-W03"}})
    assert not at.exception
    (error,) = at.error
    assert "Some cells in the table need fixing" in error.value
    assert "row 2, column “Week”: week “2026-W03” is already in row 1." in error.value
    assert verdict(at).startswith("**Yes")  # the last numbers that worked
    typed = at.session_state["channels_table.kept"].rows
    assert typed.loc[0, "self_video"] == 39 and typed.loc[1, "week"] == "2026-W03"


def test_typed_values_survive_a_language_switch_and_a_visit_to_another_page(app: Make) -> None:
    at = app(page=PAGE)
    edit(at, {0: {"live": 17}})
    at.session_state["lang"] = "es"
    at.run()
    assert not at.exception
    assert at.session_state["channels_table.kept"].rows.loc[0, "live"] == 17
    assert "LIVE" in "\n".join(
        str(m.value) for m in at.markdown if "Emergente" in str(m.value) or "Volátil" in str(m.value)
    )
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.session_state["channels_table.kept"].rows.loc[0, "live"] == 17
    assert any("⚡ LIVE" in str(m.value) or "🌱 LIVE" in str(m.value) for m in at.markdown)


def test_uploading_a_good_file_replaces_the_table(app: Make) -> None:
    at = app(page=PAGE)
    rows = "\n".join(f"2026-03-{d:02d},Affiliate,{20 + d % 3}" for d in range(2, 30))  # Mon 2 to Sun 29
    at.file_uploader(key="channels_upload").set_value(
        ("tiktok.csv", f"date,channel,orders\n{rows}\n".encode(), "text/csv")
    )
    at.run()
    assert not at.exception
    assert "Using **tiktok.csv** (4 weeks)" in at.info[0].value
    assert any("Only 4 weeks of data" in m.value for m in at.markdown)
    assert at.session_state["channels_table.kept"].rows["influencer"].tolist() == [
        sum(20 + d % 3 for d in range(w, w + 7)) for w in (2, 9, 16, 23)
    ]


def test_a_bad_upload_is_explained_and_the_typed_table_stays(app: Make) -> None:
    at = app(lang="es", page=PAGE)
    edit(at, {0: {"live": 3}})
    bad = b"fecha;canal;pedidos\n05/01/2026;Video;diez\n06/01/2026;Radio;2\n"
    at.file_uploader(key="channels_upload").set_value(("ventas.csv", bad, "text/csv")).run()
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("No pudimos usar ventas.csv.")
    assert "ventas.csv, fila 2, columna «pedidos»: «diez» no es un número." in error.value
    assert at.session_state["channels_table.kept"].rows.loc[0, "live"] == 3
    assert verdict(at).startswith("**Sí")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.csv", b""),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("old.xls", b"\xd0\xcf\x11\xe0rest"),
    ],
)
def test_unreadable_files_never_show_a_traceback(app: Make, name: str, data: bytes) -> None:
    at = app(page=PAGE)
    at.file_uploader(key="channels_upload").set_value((name, data, "text/csv")).run()
    assert not at.exception
    assert at.error[0].value.startswith(f"We could not use {name}.")


def test_window_and_plan_inputs(app: Make) -> None:
    at = app(page=PAGE)
    at.slider(key="channels_window_weeks").set_value(10).run()
    assert any("Only 8 weeks of data, and the window needs 10." in m.value for m in at.markdown)
    at.slider(key="channels_window_weeks").set_value(4).run()
    assert "Volatile" not in cards(at)["influencer"]  # the last 4 weeks hold no spike
    at.slider(key="channels_window_weeks").set_value(8).run()
    at.number_input(key="channels_plan_planned_order_units").set_value(200.0).run()
    at.number_input(key="channels_plan_lead_time_weeks").set_value(2.0).run()
    assert {m.label: m.value for m in at.metric}["Weeks of cover"] == "5.2"
    assert any(str(m.value).startswith("An order of 200 units gives 5.2 weeks of cover") for m in at.markdown)
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.number_input(key="channels_plan_planned_order_units").value == 200


def test_thresholds_are_editable_and_contradictions_explained(app: Make) -> None:
    at = app(page=PAGE)
    at.session_state["channels_rules"] = True
    at.run()
    assert not at.exception
    at.number_input(key="channels_policy_max_cv_stable").set_value(0.05).run()
    assert cards(at)["self_video"].startswith("### 🌱 Own video · Emerging")
    at.session_state["channels_rules"] = False  # closed: its inputs are not drawn, their values stay
    at.run()
    assert cards(at)["self_video"].startswith("### 🌱 Own video · Emerging")
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert cards(at)["self_video"].startswith("### 🌱 Own video · Emerging")
    at.session_state["channels_rules"] = True
    at.run()
    at.number_input(key="channels_policy_max_cv_stable").set_value(2.0).run()
    assert "volatile (1.0) can't be below the CV allowed for stable (2.0)" in at.error[0].value
    assert cards(at)["self_video"].startswith("### ✅ Own video · Stable")  # the defaults meanwhile
    at.button(key="channels_policy_reset").click().run()
    assert not at.error
    assert cards(at)["self_video"].startswith("### ✅ Own video · Stable")


def test_downloads_are_offered(app: Make) -> None:
    at = app(page=PAGE)
    labels = {b.label for b in at.get("download_button")}
    assert labels >= {
        "Per-channel table (CSV)",
        "Summary (Markdown)",
        "Template: one column per channel",
        "Template: one row per date and channel",
    }


def test_restoring_saved_inputs_gives_back_the_same_inputs() -> None:
    saved = ChannelInputs(
        story="healthy_mix",
        sales=demo_sales("healthy_mix"),
        policy=StabilityPolicy(window_weeks=10, max_cv_stable=0.4),
        plan=StockPlan(planned_order_units=900),
    )
    script = f"""
import json
from pathlib import Path
import streamlit as st
from content_logic.channels import inputs_from_json, inputs_to_json
from ui import channels_state
channels_state.init_state()
if "restored" not in st.session_state:
    channels_state.restore_inputs(inputs_from_json(json.loads({json.dumps(json.dumps(inputs_to_json(saved)))})))
    st.session_state.restored = True
sales = st.session_state[channels_state.BASE_KEY]
st.session_state.now = inputs_to_json(channels_state.current_inputs(sales))
"""
    at = AppTest.from_string(script, default_timeout=30).run()
    assert not at.exception
    assert at.session_state["now"] == inputs_to_json(saved)


UNKNOWN_SOURCE = Path(__file__).parent / "data" / "channels" / "exports" / "carrier_source_unknown_en.csv"


@pytest.mark.parametrize(("lang", "asks", "creators"), [("en", "Treat “Partner”", "Creators"),
                                                        ("es", "Tratar «Partner»", "Creadores")])  # fmt: skip
def test_the_mapping_editor_reads_an_unknown_label_as_chosen_and_remembers_it(
    app: Make, lang: str, asks: str, creators: str
) -> None:
    at = app(lang=lang, page=PAGE)
    at.file_uploader(key="channels_upload").set_value(
        ("partner.csv", UNKNOWN_SOURCE.read_bytes(), "text/csv")
    )
    at.run()
    assert not at.exception
    table = at.session_state["channels_table.kept"].rows
    assert table["influencer"].tolist() == [210, 420]  # the 14 "Partner" rows are left out for now
    (choice,) = [box for box in at.selectbox if asks in box.label]
    assert "14" in choice.label and "Source" in choice.label
    assert creators in choice.options
    choice.set_value("influencer").run()
    assert not at.exception
    assert at.session_state["channels_table.kept"].rows["influencer"].tolist() == [280, 560]
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.session_state["channels_table.kept"].rows["influencer"].tolist() == [280, 560]
    (kept,) = [box for box in at.selectbox if asks in box.label]
    assert kept.value == "influencer"  # the choice stays, and can still be changed


def test_the_creator_list_upload_says_what_to_download_instead(app: Make) -> None:
    at = app(lang="es", page=PAGE)
    data = (UNKNOWN_SOURCE.parent / "affiliate_creators_es.xlsx").read_bytes()
    at.file_uploader(key="channels_upload").set_value(("creadores.xlsx", data, "application/octet-stream"))
    at.run()
    assert not at.exception
    (error,) = at.error
    assert "lista de creadores del Centro de Afiliados" in error.value and "Seller Center" in error.value
    assert verdict(at).startswith("**Sí")  # Carla's story is still on the table


@pytest.mark.parametrize(("lang", "held"), [("en", "The latest weeks fall in sales peaks"),
                                            ("es", "Las últimas semanas caen en temporadas altas")])  # fmt: skip
def test_sales_peaks_are_shown_and_the_calendar_is_editable(app: Make, lang: str, held: str) -> None:
    from tests.test_channels_verdicts import q4_daily_csv

    at = app(lang=lang, page=PAGE)
    at.file_uploader(key="channels_upload").set_value(("q4.csv", q4_daily_csv(), "text/csv")).run()
    assert not at.exception
    assert any(held in str(m.value) for m in at.markdown)
    assert verdict(at).startswith("**No short-video" if lang == "en" else "**Todavía no")
    at.session_state["channels_rules"] = True
    at.run()
    peaks = at.session_state["channels_peaks_table"]
    assert len(peaks) == 7 and "11-21" in peaks["start"].tolist()
    at.session_state["channels_peaks_editor"] = {
        "edited_rows": {},
        "added_rows": [],
        "deleted_rows": list(range(7)),
    }
    at.run()
    assert not at.exception
    assert not any(held in str(m.value) for m in at.markdown)  # no calendar: the weeks are judged as they are


def test_volume_share_and_recent_drop_rules_are_shown_and_editable(app: Make) -> None:
    at = app(page=PAGE)
    at.session_state["channels_rules"] = True
    at.run()
    shown = {n.key: n.value for n in at.number_input if n.key and n.key.startswith("channels_policy_")}
    assert shown["channels_policy_max_cv_stable"] == 0.35
    assert shown["channels_policy_min_weekly_orders"] == 10.0
    assert shown["channels_policy_min_stable_share"] == 0.1
    assert shown["channels_policy_max_recent_drop"] == 0.3
    assert shown["channels_policy_recent_weeks"] == 2
    at.number_input(key="channels_policy_min_weekly_orders").set_value(50.0).run()
    assert cards(at)["self_video"].startswith("### 🌱 Own video · Emerging")  # 40.8 a week is under 50
    assert "❌ volume: 40.8 orders a week (stable needs at least 50)" in cards(at)["self_video"]
