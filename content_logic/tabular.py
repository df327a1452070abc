"""The spreadsheet reader's two original names, kept so existing callers keep working; the reader
itself is the :mod:`content_logic.sheets` package."""

from content_logic.sheets import MAX_UPLOAD_BYTES, parse_number, read_table

__all__ = ["MAX_UPLOAD_BYTES", "parse_number", "read_table"]
