"""Is this a serious child safeguarding case, and who must notify whom?

Sections 2, 3, 5, 6 and 7 of the procedure as three-valued rules (see ``csprcore.rules.tri``).
The questions a user answers are defined here too, so the browser form, the CLI and the
rules share one list of keys, options and wording.

Longer than most modules on purpose: the questions, the three-valued rules and the
explanation of each conclusion are read together against sections 2 to 7, and an explanation
kept apart from the rule it explains would drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

from ..errors import FieldError, InputError
from ..partnership import current
from .citations import Cite, cited
from .dates import parse_local_datetime
from .timescales import (
    NOTIFY_PANEL,
    REPORT_TO_PARTNERS,
    by_role,
    role_words,
    step_words,
    within_words,
    working_days,
)
from .tri import NO, UNSURE, YES, Tri, all_of, any_of, negate
from .visibility import shown

_LOCAL: Final = current()
AREA: Final = _LOCAL.area
#: The council that notifies: the one council, or "the council for the area where it
#: happened (A or B)" for a partnership of two or more councils.
COUNCIL: Final = _LOCAL.council_for_the_area
#: The same, to start a sentence.
COUNCIL_START: Final = COUNCIL[:1].upper() + COUNCIL[1:]
REVIEW_GROUP: Final = _LOCAL.group("review").name
LEARNING_EVENT: Final = _LOCAL.local_learning

# --------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    options: tuple[Option, ...]
    cite: Cite
    #: Checkboxes (several answers) rather than radios (one answer).
    multiple: bool = False
    #: Shown only when one of these answers is given: ``{fact key: (values...)}``, any match.
    #: Empty means always shown.
    show_if: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """The options as a form field's ``(value, label)`` pairs."""
        return tuple((o.value, o.label) for o in self.options)

    @property
    def allows_unsure(self) -> bool:
        return "unsure" in self.values

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["show_if"] = {k: list(v) for k, v in self.show_if.items()}
        data["allows_unsure"] = self.allows_unsure
        return data


NOT_SURE: Final = Option("unsure", "Not sure")
YES_NO_UNSURE: Final = (Option("yes", "Yes"), Option("no", "No"), NOT_SURE)

QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        key="abuse_or_neglect",
        text="Is abuse or neglect of the child known or suspected?",
        hint="Suspicion is enough. You do not need proof.",
        options=(
            Option("known", "Yes, it is known"),
            Option("suspected", "Yes, it is suspected"),
            Option("not_suspected", "No, abuse or neglect is not known or suspected"),
            NOT_SURE,
        ),
        cite="section-2",
    ),
    Question(
        key="harm",
        text="Has the child died or been seriously harmed?",
        hint=(
            "Serious harm includes serious or long-term impairment of a child's mental health, "
            "intellectual, emotional, social or behavioural development, or physical health. "
            "Use judgement where impairment is likely to be long-term, even if this is not yet "
            "certain. Serious harm may have occurred even if the child recovers."
        ),
        options=(
            Option("died", "The child has died"),
            Option("seriously_harmed", "The child has been seriously harmed"),
            Option("not_seriously_harmed", "The child has not died or been seriously harmed"),
            NOT_SURE,
        ),
        cite="section-2",
    ),
    Question(
        key="incident_location",
        text="Where did the incident happen: where was the child harmed?",
        hint=(
            "Where the abuse or neglect and the harm happened, not where the child was "
            "treated or died: a child harmed here who died in a hospital elsewhere was harmed "
            f"here. The local authority's area here is {AREA}."
        ),
        options=(
            Option("in_area", f"In {AREA}"),
            Option("elsewhere_in_england", "Elsewhere in England"),
            Option("outside_england", "Outside England"),
            NOT_SURE,
        ),
        cite="section-3",
    ),
    Question(
        key="normally_resident_in_area",
        text=f"Is the child normally resident in {AREA}?",
        hint=(
            "When a child normally resident here dies or is seriously harmed outside England, "
            "the duty to notify the Panel rests with this local authority."
        ),
        options=YES_NO_UNSURE,
        cite="section-3",
        show_if={"incident_location": ("outside_england", "unsure")},
    ),
    Question(
        key="looked_after",
        text="Is the child looked after by a local authority (in care), or a care leaver?",
        hint="The death of a looked-after child must also be notified to Ofsted and the "
        "Secretary of State, whether or not abuse or neglect is known or suspected. National "
        "guidance since 2023 asks the same for a care leaver up to and including the age "
        "of 24.",
        options=(
            Option("yes", "Yes"),
            Option("no", "No"),
            Option("care_leaver", "The child has left care: a care leaver"),
            NOT_SURE,
        ),
        cite="section-3",
    ),
    Question(
        key="child_protection_plan",
        text="Is the child on a child protection plan?",
        options=(
            Option("current", "Yes, the child is on a plan now"),
            Option("recently_removed", "The child was recently removed from a plan"),
            Option("none", "No"),
            NOT_SURE,
        ),
        hint="",
        cite="section-6",
    ),
    Question(
        key="educated_otherwise_than_at_school",
        text="Is the child educated otherwise than at school (EOTAS)?",
        hint="For example, educated at home or in alternative provision.",
        options=YES_NO_UNSURE,
        cite="section-6",
    ),
    Question(
        key="institutional_setting",
        text="Does the case raise issues about safeguarding children in an institutional setting?",
        hint="For example, a residential home, a school, a hospital or secure accommodation.",
        options=YES_NO_UNSURE,
        cite="section-6",
    ),
    Question(
        key="abuse_types",
        text="Which types of abuse or neglect are known or suspected?",
        hint="Select all that apply.",
        options=(
            Option("physical", "Physical abuse"),
            Option("emotional", "Emotional abuse"),
            Option("sexual", "Sexual abuse"),
            Option("neglect", "Neglect"),
            Option("exploitation", "Exploitation"),
            Option("other", "Another type"),
        ),
        cite="section-6",
        multiple=True,
        show_if={"abuse_or_neglect": ("known", "suspected", "unsure")},
    ),
    Question(
        key="local_learning",
        text=f"Does the case hold learning of importance to {AREA}?",
        hint="For example good practice, poor practice or a 'near miss'.",
        options=YES_NO_UNSURE,
        cite="section-7",
        show_if={
            "abuse_or_neglect": ("not_suspected", "unsure"),
            "harm": ("not_seriously_harmed", "unsure"),
        },
    ),
)

QUESTIONS_BY_KEY: Final = {q.key: q for q in QUESTIONS}

AbuseType = Literal["physical", "emotional", "sexual", "neglect", "exploitation", "other"]

# --------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------


def parse_facts(raw: Any) -> dict[str, Any]:
    """Check a facts object against the questions; a missing answer is "unsure".

    Unknown keys and unknown answers are refused, naming the field, so a typo in a scripted
    call never passes silently as "unsure".
    """
    if not isinstance(raw, Mapping):
        raise InputError.one("facts", "Facts must be a JSON object of answers")
    errors: list[FieldError] = []
    facts: dict[str, Any] = {}
    for key, value in raw.items():
        question = QUESTIONS_BY_KEY.get(str(key))
        if question is None:
            errors.append(FieldError(str(key), f"'{key}' is not a question the checker asks"))
            continue
        allowed = ", ".join(question.values)
        if question.multiple:
            items = value if isinstance(value, list) else None
            if items is None or not all(isinstance(v, str) for v in items):
                errors.append(FieldError(key, f"{key} must be a list drawn from: {allowed}"))
                continue
            bad = [v for v in items if v not in question.values]
            if bad:
                errors.append(
                    FieldError(key, f"{key} has an unknown answer '{bad[0]}'; use: {allowed}")
                )
                continue
            facts[key] = sorted(set(items), key=question.values.index)
        elif value is None:
            continue
        elif value not in question.values:
            errors.append(
                FieldError(key, f"{key} has an unknown answer '{value}'; use one of: {allowed}")
            )
        else:
            facts[key] = value
    if errors:
        raise InputError(errors)
    return facts


def parse_checked_at(value: Any) -> datetime:
    """The page's local date and time of a check, ``dd/mm/yyyy hh:mm``."""
    return parse_local_datetime(value, "checked_at")


# --------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------


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
#: the care leaver's death (``_explain_ofsted``). Never a silent "no".
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


def _answer(facts: Mapping[str, Any], key: str, yes: set[str], no: set[str]) -> Tri:
    value = facts.get(key)
    if value in yes:
        return YES
    if value in no:
        return NO
    return UNSURE


@dataclass
class _Assessment:
    reasons: list[Reason] = field(default_factory=list)

    def say(self, finding: str, text: str, cite: Cite) -> None:
        self.reasons.append(Reason(finding, text, cite))


def assess(raw_facts: Any) -> dict[str, Any]:
    """Assess a case. Returns the output object documented in ``docs`` and the CLI."""
    facts = parse_facts(raw_facts)
    out = _Assessment()

    # Section 2: "Serious child safeguarding cases are those in which: abuse or neglect of a
    # child is known or suspected; and the child has died or been seriously harmed."
    abuse = _answer(facts, "abuse_or_neglect", {"known", "suspected"}, {"not_suspected"})
    harmed = _answer(facts, "harm", {"died", "seriously_harmed"}, {"not_seriously_harmed"})
    died = _answer(facts, "harm", {"died"}, {"seriously_harmed", "not_seriously_harmed"})
    serious = all_of(abuse, harmed)
    _explain_serious_case(out, facts, abuse, harmed, serious)

    # Section 3: s16C(1) Children Act 2004.
    location = facts.get("incident_location")
    in_area = _answer(
        facts, "incident_location", {"in_area"}, {"elsewhere_in_england", "outside_england"}
    )
    outside = _answer(
        facts, "incident_location", {"outside_england"}, {"in_area", "elsewhere_in_england"}
    )
    resident = _answer(facts, "normally_resident_in_area", {"yes"}, {"no"})
    where = any_of(in_area, all_of(outside, resident))
    must_notify = all_of(serious, where)
    _explain_notification(out, location, resident, serious, must_notify)

    # Section 3: "The local authority must also notify the Secretary of State and Ofsted where
    # a looked after child has died, whether or not abuse or neglect is known or suspected".
    looked_after = _answer(facts, "looked_after", {"yes"}, {"no", "care_leaver"})
    ofsted: str = all_of(looked_after, died)
    # Working Together 2023 (as partnerships read chapter 5) asks the local authority to tell
    # the Secretary of State and Ofsted of a care leaver's death up to the age of 24: guidance
    # the site could not read itself, so "check", never "no".
    care_leaver = facts.get("looked_after") == "care_leaver"
    if care_leaver:
        ofsted = {YES: CHECK, NO: NO}.get(died, UNSURE)
    _explain_ofsted(out, looked_after, died, ofsted, care_leaver)

    # Section 5: the partnership's review group arranges a Rapid Review for all cases notified
    # and all cases raised for consideration of a review by partner organisations. The Rapid
    # Review follows the notification (the Panel's FAQ: "a rapid review cannot be undertaken
    # without the prior submission of a Serious Incident Notification"), which "rests with
    # the local authority of where the serious incident took place": for an incident
    # elsewhere in England it is that area's, and so is the Rapid Review.
    elsewhere = location == "elsewhere_in_england" or (
        location == "outside_england" and resident == NO
    )
    rapid: str = OTHER_AREA if elsewhere and serious != NO else serious
    _explain_rapid_review(out, rapid, location)

    # Section 7: a case that does not meet the definition but raises issues of importance to
    # the local area: an interagency local learning event may be undertaken.
    learning = _answer(facts, "local_learning", {"yes"}, {"no"})
    line_of_sight = all_of(negate(serious), learning)
    _explain_line_of_sight(out, serious, learning, line_of_sight)

    circumstances = _national_circumstances(facts) if serious != NO else []
    _explain_circumstances(out, facts, serious, circumstances)

    return {
        "serious_case": serious,
        "la_must_notify_panel": must_notify,
        "notify_ofsted_and_secretary_of_state": ofsted,
        "rapid_review": rapid,
        "line_of_sight_learning": line_of_sight,
        "national_review_circumstances": circumstances,
        "reasons": [r.as_dict() for r in out.reasons],
        "next_steps": [
            s.as_dict()
            for s in _next_steps(serious, must_notify, ofsted, line_of_sight, location, rapid)
        ],
        "facts": facts,
    }


def _national_circumstances(facts: Mapping[str, Any]) -> list[str]:
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


def _explain_serious_case(
    out: _Assessment, facts: Mapping[str, Any], abuse: Tri, harmed: Tri, serious: Tri
) -> None:
    f = "serious_case"
    if abuse == YES:
        out.say(f, "Abuse or neglect of the child is known or suspected.", "section-2")
    elif abuse == NO:
        out.say(
            f,
            "Abuse or neglect is not known or suspected, so this is not a serious "
            "child safeguarding case.",
            "section-2",
        )
    else:
        out.say(
            f,
            "It is not yet clear whether abuse or neglect is known or suspected. "
            "Suspicion is enough: discuss the case with your agency's designated "
            "safeguarding lead.",
            "section-3",
        )
    harm = facts.get("harm")
    if harm == "died":
        out.say(f, "The child has died.", "section-2")
    elif harm == "seriously_harmed":
        out.say(f, "The child has been seriously harmed.", "section-2")
    elif harmed == NO:
        out.say(
            f,
            "The child has not died or been seriously harmed, so this is not a serious "
            "child safeguarding case.",
            "section-2",
        )
    if harm in {"seriously_harmed", "not_seriously_harmed", "unsure", None}:
        out.say(
            f,
            "Serious harm includes serious and/or long-term impairment of a child's "
            "mental health or intellectual, emotional, social or behavioural development, "
            "and impairment of physical health. Exercise judgement where impairment is "
            "likely to be long-term, even if this is not immediately certain. Even if a "
            "child recovers, including from a one-off incident, serious harm may still "
            "have occurred.",
            "section-2",
        )
    if serious == YES:
        out.say(
            f,
            "Both conditions are met: this is a serious child safeguarding case. "
            "Refer it to the safeguarding partners with the Serious Child Safeguarding "
            "Incident Notification form, after discussion with your agency's designated "
            "safeguarding lead and agreement by your service manager.",
            "section-3",
        )
    elif serious == UNSURE:
        out.say(
            f,
            "Not sure yet whether this is a serious child safeguarding case. Discuss "
            "the case with your agency's designated safeguarding lead to help formulate "
            "the rationale; if in doubt, refer it to the safeguarding partners.",
            "section-3",
        )


def _explain_notification(
    out: _Assessment, location: Any, resident: Tri, serious: Tri, must: Tri
) -> None:
    f = "la_must_notify_panel"
    if location == "in_area":
        out.say(f, f"The child died or was harmed in {AREA}'s area.", "section-3")
    elif location == "elsewhere_in_england":
        out.say(
            f,
            "The child died or was harmed elsewhere in England: the duty to notify the "
            "Panel rests with the local authority for the area where it happened, not with "
            f"{AREA}. Inform the safeguarding partners here if the case "
            "should be considered locally.",
            "section-3",
        )
    elif location == "outside_england":
        if resident == YES:
            out.say(
                f,
                f"The child, normally resident in {AREA}, died or was harmed outside England.",
                "section-3",
            )
        elif resident == NO:
            out.say(
                f,
                "The child died or was harmed outside England and is not normally "
                f"resident in {AREA}: the duty to notify the Panel rests "
                "with the local authority in England where the child normally lives, if "
                "there is one.",
                "section-3",
            )
        else:
            out.say(
                f,
                "The child died or was harmed outside England: the duty rests here only "
                f"if the child is normally resident in {AREA}.",
                "section-3",
            )
    else:
        out.say(
            f,
            "It is not clear where the child died or was harmed: the local authority "
            "must notify if it happened in its area, or outside England to a child "
            "normally resident here.",
            "section-3",
        )
    if must == YES:
        out.say(
            f,
            f"{COUNCIL_START} must notify the Child Safeguarding Practice "
            f"Review Panel within {working_days(NOTIFY_PANEL)} of becoming aware of the "
            "incident, and report it to the safeguarding partners within "
            f"{working_days(REPORT_TO_PARTNERS)}.",
            "section-3",
        )
    elif must == NO and serious == NO:
        out.say(
            f,
            "The notification duty applies only to serious child safeguarding cases.",
            "section-3",
        )
    elif must == UNSURE:
        out.say(
            f,
            "Not sure yet whether the local authority must notify the Panel. Discuss "
            "the case with your agency's designated safeguarding lead.",
            "section-3",
        )


def _explain_ofsted(
    out: _Assessment, looked_after: Tri, died: Tri, ofsted: str, care_leaver: bool
) -> None:
    f = "notify_ofsted_and_secretary_of_state"
    if ofsted == CHECK:
        out.say(
            f,
            "A care leaver has died. The procedure asks this only for a looked-after child, but "
            "Working Together to Safeguard Children 2023 (chapter 5), as partnerships read it, "
            "asks the local authority to notify the Secretary of State and Ofsted of the death "
            "of a care leaver up to and including the age of 24, whether or not abuse or "
            "neglect is known or suspected; one briefing calls this reporting non-mandatory. "
            "The site has not read the guidance's own words: check with the local authority "
            "that it has notified.",
            "section-3",
        )
    elif ofsted == YES:
        out.say(
            f,
            "A looked-after child has died: the local authority must also notify the "
            "Secretary of State and Ofsted, whether or not abuse or neglect is known or "
            "suspected.",
            "section-3",
        )
    elif ofsted == NO:
        if died != NO:
            why = "the child is not looked after"
        elif care_leaver:
            why = "the care leaver has not died"
        else:
            why = "the child has not died"
        out.say(
            f,
            f"Ofsted and the Secretary of State must be notified when a looked-after "
            f"child dies; here {why}.",
            "section-3",
        )
    else:
        out.say(
            f,
            "If the child is looked after and has died, the local authority must also "
            "notify the Secretary of State and Ofsted, whether or not abuse or neglect is "
            "known or suspected. National guidance since 2023 asks the same for a care leaver "
            "up to and including the age of 24.",
            "section-3",
        )


def _explain_rapid_review(out: _Assessment, rapid: str, location: Any) -> None:
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


def _explain_line_of_sight(out: _Assessment, serious: Tri, learning: Tri, result: Tri) -> None:
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


def _explain_circumstances(
    out: _Assessment, facts: Mapping[str, Any], serious: Tri, found: list[str]
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


def _next_steps(
    serious: Tri, must_notify: Tri, ofsted: str, line_of_sight: Tri, location: Any, rapid: str
) -> list[NextStep]:
    steps: list[NextStep] = []
    if serious != NO:
        steps.append(
            NextStep(
                "Refer the incident to the safeguarding partners as soon as possible, using "
                f"the {_LOCAL.documents['referral']} form. {_LOCAL.referral_route}",
                "section-3",
            )
        )
    if must_notify != NO:
        steps.append(
            NextStep(
                "The local authority notifies the Child Safeguarding Practice "
                f"Review Panel within {working_days(NOTIFY_PANEL)} of becoming aware.",
                "section-3",
                "notify_panel",
            )
        )
        steps.append(
            NextStep(
                "The local authority reports the incident to the safeguarding "
                f"partners within {working_days(REPORT_TO_PARTNERS)}.",
                "section-3",
                "report_to_safeguarding_partners",
            )
        )
    elif location == "elsewhere_in_england" and serious != NO:
        steps.append(
            NextStep(
                "The local authority for the area where the child died or was "
                f"harmed notifies the Panel within {working_days(NOTIFY_PANEL)} of "
                "becoming aware.",
                "section-3",
            )
        )
    if ofsted == CHECK:
        steps.append(
            NextStep(
                "Check that the local authority has told the Secretary of State and Ofsted of "
                "the care leaver's death, as national guidance since 2023 asks (see the "
                "site's page on updates in national guidance).",
                "section-3",
            )
        )
    elif ofsted != NO:
        steps.append(
            NextStep(
                "If a looked-after child (or, under national guidance since 2023, a care "
                "leaver) has died, the local authority also notifies the Secretary of State "
                "and Ofsted.",
                "section-3",
            )
        )
    if rapid == OTHER_AREA:
        steps.append(
            NextStep(
                "Tell the safeguarding partners of the area whose Rapid Review it is what your "
                "agency knows, and contribute to their Rapid Review when asked.",
                "section-5",
            )
        )
    sent, meeting = by_role("scoping_sent"), by_role("meeting")
    ours = rapid in (YES, UNSURE)
    if ours and sent is not None:
        steps.append(
            NextStep(
                f"The {_LOCAL.documents['scoping_return']} goes to all relevant agencies "
                f"{within_words(sent)}.",
                "appendix-1",
                sent.id,
            )
        )
    if ours and meeting is not None:
        steps.append(
            NextStep(
                f"The Rapid Review meeting is held {step_words(meeting)}.",
                "appendix-1",
                meeting.id,
            )
        )
    if line_of_sight != NO and serious != YES:
        steps.append(NextStep(f"Consider an interagency {LEARNING_EVENT}.", "section-7"))
    return steps


def questions() -> list[dict[str, Any]]:
    return [q.as_dict() for q in QUESTIONS]


def is_shown(question: Question, facts: Mapping[str, Any]) -> bool:
    """Whether a question is asked, given the other answers (its ``show_if``)."""
    return shown(question.show_if, facts)
