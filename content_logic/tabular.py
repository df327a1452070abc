"""The spreadsheet reader's original names, kept so existing callers keep working; the reader
itself is the :mod:`content_logic.sheets` package (``read_sheet`` gives the layout notes too)."""

from content_logic.sheets import MAX_UPLOAD_BYTES, parse_number, read_table
from content_logic.sheets.source import DELIMITERS, OLE_MAGIC, XLSX_MAGIC

__all__ = ["DELIMITERS", "MAX_UPLOAD_BYTES", "OLE_MAGIC", "XLSX_MAGIC", "parse_number", "read_table"]
