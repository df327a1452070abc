"""The labels sales exports use, read from ``vocabulary.toml``, and the rules that turn them into channels.

A row's channel comes from every label column the file has: one channel column (``Self-video``,
``LIVE``), or a carrier (content type) and a source (who made it), combined by :func:`combine`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from content_logic.channels.models import CHANNELS, ChannelId
from content_logic.headers import Vocabulary, load_vocabularies, normalise_label

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.toml")
"""The documented table of every label, English and Spanish (edit it there, not here)."""

ColumnRole = Literal["period", "channel", "carrier", "source", "orders", "gmv", "creator"]
Carrier = Literal["video", "live", "product_card", "ads"]
Source = Literal["seller", "affiliate"]


@cache
def _vocabularies() -> dict[str, Vocabulary]:
    return load_vocabularies(VOCABULARY_FILE)


@cache
def _words(section: str) -> frozenset[str]:
    return frozenset(normalise_label(w) for w in _vocabularies()["words"].terms[section])


@cache
def _index() -> dict[str, dict[str, str]]:
    """Each label vocabulary keyed by its labels without glue or measure words (``tarjetas producto``)."""
    out: dict[str, dict[str, str]] = {}
    for name in ("channels", "carriers", "sources", "totals"):
        vocabulary = _vocabularies()[name]
        out[name] = {
            key(label): term for term, labels in vocabulary.terms.items() for label in (term, *labels)
        }
    return out


def key(label: object) -> str:
    """A label without case, accents, units, glue words (``de``, ``of``) or measure words (``GMV``)."""
    return _key(str(label) if label is not None else "")


@lru_cache(maxsize=8192)
def _key(label: str) -> str:
    words = _plain(label).split()
    dropped = _words("filler") | _words("orders") | _words("gmv")
    kept = [w for w in words if w not in dropped]
    return " ".join(kept or words)


def _plain(label: object) -> str:
    """The normalised label with "GMV Max" kept as one word: a channel's name, not a money column."""
    return f" {normalise_label(label)} ".replace(" gmv max ", " gmvmax ").strip()


def column_role(header: object) -> ColumnRole | None:
    """What a column holds (period, channel, carrier, source, orders, GMV, creator), or ``None``."""
    role = _vocabularies()["columns"].lookup(header)
    return role  # type: ignore[return-value]


def carrier_of(label: object) -> Carrier | None:
    """``Vídeo`` → ``video``, ``Tarjeta de producto`` → ``product_card``, ``GMV Max`` → ``ads``."""
    return _index()["carriers"].get(key(label))  # type: ignore[return-value]


def source_of(label: object) -> Source | None:
    """``Seller-owned``/``Propio`` → ``seller``; ``Affiliate``/``Afiliado`` → ``affiliate``."""
    return _index()["sources"].get(key(label))  # type: ignore[return-value]


def combine(carrier: Carrier | None, source: Source | None) -> ChannelId | None:
    """The course's channel for a carrier × source pair (either may be unknown).

    Affiliate (creator) orders are creators' whatever the carrier; ads are paid whoever made the
    video; the product card is the product card; the seller's own video and LIVE are self-video
    and LIVE. A carrier alone is read as the seller's own (the wide exports' "Video GMV").
    """
    if carrier == "ads":
        return "paid"
    if source == "affiliate":
        return "influencer"
    if carrier == "product_card":
        return "product_card"
    if carrier == "video":
        return "self_video"
    if carrier == "live":
        return "live"
    return None


@lru_cache(maxsize=8192)
def channel_of(label: object) -> tuple[ChannelId | None, Carrier | None]:
    """The channel one label names (``Self-video``, ``LIVE``, ``Affiliate video``, ``GMV Max``), and its
    carrier when the label named one; ``(None, None)`` when unknown."""
    text = key(label)
    if text in CHANNELS:
        return text, None
    named = _index()["channels"].get(text)
    if named is not None:
        return named, None  # type: ignore[return-value]
    carrier, source = carrier_of(text), source_of(text)
    if carrier or source:
        return combine(carrier, source), carrier
    words = text.split()
    for cut in range(1, len(words)):  # "affiliate video", "videos afiliados", "live seller owned"
        for first, second in ((words[:cut], words[cut:]), (words[cut:], words[:cut])):
            carrier, source = carrier_of(" ".join(first)), source_of(" ".join(second))
            if carrier and source:
                return combine(carrier, source), carrier
    return None, None


def is_total(label: object) -> bool:
    """A wide-format column that is a total or a note, not a channel."""
    text = normalise_label(label)
    return key(label) in _index()["totals"] or text.startswith("total ") or text.endswith(" total")


def names_gmv(label: object) -> bool:
    """True when a wide-format header says its numbers are money (``Video GMV``, ``GMV de LIVE (€)``)."""
    return bool(_words("gmv") & set(_plain(label).split()))


def is_creator_list(headers: list[str]) -> bool:
    """The Affiliate Center creator list: a creator column and creator totals, no date column."""
    vocabulary = _vocabularies()["creator_list"]
    kinds = [vocabulary.lookup(h) for h in headers]
    has_period = any(column_role(h) == "period" for h in headers)
    return not has_period and "creator" in kinds and kinds.count("metric") >= 1


@lru_cache(maxsize=8192)
def is_known_header(label: object) -> bool:
    """A header this calculator reads (a role column, or a wide channel column): finds the header row."""
    return column_role(label) is not None or channel_of(label)[0] is not None or is_total(label)


EXAMPLES: dict[ChannelId, tuple[str, ...]] = {
    "self_video": ("Self-video", "Vídeo propio", "Video", "Own video"),
    "influencer": ("Creators", "Creadores", "Affiliate", "Afiliados"),
    "paid": ("Paid (GMV Max)", "Pago (GMV Max)", "GMV Max", "Ads"),
    "live": ("LIVE", "Directo", "Livestream"),
    "product_card": ("Product card", "Tarjeta de producto", "Shop tab", "Search"),
}
"""A few accepted labels per channel in both languages, for messages about unknown labels."""


def accepted_labels() -> str:
    """A short list of accepted labels per channel, English and Spanish."""
    return "; ".join(", ".join(EXAMPLES[c]) for c in CHANNELS)
