"""Text cells a spreadsheet opens as text: no formula can come from untrusted text (CSV injection)."""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "text_cell"]

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: object) -> object:
    """``value`` ready for a CSV cell: text that a spreadsheet would run as a formula gets a leading
    single quote (shown as text, not run); numbers, such as a negative longitude, stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
