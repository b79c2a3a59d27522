"""The case register at scale: a register of 500 made-up cases opened, listed, reported on
and exported (ICS, CSV, PDF), and one of 5,000 opened and listed, by the core inside the
browser's Python, timed there (core time, not the page's).

A worker page beside the site loads the same runtime and start wheels as the tools, then
calls ``csprcore.api`` as the page does, with the whole register in each payload.
"""

from __future__ import annotations

import json
import random
import statistics
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Browser

from csprcore.forms.case_register.register_file import (
    SCHEMA_VERSION,
    empty_dates,
    new_register,
)
from csprcore.rules.calendar import DEFAULT_CALENDAR

CASES = 500
BIG = 5000

WORKER = """const dir = new URL("../pyodide/", import.meta.url);
const { loadPyodide } = await import(new URL("pyodide.mjs", dir).href);
const py = await loadPyodide({ indexURL: dir.href });
const manifest = await (await fetch(new URL("csprcore-runtime.json", dir))).json();
// The rules, and the PDF writer for the summary's export.
await py.loadPackage([...manifest.start, ...manifest.groups.pdf], { messageCallback: () => {} });
onmessage = ({ data }) => {
  py.globals.set("REGISTER_TEXT", data.text);
  py.globals.set("BIG_TEXT", data.big);
  py.globals.set("RUNS", data.runs);
  postMessage(py.runPython(data.script));
};
postMessage("ready");"""

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>register</title>
</head><body><script type="module" src="register.js"></script></body></html>"""

SCRIPT = """
import json, time
from csprcore import api

def timed(fn, payload):
    # The call alone: the worker turns the page's payload into JSON text, and the answer's
    # text back into an object, in JavaScript, not in Python.
    text = json.dumps(payload)
    start = time.perf_counter()
    answer = api.call(fn, text)
    ms = (time.perf_counter() - start) * 1000
    out = json.loads(answer)
    assert out.get("ok"), out
    return ms, out

times = {"open": [], "list": [], "report": [], "all": [], "ics": [], "csv": [], "pdf": [],
         "open_5000": [], "list_5000": []}
for _ in range(RUNS):
    # Opening the file reads and checks every case; the page then sends the register back
    # with each call, to list it and report on it (the page's first view).
    t_open, opened = timed("register_open", {"file": {"name": "r.json", "content": REGISTER_TEXT},
                                             "today": "2026-11-30"})
    reg = opened["register"]
    t_report, _ = timed("register_report", {"register": reg, "from": "2025-04-01",
                                            "to": "2026-03-31"})
    t_list, _ = timed("register_view", {"register": reg, "today": "2026-11-30"})
    times["open"].append(t_open)
    times["list"].append(t_list)
    times["report"].append(t_report)
    times["all"].append(t_open + t_list + t_report)
    for fmt in ("ics", "csv", "pdf"):
        t_export, _ = timed("register_export", {"register": reg, "today": "2026-11-30",
                                                "format": fmt, "made_at": "30/11/2026 09:00"})
        times[fmt].append(t_export)
    # As the page does: open the file, then list it.
    t_big, big = timed("register_open", {"file": {"name": "r.json", "content": BIG_TEXT},
                                         "today": "2026-11-30"})
    t_big_first, _ = timed("register_view", {"register": big["register"], "today": "2026-11-30"})
    t_big_list, _ = timed("register_view", {"register": big["register"], "today": "2026-11-30"})
    times["open_5000"].append(t_big + t_big_first)
    times["list_5000"].append(t_big_list)
json.dumps(times)
"""


def make_register(n: int = CASES, seed: int = 19) -> dict[str, Any]:
    """``n`` made-up cases spread over three years, each stopped at a random step."""
    rng = random.Random(seed)
    cal = DEFAULT_CALENDAR
    steps = ["aware", "notified", "referral", "scoping-sent", "scoping-returned", "meeting",
             "sent-to-panel", "panel-response", "decision", "reviewer-commissioned",
             "final-report", "copies-sent", "ofsted-sent", "publication",
             "action-plan-signed-off", "closed"]  # fmt: skip
    gaps = {"notified": 3, "referral": 1, "scoping-sent": 1, "scoping-returned": 4,
            "meeting": 6, "sent-to-panel": 2, "panel-response": 12, "decision": 3,
            "reviewer-commissioned": 15, "final-report": 90, "copies-sent": 5, "ofsted-sent": 0,
            "publication": 9, "action-plan-signed-off": 20, "closed": 60}  # fmt: skip
    cases = []
    for i in range(n):
        aware = date(2024, 1, 2) + timedelta(days=rng.randrange(0, 3 * 365))
        dates = empty_dates()
        dates["aware"] = aware.isoformat()
        kind = rng.choice(["local", "none", "learning", None])
        stop = rng.randrange(1, len(steps) + 1)
        if stop > 1:
            dates["notified"] = cal.add_working_days(aware, rng.randrange(2, 7)).isoformat()
        day = cal.add_working_days(aware, rng.randrange(0, 3))
        for step in steps[2:stop]:
            if step != "referral":
                day = cal.add_working_days(day, gaps[step] + rng.randrange(0, 4))
            dates[step] = day.isoformat()
        if kind != "local":
            for step in steps[9:15]:
                dates[step] = None
        cases.append({
            "reference": f"BENCH-{i + 1:04d}",
            "child_initials": "A B",
            "child_age": str(rng.randrange(0, 18)),
            "review_kind": kind if dates["decision"] else None,
            "dates": dates,
            "open_actions": [],
            "filled_from": {},
        })  # fmt: skip
    return {**new_register(), "schema_version": SCHEMA_VERSION, "cases": cases}


def measure_register(browser: Browser, base: str, runs: int) -> dict[str, Any]:
    """Core time (ms), medians of ``runs``: ``open`` reads and checks the file;
    ``report`` counts the last financial year; ``list`` lists it; ``all`` is the three, the
    page's first view; ``ics``, ``csv`` and ``pdf`` export it;
    ``open_5000`` opens a register of 5,000 cases and lists it, as the page does (the file
    read and checked, then its list), and ``list_5000`` lists it again. The first run
    (the modules' first import) is given apart."""
    text = json.dumps(make_register())
    big = json.dumps(make_register(BIG))
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(base + "bench/register.html")
    result = page.evaluate(
        """async ([text, big, runs, script]) => {
            const w = new Worker(new URL("register-worker.js", location.href), {type: "module"});
            await new Promise((ok) => { w.onmessage = ok; });
            const done = new Promise((ok) => { w.onmessage = ({ data }) => ok(data); });
            w.postMessage({ text, big, runs, script });
            return await done;
        }""",
        [text, big, runs + 1, SCRIPT],
    )
    context.close()
    times = json.loads(result)
    out: dict[str, Any] = {"cases": CASES, "bytes": len(text.encode("utf-8")), "big_cases": BIG}
    for key, values in times.items():
        out[f"{key}_first_ms"] = round(values[0], 1)
        later = values[1:]
        out[f"{key}_ms"] = {
            "median": round(statistics.median(later), 1),
            "min": round(min(later), 1),
            "max": round(max(later), 1),
        }
    return out


def install(bench_dir: Any) -> None:
    """Put the worker page beside the site copy that ``startup`` serves."""
    (bench_dir / "register.html").write_text(PAGE)
    (bench_dir / "register.js").write_text("")
    (bench_dir / "register-worker.js").write_text(WORKER)
