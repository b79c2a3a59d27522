"""Section 2: is this a serious child safeguarding case?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..tri import NO, UNSURE, YES, Tri, all_of
from .conclusions import Assessment, answer


def serious_case(facts: Mapping[str, Any], out: Assessment) -> tuple[Tri, Tri]:
    """Whether the case is a serious child safeguarding case, and whether the child has died
    (section 3's notice to Ofsted asks)."""
    # Section 2: "Serious child safeguarding cases are those in which: abuse or neglect of a
    # child is known or suspected; and the child has died or been seriously harmed."
    abuse = answer(facts, "abuse_or_neglect", {"known", "suspected"}, {"not_suspected"})
    harmed = answer(facts, "harm", {"died", "seriously_harmed"}, {"not_seriously_harmed"})
    died = answer(facts, "harm", {"died"}, {"seriously_harmed", "not_seriously_harmed"})
    serious = all_of(abuse, harmed)
    _explain(out, facts, abuse, harmed, serious)
    return serious, died


def _explain(
    out: Assessment, facts: Mapping[str, Any], abuse: Tri, harmed: Tri, serious: Tri
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
