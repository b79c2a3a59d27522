"""What a check concludes: the conclusions and their answers in words, and the record of why
(each reason citing the section of the procedure it follows) and of what happens next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ...partnership.names import COUNCIL, LEARNING_EVENT
from ..citations import Cite, cited
from ..tri import NO, UNSURE, YES, Tri

CONCLUSIONS: Final = (
    "serious_case",
    "la_must_notify_panel",
    "notify_ofsted_and_secretary_of_state",
    "rapid_review",
    "line_of_sight_learning",
)

#: Each conclusion as the question it answers, for people.
CONCLUSION_QUESTIONS: Final[dict[str, str]] = {
    "serious_case": "Is this a serious child safeguarding case?",
    "la_must_notify_panel": f"Must {COUNCIL} notify the Child Safeguarding Practice Review Panel?",
    "notify_ofsted_and_secretary_of_state": "Must Ofsted and the Secretary of State be told?",
    "rapid_review": "Will a Rapid Review follow?",
    "line_of_sight_learning": f"Could a {LEARNING_EVENT} fit instead?",
    "national_review_circumstances": (
        f"Which circumstances for a national review ({cited('section-6')}) apply?"
    ),
}

#: The Rapid Review is another area's: the incident happened elsewhere in England (or the
#: child lives in another English area and was harmed outside England).
OTHER_AREA: Final = "other_area"
#: National guidance expects it, but the site could not confirm the guidance's own words:
#: the care leaver's death (``notification.notify_ofsted``). Never a silent "no".
CHECK: Final = "check"
ANSWER_WORDS: Final[dict[str, str]] = {
    "yes": "Yes", "no": "No", "unsure": "Not sure yet", OTHER_AREA: "Another area's",
    CHECK: "Check national guidance"}  # fmt: skip
#: Where the site found what national guidance asks when a care leaver dies: partnerships'
#: readings of Working Together 2023, chapter 5 (the guidance itself could not be read here).
CARE_LEAVER_SOURCES: Final = (
    "https://www.safeguardingchildren.co.uk/professionals/procedures-practice-guidance-and-"
    "one-minute-guides/death-of-a-care-leaver-one-minute-guide",
    "https://lincolnshirechildcare.trixonline.co.uk/chapter/death-or-serious-injury-to-a-"
    "child-in-care-child-in-need-or-care-leaver-up-to-and-including-the-age-of-24",
)

NATIONAL_CIRCUMSTANCES: Final[dict[str, str]] = {
    "educated_otherwise_than_at_school": (
        "Significant harm or death to a child educated otherwise than at school"
    ),
    "in_care_or_child_protection_plan": (
        "A child seriously harmed or dying while in the care of a local authority, or while on "
        "(or recently removed from) a child protection plan"
    ),
    "range_of_abuse_types": "A case which involves a range of types of abuse",
    "institutional_setting": (
        "A case that may raise issues relating to safeguarding or promoting the welfare of "
        "children in institutional settings"
    ),
}


@dataclass(frozen=True)
class Reason:
    finding: str
    text: str
    cite: Cite

    def as_dict(self) -> dict[str, str]:
        return {"finding": self.finding, "text": self.text, "cite": self.cite}


@dataclass(frozen=True)
class NextStep:
    text: str
    cite: Cite
    #: The deadline-calculator milestone this step counts towards, when it has one.
    milestone: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "cite": self.cite, "milestone": self.milestone}


@dataclass
class Assessment:
    """The reasons found so far, in the order the procedure's sections give them."""

    reasons: list[Reason] = field(default_factory=list)

    def say(self, finding: str, text: str, cite: Cite) -> None:
        self.reasons.append(Reason(finding, text, cite))


def answer(facts: Mapping[str, Any], key: str, yes: set[str], no: set[str]) -> Tri:
    """A question's answer as a three-valued fact: these answers yes, those no, else unsure."""
    value = facts.get(key)
    if value in yes:
        return YES
    if value in no:
        return NO
    return UNSURE
