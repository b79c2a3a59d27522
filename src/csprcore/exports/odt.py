"""Editable copies: a ``Report`` or ``Letter`` as an OpenDocument text file (ODF 1.2, ``.odt``).

ODF is the UK government's standard for editable documents; Word opens it natively, and so do
LibreOffice, Google Docs and Pages. Written here with the standard library (``zipfile`` and
XML escaping) because no well-kept library both writes ODF and runs in the browser: ``odfpy``
has had no release since 2020 and ships no wheel, ``odfdo`` and ``python-docx`` need lxml,
which the browser's runtime does not carry. A text document needs only four small parts
(the ``mimetype`` stored first, the manifest, the styles with the marking in the page header,
and the content), and the tests read every file back with ``odfdo``, an independent reader.

Headings are heading styles (Word shows them as Heading 1 to 3), lists are lists, a block's
rows are a two-column table, and OFFICIAL-SENSITIVE is in every page's header and footer.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from ..rules.dates import long_date
from .document import MARKING, Document, Letter, Report

MIME: Final = "application/vnd.oasis.opendocument.text"
_NS: Final = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.2"'
)
#: Characters XML 1.0 cannot hold; the forms refuse them already, this keeps the file valid.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BULLET: Final = "\N{BULLET} "


def _t(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _p(value: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{_t(value)}</text:p>'


def _h(value: str, level: int) -> str:
    return (
        f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
        f"{_t(value)}</text:h>"
    )


def _list(items: Sequence[str]) -> str:
    inner = "".join(f"<text:list-item>{_p(i, 'List_20_Item')}</text:list-item>" for i in items)
    return f'<text:list text:style-name="Bullets">{inner}</text:list>'


def _text(value: str, style: str = "Standard") -> Iterator[str]:
    """Lines as paragraphs, and a run of lines that start with a bullet as one list."""
    items: list[str] = []
    for line in value.split("\n"):
        if line.startswith(_BULLET):
            items.append(line[len(_BULLET) :])
            continue
        if items:
            yield _list(items)
            items = []
        yield _p(line, style)
    if items:
        yield _list(items)


def _rows(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        "<table:table-row>"
        f'<table:table-cell table:style-name="Cell" office:value-type="string">'
        f"{_p(label, 'Label')}</table:table-cell>"
        f'<table:table-cell table:style-name="Cell" office:value-type="string">'
        f"{''.join(_text(value or 'Not given', 'Table_20_Contents'))}</table:table-cell>"
        "</table:table-row>"
        for label, value in rows
    )
    return (
        '<table:table table:style-name="Rows">'
        '<table:table-column table:style-name="Rows.A"/>'
        '<table:table-column table:style-name="Rows.B"/>'
        f"{cells}</table:table>"
    )


def _report(doc: Report) -> Iterator[str]:
    yield _h(doc.title, 1)
    if doc.subtitle:
        yield _p(doc.subtitle, "Subtitle")
    for block in doc.blocks:
        yield _h(block.heading, 2)
        if block.text:
            yield from _text(block.text)
        start = 0
        for i in [*sorted(block.subheadings), len(block.rows)]:
            if block.rows[start:i]:
                yield _rows(block.rows[start:i])
            if i in block.subheadings:
                yield _h(block.subheadings[i], 3)
            start = i


def _letter(doc: Letter, made_at: datetime) -> Iterator[str]:
    for i, line in enumerate(doc.sender):
        yield _p(line, "Sender_20_Name" if i == 0 else "Sender")
    yield _p("", "Sender")
    yield _p(long_date(doc.dated or made_at.date()), "Sender")
    yield _p("")
    for line in doc.to:
        yield _p(line)
    if doc.copies:
        yield _p("Copy to: " + "; ".join(doc.copies))
    yield _p("")
    yield _p(doc.salutation)
    yield _h(doc.subject, 1)
    for paragraph in doc.paragraphs:
        yield from _text(paragraph, "Text_20_body")
    if doc.enclosures:
        yield _p("Enclosed:", "Label")
        yield _list(doc.enclosures)
    yield _p(doc.closing, "Text_20_body")
    for name, role, behalf in doc.signatories:
        yield _p("Signature:", "Signature")
        yield _p(name or "Not yet named", "Label")
        if role:
            yield _p(role)
        yield _p(f"On behalf of {behalf}", "Text_20_body")


def _content(doc: Document, made_at: datetime) -> str:
    body = "".join(_letter(doc, made_at) if isinstance(doc, Letter) else _report(doc))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
        "<office:automatic-styles>"
        '<style:style style:name="Rows" style:family="table">'
        '<style:table-properties style:width="17.4cm" table:align="left"/></style:style>'
        '<style:style style:name="Rows.A" style:family="table-column">'
        '<style:table-column-properties style:column-width="6.6cm"/></style:style>'
        '<style:style style:name="Rows.B" style:family="table-column">'
        '<style:table-column-properties style:column-width="10.8cm"/></style:style>'
        '<style:style style:name="Cell" style:family="table-cell">'
        '<style:table-cell-properties fo:padding="0.1cm" fo:border="none" '
        'fo:border-bottom="0.5pt solid #c8c8c8"/></style:style>'
        "</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def _paragraph_style(
    name: str, display: str, *, size: str = "10pt", bold: bool = False, extra: str = "",
    parent: str = "Standard", outline: int = 0, align: str = "",
) -> str:  # fmt: skip
    weight = ' fo:font-weight="bold"' if bold else ""
    level = f' style:default-outline-level="{outline}"' if outline else ""
    alignment = f' fo:text-align="{align}"' if align else ""
    top = "" if "fo:margin-top" in extra else ' fo:margin-top="0cm"'
    return (
        f'<style:style style:name="{name}" style:display-name="{display}" '
        f'style:family="paragraph" style:parent-style-name="{parent}"{level}>'
        f"<style:paragraph-properties{top}{alignment} {extra}/>"
        f'<style:text-properties fo:font-size="{size}"{weight}/></style:style>'
    )


def _styles(made_at: datetime) -> str:
    made = made_at.strftime("%d/%m/%Y %H:%M")
    paragraph = [
        _paragraph_style("Heading_20_1", "Heading 1", size="15pt", bold=True, outline=1,
                         extra='fo:margin-bottom="0.25cm" fo:keep-with-next="always"'),
        _paragraph_style("Heading_20_2", "Heading 2", size="12pt", bold=True, outline=2,
                         extra='fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" '
                         'fo:keep-with-next="always" fo:background-color="#e6e9f0"'),
        _paragraph_style("Heading_20_3", "Heading 3", bold=True, outline=3,
                         extra='fo:margin-top="0.2cm" fo:keep-with-next="always"'),
        _paragraph_style("Subtitle", "Subtitle", extra='fo:margin-bottom="0.3cm"'),
        _paragraph_style("Text_20_body", "Text body", extra='fo:margin-bottom="0.25cm"'),
        _paragraph_style("Table_20_Contents", "Table Contents"),
        _paragraph_style("Label", "Label", bold=True),
        _paragraph_style("List_20_Item", "List Item"),
        _paragraph_style("Sender", "Sender", align="end"),
        _paragraph_style("Sender_20_Name", "Sender Name", bold=True, align="end"),
        _paragraph_style("Signature", "Signature",
                         extra='fo:margin-top="0.4cm" fo:margin-bottom="1.1cm"'),
        _paragraph_style("Marking", "Marking", bold=True, align="center"),
        _paragraph_style("Footer", "Footer", size="8pt", align="center"),
    ]  # fmt: skip
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_NS}>'
        '<office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'style:font-family-generic="swiss"/></office:font-face-decls>'
        "<office:styles>"
        '<style:default-style style:family="paragraph">'
        '<style:text-properties style:font-name="Arial" fo:font-size="10pt" '
        'fo:language="en" fo:country="GB"/></style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph" style:class="text">'
        '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm"/>'
        "</style:style>"
        f"{''.join(paragraph)}"
        '<text:list-style style:name="Bullets" style:display-name="Bullets">'
        '<text:list-level-style-bullet text:level="1" text:bullet-char="\u2022">'
        "<style:list-level-properties text:list-level-position-and-space-mode="
        '"label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" '
        'text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>'
        "</style:list-level-properties></text:list-level-style-bullet></text:list-style>"
        "</office:styles>"
        "<office:automatic-styles>"
        '<style:page-layout style:name="A4"><style:page-layout-properties '
        'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1cm" '
        'fo:margin-bottom="1cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.4cm"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>'
        "</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="A4">'
        f'<style:header><text:p text:style-name="Marking">{MARKING}</text:p></style:header>'
        f'<style:footer><text:p text:style-name="Footer">{MARKING} \u00b7 Made {made} '
        '\u00b7 Page <text:page-number text:select-page="current">1</text:page-number> of '
        "<text:page-count>1</text:page-count></text:p></style:footer>"
        "</style:master-page></office:master-styles></office:document-styles>"
    )


def _meta(title: str, made_at: datetime) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_NS}><office:meta>'
        f"<dc:title>{_t(title)}</dc:title><meta:generator>csprcore</meta:generator>"
        f"<meta:creation-date>{made_at.strftime('%Y-%m-%dT%H:%M:%S')}</meta:creation-date>"
        "</office:meta></office:document-meta>"
    )


_MANIFEST: Final = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    f"manifest:media-type={quoteattr(MIME)}/>"
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def odt_bytes(doc: Document, made_at: datetime) -> bytes:
    title = doc.subject if isinstance(doc, Letter) else doc.title
    out = io.BytesIO()
    # A fixed time on every entry, so the same document always gives the same bytes.
    stamp = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(out, "w") as odt:
        # The package's type: first, and stored uncompressed (ODF 1.2, part 3, 3.3).
        odt.writestr(zipfile.ZipInfo("mimetype", stamp), MIME, zipfile.ZIP_STORED)
        for name, text in (
            ("content.xml", _content(doc, made_at)),
            ("styles.xml", _styles(made_at)),
            ("meta.xml", _meta(title, made_at)),
            ("META-INF/manifest.xml", _MANIFEST),
        ):
            odt.writestr(zipfile.ZipInfo(name, stamp), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return out.getvalue()
