"""PDF exports: every form's document, marked OFFICIAL-SENSITIVE on every page.

fpdf2 is imported only here and only when a PDF is asked for: it is the slowest import of the
core, and the browser loads it on the first export. DejaVu Sans is embedded, cut down to the
scripts fpdf2 prints correctly (``scripts/subset_fonts.py``), so names in Latin, Greek,
Cyrillic, Armenian or Georgian letters print as typed (Zoë, Łukasz, Nguyễn, Ілля); the form
warns before a download about anything else (``printable``).
"""

from __future__ import annotations

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
    pdf.add_font(FONT, "", _font_path("DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", _font_path("DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(18, 15, 18)
    pdf.add_page()
    return pdf


def render(report: Report, made_at: datetime) -> bytes:
    from fpdf.enums import XPos, YPos

    title, subtitle, blocks = report.title, report.subtitle, report.blocks
    pdf = document(title, made_at)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(width, 7, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if subtitle:
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(width, 5, subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)

    label_w = width * 0.38
    for block in blocks:
        if pdf.will_page_break(20):
            pdf.add_page()
        pdf.set_font(FONT, "B", 12)
        pdf.set_fill_color(230, 233, 240)
        pdf.multi_cell(width, 7, block.heading, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        if block.text:
            pdf.set_font(FONT, "", 10)
            pdf.multi_cell(width, 5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for i, (label, value) in enumerate(block.rows):
            if i in block.subheadings:
                pdf.set_font(FONT, "B", 10)
                pdf.multi_cell(width, 6, block.subheadings[i], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            _row(pdf, label, value or "Not given", label_w, width)
        pdf.ln(3)
    data: Any = pdf.output()
    return bytes(data)


def _row(pdf: Any, label: str, value: str, label_w: float, width: float) -> None:
    """Label and value side by side; long answers go full width beneath their label, so a
    page break inside them keeps the layout."""
    from fpdf.enums import XPos, YPos

    pdf.set_font(FONT, "", 10)
    lines_value = pdf.multi_cell(width - label_w, 5, value, dry_run=True, output="LINES")
    pdf.set_font(FONT, "B", 10)  # measured as printed: bold is wider
    lines_label = pdf.multi_cell(label_w, 5, label, dry_run=True, output="LINES")
    pdf.set_font(FONT, "", 10)
    if len(lines_value) > 6:
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(width, 5, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(width, 5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    height = 5 * max(len(lines_label), len(lines_value))
    if pdf.will_page_break(height + 2):
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(label_w, 5, label)
    pdf.set_xy(x + label_w, y)
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(width - label_w, 5, value)
    pdf.set_draw_color(200, 200, 200)
    pdf.line(x, y + height + 0.7, x + width, y + height + 0.7)
    pdf.set_xy(x, y + height + 1.5)
