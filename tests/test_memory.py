"""ui/memory.py: the libraries are frozen once per process, and the idle collector watches for quiet."""

from __future__ import annotations

import gc
import sys
import threading

from ui import memory


def test_the_first_run_loads_the_app_and_freezes_what_survives() -> None:
    memory.keep_memory_bounded()
    assert gc.get_freeze_count() > 0  # libraries and app modules left out of automatic collections
    assert {"content_logic.workshop.export", "storage.store", "ui.join_view"} <= set(sys.modules)
    assert [thread for thread in threading.enumerate() if thread.name == "idle-gc" and thread.daemon]


def test_later_runs_only_note_the_time_and_never_freeze_again() -> None:
    memory.keep_memory_bounded()
    frozen = gc.get_freeze_count()
    gc.collect()
    memory.keep_memory_bounded()
    assert gc.get_freeze_count() == frozen
    assert len([t for t in threading.enumerate() if t.name == "idle-gc"]) == 1
