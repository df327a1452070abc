"""Reading sellers' exports: formats, labels, dates, notes, and every bad file's message."""

from __future__ import annotations

import io
import tomllib
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from content_logic.calculator import UnmappedLabel
from content_logic.channels import read_file, template_csv
from content_logic.channels.demo import demo_sales
from content_logic.channels.models import CHANNELS, WeeklySales
from content_logic.channels.table import sales_from_table, weekly_table
from content_logic.channels.text import note_text
from content_logic.channels.vocabulary import EXAMPLES, channel_of
from content_logic.channels.weeks import read_periods, week_label
from content_logic.problems import InputError
from tests.channels_support import parse_sales

CORPUS = Path(__file__).parent / "data" / "channels"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text())


def parse(text: str, name: str = "sales.csv", encoding: str = "utf-8") -> WeeklySales:
    return parse_sales(text.encode(encoding), name)


def problems(text: str | bytes, name: str = "sales.csv") -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(InputError) as caught:
        parse_sales(text.encode() if isinstance(text, str) else text, name)
    return [(p.code, p.row, p.column) for p in caught.value.problems]


def nonzero(sales: WeeklySales) -> dict[str, tuple[float, ...]]:
    return {c: v for c, v in sales.orders.items() if any(v)}


# --- the bad-input corpus ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_corpus_file_gives_its_expected_message(name: str, lang: str) -> None:
    case = EXPECTED[name]
    data = (CORPUS / name).read_bytes()
    if case["kind"] == "problem":
        with pytest.raises(InputError) as caught:
            parse_sales(data, name)
        assert caught.value.problems[0].describe(lang) == case[lang]  # type: ignore[arg-type]
    else:
        assert note_text(parse_sales(data, name).notes[0], lang) == case[lang]  # type: ignore[arg-type]


def test_every_corpus_file_is_listed() -> None:
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".toml") == sorted(EXPECTED)


def test_an_upload_over_20_mb_is_refused_with_its_size() -> None:
    data = b"date,channel,orders\n" + b"2026-01-05,Video,1\n" * 1_200_000
    with pytest.raises(InputError) as caught:
        parse_sales(data, "big.csv")
    (problem,) = caught.value.problems
    assert problem.code == "too_large"
    assert problem.describe("en") == (
        "big.csv: the file is 21.7 MB; the limit is 20 MB. Export only the weeks or videos you need, or save it as CSV."
    )


# --- formats -------------------------------------------------------------------------------------


def test_long_daily_csv_is_summed_into_iso_weeks() -> None:
    rows = ["date,channel,orders"]
    rows += [f"2026-01-{d:02d},Video,{d}" for d in range(5, 19)]  # two full ISO weeks, Mon 5 to Sun 18
    sales = parse("\n".join(rows))
    assert sales.weeks == ("2026-W02", "2026-W03")
    assert sales.orders["self_video"] == (sum(range(5, 12)), sum(range(12, 19)))
    # "Video" alone doesn't say who made it: read as the seller's own, and said so
    assert [note_text(n, "en") for n in sales.notes] == [
        "sales.csv: Video: the file doesn't say who made this content, so all of it was read as your own. "
        "Creators' orders can only be counted apart from an export by content type and source (Seller-owned, "
        "Affiliate)."
    ]


def test_wide_weekly_csv_with_week_labels() -> None:
    sales = parse("week,Video,LIVE,Product card,GMV Max\n2026-W02,10,0,5,3\n2026-W03,12,1,6,4\n")
    assert nonzero(sales) == {
        "self_video": (10, 12),
        "paid": (3, 4),
        "live": (0, 1),
        "product_card": (5, 6),
    }
    assert [(m.label, m.channel) for m in sales.labels] == [
        ("Video", "self_video"),
        ("LIVE", "live"),
        ("Product card", "product_card"),
        ("GMV Max", "paid"),
    ]


def test_tiktok_platform_split_maps_owned_and_affiliate_columns() -> None:
    text = (
        "Date,Video (own),Video (affiliate),LIVE (own),LIVE (affiliate),Product card,GMV Max\n"
        "2026-01-05,50,30,6,4,30,45\n"
    )
    sales = parse(text)
    assert nonzero(sales) == {
        "self_video": (50,),
        "influencer": (34,),
        "paid": (45,),
        "live": (6,),
        "product_card": (30,),
    }
    assert [n.code for n in sales.notes] == ["merged_columns"]
    assert note_text(sales.notes[0], "en").endswith(
        "Video (affiliate) + LIVE (affiliate) were added together into Creators."
    )


def test_spanish_semicolons_decimal_commas_and_latin1() -> None:
    text = "semana;Vídeo propio;Creadores;Tarjeta de producto\n2026-W02;10;2,5;1.234\n"
    sales = parse(text, encoding="latin-1")
    assert nonzero(sales) == {"self_video": (10,), "influencer": (2.5,), "product_card": (1234,)}


def test_utf8_bom_is_ignored() -> None:
    sales = parse_sales("\ufeffweek,LIVE\n2026-W02,3\n".encode(), "bom.csv")
    assert sales.orders["live"] == (3,)


def test_gmv_only_wide_export_is_read_as_gmv_and_totals_are_left_out() -> None:
    sales = parse("Date,Video GMV,LIVE GMV,Total GMV\n2026-01-05,100.5,20,120.5\n2026-01-12,80,0,80\n")
    assert sales.measure == "gmv"
    assert nonzero(sales) == {"self_video": (100.5, 80), "live": (20, 0)}
    assert [n.code for n in sales.notes] == ["ignored_columns", "measure_gmv", "no_source"]


def test_orders_and_gmv_columns_side_by_side() -> None:
    sales = parse("date,channel,orders,gmv\n2026-01-05,LIVE,3,75.5\n2026-01-12,LIVE,2,40\n")
    assert sales.measure == "orders" and sales.orders["live"] == (3, 2)
    assert sales.gmv is not None and sales.gmv["live"] == (75.5, 40)


def test_creator_column_is_kept_per_channel() -> None:
    sales = parse(
        "date,channel,orders,creator\n2026-01-05,Affiliate,10,@ana\n2026-01-05,Affiliate,5,@bo\n"
        "2026-01-12,Affiliate,7,@ana\n2026-01-12,Video,4,\n"
    )
    assert sales.creators == {"influencer": {"@ana": (10, 7), "@bo": (5, 0)}}
    assert [n.code for n in sales.notes] == ["no_source"]  # two creators on one day are not duplicates


def test_xlsx_with_a_title_above_the_header() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Shop Analytics"])
    sheet.append(["Date range: 2026-01-05 ~ 2026-01-18"])
    sheet.append(["Date", "Channel", "Orders"])
    sheet.append([datetime(2026, 1, 5), "LIVE", 3])
    sheet.append([datetime(2026, 1, 12), "Product card", 4])
    sheet.append([datetime(2026, 1, 12), "Radio", 4])
    buffer = io.BytesIO()
    book.save(buffer)
    reading = read_file(buffer.getvalue(), "export.xlsx")
    assert reading.inputs is not None and nonzero(reading.inputs.sales) == {
        "live": (3, 0),
        "product_card": (0, 4),
    }
    assert reading.unmapped == (UnmappedLabel(column="Channel", label="Radio", rows=1),)


def test_xlsx_dates_are_read() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["week", "Creators"])
    sheet.append([datetime(2026, 1, 5), 7])
    sheet.append([datetime(2026, 1, 12), 9])
    buffer = io.BytesIO()
    book.save(buffer)
    assert parse_sales(buffer.getvalue(), "w.xlsx").orders["influencer"] == (7, 9)


def test_missing_weeks_are_zero_and_said() -> None:
    sales = parse("week,LIVE\n2026-W02,3\n2026-W05,4\n")
    assert sales.weeks == ("2026-W02", "2026-W03", "2026-W04", "2026-W05")
    assert sales.orders["live"] == (3, 0, 0, 4)
    assert (
        note_text(sales.notes[0], "en")
        == "sales.csv: 2 week(s) had no rows (2026-W03, 2026-W04); counted as zero."
    )


def test_partial_first_and_last_weeks_of_daily_data_are_left_out() -> None:
    rows = ["date,channel,orders"] + [f"2026-01-{d:02d},LIVE,1" for d in range(7, 22)]  # Wed 7 to Wed 21
    sales = parse("\n".join(rows))
    assert sales.weeks == ("2026-W03",) and sales.orders["live"] == (7,)
    assert [note_text(n, "en") for n in sales.notes] == [
        "sales.csv: week 2026-W02 has only 5 of its 7 days in the file, so it was left out (it would look like a drop).",
        "sales.csv: week 2026-W04 has only 3 of its 7 days in the file, so it was left out (it would look like a drop).",
    ]


def test_weekly_dates_on_sundays_and_week_numbers() -> None:
    assert parse("week,LIVE\n2026-01-11,3\n2026-01-18,4\n").weeks == ("2026-W02", "2026-W03")
    assert parse("semana,LIVE\nSemana 1,3\nSemana 3,4\n").weeks == ("W1", "W2", "W3")


def test_reading_rows_in_any_order_gives_the_same_weeks() -> None:
    ordered = parse("week,LIVE,Video\n2026-W02,1,5\n2026-W03,2,6\n2026-W04,3,7\n")
    shuffled = parse("Video,week,LIVE\n7,2026-W04,3\n5,2026-W02,1\n6,2026-W03,2\n")
    assert ordered.orders == shuffled.orders and ordered.weeks == shuffled.weeks


def test_all_problems_are_reported_at_once_and_long_runs_are_counted() -> None:
    rows = ["date,channel,orders"] + [f"2026-01-{d:02d},Video,x" for d in range(5, 15)] + ["oops,Video,-2"]
    found = problems("\n".join(rows))
    assert found[:5] == [("channels_bad_number", r, "orders") for r in range(2, 7)]
    assert ("channels_more_rows", None, "orders") in found
    assert ("channels_bad_date", 12, "date") in found
    assert ("channels_negative", 12, "orders") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date,channel\n2026-01-05,Video\n", [("channels_no_values_column", None, None)]),
        ("date,newsletter\n2026-01-05,hi\n", [("nothing_mapped", None, None)]),
        ("date,Total\n2026-01-05,3\n", [("channels_no_channel_columns", None, None)]),
        ("date,channel,orders\n,Video,3\n", [("channels_missing_date", 2, "date")]),
        ("date,channel,orders\n2026-01-05,,3\n", [("channels_missing_channel", 2, "channel")]),
    ],
)
def test_structural_problems(text: str, expected: list[tuple[str, int | None, str | None]]) -> None:
    assert problems(text) == expected


def test_blank_rows_and_zero_rows_without_a_channel_are_skipped() -> None:
    sales = parse("date,channel,orders\n2026-01-05,Video,3\n,,\n2026-01-05,,0\n")
    assert sales.orders["self_video"] == (3,)


# --- periods and labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "kind", "daily"),
    [
        (["2026-01-05", "2026-01-06"], "date", True),
        (["05/01/2026", "12/01/2026"], "date", False),
        (["2026-W02", "2026-W3"], "iso_week", False),
        (["W1", "Week 2", "3"], "week_number", False),
        (["2026/01/05 00:00:00", "2026/01/12 00:00:00"], "date", False),
        (["2026-01-05 ~ 2026-01-11", "2026-01-12 ~ 2026-01-18"], "date", False),
    ],
)
def test_period_kinds(cells: list[str], kind: str, daily: bool) -> None:
    periods = read_periods(cells)
    assert (periods.kind, periods.daily) == (kind, daily)
    assert set(periods.weeks) == set(cells)


def test_day_month_order_is_chosen_by_the_tighter_range() -> None:
    us = read_periods(["01/05/2026", "01/06/2026", "01/07/2026"])  # January 5, 6, 7 only as mm/dd
    assert us.order == "mdy" and us.days["01/05/2026"] == date(2026, 1, 5)
    eu = read_periods(["13/01/2026", "14/01/2026"])  # only dd/mm fits
    assert eu.order == "dmy" and not eu.ambiguous_order


def test_week_labels() -> None:
    assert week_label(date(2026, 1, 5)) == "2026-W02"
    assert week_label(date(2027, 1, 4)) == "2027-W01"
    assert week_label(3) == "W3"


@pytest.mark.parametrize(
    ("label", "channel"),
    [
        ("Video", "self_video"), ("Short video", "self_video"), ("VÍDEO PROPIO", "self_video"),
        ("Video GMV", "self_video"), ("Affiliate", "influencer"), ("creator", "influencer"),
        ("LIVE (affiliate)", "influencer"), ("Ads", "paid"), ("GMV Max", "paid"), ("gmv_max", "paid"),
        ("Pago (GMV Max)", "paid"), ("LIVE orders", "live"), ("En directo", "live"), ("Shop tab", "product_card"),
        ("Búsqueda", "product_card"), ("Product card", "product_card"), ("Podcast", None), ("GMV", None),
    ],
)  # fmt: skip
def test_label_mapping(label: str, channel: str | None) -> None:
    assert channel_of(label)[0] == channel


def test_display_names_and_examples_are_accepted_labels() -> None:
    from content_logic.channels.text import channel_name

    for channel in CHANNELS:
        for lang in ("en", "es"):
            assert channel_of(channel_name(channel, lang))[0] == channel  # type: ignore[arg-type]
        assert all(channel_of(label)[0] == channel for label in EXAMPLES[channel])


# --- templates and the typed table ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("layout", ["wide", "long"])
def test_templates_read_back(lang: str, layout: str) -> None:
    data = template_csv(lang, layout)  # type: ignore[arg-type]
    sales = parse_sales(data, "template.csv")
    carla = demo_sales("carla")
    assert sales.weeks == carla.weeks[:3]
    assert all(sales.orders[c] == carla.orders[c][:3] for c in CHANNELS)
    assert data.startswith(b"\xef\xbb\xbf")
    assert (b";" in data.splitlines()[0]) == (lang == "es")


def test_table_round_trip_keeps_the_story_with_its_creators() -> None:
    carla = demo_sales("carla")
    assert sales_from_table(weekly_table(carla), base=carla) is carla


def test_table_edit_drops_creators_only_for_the_edited_channel() -> None:
    carla = demo_sales("carla")
    table = weekly_table(carla)
    table.loc[0, "self_video"] = 99
    sales = sales_from_table(table, base=carla)
    assert sales.orders["self_video"][0] == 99
    assert sales.creators == carla.creators  # creators are in the influencer channel, which is unchanged
    table.loc[2, "influencer"] = 20
    assert sales_from_table(table, base=carla).creators == {}


def test_table_blank_cells_are_zero_and_blank_rows_skipped() -> None:
    table = pd.DataFrame({"week": ["", "", None], "self_video": [5, None, None], "live": ["", 2, None]})
    sales = sales_from_table(table)
    assert sales.weeks == ("W1", "W2")
    assert sales.orders["self_video"] == (5, 0) and sales.orders["live"] == (0, 2)


def test_table_rows_are_put_in_week_order_with_gaps_filled() -> None:
    table = pd.DataFrame({"week": ["2026-W04", "2026-W02"], "live": [4, 2]})
    sales = sales_from_table(table)
    assert sales.weeks == ("2026-W02", "2026-W03", "2026-W04") and sales.orders["live"] == (2, 0, 4)
    assert [n.code for n in sales.notes] == ["missing_weeks"]


@pytest.mark.parametrize(
    ("weeks", "values", "expected"),
    [
        (["W1", "W1"], [1, 2], [("channels_table_duplicate_week", 2, "Week")]),
        (["W1", ""], [1, 2], [("channels_table_missing_week", 2, "Week")]),
        (["W1", "W2"], [1, -2], [("channels_negative", 2, "LIVE")]),
        (["W1", "W2"], [1, "many"], [("channels_bad_number", 2, "LIVE")]),
    ],
)
def test_table_problems_name_row_and_column(
    weeks: list[str], values: list[object], expected: list[object]
) -> None:
    table = pd.DataFrame({"week": weeks, "live": values})
    with pytest.raises(InputError) as caught:
        sales_from_table(table, column_names={"week": "Week", "live": "LIVE"})
    assert [(p.code, p.row, p.column) for p in caught.value.problems] == expected
