"""The case register at its edges: a document that does not say which child it is about is
not added; a hostile value in a register is named, never a crash; a case's boxes give every
problem at once; the list says what to enter when nothing is due; the CLI adds a document to
the case it names; the PDF prints a character its fonts lack as its code point; the calendar
names itself the register's; a new register forgets the last one checked."""

from __future__ import annotations

import base64
import copy
import gc
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore.forms import engine
from csprcore.forms.action_plan import ActionPlan
from csprcore.forms.case_register.documents import add_document
from csprcore.forms.case_register.register_file import Register, example_register
from csprcore.forms.rapid_review import RapidReview
from tests.unit.api.test_case_register_api import a_case, a_register, call, errors, ok

TODAY_ISO = "2026-11-30"


def rr(**case: str) -> dict[str, Any]:
    doc = copy.deepcopy(RapidReview.example())
    doc["case"].update(case)
    return doc


def file(name: str, doc: dict[str, Any]) -> dict[str, str]:
    return {"name": name, "content": engine.write_json(doc)}


# --- a document must say which child it is about ---------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        rr(child_initials="", referral_reference=""),
        {**ActionPlan.example(), "source": {**ActionPlan.example()["source"],
                                           "child_initials": "", "referral_reference": ""}},
    ],
    ids=["rapid-review", "action-plan"],
)  # fmt: skip
def test_a_document_naming_no_child_is_not_added_to_a_case(doc: dict[str, Any]) -> None:
    register = a_register(a_case("AB-1", "G H", aware="2026-06-01"))
    found = errors("register_add_document",
                   {"register": register, "index": 0, "file": file("blank.json", doc)})  # fmt: skip
    assert found == [(
        "document-file",
        "blank.json does not say which child it is about (it has neither the child's initials "
        "nor a case reference): nothing was added",
    )]  # fmt: skip


def test_a_document_naming_the_case_but_not_the_initials_is_added() -> None:
    register = a_register(a_case("AB-1", "G H", aware="2026-06-01"))
    doc = rr(child_initials="", referral_reference="ab 1")
    out = ok("register_add_document",
             {"register": register, "index": 0, "file": file("rr.json", doc)})  # fmt: skip
    assert out["register"]["cases"][0]["dates"]["meeting"] == doc["case"]["meeting_date"]


def test_a_file_name_is_recorded_without_what_a_case_may_not_hold() -> None:
    doc = rr(child_initials="A B", referral_reference="AB-1")
    added = add_document(a_case("AB-1", "A B"), engine.write_json(doc), "a<b>\u200b.json", [],
                         None)  # type: ignore[arg-type]  # fmt: skip
    assert set(added.case["filled_from"].values()) == {"ab.json"}


# --- hostile values in a register ---------------------------------------------------------------


#: A value of the wrong type or shape in a saved register's case, and what is said of it.
HOSTILE: list[tuple[dict[str, Any], str]] = [
    ({"review_kind": ["local"]}, "Choose which kind of review follows, or none"),
    ({"review_kind": ["x"]}, "Choose which kind of review follows, or none"),
    ({"review_kind": {"a": 1}}, "Choose which kind of review follows, or none"),
    ({"reference": "AB\u200b123"},
     "The reference has invisible characters: U+200B (ZERO WIDTH SPACE)"),
    ({"reference": "---"}, "The reference must have a letter or a number"),
    ({"dates": {"aware": 20260105}},
     "The date the local authority became aware of the incident must be a date like "
     "2026-12-18"),
]  # fmt: skip
HOSTILE_IDS = ["kind-in-a-list", "unknown-kind-in-a-list", "kind-an-object", "invisible-character",
               "no-letter-or-number", "date-a-number"]  # fmt: skip


@pytest.mark.parametrize(("change", "message"), HOSTILE, ids=HOSTILE_IDS)
def test_a_hostile_value_is_named_not_a_crash(change: dict[str, Any], message: str) -> None:
    register = a_register({**a_case("AB-1"), **change})
    found = errors("register_open", {"file": {"name": "x.json", "content": json.dumps(register)}})
    assert len(found) == 1
    assert found[0][0] == "register-file"
    assert found[0][1].endswith(message)


def test_an_invisible_character_in_a_reference_is_shown_in_the_message() -> None:
    register = a_register(a_case("AB\u200b123"))
    ((_, message),) = errors(
        "register_open", {"file": {"name": "x.json", "content": json.dumps(register)}}
    )
    assert "Case 1 (AB[U+200B]123)" in message


# --- every problem of the case's boxes at once ---------------------------------------------------


def test_saving_a_case_names_every_problem_at_once() -> None:
    register = a_register(a_case("AB-1"))
    answers = {
        "reference": "ab 1", "child_initials": "Zoe", "aware-day": "40", "aware-month": "1",
        "aware-year": "2026", "referral-day": "2", "referral-month": "1",
        "referral-year": "2026", "meeting-day": "1", "meeting-month": "1",
        "meeting-year": "2026",
    }  # fmt: skip
    found = errors("register_save_case", {"register": register, "index": None, "answers": answers})
    assert [f for f, _ in found] == ["reference", "child_initials", "aware", "meeting"]
    assert found[0][1] == "Another case has the reference ab 1"
    assert found[2][1] == (
        "The date the local authority became aware of the incident must be a real date"
    )


# --- the list says why nothing is due ------------------------------------------------------------


def test_a_local_review_without_its_decision_date_says_what_to_enter() -> None:
    register = a_register(a_case("AB-1", kind="local", aware="2026-06-01", meeting="2026-06-15",
                                 referral="2026-06-02", sent_to_panel="2026-06-17"))  # fmt: skip
    (row,) = ok("register_view", {"register": register, "today": TODAY_ISO})["rows"]
    assert row["next_deadline"] is None
    assert row["hint"] == (
        "Enter the date of the decision on a local review to work out the final report's deadlines"
    )


def test_a_case_lists_only_the_dates_that_would_work_out_a_step_it_still_needs() -> None:
    # A local review whose decision date and planned publication are not recorded: the
    # Rapid Review's steps are done, so only the section 11 dates are asked for.
    case = a_case("AB-1", kind="local", aware="2026-06-01", notified="2026-06-03",
                  referral="2026-06-02", scoping_sent="2026-06-03", scoping_returned="2026-06-08",
                  meeting="2026-06-15", sent_to_panel="2026-06-17",
                  panel_response="2026-07-01")  # fmt: skip
    register = a_register(case)
    waiting = ok("register_case", {"register": register, "index": 0, "today": TODAY_ISO})["waiting"]
    assert [w["needs"] for w in waiting] == [["decision"], ["publication"]]
    # A case with no local review is asked for neither.
    register["cases"][0]["review_kind"] = "none"
    waiting = ok("register_case", {"register": register, "index": 0, "today": TODAY_ISO})["waiting"]
    assert waiting == []


# --- the PDF and the calendar ---------------------------------------------------------------------


def test_the_summary_pdf_prints_what_its_fonts_lack_as_code_points() -> None:
    register = a_register(a_case("AB 漢 1", aware="2026-11-23"))
    out = ok("register_export", {"register": register, "format": "pdf", "today": TODAY_ISO})
    text = PdfReader(io.BytesIO(base64.b64decode(out["base64"]))).pages[0].extract_text()
    assert "AB [U+6F22] 1" in text


def test_the_calendar_is_the_registers_and_names_an_appendix_once() -> None:
    register = a_register(a_case("AB-1", referral="2026-11-24", aware="2026-11-23"))
    text = ok("register_export", {"register": register, "format": "ics", "today": TODAY_ISO})[
        "text"
    ]
    unfolded = text.replace("\r\n ", "")
    assert "CSPR case register" in unfolded.split("PRODID:")[1].split("\r\n")[0]
    assert "@cspr-case-register" in unfolded
    assert "Appendix 1\\, Appendix 1" not in unfolded


# --- the CLI matches a document to its own case -------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "csprcore.cli", *args],
                          capture_output=True, text=True, check=False)  # fmt: skip


def test_add_document_goes_to_the_case_the_document_names(tmp_path: Path) -> None:
    register = example_register()
    first = register["cases"][0]
    path = tmp_path / "register.json"
    path.write_text(json.dumps(register), encoding="utf-8")
    # A new case's Rapid Review that mentions an existing case's reference elsewhere (the
    # local authority's notification reference) starts a new case, not that one.
    doc = rr(referral_reference="XY-2026-900", child_initials="Z N",
             la_notification_reference=first["reference"])  # fmt: skip
    rr_path = tmp_path / "rr.json"
    rr_path.write_text(engine.write_json(doc), encoding="utf-8")
    out = tmp_path / "out.json"
    done = run_cli("register", "add-document", str(path), str(rr_path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    cases = json.loads(out.read_text(encoding="utf-8"))["cases"]
    assert [c["reference"] for c in cases][-1] == "XY-2026-900"
    assert cases[0] == first
    # --case takes the reference however it is written.
    done = run_cli("register", "add-document", str(path), str(rr_path), "--case",
                   first["reference"].lower(), "-o", str(out))  # fmt: skip
    assert done.returncode == 2  # bad input, as every refusal of the CLI
    assert "is about a child with the initials Z N" in done.stderr


def test_report_exports_only_as_csv_pdf_or_odt(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    path.write_text(json.dumps(example_register()), encoding="utf-8")
    done = run_cli("register", "export", str(path), "--format", "json", "--report")
    assert done.returncode == 2
    assert "--report exports the timeliness report as csv, pdf or odt" in done.stderr


@pytest.mark.parametrize(("change", "message"), HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("register_view", {}),
        ("register_case", {"index": 0}),
        ("register_save_case", {"index": 0, "answers": {}}),
        ("register_export", {"format": "csv"}),
    ],
    ids=["view", "case", "save-case", "export"],
)
def test_a_hostile_value_sent_by_the_page_is_named_not_an_internal_error(
    change: dict[str, Any], message: str, name: str, payload: dict[str, Any]
) -> None:
    # The page sends the whole register with each call. The page's internal-error answer
    # names no field and carries "internal": a hostile value must be refused before it.
    register = a_register({**a_case("AB-1"), **change})
    result = call(name, {"register": register, "today": TODAY_ISO, **payload})
    assert result["ok"] is False and "internal" not in result
    ((field, said),) = [(e["field"], e["message"]) for e in result["errors"]]
    assert field == "register-file"
    assert said.startswith("The register cannot be opened. Case 1 (")
    assert said.endswith(message)


def checked_registers_holding(reference: str) -> list[Register]:
    """The checked registers still in memory that hold a case with this reference."""
    gc.collect()
    return [
        o
        for o in gc.get_objects()
        if isinstance(o, Register) and any(c.reference == reference for c in o.cases)
    ]


def test_a_new_register_forgets_the_last_one_checked() -> None:
    # The core keeps the register it last checked, so that the page's next call with the same
    # register is not checked again; a new register lets it go, its cases with it.
    reference = "FORGET-ME-1"
    shown = ok("register_view", {"register": a_register(a_case(reference)), "today": TODAY_ISO})
    assert shown["rows"][0]["reference"] == reference
    assert len(checked_registers_holding(reference)) == 1
    ok("register_new", {})
    assert checked_registers_holding(reference) == []
