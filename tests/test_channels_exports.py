"""Seller Center's real export shapes (issue 11), each read to the mapping and numbers worked out by hand.

The fixtures in tests/data/channels/exports/ follow one story: 5–18 Oct 2026 (ISO weeks 41 and 42),
daily rows of orders per content type × source, ×10 orders per unit and the second week doubled:

    Video · Seller-owned 3, Video · Affiliate 2, LIVE · Seller-owned 1, LIVE · Affiliate 1,
    Product card · Seller-owned 4, GMV Max · Seller-owned 5 (a day, × 10, × 2 in week 42); GMV = orders × 25.50

so a week of own video is 3 × 10 × 7 = 210 orders (420 in week 42), creators (2 + 1) × 70 = 210 (their
LIVE orders included, carrier kept), LIVE 70, product card 280, paid (GMV Max) 350.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from content_logic.calculator import UnmappedLabel
from content_logic.channels import ChannelInputs, assess, read_file, result_json

EXPORTS = Path(__file__).parent / "data" / "channels" / "exports"

CARRIER_SOURCE_ORDERS = {
    "self_video": (210.0, 420.0),
    "influencer": (210.0, 420.0),  # video 2 + LIVE 1 a day from affiliates: creators whatever the carrier
    "paid": (350.0, 700.0),  # GMV Max: its own channel, never added to the others
    "live": (70.0, 140.0),  # only the seller's own LIVE
    "product_card": (280.0, 560.0),
}
ENGLISH_LABELS = [
    ("Video · Seller-owned", "self_video", "video"),
    ("Video · Affiliate", "influencer", "video"),
    ("LIVE · Seller-owned", "live", "live"),
    ("LIVE · Affiliate", "influencer", "live"),
    ("Product card · Seller-owned", "product_card", "product_card"),
    ("GMV Max · Seller-owned", "paid", "ads"),
]
SPANISH_LABELS = [
    ("Vídeo · Propio", "self_video", "video"),
    ("Vídeo · Afiliado", "influencer", "video"),
    ("LIVE · Propio", "live", "live"),
    ("LIVE · Afiliado", "influencer", "live"),
    ("Tarjeta de producto · Propio", "product_card", "product_card"),
    ("GMV Max · Propio", "paid", "ads"),
]
TWO_WEEKS_RESULT = {
    # two weeks can't make a channel stable (6 needed): nothing to stock up on yet
    "stock_up": False,
    "safe_weekly_orders": 0.0,
    "channels": {
        "self_video": {"verdict": "emerging", "orders_per_week": 315.0},
        "influencer": {"verdict": "emerging", "orders_per_week": 315.0},
        "paid": {"verdict": "emerging", "orders_per_week": 525.0},
        "live": {"verdict": "emerging", "orders_per_week": 105.0},
        "product_card": {"verdict": "emerging", "orders_per_week": 420.0},
    },
    "warnings": [],
}


def read(name: str, **options: object) -> ChannelInputs:
    reading = read_file((EXPORTS / name).read_bytes(), name, **options)  # type: ignore[arg-type]
    assert reading.problems == ()
    assert reading.inputs is not None
    return reading.inputs


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("carrier_source_en.csv", ENGLISH_LABELS),  # Seller Center in English: $5,350.00, yyyy-mm-dd
        ("carrier_source_es.csv", SPANISH_LABELS),  # Spain: ';', dd/mm/yyyy, 1.234,56 €, a title line
        ("carrier_source_mx.csv", SPANISH_LABELS),  # Mexico: ',', dd/mm/yyyy, MX$45,230.50, a title line
        ("carrier_source_title_en.xlsx", ENGLISH_LABELS),  # .xlsx: date range and a blank row over the header
    ],
)
def test_carrier_by_source_exports_use_both_label_columns(
    name: str, labels: list[tuple[str, str, str]]
) -> None:
    inputs = read(name)
    sales = inputs.sales
    assert sales.weeks == ("2026-W41", "2026-W42")
    assert sales.orders == CARRIER_SOURCE_ORDERS
    assert sales.gmv is not None and sales.gmv["self_video"] == (210 * 25.5, 420 * 25.5)
    assert [(m.label, m.channel, m.carrier) for m in sales.labels] == labels
    assert not [
        n for n in sales.notes if n.code == "duplicates_summed"
    ]  # video and LIVE affiliates: two rows
    assert result_json(assess(inputs)) == TWO_WEEKS_RESULT


def test_spanish_wide_export_reads_orders_and_leaves_totals_out() -> None:
    inputs = read("wide_es.csv")
    # the wide export has no source split: "Pedidos de vídeos" is all video orders, read as own video
    assert inputs.sales.orders == {
        "self_video": (350.0, 700.0),
        "influencer": (0.0, 0.0),
        "paid": (0.0, 0.0),
        "live": (140.0, 280.0),
        "product_card": (280.0, 560.0),
    }
    assert inputs.sales.gmv is not None and inputs.sales.gmv["live"] == (140 * 25.5, 280 * 25.5)  # 3.570,00 €
    assert [note.describe("es") for note in inputs.sales.notes] == [
        "wide_es.csv, fila 3: los encabezados están en esta fila; se omitieron las líneas de título o de "
        "periodo de arriba.",
        "wide_es.csv: GMV total (€), Pedidos totales: son totales o notas, no canales, así que se dejaron fuera "
        "(nunca se suman).",
        "wide_es.csv: GMV de vídeos (€), Pedidos de vídeos: el archivo no dice "
        "quién hizo este contenido, así que todo se leyó como propio. Los pedidos de creadores solo se cuentan "
        "aparte con una exportación por tipo de contenido y origen (Propio, Afiliado).",
    ]


def test_an_unknown_source_is_listed_and_its_rows_left_out_until_mapped() -> None:
    name = "carrier_source_unknown_en.csv"
    reading = read_file((EXPORTS / name).read_bytes(), name)
    assert reading.unmapped == (UnmappedLabel(column="Source", label="Partner", rows=14),)
    assert reading.inputs is not None
    assert reading.inputs.sales.orders == CARRIER_SOURCE_ORDERS  # the 14 Partner rows are not counted
    assert reading.notes[0].describe("en") == (
        "carrier_source_unknown_en.csv, column “Source”: “Partner” is not a channel we know; its 14 row(s) "
        "are left out until you say what it is (the choice is under the upload)."
    )
    mapped = read(name, mapping={"Partner": "influencer"})
    assert mapped.sales.orders["influencer"] == (280.0, 560.0)  # + 10 a day, doubled in week 42
    assert ("Video · Partner", "influencer", True) in [
        (m.label, m.channel, m.chosen) for m in mapped.sales.labels
    ]
    ignored = read(name, mapping={"Partner": "ignore"})
    assert ignored.sales.orders == CARRIER_SOURCE_ORDERS


@pytest.mark.parametrize(
    ("name", "lang", "start", "found"),
    [
        ("affiliate_creators_en.xlsx", "en", "affiliate_creators_en.xlsx: this is the Affiliate Center creator list",
         "Creator name, Affiliate GMV, Items sold, Est. commission, Videos, LIVE streams"),
        ("affiliate_creators_es.xlsx", "es",
         "affiliate_creators_es.xlsx: es la lista de creadores del Centro de Afiliados",
         "Nombre del creador, GMV del afiliado, Artículos vendidos, Comisión, Videos"),
    ],
)  # fmt: skip
def test_the_creator_list_says_it_has_no_weeks_and_what_to_download(
    name: str, lang: str, start: str, found: str
) -> None:
    reading = read_file((EXPORTS / name).read_bytes(), name)
    assert reading.inputs is None
    (problem,) = reading.problems
    text = problem.describe(lang)  # type: ignore[arg-type]
    assert text.startswith(start)
    assert "Seller Center" in text and found in text
    assert ("weekly trend" if lang == "en" else "tendencia semanal") in text


def test_a_file_where_nothing_maps_asks_for_every_label() -> None:
    data = b"date,channel,orders\n2026-01-05,Podcast,3\n2026-01-05,Radio,2\n"
    reading = read_file(data, "odd.csv")
    assert reading.inputs is None
    assert [p.describe("en") for p in reading.problems] == [
        "odd.csv: none of the labels in this file is a channel we know (2 label(s)). Say what each one is below "
        "and the file will be read again."
    ]
    assert [(u.label, u.rows) for u in reading.unmapped] == [("Podcast", 1), ("Radio", 1)]
    again = read_file(data, "odd.csv", mapping={"Podcast": "self_video", "Radio": "ignore"})
    assert again.inputs is not None and again.inputs.sales.orders["self_video"] == (3.0,)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["$5,350.00", "$12.50"], [5350.0, 12.5]),
        (["1.234,56 €", "12,5 €"], [1234.56, 12.5]),
        (["MX$45,230.50", "MX$1,234,567"], [45230.5, 1234567.0]),
        (["R$ 1.200", "R$ 3,50"], [1200.0, 3.5]),  # one decimal comma decides the column
        (["US$ 1,200", "US$ 3.50"], [1200.0, 3.5]),  # one decimal point decides the column
        (["1.234", "12"], [1234.0, 12.0]),  # only thousands can be meant
        (["--", "-", "", "7"], [0.0, 0.0, 0.0, 7.0]),  # missing, never an error
        (["COP 1.234.567", "COP 25.000"], [1234567.0, 25000.0]),
        (["RM12.90", "RM 3"], [12.9, 3.0]),
    ],
)
def test_numbers_as_sellers_write_them(cells: list[str], expected: list[float]) -> None:
    rows = "\n".join(f'2026-01-05,Video,"{cell}"' for cell in cells)
    reading = read_file(f"date,channel,orders\n{rows}\n".encode(), "n.csv")
    assert reading.problems == ()
    assert reading.inputs is not None
    assert reading.inputs.sales.orders["self_video"] == (sum(expected),)
