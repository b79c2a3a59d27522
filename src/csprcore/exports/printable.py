"""Which characters the PDFs can show.

The PDFs embed DejaVu Sans cut down to the scripts fpdf2 prints correctly without text
shaping (``scripts/subset_fonts.py``). Anything else (Chinese, Arabic, Bengali...) would print
as an empty box, a silent loss in a safeguarding record, so the core warns before a download,
naming the field, and the user can add the words in Latin letters. The JSON file always keeps
what was typed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from .printable_data import RANGES

_STARTS = [lo for lo, _ in RANGES]


def printable(char: str) -> bool:
    """Whether the PDF fonts have ``char`` (line breaks and tabs lay out as space)."""
    code = ord(char)
    if unicodedata.category(char) == "Cc":
        return True
    i = bisect_right(_STARTS, code) - 1
    return i >= 0 and code <= RANGES[i][1]


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` the PDF cannot show, in the order they first
    appear. Text is compared as the PDF prints it: composed (NFC), so an "e" with a separate
    accent counts as "é"."""
    seen: dict[str, None] = {}
    for char in unicodedata.normalize("NFC", text):
        if char not in seen and not printable(char):
            seen[char] = None
    return list(seen)
