"""Write the export-shaped fixtures in this folder (run it again after changing a shape).

Each file copies the layout of a real export (title and date-range rows, a description row, a
two-level header, `;` with decimal commas, currency marks) with made-up numbers:
``python tests/data/sheets/make_fixtures.py``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

SELLER_CENTER_HEADER = [
    "Video Info", "Video ID", "Time", "Creator name", "VV", "Likes", "Product Impressions",
    "Product Clicks", "Buyers", "Orders", "Unit Sales", "Video Revenue ($)", "GPM ($)",
    "Shoppable video attributed GMV ($)", "CTR", "Video Finish Rate", "CTOR",
]  # fmt: skip
SELLER_CENTER_ROWS = [
    ["Unboxing the serum #skincare", "7430000000000000001", "2026-10-03 19:02", "glowbyana", 125000, 8400,
     41200, 1166, 98, 107, 121, "$5,350.00", "$42.80", "$5,350.00", "2.83%", "18.40%", "9.18%"],
    ["3 mistakes with retinol", "7430000000000000002", "2026-10-09 12:30", "glowbyana", 48200, 2100,
     15300, 230, 11, 12, 12, "$588.00", "$12.20", "$588.00", "1.50%", "22.10%", "5.22%"],
    ["Behind the scenes at the lab", "7430000000000000003", "2026-10-15 08:45", "shop_official", 9100, 350,
     "--", "--", "--", "--", "--", "--", "--", "--", "--", "31.00%", "--"],
    ["Serum vs. oil: which one?", "7430000000000000004", "2026-10-22 21:10", "dr.skin.mx", 310500, 22000,
     98000, 3920, 301, 333, 360, "$16,650.00", "$53.62", "$16,650.00", "4.00%", "12.75%", "8.49%"],
]  # fmt: skip


def seller_center_xlsx() -> bytes:
    """Seller Center video analytics: row 1 the date range, row 2 blank, the header on row 3."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Video analytics"
    sheet["A1"] = "2026-10-01 ~ 2026-10-31"
    sheet.append([])
    sheet.append(SELLER_CENTER_HEADER)
    for row in SELLER_CENTER_ROWS:
        sheet.append(row)
    notes = book.create_sheet("Notes")
    notes["A1"] = "Data is updated daily at 10:00 (UTC+8)."
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


AFFILIATE_HEADER = [
    "Creator name",
    "Followers",
    "Affiliate GMV ($)",
    "Orders",
    "Videos",
    "LIVE streams",
    "CTR",
]
AFFILIATE_DESCRIPTION = [
    "Metric description",
    "Followers of the creator's account at the end of the period",
    "GMV of the orders attributed to the creator's content",
    "Orders attributed to the creator's content",
    "Shoppable videos the creator posted",
    "LIVE streams the creator hosted with your products",
    "Product clicks divided by product impressions",
]
AFFILIATE_ROWS = [
    ["glowbyana", 182000, "$12,400.50", 260, 6, 1, "3.10%"],
    ["dr.skin.mx", 950300, "$41,003.00", 812, 9, 0, "4.25%"],
    ["mariabeauty", 23100, "$0.00", 0, 2, 0, "0.80%"],
]


def affiliate_xlsx() -> bytes:
    """Affiliate Center creator list: header on row 1, a metric-description row under it, no dates."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Creators"
    for row in [AFFILIATE_HEADER, AFFILIATE_DESCRIPTION, *AFFILIATE_ROWS]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


TWO_LEVEL_TOP = ["", "All", "", "", "Seller Product card", "", ""]
TWO_LEVEL_HEADER = ["Date", "GMV", "Orders", "Buyers", "GMV", "Orders", "Buyers"]
TWO_LEVEL_ROWS = [
    ["2026-10-01", "1,250.00", 31, 28, "310.00", 8, 8],
    ["2026-10-02", "980.50", 24, 22, "120.00", 3, 3],
    ["2026-10-03", "2,105.75", 49, 45, "0.00", 0, 0],
]


def two_level_xlsx() -> bytes:
    """GMV overview with a two-level header: a segment row (All, Seller Product card) over metrics."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Overview"
    for row in [TWO_LEVEL_TOP, TWO_LEVEL_HEADER, *TWO_LEVEL_ROWS]:
        sheet.append([cell if cell != "" else None for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SPANISH_HEADER = [
    "Fecha", "GMV de LIVE (€)", "GMV de vídeos (€)", "Pedidos de LIVE", "Pedidos de vídeos",
    "Pedidos de tarjetas de producto", "Pedidos totales",
]  # fmt: skip
SPANISH_ROWS = [
    ["01/10/2026", "1.234,56 €", "980,10 €", "12", "9", "4", "25"],
    ["02/10/2026", "0,00 €", "2.310,00 €", "0", "21", "6", "27"],
    ["13/10/2026", "845,30 €", "--", "8", "", "3", "11"],
]


def spanish_csv() -> bytes:
    """A Spanish wide export: `;` delimiter, a title line, dd/mm/yyyy, amounts like 1.234,56 €."""
    buffer = io.StringIO()
    buffer.write("Periodo: 01/10/2026 - 31/10/2026\n")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(SPANISH_HEADER)
    writer.writerows(SPANISH_ROWS)
    return buffer.getvalue().encode("utf-8-sig")


MEXICAN_HEADER = [
    "Título del video", "Nombre del creador", "Visualizaciones", "Clics en el producto", "Pedidos",
    "Tasa de finalización", "Ingresos",
]  # fmt: skip
MEXICAN_ROWS = [
    ["Rutina de noche", "lupita.glow", "1,234,567", "8,020", "412", "21.5%", "MX$45,230.50"],
    ["Sérum en 30 segundos", "lupita.glow", "88,100", "1,130", "37", "30.2%", "MX$4,070.00"],
    ["Detrás de cámaras", "tienda_oficial", "5,400", "--", "--", "44.0%", "--"],
]


def mexican_csv() -> bytes:
    """A Mexican export: `,` delimiter, thousands commas (1,234,567), MX$ amounts, Spanish headers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(MEXICAN_HEADER)
    writer.writerows(MEXICAN_ROWS)
    return buffer.getvalue().encode("utf-8")


CARRIER_SOURCE_HEADER = {
    "en": ["Date", "Content type", "Source", "GMV", "Orders"],
    "es": ["Fecha", "Tipo de contenido", "Origen", "GMV", "Pedidos"],
}
CARRIERS = {"en": ["LIVE", "Video", "Product card"], "es": ["LIVE", "Vídeo", "Tarjeta de producto"]}
SOURCES = {"en": ["Seller-owned", "Affiliate"], "es": ["Propio", "Afiliado"]}


def carrier_source_csv(lang: str) -> bytes:
    """GMV and orders by date × carrier × source (long), in English (`,`) or Spanish (`;`, 1.234,5)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if lang == "en" else ";", lineterminator="\n")
    writer.writerow(CARRIER_SOURCE_HEADER[lang])
    for day in range(1, 8):
        date = f"2026-10-{day:02d}" if lang == "en" else f"{day:02d}/10/2026"
        for c, carrier in enumerate(CARRIERS[lang]):
            for s, source in enumerate(SOURCES[lang]):
                orders = (day * 7 + c * 5 + s * 3) % 40
                gmv = orders * 23.5 + c * 1000
                amount = f"{gmv:,.2f}" if lang == "en" else f"{gmv:,.2f}".replace(",", " ").replace(".", ",")
                writer.writerow([date, carrier, source, amount.replace(" ", "."), orders])
    return buffer.getvalue().encode("utf-8")


ADS_HEADER = [
    "Ad name", "Impressions", "Video views", "2-second video views", "6-second video views",
    "Video views at 25%", "Video views at 50%", "Video views at 75%", "Video views at 100%",
    "Average play time per video view", "Clicks (destination)", "Complete payment", "Cost",
]  # fmt: skip
ADS_ROWS = [
    ["Serum hook A", "210000", "98000", "61000", "30200", "41000", "22000", "12100", "8050", "4.8", "2100", "64",
     "312.40"],
    ["Serum hook B", "180500", "70100", "30050", "12000", "20000", "9100", "4300", "2500", "3.1", "900", "12",
     "290.00"],
]  # fmt: skip


def ads_csv() -> bytes:
    """An Ads Manager video report (plain numbers, `%` inside some headers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ADS_HEADER)
    writer.writerows(ADS_ROWS)
    return buffer.getvalue().encode("utf-8")


FIXTURES = {
    "seller_center_videos.xlsx": seller_center_xlsx,
    "affiliate_creators.xlsx": affiliate_xlsx,
    "gmv_two_level.xlsx": two_level_xlsx,
    "spanish_wide.csv": spanish_csv,
    "mexican_videos.csv": mexican_csv,
    "carrier_source_en.csv": lambda: carrier_source_csv("en"),
    "carrier_source_es.csv": lambda: carrier_source_csv("es"),
    "ads_manager_videos.csv": ads_csv,
}
"""File name → the function that writes it."""


if __name__ == "__main__":
    for name, make in FIXTURES.items():
        (HERE / name).write_bytes(make())
