"""Properties the issue names: scale-free verdicts, order-free reading, zero channels, daily = weekly."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from content_logic.channels import CHANNELS, StabilityPolicy, WeeklySales
from content_logic.channels.assess import assess_sales as assess_channels
from content_logic.channels.models import ChannelId
from content_logic.channels.result import ChannelReport
from tests.channels_support import parse_sales

FIRST_MONDAY = date(2025, 9, 1)
WIDE_NAMES: dict[ChannelId, str] = {
    "self_video": "Video",
    "influencer": "Affiliate",
    "paid": "GMV Max",
    "live": "LIVE",
    "product_card": "Product card",
}

orders = st.integers(min_value=0, max_value=400)
channel_sets = st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=5, unique=True)


@st.composite
def weekly_sales(draw: st.DrawFn) -> WeeklySales:
    """Up to 14 weeks of whole orders for some channels, sometimes with creators in the creator channel."""
    n = draw(st.integers(min_value=1, max_value=14))
    chosen = draw(channel_sets)
    series = {c: draw(st.lists(orders, min_size=n, max_size=n)) for c in chosen}
    creators = {}
    if "influencer" in series and draw(st.booleans()):
        split = [draw(st.integers(min_value=0, max_value=v)) for v in series["influencer"]]
        creators = {
            "influencer": {
                "@a": split,
                "@b": [v - s for v, s in zip(series["influencer"], split, strict=True)],
            }
        }
    return WeeklySales.from_orders([f"W{i}" for i in range(1, n + 1)], series, creators=creators)  # type: ignore[arg-type]


def verdicts(report: ChannelReport) -> dict[str, str]:
    return {a.channel: a.verdict for a in report.channels}


def judged(report: ChannelReport) -> list[object]:
    """Everything a seller reads off a report, with numbers rounded past float noise."""
    rows: list[object] = []
    for a in report.channels:
        s = a.stats
        numbers = (s.total, s.mean, s.share or 0, s.cv, s.trend_pct, s.baseline, s.top_creator_share or 0)
        rows.append(
            (a.channel, a.verdict, [c.rule for c in a.checks if not c.passed], [round(x, 6) for x in numbers])
        )
    rows.append(sorted((w.code, w.channel or "") for w in report.warnings))
    rows.append(round(report.stock.safe_weekly_demand, 6))
    return rows


@settings(max_examples=150, deadline=None)
@given(weekly_sales(), st.floats(min_value=0.01, max_value=100, allow_nan=False))
def test_scaling_every_number_keeps_every_verdict_and_warning(sales: WeeklySales, factor: float) -> None:
    """Every rule but volume is scale-free; volume (orders a week) is the one rule that counts."""
    scaled = WeeklySales.from_orders(
        list(sales.weeks),
        {c: [v * factor for v in sales.orders[c]] for c in CHANNELS},
        creators={
            c: {k: [v * factor for v in s] for k, s in per.items()} for c, per in sales.creators.items()
        },
    )
    scale_free = StabilityPolicy(min_weekly_orders=0)
    before, after = assess_channels(sales, policy=scale_free), assess_channels(scaled, policy=scale_free)
    assert verdicts(after) == verdicts(before)
    assert [w.code for w in after.warnings] == [w.code for w in before.warnings]


def wide_csv(sales: WeeklySales, channels: list[ChannelId], row_order: list[int]) -> bytes:
    lines = [",".join(["week", *(WIDE_NAMES[c] for c in channels)])]
    for i in row_order:
        monday = FIRST_MONDAY + timedelta(weeks=i)
        lines.append(",".join([monday.isoformat(), *(f"{sales.orders[c][i]:g}" for c in channels)]))
    return ("\n".join(lines) + "\n").encode()


@settings(max_examples=50, deadline=None)
@given(weekly_sales(), st.randoms(use_true_random=False))
def test_reordering_rows_or_columns_changes_nothing(sales: WeeklySales, rng: random.Random) -> None:
    channels = list(CHANNELS)
    rows = list(range(len(sales.weeks)))
    original = parse_sales(wide_csv(sales, channels, rows), "a.csv")
    rng.shuffle(channels)
    rng.shuffle(rows)
    shuffled = parse_sales(wide_csv(sales, channels, rows), "b.csv")
    assert shuffled.orders == original.orders and shuffled.weeks == original.weeks
    assert judged(assess_channels(shuffled)) == judged(assess_channels(original))


@settings(max_examples=50, deadline=None)
@given(weekly_sales(), st.randoms(use_true_random=False))
def test_reordering_long_rows_changes_nothing(sales: WeeklySales, rng: random.Random) -> None:
    lines = [
        f"{(FIRST_MONDAY + timedelta(weeks=i)).isoformat()},{WIDE_NAMES[c]},{sales.orders[c][i]:g}"
        for i in range(len(sales.weeks))
        for c in CHANNELS
    ]
    original = parse_sales(("date,channel,orders\n" + "\n".join(lines)).encode(), "a.csv")
    rng.shuffle(lines)
    shuffled = parse_sales(("date,channel,orders\n" + "\n".join(lines)).encode(), "b.csv")
    assert judged(assess_channels(shuffled)) == judged(assess_channels(original))


@settings(max_examples=50, deadline=None)
@given(weekly_sales(), st.sampled_from(CHANNELS))
def test_adding_an_all_zero_channel_changes_no_other_channel(sales: WeeklySales, extra: ChannelId) -> None:
    zeroed = sales.model_copy(
        update={"orders": {**sales.orders, extra: (0.0,) * len(sales.weeks)}, "creators": {}}
    )
    others = [c for c in CHANNELS if c != extra]
    rows = list(range(len(sales.weeks)))
    without = assess_channels(parse_sales(wide_csv(zeroed, others, rows), "without.csv"))
    with_zero = assess_channels(parse_sales(wide_csv(zeroed, list(CHANNELS), rows), "with.csv"))
    assert judged(with_zero) == judged(without)
    assert with_zero.channel(extra).verdict == "inactive"


@st.composite
def daily_orders(draw: st.DrawFn) -> dict[ChannelId, list[int]]:
    """Whole days for 1 to 10 full ISO weeks, Monday to Sunday."""
    days = 7 * draw(st.integers(min_value=1, max_value=10))
    chosen = draw(channel_sets)
    return {
        c: draw(st.lists(st.integers(min_value=0, max_value=60), min_size=days, max_size=days))
        for c in chosen
    }


@settings(max_examples=50, deadline=None)
@given(daily_orders())
def test_daily_rows_give_the_same_result_as_the_weekly_sums(daily: dict[ChannelId, list[int]]) -> None:
    days = len(next(iter(daily.values())))
    long_lines = ["date,channel,orders"] + [
        f"{(FIRST_MONDAY + timedelta(days=d)).isoformat()},{WIDE_NAMES[c]},{series[d]}"
        for c, series in daily.items()
        for d in range(days)
    ]
    weekly = {c: [sum(series[w * 7 : w * 7 + 7]) for w in range(days // 7)] for c, series in daily.items()}
    wide_lines = ["week", *(f"{(FIRST_MONDAY + timedelta(weeks=w)).isoformat()}" for w in range(days // 7))]
    header = ",".join(["week", *(WIDE_NAMES[c] for c in weekly)])
    body = [",".join([wide_lines[w + 1], *(str(weekly[c][w]) for c in weekly)]) for w in range(days // 7)]
    from_days = parse_sales("\n".join(long_lines).encode(), "daily.csv")
    from_weeks = parse_sales("\n".join([header, *body]).encode(), "weekly.csv")
    assert from_days.weeks == from_weeks.weeks and from_days.orders == from_weeks.orders
    assert judged(assess_channels(from_days)) == judged(assess_channels(from_weeks))
