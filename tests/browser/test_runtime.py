"""The browser runtime: the rule core in a worker, loading states, offline use, updates and
privacy (no request to any other origin), in the built site."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from assembly.serve import make_server
from csprcore.partnership import current

from .conftest import ROOT, OffOrigin, wait_until

TOOLS = [
    "tools/criteria-checker/",
    "tools/deadline-calculator/",
    "tools/referral-form/",
    "tools/scoping-return/",
    "tools/rapid-review/",
]
READY_TIMEOUT = 120_000


def html_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def wait_ready(page: Page) -> None:
    expect(page.locator("#csprcore-tool")).to_have_attribute(
        "data-core-state", "ready", timeout=READY_TIMEOUT
    )


@pytest.mark.parametrize("path", TOOLS)
def test_tool_page_reaches_ready(page: Page, path: str) -> None:
    page.goto(path)
    root = page.locator("#csprcore-tool")
    # Usable at once: the page is there, with a visible status, before Python is ready.
    expect(root).to_have_attribute("data-core-state", "loading")
    expect(page.locator("[data-core-status] [role=status]")).to_be_visible()
    wait_ready(page)
    expect(page.locator("[data-core-retry]")).to_be_hidden()
    result = page.evaluate(
        """async () => {
            const { startCore } = await import('../../assets/csprcore/core.js');
            const el = document.createElement('div');
            const core = startCore(el);
            return core.call('workdays_add', {date: '2026-12-18', n: 5});
        }"""
    )
    assert result == {"date": "2026-12-29", "ok": True}


def test_no_request_to_another_origin(page: Page, site_dir: Path, off_origin: OffOrigin) -> None:
    for path in html_pages(site_dir):
        page.goto(path)
        if path in TOOLS:
            wait_ready(page)
        else:
            page.wait_for_load_state("networkidle")
    assert off_origin.requests == []


@pytest.fixture
def served_copy(site_dir: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the built site on its own port, to change without touching site/."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    server = make_server(copy, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield copy, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def sw_context(browser: Browser) -> Iterator[BrowserContext]:
    # No request routing here: Playwright's routing would bypass the service worker.
    ctx = browser.new_context(service_workers="allow")
    yield ctx
    ctx.close()


def wait_for_precache(page: Page) -> None:
    """Until the service worker has installed (every file cached) and activated."""
    page.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.ready;
            const worker = registration.active;
            if (worker.state === 'activated') return;
            await new Promise((resolve) => worker.addEventListener('statechange', () => {
                if (worker.state === 'activated') resolve();
            }));
        }"""
    )


def test_offline_after_one_visit(sw_context: BrowserContext, served_copy: tuple[Path, str]) -> None:
    copy, base = served_copy
    page = sw_context.new_page()
    page.goto(base + "tools/criteria-checker/")
    wait_ready(page)
    wait_for_precache(page)
    sw_context.set_offline(True)
    for path in html_pages(copy):
        page.goto(base + path)
        expect(page.locator("h1").first).to_be_visible()
        if path in TOOLS:
            wait_ready(page)
    # Search runs from the cached index too.
    commissioning = current().page_of("section-9")
    page.goto(base + f"procedure/{commissioning.slug}/")
    assert page.locator("h1").inner_text().startswith(commissioning.title[:12])


def test_new_deployment_prompts_for_reload(
    sw_context: BrowserContext, served_copy: tuple[Path, str]
) -> None:
    copy, base = served_copy
    page = sw_context.new_page()
    page.goto(base)
    wait_for_precache(page)
    page.reload()
    wait_until(page, "!!navigator.serviceWorker.controller")
    # A new deployment: a page changes and the service worker is rebuilt with new revisions.
    index = copy / "index.html"
    index.write_text(index.read_text().replace("</h1>", " (new version)</h1>", 1))
    subprocess.run(["node", str(ROOT / "assembly" / "sw.mjs"), str(copy)], check=True,
                   capture_output=True)  # fmt: skip
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    prompt = page.locator("#csprcore-update")
    expect(prompt).to_contain_text("A new version is available", timeout=60_000)
    # Until the user asks, the old version stays: old and new files never mix.
    assert "(new version)" not in page.locator("h1").first.inner_text()
    with page.expect_navigation(timeout=60_000):
        prompt.get_by_role("button", name="Reload to update").click()
    expect(page.locator("h1").first).to_contain_text("(new version)")


def test_tampered_wheel_is_refused_with_a_retry(
    browser: Browser, served_copy: tuple[Path, str]
) -> None:
    copy, base = served_copy
    (wheel,) = (copy / "pyodide").glob("csprcore-*.whl")
    wheel.write_bytes(wheel.read_bytes() + b"tampered")
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    page.goto(base + "tools/criteria-checker/")
    root = page.locator("#csprcore-tool")
    expect(root).to_have_attribute("data-core-state", "error", timeout=READY_TIMEOUT)
    expect(page.locator("[data-core-status] [role=status]")).to_contain_text("could not start")
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
    ctx.close()
