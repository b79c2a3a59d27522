"""The one CSV writer: every CSV file the project makes (the register, its timeliness report,
the action plan) is written here, so every cell gets the same protection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Final

#: Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
BOM: Final = "\ufeff"
CSV_MIME: Final = "text/csv"
#: Excel, LibreOffice and Google Sheets run a cell that starts with one of these as a formula
#: (a tab or carriage return is stripped first, so the next character would run): such a
#: cell is written with a leading apostrophe, which they show as text (OWASP's advice on
#: CSV injection).
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """``value`` as it is safe to write: a string that a spreadsheet would run as a formula
    is neutralised; numbers stay numbers (a negative number is data, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, CRLF line ends, quoted where a field holds a comma, a
    quote or a line break (RFC 4180, as Excel writes it), every cell through ``cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(v) for v in header])
    writer.writerows([cell(v) for v in row] for row in rows)
    return (BOM + out.getvalue()).encode("utf-8")


def as_typed(value: str) -> str:
    """A cell read back as it was typed: the apostrophe ``cell`` puts before a formula's
    first character comes off again."""
    value = value.strip()
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


def sheet_text(data: str | bytes, name: str, field: str, limit: int) -> str:
    """A spreadsheet saved as CSV, as text: UTF-8, a byte-order mark or not; refused,
    naming the file on ``field``, when it is too big, not UTF-8, or not text at all (a
    workbook, or any file with a NUL byte, which no spreadsheet writes in a CSV)."""
    from ..errors import InputError

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > limit:
        raise InputError.one(field, f"{name} is too big: a sheet is under {limit // 1_000_000} MB")
    save_as = "save it as \u201cCSV UTF-8\u201d"
    if raw.startswith(b"PK\x03\x04"):
        raise InputError.one(field, f"{name} is a workbook, not a CSV file: {save_as}")
    if b"\x00" in raw:
        raise InputError.one(field, f"{name} is not a CSV file: {save_as}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError.one(field, f"{name} is not UTF-8 text: {save_as}") from None
