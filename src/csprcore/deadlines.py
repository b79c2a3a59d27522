"""The procedure's timescales, as one table, and the dates they give.

Each row says which event it counts from, how far, in what unit, and which section says so.
Code reads the table; the docs and tests are checked against it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from datetime import date
from typing import Any, Final, Literal

from . import timeline
from .calendar import (
    DEFAULT_CALENDAR,
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    WorkingCalendar,
    add_months,
)
from .citations import Cite
from .dates import day_list, long_date, long_date_with_weekday, parse_iso_date
from .errors import FieldError, InputError

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


# --- the calculator page: reading its form and what it shows ----------------------------

#: The three boxes of a GOV.UK date input: ``<field>-day``, ``<field>-month``, ``<field>-year``.
DATE_PARTS: Final = ("day", "month", "year")

#: The page's office-closure date input, and its name in a sentence.
CLOSURE_FIELD: Final = "closure"
CLOSURE_NAME: Final = "the office closure day"

#: Keys a payload may carry besides the events (ISO or in parts) and a closure being added.
_OTHER_KEYS: Final = frozenset({"closures", "today"})

#: The order fields appear on the page, so errors are listed in that order.
_FIELD_ORDER: Final = (*EVENTS, CLOSURE_FIELD, "closures", "today")

_DIGITS: Final = re.compile(r"[0-9]{1,4}")

#: What each status (``_status``) says, in the table, the picture and the calendar file.
STATUS_TEXT: Final[dict[str, str]] = {
    "upcoming": "Upcoming",
    "due_soon": "Due within 2 working days",
    "overdue": "Overdue",
    "past": "Date has passed",
}

#: Every fixed sentence of the calculator page, rendered into it at build time.
PAGE_TEXT: Final[dict[str, str]] = {
    "intro": (
        "Enter the dates you know; leave the rest blank. The deadlines appear below as you "
        "type, with how each one was counted and the part of the procedure it comes from."
    ),
    "dates_heading": "Dates you know",
    "closures_heading": "Office closure days",
    "closures_hint": (
        "Days your office is shut, for example between Christmas and New Year. They count as "
        "non-working days in this calculation only."
    ),
    "closure_legend": "Office closure day",
    "closure_hint": "For example, 29 12 2026",
    "add_closure": "Add closure day",
    "remove_closure": "Remove",
    "closures_none": "No closure days added.",
    "closures_list": "Closure days added",
    "submit": "Work out deadlines",
    "results_heading": "Deadlines",
    "results_loading": "The deadlines will appear here once the rule core has started.",
    "results_empty": "Enter at least one date to see when each step is due.",
    "results_invalid": (
        "There is a problem with the dates you entered. Correct it to see the deadlines."
    ),
    "results_incomplete": "The deadlines will update when you finish entering the date.",
    "table_caption": "When each step is due",
    "col_number": "No.",
    "col_label": "What is due",
    "col_date": "Date",
    "col_basis": "How it was counted",
    "col_section": "Section",
    "col_status": "Status",
    "reading": "How we read the procedure:",
    "calendar_button": "Add to calendar",
    "calendar_hint": (
        "Downloads a calendar file (.ics) with each deadline as an all-day event and a "
        "reminder at 9am the day before. Outlook, Google Calendar and Apple Calendar can "
        "import it."
    ),
    "print_button": "Print",
    "timeline_heading": "Timeline",
    "timeline_hint": (
        "The weeks that have a date in them, as a calendar. Numbers match the table. Weeks "
        "with nothing in them are left out."
    ),
    "unlock_heading": "Dates that would work out the rest",
    "bank_holidays_heading": "Bank holidays in this period",
    "bank_holidays_none": "No bank holidays fall in this period.",
    "events_heading": "Dates used",
    "warning": "Warning",
}

NO_DATES_FOR_CALENDAR: Final = "Enter at least one date to make a calendar file"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def date_from_parts(payload: Mapping[str, Any], field: str, name: str) -> date | None:
    """A date from a GOV.UK date input's three boxes, or None when all three are empty.

    ``name`` is the date's name in a sentence ("the date the referral was received"); the
    errors are GOV.UK's: "... must include a month", "... must be a real date".
    """
    texts: list[str] = []
    for part in DATE_PARTS:
        value = payload.get(f"{field}-{part}")
        if value is None:
            value = ""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise InputError.one(field, f"{_cap(name)} must be a real date")
        texts.append(str(value).strip())
    if not any(texts):
        return None
    missing = [part for part, text in zip(DATE_PARTS, texts, strict=True) if not text]
    if missing:
        raise InputError.one(field, f"{_cap(name)} must include a {' and '.join(missing)}")
    day, month, year = texts
    if not all(_DIGITS.fullmatch(text) for text in texts):
        raise InputError.one(field, f"{_cap(name)} must be a real date")
    if len(year) != 4:
        raise InputError.one(field, f"{_cap(name)} must include a year with 4 numbers")
    return parse_iso_date(f"{year}-{int(month):02d}-{int(day):02d}", field, name)


def read_form(payload: Mapping[str, Any]) -> tuple[dict[str, str], list[date]]:
    """The events a payload gives, as checked ISO strings, and any closure day being added.

    Each event comes as an ISO string (``"referral": "2026-12-18"``, the CLI) or as the
    page's three boxes (``referral-day``, ``referral-month``, ``referral-year``); the boxes
    win when both are sent. Every problem is reported at once, in page order.
    """
    errors: list[FieldError] = []
    part_keys = {f"{f}-{p}" for f in (*EVENTS, CLOSURE_FIELD) for p in DATE_PARTS}
    for key in payload:
        if key not in EVENTS and key not in part_keys and key not in _OTHER_KEYS:
            errors.append(FieldError(key, f"'{key}' is not an event the calculator counts from"))
    raw: dict[str, str] = {}
    for event in EVENTS:
        try:
            if any(f"{event}-{p}" in payload for p in DATE_PARTS):
                day = date_from_parts(payload, event, EVENT_NAMES[event])
                if day is not None:
                    raw[event] = day.isoformat()
            elif payload.get(event) not in (None, ""):
                raw[event] = payload[event]
        except InputError as exc:
            errors.extend(exc.errors)
    try:
        checked = parse_events(raw)
    except InputError as exc:
        errors.extend(exc.errors)
        checked = {}
    # Sending the closure boxes adds that day: empty boxes are a day not yet entered.
    closures: list[date] = []
    if any(f"{CLOSURE_FIELD}-{p}" in payload for p in DATE_PARTS):
        try:
            closure = date_from_parts(payload, CLOSURE_FIELD, CLOSURE_NAME)
            if closure is None:
                errors.append(FieldError(CLOSURE_FIELD, f"Enter {CLOSURE_NAME}"))
            else:
                closures.append(closure)
        except InputError as exc:
            errors.extend(exc.errors)
    if errors:
        order = {field: i for i, field in enumerate(_FIELD_ORDER)}
        raise InputError(sorted(errors, key=lambda e: order.get(e.field, -1)))
    return {k: v.isoformat() for k, v in checked.items()}, closures


def _window_text(earliest: date, latest: date) -> str:
    return f"Between {long_date_with_weekday(earliest)} and {long_date_with_weekday(latest)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _unlock(waiting: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "Enter the date the referral was received to work out: ...", one per missing date."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for item in waiting:
        groups.setdefault(tuple(item["needs"]), []).append(item)
    out = []
    for needs, items in groups.items():
        names = " or ".join(EVENT_NAMES[e] for e in needs)
        out.append({
            "needs": list(needs),
            "field": needs[0],
            "text": f"Enter {names} to work out:",
            "milestones": [{"id": i["id"], "label": i["label"]} for i in items],
        })  # fmt: skip
    return out


def page_view(result: dict[str, Any], today: date) -> dict[str, Any]:
    """``compute``'s result with what the calculator page shows: dates in words, statuses,
    section links, which dates would unlock the rest, and the timeline picture."""
    from .citations import SECTION_TITLES, cite_path, short_title

    cal = DEFAULT_CALENDAR.with_closures(date.fromisoformat(d) for d in result["closures"])
    milestones: list[dict[str, Any]] = result["milestones"]
    for number, m in enumerate(milestones, 1):
        m["number"] = number
        if "due" in m:
            m["date_text"] = long_date_with_weekday(date.fromisoformat(m["due"]))
        else:
            m["date_text"] = _window_text(
                date.fromisoformat(m["earliest"]), date.fromisoformat(m["latest"])
            )
        if "status" in m:
            m["status_text"] = STATUS_TEXT[m["status"]]
        m["section"] = short_title(m["cite"])
        m["section_title"] = SECTION_TITLES[m["cite"]]
        m["cite_path"] = cite_path(m["cite"])
    for holiday in result["bank_holidays"]:
        holiday["text"] = long_date_with_weekday(date.fromisoformat(holiday["date"]))
        holiday["line"] = f"{holiday['text']}: {holiday['name']}"
    closure_days = []
    for iso in result["closures"]:
        day = date.fromisoformat(iso)
        reason = DEFAULT_CALENDAR.non_working_reason(day)
        text = long_date_with_weekday(day)
        note = f"already a non-working day ({reason})" if reason else ""
        closure_days.append(
            {"date": iso, "text": text, "note": note, "line": f"{text} ({note})" if note else text}
        )
    result["closure_days"] = closure_days
    result["events_used"] = [
        {
            "event": event,
            "label": EVENT_LABELS[event],
            "date": iso,
            "text": long_date_with_weekday(date.fromisoformat(iso)),
            "line": f"{EVENT_LABELS[event]}: {long_date_with_weekday(date.fromisoformat(iso))}",
        }
        for event, iso in result["events"].items()
    ]
    result["unlock"] = _unlock(result["waiting"])
    result["today"] = today.isoformat()
    summary = ""
    beyond = sum(1 for w in result["warnings"] if "milestone" in w)
    if milestones or beyond:
        summary = (
            f"{_plural(len(milestones), 'milestone') if milestones else 'No milestones'} "
            "worked out from "
            f"{_plural(len(result['events']), 'date')}."
        )
        if beyond:
            summary += (
                f" {beyond} could not be worked out: {'it falls' if beyond == 1 else 'they fall'}"
                f" outside the years this calculator knows."
            )
        overdue = sum(1 for m in milestones if m.get("status") == "overdue")
        soon = sum(1 for m in milestones if m.get("status") == "due_soon")
        if overdue:
            summary += f" {overdue} {'is' if overdue == 1 else 'are'} overdue."
        if soon:
            summary += f" {soon} {'is' if soon == 1 else 'are'} due within 2 working days."
    result["summary_text"] = summary
    result["timeline"] = (
        timeline.build(
            milestones, result["events"], today, cal, EVENT_LABELS, STATUS_TEXT
        ).to_json()
        if milestones
        else None
    )
    return result
