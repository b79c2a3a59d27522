"""The case register in the built site: a register opened, saved in place through the File
System Access API (the browser's own private file system stands in for the unit's drive)
with a colleague's save detected and nothing overwritten, or downloaded where there is no
handle; cases added by hand and from saved documents (a document for another child refused,
naming the file); the list in the core's order with its statuses and filters; the exports and
the timeliness report; a new register and the draft; axe in each state; offline.

The page's clock is fixed, so the statuses are the same on any day the tests run; every figure
the page shows is compared with what the core itself says for that day.
"""

from __future__ import annotations

import base64
import copy
import csv
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from csprcore import api
from csprcore.forms import engine
from csprcore.forms.action_plan import ActionPlan
from csprcore.forms.rapid_review import RapidReview

from .conftest import wait_until
from .test_appendix_templates import download, flat
from .test_case_safety import choose_file
from .test_referral_form import read_pdf
from .test_runtime import served_copy, sw_context, wait_for_precache, wait_ready

__all__ = ["served_copy", "sw_context"]  # fixtures used below

PAGE = "tools/case-register/"
TODAY = date(2026, 12, 1)
Axe = Callable[[Page], list[dict[str, Any]]]

#: The unit's drive: the page's file pickers give handles to files in the origin's private
#: file system, which the test reads and changes as a colleague would.
PICKERS = """
window.showOpenFilePicker = async () => {
  const dir = await navigator.storage.getDirectory();
  return [await dir.getFileHandle("case-register.json")];
};
window.showSaveFilePicker = async () => {
  const dir = await navigator.storage.getDirectory();
  return dir.getFileHandle("copy-of-register.json", { create: true });
};
"""
WRITE = """async ([name, text]) => {
  const dir = await navigator.storage.getDirectory();
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}"""
READ = """async (name) => {
  const dir = await navigator.storage.getDirectory();
  return (await (await dir.getFileHandle(name)).getFile()).text();
}"""


def core(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    assert result["ok"], result
    return result


def rapid_review(initials: str | None = None) -> str:
    doc = RapidReview.example()
    if initials:
        doc = copy.deepcopy(doc)
        doc["case"]["child_initials"] = initials
    return engine.write_json(doc)


def local_review_from(rr: str) -> str:
    made = core("form_start_from", {
        "file": {"name": "rr.json", "base64": base64.b64encode(rr.encode()).decode()},
        "form": "local-review", "answers": {}, "today": TODAY.isoformat()})  # fmt: skip
    return engine.write_json(made["document"])


def open_page(page: Page) -> Page:
    page.clock.set_fixed_time(datetime(2026, 12, 1, 10, 0))
    page.goto(PAGE)
    wait_ready(page)
    return page


@pytest.fixture
def reg(page: Page) -> Page:
    return open_page(page)


@pytest.fixture
def axe(axe: Axe) -> Axe:
    """axe, with the pointer moved off the button just clicked (its hover colours are
    mid-transition for a moment, which axe would measure)."""

    def run(page: Page) -> list[dict[str, Any]]:
        page.mouse.move(0, 0)
        page.wait_for_timeout(300)
        return axe(page)

    return run


def type_date(page: Page, name: str, day: date) -> None:
    page.locator(f"[name='{name}-day']").fill(str(day.day))
    page.locator(f"[name='{name}-month']").fill(str(day.month))
    page.locator(f"[name='{name}-year']").fill(str(day.year))


def new_register(page: Page) -> None:
    page.get_by_role("button", name="Start a new register").click()
    expect(page.locator("[data-register-summary]")).to_have_text("0 cases.")


def page_register(page: Page) -> dict[str, Any]:
    """The register the page holds, as its draft keeps it."""
    wait_until(page, "localStorage.getItem('csprcore-draft-case-register') !== null")
    page.evaluate("() => new Promise((r) => setTimeout(r, 500))")  # a pending save
    raw = page.evaluate("localStorage.getItem('csprcore-draft-case-register')")
    register: dict[str, Any] = json.loads(raw)["answers"]["register"]
    return register


def rows_shown(page: Page) -> list[tuple[str, str, str]]:
    return [
        (tr.get_attribute("data-index") or "", tr.get_attribute("data-stage") or "",
         tr.get_attribute("data-status") or "")
        for tr in page.locator("[data-cases] tbody tr:not([hidden])").all()
    ]  # fmt: skip


def expected_rows(register: dict[str, Any]) -> list[tuple[str, str, str]]:
    view = core("register_view", {"register": register, "today": TODAY.isoformat()})
    return [
        (
            str(r["index"]),
            r["stage"],
            r["next_deadline"]["status"] if r["next_deadline"] else "none",
        )
        for r in view["rows"]
    ]


def add_case_by_hand(page: Page, reference: str, initials: str, dates: dict[str, date]) -> None:
    page.get_by_role("button", name="Add a case").click()
    expect(page.locator("[data-case-title]")).to_be_focused()
    page.locator("#reference").fill(reference)
    page.locator("#child_initials").fill(initials)
    for name, day in dates.items():
        type_date(page, name, day)
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-title]")).to_have_text(f"Case {reference}")
    expect(page.locator("[data-case-message]")).to_contain_text("The case has been saved")


def back_to_list(page: Page, *, discard: bool = False) -> None:
    """Back to the cases; ``discard``: the case's boxes have changes not saved, so the page
    asks first, and the test says yes."""
    page.locator("[data-case-view] .cs-actions [data-back]").first.click()
    if discard:
        confirm = page.locator("[data-back-confirm]")
        expect(confirm).to_contain_text("This case has changes that are not saved")
        expect(confirm.locator("p")).to_be_focused()
        confirm.get_by_role("button", name="Yes, go back to the cases").click()
    expect(page.locator("[data-list-view]")).to_be_visible()


def test_cases_by_hand_and_from_documents_in_the_core_order(
    reg: Page, tmp_path: Path, axe: Axe
) -> None:
    page = reg
    assert axe(page) == []
    new_register(page)
    assert axe(page) == []

    # The case form's errors are the core's, GOV.UK-style.
    page.get_by_role("button", name="Add a case").click()
    page.get_by_role("button", name="Save the case").click()
    summary = page.locator("#case-error-summary")
    expect(summary).to_be_focused()
    expect(page.locator("#reference-error")).to_be_visible()
    type_date(page, "meeting", date(2026, 11, 2))
    type_date(page, "sent-to-panel", date(2026, 10, 1))
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("#sent-to-panel-error")).to_be_visible()
    assert page.locator("#case-error-summary a[href='#sent-to-panel-day']").count() == 1
    assert axe(page) == []
    back_to_list(page, discard=True)

    # By hand: a referral six weeks ago, nothing since (scoping is overdue).
    add_case_by_hand(page, "NEL-2026-101", "A B", {"aware": date(2026, 10, 19),
                                                    "referral": date(2026, 10, 20)})  # fmt: skip
    expect(page.locator("[data-case-stage]")).to_have_text("Scoping and Rapid Review meeting")
    expect(page.locator("[data-steps] tbody tr").first).to_be_visible()
    expect(page.locator("[data-timeline] svg")).to_have_count(1)
    assert axe(page) == []
    back_to_list(page)
    # Focus comes back to the case's own row.
    expect(page.locator("[data-open-case='0']")).to_be_focused()

    # From a document: the Rapid Review starts a case of its own.
    rr = rapid_review()
    choose_file(page, "[data-new-document-file]", "rr.json", rr)
    expect(page.locator("[data-case-title]")).to_have_text("Case NEL-2026-014")
    expect(page.locator("[data-document-file-message]")).to_contain_text("Filled in from rr.json")
    expect(page.locator("[data-case-stage]")).to_have_text("Local review")
    # A document about another child is refused, naming the file; nothing changes.
    before = page_register(page)
    choose_file(page, "[data-document-file]", "other-child.json", rapid_review("Q R"))
    error = page.locator("#document-file-error")
    expect(error).to_contain_text("other-child.json is about a child with the initials Q R")
    assert page_register(page) == before
    assert axe(page) == []
    # The local review record started from that Rapid Review fills in more of its dates.
    choose_file(page, "[data-document-file]", "lr.json", local_review_from(rr))
    expect(page.locator("[data-document-file-message]")).to_contain_text("lr.json")
    expect(error).to_be_hidden()
    choose_file(page, "[data-document-file]", "plan.json", engine.write_json(ActionPlan.example()))
    expect(page.locator("[data-document-file-message]")).to_contain_text("Filled in from plan.json")
    back_to_list(page)

    # The list: the core's order and statuses for the page's day.
    register = page_register(page)
    assert len(register["cases"]) == 2
    expect(page.locator("[data-showing]")).to_have_text("Showing 2 of 2 cases")
    assert rows_shown(page) == expected_rows(register)
    view = core("register_view", {"register": register, "today": TODAY.isoformat()})
    expect(page.locator("[data-register-summary]")).to_have_text(view["summary_text"])
    first = view["rows"][0]
    cells = page.locator("[data-cases] tbody tr").first.locator("td")
    expect(cells.nth(2)).to_contain_text(first["next_deadline"]["due_text"])
    expect(cells.nth(2)).to_contain_text(first["next_deadline"]["left_text"])
    expect(cells.nth(3)).to_have_text(first["next_deadline"]["status_label"])
    assert axe(page) == []

    # Recording the overdue step changes the case's next deadline and the order.
    page.locator("[data-open-case='0']").click()
    type_date(page, "scoping-sent", date(2026, 10, 21))
    type_date(page, "scoping-returned", date(2026, 10, 26))
    type_date(page, "meeting", date(2026, 10, 29))
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-stage]")).to_have_text("Rapid Review to the Panel")
    back_to_list(page)
    register = page_register(page)
    assert rows_shown(page) == expected_rows(register)

    # Filters, in the page, on the rows shown.
    page.locator("[data-filter-stage]").select_option("closed")
    expect(page.locator("[data-showing]")).to_have_text("Showing 0 of 2 cases")
    page.locator("[data-filter-stage]").select_option("rapid_review")
    expect(page.locator("[data-showing]")).to_have_text("Showing 1 of 2 cases")
    assert [r[0] for r in rows_shown(page)] == ["0"]
    page.locator("[data-filter-stage]").select_option("")
    page.locator("[data-filter-text]").fill("101")
    expect(page.locator("[data-cases] tbody tr:not([hidden])")).to_have_count(1)
    expect(page.locator("[data-cases] tbody tr:not([hidden])")).to_have_attribute("data-index", "0")
    expect(page.locator("[data-showing]")).to_have_text("Showing 1 of 2 cases")
    page.locator("[data-filter-text]").fill("z n")
    expect(page.locator("[data-cases] tbody tr:not([hidden])")).to_have_count(1)
    expect(page.locator("[data-cases] tbody tr:not([hidden])")).to_have_attribute("data-index", "1")
    page.locator("[data-filter-text]").fill("")
    status = expected_rows(register)[0][2]
    page.locator("[data-filter-status]").select_option(status)
    count = sum(1 for r in expected_rows(register) if r[2] == status)
    expect(page.locator("[data-showing]")).to_have_text(f"Showing {count} of 2 cases")
    assert all(r[2] == status for r in rows_shown(page))
    page.locator("[data-filter-status]").select_option("")
    expect(page.locator("[data-showing]")).to_have_text("Showing 2 of 2 cases")

    # Exports.
    exports = page.locator("[data-list-view]")
    ics = download(page, exports.get_by_role("button", name="Calendar of open deadlines (.ics)"),
                   tmp_path / "deadlines.ics").read_text(encoding="utf-8")  # fmt: skip
    assert ics.startswith("BEGIN:VCALENDAR") and "NEL-2026-101" in ics
    data = download(page, exports.get_by_role("button", name="Register for Excel (CSV)"),
                    tmp_path / "register.csv").read_bytes()  # fmt: skip
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(lines) == 3 and any("NEL-2026-014" in cell for cell in lines[2] + lines[1])
    pdf = flat(
        read_pdf(
            download(
                page,
                exports.get_by_role("button", name="One-page summary for the review group (PDF)"),
                tmp_path / "s.pdf",
            )
        )
    )
    assert "OFFICIAL-SENSITIVE" in pdf and "NEL-2026-101" in pdf
    saved = download(page, exports.get_by_role("button", name="Register file (JSON)"),
                     tmp_path / "r.json")  # fmt: skip
    assert json.loads(saved.read_text(encoding="utf-8"))["cases"] == register["cases"]


def test_timeliness_report(reg: Page, tmp_path: Path, axe: Axe) -> None:
    page = reg
    register = core("register_example", {})["register"]
    choose_file(page, "[data-register-input]", "units-register.json", json.dumps(register))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened units-register.json")
    default = core("register_report", {"register": register, "today": TODAY.isoformat()})
    expect(page.locator("[data-report-period]")).to_have_text(default["period_text"])
    # A period of the user's choosing, with the core's figures in the table and in words.
    type_date(page, "report-from", date(2026, 4, 1))
    type_date(page, "report-to", date(2027, 3, 31))
    page.get_by_role("button", name="Show the report").click()
    report = core("register_report", {"register": register, "today": TODAY.isoformat(),
                                      "from": "2026-04-01", "to": "2027-03-31"})  # fmt: skip
    expect(page.locator("[data-report-period]")).to_have_text(report["period_text"])
    expect(page.locator("[data-report-period]")).to_be_focused()
    for m in report["measures"]:
        row = page.locator(f"[data-measure='{m['id']}']")
        expect(row.locator("td").first).to_have_text(m["words"])
        # Past the last day with no date, not yet due, and no date to count from: apart.
        expect(row.locator("td").nth(2)).to_have_text(m["unknown_text"])
        expect(row.locator("td").nth(3)).to_have_text(m["pending_text"])
        expect(row.locator("td").nth(4)).to_have_text(m["no_start_text"])
        for missed in m["missed"]:
            expect(row.locator(f"[data-reference='{missed['reference']}']")).to_have_attribute(
                "data-late", str(missed["working_days_late"])
            )
    expect(page.locator("[data-report-lines] li")).to_have_text(report["lines"])
    expect(page.locator("[data-chart] svg rect")).to_have_count(2 * len(report["measures"]))
    assert axe(page) == []
    # A period that ends before it starts: the core's error at the right box.
    type_date(page, "report-to", date(2026, 1, 1))
    page.get_by_role("button", name="Show the report").click()
    expect(page.locator("#report-error-summary")).to_be_focused()
    expect(page.locator("#report-to-error")).to_be_visible()
    assert axe(page) == []
    type_date(page, "report-to", date(2027, 3, 31))
    page.get_by_role("button", name="Show the report").click()
    expect(page.locator("#report-error-summary")).to_be_hidden()

    pdf = flat(
        read_pdf(
            download(
                page,
                page.get_by_role("button", name="Download the report (PDF)"),
                tmp_path / "report.pdf",
            )
        )
    )
    assert "OFFICIAL-SENSITIVE" in pdf
    data = download(page, page.get_by_role("button", name="Download the report (CSV)"),
                    tmp_path / "report.csv").read_bytes()  # fmt: skip
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    for m in report["measures"]:
        assert m["label"] in text


def test_a_file_that_is_not_a_register_is_refused_and_changes_nothing(reg: Page) -> None:
    page = reg
    new_register(page)
    add_case_by_hand(page, "NEL-2026-201", "C D", {"referral": date(2026, 11, 20)})
    back_to_list(page)
    choose_file(page, "[data-register-input]", "notes.json", '{"form": "referral"')
    error = page.locator("#register-file-error")
    expect(error).to_contain_text("notes.json")
    expect(page.locator("[data-open-case='0']")).to_have_text("NEL-2026-201")


def test_save_in_place_merges_a_colleagues_save_and_overwrites_nothing(
    context: BrowserContext, tmp_path: Path, axe: Axe
) -> None:
    context.add_init_script(PICKERS)
    page = open_page(context.new_page())
    register = core("register_example", {})["register"]
    page.evaluate(WRITE, ["case-register.json", json.dumps(register)])

    page.get_by_role("button", name="Open a register").click()
    status = page.locator("[data-file-status]")
    expect(status).to_contain_text("case-register.json. Save writes back to this file.")
    n = len(register["cases"])
    expect(page.locator("[data-showing]")).to_have_text(f"Showing {n} of {n} cases")

    # Save in place really writes the file.
    add_case_by_hand(page, "NEL-2026-301", "E G", {"referral": date(2026, 11, 25)})
    back_to_list(page)
    expect(status).to_contain_text("not yet saved")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("[data-file-message]")).to_have_text("Saved to case-register.json.")
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    assert [c["reference"] for c in on_disk["cases"]][-1] == "NEL-2026-301"

    # A colleague saves the file meanwhile: what each changed is merged, and saved.
    colleague = copy.deepcopy(on_disk)
    next(c for c in colleague["cases"] if c["reference"] == "NEL-2026-301")["child_age"] = "4"
    page.evaluate(WRITE, ["case-register.json", json.dumps(colleague)])
    add_case_by_hand(page, "NEL-2026-302", "F H", {"referral": date(2026, 11, 26)})
    back_to_list(page)
    page.get_by_role("button", name="Save", exact=True).click()
    message = page.locator("[data-file-message]")
    expect(message).to_have_text(
        "case-register.json was saved by someone else since you opened it. Their changes and "
        "yours have been merged and saved to case-register.json."
    )
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    cases = {c["reference"]: c for c in on_disk["cases"]}
    assert cases["NEL-2026-301"]["child_age"] == "4" and "NEL-2026-302" in cases
    expect(page.locator("[data-conflict]")).to_be_hidden()

    # Both change one date differently: only that is asked, and nothing is saved until then.
    colleague = copy.deepcopy(on_disk)
    next(c for c in colleague["cases"] if c["reference"] == "NEL-2026-302")["dates"][
        "referral"] = "2026-11-27"  # fmt: skip
    theirs = json.dumps(colleague)
    page.evaluate(WRITE, ["case-register.json", theirs])
    page.locator("[data-open-case]", has_text="NEL-2026-302").click()
    type_date(page, "referral", date(2026, 11, 24))
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-message]")).to_contain_text("The case has been saved")
    back_to_list(page)
    page.get_by_role("button", name="Save", exact=True).click()
    merge = page.locator("[data-merge]")
    expect(merge).to_be_visible()
    expect(merge.locator("h3")).to_be_focused()
    expect(merge.locator("[data-merge-question]")).to_have_text(
        "NEL-2026-302, Referral received: yours is 2026-11-24; theirs is 2026-11-27."
    )
    assert page.evaluate(READ, "case-register.json") == theirs
    assert axe(page) == []
    merge.get_by_role("button", name="Keep theirs").click()
    expect(message).to_contain_text("have been merged and saved to case-register.json")
    expect(merge).to_be_hidden()
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    saved = next(c for c in on_disk["cases"] if c["reference"] == "NEL-2026-302")
    assert saved["dates"]["referral"] == "2026-11-27"

    # A file that cannot be read now cannot be merged: nothing is overwritten, and the
    # register can be saved as a copy, which the page then works on.
    page.evaluate(WRITE, ["case-register.json", "{not json"])
    add_case_by_hand(page, "NEL-2026-303", "G J", {"referral": date(2026, 11, 27)})
    back_to_list(page)
    page.get_by_role("button", name="Save", exact=True).click()
    conflict = page.locator("[data-conflict]")
    expect(conflict).to_contain_text("the file cannot be read now")
    expect(conflict.locator("p").first).to_be_focused()
    assert page.evaluate(READ, "case-register.json") == "{not json"
    assert axe(page) == []
    conflict.get_by_role("button", name="Save as a copy").click()
    expect(message).to_have_text("Saved to copy-of-register.json.")
    copied = json.loads(page.evaluate(READ, "copy-of-register.json"))
    assert [c["reference"] for c in copied["cases"]][-1] == "NEL-2026-303"
    expect(status).to_contain_text("copy-of-register.json")


def test_without_a_handle_save_downloads_the_register(reg: Page, tmp_path: Path) -> None:
    page = reg
    register = core("register_example", {})["register"]
    choose_file(page, "[data-register-input]", "case-register.json", json.dumps(register))
    expect(page.locator("[data-file-status]")).to_have_text("Register: case-register.json.")
    saved = download(page, page.get_by_role("button", name="Save", exact=True),
                     tmp_path / "case-register.json")  # fmt: skip
    assert json.loads(saved.read_text(encoding="utf-8"))["cases"] == register["cases"]
    expect(page.locator("[data-file-message]")).to_contain_text("Downloaded case-register.json")


def test_new_register_clears_everything_and_the_draft_keeps_the_register(
    reg: Page, axe: Axe
) -> None:
    page = reg
    new_register(page)
    add_case_by_hand(page, "NEL-2026-401", "J K", {"referral": date(2026, 11, 20)})
    back_to_list(page)
    # The draft keeps the register across a reload.
    page.reload()
    wait_ready(page)
    expect(page.locator("[data-open-case='0']")).to_have_text("NEL-2026-401")
    expect(page.locator("[data-draft-status]")).to_contain_text("has been restored")
    assert axe(page) == []

    # Half-typed boxes everywhere, hidden ones too; then a new register, confirmed.
    page.locator("[data-filter-text]").fill("401")
    type_date(page, "report-from", date(2026, 4, 1))
    page.get_by_role("button", name="Add a case").click()
    page.locator("#reference").fill("NEL-2026-402")
    page.locator("#review_kind-2").check()
    back_to_list(page, discard=True)
    page.get_by_role("button", name="Start a new register").click()
    confirm = page.locator("[data-new-confirm]")
    expect(confirm).to_contain_text("changes that are not saved to a file")
    assert axe(page) == []
    confirm.get_by_role("button", name="Yes, start a new register").click()
    expect(page.locator("[data-register-summary]")).to_have_text("0 cases.")
    # The report's period is filled in again by the core's answer, which comes after the
    # list's: wait for it before reading the boxes.
    default = core("register_report", {"register": core("register_new", {})["register"],
                                       "today": TODAY.isoformat()})  # fmt: skip
    start = date.fromisoformat(default["from"])
    expect(page.locator("#report-from-year")).to_have_value(str(start.year))
    values = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '[data-register] input, [data-register] select')].filter((el) => el.type !== 'file')
        .map((el) => [el.id, el.type === 'radio' ? (el.checked && el.value !== '' ? el.value : '')
                                                 : el.value]))""")
    # The report's period is the core's default again (the last financial year), and every
    # other box is empty.
    assert values.pop("report-from-year") == str(start.year)
    assert values.pop("report-from-day") == str(start.day)
    for key in [k for k in values if k.startswith("report-")]:
        values.pop(key)
    assert {k: v for k, v in values.items() if v} == {}
    expect(page.locator("[data-file-status]")).to_have_text(
        "A new register, not yet saved as a file."
    )

    # Deleting the draft clears the page and the browser's copy.
    page.get_by_role("button", name="Delete this draft").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("deleted")
    assert page.evaluate("localStorage.getItem('csprcore-draft-case-register')") is None
    expect(page.locator("[data-register-summary]")).to_contain_text("Open a register")
    page.reload()
    wait_ready(page)
    expect(page.locator("[data-register-summary]")).to_contain_text("Open a register")


def test_deleting_a_case_is_confirmed(reg: Page, axe: Axe) -> None:
    page = reg
    new_register(page)
    add_case_by_hand(page, "NEL-2026-501", "L M", {"referral": date(2026, 11, 20)})
    page.get_by_role("button", name="Delete this case").click()
    confirm = page.locator("[data-delete-case-confirm]")
    expect(confirm.locator("p")).to_be_focused()
    assert axe(page) == []
    confirm.get_by_role("button", name="Yes, delete the case").click()
    expect(page.locator("[data-list-message]")).to_have_text(
        "Case NEL-2026-501 was deleted from the register."
    )
    expect(page.locator("[data-register-summary]")).to_have_text("0 cases.")


def test_the_register_works_offline(
    sw_context: BrowserContext, served_copy: tuple[Path, str], tmp_path: Path
) -> None:
    _, base = served_copy
    page = sw_context.new_page()
    page.goto(base + PAGE)
    wait_ready(page)
    wait_for_precache(page)
    sw_context.set_offline(True)
    page.goto(base + PAGE)
    wait_ready(page)
    register = core("register_example", {})["register"]
    choose_file(page, "[data-register-input]", "case-register.json", json.dumps(register))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened case-register.json")
    page.locator("[data-open-case='0']").click()
    expect(page.locator("[data-timeline] svg")).to_have_count(1)
    back_to_list(page)
    pdf = flat(
        read_pdf(
            download(
                page,
                page.get_by_role("button", name="One-page summary for the review group (PDF)"),
                tmp_path / "s.pdf",
            )
        )
    )
    assert "OFFICIAL-SENSITIVE" in pdf


def box_date(page: Page, name: str) -> tuple[str, str, str]:
    return tuple(  # type: ignore[return-value]
        page.locator(f"[name='{name}-{part}']").input_value() for part in ("day", "month", "year")
    )


def test_adding_a_document_keeps_what_was_typed_and_not_saved(reg: Page, axe: Axe) -> None:
    page = reg
    new_register(page)
    # The Rapid Review's own case, with only the referral saved.
    add_case_by_hand(page, "NEL-2026-014", "Z N", {"referral": date(2026, 10, 14)})
    rr = rapid_review()

    # Boxes the core refuses (sent to the Panel before the meeting): nothing is added, the
    # errors are shown as "Save the case" shows them, and the page says why.
    before = page_register(page)
    type_date(page, "meeting", date(2026, 11, 2))
    type_date(page, "sent-to-panel", date(2026, 10, 1))
    choose_file(page, "[data-document-file]", "rr.json", rr)
    expect(page.locator("#case-error-summary")).to_be_focused()
    expect(page.locator("#sent-to-panel-error")).to_be_visible()
    expect(page.locator("#document-file-error")).to_contain_text(
        "The document was not added, because the case's details could not be saved"
    )
    assert page_register(page) == before
    assert box_date(page, "meeting") == ("2", "11", "2026")
    assert box_date(page, "sent-to-panel") == ("1", "10", "2026")
    assert axe(page) == []

    # Boxes the core accepts: saved first, then the document fills only what the case lacks.
    # The meeting typed (27 October) is kept over the Rapid Review's (28 October).
    for part in ("day", "month", "year"):
        page.locator(f"[name='sent-to-panel-{part}']").fill("")
    type_date(page, "meeting", date(2026, 10, 27))
    page.locator("#child_age").fill("8")
    choose_file(page, "[data-document-file]", "rr.json", rr)
    message = page.locator("[data-document-file-message]")
    expect(message).to_contain_text("Filled in from rr.json")
    expect(message).to_contain_text("Kept the date of the Rapid Review meeting as 27 October 2026")
    expect(page.locator("#document-file-error")).to_be_hidden()
    expect(page.locator("#case-error-summary")).to_be_hidden()
    assert box_date(page, "meeting") == ("27", "10", "2026")
    expect(page.locator("#child_age")).to_have_value("8")
    saved = page_register(page)["cases"][0]
    assert saved["dates"]["meeting"] == "2026-10-27"
    assert saved["dates"]["referral"] == "2026-10-14"
    assert saved["dates"]["notified"] == "2026-10-16"  # from the document
    # What is shown is what is saved: going back asks nothing.
    back_to_list(page)


SLOW_WRITE = """
if (typeof FileSystemWritableFileStream !== "undefined") {
  const realClose = FileSystemWritableFileStream.prototype.close;
  FileSystemWritableFileStream.prototype.close = async function () {
    if (window.__hold) {
      window.__held = true;
      await window.__hold;
    }
    return realClose.call(this);
  };
}
"""


def test_a_change_made_while_saving_stays_unsaved(context: BrowserContext) -> None:
    context.add_init_script(PICKERS)
    context.add_init_script(SLOW_WRITE)
    page = open_page(context.new_page())
    register = core("register_example", {})["register"]
    page.evaluate(WRITE, ["case-register.json", json.dumps(register)])
    page.get_by_role("button", name="Open a register").click()
    status = page.locator("[data-file-status]")
    expect(status).to_contain_text("Save writes back to this file.")
    add_case_by_hand(page, "NEL-2026-701", "P Q", {"referral": date(2026, 11, 25)})
    back_to_list(page)

    # The save is held at the write; a case is added meanwhile.
    page.evaluate("() => { window.__hold = new Promise((r) => { window.__release = r; }); }")
    page.get_by_role("button", name="Save", exact=True).click()
    wait_until(page, "window.__held === true")
    add_case_by_hand(page, "NEL-2026-702", "R S", {"referral": date(2026, 11, 26)})
    back_to_list(page)
    page.evaluate("() => { window.__hold = null; window.__release(); }")
    expect(page.locator("[data-file-message]")).to_have_text("Saved to case-register.json.")
    # The file has the first case only, so the page still says the register is not saved.
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    assert [c["reference"] for c in on_disk["cases"]][-1] == "NEL-2026-701"
    expect(status).to_contain_text("There are changes not yet saved to the file.")
    # Saving again writes the second case, with no conflict (the page wrote the file itself).
    page.get_by_role("button", name="Save", exact=True).click()
    expect(status).not_to_contain_text("not yet saved")
    expect(page.locator("[data-file-message]")).to_have_text("Saved to case-register.json.")
    expect(page.locator("[data-conflict]")).to_be_hidden()
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    assert [c["reference"] for c in on_disk["cases"]][-1] == "NEL-2026-702"


#: Holds a save just after its file is written, before the page has recorded what it wrote.
HOLD_AFTER_WRITE = """
if (typeof FileSystemWritableFileStream !== "undefined") {
  const realClose = FileSystemWritableFileStream.prototype.close;
  FileSystemWritableFileStream.prototype.close = async function () {
    const done = await realClose.call(this);
    if (window.__hold) {
      window.__held = true;
      await window.__hold;
    }
    return done;
  };
}
"""


def test_a_double_click_on_save_saves_twice_with_no_conflict(context: BrowserContext) -> None:
    context.add_init_script(PICKERS)
    context.add_init_script(HOLD_AFTER_WRITE)
    page = open_page(context.new_page())
    register = core("register_example", {})["register"]
    page.evaluate(WRITE, ["case-register.json", json.dumps(register)])
    page.get_by_role("button", name="Open a register").click()
    expect(page.locator("[data-file-status]")).to_contain_text("Save writes back to this file.")
    add_case_by_hand(page, "NEL-2026-801", "T U", {"referral": date(2026, 11, 25)})
    back_to_list(page)
    # The first save has written the file and is held before it records what it wrote when
    # the second click comes: the file on disk is newer than the page knows.
    page.evaluate("() => { window.__hold = new Promise((r) => { window.__release = r; }); }")
    save = page.get_by_role("button", name="Save", exact=True)
    save.click()
    wait_until(page, "window.__held === true")
    save.click()
    page.wait_for_timeout(300)
    page.evaluate("() => { window.__hold = null; window.__release(); }")
    expect(page.locator("[data-file-message]")).to_have_text("Saved to case-register.json.")
    page.wait_for_timeout(500)
    expect(page.locator("[data-file-message]")).to_have_text("Saved to case-register.json.")
    expect(page.locator("[data-conflict]")).to_be_hidden()
    expect(page.locator("[data-file-status]")).not_to_contain_text("not yet saved")
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    assert [c["reference"] for c in on_disk["cases"]][-1] == "NEL-2026-801"


def test_a_register_over_the_forms_limit_opens_and_one_over_its_own_is_too_big(
    reg: Page,
) -> None:
    page = reg
    register = core("register_example", {})["register"]
    # Over the forms' 1 MB and under the register's 5 MB: the white space comes first (still
    # JSON), so a page that read only the first megabyte would find no register in it.
    big = " " * 1_500_000 + json.dumps(register)
    choose_file(page, "[data-register-input]", "big-register.json", big)
    expect(page.locator("[data-file-message]")).to_contain_text("Opened big-register.json")
    n = len(register["cases"])
    expect(page.locator("[data-showing]")).to_have_text(f"Showing {n} of {n} cases")
    # Over the register's own limit: too big, in the core's words, and nothing changes.
    too_big = " " * 5_100_000 + json.dumps(register)
    choose_file(page, "[data-register-input]", "huge-register.json", too_big)
    error = page.locator("#register-file-error")
    expect(error).to_contain_text("huge-register.json is too big: a case register is under 5 MB")
    expect(error).not_to_contain_text("JSON")
    expect(page.locator("[data-file-status]")).to_have_text("Register: big-register.json.")


def test_work_typed_in_a_case_is_not_lost_without_asking(context: BrowserContext, axe: Axe) -> None:
    context.add_init_script(PICKERS)
    page = open_page(context.new_page())
    new_register(page)
    add_case_by_hand(page, "NEL-2026-801", "T U", {"referral": date(2026, 11, 20)})
    # Nothing typed since it was saved: back goes straight to the list.
    back_to_list(page)

    # An existing case with a date typed and not saved: back asks; cancel keeps the boxes.
    page.locator("[data-open-case='0']").click()
    expect(page.locator("[data-case-title]")).to_have_text("Case NEL-2026-801")
    type_date(page, "scoping-sent", date(2026, 11, 23))
    back = page.locator("[data-case-view] .cs-actions [data-back]").first
    back.click()
    confirm = page.locator("[data-back-confirm]")
    expect(confirm).to_contain_text("This case has changes that are not saved")
    expect(confirm.locator("p")).to_be_focused()
    assert axe(page) == []
    confirm.get_by_role("button", name="Cancel").click()
    expect(confirm).to_be_hidden()
    expect(back).to_be_focused()
    expect(page.locator("[data-case-view]")).to_be_visible()
    assert box_date(page, "scoping-sent") == ("23", "11", "2026")

    # "Start a new register" and "Open a register" ask too, in the case's words, even when
    # the register itself has just been saved.
    page.get_by_role("button", name="Save", exact=True).click()  # no handle: a download
    expect(page.locator("[data-file-status]")).not_to_contain_text("not yet saved")
    new_confirm = page.locator("[data-new-confirm]")
    page.get_by_role("button", name="Start a new register").click()
    expect(new_confirm).to_contain_text("The case on this page has changes that are not saved")
    expect(new_confirm.get_by_role("button", name="Yes, start a new register")).to_be_visible()
    new_confirm.get_by_role("button", name="Cancel").click()
    page.get_by_role("button", name="Open a register").click()
    expect(new_confirm).to_contain_text("Open another register anyway?")
    expect(new_confirm.get_by_role("button", name="Yes, open another register")).to_be_visible()
    new_confirm.get_by_role("button", name="Cancel").click()
    assert box_date(page, "scoping-sent") == ("23", "11", "2026")

    # Saved, nothing is asked; the same for a new case that was typed in.
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-message]")).to_contain_text("The case has been saved")
    back_to_list(page)
    page.get_by_role("button", name="Add a case").click()
    page.locator("#reference").fill("NEL-2026-802")
    back_to_list(page, discard=True)
    assert [c["reference"] for c in page_register(page)["cases"]] == ["NEL-2026-801"]


def test_a_case_with_nothing_due_says_which_date_would_work_out_more(
    reg: Page, axe: Axe, tmp_path: Path
) -> None:
    page = reg
    new_register(page)
    # A local review with no decision date: nothing can be due yet.
    page.get_by_role("button", name="Add a case").click()
    page.locator("#reference").fill("NEL-2026-901")
    page.locator("#child_initials").fill("V W")
    page.locator("[name='review_kind'][value='local']").check()
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-title]")).to_have_text("Case NEL-2026-901")
    register = page_register(page)
    shown = core("register_case", {"register": register, "index": 0, "today": TODAY.isoformat()})
    assert shown["deadlines"] == [] and shown["waiting"]
    expect(page.locator("[data-case-deadlines]")).to_have_text("This case has no open deadline.")
    waiting = page.locator("[data-case-waiting] > li")
    expect(waiting).to_have_count(len(shown["waiting"]))
    for item, w in zip(waiting.all(), shown["waiting"], strict=True):
        expect(item).to_contain_text(w["text"])
        expect(item.locator("li")).to_have_text([m["label"] for m in w["milestones"]])
    expect(page.locator("[data-case-waiting]")).to_contain_text(
        "Enter the date of the decision to initiate a local review to work out:"
    )
    assert axe(page) == []
    page.locator("[data-case-details]").screenshot(path=tmp_path / "case-waiting.png")

    # The list's row: nothing due, and the core's hint when it gives one.
    back_to_list(page)
    row = core("register_view", {"register": register, "today": TODAY.isoformat()})["rows"][0]
    cell = page.locator("[data-cases] tbody tr").first.locator("td").nth(2)
    expect(cell).to_contain_text("None open")
    if row.get("hint"):
        expect(cell.locator(".cs-register__hint")).to_have_text(row["hint"])
    else:
        expect(cell.locator(".cs-register__hint")).to_have_count(0)
    page.locator("[data-cases]").screenshot(path=tmp_path / "list-hint.png")


def test_a_new_register_leaves_nothing_of_the_last_case_in_the_page(reg: Page) -> None:
    page = reg
    new_register(page)
    add_case_by_hand(page, "NEL-2026-951", "X Y", {"aware": date(2026, 10, 19),
                                                    "referral": date(2026, 10, 20)})  # fmt: skip
    expect(page.locator("[data-steps] tbody tr").first).to_be_visible()
    page.get_by_role("button", name="Delete this case").click()
    page.get_by_role("button", name="Yes, delete the case").click()
    expect(page.locator("[data-list-message]")).to_contain_text("NEL-2026-951")
    add_case_by_hand(page, "NEL-2026-952", "X Y", {"referral": date(2026, 10, 20)})
    back_to_list(page)
    expect(page.locator("[data-measures] tbody tr").first).to_be_attached()

    page.get_by_role("button", name="Start a new register").click()
    page.get_by_role("button", name="Yes, start a new register").click()
    expect(page.locator("[data-register-summary]")).to_have_text("0 cases.")
    # Nothing of either case anywhere in the page, shown or hidden (the words the glue
    # carries in its JSON block aside); the report is the new, empty register's.
    everything = page.evaluate("""() => {
      const copy = document.querySelector('[data-register]').cloneNode(true);
      copy.querySelector('[data-register-text]').remove();
      return copy.textContent;
    }""")
    for leftover in ("NEL-2026-951", "NEL-2026-952", "X Y"):
        assert leftover not in everything
    expect(page.locator("[data-case-title]")).to_have_text("Add a case")
    leftovers = ("[data-steps] tbody tr", "[data-timeline] *", "[data-case-deadlines] li",
                 "[data-case-waiting] li", "[data-case-stage] *", "[data-sources] li")  # fmt: skip
    for selector in leftovers:
        expect(page.locator(selector)).to_have_count(0)


def test_the_document_hint_says_a_referral_cannot_start_a_case(reg: Page) -> None:
    page = reg
    new_register(page)
    hint = page.locator("#new-document-file-hint")
    expect(hint).to_contain_text("add the case first, then add the referral to it")
    expect(hint).not_to_contain_text("A referral, Rapid Review")


def test_start_from_the_units_spreadsheet(reg: Page, tmp_path: Path, axe: Axe) -> None:
    """A unit's own sheet, its columns chosen on the page: those whose heading says what
    they hold are chosen already; a bad cell is refused naming its row and column, and the
    register on the page is unchanged until the sheet imports."""
    page = reg
    sheet = tmp_path / "our-cases.csv"
    good = (
        "Reference,Initials,Date LA aware,Referral received,Notes\r\n"
        "GRM-1,A B,02/11/2026,03/11/2026,first\r\n"
        "GRM-2,C D,2026-10-01,2026-10-02,\r\n"
    )
    sheet.write_text(good.replace("03/11/2026", "33/11/2026"), encoding="utf-8")
    page.locator("[data-sheet-input]").set_input_files(sheet)
    mapping = page.locator("[data-sheet-map]")
    expect(mapping.locator("h3")).to_be_focused()
    expect(mapping.get_by_label("Reference", exact=True)).to_have_value("reference")
    expect(mapping.get_by_label("Referral received", exact=True)).to_have_value("referral")
    expect(mapping.get_by_label("Notes", exact=True)).to_have_value("")
    mapping.get_by_label("Initials", exact=True).select_option("child_initials")
    mapping.get_by_label("Date LA aware", exact=True).select_option("aware")
    assert axe(page) == []
    mapping.get_by_role("button", name="Import the sheet").click()
    error = page.locator("#sheet-error")
    expect(error).to_contain_text("Row 2, column 'Referral received': '33/11/2026' is not a date")
    expect(page.locator("[data-showing]")).to_have_text("")

    sheet.write_text(good, encoding="utf-8")
    page.locator("[data-sheet-input]").set_input_files(sheet)
    mapping.get_by_label("Initials", exact=True).select_option("child_initials")
    mapping.get_by_label("Date LA aware", exact=True).select_option("aware")
    mapping.get_by_role("button", name="Import the sheet").click()
    expect(page.locator("[data-file-message]")).to_have_text(
        "Imported 2 cases from our-cases.csv. Not used: Notes."
    )
    expect(page.locator("[data-showing]")).to_have_text("Showing 2 of 2 cases")
    expect(mapping).to_be_hidden()
    expect(error).to_be_hidden()
    expect(page.locator("[data-file-status]")).to_contain_text("not yet saved")

    # A sheet chosen, then the draft deleted: its headings go with it, hidden ones too.
    page.locator("[data-sheet-input]").set_input_files(sheet)
    expect(mapping.locator("select")).to_have_count(5)
    page.locator("[data-delete-draft]").click()
    page.get_by_role("button", name="Yes, delete the draft").click()
    expect(mapping).to_be_hidden()
    expect(mapping.locator("[data-sheet-columns] *")).to_have_count(0)
    # A workbook is refused before any column is offered.
    page.locator("[data-sheet-input]").set_input_files(
        files=[{"name": "cases.xlsx", "mimeType": "text/csv", "buffer": b"PK\x03\x04\x14\x00"}]
    )
    expect(error).to_contain_text("cases.xlsx is a workbook, not a CSV file")
    expect(mapping).to_be_hidden()


def test_after_a_reload_save_still_writes_back_to_the_file(context: BrowserContext) -> None:
    """The file's handle is kept in this browser (IndexedDB), so a reload does not turn Save
    into a download; what the file held is kept too, so a colleague's save is still merged."""
    context.add_init_script(PICKERS)
    page = open_page(context.new_page())
    register = core("register_example", {})["register"]
    page.evaluate(WRITE, ["case-register.json", json.dumps(register)])
    page.get_by_role("button", name="Open a register").click()
    status = page.locator("[data-file-status]")
    expect(status).to_contain_text("Save writes back to this file.")
    add_case_by_hand(page, "NEL-2026-501", "K L", {"referral": date(2026, 11, 25)})
    back_to_list(page)
    page.reload()
    wait_ready(page)
    expect(page.locator("[data-file-message]")).to_have_text(
        "The register was restored from the draft in this browser. Save writes back to "
        "case-register.json."
    )
    expect(status).to_contain_text("Save writes back to this file.")
    colleague = json.loads(page.evaluate(READ, "case-register.json"))
    next(c for c in colleague["cases"] if c["reference"] == "NEL-2026-001")["child_age"] = "4"
    page.evaluate(WRITE, ["case-register.json", json.dumps(colleague)])
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("[data-file-message]")).to_contain_text("have been merged and saved")
    on_disk = json.loads(page.evaluate(READ, "case-register.json"))
    refs = {c["reference"]: c for c in on_disk["cases"]}
    assert "NEL-2026-501" in refs and refs["NEL-2026-001"]["child_age"] == "4"


def test_the_register_on_a_390px_phone_reflows_and_passes_axe(
    context: BrowserContext, axe: Axe
) -> None:
    """WCAG 1.4.10 (reflow): on a 390 px phone the list, a case with its every-step table and
    the report fit the screen with no sideways scrolling, and axe finds nothing."""
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page)
    register = core("register_example", {})["register"]
    choose_file(page, "[data-register-input]", "units-register.json", json.dumps(register))
    expect(page.locator("[data-file-message]")).to_contain_text("Opened units-register.json")

    def sideways() -> int:
        width = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        return int(page.evaluate(width))

    assert sideways() <= 0, "the list scrolls sideways"
    assert axe(page) == []
    page.locator("[data-open-case]").first.click()
    expect(page.locator("[data-steps] tbody tr").first).to_be_visible()
    assert sideways() <= 0, "a case's steps scroll sideways"
    table = page.locator("[data-steps]")
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), "the steps table overflows"
    assert axe(page) == []
    back_to_list(page)
    page.get_by_role("button", name="Show the report").click()
    expect(page.locator("[data-measure]").first).to_be_visible()
    assert sideways() <= 0, "the report scrolls sideways"
    assert axe(page) == []


#: Holds the core's calls to the functions named in ``window.__holdCalls`` until the test
#: calls ``window.__releaseCalls()``: an answer that arrives late, as on a slow device or
#: while a part of the core is still downloading.
HOLD_CALLS = """
(() => {
  const realPost = Worker.prototype.postMessage;
  window.__held = [];
  window.__releaseCalls = () => { for (const send of window.__held.splice(0)) send(); };
  Worker.prototype.postMessage = function (message, ...rest) {
    const send = () => realPost.call(this, message, ...rest);
    if ((window.__holdCalls ?? []).includes(message?.fn)) window.__held.push(send);
    else send();
  };
})();
"""


def held(page: Page, count: int) -> None:
    wait_until(page, f"window.__held.length === {count}")


def one_case_holding(context: BrowserContext, reference: str, initials: str, call: str) -> Page:
    """A new register with one case added by hand, back at the list, where the worker now
    holds every ``call`` until ``window.__releaseCalls()``."""
    context.add_init_script(HOLD_CALLS)
    page = open_page(context.new_page())
    new_register(page)
    add_case_by_hand(page, reference, initials, {"referral": date(2026, 11, 2)})
    back_to_list(page)
    page.evaluate(f"() => {{ window.__holdCalls = ['{call}']; }}")
    return page


def test_a_late_answer_about_one_case_never_fills_in_another(context: BrowserContext) -> None:
    # The case is asked for; before its answer comes, the user starts a new case and types.
    page = one_case_holding(context, "NEL-2026-801", "A B", "register_case")
    page.locator("[data-open-case='0']").click()
    held(page, 1)
    page.get_by_role("button", name="Add a case").click()
    page.locator("#reference").fill("NEL-2026-802")
    page.locator("#child_initials").fill("Y Z")
    page.evaluate("() => { window.__holdCalls = []; window.__releaseCalls(); }")
    page.wait_for_timeout(1500)
    # The new case keeps what was typed; nothing of the first case is in it.
    expect(page.locator("[data-case-title]")).to_have_text("Add a case")
    expect(page.locator("#reference")).to_have_value("NEL-2026-802")
    expect(page.locator("#child_initials")).to_have_value("Y Z")
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-title]")).to_have_text("Case NEL-2026-802")
    assert [c["reference"] for c in page_register(page)["cases"]] == [
        "NEL-2026-801", "NEL-2026-802"]  # fmt: skip


def test_a_document_read_while_a_case_was_saved_does_not_undo_the_save(
    context: BrowserContext,
) -> None:
    # A Rapid Review is read into a new case; while it is read, the first case is changed.
    page = one_case_holding(context, "NEL-2026-811", "C D", "register_add_document")
    choose_file(page, "[data-new-document-file]", "rr.json", rapid_review())
    held(page, 1)
    page.locator("[data-open-case='0']").click()
    expect(page.locator("[data-case-title]")).to_have_text("Case NEL-2026-811")
    page.locator("#child_age").fill("7")
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator("[data-case-message]")).to_contain_text("The case has been saved")
    page.evaluate("() => { window.__holdCalls = []; window.__releaseCalls(); }")
    # The document's answer was worked out from the register before the save: it is not
    # applied, and the page says so; the case shown and its saved age stay.
    expect(page.locator("[data-new-document-file-message]")).to_contain_text(
        "The register changed while this was being done"
    )
    expect(page.locator("[data-case-title]")).to_have_text("Case NEL-2026-811")
    cases = page_register(page)["cases"]
    assert [(c["reference"], c["child_age"]) for c in cases] == [("NEL-2026-811", "7")]
