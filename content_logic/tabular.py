"""Read the spreadsheets sellers really upload: CSV in any common encoding and delimiter, or .xlsx."""

from __future__ import annotations

import csv
import io
import math
import re

import pandas as pd

from content_logic.problems import InputError, Problem

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
"""Uploads above 20 MB are refused: two years of daily rows per channel fit in well under 1 MB."""

DELIMITERS = ",;\t|"
"""Spanish-locale spreadsheets save CSV with ';' (the comma is their decimal mark)."""

SNIFF_BYTES = 64 * 1024
"""How much of the text the delimiter sniffer reads; enough for hundreds of rows."""

HEADER_SEARCH_LINES = 20
"""Exports sometimes open with title lines ("Date range: 01/09/2026 - 30/09/2026"); the header is the
first of the first 20 lines with two or more filled fields."""

XLSX_MAGIC = b"PK\x03\x04"
"""An .xlsx file is a zip archive."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
"""The old binary .xls format (Excel 97–2003)."""

_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}([.,\s]\d{3})+)?([.,]\d+)?$")


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1 as Excel writes them."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def _delimiter(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] else ","


def _clean_headers(frame: pd.DataFrame) -> pd.DataFrame:
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return frame


def _header_line(text: str, delimiter: str) -> int:
    """Index (from 0) of the header line: leading title or blank lines (one field at most) are skipped."""
    head = text[:SNIFF_BYTES].splitlines()[:HEADER_SEARCH_LINES]
    for index, fields in enumerate(csv.reader(head, delimiter=delimiter)):
        if sum(1 for field in fields if field.strip()) >= 2:
            return index
    return 0


def _numbered(frame: pd.DataFrame, first_row: int) -> pd.DataFrame:
    """Index rows by their spreadsheet row number, then drop the wholly empty ones (numbers stay true)."""
    frame.index = pd.RangeIndex(first_row, first_row + len(frame))
    frame = frame.dropna(how="all")
    return _clean_headers(frame.astype(object).where(frame.notna(), None))


def read_table(data: bytes, filename: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> pd.DataFrame:
    """Every cell as text (``None`` when empty), headers stripped; raise ``InputError`` if unreadable.

    The index is each row's spreadsheet row number as the user sees it (the header is row 1 unless
    title lines come first), so messages can name the right row even after blank rows.
    """
    name = filename or "upload"
    if len(data) > max_bytes:
        raise InputError(
            [
                Problem(
                    code="too_large",
                    file=name,
                    values={"size_mb": round(len(data) / 1_048_576, 1), "max_mb": max_bytes // 1_048_576},
                )
            ]
        )
    if not data.strip():
        raise InputError([Problem(code="empty_file", file=name)])
    if data.startswith(OLE_MAGIC):
        raise InputError([Problem(code="old_excel", file=name)])
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data, name)
    if _looks_binary(data):
        raise InputError([Problem(code="binary_file", file=name)])
    text = _decode(data)
    delimiter = _delimiter(text)
    header = _header_line(text, delimiter)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=True,
            skip_blank_lines=False,
            skiprows=header,
            index_col=False,  # rows ending in a delimiter must not turn column 1 into the index
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise InputError(
            [Problem(code="unreadable_csv", file=name, values={"detail": str(exc)[:200]})]
        ) from None
    if frame.empty and not len(frame.columns):
        raise InputError([Problem(code="empty_file", file=name)])
    return _numbered(frame, first_row=header + 2)


def _read_xlsx(data: bytes, name: str) -> pd.DataFrame:
    try:
        frame = pd.read_excel(io.BytesIO(data), sheet_name=0, dtype=str, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types for a damaged or renamed file
        raise InputError(
            [Problem(code="unreadable_xlsx", file=name, values={"detail": str(exc)[:200]})]
        ) from None
    frame = _numbered(frame, first_row=2)
    if frame.empty:
        raise InputError([Problem(code="empty_file", file=name)])
    return frame


def parse_number(value: object) -> float | None:
    """A number from a cell: ``12``, ``12.5``, ``12,5``, ``1.234,5``, ``1,234.5``, ``1 234``; else ``None``.

    A single separator followed by exactly three digits (``1.234``, ``1,234``) is read as thousands,
    as both English and Spanish spreadsheets write whole order counts that way.
    """
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace("\u00a0", " ").removesuffix("%").strip()
    if not text or not _NUMBER.match(text):
        return None
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("+-").replace(" ", "")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 1:
        mark = "." if dots else ","
        integer, fraction = text.split(mark)
        thousands = integer[:1] not in ("", "0") and len(fraction) == 3
        decimal = "" if thousands else mark  # "1.234" is thousands, "0,125" a fraction
    else:
        decimal = ""  # no mark, or one repeated ("1.234.567"): thousands only
    integer, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    digits = re.sub(r"[.,]", "", integer) or "0"
    return float(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}")
