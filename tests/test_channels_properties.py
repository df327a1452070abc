"""Properties the issues name: scale-free verdicts, order- and notation-free reading, zero channels,
daily = weekly, and peak weeks that never raise the safe baseline."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content_logic.channels import CHANNELS, StabilityPolicy, WeeklySales, assess, read_file, result_json
from content_logic.channels.assess import assess_sales as assess_channels
from content_logic.channels.models import ChannelId
from content_logic.channels.result import ChannelReport
from content_logic.channels.weeks import week_label
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


# --- issue 11: notation never changes the result --------------------------------------------------

COMBOS = [
    ("video", "seller"),
    ("video", "affiliate"),
    ("live", "seller"),
    ("product_card", "seller"),
    ("ads", "seller"),
]
NOTATIONS = {
    # language labels, delimiter, date format, money format, orders format
    "en": ({"video": "Video", "live": "LIVE", "product_card": "Product card", "ads": "GMV Max",
            "seller": "Seller-owned", "affiliate": "Affiliate"}, ",", "%Y-%m-%d",
           lambda x: f"${x:,.2f}", lambda n: f"{n:,}"),
    "en_tab": ({"video": "Video", "live": "LIVE", "product_card": "Product card", "ads": "GMV Max",
                "seller": "Seller-owned", "affiliate": "Affiliate"}, "\t", "%m/%d/%Y",
               lambda x: f"USD {x:.2f}", lambda n: str(n)),
    "es": ({"video": "Vídeo", "live": "LIVE", "product_card": "Tarjeta de producto", "ads": "GMV Max",
            "seller": "Propio", "affiliate": "Afiliado"}, ";", "%d/%m/%Y",
           lambda x: f"{x:,.2f} €".replace(",", "X").replace(".", ",").replace("X", "."),
           lambda n: f"{n:,}".replace(",", ".")),
    "mx": ({"video": "Video", "live": "LIVE", "product_card": "Tarjeta de producto", "ads": "GMV Max",
            "seller": "Propio", "affiliate": "Afiliado"}, ",", "%d/%m/%Y",
           lambda x: f"MX${x:,.2f}", lambda n: f"{n:,}"),
}  # fmt: skip
HEADERS = {
    "en": ("Date", "Content type", "Source", "GMV ($)", "Orders"),
    "en_tab": ("Date", "Content type", "Source", "GMV", "Orders"),
    "es": ("Fecha", "Tipo de contenido", "Origen", "GMV (€)", "Pedidos"),
    "mx": ("Fecha", "Tipo de contenido", "Origen", "GMV (MXN)", "Pedidos"),
}


@st.composite
def carrier_source_days(draw: st.DrawFn) -> list[tuple[date, tuple[str, str], int, int]]:
    """1–3 full ISO weeks of daily rows: (day, carrier × source, orders, GMV in cents)."""
    days = 7 * draw(st.integers(min_value=1, max_value=3))
    start = date(2026, 2, 2)  # a Monday, away from every sales peak
    return [
        (start + timedelta(days=d), combo, draw(st.integers(0, 2500)), draw(st.integers(0, 9_000_000)))
        for d in range(days)
        for combo in COMBOS
    ]


def export(
    rows: list[tuple[date, tuple[str, str], int, int]], notation: str, titles: int, order: list[int]
) -> bytes:
    names, sep, date_format, money, count = NOTATIONS[notation]
    header = HEADERS[notation]
    lines = [f"Report {i + 1}" for i in range(titles)] + ([""] if titles else [])
    lines.append(sep.join(header[i] for i in order))
    for day, (carrier, source), orders, cents in rows:
        cells = (day.strftime(date_format), names[carrier], names[source], money(cents / 100), count(orders))
        lines.append(sep.join(f'"{cells[i]}"' if sep in cells[i] else cells[i] for i in order))
    return ("\n".join(lines) + "\n").encode("utf-8")


@settings(max_examples=40, deadline=None)
@given(
    carrier_source_days(),
    st.sampled_from(sorted(NOTATIONS)),
    st.integers(min_value=0, max_value=3),
    st.permutations(range(5)),
)
def test_header_moves_delimiter_decimals_and_currency_never_change_the_result(
    rows: list[tuple[date, tuple[str, str], int, int]], notation: str, titles: int, order: list[int]
) -> None:
    reference = read_file(export(rows, "en", 0, list(range(5))), "reference.csv")
    moved = read_file(export(rows, notation, titles, list(order)), "moved.csv")
    assert reference.inputs is not None and moved.inputs is not None, moved.problems
    assert moved.problems == () and moved.unmapped == ()
    assert moved.inputs.sales.orders == reference.inputs.sales.orders
    assert moved.inputs.sales.gmv is not None and reference.inputs.sales.gmv is not None
    for channel in CHANNELS:
        assert moved.inputs.sales.gmv[channel] == pytest.approx(reference.inputs.sales.gmv[channel])
    assert result_json(assess(moved.inputs)) == result_json(assess(reference.inputs))


# --- issue 12: peak weeks never raise the safe baseline -------------------------------------------

LAST_ORDINARY_WEEK = date(2026, 11, 2)
"""2–8 Nov 2026: the last week before 11.11, Buen Fin, Black Friday and the gift season."""


@st.composite
def dated_weeks(draw: st.DrawFn) -> WeeklySales:
    """4 to 12 ISO weeks ending on 2–8 Nov 2026, with orders in some channels."""
    n = draw(st.integers(min_value=4, max_value=12))
    chosen = draw(channel_sets)
    labels = [week_label(LAST_ORDINARY_WEEK - timedelta(weeks=n - 1 - i)) for i in range(n)]
    series = {c: draw(st.lists(orders, min_size=n, max_size=n)) for c in chosen}
    return WeeklySales.from_orders(labels, series)  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(dated_weeks(), st.integers(min_value=1, max_value=8), st.data())
def test_adding_peak_weeks_never_raises_the_safe_baseline(
    sales: WeeklySales, added: int, data: st.DataObject
) -> None:
    before = assess_channels(sales).stock.safe_weekly_demand
    new_weeks = [week_label(LAST_ORDINARY_WEEK + timedelta(weeks=i + 1)) for i in range(added)]  # 9 Nov on
    grown = WeeklySales.from_orders(
        [*sales.weeks, *new_weeks],
        {
            c: [*sales.orders[c], *data.draw(st.lists(orders, min_size=added, max_size=added))]
            for c in CHANNELS
        },
    )
    report = assess_channels(grown)
    assert all(report.peaks[-min(added, len(report.peaks)) :])  # every added week is a peak week
    assert report.stock.safe_weekly_demand <= before


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=0, max_value=51), dated_weeks(), st.floats(min_value=1, max_value=20))
def test_raising_the_peak_weeks_never_raises_the_safe_baseline(
    shift: int, sales: WeeklySales, lift: float
) -> None:
    start = date.fromisocalendar(2026, 1, 1) + timedelta(weeks=shift)  # the same numbers anywhere in the year
    labels = [week_label(start + timedelta(weeks=i)) for i in range(len(sales.weeks))]
    moved = WeeklySales.from_orders(labels, {c: list(sales.orders[c]) for c in CHANNELS})
    report = assess_channels(moved)
    peaks = set(range(len(labels) - len(report.peaks), len(labels)))
    peaks = {i for i in peaks if report.peaks[i - (len(labels) - len(report.peaks))]}
    lifted = WeeklySales.from_orders(
        labels, {c: [v * lift if i in peaks else v for i, v in enumerate(moved.orders[c])] for c in CHANNELS}
    )
    assert assess_channels(lifted).stock.safe_weekly_demand <= report.stock.safe_weekly_demand + 1e-9
