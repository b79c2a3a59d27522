"""The one facade: ``csprcore.api.call(name, payload_json)`` never raises.

The browser worker and the CLI both go through these functions; bad input comes back as
``{"ok": false, "errors": [{"field", "message"}]}``.
"""

from __future__ import annotations

import base64
import io
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from csprcore import api
from csprcore.forms import engine
from csprcore.forms.referral import Referral
from csprcore.rules.citations import SECTION_TITLES


def call(name: str, payload: Any) -> dict[str, Any]:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    out = api.call(name, text)
    assert isinstance(out, str)
    result = json.loads(out)
    assert isinstance(result, dict)
    return result


def assert_refused(result: dict[str, Any], field: str) -> str:
    assert result["ok"] is False
    assert result["errors"], result
    for error in result["errors"]:
        assert set(error) >= {"field", "message"}
        assert error["message"].strip()
    assert result["errors"][0]["field"] == field
    return str(result["errors"][0]["message"])


# --------------------------------------------------------------------------------------
# Never raises
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", ["{", "not json", "{'a': 1}", "[1,", "\ud800"])
def test_bad_json(payload: str) -> None:
    assert "not valid JSON" in assert_refused(call("check", payload), "payload")


@pytest.mark.parametrize("payload", ["[]", "3", '"x"', "null", "true"])
def test_payload_must_be_an_object(payload: str) -> None:
    assert_refused(call("check", payload), "payload")


@pytest.mark.parametrize("name", ["nope", "", "CHECK", "__init__", "call"])
def test_unknown_function(name: str) -> None:
    assert name in assert_refused(call(name, "{}"), "function")


@pytest.mark.parametrize(
    ("name", "payload", "field"),
    [
        ("check", {"colour": "blue"}, "colour"),
        ("check", {"harm": "dead"}, "harm"),
        ("deadlines", {"aware": "2026-12-18", "sent_to_panel": "2026-12-20"}, "sent_to_panel"),
        ("deadlines", {"aware": "2026-02-30"}, "aware"),
        ("deadlines", {"aware": "2026-12-18", "closures": "2026-12-21"}, "closures"),
        ("deadlines", {"aware": "2026-12-18", "today": "yesterday"}, "today"),
        ("workdays_add", {"date": "2026-12-18", "n": "five"}, "n"),
        ("workdays_add", {"date": "2026-12-18", "n": True}, "n"),
        ("workdays_add", {"date": "2026-12-18"}, "n"),
        ("workdays_add", {"n": 5}, "date"),
        ("workdays_add", {"date": "2099-12-30", "n": 5}, "n"),
        ("workdays_between", {"start": "2026-12-18", "end": "2150-01-01"}, "end"),
        ("bank_holidays", {"year": 2150}, "year"),
        ("bank_holidays", {"year": [2026]}, "year"),
        ("form_check", {"form": "nope", "answers": {}}, "form"),
        ("form_check", {"form": "referral", "answers": []}, "answers"),
        ("form_open", {"form": "referral"}, "file"),
        ("form_open", {"form": "referral", "content": "{broken"}, "file"),
        ("form_export", {"form": "referral", "answers": {}, "format": "docx"}, "format"),
        ("referral_from_check", {"facts": {"harm": "dead"}}, "harm"),
    ],
)
def test_bad_input_names_the_field(name: str, payload: dict[str, Any], field: str) -> None:
    assert_refused(call(name, payload), field)


def test_an_unexpected_failure_is_still_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(payload: Any) -> dict[str, Any]:
        raise RuntimeError("boom")

    monkeypatch.setitem(api.FUNCTIONS, "check", broken)
    result = call("check", "{}")
    assert result["ok"] is False
    assert "Something went wrong" in result["errors"][0]["message"]
    assert "boom" in result["internal"]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(api.FUNCTIONS)),
    st.one_of(
        st.text(max_size=30),
        st.dictionaries(
            st.sampled_from(["date", "n", "year", "form", "answers", "aware", "harm", "facts"]),
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12)),
            max_size=4,
        ).map(json.dumps),
    ),
)
def test_never_raises(name: str, payload: str) -> None:
    result = json.loads(api.call(name, payload))
    assert isinstance(result["ok"], bool)
    if not result["ok"]:
        assert result["errors"]
        assert "internal" not in result, result


# --------------------------------------------------------------------------------------
# Each function once, with realistic input
# --------------------------------------------------------------------------------------


def test_every_function_is_covered() -> None:
    assert set(api.FUNCTIONS) == {
        "workdays_add",
        "workdays_between",
        "bank_holidays",
        "criteria_questions",
        "check",
        "check_record",
        "deadlines",
        "deadlines_ics",  # covered in test_ics.py
        "local_review_dates",  # covered in test_local_review_dates.py
        "form_check",
        "form_open",
        "form_export",
        "form_computed",  # covered in test_scoping.py and test_rapid_review.py
        "rapid_review_add_returns",  # covered in test_rapid_review.py
        "form_start_from",  # covered in test_carry.py and each form's tests
        "referral_from_check",
        "register_new",  # covered in test_case_register_api.py
        "register_example",  # covered in test_case_register_api.py
        "register_open",  # covered in test_case_register_api.py
        "register_view",  # covered in test_case_register_api.py
        "register_case",  # covered in test_case_register_api.py
        "register_save_case",  # covered in test_case_register_api.py
        "register_delete_case",  # covered in test_case_register_api.py
        "register_add_document",  # covered in test_case_register_api.py
        "register_import",  # covered in test_case_register_sheet.py
        "action_plan_agency_update",  # covered in test_action_plan_updates.py
        "action_plan_add_updates",  # covered in test_action_plan_updates.py
        "register_sheet_columns",  # covered in test_case_register_sheet.py
        "register_merge",  # covered in test_case_register_sheet.py
        "register_export",  # covered in test_case_register_api.py
        "register_report",  # covered in test_case_register_api.py
        "register_report_export",  # covered in test_case_register_api.py
        "info",
    }


def test_workdays_add() -> None:
    assert call("workdays_add", {"date": "2026-12-18", "n": 5}) == {
        "ok": True,
        "date": "2026-12-29",
    }
    assert call("workdays_add", {"date": "2026-12-18", "n": "5"})["date"] == "2026-12-29"
    closed = call("workdays_add", {"date": "2026-12-18", "n": 5, "closures": ["2026-12-21"]})
    assert closed["date"] == "2026-12-30"


def test_workdays_between() -> None:
    result = call("workdays_between", {"start": "2026-12-18", "end": "2026-12-29"})
    assert result == {"ok": True, "working_days": 5}


def test_bank_holidays() -> None:
    result = call("bank_holidays", {"year": 2022})
    assert result["ok"] is True
    assert result["year"] == 2022
    days = [d["date"] for d in result["bank_holidays"]]
    assert "2022-06-03" in days and "2022-09-19" in days
    assert len(days) == 10


def test_criteria_questions() -> None:
    result = call("criteria_questions", {})
    assert result["ok"] is True
    assert [q["key"] for q in result["questions"]][:2] == ["abuse_or_neglect", "harm"]
    assert "serious_case" in result["conclusions"]


def test_check() -> None:
    result = call(
        "check",
        {
            "abuse_or_neglect": "suspected",
            "harm": "seriously_harmed",
            "incident_location": "in_area",
        },
    )
    assert result["ok"] is True
    assert result["serious_case"] == "yes"
    assert result["la_must_notify_panel"] == "yes"


def test_deadlines() -> None:
    result = call("deadlines", {"aware": "2026-12-18", "today": "2026-12-01"})
    assert result["ok"] is True
    first = result["milestones"][0]
    assert (first["id"], first["due"], first["status"]) == (
        "notify_panel",
        "2026-12-29",
        "upcoming",
    )


def test_form_check_gives_errors_in_order_with_links() -> None:
    answers = engine.document_to_answers(Referral, Referral.example())
    answers["child.first_names"] = ""
    answers["referrer.email"] = "nope"
    result = call("form_check", {"form": "referral", "answers": answers, "today": "2026-11-26"})
    assert result["ok"] is False
    assert [(e["field"], e["href"]) for e in result["errors"]] == [
        ("referrer.email", "#referrer-email"),
        ("child.first_names", "#child-first_names"),
    ]
    assert result["summary"]


def test_form_check_of_a_complete_form() -> None:
    answers = engine.document_to_answers(Referral, Referral.example())
    result = call("form_check", {"form": "referral", "answers": answers, "today": "2026-11-26"})
    assert result["ok"] is True
    assert result["errors"] == []
    assert result["document"] == Referral.example()


def test_form_open() -> None:
    text = engine.write_json(Referral.example())
    result = call("form_open", {"form": "referral", "content": text, "name": "saved.json"})
    assert result["ok"] is True
    assert result["document"] == Referral.example()
    assert result["answers"]["child.first_names"] == "Zoë"
    refused = call("form_open", {"form": "referral", "content": "[]", "name": "saved.json"})
    assert "saved.json" in assert_refused(refused, "file")


def test_form_export_json() -> None:
    answers = {"child.first_names": "<img src=x onerror=alert(1)>", "child.date_of_birth-day": "30"}
    result = call("form_export", {"form": "referral", "answers": answers, "format": "json"})
    assert result["ok"] is True
    assert result["mime"] == "application/json"
    # The child's initials from the names, letters and digits only: never markup.
    assert re.fullmatch(r"[A-Za-z0-9]*-?referral-\d{4}-\d\d-\d\d\.json", result["filename"])
    doc = engine.read_file(Referral, result["text"])
    assert doc["child"]["first_names"] == "<img src=x onerror=alert(1)>"
    assert engine.document_to_answers(Referral, doc)["child.date_of_birth-day"] == "30"


def test_form_export_pdf() -> None:
    doc = Referral.example()
    doc["incident"]["what_happened"] = "<img src=x onerror=alert(1)> & more"
    result = call(
        "form_export", {"form": "referral", "document": doc, "format": "pdf", "today": "2026-11-26"}
    )
    assert result["ok"] is True
    assert result["mime"] == "application/pdf"
    data = base64.b64decode(result["base64"])
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "OFFICIAL-SENSITIVE" in text
    assert "Zoë" in text
    assert "<img src=x onerror=alert(1)> & more" in text


def test_form_export_pdf_refuses_an_incomplete_form() -> None:
    result = call("form_export", {"form": "referral", "answers": {}, "format": "pdf"})
    assert result["ok"] is False
    assert result["errors"][0]["field"] == "referrer.name"


def test_referral_from_check() -> None:
    facts = {
        "abuse_or_neglect": "suspected",
        "harm": "seriously_harmed",
        "incident_location": "outside_england",
        "child_protection_plan": "recently_removed",
        "abuse_types": ["physical", "neglect"],
    }
    result = call("referral_from_check", {"facts": facts, "checked_at": "18/11/2026 10:00"})
    assert result["ok"] is True
    answers = result["answers"]
    assert answers["incident.harm"] == "seriously_harmed"
    assert answers["incident.location"] == "outside_england"
    assert answers["incident.abuse_types"] == ["physical", "neglect"]
    assert answers["child.legal_status"] == "cpp_recently_removed"
    record = json.loads(answers["checker"])
    assert record["facts"] == facts
    # The record keeps the facts and the time, never an outcome to be trusted.
    assert "outcome" not in record
    assert record["checked_at"] == "18/11/2026 10:00"
    # The answers go straight into the form, and the record survives its file.
    doc = engine.answers_to_document(Referral, answers)
    assert doc["checker"] == record
    assert engine.read_file(Referral, engine.write_json(doc)) == doc


@pytest.mark.nel
def test_info() -> None:
    result = call("info", {})
    assert result["ok"] is True
    assert set(result["citations"]) == set(SECTION_TITLES)
    assert result["citations"]["section-3"]["path"] == "procedure/section-3/#section-3"
    assert result["timescales"][0]["id"] == "notify_panel"
    assert result["version"]
