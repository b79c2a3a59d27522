"""The PDF writer (``exports.pdf``): lines broken by the fonts' own widths, and the fonts
parsed once yet never carrying one document's text into the next."""

from __future__ import annotations

import io
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from csprcore.exports import pdf
from csprcore.exports.document import Block, Report

MADE = datetime(2026, 12, 1, 9, 0)


def report(text: str) -> Report:
    return Report("A report", [Block("Rows", [("Name", text), ("Long", text * 20)])], "Made.")


def test_a_later_pdf_is_the_same_bytes_as_the_same_pdf_made_first() -> None:
    """Fonts are parsed once for all documents; a document made after another (whose names
    used other letters) is byte for byte what it would be if it were the first, so none of
    the other's glyphs or text is embedded in it."""
    plain = report("Zoe Adams, Grimsby")
    other = report("Ілля Nguyễn, Łukasz Żółć, Ἀθῆναι")
    pdf._PARSED.clear()
    first = pdf.render(plain, MADE)
    pdf.render(other, MADE)
    assert pdf.render(plain, MADE) == first
    pdf._PARSED.clear()
    assert pdf.render(plain, MADE) == first
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(first)).pages)
    assert "Ілля" not in text and "Zoe Adams, Grimsby" in text


def test_every_line_fits_and_no_word_is_lost() -> None:
    pdf._PARSED.clear()
    doc = pdf.document("t", MADE)
    doc.set_font(pdf.FONT, "", 10)
    text = "A short line.\nThen a much longer paragraph " + "word " * 60 + "\n\nEnd."
    lines = pdf._wrap(doc, text, 60)
    room = 60 - 2 * doc.c_margin
    assert all(doc.get_string_width(line) <= room + 1e-6 for line in lines)
    assert " ".join(" ".join(lines).split()) == " ".join(text.split())
    assert lines[0] == "A short line." and "" in lines  # the blank line is kept


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Zoë-Łukasz\n,."), max_size=300),
       st.floats(min_value=8, max_value=180))  # fmt: skip
def test_wrapping_keeps_every_character_and_fits(text: str, width: float) -> None:
    doc = pdf.document("t", MADE)
    doc.set_font(pdf.FONT, "B", 10)
    lines = pdf._wrap(doc, text, width)
    room = width - 2 * doc.c_margin
    for line in lines:
        # A single character wider than the line is the only line allowed to overflow.
        assert doc.get_string_width(line) <= room + 1e-6 or len(line) == 1
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
