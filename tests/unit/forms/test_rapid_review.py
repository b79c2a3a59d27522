"""The Rapid Review Template, its key dates, the agencies' returns added to it, and the letter
to the Panel and the outcome notice made from it (``csprcore.forms.rapid_review``).

Appendix 1: the Rapid Review meeting is held "between 7 and 13 working days of receiving the
referral" and "completes the Rapid Review Template"; the template and the accompanying letter
go to the Panel "within 2 days" of the meeting. Section 6: the Panel aims to decide "within 15
working days of a rapid review being received".
"""

from __future__ import annotations

import base64
import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from csprcore import api
from csprcore.exports.letters.rapid_review import agencies_notice, panel_letter
from csprcore.exports.render import write
from csprcore.forms import engine
from csprcore.forms.rapid_review import (
    DECISIONS,
    RapidReview,
    add_returns,
    agency_key,
    key_dates,
)
from csprcore.forms.rapid_review.parts import TO_PANEL_NOTE as APPENDIX_2_DAYS_READING
from csprcore.forms.registry import get_form
from csprcore.forms.scoping import example_return
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests

NOW = "30/10/2026 10:00"


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """PDF text with its line breaks joined, to find a sentence that wraps."""
    return " ".join(text.split())


@pytest.fixture
def rr() -> dict[str, Any]:
    return copy.deepcopy(RapidReview.example())


def returns(*agencies: str) -> list[tuple[str, dict[str, Any]]]:
    return [(f"{a}.json", example_return(agency=a, summary=f"{a} summary")) for a in agencies]


def export(doc: dict[str, Any], fmt: str) -> dict[str, Any]:
    return call("form_export", {"form": "rapid-review", "document": doc, "format": fmt,
                                "now": NOW})  # fmt: skip


# --------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------


def test_registered_under_its_id() -> None:
    assert get_form("rapid-review") is RapidReview


def test_example_is_valid_and_round_trips(rr: dict[str, Any]) -> None:
    model, errors = engine.check_document(RapidReview, rr)
    assert errors == []
    assert model is not None
    assert model.model_dump(mode="json") == rr
    assert engine.read_file(RapidReview, engine.write_json(rr)) == rr
    answers = engine.document_to_answers(RapidReview, rr)
    assert engine.answers_to_document(RapidReview, answers) == rr


def test_the_child_is_named_by_initials_and_age_only() -> None:
    names = set(engine.document_to_answers(RapidReview, RapidReview.example()))
    assert {"case.child_initials", "case.child_age", "case.gender"} <= names
    for absent in ("first_names", "last_name", "date_of_birth", "address", "postcode"):
        assert not any(absent in name for name in names)


def test_exports_offered_on_the_check_page() -> None:
    assert [f for f, _ in RapidReview.exports] == ["pdf", "letter", "notice", "json"]


@pytest.mark.parametrize(
    ("path", "value", "field", "words"),
    [
        ("case.meeting_date", "2026-10-13", "case.meeting_date",
         "must be the same as or after the date the referral was received"),
        ("case.referral_date", "2026-10-09", "case.referral_date",
         "must be the same as or after the date of the incident"),
        ("sign_off.sent_to_panel", "2026-10-27", "sign_off.sent_to_panel",
         "must be the same as or after the date of the Rapid Review meeting"),
        ("sign_off.health_date", "2026-10-27", "sign_off.health_date",
         "The date signed off for health must be the same as or after"),
        ("case.child_initials", "Zoë", "case.child_initials", "initials only"),
    ],
)  # fmt: skip
def test_cross_field_errors(
    rr: dict[str, Any], path: str, value: str, field: str, words: str
) -> None:
    part, name = path.split(".")
    rr[part][name] = value
    _, errors = engine.check_document(RapidReview, rr)
    assert [e.field for e in errors] == [field]
    assert words in errors[0].message


def test_a_sign_off_date_needs_a_name(rr: dict[str, Any]) -> None:
    rr["sign_off"]["police_name"] = ""
    _, errors = engine.check_document(RapidReview, rr)
    assert [(e.field, e.message) for e in errors] == [
        ("sign_off.police_name", "Enter the name of the person who signed off for the police")
    ]


def test_the_reviewer_is_asked_only_for_a_local_review(rr: dict[str, Any]) -> None:
    rr["decision"]["decision"] = "no_review"
    model, errors = engine.check_document(RapidReview, rr)
    assert errors == []
    assert model is not None
    assert model.decision.reviewer == ""  # an answer to a question not asked is not kept


# --------------------------------------------------------------------------------------
# key dates from the core
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_key_dates_of_the_example(rr: dict[str, Any]) -> None:
    # Referral Wednesday 14 October 2026; meeting Wednesday 28 October; sent Friday 30th.
    assert rr["key_dates"] == {
        "meeting_window": "Friday 23 October 2026 to Monday 2 November 2026 (between 7 and 13 "
        "working days after the referral on 14 October 2026)",
        "send_to_panel_by": "2026-10-30",
        # The Panel's guidance: 15 working days after the notification on Friday 16 October.
        "national_deadline": "2026-11-06",
        "panel_decision_by": "2026-11-20",
    }


@pytest.mark.nel
def test_key_dates_across_christmas() -> None:
    doc = engine.answers_to_document(
        RapidReview, {"case.referral_date": "2026-12-18", "case.meeting_date": "2026-12-23"}
    )
    dates = key_dates(doc)
    window = dates["key_dates.meeting_window"]
    assert window is not None
    # 7 working days after Friday 18 December 2026 is Thursday 31 December (25 and 28
    # December are bank holidays); 13 is Monday 11 January 2027.
    assert window.text.startswith("Thursday 31 December 2026 to Monday 11 January 2027")
    # Meeting Wednesday 23 December + 2 working days = Tuesday 29 December.
    assert doc["key_dates"]["send_to_panel_by"] == "2026-12-29"
    # Not yet sent: counted as if sent on the last day, 29 December; + 15 = 20 January 2027.
    assert doc["key_dates"]["panel_decision_by"] == "2027-01-20"
    decision = dates["key_dates.panel_decision_by"]
    assert decision is not None
    assert "if it is sent on 29 December 2026" in decision.text


def test_the_panel_decision_counts_from_the_date_sent(rr: dict[str, Any]) -> None:
    rr["sign_off"]["sent_to_panel"] = "2026-10-29"
    doc = engine.fill_computed(RapidReview, rr)
    assert doc["key_dates"]["panel_decision_by"] == "2026-11-19"


def test_key_dates_wait_for_their_dates() -> None:
    view = engine.computed_view(RapidReview, engine.answers_to_document(RapidReview, {}))
    assert [v["field"] for v in view] == [
        "key_dates.meeting_window",
        "key_dates.send_to_panel_by",
        "key_dates.national_deadline",
        "key_dates.panel_decision_by",
    ]
    assert all(v["value"] == "" and v["text"].startswith("Not worked out yet") for v in view)


def test_the_summary_and_pdf_carry_the_two_days_reading(rr: dict[str, Any]) -> None:
    answers = engine.document_to_answers(RapidReview, rr)
    checked = call("form_check", {"form": "rapid-review", "answers": answers})
    sections = {s["name"]: s for s in checked["summary"]}
    assert APPENDIX_2_DAYS_READING in sections["key_dates_notes"]["text"]
    rows = {r["field"]: r for r in sections["key_dates"]["rows"]}
    assert rows["key_dates.send_to_panel_by"]["value"].startswith("Friday 30 October 2026")
    assert rows["key_dates.send_to_panel_by"]["href"] == ""
    text = flat(pdf_text(base64.b64decode(export(rr, "pdf")["base64"])))
    assert flat(APPENDIX_2_DAYS_READING) in text
    assert "Friday 30 October 2026 (2 working days after the meeting" in text


# --------------------------------------------------------------------------------------
# the meeting window: a warning, not an error
# --------------------------------------------------------------------------------------


@pytest.mark.nel
@pytest.mark.parametrize(
    ("meeting", "words"),
    [
        # Referral Wednesday 14 October 2026: 5 working days later is Wednesday 21 October.
        ("2026-10-21", "The meeting is 5 working days after the referral"),
        # 15 working days later is Wednesday 4 November.
        ("2026-11-04", "The meeting is 15 working days after the referral"),
    ],
)
def test_a_meeting_outside_the_window_is_a_warning(
    rr: dict[str, Any], meeting: str, words: str
) -> None:
    # Appendix 1 sets the meeting "between 7 and 13 working days of receiving the referral";
    # a meeting held outside that window still happened, so the template can be completed.
    rr["case"]["meeting_date"] = meeting
    rr["sign_off"].update(la_date=meeting, health_date=meeting, police_date=meeting,
                          sent_to_panel=meeting)  # fmt: skip
    model, errors = engine.check_document(RapidReview, rr)
    assert errors == []
    assert model is not None
    (warning,) = engine.warning_list(RapidReview, rr)
    assert warning["field"] == "case.meeting_date"
    assert warning["message"].startswith(words)
    assert (
        "between 7 and 13 working days (23 October 2026 to 2 November 2026)" in (warning["message"])
    )
    answers = engine.document_to_answers(RapidReview, rr)
    checked = call("form_check", {"form": "rapid-review", "answers": answers})
    assert checked["ok"] is True
    assert [w["field"] for w in checked["warnings"]] == ["case.meeting_date"]
    assert export(rr, "pdf")["ok"] is True
    notes = {s["name"]: s for s in checked["summary"]}["key_dates_notes"]["text"]
    assert words in notes


@pytest.mark.nel
@pytest.mark.parametrize("meeting", ["2026-10-23", "2026-10-28", "2026-11-02"])
def test_a_meeting_inside_the_window_has_no_warning(rr: dict[str, Any], meeting: str) -> None:
    rr["case"]["meeting_date"] = meeting
    rr["sign_off"].update(la_date="2026-11-02", health_date="2026-11-02",
                          police_date="2026-11-02", sent_to_panel="")  # fmt: skip
    assert engine.warning_list(RapidReview, rr) == []


def test_sending_late_to_the_panel_is_a_warning(rr: dict[str, Any]) -> None:
    rr["sign_off"]["sent_to_panel"] = "2026-11-03"  # 4 working days after Wednesday 28th
    (warning,) = engine.warning_list(RapidReview, rr)
    assert warning["field"] == "sign_off.sent_to_panel"
    assert warning["message"] == (
        "The Rapid Review was sent to the Panel 2 working days late: Appendix 1 sends it by 30 "
        "October 2026 (2 working days after the meeting on 28 October 2026)"
    )


def test_live_warnings_while_typing() -> None:
    answers = {"case.referral_date": "2026-10-14", "case.meeting_date-day": "4",
               "case.meeting_date-month": "11", "case.meeting_date-year": "2026"}  # fmt: skip
    live = call("form_computed", {"form": "rapid-review", "answers": answers})
    assert [w["field"] for w in live["warnings"]] == ["case.meeting_date"]
    assert live["warnings"][0]["href"] == "#case-meeting_date-day"
    send = {c["field"]: c for c in live["computed"]}["key_dates.send_to_panel_by"]
    assert send["value"] == "2026-11-06"
    # A partly typed date says nothing yet.
    answers["case.meeting_date-year"] = "20"
    assert call("form_computed", {"form": "rapid-review", "answers": answers})["warnings"] == []


# --------------------------------------------------------------------------------------
# adding the agencies' returns
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_three_returns_make_three_rows_and_fill_the_case() -> None:
    blank = engine.answers_to_document(RapidReview, {})
    result = add_returns(blank, returns("Grimsby Primary School", "Humberside Police", "GP"))
    rows = result.document["agency_returns"]
    assert [r["agency"] for r in rows] == ["Grimsby Primary School", "Humberside Police", "GP"]
    assert result.added == ["Grimsby Primary School", "Humberside Police", "GP"]
    assert "Humberside Police summary" in rows[1]["key_points"]
    assert "Chronology:" in rows[1]["key_points"]
    assert "• 21 September 2026, Concern logged" in rows[1]["key_points"]
    assert rows[1]["involvement"].startswith("When: September 2022 to the present")
    case = result.document["case"]
    assert (case["referral_reference"], case["child_initials"], case["child_age"]) == (
        "NEL-2026-014", "Z N", "8")  # fmt: skip
    assert case["referral_date"] == "2026-10-14"
    # The key dates follow the referral date the returns brought.
    assert result.document["key_dates"]["meeting_window"].startswith("Friday 23 October 2026")
    assert result.messages()[0] == (
        "Added 3 agencies: Grimsby Primary School, Humberside Police and GP."
    )


def test_each_agency_once_however_its_name_is_written(rr: dict[str, Any]) -> None:
    result = add_returns(
        rr, returns("police  service.", "POLICE SERVICE", "Grimsby Primary School", "GP")
    )
    names = [r["agency"] for r in result.document["agency_returns"]]
    assert names == ["Grimsby Primary School", "Police Service", "GP"]
    assert result.added == ["GP"]
    assert result.unchanged == ["Police Service", "Grimsby Primary School"]
    # Adding the same returns again changes nothing.
    again = add_returns(result.document, returns("GP", "Police Service"))
    assert again.document["agency_returns"] == result.document["agency_returns"]
    assert not again.changed


def test_never_overwrites_what_the_user_wrote() -> None:
    mine = {"agency": "Humberside Police", "involvement": "Written at the meeting.",
            "key_points": ""}  # fmt: skip
    doc = engine.answers_to_document(RapidReview, {
        "case.child_age": "9", "agency_returns.0.agency": mine["agency"],
        "agency_returns.0.involvement": mine["involvement"]})  # fmt: skip
    result = add_returns(doc, returns("Humberside Police"))
    (row,) = result.document["agency_returns"]
    assert row["involvement"] == "Written at the meeting."
    assert "Humberside Police summary" in row["key_points"]  # the empty box is filled
    assert result.filled == ["Humberside Police"]
    assert result.document["case"]["child_age"] == "9"
    assert result.document["case"]["child_initials"] == "Z N"
    assert "what you had written was kept" in result.messages()[0]


@pytest.mark.nel
def test_a_return_for_another_case_is_refused(rr: dict[str, Any]) -> None:
    other = example_return(agency="NHS Trust")
    other["case"]["referral_reference"] = "NEL-2026-099"
    initials = example_return(agency="Dentist")
    initials["case"]["child_initials"] = "A B"
    nameless = example_return(agency="")
    result = add_returns(rr, [("other.json", other), ("initials.json", initials),
                              ("nameless.json", nameless)])  # fmt: skip
    assert result.document["agency_returns"] == rr["agency_returns"]
    assert not result.changed
    assert [e.message for e in result.refused] == [
        "other.json is a return for referral NEL-2026-099, not NEL-2026-014: it was not added",
        "initials.json is about a child with the initials A B, not Z N: it was not added",
        "nameless.json does not name its agency: it was not added",
    ]


def test_agency_key() -> None:
    assert agency_key("  Children’s Social Care & Health ") == agency_key(
        "children's social care and health"
    )
    assert agency_key("Humberside Police") != agency_key("Humberside Fire")


_NAMES = st.sampled_from(["Humberside Police", "humberside police", "GP", "G.P.", "NHS Trust",
                          "School", "SCHOOL ", "Children's Social Care"])  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    existing=st.lists(
        st.tuples(_NAMES, st.sampled_from(["", "mine"]), st.sampled_from(["", "mine too"])),
        max_size=4,
        unique_by=lambda t: agency_key(t[0]),
    ),
    incoming=st.lists(_NAMES, max_size=8),
)
def test_merge_property(existing: list[tuple[str, str, str]], incoming: list[str]) -> None:
    """Whatever is there and whatever comes in: each agency once, nothing written lost."""
    rows = [{"agency": a, "involvement": i, "key_points": k} for a, i, k in existing]
    doc = {**engine.answers_to_document(RapidReview, {}), "agency_returns": rows}
    result = add_returns(doc, returns(*incoming))
    out = result.document["agency_returns"]
    keys = [agency_key(r["agency"]) for r in out]
    assert len(keys) == len(set(keys))
    assert set(keys) == {agency_key(a) for a, _, _ in existing} | {agency_key(a) for a in incoming}
    for before, after in zip(rows, out, strict=False):
        assert after["agency"] == before["agency"]
        for box in ("involvement", "key_points"):
            if before[box]:
                assert after[box] == before[box]


def test_api_adds_returns_from_files_and_names_bad_ones() -> None:
    answers = {"agency_returns.0.agency": "Humberside Police",
               "agency_returns.0.key_points": "Typed by me."}  # fmt: skip
    files = [
        {"name": "school.json", "content": engine.write_json(example_return())},
        {"name": "police.json",
         "content": engine.write_json(example_return(agency="Humberside Police"))},
        {"name": "broken.json", "content": "{not json"},
        {"name": "referral.json", "content": json.dumps({"form": "referral",
                                                         "schema_version": 1})},
        {"name": "big.json", "content": " " * 1_000_001},
    ]  # fmt: skip
    result = call("rapid_review_add_returns", {"answers": answers, "files": files})
    assert result["ok"] is True
    assert result["changed"] is True
    assert result["added"] == ["Grimsby Primary School"]
    assert result["filled"] == ["Humberside Police"]
    assert [e["message"] for e in result["refused"]] == [
        "broken.json is not a saved form: it is not valid JSON",
        "referral.json is a saved 'referral' form, not an Initial Scoping and Information "
        "Sharing Template",
        "big.json is too big: a saved form is under 1 MB",
    ]
    assert result["answers"]["agency_returns.0.key_points"] == "Typed by me."
    assert result["answers"]["agency_returns.1.agency"] == "Grimsby Primary School"
    assert result["messages"][-1] == "big.json is too big: a saved form is under 1 MB."


def test_api_with_only_bad_files_changes_nothing() -> None:
    answers = {"case.child_initials": "Z N"}
    files = [{"name": "x.json", "content": "[]"}]
    result = call("rapid_review_add_returns", {"answers": answers, "files": files})
    assert result["changed"] is False
    assert result["answers"]["case.child_initials"] == "Z N"
    assert result["messages"] == [
        "x.json is not a saved form.",
        "Nothing was added: your answers have not changed.",
    ]


@pytest.mark.parametrize("files", [None, [], [{"name": "x.json"}], "x"])
def test_api_needs_files(files: Any) -> None:
    result = call("rapid_review_add_returns", {"answers": {}, "files": files})
    assert result["ok"] is False
    assert result["errors"][0]["field"] == "files"


# --------------------------------------------------------------------------------------
# the letter to the Panel and the outcome notice
# --------------------------------------------------------------------------------------


def test_letter_carries_the_decision_rationale_and_enclosures(rr: dict[str, Any]) -> None:
    result = export(rr, "letter")
    assert result["ok"] is True
    assert result["mime"] == "application/pdf"
    assert result["filename"].startswith("NEL-2026-014-rapid-review-letter-")
    text = flat(pdf_text(base64.b64decode(result["base64"])))
    for words in (
        "OFFICIAL-SENSITIVE",
        "letter to the Child Safeguarding Practice Review Panel",
        "The Child Safeguarding Practice Review Panel",
        "Z N, aged 8",
        "16 October 2026, reference CSPRP-2026-0456",
        "We have decided to carry out a local child safeguarding practice review.",
        "We have commissioned Nguyễn Thị Ánh as the reviewer.",
        "Our rationale: The case highlights improvements needed in how schools and social care "
        "share attendance concerns.",
        "• Improvements needed (regulations 11(a) and 3(a)): Yes. Absence and bruising were not "
        "seen together.",
        # Regulation 11's criteria for a local review, (c) and (d) included.
        "• Agencies working together (regulation 11(c)): Yes. The school and social care did not "
        "share what each had seen.",
        "• The Panel concluded a local review may be more appropriate (regulation 11(d)): No.",
        "• Legislative or guidance change (regulation 3(b)): No.",
        # A letter, not a form: salutation, sign-off and each partner's signatory.
        "Dear Panel members,",
        "Yours faithfully,",
        "The completed Rapid Review Template",
        "2: Grimsby Primary School and Police Service)",
        "Friday 20 November 2026",
        "Łukasz Żółć Director of Children's Services. Signed off on 28 October 2026 On behalf "
        "of the local authority",
        "Ілля Коваленко Detective Superintendent",
    ):
        assert words in text, words
    # No full name of the child anywhere in the letter.
    assert "Zoë Nguyễn" not in text


def test_notice_says_what_was_decided_and_what_happens_next(rr: dict[str, Any]) -> None:
    result = export(rr, "notice")
    assert result["ok"] is True
    assert result["filename"].startswith("NEL-2026-014-rapid-review-notice-")
    text = flat(pdf_text(base64.b64decode(result["base64"])))
    for words in (
        "OFFICIAL-SENSITIVE",
        "Rapid Review outcome: notice to the agencies",
        "The agencies that contributed to the Rapid Review: Grimsby Primary School and "
        "Police Service",
        "Dear colleagues,",
        "The safeguarding partners decided to carry out a local child safeguarding practice "
        "review.",
        "Why: The case highlights improvements needed",
        "The reviewer is Nguyễn Thị Ánh.",
        "no later than six months from the decision",
        "Keep supporting the staff affected",
        "Follow up unexplained absence with a home visit.",
    ):
        assert words in text, words


@pytest.mark.nel
@pytest.mark.parametrize(("decision", "_label"), DECISIONS)
def test_every_decision_has_its_words(rr: dict[str, Any], decision: str, _label: str) -> None:
    rr["decision"]["decision"] = decision
    rr["decision"]["rationale"] = f"Because of reason {decision}."
    model, errors = engine.check_document(RapidReview, rr)
    assert errors == []
    assert model is not None
    clean = model.model_dump(mode="json")
    from datetime import datetime

    made = datetime(2026, 10, 30, 10, 0)
    letter = flat(pdf_text(write(panel_letter(clean, made), made, "pdf")))
    notice = flat(pdf_text(write(agencies_notice(clean, made), made, "pdf")))
    assert f"Our rationale: Because of reason {decision}." in letter
    assert f"Why: Because of reason {decision}." in notice
    expected = {
        "local_cspr": ("We have decided to carry out a local child safeguarding practice",
                       "A local child safeguarding practice review will be carried out"),
        "refer_national": ("we ask the Panel to consider it",
                           "The Panel decides whether a national review is appropriate"),
        "other_learning": ("we will hold an interagency Line of Sight Learning Event",
                           "An interagency Line of Sight Learning Event will be held"),
        "no_review": ("We have decided not to carry out a child safeguarding practice review "
                      "or another learning review", "No further review will take place"),
    }[decision]  # fmt: skip
    assert expected[0] in letter
    assert expected[1] in notice
    if decision != "local_cspr":
        assert "reviewer" not in letter.lower().replace("reviews", "")


def test_letter_says_who_has_not_signed_off(rr: dict[str, Any]) -> None:
    rr["sign_off"].update(health_name="", health_role="", health_date="")
    text = flat(pdf_text(base64.b64decode(export(rr, "letter")["base64"])))
    assert "Not yet named Not yet signed off On behalf of health" in text


def test_letter_and_notice_need_a_complete_form(rr: dict[str, Any]) -> None:
    rr["decision"]["rationale"] = ""
    for fmt in ("letter", "notice", "pdf"):
        result = export(rr, fmt)
        assert result["ok"] is False
        assert result["errors"] == [{"field": "decision.rationale",
                                     "message": "Enter the rationale for the decision",
                                     "href": "#decision-rationale"}]  # fmt: skip


def test_unknown_format(rr: dict[str, Any]) -> None:
    result = export(rr, "fax")
    assert result["errors"][0]["message"] == (
        "Choose a format: json, pdf, odt, letter, letter-odt, notice or notice-odt"
    )


def test_user_text_stays_text_in_the_letter(rr: dict[str, Any]) -> None:
    rr["decision"]["rationale"] = "<img src=x onerror=alert(1)> & <b>bold</b>"
    text = flat(pdf_text(base64.b64decode(export(rr, "letter")["base64"])))
    assert "<img src=x onerror=alert(1)> & <b>bold</b>" in text


# --------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------


def test_cli_example_validate(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("rapid-review", "example")
    assert code == 0
    assert json.loads(out) == RapidReview.example()
    source = tmp_path / "rr.json"
    source.write_text(out, encoding="utf-8")
    code, out, err = cli("rapid-review", "validate", str(source))
    assert (code, out, err) == (0, f"{source}: valid\n", "")


@pytest.mark.nel
def test_cli_validate_prints_the_meeting_warning(cli: Any, tmp_path: Path) -> None:
    doc = RapidReview.example()
    doc["case"]["meeting_date"] = "2026-10-21"
    doc["sign_off"].update(la_date="2026-10-21", health_date="2026-10-21")
    source = tmp_path / "rr.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = cli("rapid-review", "validate", str(source))
    assert code == 0
    assert out.splitlines()[1].startswith(
        "Warning: case.meeting_date: The meeting is 5 working days after the referral"
    )


@pytest.mark.parametrize(
    ("fmt", "words"),
    [
        ("letter", "We have decided to carry out a local child safeguarding practice review."),
        ("notice", "Rapid Review outcome: notice to the agencies"),
        ("pdf", "Rapid Review Template"),
    ],
)
def test_cli_exports(cli: Any, tmp_path: Path, fmt: str, words: str) -> None:
    source = tmp_path / "rr.json"
    source.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    target = tmp_path / f"{fmt}.pdf"
    code, out, _ = cli("rapid-review", "export", str(source), "--format", fmt, "-o", str(target))
    assert code == 0
    assert out == f"Wrote {target}\n"
    assert words in flat(pdf_text(target.read_bytes()))


def test_cli_add_returns(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "rr.json"
    source.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    paths = []
    for agency in ("Grimsby Primary School", "NHS Trust", "nhs trust", "GP Practice"):
        path = tmp_path / f"{agency}.json"
        path.write_text(engine.write_json(example_return(agency=agency)), encoding="utf-8")
        paths.append(str(path))
    target = tmp_path / "out.json"
    code, out, err = cli("rapid-review", "add-returns", str(source), *paths, "-o", str(target))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Added 2 agencies: NHS Trust and GP Practice.",
        "Grimsby Primary School was already listed: nothing was changed.",
        f"Wrote {target}",
    ]
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert [r["agency"] for r in saved["agency_returns"]] == [
        "Grimsby Primary School", "Police Service", "NHS Trust", "GP Practice"]  # fmt: skip
    assert saved["agency_returns"][:2] == RapidReview.example()["agency_returns"]
    assert engine.read_file(RapidReview, target.read_text(encoding="utf-8")) == saved


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", ["bad.json", "not valid JSON", "nothing was written"]),
        (json.dumps({"form": "rapid-review", "schema_version": 1}),
         ["bad.json", "not an Initial Scoping"]),
        (json.dumps({**example_return(), "case": {**example_return()["case"],
                                                  "referral_reference": "X-1"}}),
         ["bad.json is a return for referral X-1"]),
    ],
)  # fmt: skip
def test_cli_add_returns_refuses_a_bad_file_and_writes_nothing(
    cli: Any, tmp_path: Path, content: str, words: list[str]
) -> None:
    source = tmp_path / "rr.json"
    source.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(engine.write_json(example_return(agency="NHS Trust")), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    target = tmp_path / "out.json"
    code, out, err = cli("rapid-review", "add-returns", str(source), str(good), str(bad),
                         "-o", str(target))  # fmt: skip
    assert_one_line_error(code, out, err, *words)
    assert not target.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["rapid-review", "export", "RR", "--format", "fax", "-o", "x.pdf"],
        ["rapid-review", "add-returns", "RR", "-o", "x.json"],
        ["rapid-review", "add-returns", "RR", "missing.json", "-o", "x.json"],
        ["rapid-review", "validate", "missing.json"],
        ["scoping", "export", "RR", "--format", "letter", "-o", "x.pdf"],
    ],
)
def test_cli_error_paths_are_one_line(cli: Any, tmp_path: Path, argv: list[str]) -> None:
    source = tmp_path / "rr.json"
    source.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    argv = [str(source) if a == "RR" else str(tmp_path / a) if a.endswith(".json") else a
            for a in argv]  # fmt: skip
    code, out, err = cli(*argv)
    assert_one_line_error(code, out, err)


def test_cli_export_refuses_an_incomplete_rapid_review(cli: Any, tmp_path: Path) -> None:
    doc = RapidReview.example()
    doc["decision"]["decision"] = ""
    source = tmp_path / "rr.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "letter.pdf"
    code, _, err = cli("rapid-review", "export", str(source), "--format", "letter",
                       "-o", str(target))  # fmt: skip
    assert code == 1
    assert err == (
        "decision.decision: Select the safeguarding partners' decision on a local review\n"
    )
    assert not target.exists()


def test_the_criteria_are_the_regulations_four_and_three() -> None:
    """Regulation 11 (a)-(d) for a local review and regulation 3 (a)-(c) for a national one,
    each asked once and each naming its regulation (the procedure's section 6 leaves out
    11 (c) and (d) and asks 3 (b) as if it were local: the template follows the law)."""
    from csprcore.forms.spec import parts

    (part,) = [p for p in parts(RapidReview) if p.name == "criteria"]
    hints = " ".join(f.meta.hint for f in part.fields if f.meta.kind == "radios")
    for ref in ("11(a)", "11(b)", "11(c)", "11(d)", "3(a)", "3(b)", "3(c)"):
        assert hints.count(ref) == 1, ref
    required = [f.name for f in part.fields if f.meta.required]
    assert required == [
        "improvements", "recurrent_themes", "working_together", "panel_suggests_local",
        "legislation",
    ]  # fmt: skip
