"""The core inside real Pyodide (Node), from the wheels the site serves, gives the same
answers as in CPython, for every ``csprcore.api`` function with realistic and bad input, each
way the browser's worker can start it: every package loaded the plain way, the worker's boot
that takes a memory snapshot (the fallback when none can be used), and a runtime restored
from that snapshot."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest

from csprcore import api
from csprcore.forms import engine
from csprcore.forms.action_plan import ActionPlan
from csprcore.forms.case_register.register_file import example_register
from csprcore.forms.local_review import LocalReview
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.referral import Referral
from csprcore.forms.scoping import example_return

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("CSPRCORE_SITE", ROOT / "site")).resolve()
RUNNER = Path(__file__).with_name("run_core.mjs")

EXAMPLE = Referral.example()
TODAY = "2026-11-26"
CHECKED = {**EXAMPLE, "checker": {"facts": {"institutional_setting": "yes"}, "outcome": {},
                                  "checked_at": "26/11/2026 09:00"}}  # fmt: skip

REGISTER = example_register()
#: A register with a case whose dates are out of order: refused, naming the case.
BAD_REGISTER = {**REGISTER, "cases": [{**REGISTER["cases"][0], "dates": {
    **REGISTER["cases"][0]["dates"], "referral": "2026-11-20"}}]}  # fmt: skip

CASES: list[tuple[str, dict[str, Any]]] = [
    ("workdays_add", {"date": "2026-12-18", "n": 5}),
    ("workdays_add", {"date": "2026-12-18", "n": -7, "closures": ["2026-12-17"]}),
    ("workdays_add", {"date": "2026-02-30", "n": 5}),
    ("workdays_add", {"date": "2026-12-18", "n": "five"}),
    ("workdays_between", {"start": "2022-06-01", "end": "2022-06-10"}),
    ("workdays_between", {"start": "2150-01-01", "end": "2022-06-10"}),
    ("bank_holidays", {"year": 2023}),
    ("bank_holidays", {"year": 1066}),
    ("criteria_questions", {}),
    ("check", {"abuse_or_neglect": "suspected", "harm": "died", "incident_location": "in_area",
               "looked_after": "yes", "abuse_types": ["neglect", "physical"]}),
    ("check", {"harm": "died", "looked_after": "yes", "abuse_or_neglect": "not_suspected"}),
    ("check", {"abuse_or_neglect": "known", "harm": "seriously_harmed",
               "incident_location": "outside_england", "normally_resident_in_area": "yes"}),
    ("check", {}),
    ("check", {"harm": "dead"}),
    ("check", {"colour": "blue"}),
    ("deadlines", {"aware": "2026-12-18", "referral": "2026-12-18", "today": TODAY}),
    ("deadlines", {"referral": "2023-04-28", "meeting": "2023-05-12", "sent-to-panel":
                   "2023-05-16", "decision": "2023-06-01", "publication": "2023-11-30",
                   "today": TODAY}),
    ("deadlines", {"referral": "2026-12-18", "meeting": "2026-12-01", "today": TODAY}),
    ("deadlines", {"decision": "2026-08-31", "publication": "2026-08-31", "today": TODAY}),
    ("deadlines", {"aware": "2026-02-30", "today": TODAY}),
    ("form_check", {"form": "referral", "answers": {}, "today": TODAY}),
    ("form_check", {"form": "referral", "today": TODAY, "answers": {
        "child.first_names": "<img src=x onerror=alert(1)>", "child.date_of_birth-day": "30",
        "child.date_of_birth-month": "2", "child.date_of_birth-year": "2020",
        "referrer.email": "not-an-email"}}),
    ("form_check", {"form": "nonsense", "answers": {}}),
    ("form_open", {"form": "referral", "content": json.dumps(EXAMPLE), "name": "a.json"}),
    ("form_open", {"form": "referral", "content": "{broken", "name": "b.json"}),
    ("form_open", {"form": "referral", "content": json.dumps({**EXAMPLE, "schema_version": 9})}),
    ("form_export", {"form": "referral", "format": "json", "document": EXAMPLE}),
    ("form_export", {"form": "referral", "format": "pdf", "document": EXAMPLE, "today": TODAY}),
    ("form_export", {"form": "referral", "format": "docx", "document": EXAMPLE}),
    ("referral_from_check", {"facts": {"harm": "died", "abuse_or_neglect": "suspected",
                                       "looked_after": "yes"}, "checked_at": "26/11/2026 09:00"}),
    ("form_start_from", {"form": "rapid-review", "answers": {"case.child_age": "8 years"},
                            "file": {"name": "r.json", "content": json.dumps(CHECKED)}}),
    ("form_start_from", {"form": "scoping-return", "answers": {},
                            "file": {"name": "r.json", "content": json.dumps(EXAMPLE)}}),
    ("form_start_from", {"form": "rapid-review", "answers": {},
                            "file": {"name": "s.json", "content": "{}"}}),
    ("rapid_review_add_returns", {"answers": {}, "files": [
        {"name": "a.json", "content": engine.write_json(example_return(agency="NHS Trust"))},
        {"name": "b.json", "content": "[]"}]}),
    ("info", {}),
    # The local review's dates, record and letters; the action plan's CSV.
    ("local_review_dates", {"decision": "2026-08-31", "publication": "2027-01-05",
                            "today": TODAY}),
    ("local_review_dates", {"decision": "2026-08-31", "publication": "2026-08-01"}),
    ("form_start_from", {"form": "local-review", "answers": {}, "file": {
        "name": "rr.json", "content": json.dumps(RapidReview.example())}}),
    ("form_start_from", {"form": "local-review", "answers": {}, "file": {
        "name": "rr.json", "content": json.dumps({**RapidReview.example(),
                                                  "decision": {"decision": "no_review"}})}}),
    ("form_export", {"form": "local-review", "format": "letter-before-publication",
                     "document": LocalReview.example(), "today": TODAY,
                     "now": "26/11/2026 09:00"}),
    ("form_start_from", {"form": "action-plan", "answers": {}, "file": {
        "name": "lr.json", "content": json.dumps(LocalReview.example())}}),
    ("form_export", {"form": "action-plan", "format": "csv", "document": ActionPlan.example(),
                     "now": "26/11/2026 09:00"}),
    # A plan saved by version 1 (the recommendation's words on each action) opens grouped.
    ("form_open", {"form": "action-plan", "name": "old.json", "content": json.dumps({
        "form": "action-plan", "schema_version": 1, "actions": [
            {"recommendation": "Share concerns.", "action": "A", "status": "complete"},
            {"recommendation": "share  concerns.", "action": "B", "status": "in_progress"},
            {"recommendation": "Visit at home.", "action": "C", "status": "not_started"}]})}),
    ("form_export", {"form": "action-plan", "format": "progress",
                     "document": ActionPlan.example(), "now": "26/11/2026 09:00"}),
    # The case register.
    ("register_open", {"file": {"name": "reg.json", "content": json.dumps(REGISTER)}}),
    ("register_open", {"file": {"name": "bad.json", "content": json.dumps(BAD_REGISTER)}}),
    ("register_view", {"register": REGISTER, "today": TODAY}),
    ("register_case", {"register": REGISTER, "index": 3, "today": TODAY}),
    ("register_save_case", {"register": REGISTER, "index": None, "answers": {
        "reference": "X-1", "child_initials": "Q R", "referral-day": "23",
        "referral-month": "12", "referral-year": "2026", "meeting-day": "31",
        "meeting-month": "2", "meeting-year": "2027"}}),
    ("register_add_document", {"register": REGISTER, "index": None, "today": TODAY, "file": {
        "name": "rr.json", "content": json.dumps(RapidReview.example())}}),
    ("register_add_document", {"register": REGISTER, "index": 0, "today": TODAY, "file": {
        "name": "rr.json", "content": json.dumps(RapidReview.example())}}),
    ("register_report", {"register": REGISTER, "from": "2025-04-01", "to": "2026-03-31"}),
    ("register_export", {"register": REGISTER, "format": "csv", "today": TODAY}),
    ("register_export", {"register": REGISTER, "format": "ics", "today": TODAY}),
    ("register_export", {"register": REGISTER, "format": "pdf", "today": TODAY,
                         "made_at": "26/11/2026 09:00"}),
    ("register_report_export", {"register": REGISTER, "format": "pdf", "from": "2025-04-01",
                                "to": "2026-03-31", "made_at": "26/11/2026 09:00"}),
    # The law as it stands: an incident elsewhere, a care leaver's death, the Rapid Review's
    # two answers to the Panel and an older Rapid Review file that referred to it.
    ("check", {"abuse_or_neglect": "known", "harm": "died",
               "incident_location": "elsewhere_in_england", "normally_resident_in_area": "yes"}),
    ("check", {"abuse_or_neglect": "not_suspected", "harm": "died",
               "looked_after": "care_leaver"}),
    ("form_export", {"form": "rapid-review", "format": "letter", "now": "26/11/2026 09:00",
                     "document": {**RapidReview.example(), "decision": {
                         **RapidReview.example()["decision"], "national_review": "yes"}}}),
    ("form_open", {"form": "rapid-review", "name": "v1.json", "content": json.dumps({
        **RapidReview.example(), "schema_version": 1, "analysis": {},
        "decision": {"decision": "refer_national", "rationale": "National themes."}})}),
    # Editable copies, and a name where only initials belong.
    ("form_export", {"form": "rapid-review", "format": "letter-odt", "now": "26/11/2026 09:00",
                     "date": "2026-10-30", "document": RapidReview.example()}),
    ("form_export", {"form": "referral", "format": "scoping-request-odt", "document": EXAMPLE,
                     "now": "26/11/2026 09:00", "date": "2026-11-19"}),
    ("check_record", {"facts": {"harm": "died"}, "checked_at": "26/11/2026 09:00",
                      "format": "odt"}),
    ("form_start_from", {"form": "rapid-review", "answers": {"actions.immediate_actions":
                         "Keep Zoë safe."}, "file": {"name": "r.json",
                                                     "content": json.dumps(EXAMPLE)}}),
    # The register for a team: a sheet imported, two saves merged (one conflict).
    ("register_import", {"file": {"name": "unit.csv", "content":
        "Case ref,Aware,Referral,Notes\r\nGRM-1,02/11/2026,2026-11-03,x\r\n"},
        "map": {"Case ref": "reference", "Aware": "aware", "Referral": "referral"}}),
    ("register_import", {"file": {"name": "bad.csv", "content":
        "Case ref,Aware\r\nGRM-1,31/11/2026\r\n"},
        "map": {"Case ref": "reference", "Aware": "aware"}}),
    ("register_merge", {"base": REGISTER, "ours": {**REGISTER, "cases": [
        {**REGISTER["cases"][0], "child_age": "4"}]}, "theirs": {**REGISTER, "cases": [
        {**REGISTER["cases"][0], "child_age": "5"}]}}),
    ("action_plan_agency_update", {"document": ActionPlan.example(), "agency": "Education"}),
    ("action_plan_add_updates", {"document": ActionPlan.example(), "files": [
        {"name": "edu.csv", "content": "Case reference,Action number,Status,"
         "Why no longer needed,Evidence of completion,Evidence of impact\r\n"
         "NEL-2026-014,2,Complete,,Sessions held.,\r\n"}]}),
    # Hostile files: each is refused with a message, never killing the runtime or reaching
    # the page unseen.
    ("form_open", {"form": "referral", "name": "deep.json",
                   "content": '{"form": ' + "[" * 3000 + "]" * 3000 + "}"}),
    ("form_open", {"form": "referral", "name": "nan.json",
                   "content": json.dumps(EXAMPLE).replace('"schema_version": 2', '"x": NaN')}),
    ("form_open", {"form": "referral", "name": "latin1.json", "base64": base64.b64encode(
        '{"form": "referral", "name": "Siobhán"}'.encode("latin-1")).decode()}),
    ("form_open", {"form": "referral", "name": "bom.json", "base64": base64.b64encode(
        b"\xef\xbb\xbf" + json.dumps(EXAMPLE).encode()).decode()}),
    ("form_open", {"form": "referral", "name": "rows.json",
                   "content": json.dumps({**EXAMPLE, "family": [{"name": "x"}] * 1500})}),
    ("form_check", {"form": "referral", "today": TODAY, "answers": {
        "child.last_name": "Smith\u202eevila\u202c", "child.address": "1 High St\x0bGrimsby",
        "child.date_of_birth-day": "²", "child.date_of_birth-month": "3",
        "child.date_of_birth-year": "٢٠٢٦"}}),
    ("form_check", {"form": "referral", "today": TODAY, "answers": {
        "checker": json.dumps({"facts": {"harm": "died", "abuse_or_neglect": "known"},
                               "outcome": {"serious_case": "no"}, "checked_at": "x"})}}),
]  # fmt: skip


def _comparable(fn: str, result: dict[str, Any]) -> dict[str, Any]:
    """Drop what legitimately differs between two runs: the PDF's bytes (it carries the
    time it was made) and file names with today's date."""
    result = dict(result)
    if result.get("mime") == "text/csv":
        result["csv_text"] = base64.b64decode(result.pop("base64")).decode("utf-8-sig")
    if result.get("mime") == "application/vnd.oasis.opendocument.text":
        # The content, not the package: its styles carry the time it was made.
        with zipfile.ZipFile(io.BytesIO(base64.b64decode(result.pop("base64")))) as odt:
            result["odt_content"] = odt.read("content.xml").decode("utf-8")
    if "base64" in result:
        pdf = pypdf.PdfReader(io.BytesIO(base64.b64decode(result.pop("base64"))))
        result["pdf_text"] = "\n".join(
            line for page in pdf.pages for line in page.extract_text().splitlines()
            if "Made" not in line
        )  # fmt: skip
    if result.get("mime") == "text/calendar":  # DTSTAMP is the time it was made
        result["text"] = "\n".join(
            line for line in result["text"].splitlines() if not line.startswith("DTSTAMP")
        )
    result.pop("filename", None)
    return result


#: How run_core.mjs starts the runtime (see there).
MODES = ["packages", "fallback", "snapshot"]


@pytest.fixture(scope="module", params=MODES)
def pyodide_results(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, Any]]:
    if not (SITE / "pyodide" / "pyodide-lock.json").exists():
        pytest.fail("The site is not built: run `make build` first")
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide"
    cases = tmp_path_factory.mktemp("pyodide") / "cases.json"
    cases.write_text(json.dumps([{"fn": fn, "payload": p} for fn, p in CASES]))
    done = subprocess.run(
        [node, str(RUNNER), str(SITE), str(cases), request.param],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    results: list[dict[str, Any]] = json.loads(done.stdout)
    assert results.pop() == {"fn": "__mode__", "result": {"mode": request.param}}
    # As the worker starts it: the rules imported from the start wheel itself (a zip on
    # sys.path), whether the runtime booted or was restored; else from site-packages.
    placed = results[-1]["result"]["csprcore_file"].startswith("/lib/csprcore-start/csprcore-")
    assert placed == (request.param != "packages"), results[-1]["result"]["csprcore_file"]
    return results


def test_runs_the_pinned_runtime(pyodide_results: list[dict[str, Any]]) -> None:
    runtime = pyodide_results[-1]["result"]
    assert runtime["platform"] == "emscripten"
    assert runtime["python"].startswith("3.14")
    pins = dict(
        line.split("==") for line in (ROOT / "requirements" / "runtime.txt").read_text().split()
        if "==" in line
    )  # fmt: skip
    assert runtime["pydantic"] == pins["pydantic"]
    # Bank holidays come from the core's own table: the browser never loads `holidays`.
    assert "holidays" not in runtime["modules"]
    assert runtime["fpdf2"] == pins["fpdf2"]


@pytest.mark.parametrize(
    "index", range(len(CASES)), ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)]
)
def test_same_answer_as_cpython(index: int, pyodide_results: list[dict[str, Any]]) -> None:
    fn, payload = CASES[index]
    expected = json.loads(api.call(fn, json.dumps(payload)))
    got = pyodide_results[index]["result"]
    assert pyodide_results[index]["fn"] == fn
    assert "internal" not in got, got["internal"]
    assert _comparable(fn, got) == _comparable(fn, expected)


def test_bad_input_is_refused_not_crashed(pyodide_results: list[dict[str, Any]]) -> None:
    refused = [r["result"] for r in pyodide_results[:-1] if r["result"].get("ok") is False]
    assert len(refused) >= 10
    for result in refused:
        assert "internal" not in result
        assert all(e["message"] for e in result["errors"])


def test_pdf_made_in_pyodide_carries_every_script(pyodide_results: list[dict[str, Any]]) -> None:
    (pdf_result,) = [
        r["result"] for (fn, p), r in zip(CASES, pyodide_results, strict=False)
        if fn == "form_export" and p["format"] == "pdf"
    ]  # fmt: skip
    text = _comparable("form_export", pdf_result)["pdf_text"]
    for name in ("OFFICIAL-SENSITIVE", "Zoë", "Łukasz Żółć", "Nguyễn Thị Ánh", "Ілля",
                 "Siobhán"):  # fmt: skip
        assert name in text
