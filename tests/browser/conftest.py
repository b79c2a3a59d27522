"""Fixtures for tests that drive the built site in a system Chromium through Playwright.

Chromium comes from ``$CHROMIUM`` or ``/usr/bin/chromium`` (Playwright cannot download its own
browsers here; ``scripts/ensure-chromium.sh`` installs Debian's). The site is served from
``site/`` on a free loopback port by the same server as ``make serve``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from assembly.serve import make_server

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("CSPRCORE_SITE", ROOT / "site")).resolve()
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Pyodide shares two cores with the test run: give the page time to answer.
expect.set_options(timeout=20_000)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

#: axe-core rule tags for WCAG 2.2 AA (and the A and 2.0/2.1 levels beneath it).
# WCAG 2.2 AA, and axe's best practices (landmarks, headings, names) as well.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def wait_until(page: Page, expression: str, timeout: float = 30.0) -> None:
    """Poll a JavaScript expression until it is truthy. (``page.wait_for_function`` evaluates
    its string with ``eval``, which the site's Content-Security-Policy rightly refuses.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(100)


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("No Chromium: set CHROMIUM or run scripts/ensure-chromium.sh")


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("The site is not built: run `make build` first")
    return SITE


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server = make_server(site_dir, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()


NGINX_SITE_CONF = Path(__file__).resolve().parents[2] / "build" / "deploy" / "nginx-site.conf"


@pytest.fixture(scope="session")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site under nginx, with the configuration the build writes for it, as a real
    host serves it (its own process, on a free port)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("No nginx: run scripts/ensure-nginx.sh (make test does)")
    if not NGINX_SITE_CONF.exists():
        pytest.fail("No build/deploy/nginx-site.conf: run `make build` first")
    work = tmp_path_factory.mktemp("nginx")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temp = " ".join(
        f"{kind}_temp_path {work / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = work / "nginx.conf"
    conf.write_text(
        f"daemon off; worker_processes 1; pid {work / 'nginx.pid'};\n"
        f"error_log {work / 'error.log'};\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; {temp}\n"
        f"  server {{ listen 127.0.0.1:{port}; root {site_dir};\n"
        f"    include {NGINX_SITE_CONF}; }} }}\n"
    )
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(work), "-e", str(work / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None:
                problem = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(f"nginx did not start: {problem}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    b = playwright_instance.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
    )
    yield b
    b.close()


class OffOrigin:
    """Records, and aborts, every request to an origin other than the site's own."""

    def __init__(self, base_url: str) -> None:
        self.origin = urlsplit(base_url)[:2]
        self.requests: list[str] = []

    def route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts[:2] == self.origin:
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()


@pytest.fixture
def off_origin(base_url: str) -> OffOrigin:
    return OffOrigin(base_url)


@pytest.fixture
def context(browser: Browser, base_url: str, off_origin: OffOrigin) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=base_url, service_workers="block")
    ctx.route("**/*", off_origin.route)
    yield ctx
    ctx.close()


@pytest.fixture(autouse=True)
def no_page_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A page error or an unhandled promise rejection on any page of any context a test
    opens (beyond the ``page`` fixture's own) fails the test."""
    errors: list[str] = []
    original = Browser.new_context

    def new_context(self: Browser, *args: Any, **kwargs: Any) -> BrowserContext:
        ctx = original(self, *args, **kwargs)
        ctx.on("weberror", lambda error: errors.append(str(error.error)))
        return ctx

    monkeypatch.setattr(Browser, "new_context", new_context)
    yield
    assert not errors, f"JavaScript errors on a page: {errors}"


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    yield p
    assert not errors, f"JavaScript errors on the page: {errors}"


def theme_tooltip_outside_landmarks(rule: str, node: dict[str, Any]) -> bool:
    """Material for MkDocs puts an abbreviation's tooltip at the end of <body>, outside every
    landmark (best practice "region"); the abbreviation itself is inside the main content.
    Only that rule, only for those nodes, is set aside: the tooltip is checked for the rest."""
    return rule == "region" and all(str(t).startswith("#__tooltip") for t in node["target"])


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source: str) -> Callable[[Page], list[dict[str, Any]]]:
    """Run axe-core (WCAG 2.2 AA rules) on the page; returns the violations."""

    def run(p: Page) -> list[dict[str, Any]]:
        # Evaluated through DevTools, so the page's Content-Security-Policy does not apply.
        if not p.evaluate("typeof window.axe !== 'undefined'"):
            p.evaluate(axe_source)
        result: dict[str, Any] = p.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        found = []
        for v in result["violations"]:
            nodes = [n for n in v["nodes"] if not theme_tooltip_outside_landmarks(v["id"], n)]
            if nodes:
                found.append(
                    {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in nodes][:5]}
                )
        return found

    return run
