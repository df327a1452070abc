"""The handout's blocks: the CommonMark subset lessons use, and colours charts name."""

import pytest

from content_logic.handouts import Heading, Items, Paragraph, Table, markdown_blocks, plain_words
from content_logic.handouts.charts import rgb


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "## Shelf logic\n\nBuyers **search**.",
            [Heading(text="Shelf logic"), Paragraph(text="Buyers **search**.")],
        ),
        ("### Worked example", [Heading(text="Worked example", level=3)]),
        ("- one\n- two\n  continued", [Items(items=["one", "two continued"])]),
        ("1. first\n2. second", [Items(items=["first", "second"], numbered=True)]),
        ("See [the glossary](/glossary) and `code`.", [Paragraph(text="See the glossary and code.")]),
        (
            "| Channel | Orders |\n|---|---:|\n| Video | 12 |\n| LIVE |",
            [Table(header=["Channel", "Orders"], rows=[["Video", "12"], ["LIVE", ""]])],
        ),
        ("> a quote\n> on two lines", [Paragraph(text="a quote on two lines", style="quote")]),
        ("line one\nline two\n\n", [Paragraph(text="line one line two")]),
    ],
)
def test_markdown_blocks(markdown: str, expected: list[object]) -> None:
    assert markdown_blocks(markdown) == expected


def test_notes_keep_the_instructor_style() -> None:
    blocks = markdown_blocks("Ask the room.\n\n- one", style="note")
    assert [getattr(b, "style", None) for b in blocks] == ["note", "note"]


def test_plain_words_drop_the_marks() -> None:
    assert plain_words(markdown_blocks("**Stock** up *later*")) == "Stock up later"


@pytest.mark.parametrize(
    ("color", "expected"),
    [
        ("#0072B2", (0, 114, 178)),
        ("#abc", (170, 187, 204)),
        ("rgba(10, 20, 30, 0.5)", (10, 20, 30)),
        ("grey", (136, 136, 136)),
        (None, (136, 136, 136)),
        ("chartreuse-ish", (136, 136, 136)),
    ],
)
def test_plotly_colours(color: object, expected: tuple[int, int, int]) -> None:
    assert rgb(color) == expected
