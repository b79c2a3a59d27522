"""One letter layout for every letter the forms make, as a PDF: the sender's block, the
date, the addressees, a salutation, a subject line, the body in paragraphs, what is enclosed,
and a sign-off with room for each of the safeguarding partners' signatories to sign; marked
OFFICIAL-SENSITIVE on every page like every PDF (``exports.pdf``). The editable copy of the
same ``Letter`` is ``exports.odt``'s."""

from __future__ import annotations

from datetime import datetime

from ..rules.dates import long_date
from .document import Letter
from .pdf import FONT, document


def render_letter(letter: Letter, made_at: datetime) -> bytes:
    from fpdf.enums import XPos, YPos

    pdf = document(letter.subject, made_at)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    nl = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}

    def lines(text: str, *, bold: bool = False, size: int = 10, align: str = "L") -> None:
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.multi_cell(width, 5, text, align=align, **nl)

    # The sender's block at the right, the date beneath it.
    pdf.ln(2)
    for i, line in enumerate(letter.sender):
        lines(line, bold=i == 0, align="R")
    pdf.ln(2)
    lines(long_date(letter.dated or made_at.date()), align="R")
    pdf.ln(4)
    for line in letter.to:
        lines(line)
    if letter.copies:
        pdf.ln(1)
        lines("Copy to: " + "; ".join(letter.copies))
    pdf.ln(5)
    lines(letter.salutation)
    pdf.ln(3)
    lines(letter.subject, bold=True, size=11)
    pdf.ln(3)
    for paragraph in letter.paragraphs:
        lines(paragraph)
        pdf.ln(3)
    if letter.enclosures:
        lines("Enclosed:", bold=True)
        for item in letter.enclosures:
            lines(f"• {item}")
        pdf.ln(3)
    lines(letter.closing)
    pdf.ln(3)
    for name, role, behalf in letter.signatories:
        if pdf.will_page_break(30):
            pdf.add_page()
        # Room to sign by hand above each name.
        lines("Signature:")
        pdf.ln(10)
        lines(name or "Not yet named", bold=True)
        if role:
            lines(role)
        lines(f"On behalf of {behalf}")
        pdf.ln(4)
    data: bytes = bytes(pdf.output())
    return data
