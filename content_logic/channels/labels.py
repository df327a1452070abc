"""Channel labels as sellers write them (English, Spanish, TikTok export names) mapped to five channels."""

from __future__ import annotations

import re
import unicodedata

from content_logic.channels.models import CHANNELS, ChannelId

CHANNEL_LABELS: dict[ChannelId, tuple[str, ...]] = {
    "self_video": (
        "Self-video", "Self video", "Own video", "Owned video", "Video", "Videos", "Short video",
        "Short videos", "Video (own)", "Own account video", "Video own account", "Owned media video",
        "Vídeo propio", "Vídeos propios", "Video propio", "Video corto", "Vídeo corto", "Videos cortos",
        "Vídeo (cuenta propia)", "self_video",
    ),
    "influencer": (
        "Creators", "Creator", "Influencer", "Influencers", "Affiliate", "Affiliates", "Affiliate video",
        "Affiliate LIVE", "Video (affiliate)", "LIVE (affiliate)", "Affiliate GMV", "Creator collaborations",
        "KOL", "Showcase", "Creadores", "Creador", "Creadoras", "Afiliados", "Afiliado", "Vídeo de afiliados",
        "LIVE de afiliados", "Colaboraciones", "influencer",
    ),
    "paid": (
        "Paid (GMV Max)", "Paid", "Paid promotion", "Ads", "Ad", "GMV Max", "Shop Ads", "Spark Ads",
        "Promotion", "Pago (GMV Max)", "Pago", "Promoción pagada", "Publicidad", "Anuncios", "paid",
    ),
    "live": (
        "LIVE", "Lives", "Livestream", "Live stream", "Livestreams", "LIVE (own)", "Own LIVE",
        "Directo", "Directos", "En directo", "En vivo", "LIVE propio", "live",
    ),
    "product_card": (
        "Product card", "Product cards", "Shop tab", "Search", "Mall", "Product card / shop tab",
        "Tarjeta de producto", "Ficha de producto", "Pestaña de tienda", "Pestaña tienda", "Búsqueda",
        "Tienda", "product_card",
    ),
}  # fmt: skip
"""Every accepted label per channel; matching ignores case, accents, punctuation and metric words."""

IGNORED_COLUMNS = ("Total", "Shop total", "Total GMV", "Total orders", "Total de la tienda", "Notes", "Notas")
"""Wide-format columns that are not a channel and are left out (said so), never summed in."""

PERIOD_HEADERS = (
    "date", "day", "week", "week start", "week starting", "period", "time", "date range", "fecha", "dia",
    "semana", "inicio de semana", "periodo", "rango de fechas",
)  # fmt: skip
"""Headers that name the date or week column."""

CHANNEL_HEADERS = (
    "channel",
    "source",
    "traffic source",
    "content type",
    "canal",
    "fuente",
    "tipo de contenido",
    "origen",
)
"""Headers of the channel column in the long format."""

ORDERS_HEADERS = (
    "orders", "order", "sku orders", "order count", "units", "units sold", "items sold", "quantity",
    "pedidos", "pedidos de sku", "ordenes", "unidades", "unidades vendidas", "ventas", "cantidad",
)  # fmt: skip
"""Headers of the orders column in the long format."""

GMV_HEADERS = ("gmv", "revenue", "gross revenue", "sales amount", "ingresos", "importe", "ingresos brutos")
"""Headers of the GMV column in the long format."""

CREATOR_HEADERS = (
    "creator", "creator name", "creator username", "influencer", "affiliate", "handle",
    "creador", "creadora", "nombre del creador", "usuario del creador", "afiliado",
)  # fmt: skip
"""Headers of the optional creator column in the long format."""

_METRIC_WORDS = frozenset(
    {
        "orders", "order", "sku", "gmv", "revenue", "gross", "sales", "amount", "units", "count", "ingresos",
        "pedidos", "pedido", "ventas", "importe", "unidades", "brutos", "usd", "eur", "mxn", "cop",
    }
)  # fmt: skip
"""Words a wide export appends to a channel ("Video GMV", "LIVE orders"); dropped before matching."""

_GMV_WORDS = frozenset({"gmv", "revenue", "ingresos", "importe", "amount"})


def normalise(label: object) -> str:
    """Lower case, no accents, punctuation as single spaces: ``"Vídeo (propio)"`` → ``"video propio"``."""
    text = unicodedata.normalize("NFKD", str(label or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return re.sub(r"\bgmv max\b", "gmvmax", text)


def _key(label: object) -> str:
    words = normalise(label).split()
    kept = [w for w in words if w not in _METRIC_WORDS]
    return " ".join(kept or words)


_LOOKUP: dict[str, ChannelId] = {_key(label): c for c in CHANNELS for label in CHANNEL_LABELS[c]}
_IGNORED = frozenset(_key(label) for label in IGNORED_COLUMNS) | {"total"}


def map_label(label: object) -> ChannelId | None:
    """The channel a label names, or ``None`` when it is not one we know."""
    return _LOOKUP.get(_key(label))


def is_ignored_column(label: object) -> bool:
    """A wide-format column that is a total or a note, not a channel."""
    return _key(label) in _IGNORED or normalise(label) in _IGNORED


def names_gmv(label: object) -> bool:
    """True when a wide-format header says its numbers are money (``"Video GMV"``, ``"LIVE revenue"``)."""
    return bool(_GMV_WORDS & set(normalise(label).split()))


def header_is(label: object, names: tuple[str, ...]) -> bool:
    """True when a header matches one of ``names`` (case, accents and punctuation ignored)."""
    return normalise(label) in {normalise(n) for n in names}


EXAMPLES: dict[ChannelId, tuple[str, ...]] = {
    "self_video": ("Self-video", "Vídeo propio", "Video", "Own video"),
    "influencer": ("Creators", "Creadores", "Affiliate", "Afiliados"),
    "paid": ("Paid (GMV Max)", "Pago (GMV Max)", "GMV Max", "Ads"),
    "live": ("LIVE", "Directo", "Livestream"),
    "product_card": ("Product card", "Tarjeta de producto", "Shop tab", "Search"),
}
"""A few accepted labels per channel in both languages, for the unknown-label message."""


def accepted_labels() -> str:
    """A short list of accepted labels per channel, English and Spanish, for the unknown-label message."""
    return "; ".join(", ".join(EXAMPLES[c]) for c in CHANNELS)
