"""How the room dashboard orders counted things (gaps, bottleneck stages): most first, ties by id."""

from __future__ import annotations

from collections.abc import Mapping

from content_logic.workshop.models import Ranked


def rank_counts(counts: Mapping[str, int]) -> tuple[Ranked, ...]:
    """Counts above zero, largest first; equal counts in id order so the board doesn't reshuffle."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Ranked(id=key, count=count) for key, count in ordered if count > 0)
