"""The local review record (``csprcore.forms.local_review``): started from a Rapid Review,
its warnings and checks, its key dates, and the record and letters made from it.

Section 9: the partners consider, for each reviewer, "whether the reviewer has any real or
perceived conflict of interest". Regulation 14: a request to the reviewer "must be made in
writing". Section 11: copies "no later than seven working days before the date of
publication"; the Panel and the Secretary of State are told "the reasons for the delay" and
"the justification for any decision not to publish".
"""

from __future__ import annotations

import base64
import copy
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore import api
from csprcore.forms import engine
from csprcore.forms.local_review import LocalReview, record_dates, start_from_rapid_review
from csprcore.forms.local_review.key_dates import computed
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.registry import get_form
from csprcore.partnership import current
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests

NOW = "01/12/2026 10:00"
MADE = datetime(2026, 12, 1, 10, 0)


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def lr() -> dict[str, Any]:
    return LocalReview.example()


def check(doc: dict[str, Any]) -> list[str]:
    _, errors = engine.check_document(LocalReview, doc, date(2026, 12, 1))
    return [f"{e.field}: {e.message}" for e in errors]


def warnings(doc: dict[str, Any]) -> list[str]:
    return [f"{w['field']}: {w['message']}" for w in engine.warning_list(LocalReview, doc)]


# --- the form ------------------------------------------------------------------------------


def test_the_example_is_valid_and_registered(lr: dict[str, Any]) -> None:
    assert get_form("local-review") is LocalReview
    assert check(lr) == []
    assert warnings(lr) == []
    assert lr["key_dates"] == {
        "final_report_due": "2026-12-03",
        "send_to_panel_by": "2026-11-24",
        "send_to_ofsted_by": "2026-11-24",
        "available_until": "2027-12-03",
    }


def test_a_saved_record_reopens_exactly(lr: dict[str, Any]) -> None:
    text = engine.write_json(lr)
    doc = engine.read_file(LocalReview, text, "lr.json")
    answers = engine.document_to_answers(LocalReview, doc)
    again = engine.answers_to_document(LocalReview, answers)
    model, errors = engine.check_document(LocalReview, again, date(2026, 12, 1))
    assert errors == [] and model is not None
    assert model.model_dump(mode="json") == lr


def test_key_dates_carry_their_status_against_today(lr: dict[str, Any]) -> None:
    view = computed(lr, date(2026, 12, 1))
    assert view["key_dates.final_report_due"].text.startswith(
        "Thursday 3 December 2026: Due. 6 calendar months after 3 June 2026"
    )
    assert view["key_dates.send_to_panel_by"].text.startswith("Tuesday 24 November 2026: Done.")
    late = computed(lr, date(2026, 12, 4))
    assert late["key_dates.final_report_due"].text.startswith("Thursday 3 December 2026: Overdue")
    lr["publication"]["published_on"] = "2026-12-03"
    assert computed(lr, date(2026, 12, 4))["key_dates.final_report_due"].text.startswith(
        "Thursday 3 December 2026: Done"
    )
    lr["publication"]["sent_to_ofsted"] = None
    dates = record_dates(lr, date(2026, 11, 25))
    assert dates is not None and dates["send_to_ofsted_by"].status == "overdue"


def test_key_dates_wait_for_the_dates_they_count_from(lr: dict[str, Any]) -> None:
    lr["publication"]["planned_date"] = None
    view = computed(lr)
    assert view["key_dates.send_to_panel_by"].text == (
        "Not worked out yet: enter the planned publication date"
    )
    lr["case"]["decision_date"] = None
    assert computed(lr)["key_dates.final_report_due"].text == (
        "Not worked out yet: enter the date of the decision to initiate the local review"
    )


# --- warnings that never block, and checks that do ------------------------------------------


@pytest.mark.parametrize(
    ("answer", "words"), [("no", "do not consider"), ("unsure", "are not sure")]
)
def test_a_doubt_on_conflict_of_interest_warns_and_never_blocks(
    lr: dict[str, Any], answer: str, words: str
) -> None:
    lr["reviewers"][0]["conflict_free"] = answer
    found = warnings(lr)
    assert found == [
        f"reviewers.0.conflict_free: The partners {words} that Nguyễn Thị Ánh is free of any "
        "real or perceived conflict of interest (section 9): record how it is managed"
    ]
    assert check(lr) == []
    pdf = call("form_export", {"form": "local-review", "document": lr, "format": "pdf",
                               "now": NOW})  # fmt: skip
    assert pdf["ok"] is True
    assert "record how it is managed" in pdf_text(base64.b64decode(pdf["base64"]))


def test_a_request_not_in_writing_warns(lr: dict[str, Any]) -> None:
    lr["supervision"].append({"requested_on": "2026-08-01", "asked": "A call about the draft.",
                              "in_writing": "no", "answered": "yes"})  # fmt: skip
    assert warnings(lr) == [
        "supervision.1.in_writing: Request 2 was not made in writing: regulation 14 asks that "
        "any request to the reviewer is made in writing. Confirm it in writing"
    ]
    assert check(lr) == []


def test_copies_sent_too_late_and_a_late_publication_warn(lr: dict[str, Any]) -> None:
    # Sent Wednesday 25 November for Thursday 3 December: 6 working days before.
    lr["publication"]["sent_to_ofsted"] = "2026-11-25"
    assert warnings(lr) == [
        "publication.sent_to_ofsted: The copy to Ofsted was sent 6 working days before the "
        "planned publication date; section 11 asks for at least 7 working days"
    ]
    lr["publication"]["sent_to_ofsted"] = "2026-11-23"
    lr["publication"]["planned_date"] = "2027-01-15"
    assert warnings(lr) == [
        "publication.planned_date: The planned publication date is after 3 December 2026, the "
        "latest date for publishing the final report (section 11): tell the Panel and the "
        "Secretary of State the reasons for the delay"
    ]
    lr["publication"]["delay_reasons"] = ["inquest"]
    assert warnings(lr) == []


def test_not_publishing_needs_its_justification(lr: dict[str, Any]) -> None:
    lr["publication"]["decision"] = "not_published"
    assert check(lr) == ["publication.justification: Enter the justification for not publishing"]
    lr["publication"]["justification"] = "Publishing would identify the surviving children."
    assert check(lr) == []
    # Not asked when publishing, and not kept.
    lr["publication"]["decision"] = "full"
    model, _ = engine.check_document(LocalReview, lr, date(2026, 12, 1))
    assert model is not None and model.publication.justification == ""


def test_another_methodology_needs_its_reason(lr: dict[str, Any]) -> None:
    lr["method"]["methodology"] = "other"
    assert check(lr) == ["method.other_why: Enter which methodology and why"]


def test_the_six_points_are_asked_for_each_reviewer(lr: dict[str, Any]) -> None:
    lr["reviewers"].append({"name": "Siobhán O'Neill"})
    found = check(lr)
    assert "reviewers.1.knowledge: Select an answer on professional knowledge" in found
    assert "reviewers.1.conflict_free: Select an answer on conflicts of interest" in found
    assert len(found) == 6


def test_dates_in_the_wrong_order_and_names_are_refused(lr: dict[str, Any]) -> None:
    lr["case"]["child_initials"] = "Zoë Nguyễn"
    lr["case"]["decision_date"] = "2026-06-01"
    lr["publication"]["planned_date"] = "2026-05-01"
    lr["supervision"][0]["requested_on"] = "2026-05-20"
    found = check(lr)
    assert "case.child_initials: Enter the child's initials only, like Z N, not their name" in found
    assert ("case.decision_date: The date of the decision must be the same as or after the "
            "Rapid Review meeting") in found  # fmt: skip
    assert "publication.planned_date: The planned publication date must be after the decision" in (
        found
    )
    assert ("supervision.0.requested_on: The date of the request must be the same as or after "
            "the decision") in found  # fmt: skip


# --- starting from the Rapid Review -----------------------------------------------------------


def test_start_from_the_rapid_review() -> None:
    rr = RapidReview.example()
    started = start_from_rapid_review({}, rr, "rr.json")
    doc = started.document
    assert doc["case"]["child_initials"] == "Z N"
    assert doc["case"]["child_age"] == "8"
    assert doc["case"]["meeting_date"] == "2026-10-28"
    # The last of the partners' sign-off dates (the police signed on 29 October).
    assert doc["case"]["decision_date"] == "2026-10-29"
    assert doc["case"]["criteria_considered"].splitlines() == [
        "Improvements needed (regulation 11(a)): Yes. Absence and bruising were not seen together.",
        "Recurrent themes (regulation 11(b)): Not sure. Two local reviews raised similar themes.",
        "Agencies working together (regulation 11(c)): Yes. The school and social care did not "
        "share what each had seen.",
        "The Panel concluded a local review may be more appropriate (regulation 11(d)): No.",
        # Working Together 2023's circumstances for a local review, when any was ticked.
        "Circumstances for a local review (Working Together to Safeguard Children 2023): "
        "Where more than one local authority, police area or integrated care board is "
        "involved, including in cases where families have moved around. The family moved "
        "here from another area in 2025.",
    ]
    assert doc["reviewers"] == [{"name": "Nguyễn Thị Ánh"}]
    assert doc["signatories"]["police_name"] == "Ілля Коваленко"
    assert doc["key_dates"]["final_report_due"] == "2027-04-29"
    assert started.messages()[0].startswith(
        "Filled in the referral reference, the child's initials, the child's age"
    )
    assert "is the last of the partners' sign-off dates" in started.messages()[1]
    # No name of the child crosses over: the Rapid Review has none to give.
    assert "first_names" not in json.dumps(doc)


def test_what_was_written_is_kept_and_nothing_is_added_twice() -> None:
    rr = RapidReview.example()
    mine = {"case": {"child_age": "8 years"}, "reviewers": [{"name": "nguyễn thị ánh"}]}
    started = start_from_rapid_review(mine, rr, "rr.json")
    assert started.document["case"]["child_age"] == "8 years"
    assert started.document["reviewers"] == [{"name": "nguyễn thị ánh"}]
    assert "Kept what you had written for the child's age." in started.messages()


def test_without_sign_off_the_decision_date_is_the_meeting() -> None:
    rr = RapidReview.example()
    for key in ("la_date", "health_date", "police_date"):
        rr["sign_off"][key] = None
    started = start_from_rapid_review({}, rr, "rr.json")
    assert started.document["case"]["decision_date"] == "2026-10-28"
    assert "is the date of the Rapid Review meeting" in " ".join(started.messages())


@pytest.mark.parametrize(
    ("decision", "words"),
    [("no_review", "decided \u201cNo further review\u201d"),
     ("other_learning", "decided \u201cHold another learning review"),
     ("", "has no decision yet")],
)  # fmt: skip
def test_a_rapid_review_that_did_not_decide_on_a_local_review_is_refused(
    decision: str, words: str
) -> None:
    rr = RapidReview.example()
    rr["decision"]["decision"] = decision
    mine = {"case": {"child_initials": "Z N"}}
    result = call("form_start_from", {
        "form": "local-review", "document": {"form": "local-review", "schema_version": 1, **mine},
        "file": {"name": "rr.json", "content": json.dumps(rr)}})  # fmt: skip
    assert result["ok"] is False
    (error,) = result["errors"]
    assert error["field"] == "rapid-review-file"
    assert error["message"].startswith(f"rr.json is a Rapid Review that {words}")


def test_a_file_that_is_not_a_rapid_review_is_refused_naming_it() -> None:
    result = call(
        "form_start_from",
        {
            "form": "local-review",
            "answers": {},
            "file": {"name": "lr.json", "content": json.dumps(LocalReview.example())},
        },
    )
    assert result["errors"] == [{"field": "rapid-review-file", "message":
                                 "lr.json is a saved 'local-review' form, not a Rapid Review "
                                 "Template"}]  # fmt: skip


def test_the_api_starts_from_page_answers() -> None:
    rr = RapidReview.example()
    encoded = base64.b64encode(engine.write_json(rr).encode()).decode()
    result = call(
        "form_start_from",
        {
            "form": "local-review",
            "answers": {"case.child_age": "8 years"},
            "file": {"name": "rr.json", "base64": encoded},
        },
    )
    assert result["ok"] and result["changed"]
    assert result["answers"]["case.child_age"] == "8 years"
    assert result["answers"]["case.decision_date-day"] == "29"
    assert result["answers"]["reviewers.0.name"] == "Nguyễn Thị Ánh"


# --- exports -------------------------------------------------------------------------------


def export(doc: dict[str, Any], fmt: str) -> dict[str, Any]:
    return call("form_export", {"form": "local-review", "document": doc, "format": fmt,
                                "now": NOW, "today": "2026-12-01"})  # fmt: skip


def test_the_record_pdf(lr: dict[str, Any]) -> None:
    result = export(lr, "pdf")
    text = pdf_text(base64.b64decode(result["base64"]))
    for words in ("OFFICIAL-SENSITIVE", "Local child safeguarding practice review record",
                  "Nguyễn Thị Ánh", "Thursday 3 December 2026",
                  "Is the reviewer free of any real or perceived conflict of interest? Yes",
                  "Publish the full report", "A timeline of the school's contacts."):  # fmt: skip
        assert words in text, words


def test_the_notification_letter_reads_as_a_letter(lr: dict[str, Any]) -> None:
    result = export(lr, "letter")
    assert result["filename"].startswith("NEL-2026-014-local-review-letter-")
    text = pdf_text(base64.b64decode(result["base64"]))
    p = current()
    for words in (
        "OFFICIAL-SENSITIVE",
        p.name,
        "1 December 2026",
        "The Child Safeguarding Practice Review Panel Ofsted The Department for Education",
        "Dear Panel members and colleagues at Ofsted and the Department for Education,",
        "the safeguarding partners decided on 3 June 2026 to carry out a local child "
        "safeguarding practice review",
        "We have commissioned Nguyễn Thị Ánh (from the Panel's pool of reviewers) as the reviewer",
        "no later than 3 December 2026",
        # Room for each signatory to sign above their name.
        "Yours faithfully, Signature: Łukasz Żółć Director of Children's Services On behalf of "
        "the local authority Signature: Zoë Adams",
    ):
        assert words in text, words


def test_the_letter_before_publication(lr: dict[str, Any]) -> None:
    text = pdf_text(base64.b64decode(export(lr, "letter-before-publication")["base64"]))
    for words in (
        "The Child Safeguarding Practice Review Panel The Secretary of State for Education",
        "Copy to: Ofsted",
        "We enclose the full report",
        "We plan to publish on 3 December 2026",
        "at least 7 working days before the date of publication, that is by 24 November 2026",
        "available until at least 3 December 2027",
    ):
        assert words in text, words
    lr["publication"]["decision"] = "improvements_only"
    text = pdf_text(base64.b64decode(export(lr, "letter-before-publication")["base64"]))
    assert "We enclose the information about the improvements to be made" in text


def test_the_letter_before_publication_needs_the_decision_and_date(lr: dict[str, Any]) -> None:
    lr["publication"]["decision"] = ""
    lr["publication"]["planned_date"] = None
    result = export(lr, "letter-before-publication")
    assert result["ok"] is False
    assert [e["field"] for e in result["errors"]] == ["publication.decision",
                                                      "publication.planned_date"]  # fmt: skip


def test_the_letter_explaining_a_delay_or_not_publishing(lr: dict[str, Any]) -> None:
    refused = export(lr, "letter-delay")
    assert refused["errors"][0]["field"] == "publication.delay_reasons"
    lr["publication"]["planned_date"] = "2027-03-01"
    lr["publication"]["sent_to_panel"] = None
    lr["publication"]["sent_to_ofsted"] = None
    lr["publication"]["delay_reasons"] = ["criminal_investigation", "inquest"]
    lr["publication"]["delay_details"] = "The inquest is listed for February."
    text = pdf_text(base64.b64decode(export(lr, "letter-delay")["base64"]))
    for words in (
        "delay in publication",
        "Publication will be delayed beyond 3 December 2026, 6 months from the decision, "
        "because of an ongoing criminal investigation and an inquest.",
        "The inquest is listed for February.",
        "We now plan to publish on 1 March 2027",
    ):
        assert words in text, words
    lr["publication"].update(decision="not_published", delay_reasons=[], delay_details="",
                             justification="It would identify the surviving children.")  # fmt: skip
    text = pdf_text(base64.b64decode(export(lr, "letter-delay")["base64"]))
    assert "a decision not to publish" in text
    assert "we set out our justification: It would identify the surviving children." in text


# --- the CLI ----------------------------------------------------------------------------------


def test_cli_example_validate_export_and_start(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("local-review", "example")
    assert code == 0 and json.loads(out) == LocalReview.example()
    saved = tmp_path / "lr.json"
    saved.write_text(out, encoding="utf-8")
    assert cli("local-review", "validate", str(saved))[1] == f"{saved}: valid\n"
    for fmt in ("pdf", "letter", "letter-before-publication"):
        target = tmp_path / f"{fmt}.pdf"
        code, out, err = cli("local-review", "export", str(saved), "--format", fmt, "-o",
                             str(target))  # fmt: skip
        assert code == 0, err
        assert "OFFICIAL-SENSITIVE" in pdf_text(target.read_bytes())
    code, _, err = cli("local-review", "export", str(saved), "--format", "letter-delay", "-o",
                       str(tmp_path / "d.pdf"))  # fmt: skip
    assert code != 0 and "publication.delay_reasons: Give the reasons" in err
    rr = tmp_path / "rr.json"
    rr.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    new = tmp_path / "new.json"
    code, out, _ = cli("local-review", "from-rapid-review", str(rr), "-o", str(new))
    assert code == 0
    assert "Filled in the referral reference" in out
    assert json.loads(new.read_text(encoding="utf-8"))["case"]["decision_date"] == "2026-10-29"
    # Again into the same record: nothing left to fill.
    code, out, _ = cli("local-review", "from-rapid-review", str(rr), "--into", str(new), "-o",
                       str(tmp_path / "again.json"))  # fmt: skip
    assert "The Rapid Review had nothing to fill in." in out


def test_cli_refuses_a_rapid_review_of_another_decision(cli: Any, tmp_path: Path) -> None:
    rr = copy.deepcopy(RapidReview.example())
    rr["decision"]["decision"] = "other_learning"
    path = tmp_path / "learning.json"
    path.write_text(json.dumps(rr), encoding="utf-8")
    assert_one_line_error(
        *cli("local-review", "from-rapid-review", str(path), "-o", str(tmp_path / "x.json")),
        "learning.json is a Rapid Review that decided",
    )
    assert not (tmp_path / "x.json").exists()
