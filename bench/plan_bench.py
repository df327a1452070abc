"""Figures for My plan: the plan PDF for a demo attendee (all three calculators, the course's lessons),
first in a fresh process and warm, in both languages; and the printable course's PDFs.

Run: .venv/bin/python bench/plan_bench.py   (target: the plan PDF in ≤ 1.5 s)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content_logic.course import Course, load_course  # noqa: E402
from content_logic.handouts import render_pdf  # noqa: E402
from content_logic.handouts.course import course_handout, lesson_handout  # noqa: E402
from content_logic.handouts.fonts import embeddable_fonts  # noqa: E402
from content_logic.handouts.plan import plan_handout  # noqa: E402
from content_logic.i18n import LANGUAGES, Language  # noqa: E402
from tests.plan_demo import demo_document  # noqa: E402

RUNS = 5


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def plan_pdf(course: Course, lang: Language) -> bytes:
    """Gather (assess the three calculators again, build their figures) and draw: what a click pays."""
    return render_pdf(plan_handout(demo_document(course, lang)))


def main() -> None:
    course = load_course()
    with tempfile.TemporaryDirectory() as fresh:
        tempfile.tempdir = fresh  # no font cut on disk yet: what the first PDF after a deploy pays
        cold = seconds(partial(plan_pdf, course, "en"))
        embeddable_fonts.cache_clear()
        tempfile.tempdir = None
    print(f"plan PDF, first after a deploy (cuts the font once, kept on disk): {cold:.2f} s")
    for lang in LANGUAGES:
        first = seconds(partial(plan_pdf, course, lang))
        warm = [seconds(partial(plan_pdf, course, lang)) for _ in range(RUNS)]
        size = len(plan_pdf(course, lang))
        print(
            f"plan PDF ({lang}): first in this process {first:.2f} s, "
            f"warm median {statistics.median(warm):.2f} s (max {max(warm):.2f} s), {size / 1024:.0f} KB; "
            "target ≤ 1.5 s"
        )
    for lang in LANGUAGES:
        one = lesson_handout(course, lang, "views-no-sales", edition="instructor")
        assert one is not None
        lesson = seconds(partial(render_pdf, one))
        whole = seconds(partial(render_pdf, course_handout(course, lang, edition="attendee")))
        print(f"course PDFs ({lang}): one lesson (instructor) {lesson:.2f} s, whole course {whole:.2f} s")


if __name__ == "__main__":
    main()
