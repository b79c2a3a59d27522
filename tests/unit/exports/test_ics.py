"""The calculator's calendar file: ``csprcore.exports.ics`` and ``api.deadlines_ics``.

RFC 5545: CRLF line endings (3.1), lines folded at 75 octets (3.1), TEXT escaped (3.3.11),
VERSION and PRODID (3.7), UID and DTSTAMP in each VEVENT (3.6.1), DATE values for all-day
events (3.3.4), a VALARM with ACTION, TRIGGER and, for DISPLAY, DESCRIPTION (3.6.6).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore import api
from csprcore.exports import ics

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
ALL_SIX = {
    "aware": "2026-12-18",
    "referral": "2026-12-18",
    "meeting": "2027-01-08",
    "sent-to-panel": "2027-01-12",
    "decision": "2027-02-01",
    "publication": "2027-07-30",
}


def result(events: dict[str, str], **extra: Any) -> dict[str, Any]:
    out = json.loads(api.call("deadlines", json.dumps({**events, "today": "2026-12-01", **extra})))
    assert out["ok"], out
    return dict(out)


def calendar_for(events: dict[str, str]) -> str:
    r = result(events)
    return ics.calendar(r["milestones"], r["events"], NOW)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


# --- RFC 5545 structure ---------------------------------------------------------------------


def test_every_line_ends_in_crlf_and_the_file_is_framed() -> None:
    text = calendar_for(ALL_SIX)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    lines = unfold(text)
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:-//") for line in lines)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 12
    assert lines.count("BEGIN:VALARM") == lines.count("END:VALARM") == 12


def test_no_line_is_longer_than_75_octets() -> None:
    text = calendar_for(ALL_SIX)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
    # Long descriptions really are folded, and unfold back to one line each.
    assert "\r\n " in text


def test_each_event_has_the_required_properties() -> None:
    cal = icalendar.Calendar.from_ical(calendar_for(ALL_SIX))
    uids = set()
    for event in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert event.get(prop) is not None, prop
        uids.add(str(event["UID"]))
        assert event["DTSTAMP"].dt == NOW
        # All-day: DATE values, not DATE-TIME.
        assert type(event["DTSTART"].dt) is date
        assert type(event["DTEND"].dt) is date
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["DESCRIPTION"]
        assert alarm["TRIGGER"].dt == -timedelta(hours=15)  # 9am the day before
    assert len(uids) == 12


def test_all_day_events_say_value_date() -> None:
    lines = unfold(calendar_for({"aware": "2026-12-18"}))
    assert "DTSTART;VALUE=DATE:20261229" in lines
    assert "DTEND;VALUE=DATE:20261230" in lines


# --- round trip: every milestone, on its day --------------------------------------------------


@pytest.mark.parametrize(
    "events",
    [
        {"aware": "2026-12-18", "referral": "2026-12-18"},  # Christmas 2026
        {"referral": "2027-03-24"},  # Easter 2027
        ALL_SIX,
    ],
)
def test_parses_with_icalendar_and_carries_every_milestone(events: dict[str, str]) -> None:
    r = result(events)
    cal = icalendar.Calendar.from_ical(ics.calendar(r["milestones"], r["events"], NOW))
    by_uid = {str(e["UID"]).split("-")[0]: e for e in cal.walk("VEVENT")}
    assert len(by_uid) == len(r["milestones"])
    for m in r["milestones"]:
        (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(m["id"] + "-")]
        assert str(event["SUMMARY"]).startswith("CSPR: " + m["label"])
        description = str(event["DESCRIPTION"])
        assert m["basis"] in description
        assert description.startswith("OFFICIAL-SENSITIVE")
        if "due" in m:
            assert event["DTSTART"].dt == date.fromisoformat(m["due"])
            assert event["DTEND"].dt == date.fromisoformat(m["due"]) + timedelta(days=1)
        else:
            # The Rapid Review meeting's window: its first day to the day after its last.
            assert event["DTSTART"].dt == date.fromisoformat(m["earliest"])
            assert event["DTEND"].dt == date.fromisoformat(m["latest"]) + timedelta(days=1)


@pytest.mark.nel
def test_the_reading_of_appendix_1_travels_with_its_event() -> None:
    cal = icalendar.Calendar.from_ical(calendar_for(ALL_SIX))
    (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("rapid_review_to_panel")]
    assert "We count 2 working days" in str(event["DESCRIPTION"])


def test_uids_are_stable_for_the_same_dates_and_differ_for_others() -> None:
    def uids(events: dict[str, str]) -> list[str]:
        return [line for line in unfold(calendar_for(events)) if line.startswith("UID:")]

    assert uids({"aware": "2026-12-18"}) == uids({"aware": "2026-12-18"})
    assert set(uids({"aware": "2026-12-18"})).isdisjoint(uids({"aware": "2026-12-17"}))


# --- folding and escaping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
        ('say "2 days": yes', 'say "2 days": yes'),
    ],
)
def test_escape_text(raw: str, escaped: str) -> None:
    assert ics.escape_text(raw) == escaped


def test_fold_at_75_octets_exactly() -> None:
    line = "DESCRIPTION:" + "x" * 200
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert [len(p) for p in parts] == [75, 75, 64]
    assert parts[1].startswith(" ") and parts[2].startswith(" ")
    assert folded.replace("\r\n ", "") == line
    assert ics.fold("SHORT:line") == "SHORT:line"


def test_fold_never_splits_a_character() -> None:
    dash = "\N{EN DASH}"
    line = "SUMMARY:" + f"Zoë {dash} Łukasz-Żółć {dash} Nguyễn Thị Ánh {dash} Ілля " * 5
    folded = ics.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # each part is whole characters
    assert folded.replace("\r\n ", "") == line


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_fold_and_escape_round_trip(text: str) -> None:
    line = "DESCRIPTION:" + ics.escape_text(text)
    folded = ics.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_text_with_special_characters_round_trips_through_icalendar() -> None:
    milestone = {
        "id": "odd",
        "label": 'Commas, semicolons; back\\slashes and "quotes" <b>not markup</b>',
        "due": "2026-12-29",
        "basis": "line one\nline two",
        "cite": "section-3",
    }
    cal = icalendar.Calendar.from_ical(ics.calendar([milestone], {"aware": "2026-12-18"}, NOW))
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "CSPR: " + milestone["label"]
    assert "line one\nline two" in str(event["DESCRIPTION"])


# --- the api ----------------------------------------------------------------------------------


def test_api_deadlines_ics() -> None:
    payload = {"referral-day": "18", "referral-month": "12", "referral-year": "2026"}
    out = json.loads(api.call("deadlines_ics", json.dumps(payload)))
    assert out["ok"] is True
    assert out["filename"] == "cspr-deadlines-2026-12-18.ics"
    assert out["mime"] == "text/calendar"
    cal = icalendar.Calendar.from_ical(out["text"])
    assert len(cal.walk("VEVENT")) == 5  # what a referral date gives


def test_api_deadlines_ics_needs_a_date() -> None:
    out = json.loads(api.call("deadlines_ics", "{}"))
    assert out["ok"] is False
    assert out["errors"] == [
        {"field": "aware", "message": "Enter at least one date to make a calendar file"}
    ]


def test_api_deadlines_ics_refuses_bad_dates() -> None:
    payload = {"meeting-day": "30", "meeting-month": "2", "meeting-year": "2027"}
    out = json.loads(api.call("deadlines_ics", json.dumps(payload)))
    assert out["errors"] == [
        {"field": "meeting", "message": "The date of the Rapid Review meeting must be a real date"}
    ]
