"""Funnel diagnoser figures: diagnose 10,000 videos (target < 100 ms) and the page's warm rerun under
AppTest against an empty page in the same run (target < 25 ms).

Run: ``.venv/bin/python bench/funnel_bench.py``
"""

from __future__ import annotations

import logging
import statistics
import time

import numpy as np
import pandas as pd
from rerun_timing import EMPTY_PAGE, median_rerun_ms, open_page

from content_logic.funnel.assess import assess_frame as diagnose_batch

VIDEOS = 10_000
REPEATS = 15
RERUNS = 30


def synthetic_videos(count: int, seed: int = 7) -> pd.DataFrame:
    """A realistic spread of funnels from 300 creators, with format and hook type for the replicate view."""
    rng = np.random.default_rng(seed)
    views = rng.integers(1_000, 500_000, count).astype(float)
    clicks = np.floor(views * rng.uniform(0.001, 0.03, count))
    orders = np.floor(clicks * rng.uniform(0.0, 0.05, count))
    return pd.DataFrame(
        {
            "video": [f"video {i}" for i in range(count)],
            "creator": rng.choice([f"@creator{i}" for i in range(300)], count),
            "date": "2026-03-01",
            "views": views,
            "hook_rate": rng.uniform(5, 60, count),
            "avg_watch_seconds": np.nan,
            "video_seconds": rng.uniform(8, 90, count),
            "completion_rate": rng.uniform(5, 80, count),
            "product_clicks": clicks,
            "orders": orders,
            "gmv": orders * rng.uniform(10, 40, count),
            "format": rng.choice(["talking head", "hands only", "voice-over"], count),
            "hook_type": rng.choice(["result first", "question", "unboxing"], count),
        }
    )


def median_ms(action, repeats: int) -> float:
    """Median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_batch() -> float:
    frame = synthetic_videos(VIDEOS)
    diagnose_batch(frame)  # warm imports and numpy
    return median_ms(lambda: diagnose_batch(frame), REPEATS)


def bench_page() -> dict[str, float]:
    logging.disable(logging.WARNING)  # AppTest logs "missing ScriptRunContext" in bare mode
    from streamlit.testing.v1 import AppTest

    empty = AppTest.from_string(EMPTY_PAGE, default_timeout=60)
    empty.run()
    figures = {"empty page": median_rerun_ms(empty, RERUNS)}
    app = open_page("pages/funnel.py")
    figures["funnel page, one video"] = median_rerun_ms(app, RERUNS)
    app.segmented_control(key="funnel_mode").set_value("batch").run()
    figures["funnel page, batch (demo)"] = median_rerun_ms(app, RERUNS)
    app.selectbox(key="funnel_demo").set_value("copies").run()
    figures["funnel page, batch (copies + reference)"] = median_rerun_ms(app, RERUNS)
    assert not app.exception, app.exception
    return figures


def main() -> None:
    batch = bench_batch()
    print(f"diagnose_batch, {VIDEOS:,} videos: median {batch:.1f} ms (target < 100 ms)")
    page = bench_page()
    empty = page.pop("empty page")
    print(f"empty page warm rerun (AppTest): median {empty:.1f} ms")
    for name, value in page.items():
        ratio = value / empty
        print(f"{name} warm rerun (AppTest): median {value:.1f} ms, {ratio:.1f}x empty (target < 25 ms)")


if __name__ == "__main__":
    main()
