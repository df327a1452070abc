"""The calculators from a terminal: the summary for a good file, every located problem for a bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_logic.__main__ import main
from content_logic.commands import run_calculator

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("calculator", "file", "lang", "heading"),
    [
        ("channels", "channels/missing_days.csv", "en", "# Channel stability: summary"),
        ("team", "team/spanish_export.csv", "es", "# Evaluación del equipo"),
        ("funnel", "funnel/bad_rows.csv", "en", "# Funnel diagnosis of 2 videos"),
    ],
)
def test_a_readable_file_gives_the_markdown_summary(
    calculator: str, file: str, lang: str, heading: str
) -> None:
    code, text = run_calculator(calculator, DATA / file, lang)  # type: ignore[arg-type]
    assert code == 0
    assert text.splitlines()[0] == heading


def test_skipped_video_rows_are_listed_under_the_summary() -> None:
    _, text = run_calculator("funnel", DATA / "funnel" / "bad_rows.csv", "en")
    assert "bad_rows.csv, row " in text


def test_a_bad_file_lists_every_problem_with_its_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["channels", str(DATA / "channels" / "negative_orders.csv"), "--lang", "es"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "1 problema(s) que corregir en el archivo:"
    assert err[1].startswith("negative_orders.csv, fila 3, columna «LIVE»: ")


def test_a_missing_file_is_said_plainly(tmp_path: Path) -> None:
    code, text = run_calculator("team", tmp_path / "nope.csv", "en")
    assert code == 2
    assert text.startswith(f"{tmp_path / 'nope.csv'}: ")
