"""Downloads and shared wording: CSV round trip, Markdown briefs, numbers per language, saved inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from content_logic.formatting import format_percent
from content_logic.funnel import (
    DEMO_IDS,
    FunnelBenchmarks,
    FunnelInputs,
    VideoFunnel,
    assess,
    demo_inputs,
    inputs_from_json,
    inputs_to_json,
    read_file,
    report,
    result_json,
    summary_markdown,
    table_csv,
)
from content_logic.funnel import text as fmt
from content_logic.funnel.assess import assess_frame as diagnose_batch
from content_logic.funnel.demo import demo_set
from content_logic.funnel.inputs import LESSON_EXAMPLE
from content_logic.funnel.judge import VideoDiagnosis
from content_logic.i18n import LANGUAGES, catalog, translate
from content_logic.problems import InputError
from ui.funnel_state import TABLE_COLUMNS, inputs_from_state, state_from_inputs


def diagnose_video(candidate: VideoFunnel, *, benchmarks: FunnelBenchmarks | None = None) -> VideoDiagnosis:
    return assess(FunnelInputs(video=candidate, benchmarks=benchmarks or FunnelBenchmarks())).single


def read_videos(data: bytes, name: str):  # type: ignore[no-untyped-def]
    reading = read_file(data, name)
    assert reading.inputs is not None, reading.problems
    return reading


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("measure", "value", "lang", "text"),
    [("click_through", 0.16, "en", "0.16%"), ("click_through", 0.16, "es", "0,16\u00a0%"),
     ("hook_rate", 42.0, "en", "42%"), ("click_to_order", 2.5, "es", "2,5\u00a0%"), ("avg_watch_seconds", 5, "en", "5 s"),
     ("gpm", 1.16, "en", "1.16"), ("gpm", 1234.5, "es", "1.234,50"), ("views", 300_000, "es", "300.000"),
     ("views", 480, "en", "480"), ("gpm", None, "en", "—")],
)  # fmt: skip
def test_measures_carry_their_units(measure: str, value: float | None, lang: str, text: str) -> None:
    assert fmt.measure(measure, value, lang) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_percentages_use_the_one_formatter(lang: str) -> None:
    # The same convention as every other calculator: 42% in English, 42 % (no-break space) in Spanish.
    assert fmt.percent(42.0, lang) == format_percent(0.42, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_verdict_names_the_stage_and_its_numbers(lang: str) -> None:
    text = fmt.verdict(diagnose_video(LESSON_EXAMPLE), lang)  # type: ignore[arg-type]
    assert translate("funnel.stage.interest", lang) in text  # type: ignore[arg-type]
    assert fmt.measure("click_through", 0.16, lang) in text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("candidate", "key"),
    [(VideoFunnel(), "funnel.verdict.nothing"), (VideoFunnel(views=100, product_clicks=2), "funnel.verdict.healthy_partial")],
)  # fmt: skip
def test_verdicts_without_a_bottleneck(candidate: VideoFunnel, key: str) -> None:
    text = fmt.verdict(diagnose_video(candidate), "en")
    assert text.split("{")[0][:20] == translate(key, "en", judged=1, total=5)[:20]


@pytest.mark.parametrize("demo", DEMO_IDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_batch_csv_can_be_uploaded_again(lang: str, demo: str) -> None:
    copies = demo_set(demo, lang)  # type: ignore[arg-type]
    first = diagnose_batch(copies.videos)
    data = report.batch_csv(first, lang)  # type: ignore[arg-type]
    again = read_videos(data, "funnel-videos.csv")
    assert again.problems == () and again.notes == ()
    second = assess(again.inputs)
    assert list(second.table["bottleneck"].astype(object)) == list(first.table["bottleneck"].astype(object))
    assert second.traits == first.traits  # the recomputed columns (verdicts, rates) are not read as traits


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_reads_back_as_the_lessons_example(lang: str) -> None:
    upload = read_videos(fmt.template_csv(lang), "template.csv")  # type: ignore[arg-type]
    assert assess(upload.inputs).table.loc[0, "bottleneck"] == "interest"
    assert upload.inputs.videos[0].traits  # format and hook type are content traits


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_video_brief(lang: str) -> None:
    diagnosis = diagnose_video(LESSON_EXAMPLE, benchmarks=FunnelBenchmarks(gpm_reference=5))
    brief = report.video_brief(diagnosis, lang)  # type: ignore[arg-type]
    assert brief.startswith("# ")
    assert fmt.verdict(diagnosis, lang) in brief  # type: ignore[arg-type]
    for key in (diagnosis.advice.meaning, *diagnosis.advice.fixes, *diagnosis.advice.brief):
        assert translate(key, lang) in brief  # type: ignore[arg-type]
    assert translate("funnel.thin_sample", lang, orders=12) in brief  # type: ignore[arg-type]
    rows = report.video_csv(diagnosis, lang).decode("utf-8-sig").splitlines()  # type: ignore[arg-type]
    assert len(rows) == 6


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_batch_brief_briefs_from_the_winners(lang: str) -> None:
    result = diagnose_batch(demo_set("weak_hook", lang).videos)  # type: ignore[arg-type]
    brief = report.batch_brief(result, lang)  # type: ignore[arg-type]
    assert translate("funnel.replicate_header", lang) in brief  # type: ignore[arg-type]
    assert translate("funnel.demo_value.result", lang) in brief  # type: ignore[arg-type]
    assert translate("funnel.meaning.attention", lang) in brief  # type: ignore[arg-type]
    assert "{" not in brief


def test_every_literal_funnel_key_in_the_code_exists() -> None:
    sources = [
        *(ROOT / "content_logic" / "funnel").glob("*.py"),
        *(ROOT / "ui").glob("funnel_*.py"),
        ROOT / "pages" / "funnel.py",
    ]
    used = {
        key
        for path in sources
        for key in re.findall(r"""["'](funnel\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)["']""", path.read_text())
    }
    for lang in LANGUAGES:
        assert sorted(k for k in used if k not in catalog(lang)) == [], lang  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dynamic_funnel_key_exists(lang: str) -> None:
    names = catalog(lang)  # type: ignore[arg-type]
    families = {
        "stage": ["attention", "retention", "interest", "conversion", "value"],
        "measure": ["hook_rate", "impression_hook_rate", "avg_watch_seconds", "completion_rate", "finish_rate",
                    "watched_share", "product_ctr", "click_through", "click_to_order", "gpm"],
        "field": ["views", "hook_rate", "avg_watch_seconds", "video_seconds", "completion_rate", "product_clicks",
                  "orders", "gmv"],
        "field_help": ["views", "hook_rate", "avg_watch_seconds", "video_seconds", "completion_rate",
                       "product_clicks", "orders", "gmv"],
        "bm": list(FunnelBenchmarks.model_fields), "bm_help": list(FunnelBenchmarks.model_fields),
        "gap": ["missing", "zero_base", "no_reference"], "check": ["pass", "below"],
        "source": ["rule_of_thumb", "own", "batch_median", "reference_video"],
        "status_word": ["pass", "below", "unknown", "healthy"],
        "rank_by": ["gpm", "orders_per_1000_views", "click_through"],
        "demo_name": ["influencer", "weak_hook", "copies"], "demo_about": ["influencer", "weak_hook", "copies"],
        "col": [*TABLE_COLUMNS, "two_second_views", "full_watches", "watched_share", "click_through",
                "click_to_order", "gpm", "bottleneck", "main_bottleneck", "videos", "healthy", "length_band",
                "attention_status", "value_status", "stage", "measure", "value", "benchmark", "source", "status",
                "detail", "impressions", "impression_hook_rate", "finish_rate", "product_impressions",
                "product_ctr"],
    }  # fmt: skip
    missing = [f"funnel.{family}.{name}" for family, items in families.items() for name in items]
    assert [key for key in missing if key not in names] == []
    assert [f"funnel.mode_{m}" for m in ("single", "batch") if f"funnel.mode_{m}" not in names] == []
    assert [
        f"funnel.source_{s}" for s in ("demo", "upload", "table") if f"funnel.source_{s}" not in names
    ] == []


def test_inputs_survive_a_json_round_trip() -> None:
    inputs = FunnelInputs(
        mode="batch",
        video=VideoFunnel(video="x", views=10, product_clicks=1),
        benchmarks=FunnelBenchmarks(hook_rate=25, gpm_reference=4.5),
        source="table",
        demo="copies",
        table_rows=({"video": "a", "views": 100.0, "format": "demo"},),
        reference_video="a",
        replicate_by=("format",),
    )
    data = json.loads(json.dumps(inputs_to_json(inputs)))
    assert inputs_from_json(data) == inputs


@pytest.mark.parametrize(
    "data",
    [{"mode": "both"}, {"video": {"views": -5}}, {"benchmarks": {"hook_rate": 130}}, {"unknown_field": 1}],
)
def test_damaged_saved_inputs_are_refused_with_a_message(data: dict[str, object]) -> None:
    with pytest.raises(InputError) as raised:
        inputs_from_json(data)
    assert raised.value.problems[0].code == "funnel_saved_inputs"
    assert "{" not in raised.value.problems[0].describe("es")


def test_page_state_and_inputs_map_both_ways() -> None:
    inputs = FunnelInputs(
        mode="batch", benchmarks=FunnelBenchmarks(click_through=1.5), source="demo", demo="weak_hook",
        reference_video="Ep. 4", replicate_by=("Hook",),
    )  # fmt: skip
    state = state_from_inputs(inputs)
    back = inputs_from_state(state)
    assert back.model_copy(update={"table_rows": ()}) == inputs.model_copy(update={"video": back.video})
    assert len(back.table_rows) == 4  # the typed table starts with the copies' numbers


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("mode", ["single", "batch"])
def test_the_contract_outputs(lang: str, mode: str) -> None:
    inputs = FunnelInputs(mode=mode, videos=demo_set("copies", lang).videos)  # type: ignore[arg-type]
    result = assess(inputs)
    assert isinstance(table_csv(result, lang), bytes)  # type: ignore[arg-type]
    assert summary_markdown(result, lang).startswith("# ")  # type: ignore[arg-type]
    videos = result_json(result)["videos"]
    assert isinstance(videos, list) and len(videos) == (1 if mode == "single" else 4)
    assert all(set(v) == {"label", "bottleneck", "failing", "judged"} for v in videos)  # type: ignore[arg-type]


def test_the_json_lists_every_failing_stage_and_the_first_as_bottleneck() -> None:
    # Copy B against the rules of thumb: completion 12 % < 25 % (first), clicks 570 ÷ 95,000 = 0.6 % < 1 %,
    # orders 6 ÷ 570 = 1.05 % < 2 %. Value holds: the GPMs 4.42, 2.71, 1.26, 1.04 have a median of 1.99,
    # and B's 1.26 is above half of it (0.99).
    result = assess(FunnelInputs(mode="batch", videos=demo_set("copies", "en").videos))
    copy_b = next(v for v in result_json(result)["videos"] if v["label"] == "Copy B")  # type: ignore[index,union-attr]
    assert copy_b == {
        "label": "Copy B",
        "bottleneck": "retention",
        "failing": ["retention", "interest", "conversion"],
        "judged": True,
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_and_brief_share_the_headline(lang: str) -> None:
    # Copies against their winner: attention, retention and conversion one video each: a three-way tie,
    # named by its earliest stage in both the page's sentence and the downloaded brief.
    result = assess(demo_inputs("copies", lang=lang))  # type: ignore[arg-type]
    sentence = fmt.headline_text(result, lang)  # type: ignore[arg-type]
    assert fmt.stage_name("attention", lang) in sentence  # type: ignore[arg-type]
    assert sentence in summary_markdown(result, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("model", "field", "expected"),
    [(FunnelBenchmarks, "hook_rate", (0.0, 100.0, "%.1f")), (FunnelBenchmarks, "min_videos_for_median", (1, None, None)),
     (FunnelBenchmarks, "median_share", (0.1, 100.0, "%.1f")), (VideoFunnel, "views", (0, None, None)),
     (VideoFunnel, "completion_rate", (0.0, 100.0, "%.1f")), (VideoFunnel, "video_seconds", (0.1, None, "%.1f"))],
)  # fmt: skip
def test_the_page_reads_input_limits_from_the_models(
    model: type, field: str, expected: tuple[object, ...]
) -> None:
    from ui.funnel_inputs import limits

    assert limits(model, field) == expected
