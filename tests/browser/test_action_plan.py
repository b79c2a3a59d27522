"""The action plan in the built site (section 12): built from a local review record, actions
marked complete and overdue with the progress worked out as the user types, exported as CSV
and as the progress report for the board; axe in each state; and the form machinery's
reliability rules (drafts, delete, open a file) as for the other forms.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from csprcore.exports.action_plan import COLUMNS
from csprcore.forms import engine
from csprcore.forms.action_plan import ActionPlan
from csprcore.forms.local_review import LocalReview
from csprcore.partnership import current

from .conftest import wait_until
from .test_appendix_templates import download, flat
from .test_case_safety import LEAK, assert_empty, choose_file, every_input, fill_everything
from .test_referral_form import read_pdf
from .test_runtime import wait_ready

PAGE = "tools/action-plan/"
Axe = Callable[[Page], list[dict[str, Any]]]


@pytest.fixture
def plan(page: Page) -> Page:
    page.goto(PAGE)
    wait_ready(page)
    return page


def type_date(page: Page, name: str, day: date) -> None:
    page.locator(f"[name='{name}-day']").fill(str(day.day))
    page.locator(f"[name='{name}-month']").fill(str(day.month))
    page.locator(f"[name='{name}-year']").fill(str(day.year))


def add_recommendation(page: Page, i: int, words: str) -> None:
    page.locator("[data-add-row='recommendations']").click()
    page.locator(f"[name='recommendations.{i}.text']").fill(words)


def add_action(page: Page, i: int, recommendation: int, what: str, agency: str, due: date,
               status: str) -> None:  # fmt: skip
    page.locator("[data-add-row='actions']").click()
    page.locator(f"[name='actions.{i}.recommendation']").fill(str(recommendation))
    page.locator(f"[name='actions.{i}.action']").fill(what)
    page.locator(f"[name='actions.{i}.agency']").fill(agency)
    page.locator(f"[name='actions.{i}.lead']").fill("Zoë Adams")
    type_date(page, f"actions.{i}.due", due)
    page.locator(f"[name='actions.{i}.status'][value='{status}']").check()


def test_from_a_local_review_to_csv_and_the_progress_report(
    plan: Page, tmp_path: Path, axe: Axe
) -> None:
    page = plan
    record = tmp_path / "lr.json"
    record.write_text(engine.write_json(LocalReview.example()), encoding="utf-8")
    page.locator("[data-from-local-review]").set_input_files(record)
    expect(page.locator("[data-from-local-review-message]")).to_contain_text(
        "Filled in what the plan follows, the source review"
    )
    expect(page.locator("[name='source.review']")).to_have_value(
        "Local child safeguarding practice review: Z N, aged 8"
    )
    expect(page.locator("[name='source.kind'][value='local_review']")).to_be_checked()
    summary = page.locator("[data-computed-for='progress.summary']")
    expect(summary).to_have_text("No actions yet")

    today = date.today()
    # Typed as a formula: the CSV must open in Excel as text, never run it.
    rec = "=Share attendance concerns, the same day"
    add_recommendation(page, 0, rec)
    add_action(page, 0, 1, "Write the protocol", "Education", today - timedelta(days=20),
               "in_progress")  # fmt: skip
    add_action(page, 1, 1, "Train the leads,\nin two sessions", "Health",
               today + timedelta(days=30), "not_started")  # fmt: skip
    expect(summary).to_have_text("2 actions: 1 not started, 1 overdue")
    expect(page.locator("[data-computed-for='progress.by_recommendation']")).to_have_text(
        "Recommendation 1: 2 actions: 1 not started, 1 overdue"
    )
    expect(page.locator("[data-computed-for='progress.overdue']")).to_contain_text(
        "Action 1 (Education)"
    )
    # Marking the overdue action complete takes it off the overdue list.
    page.locator("[name='actions.0.status'][value='complete']").check()
    expect(summary).to_have_text("2 actions: 1 complete, 1 not started")
    expect(page.locator("[data-computed-for='progress.overdue']")).to_have_text("None")
    page.locator("[data-add-row='monitoring']").click()
    type_date(page, "monitoring.0.held_on", today + timedelta(days=14))
    expect(page.locator("[data-computed-for='progress.next_monitoring']")).not_to_contain_text(
        "None set"
    )
    assert axe(page) == []

    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    assert axe(page) == []

    saved = download(page, check.get_by_role("button", name="Download the actions for Excel "
                     "(CSV)"), tmp_path / "actions.csv")  # fmt: skip
    data = saved.read_bytes()
    assert saved.name.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["Recommendation"] for r in rows] == ["'" + rec, "'" + rec]
    assert [r["Recommendation number"] for r in rows] == ["1", "1"]
    assert rows[1]["Action"] == "Train the leads,\nin two sessions"
    assert rows[0]["Status"] == "Complete"
    assert rows[1]["Due date"] == (today + timedelta(days=30)).isoformat()

    report = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the progress report for the board "
                                "(PDF)"), tmp_path / "progress.pdf")))  # fmt: skip
    for words in ("OFFICIAL-SENSITIVE", "Action plan: progress report",
                  f"For the {current().group('board').name}",
                  "2 actions: 1 complete, 1 not started", "Education: 1 (1 complete)",
                  "• Action 1, Education"):  # fmt: skip
        assert words in report, words
    plan_pdf = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the plan (PDF)"),
        tmp_path / "plan.pdf")))  # fmt: skip
    assert rec in plan_pdf


def test_a_record_about_another_child_is_refused_and_changes_nothing(
    plan: Page, tmp_path: Path
) -> None:
    page = plan
    page.locator("[name='source.child_initials']").fill("A B")
    record = tmp_path / "lr-z-n.json"
    record.write_text(engine.write_json(LocalReview.example()), encoding="utf-8")
    page.locator("[data-from-local-review]").set_input_files(record)
    message = page.locator("[data-from-local-review-message] .cs-error-message")
    expect(message).to_contain_text(
        "lr-z-n.json is about a child with the initials Z N, not A B: nothing was filled in"
    )
    expect(message).to_contain_text("Your answers have not changed.")
    expect(page.locator("[name='source.child_initials']")).to_have_value("A B")
    expect(page.locator("[name='source.review']")).to_have_value("")


def test_errors_and_axe(plan: Page, axe: Axe) -> None:
    page = plan
    assert axe(page) == []
    page.get_by_role("button", name="Check your answers").click()
    errors = page.locator("[data-error-summary]")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Select what the plan follows")
    page.locator("[data-add-row='actions']").click()
    page.locator("[name='actions.0.status'][value='no_longer_needed']").check()
    expect(page.locator("[name='actions.0.why_not_needed']")).to_be_visible()
    page.get_by_role("button", name="Check your answers").click()
    expect(errors).to_contain_text("Enter why the action is no longer needed")
    assert axe(page) == []


def test_a_file_that_is_not_a_record_is_refused_and_loses_nothing(
    plan: Page, tmp_path: Path
) -> None:
    page = plan
    page.locator("[name='source.review']").fill("Typed by me")
    bad = tmp_path / "plan.json"
    bad.write_text(engine.write_json(ActionPlan.example()), encoding="utf-8")
    page.locator("[data-from-local-review]").set_input_files(bad)
    message = page.locator("[data-from-local-review-message] .cs-error-message")
    expect(message).to_contain_text("plan.json is a saved 'action-plan' form")
    expect(message).to_contain_text("Your answers have not changed.")
    expect(page.locator("[name='source.review']")).to_have_value("Typed by me")


def test_delete_then_open_a_file_leaves_nothing_of_the_old_case(plan: Page) -> None:
    page = plan
    fill_everything(page, ActionPlan)
    wait_until(page, "localStorage.getItem('csprcore-draft-action-plan') !== null")
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("deleted")
    assert_empty(every_input(page))
    assert page.locator("[data-row]").count() == 0
    fill_everything(page, ActionPlan)
    example = ActionPlan.example()
    choose_file(page, "[data-open-file]", "case-2.json", engine.write_json(example))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened case-2.json")
    expected = engine.document_to_answers(ActionPlan, example)
    for name, value in every_input(page).items():
        want = expected.get(name, [] if isinstance(value, list) else "")
        if isinstance(value, list) and isinstance(want, str):
            want = [want] if want else []
        assert value == want, name
    assert LEAK not in page.locator("form[data-form]").inner_text()
    page.reload()
    wait_ready(page)
    expect(page.locator("[name='source.review']")).to_have_value(example["source"]["review"])


def test_an_agencys_sheet_out_and_its_update_back(plan: Page, tmp_path: Path, axe: Axe) -> None:
    """Section 12: the unit sends Education its actions; Education returns the sheet with a
    status and evidence; the plan takes them, keeping what the unit wrote."""
    page = plan
    add_recommendation(page, 0, "Share attendance concerns.")
    add_action(page, 0, 1, "Train designated leads.", "Education", date(2027, 1, 29),
               "in_progress")  # fmt: skip
    add_action(page, 1, 1, "Audit referrals.", "Police", date(2027, 2, 26), "not_started")
    page.locator("[data-agency-name]").fill("education")
    sheet = download(page, page.get_by_role("button", name="Download the agency's sheet (CSV)"),
                     tmp_path / "education.csv")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(sheet.read_text("utf-8-sig"), newline="")))
    assert [(r["Action number"], r["Action"]) for r in rows] == [("1", "Train designated leads.")]
    rows[0].update({"Status": "Complete", "Evidence of completion": "Both sessions held."})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    back = tmp_path / "education-returned.csv"
    back.write_text(out.getvalue(), encoding="utf-8")
    page.locator("[data-add-updates]").set_input_files(back)
    expect(page.locator("[data-add-updates-message]")).to_contain_text(
        "Updated action 1's status, action 1's evidence of completion."
    )
    expect(page.locator("[name='actions.0.status'][value='complete']")).to_be_checked()
    expect(page.locator("[name='actions.0.evidence_of_completion']")).to_have_value(
        "Both sessions held."
    )
    expect(page.locator("[name='actions.1.status'][value='not_started']")).to_be_checked()
    assert axe(page) == []
    # An agency the plan does not name: refused, naming the plan's agencies.
    page.locator("[data-agency-name]").fill("Fire Service")
    page.get_by_role("button", name="Download the agency's sheet (CSV)").click()
    expect(page.locator("[data-agency-sheet-message]")).to_contain_text(
        "The plan gives no action to Fire Service; its agencies: Education, Police"
    )


def test_a_plan_saved_before_recommendations_were_listed_opens_grouped(plan: Page) -> None:
    """A plan saved by version 1 (the recommendation's words on each action) opens with each
    recommendation once and each action naming its number; nothing else changes."""
    page = plan
    old = {
        "form": "action-plan", "schema_version": 1,
        "source": {"kind": "other", "review": "Audit of attendance"},
        "actions": [
            {"recommendation": "Share attendance concerns.", "action": "Write the protocol",
             "agency": "Education", "lead": "Zoë Adams", "due": "2027-01-29",
             "status": "in_progress"},
            {"recommendation": "Visit at home.", "action": "Audit visits", "agency": "Health",
             "lead": "Zoë Adams", "due": "2027-02-26", "status": "not_started"},
            {"recommendation": "share attendance  concerns.", "action": "Train the leads",
             "agency": "Education", "lead": "Zoë Adams", "due": "2027-03-31",
             "status": "not_started"},
        ],
    }  # fmt: skip
    choose_file(page, "[data-open-file]", "old-plan.json", engine.write_json(old))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened old-plan.json")
    expect(page.locator("[name='recommendations.0.text']")).to_have_value(
        "Share attendance concerns."
    )
    expect(page.locator("[name='recommendations.1.text']")).to_have_value("Visit at home.")
    assert page.locator("[data-rows='recommendations'] > [data-row]").count() == 2
    numbers = [page.locator(f"[name='actions.{i}.recommendation']").input_value()
               for i in range(3)]  # fmt: skip
    assert numbers == ["1", "2", "1"]
    expect(page.locator("[name='actions.2.action']")).to_have_value("Train the leads")
    expect(page.locator("[data-computed-for='progress.by_recommendation']")).to_contain_text(
        "Recommendation 1: 2 actions"
    )
