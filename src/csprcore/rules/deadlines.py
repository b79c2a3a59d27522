"""The dates the timescale table (``rules.timescales``) gives for the events a user knows.

Code reads the table; the docs and tests are checked against it. The answer is typed
(``Calculation``: ``Milestone`` dates with the row and the event each was counted from); its
words ("basis" sentences, labels, statuses) are made in ``views.deadlines``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from ..errors import FieldError, InputError
from .calendar import DEFAULT_CALENDAR, CalendarRangeError, WorkingCalendar
from .dates import check_in_years, parse_iso_date
from .timescales import (
    DUE_SOON,
    EVENT_NAMES,
    EVENTS,
    ORDER,
    TIMESCALES,
    Count,
    Event,
    Timescale,
    due,
    meeting_counted_from,
    meeting_window,
)
from .timescales import meeting as meeting_step


def parse_events(raw: Mapping[str, Any]) -> dict[str, date]:
    """Read the event dates (ISO strings, any subset) and check their order."""
    return _checked(raw, lambda key, value: parse_iso_date(value, key, EVENT_NAMES[key]))


def check_events(events: Mapping[str, date]) -> dict[str, date]:
    """Event dates already read (a case's, a form's): ``parse_events``'s checks, each date in
    the calendar's years and in order."""
    return _checked(events, lambda key, day: check_in_years(day, key, EVENT_NAMES[key]))


def _checked(raw: Mapping[str, Any], read: Callable[[str, Any], date]) -> dict[str, date]:
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
            events[key] = read(key, value)
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


MilestoneStatus = Literal["upcoming", "due_soon", "overdue", "past"]


@dataclass(frozen=True)
class Milestone:
    """A step of the timescale table dated from the events given: the date, the row it was
    counted by and the event it was counted from. ``views.deadlines`` words it."""

    timescale: Timescale
    #: The row's count that was used: its event, amount and unit, and ``via`` (a step whose
    #: own date is not known yet, counted through to its latest date).
    count: Count
    #: The date of ``count.event``.
    start: date
    #: The due date; for a window (the Rapid Review meeting), its first day.
    due: date
    #: For a window, its last day.
    latest: date | None = None
    #: The weekdays the count to the last day skips (bank holidays, closures), with why.
    skipped: tuple[tuple[date, str], ...] = ()
    #: Against ``today``, when one was given.
    status: MilestoneStatus | None = None
    #: The partnership's date is after the national deadline (or, on the national
    #: milestone, some partnership date is): the national deadline binds.
    binds: bool = False

    @property
    def id(self) -> str:
        return self.timescale.id

    @property
    def counted_from(self) -> Event:
        return self.count.event

    @property
    def last(self) -> date:
        """The last day for it: the due date, or a window's last day."""
        return self.latest if self.latest is not None else self.due


@dataclass(frozen=True)
class Beyond:
    """A step whose date the calendar cannot count to (``day``, outside its years)."""

    timescale: Timescale
    count: Count
    day: date
    #: Only the end of the step's window is out of reach.
    latest_only: bool = False


@dataclass(frozen=True)
class MeetingMiss:
    """A Rapid Review meeting held outside its window (Appendix 1): ``working_days`` after
    the event it counts from; the window's dates, where the calendar can count them."""

    working_days: int
    earliest: date | None
    latest: date | None


@dataclass(frozen=True)
class Calculation:
    """Every milestone the given events let us work out, and what would unlock the rest."""

    events: Mapping[str, date]
    milestones: tuple[Milestone, ...]
    #: The steps no given event counts: each needs one of its counts' events.
    waiting: tuple[Timescale, ...]
    beyond: tuple[Beyond, ...]
    #: The partnership's steps whose date is after the national deadline (section 5).
    binding: tuple[Milestone, ...]
    national_deadline: date | None
    meeting_miss: MeetingMiss | None
    bank_holidays: tuple[tuple[date, str], ...]
    calendar: WorkingCalendar


def calculate(
    events: Mapping[str, date],
    closures: Iterable[date] | None = None,
    today: date | None = None,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
) -> Calculation:
    """The milestones of the timescale table for ``events`` (checked: ``parse_events``)."""
    if closures:
        cal = cal.with_closures(closures)
    milestones: list[Milestone] = []
    waiting: list[Timescale] = []
    beyond: list[Beyond] = []
    for t in TIMESCALES:
        count = t.count_for(events)
        if count is None:
            waiting.append(t)
            continue
        try:
            milestones.append(_milestone(t, count, events, cal, today))
        except CalendarRangeError as exc:
            # This step's date is outside the bank-holiday table: say which step, and go on
            # with the others, which may still fall inside it.
            latest_only = t.latest is not None and _fits(count, events, cal)
            beyond.append(Beyond(t, count, exc.day, latest_only))
    milestones, binding, national = _binding(milestones)
    miss = None
    start = meeting_counted_from()
    if start in events and "meeting" in events:
        miss = meeting_window_miss(events[start], events["meeting"], cal)
    return Calculation(
        events=dict(events),
        milestones=tuple(milestones),
        waiting=tuple(waiting),
        beyond=tuple(beyond),
        binding=binding,
        national_deadline=national,
        meeting_miss=miss,
        bank_holidays=_bank_holidays_in(events, milestones, cal),
        calendar=cal,
    )


def _binding(
    milestones: list[Milestone],
) -> tuple[list[Milestone], tuple[Milestone, ...], date | None]:
    """Where the partnership's date for a step serving the Rapid Review's arrival at the
    Panel falls after the national deadline (section 5): the national deadline binds, and it
    is said on both (``binds``)."""
    national = next((m for m in milestones if m.id == "rapid_review_national"), None)
    if national is None:
        return milestones, (), None
    deadline = national.due
    late = {
        m.id
        for m in milestones
        if m.timescale.step is not None
        and m.timescale.role in ("sent_to_panel", "sign_off", "meeting")
        and m.last > deadline
    }
    if not late:
        return milestones, (), deadline
    marked = [replace(m, binds=True) if m.id in late or m is national else m for m in milestones]
    return marked, tuple(m for m in marked if m.id in late), deadline


def _fits(count: Count, events: Mapping[str, date], cal: WorkingCalendar) -> bool:
    try:
        due(count, events[count.event], cal)
    except CalendarRangeError:
        return False
    return True


def _skipped(
    count: Count, start: date, end: date, cal: WorkingCalendar
) -> tuple[tuple[date, str], ...]:
    return () if count.unit == "months" else tuple(cal.skipped_days(start, end))


def _milestone(
    t: Timescale,
    count: Count,
    events: Mapping[str, date],
    cal: WorkingCalendar,
    today: date | None,
) -> Milestone:
    start = events[count.event]
    first = due(count, start, cal)
    skipped = _skipped(count, start, first, cal)
    latest = None
    if t.latest is not None:
        latest = due(t.latest, events[t.latest.event], cal)
        skipped = _skipped(t.latest, start, latest, cal)
    last = latest if latest is not None else first
    status = _status(t, last, events, cal, today) if today is not None else None
    return Milestone(t, count, start, first, latest, skipped, status)


def _status(
    t: Timescale, last: date, events: Mapping[str, date], cal: WorkingCalendar, today: date
) -> MilestoneStatus:
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
    events: Mapping[str, date], milestones: list[Milestone], cal: WorkingCalendar
) -> tuple[tuple[date, str], ...]:
    days = list(events.values())
    for m in milestones:
        days.extend(d for d in (m.due, m.latest) if d is not None)
    if not days:
        return ()
    first, last = min(days), max(days)
    found = []
    for year in range(first.year, last.year + 1):
        for day, name in cal.bank_holidays(year):
            if first <= day <= last:
                found.append((day, name))
    return tuple(found)


def meeting_window_miss(
    start: date, meeting: date, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> MeetingMiss | None:
    """Appendix 1: the meeting is held within the partnership's window of working days after
    the event it counts from (``timescales.meeting_window``, ``meeting_counted_from``).

    None when the meeting date fits; otherwise how far after ``start`` it is, and the
    window's dates (None when the window runs past the calendar)."""
    first, last = meeting_window()
    n = cal.working_days_between(start, meeting)
    if first <= n <= last:
        return None
    window = meeting_step()
    try:
        earliest = due(window.counts[0], start, cal)
        latest = due(window.latest or window.counts[0], start, cal)
    except CalendarRangeError:
        return MeetingMiss(n, None, None)  # the window runs past the calendar: no dates
    return MeetingMiss(n, earliest, latest)


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
