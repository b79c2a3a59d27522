"""Case safety in the built site: one child's facts never travel into the next case, drafts do
what the page says (two tabs, delete, expiry, blocked or full storage), hostile files are
refused at once, and the runtime never dies silently.

Every test here runs with the page fixture's check that no page error or unhandled
rejection happened (conftest).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from csprcore.forms import engine
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.referral import Referral
from csprcore.forms.registry import forms
from csprcore.forms.scoping import ScopingReturn
from csprcore.forms.spec import parts

from .conftest import wait_until
from .test_runtime import READY_TIMEOUT, wait_ready

PAGES = {"referral": "tools/referral-form/", "scoping-return": "tools/scoping-return/",
         "rapid-review": "tools/rapid-review/"}  # fmt: skip
LEAK = "LEAKED-FROM-CASE-1"
FORGED_FACTS = {"abuse_or_neglect": "known", "harm": "died", "incident_location": "in_area"}


def open_form(page: Page, form_id: str) -> Page:
    page.goto(PAGES[form_id])
    wait_ready(page)
    return page


def choose_file(page: Page, selector: str, name: str, content: bytes | str) -> None:
    data = content.encode() if isinstance(content, str) else content
    page.locator(selector).set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": data}
    )


def fill_everything(page: Page, form: Any) -> None:
    """One row in every repeatable part, then every input the page has, hidden ones too,
    holding something of case 1 (as a restored draft or a checker hand-off could)."""
    for part in parts(form):
        if part.kind == "repeat":
            page.locator(f"[data-add-row='{part.name}']").click()
    page.evaluate(
        """leak => {
          for (const el of document.querySelectorAll(
              "form[data-form] input[name], form[data-form] textarea[name], "
              + "form[data-form] select[name]")) {
            if (el.type === "radio" || el.type === "checkbox") el.checked = true;
            else if (el.name === "checker") el.value = JSON.stringify(
              {facts: {harm: "died"}, checked_at: "01/01/2026 10:00"});
            else if (el.tagName === "SELECT") el.selectedIndex = el.options.length - 1;
            else el.value = /-(day|month)$/.test(el.name) ? "1"
              : /-year$/.test(el.name) ? "2020" : leak;
          }
          document.querySelector("form[data-form]").dispatchEvent(
            new Event("change", {bubbles: true}));
        }""",
        LEAK,
    )


def every_input(page: Page) -> dict[str, Any]:
    """Every input of the form as it stands: {name: value}, radios and checkboxes as the
    values checked."""
    values: dict[str, Any] = page.evaluate(
        """() => {
          const out = {};
          for (const el of document.querySelectorAll(
              "form[data-form] input[name], form[data-form] textarea[name], "
              + "form[data-form] select[name]")) {
            if (el.type === "radio" || el.type === "checkbox") {
              out[el.name] ??= [];
              if (el.checked) out[el.name].push(el.value);
            } else out[el.name] = el.value;
          }
          return out;
        }"""
    )
    return values


def model_inputs(form: Any) -> set[str]:
    """The input names the form's model defines for a section, or a repeat's first row."""
    names = set()
    for part in parts(form):
        prefix = part.name if part.kind == "section" else f"{part.name}.0"
        for f in part.fields:
            if f.meta.computed:
                continue
            path = f"{prefix}.{f.name}"
            if f.meta.kind == "date":
                names |= {f"{path}-day", f"{path}-month", f"{path}-year"}
            else:
                names.add(path)
    return names


def assert_empty(values: dict[str, Any]) -> None:
    left = {k: v for k, v in values.items() if v not in ("", [])}
    assert left == {}, f"fields still holding the previous case: {left}"


@pytest.mark.parametrize("form", [Referral, ScopingReturn, RapidReview], ids=lambda f: f.form_id)
def test_delete_then_a_new_case_leaves_no_field_of_the_old(page: Page, form: Any) -> None:
    open_form(page, form.form_id)
    fill_everything(page, form)
    before = every_input(page)
    # The walk covers every field of the model (and the checker's hidden record).
    assert model_inputs(form) <= set(before)
    assert all(v not in ("", []) for v in before.values())
    wait_until(page, f"localStorage.getItem('csprcore-draft-{form.form_id}') !== null")
    page.get_by_role("button", name="Delete this draft").click()
    # Nothing is deleted until it is confirmed, and Cancel keeps everything.
    page.get_by_role("button", name="Cancel").click()
    assert every_input(page) == before
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("deleted")
    assert_empty(every_input(page))
    assert page.locator("[data-row]").count() == 0
    # A new case typed now carries nothing of the old one, to the summary or to its file.
    first = next(p for p in parts(form) if p.kind == "section")
    field = next(f for f in first.fields if f.meta.kind == "text" and not f.meta.computed)
    page.locator(f"[name='{first.name}.{field.name}']").fill("Case 2")
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-check-view], .cs-error-summary").first).to_be_visible()
    assert LEAK not in page.locator("main").inner_text()
    wait_until(page, f"(localStorage.getItem('csprcore-draft-{form.form_id}') || '')"
               ".includes('Case 2')")  # fmt: skip
    draft = page.evaluate(f"localStorage.getItem('csprcore-draft-{form.form_id}')")
    assert LEAK not in draft and "died" not in draft


@pytest.mark.parametrize("form", [Referral, ScopingReturn, RapidReview], ids=lambda f: f.form_id)
def test_opening_a_file_sets_every_field_to_the_file_and_nothing_else(
    page: Page, form: Any
) -> None:
    open_form(page, form.form_id)
    fill_everything(page, form)
    example = form.example()
    example.pop("checker", None)  # a file without a checker record
    choose_file(page, "[data-open-file]", "case-2.json", engine.write_json(example))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened case-2.json")
    expected = engine.document_to_answers(form, example)
    values = every_input(page)
    for name, value in values.items():
        want = expected.get(name, [] if isinstance(value, list) else "")
        if isinstance(value, list) and isinstance(want, str):
            want = [want] if want else []
        assert value == want, name
    assert LEAK not in page.locator("form[data-form]").inner_text()
    if form is Referral:
        expect(page.locator("[data-checker-outcome]")).to_be_hidden()
        assert values["checker"] == ""


def test_a_forged_checker_outcome_never_reaches_the_summary_or_pdf(
    page: Page, tmp_path: Path
) -> None:
    open_form(page, "referral")
    doc = Referral.example()
    doc["checker"] = {
        "facts": FORGED_FACTS,
        "outcome": {"serious_case": "no", "reasons": [{"text": "FORGED", "cite": "section-1"}]},
        "checked_at": "18/11/2026 10:00",
    }
    choose_file(page, "[data-open-file]", "forged.json", json.dumps(doc))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened forged.json")
    page.get_by_role("button", name="Check your answers").click()
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("Criteria checker outcome")
    assert "FORGED" not in summary.inner_text()
    row = summary.locator("tr", has_text="Is this a serious child safeguarding case?")
    expect(row).to_contain_text("Yes")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Download JSON").click()
    text = Path(saved.value.path()).read_text(encoding="utf-8")
    assert "FORGED" not in text and "outcome" not in json.loads(text)["checker"]


# --------------------------------------------------------------------------------------
# Drafts: two tabs, delete with another tab open, expiry on every page
# --------------------------------------------------------------------------------------


def draft(page: Page, form_id: str = "referral") -> Any:
    raw = page.evaluate(f"localStorage.getItem('csprcore-draft-{form_id}')")
    return json.loads(raw) if raw else None


def test_a_second_tab_never_overwrites_the_first_tabs_draft(context: BrowserContext) -> None:
    first = context.new_page()
    open_form(first, "referral")
    first.locator("[name='referrer.name']").fill("First tab")
    wait_until(first, "(localStorage.getItem('csprcore-draft-referral') || '').includes('First')")
    second = context.new_page()
    open_form(second, "referral")
    expect(second.locator("[data-tab-notice]")).to_contain_text("already open in another tab")
    expect(first.locator("[data-tab-notice]")).to_contain_text("also open in another tab")
    second.locator("[name='referrer.name']").fill("Second tab")
    second.wait_for_timeout(1000)  # past the autosave's pause
    assert draft(first)["answers"]["referrer.name"] == "First tab"
    expect(second.locator("[data-draft-status]")).to_contain_text("Not saved as a draft")
    # The second tab takes the draft over, openly; the first is told and stops writing.
    second.get_by_role("button", name="Keep the draft from this tab").click()
    assert draft(second)["answers"]["referrer.name"] == "Second tab"
    expect(first.locator("[data-tab-notice]")).to_contain_text("Another tab of this form now")
    first.locator("[name='referrer.name']").fill("First tab again")
    first.wait_for_timeout(1000)
    assert draft(first)["answers"]["referrer.name"] == "Second tab"
    for p in (first, second):
        p.close()


def test_delete_in_one_tab_is_never_written_back_by_another(context: BrowserContext) -> None:
    first = context.new_page()
    open_form(first, "referral")
    second = context.new_page()
    open_form(second, "referral")
    expect(first.locator("[data-tab-notice]")).to_be_visible()
    # The first tab keeps the draft and has a change pending when the second deletes it.
    first.locator("[name='referrer.name']").fill("Typed just now")
    second.get_by_role("button", name="Delete this draft").click()
    second.get_by_role("button", name="Yes, delete the draft").click()
    first.wait_for_timeout(1200)
    assert draft(first) is None
    expect(first.locator("[data-draft-status]")).not_to_contain_text("Draft saved")
    expect(first.locator("[data-tab-notice]")).to_contain_text("deleted in another tab")
    expect(second.locator("[data-draft-status]")).not_to_contain_text("Draft saved")
    for p in (first, second):
        p.close()


def test_every_page_removes_old_and_unreadable_drafts_of_every_form(page: Page) -> None:
    page.goto("about/privacy/")
    now = page.evaluate("Date.now()")
    stored = {
        "csprcore-draft-referral": {"saved": now - 31 * 86_400_000, "answers": {}},
        "csprcore-draft-scoping-return": {"saved": "yesterday", "answers": {}},
        "csprcore-draft-rapid-review": {"saved": now + 5 * 86_400_000, "answers": {}},
        "csprcore-draft-future_form": {"answers": {}},
        "csprcore-handoff-referral": {"saved": now - 40 * 86_400_000, "facts": {}},
        "csprcore-draft-kept": {"saved": now - 86_400_000, "answers": {}},
    }
    for key, value in stored.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [key, value])
    page.evaluate("localStorage.setItem('csprcore-draft-broken', '{not json')")
    page.goto("")  # the home page: no form on it
    wait_until(page, "localStorage.getItem('csprcore-draft-referral') === null")
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("csprcore-")] == ["csprcore-draft-kept"]


# --------------------------------------------------------------------------------------
# Storage blocked by policy, or full
# --------------------------------------------------------------------------------------

# As Chromium does with cookies blocked: reading the (configurable) property throws.
BLOCKED = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


@pytest.fixture(params=["blocked", "full"])
def storage_context(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[tuple[BrowserContext, str]]:
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    ctx.add_init_script(BLOCKED if request.param == "blocked" else FULL)
    yield ctx, request.param
    ctx.close()


def page_in(ctx: BrowserContext) -> tuple[Page, list[str]]:
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page, errors


@pytest.mark.parametrize("form_id", list(PAGES))
def test_forms_work_without_storage_and_say_so_once(
    storage_context: tuple[BrowserContext, str], form_id: str
) -> None:
    ctx, kind = storage_context
    page, errors = page_in(ctx)
    open_form(page, form_id)
    form = forms()[form_id]
    first = next(p for p in parts(form) if p.kind == "section")
    field = next(f for f in first.fields if f.meta.kind == "text" and not f.meta.computed)
    page.locator(f"[name='{first.name}.{field.name}']").fill("Typed")
    words = "storage is full" if kind == "full" else "does not let this site keep drafts"
    expect(page.locator("[data-draft-status]")).to_contain_text(words)
    # Every button still does what it says.
    example = form.example()
    choose_file(page, "[data-open-file]", "saved.json", engine.write_json(example))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened saved.json")
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("cleared")
    assert_empty(every_input(page))
    if form_id == "rapid-review":
        referral = engine.write_json(Referral.example())
        choose_file(page, "[data-from-referral]", "referral.json", referral)
        expect(page.locator("[data-from-referral-message]")).to_contain_text("Filled in")
        returns = engine.write_json(ScopingReturn.example())
        choose_file(page, "[data-add-returns]", "return.json", returns)
        expect(page.locator("[data-add-returns-message]")).not_to_be_empty()
        expect(page.locator("[data-add-returns-message] .cs-error-message")).to_have_count(0)
    assert errors == []


def start_a_referral_from_the_checker(page: Page) -> None:
    """Answer the checker (a child who died, abuse known) and start a referral from it."""
    page.goto("tools/criteria-checker/")
    wait_ready(page)
    for name, value in FORGED_FACTS.items():
        page.locator(f"input[name='{name}'][value='{value}']").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Start a referral with these answers").click()
    wait_ready(page)


def test_the_checker_hands_over_to_the_referral_without_storage(
    storage_context: tuple[BrowserContext, str],
) -> None:
    ctx, _ = storage_context
    page, errors = page_in(ctx)
    start_a_referral_from_the_checker(page)
    expect(page.locator("[data-checker-outcome]")).to_be_visible()
    expect(page.locator("input[name='incident.harm'][value='died']")).to_be_checked()
    assert "#" not in page.url and "checker" not in page.url  # the fragment is gone at once
    assert errors == []


# --------------------------------------------------------------------------------------
# Hostile files
# --------------------------------------------------------------------------------------


def refused_file(page: Page, content: bytes | str) -> str:
    page.evaluate("document.querySelector('[data-file-message]').replaceChildren()")
    choose_file(page, "[data-open-file]", "case.json", content)
    message = page.locator("[data-file-message] .cs-error-message")
    expect(message).to_be_visible()
    return message.inner_text()


def test_hostile_files_are_refused_at_once_and_the_core_goes_on(page: Page) -> None:
    open_form(page, "referral")
    page.locator("[name='referrer.name']").fill("Kept")
    deep = '{"form": ' + "[" * 3000 + "]" * 3000 + "}"
    assert "nested too deeply" in refused_file(page, deep)
    rows = Referral.example()
    rows["family"] = [{"name": "x"}] * 1500
    message = refused_file(page, json.dumps(rows))
    assert "\u2018Family members and significant others\u2019 has 1,500 entries" in message
    assert "at most 30" in message
    latin1 = engine.write_json(Referral.example()).encode("latin-1", errors="replace")
    latin1 = latin1.replace(b"Siobh?n", "Siobhán".encode("latin-1"))
    assert "not UTF-8 text" in refused_file(page, latin1)
    nan = engine.write_json(Referral.example()).replace('"schema_version": 2', '"x": NaN', 1)
    assert "NaN" in refused_file(page, nan)
    for text in (
        page.locator("[data-file-message]").inner_text(),
        *[refused_file(page, "{broken")],
    ):
        assert ".." not in text and "Traceback" not in text
    # Nothing changed, and the core still answers.
    expect(page.locator("[name='referrer.name']")).to_have_value("Kept")
    expect(page.locator("#csprcore-tool")).to_have_attribute("data-core-state", "ready")
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator(".cs-error-summary, [data-error-summary]").first).to_be_visible()


def test_a_date_with_a_stray_dash_reopens_in_the_same_boxes(page: Page) -> None:
    open_form(page, "referral")
    page.locator("[name='child.date_of_birth-day']").fill("1-2")
    page.locator("[name='child.date_of_birth-month']").fill("3")
    page.locator("[name='child.date_of_birth-year']").fill("２０２６")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save as file").click()
    content = Path(saved.value.path()).read_bytes()
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    choose_file(page, "[data-open-file]", "saved.json", content)
    expect(page.locator("[data-file-message]")).to_contain_text("Opened saved.json")
    for box, value in (("day", "1-2"), ("month", "3"), ("year", "２０２６")):
        expect(page.locator(f"[name='child.date_of_birth-{box}']")).to_have_value(value)
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-error-summary]")).to_contain_text(
        "The child's date of birth must be a real date"
    )


# --------------------------------------------------------------------------------------
# Pasted control and bidirectional characters
# --------------------------------------------------------------------------------------


def test_pasted_bidi_and_control_characters_are_flagged_and_shown_as_printed(
    page: Page,
) -> None:
    open_form(page, "referral")
    choose_file(page, "[data-open-file]", "saved.json", engine.write_json(Referral.example()))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened saved.json")
    page.locator("[name='child.last_name']").fill("Smith\u202eevila\u202c")
    page.locator("[name='child.address']").fill("1 High Street\x0bGrimsby")
    warning = page.locator("[data-form-warning='child.last_name']")
    expect(warning).to_contain_text("change the direction of text")
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-check-warnings]")).to_contain_text("direction of text")
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("Smith[U+202E]evila[U+202C]")
    address = summary.locator("tr", has_text="Address").first.locator("td").first
    assert "\x0b" not in address.inner_text()


# --------------------------------------------------------------------------------------
# The runtime never dies silently
# --------------------------------------------------------------------------------------


def test_a_broken_runtime_shows_its_error_state_and_a_way_back(
    browser: Browser, base_url: str, site_dir: Path
) -> None:
    """The runtime is made to fail as a WebAssembly stack overflow does (no input can do it
    now): the tool says so, keeps what was typed, and Try again brings a working core."""
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    source = (site_dir / "assets" / "csprcore" / "worker.js").read_text(encoding="utf-8")
    broken = source.replace(
        "text = api.call(",
        'if (fn === "form_check" && !params.has("retry")) '
        'throw new RangeError("Maximum call stack size exceeded");\n    text = api.call(',
    )
    assert broken != source
    ctx.route(
        re.compile(r".*/assets/csprcore/worker\.js(\?.*)?$"),
        lambda route: route.fulfill(body=broken, content_type="text/javascript"),
    )
    page, errors = page_in(ctx)
    open_form(page, "referral")
    page.locator("[name='referrer.name']").fill("Kept")
    page.get_by_role("button", name="Check your answers").click()
    root = page.locator("#csprcore-tool")
    expect(root).to_have_attribute("data-core-state", "error")
    status = page.locator("[data-core-status] [role=status]")
    expect(status).to_contain_text("stopped working")
    expect(status).to_contain_text("Your answers are kept")
    expect(page.locator("[data-error-summary]")).to_contain_text("stopped working")
    assert "Traceback" not in page.locator("main").inner_text()
    page.get_by_role("button", name="Try again").click()
    expect(root).to_have_attribute("data-core-state", "ready", timeout=READY_TIMEOUT)
    expect(page.locator("[name='referrer.name']")).to_have_value("Kept")
    page.get_by_role("button", name="Check your answers").click()
    expect(page.locator("[data-error-summary]")).not_to_contain_text("stopped working")
    assert errors == []
    ctx.close()


# --------------------------------------------------------------------------------------
# A new case, a draft taken over, and a runtime that cannot be downloaded
# --------------------------------------------------------------------------------------


def test_the_checker_never_merges_a_new_case_into_an_open_draft(page: Page) -> None:
    open_form(page, "referral")
    case_a = Referral.example()
    case_a["child"]["last_name"] = "CASEA"
    choose_file(page, "[data-open-file]", "case-a.json", engine.write_json(case_a))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened case-a.json")
    wait_until(page, "(localStorage.getItem('csprcore-draft-referral') || '').includes('CASEA')")
    start_a_referral_from_the_checker(page)
    choice = page.locator("[data-handoff-choice]")
    expect(choice).to_be_visible()
    expect(choice.locator("h2")).to_be_focused()
    page.get_by_role("button", name="Start a new referral").click()
    expect(choice).to_be_hidden()
    expect(page.locator("[name='child.last_name']")).to_have_value("")
    expect(page.locator("input[name='incident.harm'][value='died']")).to_be_checked()
    wait_until(page, "(localStorage.getItem('csprcore-draft-referral') || '').includes('died')")
    assert "CASEA" not in page.evaluate("localStorage.getItem('csprcore-draft-referral')")


def test_a_new_case_clears_what_the_page_said_about_the_old_ones_files(page: Page) -> None:
    open_form(page, "rapid-review")
    choose_file(page, "[data-from-referral]", "referral.json",
                engine.write_json(Referral.example()))  # fmt: skip
    message = page.locator("[data-from-referral-message]")
    expect(message).not_to_be_empty()
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(message).to_be_empty()


def test_taking_the_draft_over_leaves_the_keyboard_focus_on_what_happened(
    context: BrowserContext,
) -> None:
    first = context.new_page()
    open_form(first, "referral")
    second = context.new_page()
    open_form(second, "referral")
    take = second.get_by_role("button", name="Keep the draft from this tab")
    take.focus()
    second.keyboard.press("Enter")
    expect(second.locator("[data-draft-status]")).to_be_focused()
    expect(second.locator("[data-draft-status]")).to_contain_text("This tab now keeps the draft")
    for p in (first, second):
        p.close()


@pytest.mark.parametrize("failure", ["404", "junk"])
def test_a_runtime_that_cannot_be_downloaded_says_so(
    browser: Browser, base_url: str, failure: str
) -> None:
    ctx = browser.new_context(base_url=base_url, service_workers="block")

    def fail(route: Route) -> None:
        if failure == "404":
            route.fulfill(status=404, body="Not found")
        else:
            route.fulfill(
                status=200, body=b"<html>not wasm</html>", content_type="application/wasm"
            )

    ctx.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), fail)
    page, errors = page_in(ctx)
    page.goto("tools/criteria-checker/")
    expect(page.locator("#csprcore-tool")).to_have_attribute(
        "data-core-state", "error", timeout=READY_TIMEOUT
    )
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
    assert errors == []
    ctx.close()
