"""The deadline calculator page in Chromium: dates typed in the boxes give the same
milestones as ``csprcore deadlines --json``; the calendar file parses and carries every
milestone; bad input gets GOV.UK errors that keep what was typed; closure days count; the
picture says what it shows; axe-core finds nothing; it works offline and by keyboard alone.

Run ``make build`` first. Each test loads Pyodide (several seconds), so related checks share
a page.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import ROOT
from .test_runtime import served_copy, sw_context, wait_for_precache, wait_ready

# North East Lincolnshire's pages, dates and words: run with its profile only (tests/conftest.py);
# test_partnerships.py checks any partnership's outputs.
pytestmark = pytest.mark.nel

__all__ = ["served_copy", "sw_context"]  # fixtures, used by name below

PATH = "tools/deadline-calculator/"
CLI = ROOT / ".venv" / "bin" / "csprcore"
EVENTS = ("aware", "referral", "meeting", "sent-to-panel", "decision", "publication")

CHRISTMAS_2026 = {"aware": "2026-12-18", "referral": "2026-12-18"}
EASTER_2027 = {"aware": "2027-03-22", "referral": "2027-03-24"}
ALL_SIX = {
    "aware": "2026-12-18",
    "referral": "2026-12-18",
    "meeting": "2027-01-08",
    "sent-to-panel": "2027-01-12",
    "decision": "2027-02-01",
    "publication": "2027-07-30",
}

Axe = Callable[[Page], list[dict[str, Any]]]

#: Waits that follow the rule core's answer: generous, as browser tests may share the CPU.
SLOW = 20_000


def cli_milestones(events: dict[str, str], *extra: str) -> list[dict[str, Any]]:
    args = [str(CLI), "deadlines", "--json", *extra]
    for event, iso in events.items():
        args += [f"--{event}", iso]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    milestones: list[dict[str, Any]] = json.loads(out)["milestones"]
    return milestones


def type_date(page: Page, field: str, iso: str) -> None:
    """Type a date into the three boxes as a person would write it: 8 1 2027."""
    year, month, day = iso.split("-")
    page.fill(f"#{field}-day", str(int(day)))
    page.fill(f"#{field}-month", str(int(month)))
    page.fill(f"#{field}-year", year)


def type_boxes(page: Page, field: str, day: str, month: str, year: str) -> None:
    page.fill(f"#{field}-day", day)
    page.fill(f"#{field}-month", month)
    page.fill(f"#{field}-year", year)


def clear_dates(page: Page) -> None:
    for event in EVENTS:
        type_boxes(page, event, "", "", "")


def enter(page: Page, events: dict[str, str]) -> None:
    clear_dates(page)
    for event, iso in events.items():
        type_date(page, event, iso)


ROWS_JS = """() => [...document.querySelectorAll('[data-milestone]')].map(tr => ({
    id: tr.dataset.milestone,
    due: tr.dataset.due, earliest: tr.dataset.earliest, latest: tr.dataset.latest,
    label: tr.querySelector('th').textContent,
    basis: tr.querySelector('.cs-deadlines__basis > span').textContent,
    href: tr.querySelector('.cs-deadlines__section a').getAttribute('href'),
    date: tr.querySelector('.cs-deadlines__date').textContent,
    status: tr.dataset.status,
    status_text: tr.querySelector('.cs-deadlines__status').textContent,
    note: tr.querySelector('.cs-deadlines__note')?.textContent ?? null,
}))"""


def dates_of(milestones: list[dict[str, Any]]) -> list[list[Any]]:
    return [[m["id"], m.get("due"), m.get("earliest"), m.get("latest")] for m in milestones]


def wait_for_dates(page: Page, expected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Until the table shows exactly these milestones on these dates; then its rows."""
    page.wait_for_function(
        """expected => JSON.stringify([...document.querySelectorAll('[data-milestone]')]
            .map(tr => [tr.dataset.milestone, tr.dataset.due ?? null,
                        tr.dataset.earliest ?? null, tr.dataset.latest ?? null]))
            === JSON.stringify(expected)""",
        arg=dates_of(expected),
        timeout=SLOW,
    )
    rows: list[dict[str, Any]] = page.evaluate(ROWS_JS)
    return rows


def open_calculator(page: Page, today: datetime | None = None) -> None:
    if today is not None:
        page.clock.install(time=today)
    page.goto(PATH)


# --- the same milestones as the CLI ---------------------------------------------------------


def test_dates_typed_give_the_same_milestones_as_the_cli(page: Page) -> None:
    open_calculator(page)
    # Typing works before the core is ready; the results follow once it is.
    expect(page.locator("#csprcore-tool")).to_have_attribute(
        "data-core-state", "loading", timeout=SLOW
    )
    for n, events in enumerate((CHRISTMAS_2026, EASTER_2027, ALL_SIX)):
        enter(page, events)
        if n == 0:
            wait_ready(page)
        expected = cli_milestones(events)
        rows = wait_for_dates(page, expected)
        for row, m in zip(rows, expected, strict=True):
            assert row["label"] == m["label"]
            assert row["basis"] == m["basis"]
            assert row["href"] == f"../../procedure/{m['cite']}/#{m['cite']}"
            if m.get("note"):
                assert m["note"] in row["note"]
    # Christmas 2026: counted across the holidays, and said so.
    notify = cli_milestones(CHRISTMAS_2026)[0]
    assert notify["due"] == "2026-12-29"
    assert (
        "skips 25 and 28 December: Christmas Day, Boxing Day (substitute day)" in (notify["basis"])
    )
    # All six: the dates in words with their weekday, and Appendix 1's reading stated.
    rows = page.evaluate(ROWS_JS)
    by_id = {r["id"]: r for r in rows}
    assert by_id["panel_decision"]["date"] == "Tuesday 2 February 2027"
    assert "We count 2 working days" in by_id["rapid_review_to_panel"]["note"]
    assert by_id["rapid_review_meeting"]["date"] == (
        "Between Thursday 31 December 2026 and Monday 11 January 2027"
    )
    # The bank holidays in the period, listed; the dates used, listed.
    holidays = page.locator("[data-bank-holidays] li")
    expect(holidays.first).to_have_text("Friday 25 December 2026: Christmas Day", timeout=SLOW)
    expect(page.locator("[data-events-used] li")).to_have_count(6, timeout=SLOW)


def test_part_of_the_dates_says_which_date_would_unlock_the_rest(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    type_date(page, "referral", "2026-12-18")
    wait_for_dates(page, cli_milestones({"referral": "2026-12-18"}))
    unlock = page.locator("[data-unlock-block]")
    expect(unlock).to_be_visible(timeout=SLOW)
    expect(unlock).to_contain_text(
        "Enter the date the local authority became aware of the incident to work out:", timeout=SLOW
    )
    expect(unlock).to_contain_text("Local authority notifies the Child Safeguarding", timeout=SLOW)
    # Without a meeting date, the Panel deadline counts from the referral, and says why.
    note = page.locator("[data-milestone=rapid_review_to_panel] .cs-deadlines__note")
    expect(note).to_contain_text("as that date is not known yet", timeout=SLOW)


# --- the picture and statuses ---------------------------------------------------------------


def test_statuses_shown_in_words_and_in_the_picture(page: Page) -> None:
    open_calculator(page, today=datetime(2027, 1, 12, 10, 0))
    wait_ready(page)
    enter(page, CHRISTMAS_2026)
    rows = wait_for_dates(page, cli_milestones(CHRISTMAS_2026))
    status = {r["id"]: (r["status"], r["status_text"]) for r in rows}
    assert status["notify_panel"] == ("past", "Date has passed")
    assert status["rapid_review_meeting"] == ("overdue", "Overdue")
    assert status["rapid_review_to_panel"] == ("due_soon", "Due within 2 working days")
    cli = {m["id"]: m["status"] for m in cli_milestones(CHRISTMAS_2026, "--today", "2027-01-12")}
    assert {r["id"]: r["status"] for r in rows} == cli

    svg = page.locator("[data-timeline] svg")
    expect(svg).to_have_attribute("role", "img", timeout=SLOW)
    expect(svg).to_have_accessible_name("Timeline of the deadlines", timeout=SLOW)
    description = svg.locator("desc").text_content() or ""
    assert "6. Rapid Review meeting held: between" in description
    assert "overdue" in description and "date has passed" in description
    assert "Today, Tuesday 12 January 2027, is outlined" in description
    assert svg.locator(".cs-timeline__marker--overdue").count() == 2  # both ends of the window
    assert svg.locator(".cs-timeline__marker--past").count() >= 5
    assert "Today" in (svg.text_content() or "")
    assert "Bank hol." in (svg.text_content() or "")
    # The status line says how many are overdue.
    expect(page.locator("[data-results-status]")).to_contain_text(
        "1 is overdue. 1 is due within 2 working days.", timeout=SLOW
    )


# --- the calendar file ----------------------------------------------------------------------


def test_add_to_calendar_downloads_every_milestone(page: Page, tmp_path: Path) -> None:
    open_calculator(page)
    wait_ready(page)
    enter(page, ALL_SIX)
    expected = cli_milestones(ALL_SIX)
    wait_for_dates(page, expected)
    button = page.get_by_role("button", name=re.compile("calendar", re.I))
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "cspr-deadlines-2026-12-18.ics"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    assert len(events) == len(expected) == 12
    for m in expected:
        (event,) = [e for e in events if str(e["UID"]).startswith(m["id"] + "-")]
        start = m.get("due", m.get("earliest"))
        assert event["DTSTART"].dt.isoformat() == start
        assert m["label"] in str(event["SUMMARY"])
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"


# --- bad input --------------------------------------------------------------------------------

BAD_INPUT = [
    # (what is typed, the field in error, its message)
    (
        {"referral": ("30", "2", "2027")},
        "referral",
        "The date the referral was received must be a real date",
    ),
    (
        {"referral": ("18", "12", "2026"), "meeting": ("17", "12", "2026")},
        "meeting",
        "The Rapid Review meeting must be the same as or after the referral",
    ),
    (
        {"aware": ("2", "6", "2026"), "referral": ("1", "6", "2026")},
        "referral",
        "The date the referral was received must be the same as or after the date the local "
        "authority became aware of the incident",
    ),
    (
        {"decision": ("1", "2", "2027"), "publication": ("1", "1", "2027")},
        "publication",
        "The publication date must be after the decision to initiate a review",
    ),
    (
        {"aware": ("18", "12", "2150")},
        "aware",
        "The date the local authority became aware of the incident must be between 2000 and 2099",
    ),
    (
        {"sent-to-panel": ("12", "", "2027")},
        "sent-to-panel",
        "The date the Rapid Review was sent to the Panel must include a month",
    ),
]


def test_bad_input_gets_an_error_summary_and_keeps_what_was_typed(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    summary = page.locator("[data-error-summary]")
    for typed, field, message in BAD_INPUT:
        clear_dates(page)
        # Good results first, so we can see them withdrawn.
        type_date(page, "aware", "2026-06-01")
        expect(page.locator("[data-milestone]").first).to_be_visible(timeout=SLOW)
        for name, parts in typed.items():
            type_boxes(page, name, *parts)
        page.get_by_role("button", name="Work out deadlines").click()

        expect(summary).to_be_visible(timeout=SLOW)
        expect(summary.get_by_role("heading")).to_have_text("There is a problem", timeout=SLOW)
        expect(summary).to_be_focused(timeout=SLOW)
        link = summary.get_by_role("link", name=message)
        expect(link).to_have_attribute("href", f"#{field}-day", timeout=SLOW)
        at_field = page.locator(f"[data-error-for='{field}']")
        expect(at_field).to_be_visible(timeout=SLOW)
        expect(at_field).to_contain_text(message, timeout=SLOW)
        expect(page.locator(f"#{field}-day")).to_have_attribute(
            "aria-invalid", "true", timeout=SLOW
        )
        # Nothing wrong is left showing.
        expect(page.locator("[data-milestone]")).to_have_count(0, timeout=SLOW)
        expect(page.locator("[data-results-status]")).to_contain_text(
            "There is a problem", timeout=SLOW
        )
        # Everything typed stays.
        for name, (day, month, year) in typed.items():
            expect(page.locator(f"#{name}-day")).to_have_value(day, timeout=SLOW)
            expect(page.locator(f"#{name}-month")).to_have_value(month, timeout=SLOW)
            expect(page.locator(f"#{name}-year")).to_have_value(year, timeout=SLOW)
        expect(page.locator("#aware-day")).to_have_value(
            typed.get("aware", ("1",))[0], timeout=SLOW
        )
        # The link takes you to the first box of the date.
        link.click()
        expect(page.locator(f"#{field}-day")).to_be_focused(timeout=SLOW)
    # Correcting the date clears the problem and brings the results back.
    clear_dates(page)
    type_date(page, "aware", "2026-06-01")
    expect(summary).to_be_hidden(timeout=SLOW)
    expect(page.locator("[data-milestone=notify_panel]")).to_have_attribute(
        "data-due", "2026-06-08", timeout=SLOW
    )


def test_a_step_past_2099_is_named_and_the_rest_are_worked_out(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    warnings = page.locator("[data-warnings] .cs-warning-text__text")
    # Christmas 2099: five steps fit in the calendar, two run into 2100.
    events = {"aware": "2099-12-20", "referral": "2099-12-20"}
    enter(page, events)
    rows = wait_for_dates(page, cli_milestones(events))
    assert len(rows) == 5
    expect(warnings).to_have_text(
        [
            "Warning: The latest date for the step \u201cRapid Review meeting held\u201d is after "
            "2099, the last year "
            "this calculator knows",
            "Warning: The date for the step \u201cRapid Review Template and accompanying letter "
            "sent to the Panel; agencies told the outcome\u201d is after 2099, the last "
            "year this calculator knows",
        ],
        timeout=SLOW,
    )
    expect(page.locator("[data-results-status]")).to_have_text(
        "5 milestones worked out from 2 dates. 2 could not be worked out: they fall outside "
        "the years this calculator knows.",
        timeout=SLOW,
    )
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    # The only date given counts to a step past 2099: no table, but the warning says why.
    enter(page, {"decision": "2099-10-01"})
    expect(warnings).to_have_text(
        [
            "Warning: The date for publication of the report is after 2099, the last year this "
            "calculator knows"
        ],
        timeout=SLOW,
    )
    expect(page.locator("[data-milestone]")).to_have_count(0)
    expect(page.locator("[data-results-body]")).to_be_hidden()
    assert "2100" not in page.locator("[data-results]").inner_text()
    # A date in range again: the warning goes.
    enter(page, {"decision": "2099-06-01"})
    expect(page.locator("[data-milestone=final_report_published]")).to_have_attribute(
        "data-due", "2099-12-01", timeout=SLOW
    )
    expect(warnings).to_have_count(0)


def test_live_updates_never_steal_focus(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    type_boxes(page, "referral", "30", "2", "2027")
    # While the user is still in the date, no error yet.
    expect(page.locator("[data-results-status]")).to_contain_text(
        "finish entering the date", timeout=SLOW
    )
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    # Leaving it shows the problem, but focus stays where the user went.
    page.locator("#meeting-day").focus()
    expect(page.locator("[data-error-summary]")).to_be_visible(timeout=SLOW)
    expect(page.locator("#meeting-day")).to_be_focused(timeout=SLOW)
    page.keyboard.type("8")
    # The update for "8" (a date still being typed) comes and goes; focus stays put.
    page.wait_for_timeout(1000)
    expect(page.locator("#meeting-day")).to_be_focused()
    expect(page.locator("#meeting-day")).to_have_value("8", timeout=SLOW)


# --- office closure days ----------------------------------------------------------------------


def test_closure_days_change_the_results(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    type_date(page, "aware", "2026-06-01")
    notify = page.locator("[data-milestone=notify_panel]")
    expect(notify).to_have_attribute("data-due", "2026-06-08", timeout=SLOW)

    type_boxes(page, "closure", "3", "6", "2026")
    page.get_by_role("button", name="Add closure day").click()
    expect(notify).to_have_attribute("data-due", "2026-06-09", timeout=SLOW)
    expected = cli_milestones({"aware": "2026-06-01"}, "--closure", "2026-06-03")
    assert expected[0]["due"] == "2026-06-09"
    expect(notify.locator(".cs-deadlines__basis")).to_contain_text(
        "skips 3 June: office closure", timeout=SLOW
    )
    items = page.locator("[data-closure-list] li")
    expect(items).to_have_count(1, timeout=SLOW)
    expect(items.first).to_contain_text("Wednesday 3 June 2026", timeout=SLOW)
    expect(page.locator("#closure-day")).to_have_value("", timeout=SLOW)

    # A bad closure day gets its own error, linked to its first box.
    type_boxes(page, "closure", "31", "6", "2026")
    page.get_by_role("button", name="Add closure day").click()
    link = page.locator("[data-error-summary]").get_by_role(
        "link", name="The office closure day must be a real date"
    )
    expect(link).to_have_attribute("href", "#closure-day", timeout=SLOW)
    expect(page.locator("#closure-day")).to_have_value("31", timeout=SLOW)
    type_boxes(page, "closure", "", "", "")

    # Removing it puts the deadline back.
    page.get_by_role("button", name="Remove Wednesday 3 June 2026").click()
    expect(items).to_have_count(0, timeout=SLOW)
    expect(notify).to_have_attribute("data-due", "2026-06-08", timeout=SLOW)


# --- keyboard only --------------------------------------------------------------------------


def test_keyboard_only(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    page.locator("#aware-day").focus()
    for text in ("18", "12", "2026"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    # Enter in a date box works out the deadlines and moves to them.
    page.locator("#referral-day").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#deadline-results-title")).to_be_focused(timeout=SLOW)
    expect(page.locator("[data-milestone=notify_panel]")).to_have_attribute(
        "data-due", "2026-12-29", timeout=SLOW
    )
    # Enter in the closure day adds it.
    page.locator("#closure-day").focus()
    for text in ("21", "12"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    page.keyboard.type("2026")
    page.keyboard.press("Enter")
    expect(page.locator("[data-closure-list] li")).to_have_count(1, timeout=SLOW)
    expect(page.locator("[data-milestone=notify_panel]")).to_have_attribute(
        "data-due", "2026-12-30", timeout=SLOW
    )
    # Every control is reachable by Tab: the calendar and print buttons too.
    reached = set()
    page.locator("#aware-day").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.textContent.trim()"))
    assert {"Add to calendar", "Print"} <= reached


# --- print ------------------------------------------------------------------------------------


def test_print_shows_the_table_not_the_form(page: Page) -> None:
    open_calculator(page)
    wait_ready(page)
    type_date(page, "referral", "2026-12-18")
    expect(page.locator("[data-milestone]").first).to_be_visible(timeout=SLOW)
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    expect(page.locator("[data-deadline-form]")).to_be_hidden(timeout=SLOW)
    expect(page.locator("[data-milestones]")).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("button", name="Print")).to_be_hidden(timeout=SLOW)
    expect(page.locator("[data-timeline] svg")).to_be_visible(timeout=SLOW)


# --- accessibility ----------------------------------------------------------------------------


def still(page: Page) -> None:
    """No hover on anything, and transitions over: axe reads colours as they settle."""
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)


def test_axe_empty_filled_and_error_states(page: Page, axe: Axe) -> None:
    open_calculator(page)
    assert axe(page) == [], "loading"
    wait_ready(page)
    assert axe(page) == [], "empty"
    enter(page, ALL_SIX)
    wait_for_dates(page, cli_milestones(ALL_SIX))
    type_boxes(page, "closure", "30", "12", "2026")
    page.get_by_role("button", name="Add closure day").click()
    expect(page.locator("[data-closure-list] li")).to_have_count(1, timeout=SLOW)
    still(page)
    assert axe(page) == [], "filled"
    type_boxes(page, "meeting", "30", "2", "2027")
    page.get_by_role("button", name="Work out deadlines").click()
    expect(page.locator("[data-error-summary]")).to_be_visible(timeout=SLOW)
    still(page)
    assert axe(page) == [], "error"


def test_axe_on_a_phone(browser: Browser, base_url: str, axe: Axe) -> None:
    context = browser.new_context(
        base_url=base_url, viewport={"width": 375, "height": 800}, service_workers="block"
    )
    page = context.new_page()
    try:
        page.goto(PATH)
        wait_ready(page)
        enter(page, ALL_SIX)
        wait_for_dates(page, cli_milestones(ALL_SIX))
        assert axe(page) == []
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()


# --- offline ----------------------------------------------------------------------------------


def test_works_offline(sw_context: BrowserContext, served_copy: tuple[Path, str]) -> None:
    _, base = served_copy
    page = sw_context.new_page()
    page.goto(base + PATH)
    wait_ready(page)
    wait_for_precache(page)
    sw_context.set_offline(True)
    page.reload()
    wait_ready(page)
    enter(page, CHRISTMAS_2026)
    wait_for_dates(page, cli_milestones(CHRISTMAS_2026))
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("calendar", re.I)).click()
    assert info.value.suggested_filename.endswith(".ics")


@pytest.fixture(autouse=True)
def _cli_exists() -> None:
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: run `make install`")
