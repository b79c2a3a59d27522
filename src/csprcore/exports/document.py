"""The one model of every document the tools make, and its two renderings.

A form's record, a register's summary or report and a check's record are a ``Report``
(a title and blocks of rows or text); every letter and notice is a ``Letter``. ``write``
(``exports.render``) renders either as a PDF (``exports.pdf``, ``exports.letter``) or as an
editable OpenDocument text file (``exports.odt``) from the same object, so the two can never
say different things.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

Kind = Literal["pdf", "odt"]
#: Each rendering's (MIME type, file extension).
KINDS: Final[dict[str, tuple[str, str]]] = {
    "pdf": ("application/pdf", "pdf"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
}
#: The suffix that asks for a document's editable copy: ``letter-odt``, ``notice-odt``.
EDITABLE_SUFFIX: Final = "-odt"
MARKING: Final = "OFFICIAL-SENSITIVE"


@dataclass
class Block:
    """A heading and its rows (label, value), or a paragraph of text when rows are empty."""

    heading: str
    rows: Sequence[tuple[str, str]] = ()
    text: str = ""
    subheadings: dict[int, str] = field(default_factory=dict)


@dataclass
class Report:
    title: str
    blocks: Sequence[Block]
    subtitle: str = ""


@dataclass
class Letter:
    #: The sender's name and address block, one line each.
    sender: Sequence[str]
    #: The addressees, one line each ("The Child Safeguarding Practice Review Panel").
    to: Sequence[str]
    subject: str
    salutation: str
    #: The body, one paragraph each ("• " starts a line of a list inside a paragraph).
    paragraphs: Sequence[str]
    #: The signatories: (name, role, on behalf of); a name may be blank ("Not yet named").
    signatories: Sequence[tuple[str, str, str]]
    #: The letter's date: the one the user gives, else the day it is made.
    dated: date | None = None
    closing: str = "Yours faithfully,"
    enclosures: Sequence[str] = field(default_factory=list)
    copies: Sequence[str] = field(default_factory=list)


Document = Report | Letter


def split_format(fmt: str) -> tuple[str, Kind]:
    """``letter-odt`` is the letter's editable copy, ``odt`` the document's own: (the
    document's format, its rendering)."""
    if fmt == "odt":
        return "pdf", "odt"
    if fmt.endswith(EDITABLE_SUFFIX):
        return fmt[: -len(EDITABLE_SUFFIX)], "odt"
    return fmt, "pdf"


def editable_format(fmt: str) -> str:
    """The editable copy's format name of a document's format (``pdf`` -> ``odt``)."""
    return "odt" if fmt == "pdf" else f"{fmt}{EDITABLE_SUFFIX}"
