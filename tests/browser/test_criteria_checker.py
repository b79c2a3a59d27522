"""The criteria checker page in the built site, driven as a user would.

Named scenarios are answered by clicking; what the page shows (``data-conclusion`` /
``data-value``, the circumstances, reasons and next steps) is compared with
``csprcore check --json`` for the same facts. Booting Pyodide takes seconds, so most tests
share one page (``checker``) and begin with "Start again".
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from csprcore import cli
from csprcore.exports import check_record
from csprcore.rules import criteria
from csprcore.rules.citations import cite_path
from csprcore.views import checker as checker_view

from .conftest import OffOrigin
from .test_runtime import (  # noqa: F401  (fixtures)
    READY_TIMEOUT,
    served_copy,
    sw_context,
    wait_for_precache,
    wait_ready,
)

PATH = "tools/criteria-checker/"
Axe = Callable[[Page], list[dict[str, Any]]]

#: Named scenarios, one for each way the procedure's criteria can apply (and one with every
#: answer unsure), as the facts a user gives on the page (follow-up questions only where the
#: page asks them).
SCENARIOS: dict[str, dict[str, Any]] = {
    # Section 2 and s16C(1)(a): abuse suspected, the child died in this area.
    "death with suspected abuse in the area": {
        "abuse_or_neglect": "suspected",
        "harm": "died",
        "incident_location": "in_area",
        "looked_after": "no",
        "child_protection_plan": "current",
        "educated_otherwise_than_at_school": "no",
        "institutional_setting": "no",
        "abuse_types": ["physical", "neglect"],
    },
    # Section 3: "notify the Secretary of State and Ofsted where a looked after child has
    # died, whether or not abuse or neglect is known or suspected".
    "looked-after child's death with no abuse suspected": {
        "abuse_or_neglect": "not_suspected",
        "harm": "died",
        "incident_location": "in_area",
        "looked_after": "yes",
        "local_learning": "no",
    },
    # s16C(1)(b): "while normally resident in the local authority's area, the child dies or
    # is seriously harmed outside England".
    "harm outside England to a child normally resident here": {
        "abuse_or_neglect": "known",
        "harm": "seriously_harmed",
        "incident_location": "outside_england",
        "normally_resident_in_area": "yes",
        "looked_after": "no",
        "abuse_types": ["sexual"],
    },
    # The authority for the area where it happened holds the duty.
    "harm elsewhere in England": {
        "abuse_or_neglect": "suspected",
        "harm": "seriously_harmed",
        "incident_location": "elsewhere_in_england",
        "looked_after": "no",
        "child_protection_plan": "recently_removed",
    },
    # Section 7: not a serious case, but a 'near miss' with poor practice.
    "near miss with poor practice": {
        "abuse_or_neglect": "suspected",
        "harm": "not_seriously_harmed",
        "incident_location": "in_area",
        "local_learning": "yes",
    },
    # Every question that allows it answered "Not sure".
    "every answer not sure": {q.key: "unsure" for q in criteria.QUESTIONS if q.allows_unsure},
}

#: What each scenario must show, whatever the reasons' wording.
HEADLINES: dict[str, dict[str, Any]] = {
    "death with suspected abuse in the area": {
        "serious_case": "yes",
        "la_must_notify_panel": "yes",
        "notify_ofsted_and_secretary_of_state": "no",
        "rapid_review": "yes",
        "line_of_sight_learning": "no",
        "national_review_circumstances": [
            "in_care_or_child_protection_plan",
            "range_of_abuse_types",
        ],
    },
    "looked-after child's death with no abuse suspected": {
        "serious_case": "no",
        "la_must_notify_panel": "no",
        "notify_ofsted_and_secretary_of_state": "yes",
        "rapid_review": "no",
        "line_of_sight_learning": "no",
        "national_review_circumstances": [],
    },
    "harm outside England to a child normally resident here": {
        "serious_case": "yes",
        "la_must_notify_panel": "yes",
        "notify_ofsted_and_secretary_of_state": "no",
        "rapid_review": "yes",
        "national_review_circumstances": [],
    },
    "harm elsewhere in England": {
        "serious_case": "yes",
        "la_must_notify_panel": "no",
        # The Panel's FAQ: the Rapid Review follows the notification of the area where the
        # serious incident took place.
        "rapid_review": "other_area",
        "national_review_circumstances": ["in_care_or_child_protection_plan"],
    },
    "near miss with poor practice": {
        "serious_case": "no",
        "la_must_notify_panel": "no",
        "rapid_review": "no",
        "line_of_sight_learning": "yes",
    },
    "every answer not sure": {
        **dict.fromkeys(criteria.CONCLUSIONS, "unsure"),
        "national_review_circumstances": [],
    },
}


def cli_check(facts: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """``csprcore check --json FILE``, run in this process."""
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["check", "--json", str(path)]) == 0
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


# --------------------------------------------------------------------------------------
# Driving the page
# --------------------------------------------------------------------------------------


def choice(page: Page, key: str, value: str) -> Any:
    return page.locator(f'#criteria-form input[name="{key}"][value="{value}"]')


def answer(page: Page, facts: dict[str, Any]) -> None:
    """Click each answer, in the order the page asks the questions (follow-ups appear)."""
    for question in criteria.QUESTIONS:
        if question.key not in facts:
            continue
        value = facts[question.key]
        for v in value if isinstance(value, list) else [value]:
            box = choice(page, question.key, v)
            expect(box).to_be_visible()
            box.check()


def page_facts(page: Page) -> dict[str, Any]:
    """The facts the page gathers (what it sends to the core)."""
    result: dict[str, Any] = page.evaluate(
        """async () => {
            const { readAnswers } = await import('../../assets/csprcore/form-ui.js');
            const answers = readAnswers(document.getElementById('criteria-form'));
            for (const [k, v] of Object.entries(answers)) {
                if (Array.isArray(v) && !v.length) delete answers[k];
            }
            return answers;
        }"""
    )
    return result


def expect_shows(page: Page, expected: dict[str, Any]) -> None:
    for key in criteria.CONCLUSIONS:
        expect(page.locator(f'[data-conclusion="{key}"]')).to_have_attribute(
            "data-value", expected[key], timeout=30_000
        )
    # Each answer is assessed as it is given: the conclusions of an earlier answer can match
    # while the last answer's circumstances are still on their way, so wait for those too.
    if "national_review_circumstances" in expected:
        page.wait_for_function(
            """want => JSON.stringify([...document.querySelectorAll(
                 '#criteria-result [data-circumstance]')].map((li) => li.dataset.circumstance))
               === JSON.stringify(want)""",
            arg=expected["national_review_circumstances"],
            timeout=30_000,
        )
    # The live line follows once the answers settle.
    expect(page.locator("[data-result-summary]")).to_contain_text(
        f"{checker_view.CONCLUSION_SHORT['serious_case']}: "
        f"{checker_view.SUMMARY_WORDS[expected['serious_case']]}."
    )


def shown(page: Page) -> dict[str, Any]:
    """What the result panel shows, read back from the page."""
    data: dict[str, Any] = page.evaluate(
        """() => {
            const panel = document.getElementById('criteria-result');
            const out = {reasons: [], next_steps: []};
            for (const el of panel.querySelectorAll('[data-conclusion]')) {
                const key = el.dataset.conclusion;
                if (el.dataset.value) {
                    out[key] = el.dataset.value;
                    out[key + ':words'] = el.querySelector('[data-answer]').textContent;
                }
                for (const li of el.querySelectorAll('[data-reasons] > li')) {
                    const link = li.querySelector('a');
                    out.reasons.push({finding: key, text: li.textContent,
                                      href: link.getAttribute('href')});
                }
            }
            out.national_review_circumstances = [...panel.querySelectorAll(
                '[data-circumstance]')].map((li) => li.dataset.circumstance);
            for (const li of panel.querySelectorAll('[data-next-steps] > li')) {
                out.next_steps.push({text: li.textContent,
                    milestone: li.dataset.milestone ?? null,
                    hrefs: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href'))});
            }
            out.summary = panel.querySelector('[data-result-summary]').textContent;
            out.body_visible = !panel.querySelector('[data-result-body]').hidden;
            out.empty_visible = !panel.querySelector('[data-result-empty]').hidden;
            return out;
        }"""
    )
    return data


def restart(page: Page) -> None:
    page.get_by_role("button", name="Start again").click()
    expect(page.locator("[data-result-empty]")).to_be_visible()


def assert_no_axe_violations(page: Page, axe: Axe, state: str) -> None:
    violations = axe(page)
    assert violations == [], f"axe-core, {state}: {violations}"


@pytest.fixture(scope="module")
def checker(browser: Browser, base_url: str) -> Iterator[Page]:
    """One checker page, ready, shared by the tests of this module (Pyodide boots once)."""
    off_origin = OffOrigin(base_url)
    ctx = browser.new_context(base_url=base_url, service_workers="block", accept_downloads=True)
    ctx.route("**/*", off_origin.route)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(PATH)
    wait_ready(page)
    yield page
    ctx.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert off_origin.requests == []


# --------------------------------------------------------------------------------------
# The form is the core's questions
# --------------------------------------------------------------------------------------


def test_the_form_is_the_cores_questions(checker: Page) -> None:
    page = checker
    restart(page)
    groups = page.locator("#criteria-form fieldset")
    assert groups.count() == len(criteria.QUESTIONS)
    for i, q in enumerate(criteria.QUESTIONS):
        fieldset = groups.nth(i)
        expect(fieldset.locator("legend")).to_have_text(q.text)
        kind = "checkbox" if q.multiple else "radio"
        inputs = fieldset.locator("input")
        assert inputs.evaluate_all("els => els.map(e => [e.name, e.value, e.type])") == [
            [q.key, o.value, kind] for o in q.options
        ]
        labels = fieldset.locator("label")
        assert labels.all_inner_texts() == [o.label for o in q.options]
        assert ("Not sure" in labels.all_inner_texts()) is q.allows_unsure
        cite = page.locator(f'[data-field="{q.key}"] .cs-checker__cite a')
        assert cite.get_attribute("href") == f"../../{cite_path(q.cite)}"
    # The serious-harm guidance is where the question is asked.
    harm = page.locator('[data-field="harm"]')
    expect(harm).to_contain_text("long-term")
    expect(harm).to_contain_text("even if the child recovers")


def test_before_any_answer_the_panel_says_what_it_will_show(checker: Page, axe: Axe) -> None:
    page = checker
    restart(page)
    empty = page.locator("[data-result-empty]")
    expect(empty).to_be_visible()
    for text in criteria.CONCLUSION_QUESTIONS.values():
        expect(empty).to_contain_text(text)
    expect(page.locator("[data-result-body]")).to_be_hidden()
    assert page.locator("[data-conclusion][data-value]").count() == 0
    assert_no_axe_violations(page, axe, "empty")


def test_follow_up_questions_appear_only_when_they_matter(checker: Page) -> None:
    page = checker
    restart(page)
    resident = page.locator('[data-field="normally_resident_in_area"]')
    types = page.locator('[data-field="abuse_types"]')
    learning = page.locator('[data-field="local_learning"]')
    for group in (resident, types, learning):
        expect(group).to_be_hidden()
    choice(page, "incident_location", "in_area").check()
    expect(resident).to_be_hidden()
    choice(page, "incident_location", "outside_england").check()
    expect(resident).to_be_visible()
    choice(page, "normally_resident_in_area", "yes").check()
    choice(page, "incident_location", "elsewhere_in_england").check()
    expect(resident).to_be_hidden()
    # A hidden question's answer is not sent to the core.
    assert "normally_resident_in_area" not in page_facts(page)
    choice(page, "abuse_or_neglect", "suspected").check()
    expect(types).to_be_visible()
    expect(learning).to_be_hidden()
    choice(page, "harm", "not_seriously_harmed").check()
    expect(learning).to_be_visible()
    choice(page, "abuse_or_neglect", "not_suspected").check()
    expect(types).to_be_hidden()


# --------------------------------------------------------------------------------------
# Named scenarios: the page shows what `csprcore check --json` says
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario_matches_the_cli(checker: Page, name: str, tmp_path: Path) -> None:
    page = checker
    restart(page)
    facts = SCENARIOS[name]
    answer(page, facts)
    assert page_facts(page) == facts
    expected = cli_check(facts, tmp_path)
    for key, value in HEADLINES[name].items():
        assert expected[key] == value, key
    expect_shows(page, expected)
    got = shown(page)
    assert got["body_visible"] and not got["empty_visible"]
    for key in criteria.CONCLUSIONS:
        assert got[key] == expected[key]
        assert got[f"{key}:words"] == criteria.ANSWER_WORDS[expected[key]]
    assert got["national_review_circumstances"] == expected["national_review_circumstances"]
    # Every reason, in order, each linking to the section it cites.
    assert [(r["finding"], r["href"]) for r in got["reasons"]] == [
        (r["finding"], f"../../{cite_path(r['cite'])}") for r in expected["reasons"]
    ]
    for mine, theirs in zip(got["reasons"], expected["reasons"], strict=True):
        assert mine["text"].startswith(theirs["text"])
    # Next steps with their timescales; those with a milestone link to the calculator.
    assert len(got["next_steps"]) == len(expected["next_steps"])
    for mine, theirs in zip(got["next_steps"], expected["next_steps"], strict=True):
        assert mine["text"].startswith(theirs["text"])
        assert mine["milestone"] == theirs["milestone"]
        assert ("../deadline-calculator/" in mine["hrefs"]) is bool(theirs["milestone"])
    # The short line a screen reader hears.
    assert got["summary"].startswith(
        f"{checker_view.CONCLUSION_SHORT['serious_case']}: "
        f"{checker_view.SUMMARY_WORDS[expected['serious_case']]}."
    )


def test_not_sure_answers_say_what_to_do(checker: Page, axe: Axe) -> None:
    page = checker
    restart(page)
    answer(page, SCENARIOS["every answer not sure"])
    expect_shows(page, dict.fromkeys(criteria.CONCLUSIONS, "unsure"))
    panel = page.locator("#criteria-result")
    expect(panel.locator('[data-conclusion="serious_case"]')).to_contain_text(
        "designated safeguarding lead"
    )
    expect(panel.locator('[data-conclusion="serious_case"]')).to_contain_text(
        "Even if a child recovers"
    )
    expect(panel.locator("[data-next-steps]")).to_contain_text("designated safeguarding lead")
    expect(panel).to_contain_text("Not sure yet")
    # Every question is on show: the "all answered" state.
    assert page.locator("#criteria-form [data-field][hidden]").count() == 0
    assert_no_axe_violations(page, axe, "all answered")


def test_elsewhere_in_england_says_who_must_notify(checker: Page) -> None:
    page = checker
    restart(page)
    answer(page, SCENARIOS["harm elsewhere in England"])
    notify = page.locator('[data-conclusion="la_must_notify_panel"]')
    expect(notify).to_have_attribute("data-value", "no")
    expect(notify).to_contain_text("local authority for the area where it happened")


def test_reasons_link_to_existing_section_anchors(checker: Page, site_dir: Path) -> None:
    page = checker
    links: set[str] = set()
    for name in ("death with suspected abuse in the area", "every answer not sure"):
        restart(page)
        answer(page, SCENARIOS[name])
        expect(page.locator("[data-result-body]")).to_be_visible()
        expect(page.locator('[data-conclusion="serious_case"][data-value]')).to_have_count(1)
        links |= set(
            page.locator("#criteria-result a, #criteria-form a").evaluate_all(
                "els => els.map(a => a.href)"
            )
        )
    procedure = [u for u in links if "/procedure/" in u]
    assert len(procedure) >= 5
    for url in procedure:
        parts = urlsplit(url)
        html = (site_dir / parts.path.strip("/") / "index.html").read_text(encoding="utf-8")
        assert f'id="{parts.fragment}"' in html, url
    calculator = [u for u in links if "/deadline-calculator/" in u]
    assert calculator
    for url in calculator:
        assert (site_dir / urlsplit(url).path.strip("/") / "index.html").exists()


def test_partly_answered_and_accessible(checker: Page, axe: Axe) -> None:
    page = checker
    restart(page)
    answer(page, {"abuse_or_neglect": "known"})
    expect_shows(page, {**dict.fromkeys(criteria.CONCLUSIONS, "unsure")})
    # The live line is the summary only, not the whole panel.
    live = page.locator("#criteria-result [aria-live]")
    expect(live).to_have_count(1)
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_contain_text("Serious child safeguarding case: not sure yet.")
    assert page.locator("#criteria-result").get_attribute("aria-live") is None
    assert_no_axe_violations(page, axe, "partly answered")


def test_quick_answers_are_assessed_once(checker: Page) -> None:
    page = checker
    restart(page)
    changes = page.evaluate(
        """async () => {
            const summary = document.querySelector('[data-result-summary]');
            let changes = 0;
            const observer = new MutationObserver(() => changes++);
            observer.observe(summary, {childList: true, characterData: true, subtree: true});
            for (const [name, value] of [['abuse_or_neglect', 'known'], ['harm', 'died'],
                                         ['incident_location', 'in_area']]) {
                const input = document.querySelector(
                    `#criteria-form input[name="${name}"][value="${value}"]`);
                input.checked = true;
                input.dispatchEvent(new Event('change', {bubbles: true}));
            }
            await new Promise((resolve) => setTimeout(resolve, 1500));
            observer.disconnect();
            return changes;
        }"""
    )
    assert changes == 1
    expect(page.locator('[data-conclusion="la_must_notify_panel"]')).to_have_attribute(
        "data-value", "yes"
    )


def test_keyboard_only(checker: Page) -> None:
    page = checker
    restart(page)
    # From the last link before the form, Tab reaches the first question's radios.
    page.locator("article a[href*='section-7']").first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.name, document.activeElement.type]")
    assert focused == ["abuse_or_neglect", "radio"]
    page.keyboard.press("Space")
    expect(choice(page, "abuse_or_neglect", "known")).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(choice(page, "abuse_or_neglect", "suspected")).to_be_checked()
    # On to the next question: past this question's link to the procedure.
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "harm":
            break
    assert page.evaluate("document.activeElement.name") == "harm"
    page.keyboard.press("Space")
    expect(choice(page, "harm", "died")).to_be_checked()
    expect(page.locator('[data-conclusion="serious_case"]')).to_have_attribute("data-value", "yes")
    # The actions are buttons a keyboard reaches and presses.
    button = page.get_by_role("button", name="Start again")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-result-empty]")).to_be_visible()


# --------------------------------------------------------------------------------------
# Actions
# --------------------------------------------------------------------------------------


def test_start_again_clears_answers_and_results(checker: Page) -> None:
    page = checker
    restart(page)
    answer(page, SCENARIOS["death with suspected abuse in the area"])
    expect(page.locator('[data-conclusion="serious_case"]')).to_have_attribute("data-value", "yes")
    page.get_by_role("button", name="Start again").click()
    assert page.locator("#criteria-form input:checked").count() == 0
    expect(page.locator("[data-result-empty]")).to_be_visible()
    expect(page.locator("[data-result-body]")).to_be_hidden()
    assert page.locator("[data-conclusion][data-value]").count() == 0
    assert page.locator("[data-circumstance]").count() == 0
    expect(page.locator("[data-result-summary]")).to_have_text("")
    expect(page.locator('[data-field="abuse_types"]')).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "abuse_or_neglect"
    assert page_facts(page) == {}


def test_download_a_record_of_this_check(checker: Page, tmp_path: Path) -> None:
    page = checker
    restart(page)
    facts = SCENARIOS["death with suspected abuse in the area"]
    answer(page, facts)
    expect_shows(page, cli_check(facts, tmp_path))
    with page.expect_download(timeout=READY_TIMEOUT) as info:
        page.get_by_role("button", name="Download a record of this check").click()
    download = info.value
    assert re.fullmatch(r"criteria-check-\d{4}-\d{2}-\d{2}-\d{4}\.pdf", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    text = re.sub(r"\s+", " ", text)
    assert check_record.RECORD_TITLE in text
    assert "OFFICIAL-SENSITIVE" in text
    assert re.search(r"Checked on \d{2}/\d{2}/\d{4} at \d{2}:\d{2}", text)
    # The answers as question and answer.
    assert "Yes, it is suspected" in text
    assert "Physical abuse; Neglect" in text
    # The conclusions and their reasons.
    for key in criteria.CONCLUSIONS:
        assert criteria.CONCLUSION_QUESTIONS[key] in text
    assert "Both conditions are met: this is a serious child safeguarding case." in text
    assert "within 5 working days" in text
    for key in ("in_care_or_child_protection_plan", "range_of_abuse_types"):
        assert criteria.NATIONAL_CIRCUMSTANCES[key] in text
    expect(page.locator("[data-action-status]")).to_contain_text("downloaded")


def test_print_shows_answers_and_results_without_navigation(checker: Page) -> None:
    page = checker
    restart(page)
    answer(page, SCENARIOS["near miss with poor practice"])
    expect(page.locator('[data-conclusion="line_of_sight_learning"]')).to_have_attribute(
        "data-value", "yes"
    )
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    try:
        answers = page.locator("[data-print-answers]")
        expect(answers).to_be_visible()
        expect(answers).to_contain_text("Has the child died or been seriously harmed?")
        expect(answers).to_contain_text("The child has not died or been seriously harmed")
        expect(page.locator("#criteria-result")).to_be_visible()
        expect(page.locator("#criteria-form")).to_be_hidden()
        expect(page.get_by_role("button", name="Print")).to_be_hidden()
        expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    finally:
        page.emulate_media(media="screen")
    expect(page.locator("[data-print-answers]")).to_be_hidden()


def test_answers_before_ready_then_start_a_referral(page: Page) -> None:
    page.goto(PATH)
    root = page.locator("#csprcore-tool")
    # Usable at once: answers given while the core starts are assessed as soon as it is.
    expect(root).to_have_attribute("data-core-state", "loading")
    facts = SCENARIOS["harm outside England to a child normally resident here"]
    answer(page, facts)
    if root.get_attribute("data-core-state") == "loading":
        expect(page.locator("[data-result-waiting]")).to_be_visible()
    wait_ready(page)
    expect(page.locator('[data-conclusion="la_must_notify_panel"]')).to_have_attribute(
        "data-value", "yes"
    )
    expect(page.locator("[data-result-waiting]")).to_be_hidden()

    # The referral page (another tool) takes the handoff; here it is a stand-in, so the
    # stored answers can be read back.
    page.route(
        "**/tools/referral-form/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Referral</title>"
        ),
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Start a referral with these answers").click()
    url = urlsplit(page.url)
    assert url.path.endswith("/tools/referral-form/")
    assert url.query == "from=checker"
    for value in ("outside_england", "known", "sexual"):
        assert value not in page.url
    stored = json.loads(page.evaluate("localStorage.getItem('csprcore-handoff-referral')"))
    assert stored["facts"] == facts
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", stored["checked_at"])
    page.evaluate("localStorage.clear()")


def test_core_error_keeps_answers_and_is_accessible(
    browser: Browser, base_url: str, axe: Axe
) -> None:
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    ctx.route(
        re.compile(r".*/pyodide/pyodide-lock\.json$"),
        lambda route: route.fulfill(status=404, body="Not found"),
    )
    try:
        page = ctx.new_page()
        page.goto(PATH)
        answer(page, {"abuse_or_neglect": "suspected", "harm": "died"})
        expect(page.locator("#csprcore-tool")).to_have_attribute(
            "data-core-state", "error", timeout=READY_TIMEOUT
        )
        expect(page.get_by_role("button", name="Try again")).to_be_visible()
        error = page.locator("[data-result-error]")
        expect(error).to_be_visible()
        expect(error).to_contain_text("Your answers are kept")
        expect(choice(page, "harm", "died")).to_be_checked()
        assert page.locator("[data-conclusion][data-value]").count() == 0
        assert_no_axe_violations(page, axe, "core error")
    finally:
        ctx.close()


def test_works_offline(sw_context: BrowserContext, served_copy: tuple[Path, str]) -> None:  # noqa: F811
    _, base = served_copy
    page = sw_context.new_page()
    page.goto(base + PATH)
    wait_ready(page)
    wait_for_precache(page)
    sw_context.set_offline(True)
    page.reload()
    wait_ready(page)
    facts = SCENARIOS["looked-after child's death with no abuse suspected"]
    answer(page, facts)
    expect(
        page.locator('[data-conclusion="notify_ofsted_and_secretary_of_state"]')
    ).to_have_attribute("data-value", "yes", timeout=30_000)
    with page.expect_download(timeout=READY_TIMEOUT) as info:
        page.get_by_role("button", name="Download a record of this check").click()
    assert info.value.suggested_filename.endswith(".pdf")
    assert urljoin(base, PATH) == page.url
