"""Team gap finder figures: a 200-person roster's analysis (target < 5 ms) and the page's warm rerun under
AppTest against an empty page in the same run (target < 25 ms).

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
    CAPABILITY_IDS,
    ROLE_IDS,
    AnswerInputs,
    RosterRow,
    TeamInputs,
    assess_inputs,
    assess_team,
    build_team,
)

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
    report = assess_inputs(inputs)
    analysis = median_ms(lambda: assess_team(roster, answers), REPEATS)
    whole = median_ms(lambda: assess_inputs(inputs), REPEATS)
    verdict = "OK" if whole < TARGET_MS else "OVER"
    print(
        f"{PEOPLE}-person roster ({len(roster.entries)} lines after merging, {len(report.gaps)} gaps): "
        f"analysis median {analysis:.2f} ms; validation + analysis {whole:.2f} ms "
        f"(target < {TARGET_MS:.0f} ms: {verdict})"
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
