"""What happens next, after a check: who refers, notifies and meets, and by when (sections 3,
5 and 7 and Appendix 1's timetable)."""

from __future__ import annotations

from typing import Any

from ...partnership.names import LEARNING_EVENT, LOCAL
from ..timescales import (
    NOTIFY_PANEL,
    REPORT_TO_PARTNERS,
    by_role,
    step_words,
    within_words,
    working_days,
)
from ..tri import NO, UNSURE, YES, Tri
from .conclusions import CHECK, OTHER_AREA, NextStep


def next_steps(
    serious: Tri, must_notify: Tri, ofsted: str, line_of_sight: Tri, location: Any, rapid: str
) -> list[NextStep]:
    steps: list[NextStep] = []
    if serious != NO:
        steps.append(
            NextStep(
                "Refer the incident to the safeguarding partners as soon as possible, using "
                f"the {LOCAL.documents['referral']} form. {LOCAL.referral_route}",
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
                f"The {LOCAL.documents['scoping_return']} goes to all relevant agencies "
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
