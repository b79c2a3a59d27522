"""The agencies' Initial Scoping and Information Sharing return (``csprcore.forms.scoping``).

Appendix 1: the template is "sent to all relevant agencies" within 2 working days of the
referral and the completed template is "returned by agencies" within 5 working days. The
return-by date is worked out by the core, never typed.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore import api
from csprcore.forms import engine
from csprcore.forms.registry import get_form
from csprcore.forms.scoping import ScopingReturn, example_return, initials_problem
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


@pytest.fixture
def doc() -> dict[str, Any]:
    return copy.deepcopy(ScopingReturn.example())


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


# --------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------


def test_registered_under_its_id() -> None:
    assert get_form("scoping-return") is ScopingReturn


def test_example_is_valid_and_round_trips(doc: dict[str, Any]) -> None:
    model, errors = engine.check_document(ScopingReturn, doc)
    assert errors == []
    assert model is not None
    assert model.model_dump(mode="json") == doc
    assert engine.read_file(ScopingReturn, engine.write_json(doc)) == doc
    answers = engine.document_to_answers(ScopingReturn, doc)
    assert engine.answers_to_document(ScopingReturn, answers) == doc


def test_the_child_is_named_by_initials_and_age_only() -> None:
    # The return travels between agencies: no name, date of birth or address for the child.
    names = set(engine.document_to_answers(ScopingReturn, ScopingReturn.example()))
    assert {"case.child_initials", "case.child_age"} <= names
    for absent in ("first_names", "last_name", "date_of_birth", "address", "postcode"):
        assert not any(absent in name for name in names)


@pytest.mark.parametrize("value", ["Z N", "ZN", "Z.N.", "ZON", "Ž Ł", "A-B"])
def test_initials_are_accepted(value: str) -> None:
    assert initials_problem(value) is None


@pytest.mark.parametrize("value", ["Zoë", "Zoe Nguyen", "ABCDEFG", "Z 1", "Nguyễn"])
def test_a_name_is_refused_where_initials_are_asked(value: str, doc: dict[str, Any]) -> None:
    doc["case"]["child_initials"] = value
    _, errors = engine.check_document(ScopingReturn, doc)
    assert [(e.field, e.message) for e in errors] == [
        ("case.child_initials", "Enter the child's initials only, like Z N, not their name")
    ]


def test_required_fields_have_govuk_messages() -> None:
    blank = engine.answers_to_document(ScopingReturn, {})
    _, errors = engine.check_document(ScopingReturn, blank)
    messages = {e.field: e.message for e in errors}
    assert messages["case.referral_reference"] == "Enter the referral reference"
    assert messages["case.child_initials"] == "Enter the child's initials"
    assert messages["case.referral_date"] == "Enter the date of the referral"
    assert messages["agency.agency"] == "Enter your agency or organisation"
    assert messages["analysis.immediate_action"] == "Enter the immediate action taken or needed"
    assert "case.return_by" not in messages  # computed, never asked for


def test_template_sent_before_the_referral_is_an_error(doc: dict[str, Any]) -> None:
    doc["case"]["date_sent"] = "2026-10-13"
    _, errors = engine.check_document(ScopingReturn, doc)
    assert [e.field for e in errors] == ["case.date_sent"]
    assert "same as or after the date of the referral" in errors[0].message


# --------------------------------------------------------------------------------------
# the return-by date, worked out by the core
# --------------------------------------------------------------------------------------


@pytest.mark.nel
@pytest.mark.parametrize(
    ("referral", "due"),
    [
        # Wednesday 14 October 2026: five working days later is Wednesday 21 October.
        ("2026-10-14", "2026-10-21"),
        # Across Christmas 2026: the 25th (Friday) and the substitute Boxing Day (Monday 28th)
        # are bank holidays.
        ("2026-12-22", "2026-12-31"),
        # Across Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        ("2026-04-01", "2026-04-10"),
    ],
)
def test_return_by_is_referral_plus_5_working_days(referral: str, due: str) -> None:
    answers = {
        "case.referral_date-day": referral[8:],
        "case.referral_date-month": referral[5:7],
        "case.referral_date-year": referral[:4],
    }
    doc = engine.answers_to_document(ScopingReturn, answers)
    assert doc["case"]["return_by"] == due
    (view,) = engine.computed_view(ScopingReturn, doc)
    assert view["field"] == "case.return_by"
    assert view["value"] == due
    assert "5 working days after the referral" in view["text"]


@pytest.mark.parametrize("typed", [("", "", ""), ("30", "2", "2026"), ("1", "", "2026")])
def test_return_by_waits_for_a_real_referral_date(typed: tuple[str, str, str]) -> None:
    day, month, year = typed
    answers = {
        "case.referral_date-day": day,
        "case.referral_date-month": month,
        "case.referral_date-year": year,
    }
    doc = engine.answers_to_document(ScopingReturn, answers)
    assert doc["case"]["return_by"] == ""
    (view,) = engine.computed_view(ScopingReturn, doc)
    assert view["text"] == "Not worked out yet: enter the date of the referral"


def test_a_date_outside_the_calendar_is_not_worked_out() -> None:
    doc = engine.answers_to_document(ScopingReturn, {"case.referral_date": "1950-01-02"})
    assert doc["case"]["return_by"] == ""


@pytest.mark.nel
def test_return_by_is_never_taken_from_the_user_or_the_file(doc: dict[str, Any]) -> None:
    typed = engine.answers_to_document(
        ScopingReturn, {"case.referral_date": "2026-10-14", "case.return_by": "2030-01-01"}
    )
    assert typed["case"]["return_by"] == "2026-10-21"
    doc["case"]["return_by"] = "2030-01-01"  # a saved file edited by hand
    model, _ = engine.check_document(ScopingReturn, doc)
    assert model is not None
    assert model.case.return_by is not None
    assert model.case.return_by.isoformat() == "2026-10-21"
    assert "case.return_by" not in engine.document_to_answers(ScopingReturn, doc)


@pytest.mark.nel
def test_summary_shows_return_by_without_a_change_link(doc: dict[str, Any]) -> None:
    rows = {r["field"]: r for s in engine.summary(ScopingReturn, doc) for r in s["rows"]}
    assert rows["case.return_by"]["value"].startswith("Wednesday 21 October 2026")
    assert rows["case.return_by"]["href"] == ""
    assert rows["case.referral_reference"]["href"] == "#case-referral_reference"


def test_a_template_sent_late_is_a_warning_not_an_error(doc: dict[str, Any]) -> None:
    doc["case"]["date_sent"] = "2026-10-19"  # 3 working days after Wednesday 14 October
    model, errors = engine.check_document(ScopingReturn, doc)
    assert errors == []
    assert model is not None
    (warning,) = engine.warning_list(ScopingReturn, doc)
    assert warning["field"] == "case.date_sent"
    assert warning["message"].startswith("The template was sent 3 working days after")
    assert warning["href"] == "#case-date_sent-day"


@pytest.mark.nel
def test_form_computed_and_form_check_carry_the_date_and_warnings() -> None:
    answers = {"case.referral_date": "2026-10-14", "case.date_sent": "2026-10-20"}
    live = call("form_computed", {"form": "scoping-return", "answers": answers})
    assert live["ok"] is True
    assert live["computed"][0]["value"] == "2026-10-21"
    assert [w["field"] for w in live["warnings"]] == ["case.date_sent"]
    checked = call("form_check", {"form": "scoping-return", "answers": answers})
    assert checked["ok"] is False
    assert checked["computed"] == live["computed"]
    assert checked["warnings"] == live["warnings"]


def test_form_computed_for_a_form_without_computed_fields() -> None:
    assert call("form_computed", {"form": "referral", "answers": {}}) == {
        "ok": True,
        "computed": [],
        "warnings": [],
    }


# --------------------------------------------------------------------------------------
# exports
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_pdf_carries_the_answers_the_return_by_date_and_the_marking(doc: dict[str, Any]) -> None:
    import base64

    result = call(
        "form_export",
        {"form": "scoping-return", "document": doc, "format": "pdf", "now": "20/10/2026 09:15"},
    )
    assert result["ok"] is True
    assert result["filename"].startswith("NEL-2026-014-scoping-return-")
    text = pdf_text(base64.b64decode(result["base64"]))
    for words in (
        "OFFICIAL-SENSITIVE",
        "Initial Scoping and Information Sharing Template",
        "Wednesday 21 October 2026",
        "Grimsby Primary School",
        "Siobhán O'Neill",
        "Łukasz Żółć",
        "Bruising seen on Z N's arm",
        "Made on 20/10/2026 at 09:15",
    ):
        assert words in text, words


def test_scoping_return_exports_are_pdf_and_json_only(doc: dict[str, Any]) -> None:
    result = call("form_export", {"form": "scoping-return", "document": doc, "format": "letter"})
    assert result["ok"] is False
    assert result["errors"][0]["message"] == "Choose a format: json, pdf or odt"


# --------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------


def test_cli_example_validate_export(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("scoping", "example")
    assert code == 0
    assert json.loads(out) == ScopingReturn.example()
    source = tmp_path / "return.json"
    source.write_text(out, encoding="utf-8")
    code, out, err = cli("scoping", "validate", str(source))
    assert (code, err) == (0, "")
    assert out == f"{source}: valid\n"
    target = tmp_path / "return.pdf"
    code, out, _ = cli("scoping", "export", str(source), "--format", "pdf", "-o", str(target))
    assert code == 0
    assert "OFFICIAL-SENSITIVE" in pdf_text(target.read_bytes())
    again = tmp_path / "again.json"
    code, _, _ = cli("scoping", "export", str(source), "--format", "json", "-o", str(again))
    assert code == 0
    assert json.loads(again.read_text(encoding="utf-8")) == ScopingReturn.example()


def test_cli_validate_lists_errors_and_warnings(cli: Any, tmp_path: Path) -> None:
    doc = example_return()
    doc["case"]["child_initials"] = "Zoë"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = cli("scoping", "validate", str(source))
    assert code == 1
    assert out == "case.child_initials: Enter the child's initials only, like Z N, not their name\n"
    doc = example_return()
    doc["case"]["date_sent"] = "2026-10-20"
    source.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = cli("scoping", "validate", str(source))
    assert code == 0
    assert out.splitlines()[1].startswith("Warning: case.date_sent: The template was sent 4")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", ["not valid JSON"]),
        (json.dumps({"form": "referral", "schema_version": 1}), ["saved 'referral' form"]),
        (json.dumps({"form": "scoping-return", "schema_version": 3}), ["different version"]),
    ],
)
def test_cli_refuses_a_file_that_is_not_a_return(
    cli: Any, tmp_path: Path, content: str, words: list[str]
) -> None:
    source = tmp_path / "x.json"
    source.write_text(content, encoding="utf-8")
    code, out, err = cli("scoping", "validate", str(source))
    assert_one_line_error(code, out, err, *words)
    code, out, err = cli("scoping", "export", str(source), "--format", "pdf", "-o", "x.pdf")
    assert_one_line_error(code, out, err, *words)


def test_cli_wrong_kind_names_the_template(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "referral.json"
    source.write_text(json.dumps({"form": "referral", "schema_version": 1}), encoding="utf-8")
    code, out, err = cli("scoping", "validate", str(source))
    assert_one_line_error(code, out, err, "not an Initial Scoping and Information Sharing")
