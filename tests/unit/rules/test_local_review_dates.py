"""A local review's key dates (``csprcore.rules.local_review``), section 11:

"the report should be completed and published as soon as possible and no later than six months
from the date of the decision to initiate a review"; copies to the Panel and the Secretary of
State, and to Ofsted, "no later than seven working days before the date of publication";
"Published reports or information must be publicly available for at least one year".
'Working day' means any day which is not a Saturday, Sunday or Bank Holiday.

The cases are worked by hand from the England and Wales bank holidays.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from csprcore import api
from csprcore.rules.calendar import DEFAULT_CALENDAR, MAX_YEAR, add_months
from csprcore.rules.local_review import (
    CLI_KEYS,
    cli_dates,
    key_dates,
    publication_after_deadline,
    status_of,
)
from csprcore.rules.timescales import (
    AVAILABLE_FOR_MONTHS,
    COPIES_BEFORE_PUBLICATION,
    REPORT_WITHIN_MONTHS,
)
from csprcore.views.deadlines import key_date_basis
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests

D = date.fromisoformat


# --- hand-worked cases ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "due"),
    [
        # 31 August + 6 months: February has no 31st, so its last day.
        ("2026-08-31", "2027-02-28"),
        ("2027-08-31", "2028-02-29"),  # 2028 is a leap year
        ("2026-08-29", "2027-02-28"),
        ("2027-08-30", "2028-02-29"),
        # 31 May + 6 months: 30 November.
        ("2026-05-31", "2026-11-30"),
        # Same day-number when the month has it, whatever the weekday or bank holiday: the
        # six months are calendar months, not working days (25 December 2026 is Christmas).
        ("2026-06-25", "2026-12-25"),
        ("2026-12-31", "2027-06-30"),
        ("2026-10-28", "2027-04-28"),
    ],
)
def test_final_report_due_six_calendar_months_after_the_decision(decision: str, due: str) -> None:
    dates = key_dates(D(decision))
    assert dates["final_report_due"].due == D(due)
    assert dates["final_report_due"].cite == "section-11"


@pytest.mark.parametrize(
    ("publication", "send_by"),
    [
        # Tuesday 5 January 2027: back over New Year's Day (Friday 1 January), Monday
        # 28 December (Boxing Day's substitute: 26 December 2026 is a Saturday) and Christmas
        # Day (Friday 25th): 4 Jan, 31, 30, 29, 24, 23, 22 December.
        ("2027-01-05", "2026-12-22"),
        # Thursday 1 April 2027: back over Easter Monday (29 March) and Good Friday (26 March):
        # 31, 30, 25, 24, 23, 22, 19 March.
        ("2027-04-01", "2027-03-19"),
        # Wednesday 3 June 2026: back over the spring bank holiday (Monday 25 May):
        # 2, 1 June, 29, 28, 27, 26, 22 May.
        ("2026-06-03", "2026-05-22"),
        # Monday 9 November 2026, no bank holiday: 6, 5, 4, 3, 2 November, 30, 29 October.
        ("2026-11-09", "2026-10-29"),
        # A Sunday publication counts back from Friday 6th: the same day as for the Monday.
        ("2026-11-08", "2026-10-29"),
    ],
)
def test_copies_seven_working_days_before_publication(publication: str, send_by: str) -> None:
    dates = key_dates(D("2026-01-15"), D(publication))
    assert dates["send_to_panel_by"].due == D(send_by)
    # Ofsted is sent the report "within the same timescale".
    assert dates["send_to_ofsted_by"].due == D(send_by)


def test_the_basis_names_the_bank_holidays_skipped() -> None:
    basis = key_date_basis(key_dates(D("2026-08-31"), D("2027-01-05"))["send_to_panel_by"])
    assert basis.startswith("7 working days before 5 January 2027 (the planned publication date)")
    assert "Christmas Day, Boxing Day (substitute day), New Year's Day" in basis
    due = key_date_basis(key_dates(D("2026-08-31"))["final_report_due"])
    assert "28 February 2027 is the last day of that month" in due


@pytest.mark.parametrize(
    ("publication", "until"),
    [
        ("2027-01-05", "2028-01-05"),
        ("2028-02-29", "2029-02-28"),  # one year after 29 February is 28 February
        ("2026-12-25", "2027-12-25"),
    ],
)
def test_available_for_at_least_a_year_after_publication(publication: str, until: str) -> None:
    assert key_dates(D("2026-01-15"), D(publication))["available_until"].due == D(until)


def test_without_a_publication_date_only_the_final_report_is_worked_out() -> None:
    dates = key_dates(D("2026-08-31"))
    assert dates["final_report_due"].due == D("2027-02-28")
    for key in ("send_to_panel_by", "send_to_ofsted_by", "available_until"):
        assert dates[key].due is None
        assert dates[key].status is None
    assert cli_dates(D("2026-08-31")) == {
        "final_report_due": "2027-02-28",
        "send_to_panel_by": None,
        "available_until": None,
    }


def test_a_publication_on_or_before_the_decision_is_refused() -> None:
    from csprcore.errors import InputError

    with pytest.raises(InputError) as caught:
        key_dates(D("2026-08-31"), D("2026-08-31"))
    assert caught.value.errors[0].field == "publication"


def test_a_late_publication_is_said_with_the_latest_date() -> None:
    assert publication_after_deadline(D("2026-08-31"), D("2027-02-28")) is None
    late = publication_after_deadline(D("2026-08-31"), D("2027-03-01"))
    assert late is not None
    assert "after 28 February 2027, the latest date for publishing the final report" in late
    assert "reasons for the delay" in late


# --- status -----------------------------------------------------------------------------


def test_status_due_overdue_and_done() -> None:
    decision, publication = D("2026-08-31"), D("2027-01-05")
    on = key_dates(decision, publication, today=D("2026-12-22"))
    assert on["send_to_panel_by"].status == "due"  # the day itself is still in time
    after = key_dates(decision, publication, today=D("2026-12-23"))
    assert after["send_to_panel_by"].status == "overdue"
    assert after["final_report_due"].status == "due"
    sent = key_dates(decision, publication, today=D("2026-12-23"),
                     done={"sent_to_panel": D("2026-12-21")})  # fmt: skip
    assert sent["send_to_panel_by"].status == "done"
    assert sent["send_to_ofsted_by"].status == "overdue"  # sent to the Panel only
    late = key_dates(decision, None, today=D("2027-03-01"))
    assert late["final_report_due"].status == "overdue"
    published = key_dates(decision, None, today=D("2027-03-01"),
                          done={"published": D("2027-01-05")})  # fmt: skip
    assert published["final_report_due"].status == "done"


def test_availability_is_never_overdue() -> None:
    due = D("2028-01-05")
    assert status_of("available_until", due, {}, D("2029-01-01")) == "due"
    assert status_of("available_until", due, {"published": D("2027-01-05")}, due) == "due"
    done = {"published": D("2027-01-05")}
    assert status_of("available_until", due, done, D("2028-01-06")) == "done"


# --- properties of the date arithmetic ---------------------------------------------------

DAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2097, 12, 31))


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_final_report_due_is_the_same_day_number_or_the_month_end(decision: date) -> None:
    due = key_dates(decision)["final_report_due"].due
    assert due is not None
    months = (due.year - decision.year) * 12 + due.month - decision.month
    assert months == REPORT_WITHIN_MONTHS
    if due.day != decision.day:
        # Clamped: the decision's day-number is past the end of the shorter month.
        assert due.day < decision.day
        assert (due + timedelta(days=1)).day == 1
    assert due == add_months(decision, REPORT_WITHIN_MONTHS)


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS)
def test_final_report_due_never_goes_backwards(a: date, b: date) -> None:
    first, second = sorted((a, b))
    due_first, due_second = (key_dates(d)["final_report_due"].due for d in (first, second))
    assert due_first is not None and due_second is not None
    assert due_first <= due_second


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(min_value=1, max_value=400))
def test_copies_are_sent_exactly_seven_working_days_before(decision: date, gap: int) -> None:
    publication = decision + timedelta(days=gap)
    dates = key_dates(decision, publication)
    send_by = dates["send_to_panel_by"].due
    assert send_by is not None
    assert send_by < publication
    assert DEFAULT_CALENDAR.is_working_day(send_by)
    # Seven working days before: the six between them, and the day itself, all count.
    between = DEFAULT_CALENDAR.working_days_between(send_by, publication - timedelta(days=1))
    assert between == COPIES_BEFORE_PUBLICATION - 1
    assert dates["send_to_ofsted_by"].due == send_by


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(min_value=1, max_value=400))
def test_available_for_a_year_after_publication(decision: date, gap: int) -> None:
    publication = decision + timedelta(days=gap)
    # A year after a publication in 2099 is past the calendar (named, not dated, elsewhere).
    assume(publication.year < MAX_YEAR)
    until = key_dates(decision, publication)["available_until"].due
    assert until is not None
    assert until == add_months(publication, AVAILABLE_FOR_MONTHS)
    assert (until.year, until.month) == (publication.year + 1, publication.month)
    assert 365 <= (until - publication).days <= 366


# --- the API and the CLI ------------------------------------------------------------------


def call(payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call("local_review_dates", json.dumps(payload)))
    return result


def test_api_gives_the_dates_and_each_rule() -> None:
    out = call({"decision": "2026-08-31", "publication": "2027-01-05", "today": "2026-12-23"})
    assert out["dates"] == {"final_report_due": "2027-02-28", "send_to_panel_by": "2026-12-22",
                            "available_until": "2028-01-05"}  # fmt: skip
    by_key = {k["key"]: k for k in out["key_dates"]}
    assert by_key["send_to_panel_by"]["status"] == "overdue"
    assert by_key["send_to_ofsted_by"]["cite"] == "section-11"
    bad = call({"decision": "2026-02-31"})
    assert bad["ok"] is False
    assert bad["errors"][0]["field"] == "decision"


def test_cli_dates_json_prints_exactly_the_three_keys(cli: Any) -> None:
    code, out, _ = cli("local-review", "dates", "--decision", "2026-08-31",
                       "--publication", "2027-01-05", "--json")  # fmt: skip
    assert code == 0
    assert json.loads(out) == {"final_report_due": "2027-02-28",
                               "send_to_panel_by": "2026-12-22",
                               "available_until": "2028-01-05"}  # fmt: skip
    assert tuple(json.loads(out)) == CLI_KEYS


def test_cli_dates_without_publication_prints_null(cli: Any) -> None:
    code, out, _ = cli("local-review", "dates", "--decision", "2027-08-31", "--json")
    assert code == 0
    assert json.loads(out) == {"final_report_due": "2028-02-29", "send_to_panel_by": None,
                               "available_until": None}  # fmt: skip


def test_cli_dates_in_words(cli: Any) -> None:
    code, out, _ = cli("local-review", "dates", "--decision", "2026-08-31",
                       "--publication", "2027-04-01", "--today", "2027-03-01")  # fmt: skip
    assert code == 0
    assert "Friday 19 March 2027: Full report sent to the Panel and the Secretary of State " \
           "(Section 11) [due]" in out  # fmt: skip
    assert "Good Friday, Easter Monday" in out
    assert "Sunday 28 February 2027: Final report completed and published, at the latest " \
           "(Section 11) [overdue]" in out  # fmt: skip
    code, out, _ = cli("local-review", "dates", "--decision", "2026-08-31")
    assert "Not worked out yet: Published report kept publicly available until at least " \
           "(give --publication)" in out  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--decision", "2026-02-31"], "decision: The date of the decision"),
        (["--decision", "2026-08-31", "--publication", "2026-08-30"],
         "publication: The publication date must be after the decision"),
        (["--decision", "2026-08-31", "--publication", "soon"], "publication:"),
    ],
)  # fmt: skip
def test_cli_dates_bad_input_is_one_line(cli: Any, argv: list[str], words: str) -> None:
    assert_one_line_error(*cli("local-review", "dates", *argv, "--json"), words)


def test_a_publication_whose_year_of_availability_passes_the_calendar_is_said_so(cli: Any) -> None:
    # Published 31 December of the calendar's last year: "available until" is a year later,
    # past the calendar. It was given, so it is never "give --publication" or a bare null.
    publication = f"{MAX_YEAR}-12-31"
    code, out, err = cli("local-review", "dates", "--decision", f"{MAX_YEAR}-01-04",
                         "--publication", publication, "--json")  # fmt: skip
    assert_one_line_error(code, out, err, "publication:", "publicly available",
                          f"after {MAX_YEAR}")  # fmt: skip
    code, out, err = cli("local-review", "dates", "--decision", f"{MAX_YEAR}-01-04",
                         "--publication", publication)  # fmt: skip
    assert code == 0
    assert "give --publication" not in out
    assert "Cannot be worked out: Published report kept publicly available" in out
    result = json.loads(api.call("local_review_dates", json.dumps({
        "decision": f"{MAX_YEAR}-01-04", "publication": publication})))  # fmt: skip
    (until,) = [k for k in result["key_dates"] if k["key"] == "available_until"]
    assert until["due"] is None and f"after {MAX_YEAR}" in until["problem"]
