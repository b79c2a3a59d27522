"""The procedure's topics that rules cite, and where the partnership's procedure covers each.

Rules cite these ids (named after North-East-Lincolnshire-style section numbers, which every
partnership's profile maps to its own pages: ``partnership.yml``, ``procedure``). The site
serves each page at ``procedure/<page>/`` with an element whose id is the topic, so
``procedure/section-3/#section-3`` always resolves; the build checks every anchor.
"""

import re
from typing import Final, Literal

from ..partnership import current

Cite = Literal[
    "section-1",
    "section-2",
    "section-3",
    "section-4",
    "section-5",
    "section-6",
    "section-7",
    "section-8",
    "section-9",
    "section-10",
    "section-11",
    "section-12",
    "section-13",
    "appendix-1",
]

#: Each topic's page title in the partnership's procedure.
SECTION_TITLES: Final[dict[str, str]] = {
    cite: page.title for page in current().procedure for cite in page.cites
}

_NUMBERED: Final = re.compile(r"^(?:(appendix)\s+)?(\d+)[.\s]", re.IGNORECASE)


def cite_path(cite: str) -> str:
    """Site-relative path of a citation, e.g. ``procedure/section-3/#section-3``."""
    if cite not in SECTION_TITLES:
        raise KeyError(f"unknown citation: {cite}")
    return f"procedure/{current().page_of(cite).slug}/#{cite}"


def short_title(cite: str) -> str:
    """ "Section 3" or "Appendix 1", for use in sentences: the number its page's title starts
    with ("3. Duty of ..."), or the whole title when it has none."""
    title = SECTION_TITLES[cite]
    match = _NUMBERED.match(title)
    if match is None:
        return title
    return f"{'Appendix' if match.group(1) else 'Section'} {match.group(2)}"


def cited(cite: str, *, capital: bool = False) -> str:
    """A topic as a sentence names it: "section 6" (or "Section 6" to start a sentence),
    "Appendix 1", in the partnership's own numbering."""
    short = short_title(cite)
    if capital or not short.startswith("Section "):
        return short
    return short[:1].lower() + short[1:]
