"""``timescales.due``: the one due-date count that the calculator, the register, the
timeliness report and the forms all read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore.rules.calendar import DEFAULT_CALENDAR, CalendarRangeError, WorkingCalendar
from csprcore.rules.timescales import TIMESCALES, TIMESCALES_BY_ID, Count, due

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def test_working_days_after_an_event_skip_weekends_and_bank_holidays() -> None:
    # Friday 18 December 2026: five working days on skip the weekend, Christmas Day and
    # Boxing Day (substitute Monday 28th).
    assert due(Count("aware", 5), date(2026, 12, 18)) == date(2026, 12, 29)


def test_zero_is_the_day_itself_and_negative_counts_back() -> None:
    assert due(Count("notified", 0), date(2026, 6, 6)) == date(2026, 6, 6)
    # Section 11: copies "at least seven working days before publication".
    assert due(Count("publication", -7), date(2026, 6, 10)) == date(2026, 6, 1)


def test_months_clamp_to_the_end_of_a_shorter_month() -> None:
    # Section 11: six months from 31 August is the last day of February.
    assert due(Count("decision", 6, "months"), date(2026, 8, 31)) == date(2027, 2, 28)


def test_closures_are_not_working_days() -> None:
    cal = DEFAULT_CALENDAR.with_closures([date(2026, 6, 2)])
    assert due(Count("aware", 1), date(2026, 6, 1), cal) == date(2026, 6, 3)


def test_past_the_calendar_is_an_error_not_a_date() -> None:
    with pytest.raises(CalendarRangeError):
        due(Count("decision", 6, "months"), date(2099, 10, 1))


@settings(max_examples=200, deadline=None)
@given(start=DAYS, n=st.integers(min_value=-40, max_value=40))
def test_working_days_counted_are_the_calendars(start: date, n: int) -> None:
    cal = DEFAULT_CALENDAR
    day = due(Count("referral", n), start)
    if n >= 0:
        assert day >= start and cal.working_days_between(start, day) == n
    else:  # counted back: the working days in [day, start), ``start`` itself never counting
        assert day < start and cal.working_days_between(day, start - timedelta(days=1)) == -n - 1
    if n != 0:
        assert cal.is_working_day(day)


@settings(max_examples=200, deadline=None)
@given(start=DAYS, months=st.integers(min_value=0, max_value=24))
def test_months_keep_the_day_number_or_end_the_month(start: date, months: int) -> None:
    day = due(Count("decision", months, "months"), start)
    assert (day.year * 12 + day.month) - (start.year * 12 + start.month) == months
    assert day.day == start.day or (day.day < start.day and (day + timedelta(days=1)).day == 1)


@settings(max_examples=100, deadline=None)
@given(start=DAYS, first=st.integers(0, 20), then=st.integers(0, 20))
def test_a_chain_through_an_unknown_step_is_one_count(start: date, first: int, then: int) -> None:
    """A step counted from a step whose date is not known yet counts from that step's last
    day: the n-th working day after the m-th working day after X is the (m+n)-th."""
    cal = WorkingCalendar()
    via = due(Count("referral", first), start, cal)
    assert due(Count("meeting", then), via, cal) == due(Count("referral", first + then), start, cal)


def test_every_step_of_the_table_counts_through_due() -> None:
    events = dict.fromkeys(
        ("aware", "notified", "referral", "meeting", "sent-to-panel", "decision", "publication"),
        date(2026, 3, 2),
    )
    for t in TIMESCALES:
        count = t.count_for(events)
        assert count is not None and count is t.counts[0]
        assert due(count, events[count.event]) >= date(2025, 1, 1)
    assert TIMESCALES_BY_ID["notify_panel"].count_for({}) is None
