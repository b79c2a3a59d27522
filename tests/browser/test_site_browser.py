"""The built site in Chromium: accessibility, search, print, small screens and no JavaScript.

Run ``make build`` first. Every page is checked with axe-core (WCAG 2.2 AA rules) and must
load nothing from another origin.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

# North East Lincolnshire's pages, dates and words: run with its profile only (tests/conftest.py);
# test_partnerships.py checks any partnership's outputs.
pytestmark = pytest.mark.nel

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("CSPRCORE_SITE", ROOT / "site")).resolve()

NOT_BUILT = "(site not built)"


def site_pages() -> list[str]:
    """Every page of the built site, as a path relative to the site root."""
    pages = [
        p.parent.relative_to(SITE).as_posix() + "/"
        for p in sorted(SITE.rglob("index.html"))
        if p.parent.name != "search"
    ]
    return [("" if p == "./" else p) for p in pages] or [NOT_BUILT]


PROCEDURE = [f"procedure/section-{n}/" for n in range(1, 14)] + ["procedure/appendix-1/"]
OUR_PAGES = [
    "",
    *PROCEDURE,
    "about/glossary/",
    "about/amendments/",
    "about/accessibility/",
    "about/privacy/",
]


def open_page(page: Page, path: str) -> None:
    if path == NOT_BUILT:
        pytest.fail("The site is not built: run `make build` first")
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", site_pages())
def test_site_axe_every_page(
    page: Page, axe: Callable[[Page], list[dict[str, Any]]], off_origin: Any, path: str
) -> None:
    open_page(page, path)
    violations = axe(page)
    assert violations == [], f"/{path}: {violations}"
    assert off_origin.requests == [], f"/{path} asked another origin for {off_origin.requests}"


@pytest.mark.parametrize("path", ["procedure/appendix-1/", ""])
def test_site_axe_with_abbreviation_tooltip_open(
    page: Page, axe: Callable[[Page], list[dict[str, Any]]], path: str
) -> None:
    open_page(page, path)
    abbr = page.locator("article abbr").first
    abbr.hover()
    assert axe(page) == []


def test_site_search_finds_a_section(page: Page, off_origin: Any) -> None:
    open_page(page, "procedure/section-1/")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("perceived conflict of interest", delay=10)
    result = page.locator(".md-search-result__link[href*='procedure/section-9/']").first
    expect(result).to_be_visible(timeout=15_000)
    assert "9. Commissioning a reviewer" in result.inner_text()
    assert off_origin.requests == []


@pytest.mark.parametrize(
    ("phrase", "cite"),
    [
        ("Line of Sight Learning Event", "section-7"),
        ("Multi Agency Innovation Hub", "section-5"),
        ("pool of potential reviewers", "section-13"),
        ("Initial Scoping and Information Sharing Template", "appendix-1"),
    ],
)
def test_site_search_reaches_other_pages(page: Page, phrase: str, cite: str) -> None:
    open_page(page, "")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(phrase, delay=10)
    result = page.locator(f".md-search-result__link[href*='procedure/{cite}/']").first
    expect(result).to_be_visible(timeout=15_000)


def test_site_print_hides_navigation_and_shows_link_targets(page: Page) -> None:
    open_page(page, "procedure/section-3/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    after = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('article a[href^="https://www.gov.uk"]'), '::after'
        ).content"""
    )
    assert after == '" (https://www.gov.uk/guidance/report-a-serious-child-safeguarding-incident)"'
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("width", [375, 320])
def test_site_phone_screen_has_no_sideways_scroll(
    browser: Browser, base_url: str, width: int
) -> None:
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 667}, service_workers="block"
    )
    page = context.new_page()
    try:
        for path in OUR_PAGES:
            open_page(page, path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"/{path} scrolls sideways by {overflow}px at {width}px wide"
        # The menu opens on a phone and lists the procedure.
        open_page(page, "procedure/section-3/")
        page.get_by_label("Navigation").first.wait_for(state="attached")
        page.locator("label.md-header__button[for='__drawer']").click()
        expect(page.locator(".md-nav--primary a[href$='section-9/']")).to_be_visible()
    finally:
        context.close()


@pytest.fixture
def no_js_page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=base_url, java_script_enabled=False, service_workers="block"
    )
    page = context.new_page()
    yield page
    context.close()


def test_site_diagrams_readable_without_javascript(no_js_page: Page) -> None:
    for path, name in (
        ("procedure/appendix-1/", "Timeline of the Rapid Review"),
        ("", "Overview of the child safeguarding practice review process"),
    ):
        open_page(no_js_page, path)
        image = no_js_page.get_by_role("img", name=re.compile(name))
        expect(image).to_be_visible()
        box = image.bounding_box()
        assert box is not None and box["height"] > 300
    open_page(no_js_page, "procedure/appendix-1/")
    table = no_js_page.get_by_role("table", name=re.compile("Rapid Review process"))
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="Timescale")).to_be_visible()


def test_site_external_links_are_marked(page: Page) -> None:
    open_page(page, "procedure/section-3/")
    gov_uk = page.locator('article a[href^="https://www.gov.uk"]')
    # Screen readers hear "(external link)"; everyone sees an arrow.
    expect(gov_uk).to_have_accessible_name(re.compile(r"\(external link\)$"))
    arrow = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('article a[href^="https://www.gov.uk"]'), '::after'
        ).content"""
    )
    assert "↗" in arrow
    internal = page.get_by_role("link", name="Safeguarding Practice Review referral Form")
    expect(internal).to_have_attribute("href", "../../tools/referral-form/")
    expect(internal).to_have_accessible_name("Safeguarding Practice Review referral Form")


def test_site_keyboard_skip_link_and_abbreviations(page: Page) -> None:
    open_page(page, "procedure/section-2/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    abbr = page.locator("article abbr", has_text="SRG").first
    expect(abbr).to_have_attribute("title", "Safeguarding Review Group")


def test_site_last_reviewed_visible(page: Page) -> None:
    open_page(page, "procedure/section-5/")
    expect(page.locator(".last-reviewed")).to_have_text(
        re.compile(r"Last reviewed: 26 November 2026")
    )
