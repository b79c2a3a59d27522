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

ROOT = Path(__file__).resolve().parents[2]
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
    assert profile.timescales["rapid_review_meeting"] == (7, 13)
    assert profile.days("scoping_template_sent") == 2
    assert profile.days("scoping_template_returned") == 5
    assert profile.days("rapid_review_to_panel") == 2


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


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([10, 7], "timescales.rapid_review_meeting: the earliest day must not be after the latest"),
        (7, "timescales.rapid_review_meeting: must be [earliest, latest]"),
        ([7, "13"], "timescales.rapid_review_meeting[1]: must be a whole number of working days"),
        ([0, 13], "timescales.rapid_review_meeting[0]: must be a whole number of working days"),
    ],
)
def test_a_wrong_meeting_window_is_named(value: Any, message: str) -> None:
    data = raw()
    data["timescales"]["rapid_review_meeting"] = value
    assert message in problems(data)


def test_a_missing_or_unknown_timescale_is_named() -> None:
    data = raw()
    del data["timescales"]["scoping_template_sent"]
    data["timescales"]["panel_decision"] = 10
    text = problems(data)
    assert "timescales.scoping_template_sent: is missing: give it in working days" in text
    # The national timescales are the law's, not the partnership's.
    assert "timescales.panel_decision: is not a local timescale" in text


def test_templates_returned_after_the_meeting_is_refused() -> None:
    data = raw()
    data["timescales"]["scoping_template_returned"] = 20
    assert "timescales.scoping_template_returned: must not be after the latest day" in problems(
        data
    )


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
    data["timescales"]["rapid_review_to_panel"] = -1
    text = problems(data)
    assert "area:" in text
    assert "timescales.rapid_review_to_panel:" in text


# --- no local fact in the code ----------------------------------------------------------------

#: The code that must hold no local fact: the core (outside the profile reader and the one
#: timescale table), the tool page templates and the browser scripts.
CODE = [
    *(p for p in (ROOT / "src" / "csprcore").rglob("*.py")
      if p.name not in {"partnership.py", "timescales.py", "bank_holidays_data.py",
                        "printable_data.py"}),
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
        names |= {p.name, p.area, p.local_authority, p.short_name, p.local_learning}
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
    data["timescales"]["rapid_review_meeting"] = [5, 10]
    data["timescales"]["scoping_template_sent"] = 1
    data["area"] = "Testshire"
    data["local_authority"] = "Testshire County Council"
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
    assert "5 to 10 working days after the referral" in " ".join(text.split())


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
        "unknown": 1,
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
    data["timescales"]["rapid_review_meeting"] = [10, 5]
    (copy / "partnership.yml").write_text(yaml.safe_dump(data), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "csprcore.cli", "--partnership", str(copy), "workdays", "add",
         "2026-12-18", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "timescales.rapid_review_meeting: the earliest day must not be after the latest" in (
        done.stderr
    )


@pytest.mark.parametrize("value", ["2026-11-26", dt.date(2026, 11, 26)])
def test_the_review_date_may_be_quoted_or_not(value: Any) -> None:
    data = {**raw(), "last_reviewed": value}
    assert from_data(data, "p.yml").last_reviewed == "2026-11-26"


def test_a_review_date_that_is_not_a_date_is_named() -> None:
    assert "last_reviewed: must be a date like 2026-11-26" in problems(
        {**raw(), "last_reviewed": "last week"}
    )
