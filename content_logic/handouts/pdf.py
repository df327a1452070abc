"""Draw a ``Handout`` as an A4 PDF with fpdf2: embedded DejaVu Sans, vector charts, a vector QR code."""

from __future__ import annotations

import re

import segno
from fpdf import FPDF
from fpdf.fonts import FontFace
from pydantic import BaseModel, ConfigDict

from content_logic.handouts.blocks import (
    Block,
    Figure,
    Handout,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    QrCode,
    Table,
)
from content_logic.handouts.charts import draw_figure
from content_logic.handouts.fonts import FAMILY, embeddable_fonts, printable


class PageStyle(BaseModel):
    """Sizes of an A4 handout, in millimetres and points."""

    model_config = ConfigDict(frozen=True)

    margin: float = 18
    """Wide enough for a hole punch and a printer's unprintable edge."""
    body_size: float = 10.5
    """Readable printed text without the page count ballooning."""
    line_height: float = 5.4
    """About 1.4 × the body size, the usual comfortable leading."""
    heading_sizes: tuple[float, float, float] = (20, 14, 12)
    """Title, section, subsection."""
    note_color: tuple[int, int, int] = (120, 60, 0)
    """Instructor text (notes, solutions) in a dark orange that still prints legibly in grey."""
    chart_height: float = 70
    """A chart fits twice on a page with its text."""
    qr_size: float = 38
    """Scannable from a printed page by any phone camera."""


STYLE = PageStyle()
_SINGLE_STARS = re.compile(r"(?<!\*)\*([^*\s][^*]*)\*(?!\*)")
_MARKS = re.compile(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|_[^_\s][^_]*_)")


class _Pdf(FPDF):
    footer_text = ""

    def normalize_text(self, text: str) -> str:
        """Every string fpdf2 prints passes here: emoji become glyphs the embedded font has."""
        return super().normalize_text(printable(text))

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"{self.footer_text}   {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)


def _runs(text: str) -> list[tuple[str, str]]:
    """``(style, words)`` pieces of a line with ``**bold**`` and ``*italic*`` marks."""
    runs = []
    for piece in _MARKS.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            runs.append(("B", piece[2:-2]))
        elif piece[0] in "*_" and piece[-1] == piece[0] and len(piece) > 2:
            runs.append(("I", piece[1:-1]))
        else:
            runs.append(("", piece))
    return runs


def _write(pdf: FPDF, text: str, *, size: float, base: str = "") -> None:
    for style, words in _runs(text):
        pdf.set_font(FAMILY, "".join(sorted(set(base + style))) or "", size)
        pdf.write(STYLE.line_height, words)
    pdf.ln(STYLE.line_height)


def _heading(pdf: FPDF, block: Heading) -> None:
    size = STYLE.heading_sizes[block.level - 1]
    if pdf.will_page_break(size * 1.6):  # never strand a heading at a page's foot
        pdf.add_page()
    pdf.ln(2 if block.level == 1 else 3)
    pdf.set_font(FAMILY, "B", size)
    pdf.multi_cell(0, size * 0.5, block.text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _paragraph(pdf: FPDF, block: Paragraph) -> None:
    size = STYLE.body_size - (1.5 if block.style == "small" else 0)
    if block.style == "note":
        pdf.set_text_color(*STYLE.note_color)
    if block.style == "quote":
        pdf.set_left_margin(STYLE.margin + 6)
        pdf.set_x(STYLE.margin + 6)
    _write(pdf, block.text, size=size, base="I" if block.style == "quote" else "")
    pdf.set_left_margin(STYLE.margin)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def _items(pdf: FPDF, block: Items) -> None:
    if block.style == "note":
        pdf.set_text_color(*STYLE.note_color)
    for number, item in enumerate(block.items, start=1):
        pdf.set_x(STYLE.margin + 2)
        pdf.set_font(FAMILY, "", STYLE.body_size)
        pdf.cell(6, STYLE.line_height, f"{number}." if block.numbered else "•")
        pdf.set_left_margin(STYLE.margin + 8)
        _write(pdf, item, size=STYLE.body_size)
        pdf.set_left_margin(STYLE.margin)
        pdf.ln(0.8)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def _table(pdf: FPDF, block: Table) -> None:
    pdf.set_font(FAMILY, "", STYLE.body_size - 1)
    pdf.set_fill_color(255, 255, 255)
    heading = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    with pdf.table(
        line_height=STYLE.line_height - 0.6,
        text_align="LEFT",
        headings_style=heading,
        padding=1,
        markdown=True,  # fpdf2's marks: **bold** as in the lesson; single-star italics dropped below
    ) as table:
        for cells in [block.header, *block.rows]:
            row = table.row()
            for cell in cells:
                row.cell(_SINGLE_STARS.sub(r"\1", cell).replace("--", "\u2013"))
    pdf.ln(3)


def _qr(pdf: FPDF, block: QrCode) -> None:
    code = segno.make(block.url, error="m")
    matrix = [list(row) for row in code.matrix_iter(scale=1, border=0)]
    size = STYLE.qr_size
    if pdf.will_page_break(size + 14):
        pdf.add_page()
    module = size / len(matrix)
    left, top = pdf.l_margin, pdf.get_y()
    pdf.set_fill_color(0, 0, 0)
    for row_number, row in enumerate(matrix):
        for col_number, dark in enumerate(row):
            if dark:
                pdf.rect(left + col_number * module, top + row_number * module, module, module, style="F")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_y(top + size + 2)
    pdf.set_font(FAMILY, "", STYLE.body_size - 2)
    pdf.multi_cell(0, 4, f"{block.caption}\n{block.url}".strip(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _figure(pdf: FPDF, block: Figure) -> None:
    height = STYLE.chart_height
    if pdf.will_page_break(height + 10):
        pdf.add_page()
    top = pdf.get_y()
    draw_figure(pdf, block.figure, x=pdf.l_margin, y=top, w=pdf.epw, h=height, family=FAMILY)
    pdf.set_xy(pdf.l_margin, top + height + 2)
    if block.caption:
        _write(pdf, block.caption, size=STYLE.body_size - 1.5, base="I")
    pdf.ln(2)


def _draw(pdf: FPDF, block: Block, first: bool) -> None:
    if isinstance(block, PageBreak):
        if not first:
            pdf.add_page()
    elif isinstance(block, Heading):
        _heading(pdf, block)
    elif isinstance(block, Paragraph):
        _paragraph(pdf, block)
    elif isinstance(block, Items):
        _items(pdf, block)
    elif isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, QrCode):
        _qr(pdf, block)
    elif isinstance(block, Figure):
        _figure(pdf, block)


def render_pdf(handout: Handout) -> bytes:
    """The handout as PDF bytes: A4, fonts embedded, its title and language in the metadata."""
    pdf = _Pdf(format="A4", unit="mm")
    pdf.footer_text = handout.footer
    for style, path in embeddable_fonts().styles.items():
        pdf.add_font(FAMILY, style, str(path))
    pdf.set_margins(STYLE.margin, STYLE.margin, STYLE.margin)
    pdf.set_auto_page_break(True, margin=STYLE.margin)
    pdf.set_title(handout.title)
    pdf.set_lang(handout.lang)
    pdf.set_creator("Content Logic Companion")
    pdf.add_page()
    for number, block in enumerate(handout.blocks):
        _draw(pdf, block, first=number == 0)
    return bytes(pdf.output())
