"""Printable handouts: a document as typed blocks (pure), and its PDF drawn with fpdf2."""

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
    markdown_blocks,
    plain_words,
)
from content_logic.handouts.pdf import render_pdf

__all__ = [
    "Block",
    "Figure",
    "Handout",
    "Heading",
    "Items",
    "PageBreak",
    "Paragraph",
    "QrCode",
    "Table",
    "markdown_blocks",
    "plain_words",
    "render_pdf",
]
