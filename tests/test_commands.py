"""The calculators from a terminal: the summary or one JSON object for a good file, every located
problem for a bad one, and exit codes 0 (a result), 1 (no result), 2 (can't be read)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from content_logic.__main__ import main
from content_logic.commands import run_calculator

DATA = Path(__file__).parent / "data"
SHEETS = DATA / "sheets"
CHANNEL_IDS = {"self_video", "influencer", "paid", "live", "product_card"}
STAGES = {"attention", "retention", "interest", "conversion", "value"}


def _json(calculator: str, path: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    code = main([calculator, str(path), "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def _located(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert set(item) == {"code", "row", "column", "message"}
        assert isinstance(item["message"], str) and item["message"]


def test_channels_json_from_a_spanish_carrier_by_source_export(capsys: pytest.CaptureFixture[str]) -> None:
    code, document = _json("channels", SHEETS / "carrier_source_es.csv", "--lang", "es", capsys=capsys)
    assert code == 0
    assert (document["calculator"], document["file"], document["problems"]) == (
        "channels",
        "carrier_source_es.csv",
        [],
    )
    _located(document["notes"])
    result = document["result"]
    assert isinstance(result["stock_up"], bool)
    assert result["safe_weekly_orders"] >= 0
    assert set(result["channels"]) == CHANNEL_IDS
    for channel in result["channels"].values():
        assert channel["verdict"] in {"stable", "emerging", "volatile", "inactive"}
        assert channel["orders_per_week"] >= 0
    assert result["channels"]["influencer"]["orders_per_week"] > 0  # "Afiliado" rows are creators' orders
    for warning in result["warnings"]:
        assert set(warning) == {"code", "message"}


def test_team_json_lists_the_roster_as_written_and_the_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, document = _json("team", DATA / "team" / "spanish_export.csv", capsys=capsys)
    assert code == 0
    roster = document["result"]["roster"]
    assert roster and all(set(line) == {"as_written", "role", "people"} for line in roster)
    assert {line["role"] for line in roster} >= {"founder"}
    gaps = document["result"]["gaps"]
    assert all(set(gap) == {"capability", "severity"} for gap in gaps)
    order = ["critical", "high", "medium", "low"]
    ranks = [order.index(gap["severity"]) for gap in gaps if gap["severity"] in order]
    assert ranks == sorted(ranks)  # most urgent first


def test_funnel_json_from_a_seller_center_workbook(capsys: pytest.CaptureFixture[str]) -> None:
    code, document = _json("funnel", SHEETS / "seller_center_videos.xlsx", capsys=capsys)
    assert code == 0
    videos = document["result"]["videos"]
    assert [video["label"] for video in videos][:2] == [
        "Unboxing the serum #skincare",
        "3 mistakes with retinol",
    ]
    for video in videos:
        assert set(video) == {"label", "bottleneck", "failing", "judged"}
        assert video["bottleneck"] is None or video["bottleneck"] in STAGES
        assert set(video["failing"]) <= STAGES
    assert document["definitions"]  # Seller Center's own definitions travel with the data
    assert [note["row"] for note in document["notes"] if note["row"] is not None] == [
        3
    ]  # header under the date


@pytest.mark.parametrize(
    ("calculator", "file", "code"),
    [
        ("channels", "channels/header_only.csv", 1),
        ("channels", "channels/no_date_column.csv", 1),
        ("team", "team/header_only.csv", 1),
        ("team", "team/empty.csv", 2),
        ("funnel", "funnel/binary_renamed.csv", 2),
        ("channels", "channels/old_excel.xls", 2),
        ("funnel", "funnel/broken.xlsx", 2),
        ("team", "team/does_not_exist.csv", 2),
    ],
)
def test_files_without_a_result_exit_1_and_unreadable_ones_2(
    calculator: str, file: str, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    exit_code, document = _json(calculator, DATA / file, capsys=capsys)
    assert (exit_code, document["result"]) == (code, None)
    assert document["problems"]
    _located(document["problems"])
    assert main([calculator, str(DATA / file)]) == code
    assert capsys.readouterr().err  # the text form goes to stderr


def test_a_bad_file_lists_every_problem_with_its_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["channels", str(DATA / "channels" / "negative_orders.csv"), "--lang", "es"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "1 problema(s) que corregir en el archivo:"
    assert err[1].startswith("negative_orders.csv, fila 3, columna «LIVE»: ")
    code, document = _json("channels", DATA / "channels" / "negative_orders.csv", capsys=capsys)
    assert (code, document["problems"][0]["row"], document["problems"][0]["column"]) == (1, 3, "LIVE")


@pytest.mark.parametrize(
    ("calculator", "path", "lang"),
    [
        ("channels", SHEETS / "carrier_source_en.csv", "en"),
        ("team", DATA / "team" / "spanish_export.csv", "es"),
        ("funnel", DATA / "funnel" / "bad_rows.csv", "en"),
    ],
)
def test_a_readable_file_gives_the_markdown_summary(calculator: str, path: Path, lang: str) -> None:
    code, text = run_calculator(calculator, path, lang)  # type: ignore[arg-type]
    assert code == 0
    assert text.startswith("# ")


def test_rows_skipped_are_listed_once_under_the_summary() -> None:
    _, text = run_calculator("funnel", DATA / "funnel" / "bad_rows.csv", "en")
    skipped = [line for line in text.splitlines() if "bad_rows.csv, row " in line]
    assert skipped and len(skipped) == len(set(skipped))


def test_json_warning_messages_follow_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Eight steady weeks from the product card and three orders from video: shelf logic and one channel.
    rows = [
        f"2026-{month:02d}-{day:02d},Product card,{orders}"
        for month, day, orders in (
            (9, 7, 40),
            (9, 14, 42),
            (9, 21, 39),
            (9, 28, 41),
            (10, 5, 40),
            (10, 12, 43),
            (10, 19, 40),
            (10, 26, 42),
        )
    ]
    path = tmp_path / "sales.csv"
    path.write_text(
        "date,channel,orders\n" + "\n".join([*rows, "2026-10-26,Video,3"]) + "\n", encoding="utf-8"
    )
    messages = {}
    for lang in ("en", "es"):
        code, document = _json("channels", path, "--lang", lang, capsys=capsys)
        assert code == 0
        warnings = document["result"]["warnings"]
        assert [w["code"] for w in warnings] == ["shelf_logic", "one_channel"]
        messages[lang] = warnings[0]["message"]
    assert "product card" in messages["en"].lower()
    assert "tarjeta de producto" in messages["es"].lower()
