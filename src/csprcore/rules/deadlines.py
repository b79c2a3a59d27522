"""The procedure's timescales, as one table, and the dates they give.

Each row says which event it counts from, how far, in what unit, and which section says so.
Code reads the table; the docs and tests are checked against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from datetime import date
from typing import Any, Final, Literal

from ..errors import FieldError, InputError
from .calendar import (
    DEFAULT_CALENDAR,
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    WorkingCalendar,
    add_months,
)
from .citations import Cite
from .dates import day_list, long_date, parse_iso_date

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

APPENDIX_2_DAYS_READING: Final = (
    'Appendix 1 says "within 2 days of the Rapid Review meeting". We count 2 working days, '
    "as every other timescale in the procedure is in working days, and this keeps the 15 "
    "working days from referral to the Panel that national guidance sets."
)


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
        (Count("aware", 5),),
        name="notifying the Panel",
    ),
    Timescale(
        "report_to_safeguarding_partners",
        "Local authority reports the incident to the safeguarding partners",
        "section-3",
        (Count("aware", 5),),
        name="reporting the incident to the safeguarding partners",
    ),
    Timescale(
        "scoping_template_sent",
        "Initial Scoping and Information Sharing Template sent to all relevant agencies",
        "appendix-1",
        (Count("referral", 2),),
        name="sending the Initial Scoping and Information Sharing Template",
    ),
    Timescale(
        "rapid_review_meeting_date_set",
        "Date set for the Rapid Review meeting",
        "appendix-1",
        (Count("referral", 2),),
        name="setting the date of the Rapid Review meeting",
    ),
    Timescale(
        "scoping_template_returned",
        "Completed scoping templates returned by agencies",
        "appendix-1",
        (Count("referral", 5),),
        name="returning the completed scoping templates",
    ),
    Timescale(
        "rapid_review_meeting",
        "Rapid Review meeting held",
        "appendix-1",
        (Count("referral", 7),),
        latest=Count("referral", 13),
        done_by="meeting",
        name="the Rapid Review meeting",
    ),
    Timescale(
        "rapid_review_to_panel",
        "Rapid Review Template and accompanying letter sent to the Panel; agencies told the "
        "outcome",
        "appendix-1",
        (Count("meeting", 2), Count("referral", 15)),
        done_by="sent-to-panel",
        note=APPENDIX_2_DAYS_READING,
        name="sending the Rapid Review to the Panel",
    ),
    Timescale(
        "panel_decision",
        "Panel's decision on a national review expected",
        "section-6",
        (Count("sent-to-panel", 15),),
        name="the Panel's decision on a national review",
    ),
    Timescale(
        "final_report_published",
        "Final report completed and published, at the latest",
        "section-11",
        (Count("decision", 6, "months"),),
        done_by="publication",
        name="publication of the report",
    ),
    Timescale(
        "report_to_panel_and_secretary_of_state",
        "Full report sent to the Panel and the Secretary of State",
        "section-11",
        (Count("publication", -7),),
        name="sending the full report to the Panel and the Secretary of State",
    ),
    Timescale(
        "report_to_ofsted",
        "Report, or information about improvements, sent to Ofsted",
        "section-11",
        (Count("publication", -7),),
        name="sending the report to Ofsted",
    ),
    Timescale(
        "report_available_until",
        "Published report kept publicly available until at least",
        "section-11",
        (Count("publication", 12, "months"),),
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


def parse_events(raw: Mapping[str, Any]) -> dict[str, date]:
    """Read the event dates (ISO strings, any subset) and check their order."""
    errors: list[FieldError] = []
    events: dict[str, date] = {}
    for key in raw:
        if key not in EVENTS:
            errors.append(FieldError(key, f"'{key}' is not an event the calculator counts from"))
    for key in EVENTS:
        value = raw.get(key)
        if value in (None, ""):
            continue
        try:
            events[key] = parse_iso_date(value, key, EVENT_NAMES[key])
        except InputError as exc:
            errors.extend(exc.errors)
    for order in ORDER:
        later, earlier = events.get(order.later), events.get(order.earlier)
        if later is None or earlier is None:
            continue
        too_early = later <= earlier if order.strict else later < earlier
        if too_early and not any(e.field == order.later for e in errors):
            errors.append(FieldError(order.later, order.message))
    if errors:
        raise InputError(errors)
    return events


def _apply(count: Count, events: Mapping[str, date], cal: WorkingCalendar) -> date:
    start = events[count.event]
    if count.unit == "months":
        return add_months(start, count.amount)
    return cal.add_working_days(start, count.amount)


def _describe(
    count: Count, start: date, result: date, cal: WorkingCalendar, amount_text: str = ""
) -> str:
    """ "5 working days after 18 December 2026 (...); skips 25 and 28 December: ..."."""
    n = abs(count.amount)
    direction = "after" if count.amount >= 0 else "before"
    amount = amount_text or str(n)
    if count.unit == "months":
        unit = "calendar month" if n == 1 else "calendar months"
        text = f"{amount} {unit} {direction} {long_date(start)} ({EVENTS[count.event]})"
        if result.day != start.day:
            text += f"; {long_date(result)} is the last day of that month"
        return text
    unit = "working day" if n == 1 and not amount_text else "working days"
    text = f"{amount} {unit} {direction} {long_date(start)} ({EVENTS[count.event]})"
    skipped = cal.skipped_days(start, result)
    if skipped:
        names = ", ".join(name for _, name in skipped)
        text += f"; skips {day_list([d for d, _ in skipped])}: {names}"
    return text


def compute(
    raw_events: Mapping[str, Any],
    closures: list[date] | None = None,
    today: date | None = None,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
) -> dict[str, Any]:
    """Every milestone that the given events let us work out, and what would unlock the rest."""
    events = parse_events(raw_events)
    if closures:
        cal = cal.with_closures(closures)
    milestones: list[dict[str, Any]] = []
    waiting: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for t in TIMESCALES:
        count = next((c for c in t.counts if c.event in events), None)
        if count is None:
            waiting.append(
                {"id": t.id, "label": t.label, "needs": [c.event for c in t.counts], "cite": t.cite}
            )
            continue
        try:
            milestones.append(_milestone(t, count, events, cal, today))
        except CalendarRangeError as exc:
            # This step's date is outside the bank-holiday table: say which step, and go on
            # with the others, which may still fall inside it.
            warnings.append({
                "field": count.event,
                "milestone": t.id,
                "cite": t.cite,
                "message": beyond_calendar_message(
                    t, exc.day, latest=t.latest is not None and _fits(count, events, cal)
                ),
            })  # fmt: skip
    if "referral" in events and "meeting" in events:
        problem = meeting_window_problem(events["referral"], events["meeting"], cal)
        if problem:
            warnings.append({"field": "meeting", "message": problem})
    return {
        "milestones": milestones,
        "waiting": waiting,
        "warnings": warnings,
        "events": {k: v.isoformat() for k, v in events.items()},
        "bank_holidays": _bank_holidays_in(events, milestones, cal),
        "closures": sorted({d.isoformat() for d in cal.closures}),
    }


def _fits(count: Count, events: Mapping[str, date], cal: WorkingCalendar) -> bool:
    try:
        _apply(count, events, cal)
    except CalendarRangeError:
        return False
    return True


def beyond_calendar_message(t: Timescale, day: date, *, latest: bool = False) -> str:
    """The sentence for a step whose date (``day``) the calendar cannot count to. It names
    the step, never the date, which the user did not type and cannot check; ``latest``: only
    the end of the step's window is out of reach."""
    which = "latest date" if latest else "date"
    if day.year > MAX_YEAR:
        return f"The {which} for {t.name} is after {MAX_YEAR}, the last year this calculator knows"
    return f"The {which} for {t.name} is before {MIN_YEAR}, the first year this calculator knows"


def _milestone(
    t: Timescale,
    count: Count,
    events: Mapping[str, date],
    cal: WorkingCalendar,
    today: date | None,
) -> dict[str, Any]:
    start = events[count.event]
    due = _apply(count, events, cal)
    item: dict[str, Any] = {"id": t.id, "label": t.label, "cite": t.cite}
    basis = _describe(count, start, due, cal)
    if t.latest is not None:
        latest = _apply(t.latest, events, cal)
        item["earliest"] = due.isoformat()
        item["latest"] = latest.isoformat()
        basis = _describe(
            t.latest,
            start,
            latest,
            cal,
            amount_text=f"between {count.amount} and {t.latest.amount}",
        )
        last = latest
    else:
        item["due"] = due.isoformat()
        last = due
    item["basis"] = basis
    item["counted_from"] = count.event
    if t.note and count.event == "meeting":
        item["note"] = t.note
    elif t.note:
        item["note"] = (
            "The meeting date is not known yet, so this counts 15 working days "
            "from the referral. " + t.note
        )
    if today is not None:
        item["status"] = _status(t, last, events, cal, today)
    return item


def _status(
    t: Timescale, last: date, events: Mapping[str, date], cal: WorkingCalendar, today: date
) -> str:
    """ "upcoming", "due_soon" (within 2 working days), "overdue" (past, and the event that
    shows it done is not given) or "past" (its date has gone)."""
    if last >= today:
        try:
            soon = cal.add_working_days(today, 2)
        except CalendarRangeError:
            # Two working days on from today leave the calendar, so every date it holds
            # from today on is within them.
            return "due_soon"
        return "due_soon" if last <= soon else "upcoming"
    if t.done_by is not None and t.done_by not in events:
        return "overdue"
    return "past"


def _bank_holidays_in(
    events: Mapping[str, date], milestones: list[dict[str, Any]], cal: WorkingCalendar
) -> list[dict[str, str]]:
    days = list(events.values())
    for m in milestones:
        days.extend(date.fromisoformat(m[k]) for k in ("due", "earliest", "latest") if k in m)
    if not days:
        return []
    first, last = min(days), max(days)
    found = []
    for year in range(first.year, last.year + 1):
        for day, name in cal.bank_holidays(year):
            if first <= day <= last:
                found.append({"date": day.isoformat(), "name": name})
    return found


def meeting_window_problem(
    referral: date, meeting: date, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> str | None:
    """Appendix 1: the meeting is "between 7 and 13 working days of receiving the referral".

    Returns a sentence saying how the meeting date misses the window, or None when it fits.
    """
    n = cal.working_days_between(referral, meeting)
    if 7 <= n <= 13:
        return None
    text = (
        f"The meeting is {n} working {'day' if n == 1 else 'days'} after the referral; "
        f"Appendix 1 sets it between 7 and 13 working days"
    )
    try:
        earliest = cal.add_working_days(referral, 7)
        latest = cal.add_working_days(referral, 13)
    except CalendarRangeError:
        return text  # the window runs past the calendar: no dates to give
    return f"{text} ({long_date(earliest)} to {long_date(latest)})"


def timescales_table() -> list[dict[str, Any]]:
    """The table itself, for the docs and the browser."""
    return [
        {
            "id": t.id,
            "label": t.label,
            "cite": t.cite,
            "counts": [{"event": c.event, "amount": c.amount, "unit": c.unit} for c in t.counts],
            "latest": None
            if t.latest is None
            else {"event": t.latest.event, "amount": t.latest.amount, "unit": t.latest.unit},
            "note": t.note,
        }
        for t in TIMESCALES
    ]
