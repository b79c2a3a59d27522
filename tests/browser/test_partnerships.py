"""The active partnership's names and timescales reach every output of the built site.

These checks read the profile the site was built from (``CSPR_PARTNERSHIP``) and never
North East Lincolnshire's words, so they hold for any partnership: ``make test`` runs them
on North East Lincolnshire's site and on the example partnership's (``test-partnerships``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import icalendar
from playwright.sync_api import Page, expect

from csprcore.forms import engine
from csprcore.forms.rapid_review import RapidReview
from csprcore.partnership import current
from csprcore.rules.calendar import add_working_days
from csprcore.rules.timescales import amount, meeting_window, meeting_window_words, working_days

from .form_fill import fill
from .test_appendix_templates import download, flat
from .test_deadline_calculator import type_date
from .test_referral_form import read_pdf
from .test_runtime import wait_ready

PROFILE = current()
REFERRAL = date(2026, 10, 14)  # a Wednesday, clear of bank holidays for a few weeks


def test_the_site_is_the_partnerships(page: Page) -> None:
    page.goto("./")
    expect(page.locator("footer")).to_contain_text(PROFILE.name)
    procedure = [page.title for page in PROFILE.procedure]
    page.goto(f"procedure/{PROFILE.procedure[0].slug}/")
    nav = page.locator("nav.md-nav--primary")
    for title in procedure:
        expect(nav.get_by_text(title, exact=True).first).to_be_attached()


def test_a_checker_reason_names_the_local_authority_and_its_groups(page: Page) -> None:
    page.goto("tools/criteria-checker/")
    wait_ready(page)
    for key, value in (("abuse_or_neglect", "suspected"), ("harm", "died"),
                       ("incident_location", "in_area")):  # fmt: skip
        page.locator(f'#criteria-form input[name="{key}"][value="{value}"]').check()
    expect(page.locator("#criteria-form")).to_contain_text(f"In {PROFILE.area}")
    reasons = page.locator('[data-conclusion="la_must_notify_panel"] [data-reasons]')
    expect(reasons).to_contain_text(f"{PROFILE.local_authority} must notify")
    rapid = page.locator('[data-conclusion="rapid_review"] [data-reasons]')
    expect(rapid).to_contain_text(f"The {PROFILE.group('review').name} arranges a Rapid Review")
    expect(rapid).to_contain_text(meeting_window_words())


def test_a_deadline_and_the_calendar_file_follow_the_profile(page: Page, tmp_path: Path) -> None:
    page.goto("tools/deadline-calculator/")
    wait_ready(page)
    type_date(page, "referral", REFERRAL.isoformat())
    first, last = meeting_window()
    earliest, latest = add_working_days(REFERRAL, first), add_working_days(REFERRAL, last)
    row = page.locator('[data-milestone="rapid_review_meeting"]')
    expect(row).to_have_attribute("data-earliest", earliest.isoformat(), timeout=30_000)
    expect(row).to_have_attribute("data-latest", latest.isoformat())
    sent = add_working_days(REFERRAL, amount("scoping_template_sent"))
    expect(page.locator('[data-milestone="scoping_template_sent"]')).to_have_attribute(
        "data-due", sent.isoformat()
    )
    button = page.get_by_role("button", name=re.compile("calendar", re.I))
    path = download(page, button, tmp_path / "deadlines.ics")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert PROFILE.name in str(cal["PRODID"])
    starts = {e["DTSTART"].dt for e in cal.walk("VEVENT")}
    assert earliest in starts and sent in starts


def test_the_rapid_review_warns_against_the_partnerships_window(page: Page, tmp_path: Path) -> None:
    page.goto("tools/rapid-review/")
    wait_ready(page)
    doc = RapidReview.example()
    meeting = date.fromisoformat(doc["case"]["meeting_date"])
    # One working day past the partnership's latest day for the meeting.
    referral = add_working_days(meeting, -(meeting_window()[1] + 1))
    doc["case"]["referral_date"] = referral.isoformat()
    doc["case"]["incident_date"] = add_working_days(referral, -3).isoformat()
    answers = engine.document_to_answers(RapidReview, doc)
    fill(page, RapidReview, answers)
    warning = page.locator("[data-form-warning='case.meeting_date']")
    expect(warning).to_contain_text(
        f"The meeting is {working_days(meeting_window()[1] + 1)} after the referral"
    )
    expect(warning).to_contain_text(f"sets it {meeting_window_words()}")
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    letter = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the letter to the Panel (PDF)"),
        tmp_path / "letter.pdf")))  # fmt: skip
    assert f"The {PROFILE.area} safeguarding partners" in letter
    template = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the Rapid Review (PDF)"),
        tmp_path / "rr.pdf")))  # fmt: skip
    window = f"{meeting_window()[0]} to {meeting_window()[1]} working days after the referral"
    assert window in template


def test_the_referral_form_carries_the_partnerships_title(page: Page) -> None:
    page.goto("tools/referral-form/")
    wait_ready(page)
    expect(page.locator("main")).to_contain_text(PROFILE.referral_form_title)
    expect(page.locator("main")).to_contain_text(
        f"within {working_days(amount('scoping_template_sent'))} of the referral"
    )


def test_the_appendix_picture_is_drawn_from_the_timescales(page: Page) -> None:
    first, last = meeting_window()
    end = last + amount("rapid_review_to_panel")
    page.goto(f"procedure/{PROFILE.page_of('appendix-1').slug}/")
    figure = page.locator("#rapid-review-timeline")
    days = figure.locator("g.dg-day text").all_text_contents()
    assert days == [str(d) for d in range(end + 1)]
    expect(figure.locator("desc")).to_contain_text(f"from day {first} to day {last}")
    expect(figure.locator("title")).to_contain_text(f"working days 0 to {end}")
