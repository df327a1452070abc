"""The README's room figures: bench/room_driver.py over room sizes and set-ups, a table and a plot.

    .venv/bin/python bench/room_figures.py        # ~30 min on 2 cores; writes docs/room/

Set-ups: "as shipped before" (``streamlit run`` of the commit before this work, ``--baseline``,
with Streamlit's collection after every run), "GC fixed, K = 1" (this app under uvicorn, one
process) and "K = 2" (two processes behind HAProxy on PostgreSQL), plus one run of 600 phones
with K = 2 where one process is killed mid-answers. Writes ``room_figures.json`` (every run's
figures), ``room_figures.md`` (the table) and ``room_p95.svg`` (p95 answer → dashboard against
room size, one line per set-up). A run that fails or passes its deadline is kept as a failure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT / "bench" / "room_driver.py"

SETUPS: dict[str, dict[str, Any]] = {
    "as shipped before": {"args": ["--setup", "streamlit-run"], "rooms": (25, 50, 100), "baseline": True},
    "GC fixed, K = 1": {"args": [], "rooms": (50, 150, 300, 600)},
    "K = 2": {"args": ["--processes", "2"], "rooms": (150, 300, 600)},
}
"""Room sizes per set-up: the old set-up saturates one process from ~50 polling phones."""

BROWSERS_AT = {("GC fixed, K = 1", 300): 3, ("K = 2", 600): 2}
"""Runs that also carry real Chromium phones, to compare them with the protocol phones."""

RUN_DEADLINE_S = 420
COLORS = {"as shipped before": "#9e9e9e", "GC fixed, K = 1": "#25a5b5", "K = 2": "#fe2c55"}


def _baseline_checkout(commit: str, folder: Path) -> Path:
    """The app as it was at ``commit``, unpacked (``git archive``) into ``folder``."""
    archive = folder / "baseline.tar"
    subprocess.run(["git", "archive", "-o", str(archive), commit], cwd=ROOT, check=True)
    target = folder / "baseline"
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def _run(name: str, phones: int, extra: list[str], folder: Path, tag: str = "") -> dict[str, Any]:
    figures = folder / f"run-{name.replace(' ', '').replace(',', '_').replace('=', '')}-{phones}{tag}.json"
    browsers = BROWSERS_AT.get((name, phones), 0)
    command = [sys.executable, str(DRIVER), "--phones", str(phones), "--browsers", str(browsers), *extra]
    command += ["--deadline", str(RUN_DEADLINE_S - 60), "--json", str(figures)]
    print(f"== {name}, {phones} phones: {' '.join(command[2:])}", flush=True)
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_DEADLINE_S)
        print(done.stdout[-2500:], done.stderr[-800:] if done.returncode else "", flush=True)
        if done.returncode == 0 and figures.exists():
            result: dict[str, Any] = json.loads(figures.read_text())
            return result | {"name": name, "ok": True}
    except subprocess.TimeoutExpired:
        print("   (deadline passed)", flush=True)
    return {"name": name, "phones": phones, "ok": False}


def _cell(result: dict[str, Any], key: str, field: str = "p95", digits: int = 2) -> str:
    value = result.get(key, {}).get(field) if isinstance(result.get(key), dict) else result.get(key)
    return "–" if value is None else f"{value:.{digits}f}"


def table(results: list[dict[str, Any]]) -> str:
    """The README's table, one row per run."""
    lines = [
        "| set-up | phones | answer → dashboard p50 / p95 / max (s) | poll → visible p95 (s), ≤ 6 s "
        "| CPU ms: poll check / answer / share | RSS MB | errors | lost |",
        "| --- | ---: | --- | --- | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        if not r.get("ok"):
            lines.append(f"| {r['name']} | {r['phones']} | did not finish (deadline or errors) | | | | | |")
            continue
        name = r["name"] + (" (one process killed)" if "killed" in r else "")
        dash = " / ".join(_cell(r, "answer_to_dashboard_s", f) for f in ("p50", "p95", "max"))
        visible = f"{_cell(r, 'poll_visible_s')}, {100 * r['poll_visible_within_6s']:.0f} %"
        cpu = " / ".join(
            _cell(r, k, digits=1) for k in ("cpu_ms_per_poll_check", "cpu_ms_per_answer", "cpu_ms_per_share")
        )
        lost = r["lost_answers"] + r.get("lost_shares", 0)
        lines.append(
            f"| {name} | {r['phones']} + {r['browsers']} Chromium | {dash} | {visible} | {cpu} "
            f"| {r['rss_mb']['end']:.0f} | {r['errors']} | {lost} |"
        )
    return "\n".join(lines) + "\n"


def plot_svg(results: list[dict[str, Any]]) -> str:
    """p95 answer → dashboard against room size, one polyline per set-up (a failed run is a cross)."""
    width, height, left, bottom, top, right = 720, 420, 70, 50, 30, 190
    sizes = [r["phones"] for r in results] or [1]
    x_max = max(sizes) * 1.05
    p95s = [
        r["answer_to_dashboard_s"]["p95"]
        for r in results
        if r.get("ok") and r["answer_to_dashboard_s"]["p95"]
    ]
    y_max = max([3.0, *p95s]) * 1.1

    def x(value: float) -> float:
        return left + (width - left - right) * value / x_max

    def y(value: float) -> float:
        return height - bottom - (height - bottom - top) * value / y_max

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
        'font-size="12"><rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="18" font-size="14">p95 answer → instructor dashboard (s) by room size</text>',
        f'<line x1="{left}" y1="{y(0)}" x2="{width - right}" y2="{y(0)}" stroke="black"/>',
        f'<line x1="{left}" y1="{y(0)}" x2="{left}" y2="{top}" stroke="black"/>',
        f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">'
        "phones in the room</text>",
    ]
    for goal, label in ((2.0, "goal K = 1: 2 s"), (3.0, "goal K = 2: 3 s")):
        parts.append(
            f'<line x1="{left}" y1="{y(goal)}" x2="{width - right}" y2="{y(goal)}" stroke="#bbb" '
            'stroke-dasharray="4"/>'
            f'<text x="{width - right + 4}" y="{y(goal) + 4}" fill="#777">{label}</text>'
        )
    for tick in range(0, int(x_max) + 1, 100):
        parts.append(f'<text x="{x(tick)}" y="{y(0) + 16}" text-anchor="middle">{tick}</text>')
    step = 1 if y_max < 12 else 5
    for tick in range(0, int(y_max) + 1, step):
        parts.append(f'<text x="{left - 8}" y="{y(tick) + 4}" text-anchor="end">{tick}</text>')
    for row, name in enumerate(SETUPS):
        color = COLORS[name]
        runs = [r for r in results if r["name"] == name and "killed" not in r]
        points = [(r["phones"], r["answer_to_dashboard_s"]["p95"]) for r in runs if r.get("ok")]
        points = [(n, p) for n, p in points if p is not None]
        if points:
            path = " ".join(f"{x(n):.1f},{y(p):.1f}" for n, p in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>')
            parts += [f'<circle cx="{x(n):.1f}" cy="{y(p):.1f}" r="4" fill="{color}"/>' for n, p in points]
        for r in runs:
            if not r.get("ok"):
                cx, cy = x(r["phones"]), y(y_max * 0.97)
                parts.append(
                    f'<text x="{cx}" y="{cy}" fill="{color}" text-anchor="middle" font-size="16">×</text>'
                )
        legend_y = top + 20 + 22 * row
        parts.append(
            f'<line x1="{width - right + 8}" y1="{legend_y}" x2="{width - right + 30}" y2="{legend_y}" '
            f'stroke="{color}" stroke-width="3"/>'
            f'<text x="{width - right + 36}" y="{legend_y + 4}">{name}</text>'
        )
    parts.append(f'<text x="{width - right + 8}" y="{top + 100}" fill="#777">× : did not finish</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "room", help="the README reads it")
    parser.add_argument("--baseline", default="af736a1", help="the commit served as 'as shipped before'")
    parser.add_argument("--only", default="", help="set-up names to run, separated by ';' (default: all)")
    parser.add_argument("--rooms", default="", help="comma-separated room sizes to run (default: all)")
    parser.add_argument("--kill-only", action="store_true", help="only the K = 2 run with a kill")
    parser.add_argument("--replot", action="store_true", help="only redraw from room_figures.json")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store = args.out / "room_figures.json"
    results: list[dict[str, Any]] = json.loads(store.read_text()) if store.exists() else []
    if not args.replot:
        chosen = [name for name in SETUPS if not args.only or name in args.only.split(";")]
        with tempfile.TemporaryDirectory(prefix="room-figures.") as folder:
            for name in chosen:
                extra = list(SETUPS[name]["args"])
                if SETUPS[name].get("baseline"):
                    extra += ["--app-dir", str(_baseline_checkout(args.baseline, Path(folder)))]
                rooms = [
                    n for n in SETUPS[name]["rooms"] if not args.rooms or str(n) in args.rooms.split(",")
                ]
                for phones in [] if args.kill_only else rooms:
                    results = [
                        r
                        for r in results
                        if not (r["name"] == name and r["phones"] == phones and "killed" not in r)
                    ]
                    results.append(_run(name, phones, extra, Path(folder)))
                    store.write_text(json.dumps(results, indent=1))
                if name == "K = 2":
                    results = [r for r in results if "killed" not in r]
                    results.append(
                        _run(name, 600, [*extra, "--kill"], Path(folder), "kill") | {"killed": True}
                    )
                    store.write_text(json.dumps(results, indent=1))
    results.sort(key=lambda r: (list(SETUPS).index(r["name"]), r["phones"], "killed" in r))
    (args.out / "room_figures.md").write_text(table(results))
    (args.out / "room_p95.svg").write_text(plot_svg(results))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
