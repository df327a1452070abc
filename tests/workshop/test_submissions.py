"""Sharing results with the room: exactly-once submissions, the summary contract, the dashboard, CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from pydantic import BaseModel
from sqlalchemy import func, select

from storage import WorkshopStore
from storage.schema import submissions

Ids = Callable[[], str]


def stored_rows(store: WorkshopStore) -> int:
    """Submissions in the database."""
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(submissions)).scalar_one()


def room(store: WorkshopStore, people: int) -> tuple[str, list[str]]:
    """An open workshop with ``people`` attendees: its id and their resume tokens."""
    workshop = store.open_workshop("Day 1", "en")
    return workshop.id, [store.join(workshop.join_code, f"p{n}").resume_token for n in range(people)]


def test_a_replayed_submission_is_stored_once_and_acknowledged(store: WorkshopStore, new_id: Ids) -> None:
    _, (token,) = room(store, 1)
    sid = new_id()
    summary = {"has_stable_short_video": True, "verdicts": {"self_video": "stable"}}
    first = store.submit(token, submission_id=sid, kind="channels", summary=summary)
    again = store.submit(token, submission_id=sid.upper(), kind="channels", summary=summary)
    assert (first.stored, again.stored) == (True, False)
    assert again.submission_id == first.submission_id == sid
    assert stored_rows(store) == 1


def test_a_replay_after_the_workshop_closed_is_still_acknowledged(store: WorkshopStore, new_id: Ids) -> None:
    workshop_id, (token,) = room(store, 1)
    sid = new_id()
    store.submit(token, submission_id=sid, kind="team", summary={"headline_gap": "editing"})
    store.close_workshop(workshop_id)
    receipt = store.submit(token, submission_id=sid, kind="team", summary={"headline_gap": "editing"})
    assert (receipt.stored, stored_rows(store)) == (False, 1)


def test_the_dashboard_counts_each_attendees_latest_result(store: WorkshopStore, new_id: Ids) -> None:
    workshop_id, (ana, luis, eva) = room(store, 3)
    store.submit(ana, submission_id=new_id(), kind="channels", summary={"has_stable_short_video": True})
    store.submit(ana, submission_id=new_id(), kind="channels", summary={"has_stable_short_video": False})
    store.submit(luis, submission_id=new_id(), kind="channels", summary={"has_stable_short_video": True})
    snapshot = store.room_snapshot(workshop_id)
    assert snapshot.attendees == 3
    assert snapshot.submissions == {"channels": 3, "team": 0, "funnel": 0}
    assert snapshot.sharers == {"channels": 2, "team": 0, "funnel": 0}
    assert snapshot.stable_short_video == 1 and snapshot.stable_share == 0.5
    assert (snapshot.headline_gap, snapshot.bottleneck, snapshot.gaps) == (None, None, ())
    store.submit(eva, submission_id=new_id(), kind="channels", summary={"has_stable_short_video": True})
    assert store.room_snapshot(workshop_id).stable_share == pytest.approx(2 / 3)


def test_an_empty_room_has_no_shares(store: WorkshopStore) -> None:
    workshop_id, _ = room(store, 0)
    snapshot = store.room_snapshot(workshop_id)
    assert snapshot.attendees == 0 and snapshot.stable_share is None and snapshot.open_poll is None
    assert snapshot.recent_polls == () and snapshot.sharers == {"channels": 0, "team": 0, "funnel": 0}


def test_most_common_gap_uses_latest_results_and_breaks_ties_alphabetically(
    store: WorkshopStore, new_id: Ids
) -> None:
    workshop_id, tokens = room(store, 4)
    gaps = ["scripting", "content_direction", "content_direction", None]
    for token, gap in zip(tokens, gaps, strict=True):
        store.submit(token, submission_id=new_id(), kind="team", summary={"headline_gap": gap, "score": 3})
    snapshot = store.room_snapshot(workshop_id)
    assert snapshot.headline_gap is not None
    assert (snapshot.headline_gap.id, snapshot.headline_gap.count) == ("content_direction", 2)
    store.submit(tokens[1], submission_id=new_id(), kind="team", summary={"headline_gap": "scripting"})
    store.submit(tokens[2], submission_id=new_id(), kind="team", summary={"headline_gap": "on_camera"})
    ranked = [(r.id, r.count) for r in store.room_snapshot(workshop_id).gaps]
    assert ranked == [("scripting", 2), ("on_camera", 1)]
    store.submit(tokens[3], submission_id=new_id(), kind="team", summary={"headline_gap": "on_camera"})
    tie = store.room_snapshot(workshop_id).headline_gap
    assert tie is not None and tie.id == "on_camera"


def test_bottlenecks_count_single_videos_and_batches(store: WorkshopStore, new_id: Ids) -> None:
    workshop_id, (ana, luis, eva) = room(store, 3)
    store.submit(ana, submission_id=new_id(), kind="funnel", summary={"bottleneck": "hook"})
    store.submit(
        luis, submission_id=new_id(), kind="funnel", summary={"bottlenecks": {"click": 3, "hook": 1}}
    )
    store.submit(eva, submission_id=new_id(), kind="funnel", summary={"bottleneck": None})
    snapshot = store.room_snapshot(workshop_id)
    assert [(r.id, r.count) for r in snapshot.bottlenecks] == [("click", 3), ("hook", 2)]
    assert snapshot.sharers["funnel"] == 3
    store.submit(luis, submission_id=new_id(), kind="funnel", summary={"bottlenecks": {"click": 0}})
    assert [(r.id, r.count) for r in store.room_snapshot(workshop_id).bottlenecks] == [("hook", 1)]


class ChannelsResult(BaseModel):
    """A calculator's own summary model, handed to the store as is."""

    has_stable_short_video: bool
    stable_channels: list[str]


def test_a_pydantic_summary_and_raw_data_are_stored_as_json(store: WorkshopStore, new_id: Ids) -> None:
    workshop_id, (ana, luis) = room(store, 2)
    summary = ChannelsResult(has_stable_short_video=True, stable_channels=["influencer"])
    store.submit(
        ana, submission_id=new_id(), kind="channels", summary=summary, raw={"rows": [[1, "LIVE", 9]]}
    )
    store.submit(luis, submission_id=new_id(), kind="channels", summary={"has_stable_short_video": False})
    with store.engine.connect() as conn:
        rows = conn.execute(select(submissions.c.summary, submissions.c.raw).order_by(submissions.c.id)).all()
    assert rows[0].summary == '{"has_stable_short_video":true,"stable_channels":["influencer"]}'
    assert rows[0].raw == '{"rows":[[1,"LIVE",9]]}'
    assert rows[1].raw is None, "raw data is stored only when the attendee chose to share it"
    assert store.room_snapshot(workshop_id).stable_short_video == 1


def test_csv_export_lists_attendees_answers_and_flattened_summaries(
    store: WorkshopStore, new_id: Ids
) -> None:
    workshop = store.open_workshop("Day 1", "en")
    ana = store.join(workshop.join_code, '=HYPERLINK("http://x")').resume_token
    luis = store.join(workshop.join_code, "Luis <b>").resume_token
    poll = store.open_poll(workshop.id, "shelf-vs-feed", 1, "Q?", ["Yes", "No"])
    store.answer_poll(ana, poll.id, 1)
    summary = {"headline_gap": "editing", "coverage": {"editing": 0.2, "live": 1}, "plan": ["hire", "train"]}
    store.submit(
        luis, submission_id=new_id(), kind="team", summary=summary, raw={"secret_roster": "Mary Smith"}
    )
    data = store.export_csv(workshop.id)
    assert data.startswith(b"\xef\xbb\xbf") and b"Mary Smith" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["record"] for row in rows] == ["attendee", "attendee", "poll_answer", "submission"]
    assert rows[0]["nickname"] == '\'=HYPERLINK("http://x")', "formula cells are defused"
    assert rows[1]["nickname"] == "Luis <b>" and rows[1]["attendee_no"] == "2"
    assert (rows[2]["attendee_no"], rows[2]["answer_index"], rows[2]["answer"]) == ("1", "1", "No")
    submission = rows[3]
    assert submission["summary.headline_gap"] == "editing" and submission["summary.coverage.editing"] == "0.2"
    assert submission["summary.plan"] == '["hire", "train"]' and submission["raw_shared"] == "yes"
    assert submission["latest"] == "yes" and submission["kind"] == "team"


def test_csv_export_of_an_empty_workshop_is_just_the_header(store: WorkshopStore) -> None:
    workshop_id, _ = room(store, 0)
    lines = store.export_csv(workshop_id).decode("utf-8-sig").splitlines()
    assert len(lines) == 1 and lines[0].startswith("record,attendee_no,nickname")


def test_a_single_video_sent_with_both_fields_counts_once(store: WorkshopStore, new_id: Ids) -> None:
    """The funnel calculator sends ``bottleneck`` and the same video in ``bottlenecks``."""
    workshop_id, (ana,) = room(store, 1)
    summary = {"bottleneck": "retention", "bottlenecks": {"retention": 1, "attention": 0}, "videos": 1}
    store.submit(ana, submission_id=new_id(), kind="funnel", summary=summary)
    assert [(r.id, r.count) for r in store.room_snapshot(workshop_id).bottlenecks] == [("retention", 1)]
