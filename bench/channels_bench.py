"""Figures for the channel stability checker (targets from issues 3, 11 and 12).

Run: .venv/bin/python bench/channels_bench.py
- analysis of five channels × 730 daily rows (peaks, recent-drop and every check included): under 5 ms
- parse and analyse a 100,000-row long CSV (one channel column, with creators): under 1 s
- parse and analyse a 100,000-row Seller Center carrier × source export (Spanish: ';', dd/mm/yyyy,
  1.234,56 €, a title line): under 1 s
- warm rerun of the page with demo data under AppTest: median, and its ratio to an empty page; under 25 ms
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from rerun_timing import ROOT, compare_with_empty_page, open_page
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(ROOT))

from content_logic.channels import CHANNELS, WeeklySales, read_file  # noqa: E402
from content_logic.channels.assess import assess_sales as assess_channels  # noqa: E402


def parse_sales(data: bytes, name: str) -> WeeklySales:
    reading = read_file(data, name)
    assert reading.inputs is not None, reading.problems
    return reading.inputs.sales


NAMES = {
    "self_video": "Video",
    "influencer": "Affiliate",
    "paid": "GMV Max",
    "live": "LIVE",
    "product_card": "Shop tab",
}
START = date(2024, 1, 1)  # a Monday: 730 days are 104 full ISO weeks and 2 days


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def daily_csv(days: int, creators_per_row: int, rng: random.Random) -> bytes:
    lines = ["date,channel,orders,creator"]
    for d in range(days):
        day = (START + timedelta(days=d)).isoformat()
        for channel in CHANNELS:
            for c in range(creators_per_row):
                lines.append(f"{day},{NAMES[channel]},{rng.randint(0, 40)},@creator{c}")
    return ("\n".join(lines) + "\n").encode()


SELLER = [("Vídeo", "Propio"), ("LIVE", "Propio"), ("Tarjeta de producto", "Propio"), ("GMV Max", "Propio")]
AFFILIATE = [("Vídeo", "Afiliado"), ("LIVE", "Afiliado")]
CREATORS = [f"@creador{i}" for i in range(66)]


def carrier_source_csv(rows: int, rng: random.Random) -> bytes:
    """A Spanish Seller Center export by creator: a title line, ';', dd/mm/yyyy, euros with decimal
    commas; per day the seller's 4 rows and 2 affiliate rows per creator (136 rows a day, 2 years)."""
    lines = [
        "Periodo: 01/01/2024 - 31/12/2025",
        "",
        "Fecha;Tipo de contenido;Origen;Nombre del creador;GMV (€);Pedidos",
    ]
    for day in range(730):
        when = (START + timedelta(days=day)).strftime("%d/%m/%Y")
        labelled = [(c, s, "") for c, s in SELLER] + [(c, s, n) for n in CREATORS for c, s in AFFILIATE]
        for carrier, source, creator in labelled:
            orders = rng.randint(0, 400)
            money = f"{orders * 23.5:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
            lines.append(f"{when};{carrier};{source};{creator};{money} €;{orders}")
    return ("\n".join(lines[: rows + 3]) + "\n").encode()


def channels_page() -> AppTest:
    return open_page("pages/channels.py")


if __name__ == "__main__":
    rng = random.Random(3)
    small = daily_csv(730, 1, rng)
    sales = parse_sales(small, "daily.csv")
    analysis = median_ms(lambda: assess_channels(sales), 200)
    both = median_ms(lambda: assess_channels(parse_sales(small, "daily.csv")), 20)
    print(
        f"analysis of 5 channels × 730 daily rows ({len(sales.weeks)} ISO weeks): median {analysis:.2f} ms "
        f"(target < 5 ms: {'met' if analysis < 5 else 'MISSED'}); reading those 3,650 rows too: {both:.1f} ms"
    )

    big_lines = daily_csv(730, 28, rng).splitlines()[:100_001]
    big = b"\n".join(big_lines) + b"\n"
    seconds = median_ms(lambda: assess_channels(parse_sales(big, "big.csv")), 5) / 1000
    print(
        f"parse and analyse a {len(big_lines) - 1:,}-row long CSV ({len(big) / 1e6:.1f} MB, with creators): "
        f"median {seconds:.2f} s (target < 1 s: {'met' if seconds < 1 else 'MISSED'})"
    )

    export = carrier_source_csv(100_000, rng)
    seconds = median_ms(lambda: assess_channels(parse_sales(export, "pedidos.csv")), 5) / 1000
    print(
        f"parse and assess a 100,000-row Seller Center carrier × source export by creator "
        f"({len(export) / 1e6:.1f} MB, Spanish notation, title line): median {seconds:.2f} s "
        f"(target ≤ 1 s: {'met' if seconds <= 1 else 'MISSED'})"
    )

    page_ms, empty_ms = compare_with_empty_page("channels page (Carla's demo)", channels_page, runs=40)
    print(f"  target: warm rerun < 25 ms -> {'met' if page_ms < 25 else 'MISSED'}")
