"""Spreadsheets as sellers upload them: any layout (title lines, two-level headers, description rows,
any sheet), any encoding and delimiter, and numbers and dates in any notation, read per column."""

from content_logic.sheets.cells import MISSING_MARKS, parse_number, parse_rate
from content_logic.sheets.dates import DateColumn, parse_date_column
from content_logic.sheets.numbers import DecimalMark, NumberColumn, parse_number_column, parse_rate_column
from content_logic.sheets.reader import MAX_UPLOAD_BYTES, UNREADABLE_CODES, Sheet, read_sheet, read_table

__all__ = [
    "MAX_UPLOAD_BYTES",
    "MISSING_MARKS",
    "UNREADABLE_CODES",
    "DateColumn",
    "DecimalMark",
    "NumberColumn",
    "Sheet",
    "parse_date_column",
    "parse_number",
    "parse_number_column",
    "parse_rate",
    "parse_rate_column",
    "read_sheet",
    "read_table",
]
