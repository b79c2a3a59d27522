"""The register for a team: started from the unit's spreadsheet (``register import``) and two
colleagues' saves merged (``register merge``)."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from csprcore import api
from csprcore.cli import main
from csprcore.errors import InputError
from csprcore.forms.case_register.import_sheet import import_sheet, parse_mapping, sheet_columns
from csprcore.forms.case_register.merge import merge_registers
from csprcore.forms.case_register.register_file import check_register, example_register

TODAY = "2026-11-30"


def export_csv(register: dict[str, Any]) -> bytes:
    result = api.register_export({"register": register, "format": "csv", "today": TODAY})
    return base64.b64decode(result["base64"])


def by_reference(register: dict[str, Any]) -> dict[str, Any]:
    """The cases as the rules read them, by reference (the list is in deadline order)."""
    return {c.reference: c for c in check_register(register).cases}


# --- import ---------------------------------------------------------------------------------


def test_the_registers_own_export_comes_back_the_same() -> None:
    register = example_register()
    imported = import_sheet(export_csv(register), "register.csv")
    before, after = by_reference(register), by_reference(imported.register)
    assert before.keys() == after.keys()
    for ref, case in before.items():
        again = after[ref]
        assert (again.child_initials, again.child_age, again.review_kind, again.notification,
                again.dates) == (case.child_initials, case.child_age, case.review_kind,
                                 case.notification, case.dates), ref  # fmt: skip
    # What the core works out is not read back, and says so.
    assert imported.ignored == ["Stage", "Next deadline", "Due", "Working days left", "Status"]


@settings(max_examples=40, deadline=None)
@example(["=  0", "A  B"])
@given(st.lists(st.from_regex(r"[=+@\-A-Z][A-Za-z0-9/ -]{0,12}[A-Za-z0-9]", fullmatch=True),
                min_size=1, max_size=6, unique_by=lambda r: "".join(
                    c for c in r.casefold() if c.isalnum())))  # fmt: skip
def test_any_reference_survives_the_round_trip(references: list[str]) -> None:
    """A reference that starts like a formula is written behind an apostrophe in the CSV
    (the one CSV writer) and read back as the register holds it (a run of spaces is one
    space in a register, as in any text it keeps)."""
    register = example_register()
    register["cases"] = [
        {**copy.deepcopy(register["cases"][0]), "reference": ref} for ref in references
    ]
    held = sorted(c.reference for c in check_register(register).cases)
    assert held == sorted(" ".join(ref.split()) for ref in references)
    again = import_sheet(export_csv(register), "r.csv").register
    assert sorted(c["reference"] for c in again["cases"]) == held


UNIT_SHEET = (
    "Case ref,Initials,Age,Date LA aware,Notified,Referral date,RR meeting,Notes\r\n"
    "GRM-1,A B,3,02/11/2026,05/11/2026,03/11/2026,16/11/2026,first\r\n"
    ",,,,,,,\r\n"
    "GRM-2,C D,12,2026-10-01,,2026-10-02,,second\r\n"
)
UNIT_MAP = ["Case ref=reference", "Initials=child_initials", "Age=child_age",
            "Date LA aware=aware", "Notified=notified", "Referral date=referral",
            "RR meeting=meeting"]  # fmt: skip


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_units_own_sheet_with_its_columns_mapped(bom: bytes) -> None:
    imported = import_sheet(bom + UNIT_SHEET.encode(), "unit.csv", parse_mapping(UNIT_MAP))
    cases = by_reference(imported.register)
    assert cases["GRM-1"].dates["meeting"].isoformat() == "2026-11-16"
    assert cases["GRM-2"].dates["aware"].isoformat() == "2026-10-01"
    assert "notified" not in cases["GRM-2"].dates
    assert imported.ignored == ["Notes"]
    assert imported.messages("unit.csv") == ["Imported 2 cases from unit.csv.", "Not used: Notes."]


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        (UNIT_SHEET.replace("16/11/2026", "31/11/2026"),
         "unit.csv was not imported. Row 2, column 'RR meeting': '31/11/2026' is not a date: "
         "use 2026-11-30 or 30/11/2026"),
        (UNIT_SHEET.replace("02/11/2026", "20/11/2026"),
         "unit.csv was not imported. Row 2 (GRM-1): "),
        (UNIT_SHEET.replace("GRM-2", "GRM-1"), "unit.csv was not imported. Row 4 (GRM-1): "),
    ],
)  # fmt: skip
def test_a_bad_cell_is_refused_naming_its_row_and_column(sheet: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        import_sheet(sheet.encode(), "unit.csv", parse_mapping(UNIT_MAP))
    assert caught.value.errors[0].message.startswith(message), caught.value.errors[0].message


def test_a_sheet_that_is_not_utf8_or_has_no_reference_is_refused() -> None:
    with pytest.raises(InputError, match="not UTF-8 text"):
        import_sheet("Case ref\r\nSiobhán\r\n".encode("latin-1"), "old.csv")
    with pytest.raises(InputError, match="no column for the case reference: say which column"):
        import_sheet(UNIT_SHEET.encode(), "unit.csv")
    # Not text at all: the columns of a binary file are never offered.
    with pytest.raises(InputError, match=r"unit\.xlsx is a workbook, not a CSV file"):
        sheet_columns(b"PK\x03\x04\x14\x00\x06\x00", "unit.xlsx")
    with pytest.raises(InputError, match=r"odd\.csv is not a CSV file"):
        sheet_columns(b"\x00\x01\x02PK\x03\x04", "odd.csv")
    with pytest.raises(InputError, match="'meetin' is not a register field"):
        parse_mapping(["RR meeting=meetin"])


def test_the_cli_imports_and_writes_nothing_on_a_bad_cell(tmp_path: Path, capsys: Any) -> None:
    sheet = tmp_path / "unit.csv"
    sheet.write_text(UNIT_SHEET, encoding="utf-8")
    out = tmp_path / "register.json"
    maps = [x for m in UNIT_MAP for x in ("--map", m)]
    assert main(["register", "import", str(sheet), *maps, "-o", str(out)]) == 0
    assert "Imported 2 cases" in capsys.readouterr().out
    assert len(json.loads(out.read_text(encoding="utf-8"))["cases"]) == 2
    out.unlink()
    sheet.write_text(UNIT_SHEET.replace("16/11/2026", "16/13/2026"), encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["register", "import", str(sheet), *maps, "-o", str(out)])
    assert exited.value.code == 2
    assert "Row 2, column 'RR meeting'" in capsys.readouterr().err
    assert not out.exists()


# --- merge ------------------------------------------------------------------------------------


@pytest.fixture
def three() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    base = check_register(example_register()).doc
    return base, copy.deepcopy(base), copy.deepcopy(base)


def case_of(register: dict[str, Any], ref: str) -> dict[str, Any]:
    return next(c for c in register["cases"] if c["reference"] == ref)


def test_changes_to_different_cases_and_dates_merge(three: Any) -> None:
    base, ours, theirs = three
    case_of(ours, "NEL-2026-001")["dates"]["notified"] = "2026-11-25"
    case_of(theirs, "NEL-2026-001")["dates"]["meeting"] = "2026-12-04"
    case_of(theirs, "NEL-2026-002")["child_age"] = "15 years"
    theirs["cases"].append({**copy.deepcopy(case_of(base, "NEL-2026-007")),
                            "reference": "NEL-2026-008"})  # fmt: skip
    merged = merge_registers(base, ours, theirs)
    assert merged.conflicts == []
    assert merged.register is not None
    one = case_of(merged.register, "NEL-2026-001")["dates"]
    assert (one["notified"], one["meeting"]) == ("2026-11-25", "2026-12-04")
    assert case_of(merged.register, "NEL-2026-002")["child_age"] == "15 years"
    assert case_of(merged.register, "NEL-2026-008")


def test_a_date_changed_differently_on_both_sides_is_a_conflict(three: Any) -> None:
    base, ours, theirs = three
    case_of(ours, "NEL-2026-002")["dates"]["meeting"] = "2026-11-17"
    case_of(theirs, "NEL-2026-002")["dates"]["meeting"] = "2026-11-18"
    merged = merge_registers(base, ours, theirs)
    assert merged.register is None
    assert [c.words() for c in merged.conflicts] == [
        "NEL-2026-002: meeting: ours 2026-11-17, theirs 2026-11-18"
    ]
    settled = merge_registers(base, ours, theirs, {("nel2026002", "meeting"): "theirs"})
    assert settled.register is not None
    assert case_of(settled.register, "NEL-2026-002")["dates"]["meeting"] == "2026-11-18"


def test_a_case_removed_on_one_side_and_changed_on_the_other_is_a_conflict(three: Any) -> None:
    base, ours, theirs = three
    ours["cases"] = [c for c in ours["cases"] if c["reference"] != "NEL-2026-003"]
    case_of(theirs, "NEL-2026-003")["dates"]["panel-response"] = "2026-10-20"
    merged = merge_registers(base, ours, theirs)
    assert [c.words() for c in merged.conflicts] == [
        "NEL-2026-003: case: ours removed, theirs changed"
    ]
    untouched = copy.deepcopy(base)
    removed = merge_registers(base, ours, untouched)
    assert removed.register is not None
    assert "NEL-2026-003" not in {c["reference"] for c in removed.register["cases"]}


def test_the_cli_merge_exits_3_naming_each_conflict(
    three: Any, tmp_path: Path, capsys: Any
) -> None:
    base, ours, theirs = three
    case_of(ours, "NEL-2026-002")["dates"]["meeting"] = "2026-11-17"
    case_of(theirs, "NEL-2026-002")["dates"]["meeting"] = "2026-11-18"
    paths = []
    for name, doc in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "merged.json"
    assert main(["register", "merge", *paths, "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert "NEL-2026-002: meeting: ours 2026-11-17, theirs 2026-11-18" in err
    assert not out.exists()
    case_of(theirs, "NEL-2026-002")["dates"]["meeting"] = "2026-11-16"  # as in base
    Path(paths[2]).write_text(json.dumps(theirs), encoding="utf-8")
    assert main(["register", "merge", *paths, "-o", str(out)]) == 0
    merged = json.loads(out.read_text(encoding="utf-8"))
    assert case_of(merged, "NEL-2026-002")["dates"]["meeting"] == "2026-11-17"


def test_the_api_imports_a_sheet_and_reports_conflicts(three: Any) -> None:
    sheet = base64.b64encode(UNIT_SHEET.encode()).decode()
    mapping = parse_mapping(UNIT_MAP)
    result = json.loads(api.call("register_import", json.dumps(
        {"file": {"name": "unit.csv", "base64": sheet}, "map": mapping})))  # fmt: skip
    assert result["ok"] is True and result["ignored"] == ["Notes"]
    assert [c["reference"] for c in result["register"]["cases"]] == ["GRM-1", "GRM-2"]
    refused = json.loads(api.call("register_import", json.dumps(
        {"file": {"name": "unit.csv", "base64": sheet}, "map": {"Age": "age"}})))  # fmt: skip
    assert refused["ok"] is False and refused["errors"][0]["field"] == "map"
    base, ours, theirs = three
    case_of(ours, "NEL-2026-002")["child_age"] = "15 years"
    case_of(theirs, "NEL-2026-002")["child_age"] = "16"
    merged = json.loads(api.call("register_merge", json.dumps(
        {"base": base, "ours": ours, "theirs": theirs})))  # fmt: skip
    assert merged["register"] is None
    assert merged["conflicts"][0]["label"] == "Child's age"
    choice = {"reference": "NEL-2026-002", "field": "child_age", "take": "ours"}
    payload = {"base": base, "ours": ours, "theirs": theirs, "choices": [choice]}
    settled = json.loads(api.call("register_merge", json.dumps(payload)))
    assert case_of(settled["register"], "NEL-2026-002")["child_age"] == "15 years"


def test_the_page_is_offered_the_columns_and_what_their_headings_say() -> None:
    sheet = "Reference,Initials,Referral received,rapid review meeting held,Notes\r\n"
    result = json.loads(api.call("register_sheet_columns", json.dumps(
        {"file": {"name": "s.csv", "content": sheet}})))  # fmt: skip
    assert result["columns"] == ["Reference", "Initials", "Referral received",
                                 "rapid review meeting held", "Notes"]  # fmt: skip
    assert result["suggested"] == {"Reference": "reference", "Referral received": "referral",
                                   "rapid review meeting held": "meeting"}  # fmt: skip
    assert ["meeting", "Rapid Review meeting held"] in result["targets"]
