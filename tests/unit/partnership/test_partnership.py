"""The partnership profile: its schema's messages, no local fact left in the code, and a
changed profile reaching every output of the core."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml

from csprcore import partnership
from csprcore.partnership import PartnershipError, current, from_data, load
from csprcore.rules.calendar import add_working_days

ROOT = Path(__file__).resolve().parents[3]
NEL = ROOT / "partnerships" / "north-east-lincolnshire"
EXAMPLE = ROOT / "partnerships" / "example"
PARTNERSHIPS = sorted(
    p for p in (ROOT / "partnerships").iterdir() if (p / "partnership.yml").exists()
)


def raw(folder: Path = NEL) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "partnership.yml").read_text("utf-8"))
    return data


def problems(data: Any) -> str:
    with pytest.raises(PartnershipError) as caught:
        from_data(data, "partnerships/x/partnership.yml")
    return str(caught.value)


# --- the profiles in this repository ------------------------------------------------------


@pytest.mark.parametrize("folder", PARTNERSHIPS, ids=lambda p: p.name)
def test_every_profile_in_the_repository_is_valid(folder: Path) -> None:
    profile = load(folder)
    assert profile.directory == str(folder.resolve())
    for page in profile.procedure:
        assert (folder / "procedure" / page.file).is_file()


def test_the_default_profile_is_north_east_lincolnshire() -> None:
    profile = load(partnership.DEFAULT_DIR)
    assert profile.area == "North East Lincolnshire"
    steps = {s.id: s for s in profile.steps}
    # Appendix 1, counted from the referral; the Panel's copy from the meeting.
    assert steps["rapid_review_meeting"].window == (7, 13)
    assert steps["rapid_review_meeting"].from_ == "referral"
    assert steps["scoping_template_sent"].working_days == 2
    assert steps["scoping_template_returned"].working_days == 5
    assert (steps["rapid_review_to_panel"].from_, steps["rapid_review_to_panel"].working_days) == (
        "meeting", 2)  # fmt: skip


def test_the_packed_profile_reads_back_the_same() -> None:
    profile = current()
    again = from_data(json.loads(profile.as_json()), partnership.PACKED)
    assert again.as_json() == profile.as_json()


# --- the schema's messages: the file, the key and what to do --------------------------------


def test_a_missing_key_is_named() -> None:
    data = raw()
    del data["area"]
    assert "partnerships/x/partnership.yml: area: is missing: give it a value" in problems(data)


def test_an_unknown_key_is_named() -> None:
    data = {**raw(), "colour": "blue"}
    assert "colour: is not a key the site knows" in problems(data)


def step_of(data: dict[str, Any], step_id: str) -> dict[str, Any]:
    step: dict[str, Any] = next(s for s in data["rapid_review_steps"] if s["id"] == step_id)
    return step


MEETING = "rapid_review_steps[3]"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([10, 7], f"{MEETING}.window: the earliest day must not be after the latest"),
        (7, f"{MEETING}.window: must be [earliest, latest]"),
        ([7, "13"], f"{MEETING}.window[1]: is '13': give a whole number of working days from 0"),
        ([-1, 13], f"{MEETING}.window[0]: is -1: give a whole number of working days from 0"),
    ],
)
def test_a_wrong_meeting_window_is_named(value: Any, message: str) -> None:
    data = raw()
    step_of(data, "rapid_review_meeting")["window"] = value
    assert message in problems(data)


def test_a_step_counted_from_a_step_that_does_not_exist_names_the_ids() -> None:
    data = raw()
    step_of(data, "scoping_template_returned")["from"] = "templates_sent"
    assert (
        "rapid_review_steps[2].from: is 'templates_sent', not an event or an earlier step; use "
        "notification, referral, meeting, scoping_template_sent, rapid_review_meeting_date_set"
    ) in problems(data)


def test_the_steps_need_a_meeting_and_a_step_to_the_panel() -> None:
    data = raw()
    step_of(data, "rapid_review_meeting").pop("role")
    step_of(data, "scoping_template_sent")["role"] = "scoping_returned"
    text = problems(data)
    assert "rapid_review_steps: no step has the role meeting" in text
    assert (
        "role scoping_returned is given to scoping_template_sent, scoping_template_returned"
    ) in text


def test_a_step_on_day_0_and_a_step_from_an_earlier_step_are_accepted() -> None:
    data = raw()
    step_of(data, "scoping_template_sent")["working_days"] = 0
    step_of(data, "scoping_template_returned")["from"] = "scoping_template_sent"
    profile = from_data(data, "p.yml")
    assert profile.steps[0].working_days == 0


@pytest.mark.parametrize(
    ("key", "new"),
    [("local_authority", "local_authorities"), ("timescales", "rapid_review_steps"),
     ("timescale_notes", "note, on the step"), ("referral_form_title", "documents.referral")],
)  # fmt: skip
def test_a_profile_of_the_first_form_names_the_new_key(key: str, new: str) -> None:
    data = {**raw(), key: "x"}
    assert f"{key}: is the first form of the profile: use {new}" in problems(data)


def test_a_step_by_a_group_that_does_not_exist_is_named() -> None:
    data = raw()
    step_of(data, "rapid_review_meeting")["by"] = "panel"
    assert "rapid_review_steps[3].by: is 'panel', not a group; use one of review, assurance" in (
        problems(data)
    )


def test_assurance_is_optional_and_any_other_group_is_accepted() -> None:
    data = raw()
    del data["groups"]["assurance"]
    data["groups"]["quality"] = {"name": "Quality Group", "abbreviation": "QG"}
    assert set(from_data(data, "p.yml").groups) == {"review", "board", "quality"}


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("area", "<b>Exampleshire</b>", "area: must be plain text"),
        ("name", "A\x07B", "name: must be plain text"),
        ("support_office_email", "not an address", "support_office_email: must be an email"),
        ("groups", "SRG", "groups: must be a map"),
    ],
)
def test_a_wrong_value_is_named(key: str, value: Any, message: str) -> None:
    data = raw()
    data[key] = value
    assert message in problems(data)


def test_every_cited_topic_must_have_a_page() -> None:
    data = raw()
    data["procedure"] = [p for p in data["procedure"] if "section-6" not in p["cites"]]
    assert "procedure: no page covers section-6" in problems(data)


def test_a_page_file_that_does_not_exist_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(NEL, copy)
    (copy / "procedure" / "section-4.md").unlink()
    with pytest.raises(PartnershipError, match=r"procedure\[3\]\.file: names procedure/section-4"):
        load(copy)


def test_a_profile_that_is_not_yaml_is_named(tmp_path: Path) -> None:
    (tmp_path / "partnership.yml").write_text("name: [unclosed", encoding="utf-8")
    with pytest.raises(PartnershipError, match=r"partnership\.yml: line 1: is not valid YAML"):
        load(tmp_path)


def test_every_mistake_is_named_at_once() -> None:
    data = raw()
    del data["area"]
    step_of(data, "rapid_review_to_panel")["working_days"] = -1
    text = problems(data)
    assert "area:" in text
    assert "rapid_review_steps[4].working_days:" in text


# --- no local fact in the code ----------------------------------------------------------------

#: The code that must hold no local fact: the core (outside the profile reader, the package
#: ``csprcore.partnership``, and the one timescale table), the tool page templates and the
#: browser scripts.
PROFILE_READER = ROOT / "src" / "csprcore" / "partnership"
CODE = [
    *(p for p in (ROOT / "src" / "csprcore").rglob("*.py")
      if p.name not in {"timescales.py", "bank_holidays_data.py", "printable_data.py"}
      and PROFILE_READER not in p.parents),
    *(ROOT / "pages").glob("*.py"),
    *(ROOT / "web" / "js").glob("*.js"),
    *(ROOT / "overrides").rglob("*.html"),
]  # fmt: skip
#: "5 working days", "7 to 13 working days", "between 7 and 13 working", "within 2 days".
DAY_COUNT = re.compile(
    r"\b\d+ (?:working )?days?\b|\b\d+ (?:to|and) \d+ working\b|\bwithin \d+\b", re.IGNORECASE
)


def local_names() -> list[str]:
    names: set[str] = set()
    for folder in PARTNERSHIPS:
        p = load(folder)
        names |= {p.name, p.area, p.short_name, p.local_learning, p.business_unit}
        names |= set(p.local_authorities) | set(p.documents.values())
        names |= {g.name for g in p.groups.values()} | {g.abbreviation for g in p.groups.values()}
        if p.reference_prefix:
            names.add(p.reference_prefix)
    return sorted(names)


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_local_name_in_the_code(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [n for n in local_names() if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]
    assert found == [], f"{path.relative_to(ROOT)} names {found}: take it from the profile"


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_count_of_days_in_the_code(path: Path) -> None:
    lines = [
        f"{n}: {line.strip()}"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DAY_COUNT.search(line)
    ]
    assert lines == [], "read the number from rules.timescales: " + "; ".join(lines)


# --- a changed profile reaches every output of the core ---------------------------------------


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """North East Lincolnshire's profile with another meeting window and other names."""
    copy = tmp_path_factory.mktemp("partnership") / "changed"
    shutil.copytree(NEL, copy)
    data = raw(copy)
    step_of(data, "rapid_review_meeting")["window"] = [5, 10]
    step_of(data, "scoping_template_sent")["working_days"] = 1
    data["area"] = "Testshire"
    data["local_authorities"] = ["Testshire County Council"]
    data["groups"]["review"]["name"] = "Case Review Panel"
    data["local_learning"] = "Practice Learning Day"
    (copy / "partnership.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return copy


def run_cli(folder: Path, *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "csprcore.cli", "--partnership", str(folder), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_calculator_counts_the_changed_window(changed: Path) -> None:
    out = json.loads(run_cli(changed, "deadlines", "--referral", "2026-10-14", "--json"))
    meeting = next(m for m in out["milestones"] if m["id"] == "rapid_review_meeting")
    # 5 and 10 working days after Wednesday 14 October 2026.
    assert (meeting["earliest"], meeting["latest"]) == ("2026-10-21", "2026-10-28")
    sent = next(m for m in out["milestones"] if m["id"] == "scoping_template_sent")
    assert sent["due"] == "2026-10-15"


def test_the_checker_speaks_of_the_changed_area_and_groups(changed: Path) -> None:
    facts = {"abuse_or_neglect": "suspected", "harm": "died", "incident_location": "in_area"}
    out = json.loads(run_cli(changed, "check", "--json", stdin=json.dumps(facts)))
    reasons = " ".join(r["text"] for r in out["reasons"])
    steps = " ".join(s["text"] for s in out["next_steps"])
    assert "Testshire County Council must notify" in reasons
    assert "The Case Review Panel arranges a Rapid Review" in reasons
    assert "between 5 and 10 working days" in reasons + steps
    assert "within 1 working day of the referral" in steps
    assert "North East Lincolnshire" not in reasons + steps


def test_the_rapid_review_warns_against_the_changed_window(changed: Path, tmp_path: Path) -> None:
    doc = json.loads(run_cli(changed, "rapid-review", "example"))
    # A meeting 11 working days after the referral: inside 7 to 13, not inside 5 to 10.
    meeting = date.fromisoformat(doc["case"]["meeting_date"])
    doc["case"]["referral_date"] = add_working_days(meeting, -11).isoformat()
    path = tmp_path / "rr.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = run_cli(changed, "rapid-review", "validate", str(path))
    assert "Appendix 1 sets it between 5 and 10 working days" in out
    # The key dates in the PDF follow the same table.
    pdf = tmp_path / "rr.pdf"
    run_cli(changed, "rapid-review", "export", str(path), "--format", "pdf", "-o", str(pdf))
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "between 5 and 10 working days after" in " ".join(text.split())


def test_the_case_register_counts_the_changed_window(changed: Path, tmp_path: Path) -> None:
    """The register's deadlines and its report read the same table: a meeting 11 working
    days after the referral is inside 7 to 13 and outside 5 to 10."""
    register = {
        "form": "case-register",
        "schema_version": 1,
        "cases": [
            {"reference": "T-1", "child_initials": "A B", "dates": {
                # Wednesday 14 October 2026; 11 working days later is Thursday 29 October.
                "referral": "2026-10-14", "meeting": "2026-10-29"}},
            {"reference": "T-2", "child_initials": "C D", "dates": {"referral": "2026-10-14"}},
        ],
    }  # fmt: skip
    path = tmp_path / "register.json"
    path.write_text(json.dumps(register), encoding="utf-8")
    report = json.loads(run_cli(changed, "register", "report", str(path), "--from",
                                "2026-10-01", "--to", "2026-10-31", "--json"))  # fmt: skip
    assert report["meeting_in_window"] == {
        "met": 0, "total": 1, "missed": [{"reference": "T-1", "working_days_late": 1}],
        "unknown": 1, "pending": 0, "no_start_date": [],
    }  # fmt: skip
    lines = run_cli(changed, "register", "report", str(path), "--from", "2026-10-01",
                    "--to", "2026-10-31")  # fmt: skip
    assert "Rapid Review meetings held 5 to 10 working days after the referral" in lines
    deadlines = json.loads(run_cli(changed, "register", "deadlines", str(path), "--today",
                                   "2026-10-14", "--json"))  # fmt: skip
    by_ref = {d["reference"]: d for d in deadlines}
    # Templates sent within 1 working day: Thursday 15 October.
    assert by_ref["T-2"]["next_deadline"]["due"] == "2026-10-15"
    assert by_ref["T-2"]["next_deadline"]["id"] == "scoping_template_sent"


def test_the_changed_profile_is_refused_with_its_mistake(tmp_path: Path) -> None:
    copy = tmp_path / "broken"
    shutil.copytree(NEL, copy)
    data = raw(copy)
    step_of(data, "rapid_review_meeting")["window"] = [10, 5]
    (copy / "partnership.yml").write_text(yaml.safe_dump(data), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "csprcore.cli", "--partnership", str(copy), "workdays", "add",
         "2026-12-18", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert f"{MEETING}.window: the earliest day must not be after the latest" in done.stderr


@pytest.mark.parametrize("value", ["2026-11-26", dt.date(2026, 11, 26)])
def test_the_review_date_may_be_quoted_or_not(value: Any) -> None:
    data = {**raw(), "last_reviewed": value}
    assert from_data(data, "p.yml").last_reviewed == "2026-11-26"


def test_a_review_date_that_is_not_a_date_is_named() -> None:
    assert "last_reviewed: must be a date like 2026-11-26" in problems(
        {**raw(), "last_reviewed": "last week"}
    )


def test_a_profile_without_an_assurance_group_runs_every_tool(tmp_path: Path) -> None:
    copy = tmp_path / "no-assurance"
    shutil.copytree(NEL, copy)
    data = raw(copy)
    del data["groups"]["assurance"]
    data["abbreviations"].pop("SAIG", None)
    (copy / "partnership.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    plan = tmp_path / "plan.json"
    plan.write_text(run_cli(copy, "action-plan", "example"), encoding="utf-8")
    out = tmp_path / "progress.pdf"
    run_cli(copy, "action-plan", "export", str(plan), "--format", "progress", "-o", str(out))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).split())
    # The board that signs the plan off oversees its impact.
    assert "Safeguarding Children Partnership Executive Board" in text


def test_the_safeguarding_partners_are_named_or_said_for_the_area() -> None:
    # Children Act 2004 s16E: the local authority, the integrated care board and the chief
    # officer of police. A profile that names them gets them in its letters; one that does
    # not is "the safeguarding partners for {area}".
    named = from_data(raw(), "p.yml")
    assert named.safeguarding_partners[0].organisation == named.local_authorities[0]
    assert named.partners_words.startswith(f"{named.local_authorities[0]}, ")
    data = raw()
    del data["safeguarding_partners"]
    plain = from_data(data, "p.yml")
    assert plain.partners_words == f"the safeguarding partners for {plain.area}"
    data["safeguarding_partners"] = [{"organisation": "X", "role": "Chief"}]
    assert "safeguarding_partners[0].role: is not a key of a partner" in problems(data)


# --- the letterhead -----------------------------------------------------------------------------


def test_a_letterhead_is_read_and_packed() -> None:
    data = raw()
    data["letterhead"] = {
        "address": ["Municipal Offices", "Town Hall Square", "DN31 1HU"],
        "email": "safeguarding@partnership.example",
        "phone": "01472 000000",
    }
    profile = from_data(data, "p.yml")
    assert profile.letterhead.lines == (
        "Municipal Offices", "Town Hall Square", "DN31 1HU",
        "Email: safeguarding@partnership.example", "Telephone: 01472 000000",
    )  # fmt: skip
    again = from_data(json.loads(profile.as_json()), partnership.PACKED)
    assert again.letterhead == profile.letterhead


@pytest.mark.parametrize(
    ("letterhead", "message"),
    [
        ({"fax": "1"}, "letterhead.fax: is not a key of letterhead; use address, email, phone"),
        ({"address": "One line"}, "letterhead.address: must be a list of lines"),
        ({"email": "not an email"}, "letterhead.email: must be an email address"),
        ({"address": ["<b>x</b>"]}, "letterhead.address[0]: must be plain text"),
        ("Town Hall", "letterhead: must be a map with address, email and phone"),
    ],
)
def test_a_wrong_letterhead_is_named(letterhead: Any, message: str) -> None:
    data = raw()
    data["letterhead"] = letterhead
    assert message in problems(data)
