"""The action plan (``csprcore.forms.action_plan``), section 12: the review group "will
regularly monitor and follow up on actions"; the board signs the plan off; the assurance group
oversees its impact. The core counts the actions by status and by agency, finds the overdue
ones against today, and exports a CSV that opens in Excel.
"""

from __future__ import annotations

import base64
import copy
import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore import api
from csprcore.exports.action_plan import COLUMNS, csv_bytes, progress_report
from csprcore.exports.render import write
from csprcore.exports.spreadsheet import BOM
from csprcore.forms import engine
from csprcore.forms.action_plan import ActionPlan, progress_view
from csprcore.forms.action_plan.progress import by_agency, counts, next_monitoring, summary
from csprcore.forms.local_review import LocalReview
from csprcore.partnership import current
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests

TODAY = date(2026, 12, 1)


def action(status: str, due: str, agency: str = "Health", **more: str) -> dict[str, Any]:
    return {"recommendation": "1", "action": "A", "agency": agency, "lead": "L", "due": due,
            "status": status, **more}  # fmt: skip


def plan(*rows: dict[str, Any], recommendations: tuple[str, ...] = ("R",)) -> dict[str, Any]:
    return {
        "form": "action-plan",
        "schema_version": 2,
        "recommendations": [{"text": t} for t in recommendations],
        "actions": list(rows),
    }


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


# --- counts and overdue -------------------------------------------------------------------


def test_twelve_actions_seven_complete_three_in_progress_two_overdue() -> None:
    rows = [action("complete", "2026-10-01") for _ in range(7)]
    rows += [action("in_progress", "2026-12-01", agency="Police") for _ in range(3)]
    # Due yesterday, not started and in progress: both overdue.
    rows += [action("not_started", "2026-11-30"), action("in_progress", "2026-11-30")]
    doc = plan(*rows)
    assert summary(doc, TODAY) == "12 actions: 7 complete, 3 in progress, 2 overdue"
    assert counts(doc, TODAY)["overdue"] == 2


def test_due_today_is_not_overdue_and_done_or_dropped_never_is() -> None:
    doc = plan(
        action("in_progress", "2026-12-01"),
        action("complete", "2025-01-01"),
        action("no_longer_needed", "2025-01-01", why_not_needed="Replaced."),
    )
    assert summary(doc, TODAY) == "3 actions: 1 complete, 1 in progress, 1 no longer needed"
    assert summary(doc, date(2026, 12, 2)) == (
        "3 actions: 1 complete, 1 overdue, 1 no longer needed"
    )
    assert summary(plan(), TODAY) == "No actions yet"
    assert summary(plan(action("", "")), TODAY) == "1 action: 1 without a status"


def test_counts_by_agency_in_order_of_appearance() -> None:
    doc = plan(
        action("complete", "2026-10-01", agency="Police"),
        action("not_started", "2026-11-01", agency="Health"),
        action("not_started", "2027-01-01", agency="Police"),
    )
    assert list(by_agency(doc, TODAY)) == ["Police", "Health"]
    assert by_agency(doc, TODAY)["Police"]["complete"] == 1
    assert by_agency(doc, TODAY)["Police"]["not_started"] == 1
    assert by_agency(doc, TODAY)["Health"]["overdue"] == 1


def test_next_monitoring_is_the_first_on_or_after_today() -> None:
    doc = {"monitoring": [{"held_on": "2027-02-01"}, {"held_on": "2026-11-01"},
                          {"held_on": "2026-12-01"}, {"held_on": "not a date"}]}  # fmt: skip
    assert next_monitoring(doc, TODAY) == date(2026, 12, 1)
    assert next_monitoring(doc, date(2027, 3, 1)) is None


def test_the_progress_fields_as_the_page_shows_them() -> None:
    view = progress_view(ActionPlan.example(), TODAY)
    assert view["progress.summary"].text == (
        "4 actions: 1 complete, 1 not started, 1 overdue, 1 no longer needed"
    )
    assert view["progress.overdue"].text.startswith(
        "Action 2 (Education), due 13 November 2026: Train designated leads"
    )
    assert view["progress.next_monitoring"].value == "2027-01-27"
    assert view["progress.by_agency"].text.splitlines()[-1] == (
        "Health: 2 (1 not started, 1 no longer needed)"
    )


# --- the form --------------------------------------------------------------------------------


def test_the_example_is_valid_and_names_the_groups_from_the_profile() -> None:
    doc = ActionPlan.example()
    model, errors = engine.check_document(ActionPlan, doc, TODAY)
    assert errors == [] and model is not None
    titles = [s["title"] for s in engine.summary(ActionPlan, doc)]
    assert f"Monitoring by the {current().group('review').name}" in titles
    labels = [r["label"] for s in engine.summary(ActionPlan, doc) for r in s["rows"]]
    assert f"Date the {current().group('board').name} signed the plan off" in labels


def test_an_action_no_longer_needed_says_why() -> None:
    doc = copy.deepcopy(ActionPlan.example())
    doc["actions"][3]["why_not_needed"] = ""
    _, errors = engine.check_document(ActionPlan, doc, TODAY)
    assert [(e.field, e.message) for e in errors] == [
        ("actions.3.why_not_needed", "Enter why the action is no longer needed")
    ]


# --- the CSV, as Excel opens it --------------------------------------------------------------


def test_csv_has_a_bom_one_row_per_action_and_reads_back() -> None:
    doc = ActionPlan.example()
    data = csv_bytes(doc, TODAY)
    assert data.startswith(BOM.encode("utf-8"))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + len(doc["actions"])
    body = [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]
    # The recommendation on each row; ISO dates; commas, quotes and line breaks kept whole.
    assert [r["Recommendation"] for r in body[:2]] == [doc["recommendations"][0]["text"]] * 2
    assert body[0]["Due date"] == "2026-10-30"
    assert body[0]["Action"] == "Write the attendance protocol, with a \u201csame day\u201d rule."
    assert body[0]["Evidence of completion"] == "Protocol agreed, 2 October."
    assert body[1]["Action"] == "Train designated leads, in two sessions:\nabsence, then bruising."
    assert body[1]["Overdue"] == "Yes" and body[1]["Status"] == "In progress"
    assert body[0]["Named lead"] == "Łukasz Żółć"
    assert body[0]["Source review"] == doc["source"]["review"]


def test_csv_quotes_as_excel_expects() -> None:
    doc = plan(action("complete", "2026-10-01", agency='Police, "North"',
                      evidence_of_impact="Line 1\r\nLine 2"))  # fmt: skip
    text = csv_bytes(doc, TODAY).decode("utf-8-sig")
    # RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
    assert '"Police, ""North"""' in text
    assert '"Line 1\r\nLine 2"' in text
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["Agency responsible"] == 'Police, "North"'
    assert row["Evidence of impact"] == "Line 1\r\nLine 2"


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://x","Open")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_cell_typed_as_a_formula_opens_as_text(typed: str) -> None:
    # A recommendation, an action or evidence typed as a formula must not run when a board
    # member opens the CSV in Excel: it is written behind an apostrophe, as the register's is.
    doc = plan(action("complete", "2026-10-01", lead=typed, evidence_of_impact=typed),
               recommendations=(typed,))  # fmt: skip
    doc["source"] = {"review": typed}
    text = csv_bytes(doc, TODAY).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    for column in ("Source review", "Recommendation", "Named lead", "Evidence of impact"):
        assert row[column].startswith("'"), (column, row[column])
        assert row[column][1:] == typed.strip()
    assert row["Action number"] == "1"


def test_csv_export_through_the_api_is_named_and_typed_as_csv() -> None:
    result = json.loads(api.call("form_export", json.dumps({
        "form": "action-plan", "document": ActionPlan.example(), "format": "csv",
        "now": "01/12/2026 10:00"})))  # fmt: skip
    assert result["mime"] == "text/csv"
    assert result["filename"].startswith("NEL-2026-014-action-plan-csv-") and result[
        "filename"
    ].endswith(".csv")
    assert base64.b64decode(result["base64"]).startswith(b"\xef\xbb\xbf")


# --- the progress report -------------------------------------------------------------------


def test_progress_report_for_the_board() -> None:
    text = pdf_text(
        write(
            progress_report(ActionPlan.example(), datetime(2026, 12, 1, 10, 0)),
            datetime(2026, 12, 1, 10, 0),
            "pdf",
        )
    )
    p = current()
    for words in (
        "OFFICIAL-SENSITIVE",
        "Action plan: progress report",
        f"For the {p.group('board').name}",
        "4 actions: 1 complete, 1 not started, 1 overdue, 1 no longer needed",
        "Education: 1 (1 overdue)",
        "Action 2 (Education), due 13 November 2026",
        "27 January 2027",
    ):
        assert words in text, words
    made = datetime(2026, 12, 1)
    data = write(progress_report(ActionPlan.example(), made), made, "pdf")
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


# --- starting from the local review --------------------------------------------------------


def test_start_from_the_local_review_record() -> None:
    result = json.loads(api.call("form_start_from", json.dumps({
        "form": "action-plan", "answers": {"source.review": "Typed name"},
        "file": {"name": "lr.json", "content": json.dumps(LocalReview.example())}})))  # fmt: skip
    assert result["ok"] and result["changed"]
    assert result["answers"]["source.kind"] == "local_review"
    assert result["answers"]["source.review"] == "Typed name"
    assert result["answers"]["source.child_initials"] == "Z N"
    assert result["answers"]["source.review_completed-day"] == "20"
    assert result["messages"] == [
        "Filled in what the plan follows, the referral reference, the child's initials and the "
        "date the review was completed from the local review record.",
        "Kept what you had written for the source review.",
    ]


def test_a_file_that_is_not_a_local_review_record_is_refused() -> None:
    result = json.loads(api.call("form_start_from", json.dumps({
        "form": "action-plan", "answers": {}, "file": {"name": "ap.json",
                                "content": json.dumps(ActionPlan.example())}})))  # fmt: skip
    assert result["errors"] == [{"field": "local-review-file", "message":
                                 "ap.json is a saved 'action-plan' form, not a Local child "
                                 "safeguarding practice review record"}]  # fmt: skip


# --- the CLI --------------------------------------------------------------------------------


def test_cli_example_export_and_start(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("action-plan", "example")
    assert code == 0 and json.loads(out) == ActionPlan.example()
    saved = tmp_path / "ap.json"
    saved.write_text(out, encoding="utf-8")
    assert cli("action-plan", "validate", str(saved))[1] == f"{saved}: valid\n"
    target = tmp_path / "actions.csv"
    assert cli("action-plan", "export", str(saved), "--format", "csv", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    for fmt in ("pdf", "progress"):
        pdf = tmp_path / f"{fmt}.pdf"
        assert cli("action-plan", "export", str(saved), "--format", fmt, "-o", str(pdf))[0] == 0
        assert "OFFICIAL-SENSITIVE" in pdf_text(pdf.read_bytes())
    lr = tmp_path / "lr.json"
    lr.write_text(engine.write_json(LocalReview.example()), encoding="utf-8")
    code, out, _ = cli("action-plan", "from-local-review", str(lr), "-o", str(tmp_path / "n.json"))
    assert code == 0 and "Filled in what the plan follows" in out


@pytest.mark.parametrize("content", ["{not json", json.dumps(ActionPlan.example())])
def test_cli_refuses_a_file_that_is_not_a_record(cli: Any, tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert_one_line_error(
        *cli("action-plan", "from-local-review", str(bad), "-o", str(tmp_path / "x.json")),
        "local-review-file:",
        "bad.json",
    )
    assert not (tmp_path / "x.json").exists()


# --- a status the plan does not know --------------------------------------------------------


def test_a_file_with_an_unknown_status_is_refused_naming_the_action(
    cli: Any, tmp_path: Path
) -> None:
    doc = ActionPlan.example()
    doc["actions"][1]["status"] = "in progress"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    for command in (
        ["validate", str(path)],
        ["export", str(path), "--format", "csv", "-o", str(tmp_path / "a.csv")],
    ):
        code, out, err = cli("action-plan", *command)
        assert_one_line_error(code, out, err, "actions.2.status", "in progress",
                              "not one of its answers")  # fmt: skip
    assert not (tmp_path / "a.csv").exists()
    result = json.loads(api.call("form_open", json.dumps({
        "form": "action-plan", "name": "plan.json", "content": json.dumps(doc)})))  # fmt: skip
    assert result["ok"] is False
    assert "actions.2.status" in result["errors"][0]["message"]


def test_the_counts_never_fail_on_an_unknown_status() -> None:
    doc = plan(action("in progress", "2026-12-31"), action("complete", "2026-10-01"))
    assert counts(doc, TODAY)["no_status"] == 1
    assert by_agency(doc, TODAY)["Health"]["complete"] == 1


def test_the_csv_carries_the_case_and_the_recommendations_number() -> None:
    """A sheet of several plans can be filtered by case and by recommendation."""
    import csv as csv_module

    doc = ActionPlan.example()
    data = csv_bytes(doc, date(2026, 12, 1)).decode("utf-8-sig")
    rows = list(csv_module.DictReader(io.StringIO(data, newline="")))
    assert {r["Case reference"] for r in rows} == {doc["source"]["referral_reference"]}
    numbers = [(r["Recommendation number"], r["Recommendation"]) for r in rows]
    first = {rec: n for n, rec in numbers}
    assert sorted(set(first.values())) == ["1", "2"]  # two recommendations, four actions
    assert all(first[rec] == n for n, rec in numbers)


# --- recommendations, each with its actions ---------------------------------------------------


def version_1_plan() -> dict[str, Any]:
    """A plan as version 1 saved it: the recommendation's words on every action."""
    first = "Share attendance concerns  the same day."
    return {
        "form": "action-plan",
        "schema_version": 1,
        "source": {"kind": "local_review", "review": "LCSPR: Z N"},
        "actions": [
            {**action("complete", "2026-10-01"), "recommendation": first},
            {**action("in_progress", "2026-11-30", agency="Education"),
             "recommendation": "Health visitors see every child at home."},
            # The same recommendation, typed again with other spacing and capitals.
            {**action("not_started", "2027-01-31"),
             "recommendation": "share attendance concerns the same day. "},
            {**action("not_started", "2027-01-31"), "recommendation": ""},
        ],
    }  # fmt: skip


def test_a_version_1_file_opens_with_each_recommendation_once() -> None:
    doc = engine.read_file(ActionPlan, json.dumps(version_1_plan()), "old-plan.json")
    assert doc["schema_version"] == 2
    assert doc["recommendations"] == [
        {"text": "Share attendance concerns  the same day."},
        {"text": "Health visitors see every child at home."},
    ]
    assert [a["recommendation"] for a in doc["actions"]] == ["1", "2", "1", ""]
    # Everything else in each action is as it was saved.
    old = version_1_plan()["actions"]
    for before, after in zip(old, doc["actions"], strict=True):
        assert {k: v for k, v in after.items() if k != "recommendation"} == {
            k: v for k, v in before.items() if k != "recommendation"
        }
    # The action with no recommendation is named, not guessed.
    _, errors = engine.check_document(ActionPlan, doc, TODAY)
    assert [(e.field, e.message) for e in errors] == [
        ("actions.3.recommendation", "Enter the recommendation number")
    ]


def test_a_version_1_file_opens_through_the_api() -> None:
    result = json.loads(api.call("form_open", json.dumps({
        "form": "action-plan", "content": json.dumps(version_1_plan()),
        "name": "old.json"})))  # fmt: skip
    assert result["ok"], result
    assert result["answers"]["recommendations.1.text"] == "Health visitors see every child at home."
    assert result["answers"]["actions.2.recommendation"] == "1"


@pytest.mark.parametrize(
    ("box", "recommendations", "message"),
    [
        ("3", ("R", "S"), "a number from 1 to 2"),
        ("0", ("R",), "the plan has one recommendation, number 1"),
        ("one", ("R",), "the plan has one recommendation, number 1"),
        ("1", (), "add the recommendation under Recommendations first"),
    ],
)
def test_an_action_must_name_one_of_the_plans_recommendations(
    box: str, recommendations: tuple[str, ...], message: str
) -> None:
    doc = plan(action("complete", "2026-10-01", recommendation=box),
               recommendations=recommendations)  # fmt: skip
    doc["source"] = {"kind": "other", "review": "Audit"}
    _, errors = engine.check_document(ActionPlan, doc, TODAY)
    found = {e.field: e.message for e in errors}
    assert found["actions.0.recommendation"].endswith(message)


def test_a_recommendation_without_an_action_is_named() -> None:
    doc = plan(action("complete", "2026-10-01", recommendation="2"), recommendations=("R", "S"))
    doc["source"] = {"kind": "other", "review": "Audit"}
    _, errors = engine.check_document(ActionPlan, doc, TODAY)
    assert [(e.field, e.message) for e in errors] == [(
        "recommendations.0.text",
        "Recommendation 1 has no action: add an action that answers it, or remove the "
        "recommendation",
    )]  # fmt: skip


def test_progress_by_recommendation_and_each_action_on_its_own_line() -> None:
    doc = ActionPlan.example()
    view = progress_view(doc, TODAY)
    assert view["progress.by_recommendation"].value.split("\n") == [
        "Recommendation 1: 2 actions: 1 complete, 1 overdue",
        "Recommendation 2: 2 actions: 1 not started, 1 no longer needed",
    ]
    report = progress_report(doc, datetime(2026, 12, 1, 9, 0))
    (block,) = [b for b in report.blocks if b.heading == "By recommendation"]
    assert block.text.split("\n") == [
        "Recommendation 1: " + doc["recommendations"][0]["text"],
        "• Action 1, Children's Social Care, due 30 October 2026, complete: Write the "
        "attendance protocol, with a \u201csame day\u201d rule.",
        "• Action 2, Education, due 13 November 2026, overdue: Train designated leads, in two "
        "sessions: absence, then bruising.",
        "Recommendation 2: " + doc["recommendations"][1]["text"],
        "• Action 3, Health, due 31 March 2027, not started: Audit home visits, quarterly.",
        "• Action 4, Health, due 31 December 2026, no longer needed: Replace the old visit form.",
    ]
    text = pdf_text(write(report, datetime(2026, 12, 1, 9, 0), "pdf"))
    assert "• Action 3, Health, due 31 March 2027, not started" in text
