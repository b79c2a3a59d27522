"""Reading and wording dates: ``csprcore.rules.dates``."""

from __future__ import annotations

from datetime import date

import pytest

from csprcore.errors import InputError
from csprcore.rules.dates import day_list, long_date, long_date_with_weekday, parse_iso_date


def test_parse_iso_date() -> None:
    assert parse_iso_date("2026-12-18", "aware", "the date") == date(2026, 12, 18)
    assert parse_iso_date(" 2026-12-18 ", "aware", "the date") == date(2026, 12, 18)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "Enter the date of the referral"),
        ("", "Enter the date of the referral"),
        ("   ", "Enter the date of the referral"),
        (20261218, "Enter the date of the referral"),
        ("18/12/2026", "The date of the referral must be a date like 2026-12-18"),
        ("2026-12", "The date of the referral must be a date like 2026-12-18"),
        ("26-12-18", "The date of the referral must be a date like 2026-12-18"),
        ("2026-02-29", "The date of the referral must be a real date"),
        ("2026-04-31", "The date of the referral must be a real date"),
        ("2150-01-01", "The date of the referral must be between 2000 and 2099"),
        ("1999-12-31", "The date of the referral must be between 2000 and 2099"),
    ],
)
def test_parse_iso_date_refuses_naming_the_field(value: object, message: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_iso_date(value, "referral", "the date of the referral")
    assert [(e.field, e.message) for e in exc.value.errors] == [("referral", message)]


def test_long_dates() -> None:
    assert long_date(date(2026, 12, 18)) == "18 December 2026"
    assert long_date_with_weekday(date(2026, 12, 18)) == "Friday 18 December 2026"
    assert long_date_with_weekday(date(2022, 9, 19)) == "Monday 19 September 2022"


@pytest.mark.parametrize(
    ("days", "words"),
    [
        ([], ""),
        ([date(2026, 12, 25)], "25 December"),
        ([date(2026, 12, 25), date(2026, 12, 28)], "25 and 28 December"),
        ([date(2022, 6, 2), date(2022, 6, 3), date(2022, 6, 6)], "2, 3 and 6 June"),
        ([date(2027, 3, 29), date(2027, 4, 2)], "29 March and 2 April"),
        (
            [date(2026, 12, 28), date(2027, 1, 1)],
            "28 December 2026 and 1 January 2027",
        ),
    ],
)
def test_day_list(days: list[date], words: str) -> None:
    assert day_list(days) == words
