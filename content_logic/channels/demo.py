"""Demo seller stories a presenter can pick, and the downloadable templates that show the file shapes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from content_logic.channels.inputs import ChannelInputs
from content_logic.channels.models import CHANNELS, ChannelId, DemoId, WeeklySales
from content_logic.channels.text import channel_name
from content_logic.channels.weeks import week_label
from content_logic.i18n import Language, translate
from content_logic.problems import InputError, Problem

StoryId = DemoId

LAST_WEEK = date(2026, 3, 2)
"""Every story ends in the ISO week starting this Monday (2026-W10), so dates look recent and stay fixed."""

_ORDERS: dict[DemoId, dict[ChannelId, list[float]]] = {
    "carla": {
        "self_video": [38, 42, 35, 45, 40, 44, 39, 43],
        "influencer": [0, 0, 210, 15, 4, 0, 6, 2],
        "paid": [0, 0, 0, 0, 12, 18, 22, 25],
        "product_card": [22, 24, 60, 28, 25, 23, 26, 27],
    },
    "stock_up_trap": {
        "self_video": [14, 9, 6, 0, 3, 7, 0, 2, 4, 1],
        "influencer": [0, 0, 0, 0, 0, 260, 18, 6, 2, 0],
        "live": [0, 0, 5, 0, 0, 0, 0, 3, 0, 0],
        "product_card": [12, 15, 11, 9, 10, 45, 22, 14, 11, 9],
    },
    "stable_influencer": {
        "self_video": [0, 3, 0, 5, 2, 0, 6, 1, 0, 4],
        "influencer": [52, 58, 61, 55, 66, 63, 70, 64, 72, 68],
        "product_card": [18, 20, 22, 19, 24, 23, 25, 22, 27, 24],
    },
    "shelf_logic": {
        "self_video": [4, 0, 6, 2, 0, 5, 3, 0, 7, 2],
        "influencer": [0, 0, 12, 0, 0, 3, 0, 0, 8, 0],
        "live": [0, 6, 0, 0, 5, 0, 0, 4, 0, 0],
        "product_card": [96, 102, 99, 105, 98, 101, 97, 104, 100, 103],
    },
    "healthy_mix": {
        "self_video": [44, 47, 50, 46, 52, 49, 53, 51, 55, 50, 54, 56],
        "influencer": [28, 31, 30, 34, 29, 33, 36, 32, 35, 38, 34, 37],
        "paid": [20, 22, 25, 24, 27, 26, 28, 30, 29, 31, 30, 32],
        "live": [0, 0, 0, 0, 0, 0, 0, 0, 8, 11, 10, 13],
        "product_card": [26, 27, 29, 28, 30, 29, 31, 30, 33, 31, 32, 34],
    },
}

_CREATORS: dict[DemoId, dict[ChannelId, dict[str, list[float]]]] = {
    "carla": {
        "influencer": {
            "@lucia.style": [0, 0, 204, 3, 0, 0, 2, 0],
            "@mateo.home": [0, 0, 4, 8, 2, 0, 3, 2],
            "@sofi.daily": [0, 0, 2, 4, 2, 0, 1, 0],
        }
    },
    "stock_up_trap": {
        "influencer": {
            "@viral.vicky": [0, 0, 0, 0, 0, 255, 14, 4, 2, 0],
            "@tomas.reviews": [0, 0, 0, 0, 0, 5, 4, 2, 0, 0],
        }
    },
}

_SHARES: dict[DemoId, dict[str, float]] = {
    "stable_influencer": {
        "@ana.beauty": 0.24, "@luis.tech": 0.2, "@marta.fit": 0.18,
        "@diego.cocina": 0.16, "@paula.moda": 0.12, "@sam.unboxing": 0.1,
    },
    "healthy_mix": {
        "@ines.skin": 0.18, "@jorge.gadgets": 0.16, "@carmen.home": 0.14, "@pablo.fit": 0.13,
        "@lola.looks": 0.12, "@nico.cooks": 0.1, "@eva.daily": 0.09, "@raul.tests": 0.08,
    },
}  # fmt: skip
"""Influencer orders split between several creators, none carrying the channel alone."""


def demo_inputs(demo_id: str) -> ChannelInputs:
    """A demo story as the checker's inputs (default rules); ``InputError`` for an unknown id."""
    if demo_id not in _ORDERS:
        raise InputError([Problem(code="channels_saved_inputs", values={"detail": f"story {demo_id!r}"})])
    return ChannelInputs.model_validate({"story": demo_id, "sales": demo_sales(demo_id)})


def demo_sales(story: DemoId) -> WeeklySales:
    """The weekly orders of one demo story, ending in 2026-W10."""
    orders = _ORDERS[story]
    weeks = len(next(iter(orders.values())))
    labels = [week_label(LAST_WEEK - timedelta(weeks=weeks - 1 - i)) for i in range(weeks)]
    creators = _CREATORS.get(story, {})
    if story in _SHARES:
        creators = {"influencer": _split(orders["influencer"], _SHARES[story])}
    return WeeklySales.from_orders(labels, orders, creators=creators)


def empty_sales(weeks: int = 8) -> WeeklySales:
    """An all-zero table of ``weeks`` rows labelled W1, W2... for a seller to type into."""
    return WeeklySales.from_orders([f"W{i}" for i in range(1, weeks + 1)], {})


def _split(total: list[float], shares: dict[str, float]) -> dict[str, list[float]]:
    """Whole orders per creator in the given shares; rounding leftovers go to the first creator."""
    out = {name: [float(int(t * share)) for t in total] for name, share in shares.items()}
    first = next(iter(out))
    for week, t in enumerate(total):
        out[first][week] += t - sum(series[week] for series in out.values())
    return out


Layout = Literal["wide", "long"]
"""Wide: a week column, then one column per channel. Long: one row per date and channel, creator optional."""


def template_csv(lang: Language, layout: Layout = "wide") -> bytes:
    """A CSV template with example rows (Carla's first weeks); Spanish uses ``;`` and the Spanish headers."""
    sep = ";" if lang == "es" else ","
    sales = demo_sales("carla")
    week = translate("channels.template.week", lang)
    if layout == "wide":
        rows = [[week, *(channel_name(c, lang) for c in CHANNELS)]]
        rows += [[w, *(f"{sales.orders[c][i]:g}" for c in CHANNELS)] for i, w in enumerate(sales.weeks[:3])]
    else:
        header = (
            ["date", "channel", "orders", "creator"]
            if lang == "en"
            else ["fecha", "canal", "pedidos", "creador"]
        )
        rows = [header]
        for i, w in enumerate(sales.weeks[:3]):
            day = date.fromisocalendar(int(w[:4]), int(w[6:]), 1).isoformat()
            for c in CHANNELS:
                per_creator = sales.creators.get(c, {})
                named = [(name, s[i]) for name, s in per_creator.items() if s[i]]
                for name, value in named or [("", sales.orders[c][i])]:
                    rows.append([day, channel_name(c, lang), f"{value:g}", name])
    return ("\n".join(sep.join(row) for row in rows) + "\n").encode("utf-8-sig")
