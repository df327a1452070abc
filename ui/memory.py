"""Memory kept bounded without Streamlit's full collection after every script run.

``runner.postScriptGC`` is off (``.streamlit/config.toml``): that collection rescans every object in
the process (pandas, plotly, pydantic, the app) and costs ~90 ms of CPU per run. Instead, once per
process, every module the app can import is loaded, one full collection runs, and ``gc.freeze()``
moves the survivors (the libraries, ~1 M objects) to the permanent generation. Python's automatic
collections keep running on their usual thresholds but scan only objects made since, so the
reference cycles a script run leaves behind are still reclaimed, at a fraction of the cost. A full
collection also runs when the server has been idle for a while (no script run), so memory returns
to its floor between bursts instead of waiting for the next threshold.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import threading
import time
from pathlib import Path

APP_PACKAGES = ("content_logic", "storage", "ui")
"""Packages loaded whole before freezing, so the modules the pages pull in later are frozen too."""

IDLE_COLLECT_SECONDS = 30.0
"""After this long without a script run, one full collection runs (a few ms once frozen)."""

IDLE_CHECK_SECONDS = 5.0
"""How often the idle watcher wakes up to look."""

_lock = threading.Lock()
_state = {"frozen": False, "last_run": time.monotonic(), "collected_at": 0.0}


def _import_app_modules() -> None:
    root = Path(__file__).resolve().parent.parent
    for package in APP_PACKAGES:
        importlib.import_module(package)
        for module in pkgutil.walk_packages([str(root / package)], prefix=f"{package}."):
            if module.name.endswith("__main__"):
                continue
            importlib.import_module(module.name)


def _idle_watcher() -> None:
    while True:
        time.sleep(IDLE_CHECK_SECONDS)
        last_run = _state["last_run"]
        if time.monotonic() - last_run >= IDLE_COLLECT_SECONDS and _state["collected_at"] < last_run:
            gc.collect()
            _state["collected_at"] = time.monotonic()


def keep_memory_bounded() -> None:
    """Call at the top of every script run: freezes the loaded libraries once per process, then only
    notes the time, for the idle collection."""
    _state["last_run"] = time.monotonic()
    if _state["frozen"]:
        return
    with _lock:
        if _state["frozen"]:
            return
        _import_app_modules()
        gc.collect()
        gc.freeze()
        threading.Thread(target=_idle_watcher, name="idle-gc", daemon=True).start()
        _state["frozen"] = True
