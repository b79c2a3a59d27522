"""The annual report's timeliness figures: for each measure, the cases in a period that met
it, missed it (by how many working days), or cannot be counted yet, and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from ..calendar import DEFAULT_CALENDAR, CalendarRangeError, WorkingCalendar
from ..citations import Cite
from ..timescales import (
    AFTER_WORDS,
    COPIES_BEFORE_PUBLICATION,
    NOTIFY_PANEL,
    RAPID_REVIEW_TO_PANEL,
    REPORT_WITHIN_MONTHS,
    TIMESCALES_BY_ID,
    Count,
    by_role,
    due,
    meeting_counted_from,
    meeting_window,
    meeting_window_span,
    working_days,
)
from .case import EVENT_IDS, Case


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    #: The event a case is counted from: it counts in a period when this date falls in it.
    counted_from: str
    #: The event that shows it done.
    done_by: str
    #: The last day allowed, counted as the timescale table counts it.
    latest: Count
    cite: Cite
    #: For a window (the Rapid Review meeting): the first day allowed.
    earliest: Count | None = None
    #: Only cases that went on to a local review are counted.
    local_review_only: bool = False
    #: Only cases whose step this is (``Case.has_step``) are counted.
    step: str = ""


def _row(timescale: str, event: str) -> Count:
    """The timescale table's count of ``timescale`` from ``event``."""
    return next(c for c in TIMESCALES_BY_ID[timescale].counts if c.event == event)


def _timetable_measure() -> Measure:
    """Rapid Reviews sent to the Panel by the partnership's own timetable: its
    ``sent_to_panel`` step's count (a number of working days after the meeting, or after the
    notification), each case counted in the period of the event the meeting counts from."""
    step = by_role("sent_to_panel")
    assert step is not None
    count = step.counts[0]
    n = abs(count.amount)
    start = meeting_counted_from() if count.event == "meeting" else count.event
    return Measure("rapid_review_local_timetable",
                   f"Rapid Reviews sent to the Panel within {working_days(n)} of "
                   f"{AFTER_WORDS[count.event]} (the partnership's timetable)", start,
                   "sent-to-panel", count, "appendix-1")  # fmt: skip


def _measures() -> tuple[Measure, ...]:
    """The annual report's measures, each counted by a row of the one timescale table."""
    meeting = by_role("meeting")
    assert meeting is not None
    first, last = meeting_window()
    start = meeting_counted_from()
    return (
        Measure("notification_within_5_working_days",
                f"Notifications to the Panel within {NOTIFY_PANEL} working days of the local "
                "authority becoming aware", "aware", "notified",
                _row("notify_panel", "aware"), "section-3", step="notify_panel"),
        Measure("rapid_review_within_15_working_days",
                f"Rapid Reviews sent to the Panel within {RAPID_REVIEW_TO_PANEL} working days "
                "of the notification (national guidance)", "notified", "sent-to-panel",
                _row("rapid_review_national", "notified"), "section-5",
                step="rapid_review_national"),
        _timetable_measure(),
        Measure("meeting_in_window",
                f"Rapid Review meetings held {meeting_window_span()} after "
                f"{AFTER_WORDS[start]}", start, "meeting",
                meeting.latest or meeting.counts[0], "appendix-1",
                earliest=meeting.counts[0] if first != last else None),
        Measure("published_within_6_months",
                f"Local reviews published within {REPORT_WITHIN_MONTHS} months of the "
                "decision", "decision", "publication",
                _row("final_report_published", "decision"), "section-11",
                local_review_only=True),
        Measure("copies_7_working_days_before_publication",
                f"Copies sent to the Panel and the Secretary of State at least "
                f"{COPIES_BEFORE_PUBLICATION} working days before publication", "publication",
                "copies-sent", _row("report_to_panel_and_secretary_of_state", "publication"),
                "section-11", local_review_only=True),
    )  # fmt: skip


MEASURES: Final = _measures()


@dataclass(frozen=True)
class Missed:
    reference: str
    #: Working days after the last day allowed (for a meeting held before its window opened:
    #: the working days before it opened, as a negative number).
    working_days_late: int


@dataclass(frozen=True)
class Result:
    measure: Measure
    met: int
    total: int
    missed: tuple[Missed, ...]
    #: Cases counted in the period whose last day allowed has passed with no outcome date:
    #: never guessed.
    unknown: int
    unknown_references: tuple[str, ...]
    #: Cases counted in the period whose last day allowed has not passed, with no outcome
    #: yet: neither met nor missed.
    pending: int = 0
    #: Cases with a later date in the period but no date to count the measure from: they
    #: cannot be counted in any period until that date is recorded.
    no_start_date: tuple[str, ...] = ()

    @property
    def percent(self) -> int | None:
        """The share met, in whole per cent, a half rounded up (1 of 8 is 13%)."""
        if self.total == 0:
            return None
        return (200 * self.met + self.total) // (2 * self.total)

    def words(self) -> str:
        """ "7 of 9 (78%)"; "none in the period"."""
        if self.total == 0:
            return "none to count"
        return f"{self.met} of {self.total} ({self.percent}%)"


def _outcome(m: Measure, case: Case, cal: WorkingCalendar) -> tuple[bool, int] | None:
    """Whether the case met the measure, and by how much it missed: the working days after
    the last day allowed, at least 1 (a step done on the Saturday after a Friday deadline is
    late), or for a meeting held before its window opened the working days before it opened,
    as a negative number (at most -1). None when a date it needs is missing."""
    done = case.dates.get(m.done_by)
    if done is None or any(c.event not in case.dates for c in (m.latest, m.earliest) if c):
        return None
    latest = due(m.latest, case.dates[m.latest.event], cal)
    if m.earliest is not None:
        earliest = due(m.earliest, case.dates[m.earliest.event], cal)
        if done < earliest:
            return False, min(-1, cal.working_days_between(earliest, done))
    if done > latest:
        return False, max(1, cal.working_days_between(latest, done))
    return True, 0


def _later(m: Measure, case: Case, start: date, end: date) -> bool:
    """Whether the case has a date in the period for an event after the one the measure
    counts from (so it belongs to the period, if only that date were recorded)."""
    first = EVENT_IDS.index(m.counted_from) if m.counted_from in EVENT_IDS else 0
    return any(
        start <= d <= end
        for event, d in case.dates.items()
        if event in EVENT_IDS and EVENT_IDS.index(event) > first
    )


def measure(
    m: Measure,
    cases: Sequence[Case],
    start: date,
    end: date,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
    today: date | None = None,
) -> Result:
    """One measure over the cases whose starting event falls in ``start``..``end``: "within
    N working days" is on or before the N-th working day after that event, and the working
    days late are counted from that N-th day. A case with no outcome yet is pending while
    its last day allowed is after ``today`` (default: every last day has passed), and
    unknown once it has passed; a case with a later date in the period but no date to count
    from is named apart, never dropped silently."""
    met, pending = 0, 0
    missed: list[Missed] = []
    unknown: list[str] = []
    no_start: list[str] = []
    for case in cases:
        if m.local_review_only and not case.local_review:
            continue
        if m.step and not case.has_step(m.step):
            continue
        begin = case.dates.get(m.counted_from)
        if begin is None:
            if _later(m, case, start, end):
                no_start.append(case.reference)
            continue
        if not start <= begin <= end:
            continue
        try:
            outcome = _outcome(m, case, cal)
            latest = (
                due(m.latest, case.dates[m.latest.event], cal)
                if m.latest.event in case.dates
                else None
            )
        except CalendarRangeError:
            outcome, latest = None, None
        if outcome is None and today is not None and latest is not None and latest >= today:
            pending += 1
        elif outcome is None:
            unknown.append(case.reference)
        elif outcome[0]:
            met += 1
        else:
            missed.append(Missed(case.reference, outcome[1]))
    missed.sort(key=lambda x: (-x.working_days_late, x.reference))
    return Result(m, met, met + len(missed), tuple(missed), len(unknown), tuple(unknown),
                  pending, tuple(sorted(no_start)))  # fmt: skip


def report(
    cases: Sequence[Case],
    start: date,
    end: date,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
    today: date | None = None,
) -> list[Result]:
    return [measure(m, cases, start, end, cal, today) for m in MEASURES]


def last_financial_year(today: date) -> tuple[date, date]:
    """The last complete financial year (1 April to 31 March) before ``today``."""
    year = today.year if today >= date(today.year, 4, 1) else today.year - 1
    return date(year - 1, 4, 1), date(year, 3, 31)
