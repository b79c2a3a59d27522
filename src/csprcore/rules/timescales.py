"""The procedure's timescales: the one table every date, sentence and check reads.

Each row says which event it counts from, how far, in what unit, and which section says so.
The national timescales are named constants here, each with the law or guidance behind it;
the partnership's own (Appendix 1 in North East Lincolnshire) come from its profile
(``partnership.yml``, ``timescales``). No other module writes a number of days: they read
this table, or the helpers below that put its numbers into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from datetime import date
from typing import Final, Literal

from ..partnership import RapidReviewStep, current
from .calendar import DEFAULT_CALENDAR, WorkingCalendar, add_months
from .citations import Cite

_LOCAL: Final = current()

# --- national timescales ----------------------------------------------------------------

#: Children Act 2004 s16C(1); Working Together: the local authority notifies the Panel
#: "within five working days of becoming aware" (section 3).
NOTIFY_PANEL: Final = 5
#: Section 3: it also reports the event to the safeguarding partners within five working days.
REPORT_TO_PARTNERS: Final = 5
#: The Panel's guidance for safeguarding partners (June 2025, as partnerships following it
#: cite it): the Rapid Review reaches the Panel within 15 working days of the local
#: authority's notification to the Panel.
RAPID_REVIEW_TO_PANEL: Final = 15
RAPID_REVIEW_SOURCE: Final = "the Panel's guidance for safeguarding partners"
#: Section 6: the Panel aims to decide "within 15 working days of a rapid review being
#: received".
PANEL_DECISION: Final = 15
#: Section 11, from Working Together (statutory guidance, not a regulation): the final report
#: is completed and published within six months of the decision to initiate the review.
REPORT_WITHIN_MONTHS: Final = 6
#: Section 11: copies to the Panel, the Secretary of State and Ofsted "at least seven working
#: days before publication".
COPIES_BEFORE_PUBLICATION: Final = 7
#: Section 11: the published report stays available for at least one year.
AVAILABLE_FOR_MONTHS: Final = 12
#: The site's own warning, not the procedure's: a step due within this many working days is
#: shown as "due soon".
DUE_SOON: Final = 2

Event = Literal[
    "aware", "notified", "referral", "meeting", "sent-to-panel", "decision", "publication"
]
Unit = Literal["working_days", "months"]

#: The events timescales count from, in the order they happen, with their wording.
EVENTS: Final[dict[str, str]] = {
    "aware": "the local authority became aware of the incident",
    "notified": "the local authority notified the Panel",
    "referral": "the referral was received",
    "meeting": "the Rapid Review meeting was held",
    "sent-to-panel": "the Rapid Review was sent to the Panel",
    "decision": "the decision to initiate a local review",
    "publication": "the planned publication date",
}

#: Each event's date as it is named in a sentence: "Enter {name}", "{Name} must be a real
#: date". (The wording of ``EVENTS`` reads well after "counted from", not after "the date".)
EVENT_NAMES: Final[dict[str, str]] = {
    "aware": "the date the local authority became aware of the incident",
    "notified": "the date the local authority notified the Panel",
    "referral": "the date the referral was received",
    "meeting": "the date of the Rapid Review meeting",
    "sent-to-panel": "the date the Rapid Review was sent to the Panel",
    "decision": "the date of the decision to initiate a local review",
    "publication": "the planned publication date",
}
#: Each event's date as a label: "Date the referral was received", "Planned publication date".
EVENT_LABELS: Final[dict[str, str]] = {
    k: name.removeprefix("the ")[:1].upper() + name.removeprefix("the ")[1:]
    for k, name in EVENT_NAMES.items()
}

#: The profile's ``from`` as the event it names.
FROM_EVENT: Final[dict[str, Event]] = {
    "notification": "notified", "referral": "referral", "meeting": "meeting"}  # fmt: skip
#: The event that records a step of each role done, where the calculator has one.
ROLE_EVENT: Final[dict[str, Event]] = {"meeting": "meeting", "sent_to_panel": "sent-to-panel"}


@dataclass(frozen=True)
class Count:
    """``amount`` units after (before, when negative) ``event``. ``via``: a count through a
    step whose own date is not known yet, from the latest date it may have ("the latest
    date for the Rapid Review meeting"); "" for a count straight from the event."""

    event: Event
    amount: int
    unit: Unit = "working_days"
    via: str = ""


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
    #: The partnership's step (its profile's ``rapid_review_steps``), or None for a national
    #: timescale.
    step: RapidReviewStep | None = None
    #: Where a national timescale comes from, beside the procedure's section it cites.
    source: str = ""

    @property
    def role(self) -> str | None:
        return self.step.role if self.step is not None else None

    def count_for(self, events: Mapping[str, date]) -> Count | None:
        """The count the known ``events`` allow: the first of ``counts`` whose event is
        known (a step's own recorded event before the latest date of the step it follows)."""
        return next((c for c in self.counts if c.event in events), None)


def due(count: Count, start: date, cal: WorkingCalendar = DEFAULT_CALENDAR) -> date:
    """The date ``count`` gives, counted from ``start`` (the date of ``count.event``): the one
    piece of due-date arithmetic every step, form and register reads.

    * ``months``: the same day-number that many calendar months later, clamped to a shorter
      month's end (section 11: the final report "no later than six months from the date of
      the decision"; the report available "for at least one year");
    * ``working_days``: the n-th working day after ``start`` (before it when negative:
      section 11's copies "at least seven working days before publication"); ``start``
      itself never counts, and 0 is ``start``.

    A step counted from a step whose own date is not known yet counts from that step's last
    day: ``_local`` folds the chain into one count (``Count.via``), so it is counted here
    like any other. Raises ``CalendarRangeError`` past the calendar's years."""
    if count.unit == "months":
        return add_months(start, count.amount)
    return cal.add_working_days(start, count.amount)


def _sentence_name(step: RapidReviewStep) -> str:
    return f"the step \u201c{step.name}\u201d"


def _local() -> tuple[Timescale, ...]:
    """The partnership's Rapid Review steps as rows of the table. A step counted from an
    earlier step counts from that step's recorded event when there is one (the meeting
    held), and otherwise from the latest date the earlier step may have, through to the
    event it counts from: "the N-th working day after the M-th working day after X" is the
    (M+N)-th working day after X, so the chain is one count, which says how it was made."""
    rows: dict[str, Timescale] = {}
    meeting = _LOCAL.step("meeting")
    for step in _LOCAL.steps:
        first, last = step.window if step.window else (step.working_days or 0,) * 2
        if step.from_ in ("notification", "referral"):
            counts: tuple[Count, ...] = (Count(FROM_EVENT[step.from_], first),)
            latest = Count(FROM_EVENT[step.from_], last) if step.window else None
        else:
            source = rows[meeting.id if step.from_ == "meeting" and meeting else step.from_]
            assert source.step is not None
            own = ROLE_EVENT.get(source.step.role or "")
            via = f"the latest date for {_sentence_name(source.step)}"
            ends = (source.latest,) if source.latest is not None else source.counts
            counts = (
                *((Count(own, first),) if own else ()),
                *(Count(c.event, c.amount + first, via=via) for c in ends),
            )
            latest = None
        rows[step.id] = Timescale(
            step.id,
            step.name,
            "appendix-1",
            counts,
            latest=latest,
            done_by=ROLE_EVENT.get(step.role or ""),
            note=step.note,
            name=_sentence_name(step),
            step=step,
        )
    return tuple(rows.values())


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
    *_local(),
    Timescale(
        "rapid_review_national",
        "Rapid Review with the Panel (national guidance)",
        "section-5",
        (Count("notified", RAPID_REVIEW_TO_PANEL),),
        done_by="sent-to-panel",
        name="the Rapid Review reaching the Panel",
        source=RAPID_REVIEW_SOURCE,
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
    """``later`` cannot come before ``earlier`` (nor on the same day, when ``strict``): the
    calculator's events (``ORDER``, with the error it gives and the section behind it) and
    the case register's (``rules.register.ORDER``, whose file check words its own errors)."""

    later: str
    earlier: str
    message: str = ""
    cite: Cite | None = None
    _: KW_ONLY
    strict: bool = False


#: Events that cannot come before another. The error is on the later event's field, and it
#: blocks the calculation: a date in the wrong order is a mistyped date, and deadlines
#: counted from it would be wrong.
ORDER: Final[tuple[Order, ...]] = (
    # Section 3: the local authority notifies the Panel once it is aware of the incident,
    # and the Panel receives a Rapid Review only after the notification (the Panel's FAQ).
    Order(
        "notified",
        "aware",
        "The date the Panel was notified must be the same as or after the date the local "
        "authority became aware of the incident",
        "section-3",
    ),
    Order(
        "sent-to-panel",
        "notified",
        "The date sent to the Panel must be the same as or after the notification to the Panel",
        "section-3",
    ),
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


def by_role(role: str) -> Timescale | None:
    """The partnership's step with this role (``partnership.STEP_ROLES``), if it has one."""
    return next((t for t in TIMESCALES if t.role == role), None)


def meeting() -> Timescale:
    """The Rapid Review meeting's step (every profile has one)."""
    found = by_role("meeting")
    assert found is not None
    return found


def meeting_window() -> tuple[int, int]:
    """The meeting's earliest and latest working day after the event it counts from
    (``meeting_counted_from``); the same day twice for a meeting with one due date."""
    t = meeting()
    last = t.latest if t.latest is not None else t.counts[0]
    return t.counts[0].amount, last.amount


def meeting_counted_from() -> Event:
    return meeting().counts[0].event


def meeting_window_span() -> str:
    """ "7 to 13 working days"."""
    first, last = meeting_window()
    return f"{first} to {last} working days" if first != last else working_days(last)


def meeting_window_words() -> str:
    """ "between 7 and 13 working days"."""
    first, last = meeting_window()
    return f"between {first} and {last} working days" if first != last else working_days(last)


def steps_by_role() -> dict[str, Timescale]:
    return {t.role: t for t in TIMESCALES if t.role is not None}


#: Each event as "N working days after ..." names it.
AFTER_WORDS: Final[dict[str, str]] = {
    "aware": "the local authority became aware",
    "notified": "the notification to the Panel",
    "referral": "the referral",
    "meeting": "the meeting",
    "sent-to-panel": "the Rapid Review is sent to the Panel",
    "decision": "the decision",
    "publication": "publication",
}


def step_words(t: Timescale) -> str:
    """How a step is counted, in words: "2 working days after the meeting", "between 7 and
    13 working days after the referral"."""
    first = t.counts[0]
    n = abs(first.amount)
    if t.latest is not None and t.latest.amount != first.amount:
        amount_text = f"between {n} and {abs(t.latest.amount)} working days"
    elif first.unit == "months":
        amount_text = f"{n} month{'' if n == 1 else 's'}"
    else:
        amount_text = working_days(n)
    direction = "before" if first.amount < 0 else "after"
    return f"{amount_text} {direction} {AFTER_WORDS[first.event]}"


def role_words(role: str) -> str:
    """A role's step counted in words, or "" when the partnership has no such step."""
    t = by_role(role)
    return step_words(t) if t is not None else ""


def within_words(t: Timescale) -> str:
    """A step's deadline as a sentence asks for it: "within 5 working days of the referral",
    "on the day of the notification to the Panel", "between 7 and 13 working days after the
    referral" (a window)."""
    first = t.counts[0]
    if (t.latest is not None and t.latest.amount != first.amount) or first.amount < 0:
        return step_words(t)
    if first.amount == 0:
        return f"on the day of {AFTER_WORDS[first.event]}"
    return f"within {working_days(first.amount)} of {AFTER_WORDS[first.event]}"
