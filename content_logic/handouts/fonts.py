"""The Unicode font every handout embeds, so Spanish accents, ñ, € and MX$ print on any reader.

DejaVu Sans comes from Debian's ``fonts-dejavu-core`` (regular, bold) and ``fonts-dejavu-extra``
(oblique); ``scripts/system-deps.sh`` installs them. PDF's built-in Helvetica has no ``€`` in its
Latin-1 encoding and no way to embed, so it is never a fallback.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from functools import cache
from pathlib import Path

from fontTools import subset
from pydantic import BaseModel, ConfigDict

FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/local/share/fonts/truetype/dejavu"),
)
"""Where Debian (and a hand install) put DejaVu; the first folder holding the regular face wins."""

FAMILY = "DejaVu"
"""The family name handouts use inside the PDF."""


PRINTED_CHARACTERS: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1 and Latin Extended-A: á é í ó ú ñ ü ¿ ¡ º ª and the rest of Western Europe
    (0x2009, 0x2009),  # thin space
    (0x2010, 0x2026),  # dashes, quotes, bullet, ellipsis
    (0x202F, 0x202F),  # narrow no-break space (number formats put it before % and units)
    (0x20AC, 0x20AC),  # euro sign
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),  # minus sign
    (0x2248, 0x2248),  # almost equal
    (0x2264, 0x2265),  # at most, at least
    (0x2022, 0x2022),  # bullet
    (0x25A0, 0x25CF),  # squares, triangles and circles that mark statuses
    (0x2600, 0x27BF),  # symbols and dingbats: ⚠ ✓ ✔ ✗ ✘ ★ (those DejaVu has)
)
"""The characters handouts print: a font cut to these parses in milliseconds instead of ~0.2 s a face."""


EMOJI_AS_TEXT: dict[str, str] = {
    "\u2705": "\u2713",  # ✅ → ✓
    "\u274c": "\u2717",  # ❌ → ✗
    "\u2714\ufe0f": "\u2714",
    "\U0001f534": "\u25cf",  # 🔴 → ●
    "\U0001f7e0": "\u25cf",  # 🟠 → ●
    "\U0001f7e1": "\u25cf",  # 🟡 → ●
    "\U0001f7e2": "\u25cb",  # 🟢 → ○
    "\u2b50": "\u2605",  # ⭐ → ★
    "\ufe0f": "",  # emoji presentation selector: the plain glyph prints instead
}
"""Colour emoji the app's texts use, as the nearest glyph DejaVu Sans has (a PDF embeds no emoji font)."""


class FontFiles(BaseModel):
    """The font files of one family, by fpdf2 style (``""`` regular, ``B``, ``I``, ``BI``)."""

    model_config = ConfigDict(frozen=True)

    styles: dict[str, Path]


class FontMissing(RuntimeError):
    """No DejaVu Sans on this machine: says which Debian package to install."""


_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}


def font_files(dirs: tuple[Path, ...] | None = None) -> FontFiles:
    """The DejaVu Sans faces found; a missing oblique face falls back to upright (text still prints)."""
    for folder in FONT_DIRS if dirs is None else dirs:
        if (folder / _FILES[""]).is_file():
            found = {style: folder / name for style, name in _FILES.items() if (folder / name).is_file()}
            found.setdefault("B", found[""])
            found.setdefault("I", found[""])
            found.setdefault("BI", found["B"])
            return FontFiles(styles=found)
    raise FontMissing(
        "PDF handouts need the DejaVu Sans font: install Debian's fonts-dejavu-core "
        "(apt-get install fonts-dejavu-core fonts-dejavu-extra, or run scripts/system-deps.sh as root)"
    )


def fonts_available() -> bool:
    """Whether this machine has the font handouts embed (pages say how to install it when not)."""
    try:
        font_files()
    except FontMissing:
        return False
    return True


@cache
def embeddable_fonts() -> FontFiles:
    """DejaVu Sans cut to ``PRINTED_CHARACTERS``, written once per process to a temporary folder.

    The full faces (700 KB each, with every script's layout tables) cost fpdf2 about a second to
    parse and subset per PDF; the cut faces keep every glyph a handout prints.
    """
    source = font_files()
    wanted = [code for first, last in PRINTED_CHARACTERS for code in range(first, last + 1)]
    digest = hashlib.sha256(repr((sorted(source.styles.items()), wanted)).encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"content-logic-fonts-{digest}"
    folder.mkdir(exist_ok=True)
    cut: dict[str, Path] = {}
    options = subset.Options()
    options.layout_features = []  # no kerning or ligatures: plain text, fast to parse
    options.name_IDs = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge's timestamp table: nothing reads it
    for style, path in source.styles.items():
        target = folder / f"{style or 'R'}-{path.name}"
        if not target.is_file():
            font = subset.load_font(str(path), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=wanted)
            subsetter.subset(font)
            partial = target.with_suffix(".partial")
            subset.save_font(font, str(partial), options)
            partial.replace(target)  # atomic: another process never reads a half-written face
        cut[style] = target
    return FontFiles(styles=cut)


@cache
def _printable_codes() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(embeddable_fonts().styles[""]), lazy=True)
    return frozenset(font.getBestCmap())


_EMOJI = re.compile("|".join(sorted(map(re.escape, EMOJI_AS_TEXT), key=len, reverse=True)))


def printable(text: str) -> str:
    """The text with emoji as their nearest glyph and characters the font lacks dropped (never a box)."""
    text = _EMOJI.sub(lambda match: EMOJI_AS_TEXT[match.group(0)], text)
    codes = _printable_codes()
    if all(ord(char) in codes or char in "\n\r\t" for char in text):
        return text
    return "".join(char for char in text if ord(char) in codes or char in "\n\r\t")
