"""The dates the timescale table (``rules.timescales``) gives for the events a user knows.

Code reads the table; the docs and tests are checked against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..errors import FieldError, InputError
from .calendar import (
    DEFAULT_CALENDAR,
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    WorkingCalendar,
)
from .citations import cited
from .dates import day_list, long_date, parse_iso_date
from .timescales import (
    AFTER_WORDS,
    DUE_SOON,
    EVENT_NAMES,
    EVENTS,
    ORDER,
    TIMESCALES,
    TIMESCALES_BY_ID,
    Count,
    Timescale,
    due,
    meeting_counted_from,
    meeting_window,
    meeting_window_words,
    step_words,
    working_days,
)
from .timescales import meeting as meeting_step


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


def _describe(
    count: Count, start: date, result: date, cal: WorkingCalendar, amount_text: str = ""
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
        count = t.count_for(events)
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
    warnings.extend(_binding(milestones))
    start = meeting_counted_from()
    if start in events and "meeting" in events:
        problem = meeting_window_problem(events[start], events["meeting"], cal)
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


def in_words(m: Mapping[str, Any], events: Mapping[str, date]) -> str:
    """How a milestone was counted, as a date's hint says it: "N working days after the
    referral on 14 October 2026"; the full basis when it was counted through another step."""
    t = TIMESCALES_BY_ID[m["id"]]
    start = events.get(m["counted_from"])
    if start is None or m["counted_from"] != t.counts[0].event:
        return str(m["basis"])
    return f"{step_words(t)} on {long_date(start)}"


def _binding(milestones: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where the partnership's date for a step serving the Rapid Review's arrival at the
    Panel falls after the national deadline: the national deadline binds, and it is said
    on both (``binds``: ``national``)."""
    national = next((m for m in milestones if m["id"] == "rapid_review_national"), None)
    if national is None:
        return []
    deadline = date.fromisoformat(national["due"])
    found = []
    for m in milestones:
        t = TIMESCALES_BY_ID[m["id"]]
        if t.step is None or t.role not in ("sent_to_panel", "sign_off", "meeting"):
            continue
        last = date.fromisoformat(m.get("due") or m["latest"])
        if last > deadline:
            m["binds"] = "national"
            national["binds"] = "national"
            found.append({
                "field": "notified",
                "milestone": m["id"],
                "cite": "section-5",
                "message": f"The partnership's date for {t.name}, {long_date(last)}, is after "
                f"the national deadline for the Rapid Review to reach the Panel, "
                f"{long_date(deadline)}: the national deadline binds",
            })  # fmt: skip
    return found


def _fits(count: Count, events: Mapping[str, date], cal: WorkingCalendar) -> bool:
    try:
        due(count, events[count.event], cal)
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
    first = due(count, start, cal)
    item: dict[str, Any] = {"id": t.id, "label": t.label, "cite": t.cite}
    basis = _describe(count, start, first, cal)
    if t.latest is not None:
        latest = due(t.latest, events[t.latest.event], cal)
        item["earliest"] = first.isoformat()
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
        item["due"] = first.isoformat()
        last = first
    item["basis"] = basis
    item["counted_from"] = count.event
    if count.via:
        item["note"] = (
            f"Counted from {count.via}, as that date is not known yet: "
            f"{working_days(count.amount)} after {AFTER_WORDS[count.event]}."
            + (f" {t.note}" if t.note else "")
        )
    elif t.note:
        item["note"] = t.note
    if t.source:
        item["source"] = t.source
    if t.step is not None and t.step.quote:
        item["quote"] = t.step.quote
    if today is not None:
        item["status"] = _status(t, last, events, cal, today)
    return item


def _status(
    t: Timescale, last: date, events: Mapping[str, date], cal: WorkingCalendar, today: date
) -> str:
    """ "upcoming", "due_soon" (within ``DUE_SOON`` working days), "overdue" (past, and the
    event that shows it done is not given) or "past" (its date has gone)."""
    if last >= today:
        try:
            soon = cal.add_working_days(today, DUE_SOON)
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
    start: date, meeting: date, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> str | None:
    """Appendix 1: the meeting is held within the partnership's window of working days after
    the event it counts from (``timescales.meeting_window``, ``meeting_counted_from``).

    Returns a sentence saying how the meeting date misses the window, or None when it fits.
    """
    first, last = meeting_window()
    n = cal.working_days_between(start, meeting)
    if first <= n <= last:
        return None
    after = AFTER_WORDS[meeting_counted_from()]
    text = (
        f"The meeting is {working_days(n)} after {after}; "
        f"{cited('appendix-1', capital=True)} sets it {meeting_window_words()}"
    )
    window = meeting_step()
    try:
        earliest = due(window.counts[0], start, cal)
        latest = due(window.latest or window.counts[0], start, cal)
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
            "role": t.role,
            "source": t.source,
        }
        for t in TIMESCALES
    ]
