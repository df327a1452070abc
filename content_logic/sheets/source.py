"""From bytes to rows of text: the file's kind, its encoding and delimiter, a workbook's sheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence

from python_calamine import CalamineWorkbook

from content_logic.problems import InputError, Problem
from content_logic.sheets.layout import KnownLabel, Row, find_header, header_score

DELIMITERS = ",;\t|"
"""Spanish-locale spreadsheets save CSV with ';' (the comma is their decimal mark)."""

HEAD_BYTES = 64 * 1024
"""How much text is looked at to find the header and the delimiter; enough for hundreds of rows."""

HEAD_ROWS = 60
"""Rows kept for finding the header (and the rows under it that show which columns hold numbers)."""

XLSX_MAGIC = b"PK\x03\x04"
"""An .xlsx file is a zip archive."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
"""The old binary .xls format (Excel 97–2003)."""

_SEP_HINT = re.compile(r"^\ufeff?sep=(.)\s*$")  # Excel's "sep=;" first line names the delimiter


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:200]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 3:
        return "utf-16-le"
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 3:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 (with or without BOM), else Windows-1252 as Excel writes it;
    ``None`` for binary data that isn't text in any of them."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if encoding := _utf16_without_bom(data):
        return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _head(text: str) -> str:
    head = text[:HEAD_BYTES]
    return head if len(text) <= HEAD_BYTES else head[: head.rfind("\n") + 1] or head


def _rows(head: str, delimiter: str) -> list[list[str | None]]:
    reader = csv.reader(io.StringIO(head), delimiter=delimiter, skipinitialspace=True)
    rows: list[list[str | None]] = []
    try:
        for record in reader:
            rows.append([cell if cell.strip() else None for cell in record])
            if len(rows) >= HEAD_ROWS:
                break
    except csv.Error:
        pass  # a broken quote in the head: keep what was read; pandas reports the real problem
    return rows


def csv_head(text: str, is_known_label: KnownLabel | None) -> tuple[str, int, list[list[str | None]]]:
    """The delimiter, the number of leading lines that are not part of the table (Excel's ``sep=``
    hint), and the first rows split by that delimiter.

    The delimiter is the one whose header line has the most known labels, then whose rows under the
    header have the header's width, then whose header has the most cells that read as labels: a
    title line or a decimal comma in the numbers can't decide it.
    """
    head = _head(text)
    first_line, _, rest = head.partition("\n")
    if hint := _SEP_HINT.match(first_line):
        return hint.group(1), 1, _rows(rest, hint.group(1))
    best: tuple[str, tuple[int, float, int], list[list[str | None]]] = (",", (-1, -1.0, -1), _rows(head, ","))
    for delimiter in DELIMITERS:
        rows = best[2] if delimiter == "," else _rows(head, delimiter)
        header = find_header(rows, is_known_label)
        if header is None:
            continue
        known, labels = header_score(rows[header], is_known_label)
        width = len(rows[header])
        below = [row for row in rows[header + 1 :] if any(row)]
        consistent = sum(1 for row in below if abs(len(row) - width) <= 1)  # one trailing delimiter is fine
        score = (known, round(consistent / len(below), 1) if below else 0.0, labels)
        if score > best[1]:
            best = (delimiter, score, rows)
    return best[0], 0, best[2]


def _cell_text(value: object) -> str | None:
    """A workbook cell as the text a CSV export of it would hold (numbers unambiguous, ISO dates)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        if "e" in text:  # 1e-05: written out, as the column parsers read plain decimals only
            text = f"{value:.17f}".rstrip("0").rstrip(".")
        # "1.234" would read as thousands; a workbook number is exact, so say it with four decimals
        return f"{text}0" if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text) else text
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


class Workbook:
    """An .xlsx file's sheets, each read once, as rows of text cells (``None`` when empty)."""

    def __init__(self, data: bytes, name: str) -> None:
        try:
            zipfile.ZipFile(io.BytesIO(data)).close()  # its message ("File is not a zip file") is clearer
            self._book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            self.names: tuple[str, ...] = tuple(self._book.sheet_names)
        except Exception as exc:  # calamine raises several types for a damaged or renamed file
            raise InputError(
                [Problem(code="unreadable_xlsx", file=name, values={"detail": str(exc)[:200]})]
            ) from None
        self._name = name
        self._rows: dict[str, list[list[str | None]]] = {}

    def rows(self, sheet: str) -> list[list[str | None]]:
        """Every row of ``sheet`` from row 1 (blank rows kept, so indices are row numbers − 1)."""
        if sheet not in self._rows:
            try:
                raw = self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:
                detail: dict[str, str | int | float] = {"detail": str(exc)[:200]}
                raise InputError([Problem(code="unreadable_xlsx", file=self._name, values=detail)]) from None
            self._rows[sheet] = [[_cell_text(value) for value in row] for row in raw]
        return self._rows[sheet]

    def pick(self, is_known_label: KnownLabel | None) -> str:
        """The sheet whose header looks best (known labels, then labels, then rows of data)."""

        def score(sheet: str) -> tuple[int, int, int]:
            rows = self.rows(sheet)
            header = find_header(rows, is_known_label)
            if header is None:
                return (-1, -1, -1)
            known, labels = header_score(rows[header], is_known_label)
            return known, labels, min(len(rows) - header - 1, 1)

        return max(self.names, key=score)

    def find(self, wanted: str) -> str | None:
        """The sheet named ``wanted`` (exactly, else ignoring case and surrounding spaces)."""
        if wanted in self.names:
            return wanted
        folded = wanted.strip().casefold()
        return next((name for name in self.names if name.strip().casefold() == folded), None)


def trailing_empty(rows: Sequence[Row]) -> int:
    """How many columns at the right are empty in every row (workbooks pad rows to the widest)."""
    width = max((len(row) for row in rows), default=0)
    used = max((i + 1 for row in rows for i, cell in enumerate(row) if cell is not None), default=0)
    return width - used
