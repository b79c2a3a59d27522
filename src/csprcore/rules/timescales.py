"""The procedure's timescales: the one table every date, sentence and check reads.

Each row says which event it counts from, how far, in what unit, and which section says so.
The national timescales are named constants here, each with the law or guidance behind it;
the partnership's own (Appendix 1 in North East Lincolnshire) come from its profile
(``partnership.yml``, ``timescales``). No other module writes a number of days: they read
this table, or the helpers below that put its numbers into words.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Final, Literal

from ..partnership import current
from .citations import Cite

_LOCAL: Final = current()

# --- national timescales ----------------------------------------------------------------

#: Children Act 2004 s16C(1); Working Together: the local authority notifies the Panel
#: "within five working days of becoming aware" (section 3).
NOTIFY_PANEL: Final = 5
#: Section 3: it also reports the event to the safeguarding partners within five working days.
REPORT_TO_PARTNERS: Final = 5
#: National guidance: the Rapid Review reaches the Panel within 15 working days of the
#: referral (the count used while the meeting date is not known).
RAPID_REVIEW_TO_PANEL: Final = 15
#: Section 6: the Panel aims to decide "within 15 working days of a rapid review being
#: received".
PANEL_DECISION: Final = 15
#: Section 11 (reg 13 and Working Together): the final report is completed and published
#: within six months of the decision to initiate the review.
REPORT_WITHIN_MONTHS: Final = 6
#: Section 11: copies to the Panel, the Secretary of State and Ofsted "at least seven working
#: days before publication".
COPIES_BEFORE_PUBLICATION: Final = 7
#: Section 11: the published report stays available for at least one year.
AVAILABLE_FOR_MONTHS: Final = 12
#: The site's own warning, not the procedure's: a step due within this many working days is
#: shown as "due soon".
DUE_SOON: Final = 2

Event = Literal["aware", "referral", "meeting", "sent-to-panel", "decision", "publication"]
Unit = Literal["working_days", "months"]

#: The events timescales count from, in the order they happen, with their wording.
EVENTS: Final[dict[str, str]] = {
    "aware": "the local authority became aware of the incident",
    "referral": "the referral was received",
    "meeting": "the Rapid Review meeting was held",
    "sent-to-panel": "the Rapid Review was sent to the Panel",
    "decision": "the decision to initiate a local review",
    "publication": "the planned publication date",
}

EVENT_LABELS: Final[dict[str, str]] = {
    "aware": "Date the local authority became aware of the incident",
    "referral": "Date the referral was received",
    "meeting": "Date of the Rapid Review meeting",
    "sent-to-panel": "Date the Rapid Review was sent to the Panel",
    "decision": "Date of the decision to initiate a local review",
    "publication": "Planned publication date",
}

#: Each event's date as it is named in a sentence: "Enter {name}", "{Name} must be a real
#: date". (The wording of ``EVENTS`` reads well after "counted from", not after "the date".)
EVENT_NAMES: Final[dict[str, str]] = {
    "aware": "the date the local authority became aware of the incident",
    "referral": "the date the referral was received",
    "meeting": "the date of the Rapid Review meeting",
    "sent-to-panel": "the date the Rapid Review was sent to the Panel",
    "decision": "the date of the decision to initiate a local review",
    "publication": "the planned publication date",
}

#: How the site reads the partnership's words where they are ambiguous, for a local timescale
#: ("within 2 days" in North East Lincolnshire's Appendix 1): from the profile.
APPENDIX_2_DAYS_READING: Final = _LOCAL.timescale_notes.get("rapid_review_to_panel", "")


@dataclass(frozen=True)
class Count:
    """``amount`` units after (before, when negative) ``event``."""

    event: Event
    amount: int
    unit: Unit = "working_days"


@dataclass(frozen=True)
class Timescale:
    id: str
    label: str
    cite: Cite
    #: Ways to count the due date, in order of preference: the first whose event is known wins.
    counts: tuple[Count, ...]
    #: For a window (the Rapid Review meeting): the latest date; ``counts`` gives the earliest.
    latest: Count | None = None
    #: The event that shows this step was done, where the calculator is told of one.
    done_by: Event | None = None
    note: str = ""
    _: KW_ONLY
    #: The step as a sentence names it: "The date for {name} is after 2099, ...".
    name: str


TIMESCALES: Final[tuple[Timescale, ...]] = (
    Timescale(
        "notify_panel",
        "Local authority notifies the Child Safeguarding Practice Review Panel",
        "section-3",
        (Count("aware", NOTIFY_PANEL),),
        name="notifying the Panel",
    ),
    Timescale(
        "report_to_safeguarding_partners",
        "Local authority reports the incident to the safeguarding partners",
        "section-3",
        (Count("aware", REPORT_TO_PARTNERS),),
        name="reporting the incident to the safeguarding partners",
    ),
    Timescale(
        "scoping_template_sent",
        "Initial Scoping and Information Sharing Template sent to all relevant agencies",
        "appendix-1",
        (Count("referral", _LOCAL.days("scoping_template_sent")),),
        name="sending the Initial Scoping and Information Sharing Template",
    ),
    Timescale(
        "rapid_review_meeting_date_set",
        "Date set for the Rapid Review meeting",
        "appendix-1",
        (Count("referral", _LOCAL.days("rapid_review_meeting_date_set")),),
        name="setting the date of the Rapid Review meeting",
    ),
    Timescale(
        "scoping_template_returned",
        "Completed scoping templates returned by agencies",
        "appendix-1",
        (Count("referral", _LOCAL.days("scoping_template_returned")),),
        name="returning the completed scoping templates",
    ),
    Timescale(
        "rapid_review_meeting",
        "Rapid Review meeting held",
        "appendix-1",
        (Count("referral", _LOCAL.window("rapid_review_meeting")[0]),),
        latest=Count("referral", _LOCAL.window("rapid_review_meeting")[1]),
        done_by="meeting",
        name="the Rapid Review meeting",
    ),
    Timescale(
        "rapid_review_to_panel",
        "Rapid Review Template and accompanying letter sent to the Panel; agencies told the "
        "outcome",
        "appendix-1",
        (
            Count("meeting", _LOCAL.days("rapid_review_to_panel")),
            Count("referral", RAPID_REVIEW_TO_PANEL),
        ),
        done_by="sent-to-panel",
        note=APPENDIX_2_DAYS_READING,
        name="sending the Rapid Review to the Panel",
    ),
    Timescale(
        "panel_decision",
        "Panel's decision on a national review expected",
        "section-6",
        (Count("sent-to-panel", PANEL_DECISION),),
        name="the Panel's decision on a national review",
    ),
    Timescale(
        "final_report_published",
        "Final report completed and published, at the latest",
        "section-11",
        (Count("decision", REPORT_WITHIN_MONTHS, "months"),),
        done_by="publication",
        name="publication of the report",
    ),
    Timescale(
        "report_to_panel_and_secretary_of_state",
        "Full report sent to the Panel and the Secretary of State",
        "section-11",
        (Count("publication", -COPIES_BEFORE_PUBLICATION),),
        name="sending the full report to the Panel and the Secretary of State",
    ),
    Timescale(
        "report_to_ofsted",
        "Report, or information about improvements, sent to Ofsted",
        "section-11",
        (Count("publication", -COPIES_BEFORE_PUBLICATION),),
        name="sending the report to Ofsted",
    ),
    Timescale(
        "report_available_until",
        "Published report kept publicly available until at least",
        "section-11",
        (Count("publication", AVAILABLE_FOR_MONTHS, "months"),),
        name="keeping the report publicly available",
    ),
)

TIMESCALES_BY_ID: Final = {t.id: t for t in TIMESCALES}


@dataclass(frozen=True)
class Order:
    """``later`` cannot come before ``earlier`` (nor on the same day, when ``strict``)."""

    later: Event
    earlier: Event
    message: str
    cite: Cite
    strict: bool = False


#: Events that cannot come before another. The error is on the later event's field, and it
#: blocks the calculation: a date in the wrong order is a mistyped date, and deadlines
#: counted from it would be wrong.
ORDER: Final[tuple[Order, ...]] = (
    # Section 3: the referral comes after the incident, and the local authority is one of
    # the safeguarding partners who receive it, so it cannot be received before the local
    # authority became aware (the referral form checks the same of its own dates).
    Order(
        "referral",
        "aware",
        "The date the referral was received must be the same as or after the date the "
        "local authority became aware of the incident",
        "section-3",
    ),
    Order(
        "meeting",
        "referral",
        "The Rapid Review meeting must be the same as or after the referral",
        "appendix-1",
    ),
    Order(
        "sent-to-panel",
        "meeting",
        "The date sent to the Panel must be the same as or after the Rapid Review meeting",
        "appendix-1",
    ),
    Order(
        "sent-to-panel",
        "referral",
        "The date sent to the Panel must be the same as or after the referral",
        "appendix-1",
    ),
    Order(
        "publication",
        "decision",
        "The publication date must be after the decision to initiate a review",
        "section-11",
        strict=True,
    ),
)


# --- the table's numbers in words ----------------------------------------------------------


def working_days(n: int) -> str:
    """ "1 working day", "5 working days"."""
    return f"{n} working day{'' if n == 1 else 's'}"


def amount(timescale: str) -> int:
    """The number of working days (or months) of a timescale's first count."""
    return abs(TIMESCALES_BY_ID[timescale].counts[0].amount)


def meeting_window() -> tuple[int, int]:
    """Appendix 1: the Rapid Review meeting's earliest and latest working day after the
    referral."""
    t = TIMESCALES_BY_ID["rapid_review_meeting"]
    assert t.latest is not None
    return t.counts[0].amount, t.latest.amount


def meeting_window_span() -> str:
    """ "7 to 13 working days"."""
    first, last = meeting_window()
    return f"{first} to {last} working days"


def meeting_window_words() -> str:
    """ "between 7 and 13 working days"."""
    first, last = meeting_window()
    return f"between {first} and {last} working days"
