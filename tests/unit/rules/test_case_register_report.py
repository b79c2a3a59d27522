"""The case register's timeliness report (``csprcore.rules.register.report``) against a register
whose every figure was counted by hand on a calendar.

The rules: a case counts in the period when the event its measure counts from falls in it
(awareness for notifications, the referral for Rapid Reviews and meetings, the decision for
publication, the publication date for the copies); "within N working days" means on or before
the N-th working day after that event, and working days late are counted from that N-th day;
cases with a date missing are counted apart, never guessed.

Bank holidays met below: 3 and 6 April 2026 (Easter), 4 and 25 May 2026, 31 August 2026, 25
and 28 December 2026, 1 January 2027, 26 and 29 March 2027 (Easter).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

import holidays
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from csprcore.forms.case_register.register_file import check_register, empty_dates
from csprcore.rules.register import (
    MEASURES,
    Case,
    Missed,
    Result,
    last_financial_year,
    measure,
    report,
)

FY_START, FY_END = date(2026, 4, 1), date(2027, 3, 31)


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def reg_case(ref: str, kind: str | None = None, **dates: str) -> dict[str, Any]:
    all_dates = empty_dates()
    all_dates.update({k.replace("_", "-"): v for k, v in dates.items()})
    return {"reference": ref, "child_initials": "A B", "review_kind": kind, "dates": all_dates}


def register(*cases: dict[str, Any]) -> dict[str, Any]:
    return {"form": "case-register", "schema_version": 1, "cases": list(cases)}


# --- the hand-counted register --------------------------------------------------------------

HAND_COUNTED = register(
    # Notifications: "within five working days of becoming aware" (section 3).
    # Aware Wed 1 April 2026, the period's first day: Thu 2 (1), Tue 7 (2), Wed 8 (3), Thu 9
    # (4), Fri 10 (5). Notified on the 5th working day: met.
    reg_case("N1", aware="2026-04-01", notified="2026-04-10"),
    # Aware Tue 22 December 2026: Wed 23, Thu 24, Tue 29, Wed 30, Thu 31 (5). Notified Mon 4
    # January 2027: 1 working day late (New Year's Day does not count).
    reg_case("N2", aware="2026-12-22", notified="2027-01-04"),
    # Aware Wed 31 March 2027, the period's last day: Thu 1 April (1), Fri 2 (2), Mon 5 (3),
    # Tue 6 (4), Wed 7 (5). Notified Tue 13: Thu 8, Fri 9, Mon 12, Tue 13 = 4 days late.
    reg_case("N3", aware="2027-03-31", notified="2027-04-13"),
    # Aware the day before the period and the day after: not counted, however late.
    reg_case("N4", aware="2026-03-31", notified="2026-05-29"),
    reg_case("N5", aware="2027-04-01", notified="2027-05-28"),
    # No notification recorded: counted apart.
    reg_case("N6", aware="2026-05-05"),
    # Rapid Reviews, each notified to the Panel on the day of its referral (the Panel's 15
    # working days count from the notification; Appendix 1's from the referral). Referral Wed
    # 1 April 2026: Thu 2 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4),
    # Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8), Thu 16 (9), Fri 17 (10), Mon 20 (11),
    # Tue 21 (12), Wed 22 (13), Thu 23 (14), Fri 24 (15). Meeting on Wed 22, the 13th: in the
    # window; sent Fri 24: the 15th working day, and the 2nd after the meeting: both met.
    reg_case("R1", referral="2026-04-01", notified="2026-04-01", meeting="2026-04-22",
             sent_to_panel="2026-04-24"),
    # Referral Wed 23 December 2026: the 15th working day is Mon 18 January 2027; the window
    # is Wed 6 (7th) to Thu 14 January (13th). Meeting Tue 5 January, the 6th working day:
    # one working day early. Sent Tue 19 January: 1 day late on the 15 days; from the meeting,
    # Wed 6 (1), Thu 7 (2), then Fri 8, Mon 11 ... Tue 19 = 8 days late.
    reg_case("R2", referral="2026-12-23", notified="2026-12-23", meeting="2027-01-05",
             sent_to_panel="2027-01-19"),
    # Referral on Mon 4 May 2026, a bank holiday (the referral's day never counts): Tue 5 (1)
    # ... Thu 21 (13), Fri 22 (14), Tue 26 (15; Mon 25 is a bank holiday). Meeting Fri 22, the
    # 14th: 1 day late. Sent Tue 26: the 15th: met; and from the meeting Tue 26 (1), Wed 27
    # (2): met.
    reg_case("R4", referral="2026-05-04", notified="2026-05-04", meeting="2026-05-22",
             sent_to_panel="2026-05-26"),
    # Referral recorded, nothing after it: unknown for all three.
    reg_case("R3", referral="2026-06-10", notified="2026-06-10"),
    # Before the period.
    reg_case("R5", referral="2026-03-03", notified="2026-03-03", meeting="2026-03-30",
             sent_to_panel="2026-04-30"),
    # Publication within six months of the decision, local reviews only (section 11).
    # Decision Mon 31 August 2026: six months on is Sunday 28 February 2027. Published Mon 1
    # March: 1 working day late. Copies 7 working days before Mon 1 March: Fri 26 (1), Thu 25,
    # Wed 24, Tue 23, Mon 22, Fri 19, Thu 18 February (7); sent Thu 18: met.
    reg_case("P1", "local", decision="2026-08-31", copies_sent="2027-02-18",
             publication="2027-03-01"),
    # Decision Mon 3 August 2026: due Wed 3 February 2027, published that day: met. Copies
    # before Wed 3 February: Tue 2 (1), Mon 1, Fri 29, Thu 28, Wed 27, Tue 26, Mon 25 January
    # (7); sent Wed 27: Tue 26, Wed 27 = 2 days late.
    reg_case("P2", "local", decision="2026-08-03", copies_sent="2027-01-27",
             publication="2027-02-03"),
    # Decision Mon 6 July 2026: due Wed 6 January 2027; published Sat 9 January: Thu 7 and Fri
    # 8 = 2 days late. Copies before Sat 9: Fri 8 (1), Thu 7, Wed 6, Tue 5, Mon 4, Thu 31
    # (6), Wed 30 December (7); sent Thu 24 December: met.
    reg_case("P3", "local", decision="2026-07-06", copies_sent="2026-12-24",
             publication="2027-01-09"),
    # Another learning review, published late and without copies: not a local review, not
    # counted by either.
    reg_case("P4", "learning", decision="2026-04-10", publication="2027-03-01"),
    # A local review not yet published: unknown for publication.
    reg_case("P5", "local", decision="2026-10-01"),
    # Decided before the period (not counted for publication), published in it with no copies
    # recorded: unknown for the copies.
    reg_case("P7", "local", decision="2026-02-02", publication="2027-01-05"),
)  # fmt: skip


def results() -> dict[str, Result]:
    cases = check_register(HAND_COUNTED).cases
    return {r.measure.id: r for r in report(cases, FY_START, FY_END)}


def figures(r: Result) -> tuple[int, int, list[tuple[str, int]], int]:
    return r.met, r.total, [(m.reference, m.working_days_late) for m in r.missed], r.unknown


def test_the_report_has_the_measures_the_cli_contract_names() -> None:
    assert set(results()) >= {
        "notification_within_5_working_days",
        "rapid_review_within_15_working_days",
        "meeting_in_window",
        "published_within_6_months",
        "copies_7_working_days_before_publication",
    }


def test_notifications_within_five_working_days() -> None:
    r = results()["notification_within_5_working_days"]
    assert figures(r) == (1, 3, [("N3", 4), ("N2", 1)], 1)
    assert r.unknown_references == ("N6",)
    assert r.words() == "1 of 3 (33%)"


def test_rapid_reviews_within_15_working_days_of_the_notification() -> None:
    r = results()["rapid_review_within_15_working_days"]
    # Every case notified in the period counts: the notifications with no Rapid Review sent
    # yet are counted apart, never dropped.
    assert figures(r) == (2, 3, [("R2", 1)], 4)
    assert r.unknown_references == ("N1", "N2", "N4", "R3")
    assert r.words() == "2 of 3 (67%)"


@pytest.mark.nel
def test_rapid_reviews_within_2_working_days_of_the_meeting() -> None:
    r = results()["rapid_review_local_timetable"]
    assert figures(r) == (2, 3, [("R2", 8)], 1)


@pytest.mark.nel
def test_meetings_in_the_7_to_13_working_day_window_early_and_late_both_miss() -> None:
    r = results()["meeting_in_window"]
    # Late by one working day, and one working day early (a negative number).
    assert figures(r) == (1, 3, [("R4", 1), ("R2", -1)], 1)


def test_local_reviews_published_within_six_months_of_the_decision() -> None:
    r = results()["published_within_6_months"]
    assert figures(r) == (1, 3, [("P3", 2), ("P1", 1)], 1)
    assert r.unknown_references == ("P5",)


def test_copies_at_least_seven_working_days_before_publication() -> None:
    r = results()["copies_7_working_days_before_publication"]
    assert figures(r) == (2, 3, [("P2", 2)], 1)
    assert r.unknown_references == ("P7",)


def test_an_empty_period_counts_nothing() -> None:
    cases = check_register(HAND_COUNTED).cases
    for r in report(cases, date(2028, 4, 1), date(2029, 3, 31)):
        assert (r.met, r.total, r.missed, r.unknown) == (0, 0, (), 0)
        assert r.percent is None and r.words() == "none to count"


def test_the_period_boundaries_are_inclusive_one_day_periods() -> None:
    cases = check_register(HAND_COUNTED).cases
    m = next(m for m in MEASURES if m.id == "notification_within_5_working_days")
    assert figures(measure(m, cases, date(2026, 4, 1), date(2026, 4, 1))) == (1, 1, [], 0)
    assert figures(measure(m, cases, date(2027, 3, 31), date(2027, 3, 31))) == (
        0, 1, [("N3", 4)], 0,
    )  # fmt: skip


# --- weekends after the last day -----------------------------------------------------------


def one(measure_id: str, *cases: dict[str, Any]) -> Result:
    m = next(m for m in MEASURES if m.id == measure_id)
    return measure(m, check_register(register(*cases)).cases, FY_START, FY_END)


def test_notified_on_the_saturday_after_the_fifth_working_day_is_a_miss() -> None:
    # Aware Thu 30 April 2026: Fri 1 May (1), Tue 5 (2; Mon 4 is a bank holiday), Wed 6 (3),
    # Thu 7 (4), Fri 8 (5). Notified on Saturday 9 May: after the 5th working day.
    r = one("notification_within_5_working_days",
            reg_case("W1", aware="2026-04-30", notified="2026-05-09"))  # fmt: skip
    assert (r.met, r.total) == (0, 1)


def test_the_15_working_days_count_from_the_notification_not_the_referral() -> None:
    # Notified Mon 2 November 2026, referral Mon 9 November: the Panel's 15 working days end
    # on Mon 23 November (2 November + 15), not on Mon 30 (the referral's). Sent Fri 27: late
    # by 4 working days (Tue 24, Wed 25, Thu 26, Fri 27), though within 15 of the referral.
    r = one("rapid_review_within_15_working_days",
            reg_case("W5", notified="2026-11-02", referral="2026-11-09",
                     sent_to_panel="2026-11-27"))  # fmt: skip
    assert (r.met, r.total, r.missed) == (0, 1, (Missed("W5", 4),))
    # A case with a referral and no notification is not counted by the national measure.
    r = one("rapid_review_within_15_working_days",
            reg_case("W6", referral="2026-11-09", sent_to_panel="2026-11-27"))  # fmt: skip
    assert (r.met, r.total, r.unknown) == (0, 0, 0)


def test_rapid_review_sent_on_the_saturday_after_the_15th_working_day_is_a_miss() -> None:
    # Notified Fri 20 November 2026: the 15th working day is Fri 11 December; sent Sat 12.
    r = one("rapid_review_within_15_working_days",
            reg_case("W2", notified="2026-11-20", sent_to_panel="2026-12-12"))  # fmt: skip
    assert (r.met, r.total) == (0, 1)
    r = one("rapid_review_within_15_working_days",
            reg_case("W2", notified="2026-11-20", sent_to_panel="2026-12-11"))  # fmt: skip
    assert (r.met, r.total) == (1, 1)


@pytest.mark.nel
def test_a_meeting_on_the_saturday_after_the_13th_working_day_is_outside_the_window() -> None:
    # Referral Tue 24 November 2026: Wed 25 (1), Thu 26, Fri 27, Mon 30, Tue 1 December (5),
    # Wed 2, Thu 3 (7), Fri 4, Mon 7, Tue 8 (10), Wed 9, Thu 10, Fri 11 (13). A meeting on
    # Saturday 12 is after the window's last day.
    r = one("meeting_in_window", reg_case("W3", referral="2026-11-24", meeting="2026-12-12"))
    assert (r.met, r.total) == (0, 1)
    r = one("meeting_in_window", reg_case("W3", referral="2026-11-24", meeting="2026-12-11"))
    assert (r.met, r.total) == (1, 1)


def test_published_on_the_saturday_after_six_months_is_a_miss() -> None:
    # Decision Thu 4 June 2026: six months on is Fri 4 December 2026; published Sat 5.
    r = one("published_within_6_months",
            reg_case("W4", "local", decision="2026-06-04", publication="2026-12-05"))  # fmt: skip
    assert (r.met, r.total) == (0, 1)
    # No working day falls after Fri 4 and up to Sat 5 December, but a step done after its
    # last day is late by at least one working day: 1.
    assert r.missed == (Missed("W4", 1),)


def test_copies_on_the_saturday_after_the_seventh_working_day_before_is_a_miss() -> None:
    # Published Tue 19 January 2027: Mon 18 (1), Fri 15, Thu 14, Wed 13, Tue 12, Mon 11,
    # Fri 8 January (7). Copies on Saturday 9 January: too late.
    r = one("copies_7_working_days_before_publication",
            reg_case("W5", "local", decision="2026-09-01", copies_sent="2027-01-09",
                     publication="2027-01-19"))  # fmt: skip
    assert (r.met, r.total) == (0, 1)
    # Saturday 9 is no working day after Friday 8 January, so at least one: 1 working day late.
    assert r.missed == (Missed("W5", 1),)


# --- percentages and the financial year -------------------------------------------------------


def test_percent_rounds_halves_up_as_a_report_reader_expects() -> None:
    cases = [
        reg_case(f"H{i}", aware="2026-04-01", notified="2026-04-10" if i == 0 else "2026-04-13")
        for i in range(8)
    ]  # 1 of 8 met: 12.5%
    r = one("notification_within_5_working_days", *cases)
    assert r.words() == "1 of 8 (13%)"


@pytest.mark.parametrize(
    ("today", "period"),
    [
        ("2026-03-31", ("2024-04-01", "2025-03-31")),
        ("2026-04-01", ("2025-04-01", "2026-03-31")),
        ("2026-12-31", ("2025-04-01", "2026-03-31")),
        ("2027-01-01", ("2025-04-01", "2026-03-31")),
    ],
)
def test_the_default_period_is_the_last_complete_financial_year(
    today: str, period: tuple[str, str]
) -> None:
    assert last_financial_year(d(today)) == (d(period[0]), d(period[1]))


# --- properties -------------------------------------------------------------------------------


@cache
def _holidays(year: int) -> frozenset[date]:
    """England's bank holidays from the ``holidays`` package: an independent calendar."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def _working(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def nth_working_day(start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1 if n > 0 else -1)
        if _working(day):
            n += -1 if n > 0 else 1
    return day


def next_working_day(day: date) -> date:
    return nth_working_day(day, 1)


DAYS = st.dates(date(2020, 1, 1), date(2030, 12, 31))


# An offset of -5 from the 5th working day is the day of awareness itself when that is a
# working day (met), and the working day before it when it is not: a notification before
# the awareness, which a register refuses, so that input is rejected, not passed over.
@settings(max_examples=150, deadline=None)
@given(DAYS, st.integers(-5, 6))
@example(date(2026, 6, 3), -5)  # notified on Wednesday 3 June 2026, the day of awareness
@example(date(2026, 6, 6), -5)  # aware on a Saturday: -5 is Friday 5 June, the day before
def test_notified_on_the_nth_working_day_is_met_and_each_day_after_is_a_day_late(
    aware: date, offset: int
) -> None:
    fifth = nth_working_day(aware, 5)
    notified = nth_working_day(fifth, offset) if offset else fifth
    assume(notified >= aware)
    r = one_in(
        "notification_within_5_working_days",
        reg_case("X", aware=aware.isoformat(), notified=notified.isoformat()),
        aware,
    )
    if offset <= 0:
        assert (r.met, r.missed) == (1, ())
    else:
        assert (r.met, r.missed) == (0, (Missed("X", offset),))


@settings(max_examples=150, deadline=None)
@given(DAYS, st.integers(0, 3))
def test_sent_on_the_15th_working_day_is_met_and_the_next_is_one_day_late(
    referral: date, extra: int
) -> None:
    fifteenth = nth_working_day(referral, 15)
    r = one_in("rapid_review_within_15_working_days",
               reg_case("X", notified=referral.isoformat(),
                        sent_to_panel=fifteenth.isoformat()), referral)  # fmt: skip
    assert (r.met, r.total) == (1, 1)
    late = nth_working_day(fifteenth, 1 + extra)
    r = one_in("rapid_review_within_15_working_days",
               reg_case("X", notified=referral.isoformat(),
                        sent_to_panel=late.isoformat()), referral)  # fmt: skip
    assert (r.met, r.missed) == (0, (Missed("X", 1 + extra),))


def one_in(measure_id: str, raw: dict[str, Any], day: date) -> Result:
    m = next(m for m in MEASURES if m.id == measure_id)
    return measure(m, check_register(register(raw)).cases, day, day)


@st.composite
def notification_cases(draw: st.DrawFn) -> dict[str, Any]:
    aware = draw(st.dates(date(2025, 1, 1), date(2027, 12, 31)))
    gap = draw(st.one_of(st.none(), st.integers(0, 30)))
    dates = {"aware": aware.isoformat()}
    if gap is not None:
        dates["notified"] = (aware + timedelta(days=gap)).isoformat()
    return dates


@settings(max_examples=100, deadline=None)
@given(
    st.lists(notification_cases(), max_size=12),
    st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    st.integers(0, 500),
)
def test_each_measure_counts_a_case_iff_its_start_is_in_the_period(
    rows: list[dict[str, str]], start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    raw = [reg_case(f"C{i}", **row) for i, row in enumerate(rows)]
    cases: list[Case] = check_register(register(*raw)).cases
    r = measure(MEASURES[0], cases, start, end)
    inside = [c for c in cases if start <= c.dates["aware"] <= end]
    assert r.met + len(r.missed) == r.total
    assert r.total + r.unknown == len(inside)
    assert set(r.unknown_references) == {c.reference for c in inside if "notified" not in c.dates}
    assert all(m.working_days_late > 0 for m in r.missed)
    # Met exactly when notified on or before the 5th working day (an independent calendar).
    met = {
        c.reference
        for c in inside
        if "notified" in c.dates and c.dates["notified"] <= nth_working_day(c.dates["aware"], 5)
    }
    missed = {m.reference for m in r.missed}
    assert r.met == len(met) and not met & missed


# --- honest figures: not yet due, past the last day, no date to count from ------------------


def test_a_case_not_yet_due_is_pending_and_one_past_its_day_is_unknown() -> None:
    """Notified within 5 working days of becoming aware (section 3): aware on Monday
    30 November 2026, the last day is Monday 7 December. On 4 December, with no notification
    recorded, the case is not yet due; on 8 December it is past its day with no date."""
    notify = next(m for m in MEASURES if m.id == "notification_within_5_working_days")
    cases = check_register(register(reg_case("A-1", aware="2026-11-30"))).cases
    start, end = date(2026, 4, 1), date(2027, 3, 31)
    before = measure(notify, cases, start, end, today=date(2026, 12, 4))
    assert (before.total, before.pending, before.unknown) == (0, 1, 0)
    on_the_day = measure(notify, cases, start, end, today=date(2026, 12, 7))
    assert on_the_day.pending == 1
    after = measure(notify, cases, start, end, today=date(2026, 12, 8))
    assert (after.pending, after.unknown, after.unknown_references) == (0, 1, ("A-1",))


def test_a_case_with_no_date_to_count_from_is_named_not_dropped() -> None:
    """A case in the register with no "became aware" date is named as having no date to count
    from; it is neither counted nor left out unseen (as "none to count", "date missing 0")."""
    notify = next(m for m in MEASURES if m.id == "notification_within_5_working_days")
    cases = check_register(register(reg_case("B-1", notified="2026-11-30", referral="2026-11-27"),
                                    reg_case("B-2", referral="2025-01-10"))).cases  # fmt: skip
    result = measure(notify, cases, date(2026, 4, 1), date(2027, 3, 31), today=date(2026, 12, 6))
    assert result.total == 0 and result.unknown == 0
    assert result.no_start_date == ("B-1",)  # B-2's dates are all before the period


@given(st.integers(min_value=0, max_value=400))
def test_every_case_in_the_period_is_in_exactly_one_figure(offset: int) -> None:
    """Met, missed, pending and unknown share out the cases counted from the period; none
    is counted twice, whatever today is."""
    cases = check_register(register(
        reg_case("C-1", aware="2026-06-01", notified="2026-06-03"),
        reg_case("C-2", aware="2026-06-01", notified="2026-06-20"),
        reg_case("C-3", aware="2026-06-01"),
        reg_case("C-4", aware="2026-11-30"),
    )).cases  # fmt: skip
    notify = next(m for m in MEASURES if m.id == "notification_within_5_working_days")
    today = date(2026, 6, 1) + timedelta(days=offset)
    r = measure(notify, cases, date(2026, 4, 1), date(2027, 3, 31), today=today)
    assert r.met + len(r.missed) + r.pending + r.unknown == 4
    assert (r.met, len(r.missed)) == (1, 1)
