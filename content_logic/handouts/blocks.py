"""A handout as a list of typed blocks, and the small CommonMark subset lessons use turned into them.

The PDF renderer (``handouts/pdf.py``) draws these blocks; keeping them pure data lets tests read a
handout's text without a PDF and keeps every wording decision out of the renderer.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Heading(BaseModel):
    """A section title; level 1 starts a new page in a multi-part handout."""

    model_config = _FROZEN
    kind: Literal["heading"] = "heading"
    text: str
    level: Annotated[int, Field(ge=1, le=3)] = 2


class Paragraph(BaseModel):
    """Running text with inline ``**bold**`` and ``*italic*`` (links and code reduced to their text)."""

    model_config = _FROZEN
    kind: Literal["paragraph"] = "paragraph"
    text: str
    style: Literal["body", "small", "note", "quote"] = "body"
    """``note`` is the instructor's voice (speaker notes, solutions): set apart so it can't be mistaken."""


class Items(BaseModel):
    """A bulleted or numbered list."""

    model_config = _FROZEN
    kind: Literal["items"] = "items"
    items: list[str]
    numbered: bool = False
    style: Literal["body", "note"] = "body"


class Table(BaseModel):
    """A table with a heading row."""

    model_config = _FROZEN
    kind: Literal["table"] = "table"
    header: list[str]
    rows: list[list[str]]


class Figure(BaseModel):
    """A chart: the plotly figure the page shows, as its JSON dict, drawn natively in the PDF."""

    model_config = _FROZEN
    kind: Literal["figure"] = "figure"
    figure: dict[str, object]
    caption: str = ""


class QrCode(BaseModel):
    """A QR code of a link, with the link printed under it for those who can't scan."""

    model_config = _FROZEN
    kind: Literal["qr"] = "qr"
    url: str
    caption: str = ""


class PageBreak(BaseModel):
    """Start the next block on a new page."""

    model_config = _FROZEN
    kind: Literal["page_break"] = "page_break"


Block = Heading | Paragraph | Items | Table | Figure | QrCode | PageBreak


class Handout(BaseModel):
    """A printable document: its title (also the PDF's metadata), language, footer line and blocks."""

    model_config = _FROZEN

    title: str
    lang: str
    footer: str = ""
    blocks: list[Block]


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def inline_text(text: str) -> str:
    """Markdown inline marks the renderer doesn't draw, reduced to plain text (links keep their words)."""
    text = _LINK.sub(r"\1", text)
    return text.replace("`", "").replace("\\", "")


def _cells(line: str) -> list[str]:
    return [inline_text(cell.strip()) for cell in line.strip().strip("|").split("|")]


def markdown_blocks(text: str, *, style: Literal["body", "note"] = "body") -> list[Block]:
    """Blocks of a lesson's CommonMark: ``##``/``###`` headings, paragraphs, lists, tables, quotes."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = inline_text(" ".join(part.strip() for part in paragraph))
            blocks.append(Paragraph(text=joined, style="note" if style == "note" else "body"))
            paragraph.clear()

    while index < len(lines):
        line = lines[index]
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            blocks.append(
                Heading(text=inline_text(heading.group(2)), level=min(max(len(heading.group(1)), 2), 3))
            )
        elif line.lstrip().startswith("|") and index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1]):
            flush()
            header, index = _cells(line), index + 2
            rows = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                row = _cells(lines[index])
                rows.append((row + [""] * len(header))[: len(header)])
                index += 1
            blocks.append(Table(header=header, rows=rows))
            continue
        elif _LIST_ITEM.match(line) and not paragraph:
            items: list[str] = []
            numbered = bool(_LIST_ITEM.match(line).group(1))  # type: ignore[union-attr]
            while index < len(lines) and lines[index].strip():
                item = _LIST_ITEM.match(lines[index])
                if item:
                    items.append(item.group(2).strip())
                elif items:  # a continuation line of the item above
                    items[-1] += " " + lines[index].strip()
                index += 1
            blocks.append(Items(items=[inline_text(i) for i in items], numbered=numbered, style=style))
            continue
        elif line.startswith(">"):
            flush()
            quoted = []
            while index < len(lines) and lines[index].startswith(">"):
                quoted.append(lines[index].lstrip("> ").strip())
                index += 1
            blocks.append(Paragraph(text=inline_text(" ".join(quoted)), style="quote"))
            continue
        else:
            paragraph.append(line)
        index += 1
    flush()
    return blocks


def plain_words(blocks: list[Block]) -> str:
    """Every word a handout prints, without marks: what a reader (or a test) finds in the PDF."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, Items):
            parts.extend(block.items)
        elif isinstance(block, Table):
            parts.extend(block.header + [cell for row in block.rows for cell in row])
        elif isinstance(block, Figure | QrCode):
            parts.append(block.caption)
    return re.sub(r"\*+", "", "\n".join(parts))
