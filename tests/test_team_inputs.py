"""Team gap finder inputs: validation, the bad-file corpus, roster CSV, saved inputs, downloads."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content_logic.i18n import catalog, placeholders
from content_logic.problems import InputError
from content_logic.team import (
    DEMO_IDS,
    AnswerInputs,
    RosterRow,
    TeamInputs,
    TeamPolicy,
    TeamReference,
    assess,
    demo_inputs,
    inputs_from_json,
    inputs_to_json,
    problem_text,
    read_file,
    roster_csv,
    summary_markdown,
    table_csv,
)
from content_logic.team.read import roster_rows
from content_logic.team.reference import CAPABILITY_IDS, ROLE_IDS
from content_logic.team.validate import parse_answers, parse_roster

DATA = Path(__file__).parent / "data" / "team"
EXPECTED = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))


def _codes(error: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [p.code for p in error.value.problems]


@pytest.mark.parametrize(
    ("rows", "codes"),
    [
        ([RosterRow(role="founder", headcount=-1)], ["team_headcount_negative"]),
        ([RosterRow(role="founder", headcount=10_000)], ["team_headcount_absurd"]),
        ([RosterRow(role="founder", headcount="lots")], ["team_headcount_not_number"]),
        ([RosterRow(role="founder")], ["team_headcount_missing"]),
        ([RosterRow(role="", headcount=1)], ["team_role_missing"]),
        ([RosterRow(role="wizard", headcount=1)], ["team_unknown_role"]),
        ([], ["team_empty_roster"]),
        ([RosterRow(role="founder", headcount=0)], ["team_empty_roster"]),
        ([RosterRow(role="other", headcount=1)], ["team_other_needs_name"]),
        ([RosterRow(role="other", headcount=1, name="VA", capabilities=("magic",))], ["team_unknown_capability"]),
        # Every problem at once, in row order.
        ([RosterRow(role="founder", headcount=-1), RosterRow(role="x", headcount="y")],
         ["team_headcount_negative", "team_unknown_role", "team_headcount_not_number"]),
    ],
)  # fmt: skip
def test_bad_rows(rows: list[RosterRow], codes: list[str]) -> None:
    with pytest.raises(InputError) as error:
        parse_roster(rows)
    assert _codes(error) == codes


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([RosterRow(role="founder", headcount="1")], [("founder", 1.0)]),
        ([RosterRow(role="Store operator", headcount="0,5")], [("store_operator", 0.5)]),
        ([RosterRow(role="Fundador/a", headcount=1), RosterRow(role="gestor de tienda", headcount=2)],
         [("founder", 1.0), ("store_operator", 2.0)]),
        # Blank lines (as a table leaves them) are skipped.
        ([RosterRow(), RosterRow(role="founder", headcount=1), RosterRow(headcount=float("nan"))],
         [("founder", 1.0)]),
        ([RosterRow(role="other", headcount=1, name="Agency", capabilities=("Scripting and topic planning",))],
         [("other", 1.0)]),
    ],
)  # fmt: skip
def test_good_rows(rows: list[RosterRow], expected: list[tuple[str, float]]) -> None:
    roster = parse_roster(rows)
    assert [(e.role, e.headcount) for e in roster.entries] == expected


def test_duplicates_are_merged_and_said() -> None:
    rows = [
        RosterRow(role="store_operator", headcount=2),
        RosterRow(role="founder", headcount=1),
        RosterRow(role="store_operator", headcount=1.5),
        RosterRow(role="other", headcount=1, name="Agency", capabilities=("scripting",)),
        RosterRow(role="other", headcount=1, name="agency ", capabilities=("paid_media",)),
    ]
    roster = parse_roster(rows)
    assert [(e.role, e.headcount) for e in roster.entries] == [
        ("store_operator", 3.5),
        ("founder", 1),
        ("other", 2),
    ]
    assert roster.entries[2].capabilities == ("paid_media", "scripting") or set(
        roster.entries[2].capabilities
    ) == {
        "scripting",
        "paid_media",
    }
    assert [note.values["rows"] for note in roster.notes] == ["1, 3", "4, 5"]
    assert problem_text(roster.notes[0], "en") == (
        "Store operator appears on several lines (1, 3); they were added together: 3.5 in all."
    )
    assert problem_text(roster.notes[0], "es").startswith("Gestor/a de tienda aparece en varias filas (1, 3)")


@pytest.mark.parametrize(
    ("answers", "codes"),
    [
        (AnswerInputs(founder_content_hours=200), ["team_content_hours_range"]),
        (AnswerInputs(founder_networking_hours=-3), ["team_networking_hours_range"]),
        (AnswerInputs(founder_content_hours=100, founder_networking_hours=100), ["team_hours_over_week"]),
        (AnswerInputs(founder_content_hours=float("inf")), ["team_content_hours_range"]),
        (AnswerInputs(explain_views_no_sales="maybe", winner_replicated="often"),
         ["team_unknown_answer", "team_unknown_answer"]),
    ],
)  # fmt: skip
def test_bad_answers(answers: AnswerInputs, codes: list[str]) -> None:
    with pytest.raises(InputError) as error:
        parse_answers(answers)
    assert _codes(error) == codes


def test_hours_over_a_week_message() -> None:
    with pytest.raises(InputError) as error:
        parse_answers(AnswerInputs(founder_content_hours=170))
    assert problem_text(error.value.problems[0], "en") == (
        "the founder's content hours must be between 0 and 168 (the hours in a week); you typed 170."
    )
    assert problem_text(error.value.problems[0], "es") == (
        "las horas de contenido del fundador tienen que estar entre 0 y 168 (las horas de una semana); escribiste 170."
    )


def test_empty_hours_count_as_zero() -> None:
    answers = parse_answers(AnswerInputs(founder_content_hours=None, founder_networking_hours=None))
    assert answers.founder_content_hours == 0 == answers.founder_networking_hours


def test_roster_and_answer_problems_come_together() -> None:
    inputs = TeamInputs(
        rows=(RosterRow(role="founder", headcount=-1),), answers=AnswerInputs(founder_content_hours=999)
    )
    with pytest.raises(InputError) as error:
        assess(inputs)
    assert _codes(error) == ["team_headcount_negative", "team_content_hours_range"]


@pytest.mark.parametrize("name", sorted(EXPECTED["errors"]))
def test_bad_file_corpus(name: str) -> None:
    reading = read_file((DATA / name).read_bytes(), name)
    assert [problem_text(p, "en") for p in reading.problems] == EXPECTED["errors"][name]
    assert all(problem_text(p, "es") != problem_text(p, "en") for p in reading.problems)


@pytest.mark.parametrize("name", sorted(EXPECTED["notes"]))
def test_files_that_import_with_notes(name: str) -> None:
    reading = read_file((DATA / name).read_bytes(), name)
    assert reading.problems == () and reading.inputs is not None
    assert [problem_text(p, "en") for p in reading.notes] == EXPECTED["notes"][name]


def test_every_corpus_file_has_an_expectation() -> None:
    listed = set(EXPECTED["errors"]) | set(EXPECTED["notes"])
    assert {p.name for p in DATA.iterdir() if p.suffix == ".csv"} == listed


def test_spanish_export_reads_labels_semicolons_and_decimal_commas() -> None:
    reading = read_file((DATA / "spanish_export.csv").read_bytes(), "spanish_export.csv")
    assert reading.inputs is not None
    assert [(e.role, e.headcount) for e in reading.inputs.rows] == [
        ("founder", 1),
        ("store_operator", 0.5),
        ("content_director", 1),
    ]


@pytest.mark.parametrize("preset", DEMO_IDS)
def test_roster_csv_round_trip(preset: str) -> None:
    inputs = demo_inputs(preset)  # type: ignore[arg-type]
    text = roster_csv(inputs.rows)
    assert text.splitlines()[0] == "role,headcount,name,capabilities"
    again = read_file(text.encode(), "roster.csv").inputs
    assert again is not None
    assert parse_roster(again.rows).entries == parse_roster(inputs.rows).entries
    assert roster_csv(roster_rows(parse_roster(again.rows).entries)) == text


_rows = st.lists(
    st.builds(
        RosterRow,
        role=st.sampled_from(ROLE_IDS),
        headcount=st.floats(min_value=0.5, max_value=45).map(lambda x: round(x, 1)),  # ≤ 10 × 45 < 500 a role
        name=st.sampled_from(["Agency", "VA", "Intern, part-time", 'The "B" team']),
        capabilities=st.lists(st.sampled_from(CAPABILITY_IDS), min_size=1, max_size=3, unique=True).map(
            tuple
        ),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=60, deadline=None)
@given(_rows)
def test_any_valid_roster_survives_export_and_import(rows: list[RosterRow]) -> None:
    again = read_file(roster_csv(rows).encode(), "r.csv").inputs
    assert again is not None

    def coverage(rows: tuple[RosterRow, ...]) -> list[tuple[str, float]]:
        return [(c.capability, round(c.coverage, 6)) for c in assess(TeamInputs(rows=rows)).coverage]

    assert coverage(again.rows) == coverage(tuple(rows))


@pytest.mark.parametrize("preset", DEMO_IDS)
def test_saved_inputs_round_trip(preset: str) -> None:
    inputs = demo_inputs(preset, "es")  # type: ignore[arg-type]
    saved = inputs_to_json(inputs)
    assert json.loads(json.dumps(saved)) == saved
    assert inputs_from_json(json.loads(json.dumps(saved))) == inputs
    assert "policy" not in saved and "reference" not in saved  # defaults are left out


def test_saved_inputs_keep_invalid_values_and_edited_assumptions() -> None:
    reference = TeamReference()
    changed = reference.model_copy(
        update={"capabilities": tuple(c.model_copy(update={"minimum": 80}) for c in reference.capabilities)}
    )
    inputs = TeamInputs(
        rows=(RosterRow(role="wizard", headcount="-3"),),
        answers=AnswerInputs(founder_content_hours=500),
        policy=TeamPolicy(plan_steps=5),
        reference=changed,
    )
    assert inputs_from_json(json.loads(json.dumps(inputs_to_json(inputs)))) == inputs


@pytest.mark.parametrize(
    "data",
    [
        {"version": 99},
        {"rows": "not a list"},
        {"rows": [{"role": "founder", "headcount": 1, "salary": 100}]},
        {"policy": {"plan_steps": -1}},
    ],
)
def test_damaged_saved_inputs(data: dict[str, object]) -> None:
    with pytest.raises(InputError) as error:
        inputs_from_json(data)
    assert _codes(error) == ["team_saved_inputs_invalid"]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("preset", DEMO_IDS)
def test_report_downloads(preset: str, lang: str) -> None:
    report = assess(demo_inputs(preset, lang))  # type: ignore[arg-type]
    markdown = summary_markdown(report, lang)  # type: ignore[arg-type]
    assert markdown.startswith("# ")
    assert "team." not in markdown  # every key found in the catalog
    rows = list(csv.DictReader(io.StringIO(table_csv(report, lang).decode("utf-8"))))  # type: ignore[arg-type]
    assert [row["capability"] for row in rows] == list(CAPABILITY_IDS)
    ranked = sorted((int(r["gap_rank"]), r["capability"]) for r in rows if r["gap_rank"])
    assert [c for _, c in ranked] == [g.capability for g in report.gaps]


def test_shelf_report_says_what_to_do() -> None:
    markdown = summary_markdown(assess(demo_inputs("shelf_team")), "en")
    assert "**Headline gap: Founder oversight of content**" in markdown
    assert "Hire for Content direction:** 1 Content director" in markdown
    assert "Cut networking from 15 to 4 h a week" in markdown
    spanish = summary_markdown(assess(demo_inputs("shelf_team", "es")), "es")
    assert "**Hueco principal: Supervisión del contenido por el fundador**" in spanish
    assert "Recorta el networking de 15 a 4 h" in spanish


def test_team_strings_match_in_both_languages() -> None:
    for namespace in ("team.", "problems.team_"):
        en = {k: v for k, v in catalog("en").items() if k.startswith(namespace)}
        es = {k: v for k, v in catalog("es").items() if k.startswith(namespace)}
        assert set(en) == set(es)
        assert all(placeholders(en[k]) == placeholders(es[k]) for k in en), namespace
    for capability in CAPABILITY_IDS:
        assert f"team.cap.{capability}" in catalog("en") and f"team.cost.{capability}" in catalog("en")
    for role in ROLE_IDS:
        assert f"team.role.{role}" in catalog("es")


def test_an_imported_roster_names_rows_as_the_spreadsheet_does() -> None:
    data = b"Team export\n\nrole,headcount\nfounder,1\n\ncontent_director,-2\n"
    reading = read_file(data, "team.csv")
    assert [(p.row, p.column) for p in reading.problems] == [(6, "headcount")]


@pytest.mark.parametrize(
    ("answers", "lang", "listed"),
    [
        (AnswerInputs(explain_views_no_sales="maybe"), "en", "Use one of: “Yes”, “Partly, sometimes”, “No”."),
        (
            AnswerInputs(explain_views_no_sales="maybe"),
            "es",
            "Usa una de estas: «Sí», «A medias, a veces», «No».",
        ),
        (AnswerInputs(winner_replicated="x"), "es", "«No, el éxito se quedó en algo puntual»"),
    ],
)
def test_accepted_answers_are_listed_as_labels_never_ids(
    answers: AnswerInputs, lang: str, listed: str
) -> None:
    with pytest.raises(InputError) as error:
        parse_answers(answers)
    text = problem_text(error.value.problems[0], lang)  # type: ignore[arg-type]
    assert listed in text and "no_winner_yet" not in text and "partly" not in text
