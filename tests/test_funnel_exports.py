"""Real seller exports in (issue 11) and judged by their own definitions (issue 12): Seller Center video
analytics, an Ads Manager video report, a Mexican Spanish export; the notation never changes a verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_logic.funnel import FunnelBenchmarks, FunnelInputs, assess, read_file, result_json
from content_logic.funnel.vocabulary import column_kind
from tests import funnel_exports as exports

DATA = Path(__file__).parent / "data" / "funnel"

SELLER_CENTER_MAPPING = {
    "Video Info": ("field", "video"), "Video ID": ("id", "id"), "Time": ("field", "date"),
    "Creator name": ("field", "creator"), "VV": ("field", "views"), "Likes": ("metric", "ignored"),
    "Product Impressions": ("field", "product_impressions"), "Product Clicks": ("field", "product_clicks"),
    "Buyers": ("metric", "ignored"), "Orders": ("field", "orders"), "Unit Sales": ("metric", "ignored"),
    "Video Revenue ($)": ("field", "gmv"), "GPM ($)": ("output", "gpm"),
    "Shoppable video attributed GMV ($)": ("metric", "ignored"), "CTR": ("metric", "ignored"),
    "Video Finish Rate": ("field", "finish_rate"), "CTOR": ("metric", "ignored"),
}  # fmt: skip
"""Every Seller Center column: the title names the video, VV are the views, the finish rate is per view;
GPM, CTR and CTOR are recomputed from the counts (never read), likes and buyers are not judged."""

SELLER_CENTER_RESULT = [
    {"label": "Desk lamp: 3 setups", "bottleneck": None, "failing": [], "judged": True},
    {"label": "Night reading test", "bottleneck": None, "failing": [], "judged": True},
    {"label": "Glare before/after", "bottleneck": None, "failing": [], "judged": True},
    # 260 clicks of 52,000 product impressions = 0.5 % < 1.2 %; GPM 232 ÷ 210,000 × 1,000 = 1.10 is below
    # half the batch median (8.25 ÷ 2 = 4.13) too, but interest comes first.
    {
        "label": "Unboxing the lamp",
        "bottleneck": "interest",
        "failing": ["interest", "value"],
        "judged": True,
    },
    # CTR 520 ÷ 18,000 = 2.9 % is fine; 6 orders of 520 clicks = 1.15 % < 2 %; GPM 3.85 < 4.13.
    {
        "label": "Study desk tour",
        "bottleneck": "conversion",
        "failing": ["conversion", "value"],
        "judged": True,
    },
    {
        "label": "Cozy corner",
        "bottleneck": None,
        "failing": [],
        "judged": True,
    },  # 6.3 % finish ≥ 5 % per view
    # Not shoppable: only its 11.2 % finish rate is known; interest to value are unknown, never failures.
    {"label": "Behind the scenes", "bottleneck": None, "failing": [], "judged": True},
    {"label": "Cable tidy hack", "bottleneck": None, "failing": [], "judged": True},
]
"""By hand: every finish rate (6.3–17.6 % of views) is ordinary against the per-view 5 %; the course's
40 %-of-2-second-viewers rule would have called all eight a retention problem."""

SELLER_CENTER_DEFINITIONS = {
    "finish_rate": "full_watches_per_view",
    "product_ctr": "clicks_per_product_impression",
    "click_through": "clicks_per_view",
    "click_to_order": "orders_per_click",
    "gpm": "gmv_per_thousand_views",
}

ADS_MAPPING = {
    "Ad name": ("field", "video"), "Impressions": ("field", "impressions"), "Video views": ("field", "views"),
    "2-second video views": ("field", "two_second_views"), "6-second video views": ("metric", "ignored"),
    "Video views at 25%": ("metric", "ignored"), "Video views at 50%": ("metric", "ignored"),
    "Video views at 75%": ("metric", "ignored"), "Video views at 100%": ("field", "full_watches"),
    "Average play time per video view": ("field", "avg_watch_seconds"),
    "Clicks (destination)": ("field", "product_clicks"), "Purchases": ("field", "orders"),
    "Cost": ("metric", "ignored"),
}  # fmt: skip

ADS_DEFINITIONS = {
    "impression_hook_rate": "two_second_views_per_impression",
    "avg_watch_seconds": "seconds_per_view",
    "completion_rate": "full_watches_per_two_second_view",
    "click_through": "clicks_per_view",
    "click_to_order": "orders_per_click",
}

MEXICO_MAPPING = {
    "Título del video": ("field", "video"), "ID del video": ("id", "id"), "Nombre del creador": ("field", "creator"),
    "Fecha": ("field", "date"), "Visualizaciones": ("field", "views"),
    "Impresiones del producto": ("field", "product_impressions"), "Clics en el producto": ("field", "product_clicks"),
    "Pedidos": ("field", "orders"), "Ingresos del video": ("field", "gmv"),
    "Tasa de finalización": ("field", "finish_rate"), "Me gusta": ("metric", "ignored"),
}  # fmt: skip

MEXICO_RESULT = [
    {"label": "Lámpara: 3 escritorios", "bottleneck": None, "failing": [], "judged": True},
    {"label": "Prueba nocturna", "bottleneck": None, "failing": [], "judged": True},
    {"label": "Antes y después", "bottleneck": None, "failing": [], "judged": True},
    # 2,400 clicks of 600,000 product impressions = 0.4 % < 1.2 %; GPM 4.27 < half the median (28.52 ÷ 2).
    {
        "label": "Unboxing de la lámpara",
        "bottleneck": "interest",
        "failing": ["interest", "value"],
        "judged": True,
    },
    # 40 orders of 3,360 clicks = 1.19 % < 2 %; GPM 16.56 holds against 14.26.
    {"label": "Rincón de estudio", "bottleneck": "conversion", "failing": ["conversion"], "judged": True},
    {"label": "Detrás de cámaras", "bottleneck": None, "failing": [], "judged": True},  # not shoppable
]


def reading_of(name: str):  # type: ignore[no-untyped-def]
    return read_file((DATA / name).read_bytes(), name)


@pytest.mark.parametrize(
    ("name", "mapping", "definitions", "expected"),
    [
        ("seller_center.xlsx", SELLER_CENTER_MAPPING, SELLER_CENTER_DEFINITIONS, SELLER_CENTER_RESULT),
        ("mexico_export.csv", MEXICO_MAPPING, SELLER_CENTER_DEFINITIONS, MEXICO_RESULT),
        # Eight ordinary ads: none flagged (see test_ordinary_ads_pass_by_their_own_definitions).
        ("ads_manager.csv", ADS_MAPPING, ADS_DEFINITIONS,
         [{"label": name, "bottleneck": None, "failing": [], "judged": True} for name, *_ in exports.ADS]),
    ],
)  # fmt: skip
def test_each_export_is_mapped_kept_in_its_definitions_and_judged(
    name: str, mapping: dict[str, tuple[str, str]], definitions: dict[str, str], expected: list[object]
) -> None:
    reading = reading_of(name)
    headers = exports.ADS_HEADERS if name.startswith("ads") else list(mapping)
    assert {header: column_kind(header) for header in headers} == mapping
    assert reading.problems == () and reading.unmapped == ()
    assert reading.definitions == definitions
    assert reading.inputs is not None
    assert result_json(assess(reading.inputs)) == {"videos": expected}


def test_the_seller_center_header_is_found_under_its_date_range() -> None:
    reading = reading_of("seller_center.xlsx")
    assert [n.describe("en") for n in reading.notes] == [
        "seller_center.xlsx, row 3: the header was found on this row; the title or date-range lines above it were "
        "skipped."
    ]
    assert reading.inputs is not None
    scenes = reading.inputs.videos[6]  # "--" in every shop column: missing, never an error
    assert (scenes.views, scenes.finish_rate, scenes.product_clicks, scenes.gmv) == (15_300, 11.2, None, None)


def test_spanish_seller_center_reads_like_the_english_one() -> None:
    english, spanish = reading_of("seller_center.xlsx"), reading_of("seller_center_es.xlsx")
    assert spanish.inputs is not None and english.inputs is not None
    assert spanish.inputs.videos == english.inputs.videos  # "1.189,00 $" and "12,40 %" read as written


def test_ordinary_ads_pass_by_their_own_definitions() -> None:
    # 2-second views ÷ impressions are 26–38 % against the per-impression 25 %; 27–41 % of 2-second viewers
    # finish against 25 %; clicks are 1.0–1.6 % of views, orders 2.6–4.1 % of clicks. No revenue column, so
    # value is unknown: never a failure. Judged with the course's old 40 % completion, 7 of 8 would fail.
    reading = reading_of("ads_manager.csv")
    assert reading.inputs is not None
    result = assess(reading.inputs)
    assert result.healthy == 8 and set(result.table["value_status"]) == {"unknown"}
    old = assess(reading.inputs.model_copy(update={"benchmarks": FunnelBenchmarks(completion_rate=40)}))
    assert old.bottlenecks["retention"] == 7  # only the creator review's 41 % clears 40 %


def test_a_file_of_only_unknown_numbers_is_skipped_with_a_note() -> None:
    rows = [*exports.seller_center_rows()[:2], ["Empty", "7399", "2026-10-30", "@x", "1,000", *["--"] * 12]]
    reading = read_file(exports.xlsx(rows), "videos.xlsx")
    assert [n.code for n in reading.notes] == ["sheet_header_below_title", "funnel_row_empty"]
    assert reading.inputs is not None and len(reading.inputs.videos) == 1


# Notation never changes the result ---------------------------------------------------------------


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(["en", "es"]),
    title=st.sampled_from([None, "2026-10-01 ~ 2026-10-31", "Periodo: 01/10/2026 - 31/10/2026"]),
    blank_rows=st.integers(min_value=0, max_value=3),
    decimal=st.sampled_from([".", ","]),
    currency=st.sampled_from(["prefix", "suffix", "code"]),
)
def test_seller_center_notation_never_changes_the_result(
    lang: str, title: str | None, blank_rows: int, decimal: exports.Decimal, currency: exports.Currency
) -> None:
    rows = exports.seller_center_rows(lang, decimal=decimal, currency=currency)
    reading = read_file(exports.xlsx(rows, title=title, blank_rows=blank_rows), "videos.xlsx")
    assert reading.inputs is not None
    assert result_json(assess(reading.inputs)) == {"videos": SELLER_CENTER_RESULT}


@settings(max_examples=12, deadline=None)
@given(
    delimiter=st.sampled_from([",", ";", "\t"]),
    decimal=st.sampled_from([".", ","]),
    currency=st.sampled_from(["prefix", "suffix", "code"]),
    title=st.sampled_from([None, "Periodo: 01/10/2026 - 31/10/2026"]),
)
def test_mexican_notation_never_changes_the_result(
    delimiter: str, decimal: exports.Decimal, currency: exports.Currency, title: str | None
) -> None:
    data = exports.csv_text(
        exports.mexico_rows(decimal=decimal, currency=currency), delimiter=delimiter, title=title
    )
    reading = read_file(data, "export.csv")
    assert reading.inputs is not None, [p.describe("en") for p in reading.problems]
    assert result_json(assess(reading.inputs)) == {"videos": MEXICO_RESULT}


def test_an_upload_becomes_inputs_that_save_and_restore() -> None:
    reading = reading_of("mexico_export.csv")
    assert reading.inputs is not None
    saved = FunnelInputs.model_validate_json(reading.inputs.model_dump_json())
    assert result_json(assess(saved)) == {"videos": MEXICO_RESULT}
