"""Properties issue 12 names: a stage with no data is unknown, never the bottleneck, and never blocks the
stages after it; traits come only from content columns, so relabelling one as an ID removes it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from content_logic.funnel import STAGES, FunnelInputs, VideoFunnel, assess, read_file
from tests import funnel_exports as exports

EXCLUSIVE_INPUTS = {
    "attention": ("hook_rate", "impression_hook_rate"),
    "retention": ("completion_rate", "finish_rate"),
    "value": ("gmv",),
}
"""Inputs only one stage uses (the videos below have no watch time, which two stages share)."""


def maybe(strategy: st.SearchStrategy[float] | st.SearchStrategy[int]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), strategy)


rate = st.floats(min_value=0, max_value=100, allow_nan=False)


@st.composite
def videos(draw: st.DrawFn) -> VideoFunnel:
    """Possible funnels in any definition, each number possibly unknown."""
    views = draw(st.integers(min_value=1, max_value=2_000_000))
    shown = draw(maybe(st.integers(min_value=1, max_value=2_000_000)))
    clicks = draw(maybe(st.integers(min_value=0, max_value=min(views, shown or views))))
    orders = draw(maybe(st.integers(min_value=0, max_value=clicks or 0)))
    return VideoFunnel(
        views=draw(st.sampled_from([views, None])),
        hook_rate=draw(maybe(rate)),
        impression_hook_rate=draw(maybe(rate)),
        completion_rate=draw(maybe(rate)),
        finish_rate=draw(maybe(rate)),
        product_impressions=shown,
        product_clicks=clicks,
        orders=orders,
        gmv=draw(maybe(st.floats(min_value=0, max_value=1e6, allow_nan=False))),
    )


def diagnose(video: VideoFunnel):  # type: ignore[no-untyped-def]
    return assess(FunnelInputs(video=video, benchmarks={"gpm_reference": 5.0})).single  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(videos())
def test_a_stage_with_no_data_never_becomes_the_bottleneck(video: VideoFunnel) -> None:
    diagnosis = diagnose(video)
    checks = {c.stage: c for c in diagnosis.stages}
    for stage in diagnosis.failing:
        assert checks[stage].status == "below" and checks[stage].value is not None
    for stage in diagnosis.not_judged:
        assert stage not in diagnosis.failing and stage != diagnosis.bottleneck
    assert diagnosis.bottleneck == (diagnosis.failing[0] if diagnosis.failing else None)


@settings(max_examples=150, deadline=None)
@given(videos(), st.sampled_from(sorted(EXCLUSIVE_INPUTS)))
def test_removing_a_stages_data_never_changes_the_other_stages(video: VideoFunnel, stage: str) -> None:
    before = diagnose(video)
    emptied = diagnose(video.model_copy(update=dict.fromkeys(EXCLUSIVE_INPUTS[stage])))
    changed = {b.stage for b, a in zip(before.stages, emptied.stages, strict=True) if b != a}
    assert changed <= {stage}
    assert emptied.stages[STAGES.index(stage)].status == "unknown"  # type: ignore[arg-type]
    assert stage not in emptied.failing


trait_names = st.sampled_from(["Hook type", "Format", "Tipo de gancho", "Angle", "Opening shot"])
trait_values = st.lists(st.sampled_from(["result", "question", "unboxing"]), min_size=8, max_size=8)


@settings(max_examples=25, deadline=None)
@given(trait_names, trait_values)
def test_relabelling_a_trait_column_as_an_id_removes_it_from_the_traits(name: str, values: list[str]) -> None:
    rows = exports.seller_center_rows()
    rows = [[*row, name if index == 0 else values[index - 1]] for index, row in enumerate(rows)]
    data = exports.xlsx(rows)
    as_trait = read_file(data, "videos.xlsx", mapping={name: "trait"})
    as_id = read_file(data, "videos.xlsx", mapping={name: "id"})
    assert as_trait.inputs is not None and as_id.inputs is not None
    traits, ids = assess(as_trait.inputs), assess(as_id.inputs)
    assert traits.traits == (name,)
    assert ids.traits == () and name not in ids.replicate.columns
    assert ids.table["bottleneck"].tolist() == traits.table["bottleneck"].tolist()  # verdicts unchanged


def test_ids_costs_and_metrics_are_never_traits() -> None:
    # The Seller Center file has a video ID, likes, buyers, GPM, CTR: none is what a video "was made like".
    reading = read_file(exports.xlsx(exports.seller_center_rows()), "videos.xlsx")
    assert reading.inputs is not None
    assert all(video.traits == {} for video in reading.inputs.videos)
    assert assess(reading.inputs).traits == ()


def test_an_unknown_column_is_offered_for_mapping_not_used() -> None:
    rows = [[*row, "Camera" if i == 0 else "close-up"] for i, row in enumerate(exports.seller_center_rows())]
    reading = read_file(exports.xlsx(rows), "videos.xlsx")
    assert [(u.column, u.rows) for u in reading.unmapped] == [("Camera", 8)]
    assert reading.inputs is not None and assess(reading.inputs).traits == ()
