"""The calculator contract (issue 10), checked the same way over every calculator: read a file →
assess → summary → room summary → save and restore the inputs, and every demo does the same."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from content_logic.calculator import (
    CALCULATOR_IDS,
    CONTRACT_NAMES,
    Reading,
    calculator_package,
)
from content_logic.i18n import LANGUAGES
from content_logic.workshop.models import SUMMARY_MODELS

DATA = Path(__file__).parent / "data"
FILES = {
    "channels": DATA / "sheets" / "carrier_source_es.csv",
    "team": DATA / "team" / "spanish_export.csv",
    "funnel": DATA / "sheets" / "seller_center_videos.xlsx",
}
"""One real-shaped file per calculator."""

PUBLIC_NAMES_LIMIT = 20
"""A package exports the contract and only a handful of other names (its models, its vocabulary)."""


def _result_json(calculator: str, result: object) -> str:
    return json.dumps(calculator_package(calculator).result_json(result), sort_keys=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("calculator", CALCULATOR_IDS)
def test_each_package_exports_the_contract_and_little_else(calculator: str) -> None:
    package = calculator_package(calculator)  # type: ignore[arg-type]
    exported = set(getattr(package, "__all__", ()))
    assert set(CONTRACT_NAMES) <= exported
    assert len(exported) <= PUBLIC_NAMES_LIMIT


@pytest.mark.parametrize("calculator", CALCULATOR_IDS)
def test_a_file_goes_through_every_verb_and_its_inputs_round_trip(calculator: str) -> None:
    package = calculator_package(calculator)  # type: ignore[arg-type]
    path = FILES[calculator]
    reading = package.read_file(path.read_bytes(), path.name)
    assert isinstance(reading, Reading)
    assert reading.inputs is not None, [p.describe("en") for p in reading.problems]
    result = package.assess(reading.inputs)
    for lang in LANGUAGES:
        assert package.summary_markdown(result, lang).startswith("# ")
        assert isinstance(package.table_csv(result, lang), bytes)
    summary = package.room_summary(result)
    assert isinstance(summary, SUMMARY_MODELS[calculator])  # type: ignore[index]
    saved = json.loads(json.dumps(package.inputs_to_json(reading.inputs)))  # what the store keeps
    again = package.assess(package.inputs_from_json(saved))
    assert _result_json(calculator, again) == _result_json(calculator, result)
    assert package.room_summary(again) == summary


@pytest.mark.parametrize(
    ("calculator", "demo"),
    [(c, demo) for c in CALCULATOR_IDS for demo in calculator_package(c).DEMO_IDS],
)
def test_every_demo_assesses_and_round_trips(calculator: str, demo: str) -> None:
    package = calculator_package(calculator)  # type: ignore[arg-type]
    inputs = package.demo_inputs(demo)
    result = package.assess(inputs)
    saved = json.loads(json.dumps(package.inputs_to_json(inputs)))
    assert _result_json(calculator, package.assess(package.inputs_from_json(saved))) == _result_json(
        calculator, result
    )


ENGLISH_NUMBER = re.compile(
    r"(?<![\d.,\w$€£-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d\w])|(?<![\d.\w$€£-])\d+\.\d{1,2}(?![\d.\w])"
)
"""``1,234`` or ``2.5`` or ``0.35``: English notation (Spanish writes ``1.234``, ``2,5``). An amount
after a currency sign is left alone: it is text from the data (a demo's "two-pack, $19.90")."""

GLUED_PERCENT = re.compile(r"\d%")
"""``42%``: Spanish separates the sign (``42 %``)."""


@pytest.mark.parametrize("calculator", CALCULATOR_IDS)
def test_every_number_in_a_spanish_summary_uses_the_spanish_convention(calculator: str) -> None:
    package = calculator_package(calculator)  # type: ignore[arg-type]
    for demo in package.DEMO_IDS:
        text = package.summary_markdown(package.assess(package.demo_inputs(demo)), "es")
        assert not ENGLISH_NUMBER.findall(text), (demo, ENGLISH_NUMBER.findall(text))
        assert not GLUED_PERCENT.findall(text), (demo, [m.start() for m in GLUED_PERCENT.finditer(text)])
