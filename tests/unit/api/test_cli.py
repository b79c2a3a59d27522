"""The ``csprcore`` command line: the contract other parts and checks rely on.

Most cases run ``csprcore.cli.main`` in-process; a few run the installed console script.
Bad input exits non-zero with one line naming the field or the problem, never a traceback.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore.cli import main
from csprcore.forms import engine
from csprcore.forms.referral import Referral

SCRIPT = Path(sys.executable).with_name("csprcore")

CHECK_KEYS = {
    "serious_case",
    "la_must_notify_panel",
    "notify_ofsted_and_secretary_of_state",
    "rapid_review",
    "line_of_sight_learning",
    "national_review_circumstances",
    "reasons",
}


def run(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``csprcore ARGV``."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        return run(list(argv), capsys, monkeypatch, stdin)

    return _run


def assert_one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code != 0
    assert "Traceback" not in err and "Traceback" not in out
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("csprcore: ")
    for word in words:
        assert word in lines[0]


# --------------------------------------------------------------------------------------
# workdays
# --------------------------------------------------------------------------------------


def test_workdays_add(cli: Any) -> None:
    assert cli("workdays", "add", "2026-12-18", "5") == (0, "2026-12-29\n", "")


def test_workdays_add_backwards_and_zero(cli: Any) -> None:
    assert cli("workdays", "add", "2026-12-29", "-5")[1] == "2026-12-18\n"
    assert cli("workdays", "add", "2026-12-19", "0")[1] == "2026-12-19\n"


def test_workdays_add_with_a_closure(cli: Any) -> None:
    code, out, _ = cli("workdays", "add", "2026-12-18", "5", "--closure", "2026-12-21")
    assert (code, out) == (0, "2026-12-30\n")


def test_workdays_between(cli: Any) -> None:
    assert cli("workdays", "between", "2026-12-18", "2026-12-29") == (0, "5\n", "")
    assert cli("workdays", "between", "2026-12-29", "2026-12-18")[1] == "-5\n"


def test_workdays_holidays(cli: Any) -> None:
    code, out, err = cli("workdays", "holidays", "2027")
    assert code == 0 and err == ""
    dates = [line.split()[0] for line in out.splitlines()]
    assert dates == [
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
    ]
    assert "Good Friday" in out
    assert "(substitute day)" in out


# --------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------

FACTS = {
    "abuse_or_neglect": "suspected",
    "harm": "died",
    "incident_location": "in_area",
    "looked_after": "yes",
}


def test_check_json_from_a_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS), encoding="utf-8")
    code, out, err = cli("check", str(path), "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert CHECK_KEYS <= set(result) <= CHECK_KEYS | {"next_steps"}
    assert result["serious_case"] == "yes"
    assert result["la_must_notify_panel"] == "yes"
    assert result["notify_ofsted_and_secretary_of_state"] == "yes"
    assert result["rapid_review"] == "yes"
    assert result["line_of_sight_learning"] == "no"
    assert result["national_review_circumstances"] == ["in_care_or_child_protection_plan"]
    assert all(set(r) == {"finding", "text", "cite"} for r in result["reasons"])


def test_check_json_from_stdin(cli: Any) -> None:
    code, out, _ = cli("check", "--json", stdin=json.dumps(FACTS))
    assert code == 0
    assert CHECK_KEYS <= set(json.loads(out)) <= CHECK_KEYS | {"next_steps"}
    code, dash, _ = cli("check", "-", "--json", stdin=json.dumps(FACTS))
    assert code == 0 and dash == out


def test_check_empty_stdin_is_all_unsure(cli: Any) -> None:
    code, out, _ = cli("check", "--json", stdin="")
    assert code == 0
    assert json.loads(out)["serious_case"] == "unsure"


def test_check_for_a_person(cli: Any) -> None:
    code, out, _ = cli("check", stdin=json.dumps(FACTS))
    assert code == 0
    assert "Is this a serious child safeguarding case?  Yes" in out
    assert "(Section 2)" in out
    assert "Next steps:" in out
    assert "{" not in out


# --------------------------------------------------------------------------------------
# deadlines
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_deadlines_json_shape(cli: Any) -> None:
    code, out, err = cli(
        "deadlines",
        "--aware",
        "2026-12-18",
        "--referral",
        "2026-12-18",
        "--publication",
        "2027-07-30",
        "--json",
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert "milestones" in data
    by_id = {m["id"]: m for m in data["milestones"]}
    assert by_id["notify_panel"]["due"] == "2026-12-29"
    assert by_id["rapid_review_meeting"]["earliest"] == "2026-12-31"
    assert by_id["rapid_review_meeting"]["latest"] == "2027-01-11"
    assert by_id["report_available_until"]["due"] == "2028-07-30"
    for m in data["milestones"]:
        if m["id"] == "rapid_review_meeting":
            required = {"id", "earliest", "latest", "label", "basis", "cite"}
        else:
            required = {"id", "due", "label", "basis", "cite"}
        assert required <= set(m) <= required | {"note", "status", "quote", "source",
                                                 "binds"}, m["id"]  # fmt: skip
    assert "skips 25 and 28 December" in by_id["notify_panel"]["basis"]


def test_deadlines_json_with_today_gives_status(cli: Any) -> None:
    code, out, _ = cli("deadlines", "--aware", "2026-12-18", "--today", "2026-12-24", "--json")
    assert code == 0
    (first, *_) = json.loads(out)["milestones"]
    assert first["status"] == "due_soon"


@pytest.mark.nel
def test_deadlines_for_a_person(cli: Any) -> None:
    code, out, _ = cli("deadlines", "--aware", "2026-12-18", "--meeting", "2027-01-08")
    assert code == 0
    assert "Tuesday 29 December 2026: Local authority notifies" in out
    assert "Tuesday 12 January 2027" in out  # 2 working days after the meeting
    assert 'Note: Appendix 1 says "within 2 days' in out
    assert "Not worked out yet" in out


def test_deadlines_with_nothing_given(cli: Any) -> None:
    code, out, _ = cli("deadlines")
    assert code == 0
    assert "Give at least one date" in out


def test_deadlines_past_2099_names_the_step_and_gives_the_rest(cli: Any) -> None:
    # A deadline past the calendar's last year (2099) is a warning on its own step, never a
    # failure of the whole command, and no date past the calendar (2100-01-01) is printed.
    code, out, _ = cli("deadlines", "--aware", "2099-12-20", "--referral", "2099-12-20", "--json")
    assert code == 0
    result = json.loads(out)
    assert len(result["milestones"]) == 5
    assert [w["milestone"] for w in result["warnings"]] == [
        "rapid_review_meeting",
        "rapid_review_to_panel",
    ]
    assert "2100" not in out
    code, out, _ = cli("deadlines", "--decision", "2099-10-01")
    assert code == 0
    assert out.splitlines()[0] == (
        "Warning: The date for publication of the report is after 2099, the last year this "
        "calculator knows"
    )
    assert "Give at least one date" not in out


def test_deadlines_with_a_closure(cli: Any) -> None:
    code, out, _ = cli("deadlines", "--aware", "2026-06-01", "--closure", "2026-06-03", "--json")
    assert code == 0
    first = json.loads(out)["milestones"][0]
    assert first["due"] == "2026-06-09"
    assert "office closure" in first["basis"]


# --------------------------------------------------------------------------------------
# referral
# --------------------------------------------------------------------------------------


def test_referral_example_is_valid(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("referral", "example")
    assert code == 0
    assert json.loads(out) == Referral.example()
    path = tmp_path / "example.json"
    path.write_text(out, encoding="utf-8")
    code, out, err = cli("referral", "validate", str(path))
    assert (code, err) == (0, "")
    assert "valid" in out


def test_referral_validate_lists_each_error(cli: Any, tmp_path: Path) -> None:
    doc = Referral.example()
    doc["referrer"]["email"] = "not an email"
    doc["child"]["date_of_birth"] = "2018-02-30"
    doc["rationale"]["why_criteria"] = ""
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = cli("referral", "validate", str(path))
    assert code == 1
    assert out.splitlines() == [
        "referrer.email: Enter an email address in the correct format, like name@example.com",
        "child.date_of_birth: The child's date of birth must be a real date",
        "rationale.why_criteria: Enter why the case may meet the criteria",
    ]


def test_referral_validate_cross_field_errors(cli: Any, tmp_path: Path) -> None:
    doc = Referral.example()
    doc["incident"]["harm"] = "died"
    path = tmp_path / "died.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = cli("referral", "validate", str(path))
    assert code == 1
    assert out.startswith("child.date_of_death: Enter the date of death")


def test_referral_export_json_round_trips(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    doc = Referral.example()
    doc["incident"]["what_happened"] = "<img src=x onerror=alert(1)>"
    source.write_text(engine.write_json(doc), encoding="utf-8")
    target = tmp_path / "out.json"
    code, out, _ = cli("referral", "export", str(source), "--format", "json", "-o", str(target))
    assert code == 0
    assert str(target) in out
    assert json.loads(target.read_text(encoding="utf-8")) == doc
    assert engine.read_file(Referral, target.read_text(encoding="utf-8")) == doc


def test_referral_export_json_keeps_a_draft(cli: Any, tmp_path: Path) -> None:
    # A JSON export works in any state, so a half-done form can be saved and reopened.
    draft = engine.answers_to_document(
        Referral,
        {
            "child.first_names": "Zoë",
            "child.date_of_birth-day": "30",
            "child.date_of_birth-month": "2",
            "child.date_of_birth-year": "2018",
        },
    )
    source = tmp_path / "draft.json"
    source.write_text(engine.write_json(draft), encoding="utf-8")
    target = tmp_path / "draft-out.json"
    code, _, _ = cli("referral", "export", str(source), "--format", "json", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == draft


def test_referral_export_pdf(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(engine.write_json(Referral.example()), encoding="utf-8")
    target = tmp_path / "out.pdf"
    code, _, _ = cli("referral", "export", str(source), "--format", "pdf", "-o", str(target))
    assert code == 0
    assert target.read_bytes().startswith(b"%PDF")
    reader = PdfReader(str(target))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for word in ("OFFICIAL-SENSITIVE", "Zoë", "Łukasz", "Nguyễn", "Ілля", "Siobhán"):
        assert word in text, word
    # The marking is on every page.
    assert all("OFFICIAL-SENSITIVE" in page.extract_text() for page in reader.pages)


def test_referral_export_pdf_refuses_an_incomplete_form(cli: Any, tmp_path: Path) -> None:
    doc = Referral.example()
    doc["child"]["first_names"] = ""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "out.pdf"
    code, _, err = cli("referral", "export", str(source), "--format", "pdf", "-o", str(target))
    assert code == 1
    assert err.splitlines() == ["child.first_names: Enter the child's first names"]
    assert not target.exists()


# --------------------------------------------------------------------------------------
# Error paths: non-zero, one line on stderr naming the field or the problem
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["workdays", "add", "2026-02-30", "5"], ["date", "must be a real date"]),
        (["workdays", "add", "18/12/2026", "5"], ["date", "must be a date like"]),
        (["workdays", "add", "2026-12-18", "five"], ["n:", "whole number"]),
        (["workdays", "add", "2026-12-18", "1.5"], ["n:", "whole number"]),
        (["workdays", "add", "2150-01-01", "5"], ["date", "between 2000 and 2099"]),
        (["workdays", "add", "2099-12-30", "5"], ["outside the years"]),
        (["workdays", "add", "2026-12-18", "5", "--closure", "2026-13-01"], ["closures"]),
        (["workdays", "between", "2026-01-01", "2150-01-01"], ["end", "between 2000 and 2099"]),
        (["workdays", "between", "2026-02-29", "2026-03-01"], ["start", "real date"]),
        (["workdays", "holidays", "2150"], ["year", "outside the years"]),
        (["workdays", "holidays", "1999"], ["year", "outside the years"]),
        (["workdays", "holidays", "next"], ["year", "whole number"]),
        (["deadlines", "--aware", "2026-02-30"], ["aware", "must be a real date"]),
        (["deadlines", "--referral", "2150-01-01"], ["referral", "between 2000 and 2099"]),
        (
            ["deadlines", "--aware", "2026-03-10", "--referral", "2026-03-09"],
            ["referral", "same as or after the date the local authority became aware"],
        ),
        (
            ["deadlines", "--referral", "2026-03-10", "--meeting", "2026-03-09"],
            ["meeting", "same as or after the referral"],
        ),
        (
            ["deadlines", "--decision", "2026-03-10", "--publication", "2026-03-10"],
            ["publication", "after the decision"],
        ),
        (["deadlines", "--aware", "2026-12-18", "--today", "2026-13-01"], ["today"]),
        (["check", "/nonexistent/facts.json"], ["cannot read", "facts.json"]),
        (["referral", "validate", "/nonexistent/referral.json"], ["cannot read"]),
        (["register", "import", "/nonexistent/unit.csv", "-o", "r"], ["cannot read", "unit.csv"]),
        # argparse's own errors are one line too.
        (["workdays", "add", "2026-12-18"], ["required", "N"]),
        (["workdays", "subtract", "2026-12-18", "5"], ["invalid choice"]),
        ([], ["required"]),
        (["deadlines", "--colour", "2026-12-18"], ["unrecognized", "--colour"]),
        (["referral", "export", "x.json", "--format", "docx", "-o", "x"], ["invalid choice"]),
    ],
)
def test_bad_input_exits_with_one_line(cli: Any, argv: list[str], words: list[str]) -> None:
    code, out, err = cli(*argv)
    assert_one_line_error(code, out, err, *words)


def test_a_missing_update_sheet_is_named_and_nothing_is_written(cli: Any, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    code, out, err = cli("action-plan", "example")
    assert code == 0
    plan.write_text(out, encoding="utf-8")
    merged = tmp_path / "merged.json"
    code, out, err = cli(
        "action-plan", "add-updates", str(plan), str(tmp_path / "education.csv"), "-o", str(merged)
    )
    assert_one_line_error(code, out, err, "cannot read", "education.csv")
    assert not merged.exists()


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        ('{"harm": "dead"}', ["harm", "unknown answer 'dead'"]),
        ('{"colour": "blue"}', ["colour", "not a question"]),
        ('{"abuse_types": "physical"}', ["abuse_types", "must be a list"]),
        ('{"harm": "died", "colour": "blue", "looked_after": "maybe"}', ["colour", "looked_after"]),
        ("{harm", ["facts", "not valid JSON"]),
        ('["harm"]', ["facts", "JSON object"]),
        ("null", ["facts", "JSON object"]),
    ],
)
def test_check_bad_input(cli: Any, stdin: str, words: list[str]) -> None:
    code, out, err = cli("check", "--json", stdin=stdin)
    assert_one_line_error(code, out, err, *words)
    assert out == ""


def test_check_a_file_that_is_not_utf8(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"harm": "dïed"}'.encode("latin-1"))
    assert_one_line_error(*cli("check", str(path)), "not a UTF-8 text file")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{broken", ["file", "not valid JSON"]),
        ('{"form": "scoping", "schema_version": 1}', ["file", "'scoping'"]),
        ('{"form": "referral", "schema_version": 9}', ["file", "different version"]),
        ('{"form": "referral", "schema_version": 1, "x": 1}', ["file", "unknown entry 'x'"]),
    ],
)
@pytest.mark.parametrize("command", ["validate", "export"])
def test_referral_refuses_a_file_that_is_not_a_saved_form(
    cli: Any, tmp_path: Path, content: str, words: list[str], command: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    argv = ["referral", command, str(path)]
    if command == "export":
        argv += ["--format", "json", "-o", str(tmp_path / "out.json")]
    assert_one_line_error(*cli(*argv), *words)
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("fmt", ["json", "pdf"])
@pytest.mark.parametrize("where", ["missing-dir/out", "."])
def test_referral_export_to_a_place_it_cannot_write(
    cli: Any, tmp_path: Path, fmt: str, where: str
) -> None:
    source = tmp_path / "in.json"
    source.write_text(engine.write_json(Referral.example()), encoding="utf-8")
    target = tmp_path / where
    code, out, err = cli("referral", "export", str(source), "--format", fmt, "-o", str(target))
    assert_one_line_error(code, out, err, "cannot write")


def test_referral_refuses_an_oversized_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(" " * (engine.MAX_FILE_BYTES + 1), encoding="utf-8")
    assert_one_line_error(*cli("referral", "validate", str(path)), "file", "too big")


# --------------------------------------------------------------------------------------
# The console script itself
# --------------------------------------------------------------------------------------


def script(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_console_script_workdays_add() -> None:
    done = script("workdays", "add", "2026-12-18", "5")
    assert (done.returncode, done.stdout, done.stderr) == (0, "2026-12-29\n", "")


def test_console_script_check_from_stdin() -> None:
    done = script("check", "--json", stdin=json.dumps(FACTS))
    assert done.returncode == 0
    assert CHECK_KEYS <= set(json.loads(done.stdout)) <= CHECK_KEYS | {"next_steps"}


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (["workdays", "add", "2026-02-30", "5"], ""),
        (["check", "--json"], '{"harm": "dead"}'),
        (["check", "--json"], "{broken"),
    ],
)
def test_console_script_errors_are_one_line(argv: list[str], stdin: str) -> None:
    done = script(*argv, stdin=stdin)
    assert_one_line_error(done.returncode, done.stdout, done.stderr)
