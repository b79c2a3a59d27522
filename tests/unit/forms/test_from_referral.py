"""Starting the Rapid Review Template and a scoping return from a saved referral
(``csprcore.forms.from_referral``).

The Rapid Review's national-review circumstances are filled in from the criteria checker's
answers when the referral holds them, and the Rapid Review's documents name the child by
initials and age only, never by name. Section 6 lists the circumstances the Panel has regard
to.
"""

from __future__ import annotations

import copy
import json
from calendar import monthrange
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from csprcore import api
from csprcore.errors import InputError
from csprcore.forms import engine
from csprcore.forms.carry import start_from
from csprcore.forms.from_referral import (
    age_on,
    fill_from_referral,
    initials,
    national_circumstances,
)
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.referral import Referral
from csprcore.forms.scoping import ScopingReturn, example_return, initials_problem
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


@pytest.fixture
def referral() -> dict[str, Any]:
    return Referral.example()


def with_checker(ref: dict[str, Any], **facts: Any) -> dict[str, Any]:
    out = copy.deepcopy(ref)
    out["checker"] = {"facts": facts, "outcome": {}, "checked_at": "26/11/2026 09:00"}
    return out


def fill(ref: dict[str, Any], doc: dict[str, Any] | None = None) -> Any:
    """Fill ``doc`` (a blank Rapid Review, as the page or the CLI starts one, when None)."""
    blank = engine.answers_to_document(RapidReview, {})
    return fill_from_referral(RapidReview, blank if doc is None else doc, ref, "referral.json")


# --------------------------------------------------------------------------------------
# initials and age: no name crosses over
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Zoë", "Nguyễn", "Z N"),
        ("Zara Nadia", "Smith", "Z N S"),
        ("Mary-Jane", "O'Neill", "M-J O"),
        ("Ілля", "Коваленко", "І К"),
        ("  zoë  ", "nguyễn", "Z N"),
        # More letters than initials can have: the first first name and the last name.
        ("Anna Beth Cara Dee Eve", "Fox Gray", "A G"),
        ("", "", ""),
        ("123", "", ""),
    ],
)
def test_initials(first: str, last: str, expected: str) -> None:
    assert initials(first, last) == expected
    if expected:
        assert initials_problem(expected) is None


@pytest.mark.parametrize(
    ("born", "on", "expected"),
    [
        (date(2018, 3, 9), date(2026, 11, 14), "8"),
        (date(2018, 11, 15), date(2026, 11, 14), "7"),
        (date(2018, 11, 14), date(2026, 11, 14), "8"),
        (date(2024, 12, 1), date(2026, 11, 14), "23 months"),
        (date(2024, 11, 14), date(2026, 11, 14), "2"),
        (date(2026, 4, 2), date(2026, 11, 14), "7 months"),
        (date(2026, 10, 14), date(2026, 11, 14), "1 month"),
        (date(2026, 11, 1), date(2026, 11, 14), "1 week"),
        (date(2026, 10, 20), date(2026, 11, 14), "3 weeks"),
        (date(2026, 11, 13), date(2026, 11, 14), "1 day"),
        (date(2026, 11, 14), date(2026, 11, 14), "0 days"),
        # Born on 29 February: the birthday comes on 1 March in other years.
        (date(2016, 2, 29), date(2023, 2, 28), "6"),
        (date(2016, 2, 29), date(2023, 3, 1), "7"),
    ],
)
def test_age_on(born: date, on: date, expected: str) -> None:
    assert age_on(born, on) == expected


def test_age_before_birth_is_refused() -> None:
    with pytest.raises(ValueError):
        age_on(date(2026, 11, 15), date(2026, 11, 14))


@given(
    born=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    days=st.integers(min_value=0, max_value=18 * 366),
)
def test_age_agrees_with_dateutil(born: date, days: int) -> None:
    on = date.fromordinal(min(born.toordinal() + days, date(2099, 12, 31).toordinal()))
    # dateutil counts a month reached on the last day of a month that lacks the birth day
    # (30 January + 1 month = 29 February); the template waits for the day itself (1 March),
    # as it does for a birthday on 29 February. Those days are not compared.
    assume(on.day >= born.day or on.day != monthrange(on.year, on.month)[1])
    gap = relativedelta(on, born)
    months = gap.years * 12 + gap.months
    text = age_on(born, on)
    if months >= 24:
        assert text == str(gap.years)
    elif months >= 1:
        assert text.split()[0] == str(months)
    else:
        assert text.split()[1].startswith(("day", "week"))


# --------------------------------------------------------------------------------------
# section 6's circumstances, from the checker's answers when present
# --------------------------------------------------------------------------------------


def test_circumstances_from_the_referral_answers_alone(referral: dict[str, Any]) -> None:
    # The example: on a child protection plan, physical abuse and neglect, no checker record.
    found = national_circumstances(referral)
    assert found.keys == ["in_care_or_child_protection_plan", "range_of_abuse_types"]
    assert found.source == "the referral's answers"


def test_the_checker_gives_what_the_referral_does_not_ask(referral: dict[str, Any]) -> None:
    """Only the checker asks about an institutional setting (section 6: "a case that may raise
    issues relating to safeguarding or promoting the welfare of children in institutional
    settings")."""
    found = national_circumstances(with_checker(referral, institutional_setting="yes"))
    assert "institutional_setting" in found.keys
    assert found.source == (
        "the criteria checker's answers in the referral and the referral's own answers"
    )


def test_the_referral_answers_are_the_later_word(referral: dict[str, Any]) -> None:
    # The checker was told the child was looked after; the referral says neither in care nor
    # on a plan, and one type of abuse.
    ref = with_checker(referral, looked_after="yes", abuse_types=["physical", "sexual"])
    ref["child"]["legal_status"] = "none"
    ref["incident"]["abuse_types"] = ["physical"]
    assert national_circumstances(ref).keys == []


def test_the_checker_answers_alone_when_the_referral_is_blank() -> None:
    ref = with_checker(
        {"form": "referral", "schema_version": 1},
        harm="died", abuse_or_neglect="suspected", educated_otherwise_than_at_school="yes",
    )  # fmt: skip
    found = national_circumstances(ref)
    assert found.keys == ["educated_otherwise_than_at_school"]
    assert found.source == "the criteria checker's answers in the referral"


def test_a_stored_outcome_is_never_trusted(referral: dict[str, Any]) -> None:
    ref = copy.deepcopy(referral)
    ref["checker"] = {"facts": {}, "outcome": {"national_review_circumstances": [
        "institutional_setting"]}, "checked_at": ""}  # fmt: skip
    assert "institutional_setting" not in national_circumstances(ref).keys


def test_a_checker_record_the_rules_cannot_read_is_set_aside(referral: dict[str, Any]) -> None:
    ref = with_checker(referral, colour="blue")
    assert national_circumstances(ref) == national_circumstances(referral)


def test_not_a_serious_case_shows_no_circumstances(referral: dict[str, Any]) -> None:
    ref = copy.deepcopy(referral)
    ref["incident"]["abuse_or_neglect"] = "not_suspected"
    assert national_circumstances(ref).keys == []


# --------------------------------------------------------------------------------------
# filling the Rapid Review
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_a_blank_rapid_review_from_the_example(referral: dict[str, Any]) -> None:
    result = fill(with_checker(referral, institutional_setting="yes"))
    doc = result.document
    assert {k: doc["case"][k] for k in ("child_initials", "child_age", "gender", "ethnicity",
                                        "incident_date", "referral_date")} == {
        "child_initials": "Z N", "child_age": "8", "gender": "female",
        "ethnicity": "Mixed: White and Asian", "incident_date": "2026-11-14",
        "referral_date": "2026-11-18"}  # fmt: skip
    assert doc["criteria"]["national_circumstances"] == [
        "in_care_or_child_protection_plan", "range_of_abuse_types",
        "institutional_setting"]  # fmt: skip
    assert [r["agency"] for r in doc["agency_returns"]] == [
        "Children's Social Care", "Police Service"]  # fmt: skip
    assert doc["parallel_processes"]["criminal_investigation"] == "yes"
    # The key dates are worked out from the referral date filled in.
    assert "Friday 27 November 2026" in doc["key_dates"]["meeting_window"]
    # No name, address or date of birth crosses over.
    text = json.dumps(doc, ensure_ascii=False)
    for private in ("Zoë", "Nguyễn", "Example Street", "2018-03-09", "DN31"):
        assert private not in text
    assert result.changed
    # What it gives is a Rapid Review that reads back as one.
    assert engine.read_file(RapidReview, engine.write_json(doc)) == doc


def test_never_overwrites_what_the_user_wrote(referral: dict[str, Any]) -> None:
    doc = {
        "case": {"child_age": "8 years", "ethnicity": "Typed", "gender": ""},
        "criteria": {"national_circumstances": ["range_of_abuse_types"]},
        "parallel_processes": {"criminal_investigation": "no"},
        "agency_returns": [{"agency": "police  service.", "involvement": "Mine",
                            "key_points": ""}],
    }  # fmt: skip
    result = fill(referral, doc)
    out = result.document
    assert out["case"]["child_age"] == "8 years"
    assert out["case"]["ethnicity"] == "Typed"
    assert out["case"]["gender"] == "female"
    assert out["criteria"]["national_circumstances"] == ["range_of_abuse_types"]
    assert out["parallel_processes"]["criminal_investigation"] == "no"
    assert out["parallel_processes"]["details"] == "Police investigation opened on 16 November."
    assert [r["agency"] for r in out["agency_returns"]] == [
        "police  service.", "Children's Social Care"]  # fmt: skip
    assert out["agency_returns"][0]["involvement"] == "Mine"
    assert result.messages() == [
        "Filled in the child's initials, the child's gender, the date of the incident, the date "
        "of the referral and the other processes from the referral.",
        "Kept what you had written for the child's age and the child's ethnicity.",
        "Listed the agency the referral names: Children's Social Care. Add its return to fill "
        "in the rows.",
        "Kept the circumstances for a national review you had already selected.",
    ]
    assert doc["case"]["gender"] == "", "the input is not changed in place"


@given(st.sets(st.sampled_from(["child_initials", "child_age", "ethnicity"])))
def test_typed_case_details_always_survive(typed: set[str]) -> None:
    mine = {"child_initials": "Z", "child_age": "eight", "ethnicity": "Mine"}
    doc = {"case": {k: mine[k] for k in typed}}
    out = fill(Referral.example(), doc).document["case"]
    for key in typed:
        assert out[key] == mine[key]


def test_filling_twice_changes_nothing_more(referral: dict[str, Any]) -> None:
    once = fill(referral).document
    again = fill(referral, once)
    assert again.document == once
    assert not again.changed
    assert again.messages()[-1] == "Nothing was filled in: your answers have not changed."


@pytest.mark.parametrize("typed", ["Z N", "z.n.", "Z", "ZN"])
def test_initials_that_fit_the_child_are_accepted(referral: dict[str, Any], typed: str) -> None:
    out = fill(referral, {"case": {"child_initials": typed}}).document
    assert out["case"]["child_initials"] == typed


@pytest.mark.parametrize("typed", ["A B", "N Z", "Z Q"])
def test_a_referral_for_another_child_is_refused(referral: dict[str, Any], typed: str) -> None:
    with pytest.raises(InputError) as caught:
        start_from(RapidReview, {"case": {"child_initials": typed}}, json.dumps(referral),
                   "referral.json")  # fmt: skip
    (error,) = caught.value.errors
    assert error.field == "referral-file"
    assert error.message == (
        f"referral.json is a referral about a child with the initials Z N, not {typed}: "
        "nothing was filled in"
    )


def test_a_date_of_birth_after_the_incident_is_named(referral: dict[str, Any]) -> None:
    ref = copy.deepcopy(referral)
    ref["child"]["date_of_birth"] = "2026-12-01"
    result = fill(ref)
    assert result.document["case"]["child_age"] == ""
    assert (
        "The child's age was not filled in: the referral's date of birth is after the date of "
        "the incident."
    ) in result.messages()


def test_a_draft_referral_fills_what_it_has() -> None:
    draft = {"form": "referral", "schema_version": 1, "child": {"first_names": "Ілля"}}
    result = fill(draft)
    assert result.document["case"]["child_initials"] == "І"
    assert result.filled == ["the child's initials"]
    assert result.messages()[-1] == (
        "None of the circumstances for a national review is shown by the referral's answers."
    )


@pytest.mark.nel
def test_the_scoping_return_takes_only_its_case_details(referral: dict[str, Any]) -> None:
    result = fill_from_referral(ScopingReturn, {}, referral)
    case = result.document["case"]
    assert (case["child_initials"], case["child_age"], case["referral_date"]) == (
        "Z N", "8", "2026-11-18")  # fmt: skip
    assert case["return_by"] == "2026-11-25"
    # The case details, and the referral's names as marks only (``forms.names``).
    assert set(result.document) == {"case", "name_marks"}
    assert "Zo" not in str(result.document["name_marks"])
    assert result.messages() == [
        "Filled in the child's initials, the child's age and the date of the referral from the "
        "referral."
    ]


# --------------------------------------------------------------------------------------
# the api and the CLI
# --------------------------------------------------------------------------------------


def test_api_fills_the_page_answers(referral: dict[str, Any]) -> None:
    result = call("form_start_from", {
        "form": "rapid-review", "answers": {"case.child_age": "8 years"},
        "file": {"name": "r.json", "content": json.dumps(referral)}})  # fmt: skip
    assert result["ok"] and result["changed"]
    assert result["answers"]["case.child_age"] == "8 years"
    assert result["answers"]["case.child_initials"] == "Z N"
    assert result["answers"]["case.incident_date-day"] == "14"
    assert result["answers"]["agency_returns.1.agency"] == "Police Service"
    assert result["national_circumstances"] == [
        "in_care_or_child_protection_plan", "range_of_abuse_types"]  # fmt: skip


@pytest.mark.nel
@pytest.mark.parametrize(
    ("file", "words"),
    [
        (None, "Choose a saved referral file"),
        ({"name": "x.json"}, "Choose a saved referral file"),
        ({"name": "x.json", "content": "{broken"}, "x.json is not a saved form"),
        ({"name": "s.json", "content": engine.write_json(example_return())},
         "s.json is a saved 'scoping-return' form, not a Serious Child Safeguarding"),
        ({"name": "big.json", "content": " " * 1_000_001}, "big.json is too big"),
    ],
)  # fmt: skip
def test_api_refuses_a_bad_file_naming_it(file: Any, words: str) -> None:
    result = call("form_start_from", {"form": "rapid-review", "answers": {}, "file": file})
    assert result["ok"] is False
    assert result["errors"][0]["field"] == "referral-file"
    assert words in result["errors"][0]["message"]


def test_api_only_for_the_appendix_1_forms(referral: dict[str, Any]) -> None:
    result = call("form_start_from", {
        "form": "referral", "answers": {},
        "file": {"name": "r.json", "content": json.dumps(referral)}})  # fmt: skip
    assert result["ok"] is False
    assert "is not started from another document" in result["errors"][0]["message"]


def test_cli_from_referral(cli: Any, tmp_path: Path, referral: dict[str, Any]) -> None:
    source = tmp_path / "referral.json"
    source.write_text(engine.write_json(referral), encoding="utf-8")
    target = tmp_path / "rr.json"
    code, out, err = cli("rapid-review", "from-referral", str(source), "-o", str(target))
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("Filled in the child's initials")
    assert out.splitlines()[-1] == f"Wrote {target}"
    saved = engine.read_file(RapidReview, target.read_text(encoding="utf-8"))
    assert saved["case"]["child_initials"] == "Z N"

    # --into fills an existing file's empty boxes only.
    into = tmp_path / "mine.json"
    into.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    code, out, err = cli("rapid-review", "from-referral", str(source), "--into", str(into),
                         "-o", str(target))  # fmt: skip
    assert (code, err) == (0, "")
    assert "Kept what you had written for the date of the incident" in out
    saved = engine.read_file(RapidReview, target.read_text(encoding="utf-8"))
    assert saved["case"] == RapidReview.example()["case"]

    code, out, err = cli("scoping", "from-referral", str(source), "-o", str(target))
    assert code == 0
    assert engine.read_file(ScopingReturn, target.read_text())["case"]["child_age"] == "8"


def test_cli_from_referral_refuses_a_wrong_file(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "rr.json"
    source.write_text(engine.write_json(RapidReview.example()), encoding="utf-8")
    target = tmp_path / "out.json"
    code, out, err = cli("rapid-review", "from-referral", str(source), "-o", str(target))
    assert_one_line_error(code, out, err, "rr.json is a saved 'rapid-review' form")
    assert not target.exists()
