"""The deadline calculator's page: reading its form, and what it shows for ``compute``'s
result (dates in words, statuses, section links, which dates would unlock the rest, and the
timeline picture).

The timescales and the counting are the rules' (``rules.deadlines``); this module only reads
the page's date boxes and words the answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from ..errors import FieldError, InputError
from ..rules.calendar import DEFAULT_CALENDAR
from ..rules.citations import SECTION_TITLES, cite_path, short_title
from ..rules.dates import long_date_with_weekday, parse_iso_date
from ..rules.deadlines import parse_events
from ..rules.timescales import DUE_SOON, EVENT_LABELS, EVENT_NAMES, EVENTS, working_days
from . import timeline

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
