"""The room report's pure parts: attendance buckets, right shares, and its PDF and CSV in both languages."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from content_logic.handouts import plain_words, render_pdf
from content_logic.workshop.models import Poll, PollCounts, Ranked, RoomSnapshot, Workshop
from content_logic.workshop.report import (
    RULES,
    ReportPoll,
    ReportRules,
    RoomReportData,
    attendance,
    bucket_width,
    room_report,
)
from content_logic.workshop.report_document import AXIS_TICKS, axis_top, report_csv, report_handout

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        ([], []),
        ([0], [(1, 1)]),
        ([0, 4, 5, 11], [(2, 2), (1, 3), (1, 4)]),
        ([30, 0], [(1, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (1, 2)]),
    ],
)
def test_attendance_counts_joins_per_bucket_with_running_total(
    minutes: list[int], expected: list[tuple[int, int]]
) -> None:
    points = attendance([START + timedelta(minutes=m) for m in minutes])
    assert [(p.joined, p.total) for p in points] == expected


@pytest.mark.parametrize(("span_hours", "width_minutes"), [(1, 5), (4, 5), (5, 10), (12, 15)])
def test_long_workshops_get_wider_buckets(span_hours: int, width_minutes: int) -> None:
    rules = ReportRules()
    width = bucket_width(START, START + timedelta(hours=span_hours), rules)
    assert width == timedelta(minutes=width_minutes)
    assert span_hours * 60 / width_minutes <= rules.max_points


@pytest.mark.parametrize(
    ("highest", "top"), [(0, 4), (3, 4), (5, 8), (7, 8), (9, 20), (200, 200), (201, 400)]
)
def test_the_attendance_axis_steps_in_whole_counts(highest: int, top: int) -> None:
    assert axis_top(highest) == top
    assert top % AXIS_TICKS == 0 and top >= highest


@pytest.mark.parametrize(
    ("counts", "right", "share"),
    [((3, 1), 0, 0.75), ((0, 0), 0, None), ((2, 2), None, None), ((1, 4, 5), 2, 0.5)],
)
def test_right_share(counts: tuple[int, ...], right: int | None, share: float | None) -> None:
    poll = ReportPoll(
        lesson_id="x",
        question="q",
        opened_at=START,
        options=tuple("abc"[: len(counts)]),
        counts=counts,
        right=right,
    )
    assert poll.right_share == share


def _sample() -> RoomReportData:
    workshop = Workshop(id="w", name="Taller Ñandú", language="es", join_code="ABC234", created_at=START)
    poll = Poll(
        id=1,
        workshop_id="w",
        lesson_id="missing",
        question_index=0,
        question="¿Cuál primero?",
        options=("Inventario", "Video propio"),
        opened_at=START,
    )
    snapshot = RoomSnapshot(
        workshop=workshop,
        attendees=7,
        open_poll=None,
        recent_polls=(),
        submissions={"channels": 5, "team": 2, "funnel": 1},
        sharers={"channels": 5, "team": 2, "funnel": 1},
        stable_short_video=1,
        gaps=(Ranked(id="content_direction", count=2),),
        bottlenecks=(Ranked(id="retention", count=3),),
        taken_at=START + timedelta(hours=1),
    )
    return RoomReportData(
        snapshot=snapshot,
        polls=(PollCounts(poll=poll, counts=(2, 5)),),
        joined_at=tuple(START + timedelta(minutes=m) for m in (0, 1, 2, 9, 20, 21, 40)),
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            ["Room report: Taller Ñandú", "1 of 5", "20%", "Content direction", "Retention", "Video propio"],
        ),
        ("es", ["Informe de la sala: Taller Ñandú", "1 de 5", "20 %", "Dirección de contenido", "Retención"]),
    ],
)
def test_report_pdf_prints_the_aggregates_and_renders(lang: str, expected: list[str], tmp_path: Path) -> None:
    report = room_report(_sample(), [])
    handout = report_handout(report, lang)  # type: ignore[arg-type]
    words = plain_words(handout.blocks)
    pdf = render_pdf(handout)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for phrase in expected:
        assert phrase in words.replace("\u00a0", " ")
        assert phrase in text.replace("\u00a0", " ")
    (tmp_path / "report.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(tmp_path / "report.pdf"), str(tmp_path / "page")], check=True
    )
    assert list(tmp_path.glob("page*.png"))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_report_csv_holds_counts_never_attendees(lang: str) -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(room_report(_sample(), []), lang).decode("utf-8-sig"))))
    assert {row["section"] for row in rows} >= {
        "attendees",
        "attendance",
        "sharers",
        "team_gap",
        "bottleneck",
        "poll 1",
    }
    assert "nickname" not in rows[0]
    joined = [
        int(row["count"]) for row in rows if row["section"] == "attendance" and row["detail"] == "joined"
    ]
    assert sum(joined) == 7
    option = next(row for row in rows if row["item"] == "option 2")
    assert (option["detail"], option["count"], option["share"]) == ("Video propio", "5", str(round(5 / 7, 4)))


@given(st.lists(st.integers(min_value=0, max_value=24 * 60), max_size=300))
def test_attendance_counts_everyone_once_within_the_point_limit(minutes: list[int]) -> None:
    points = attendance([START + timedelta(minutes=m) for m in minutes])
    assert sum(point.joined for point in points) == len(minutes)
    assert len(points) <= RULES.max_points + 1
    assert all(a.total <= b.total for a, b in zip(points, points[1:], strict=False))
