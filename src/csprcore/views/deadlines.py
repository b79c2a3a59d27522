"""The deadline calculator's page: reading its form, and what it shows for ``compute``'s
result (dates in words, statuses, section links, which dates would unlock the rest, and the
timeline picture).

The timescales and the counting are the rules' (``rules.deadlines.calculate``: typed
``Milestone`` dates); this module reads the page's date boxes and words the answer: how each
date was counted ("basis"), notes, warnings and statuses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from ..errors import FieldError, InputError
from ..rules.calendar import DEFAULT_CALENDAR, MAX_YEAR, MIN_YEAR, WorkingCalendar
from ..rules.citations import SECTION_TITLES, cite_path, cited, short_title
from ..rules.dates import day_list, long_date, long_date_with_weekday, parse_iso_date
from ..rules.deadlines import (
    Calculation,
    MeetingMiss,
    Milestone,
    calculate,
    meeting_window_miss,
    parse_events,
)
from ..rules.timescales import (
    AFTER_WORDS,
    DUE_SOON,
    EVENT_LABELS,
    EVENT_NAMES,
    EVENTS,
    Count,
    Timescale,
    meeting_counted_from,
    meeting_window_words,
    step_words,
    working_days,
)
from . import timeline

if TYPE_CHECKING:
    from ..rules.local_review import KeyDate

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
    "due_soon": f"Due within {working_days(DUE_SOON)}",
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
            summary += (
                f" {soon} {'is' if soon == 1 else 'are'} due within {working_days(DUE_SOON)}."
            )
    result["summary_text"] = summary
    result["timeline"] = (
        timeline.build(
            milestones, result["events"], today, cal, EVENT_LABELS, STATUS_TEXT
        ).to_json()
        if milestones
        else None
    )
    return result


# --- the calculator's answer in words ----------------------------------------------------


def compute(
    raw_events: Mapping[str, Any],
    closures: list[date] | None = None,
    today: date | None = None,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
) -> dict[str, Any]:
    """The calculator's answer for events given as ISO strings (``parse_events``), as JSON:
    every milestone the events let us work out, with how it was counted, and what would
    unlock the rest."""
    return calculation_json(calculate(parse_events(raw_events), closures, today, cal))


def calculation_json(c: Calculation) -> dict[str, Any]:
    """A ``Calculation`` in the calculator's JSON (the CLI's, the api's, the pages')."""
    warnings: list[dict[str, Any]] = [
        {
            "field": b.count.event,
            "milestone": b.timescale.id,
            "cite": b.timescale.cite,
            "message": beyond_calendar_message(b.timescale, b.day, latest=b.latest_only),
        }
        for b in c.beyond
    ]
    if c.national_deadline is not None:
        warnings.extend(_binding_json(m, c.national_deadline) for m in c.binding)
    if c.meeting_miss is not None:
        warnings.append({"field": "meeting", "message": meeting_miss_words(c.meeting_miss)})
    return {
        "milestones": [milestone_json(m) for m in c.milestones],
        "waiting": [
            {"id": t.id, "label": t.label, "needs": [n.event for n in t.counts], "cite": t.cite}
            for t in c.waiting
        ],
        "warnings": warnings,
        "events": {k: v.isoformat() for k, v in c.events.items()},
        "bank_holidays": [{"date": d.isoformat(), "name": n} for d, n in c.bank_holidays],
        "closures": sorted({d.isoformat() for d in c.calendar.closures}),
    }


def milestone_json(m: Milestone) -> dict[str, Any]:
    t = m.timescale
    item: dict[str, Any] = {"id": t.id, "label": t.label, "cite": t.cite}
    if m.latest is not None:
        item["earliest"] = m.due.isoformat()
        item["latest"] = m.latest.isoformat()
    else:
        item["due"] = m.due.isoformat()
    item["basis"] = basis(m)
    item["counted_from"] = m.counted_from
    note = milestone_note(m)
    if note:
        item["note"] = note
    if t.source:
        item["source"] = t.source
    if t.step is not None and t.step.quote:
        item["quote"] = t.step.quote
    if m.status is not None:
        item["status"] = m.status
    if m.binds:
        item["binds"] = "national"
    return item


def milestone_note(m: Milestone) -> str:
    """A step counted through another whose date is not known yet says so; and the step's
    own note from the partnership's profile."""
    t, count = m.timescale, m.count
    if count.via:
        return (
            f"Counted from {count.via}, as that date is not known yet: "
            f"{working_days(count.amount)} after {AFTER_WORDS[count.event]}."
            + (f" {t.note}" if t.note else "")
        )
    return t.note


def basis(m: Milestone) -> str:
    """How a milestone was counted: the amount after (or before) the event's date, the
    event, and the days skipped; a window's, to its last day."""
    t, count = m.timescale, m.count
    if t.latest is not None and m.latest is not None:
        return _describe(
            t.latest,
            m.start,
            m.latest,
            m.skipped,
            amount_text=f"between {count.amount} and {t.latest.amount}",
        )
    return _describe(count, m.start, m.due, m.skipped)


def _describe(
    count: Count,
    start: date,
    result: date,
    skipped: Sequence[tuple[date, str]],
    amount_text: str = "",
) -> str:
    """How a date was counted: the amount, the event's date, and the days skipped."""
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
    if count.via:
        text += f", through {count.via}, whose own date is not known yet"
    if skipped:
        names = ", ".join(name for _, name in skipped)
        text += f"; skips {day_list([d for d, _ in skipped])}: {names}"
    return text


def in_words(m: Milestone) -> str:
    """How a milestone was counted, as a date's hint says it: "N working days after the
    referral on 14 October 2026"; the full basis when it was counted through another step."""
    t = m.timescale
    if m.counted_from != t.counts[0].event:
        return basis(m)
    return f"{step_words(t)} on {long_date(m.start)}"


def _binding_json(m: Milestone, deadline: date) -> dict[str, Any]:
    t = m.timescale
    return {
        "field": "notified",
        "milestone": t.id,
        "cite": "section-5",
        "message": f"The partnership's date for {t.name}, {long_date(m.last)}, is after "
        f"the national deadline for the Rapid Review to reach the Panel, "
        f"{long_date(deadline)}: the national deadline binds",
    }


def beyond_calendar_message(t: Timescale, day: date, *, latest: bool = False) -> str:
    """The sentence for a step whose date (``day``) the calendar cannot count to. It names
    the step, never the date, which the user did not type and cannot check; ``latest``: only
    the end of the step's window is out of reach."""
    which = "latest date" if latest else "date"
    if day.year > MAX_YEAR:
        return f"The {which} for {t.name} is after {MAX_YEAR}, the last year this calculator knows"
    return f"The {which} for {t.name} is before {MIN_YEAR}, the first year this calculator knows"


def meeting_window_problem(
    start: date, meeting: date, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> str | None:
    """Appendix 1: a sentence saying how the meeting date misses the partnership's window
    (``rules.deadlines.meeting_window_miss``), or None when it fits."""
    miss = meeting_window_miss(start, meeting, cal)
    return meeting_miss_words(miss) if miss is not None else None


def meeting_miss_words(miss: MeetingMiss) -> str:
    after = AFTER_WORDS[meeting_counted_from()]
    text = (
        f"The meeting is {working_days(miss.working_days)} after {after}; "
        f"{cited('appendix-1', capital=True)} sets it {meeting_window_words()}"
    )
    if miss.earliest is None or miss.latest is None:
        return text  # the window runs past the calendar: no dates to give
    return f"{text} ({long_date(miss.earliest)} to {long_date(miss.latest)})"


def key_date_basis(k: KeyDate) -> str:
    """How a local review's key date was counted, or "" when it was not."""
    return basis(k.milestone) if k.milestone is not None else ""


def key_date_problem(k: KeyDate) -> str:
    """Why a key date that has what it counts from cannot be given, or ""."""
    b = k.beyond
    return beyond_calendar_message(b.timescale, b.day, latest=b.latest_only) if b else ""
