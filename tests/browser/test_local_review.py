"""The local review record in the built site: started from the Rapid Review's saved file,
completed, checked, and exported as the record and the three letters; its warnings beside
their fields; axe in each state; and the form machinery's reliability rules (drafts, delete,
open a file, no storage) as for the other forms.

Section 5: the Panel, Ofsted and the DfE are told that a local review will be carried out.
Section 9: the partners consider "whether the reviewer has any real or perceived conflict of
interest". Section 11: copies "no later than seven working days before the date of
publication"; the reasons for any delay, and the justification for not publishing.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from csprcore.forms import engine
from csprcore.forms.local_review import LocalReview
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.spec import parts

from .conftest import wait_until
from .form_fill import fill
from .test_appendix_templates import answers_of, download, flat
from .test_case_safety import (
    LEAK,
    assert_empty,
    choose_file,
    every_input,
    fill_everything,
    model_inputs,
    page_in,
    storage_context,
)
from .test_referral_form import read_pdf
from .test_runtime import served_copy, sw_context, wait_for_precache, wait_ready

__all__ = ["served_copy", "storage_context", "sw_context"]  # fixtures used below

PAGE = "tools/local-review/"
Axe = Callable[[Page], list[dict[str, Any]]]


@pytest.fixture
def local(page: Page) -> Page:
    page.goto(PAGE)
    wait_ready(page)
    return page


def rapid_review_file(tmp_path: Path, decision: str = "local_cspr") -> Path:
    doc = copy.deepcopy(RapidReview.example())
    doc["decision"]["decision"] = decision
    path = tmp_path / f"rr-{decision}.json"
    path.write_text(engine.write_json(doc), encoding="utf-8")
    return path


def the_rest() -> dict[str, Any]:
    """The example record's answers beyond what the Rapid Review fills in, with the dates
    after this case's decision (29 October 2026)."""
    doc = copy.deepcopy(LocalReview.example())
    doc["notification"]["told_on"] = "2026-11-02"
    doc["supervision"][0]["requested_on"] = "2026-11-10"
    skip = ("case.", "signatories.", "reviewers.0.name")
    return {k: v for k, v in answers_of(LocalReview, doc).items() if not k.startswith(skip)}


def test_start_from_the_rapid_review_complete_and_export(local: Page, tmp_path: Path) -> None:
    page = local
    page.locator("[name='case.child_age']").fill("8 years")
    page.locator("[data-from-rapid-review]").set_input_files(rapid_review_file(tmp_path))
    message = page.locator("[data-from-rapid-review-message]")
    expect(message).to_contain_text("Filled in the referral reference, the child's initials")
    expect(message).to_contain_text("Kept what you had written for the child's age.")
    expect(message).to_contain_text("The decision's date, 29 October 2026, is the last of the "
                                    "partners' sign-off dates")  # fmt: skip
    expect(page.locator("[name='case.child_initials']")).to_have_value("Z N")
    expect(page.locator("[name='case.child_age']")).to_have_value("8 years")
    expect(page.locator("[name='case.decision_date-day']")).to_have_value("29")
    expect(page.locator("[name='reviewers.0.name']")).to_have_value("Nguyễn Thị Ánh")
    expect(page.locator("[name='signatories.police_name']")).to_have_value("Ілля Коваленко")
    # The key dates follow from the decision as the core works them out.
    expect(page.locator("[data-computed-for='key_dates.final_report_due']")).to_contain_text(
        "Thursday 29 April 2027"
    )
    expect(page.locator("[data-computed-for='key_dates.send_to_panel_by']")).to_have_text(
        "Not worked out yet: enter the planned publication date"
    )
    wait_until(page, "(localStorage.getItem('csprcore-draft-local-review') || '')"
                     ".includes('Ілля')")  # fmt: skip

    fill(page, LocalReview, the_rest())
    expect(page.locator("[data-computed-for='key_dates.send_to_panel_by']")).to_contain_text(
        "Tuesday 24 November 2026"
    )
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    expect(check.locator("[data-check-warnings]")).to_be_hidden()
    expect(check).to_contain_text("A timeline of the school's contacts.")

    record = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the record (PDF)"),
        tmp_path / "record.pdf")))  # fmt: skip
    for words in ("OFFICIAL-SENSITIVE", "Local child safeguarding practice review record",
                  "Thursday 29 April 2027", "Nguyễn Thị Ánh", "8 years",
                  "Publish the full report"):  # fmt: skip
        assert words in record, words

    letter = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the letter telling the Panel, Ofsted "
                                "and the DfE (PDF)"), tmp_path / "letter.pdf")))  # fmt: skip
    for words in ("Dear Panel members and colleagues at Ofsted and the Department for Education,",
                  "Z N, aged 8 years",
                  "decided on 29 October 2026 to carry out a local child safeguarding practice "
                  "review", "We have commissioned Nguyễn Thị Ánh", "no later than 29 April 2027",
                  "Yours faithfully, Signature: Łukasz Żółć"):  # fmt: skip
        assert words in letter, words

    before = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the letter before publication (PDF)"),
        tmp_path / "before.pdf")))  # fmt: skip
    for words in ("We enclose the full report", "We plan to publish on 3 December 2026",
                  "that is by 24 November 2026", "Copy to: Ofsted"):  # fmt: skip
        assert words in before, words

    # The letter explaining a delay needs its reasons: the page says so, at the field.
    check.get_by_role("button", name="Download the letter explaining a delay or not "
                      "publishing (PDF)").click()  # fmt: skip
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("Give the reasons for the delay, or the decision not to "
                                    "publish, to make the letter explaining it")  # fmt: skip
    page.locator("[name='publication.delay_reasons'][value='inquest']").check()
    page.locator("[name='publication.delay_details']").fill("The inquest opens in May.")
    page.get_by_role("button", name="Check your answers").click()
    delay = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the letter explaining a delay or not "
                                "publishing (PDF)"), tmp_path / "delay.pdf")))  # fmt: skip
    assert "because of an inquest. The inquest opens in May." in delay

    saved = download(page, check.get_by_role("button", name="Download JSON"), tmp_path / "lr.json")
    doc = engine.read_file(LocalReview, saved.read_text(encoding="utf-8"))
    model, errors = engine.check_document(LocalReview, doc)
    assert errors == [] and model is not None
    assert model.case.decision_date is not None
    assert model.case.decision_date.isoformat() == "2026-10-29"
    assert model.publication.delay_reasons == ["inquest"]


@pytest.mark.parametrize(
    ("decision", "words"),
    [("no_review", "is a Rapid Review that decided \u201cNo further review\u201d"),
     ("other_learning", "is a Rapid Review that decided \u201cHold another learning review")],
)  # fmt: skip
def test_a_rapid_review_of_another_decision_is_refused_and_loses_nothing(
    local: Page, tmp_path: Path, decision: str, words: str
) -> None:
    page = local
    page.locator("[name='case.child_initials']").fill("Z N")
    page.locator("[data-from-rapid-review]").set_input_files(rapid_review_file(tmp_path, decision))
    message = page.locator("[data-from-rapid-review-message] .cs-error-message")
    expect(message).to_contain_text(f"rr-{decision}.json {words}")
    expect(message).to_contain_text("Your answers have not changed.")
    expect(page.locator("[name='case.child_initials']")).to_have_value("Z N")
    expect(page.locator("[data-rows='reviewers'] > [data-row]")).to_have_count(0)


def test_a_rapid_review_about_another_child_fills_nothing(local: Page, tmp_path: Path) -> None:
    # The record names A B; the Rapid Review is Z N's and decided on a local review: its
    # reviewer, rationale and signatories must not reach A B's record.
    page = local
    page.locator("[name='case.child_initials']").fill("A B")
    page.locator("[data-from-rapid-review]").set_input_files(rapid_review_file(tmp_path))
    message = page.locator("[data-from-rapid-review-message] .cs-error-message")
    expect(message).to_contain_text(
        "rr-local_cspr.json is about a child with the initials Z N, not A B: nothing was filled in"
    )
    expect(page.locator("[name='case.child_initials']")).to_have_value("A B")
    expect(page.locator("[name='case.criteria_considered']")).to_have_value("")
    expect(page.locator("[data-rows='reviewers'] > [data-row]")).to_have_count(0)


def test_warnings_sit_beside_their_fields_and_never_block(local: Page, axe: Axe) -> None:
    page = local
    doc = copy.deepcopy(LocalReview.example())
    doc["reviewers"][0]["conflict_free"] = "unsure"
    doc["supervision"][0]["in_writing"] = "no"
    fill(page, LocalReview, answers_of(LocalReview, doc))
    conflict = page.locator("[data-form-warning='reviewers.0.conflict_free']")
    expect(conflict).to_contain_text("The partners are not sure that Nguyễn Thị Ánh is free of "
                                     "any real or perceived conflict of interest")  # fmt: skip
    expect(page.locator("[data-form-warning='supervision.0.in_writing']")).to_contain_text(
        "Request 1 was not made in writing"
    )
    assert axe(page) == []
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    expect(check.locator("[data-check-warnings]")).to_contain_text("record how it is managed")
    assert axe(page) == []
    # Answering "yes" takes the warning away.
    page.get_by_role("button", name="Back to the form").click()
    page.locator("[name='reviewers.0.conflict_free'][value='yes']").check()
    expect(conflict).to_have_count(0)


def test_axe_in_each_state(local: Page, axe: Axe, tmp_path: Path) -> None:
    page = local
    assert axe(page) == []
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the child's initials")
    expect(summary).to_contain_text("Enter the date of the decision to initiate the local review")
    assert axe(page) == []
    page.locator("[data-from-rapid-review]").set_input_files(rapid_review_file(tmp_path))
    expect(page.locator("[data-from-rapid-review-message]")).to_contain_text("Filled in")
    assert axe(page) == []
    page.locator("[name='publication.decision'][value='not_published']").check()
    expect(page.locator("[name='publication.justification']")).to_be_visible()
    assert axe(page) == []


# --------------------------------------------------------------------------------------
# the form machinery's reliability rules (test_case_safety.py), for this form
# --------------------------------------------------------------------------------------


def test_delete_then_a_new_case_leaves_no_field_of_the_old(local: Page) -> None:
    page = local
    fill_everything(page, LocalReview)
    before = every_input(page)
    assert model_inputs(LocalReview) <= set(before)
    wait_until(page, "localStorage.getItem('csprcore-draft-local-review') !== null")
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Cancel").click()
    assert every_input(page) == before
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("deleted")
    assert_empty(every_input(page))
    assert page.locator("[data-row]").count() == 0
    page.locator("[name='case.referral_reference']").fill("Case 2")
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator(".cs-error-summary").first).to_be_visible()
    assert LEAK not in page.locator("main").inner_text()
    wait_until(page, "(localStorage.getItem('csprcore-draft-local-review') || '')"
               ".includes('Case 2')")  # fmt: skip
    assert LEAK not in page.evaluate("localStorage.getItem('csprcore-draft-local-review')")


def test_opening_a_file_sets_every_field_to_the_file_and_nothing_else(local: Page) -> None:
    page = local
    fill_everything(page, LocalReview)
    example = LocalReview.example()
    choose_file(page, "[data-open-file]", "case-2.json", engine.write_json(example))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened case-2.json")
    expected = engine.document_to_answers(LocalReview, example)
    for name, value in every_input(page).items():
        want = expected.get(name, [] if isinstance(value, list) else "")
        if isinstance(value, list) and isinstance(want, str):
            want = [want] if want else []
        assert value == want, name
    assert LEAK not in page.locator("form[data-form]").inner_text()


def test_the_draft_survives_a_reload(local: Page) -> None:
    page = local
    page.locator("[name='case.child_initials']").fill("Z N")
    for box, value in (("day", "3"), ("month", "6"), ("year", "2026")):
        page.locator(f"[name='case.decision_date-{box}']").fill(value)
    expect(page.locator("[data-computed-for='key_dates.final_report_due']")).to_contain_text(
        "3 December 2026"
    )
    wait_until(page, "(localStorage.getItem('csprcore-draft-local-review') || '')"
                     ".includes('2026')")  # fmt: skip
    page.reload()
    wait_ready(page)
    expect(page.locator("[name='case.child_initials']")).to_have_value("Z N")
    expect(page.locator("[data-computed-for='key_dates.final_report_due']")).to_contain_text(
        "3 December 2026"
    )


def test_works_without_storage_and_says_so(
    storage_context: tuple[BrowserContext, str], tmp_path: Path
) -> None:
    ctx, kind = storage_context
    page, errors = page_in(ctx)
    page.goto(PAGE)
    wait_ready(page)
    page.locator("[name='case.referral_reference']").fill("Typed")
    words = "storage is full" if kind == "full" else "does not let this site keep drafts"
    expect(page.locator("[data-draft-status]")).to_contain_text(words)
    choose_file(page, "[data-open-file]", "saved.json", engine.write_json(LocalReview.example()))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened saved.json")
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("cleared")
    assert_empty(every_input(page))
    rr = engine.write_json(RapidReview.example())
    choose_file(page, "[data-from-rapid-review]", "rr.json", rr)
    expect(page.locator("[data-from-rapid-review-message]")).to_contain_text("Filled in")
    assert errors == []


def test_every_part_of_the_model_is_on_the_page(local: Page) -> None:
    for part in parts(LocalReview):
        expect(local.locator(f"[data-part='{part.name}']")).to_have_count(1)
    assert json.loads(json.dumps(LocalReview.exports))  # every export has its button
    for fmt, _ in LocalReview.exports:
        expect(local.locator(f"[data-export='{fmt}']")).to_have_count(1)


def test_both_tools_work_offline(
    sw_context: BrowserContext, served_copy: tuple[Path, str], tmp_path: Path
) -> None:
    """Once the site is cached, a record opens, exports a letter and starts an action plan
    with no network."""
    _, base = served_copy
    page = sw_context.new_page()
    page.goto(base + PAGE)
    wait_ready(page)
    wait_for_precache(page)
    sw_context.set_offline(True)
    page.goto(base + PAGE)
    wait_ready(page)
    saved = tmp_path / "lr.json"
    saved.write_text(engine.write_json(LocalReview.example()), encoding="utf-8")
    page.locator("[data-open-file]").set_input_files(saved)
    expect(page.locator("[data-file-message]")).to_contain_text("Opened lr.json")
    page.get_by_role("button", name="Check your answers").click()
    letter = read_pdf(download(
        page, page.get_by_role("button", name="Download the letter before publication (PDF)"),
        tmp_path / "before.pdf"))  # fmt: skip
    assert "We enclose the full report" in flat(letter)
    page.goto(base + "tools/action-plan/")
    wait_ready(page)
    page.locator("[data-from-local-review]").set_input_files(saved)
    expect(page.locator("[data-from-local-review-message]")).to_contain_text("Filled in")
