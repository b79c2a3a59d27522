"""The case register end to end through ``csprcore.api`` (what the page and the CLI call):
open, list, one case, save a case (errors named by the box), delete, add a document, the
exports (JSON, CSV with BOM, calendar, PDF) and the timeliness report with its exports.
Expected dates are counted by hand (see ``test_case_register.py``).
"""

from __future__ import annotations

import base64
import csv
import io
import json
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore import api
from csprcore.forms.case_register.register_file import empty_dates
from csprcore.forms.registry import forms
from tests.unit.rules.test_case_register_report import HAND_COUNTED

#: The forms' examples share a case reference (with the partnership's prefix).
EXAMPLE_REF: str = forms()["rapid-review"].example()["case"]["referral_reference"]


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


def ok(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result = call(name, payload)
    assert result.get("ok") is not False, result
    return result


def errors(name: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    result = call(name, payload)
    assert result["ok"] is False
    return [(e["field"], e["message"]) for e in result["errors"]]


def a_case(
    ref: str, initials: str = "A B", kind: str | None = None, **dates: str
) -> dict[str, Any]:
    return {"reference": ref, "child_initials": initials, "child_age": "", "review_kind": kind,
            "dates": {**empty_dates(), **{k.replace("_", "-"): v for k, v in dates.items()}},
            "open_actions": [], "filled_from": {}}  # fmt: skip


def a_register(*cases: dict[str, Any]) -> dict[str, Any]:
    return {"form": "case-register", "schema_version": 1, "partnership": "P", "cases": list(cases)}


# Aware Tue 22 December 2026: the Panel is notified by Thu 31 December (Wed 23, Thu 24, Tue
# 29, Wed 30, Thu 31). Sent to the Panel Wed 23 December: its decision is expected by the
# 15th working day, Mon 18 January 2027.
FORMULA = a_case("=cmd", "Q R", aware="2026-12-22")
PANEL = a_case("NEL-P", "S T", aware="2026-12-01", notified="2026-12-02", referral="2026-12-02",
               meeting="2026-12-15", sent_to_panel="2026-12-23")  # fmt: skip
CLOSED = a_case("NEL-C", "U V", aware="2026-12-01", referral="2026-12-02", closed="2026-12-03")
REGISTER = a_register(PANEL, CLOSED, FORMULA)
TODAY = "2026-12-24"


# --- open, list, one case -------------------------------------------------------------------


def test_open_reads_a_saved_register_and_says_how_many_cases() -> None:
    result = ok("register_open", {"file": {"name": "ours.json", "content": json.dumps(REGISTER)}})
    assert result["summary_text"] == "It has 3 cases."
    assert result["register"] == REGISTER
    encoded = base64.b64encode(json.dumps(REGISTER).encode()).decode()
    result = ok("register_open", {"file": {"name": "ours.json", "base64": encoded}})
    assert result["register"] == REGISTER


def test_open_refuses_a_broken_file_naming_it() -> None:
    assert errors("register_open", {"file": {"name": "ours.json", "content": "{"}}) == [
        ("register-file", "ours.json is not a case register: it is not valid JSON")
    ]


def test_the_list_is_soonest_first_with_each_status() -> None:
    view = ok("register_view", {"register": REGISTER, "today": TODAY})
    rows = [(r["reference"], r["stage"], r["next_deadline"]) for r in view["rows"]]
    assert [r[:2] for r in rows] == [("=cmd", "notification"), ("NEL-P", "panel"),
                                     ("NEL-C", "closed")]  # fmt: skip
    notify = rows[0][2]
    # Tue 29, Wed 30, Thu 31 December left.
    assert (notify["id"], notify["due"], notify["working_days_left"], notify["status"]) == (
        "notify_panel", "2026-12-31", 3, "on_time",
    )  # fmt: skip
    assert (rows[1][2]["due"], rows[1][2]["status"]) == ("2027-01-18", "on_time")
    assert rows[2][2] is None
    view = ok("register_view", {"register": REGISTER, "today": "2027-01-04"})
    notify = view["rows"][0]["next_deadline"]
    assert (notify["working_days_left"], notify["status"], notify["left_text"]) == (
        -1, "overdue", "1 working day overdue",
    )  # fmt: skip


def test_one_case_gives_its_boxes_steps_and_deadlines() -> None:
    result = ok("register_case", {"register": REGISTER, "index": 0, "today": TODAY})
    assert result["stage"] == "panel"
    assert result["answers"]["sent-to-panel-day"] == "23"
    assert result["answers"]["sent-to-panel-month"] == "12"
    assert [d["id"] for d in result["deadlines"]] == ["panel_decision"]
    step = next(s for s in result["steps"] if s["id"] == "panel_decision")
    assert step["due"] == "2027-01-18"
    assert errors("register_case", {"register": REGISTER, "index": 3}) == [
        ("index", "That case is no longer in the register")
    ]


# --- save, delete -----------------------------------------------------------------------------


def boxes(index: int) -> dict[str, str]:
    answers: dict[str, str] = ok("register_case", {"register": REGISTER, "index": index})["answers"]
    return answers


def test_save_a_new_case_from_the_boxes() -> None:
    answers = {"reference": "NEL-N", "child_initials": "W X", "aware-day": "23",
               "aware-month": "12", "aware-year": "2026"}  # fmt: skip
    result = ok("register_save_case", {"register": REGISTER, "index": None, "answers": answers})
    assert result["index"] == 3
    assert result["register"]["cases"][3]["dates"]["aware"] == "2026-12-23"
    assert result["register"]["cases"][:3] == REGISTER["cases"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"sent-to-panel-day": "31", "sent-to-panel-month": "2", "sent-to-panel-year": "2027"},
         ("sent-to-panel", "The date the Rapid Review was sent to the Panel must be a real date")),
        ({"referral-day": "1", "referral-month": "11"},
         ("referral", "The date the referral was received must be the same as or after the "
                      "date the local authority became aware of the incident")),
        ({"reference": "=CMD"}, ("reference", "Another case has the reference =CMD")),
        ({"child_initials": "Zoë Nguyễn"},
         ("child_initials", "Enter the child's initials only, like Z N, not their name")),
        ({"reference": ""}, ("reference", "Enter the case's reference")),
    ],
)  # fmt: skip
def test_save_names_the_box_with_the_problem(
    change: dict[str, str], expected: tuple[str, str]
) -> None:
    answers = {**boxes(0), **change}
    assert expected in errors(
        "register_save_case", {"register": REGISTER, "index": 0, "answers": answers}
    )


def test_save_keeps_where_unchanged_dates_came_from() -> None:
    case = {**PANEL, "filled_from": {"meeting": "rr.json", "referral": "rr.json"}}
    register = a_register(case)
    answers = {**boxes(0), "referral-day": "1", "referral-month": "12", "referral-year": "2026"}
    saved = ok("register_save_case", {"register": register, "index": 0, "answers": answers})
    assert saved["register"]["cases"][0]["filled_from"] == {"meeting": "rr.json"}


def test_delete_a_case() -> None:
    result = ok("register_delete_case", {"register": REGISTER, "index": 1})
    assert [c["reference"] for c in result["register"]["cases"]] == ["NEL-P", "=cmd"]
    assert errors("register_delete_case", {"register": REGISTER, "index": True}) == [
        ("index", "Choose a case of the register")
    ]


# --- add a document -------------------------------------------------------------------------


def document(form_id: str, name: str) -> dict[str, str]:
    return {"name": name, "content": json.dumps(forms()[form_id].example())}


def test_add_a_rapid_review_as_a_new_case() -> None:
    result = ok("register_add_document", {"register": REGISTER, "index": None,
                                          "file": document("rapid-review", "rr.json")})  # fmt: skip
    case = result["register"]["cases"][result["index"]]
    assert (case["reference"], case["child_initials"], case["review_kind"]) == (
        EXAMPLE_REF, "Z N", "local",
    )  # fmt: skip
    assert case["dates"]["sent-to-panel"] == "2026-10-30"
    assert result["messages"][0].startswith("Filled in from rr.json")


def test_add_a_document_about_another_child_changes_nothing() -> None:
    payload = {"register": REGISTER, "index": 0, "file": document("rapid-review", "rr.json")}
    assert errors("register_add_document", payload) == [
        ("document-file", "rr.json is about a child with the initials Z N, not S T: "
                          "nothing was added")
    ]  # fmt: skip


def test_a_referral_cannot_start_a_case_and_says_why() -> None:
    payload = {"register": REGISTER, "index": None, "file": document("referral", "ref.json")}
    assert errors("register_add_document", payload) == [
        ("document-file", "ref.json has no case reference: add the case first, then add the "
                          "document to it")
    ]  # fmt: skip


# --- exports --------------------------------------------------------------------------------


def exported(fmt: str, register: dict[str, Any] = REGISTER) -> dict[str, Any]:
    return ok("register_export", {"register": register, "format": fmt, "today": TODAY,
                                  "made_at": "24/12/2026 09:30"})  # fmt: skip


def test_export_json_opens_again() -> None:
    result = exported("json")
    assert result["filename"] == "case-register.json"
    again = ok("register_open", {"file": {"name": "x.json", "content": result["text"]}})
    assert again["register"] == REGISTER


def test_export_csv_for_excel_with_a_bom_and_a_formula_guard() -> None:
    result = exported("csv")
    assert result["filename"] == "case-register-2026-12-24.csv"
    data = base64.b64decode(result["base64"])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 3
    first = rows[0]
    # Excel would run "=cmd" as a formula: it is written as text.
    assert first["Reference"] == "'=cmd"
    assert first["Child's initials"] == "Q R"
    assert (first["Due"], first["Working days left"], first["Status"]) == (
        "2026-12-31", "3", "On time",
    )  # fmt: skip
    assert first["Local authority became aware of the incident"] == "2026-12-22"
    assert rows[2]["Reference"] == "NEL-C" and rows[2]["Stage"] == "Closed"


def unfolded(text: str) -> list[str]:
    """RFC 5545 lines: CRLF-separated, a line starting with a space continues the last."""
    lines: list[str] = []
    for line in text.split("\r\n"):
        if line.startswith(" ") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def test_export_ics_has_every_open_deadline_named_by_reference_only() -> None:
    result = exported("ics")
    assert result["filename"] == "case-register-2026-12-24.ics"
    lines = unfolded(result["text"])
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and "END:VEVENT" not in line and "VALARM" not in line:
            key, value = line.split(":", 1)
            events[-1].setdefault(key, value)
    found = sorted((e["DTSTART;VALUE=DATE"], e["SUMMARY"]) for e in events)
    assert [f[0] for f in found] == ["20261231", "20261231", "20270118"]
    assert all(s.startswith("CSPR: ") for _, s in found)
    assert "=cmd" in found[0][1] and "NEL-P" in found[2][1]
    assert len({e["UID"] for e in events}) == 3
    # A calendar is shared more widely than the register: no initials.
    assert "Q R" not in result["text"] and "S T" not in result["text"]


def pdf_text(b64: str) -> str:
    reader = PdfReader(io.BytesIO(base64.b64decode(b64)))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_export_pdf_summary_lists_the_open_cases() -> None:
    result = exported("pdf")
    assert result["mime"] == "application/pdf"
    text = pdf_text(result["base64"])
    assert "=cmd" in text and "NEL-P" in text
    assert "1 closed: not listed." in text


def test_export_refuses_an_unknown_format() -> None:
    assert errors("register_export", {"register": REGISTER, "format": "xlsx"}) == [
        ("format", "Choose json, csv, ics, pdf or odt")
    ]


# --- the timeliness report ------------------------------------------------------------------


def test_report_for_a_period_gives_each_measures_figures() -> None:
    result = ok("register_report", {"register": HAND_COUNTED, "from": "2026-04-01",
                                    "to": "2027-03-31", "today": "2027-05-01"})  # fmt: skip
    measures = {m["id"]: m for m in result["measures"]}
    notify = measures["notification_within_5_working_days"]
    assert (notify["met"], notify["total"], notify["unknown"]) == (1, 3, 1)
    assert [(x["reference"], x["working_days_late"]) for x in notify["missed"]] == [
        ("N3", 4), ("N2", 1),
    ]  # fmt: skip
    assert notify["words"] == "1 of 3 (33%)"
    copies = measures["copies_7_working_days_before_publication"]
    assert (copies["met"], copies["total"], copies["unknown"]) == (2, 3, 1)
    assert result["chart"]  # drawn by the core, with the figures in text too
    assert any("1 of 3 (33%)" in line for line in result["lines"])


def test_report_defaults_to_the_last_financial_year() -> None:
    result = ok("register_report", {"register": HAND_COUNTED, "today": "2027-05-01"})
    assert (result["from"], result["to"]) == ("2026-04-01", "2027-03-31")
    result = ok("register_report", {"register": HAND_COUNTED, "today": "2027-03-31"})
    assert (result["from"], result["to"]) == ("2025-04-01", "2026-03-31")


def test_report_refuses_a_period_that_ends_before_it_starts() -> None:
    assert errors("register_report", {"register": HAND_COUNTED, "from": "2026-04-01",
                                      "to": "2026-03-31"})[0][0] == "to"  # fmt: skip


def test_report_exports_csv_and_pdf() -> None:
    payload = {"register": HAND_COUNTED, "from": "2026-04-01", "to": "2027-03-31",
               "made_at": "01/05/2027 10:00", "today": "2027-05-01"}  # fmt: skip
    result = ok("register_report_export", {**payload, "format": "csv"})
    assert result["filename"] == "cspr-timeliness-2026-04-01-to-2027-03-31.csv"
    data = base64.b64decode(result["base64"])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    notify = rows[0]
    assert (notify["Met"], notify["Counted"], notify["Per cent"]) == ("1", "3", "33")
    assert notify["Missed"] == "N3 (4 working days late); N2 (1 working day late)"
    assert notify["Past the last day, no date recorded"] == "1"
    # The cases kept for the other measures have later dates in the period and no date the
    # local authority became aware: named, so the missing date can be recorded.
    assert (notify["Not yet due"], notify["No date to count from"]) == (
        "0", "P1; P2; P3; P4; P5; P7; R1; R2; R3; R4; R5")  # fmt: skip
    result = ok("register_report_export", {**payload, "format": "pdf"})
    text = pdf_text(result["base64"])
    assert "1 of 3 (33%)" in text and "N3 (4 working days late)" in text


def test_every_open_action_is_a_deadline_of_the_case_and_of_the_calendar() -> None:
    # Section 12: two actions still open, due Wed 31 March and Wed 30 June 2027.
    case = {**a_case("NEL-A", "A B", "learning", decision="2026-04-10"),
            "open_actions": [{"due": "2027-03-31", "agency": "Health"},
                             {"due": "2027-06-30", "agency": "Police"}]}  # fmt: skip
    register = a_register(case)
    view = ok("register_case", {"register": register, "index": 0, "today": "2027-03-25"})
    assert [(d["id"], d["due"]) for d in view["deadlines"]] == [
        ("action_due", "2027-03-31"), ("action_due", "2027-06-30"),
    ]  # fmt: skip
    lines = unfolded(exported("ics", register)["text"])
    starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART")]
    assert starts == ["20270331", "20270630"]


def uids(register: dict[str, Any]) -> dict[str, str]:
    """Each event's start date and summary, by its UID."""
    out, uid = {}, ""
    for line in unfolded(exported("ics", register)["text"]):
        if line.startswith("UID:"):
            uid = line[4:]
        elif line.startswith("DTSTART"):
            out[uid] = line.split(":", 1)[1]
    return out


def test_an_open_actions_calendar_id_does_not_move_when_a_step_is_recorded() -> None:
    # Two identical actions (same agency, same day) and one other: each keeps its id when
    # the referral is recorded and the steps ahead of them change.
    actions = [{"due": "2027-03-31", "agency": "Health"}, {"due": "2027-03-31", "agency": "Health"},
               {"due": "2027-06-30", "agency": "Police"}]  # fmt: skip
    before = {**a_case("NEL-A", "A B", "learning", aware="2026-12-01", notified="2026-12-02"),
              "open_actions": actions}  # fmt: skip
    after = {**before, "dates": {**before["dates"], "referral": "2026-12-03"}}
    first, second = uids(a_register(before)), uids(a_register(after))
    assert set(first) != set(second)  # the steps ahead of the actions changed
    kept = {u: d for u, d in first.items() if u.startswith("action-")}
    assert len(kept) == 3
    assert {u: d for u, d in second.items() if u.startswith("action-")} == kept


# --- who notified the Panel (section 3) ------------------------------------------------------


def test_a_register_saved_before_cases_recorded_who_notified_opens_as_ours() -> None:
    old = a_register({k: v for k, v in a_case("NEL-O", aware="2026-12-01").items()
                      if k != "notification"})  # fmt: skip
    opened = ok("register_open", {"file": {"name": "old.json", "content": json.dumps(old)}})
    assert opened["register"] == old
    assert "notify_panel" in deadline_ids(old["cases"][0])


def deadline_ids(case: dict[str, Any], today: str = "2026-12-02") -> list[str]:
    view = ok("register_case", {"register": a_register(case), "index": 0, "today": today})
    return [d["id"] for d in view["deadlines"]]


@pytest.mark.parametrize("who", ["another_authority", "not_notifiable"])
def test_our_authority_never_owes_a_notification_it_did_not_make(who: str) -> None:
    # Section 3, s16C(1): the duty is the local authority's for the area where the incident
    # happened. Another authority's notification, or a case that was not notifiable (a local
    # learning review), never shows "Local authority notifies the Panel: overdue".
    case = {**a_case("NEL-X", aware="2026-11-02"), "notification": who}
    assert "notify_panel" not in deadline_ids(case)
    assert "notify_panel" in deadline_ids({**case, "notification": "this_authority"})
    listed = ok("register_view", {"register": a_register(case), "today": "2026-12-02"})
    assert all(r["next_deadline"] is None or r["next_deadline"]["id"] != "notify_panel"
               for r in listed["rows"])  # fmt: skip


def test_another_authoritys_notification_starts_the_national_deadline() -> None:
    # Its Rapid Review counts from that authority's notification, recorded as notified:
    # 15 working days after Monday 2 November 2026 is Monday 23 November.
    case = {**a_case("NEL-Y", aware="2026-10-30", notified="2026-11-02"),
            "notification": "another_authority"}  # fmt: skip
    view = ok("register_case", {"register": a_register(case), "index": 0, "today": "2026-11-03"})
    national = next(d for d in view["deadlines"] if d["id"] == "rapid_review_national")
    assert national["due"] == "2026-11-23"


def test_a_case_that_was_not_notifiable_has_no_panel_steps() -> None:
    case = {**a_case("NEL-Z", aware="2026-11-02", referral="2026-11-03"),
            "notification": "not_notifiable"}  # fmt: skip
    ids = deadline_ids(case, "2026-11-04")
    assert not {"notify_panel", "rapid_review_national", "panel_decision",
                "rapid_review_to_panel"} & set(ids)  # fmt: skip
    assert "scoping_template_sent" in ids


def test_only_our_notifications_count_in_the_notification_measure() -> None:
    cases = [
        {**a_case("N-OURS", aware="2026-04-01", notified="2026-04-20")},
        {**a_case("N-THEIRS", aware="2026-04-01", notified="2026-04-20"),
         "notification": "another_authority"},
        {**a_case("N-NONE", aware="2026-04-01"), "notification": "not_notifiable"},
    ]  # fmt: skip
    report = ok("register_report", {"register": a_register(*cases), "from": "2026-04-01",
                                    "to": "2027-03-31"})  # fmt: skip
    measure = next(m for m in report["measures"] if m["id"] == "notification_within_5_working_days")
    assert (measure["met"], measure["total"], measure["unknown"]) == (0, 1, 0)


def test_an_unknown_notification_is_named() -> None:
    case = {**a_case("NEL-Q", aware="2026-11-02"), "notification": "theirs"}
    file = {"name": "r.json", "content": json.dumps(a_register(case))}
    problems = errors("register_open", {"file": file})
    assert "Choose who notified the Panel" in problems[0][1]


def test_a_step_a_register_event_records_may_be_dated_by_its_own_id() -> None:
    # A case may record a date for any of the partnership's steps by the step's id: the
    # scoping templates' step is the register's "scoping-sent" whatever the profile calls it.
    from csprcore.rules.timescales import by_role

    step = by_role("scoping_sent")
    assert step is not None
    case = a_case("NEL-S", aware="2026-12-01", referral="2026-12-02")
    case["dates"][step.id] = "2026-12-03"
    file = {"name": "s.json", "content": json.dumps(a_register(case))}
    opened = ok("register_open", {"file": file})
    dates = opened["register"]["cases"][0]["dates"]
    assert dates["scoping-sent"] == "2026-12-03" and step.id not in dates
    case["dates"]["scoping-sent"] = "2026-12-04"
    file = {"name": "s.json", "content": json.dumps(a_register(case))}
    problems = errors("register_open", {"file": file})
    assert "gives two dates" in problems[0][1]
