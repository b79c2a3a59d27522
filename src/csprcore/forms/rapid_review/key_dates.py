"""The Rapid Review's key dates, worked out by the one timescale table from the template's
dates (Appendix 1, section 6): the meeting's window and the date to send it to the Panel in
the partnership's timetable, the national deadline beside them, and the Panel's decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from ...errors import InputError
from ...rules.calendar import CalendarRangeError
from ...rules.dates import long_date, long_date_with_weekday
from ...rules.deadlines import Calculation, Milestone, calculate, check_events
from ...rules.timescales import (
    EVENT_NAMES,
    PANEL_DECISION,
    TIMESCALES_BY_ID,
    by_role,
    due,
    working_days,
)
from ...views.deadlines import beyond_calendar_message, in_words
from ..engine import document_date
from ..meta import Computed

#: The template's dates as the timescale table's events.
EVENTS_FROM: Final = {
    "referral": "case.referral_date",
    "notified": "case.la_notification_date",
    "meeting": "case.meeting_date",
    "sent-to-panel": "sign_off.sent_to_panel",
}


def _events(doc: Mapping[str, Any]) -> dict[str, date]:
    return {e: d for e, path in EVENTS_FROM.items() if (d := document_date(doc, path))}


@dataclass(frozen=True)
class DueDate:
    """The last day to send the Rapid Review to the Panel: ``local`` (the partnership's
    timetable) or ``national`` (the Panel's guidance), and how it was counted."""

    key: str
    day: date
    basis: str


def due_dates(events: Mapping[str, date]) -> list[DueDate]:
    """The Rapid Review's dates to reach the Panel that ``events`` let us count."""
    to_panel = by_role("sent_to_panel")
    assert to_panel is not None
    try:
        found = {m.id: m for m in calculate(check_events(events)).milestones}
    except InputError:
        return []
    return [
        DueDate(key, m.due, in_words(m))
        for key, timescale in (("local", to_panel.id), ("national", "rapid_review_national"))
        if (m := found.get(timescale)) is not None and m.latest is None
    ]


def _waiting(needs: list[str]) -> Computed:
    return Computed("", f"Not worked out yet: enter {EVENT_NAMES[needs[0]]}")


def key_dates(doc: Mapping[str, Any]) -> dict[str, Computed | None]:
    """The Rapid Review's key dates from a document that may be incomplete: the meeting's
    window and the date to send to the Panel (the partnership's steps), the national
    deadline (the Panel's guidance: counted from the notification), and the date the
    Panel's decision is expected (section 6, from the date sent, or the date due)."""
    meeting, to_panel = by_role("meeting"), by_role("sent_to_panel")
    assert meeting is not None and to_panel is not None
    events = _events(doc)
    result: Calculation
    try:
        result = calculate(check_events(events))
    except InputError:  # dates out of order: the form's own checks name them
        result = calculate({})
        events = {}
    found = {m.id: m for m in result.milestones}
    waiting: dict[str, Computed] = {
        t.id: _waiting([c.event for c in t.counts]) for t in result.waiting
    }
    # A step past the calendar's last year: why, rather than "enter a date".
    waiting |= {
        b.timescale.id: Computed(
            "", beyond_calendar_message(b.timescale, b.day, latest=b.latest_only)
        )
        for b in result.beyond
    }
    out: dict[str, Computed | None] = {}
    m = found.get(meeting.id)
    if m is None:
        out["key_dates.meeting_window"] = waiting.get(meeting.id)
    elif m.latest is not None:
        text = (
            f"{long_date_with_weekday(m.due)} to {long_date_with_weekday(m.latest)} ({in_words(m)})"
        )
        out["key_dates.meeting_window"] = Computed(text, text)
    else:
        text = f"{long_date_with_weekday(m.due)} ({in_words(m)})"
        out["key_dates.meeting_window"] = Computed(text, text)
    send_by = _dated(out, found, waiting, "key_dates.send_to_panel_by", to_panel.id)
    national = _dated(out, found, waiting, "key_dates.national_deadline", "rapid_review_national")
    if send_by and national and send_by > national:
        local = out["key_dates.send_to_panel_by"]
        assert local is not None
        out["key_dates.send_to_panel_by"] = Computed(
            local.value,
            f"{local.text}. This is after the national deadline, "
            f"{long_date(national)}: that date binds",
        )
    sent = events.get("sent-to-panel")
    start = sent or send_by
    decision: date | None = None
    if start:
        # Section 6: from the date sent, or (not sent yet) from the date it is due to be.
        try:
            decision = due(TIMESCALES_BY_ID["panel_decision"].counts[0], start)
        except CalendarRangeError:
            decision = None
    if start and decision:
        basis = f"sent to the Panel on {long_date(start)}" if sent else (
            f"if it is sent on {long_date(start)}")  # fmt: skip
        out["key_dates.panel_decision_by"] = Computed(
            decision.isoformat(),
            f"{long_date_with_weekday(decision)} ({working_days(PANEL_DECISION)} after "
            f"the Rapid Review is received: {basis})",
        )
    else:
        out["key_dates.panel_decision_by"] = Computed(
            "", f"Not worked out yet: enter {EVENT_NAMES['meeting']}"
        )
    return out


def _dated(
    out: dict[str, Computed | None],
    found: Mapping[str, Milestone],
    waiting: Mapping[str, Computed],
    key: str,
    timescale: str,
) -> date | None:
    m = found.get(timescale)
    if m is None or m.latest is not None:
        out[key] = waiting.get(timescale)
        return None
    out[key] = Computed(m.due.isoformat(), f"{long_date_with_weekday(m.due)} ({in_words(m)})")
    return m.due
