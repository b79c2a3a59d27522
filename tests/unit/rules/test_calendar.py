"""England and Wales working days: ``csprcore.rules.calendar``.

Section 11 of the procedure: "'Working day' means any day which is not a Saturday, Sunday or
Bank Holiday". The bank holidays below are GOV.UK's list for England and Wales
(https://www.gov.uk/bank-holidays), typed in here as data so that a change in the ``holidays``
package cannot move a deadline without a test failing.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from csprcore.rules import calendar
from csprcore.rules.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    WorkingCalendar,
    add_months,
    add_working_days,
    bank_holidays,
    is_working_day,
    working_days_between,
)

PROPERTY = settings(max_examples=200, deadline=None)

# --------------------------------------------------------------------------------------
# GOV.UK bank holidays, England and Wales, 2019-2027
# --------------------------------------------------------------------------------------

GOV_UK_BANK_HOLIDAYS: dict[int, list[tuple[str, str]]] = {
    2019: [
        ("2019-01-01", "New Year's Day"),
        ("2019-04-19", "Good Friday"),
        ("2019-04-22", "Easter Monday"),
        ("2019-05-06", "Early May bank holiday"),
        ("2019-05-27", "Spring bank holiday"),
        ("2019-08-26", "Summer bank holiday"),
        ("2019-12-25", "Christmas Day"),
        ("2019-12-26", "Boxing Day"),
    ],
    2020: [
        ("2020-01-01", "New Year's Day"),
        ("2020-04-10", "Good Friday"),
        ("2020-04-13", "Easter Monday"),
        ("2020-05-08", "Early May bank holiday (VE day), moved from Monday 4 May"),
        ("2020-05-25", "Spring bank holiday"),
        ("2020-08-31", "Summer bank holiday"),
        ("2020-12-25", "Christmas Day"),
        ("2020-12-28", "Boxing Day (substitute day)"),
    ],
    2021: [
        ("2021-01-01", "New Year's Day"),
        ("2021-04-02", "Good Friday"),
        ("2021-04-05", "Easter Monday"),
        ("2021-05-03", "Early May bank holiday"),
        ("2021-05-31", "Spring bank holiday"),
        ("2021-08-30", "Summer bank holiday"),
        ("2021-12-27", "Christmas Day (substitute day)"),
        ("2021-12-28", "Boxing Day (substitute day)"),
    ],
    2022: [
        ("2022-01-03", "New Year's Day (substitute day)"),
        ("2022-04-15", "Good Friday"),
        ("2022-04-18", "Easter Monday"),
        ("2022-05-02", "Early May bank holiday"),
        ("2022-06-02", "Spring bank holiday, moved from Monday 30 May"),
        ("2022-06-03", "Platinum Jubilee bank holiday"),
        ("2022-08-29", "Summer bank holiday"),
        ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        ("2022-12-26", "Boxing Day"),
        ("2022-12-27", "Christmas Day (substitute day)"),
    ],
    2023: [
        ("2023-01-02", "New Year's Day (substitute day)"),
        ("2023-04-07", "Good Friday"),
        ("2023-04-10", "Easter Monday"),
        ("2023-05-01", "Early May bank holiday"),
        ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
        ("2023-05-29", "Spring bank holiday"),
        ("2023-08-28", "Summer bank holiday"),
        ("2023-12-25", "Christmas Day"),
        ("2023-12-26", "Boxing Day"),
    ],
    2024: [
        ("2024-01-01", "New Year's Day"),
        ("2024-03-29", "Good Friday"),
        ("2024-04-01", "Easter Monday"),
        ("2024-05-06", "Early May bank holiday"),
        ("2024-05-27", "Spring bank holiday"),
        ("2024-08-26", "Summer bank holiday"),
        ("2024-12-25", "Christmas Day"),
        ("2024-12-26", "Boxing Day"),
    ],
    2025: [
        ("2025-01-01", "New Year's Day"),
        ("2025-04-18", "Good Friday"),
        ("2025-04-21", "Easter Monday"),
        ("2025-05-05", "Early May bank holiday"),
        ("2025-05-26", "Spring bank holiday"),
        ("2025-08-25", "Summer bank holiday"),
        ("2025-12-25", "Christmas Day"),
        ("2025-12-26", "Boxing Day"),
    ],
    2026: [
        ("2026-01-01", "New Year's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
    ],
    2027: [
        ("2027-01-01", "New Year's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
}

ALL_GOV_UK_DAYS = [
    pytest.param(date.fromisoformat(day), id=f"{day} {name}")
    for days in GOV_UK_BANK_HOLIDAYS.values()
    for day, name in days
]


@pytest.mark.parametrize("day", ALL_GOV_UK_DAYS)
def test_every_gov_uk_bank_holiday_is_not_a_working_day(day: date) -> None:
    assert day.weekday() < 5, "GOV.UK lists bank holidays on weekdays only"
    assert not is_working_day(day)


@pytest.mark.parametrize("year", sorted(GOV_UK_BANK_HOLIDAYS))
def test_bank_holidays_of_a_year_are_exactly_gov_uks(year: int) -> None:
    expected = [date.fromisoformat(day) for day, _ in GOV_UK_BANK_HOLIDAYS[year]]
    found = bank_holidays(year)
    assert [d for d, _ in found] == expected
    assert all(isinstance(name, str) and name for _, name in found)


@pytest.mark.parametrize("year", sorted(GOV_UK_BANK_HOLIDAYS))
def test_every_other_weekday_of_the_year_is_a_working_day(year: int) -> None:
    holidays = {date.fromisoformat(day) for day, _ in GOV_UK_BANK_HOLIDAYS[year]}
    day = date(year, 1, 1)
    while day.year == year:
        expected = day.weekday() < 5 and day not in holidays
        assert is_working_day(day) is expected, day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "word"),
    [
        # Substitute days: a holiday at a weekend moves to the next weekday.
        ("2020-12-28", "substitute"),
        ("2021-12-27", "substitute"),
        ("2021-12-28", "substitute"),
        ("2022-01-03", "substitute"),
        ("2022-12-27", "substitute"),
        ("2023-01-02", "substitute"),
        ("2026-12-28", "substitute"),
        ("2027-12-27", "substitute"),
        ("2027-12-28", "substitute"),
        # One-off days.
        ("2022-06-03", "Jubilee"),
        ("2022-09-19", "Funeral"),
        ("2023-05-08", "Coronation"),
    ],
)
def test_substitute_and_one_off_days_are_named(day: str, word: str) -> None:
    names = dict(bank_holidays(int(day[:4])))
    assert word.lower() in names[date.fromisoformat(day)].lower()


@pytest.mark.parametrize(
    "day",
    [
        # The holiday itself falls at a weekend: the weekend day is not a bank holiday (it is
        # not a working day anyway) and is not listed.
        "2020-12-26",  # Boxing Day, Saturday
        "2021-12-25",  # Christmas Day, Saturday
        "2022-01-01",  # New Year's Day, Saturday
        "2022-12-25",  # Christmas Day, Sunday
        "2026-12-26",  # Boxing Day, Saturday
    ],
)
def test_weekend_holidays_are_not_listed(day: str) -> None:
    d = date.fromisoformat(day)
    assert d not in dict(bank_holidays(d.year))
    assert not is_working_day(d)


def test_moved_holidays_leave_their_usual_day_a_working_day() -> None:
    # 2020: the early May bank holiday moved to Friday 8 May for VE Day.
    assert is_working_day(date(2020, 5, 4))
    # 2022: the spring bank holiday moved to Thursday 2 June for the Platinum Jubilee.
    assert is_working_day(date(2022, 5, 30))


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 12, 19))  # Saturday
    assert not is_working_day(date(2026, 12, 20))  # Sunday
    assert is_working_day(date(2026, 12, 18))  # Friday


# --------------------------------------------------------------------------------------
# Counting working days: named cases
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Christmas 2026: 25 (Fri) and 28 (Mon, Boxing Day substitute) December do not count.
        ("2026-12-18", 5, "2026-12-29"),
        ("2026-12-24", 1, "2026-12-29"),
        ("2026-12-24", 2, "2026-12-30"),
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        ("2027-03-25", 1, "2027-03-30"),
        # 2022: Spring bank holiday 2 June and the Platinum Jubilee 3 June.
        ("2022-06-01", 1, "2022-06-06"),
        # 2022: the Queen's State Funeral, Monday 19 September.
        ("2022-09-16", 1, "2022-09-20"),
        # 2023: the Coronation, Monday 8 May.
        ("2023-05-05", 1, "2023-05-09"),
        # n = 0 is the start itself, whatever day it is.
        ("2026-12-19", 0, "2026-12-19"),
        ("2026-12-25", 0, "2026-12-25"),
        # Backwards: the n-th working day before.
        ("2026-12-29", -1, "2026-12-24"),
        ("2026-12-29", -5, "2026-12-18"),
        ("2027-03-30", -1, "2027-03-25"),
    ],
)
def test_add_working_days_named_cases(start: str, n: int, expected: str) -> None:
    assert add_working_days(date.fromisoformat(start), n) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # The start never counts, whatever day it is: from a Saturday, a Sunday or a bank
        # holiday, "1 working day after" is the next working day.
        ("2026-12-19", "2026-12-21"),  # Saturday -> Monday
        ("2026-12-20", "2026-12-21"),  # Sunday -> Monday
        ("2026-12-26", "2026-12-29"),  # Saturday, next Monday is Boxing Day substitute
        ("2026-12-25", "2026-12-29"),  # Christmas Day itself
        ("2022-06-02", "2022-06-06"),  # Spring bank holiday 2022, then Jubilee
    ],
)
def test_a_non_working_start_never_counts(start: str, expected: str) -> None:
    assert add_working_days(date.fromisoformat(start), 1) == date.fromisoformat(expected)


def test_working_days_between_named_cases() -> None:
    assert working_days_between(date(2026, 12, 18), date(2026, 12, 29)) == 5
    assert working_days_between(date(2026, 12, 29), date(2026, 12, 18)) == -5
    assert working_days_between(date(2026, 12, 18), date(2026, 12, 18)) == 0
    # (start, end]: a Friday to the Saturday after is no working day; to Monday is one.
    assert working_days_between(date(2026, 12, 18), date(2026, 12, 19)) == 0
    assert working_days_between(date(2026, 12, 18), date(2026, 12, 21)) == 1
    # A whole ordinary year: 2025 has 261 weekdays and 8 bank holidays.
    assert working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 253


# --------------------------------------------------------------------------------------
# Counting working days: properties
# --------------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31))
STEPS = st.integers(min_value=-80, max_value=80)


def _next_working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@PROPERTY
@given(DAYS, STEPS)
def test_result_is_a_working_day(start: date, n: int) -> None:
    assume(n != 0)
    assert is_working_day(add_working_days(start, n))


@PROPERTY
@given(DAYS, st.integers(min_value=0, max_value=80))
def test_adding_then_counting_gives_n_back(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@PROPERTY
@given(DAYS, st.integers(min_value=1, max_value=80))
def test_negative_n_from_a_working_day_counts_back(start: date, n: int) -> None:
    start = _next_working_day_on_or_after(start)
    back = add_working_days(start, -n)
    assert back < start
    assert working_days_between(back, start) == n
    assert working_days_between(start, back) == -n
    # From a working day, going back n and forward n returns to it.
    assert add_working_days(back, n) == start


@PROPERTY
@given(DAYS, STEPS)
def test_monotonic_in_n(start: date, n: int) -> None:
    assert add_working_days(start, n) < add_working_days(start, n + 1)


@PROPERTY
@given(DAYS)
def test_zero_is_the_identity(start: date) -> None:
    assert add_working_days(start, 0) == start


@PROPERTY
@given(DAYS, st.integers(min_value=1, max_value=80))
def test_direction_and_no_working_day_skipped(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert end > start
    between = [start + timedelta(days=i) for i in range(1, (end - start).days)]
    assert sum(is_working_day(d) for d in between) == n - 1


@PROPERTY
@given(DAYS)
def test_start_never_counts(start: date) -> None:
    # The first working day strictly after the start, whatever day the start is.
    expected = _next_working_day_on_or_after(start + timedelta(days=1))
    assert add_working_days(start, 1) == expected


@PROPERTY
@given(DAYS.filter(lambda d: d.weekday() == 5))
def test_a_saturday_plus_one_is_monday_unless_a_holiday(saturday: date) -> None:
    # Saturday and Sunday never count: one working day on is the Monday, or, when the Monday
    # is a bank holiday, the first working day after it (never a later one).
    monday = saturday + timedelta(days=2)
    assert add_working_days(saturday, 1) == _next_working_day_on_or_after(monday)


@pytest.mark.parametrize(
    ("saturday", "expected"),
    [
        # Monday 6 April 2026 is Easter Monday: Tuesday 7 April.
        ("2026-04-04", "2026-04-07"),
        # Christmas Day 2021 is this Saturday and Boxing Day the Sunday, so Monday 27 and
        # Tuesday 28 December are both substitute days: Wednesday 29 December.
        ("2021-12-25", "2021-12-29"),
        # Monday 19 September 2022, the Queen's State Funeral: Tuesday 20 September.
        ("2022-09-17", "2022-09-20"),
        # Monday 30 May 2022 was a working day (the spring bank holiday moved to Thursday 2
        # June): the Monday itself.
        ("2022-05-28", "2022-05-30"),
    ],
)
def test_a_saturday_plus_one_named_cases(saturday: str, expected: str) -> None:
    start = date.fromisoformat(saturday)
    assert start.weekday() == 5
    assert add_working_days(start, 1) == date.fromisoformat(expected)


OFFSETS = st.integers(min_value=-400, max_value=400).map(lambda n: timedelta(days=n))


#: Far enough inside the calendar's years that two offsets cannot leave them.
INNER_DAYS = st.dates(min_value=date(2003, 1, 1), max_value=date(2096, 12, 31))


# An offset of up to 400 days from a day in 2001 can reach 1999, outside the calendar.
@PROPERTY
@given(INNER_DAYS, OFFSETS)
def test_between_is_antisymmetric(a: date, offset: timedelta) -> None:
    b = a + offset
    assert working_days_between(a, b) == -working_days_between(b, a)


@PROPERTY
@given(INNER_DAYS, OFFSETS, OFFSETS)
def test_between_adds_up(a: date, ab: timedelta, bc: timedelta) -> None:
    b, c = a + ab, a + ab + bc
    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


CLOSURE_SETS = st.lists(INNER_DAYS, max_size=6)


# A calendar of bank holidays alone looks the answer up in each year's list of working days
# (for the case register's thousands of steps); one with a closure walks the days. A closure
# in a year the calendar never reaches changes nothing, so the two must always agree, errors
# at the calendar's ends included.
@PROPERTY
@given(DAYS, st.integers(min_value=-800, max_value=800))
def test_looking_up_agrees_with_walking(start: date, n: int) -> None:
    walking = WorkingCalendar(closures=frozenset({date(1990, 1, 1)}))

    def answer(cal: WorkingCalendar) -> object:
        try:
            return cal.add_working_days(start, n)
        except calendar.CalendarRangeError as exc:
            return ("beyond", exc.day)

    assert answer(calendar.DEFAULT_CALENDAR) == answer(walking)


@pytest.mark.parametrize(
    ("start", "n"),
    [("2099-12-24", 3), ("2099-12-24", 30), ("2099-12-31", 1), ("2000-01-07", -4),
     ("2000-01-07", -40), ("2000-01-01", -1), ("2099-06-30", 200), ("2000-06-30", -200)],
)  # fmt: skip
def test_looking_up_agrees_with_walking_at_the_calendars_ends(start: str, n: int) -> None:
    walking = WorkingCalendar(closures=frozenset({date(1990, 1, 1)}))
    results = []
    for cal in (calendar.DEFAULT_CALENDAR, walking):
        try:
            results.append(cal.add_working_days(date.fromisoformat(start), n))
        except calendar.CalendarRangeError as exc:
            results.append(("beyond", exc.day))  # type: ignore[arg-type]
    assert results[0] == results[1]


# working_days_between counts (weekdays less holidays and closures) rather than walking the
# days, so that a register can count back years for every overdue step: it must agree with
# walking them, one day at a time, for any span, closures and late-announced holidays.
@PROPERTY
@given(INNER_DAYS, st.integers(min_value=0, max_value=900), CLOSURE_SETS, CLOSURE_SETS)
def test_between_counts_what_walking_the_days_counts(
    a: date, span: int, closures: list[date], extra: list[date]
) -> None:
    cal = WorkingCalendar(
        closures=frozenset(closures), extra_bank_holidays={d: "Announced later" for d in extra}
    )
    b = a + timedelta(days=span)
    walked = sum(1 for i in range(1, span + 1) if cal.is_working_day(a + timedelta(days=i)))
    assert cal.working_days_between(a, b) == walked
    assert cal.working_days_between(b, a) == -walked
    # is_working_day skips naming the reason, for speed: it must agree with the named one.
    for day in (a, b, *closures, *extra):
        assert cal.is_working_day(day) == (cal.non_working_reason(day) is None)


# --------------------------------------------------------------------------------------
# A calendar with office closures and bank holidays announced later
# --------------------------------------------------------------------------------------


def test_closures_stop_counting() -> None:
    closed = WorkingCalendar(closures=frozenset({date(2026, 12, 21), date(2026, 12, 22)}))
    assert not closed.is_working_day(date(2026, 12, 21))
    assert closed.non_working_reason(date(2026, 12, 21)) == "office closure"
    assert closed.add_working_days(date(2026, 12, 18), 5) == date(2026, 12, 31)
    assert closed.working_days_between(date(2026, 12, 18), date(2026, 12, 31)) == 5
    # A closure does not touch the default calendar.
    assert is_working_day(date(2026, 12, 21))
    assert add_working_days(date(2026, 12, 18), 5) == date(2026, 12, 29)


def test_with_closures_adds_to_existing_ones() -> None:
    cal = WorkingCalendar(closures=frozenset({date(2026, 12, 21)}))
    more = cal.with_closures([date(2026, 12, 22)])
    assert more.closures == {date(2026, 12, 21), date(2026, 12, 22)}
    assert cal.closures == {date(2026, 12, 21)}


def test_extra_bank_holidays() -> None:
    # A bank holiday announced after the package's release (a made-up one here).
    extra = {date(2027, 6, 7): "Extra bank holiday", date(2027, 6, 5): "Falls on a Saturday"}
    cal = WorkingCalendar(extra_bank_holidays=extra)
    assert not cal.is_working_day(date(2027, 6, 7))
    assert cal.non_working_reason(date(2027, 6, 7)) == "Extra bank holiday"
    assert cal.add_working_days(date(2027, 6, 4), 1) == date(2027, 6, 8)
    listed = cal.bank_holidays(2027)
    assert (date(2027, 6, 7), "Extra bank holiday") in listed
    assert date(2027, 6, 5) not in dict(listed), "a weekend day is not a bank holiday"
    assert [d for d, _ in listed] == sorted(d for d, _ in listed)
    assert len(listed) == len(bank_holidays(2027)) + 1
    # The default calendar is unchanged.
    assert is_working_day(date(2027, 6, 7))


def test_non_working_reason_names_the_day() -> None:
    assert calendar.DEFAULT_CALENDAR.non_working_reason(date(2026, 12, 19)) == "Saturday"
    assert calendar.DEFAULT_CALENDAR.non_working_reason(date(2026, 12, 20)) == "Sunday"
    assert calendar.DEFAULT_CALENDAR.non_working_reason(date(2026, 12, 25)) == "Christmas Day"
    assert calendar.DEFAULT_CALENDAR.non_working_reason(date(2026, 12, 18)) is None


def test_skipped_days_lists_weekday_holidays_between() -> None:
    skipped = calendar.DEFAULT_CALENDAR.skipped_days(date(2026, 12, 18), date(2026, 12, 29))
    assert [d for d, _ in skipped] == [date(2026, 12, 25), date(2026, 12, 28)]
    # Either order.
    assert calendar.DEFAULT_CALENDAR.skipped_days(date(2026, 12, 29), date(2026, 12, 18)) == (
        skipped
    )


# --------------------------------------------------------------------------------------
# Calendar months
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-08-31", 6, "2027-02-28"),  # 31 August + 6 months: end of a short February
        ("2027-08-31", 6, "2028-02-29"),  # ... and of a leap February
        ("2024-02-29", 12, "2025-02-28"),  # one year after 29 February
        ("2024-02-29", 48, "2028-02-29"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-01-15", 6, "2026-07-15"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-12-18", 0, "2026-12-18"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2027-02-28", -12, "2026-02-28"),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(
    start: str, months: int, expected: str
) -> None:
    assert add_months(date.fromisoformat(start), months) == date.fromisoformat(expected)


@PROPERTY
@given(
    st.dates(min_value=date(2003, 1, 1), max_value=date(2096, 12, 31)),
    st.integers(min_value=-24, max_value=24),
)
def test_add_months_keeps_the_day_or_clamps(start: date, months: int) -> None:
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    if result.day != start.day:
        assert result.day < start.day
        assert (result + timedelta(days=1)).day == 1, "clamped to the month's last day"


# --------------------------------------------------------------------------------------
# Out of range: a clear error, never a silent answer
# --------------------------------------------------------------------------------------


def _assert_range_message(exc: pytest.ExceptionInfo[CalendarRangeError]) -> None:
    message = str(exc.value)
    assert "outside the years this calendar covers" in message
    assert str(MIN_YEAR) in message and str(MAX_YEAR) in message


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: is_working_day(date(1999, 12, 31)), id="is_working_day-early"),
        pytest.param(lambda: is_working_day(date(2150, 1, 1)), id="is_working_day-late"),
        pytest.param(lambda: add_working_days(date(2150, 1, 1), 5), id="add-start-late"),
        pytest.param(lambda: add_working_days(date(1990, 1, 1), 0), id="add-zero-early"),
        pytest.param(lambda: add_working_days(date(2099, 12, 30), 5), id="add-runs-past-end"),
        pytest.param(lambda: add_working_days(date(2000, 1, 5), -5), id="add-runs-before-start"),
        pytest.param(
            lambda: working_days_between(date(2026, 1, 1), date(2150, 1, 1)), id="between-end"
        ),
        pytest.param(
            lambda: working_days_between(date(1950, 1, 1), date(2026, 1, 1)), id="between-start"
        ),
        pytest.param(lambda: bank_holidays(2150), id="bank_holidays-late"),
        pytest.param(lambda: bank_holidays(1999), id="bank_holidays-early"),
        pytest.param(lambda: bank_holidays(10_000), id="bank_holidays-absurd"),
        pytest.param(lambda: add_months(date(2099, 10, 1), 6), id="add_months-late"),
        pytest.param(lambda: add_months(date(2000, 3, 1), -6), id="add_months-early"),
        pytest.param(lambda: add_working_days(date(9999, 12, 31), 1), id="add-date-max"),
    ],
)
def test_out_of_range_raises_a_clear_error(call: object) -> None:
    with pytest.raises(CalendarRangeError) as exc:
        call()  # type: ignore[operator]
    _assert_range_message(exc)


def test_range_error_is_a_value_error_with_the_day() -> None:
    with pytest.raises(ValueError, match="2150-01-01") as exc:
        is_working_day(date(2150, 1, 1))
    assert isinstance(exc.value, CalendarRangeError)
    assert exc.value.day == date(2150, 1, 1)


def test_the_edges_of_the_range_answer() -> None:
    assert bank_holidays(MIN_YEAR)
    assert bank_holidays(MAX_YEAR)
    assert isinstance(is_working_day(date(MIN_YEAR, 1, 4)), bool)
    assert isinstance(is_working_day(date(MAX_YEAR, 12, 31)), bool)
