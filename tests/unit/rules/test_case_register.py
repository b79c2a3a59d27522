"""The case register's rules (``csprcore.rules.register``): each case's stage and
next deadline, with its status (on time, due within 2 working days, overdue) and the working
days left, for every stage from notification to closed.

Every expected date below was counted by hand on a calendar, skipping Saturdays, Sundays and
England and Wales bank holidays: 3 and 6 April 2026 (Easter), 4 and 25 May 2026, 31 August
2026, 25 and 28 December 2026 (Christmas Day, and the substitute for Boxing Day), 1 January
2027, 26 and 29 March 2027 (Easter). Procedure, section 11: "'Working day' means any day
which is not a Saturday, Sunday or Bank Holiday". A test that quotes North East
Lincolnshire's Appendix 1 numbers is marked ``nel``.
"""

from __future__ import annotations

from datetime import date

import pytest

from csprcore.rules.register import (
    Case,
    OpenAction,
    next_deadline,
    open_deadlines,
    stage,
    steps,
)
from csprcore.views.register import list_view


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def case(ref: str = "NEL-1", kind: str | None = None, *actions: OpenAction, **dates: str) -> Case:
    """A case from keyword dates (``sent_to_panel`` is the event ``sent-to-panel``)."""
    return Case(
        ref,
        "Z N",
        "8",
        kind,  # type: ignore[arg-type]
        {k.replace("_", "-"): d(v) for k, v in dates.items()},
        tuple(actions),
    )


def due_dates(c: Case, today: str) -> dict[str, date]:
    return {x.id: x.due for x in open_deadlines(c, d(today))}


# --- notification ---------------------------------------------------------------------------

# Section 3: the local authority notifies the Panel "within five working days of becoming
# aware". Aware on Monday 30 March 2026: Tue 31 (1), Wed 1 April (2), Thu 2 (3), Good Friday
# 3 and Easter Monday 6 do not count, Tue 7 (4), Wed 8 (5).
AWARE_BEFORE_EASTER = case(aware="2026-03-30")


def test_notification_stage_is_due_five_working_days_after_awareness_across_easter() -> None:
    assert stage(AWARE_BEFORE_EASTER) == "notification"
    assert due_dates(AWARE_BEFORE_EASTER, "2026-03-30") == {
        "notify_panel": d("2026-04-08"),
        # "The local authority should also report the event to the safeguarding partners
        # ... within five working days."
        "report_to_safeguarding_partners": d("2026-04-08"),
    }
    nd = next_deadline(AWARE_BEFORE_EASTER, d("2026-03-30"))
    assert nd is not None
    assert (nd.id, nd.due, nd.working_days_left, nd.status) == (
        "notify_panel", d("2026-04-08"), 5, "on_time",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("today", "left", "status"),
    [
        ("2026-03-31", 4, "on_time"),  # Wed 1, Thu 2, Tue 7, Wed 8
        ("2026-04-02", 2, "due_soon"),  # Thursday before Easter: only Tue 7 and Wed 8
        ("2026-04-03", 2, "due_soon"),  # Good Friday: Tue 7, Wed 8
        ("2026-04-06", 2, "due_soon"),  # Easter Monday
        ("2026-04-07", 1, "due_soon"),
        ("2026-04-08", 0, "due_soon"),  # on the day
        ("2026-04-09", -1, "overdue"),
        ("2026-04-11", -2, "overdue"),  # Saturday: Thu 9, Fri 10 have passed
        ("2026-04-14", -4, "overdue"),  # Thu 9, Fri 10, Mon 13, Tue 14
    ],
)
def test_notification_working_days_left_and_status(today: str, left: int, status: str) -> None:
    nd = next_deadline(AWARE_BEFORE_EASTER, d(today))
    assert nd is not None and nd.id == "notify_panel"
    assert (nd.working_days_left, nd.status) == (left, status)


def test_notification_recorded_leaves_the_report_to_the_partners() -> None:
    c = case(aware="2026-03-30", notified="2026-04-01")
    assert stage(c) == "notification"
    # The notification starts the national deadline for the Rapid Review (the Panel's
    # guidance: 15 working days from it).
    assert list(due_dates(c, "2026-04-01")) == [
        "report_to_safeguarding_partners", "rapid_review_national"]  # fmt: skip


# --- scoping --------------------------------------------------------------------------------

# A referral on Wednesday 23 December 2026: Thu 24 (1); Fri 25 (Christmas Day) and Mon 28
# (Boxing Day's substitute) do not count; Tue 29 (2), Wed 30 (3), Thu 31 (4); Fri 1 January
# 2027 does not count; Mon 4 (5), Tue 5 (6), Wed 6 (7), Thu 7 (8), Fri 8 (9), Mon 11 (10),
# Tue 12 (11), Wed 13 (12), Thu 14 (13), Fri 15 (14), Mon 18 (15).
CHRISTMAS_REFERRAL = case(aware="2026-12-22", notified="2026-12-23", referral="2026-12-23")


@pytest.mark.nel
def test_scoping_stage_counts_appendix_1_across_christmas_and_new_year() -> None:
    assert stage(CHRISTMAS_REFERRAL) == "scoping"
    assert due_dates(CHRISTMAS_REFERRAL, "2026-12-23") == {
        # "Within 2 working days of referral": the Initial Scoping template is sent, and the
        # date of the Rapid Review meeting set.
        "scoping_template_sent": d("2026-12-29"),
        "rapid_review_meeting_date_set": d("2026-12-29"),
        # "within 5 working days" the templates are returned.
        "scoping_template_returned": d("2027-01-04"),
        # "Between 7 and 13 working days of receiving the referral": the window's last day.
        "rapid_review_meeting": d("2027-01-14"),
        # No meeting yet: 2 working days after the window's last day, 15 from the referral.
        "rapid_review_to_panel": d("2027-01-18"),
        # The Panel's guidance: 15 working days from the notification (the same day here).
        "rapid_review_national": d("2027-01-18"),
    }
    meeting = next(s for s in steps(CHRISTMAS_REFERRAL) if s.id == "rapid_review_meeting")
    assert (meeting.earliest, meeting.due) == (d("2027-01-06"), d("2027-01-14"))
    nd = next_deadline(CHRISTMAS_REFERRAL, d("2026-12-23"))
    assert nd is not None
    # Thu 24 and Tue 29 left: due within 2 working days.
    assert (nd.id, nd.due, nd.working_days_left, nd.status) == (
        "scoping_template_sent", d("2026-12-29"), 2, "due_soon",
    )  # fmt: skip
    # On Christmas Eve one working day is left; on the day itself none.
    nd = next_deadline(CHRISTMAS_REFERRAL, d("2026-12-24"))
    assert nd is not None and (nd.working_days_left, nd.status) == (1, "due_soon")
    nd = next_deadline(CHRISTMAS_REFERRAL, d("2026-12-28"))  # a bank holiday
    assert nd is not None and (nd.working_days_left, nd.status) == (1, "due_soon")
    nd = next_deadline(CHRISTMAS_REFERRAL, d("2026-12-29"))
    assert nd is not None and (nd.working_days_left, nd.status) == (0, "due_soon")
    # Overdue from Wed 30; on Mon 4 January Wed 30, Thu 31 and Mon 4 have passed.
    nd = next_deadline(CHRISTMAS_REFERRAL, d("2027-01-04"))
    assert nd is not None
    assert (nd.id, nd.working_days_left, nd.status) == ("scoping_template_sent", -3, "overdue")


def test_without_a_meeting_the_rapid_review_is_due_15_working_days_after_the_referral() -> None:
    # National guidance: 15 working days from the referral, across Christmas and New Year.
    assert due_dates(CHRISTMAS_REFERRAL, "2026-12-23")["rapid_review_to_panel"] == d("2027-01-18")


@pytest.mark.nel
def test_a_step_of_the_partnerships_own_is_recorded_under_its_id() -> None:
    # North East Lincolnshire's "Rapid Review meeting date set" has no register event of its
    # own: the case records it under the step's id, and then the meeting is next.
    c = case(aware="2026-12-22", notified="2026-12-23", referral="2026-12-23",
             scoping_sent="2026-12-24", scoping_returned="2027-01-04")  # fmt: skip
    nd = next_deadline(c, d("2027-01-05"))
    assert nd is not None and nd.id == "rapid_review_meeting_date_set"
    c = Case(c.reference, c.child_initials, c.child_age, None,
             {**c.dates, "rapid_review_meeting_date_set": d("2026-12-24")})  # fmt: skip
    nd = next_deadline(c, d("2027-01-05"))
    assert nd is not None
    assert (nd.id, nd.due, nd.status) == ("rapid_review_meeting", d("2027-01-14"), "on_time")


@pytest.mark.nel
def test_scoping_steps_recorded_move_the_next_deadline_on() -> None:
    c = case(aware="2026-12-22", notified="2026-12-23", referral="2026-12-23",
             scoping_sent="2026-12-24", scoping_returned="2027-01-04")  # fmt: skip
    ids = [x.id for x in open_deadlines(c, d("2027-01-05"))]
    assert "scoping_template_sent" not in ids and "scoping_template_returned" not in ids
    assert "rapid_review_meeting" in ids and "rapid_review_to_panel" in ids


# --- rapid review ---------------------------------------------------------------------------

# Referral Monday 14 December 2026, meeting Thursday 24 December (the 8th working day: 15,
# 16, 17, 18, 21, 22, 23, 24). Appendix 1: "Within 2 days of the Rapid Review meeting",
# counted as working days: Tue 29 (1), Wed 30 (2).
MEETING_ON_CHRISTMAS_EVE = case(aware="2026-12-11", notified="2026-12-14",
                                referral="2026-12-14", meeting="2026-12-24")  # fmt: skip


@pytest.mark.nel
@pytest.mark.parametrize(
    ("today", "left", "status"),
    [
        ("2026-12-23", 3, "on_time"),  # Thu 24, Tue 29, Wed 30
        ("2026-12-24", 2, "due_soon"),
        ("2026-12-25", 2, "due_soon"),
        ("2026-12-30", 0, "due_soon"),
        ("2026-12-31", -1, "overdue"),
        ("2027-01-01", -1, "overdue"),  # New Year's Day is no working day
        ("2027-01-04", -2, "overdue"),
    ],
)
def test_rapid_review_stage_due_two_working_days_after_the_meeting(
    today: str, left: int, status: str
) -> None:
    assert stage(MEETING_ON_CHRISTMAS_EVE) == "rapid_review"
    nd = next_deadline(MEETING_ON_CHRISTMAS_EVE, d(today))
    assert nd is not None
    assert (nd.id, nd.due, nd.working_days_left, nd.status) == (
        "rapid_review_to_panel", d("2026-12-30"), left, status,
    )  # fmt: skip


def test_once_the_meeting_is_held_unrecorded_scoping_steps_are_not_overdue() -> None:
    state = {s.id: s.state for s in steps(MEETING_ON_CHRISTMAS_EVE)}
    assert state["scoping_template_sent"] == "not_recorded"
    assert state["scoping_template_returned"] == "not_recorded"
    assert state["rapid_review_meeting"] == "done"
    assert state["notify_panel"] == "done"
    assert state["rapid_review_to_panel"] == "open"


# --- panel ----------------------------------------------------------------------------------

# Section 6: the Panel decides "within 15 working days of a rapid review being received".
# Sent on Wednesday 23 December 2026: the 15th working day is Monday 18 January 2027.
SENT_BEFORE_CHRISTMAS = case(aware="2026-12-01", notified="2026-12-02", referral="2026-12-02",
                             meeting="2026-12-15", sent_to_panel="2026-12-23")  # fmt: skip


@pytest.mark.parametrize(
    ("today", "left", "status"),
    [
        ("2026-12-23", 15, "on_time"),
        ("2027-01-11", 5, "on_time"),  # Tue 12 ... Fri 15, Mon 18
        ("2027-01-14", 2, "due_soon"),  # Fri 15, Mon 18
        ("2027-01-16", 1, "due_soon"),  # Saturday
        ("2027-01-18", 0, "due_soon"),
        ("2027-01-19", -1, "overdue"),
    ],
)
def test_panel_stage_awaits_the_panels_decision(today: str, left: int, status: str) -> None:
    assert stage(SENT_BEFORE_CHRISTMAS) == "panel"
    assert [x.id for x in open_deadlines(SENT_BEFORE_CHRISTMAS, d(today))] == ["panel_decision"]
    nd = next_deadline(SENT_BEFORE_CHRISTMAS, d(today))
    assert nd is not None
    assert (nd.due, nd.working_days_left, nd.status) == (d("2027-01-18"), left, status)


# --- local review ---------------------------------------------------------------------------

# Section 11: published "no later than six months from the date of the decision to initiate a
# review". Decision Monday 31 August 2026 (a bank holiday): six months on is 31 February,
# clamped to Sunday 28 February 2027. Copies "no later than seven working days before the date
# of publication": planned for Tuesday 5 January 2027, that is Mon 4 (1), Thu 31 (2), Wed 30
# (3), Tue 29 (4), Thu 24 (5), Wed 23 (6), Tue 22 December 2026 (7).
LOCAL = case(kind="local", referral="2026-08-03", meeting="2026-08-13",
             sent_to_panel="2026-08-14", decision="2026-08-31")  # fmt: skip
LOCAL_PLANNED = case(kind="local", referral="2026-08-03", meeting="2026-08-13",
                     sent_to_panel="2026-08-14", decision="2026-08-31",
                     planned_publication="2027-01-05")  # fmt: skip


def test_local_review_stage_report_due_six_months_after_the_decision() -> None:
    assert stage(LOCAL) == "local_review"
    assert due_dates(LOCAL, "2026-12-01") == {"final_report_published": d("2027-02-28")}


@pytest.mark.parametrize(
    ("today", "left", "status"),
    [
        ("2027-02-22", 4, "on_time"),  # Tue 23 ... Fri 26
        ("2027-02-24", 2, "due_soon"),
        ("2027-02-26", 0, "due_soon"),  # the last working day before the Sunday
        ("2027-02-28", 0, "due_soon"),
        ("2027-03-01", -1, "overdue"),
    ],
)
def test_local_review_report_due_on_a_sunday(today: str, left: int, status: str) -> None:
    nd = next_deadline(LOCAL, d(today))
    assert nd is not None and nd.id == "final_report_published"
    assert (nd.working_days_left, nd.status) == (left, status)


def test_a_weekend_due_date_passed_is_not_shown_as_due_today() -> None:
    from csprcore.views.register import deadline_json

    # Decision Friday 5 June 2026: six months on is Saturday 5 December 2026. On Sunday 6
    # the report is overdue, yet no working day has passed since it was due.
    c = case(kind="local", decision="2026-06-05")
    nd = next_deadline(c, d("2026-12-06"))
    assert nd is not None and nd.due == d("2026-12-05") and nd.status == "overdue"
    assert deadline_json(nd)["left_text"] != "Due today"


def test_local_review_with_a_planned_publication_date_needs_the_copies_first() -> None:
    assert due_dates(LOCAL_PLANNED, "2026-12-01") == {
        "report_to_panel_and_secretary_of_state": d("2026-12-22"),
        "report_to_ofsted": d("2026-12-22"),
        "final_report_published": d("2027-02-28"),
    }
    nd = next_deadline(LOCAL_PLANNED, d("2026-12-01"))
    assert nd is not None
    # 2-4, 7-11, 14-18, 21 and 22 December: 15 working days.
    assert (nd.id, nd.due, nd.working_days_left, nd.status) == (
        "report_to_panel_and_secretary_of_state", d("2026-12-22"), 15, "on_time",
    )  # fmt: skip


def test_a_decision_dated_without_a_kind_is_the_decision_to_hold_a_local_review() -> None:
    c = case(referral="2026-08-03", decision="2026-08-31")
    assert stage(c) == "local_review"
    assert "final_report_published" in due_dates(c, "2026-09-01")


# --- other review ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["national", "learning", "none"])
def test_other_review_stage_has_nothing_due_from_the_table(kind: str) -> None:
    c = case(kind=kind, aware="2026-03-02", notified="2026-03-09", referral="2026-03-03",
             meeting="2026-03-20", sent_to_panel="2026-03-24", panel_response="2026-04-08",
             decision="2026-04-10")  # fmt: skip
    assert stage(c) == "other_review"
    assert next_deadline(c, d("2026-04-13")) is None
    # The six months of section 11 count only from a decision to hold a local review.
    assert all(s.id != "final_report_published" for s in steps(c))


# --- action plan ----------------------------------------------------------------------------

# Section 12: the review group "will regularly monitor and follow up on actions". An action
# due Wednesday 31 March 2027, seen on Thursday 25 March: Good Friday 26 and Easter Monday 29
# do not count, so Tue 30 and Wed 31 are left.
PUBLISHED = case(
    "NEL-9",
    "local",
    OpenAction(d("2027-03-31"), "Health"),
    OpenAction(d("2027-06-30"), "Police"),
    decision="2026-08-03",
    final_report="2026-12-18",
    copies_sent="2026-12-21",
    publication="2027-01-12",
)


def test_action_plan_stage_next_deadline_is_the_first_open_action() -> None:
    assert stage(PUBLISHED) == "action_plan"
    nd = next_deadline(PUBLISHED, d("2027-03-25"))
    assert nd is not None
    assert (nd.id, nd.due, nd.working_days_left, nd.status) == (
        "action_due", d("2027-03-31"), 2, "due_soon",
    )  # fmt: skip
    assert "Health" in nd.label
    assert [x.due for x in open_deadlines(PUBLISHED, d("2027-03-25"))] == [
        d("2027-03-31"), d("2027-06-30"),
    ]  # fmt: skip
    nd = next_deadline(PUBLISHED, d("2027-03-24"))
    assert nd is not None and (nd.working_days_left, nd.status) == (3, "on_time")


def test_published_without_open_actions_has_nothing_due() -> None:
    c = case(kind="local", decision="2026-08-03", copies_sent="2026-12-21",
             publication="2027-01-12")  # fmt: skip
    assert stage(c) == "action_plan"
    assert next_deadline(c, d("2027-01-13")) is None


def test_copies_never_recorded_are_not_overdue_once_published() -> None:
    c = case(kind="local", decision="2026-08-03", publication="2027-01-12")
    state = {s.id: s.state for s in steps(c)}
    assert state["report_to_panel_and_secretary_of_state"] == "not_recorded"
    assert state["final_report_published"] == "done"


def test_another_review_with_an_action_plan_is_at_the_action_plan() -> None:
    c = case("NEL-8", "learning", OpenAction(d("2026-06-30"), ""), decision="2026-04-10")
    assert stage(c) == "action_plan"
    nd = next_deadline(c, d("2026-07-01"))
    assert nd is not None and (nd.id, nd.working_days_left, nd.status) == (
        "action_due", -1, "overdue",
    )  # fmt: skip


# --- closed ---------------------------------------------------------------------------------


def test_closed_case_has_no_deadline_even_with_open_actions() -> None:
    c = case("NEL-7", "local", OpenAction(d("2027-03-31"), "Health"), decision="2026-08-03",
             publication="2027-01-12", closed="2027-02-01")  # fmt: skip
    assert stage(c) == "closed"
    assert open_deadlines(c, d("2027-04-30")) == []
    assert next_deadline(c, d("2027-04-30")) is None


def test_closed_case_without_a_review_is_closed() -> None:
    c = case(aware="2026-12-22", referral="2026-12-23", closed="2026-12-24")
    assert stage(c) == "closed"
    assert next_deadline(c, d("2027-02-01")) is None


# --- the list -------------------------------------------------------------------------------


@pytest.mark.nel
def test_the_list_is_sorted_by_next_deadline_with_nothing_due_last() -> None:
    cases = [
        case("C-closed", aware="2026-12-22", referral="2026-12-23", closed="2026-12-24"),
        case("C-panel", aware="2026-12-01", notified="2026-12-02", referral="2026-12-02",
             meeting="2026-12-15", sent_to_panel="2026-12-23"),  # 18 January 2027
        case("C-rr", aware="2026-12-11", notified="2026-12-14", referral="2026-12-14",
             meeting="2026-12-24"),  # 30 December 2026
        case("C-notify", aware="2026-12-22"),  # 31 December 2026
    ]  # fmt: skip
    view = list_view(cases, d("2026-12-24"))
    assert [r["reference"] for r in view["rows"]] == ["C-rr", "C-notify", "C-panel", "C-closed"]
    assert [r["stage"] for r in view["rows"]] == ["rapid_review", "notification", "panel",
                                                  "closed"]  # fmt: skip
    rr = view["rows"][0]["next_deadline"]
    assert (rr["due"], rr["working_days_left"], rr["status"]) == ("2026-12-30", 2, "due_soon")
    # The notification: Tue 29, Wed 30, Thu 31 left.
    nt = view["rows"][1]["next_deadline"]
    assert (nt["due"], nt["working_days_left"], nt["status"]) == ("2026-12-31", 3, "on_time")
    assert view["rows"][3]["next_deadline"] is None
    counts = {s["id"]: s["count"] for s in view["statuses"]}
    assert counts == {"overdue": 0, "due_soon": 1, "on_time": 2, "none": 1}
