"""The browser runtime: the rule core in a worker, loading states, offline use, updates and
privacy (no request to any other origin), in the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from assembly import runtime
from assembly.serve import make_server
from csprcore import api
from csprcore.partnership import current

from .conftest import ROOT, OffOrigin, wait_until

TOOLS = [
    "tools/criteria-checker/",
    "tools/deadline-calculator/",
    "tools/referral-form/",
    "tools/scoping-return/",
    "tools/rapid-review/",
    "tools/case-register/",
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


#: Counts the rule core's workers a page makes (not the theme's search), and what each says
#: (its message types, "load-error" when its script failed), whoever listens.
WORKERS_SEEN = """
window.__workers = [];
const RealWorker = window.Worker;
window.Worker = class extends RealWorker {
  constructor(url, options) {
    super(url, options);
    if (!options?.name?.startsWith("csprcore")) return;
    const said = [];
    window.__workers.push(said);
    this.addEventListener("message", ({ data }) => said.push(data.type ?? "answer"));
    this.addEventListener("error", () => said.push("load-error"));
  }
};
"""


def checker_until_the_worker_says(page: Page, said: str) -> None:
    """Open the checker with its own script held back until the worker, started by the
    page's head (core-start.js), has said ``said`` (a message type, or "load-error"); then
    let the script run, so that core.js takes over a worker that has already spoken."""
    held: list[Any] = []
    page.route("**/assets/csprcore/criteria-checker.js", lambda route: held.append(route))
    page.goto("tools/criteria-checker/", wait_until="commit")
    wait_until(page, f"window.__workers?.[0]?.includes('{said}')", READY_TIMEOUT / 1000)
    while not held:
        page.wait_for_timeout(50)
    assert page.evaluate("!!window.csprcoreWorker")  # not taken yet
    held[0].continue_()


def test_the_worker_starts_from_the_head_and_what_it_says_first_is_kept(
    context: BrowserContext,
) -> None:
    # core.js takes the worker that is ready, and what it said meanwhile, rather than
    # starting another.
    context.add_init_script(WORKERS_SEEN)
    page = context.new_page()
    checker_until_the_worker_says(page, "ready")
    wait_ready(page)
    expect(page.locator("#csprcore-tool")).to_have_attribute("data-core-parts", "rules")
    assert page.evaluate("window.__workers.length") == 1
    assert page.evaluate("window.csprcoreWorker") is None
    page.get_by_label("The child has died").check()
    expect(page.locator("[data-result-summary]")).not_to_be_empty()
    assert page.evaluate("window.__workers[0].includes('answer')")


def test_a_worker_that_failed_before_the_page_took_it_is_reported_with_a_retry(
    context: BrowserContext,
) -> None:
    context.add_init_script(WORKERS_SEEN)
    page = context.new_page()
    page.route("**/assets/csprcore/worker.js*", lambda route: route.fulfill(status=404))
    checker_until_the_worker_says(page, "load-error")
    root = page.locator("#csprcore-tool")
    expect(root).to_have_attribute("data-core-state", "error", timeout=READY_TIMEOUT)
    expect(page.locator("[data-core-status] [role=status]")).to_contain_text("download")
    page.unroute("**/assets/csprcore/worker.js*")
    page.get_by_role("button", name="Try again").click()
    wait_ready(page)
    assert page.evaluate("window.__workers.length") == 2


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
    """Until the service worker has installed (the site's shell cached) and activated; on a
    tool page, until it has kept the runtime too (web/js/sw-runtime.js)."""
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
    if page.locator("#csprcore-tool").count():
        wait_for_offline_tools(page)


def wait_for_offline_tools(page: Page) -> None:
    expect(page.locator("[data-offline]")).to_have_attribute(
        "data-offline-state", "done", timeout=READY_TIMEOUT
    )


#: What the browser's Cache Storage holds for the site (not the memory snapshot a tool
#: makes of its own runtime): [bytes, files, runtime files].
STORED = """async () => {
    let bytes = 0, files = 0, runtime = 0;
    for (const name of await caches.keys()) {
        if (name === 'csprcore-snapshot') continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
            files += 1;
            if (new URL(request.url).pathname.includes('/pyodide/')) runtime += 1;
        }
    }
    return [bytes, files, runtime];
}"""
SHELL_BUDGET = 5_000_000


def precached(site: Path) -> list[str]:
    """The paths the service worker precaches (its Workbox manifest)."""
    return re.findall(r'\{url:"([^"]+)",revision:', (site / "sw.js").read_text("utf-8"))


def test_the_shell_keeps_to_its_budget_and_the_runtime_is_listed_whole(site_dir: Path) -> None:
    """Reading costs a page: the first visit stores the site's shell (pages, theme, search,
    page scripts) within 5 MB, and none of the runtime; every runtime file is listed for the
    service worker with its SHA-256, so it is kept when a tool needs it."""
    import hashlib

    paths = precached(site_dir)
    assert "index.html" in paths and "assets/csprcore/site.js" in paths
    assert not [p for p in paths if p.startswith("pyodide/")]
    size = sum((site_dir / p).stat().st_size for p in paths)
    assert size <= SHELL_BUDGET, f"the shell is {size} bytes"
    # Written in by assembly/sw.mjs, in its JSDoc cast: /** @type {any} */ ({...}).
    written = (site_dir / "sw.js").read_text()
    match = re.search(r"const CSPRCORE_RUNTIME = (?:/\*\*[^*]*\*/ \()?(\{.*?\})\)?;", written)
    assert match
    listed = json.loads(match.group(1))
    files = sorted(p for p in (site_dir / "pyodide").iterdir() if p.is_file())
    assert sorted(listed) == [f"pyodide/{f.name}" for f in files]
    for f in files:
        data = f.read_bytes()
        assert listed[f"pyodide/{f.name}"] == [hashlib.sha256(data).hexdigest(), len(data)]


def test_offline_after_one_tool_page(
    sw_context: BrowserContext, served_copy: tuple[Path, str]
) -> None:
    """After one tool page has been opened online, every page and every tool works offline."""
    copy, base = served_copy
    page = sw_context.new_page()
    page.goto(base + "tools/criteria-checker/")
    wait_ready(page)
    wait_for_precache(page)
    wait_snapshot(page, "stored")
    sw_context.set_offline(True)
    for path in html_pages(copy):
        page.goto(base + path)
        expect(page.locator("h1").first).to_be_visible()
        if path.startswith("tools/") and path.count("/") == 2:
            wait_ready(page)
            # Offline, every tool starts from the snapshot the first visit made.
            wait_snapshot(page, "restored")
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


# --- the runtime's memory snapshot ----------------------------------------------------------

SNAPSHOT_CACHE = "csprcore-snapshot"
#: Calls whose answers must be CPython's whichever way the runtime started.
SAME_ANSWERS = [
    ("workdays_add", {"date": "2026-12-18", "n": 5}),
    ("check", {"abuse_or_neglect": "suspected", "harm": "died", "incident_location": "in_area"}),
    ("deadlines", {"aware": "2026-12-18", "referral": "2026-12-18", "today": "2026-11-26"}),
    ("form_check", {"form": "referral", "answers": {}, "today": "2026-11-26"}),
]


def wait_snapshot(page: Page, *states: str) -> None:
    """Until the worker says how it started and what became of its snapshot."""
    pattern = "^(" + "|".join(states) + ")$"
    expect(page.locator("#csprcore-tool")).to_have_attribute(
        "data-core-snapshot", re.compile(pattern), timeout=READY_TIMEOUT
    )


def stored_snapshots(page: Page) -> list[dict[str, str]]:
    return list(
        page.evaluate(
            """async (name) => {
                const cache = await caches.open(name);
                const out = [];
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    out.push({url: request.url,
                              build: response.headers.get('x-csprcore-build')});
                }
                return out;
            }""",
            SNAPSHOT_CACHE,
        )
    )


def answers(page: Page) -> list[object]:
    return list(
        page.evaluate(
            """async (calls) => {
                const { startCore } = await import('../../assets/csprcore/core.js');
                const core = startCore(document.createElement('div'));
                const out = [];
                for (const [fn, payload] of calls) out.push(await core.call(fn, payload));
                return out;
            }""",
            SAME_ANSWERS,
        )
    )


def cpython_answers() -> list[object]:
    return [json.loads(api.call(fn, json.dumps(payload))) for fn, payload in SAME_ANSWERS]


def open_tool(ctx: BrowserContext, url: str, *snapshot: str) -> Page:
    page = ctx.new_page()
    page.goto(url)
    wait_ready(page)
    wait_snapshot(page, *snapshot)
    return page


# Each way a stored snapshot can be unusable, done to it in the page: its bytes changed (the
# checksum no longer matches), a copy whose checksum matches but which is not a snapshot (the
# restore itself fails), and one that restores but answers differently from its maker.
SPOIL = {
    "bytes-changed": """async ([name]) => {
        const cache = await caches.open(name);
        const [request] = await cache.keys();
        const response = await cache.match(request);
        const bytes = new Uint8Array(await response.arrayBuffer());
        for (let i = bytes.length / 2; i < bytes.length / 2 + 4096; i++) bytes[i] ^= 0xff;
        await cache.put(request, new Response(bytes, {headers: response.headers}));
    }""",
    "restore-fails": """async ([name]) => {
        const cache = await caches.open(name);
        const [request] = await cache.keys();
        const response = await cache.match(request);
        const bytes = new Uint8Array(await response.arrayBuffer());
        bytes.fill(0, 0, 64);
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const headers = new Headers(response.headers);
        headers.set('x-csprcore-sha256',
                    Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
        await cache.put(request, new Response(bytes, {headers}));
    }""",
    "answers-differently": """async ([name]) => {
        const cache = await caches.open(name);
        const [request] = await cache.keys();
        const response = await cache.match(request);
        const headers = new Headers(response.headers);
        headers.set('x-csprcore-answer', encodeURIComponent('{"serious_case": "yes"}'));
        await cache.put(request, new Response(await response.arrayBuffer(), {headers}));
    }""",
}


@pytest.mark.parametrize("spoil", SPOIL)
def test_ready_from_a_snapshot_then_from_a_spoiled_one(
    browser: Browser, base_url: str, spoil: str
) -> None:
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    expected = cpython_answers()
    # First visit: a normal boot, which stores the snapshot after ready.
    page = open_tool(ctx, "tools/criteria-checker/", "stored")
    assert answers(page) == expected
    page.close()
    # Repeat visit: started from the snapshot, same answers.
    page = open_tool(ctx, "tools/criteria-checker/", "restored")
    assert answers(page) == expected
    page.evaluate(SPOIL[spoil], [SNAPSHOT_CACHE])
    page.close()
    # A spoiled snapshot is not used: a normal boot, the same answers, a fresh snapshot.
    page = open_tool(ctx, "tools/criteria-checker/", "stored")
    expect(page.locator("[data-core-retry]")).to_be_hidden()
    assert answers(page) == expected
    page.close()
    page = open_tool(ctx, "tools/criteria-checker/", "restored")
    assert answers(page) == expected
    ctx.close()


def test_form_page_answers_with_the_rules_first_then_the_forms(
    browser: Browser, base_url: str
) -> None:
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    open_tool(ctx, "tools/deadline-calculator/", "stored").close()
    page = ctx.new_page()
    page.goto("tools/referral-form/")
    root = page.locator("#csprcore-tool")
    expect(root).to_have_attribute("data-core-parts", re.compile(r"^rules"), timeout=READY_TIMEOUT)
    wait_ready(page)
    expect(root).to_have_attribute("data-core-parts", "rules forms")
    expect(root).to_have_attribute("data-core-snapshot", "restored")
    assert answers(page) == cpython_answers()
    ctx.close()


def new_wheel_set(copy: Path) -> None:
    """A new deployment whose csprcore wheel differs: its sha256 in the lock file and the
    runtime's snapshot build change with it, as the build writes them."""
    pyodide = copy / "pyodide"
    (wheel,) = pyodide.glob("csprcore-*.whl")
    with zipfile.ZipFile(wheel, "a") as zf:
        zf.writestr("csprcore/_deployment.txt", "a new deployment\n")
    lock_file = pyodide / "pyodide-lock.json"
    lock = json.loads(lock_file.read_text())
    lock["packages"]["csprcore"]["sha256"] = runtime.sha256(wheel)
    lock_file.write_text(json.dumps(lock, indent=1, sort_keys=True))
    manifest_file = pyodide / "csprcore-runtime.json"
    manifest = json.loads(manifest_file.read_text())
    manifest["snapshot"] = runtime.snapshot_build(
        pyodide, lock, manifest["start"], manifest["warmups"]["start"],
        copy / "assets" / "csprcore" / "worker.js",
    )  # fmt: skip
    manifest_file.write_text(json.dumps(manifest, indent=1))


def test_a_new_wheel_set_never_restores_the_old_snapshot(
    browser: Browser, served_copy: tuple[Path, str]
) -> None:
    copy, base = served_copy
    ctx = browser.new_context(service_workers="block")
    page = open_tool(ctx, base + "tools/criteria-checker/", "stored")
    (old,) = stored_snapshots(page)
    # The development server sends no Cache-Control, so the browser could keep the old
    # lock file a while by heuristics; a host's configuration says no-cache (hosts.py).
    ctx.new_cdp_session(page).send("Network.clearBrowserCache")
    page.close()
    new_wheel_set(copy)
    page = open_tool(ctx, base + "tools/criteria-checker/", "stored")
    assert answers(page) == cpython_answers()
    # Only the new wheel set's snapshot is kept.
    (new,) = stored_snapshots(page)
    assert new["url"] != old["url"] and new["build"] != old["build"]
    page.close()
    ctx.close()


def test_full_storage_still_starts(browser: Browser, base_url: str) -> None:
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    page = ctx.new_page()
    page.goto("about:blank")
    cdp = ctx.new_cdp_session(page)
    origin = base_url.rstrip("/")
    # Room for far less than a snapshot: storing it fails, as on a full device.
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": 1_000_000})
    page.goto("tools/criteria-checker/")
    wait_ready(page)
    wait_snapshot(page, "unavailable")
    assert answers(page) == cpython_answers()
    page.reload()
    wait_ready(page)
    wait_snapshot(page, "unavailable")
    expect(page.locator("[data-core-retry]")).to_be_hidden()
    ctx.close()


def test_new_deployment_replaces_a_stale_snapshot(
    sw_context: BrowserContext, served_copy: tuple[Path, str]
) -> None:
    copy, base = served_copy
    page = sw_context.new_page()
    page.goto(base + "tools/criteria-checker/")
    wait_ready(page)
    wait_for_precache(page)
    wait_snapshot(page, "stored")
    page.reload()
    wait_until(page, "!!navigator.serviceWorker.controller")
    wait_ready(page)
    wait_snapshot(page, "restored")
    (old,) = stored_snapshots(page)
    # On a page with no tool, so no worker is there to replace the snapshot itself.
    page.goto(base)
    # A new deployment with a new wheel set, and its service worker.
    new_wheel_set(copy)
    subprocess.run(["node", str(ROOT / "assembly" / "sw.mjs"), str(copy)], check=True,
                   capture_output=True)  # fmt: skip
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    prompt = page.locator("#csprcore-update")
    expect(prompt).to_contain_text("A new version is available", timeout=60_000)
    with page.expect_navigation(timeout=60_000):
        prompt.get_by_role("button", name="Reload to update").click()
    # The new service worker dropped the old runtime's snapshot as it took over.
    wait_until(page, "caches.open('csprcore-snapshot').then(c => c.keys()).then(k => !k.length)")
    # It fetched the new runtime's changed files while it installed: the tools work offline
    # at once, on the new runtime (its snapshot made and stored offline).
    sw_context.set_offline(True)
    page.goto(base + "tools/criteria-checker/")
    wait_ready(page)
    wait_snapshot(page, "stored")
    # "Try again" asks past every cache: offline, the kept copy answers it.
    status = page.evaluate(
        "fetch('../../pyodide/pyodide-lock.json', {cache: 'reload'}).then(r => r.status)"
    )
    assert status == 200
    (new,) = stored_snapshots(page)
    new_build = json.loads((copy / "pyodide" / "csprcore-runtime.json").read_text())["snapshot"]
    assert old["build"] != new_build == new["build"]


def test_reading_a_page_stores_the_shell_and_the_button_keeps_the_tools(
    sw_context: BrowserContext, served_copy: tuple[Path, str], axe_source: str
) -> None:
    """A first visit to read the procedure stores the shell only; "Make the tools available
    offline" on the home page keeps the runtime, with its progress, and then a tool never
    opened online reaches ready offline."""
    _, base = served_copy
    page = sw_context.new_page()
    page.goto(base + "procedure/section-3/")
    wait_for_precache(page)
    page.goto(base)
    block = page.locator("[data-offline]")
    expect(block).to_have_attribute("data-offline-state", "none")
    expect(block.locator("[data-offline-status]")).to_contain_text("about 20")
    stored, files, runtime_files = page.evaluate(STORED)
    assert stored <= SHELL_BUDGET and runtime_files == 0, (stored, files)
    page.evaluate(axe_source)
    assert page.evaluate("() => axe.run(document.querySelector('[data-offline]'))"
                         ".then(r => r.violations.length)") == 0  # fmt: skip
    block.get_by_role("button", name="Make the tools available offline").click()
    wait_for_offline_tools(page)
    expect(block.locator("[data-offline-status]")).to_have_text(
        "The tools are available offline on this device."
    )
    expect(block.get_by_role("button")).to_be_hidden()
    assert page.evaluate(STORED)[2] == len(list((served_copy[0] / "pyodide").iterdir()))
    sw_context.set_offline(True)
    page.goto(base + "tools/action-plan/")
    wait_ready(page)


def test_data_saver_keeps_nothing_unasked(browser: Browser, served_copy: tuple[Path, str]) -> None:
    """With the browser's data saver on, a tool page works but keeps no runtime on its own; it
    says so. A file that is not this build's is never served or kept: the button then says
    that the tools could not all be fetched."""
    copy, base = served_copy
    ctx = browser.new_context(service_workers="allow")
    ctx.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    try:
        page = ctx.new_page()
        page.goto(base + "tools/deadline-calculator/")
        wait_ready(page)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        block = page.locator("[data-offline]")
        expect(block).to_have_attribute("data-offline-state", "none")
        expect(block.locator("[data-offline-status]")).to_contain_text(
            "Your browser asks to save data"
        )
        assert page.evaluate(STORED)[2] == 0
        # A file that is not this deployment's is never served, even when nothing is kept.
        page.reload()
        wait_until(page, "!!navigator.serviceWorker.controller")
        wait_ready(page)
        # A wheel this page never fetched (the forms'), so none of it is kept yet.
        (wheel,) = (copy / "pyodide").glob("pydantic-*.whl")
        wheel.write_bytes(wheel.read_bytes() + b"tampered")
        status = page.evaluate(f"fetch('../../pyodide/{wheel.name}').then(r => r.status)")
        assert status == 503
        block.get_by_role("button", name="Make the tools available offline").click()
        expect(block).to_have_attribute("data-offline-state", "failed", timeout=READY_TIMEOUT)
        expect(block.locator("[data-offline-status]")).to_contain_text("could not be fetched")
    finally:
        ctx.close()
