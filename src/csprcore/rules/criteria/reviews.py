"""What follows the notification: the Rapid Review (section 5), the circumstances the Panel
weighs for a national review (section 6), and local learning for the cases that do not meet
the criteria (section 7)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ...partnership.names import AREA, LEARNING_EVENT, REVIEW_GROUP
from ..citations import cited
from ..timescales import role_words
from ..tri import NO, UNSURE, YES, Tri, all_of, negate
from .conclusions import OTHER_AREA, Assessment, answer
from .questionnaire import QUESTIONS_BY_KEY


def rapid_review(facts: Mapping[str, Any], out: Assessment, serious: Tri) -> str:
    """Whether a Rapid Review follows here: a three-valued answer, or ``OTHER_AREA``."""
    # Section 5: the partnership's review group arranges a Rapid Review for all cases notified
    # and all cases raised for consideration of a review by partner organisations. The Rapid
    # Review follows the notification (the Panel's FAQ: "a rapid review cannot be undertaken
    # without the prior submission of a Serious Incident Notification"), which "rests with
    # the local authority of where the serious incident took place": for an incident
    # elsewhere in England it is that area's, and so is the Rapid Review.
    location = facts.get("incident_location")
    resident = answer(facts, "normally_resident_in_area", {"yes"}, {"no"})
    elsewhere = location == "elsewhere_in_england" or (
        location == "outside_england" and resident == NO
    )
    rapid: str = OTHER_AREA if elsewhere and serious != NO else serious
    _explain_rapid_review(out, rapid, location)
    return rapid


def _explain_rapid_review(out: Assessment, rapid: str, location: Any) -> None:
    f = "rapid_review"
    if rapid == OTHER_AREA:
        where = (
            "the area where the incident happened"
            if location == "elsewhere_in_england"
            else "the area in England where the child normally lives"
        )
        out.say(
            f,
            f"The Rapid Review is for the safeguarding partners of {where}: it follows that "
            "local authority's notification to the Panel (the Panel's frequently asked "
            f"questions). The {REVIEW_GROUP} does not hold one of its own; {AREA}'s agencies "
            "contribute what they know, and where the child lived here the partners agree "
            "with that area who leads.",
            "section-5",
        )
    elif rapid == YES:
        out.say(
            f,
            f"The {REVIEW_GROUP} arranges a Rapid Review for every case "
            "notified or raised for consideration of a review: the meeting is held "
            f"{role_words('meeting')}.",
            "section-5",
        )
    elif rapid == NO:
        out.say(
            f,
            "A Rapid Review follows serious child safeguarding cases; this case is not one.",
            "section-5",
        )
    else:
        out.say(
            f,
            "A Rapid Review will follow if this is a serious child safeguarding case.",
            "section-5",
        )


def national_circumstances(facts: Mapping[str, Any], out: Assessment, serious: Tri) -> list[str]:
    """Section 6: the circumstances the Panel should have regard to that the answers show
    (none when the case is not a serious one)."""
    circumstances = _found(facts) if serious != NO else []
    _explain_circumstances(out, facts, serious, circumstances)
    return circumstances


def _found(facts: Mapping[str, Any]) -> list[str]:
    found = []
    if facts.get("educated_otherwise_than_at_school") == "yes":
        found.append("educated_otherwise_than_at_school")
    if facts.get("looked_after") == "yes" or facts.get("child_protection_plan") in {
        "current",
        "recently_removed",
    }:
        found.append("in_care_or_child_protection_plan")
    if len(facts.get("abuse_types", [])) >= 2:
        found.append("range_of_abuse_types")
    if facts.get("institutional_setting") == "yes":
        found.append("institutional_setting")
    return found


def _explain_circumstances(
    out: Assessment, facts: Mapping[str, Any], serious: Tri, found: list[str]
) -> None:
    """Section 6: which answers show each circumstance the Panel should have regard to."""
    f = "national_review_circumstances"
    if serious == NO:
        return
    for key in found:
        out.say(f, f"{_circumstance_shown_by(facts, key)} {_REGARD[key]}", "section-6")
    if not found:
        out.say(
            f,
            f"None of the circumstances the Panel should have regard to ({cited('section-6')}) is "
            "shown by the answers.",
            "section-6",
        )
    unsure = any(facts.get(k) == "unsure" for k in _SECTION_6_QUESTIONS)
    if unsure:
        out.say(
            f,
            "Some of these answers are \u201cNot sure\u201d: find out, because the Panel "
            "should have regard to these circumstances where they apply.",
            "section-6",
        )
    if serious == UNSURE and found:
        out.say(
            f,
            "These circumstances matter if this is a serious child safeguarding case, "
            "which is not yet clear.",
            "section-6",
        )


_SECTION_6_QUESTIONS: Final = (
    "looked_after",
    "child_protection_plan",
    "educated_otherwise_than_at_school",
    "institutional_setting",
)

#: What the Panel should have regard to (section 6), after the answers that show it.
_REGARD: Final[dict[str, str]] = {
    "educated_otherwise_than_at_school": (
        "The Panel should have regard to significant harm or death to a child educated "
        "otherwise than at school."
    ),
    "in_care_or_child_protection_plan": (
        "The Panel should have regard to a child seriously harmed or dying while in the care "
        "of a local authority, or while on (or recently removed from) a child protection plan."
    ),
    "range_of_abuse_types": (
        "The Panel should have regard to cases which involve a range of types of abuse."
    ),
    "institutional_setting": (
        "The Panel should have regard to cases that may raise issues about safeguarding "
        "children in institutional settings."
    ),
}


def _circumstance_shown_by(facts: Mapping[str, Any], key: str) -> str:
    """The answers that show a circumstance, as a sentence."""
    if key == "educated_otherwise_than_at_school":
        return "The child is educated otherwise than at school."
    if key == "in_care_or_child_protection_plan":
        shown = []
        if facts.get("looked_after") == "yes":
            shown.append("the child is looked after by a local authority")
        plan = facts.get("child_protection_plan")
        if plan == "current":
            shown.append("the child is on a child protection plan")
        elif plan == "recently_removed":
            shown.append("the child was recently removed from a child protection plan")
        text = " and ".join(shown)
        return f"{text[0].upper()}{text[1:]}."
    if key == "range_of_abuse_types":
        labels = {o.value: o.label.lower() for o in QUESTIONS_BY_KEY["abuse_types"].options}
        types = ", ".join(labels[t] for t in facts.get("abuse_types", []))
        return f"More than one type of abuse or neglect is known or suspected ({types})."
    return "The case raises issues about safeguarding children in an institutional setting."


def line_of_sight_learning(facts: Mapping[str, Any], out: Assessment, serious: Tri) -> Tri:
    """Whether a local learning event could fit instead of a review."""
    # Section 7: a case that does not meet the definition but raises issues of importance to
    # the local area: an interagency local learning event may be undertaken.
    learning = answer(facts, "local_learning", {"yes"}, {"no"})
    line_of_sight = all_of(negate(serious), learning)
    _explain_line_of_sight(out, serious, learning, line_of_sight)
    return line_of_sight


def _explain_line_of_sight(out: Assessment, serious: Tri, learning: Tri, result: Tri) -> None:
    f = "line_of_sight_learning"
    if result == YES:
        out.say(
            f,
            "The case does not meet the definition of a serious child safeguarding case "
            "but raises issues of importance to the local area: an interagency "
            f"{LEARNING_EVENT} may be undertaken.",
            "section-7",
        )
    elif serious == YES:
        out.say(
            f,
            f"A {LEARNING_EVENT} is for cases that do not meet the definition of a "
            "serious child safeguarding case; this one does.",
            "section-7",
        )
    elif learning == NO:
        out.say(f, "The case raises no issues of importance to the local area.", "section-7")
    else:
        out.say(
            f,
            "If the case is not a serious child safeguarding case but holds good "
            "practice, poor practice or a 'near miss' of importance to the area, a "
            f"{LEARNING_EVENT} may fit.",
            "section-7",
        )
