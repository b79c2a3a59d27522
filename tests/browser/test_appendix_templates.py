"""Appendix 1's templates in the built site: the agencies' Initial Scoping return and the
Rapid Review Template, with the letter to the Panel and the outcome notice.

Appendix 1: the *Initial Scoping and Information Sharing Template* is "returned by agencies
and then shared with those attending the Rapid Review meeting"; the meeting "reviews the facts
about the case presented in the documentation ... completes the Rapid Review Template and
agrees the recommendation"; the template and the accompanying letter go to the Panel.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from csprcore.forms import engine
from csprcore.forms.base import FormBase
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.referral import Referral
from csprcore.forms.scoping import ScopingReturn, example_return

from .conftest import wait_until
from .form_fill import fill
from .test_criteria_checker import answer
from .test_referral_form import read_pdf
from .test_runtime import served_copy, sw_context, wait_for_precache, wait_ready

# North East Lincolnshire's pages, dates and words: run with its profile only (tests/conftest.py);
# test_partnerships.py checks any partnership's outputs.
pytestmark = pytest.mark.nel

__all__ = ["served_copy", "sw_context"]  # fixtures used by the offline test

SCOPING = "tools/scoping-return/"
RAPID = "tools/rapid-review/"
Axe = Callable[[Page], list[dict[str, Any]]]


def answers_of(form: type[FormBase], doc: dict[str, Any]) -> dict[str, Any]:
    return engine.document_to_answers(form, doc)


def flat(text: str) -> str:
    return " ".join(text.split())


def download(page: Page, button: Locator, path: Path) -> Path:
    with page.expect_download() as info:
        button.click()
    info.value.save_as(path)
    return path


@pytest.fixture
def scoping(page: Page) -> Page:
    page.goto(SCOPING)
    wait_ready(page)
    return page


@pytest.fixture
def rapid(page: Page) -> Page:
    page.goto(RAPID)
    wait_ready(page)
    return page


def return_files(tmp_path: Path) -> list[Path]:
    """Three agencies' saved returns, as the agencies' page saves them."""
    files = []
    for agency, author, summary in (
        ("Grimsby Primary School", "Siobhán O'Neill", "School summary: bruising seen twice."),
        ("Humberside Police", "Ілля Коваленко", "Police summary: investigation opened."),
        ("NHS Trust", "Nguyễn Thị Ánh", "Health summary: missed appointments."),
    ):
        path = tmp_path / f"{agency.split()[0].lower()}.json"
        doc = example_return(agency=agency, author=author, summary=summary)
        path.write_text(engine.write_json(doc), encoding="utf-8")
        files.append(path)
    return files


# --------------------------------------------------------------------------------------
# the Initial Scoping return
# --------------------------------------------------------------------------------------


def test_scoping_return_fill_check_and_export(scoping: Page, tmp_path: Path) -> None:
    page = scoping
    computed = page.locator("[data-computed-for='case.return_by']")
    expect(computed).to_have_text("Not worked out yet: enter the date of the referral")
    answers = answers_of(ScopingReturn, ScopingReturn.example())
    fill(page, ScopingReturn, answers)
    # The return-by date comes from the core as the referral date is typed.
    expect(computed).to_have_text(
        "Wednesday 21 October 2026 (5 working days after the referral on 14 October 2026)"
    )
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    expect(check.locator("h2").first).to_have_text(
        "Check your answers before you download your return"
    )
    expect(check).to_contain_text("Wednesday 21 October 2026")
    expect(check).to_contain_text("Bruising seen on Z N's arm")

    text = flat(read_pdf(download(page, check.get_by_role("button", name="Download PDF"),
                                  tmp_path / "return.pdf")))  # fmt: skip
    for words in ("OFFICIAL-SENSITIVE", "Initial Scoping and Information Sharing Template",
                  "Return this template by Wednesday 21 October 2026", "Łukasz Żółć",
                  "Siobhán O'Neill", "Mother said Z N was unwell"):  # fmt: skip
        assert words in text, words
    expect(page.locator("[data-next-steps]")).to_be_visible()
    expect(page.locator("[data-next-steps]")).to_contain_text("within 5 working days")

    saved = download(page, check.get_by_role("button", name="Download JSON"), tmp_path / "r.json")
    assert json.loads(saved.read_text(encoding="utf-8")) == ScopingReturn.example()


def test_scoping_return_errors_and_axe(scoping: Page, axe: Axe) -> None:
    page = scoping
    assert axe(page) == []
    page.locator("[name='case.child_initials']").fill("Zoë Nguyễn")
    page.locator("[name='case.referral_date-day']").fill("31")
    page.locator("[name='case.referral_date-month']").fill("9")
    page.locator("[name='case.referral_date-year']").fill("2026")
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("The date of the referral must be a real date")
    expect(summary).to_contain_text("Enter your agency or organisation")
    expect(page.locator("[name='case.child_initials']")).to_have_value("Zoë Nguyễn")
    assert axe(page) == []
    # The initials rule runs once the fields are all there.
    fill(page, ScopingReturn, answers_of(ScopingReturn, ScopingReturn.example()))
    page.locator("[name='case.child_initials']").fill("Zoë Nguyễn")
    page.get_by_role("button", name="Check your answers").click()
    expect(summary).to_contain_text("Enter the child's initials only, like Z N, not their name")
    page.locator("[name='case.child_initials']").fill("Z N")
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-check-view]")).to_be_visible()
    assert axe(page) == []


def test_scoping_return_draft_survives_a_reload(scoping: Page) -> None:
    page = scoping
    page.locator("[name='agency.agency']").fill("Humberside Police")
    page.locator("[name='case.referral_date-day']").fill("14")
    page.locator("[name='case.referral_date-month']").fill("10")
    page.locator("[name='case.referral_date-year']").fill("2026")
    expect(page.locator("[data-computed-for='case.return_by']")).to_contain_text("21 October")
    wait_until(page, "(localStorage.getItem('csprcore-draft-scoping-return') || '')"
                     ".includes('2026')")  # fmt: skip
    page.reload()
    wait_ready(page)
    expect(page.locator("[name='agency.agency']")).to_have_value("Humberside Police")
    expect(page.locator("[data-computed-for='case.return_by']")).to_contain_text("21 October")


# --------------------------------------------------------------------------------------
# the Rapid Review
# --------------------------------------------------------------------------------------


def test_rapid_review_add_three_returns_complete_and_export(rapid: Page, tmp_path: Path) -> None:
    page = rapid
    # The business unit has already written about the police at the meeting.
    page.get_by_role("button", name="Add an agency").click()
    page.locator("[name='agency_returns.0.agency']").fill("humberside police")
    page.locator("[name='agency_returns.0.involvement']").fill("Written at the meeting.")
    page.locator("[name='case.child_age']").fill("8 years")

    page.locator("[data-add-returns]").set_input_files(return_files(tmp_path))
    message = page.locator("[data-add-returns-message]")
    expect(message).to_contain_text("Added 2 agencies: Grimsby Primary School and NHS Trust.")
    expect(message).to_contain_text("humberside police was already listed")
    rows = page.locator("[data-rows='agency_returns'] > [data-row]")
    expect(rows).to_have_count(3)
    expect(page.locator("[name='agency_returns.0.involvement']")).to_have_value(
        "Written at the meeting."
    )
    expect(page.locator("[name='agency_returns.0.key_points']")).to_have_value(
        re.compile("Police summary: investigation opened.")
    )
    expect(page.locator("[name='agency_returns.1.agency']")).to_have_value("Grimsby Primary School")
    expect(page.locator("[name='agency_returns.2.key_points']")).to_have_value(
        re.compile("Health summary: missed appointments.")
    )
    # The returns filled the blank case details, not the one typed.
    expect(page.locator("[name='case.child_initials']")).to_have_value("Z N")
    expect(page.locator("[name='case.child_age']")).to_have_value("8 years")
    expect(page.locator("[data-computed-for='key_dates.meeting_window']")).to_contain_text(
        "Friday 23 October 2026 to Monday 2 November 2026"
    )
    # The same files again add nobody twice.
    page.locator("[data-add-returns]").set_input_files(return_files(tmp_path))
    expect(message).to_contain_text("NHS Trust was already listed: nothing was changed.")
    expect(rows).to_have_count(3)

    # Complete the rest of the template.
    rest = {k: v for k, v in answers_of(RapidReview, RapidReview.example()).items()
            if not k.startswith("agency_returns.") and k != "case.child_age"}  # fmt: skip
    rest["decision.rationale"] = "Schools and social care did not share attendance concerns."
    fill(page, RapidReview, rest)
    expect(page.locator("[data-computed-for='key_dates.send_to_panel_by']")).to_have_text(
        "Friday 30 October 2026 (2 working days after the meeting on 28 October 2026)"
    )
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    expect(check).to_contain_text("Police summary: investigation opened.")
    expect(check.locator("[data-check-warnings]")).to_be_hidden()

    template = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the Rapid Review (PDF)"),
        tmp_path / "rr.pdf")))  # fmt: skip
    for words in ("OFFICIAL-SENSITIVE", "Rapid Review Template", "Written at the meeting.",
                  "Police summary: investigation opened.", "Health summary: missed appointments.",
                  "Friday 20 November 2026", "Ілля Коваленко", "Łukasz Żółć"):  # fmt: skip
        assert words in template, words

    letter = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the letter to the Panel (PDF)"),
        tmp_path / "letter.pdf")))  # fmt: skip
    for words in (
        "letter to the Child Safeguarding Practice Review Panel",
        "We have decided to carry out a local child safeguarding practice review.",
        "Our rationale: Schools and social care did not share attendance concerns.",
        "Z N, aged 8 years",
        "3: humberside police, Grimsby Primary School and NHS Trust)",
        "We have commissioned Nguyễn Thị Ánh as the reviewer.",
    ):
        assert words in letter, words

    notice = flat(read_pdf(download(
        page,
        check.get_by_role("button", name="Download the outcome notice for the agencies (PDF)"),
        tmp_path / "notice.pdf")))  # fmt: skip
    for words in (
        "Rapid Review outcome: notice to the agencies",
        "The safeguarding partners decided to carry out a local child safeguarding practice "
        "review.",
        "Why: Schools and social care did not share attendance concerns.",
        "humberside police, Grimsby Primary School and NHS Trust",
    ):
        assert words in notice, words
    expect(page.locator("[data-next-steps]")).to_contain_text("within 15 working days")

    saved = download(page, check.get_by_role("button", name="Download JSON"), tmp_path / "r.json")
    doc = engine.read_file(RapidReview, saved.read_text(encoding="utf-8"))
    model, errors = engine.check_document(RapidReview, doc)
    assert errors == []
    assert model is not None
    assert [r.agency for r in model.agency_returns] == [
        "humberside police", "Grimsby Primary School", "NHS Trust"]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("broken.json", b"{not json", "broken.json is not a saved form: it is not valid JSON"),
        ("referral.json", json.dumps({"form": "referral", "schema_version": 1}).encode(),
         "referral.json is a saved 'referral' form, not an Initial Scoping"),
        ("rr.json", json.dumps(RapidReview.example()).encode(),
         "rr.json is a saved 'rapid-review' form"),
        ("big.json", b" " * 1_000_001 + b"{}", "big.json is too big"),
        ("other.json", json.dumps({**example_return(), "case": {
            **example_return()["case"], "referral_reference": "NEL-2026-099"}}).encode(),
         "other.json is a return for referral NEL-2026-099, not NEL-2026-014"),
    ],
    ids=["broken", "wrong-kind", "rapid-review", "oversized", "other-case"],
)  # fmt: skip
def test_bad_returns_are_refused_and_lose_nothing(
    rapid: Page, tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    page = rapid
    page.locator("[name='case.referral_reference']").fill("NEL-2026-014")
    page.get_by_role("button", name="Add an agency").click()
    page.locator("[name='agency_returns.0.agency']").fill("Typed agency")
    page.locator("[name='agency_returns.0.key_points']").fill("Typed points")
    bad = tmp_path / name
    bad.write_bytes(content)
    page.locator("[data-add-returns]").set_input_files(bad)
    message = page.locator("[data-add-returns-message]")
    expect(message).to_contain_text(words)
    expect(message).to_contain_text("Nothing was added: your answers have not changed.")
    expect(message.locator(".cs-error-message")).to_have_count(1)
    expect(page.locator("[data-rows='agency_returns'] > [data-row]")).to_have_count(1)
    expect(page.locator("[name='agency_returns.0.key_points']")).to_have_value("Typed points")
    expect(page.locator("[name='case.referral_reference']")).to_have_value("NEL-2026-014")


def test_a_bad_file_among_good_ones_is_named_and_the_rest_added(
    rapid: Page, tmp_path: Path
) -> None:
    page = rapid
    bad = tmp_path / "notes.json"
    bad.write_text("not json", encoding="utf-8")
    page.locator("[data-add-returns]").set_input_files([*return_files(tmp_path)[:2], bad])
    message = page.locator("[data-add-returns-message]")
    expect(message).to_contain_text("Added 2 agencies")
    expect(message.locator(".cs-error-message")).to_have_text(
        "notes.json is not a saved form: it is not valid JSON."
    )
    expect(page.locator("[data-rows='agency_returns'] > [data-row]")).to_have_count(2)


# --------------------------------------------------------------------------------------
# starting from the referral
# --------------------------------------------------------------------------------------


def type_date(page: Page, name: str, day: str, month: str, year: str) -> None:
    page.locator(f"[name='{name}-day']").fill(day)
    page.locator(f"[name='{name}-month']").fill(month)
    page.locator(f"[name='{name}-year']").fill(year)


def test_checker_to_referral_to_rapid_review(page: Page, tmp_path: Path, axe: Axe) -> None:
    """A designated lead checks the criteria and starts a referral from it; the business unit
    opens the saved referral on the Rapid Review Template. Section 6's circumstances come from
    the checker's answers, including the one the referral form does not ask (an institutional
    setting); the child is named by initials and age only."""
    page.goto("tools/criteria-checker/")
    wait_ready(page)
    answer(page, {"abuse_or_neglect": "suspected", "harm": "seriously_harmed",
                  "incident_location": "in_area", "looked_after": "no",
                  "child_protection_plan": "none", "educated_otherwise_than_at_school": "yes",
                  "institutional_setting": "yes", "abuse_types": ["physical"]})  # fmt: skip
    page.get_by_role("button", name="Start a referral with these answers").click()
    wait_ready(page)
    expect(page.locator("[data-checker-outcome]")).to_be_visible()
    page.locator("[name='child.first_names']").fill("Zoë Ann")
    page.locator("[name='child.last_name']").fill("Nguyễn-Smith")
    type_date(page, "child.date_of_birth", "9", "3", "2018")
    page.locator("[name='child.gender'][value='female']").check()
    type_date(page, "incident.date", "14", "11", "2026")
    type_date(page, "referrer.referral_date", "18", "11", "2026")
    page.get_by_role("button", name="Add an agency").click()
    page.locator("[name='agencies.0.agency']").fill("Humberside Police")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save as file").click()
    referral = tmp_path / "referral.json"
    saved.value.save_as(referral)

    page.goto(RAPID)
    wait_ready(page)
    page.locator("[name='case.child_age']").fill("8 years")
    page.locator("[data-from-referral]").set_input_files(referral)
    message = page.locator("[data-from-referral-message]")
    expect(message).to_contain_text("Filled in the child's initials, the child's gender")
    expect(message).to_contain_text("Kept what you had written for the child's age.")
    expect(message).to_contain_text("Listed the agency the referral names: Humberside Police.")
    expect(message).to_contain_text(
        "shown by the criteria checker's answers in the referral and the referral's own answers"
    )
    expect(page.locator("[name='case.child_initials']")).to_have_value("Z A N-S")
    expect(page.locator("[name='case.child_age']")).to_have_value("8 years")
    expect(page.locator("[name='case.gender'][value='female']")).to_be_checked()
    expect(page.locator("[name='case.incident_date-day']")).to_have_value("14")
    expect(page.locator("[name='case.referral_date-year']")).to_have_value("2026")
    circumstances = page.locator("[name='criteria.national_circumstances']")
    for value, checked in (("educated_otherwise_than_at_school", True),
                           ("institutional_setting", True),
                           ("in_care_or_child_protection_plan", False),
                           ("range_of_abuse_types", False)):  # fmt: skip
        box = circumstances.and_(page.locator(f"[value='{value}']"))
        expect(box).to_be_checked() if checked else expect(box).not_to_be_checked()
    expect(page.locator("[name='agency_returns.0.agency']")).to_have_value("Humberside Police")
    # The key dates follow from the referral date the core filled in.
    expect(page.locator("[data-computed-for='key_dates.meeting_window']")).to_contain_text(
        "Friday 27 November 2026"
    )
    # No name crossed over, and the draft kept what was filled in.
    values = page.evaluate("[...document.querySelectorAll('input, textarea')].map(e => e.value)")
    assert not any("Nguy" in v or "Zoë" in v for v in values)
    wait_until(page, "(localStorage.getItem('csprcore-draft-rapid-review') || '')"
                     ".includes('Z A N-S')")  # fmt: skip
    assert axe(page) == []


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("broken.json", b"{not json", "broken.json is not a saved form: it is not valid JSON"),
        ("return.json", engine.write_json(example_return()).encode(),
         "return.json is a saved 'scoping-return' form, not a Serious Child Safeguarding"),
        ("other.json", engine.write_json(Referral.example()).encode(),
         "other.json is a referral about a child with the initials Z N, not A B"),
    ],
    ids=["broken", "wrong-kind", "another-child"],
)  # fmt: skip
def test_a_bad_referral_file_is_refused_and_loses_nothing(
    rapid: Page, tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    page = rapid
    page.locator("[name='case.child_initials']").fill("A B")
    page.locator("[name='case.ethnicity']").fill("Typed by me")
    bad = tmp_path / name
    bad.write_bytes(content)
    page.locator("[data-from-referral]").set_input_files(bad)
    message = page.locator("[data-from-referral-message] .cs-error-message")
    expect(message).to_contain_text(words)
    expect(message).to_contain_text("Your answers have not changed.")
    expect(page.locator("[name='case.child_initials']")).to_have_value("A B")
    expect(page.locator("[name='case.ethnicity']")).to_have_value("Typed by me")
    expect(page.locator("[name='case.gender']:checked")).to_have_count(0)


def test_scoping_return_fills_from_the_referral(scoping: Page, tmp_path: Path) -> None:
    page = scoping
    referral = tmp_path / "referral.json"
    referral.write_text(engine.write_json(Referral.example()), encoding="utf-8")
    page.locator("[data-from-referral]").set_input_files(referral)
    expect(page.locator("[data-from-referral-message]")).to_have_text(
        "Filled in the child's initials, the child's age and the date of the referral from the "
        "referral."
    )
    expect(page.locator("[name='case.child_initials']")).to_have_value("Z N")
    expect(page.locator("[name='case.child_age']")).to_have_value("8")
    expect(page.locator("[data-computed-for='case.return_by']")).to_contain_text(
        "Wednesday 25 November 2026"
    )


def test_meeting_outside_the_window_is_a_visible_warning(rapid: Page, axe: Axe) -> None:
    page = rapid
    for name, (d, m, y) in (("case.referral_date", ("14", "10", "2026")),
                            ("case.meeting_date", ("4", "11", "2026"))):  # fmt: skip
        page.locator(f"[name='{name}-day']").fill(d)
        page.locator(f"[name='{name}-month']").fill(m)
        page.locator(f"[name='{name}-year']").fill(y)
    warning = page.locator("[data-form-warning='case.meeting_date']")
    expect(warning).to_contain_text(
        "The meeting is 15 working days after the referral; Appendix 1 sets it between 7 "
        "and 13 working days (23 October 2026 to 2 November 2026)"
    )
    # Beside its field, and read as a warning by assistive technology.
    expect(page.locator("[data-field='case-meeting_date'] [data-form-warning]")).to_have_count(1)
    expect(warning.locator(".cs-visually-hidden")).to_have_text("Warning: ")
    assert axe(page) == []
    # A warning never blocks: complete the form and check the answers.
    skip = ("case.referral_date", "case.meeting_date", "sign_off.")
    rest = {k: v for k, v in answers_of(RapidReview, RapidReview.example()).items()
            if not k.startswith(skip)}  # fmt: skip
    fill(page, RapidReview, rest)
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    expect(check.locator("[data-check-warnings]")).to_contain_text(
        "The meeting is 15 working days after the referral"
    )
    # Moving the meeting into the window takes the warning away.
    page.get_by_role("button", name="Back to the form").click()
    page.locator("[name='case.meeting_date-day']").fill("28")
    page.locator("[name='case.meeting_date-month']").fill("10")
    expect(warning).to_have_count(0)


def test_rapid_review_axe_in_each_state(rapid: Page, axe: Axe, tmp_path: Path) -> None:
    page = rapid
    assert axe(page) == []
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the child's initials")
    expect(summary).to_contain_text("Select the safeguarding partners' decision on a local review")
    assert axe(page) == []
    page.locator("[data-add-returns]").set_input_files(return_files(tmp_path))
    expect(page.locator("[data-add-returns-message]")).to_contain_text("Added 3 agencies")
    assert axe(page) == []
    rest = {k: v for k, v in answers_of(RapidReview, RapidReview.example()).items()
            if not k.startswith("agency_returns.")}  # fmt: skip
    fill(page, RapidReview, rest)
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-check-view]")).to_be_visible()
    assert axe(page) == []
    # "Change" returns to the field, and back.
    page.locator("[data-check-view]").get_by_role("link", name="Change child's age").click()
    expect(page.locator("#case-child_age")).to_be_focused()


def test_works_offline(sw_context: BrowserContext, served_copy: tuple[Path, str],
                       tmp_path: Path) -> None:  # fmt: skip
    _, base = served_copy
    page = sw_context.new_page()
    page.goto(base + RAPID)
    wait_ready(page)
    wait_for_precache(page)
    sw_context.set_offline(True)
    page.goto(base + SCOPING)
    wait_ready(page)
    page.locator("[name='case.referral_date-day']").fill("14")
    page.locator("[name='case.referral_date-month']").fill("10")
    page.locator("[name='case.referral_date-year']").fill("2026")
    expect(page.locator("[data-computed-for='case.return_by']")).to_contain_text(
        "Wednesday 21 October 2026"
    )
    page.goto(base + RAPID)
    wait_ready(page)
    saved = tmp_path / "rr.json"
    saved.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    page.locator("[data-open-file]").set_input_files(saved)
    expect(page.locator("[data-file-message]")).to_contain_text("Opened rr.json")
    page.locator("[data-add-returns]").set_input_files(return_files(tmp_path)[2:])
    expect(page.locator("[data-add-returns-message]")).to_contain_text("Added 1 agency: NHS")
    page.get_by_role("button", name="Check your answers").click()
    letter = read_pdf(download(
        page, page.get_by_role("button", name="Download the letter to the Panel (PDF)"),
        tmp_path / "letter.pdf"))  # fmt: skip
    assert "We have decided to carry out a local child safeguarding" in flat(letter)


def test_names_dates_and_editable_copies_on_the_rapid_review(
    rapid: Page, tmp_path: Path, axe: Axe
) -> None:
    """A Rapid Review filled in from the referral keeps its names out of the letters: a first
    name typed into a free-text box stops the letter, naming the box, until the user removes
    it or makes it anyway. The letter carries the date typed for it, and every document has
    its editable copy beside its PDF."""
    import io

    import odfdo

    page = rapid
    fill(page, RapidReview, answers_of(RapidReview, RapidReview.example()))
    referral = tmp_path / "referral.json"
    referral.write_text(json.dumps(Referral.example()), encoding="utf-8")
    page.locator("[data-from-referral]").set_input_files(referral)
    expect(page.locator("[data-from-referral-message]")).to_contain_text("Listed the agency")
    first = Referral.example()["child"]["first_names"]
    box = page.locator("[name='actions.immediate_actions']")
    box.fill(f"Keep {first} with the grandmother.")
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    type_date(page, "letter_date", "2", "11", "2026")

    letter_button = check.get_by_role("button", name="Download the letter to the Panel (PDF)")
    letter_button.click()
    warning = check.locator("[data-names-warning]")
    expect(warning).to_be_visible()
    expect(warning).to_be_focused()
    expect(warning.locator("li")).to_have_text(
        "\u2018Immediate actions agreed\u2019 holds a name the referral gives for the child or "
        "their family (word 2): use initials instead."
    )
    assert axe(page) == []
    made = download(page, warning.get_by_role("button", name="Make it anyway"), tmp_path / "l.pdf")
    assert f"Keep {first}" in flat(read_pdf(made))
    expect(warning).to_be_hidden()

    # With initials instead, the letter and its editable copy are made at once.
    check.get_by_role("button", name="Back to the form").click()
    box.fill("Keep Z N with the grandmother.")
    page.get_by_role("button", name="Check your answers").click()
    with page.expect_download() as info:
        check.get_by_role("button", name="Download the letter to the Panel (editable, ODT)").click()
    assert info.value.suggested_filename == "NEL-2026-014-rapid-review-letter-2026-11-02.odt"
    path = tmp_path / "letter.odt"
    info.value.save_as(path)
    text = odfdo.Document(io.BytesIO(path.read_bytes())).body.text_recursive
    assert "2 November 2026" in text and "Keep Z N with the grandmother." in text
    assert "Dear Panel members," in text
    expect(warning).to_be_hidden()

    # An impossible date on the letters is said beside it, in this view, not in the form's
    # error summary; the form's answers and the check view stay as they were.
    type_date(page, "letter_date", "31", "2", "2026")
    letter_button.click()
    expect(check.locator("[data-export-message]")).to_contain_text(
        "The date of the letter must be a real date"
    )
    expect(check).to_be_visible()
    expect(page.locator("[name='letter_date-day']")).to_be_focused()
    expect(page.locator("[data-error-summary]")).to_be_hidden()
