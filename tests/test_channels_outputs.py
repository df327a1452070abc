"""What leaves the checker: sentences, the Markdown summary, the CSV, the workshop summary, saved inputs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from content_logic.channels import (
    DEMO_IDS,
    ChannelInputs,
    StabilityPolicy,
    StockPlan,
    inputs_from_json,
    inputs_to_json,
    room_summary,
    summary_markdown,
    table_csv,
)
from content_logic.channels.assess import assess_sales as assess_channels
from content_logic.channels.demo import demo_sales, empty_sales
from content_logic.channels.policy import policy_from_values
from content_logic.channels.result import Check
from content_logic.channels.text import build_text, check_text, number, percent, plan_text, verdict_sentence
from content_logic.problems import InputError
from content_logic.workshop.models import ChannelsSummary

CARLA = assess_channels(demo_sales("carla"), plan=StockPlan(planned_order_units=2400))


@pytest.mark.parametrize(
    ("value", "lang", "digits", "text"),
    [(1234.5, "en", 1, "1,234.5"), (1234.5, "es", 1, "1.234,5"), (38.0, "es", 1, "38"), (0.0774, "en", 2, "0.08"),
     (2400, "es", 0, "2.400"), (float("inf"), "en", 1, "∞")],
)  # fmt: skip
def test_numbers_follow_the_language(value: float, lang: str, digits: int, text: str) -> None:
    assert number(value, lang, digits=digits) == text  # type: ignore[arg-type]


def test_percent() -> None:
    assert percent(0.409, "en") == "41%" and percent(None, "es") == "–"
    assert percent(0.409, "es") == "41\u00a0%"  # the shared formatter: Spanish keeps the sign apart


@pytest.mark.parametrize(
    ("check", "lang", "text"),
    [
        (Check(rule="steady", passed=True, value=0.0774, threshold=0.35), "en",
         "✅ variability (CV): 0.08 (stable needs at most 0.35)"),
        (Check(rule="regular", passed=False, value=0.75, threshold=0.85), "es",
         "❌ regularidad: pedidos en el 75\u00a0% de esas semanas (hace falta al menos un 85\u00a0%)"),
        (Check(rule="volume", passed=False, value=6.5, threshold=10), "en",
         "❌ volume: 6.5 orders a week (stable needs at least 10)"),
        (Check(rule="share", passed=True, value=0.41, threshold=0.1), "es",
         "✅ cuota: 41\u00a0% de los pedidos de la tienda (para ser estable hace falta al menos 10\u00a0%)"),
        (Check(rule="recent", passed=False, value=-0.39, threshold=-0.3), "en",
         "❌ now: the latest weeks are -39% against the window's earlier median (a fall from -30%)"),
        (Check(rule="no_spike", passed=False, value=14.0, threshold=3.0), "en",
         "❌ spike: best week 14× the next best (a spike from 3×)"),
    ],
)  # fmt: skip
def test_check_sentences_carry_number_and_threshold(check: Check, lang: str, text: str) -> None:
    assert check_text(check, lang) == text  # type: ignore[arg-type]


def test_verdict_sentences() -> None:
    assert verdict_sentence(CARLA, "en") == (
        "**Yes: you have a stable short-video channel (Own video).** "
        "You may stock up, planning on about 38 orders a week."
    )
    trap = assess_channels(demo_sales("stock_up_trap"))
    assert verdict_sentence(trap, "es").startswith("**Todavía no hay ningún canal de video corto estable")
    assert "Video propio" in verdict_sentence(trap, "es")
    assert verdict_sentence(assess_channels(empty_sales()), "en").startswith("Enter weekly orders")
    assert build_text(assess_channels(empty_sales()), "en") is None


def test_build_first_text_says_why_and_how() -> None:
    shelf = assess_channels(demo_sales("shelf_logic"))
    assert build_text(shelf, "en") == (
        "**Build Own video first.** It is the closest to stable; what it still lacks: orders missing in some "
        "weeks, high variability, too few orders a week, too small a share of the shop. Post short videos on a "
        "steady schedule and keep making more of the ones that sell."
    )


def test_plan_sentences() -> None:
    assert plan_text(CARLA, "en").startswith(
        "An order of 2,400 units is 62.5 weeks of cover, more than you need."
    )
    fits = assess_channels(demo_sales("carla"), plan=StockPlan(planned_order_units=200))
    assert plan_text(fits, "en").startswith("An order of 200 units gives 5.2 weeks of cover")
    assert plan_text(assess_channels(demo_sales("shelf_logic")), "en").startswith("Nothing stable supports")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("story", DEMO_IDS)
def test_markdown_summary_has_every_part(story: str, lang: str) -> None:
    report = assess_channels(demo_sales(story))  # type: ignore[arg-type]
    text = summary_markdown(report, lang)  # type: ignore[arg-type]
    assert text.startswith("# ")
    assert verdict_sentence(report, lang) in text  # type: ignore[arg-type]
    assert text.count("\n### ") == 5
    assert "channels." not in text  # every key found in the catalog


def test_markdown_summary_of_carla_in_spanish() -> None:
    text = summary_markdown(CARLA, "es")
    assert "## Avisos" in text
    assert (
        "- Creadores: la semana 2026-W05 tuvo 210 pedidos (el 89\u00a0% del total del canal), "
        "14× su segunda mejor semana (15)." in text
    )
    assert "Demanda semanal segura: 38,4 pedidos." in text
    assert "La promoción pagada (GMV Max) también cuenta" in text


@pytest.mark.parametrize(("lang", "delimiter"), [("en", ","), ("es", ";")])
def test_csv_table_one_row_per_channel(lang: str, delimiter: str) -> None:
    data = table_csv(CARLA, lang)  # type: ignore[arg-type]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    assert len(rows) == 6
    assert [r[0] for r in rows[1:]] == ["self_video", "influencer", "paid", "live", "product_card"]
    self_video = rows[1]
    assert self_video[3] == ("40.75" if lang == "en" else "40,75")
    assert rows[3][5] == ("yes" if lang == "en" else "sí")  # paid overlaps


def test_room_summary_is_small_anonymous_and_json_ready() -> None:
    summary = room_summary(CARLA)
    assert isinstance(summary, ChannelsSummary)
    data = summary.model_dump(mode="json")
    assert data == {
        "has_stable_short_video": True,
        "stable_channels": ["self_video"],
        "verdicts": {
            "self_video": "stable",
            "influencer": "volatile",
            "paid": "emerging",
            "live": "inactive",
            "product_card": "emerging",  # CV 0.39 with Lucía's week in it: above the stable 0.35
        },
        "warnings": ["spike", "recent_drop", "one_creator", "paid_dependence"],
        "safe_weekly_demand": 38.4,
    }
    summary = data
    assert json.loads(json.dumps(summary)) == summary
    assert "@lucia.style" not in json.dumps(summary)


@pytest.mark.parametrize("story", DEMO_IDS)
def test_inputs_round_trip_through_json(story: str) -> None:
    inputs = ChannelInputs(
        story=story,  # type: ignore[arg-type]
        sales=demo_sales(story),  # type: ignore[arg-type]
        policy=StabilityPolicy(window_weeks=10, demand_channels=("self_video", "live")),
        plan=StockPlan(planned_order_units=500, lead_time_weeks=6),
    )
    data = inputs_to_json(inputs)
    restored = inputs_from_json(json.loads(json.dumps(data)))
    assert restored == inputs
    assert data["version"] == 2


@pytest.mark.parametrize(
    "data",
    [
        {"sales": {"weeks": ["W1"]}},
        {"story": "nope", "sales": demo_sales("carla").model_dump(mode="json")},
        {},
    ],
)
def test_broken_saved_inputs_raise_a_clear_problem(data: dict[str, object]) -> None:
    with pytest.raises(InputError) as caught:
        inputs_from_json(data)
    assert caught.value.problems[0].code == "channels_saved_inputs"
    assert (
        caught.value.problems[0].describe("en").startswith("the saved channel inputs could not be restored (")
    )


def test_contradicting_thresholds_are_explained() -> None:
    with pytest.raises(InputError) as caught:
        policy_from_values({"max_cv_stable": 0.8, "max_cv_emerging": 0.6})
    assert [p.describe("en") for p in caught.value.problems] == [
        "the CV that makes a channel volatile (0.6) can't be below the CV allowed for stable (0.8). "
        "Raise it; the defaults are used meanwhile."
    ]


def test_edited_thresholds_make_a_policy() -> None:
    policy = policy_from_values({"window_weeks": 12, "demand_channels": ["self_video"]})
    assert policy.window_weeks == 12 and policy.demand_channels == ("self_video",)
