"""``make bench``: how soon the tools are ready, how quickly they answer, what they download.

Serves a copy of the built site on loopback (with a bare-Pyodide page added beside it) and
drives headless Chromium. Every figure is the median, with min and max, of ``BENCH_RUNS``
runs (default 5). Ratios compare each tool's time to ready with a bare Pyodide boot of the
same bundled runtime, in the same browser and the same run. It measures; it asserts nothing.

Writes ``benchmarks/results/latest.json`` and the table on ``docs/about/performance.md``.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from assembly.serve import Handler
from benchmarks import register as register_bench
from csprcore.forms import engine
from csprcore.forms.referral import Referral
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.browser.test_runtime import STORED

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("CSPRCORE_SITE", ROOT / "site")).resolve()
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
PAGE_MD = ROOT / "docs" / "about" / "performance.md"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TOOLS = {
    "criteria-checker": "tools/criteria-checker/",
    "deadline-calculator": "tools/deadline-calculator/",
    "referral-form": "tools/referral-form/",
}

#: First visit (empty cache), repeat visit (offline cache and the stored snapshot), and a
#: repeat visit whose snapshot was deleted (the fallback: a normal boot).
KINDS = ("first", "repeat", "fallback")

BARE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
</head><body><p id="state">loading</p><script type="module" src="bare.js"></script></body></html>"""
BARE_JS = """const w = new Worker(new URL("bare-worker.js", import.meta.url), {type: "module"});
w.onmessage = () => { window.__readyAt = performance.now();
  document.getElementById("state").textContent = "ready"; };"""
BARE_WORKER = """const dir = new URL("../pyodide/", import.meta.url);
const { loadPyodide } = await import(new URL("pyodide.mjs", dir).href);
await loadPyodide({ indexURL: dir.href });
postMessage("ready");"""

# Recorded in every page before its own scripts: when the core became ready, long tasks.
PROBE = """
window.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
} catch (e) {}
new MutationObserver(() => {
  const root = document.getElementById("csprcore-tool");
  if (root && (root.dataset.coreParts || "").includes("rules") && !window.__rulesAt) {
    window.__rulesAt = performance.now();
  }
  if (root && root.dataset.coreState === "ready" && !window.__readyAt) {
    window.__readyAt = performance.now();
  }
}).observe(document, { subtree: true, attributes: true,
                       attributeFilter: ["data-core-state", "data-core-parts"] });
"""


class Log:
    """What the server sent, and when: the bytes transferred before ready."""

    def __init__(self) -> None:
        self.entries: list[tuple[float, str, int]] = []
        self.lock = threading.Lock()

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.entries.append((time.time() * 1000, path, size))

    def since(self, start: float, end: float) -> list[tuple[float, str, int]]:
        with self.lock:
            return [e for e in self.entries if start <= e[0] <= end]


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, Log]]:
    log = Log()

    class Logged(Handler):
        def copyfile(self, source: Any, outputfile: Any) -> None:  # type: ignore[override]
            data = source.read()
            outputfile.write(data)
            log.add(self.path.split("?")[0], len(data))

    import functools

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Logged, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()


def gzip_size(root: Path, path: str, cache: dict[str, int]) -> int:
    if path not in cache:
        file = root / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        cache[path] = len(gzip.compress(file.read_bytes(), 6)) if file.exists() else 0
    return cache[path]


def stats(values: list[float], digits: int = 1) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": len(values),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))], 1)


def wait_ready(page: Page, timeout: float = 120) -> float:
    deadline = time.monotonic() + timeout
    while True:
        at = page.evaluate("window.__readyAt || 0")
        if at:
            return float(at)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url} did not become ready")
        time.sleep(0.02)


def wait_snapshot(page: Page, timeout: float = 60) -> str:
    """Until the worker has stored its snapshot, restored from one, or found it cannot keep
    one (a page closed at once would stop a snapshot being written)."""
    deadline = time.monotonic() + timeout
    while True:
        state = page.evaluate(
            "document.getElementById('csprcore-tool')?.dataset.coreSnapshot ?? 'none'"
        )
        if state in ("stored", "restored", "unavailable", "none"):
            return str(state)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url}: no snapshot state")
        time.sleep(0.02)


def forget_snapshot(context: BrowserContext, base: str) -> None:
    """Delete the stored snapshot, as when it cannot be used: the next visit boots."""
    page = context.new_page()
    page.goto(base + "bench/blank.html")
    page.evaluate("caches.delete('csprcore-snapshot')")
    page.close()


def wait_for_sw(page: Page, timeout: float = 120) -> None:
    """Until the service worker is active and, on a tool page, has kept the runtime for
    offline use (web/js/sw-runtime.js)."""
    page.evaluate(
        """async () => {
            const r = await navigator.serviceWorker.ready;
            if (r.active.state !== 'activated') await new Promise((ok) =>
                r.active.addEventListener('statechange', () =>
                    r.active.state === 'activated' && ok()));
        }"""
    )
    if not page.evaluate("!!document.getElementById('csprcore-tool')"):
        return
    deadline = time.monotonic() + timeout
    while page.evaluate("document.querySelector('[data-offline]')?.dataset.offlineState") != (
        "done"
    ):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url}: the runtime was not kept for offline use")
        time.sleep(0.05)


def measure_reading(browser: Browser, base: str, log: Log, root: Path) -> dict[str, Any]:
    """A first visit to read one page of the procedure: what the service worker stores (the
    site's shell, budget 5 MB) and what the server sends for it, raw and gzipped."""
    stored, sent, gzipped = [], [], []
    gz: dict[str, int] = {}
    for _ in range(RUNS):
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        start = time.time() * 1000
        page.goto(base + "procedure/section-3/")
        wait_for_sw(page)
        end = time.time() * 1000
        size, files, _ = page.evaluate(STORED)
        stored.append(float(size))
        got = log.since(start, end)
        sent.append(float(sum(n for _, _, n in got)))
        gzipped.append(float(sum(gzip_size(root, p, gz) for _, p, _ in got)))
        context.close()
    return {
        "stored_bytes": stats(stored, 0),
        "sent_bytes": stats(sent, 0),
        "gzip_bytes": stats(gzipped, 0),
        "files": files,
        "budget_bytes": 5_000_000,
    }


def visit(
    context: BrowserContext, url: str, log: Log, root: Path, gz: dict[str, int]
) -> dict[str, float]:
    page = context.new_page()
    start = time.time() * 1000
    page.goto(url)
    ready = wait_ready(page)
    rules = float(page.evaluate("window.__rulesAt || 0")) or ready
    snapshot = wait_snapshot(page)
    # The server's clock and the page's, both in epoch milliseconds: only what was sent
    # before the page said "ready" counts.
    end = page.evaluate("performance.timeOrigin") + ready
    sent = log.since(start, end)
    tasks = page.evaluate("window.__longTasks")
    before = [d for s, d in tasks if s <= ready]
    fcp = page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0"
    )
    page.close()
    return {
        "ready_ms": ready,
        "rules_ms": rules,
        "restored": float(snapshot == "restored"),
        "bytes": float(sum(size for _, _, size in sent)),
        "gzip_bytes": float(sum(gzip_size(root, p, gz) for _, p, _ in sent)),
        "fcp_ms": float(fcp),
        "longest_task_ms": max(before, default=0.0),
        "tasks_over_200ms": float(sum(1 for d in before if d > 200)),
    }


def measure_startup(browser: Browser, base: str, log: Log, root: Path) -> dict[str, Any]:
    gz: dict[str, int] = {}
    raw: dict[str, dict[str, list[dict[str, float]]]] = {}
    pages = {"bare-pyodide": "bench/bare.html", **TOOLS}
    for _ in range(RUNS):
        for name, path in pages.items():
            # First visit: an empty cache and no service worker yet.
            first = browser.new_context(service_workers="allow")
            first.add_init_script(PROBE)
            raw.setdefault(name, {}).setdefault("first", []).append(
                visit(first, base + path, log, root, gz)
            )
            # Repeat visit: the service worker has cached the site.
            warm = first.new_page()
            warm.goto(base + TOOLS["criteria-checker"])
            wait_ready(warm)
            wait_for_sw(warm)
            warm.close()
            raw[name].setdefault("repeat", []).append(visit(first, base + path, log, root, gz))
            # A repeat visit whose snapshot cannot be used (or a new runtime): a normal boot
            # from the offline cache, which makes the snapshot again.
            forget_snapshot(first, base)
            raw[name].setdefault("fallback", []).append(visit(first, base + path, log, root, gz))
            first.close()
    summary: dict[str, Any] = {}
    for name, visits in raw.items():
        summary[name] = {
            kind: {key: stats([v[key] for v in runs]) for key in runs[0]}
            for kind, runs in visits.items()
        }
    for name in TOOLS:
        for kind in KINDS:
            # Each visit against the bare boot of the same kind in the same round (the bare
            # page has no snapshot: its repeat visit is a boot from the offline cache).
            bares = raw["bare-pyodide"][kind]
            for key, out in (("ready_ms", "ratio_to_bare"), ("rules_ms", "rules_ratio_to_bare")):
                ratios = [
                    tool[key] / bare["ready_ms"]
                    for tool, bare in zip(raw[name][kind], bares, strict=True)
                ]
                summary[name][kind][out] = stats(ratios, digits=2)
    return summary


def timed_changes(
    page: Page, change: Callable[[int], None], watch: str, attr: str, n: int
) -> list[float]:
    """Milliseconds from each change (the input or change event) to the moment the watched
    result shows a new value, in the page's own clock."""
    page.evaluate(
        """([sel, attr]) => {
            window.__lat = []; window.__t0 = 0;
            const value = () => document.querySelector(sel)?.getAttribute(attr) ?? null;
            let last = value();
            new MutationObserver(() => {
                const now = value();
                if (now !== last && window.__t0) {
                    window.__lat.push(performance.now() - window.__t0); window.__t0 = 0;
                }
                last = now;
            }).observe(document.body, { subtree: true, childList: true, attributes: true });
            for (const type of ['change', 'input']) document.addEventListener(type,
                () => { window.__t0 = performance.now(); }, true);
        }""",
        [watch, attr],
    )
    for i in range(n):
        before = len(page.evaluate("window.__lat"))
        change(i)
        deadline = time.monotonic() + 10
        while len(page.evaluate("window.__lat")) == before and time.monotonic() < deadline:
            time.sleep(0.005)
    return [float(x) for x in page.evaluate("window.__lat")]


def measure_interactions(browser: Browser, base: str) -> dict[str, Any]:
    context = browser.new_context(service_workers="block")
    context.add_init_script(PROBE)
    out: dict[str, Any] = {}
    n = max(20, RUNS * 4)

    page = context.new_page()
    page.goto(base + TOOLS["criteria-checker"])
    wait_ready(page)
    page.check("input[name='abuse_or_neglect'][value='suspected']")
    page.check("input[name='harm'][value='died']")
    time.sleep(1)
    harm = ["not_seriously_harmed", "died"]
    lat = timed_changes(
        page,
        lambda i: page.check(f"input[name='harm'][value='{harm[i % 2]}']"),
        "[data-conclusion='serious_case']",
        "data-value",
        n,
    )
    out["criteria-checker"] = {"p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
                               "samples": len(lat)}  # fmt: skip
    page.close()

    page = context.new_page()
    page.goto(base + TOOLS["deadline-calculator"])
    wait_ready(page)
    page.fill("[name='referral-month']", "12")
    page.fill("[name='referral-year']", "2026")
    page.fill("[name='referral-day']", "17")
    time.sleep(1.5)
    lat = timed_changes(
        page,
        lambda i: page.fill("[name='referral-day']", str(14 + i % 2)),
        "[data-milestone='scoping_template_sent']",
        "data-due",
        n,
    )
    out["deadline-calculator"] = {"p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
                                  "samples": len(lat)}  # fmt: skip
    page.close()
    context.close()
    return out


def measure_pdf(browser: Browser, base: str) -> dict[str, Any]:
    answers = engine.document_to_answers(Referral, Referral.example())
    firsts, laters = [], []
    for _ in range(RUNS):
        context = browser.new_context(service_workers="block", accept_downloads=True)
        context.add_init_script(
            "localStorage.setItem('csprcore-draft-referral', JSON.stringify("
            + json.dumps({"saved": 0, "answers": answers}).replace("0,", "Date.now(),", 1)
            + "))"
        )
        context.add_init_script(PROBE)
        page = context.new_page()
        page.goto(base + TOOLS["referral-form"])
        wait_ready(page)
        page.get_by_role("button", name="Check your answers").click()
        button = page.get_by_role("button", name="Download PDF")
        button.wait_for()
        for i in range(3):
            start = time.perf_counter()
            with page.expect_download(timeout=120_000):
                button.click()
            elapsed = (time.perf_counter() - start) * 1000
            (firsts if i == 0 else laters).append(elapsed)
        context.close()
    return {"first_ms": stats(firsts), "later_ms": stats(laters)}


def prepare(tmp: Path) -> Path:
    root = tmp / "site"
    shutil.copytree(SITE, root)
    bench = root / "bench"
    bench.mkdir()
    (bench / "bare.html").write_text(BARE_HTML)
    (bench / "bare.js").write_text(BARE_JS)
    (bench / "bare-worker.js").write_text(BARE_WORKER)
    (bench / "blank.html").write_text("<!doctype html><title>blank</title>")
    register_bench.install(bench)
    # The bare page has no tool root: mark it ready when the worker says so.
    return root


def machine() -> dict[str, str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu or platform.processor(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def markdown(result: dict[str, Any]) -> str:
    s = result["startup"]
    # Two narrow tables rather than one wide one: a table wider than the page would need a
    # scrolling region, which keyboard users cannot reach.
    lines = [
        "| Page | Visit | Rules answer (ms) | × bare boot | Ready (ms) | × bare boot |",
        "|---|---|---|---|---|---|",
    ]
    rows = [(name, kind, s[name][kind]) for name in ["bare-pyodide", *TOOLS]
            for kind in KINDS]  # fmt: skip

    def ratio(r: dict[str, float] | None) -> str:
        return f"{r['median']:.2f} ({r['min']:.2f}–{r['max']:.2f})" if r else "1"

    def ms(v: dict[str, float]) -> str:
        return f"{v['median']:.0f} ({v['min']:.0f}–{v['max']:.0f})"

    for name, kind, v in rows:
        lines.append(
            f"| {name} | {kind} | {ms(v['rules_ms'])} | {ratio(v.get('rules_ratio_to_bare'))} "
            f"| {ms(v['ready_ms'])} | {ratio(v.get('ratio_to_bare'))} |"
        )
    lines += [
        "",
        "| Page | Visit | Before ready | gzip | First paint | Longest task |",
        "|---|---|---|---|---|---|",
    ]
    for name, kind, v in rows:
        lines.append(
            f"| {name} | {kind} | {v['bytes']['median'] / 1e6:.2f} MB "
            f"| {v['gzip_bytes']['median'] / 1e6:.2f} MB | {v['fcp_ms']['median']:.0f} ms "
            f"| {v['longest_task_ms']['median']:.0f} ms |"
        )
    inter = result["interactions"]
    pdf = result["pdf"]
    lines += [
        "",
        "| Interaction | p50 (ms) | p95 (ms) | samples |",
        "|---|---|---|---|",
        *(f"| {k} | {v['p50_ms']} | {v['p95_ms']} | {v['samples']} |" for k, v in inter.items()),
        "",
        "| PDF export (referral) | median (ms) | min | max |",
        "|---|---|---|---|",
        f"| first | {pdf['first_ms']['median']:.0f} | {pdf['first_ms']['min']:.0f} "
        f"| {pdf['first_ms']['max']:.0f} |",
        f"| later | {pdf['later_ms']['median']:.0f} | {pdf['later_ms']['min']:.0f} "
        f"| {pdf['later_ms']['max']:.0f} |",
    ]
    reading = result.get("reading")
    if reading:
        lines += [
            "",
            "| Reading one page (first visit) | median | min | max |",
            "|---|---|---|---|",
            *(
                f"| {label} | {reading[k]['median'] / 1e6:.2f} MB "
                f"| {reading[k]['min'] / 1e6:.2f} MB | {reading[k]['max'] / 1e6:.2f} MB |"
                for k, label in (("stored_bytes", "kept for offline reading (budget 5 MB)"),
                                 ("sent_bytes", "sent by the server"),
                                 ("gzip_bytes", "sent, gzipped"))
            ),
        ]  # fmt: skip
    reg = result.get("register")
    if reg:
        big = reg.get("big_cases", 5000)
        lines += [
            "",
            "| Case register: core time | median (ms) | min | max | first call |",
            "|---|---|---|---|---|",
            *(
                f"| {label} | {reg[k + '_ms']['median']:.0f} | {reg[k + '_ms']['min']:.0f} "
                f"| {reg[k + '_ms']['max']:.0f} | {reg[k + '_first_ms']:.0f} |"
                for k, label in (
                    ("open", f"{reg['cases']} cases: open (read and check)"),
                    ("report", f"{reg['cases']} cases: report"),
                    ("list", f"{reg['cases']} cases: list"),
                    ("all", f"{reg['cases']} cases: open, list and report"),
                    ("ics", f"{reg['cases']} cases: calendar (ICS)"),
                    ("csv", f"{reg['cases']} cases: spreadsheet (CSV)"),
                    ("pdf", f"{reg['cases']} cases: summary (PDF)"),
                    ("open_5000", f"{big} cases: open, then list (as the page does)"),
                    ("list_5000", f"{big} cases: list again"),
                )
                if k + "_ms" in reg
            ),
        ]  # fmt: skip
    return "\n".join(lines)


def write_page(result: dict[str, Any]) -> None:
    m = result["machine"]
    text = f"""---
title: Performance
description: How quickly the tools start and answer, measured with make bench.
---

# Performance

The tools run the procedure's rules in your browser. These figures come from `make bench`
(headless Chromium on loopback, {result["runs"]} runs each, medians with the range in
brackets), measured on {result["measured_at"][:10]} on a machine with {m["cores"]} cores
({m["cpu"]}). "× bare boot" compares a time with starting the same Python runtime and nothing
else, in the same run and the same kind of visit. A first visit has an empty cache; a repeat
visit is served by the site's offline cache and starts from the runtime's memory snapshot; a
fallback visit is a repeat visit whose snapshot was deleted first. "Rules answer" is when the
checker's and the calculator's rules can answer; on a form page, "ready" also has the form's
own checks loaded.

{markdown(result)}

## How a repeat visit starts so quickly

On the first visit to any tool, once Python has started and imported the rules, and before any
answer reaches it, the worker copies Python's whole memory (a *memory snapshot*, about 31 MB)
and keeps it in this site's own storage in your browser (Cache Storage). Later visits restore
that copy instead of starting Python again. The copy never holds anything you type: it is made
before the tool accepts an answer.

The snapshot is tied to the exact runtime and set of packages it was made from (their hashes
are in its name) and carries its own checksum. If it was made for another version of the site,
its checksum does not match, it cannot be restored, or it answers a test question differently
from when it was made, it is deleted and the tool starts Python normally, which takes the time
of a first visit from the offline cache ("fallback" above) and makes a fresh snapshot. The
same happens when this browser's storage is blocked or full. When a new version of the site
takes over, its service worker deletes a snapshot made for an older runtime.

A form's checks need pydantic, whose compiled part cannot be restored from a snapshot: a form
page restores the rules first, then loads the form's checks (the status line says which parts
are ready). It builds its own form's checks only; another form's are built the first time
something asks for them (opening another form's file, for example).

What else keeps a visit short, first or repeat:

- A tool page starts the worker from its `<head>`, before the theme's styles and scripts
  (which hold the page for a few hundred milliseconds); the page's own script takes the
  worker over when it runs, with what the worker said meanwhile.
- The worker fetches what does not depend on anything else side by side: the runtime's
  files, its script, the rules' package and the snapshot.
- The rules are imported from their package file as it is (a zip holding compiled Python),
  not unpacked into 145 files on every visit.

## Reading costs a page

A first visit keeps the site's shell for offline reading: every page, the theme, the search
index and the page scripts, within a budget of 5 MB (the build fails above it). The tools'
Python runtime and packages (about 20 MB) are kept only once a tool page has run (not when
the browser asks to save data), or at once with "Make the tools available offline" on the
home page and on each tool page. "Reading one page" above is what a first visit to one
section of the procedure keeps and transfers.

## Targets

- Checker and calculator ready on a repeat visit within 0.25 × a bare boot; on a form page,
  the rules within 0.5 × and the whole form within 0.9 ×.
- First visits within 1.3 × a bare boot (the referral form fetches its form packages while
  Python starts).
- No task over 200 ms on the page while the rules load; answers shown within 50 ms (p95);
  later PDFs within 200 ms (the fonts are parsed once; each PDF has its own copy of what it
  changes).
- The case register, in the core's time inside the browser's Python: 500 cases opened,
  listed and reported on within 200 ms; exported as a calendar, a spreadsheet and a PDF
  within 1 s each; 5,000 cases opened and listed within 1 s. Opening reads and checks the
  file; the page then asks for its list: the core remembers the register it last checked, so
  a later call with the same register does not check it again.
"""
    PAGE_MD.write_text(text, encoding="utf-8")


def main() -> None:
    if not (SITE / "pyodide" / "pyodide-lock.json").exists():
        raise SystemExit("Build the site first: make build")
    with tempfile.TemporaryDirectory() as tmp:
        root = prepare(Path(tmp))
        # The bare page marks itself ready through the same window.__readyAt probe.
        with serve(root) as (base, log), sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
            )
            reading = measure_reading(browser, base, log, root)
            startup = measure_startup(browser, base, log, root)
            interactions = measure_interactions(browser, base)
            pdf = measure_pdf(browser, base)
            register = register_bench.measure_register(browser, base, RUNS)
            browser.close()
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": RUNS,
        "machine": machine(),
        "reading": reading,
        "startup": startup,
        "interactions": interactions,
        "pdf": pdf,
        "register": register,
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    write_page(result)
    print(markdown(result))
    print(f"\nWrote {RESULTS.relative_to(ROOT)} and {PAGE_MD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
