"""Funnel diagnoser figures: a 5,000-row Seller Center .xlsx read and assessed (target ≤ 2 s), 10,000
videos assessed (target ≤ 100 ms), and the page's warm rerun under AppTest against an empty page in the
same run (target ≤ 25 ms).

Run: ``.venv/bin/python bench/funnel_bench.py``
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable

import numpy as np
from rerun_timing import EMPTY_PAGE, ROOT, median_rerun_ms, open_page

from content_logic.funnel import FunnelInputs, VideoFunnel, assess, read_file
from content_logic.funnel.assess import assess_frame, videos_frame
from tests import funnel_exports as exports

VIDEOS = 10_000
SELLER_CENTER_ROWS = 5_000
REPEATS = 15
RERUNS = 30


def synthetic_videos(count: int, seed: int = 7) -> tuple[VideoFunnel, ...]:
    """A realistic spread of funnels from 300 creators, with format and hook type for the replicate view."""
    rng = np.random.default_rng(seed)
    views = rng.integers(1_000, 500_000, count)
    clicks = np.floor(views * rng.uniform(0.001, 0.03, count)).astype(int)
    orders = np.floor(clicks * rng.uniform(0.0, 0.05, count)).astype(int)
    creators = [f"@creator{i}" for i in rng.integers(0, 300, count)]
    formats = rng.choice(["talking head", "hands only", "voice-over"], count)
    hooks = rng.choice(["result first", "question", "unboxing"], count)
    hook, length, completion = rng.uniform(5, 60, count), rng.uniform(8, 90, count), rng.uniform(5, 80, count)
    return tuple(
        VideoFunnel(
            video=f"video {i}",
            creator=creators[i],
            date="2026-03-01",
            views=int(views[i]),
            hook_rate=float(hook[i]),
            video_seconds=float(length[i]),
            completion_rate=float(completion[i]),
            product_clicks=int(clicks[i]),
            orders=int(orders[i]),
            gmv=float(orders[i] * 25.0),
            traits={"format": str(formats[i]), "hook_type": str(hooks[i])},
        )  # fmt: skip
        for i in range(count)
    )


def seller_center_file(rows: int) -> bytes:
    """A Seller Center video analytics export of ``rows`` videos (the fixture's eight, repeated)."""
    header, *videos = exports.seller_center_rows()
    body = [
        [f"{row[0]} #{i}", str(7300 + i), *row[2:]] for i in range(rows) for row in [videos[i % len(videos)]]
    ]
    return exports.xlsx([header, *body])


def median_ms(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_seller_center() -> float:
    data = seller_center_file(SELLER_CENTER_ROWS)

    def read_and_assess() -> None:
        reading = read_file(data, "video_analytics.xlsx")
        assert reading.inputs is not None and len(reading.inputs.videos) == SELLER_CENTER_ROWS
        assess(reading.inputs)

    read_and_assess()  # warm imports
    return median_ms(read_and_assess, 5)


def bench_assess() -> tuple[float, float]:
    """``assess`` of 10,000 videos as inputs (the contract: models in), and of the same videos as a
    table (what the old ``diagnose_batch`` figure measured), in the same run."""
    inputs = FunnelInputs(mode="batch", source="upload", videos=synthetic_videos(VIDEOS))
    assess(inputs)  # warm imports and numpy
    frame = videos_frame(inputs.videos)
    traits = ("format", "hook_type")
    return median_ms(lambda: assess(inputs), REPEATS), median_ms(
        lambda: assess_frame(frame, traits=traits), REPEATS
    )


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
    app.segmented_control(key="funnel_batch_source").set_value("upload").run()
    fixture = ROOT / "tests" / "data" / "funnel" / "seller_center.xlsx"
    app.file_uploader(key="funnel_upload").set_value(
        ("seller_center.xlsx", fixture.read_bytes(), "application/xlsx")
    )
    app.run()
    figures["funnel page, batch (Seller Center upload)"] = median_rerun_ms(app, RERUNS)
    assert not app.exception, app.exception
    return figures


def main() -> None:
    seller_center = bench_seller_center()
    rows = f"{SELLER_CENTER_ROWS:,}-row Seller Center .xlsx"
    print(f"read_file + assess, {rows}: median {seller_center:.0f} ms (target ≤ 2,000 ms)")
    models, table = bench_assess()
    print(f"assess, {VIDEOS:,} videos as inputs: median {models:.1f} ms (target ≤ 100 ms)")
    print(f"assess, {VIDEOS:,} videos as a table (the old diagnose_batch figure): median {table:.1f} ms")
    page = bench_page()
    empty = page.pop("empty page")
    print(f"empty page warm rerun (AppTest): median {empty:.1f} ms")
    for name, value in page.items():
        ratio = value / empty
        print(f"{name} warm rerun (AppTest): median {value:.1f} ms, {ratio:.1f}x empty (target ≤ 25 ms)")


if __name__ == "__main__":
    main()
