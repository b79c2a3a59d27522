"""The words of the law and of national guidance that the tools quote: each once, here, with
its source, so a question, a letter and a page can never quote them differently.

Regulations 3 and 11 of the Child Safeguarding Practice Review and Relevant Agency (England)
Regulations 2018 are quoted exactly (legislation.gov.uk, as made). The local review
circumstances are Working Together 2023's, chapter 5; the site checked their words against a
partnership's quotation of them, not the chapter itself (see ``WORKING_TOGETHER_CHECKED``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

REGULATIONS: Final = (
    "the Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018"
)
REGULATIONS_URL: Final = "https://www.legislation.gov.uk/uksi/2018/789/made"


@dataclass(frozen=True)
class Criterion:
    """One lettered criterion of regulation 3 or 11: ``words`` exactly as made."""

    regulation: int
    letter: str
    words: str
    #: A few words to name it in a list ("Agencies working together").
    name: str

    @property
    def ref(self) -> str:
        return f"{self.regulation}({self.letter})"

    @property
    def url(self) -> str:
        return f"https://www.legislation.gov.uk/uksi/2018/789/regulation/{self.regulation}/made"


_IMPROVEMENTS: Final = (
    "highlights or may highlight improvements needed to safeguard and promote the welfare of "
    "children, including where those improvements have been previously identified"
)
_THEMES: Final = (
    "highlights or may highlight recurrent themes in the safeguarding and promotion of the "
    "welfare of children"
)

#: Regulation 11: what the safeguarding partners must take into account in deciding whether
#: a case is appropriate for a local review. Keys are the Rapid Review's criteria fields.
LOCAL_CRITERIA: Final[dict[str, Criterion]] = {
    "improvements": Criterion(11, "a", _IMPROVEMENTS, "Improvements needed"),
    "recurrent_themes": Criterion(11, "b", _THEMES, "Recurrent themes"),
    "working_together": Criterion(
        11,
        "c",
        "highlights or may highlight concerns regarding two or more organisations or agencies "
        "working together effectively to safeguard and promote the welfare of children",
        "Agencies working together",
    ),
    "panel_suggests_local": Criterion(
        11,
        "d",
        "is one which the Child Safeguarding Practice Review Panel have considered and "
        "concluded a local review may be more appropriate",
        "The Panel concluded a local review may be more appropriate",
    ),
}

#: Regulation 3: what the Panel must have regard to in deciding on a national review.
NATIONAL_CRITERIA: Final[dict[str, Criterion]] = {
    "improvements": Criterion(3, "a", _IMPROVEMENTS, "Improvements needed"),
    "legislation": Criterion(
        3,
        "b",
        "raises or may raise issues requiring legislative change or changes to guidance "
        "issued under or further to any enactment",
        "Legislative or guidance change",
    ),
    "recurrent_themes": Criterion(3, "c", _THEMES, "Recurrent themes"),
}

#: The Rapid Review's criteria fields in the order it asks them: regulation 11, then 3(b).
CRITERIA_ORDER: Final = (
    "improvements", "recurrent_themes", "working_together", "panel_suggests_local",
    "legislation",
)  # fmt: skip


def criterion_refs(key: str) -> str:
    """ "regulations 11(a) and 3(a)", "regulation 11(c)": where a criterion comes from."""
    refs = [c.ref for c in (LOCAL_CRITERIA.get(key), NATIONAL_CRITERIA.get(key)) if c]
    return f"regulation{'s' if len(refs) > 1 else ''} {' and '.join(refs)}"


def criterion_label(key: str) -> str:
    """A criterion named in a list: "Agencies working together (regulation 11(c))"."""
    criterion = LOCAL_CRITERIA.get(key) or NATIONAL_CRITERIA[key]
    return f"{criterion.name} ({criterion_refs(key)})"


def quoted(regulation: int) -> str:
    """A regulation's lettered criteria as one quotation: "(a) ...; (b) ..."."""
    table = LOCAL_CRITERIA if regulation == 11 else NATIONAL_CRITERIA
    items = sorted(table.values(), key=lambda c: c.letter)
    return "; ".join(f"({c.letter}) {c.words}" for c in items)


# --- Working Together 2023 ----------------------------------------------------------------

WORKING_TOGETHER_2023: Final = "Working Together to Safeguard Children 2023"
WORKING_TOGETHER_URL: Final = (
    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
)
#: Where the site checked the words it quotes from Working Together 2023, since the guidance
#: itself could not be read from here: a partnership's page that quotes the list in full.
WORKING_TOGETHER_CHECKED: Final = "https://hcypsp.haltonsafeguarding.co.uk/serious-case-reviews/"

#: Working Together 2023, chapter 5 ("Local child safeguarding practice reviews"): besides
#: regulation 11's criteria, the safeguarding partners "should also have regard to the
#: following circumstances". The procedure's section 6 keeps only the last of them, twice.
#: A case whose concern is one agency, or no agency, can be right for a local review
#: although it does not meet regulation 11(c).
LOCAL_REVIEW_CIRCUMSTANCES: Final[dict[str, str]] = {
    "single_agency": (
        "Where the safeguarding partners have cause for concern about the actions of a single "
        "agency"
    ),
    "no_agency_involvement": (
        "Where there has been no agency involvement and this gives the safeguarding partners "
        "cause for concern"
    ),
    "more_than_one_area": (
        "Where more than one local authority, police area or integrated care board is "
        "involved, including in cases where families have moved around"
    ),
    "institutional_setting": (
        "Where the case may raise issues relating to safeguarding or promoting the welfare "
        "of children in institutional settings"
    ),
}
#: What Working Together 2023 counts as an institutional setting, as quoted with the list.
INSTITUTIONAL_SETTINGS: Final = (
    "children's homes, secure children's homes and other settings with residential "
    "provision for children; and custodial settings where a child is held, such as police "
    "custody and young offender institutions"
)
LOCAL_REVIEW_CIRCUMSTANCES_SOURCE: Final = (
    f"{WORKING_TOGETHER_2023}, chapter 5: the circumstances the safeguarding partners should "
    "also have regard to for a local review"
)

#: Section 11 of the procedure, from Working Together (statutory guidance, not a
#: regulation): the report is published within six months of the decision to review.
PUBLICATION_SOURCE: Final = "Working Together to Safeguard Children (statutory guidance)"
