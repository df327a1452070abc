"""Reading a generated PDF back the way a person would: its text (pypdf) and its pages as images."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    """Every page's text with runs of whitespace folded, so a phrase matches across line breaks."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def pdf_pages(data: bytes) -> int:
    """How many pages the PDF has."""
    return len(PdfReader(io.BytesIO(data)).pages)


def render_pages(data: bytes, folder: Path, *, resolution: int = 40) -> list[Path]:
    """Every page drawn to PNG by poppler's pdftoppm (installed by scripts/system-deps.sh)."""
    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm is missing: run scripts/system-deps.sh (Debian's poppler-utils)"
    source = folder / "document.pdf"
    source.write_bytes(data)
    result = subprocess.run(
        [tool, "-r", str(resolution), "-png", str(source), str(folder / "page")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stderr.strip(), result.stderr  # poppler reports broken objects on stderr
    return sorted(folder.glob("page-*.png"))


def words(text: str) -> str:
    """Text as the PDF prints it: markdown marks gone, whitespace folded."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "")).strip()
