"""PDF exports: every form's document, marked OFFICIAL-SENSITIVE on every page.

fpdf2 is imported only here and only when a PDF is asked for: it is the slowest import of the
core, and the browser loads it on the first export. DejaVu Sans is embedded, cut down to the
scripts fpdf2 prints correctly (``scripts/subset_fonts.py``), so names in Latin, Greek,
Cyrillic, Armenian or Georgian letters print as typed (Zoë, Łukasz, Nguyễn, Ілля); the form
warns before a download about anything else (``printable``).
"""

from __future__ import annotations

import copy
import unicodedata
from datetime import datetime
from importlib import resources
from typing import Any

from .document import MARKING, Report

FONT = "DejaVu"


def _font_path(name: str) -> str:
    # In the browser the fonts come in their own package, fetched only for PDFs.
    try:
        return str(resources.files("csprcore_fonts") / name)
    except ModuleNotFoundError:
        return str(resources.files("csprcore") / "fonts" / name)


FONT_FILES = (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"))
#: Each font as fpdf2 parsed it for the first document: (the font, the file's bytes). Never
#: given to a document itself, so never subset or written.
_PARSED: dict[str, tuple[Any, bytes]] = {}


def _add_font(pdf: Any, style: str, name: str) -> None:
    """The font added to ``pdf``, parsed once for all documents. Parsing took a third of a
    later PDF's time; a document is given its own copy of everything that a document changes
    (the font file fpdf2 cuts down to the glyphs used, the glyphs used, the widths looked
    up), and shares only what it reads (the character map, the metrics), so nothing of one
    document's text reaches the next."""
    key = f"{FONT.lower()}{style}"
    if style not in _PARSED:
        path = _font_path(name)
        pdf.add_font(FONT, style, path)
        with open(path, "rb") as file:
            raw = file.read()
        # The parsed font is kept; the document gets a copy, like every later one.
        _PARSED[style] = (copy.copy(pdf.fonts.pop(key)), raw)
    pdf.fonts[key] = _copy_font(_PARSED[style], len(pdf.fonts) + 1)


def _copy_font(parsed: tuple[Any, bytes], number: int) -> Any:
    from io import BytesIO

    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
    from fpdf.fonts import SubsetMap

    pristine, raw = parsed
    font = copy.copy(pristine)
    font.i = number
    font.ttfont = TTFont(BytesIO(raw), recalcTimestamp=False, lazy=True)
    font.cw = pristine.cw.copy()
    font.glyph_ids = dict(pristine.glyph_ids)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    return font


def document(title: str, made_at: datetime) -> Any:
    """An A4 document with the marking at the top of every page and the footer, the fonts
    added and its first page begun: every PDF (a form, a letter) starts from it."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    made = made_at.strftime("%d/%m/%Y %H:%M")

    class Document(FPDF):
        def multi_cell(  # type: ignore[override]
            self, w: float, h: float, text: str, **kwargs: Any
        ) -> Any:
            # fpdf2 justifies by default, which spreads short labels across the column.
            kwargs.setdefault("align", "L")
            # Composed, as ``printable`` checks it: fpdf2 cannot place a separate accent.
            return super().multi_cell(w, h, unicodedata.normalize("NFC", text), **kwargs)

        def header(self) -> None:
            self.set_font(FONT, "B", 10)
            self.set_text_color(0, 0, 0)
            self.cell(0, 6, MARKING, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(FONT, "", 8)
            self.cell(0, 5, f"{MARKING} · Made {made} · Page {self.page_no()} of {{nb}}", align="C")

    pdf = Document(format="A4")
    pdf.set_title(title)
    pdf.set_creator("csprcore")
    pdf.set_creation_date(made_at)
    for style, name in FONT_FILES:
        _add_font(pdf, style, name)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(18, 15, 18)
    pdf.add_page()
    return pdf


def render(report: Report, made_at: datetime) -> bytes:
    title, subtitle, blocks = report.title, report.subtitle, report.blocks
    pdf = document(title, made_at)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font(FONT, "B", 15)
    _lines(pdf, _wrap(pdf, title, width), width, 7)
    if subtitle:
        pdf.set_font(FONT, "", 10)
        _lines(pdf, _wrap(pdf, subtitle, width), width, 5)
    pdf.ln(3)

    label_w = width * 0.38
    for block in blocks:
        if pdf.will_page_break(20):
            pdf.add_page()
        pdf.set_font(FONT, "B", 12)
        pdf.set_fill_color(230, 233, 240)
        _lines(pdf, _wrap(pdf, block.heading, width), width, 7, fill=True)
        pdf.ln(1)
        if block.text:
            pdf.set_font(FONT, "", 10)
            _lines(pdf, _wrap(pdf, block.text, width), width, 5)
        for i, (label, value) in enumerate(block.rows):
            if i in block.subheadings:
                pdf.set_font(FONT, "B", 10)
                _lines(pdf, _wrap(pdf, block.subheadings[i], width), width, 6)
            _row(pdf, label, value or "Not given", label_w, width)
        pdf.ln(3)
    data: Any = pdf.output()
    return bytes(data)


def _wrap(pdf: Any, text: str, width: float) -> list[str]:
    """``text`` in lines that fit ``width`` in the current font: at spaces, a word wider than
    the line cut where it must, each line break kept. By hand, because fpdf2's multi_cell
    measures a line again for every character it adds, which made a 500-case register's
    summary take seconds; here each word is measured once, in its font."""
    room = width - 2 * pdf.c_margin
    sizes: dict[tuple[str, str, float, str], float] = pdf.__dict__.setdefault("_widths", {})

    def measure(word: str) -> float:
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, word)
        if key not in sizes:
            sizes[key] = pdf.get_string_width(word)
        return sizes[key]

    space = measure(" ")
    lines: list[str] = []
    for paragraph in unicodedata.normalize("NFC", text).split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            size = measure(word)
            if line and used + space + size <= room:
                line, used = f"{line} {word}", used + space + size
                continue
            if line:
                lines.append(line)
            while size > room and len(word) > 1:
                # A word wider than the line: as many of its letters as fit, then the rest.
                cut = next((n for n in range(len(word) - 1, 0, -1) if measure(word[:n]) <= room), 1)
                lines.append(word[:cut])
                word = word[cut:]
                size = measure(word)
            line, used = word, size
        lines.append(line)
    return lines


def _lines(pdf: Any, lines: list[str], width: float, height: float, *, fill: bool = False) -> None:
    """Each line as a cell, one under the other from the left margin (a page break between
    lines as needed)."""
    from fpdf.enums import XPos, YPos

    for line in lines:
        pdf.cell(width, height, line, fill=fill, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _row(pdf: Any, label: str, value: str, label_w: float, width: float) -> None:
    """Label and value side by side; long answers go full width beneath their label, so a
    page break inside them keeps the layout."""
    from fpdf.enums import XPos, YPos

    pdf.set_font(FONT, "", 10)
    lines_value = _wrap(pdf, value, width - label_w)
    pdf.set_font(FONT, "B", 10)  # measured as printed: bold is wider
    lines_label = _wrap(pdf, label, label_w)
    if len(lines_value) > 6:
        _lines(pdf, _wrap(pdf, label, width), width, 5)
        pdf.set_font(FONT, "", 10)
        _lines(pdf, _wrap(pdf, value, width), width, 5)
        pdf.ln(2)
        return
    height = 5 * max(len(lines_label), len(lines_value))
    if pdf.will_page_break(height + 2):
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    for n, line in enumerate(lines_label):
        pdf.set_xy(x, y + 5 * n)
        pdf.cell(label_w, 5, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    for n, line in enumerate(lines_value):
        pdf.set_xy(x + label_w, y + 5 * n)
        pdf.cell(width - label_w, 5, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_draw_color(200, 200, 200)
    pdf.line(x, y + height + 0.7, x + width, y + height + 0.7)
    pdf.set_xy(x, y + height + 1.5)
