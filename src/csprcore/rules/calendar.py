"""England and Wales working days.

Section 11 of the procedure: "'Working day' means any day which is not a Saturday, Sunday or
Bank Holiday". Bank holidays come from the ``holidays`` package (United Kingdom, subdivision
England), which carries substitute days and one-off days (the 2022 Platinum Jubilee and State
Funeral, the 2023 Coronation). A calendar can also take office closures and bank holidays
announced after the package was released.

Counting conventions (used by every timescale in ``csprcore.rules.deadlines``):

* "within N working days of X" is the N-th working day after X; X itself never counts,
  whatever day it is;
* "N working days before P" is the N-th working day before P;
* calendar months keep the day-number, clamped to the end of a shorter month.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Final

#: The years this calendar answers for. Bank holidays further out are guesses (one-off days
#: are announced a year or two ahead), and further back the procedure did not exist.
MIN_YEAR: Final = 2000
MAX_YEAR: Final = 2099

_ONE_DAY: Final = timedelta(days=1)


class CalendarRangeError(ValueError):
    """A date falls outside the years the calendar can answer for."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"{day.isoformat()} is outside the years this calendar covers "
            f"({MIN_YEAR} to {MAX_YEAR})"
        )
        self.day = day


def check_in_range(day: date) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CalendarRangeError(day)
    return day


@cache
def _package_bank_holidays(year: int) -> Mapping[date, str]:
    """Bank holidays in England and Wales for ``year``, weekdays only, from the table that
    ``scripts/bank_holidays.py`` writes from the ``holidays`` package (a test keeps the two
    equal for every year this calendar covers)."""
    from .bank_holidays_data import BANK_HOLIDAYS

    return {date.fromisoformat(day): name for day, name in BANK_HOLIDAYS[year]}


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days in England and Wales, with optional extra non-working days.

    ``closures`` are days an office is shut (they stop counting as working days);
    ``extra_bank_holidays`` are bank holidays announced after the ``holidays`` release.
    """

    closures: frozenset[date] = field(default_factory=frozenset)
    extra_bank_holidays: Mapping[date, str] = field(default_factory=dict)

    def bank_holidays(self, year: int) -> list[tuple[date, str]]:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise CalendarRangeError(date(max(1, min(year, 9999)), 1, 1))
        days = dict(_package_bank_holidays(year))
        days.update(
            (d, name)
            for d, name in self.extra_bank_holidays.items()
            if d.year == year and d.weekday() < 5
        )
        return sorted(days.items())

    def bank_holiday_name(self, day: date) -> str | None:
        check_in_range(day)
        if day in self.extra_bank_holidays:
            return self.extra_bank_holidays[day]
        return _package_bank_holidays(day.year).get(day)

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day ("Saturday", a holiday's name, ...), else None."""
        check_in_range(day)
        if day.weekday() >= 5:
            return _stdlib_calendar.day_name[day.weekday()]
        holiday = self.bank_holiday_name(day)
        if holiday is not None:
            return holiday
        if day in self.closures:
            return "office closure"
        return None

    def is_working_day(self, day: date) -> bool:
        # The same answer as ``non_working_reason(day) is None``, without naming the reason:
        # the register counts hundreds of thousands of days.
        check_in_range(day)
        if day.weekday() >= 5:
            return False
        return (
            day not in self.closures
            and day not in self.extra_bank_holidays
            and day not in _package_bank_holidays(day.year)
        )

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (before it when n < 0); 0 returns ``start``.

        ``start`` itself never counts, whatever day it is.
        """
        check_in_range(start)
        if n == 0:
            return start
        if not self.closures and not self.extra_bank_holidays:
            return _add_from_table(start, n)
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        remaining = abs(n)
        day = start
        while remaining:
            day = check_in_range(_shift(day, step))
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative of ``(end, start]`` when end < start."""
        check_in_range(start)
        check_in_range(end)
        if end < start:
            return -self.working_days_between(end, start)
        # Counted, not walked: the weekdays in the span, less the weekdays that are bank
        # holidays or closures (a case register counts back years for every overdue step).
        days = (end - start).days
        weeks, extra = divmod(days, 7)
        first = start.weekday()
        weekdays = weeks * 5 + sum(1 for i in range(1, extra + 1) if (first + i) % 7 < 5)
        off: set[date] = set()
        for year in range(start.year, end.year + 1):
            off.update(_package_bank_holidays(year))
        off.update(self.extra_bank_holidays)
        off.update(self.closures)
        return weekdays - sum(1 for d in off if start < d <= end and d.weekday() < 5)

    def skipped_days(self, start: date, end: date) -> list[tuple[date, str]]:
        """Weekdays between start and end (either order, ends excluded) that did not count."""
        low, high = sorted((start, end))
        skipped = []
        for day in _days(low + _ONE_DAY, high - _ONE_DAY):
            if day.weekday() < 5:
                reason = self.non_working_reason(day)
                if reason is not None:
                    skipped.append((day, reason))
        return skipped

    def with_closures(self, closures: Iterable[date]) -> WorkingCalendar:
        return WorkingCalendar(
            closures=self.closures | frozenset(closures),
            extra_bank_holidays=self.extra_bank_holidays,
        )


@cache
def _working_ordinals(year: int) -> tuple[int, ...]:
    """The day numbers (``date.toordinal``) of ``year``'s England and Wales working days."""
    holidays = {d.toordinal() for d in _package_bank_holidays(year)}
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    # Day number 1 (1 January of year 1) was a Monday.
    return tuple(o for o in range(first, last + 1) if (o - 1) % 7 < 5 and o not in holidays)


def _add_from_table(start: date, n: int) -> date:
    """``add_working_days`` for a calendar of bank holidays alone, by looking the answer up
    in each year's list of working days rather than walking day by day: the case register
    counts thousands of steps. The same answers (a property test walks the days)."""
    year, day = start.year, start.toordinal()
    days = _working_ordinals(year)
    if n > 0:
        i = bisect_right(days, day)  # days[i] is the first working day after start
        while n > len(days) - i:
            n -= len(days) - i
            year += 1
            if year > MAX_YEAR:
                raise CalendarRangeError(date(MAX_YEAR, 12, 31) + _ONE_DAY)
            days, i = _working_ordinals(year), 0
        return date.fromordinal(days[i + n - 1])
    n = -n
    i = bisect_left(days, day)  # days[i - 1] is the last working day before start
    while n > i:
        n -= i
        year -= 1
        if year < MIN_YEAR:
            raise CalendarRangeError(date(MIN_YEAR, 1, 1) - _ONE_DAY)
        days = _working_ordinals(year)
        i = len(days)
    return date.fromordinal(days[i - n])


def _shift(day: date, step: timedelta) -> date:
    try:
        return day + step
    except OverflowError:
        raise CalendarRangeError(day) from None


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


def add_months(start: date, months: int) -> date:
    """Same day-number ``months`` calendar months later, clamped to a shorter month's end.

    31 August + 6 months is 28 (or 29) February; 29 February + 12 months is 28 February.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarRangeError(date(max(1, min(year, 9999)), month0 + 1, 1))
    last = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


DEFAULT_CALENDAR: Final = WorkingCalendar()


def add_working_days(start: date, n: int) -> date:
    """The n-th England and Wales working day after ``start`` (before it when n < 0)."""
    return DEFAULT_CALENDAR.add_working_days(start, n)


def working_days_between(start: date, end: date) -> int:
    """England and Wales working days in (start, end]."""
    return DEFAULT_CALENDAR.working_days_between(start, end)


def is_working_day(day: date) -> bool:
    return DEFAULT_CALENDAR.is_working_day(day)


def bank_holidays(year: int) -> list[tuple[date, str]]:
    """England and Wales bank holidays in ``year`` (weekdays, substitute days included)."""
    return DEFAULT_CALENDAR.bank_holidays(year)
