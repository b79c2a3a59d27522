"""Section 3: who must notify the Child Safeguarding Practice Review Panel, and when Ofsted and
the Secretary of State must be told."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...partnership.names import AREA, COUNCIL_START
from ..timescales import NOTIFY_PANEL, REPORT_TO_PARTNERS, working_days
from ..tri import NO, UNSURE, YES, Tri, all_of, any_of
from .conclusions import CHECK, Assessment, answer


def must_notify_panel(facts: Mapping[str, Any], out: Assessment, serious: Tri) -> Tri:
    """Whether the local authority here must notify the Panel."""
    # Section 3: s16C(1) Children Act 2004.
    location = facts.get("incident_location")
    in_area = answer(
        facts, "incident_location", {"in_area"}, {"elsewhere_in_england", "outside_england"}
    )
    outside = answer(
        facts, "incident_location", {"outside_england"}, {"in_area", "elsewhere_in_england"}
    )
    resident = answer(facts, "normally_resident_in_area", {"yes"}, {"no"})
    where = any_of(in_area, all_of(outside, resident))
    must_notify = all_of(serious, where)
    _explain_notification(out, location, resident, serious, must_notify)
    return must_notify


def notify_ofsted(facts: Mapping[str, Any], out: Assessment, died: Tri) -> str:
    """Whether Ofsted and the Secretary of State must be told: a three-valued answer, or
    ``CHECK`` for a care leaver's death."""
    # Section 3: "The local authority must also notify the Secretary of State and Ofsted where
    # a looked after child has died, whether or not abuse or neglect is known or suspected".
    looked_after = answer(facts, "looked_after", {"yes"}, {"no", "care_leaver"})
    ofsted: str = all_of(looked_after, died)
    # Working Together 2023 (as partnerships read chapter 5) asks the local authority to tell
    # the Secretary of State and Ofsted of a care leaver's death up to the age of 24: guidance
    # the site could not read itself, so "check", never "no".
    care_leaver = facts.get("looked_after") == "care_leaver"
    if care_leaver:
        ofsted = {YES: CHECK, NO: NO}.get(died, UNSURE)
    _explain_ofsted(out, looked_after, died, ofsted, care_leaver)
    return ofsted


def _explain_notification(
    out: Assessment, location: Any, resident: Tri, serious: Tri, must: Tri
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
    out: Assessment, looked_after: Tri, died: Tri, ofsted: str, care_leaver: bool
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
