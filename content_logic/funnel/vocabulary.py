"""Which column of a seller's file means what: the vocabulary data file (``vocabulary.toml``, English
and Spanish), this app's own headers, and the user's mapping for the rest."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal

from content_logic.headers import load_vocabularies, normalise_label
from content_logic.i18n import LANGUAGES, translate

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.toml")
"""The documented table of headers per field, trait, id and metric."""

Kind = Literal["field", "trait", "id", "metric", "output"]
"""What a column is: an input judged, a content trait, an identifier, a metric not judged, or a
column this app writes into its own download (recomputed, so read past)."""

COUNT_INPUTS: tuple[str, ...] = ("two_second_views", "full_watches")
"""Counts a file may give instead of rates; the reader turns them into rates of their own definition."""

OUTPUT_COLUMNS: tuple[str, ...] = (
    "watched_share",
    "product_ctr",
    "click_through",
    "click_to_order",
    "gpm",
    "attention_status",
    "retention_status",
    "interest_status",
    "conversion_status",
    "value_status",
    "bottleneck",
    "row",
)
"""Columns this app writes into its CSV download; they are recomputed, so a re-upload ignores them."""

MAPPING_CHOICES: tuple[str, ...] = ("trait", "id")
"""What the page's mapping editor offers for an unknown column (left out until the user says);
``mapping`` also accepts ``ignore`` and a field id (the command line, saved mappings)."""


@cache
def _lookup() -> Mapping[str, tuple[Kind, str]]:
    vocabularies = load_vocabularies(VOCABULARY_FILE)
    found: dict[str, tuple[Kind, str]] = {}
    sections: tuple[tuple[str, Kind], ...] = (("metrics", "metric"), ("ids", "id"), ("traits", "trait"))
    for section, kind in sections:
        for name, headers in vocabularies[section].terms.items():
            for header in (name, *headers):
                found[normalise_label(header)] = (kind, name)
    for field in OUTPUT_COLUMNS:
        for name in (field, *(translate(f"funnel.col.{field}", lang) for lang in LANGUAGES)):
            found[normalise_label(name)] = ("output", field)
    for field, headers in vocabularies["fields"].terms.items():
        labels = [translate(f"funnel.col.{field}", lang) for lang in LANGUAGES]
        for header in (field, *headers, *labels):
            found[normalise_label(header)] = ("field", field)
    return found


def column_kind(header: str, mapping: Mapping[str, str] | None = None) -> tuple[Kind, str] | None:
    """What a header is, ``(kind, id)``: the user's ``mapping`` first (a field id, ``trait``, ``id`` or
    ``ignore``), then the vocabulary; ``None`` when neither knows it."""
    chosen = (mapping or {}).get(header)
    if chosen in ("trait", "id"):
        return chosen, header  # type: ignore[return-value]
    if chosen == "ignore":
        return "metric", header
    if chosen:
        return "field", chosen
    return _lookup().get(normalise_label(header))


def field_for(header: str) -> str | None:
    """The input field a header names (``None`` for anything else): the vocabulary's ``[fields]``."""
    found = _lookup().get(normalise_label(header))
    return found[1] if found and found[0] == "field" else None
