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
from csprcore.partnership.names import COUNCIL_START
from csprcore.rules.calendar import add_working_days
from csprcore.rules.timescales import (
    AFTER_WORDS,
    TIMESCALES_BY_ID,
    by_role,
    meeting,
    meeting_counted_from,
    meeting_window,
    meeting_window_words,
    role_words,
    within_words,
    working_days,
)

from .form_fill import fill
from .test_appendix_templates import download, flat
from .test_deadline_calculator import type_date
from .test_referral_form import read_pdf
from .test_runtime import wait_ready

PROFILE = current()
REFERRAL = date(2026, 10, 14)  # a Wednesday, clear of bank holidays for a few weeks
#: The event the partnership's meeting counts from: the referral or the notification.
START = meeting_counted_from()
#: The calculator's input for it.
START_INPUT = {"referral": "referral", "notified": "notified"}[START]


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
    expect(reasons).to_contain_text(f"{COUNCIL_START} must notify")
    for council in PROFILE.local_authorities:
        expect(reasons).to_contain_text(council)
    rapid = page.locator('[data-conclusion="rapid_review"] [data-reasons]')
    expect(rapid).to_contain_text(f"The {PROFILE.group('review').name} arranges a Rapid Review")
    expect(rapid).to_contain_text(meeting_window_words())


def test_a_deadline_and_the_calendar_file_follow_the_profile(page: Page, tmp_path: Path) -> None:
    page.goto("tools/deadline-calculator/")
    wait_ready(page)
    type_date(page, START_INPUT, REFERRAL.isoformat())
    first, last = meeting_window()
    earliest, latest = add_working_days(REFERRAL, first), add_working_days(REFERRAL, last)
    row = page.locator(f'[data-milestone="{meeting().id}"]')
    expect(row).to_have_attribute("data-earliest", earliest.isoformat(), timeout=30_000)
    expect(row).to_have_attribute("data-latest", latest.isoformat())
    scoping = by_role("scoping_sent")
    assert scoping is not None
    sent = add_working_days(REFERRAL, scoping.counts[0].amount)
    expect(page.locator(f'[data-milestone="{scoping.id}"]')).to_have_attribute(
        "data-due", sent.isoformat()
    )
    # Every step of the partnership's own timetable is on the page, under its own id.
    for step in PROFILE.steps:
        expect(page.locator(f'[data-milestone="{step.id}"]')).to_be_attached()
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
    start = add_working_days(meeting, -(meeting_window()[1] + 1))
    doc["case"]["referral_date"] = doc["case"]["la_notification_date"] = start.isoformat()
    doc["case"]["la_aware_date"] = start.isoformat()
    doc["case"]["incident_date"] = add_working_days(start, -3).isoformat()
    answers = engine.document_to_answers(RapidReview, doc)
    fill(page, RapidReview, answers)
    warning = page.locator("[data-form-warning='case.meeting_date']")
    expect(warning).to_contain_text(
        f"The meeting is {working_days(meeting_window()[1] + 1)} after {AFTER_WORDS[START]}"
    )
    expect(warning).to_contain_text(f"sets it {meeting_window_words()}")
    page.get_by_role("button", name="Check your answers").click()
    check = page.locator("[data-check-view]")
    expect(check).to_be_visible()
    letter = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the letter to the Panel (PDF)"),
        tmp_path / "letter.pdf")))  # fmt: skip
    assert f"The safeguarding partners for {PROFILE.area}" in letter
    for partner in PROFILE.safeguarding_partners:
        assert partner.organisation in letter
    template = flat(read_pdf(download(
        page, check.get_by_role("button", name="Download the Rapid Review (PDF)"),
        tmp_path / "rr.pdf")))  # fmt: skip
    assert role_words("meeting") in template


def test_the_referral_form_carries_the_partnerships_title(page: Page) -> None:
    page.goto("tools/referral-form/")
    wait_ready(page)
    expect(page.locator("main")).to_contain_text(PROFILE.referral_form_title)
    scoping = by_role("scoping_sent")
    assert scoping is not None
    expect(page.locator("main")).to_contain_text(within_words(scoping))


def test_the_appendix_picture_is_drawn_from_the_timescales(page: Page) -> None:
    first, last = meeting_window()
    page.goto(f"procedure/{PROFILE.page_of('appendix-1').slug}/")
    figure = page.locator("#rapid-review-timeline")
    days = figure.locator("g.dg-day text").all_text_contents()
    end = int(days[-1])
    assert days == [str(d) for d in range(end + 1)]
    expect(figure.locator("desc")).to_contain_text(f"from day {first} to day {last}")
    expect(figure.locator("title")).to_contain_text(f"working days 0 to {end}")
    # Every step is named in the picture's description; the national deadline is there too.
    for step in PROFILE.steps:
        if step.role != "meeting":
            expect(figure.locator("desc")).to_contain_text(step.name)
    expect(figure.locator("desc")).to_contain_text(TIMESCALES_BY_ID["rapid_review_national"].source)


def test_no_word_of_another_partnership_reaches_the_site(site_dir: Path) -> None:
    """Another partnership's document names, groups and places never reach this one's pages:
    every profile in the repository but this one is read for its own words."""
    root = Path(__file__).resolve().parents[2] / "partnerships"
    from csprcore.partnership import load

    others = [load(f) for f in sorted(root.iterdir()) if (f / "partnership.yml").exists()]
    words = {w for o in others if o.name != PROFILE.name for w in (
        *o.documents.values(), o.business_unit, o.area, *o.local_authorities,
        *(g.name for g in o.groups.values()))}  # fmt: skip
    words -= {PROFILE.area, *PROFILE.documents.values(), PROFILE.business_unit}
    # North East Lincolnshire's police force, which its examples once named everywhere.
    if not PROFILE.directory.endswith("north-east-lincolnshire"):
        words.add("Humberside")
    found = {}
    for page in site_dir.rglob("*.html"):
        if page.relative_to(site_dir).as_posix() == "about/set-up/index.html":
            continue  # the set-up page names the project's example partnership on purpose
        text = page.read_text(encoding="utf-8")
        hits = [w for w in words if w in text]
        if hits:
            found[str(page.relative_to(site_dir))] = hits
    assert found == {}
