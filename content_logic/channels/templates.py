"""Downloadable templates in each language; they read back with ``parse_sales`` unchanged."""

from __future__ import annotations

from datetime import date
from typing import Literal

from content_logic.channels.demo import demo_sales
from content_logic.channels.models import CHANNELS
from content_logic.channels.text import channel_name
from content_logic.i18n import Language, translate

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
