"""Figures for the spreadsheet reader (issue 11).

Run: .venv/bin/python bench/reader_bench.py
- a 5,000-row Seller Center-style .xlsx (date range on row 1, header on row 3, `$5,350.00`,
  `2.83%`, `--`): read and every number column parsed; target well under 1.5 s, so that with the
  funnel's read and assess the whole stays within 2 s (printed too when the funnel package exports
  the calculator contract)
- a 100,000-row carrier × source CSV (date, carrier, source, GMV, orders): read and its dates and
  numbers parsed, target ≤ 0.5 s; the channels checker's read and assess of it, target ≤ 1 s
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content_logic.calculator import ContractMissing, calculator_package  # noqa: E402
from content_logic.sheets import (  # noqa: E402
    parse_date_column,
    parse_number_column,
    parse_rate_column,
    read_sheet,
)

RUNS = 5
SELLER_CENTER_ROWS = 5_000
CARRIER_SOURCE_ROWS = 100_000
SELLER_CENTER_HEADER = [
    "Video Info", "Video ID", "Time", "Creator name", "VV", "Likes", "Product Impressions",
    "Product Clicks", "Buyers", "Orders", "Unit Sales", "Video Revenue ($)", "GPM ($)",
    "Shoppable video attributed GMV ($)", "CTR", "Video Finish Rate", "CTOR",
]  # fmt: skip
COUNTS = ["VV", "Likes", "Product Impressions", "Product Clicks", "Buyers", "Orders", "Unit Sales"]
MONEY = ["Video Revenue ($)", "GPM ($)", "Shoppable video attributed GMV ($)"]
RATES = ["CTR", "Video Finish Rate", "CTOR"]


def median_s(work: Callable[[], object]) -> float:
    work()  # warm: imports, Babel and pyarrow kernels
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        work()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def seller_center_xlsx(rows: int, rng: random.Random) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "2026-10-01 ~ 2026-10-31"
    sheet.append([])
    sheet.append(SELLER_CENTER_HEADER)
    for n in range(rows):
        views = rng.randint(500, 900_000)
        shop = rng.random() > 0.1
        clicks, orders = rng.randint(0, views // 20), rng.randint(0, 400)
        revenue = orders * rng.uniform(5, 80)
        shop_cells = (
            [rng.randint(0, views), clicks, orders, orders, orders + rng.randint(0, 20)]
            + [f"${revenue:,.2f}", f"${revenue / max(views, 1) * 1000:,.2f}", f"${revenue:,.2f}"]
            + [f"{rng.uniform(0.2, 6):.2f}%"]
            if shop
            else ["--"] * 9
        )
        sheet.append(
            [f"Video {n}", str(7_430_000_000_000_000_000 + n), "2026-10-03 19:02", f"creator{n % 300}", views]
            + [rng.randint(0, views // 10)]
            + shop_cells[:8]
            + [shop_cells[8], f"{rng.uniform(5, 40):.2f}%", f"{rng.uniform(0, 12):.2f}%" if shop else "--"]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def carrier_source_csv(rows: int, rng: random.Random) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Date", "Content type", "Source", "GMV", "Orders"])
    start = date(2025, 1, 6)
    for n in range(rows):
        day = start + timedelta(days=n // 6 % 364)
        carrier = ("LIVE", "Video", "Product card")[n % 3]
        source = ("Seller-owned", "Affiliate")[n // 3 % 2]
        orders = rng.randint(0, 60)
        writer.writerow([day.isoformat(), carrier, source, f"{orders * rng.uniform(8, 40):,.2f}", orders])
    return buffer.getvalue().encode()


def read_seller_center(data: bytes) -> None:
    frame = read_sheet(data, "videos.xlsx").frame
    for column in COUNTS + MONEY:
        parse_number_column(frame[column])
    for column in RATES:
        parse_rate_column(frame[column])


def read_carrier_source(data: bytes) -> None:
    frame = read_sheet(data, "gmv.csv").frame
    parse_date_column(frame["Date"])
    parse_number_column(frame["GMV"])
    parse_number_column(frame["Orders"])


def calculator_run(calculator: str, data: bytes, name: str) -> Callable[[], object] | None:
    try:
        package = calculator_package(calculator)  # type: ignore[arg-type]
    except ContractMissing:
        return None

    def run() -> object:
        reading = package.read_file(data, name)
        assert reading.inputs is not None, [p.describe("en") for p in reading.problems]
        return package.assess(reading.inputs)

    return run


def report(label: str, seconds: float, target: float) -> None:
    verdict = "ok" if seconds <= target else "OVER"
    print(f"{label:<64} {seconds * 1000:8.0f} ms  (target ≤ {target * 1000:.0f} ms: {verdict})")


if __name__ == "__main__":
    rng = random.Random(11)
    workbook = seller_center_xlsx(SELLER_CENTER_ROWS, rng)
    export = carrier_source_csv(CARRIER_SOURCE_ROWS, rng)
    print(
        f"median of {RUNS} runs after a warm-up;"
        f" .xlsx {len(workbook) / 1e6:.1f} MB, CSV {len(export) / 1e6:.1f} MB"
    )
    report(
        f"Seller Center .xlsx, {SELLER_CENTER_ROWS:,} rows: read + 13 columns parsed",
        median_s(lambda: read_seller_center(workbook)),
        1.5,
    )
    funnel = calculator_run("funnel", workbook, "videos.xlsx")
    if funnel is not None:
        report("  the funnel's read_file + assess of it", median_s(funnel), 2.0)
    report(
        f"carrier × source CSV, {CARRIER_SOURCE_ROWS:,} rows: read + dates, GMV, orders",
        median_s(lambda: read_carrier_source(export)),
        0.5,
    )
    channels = calculator_run("channels", export, "gmv.csv")
    if channels is not None:
        report("  the channels checker's read_file + assess of it", median_s(channels), 1.0)
