"""A document (``exports.document``) as a file: its PDF or its editable copy."""

from __future__ import annotations

from datetime import datetime

from .document import Document, Kind, Letter


def write(doc: Document, made_at: datetime, kind: Kind) -> bytes:
    # Each renderer is imported only when asked for: fpdf2 is the core's slowest import.
    if kind == "odt":
        from .odt import odt_bytes

        return odt_bytes(doc, made_at)
    if isinstance(doc, Letter):
        from .letter import render_letter

        return render_letter(doc, made_at)
    from .pdf import render

    return render(doc, made_at)
