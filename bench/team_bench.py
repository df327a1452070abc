"""Team gap finder figures: a 200-person roster's analysis (target < 5 ms), the same roster read from a
one-row-per-person file of free titles, and the page's warm rerun under AppTest against an empty page
in the same run (target < 25 ms).

Run: ``.venv/bin/python bench/team_bench.py``
"""

from __future__ import annotations

import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.rerun_timing import compare_with_empty_page, open_page  # noqa: E402
from content_logic.team import (  # noqa: E402
    AnswerInputs,
    RosterRow,
    TeamInputs,
    assess,
    read_file,
)
from content_logic.team.assess import assess_roster  # noqa: E402
from content_logic.team.reference import CAPABILITY_IDS, ROLE_IDS  # noqa: E402
from content_logic.team.validate import build_team  # noqa: E402

PEOPLE = 200
REPEATS = 200
RERUNS = 30
TARGET_MS = 5.0


def roster_of(people: int) -> tuple[RosterRow, ...]:
    """One row per person, as an HR export has it: catalog roles in turn, every fifth an "other" role
    with its own name (so duplicates merge into ~14 roles plus ~40 named ones)."""
    catalog = [r for r in ROLE_IDS if r != "other"]
    rows = []
    for n in range(people):
        if n % 5 == 4:
            covers = (CAPABILITY_IDS[n % 12], CAPABILITY_IDS[(n * 7) % 12])
            rows.append(RosterRow(role="other", headcount=1, name=f"Freelancer {n}", capabilities=covers))
        else:
            rows.append(RosterRow(role=catalog[n % len(catalog)], headcount="1"))
    return tuple(rows)


TITLES = ("Dueña", "Encargado de tienda", "Editor de video", "Creadora UGC", "Media buyer", "Host de lives",
          "Atención a clientes", "Almacén", "Community manager", "Video editor (freelance, 2 days/week)",
          "Affiliate manager", "Becario")  # fmt: skip
"""Titles as owners type them, English and Spanish, one unknown (Becario)."""


def per_person_file(people: int) -> bytes:
    """A one-row-per-person roster: name, title, days a week (every third person part-time)."""
    lines = ["Nombre;Puesto;Días por semana"]
    lines += [f"Persona {n};{TITLES[n % len(TITLES)]};{3 if n % 3 == 0 else 5}" for n in range(people)]
    return "\n".join(lines).encode("utf-8")


def median_ms(action: object, repeats: int) -> float:
    """Median wall time of ``repeats`` calls."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    inputs = TeamInputs(
        rows=roster_of(PEOPLE),
        answers=AnswerInputs(
            explain_views_no_sales="partly", winner_replicated="no", founder_content_hours=4
        ),
    )
    roster, answers = build_team(inputs)
    report = assess(inputs)
    analysis = median_ms(lambda: assess_roster(roster, answers), REPEATS)
    whole = median_ms(lambda: assess(inputs), REPEATS)
    verdict = "OK" if whole < TARGET_MS else "OVER"
    print(
        f"{PEOPLE}-person roster ({len(roster.entries)} lines after merging, {len(report.gaps)} gaps): "
        f"analysis median {analysis:.2f} ms; validation + analysis {whole:.2f} ms "
        f"(target < {TARGET_MS:.0f} ms: {verdict})"
    )

    data = per_person_file(PEOPLE)
    reading = read_file(data, "team.csv")
    read_ms = median_ms(lambda: read_file(data, "team.csv"), REPEATS // 4)
    print(
        f"{PEOPLE}-person file of free titles read into {len(reading.inputs.rows) if reading.inputs else 0} "
        f"lines ({len(reading.unmapped)} unknown title(s)): read_file median {read_ms:.2f} ms"
    )

    logging.getLogger("streamlit").setLevel(logging.ERROR)

    def team_page() -> AppTest:
        return open_page("pages/team.py")

    page_ms, _ = compare_with_empty_page(
        "team page (shelf preset, assumptions hidden)", team_page, runs=RERUNS
    )
    print(f"target < 25 ms: {'OK' if page_ms < 25 else 'OVER'}")


if __name__ == "__main__":
    main()
