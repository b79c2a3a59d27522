"""The calculator's deadlines as an iCalendar file (RFC 5545), for Outlook, Google Calendar
and Apple Calendar.

Each milestone is an all-day event (``DTSTART;VALUE=DATE``, ``DTEND`` the day after; the
Rapid Review meeting's window spans its days) with a reminder at 9am the day before
(``TRIGGER:-PT15H`` from the start of the day). Lines end in CRLF and are folded at 75
octets without splitting a UTF-8 character; text values are escaped (backslash, semicolon,
comma, newline). UIDs are stable for the same dates, so importing again updates the events
rather than doubling them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from .. import __version__
from ..partnership import current
from ..rules.citations import SECTION_TITLES, short_title
from ..rules.dates import long_date_with_weekday

CRLF: Final = "\r\n"
MAX_OCTETS: Final = 75
PRODID: Final = f"-//{current().name}//CSPR deadline calculator {__version__}//EN"
CALENDAR_NAME: Final = "CSPR deadlines"
MARKING: Final = "OFFICIAL-SENSITIVE"
#: The reminder: 9am the day before an all-day event (15 hours before its midnight start).
REMINDER: Final = "-PT15H"
MIME: Final = "text/calendar"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as
    ``\\n``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1): each continuation starts with one
    space, and a multi-byte UTF-8 character is never split."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line  # most lines: no need to look at each character
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return CRLF.join(out)


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def case_key(events: Mapping[str, str]) -> str:
    """A short digest of the dates entered: the same dates give the same UIDs."""
    text = ";".join(f"{k}={v}" for k, v in sorted(events.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _description(m: Mapping[str, Any]) -> str:
    cite = str(m["cite"])
    if "due" in m:
        when = f"Due: {long_date_with_weekday(date.fromisoformat(m['due']))}."
    else:
        first = long_date_with_weekday(date.fromisoformat(m["earliest"]))
        last = long_date_with_weekday(date.fromisoformat(m["latest"]))
        when = f"Between {first} and {last}."
    parts = [
        MARKING,
        f"{m['label']}.",
        when,
        f"How it was counted: {m['basis']}.",
    ]
    if m.get("note"):
        parts.append(str(m["note"]))
    title = SECTION_TITLES[cite]
    # An appendix's title ("Appendix 1 ...") already starts with its short title.
    where = title if title.startswith(short_title(cite)) else f"{short_title(cite)}, {title}"
    parts.append(f"Procedure: {where}.")
    parts.append(f"Worked out by {m.get('made_by', 'the CSPR deadline calculator')}.")
    return "\n".join(parts)


def event_lines(
    m: Mapping[str, Any], key: str, stamp: str, source: str = "cspr-deadline-calculator"
) -> list[str]:
    """One milestone as a VEVENT with its VALARM (unfolded lines)."""
    if "due" in m:
        start = date.fromisoformat(m["due"])
        end = start + timedelta(days=1)
        summary = f"CSPR: {m['label']}"
    else:
        start = date.fromisoformat(m["earliest"])
        end = date.fromisoformat(m["latest"]) + timedelta(days=1)
        summary = f"CSPR: {m['label']} (window)"
    return [
        "BEGIN:VEVENT",
        f"UID:{m['id']}-{key}@{source}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(start)}",
        f"DTEND;VALUE=DATE:{_date(end)}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(_description(m))}",
        f"CATEGORIES:{escape_text('CSPR')}",
        "CLASS:PRIVATE",
        "TRANSP:TRANSPARENT",
        "SEQUENCE:0",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(summary)}",
        f"TRIGGER:{REMINDER}",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar(
    milestones: Iterable[Mapping[str, Any]], events: Mapping[str, str], now: datetime
) -> str:
    """The whole calendar file, CRLF line endings, folded."""
    key = case_key(events)
    stamp = _stamp(now)
    lines: list[str] = []
    for m in milestones:
        lines.extend(event_lines(m, key, stamp))
    return wrap(lines)


def wrap(event_lines: Iterable[str], name: str = CALENDAR_NAME, prodid: str = PRODID) -> str:
    """Events' lines as one calendar file, CRLF line endings, folded."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(prodid)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        *event_lines,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + CRLF for line in lines)


def stamp(now: datetime) -> str:
    return _stamp(now)


def filename(events: Mapping[str, str]) -> str:
    """ "cspr-deadlines-2026-12-18.ics": named after the first date entered."""
    first = min(events.values()) if events else ""
    return f"cspr-deadlines-{first}.ics" if first else "cspr-deadlines.ics"
