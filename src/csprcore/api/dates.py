"""Working days and deadlines: the calendar and the calculator pages' calls."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..errors import InputError
from ..exports import ics
from ..rules.calendar import DEFAULT_CALENDAR
from ..rules.dates import parse_iso_date
from ..views import deadlines as deadlines_view
from ._payload import Payload, _closures, _int, _today


def workdays_add(payload: Payload) -> dict[str, Any]:
    start = parse_iso_date(payload.get("date"), "date", "a start date")
    n = _int(payload, "n")
    cal = DEFAULT_CALENDAR.with_closures(_closures(payload))
    try:
        result = cal.add_working_days(start, n)
    except ValueError as exc:
        raise InputError.one("n", str(exc)) from None
    return {"date": result.isoformat()}


def workdays_between(payload: Payload) -> dict[str, Any]:
    start = parse_iso_date(payload.get("start"), "start", "a start date")
    end = parse_iso_date(payload.get("end"), "end", "an end date")
    cal = DEFAULT_CALENDAR.with_closures(_closures(payload))
    return {"working_days": cal.working_days_between(start, end)}


def bank_holidays(payload: Payload) -> dict[str, Any]:
    year = _int(payload, "year")
    try:
        days = DEFAULT_CALENDAR.bank_holidays(year)
    except ValueError as exc:
        raise InputError.one("year", str(exc)) from None
    return {"year": year, "bank_holidays": [{"date": d.isoformat(), "name": n} for d, n in days]}


def deadline_milestones(payload: Payload) -> dict[str, Any]:
    """Events as ISO strings (``"referral": "2026-12-18"``) or as the page's three boxes
    (``referral-day``, ``-month``, ``-year``); ``closures``, a ``closure-*`` day being added,
    and ``today``. The result carries what the calculator page shows, too."""
    events, adding = deadlines_view.read_form(payload)
    today = _today(payload)
    result = deadlines_view.compute(events, _closures(payload) + adding, today)
    return deadlines_view.page_view(result, today)


def deadlines_ics(payload: Payload) -> dict[str, Any]:
    """The milestones as an iCalendar file: ``{"filename", "mime", "text"}``."""
    result = deadline_milestones(payload)
    if not result["milestones"]:
        raise InputError.one("aware", deadlines_view.NO_DATES_FOR_CALENDAR)
    return {
        "filename": ics.filename(result["events"]),
        "mime": ics.MIME,
        "text": ics.calendar(result["milestones"], result["events"], datetime.now(UTC)),
    }


def local_review_dates(payload: Payload) -> dict[str, Any]:
    """A local review's key dates (section 11): ``{"decision", "publication"?, "today"?}``.
    ``dates`` has ``final_report_due``, ``send_to_panel_by`` and ``available_until`` as ISO
    dates (the last two null without a planned publication date); ``key_dates`` has every
    date with its rule, citation and status against today."""
    from ..rules.local_review import CLI_KEYS, key_dates

    decision = parse_iso_date(
        payload.get("decision"), "decision", "the date of the decision to initiate a local review"
    )
    raw = payload.get("publication")
    publication = (
        parse_iso_date(raw, "publication", "the planned publication date") if raw else None
    )
    found = key_dates(decision, publication, today=_today(payload))
    return {
        "dates": {k: (d.isoformat() if (d := found[k].due) else None) for k in CLI_KEYS},
        "key_dates": [
            {
                "key": k.key,
                "label": k.label,
                "cite": k.cite,
                "due": k.due.isoformat() if k.due else None,
                "basis": deadlines_view.key_date_basis(k),
                "status": k.status,
                "problem": deadlines_view.key_date_problem(k),
            }
            for k in found.values()
        ],
    }
