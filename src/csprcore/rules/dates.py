"""Parsing and wording of dates, shared by every module that reads or shows one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Final

from ..errors import InputError
from .calendar import MAX_YEAR, MIN_YEAR

MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


#: "2026-12-18": four, two and two ASCII digits.
_PLAIN_ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def ascii_digits(text: str) -> bool:
    """Whether ``text`` is one or more of the digits 0-9. ``str.isdigit`` also takes "²" and
    other scripts' digits, which ``int`` then reads ("٢٠٢٦" is 2026): a date box takes only
    what its label asks for."""
    return text.isascii() and text.isdigit()


def parse_iso_date(value: object, field: str, label: str) -> date:
    """A ``YYYY-MM-DD`` string as a date, or an ``InputError`` naming the field.

    ``label`` is the field's name in a sentence ("the referral date").
    """
    if isinstance(value, str) and _PLAIN_ISO.fullmatch(value):
        # The usual shape, read at once (a register holds thousands of dates); the plain
        # shape checked first, as ``fromisoformat`` also reads "20261218" and "2026-W51-5".
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise InputError.one(field, f"{_cap(label)} must be a real date") from None
        return check_in_years(parsed, field, label)
    if not isinstance(value, str) or not value.strip():
        raise InputError.one(field, f"Enter {label}")
    text = value.strip()
    if _PLAIN_ISO.fullmatch(text):
        year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    else:
        parts = text.split("-")
        if len(parts) != 3 or not all(ascii_digits(p) for p in parts) or len(parts[0]) != 4:
            raise InputError.one(field, f"{_cap(label)} must be a date like 2026-12-18")
        year, month, day = (int(p) for p in parts)
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise InputError.one(field, f"{_cap(label)} must be a real date") from None
    return check_in_years(parsed, field, label)


def check_in_years(day: date, field: str, label: str) -> date:
    """``day``, or an ``InputError`` naming the field when the calendar does not hold it."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InputError.one(field, f"{_cap(label)} must be between {MIN_YEAR} and {MAX_YEAR}")
    return day


def long_date(d: date) -> str:
    """ "18 December 2026"."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def long_date_with_weekday(d: date) -> str:
    """ "Friday 18 December 2026"."""
    return f"{WEEKDAYS[d.weekday()]} {long_date(d)}"


def day_list(days: list[date]) -> str:
    """ "25 and 28 December", "31 December 2026 and 1 January 2027": as short as is clear."""
    if not days:
        return ""
    same_year = len({d.year for d in days}) == 1
    same_month = same_year and len({d.month for d in days}) == 1
    if same_month:
        words = [str(d.day) for d in days[:-1]] + [f"{days[-1].day} {MONTHS[days[-1].month - 1]}"]
    elif same_year:
        words = [f"{d.day} {MONTHS[d.month - 1]}" for d in days]
    else:
        words = [long_date(d) for d in days]
    return and_list(words)


def and_list(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c": a list in a sentence (no Oxford comma, as GOV.UK)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def parse_local_datetime(value: object, field: str) -> datetime:
    """The page's local date and time, ``dd/mm/yyyy hh:mm`` (the browser knows the user's
    clock and time zone; Pyodide's clock is UTC). Now, when absent."""
    if value is None or value == "":
        return datetime.now().replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return datetime.strptime(value.strip(), "%d/%m/%Y %H:%M")
        except ValueError:
            pass
    raise InputError.one(field, "The date and time must look like 27/11/2026 14:05")
