"""Which field a spreadsheet header means: English and Spanish names, exports, our own downloads."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache

from content_logic.i18n import LANGUAGES, translate

ALIASES: Mapping[str, tuple[str, ...]] = {
    "video": ("video", "video id", "video title", "title", "video name", "id", "vídeo", "título", "nombre"),
    "creator": (
        "creator",
        "creator name",
        "creator username",
        "influencer",
        "affiliate",
        "account",
        "handle",
        "creador",
        "creadora",
        "afiliado",
        "cuenta",
    ),
    "date": ("date", "post date", "posted", "published", "video post time", "fecha", "fecha de publicación"),
    "views": ("views", "video views", "plays", "vv", "vistas", "visualizaciones", "reproducciones"),
    "hook_rate": (
        "hook rate",
        "2s rate",
        "2 second rate",
        "2 second view rate",
        "2s view rate",
        "thumb stop rate",
        "tasa de gancho",
        "tasa 2s",
        "tasa de 2 segundos",
    ),
    "two_second_views": (
        "2 second views",
        "2 second video views",
        "2s views",
        "vistas de 2 s",
        "vistas de 2 segundos",
    ),
    "avg_watch_seconds": (
        "average watch time",
        "avg watch time",
        "avg. watch time",
        "watch time",
        "tiempo medio de visualización",
        "tiempo promedio de visualización",
        "tiempo medio",
        "tiempo de visualización",
    ),
    "video_seconds": (
        "video length",
        "length",
        "duration",
        "video duration",
        "duración",
        "duración del vídeo",
    ),
    "completion_rate": (
        "completion rate",
        "completion",
        "full watch rate",
        "finish rate",
        "tasa de finalización",
        "finalización",
        "reproducción completa",
    ),
    "full_watches": ("full watches", "video views at 100%", "views at 100%", "vistas completas"),
    "product_clicks": ("product clicks", "clicks", "product link clicks", "clics", "clics en producto"),
    "orders": ("orders", "sku orders", "order count", "pedidos", "órdenes"),
    "gmv": ("gmv", "revenue", "gross revenue", "video gmv", "ingresos", "facturación", "gmv del vídeo"),
}
"""Header names read as each field (compared without case, accents, punctuation or a "(unit)").
Full watches and 2-second views, when given as counts, become completion and hook rate."""

OUTPUT_COLUMNS: tuple[str, ...] = (
    "watched_share",
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

IGNORED = "ignored"
"""What :func:`field_for` returns for an :data:`OUTPUT_COLUMNS` header."""


def normalise(header: str) -> str:
    """A header without case, accents, punctuation or a trailing "(unit)": ``Vídeo (ID)`` → ``video``."""
    text = re.sub(r"\(.*?\)", " ", header)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


@cache
def _lookup() -> Mapping[str, str]:
    found: dict[str, str] = {}
    for field in OUTPUT_COLUMNS:
        for name in (field, *(translate(f"funnel.col.{field}", lang) for lang in LANGUAGES)):
            found[normalise(name)] = IGNORED
    for field, names in ALIASES.items():
        labels = (translate(f"funnel.col.{field}", lang) for lang in LANGUAGES)
        for name in (field, *names, *labels):
            found[normalise(name)] = field
    return found


def field_for(header: str) -> str | None:
    """The field a header names, :data:`IGNORED` for our own output columns, ``None`` for anything else."""
    return _lookup().get(normalise(header))
