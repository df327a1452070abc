"""Files shaped like the exports sellers download, built from one table each so tests can vary the
notation (title rows, decimal mark, currency) and keep the numbers: Seller Center video analytics
(.xlsx, English or Spanish headers), an Ads Manager video report (.csv) and a Mexican Spanish export.

``python -m tests.funnel_exports`` rewrites the committed fixtures under ``tests/data/funnel/``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import openpyxl

DATA = Path(__file__).parent / "data" / "funnel"

Decimal = Literal[".", ","]
Currency = Literal["prefix", "suffix", "code"]

SELLER_CENTER_HEADERS = {
    "en": ["Video Info", "Video ID", "Time", "Creator name", "VV", "Likes", "Product Impressions", "Product Clicks",
           "Buyers", "Orders", "Unit Sales", "Video Revenue ($)", "GPM ($)", "Shoppable video attributed GMV ($)",
           "CTR", "Video Finish Rate", "CTOR"],
    "es": ["Información del video", "ID del video", "Hora", "Nombre del creador", "Visualizaciones", "Me gusta",
           "Impresiones del producto", "Clics en el producto", "Compradores", "Pedidos", "Unidades vendidas",
           "Ingresos del video ($)", "GPM ($)", "GMV atribuido al video comprable ($)", "CTR",
           "Tasa de finalización", "CTOR"],
}  # fmt: skip
"""Seller Center's video analytics columns (the Spanish file uses Seller Center's own Spanish labels)."""

# title, video id, time, creator, VV, likes, product impressions, clicks, orders, revenue, finish rate (% of VV)
SELLER_CENTER_VIDEOS: tuple[tuple[str, str, str, str, int, int, int | None, int | None, int | None,
                                  float | None, float], ...] = (
    ("Desk lamp: 3 setups", "7301", "2026-10-03", "@ana.home", 120_000, 3_400, 45_000, 1_080, 41, 1_189.0, 12.4),
    ("Night reading test", "7302", "2026-10-05", "@luis.reads", 86_000, 2_100, 30_100, 650, 22, 638.0, 9.8),
    ("Glare before/after", "7303", "2026-10-08", "@ana.home", 64_500, 1_900, 25_800, 710, 27, 783.0, 15.2),
    ("Unboxing the lamp", "7304", "2026-10-11", "@mario.unbox", 210_000, 5_600, 52_000, 260, 8, 232.0, 8.1),
    ("Study desk tour", "7305", "2026-10-14", "@sofi.studies", 45_200, 1_300, 18_000, 520, 6, 174.0, 17.6),
    ("Cozy corner", "7306", "2026-10-18", "@luis.reads", 38_000, 950, 14_100, 300, 11, 319.0, 6.3),
    ("Behind the scenes", "7307", "2026-10-21", "@our.brand", 15_300, 900, None, None, None, None, 11.2),
    ("Cable tidy hack", "7308", "2026-10-25", "@ana.home", 52_700, 1_500, 20_500, 480, 15, 435.0, 10.5),
)  # fmt: skip
"""Eight 20–40 s lamp videos of October: finish rates per view of 6–18 % (ordinary), one video whose
viewers don't tap (260 clicks of 52,000 product impressions) and one whose tappers don't buy (6 orders
of 520 clicks); "Behind the scenes" is not shoppable (``--`` in every shop column)."""

# ad name, impressions, 2-second share of impressions, 100 % share of 2-second views, clicks per view,
# purchases per click, average play time (s), cost
ADS: tuple[tuple[str, int, float, float, float, float, float, float], ...] = (
    ("Lamp - result first", 250_000, 0.328, 0.34, 0.0130, 0.031, 6.4, 1_250.0),
    ("Lamp - problem hook", 180_000, 0.295, 0.31, 0.0115, 0.028, 5.9, 910.0),
    ("Lamp - unboxing", 320_000, 0.262, 0.27, 0.0102, 0.026, 5.2, 1_480.0),
    ("Lamp - creator review", 140_000, 0.356, 0.41, 0.0148, 0.035, 7.1, 760.0),
    ("Lamp - before and after", 210_000, 0.381, 0.38, 0.0161, 0.033, 7.4, 1_020.0),
    ("Lamp - desk tour", 95_000, 0.271, 0.29, 0.0108, 0.027, 5.6, 505.0),
    ("Lamp - night test", 160_000, 0.305, 0.33, 0.0125, 0.030, 6.2, 830.0),
    ("Lamp - bundle offer", 120_000, 0.289, 0.30, 0.0111, 0.041, 6.0, 640.0),
)  # fmt: skip
"""Eight ordinary paid videos: 26–38 % of impressions past 2 seconds (paid samples average 31–34 %),
27–41 % of those to the end, 1.0–1.6 % clicks per view, 2.6–4.1 % of clicks buy."""

ADS_HEADERS = ["Ad name", "Impressions", "Video views", "2-second video views", "6-second video views",
               "Video views at 25%", "Video views at 50%", "Video views at 75%", "Video views at 100%",
               "Average play time per video view", "Clicks (destination)", "Purchases", "Cost"]  # fmt: skip

MEXICO_HEADERS = ["Título del video", "ID del video", "Nombre del creador", "Fecha", "Visualizaciones",
                  "Impresiones del producto", "Clics en el producto", "Pedidos", "Ingresos del video",
                  "Tasa de finalización", "Me gusta"]  # fmt: skip
# title, id, creator, date, views, product impressions, clicks, orders, revenue (MXN), finish rate
MEXICO_VIDEOS: tuple[tuple[str, str, str, str, int, int | None, int | None, int | None, float | None, float],
                     ...] = (
    ("Lámpara: 3 escritorios", "8801", "@ana.casa", "03/10/2026", 1_234_567, 410_000, 9_840, 352, 45_230.5, 11.8),
    ("Prueba nocturna", "8802", "@luis.lee", "05/10/2026", 856_200, 280_300, 6_170, 190, 24_415.0, 9.4),
    ("Antes y después", "8803", "@ana.casa", "08/10/2026", 402_150, 150_800, 4_220, 151, 19_403.5, 14.6),
    ("Unboxing de la lámpara", "8804", "@mario.unbox", "11/10/2026", 2_105_000, 600_000, 2_400, 70, 8_995.0, 7.2),
    ("Rincón de estudio", "8805", "@sofi.estudia", "14/10/2026", 310_400, 120_000, 3_360, 40, 5_140.0, 16.1),
    ("Detrás de cámaras", "8806", "@la.marca", "21/10/2026", 98_300, None, None, None, None, 10.3),
)  # fmt: skip
"""A Mexican shop's October: ``1,234,567`` views, ``MX$45,230.50`` revenue, Seller Center's Spanish labels."""


def number(value: float, decimal: Decimal, digits: int = 0) -> str:
    """``1,234.50`` with a point, ``1.234,50`` with a comma."""
    text = f"{value:,.{digits}f}"
    return text if decimal == "." else text.translate(str.maketrans(",.", ".,"))


def money(value: float | None, decimal: Decimal, currency: Currency, symbol: str = "$") -> str:
    """``$1,189.00``, ``1.189,00 $`` or ``USD 1,189.00``; ``--`` when missing."""
    if value is None:
        return "--"
    amount = number(value, decimal, 2)
    code = {"$": "USD", "MX$": "MXN"}[symbol]
    return {"prefix": f"{symbol}{amount}", "suffix": f"{amount} {symbol}", "code": f"{code} {amount}"}[
        currency
    ]


def rate(value: float | None, decimal: Decimal) -> str:
    """``12.40%`` or ``12,40 %``; ``--`` when missing."""
    if value is None:
        return "--"
    return f"{number(value, decimal, 2)}%" if decimal == "." else f"{number(value, decimal, 2)} %"


def _count(value: int | None, decimal: Decimal) -> str:
    return "--" if value is None else number(value, decimal)


def seller_center_rows(
    lang: str = "en", *, decimal: Decimal = ".", currency: Currency = "prefix"
) -> list[list[str]]:
    """The header and one row per video, every cell as Seller Center writes it (``--`` for missing)."""
    rows = [list(SELLER_CENTER_HEADERS[lang])]
    for (
        title,
        video_id,
        time,
        creator,
        views,
        likes,
        shown,
        clicks,
        orders,
        revenue,
        finish,
    ) in SELLER_CENTER_VIDEOS:
        gpm = None if revenue is None else revenue / views * 1000
        ctr = None if shown is None or clicks is None else clicks / shown * 100
        ctor = None if clicks is None or orders is None else orders / clicks * 100
        rows.append([
            title, video_id, time, creator, _count(views, decimal), _count(likes, decimal), _count(shown, decimal),
            _count(clicks, decimal), _count(orders, decimal), _count(orders, decimal), _count(orders, decimal),
            money(revenue, decimal, currency), money(gpm, decimal, currency), money(revenue, decimal, currency),
            rate(ctr, decimal), rate(finish, decimal), rate(ctor, decimal),
        ])  # fmt: skip
    return rows


def xlsx(
    rows: Sequence[Sequence[object]], *, title: str | None = "2026-10-01 ~ 2026-10-31", blank_rows: int = 1
) -> bytes:
    """A workbook as Seller Center exports it: a date-range row, blank rows, then the header and data."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title is not None:
        sheet.append([title])
    for _ in range(blank_rows):
        sheet.append([])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Sequence[Sequence[object]], *, delimiter: str = ",", title: str | None = None) -> bytes:
    """A CSV (quoted where needed), optionally under a title line."""
    buffer = io.StringIO()
    if title is not None:
        buffer.write(title + "\n")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def ads_manager_rows() -> list[list[str]]:
    """The Ads Manager video report: counts only (the rates are the reader's job), English notation."""
    rows = [list(ADS_HEADERS)]
    for name, impressions, hook, finish, click_rate, buy_rate, play, cost in ADS:
        views = round(impressions * 0.96)
        two = round(impressions * hook)
        full = round(two * finish)
        quarter, half, three_quarters = round(two * 0.72), round(two * 0.52), round(two * 0.41)
        clicks = round(views * click_rate)
        purchases = round(clicks * buy_rate)
        rows.append([name, str(impressions), str(views), str(two), str(round(two * 0.6)), str(quarter), str(half),
                     str(three_quarters), str(full), f"{play:.2f}", str(clicks), str(purchases), f"{cost:.2f}"])  # fmt: skip
    return rows


def mexico_rows(*, decimal: Decimal = ".", currency: Currency = "prefix") -> list[list[str]]:
    """The Mexican export: Spanish labels, ``1,234,567`` counts and ``MX$45,230.50`` money."""
    rows = [list(MEXICO_HEADERS)]
    for title, video_id, creator, date, views, shown, clicks, orders, revenue, finish in MEXICO_VIDEOS:
        rows.append([title, video_id, creator, date, _count(views, decimal), _count(shown, decimal),
                     _count(clicks, decimal), _count(orders, decimal), money(revenue, decimal, currency, "MX$"),
                     rate(finish, decimal), _count(views // 40, decimal)])  # fmt: skip
    return rows


def write_fixtures() -> None:
    """Rewrite the committed fixtures."""
    (DATA / "seller_center.xlsx").write_bytes(xlsx(seller_center_rows("en")))
    (DATA / "seller_center_es.xlsx").write_bytes(
        xlsx(seller_center_rows("es", decimal=",", currency="suffix"))
    )
    (DATA / "ads_manager.csv").write_bytes(csv_text(ads_manager_rows()))
    (DATA / "mexico_export.csv").write_bytes(csv_text(mexico_rows()))


if __name__ == "__main__":
    write_fixtures()
