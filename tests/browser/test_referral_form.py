"""The referral form in the built site: fill, draft, check answers, export, reopen, refuse.

Section 3: a referral is made "using the NEL SCP Serious Child Safeguarding Incident
Notification to Safeguarding Partners form following discussion with the designated lead
within the organisation and agreement by the service manager".
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from playwright.sync_api import Page, expect

from csprcore.forms import engine
from csprcore.forms.referral import Referral

from .conftest import wait_until
from .form_fill import fill
from .test_runtime import wait_ready

PAGE = "tools/referral-form/"
XSS = '<img src=x onerror="window.__xss=1">'
NAMES = ("Zoë", "Łukasz Żółć", "Nguyễn Thị Ánh", "Ілля", "Siobhán")


def example_answers() -> dict[str, Any]:
    return engine.document_to_answers(Referral, Referral.example())


def read_pdf(path: str | Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(Path(path).read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages)


@pytest.fixture
def form_page(page: Page) -> Page:
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(PAGE)
    wait_ready(page)
    return page


def test_fill_reload_check_and_export(form_page: Page, tmp_path: Path) -> None:
    page = form_page
    answers = example_answers()
    answers["rationale.learning"] = XSS
    fill(page, Referral, answers)
    # A draft is kept on this device only: it survives a reload.
    page.reload()
    wait_ready(page)
    expect(page.locator("[data-draft-status]")).to_contain_text("restored")
    expect(page.locator("[name='child.first_names']")).to_have_value("Zoë")
    expect(page.locator("[name='family.0.name']")).to_have_value("Nguyễn Thị Ánh")
    expect(page.locator("[name='agencies.1.agency']")).to_have_value("Police Service")

    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    expect(check).to_contain_text("Łukasz Żółć")
    expect(check).to_contain_text("9 March 2018")
    # Markup typed into a field is shown as text, never run.
    expect(check).to_contain_text(XSS)
    assert page.evaluate("window.__xss") is None

    with page.expect_download() as pdf_download:
        check.get_by_role("button", name="Download PDF").click()
    pdf_path = tmp_path / "referral.pdf"
    pdf_download.value.save_as(pdf_path)
    text = read_pdf(pdf_path)
    assert "OFFICIAL-SENSITIVE" in text
    for name in NAMES:
        assert name in text
    assert "Page 1 of" in text
    expect(page.locator("[data-next-steps]")).to_be_visible()

    with page.expect_download() as json_download:
        check.get_by_role("button", name="Download JSON").click()
    saved = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    expected = {**Referral.example()}
    expected["rationale"] = {**expected["rationale"], "learning": XSS}
    model, errors = engine.check_document(Referral, saved)
    assert errors == []
    assert model is not None
    assert model.model_dump(mode="json")["child"] == expected["child"]
    assert model.model_dump(mode="json") == expected


def test_saved_file_reopens_exactly(form_page: Page, tmp_path: Path) -> None:
    page = form_page
    saved = tmp_path / "saved.json"
    saved.write_text(engine.write_json(Referral.example()), encoding="utf-8")
    page.locator("[data-open-file]").set_input_files(saved)
    expect(page.locator("[data-file-message]")).to_contain_text("Opened saved.json")
    expect(page.locator("[name='other_children.0.name']")).to_have_value("Ілля Nguyễn")
    with page.expect_download() as again:
        page.get_by_role("button", name="Save as file").click()
    reopened = json.loads(Path(again.value.path()).read_text(encoding="utf-8"))
    assert reopened == Referral.example()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (json.dumps({**Referral.example(), "schema_version": 7}).encode(), "different version"),
        (json.dumps({"form": "scoping-return", "schema_version": 1}).encode(), Referral.title),
        (b" " * 1_000_001 + b"{}", "too big"),
    ],
    ids=["broken", "wrong-version", "wrong-kind", "oversized"],
)
def test_bad_files_are_refused_and_change_nothing(
    form_page: Page, tmp_path: Path, content: bytes, message: str
) -> None:
    page = form_page
    page.locator("[name='child.first_names']").fill("Keep me")
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    page.locator("[data-open-file]").set_input_files(bad)
    expect(page.locator("[data-file-message]")).to_contain_text(message)
    expect(page.locator("[data-file-message]")).to_contain_text("have not changed")
    expect(page.locator("[name='child.first_names']")).to_have_value("Keep me")


def test_errors_link_to_fields_and_keep_what_was_typed(
    form_page: Page, axe: Callable[[Page], list[dict[str, Any]]]
) -> None:
    page = form_page
    assert axe(page) == []
    page.locator("[name='child.first_names']").fill("Zoë")
    page.locator("[name='child.date_of_birth-day']").fill("30")
    page.locator("[name='child.date_of_birth-month']").fill("2")
    page.locator("[name='child.date_of_birth-year']").fill("2020")
    page.locator("[name='referrer.email']").fill("not an email")
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("h2")).to_have_text("There is a problem")
    expect(summary).to_contain_text("The child's date of birth must be a real date")
    expect(summary).to_contain_text("Enter an email address in the correct format")
    expect(page.locator("#child-date_of_birth-error")).to_contain_text("must be a real date")
    # Nothing typed is lost.
    expect(page.locator("[name='child.first_names']")).to_have_value("Zoë")
    expect(page.locator("[name='child.date_of_birth-day']")).to_have_value("30")
    summary.get_by_role("link", name="The child's date of birth must be a real date").click()
    expect(page.locator("#child-date_of_birth-day")).to_be_focused()
    assert axe(page) == []


def test_check_answers_change_link_returns_to_field(
    form_page: Page, axe: Callable[[Page], list[dict[str, Any]]]
) -> None:
    page = form_page
    fill(page, Referral, example_answers())
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    assert axe(page) == []
    check.get_by_role("link", name="Change last name").click()
    expect(page.locator("#child-last_name")).to_be_focused()
    page.locator("#child-last_name").fill("Nguyen-Smith")
    page.get_by_role("button", name="Save and return to check your answers").click()
    expect(check).to_be_visible()
    expect(check).to_contain_text("Nguyen-Smith")


def test_answers_arrive_from_the_criteria_checker(page: Page) -> None:
    page.goto("")
    handoff = {"facts": {"harm": "died", "abuse_or_neglect": "suspected",
                         "incident_location": "in_area", "looked_after": "yes",
                         "abuse_types": ["neglect"]},
               "checked_at": "26/11/2026 09:30"}  # fmt: skip
    page.evaluate("h => localStorage.setItem('csprcore-handoff-referral', JSON.stringify(h))",
                  handoff)  # fmt: skip
    page.goto(PAGE + "?from=checker")
    wait_ready(page)
    expect(page.locator("[name='incident.harm'][value='died']")).to_be_checked()
    expect(page.locator("[name='child.legal_status'][value='looked_after']")).to_be_checked()
    expect(page.locator("[name='incident.abuse_types'][value='neglect']")).to_be_checked()
    expect(page.locator("[data-checker-outcome]")).to_contain_text("26/11/2026 09:30")
    assert page.evaluate("localStorage.getItem('csprcore-handoff-referral')") is None
    # The answers stay on the device: never in the address.
    assert "died" not in page.url


def test_delete_draft_and_keyboard_rows(form_page: Page) -> None:
    page = form_page
    page.locator("[name='referrer.name']").fill("Siobhán O'Neill")
    wait_until(page, "(localStorage.getItem('csprcore-draft-referral') || '').includes('Siob')")
    add = page.get_by_role("button", name="Add a person")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name='family.0.name']")).to_be_focused()
    page.keyboard.type("Ілля")
    page.get_by_role("button", name="Remove person 1").click()
    expect(page.locator("[name='family.0.name']")).to_have_count(0)
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("deleted")
    expect(page.locator("[name='referrer.name']")).to_have_value("")
    assert page.evaluate("localStorage.getItem('csprcore-draft-referral')") is None


def test_old_drafts_are_removed(page: Page) -> None:
    page.goto("")
    old = {"saved": 0, "answers": {"referrer.name": "Old"}}
    page.evaluate("d => localStorage.setItem('csprcore-draft-referral', JSON.stringify(d))", old)
    page.goto(PAGE)
    wait_ready(page)
    expect(page.locator("[name='referrer.name']")).to_have_value("")
    expect(page.locator("[data-draft-status]")).to_contain_text("older than 30 days")


def test_a_draft_saved_before_the_referral_date_was_renamed_keeps_it(page: Page) -> None:
    """Version 1 called it ``referrer.date_of_referral``; a draft typed then keeps the date."""
    page.goto("")
    answers = {
        "referrer.name": "Kept",
        "referrer.date_of_referral-day": "18",
        "referrer.date_of_referral-month": "11",
        "referrer.date_of_referral-year": "2026",
    }
    draft = {"saved": int(time.time() * 1000), "answers": answers}
    page.evaluate("d => localStorage.setItem('csprcore-draft-referral', JSON.stringify(d))", draft)
    page.goto(PAGE)
    wait_ready(page)
    expect(page.locator("[name='referrer.name']")).to_have_value("Kept")
    for box, value in (("day", "18"), ("month", "11"), ("year", "2026")):
        expect(page.locator(f"[name='referrer.referral_date-{box}']")).to_have_value(value)


def test_a_name_the_pdf_cannot_show_is_warned_beside_its_field(
    form_page: Page, tmp_path: Path, axe: Callable[[Page], list[dict[str, Any]]]
) -> None:
    """The PDF's font has Latin, Greek, Cyrillic, Armenian and Georgian letters; a name in
    another script would print as boxes, so the form says so as it is typed, and on the check
    page, and the PDF is still made."""
    page = form_page
    page.locator("[data-add-row='family']").click()
    page.locator("[name='family.0.name']").fill("张伟")
    warning = page.locator("[data-form-warning='family.0.name']")
    expect(warning).to_contain_text("The PDF cannot show 张 伟 in ‘Name’ (person 1)")
    expect(page.locator("[data-field='family-0-name'] [data-form-warning]")).to_have_count(1)
    assert axe(page) == []
    page.locator("[name='family.0.name']").fill("张伟 (Zhang Wei)")
    expect(warning).to_contain_text("The PDF cannot show 张 伟")
    page.locator("[name='family.0.name']").fill("Zhang Wei")
    expect(warning).to_have_count(0)
