"""The procedure's timescales and the dates they give: ``csprcore.rules.deadlines``.

Named cases across Christmas, Easter and the 2022/2023 one-off bank holidays, each with the
words of the procedure that set the timescale.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore.errors import InputError
from csprcore.rules.calendar import WorkingCalendar, add_months, add_working_days
from csprcore.rules.citations import SECTION_TITLES
from csprcore.rules.deadlines import parse_events, timescales_table
from csprcore.rules.timescales import (
    EVENTS,
    ORDER,
    TIMESCALES,
    TIMESCALES_BY_ID,
)
from csprcore.views.deadlines import beyond_calendar_message, compute, meeting_window_problem

PROPERTY = settings(max_examples=100, deadline=None)

#: North East Lincolnshire's timescales, as its procedure and Appendix 1 give them: id ->
#: (event, offset, unit), with the fallback for the meeting's follow-up; the meeting's
#: window's latest end is checked apart.
PROCEDURE_TABLE: dict[str, list[tuple[str, int, str]]] = {
    "notify_panel": [("aware", 5, "working_days")],
    "report_to_safeguarding_partners": [("aware", 5, "working_days")],
    "scoping_template_sent": [("referral", 2, "working_days")],
    "rapid_review_meeting_date_set": [("referral", 2, "working_days")],
    "scoping_template_returned": [("referral", 5, "working_days")],
    "rapid_review_meeting": [("referral", 7, "working_days")],
    "rapid_review_to_panel": [("meeting", 2, "working_days"), ("referral", 15, "working_days")],
    "rapid_review_national": [("notified", 15, "working_days")],
    "panel_decision": [("sent-to-panel", 15, "working_days")],
    "final_report_published": [("decision", 6, "months")],
    "report_to_panel_and_secretary_of_state": [("publication", -7, "working_days")],
    "report_to_ofsted": [("publication", -7, "working_days")],
    "report_available_until": [("publication", 12, "months")],
}
PROCEDURE_CITES = {
    "notify_panel": "section-3",
    "report_to_safeguarding_partners": "section-3",
    "scoping_template_sent": "appendix-1",
    "rapid_review_meeting_date_set": "appendix-1",
    "scoping_template_returned": "appendix-1",
    "rapid_review_meeting": "appendix-1",
    "rapid_review_to_panel": "appendix-1",
    "rapid_review_national": "section-5",
    "panel_decision": "section-6",
    "final_report_published": "section-11",
    "report_to_panel_and_secretary_of_state": "section-11",
    "report_to_ofsted": "section-11",
    "report_available_until": "section-11",
}


def due(events: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Milestones by id."""
    return {m["id"]: m for m in compute(events, **kwargs)["milestones"]}


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_each_timescale_counts_and_cites_as_the_procedure_says() -> None:
    assert [t.id for t in TIMESCALES] == list(PROCEDURE_TABLE)
    for t in TIMESCALES:
        assert [(c.event, c.amount, c.unit) for c in t.counts] == PROCEDURE_TABLE[t.id], t.id
        assert t.cite == PROCEDURE_CITES[t.id], t.id
    window = TIMESCALES_BY_ID["rapid_review_meeting"].latest
    assert window is not None
    assert (window.event, window.amount, window.unit) == ("referral", 13, "working_days")
    assert all(t.latest is None for t in TIMESCALES if t.id != "rapid_review_meeting")


def test_every_timescale_cites_a_real_section_and_counts_from_a_known_event() -> None:
    for t in TIMESCALES:
        assert t.cite in SECTION_TITLES
        assert t.label.strip()
        for c in t.counts:
            assert c.event in EVENTS
        if t.done_by is not None:
            assert t.done_by in EVENTS


@pytest.mark.nel
def test_timescales_table_for_the_docs() -> None:
    table = timescales_table()
    assert [row["id"] for row in table] == list(PROCEDURE_TABLE)
    for row in table:
        assert [(c["event"], c["amount"], c["unit"]) for c in row["counts"]] == PROCEDURE_TABLE[
            row["id"]
        ]
    meeting = next(row for row in table if row["id"] == "rapid_review_meeting")
    assert meeting["latest"] == {"event": "referral", "amount": 13, "unit": "working_days"}


# --------------------------------------------------------------------------------------
# Named cases
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_christmas_2026() -> None:
    # Section 3: the local authority should notify the Panel "within five working days of
    # becoming aware that the incident has occurred" and "report the event to the
    # safeguarding partners ... within five working days". 25 December (Friday) and
    # 28 December (Monday, Boxing Day substitute) are not working days.
    m = due({"aware": "2026-12-18", "referral": "2026-12-18"})
    assert m["notify_panel"]["due"] == "2026-12-29"
    assert m["report_to_safeguarding_partners"]["due"] == "2026-12-29"
    # Appendix 1: "Within 2 working days of referral", "Within 5 working days", "Between 7
    # and 13 working days of receiving the referral".
    assert m["scoping_template_sent"]["due"] == "2026-12-22"
    assert m["rapid_review_meeting_date_set"]["due"] == "2026-12-22"
    assert m["scoping_template_returned"]["due"] == "2026-12-29"
    assert m["rapid_review_meeting"]["earliest"] == "2026-12-31"
    assert m["rapid_review_meeting"]["latest"] == "2027-01-11"  # 1 January is skipped too
    assert m["rapid_review_to_panel"]["due"] == "2027-01-13"
    basis = m["notify_panel"]["basis"]
    assert "skips 25 and 28 December" in basis
    assert "Christmas Day" in basis
    assert "Boxing Day (substitute day)" in basis


@pytest.mark.nel
def test_easter_2027() -> None:
    # Good Friday 26 March and Easter Monday 29 March 2027.
    m = due({"referral": "2027-03-19"})
    assert m["scoping_template_sent"]["due"] == "2027-03-23"
    assert m["scoping_template_returned"]["due"] == "2027-03-30"
    assert m["rapid_review_meeting"]["earliest"] == "2027-04-01"
    assert m["rapid_review_meeting"]["latest"] == "2027-04-09"
    assert m["rapid_review_to_panel"]["due"] == "2027-04-13"
    assert "Good Friday" in m["scoping_template_returned"]["basis"]
    assert "Easter Monday" in m["scoping_template_returned"]["basis"]
    aware = due({"aware": "2027-03-24"})
    assert aware["notify_panel"]["due"] == "2027-04-02"


def test_platinum_jubilee_2022() -> None:
    # Thursday 2 June (Spring bank holiday, moved) and Friday 3 June (Platinum Jubilee).
    m = due({"aware": "2022-06-01"})
    assert m["notify_panel"]["due"] == "2022-06-10"
    assert "2 and 3 June" in m["notify_panel"]["basis"]
    assert "Jubilee" in m["notify_panel"]["basis"]


@pytest.mark.nel
def test_state_funeral_2022() -> None:
    # Monday 19 September 2022.
    m = due({"referral": "2022-09-12", "meeting": "2022-09-16"})
    assert m["scoping_template_sent"]["due"] == "2022-09-14"
    assert m["scoping_template_returned"]["due"] == "2022-09-20"
    assert m["rapid_review_meeting"]["earliest"] == "2022-09-22"
    assert m["rapid_review_meeting"]["latest"] == "2022-09-30"
    assert m["rapid_review_to_panel"]["due"] == "2022-09-21"  # 16th (Fri) + 2, skipping 19th
    assert "State Funeral" in m["scoping_template_returned"]["basis"]


def test_coronation_2023() -> None:
    # Monday 8 May 2023; and the Spring bank holiday, Monday 29 May.
    m = due({"aware": "2023-05-03", "sent-to-panel": "2023-05-05"})
    assert m["notify_panel"]["due"] == "2023-05-11"
    # Section 6: the Panel will respond "with a decision on the majority of cases within 15
    # working days of a rapid review being received".
    assert m["panel_decision"]["due"] == "2023-05-30"
    assert "Coronation" in m["panel_decision"]["basis"]
    assert "Spring" in m["panel_decision"]["basis"]


@pytest.mark.nel
def test_rapid_review_meeting_is_a_window() -> None:
    m = due({"referral": "2026-03-02"})["rapid_review_meeting"]
    assert "due" not in m
    assert m["earliest"] == add_working_days(date(2026, 3, 2), 7).isoformat() == "2026-03-11"
    assert m["latest"] == add_working_days(date(2026, 3, 2), 13).isoformat() == "2026-03-19"
    assert "between 7 and 13" in m["basis"]
    assert m["cite"] == "appendix-1"


@pytest.mark.nel
def test_rapid_review_to_panel_counts_from_the_meeting_when_known() -> None:
    # Appendix 1: "Within 2 days of the Rapid Review meeting: Rapid Review Template and
    # accompanying letter sent to national Panel". Counted as 2 working days.
    with_meeting = due({"referral": "2026-03-02", "meeting": "2026-03-13"})["rapid_review_to_panel"]
    assert with_meeting["due"] == "2026-03-17"
    assert with_meeting["counted_from"] == "meeting"
    assert '"within 2 days of the Rapid Review meeting"' in with_meeting["note"]
    assert "2 working days" in with_meeting["note"]
    assert with_meeting["note"] == TIMESCALES_BY_ID["rapid_review_to_panel"].note
    # A Friday meeting: Monday and Tuesday.
    friday = due({"meeting": "2026-03-13"})["rapid_review_to_panel"]
    assert friday["due"] == "2026-03-17"


@pytest.mark.nel
def test_rapid_review_to_panel_counts_15_from_the_referral_otherwise() -> None:
    m = due({"referral": "2026-03-02"})["rapid_review_to_panel"]
    assert m["due"] == add_working_days(date(2026, 3, 2), 15).isoformat() == "2026-03-23"
    assert m["counted_from"] == "referral"
    assert "2 days" in m["note"]
    assert "15 working days" in m["note"]
    assert "as that date is not known yet" in m["note"]


def test_panel_decision() -> None:
    m = due({"sent-to-panel": "2026-12-11"})["panel_decision"]
    # 15 working days over Christmas 2026 and New Year 2027.
    assert m["due"] == "2027-01-06"
    assert m["cite"] == "section-6"


@pytest.mark.parametrize(
    ("decision", "published_by"),
    [
        # Section 11: "no later than six months from the date of the decision to initiate a
        # review".
        ("2026-08-31", "2027-02-28"),
        ("2027-08-31", "2028-02-29"),
        ("2026-01-15", "2026-07-15"),
        ("2026-03-31", "2026-09-30"),
        ("2024-02-29", "2024-08-29"),
    ],
)
def test_final_report_published(decision: str, published_by: str) -> None:
    m = due({"decision": decision})["final_report_published"]
    assert m["due"] == published_by
    assert "6 calendar months" in m["basis"]
    if decision[-2:] != published_by[-2:]:
        assert "last day of that month" in m["basis"]


@pytest.mark.parametrize(
    ("publication", "seven_before", "available_until"),
    [
        # Section 11: "no later than seven working days before the date of publication" and
        # "publicly available for at least one year".
        ("2028-02-29", "2028-02-18", "2029-02-28"),
        ("2027-01-05", "2026-12-22", "2028-01-05"),  # back over Christmas and New Year
        ("2027-04-06", "2027-03-24", "2028-04-06"),  # back over Easter 2027
        ("2023-05-12", "2023-05-02", "2024-05-12"),  # back over the Coronation
        ("2027-02-28", "2027-02-18", "2028-02-28"),  # a Sunday publication
    ],
)
def test_report_copies_and_availability(
    publication: str, seven_before: str, available_until: str
) -> None:
    m = due({"publication": publication})
    assert m["report_to_panel_and_secretary_of_state"]["due"] == seven_before
    assert m["report_to_ofsted"]["due"] == seven_before
    assert "7 working days before" in m["report_to_ofsted"]["basis"]
    assert m["report_available_until"]["due"] == available_until
    pub = date.fromisoformat(publication)
    assert add_working_days(pub, -7).isoformat() == seven_before
    assert add_months(pub, 12).isoformat() == available_until


@pytest.mark.nel
def test_a_full_timeline() -> None:
    m = due(
        {
            "aware": "2026-12-18",
            "notified": "2026-12-18",
            "referral": "2026-12-21",
            "meeting": "2027-01-05",
            "sent-to-panel": "2027-01-07",
            "decision": "2027-02-01",
            "publication": "2027-07-30",
        }
    )
    assert {k: v.get("due") for k, v in m.items()} == {
        "notify_panel": "2026-12-29",
        "report_to_safeguarding_partners": "2026-12-29",
        "scoping_template_sent": "2026-12-23",
        "rapid_review_meeting_date_set": "2026-12-23",
        "scoping_template_returned": "2026-12-30",
        "rapid_review_meeting": None,
        "rapid_review_to_panel": "2027-01-07",
        # The Panel's guidance: 15 working days from the notification (18 December).
        "rapid_review_national": "2027-01-13",
        "panel_decision": "2027-01-28",
        "final_report_published": "2027-08-01",
        "report_to_panel_and_secretary_of_state": "2027-07-21",
        "report_to_ofsted": "2027-07-21",
        "report_available_until": "2028-07-30",
    }
    assert (m["rapid_review_meeting"]["earliest"], m["rapid_review_meeting"]["latest"]) == (
        "2027-01-04",
        "2027-01-12",
    )


def test_every_milestone_has_the_contract_keys() -> None:
    result = compute(
        {
            "aware": "2026-12-18",
            "notified": "2026-12-18",
            "referral": "2026-12-21",
            "meeting": "2027-01-05",
            "sent-to-panel": "2027-01-07",
            "decision": "2027-02-01",
            "publication": "2027-07-30",
        }
    )
    assert [m["id"] for m in result["milestones"]] == list(PROCEDURE_TABLE)
    assert result["waiting"] == []
    for m in result["milestones"]:
        assert {"id", "label", "basis", "cite"} <= set(m)
        if m["id"] == "rapid_review_meeting":
            assert "due" not in m and {"earliest", "latest"} <= set(m)
        else:
            assert "due" in m and "earliest" not in m and "latest" not in m
        assert m["cite"] in SECTION_TITLES
        assert m["label"].strip() and m["basis"].strip()


# --------------------------------------------------------------------------------------
# What is waiting for which event
# --------------------------------------------------------------------------------------


def test_nothing_given_everything_waits() -> None:
    result = compute({})
    assert result["milestones"] == []
    assert [w["id"] for w in result["waiting"]] == list(PROCEDURE_TABLE)
    for w in result["waiting"]:
        assert w["needs"] == [event for event, _, _ in PROCEDURE_TABLE[w["id"]]]
        assert w["label"] == TIMESCALES_BY_ID[w["id"]].label
        assert w["cite"] in SECTION_TITLES


@pytest.mark.parametrize("event", list(EVENTS))
def test_each_event_unlocks_its_milestones(event: str) -> None:
    given_one = compute({event: "2026-06-10"})
    unlocked = {m["id"] for m in given_one["milestones"]}
    expected = {i for i, counts in PROCEDURE_TABLE.items() if any(e == event for e, _, _ in counts)}
    assert unlocked == expected
    waiting = {w["id"]: w["needs"] for w in given_one["waiting"]}
    assert set(waiting) == set(PROCEDURE_TABLE) - expected
    assert all(event not in needs for needs in waiting.values())


def test_aware_alone_leaves_the_rest_waiting_with_what_unlocks_them() -> None:
    waiting = {w["id"]: w["needs"] for w in compute({"aware": "2026-12-18"})["waiting"]}
    assert waiting == {
        "scoping_template_sent": ["referral"],
        "rapid_review_meeting_date_set": ["referral"],
        "scoping_template_returned": ["referral"],
        "rapid_review_meeting": ["referral"],
        "rapid_review_to_panel": ["meeting", "referral"],
        "rapid_review_national": ["notified"],
        "panel_decision": ["sent-to-panel"],
        "final_report_published": ["decision"],
        "report_to_panel_and_secretary_of_state": ["publication"],
        "report_to_ofsted": ["publication"],
        "report_available_until": ["publication"],
    }


# --------------------------------------------------------------------------------------
# Closures, status and warnings
# --------------------------------------------------------------------------------------


def test_closures_shift_dates() -> None:
    plain = due({"aware": "2026-06-01"})["notify_panel"]
    assert plain["due"] == "2026-06-08"
    closed = compute({"aware": "2026-06-01"}, closures=[date(2026, 6, 3), date(2026, 6, 4)])
    m = {x["id"]: x for x in closed["milestones"]}["notify_panel"]
    assert m["due"] == "2026-06-10"
    assert "office closure" in m["basis"]
    assert closed["closures"] == ["2026-06-03", "2026-06-04"]


def test_a_calendar_with_an_extra_bank_holiday() -> None:
    cal = WorkingCalendar(extra_bank_holidays={date(2026, 6, 3): "A new bank holiday"})
    m = {x["id"]: x for x in compute({"aware": "2026-06-01"}, cal=cal)["milestones"]}
    assert m["notify_panel"]["due"] == "2026-06-09"
    assert "A new bank holiday" in m["notify_panel"]["basis"]


def test_bank_holidays_in_the_span_are_listed() -> None:
    result = compute({"aware": "2026-12-18"})
    assert result["bank_holidays"] == [
        {"date": "2026-12-25", "name": "Christmas Day"},
        {"date": "2026-12-28", "name": "Boxing Day (substitute day)"},
    ]
    assert result["events"] == {"aware": "2026-12-18"}


def test_basis_without_holidays_does_not_mention_skips() -> None:
    m = due({"aware": "2026-06-01"})["notify_panel"]
    assert m["basis"] == (
        "5 working days after 1 June 2026 (the local authority became aware of the incident)"
    )


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2026-12-01", "upcoming"),
        ("2026-12-24", "due_soon"),  # 29 December is 2 working days after 24 December
        ("2026-12-29", "due_soon"),
        ("2026-12-30", "past"),  # no event shows the notification done; not tracked
    ],
)
def test_status_from_today(today: str, status: str) -> None:
    m = due({"aware": "2026-12-18"}, today=date.fromisoformat(today))["notify_panel"]
    assert m["status"] == status


def test_overdue_when_the_event_that_shows_it_done_is_missing() -> None:
    m = due({"referral": "2026-03-02"}, today=date(2026, 4, 1))
    assert m["rapid_review_meeting"]["status"] == "overdue"
    done = due({"referral": "2026-03-02", "meeting": "2026-03-12"}, today=date(2026, 4, 1))
    assert done["rapid_review_meeting"]["status"] == "past"


def test_no_status_without_today() -> None:
    assert "status" not in due({"aware": "2026-12-18"})["notify_panel"]


@pytest.mark.nel
def test_meeting_outside_the_window_warns() -> None:
    result = compute({"referral": "2026-03-02", "meeting": "2026-03-03"})
    assert len(result["warnings"]) == 1
    warning = result["warnings"][0]
    assert warning["field"] == "meeting"
    assert "between 7 and 13 working days" in warning["message"]
    assert "1 working day after" in warning["message"]
    assert meeting_window_problem(date(2026, 3, 2), date(2026, 3, 11)) is None
    assert meeting_window_problem(date(2026, 3, 2), date(2026, 3, 19)) is None
    late = meeting_window_problem(date(2026, 3, 2), date(2026, 3, 20))
    assert late is not None and "14 working days" in late


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "field", "words"),
    [
        ({"aware": "2026-02-30"}, "aware", "must be a real date"),
        ({"referral": "2026-13-01"}, "referral", "must be a real date"),
        ({"referral": "18/12/2026"}, "referral", "must be a date like"),
        ({"referral": 20261218}, "referral", "Enter"),
        ({"aware": "2150-01-01"}, "aware", "between 2000 and 2099"),
        ({"decision": "1999-12-31"}, "decision", "between 2000 and 2099"),
        (
            {"referral": "2026-03-10", "meeting": "2026-03-09"},
            "meeting",
            "must be the same as or after the referral",
        ),
        (
            {"meeting": "2026-03-10", "sent-to-panel": "2026-03-09"},
            "sent-to-panel",
            "must be the same as or after the Rapid Review meeting",
        ),
        (
            {"referral": "2026-03-10", "sent-to-panel": "2026-03-09"},
            "sent-to-panel",
            "must be the same as or after the referral",
        ),
        (
            {"decision": "2026-03-10", "publication": "2026-03-09"},
            "publication",
            "must be after the decision",
        ),
        (
            {"decision": "2026-03-10", "publication": "2026-03-10"},
            "publication",
            "must be after the decision",
        ),
        # Section 3: the local authority is one of the safeguarding partners the referral
        # goes to, so it cannot be received before the local authority became aware.
        (
            {"aware": "2026-03-10", "referral": "2026-03-09"},
            "referral",
            "The date the referral was received must be the same as or after the date the "
            "local authority became aware of the incident",
        ),
        ({"sent_to_panel": "2026-03-10"}, "sent_to_panel", "not an event"),
    ],
)
def test_bad_input_names_the_field(events: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(InputError) as exc:
        compute(events)
    assert exc.value.errors[0].field == field
    assert words in exc.value.errors[0].message


def test_same_day_events_are_allowed_where_the_procedure_allows() -> None:
    events = parse_events(
        {
            "aware": "2026-03-10",
            "referral": "2026-03-10",
            "meeting": "2026-03-10",
            "sent-to-panel": "2026-03-10",
        }
    )
    assert set(events) == {"aware", "referral", "meeting", "sent-to-panel"}


def test_a_referral_before_awareness_blocks_like_every_other_order() -> None:
    # The calculator refuses dates in the wrong order rather than warning: each is a mistyped
    # date, and deadlines counted from it would be wrong. This one is no different.
    with pytest.raises(InputError) as exc:
        compute({"aware": "2026-12-18", "referral": "2026-12-17", "meeting": "2027-01-08"})
    assert [e.field for e in exc.value.errors] == ["referral"]
    # Other problems are still reported with it, each at its own field, in page order.
    with pytest.raises(InputError) as exc:
        compute({"aware": "2026-12-18", "referral": "2026-12-17", "meeting": "2026-12-16"})
    assert [e.field for e in exc.value.errors] == ["referral", "meeting"]


def test_every_order_rule_cites_the_procedure_and_names_its_field() -> None:
    for order in ORDER:
        assert order.cite in SECTION_TITLES
        assert order.later in EVENTS and order.earlier in EVENTS
        assert list(EVENTS).index(order.earlier) < list(EVENTS).index(order.later)
        assert not order.message.endswith(".")
    assert {(o.later, o.earlier) for o in ORDER} >= {("referral", "aware")}


# --------------------------------------------------------------------------------------
# Past the calendar's years (2000 to 2099): the step is named, the rest still worked out
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_christmas_2099_works_out_what_fits_and_names_what_does_not() -> None:
    # Aware and referral on Sunday 20 December 2099: the 5 working days to notify the Panel
    # end on 29 December, inside the calendar; the Rapid Review meeting's window (7 to 13
    # working days) opens on 31 December but closes in 2100, and the Rapid Review's 15
    # working days reach 2100 too.
    result = compute({"aware": "2099-12-20", "referral": "2099-12-20"})
    worked_out = {m["id"]: m.get("due") for m in result["milestones"]}
    assert worked_out == {
        "notify_panel": "2099-12-29",
        "report_to_safeguarding_partners": "2099-12-29",
        "scoping_template_sent": "2099-12-22",
        "rapid_review_meeting_date_set": "2099-12-22",
        "scoping_template_returned": "2099-12-29",
    }
    assert result["warnings"] == [
        {
            "field": "referral",
            "milestone": "rapid_review_meeting",
            "cite": "appendix-1",
            "message": "The latest date for the step \u201cRapid Review meeting held\u201d is "
            "after 2099, the last year this calculator knows",
        },
        {
            "field": "referral",
            "milestone": "rapid_review_to_panel",
            "cite": "appendix-1",
            "message": "The date for the step \u201cRapid Review Template and accompanying letter "
            "sent to the Panel; agencies told the outcome\u201d is after 2099, the last year "
            "this calculator knows",
        },
    ]
    # Neither is "waiting" for a date: no date the user could add would work it out.
    assert not {"rapid_review_meeting", "rapid_review_to_panel"} & {
        w["id"] for w in result["waiting"]
    }


def test_a_decision_whose_six_months_reach_2100_names_publication() -> None:
    # Section 11: the report is published within 6 months of the decision; 1 October 2099
    # + 6 months is 1 April 2100.
    result = compute({"decision": "2099-10-01"})
    assert result["milestones"] == []
    (warning,) = result["warnings"]
    assert warning["message"] == (
        "The date for publication of the report is after 2099, the last year this calculator knows"
    )
    assert (warning["field"], warning["milestone"], warning["cite"]) == (
        "decision",
        "final_report_published",
        "section-11",
    )
    assert "2100" not in warning["message"]


def test_a_publication_early_in_2000_names_the_steps_before_it() -> None:
    # Section 11: the report goes to the Panel, the Secretary of State and Ofsted 7 working
    # days before publication; from 5 January 2000 that is in 1999. The year after is fine.
    result = compute({"publication": "2000-01-05"})
    assert [m["id"] for m in result["milestones"]] == ["report_available_until"]
    assert [w["message"] for w in result["warnings"]] == [
        "The date for sending the full report to the Panel and the Secretary of State is "
        "before 2000, the first year this calculator knows",
        "The date for sending the report to Ofsted is before 2000, the first year this "
        "calculator knows",
    ]


@pytest.mark.nel
def test_a_meeting_warning_near_the_end_of_the_calendar_gives_no_dates_it_cannot_count() -> None:
    # The meeting a day after the referral misses Appendix 1's window; the window itself
    # runs into 2100, so the warning says how far off it is without dates.
    result = compute({"referral": "2099-12-20", "meeting": "2099-12-21"})
    assert {"field": "meeting", "message": (
        "The meeting is 1 working day after the referral; Appendix 1 sets it between 7 and "
        "13 working days"
    )} in result["warnings"]  # fmt: skip
    assert "rapid_review_to_panel" in {m["id"] for m in result["milestones"]}


def test_a_status_at_the_very_end_of_the_calendar() -> None:
    # Today is Wednesday 30 December 2099: two working days on is in 2100, so a step due on
    # the 31st is due soon, not an error.
    m = due({"aware": "2099-12-22"}, today=date(2099, 12, 30))["notify_panel"]
    assert (m["due"], m["status"]) == ("2099-12-31", "due_soon")


def test_every_timescale_has_a_name_for_a_sentence() -> None:
    for t in TIMESCALES:
        assert t.name and t.name[0].islower() and not t.name.endswith("."), t.id
        message = beyond_calendar_message(t, date(2100, 1, 1))
        assert message.startswith(f"The date for {t.name} is after 2099")
        assert not message.endswith(".")


def test_every_bad_date_is_reported_at_once() -> None:
    with pytest.raises(InputError) as exc:
        parse_events({"aware": "2026-02-30", "referral": "nope", "meeting": "2026-01-01"})
    assert [e.field for e in exc.value.errors] == ["aware", "referral"]


def test_blank_events_are_ignored() -> None:
    assert parse_events({"aware": "", "referral": None, "meeting": "2026-03-10"}) == {
        "meeting": date(2026, 3, 10)
    }


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2097, 12, 31))


@pytest.mark.nel
@PROPERTY
@given(DAYS)
def test_every_working_day_milestone_follows_the_calendar(day: date) -> None:
    iso = day.isoformat()
    m = due({"aware": iso, "referral": iso, "sent-to-panel": iso})
    assert m["notify_panel"]["due"] == add_working_days(day, 5).isoformat()
    assert m["scoping_template_returned"]["due"] == add_working_days(day, 5).isoformat()
    # The meeting's window: from the 7th to the 13th working day after the referral.
    assert m["rapid_review_meeting"]["earliest"] == add_working_days(day, 7).isoformat()
    assert m["rapid_review_meeting"]["latest"] == add_working_days(day, 13).isoformat()
    assert m["rapid_review_meeting"]["earliest"] < m["rapid_review_meeting"]["latest"]
    # No meeting date given: the fallback, 15 working days after the referral.
    assert m["rapid_review_to_panel"]["due"] == add_working_days(day, 15).isoformat()
    assert m["rapid_review_to_panel"]["due"] > m["rapid_review_meeting"]["latest"]
    assert m["panel_decision"]["due"] == add_working_days(day, 15).isoformat()
