"""The calculator page's side of ``csprcore.rules.deadlines``: the GOV.UK date boxes read into
dates (with GOV.UK's messages), office closure days added, and what the page shows."""

from __future__ import annotations

import json
from typing import Any

import pytest

from csprcore import api
from csprcore.errors import InputError
from csprcore.rules import timescales
from csprcore.views import deadlines as deadlines_view


def call(payload: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(api.call("deadlines", json.dumps(payload)))
    assert isinstance(out, dict)
    return out


def boxes(event: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{event}-day": day, f"{event}-month": month, f"{event}-year": year}


# --- three boxes -> one date ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "12", "2026", "The date the referral was received must include a day"),
        ("18", "", "2026", "The date the referral was received must include a month"),
        ("18", "12", "", "The date the referral was received must include a year"),
        ("", "", "2026", "The date the referral was received must include a day and month"),
        ("30", "2", "2027", "The date the referral was received must be a real date"),
        ("31", "4", "2027", "The date the referral was received must be a real date"),
        ("1", "13", "2027", "The date the referral was received must be a real date"),
        ("x", "12", "2026", "The date the referral was received must be a real date"),
        ("1.5", "12", "2026", "The date the referral was received must be a real date"),
        ("²", "12", "2026", "The date the referral was received must be a real date"),
        ("18", "12", "26", "The date the referral was received must include a year with 4 numbers"),
        ("18", "12", "2150", "The date the referral was received must be between 2000 and 2099"),
        ("18", "12", "1999", "The date the referral was received must be between 2000 and 2099"),
    ],
)
def test_bad_boxes_give_govuk_messages(day: str, month: str, year: str, message: str) -> None:
    out = call(boxes("referral", day, month, year))
    assert out["ok"] is False
    assert out["errors"] == [{"field": "referral", "message": message}]


def test_boxes_give_the_same_answer_as_iso() -> None:
    by_boxes = call({**boxes("referral", " 18 ", "12", "2026"), "today": "2026-12-01"})
    by_iso = call({"referral": "2026-12-18", "today": "2026-12-01"})
    assert by_boxes["milestones"] == by_iso["milestones"]
    assert call(boxes("referral", "08", "01", "2027"))["events"] == {"referral": "2027-01-08"}


def test_empty_boxes_are_a_date_not_given() -> None:
    out = call({**boxes("referral", "", "", ""), **boxes("aware", " ", "", "")})
    assert out["ok"] is True
    assert out["milestones"] == []
    assert out["events"] == {}


def test_every_event_name_reads_well_in_a_message() -> None:
    for event, name in timescales.EVENT_NAMES.items():
        out = call(boxes(event, "30", "2", "2027"))
        message = out["errors"][0]["message"]
        assert message == f"{name[0].upper()}{name[1:]} must be a real date"
        assert "the date the decision" not in message.lower()


# --- the order of events ------------------------------------------------------------------------


def test_meeting_before_the_referral() -> None:
    out = call({**boxes("referral", "18", "12", "2026"), **boxes("meeting", "17", "12", "2026")})
    assert out["errors"] == [
        {
            "field": "meeting",
            "message": "The Rapid Review meeting must be the same as or after the referral",
        }
    ]


def test_publication_before_the_decision() -> None:
    out = call({**boxes("decision", "1", "2", "2027"), **boxes("publication", "1", "1", "2027")})
    assert out["errors"][0]["field"] == "publication"
    assert "after the decision" in out["errors"][0]["message"]


def test_errors_come_in_page_order() -> None:
    out = call(
        {
            **boxes("publication", "1", "13", "2027"),
            **boxes("aware", "31", "2", "2027"),
            **boxes("meeting", "", "1", "2027"),
        }
    )
    assert [e["field"] for e in out["errors"]] == ["aware", "meeting", "publication"]


def test_referral_before_awareness() -> None:
    out = call({**boxes("aware", "18", "12", "2026"), **boxes("referral", "17", "12", "2026")})
    assert out["errors"] == [
        {
            "field": "referral",
            "message": "The date the referral was received must be the same as or after the "
            "date the local authority became aware of the incident",
        }
    ]


# --- past the calendar's years ------------------------------------------------------------------


def test_a_date_whose_only_deadline_leaves_the_calendar() -> None:
    # 1 October 2099 + 6 months is in 2100: nothing to tabulate, but the page says why.
    out = call(boxes("decision", "1", "10", "2099"))
    assert out["ok"] is True
    assert out["milestones"] == []
    assert [w["message"] for w in out["warnings"]] == [
        "The date for publication of the report is after 2099, the last year this calculator knows"
    ]
    assert out["summary_text"] == (
        "No milestones worked out from 1 date. 1 could not be worked out: it falls outside "
        "the years this calculator knows."
    )


def test_christmas_2099_on_the_page() -> None:
    out = call({
        **boxes("aware", "20", "12", "2099"),
        **boxes("referral", "20", "12", "2099"),
        "today": "2099-12-01",
    })  # fmt: skip
    assert len(out["milestones"]) == 5
    assert out["summary_text"] == (
        "5 milestones worked out from 2 dates. 2 could not be worked out: they fall outside "
        "the years this calculator knows."
    )
    assert [w["milestone"] for w in out["warnings"]] == [
        "rapid_review_meeting",
        "rapid_review_to_panel",
    ]
    assert out["timeline"] is not None
    assert (
        out["bank_holidays"][-1]["line"] == "Monday 28 December 2099: Boxing Day (substitute day)"
    )


def test_unknown_keys_are_refused() -> None:
    out = call({"referral-hour": "9"})
    assert out["errors"][0]["field"] == "referral-hour"


# --- office closure days ----------------------------------------------------------------------


def test_adding_a_closure_day() -> None:
    out = call({**boxes("closure", "30", "12", "2026"), "closures": ["2026-12-29"]})
    assert out["ok"] is True
    assert out["closures"] == ["2026-12-29", "2026-12-30"]
    assert [d["text"] for d in out["closure_days"]] == [
        "Tuesday 29 December 2026",
        "Wednesday 30 December 2026",
    ]


def test_a_closure_on_a_day_off_says_so() -> None:
    out = call({**boxes("closure", "26", "12", "2026")})
    (day,) = out["closure_days"]
    assert day["line"] == "Saturday 26 December 2026 (already a non-working day (Saturday))"


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the office closure day"),
        (("31", "2", "2027"), "The office closure day must be a real date"),
        (("3", "", "2027"), "The office closure day must include a month"),
    ],
)
def test_a_bad_closure_day(parts: tuple[str, str, str], message: str) -> None:
    out = call(boxes("closure", *parts))
    assert out["errors"] == [{"field": "closure", "message": message}]


def test_closures_change_the_deadlines() -> None:
    plain = call({"aware": "2026-06-01"})["milestones"][0]["due"]
    closed = call({"aware": "2026-06-01", "closures": ["2026-06-03"]})["milestones"][0]
    assert (plain, closed["due"]) == ("2026-06-08", "2026-06-09")
    assert "office closure" in closed["basis"]


# --- what the page shows ----------------------------------------------------------------------


@pytest.mark.nel
def test_page_view() -> None:
    out = call({"referral": "2026-12-18", "today": "2026-12-22"})
    first = out["milestones"][0]
    assert first["number"] == 1
    assert first["date_text"] == "Tuesday 22 December 2026"
    assert first["status_text"] == "Due within 2 working days"
    assert first["section"] == "Appendix 1"
    assert first["cite_path"] == "procedure/appendix-1/#appendix-1"
    window = next(m for m in out["milestones"] if m["id"] == "rapid_review_meeting")
    assert window["date_text"] == ("Between Thursday 31 December 2026 and Monday 11 January 2027")
    assert out["summary_text"] == (
        "5 milestones worked out from 1 date. 2 are due within 2 working days."
    )
    assert out["bank_holidays"][0]["line"] == "Friday 25 December 2026: Christmas Day"
    assert out["events_used"] == [
        {
            "event": "referral",
            "label": "Date the referral was received",
            "date": "2026-12-18",
            "text": "Friday 18 December 2026",
            "line": "Date the referral was received: Friday 18 December 2026",
        }
    ]


def test_unlock_says_which_date_would_work_out_the_rest() -> None:
    out = call({"referral": "2026-12-18"})
    texts = {tuple(u["needs"]): u for u in out["unlock"]}
    assert texts[("aware",)]["text"] == (
        "Enter the date the local authority became aware of the incident to work out:"
    )
    assert [m["id"] for m in texts[("aware",)]["milestones"]] == [
        "notify_panel",
        "report_to_safeguarding_partners",
    ]
    assert ("sent-to-panel",) in texts and ("decision",) in texts and ("publication",) in texts


@pytest.mark.nel
def test_the_reading_of_within_2_days_is_stated_where_it_applies() -> None:
    out = call({"referral": "2026-12-18", "meeting": "2027-01-08"})
    m = next(m for m in out["milestones"] if m["id"] == "rapid_review_to_panel")
    assert m["note"] == timescales.TIMESCALES_BY_ID["rapid_review_to_panel"].note
    assert [x["id"] for x in out["milestones"] if x.get("note")] == ["rapid_review_to_panel"]


def test_read_form_directly() -> None:
    events, closures = deadlines_view.read_form(
        {"aware": "2026-12-18", **boxes("aware", "", "", "")}
    )
    # The boxes win, and they are empty.
    assert (events, closures) == ({}, [])
    with pytest.raises(InputError):
        deadlines_view.read_form({"aware": True})
