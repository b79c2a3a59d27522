"""The case register's file (``forms.case_register.register_file``) and adding a saved
document to a case (``forms.case_register.documents``).

The file's contract: a JSON object with ``form: "case-register"``, ``schema_version`` and
``cases``, each with ``reference``, ``child_initials`` and ``dates`` holding at least
``aware``, ``notified``, ``referral``, ``meeting``, ``sent-to-panel``, ``decision``,
``copies-sent`` and ``publication`` as ISO dates or null. A broken file is refused with a
message naming the file and the case; nothing changes on a refusal.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore.errors import InputError
from csprcore.forms.case_register.case_record import answers_from_case, case_from_answers
from csprcore.forms.case_register.documents import DOCUMENT_FIELD, add_document
from csprcore.forms.case_register.register_file import (
    FILE_FIELD,
    MAX_BYTES,
    check_register,
    empty_dates,
    example_register,
    read_register,
    write_register,
)
from csprcore.forms.registry import forms
from csprcore.rules.register import EVENT_IDS, REVIEW_KINDS, stage

CONTRACT_EVENTS = ("aware", "notified", "referral", "meeting", "sent-to-panel", "decision",
                   "copies-sent", "publication")  # fmt: skip
TODAY = date(2026, 12, 1)


#: The forms' examples share a case reference (with the partnership's prefix).
EXAMPLE_REF: str = forms()["rapid-review"].example()["case"]["referral_reference"]


def one_case(**fields: Any) -> dict[str, Any]:
    case: dict[str, Any] = {"reference": "NEL-2026-001", "child_initials": "A B",
                            "dates": {"aware": "2026-01-05", "referral": "2026-01-06"}}  # fmt: skip
    case.update(fields)
    return {"form": "case-register", "schema_version": 1, "cases": [case]}


def refusal(doc: Any, name: str = "register.json") -> str:
    with pytest.raises(InputError) as caught:
        check_register(doc, name)
    assert {e.field for e in caught.value.errors} == {FILE_FIELD}
    return " | ".join(e.message for e in caught.value.errors)


# --- the contract ---------------------------------------------------------------------------


def test_the_example_register_keeps_the_contract() -> None:
    doc = example_register()
    assert doc["form"] == "case-register" and isinstance(doc["schema_version"], int)
    assert isinstance(doc["cases"], list) and doc["cases"]
    for case in doc["cases"]:
        assert {"reference", "child_initials", "dates"} <= set(case)
        assert set(CONTRACT_EVENTS) <= set(case["dates"])
        for value in case["dates"].values():
            assert value is None or date.fromisoformat(value).isoformat() == value
    checked = check_register(doc)
    assert checked.doc == doc
    # One case at each stage but the earliest (the example's docstring).
    assert {stage(c) for c in checked.cases} >= {"scoping", "rapid_review", "panel",
                                                 "local_review", "other_review", "action_plan",
                                                 "closed"}  # fmt: skip


def test_a_minimal_contract_file_opens_and_is_written_with_every_event() -> None:
    text = json.dumps({"form": "case-register", "schema_version": 1, "cases": [
        {"reference": "X-1", "child_initials": "Q R",
         "dates": dict.fromkeys(CONTRACT_EVENTS) | {"aware": "2026-05-01"}}]})  # fmt: skip
    register = read_register(text, "theirs.json")
    stored = register.doc["cases"][0]
    assert list(stored["dates"]) == list(EVENT_IDS)
    assert stored["dates"]["aware"] == "2026-05-01"
    assert register.cases[0].dates == {"aware": date(2026, 5, 1)}
    assert json.loads(write_register(register.doc)) == register.doc


def test_a_byte_order_mark_and_bytes_are_read() -> None:
    text = "\ufeff" + json.dumps(one_case())
    assert read_register(text.encode("utf-8")).cases[0].reference == "NEL-2026-001"


# --- refusals, each naming the case ---------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"dates": {"aware": "2026-02-30"}},
         "register.json cannot be opened. Case 1 (NEL-2026-001): The date the local authority "
         "became aware of the incident must be a real date"),
        ({"dates": {"aware": "2026-02-10", "referral": "2026-02-09"}},
         "Case 1 (NEL-2026-001): The date the referral was received must be the same as or "
         "after the date the local authority became aware of the incident"),
        ({"dates": {"meeting": "2026-03-10", "sent-to-panel": "2026-03-09"}},
         "Case 1 (NEL-2026-001): The date the Rapid Review was sent to the Panel must be the "
         "same as or after the date of the Rapid Review meeting"),
        # Section 11 counts publication from the decision: never the same day.
        ({"dates": {"decision": "2026-02-10", "publication": "2026-02-10"}},
         "Case 1 (NEL-2026-001): The date the report was published must be after the date of "
         "the decision on a local review"),
        ({"dates": {"aware": "2026-01-05", "closed": "2026-01-04"}},
         "Case 1 (NEL-2026-001): The date the case was closed must be the same as or after "
         "the date the local authority became aware of the incident"),
        ({"dates": {"birthday": "2026-01-01"}},
         "Case 1 (NEL-2026-001): 'birthday' is not an event the register records"),
        ({"name": "Zoë Nguyễn"}, "Case 1 (NEL-2026-001): 'name' is not something a case records"),
        ({"child_initials": "Zoë Nguyễn"},
         "Case 1 (NEL-2026-001): Enter the child's initials only, like Z N, not their name"),
        ({"child_initials": ""}, "Case 1 (NEL-2026-001): Enter the child's initials"),
        ({"reference": ""}, "Case 1: Enter the case's reference"),
        ({"reference": "<b>NEL</b>"}, "The reference must not contain < or >"),
        ({"reference": "X" * 41}, "Case 1: The reference must be 40 characters or fewer"),
        ({"review_kind": "serious"}, "Choose which kind of review follows, or none"),
        ({"open_actions": [{"due": "soon", "agency": "Police"}]},
         "Case 1 (NEL-2026-001): The due date of open action 1"),
    ],
)  # fmt: skip
def test_a_case_that_does_not_add_up_is_refused_naming_it(
    fields: dict[str, Any], expected: str
) -> None:
    assert expected in refusal(one_case(**fields))


def test_duplicate_references_are_refused_whatever_their_case() -> None:
    doc = one_case()
    doc["cases"].append({**doc["cases"][0], "reference": "nel-2026-001"})
    assert refusal(doc) == (
        "register.json cannot be opened. Case 2 (nel-2026-001): Another case has the "
        "reference nel-2026-001"
    )


def test_every_case_with_a_problem_is_named_at_once() -> None:
    doc = one_case()
    bad = {"reference": "NEL-2", "child_initials": "Zoë Nguyễn", "dates": {}}
    doc["cases"] += [bad, {**bad, "reference": "NEL-3"}]
    message = refusal(doc)
    assert "Case 2 (NEL-2)" in message and "Case 3 (NEL-3)" in message


def test_a_reordering_control_in_a_reference_is_refused_and_not_echoed() -> None:
    message = refusal(one_case(reference="NEL\u202e100-2026"))
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in message
    # The message naming the case must not itself reorder on screen.
    assert "\u202e" not in message


def test_other_control_characters_are_turned_into_spaces_as_in_every_form() -> None:
    register = check_register(one_case(reference="NEL\x07-1\t2"))
    assert register.cases[0].reference == "NEL -1 2"


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ([], "register.json is not a case register"),
        ({"form": "referral", "schema_version": 2, "cases": []},
         "register.json is a saved 'referral' form, not a case register"),
        ({"form": "case-register", "schema_version": 2, "cases": []},
         "register.json was saved by a different version of the register (version 2); this "
         "page reads version 1"),
        ({"form": "case-register", "schema_version": True, "cases": []},
         "its schema_version is missing or not a whole number"),
        ({"form": "case-register", "schema_version": 1}, "it has no cases list"),
        ({"form": "case-register", "schema_version": 1, "cases": [], "notes": "x"},
         "unknown entry 'notes'"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_this_register_is_refused(doc: Any, expected: str) -> None:
    assert expected in refusal(doc)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json", "register.json is not a case register: it is not valid JSON"),
        (b"\xff\xfe\x00", "register.json is not a case register: it is not UTF-8 text"),
        ("[" * 100 + "]" * 100, "register.json is not a case register"),
        (" " * (MAX_BYTES + 1), "register.json is too big: a case register is under 5 MB"),
    ],
)
def test_a_broken_or_huge_file_is_refused(content: str | bytes, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_register(content, "register.json")
    assert caught.value.errors[0].field == FILE_FIELD
    assert caught.value.errors[0].message.startswith(expected)


# --- round trips ----------------------------------------------------------------------------

INITIALS = st.builds(
    lambda a, b: f"{a} {b}", st.sampled_from("ABCDEFGHJKLMNPQRSTVWZÉØ"), st.sampled_from("ABNZ")
)
REFERENCE = st.from_regex(r"[A-Z]{2,4}-20[0-9]{2}-[0-9]{3}", fullmatch=True)


@st.composite
def cases_in_order(draw: st.DrawFn) -> dict[str, Any]:
    """A case whose known dates follow the order the events happen, one or more days apart."""
    day = draw(st.dates(date(2000, 1, 1), date(2090, 1, 1)))
    dates: dict[str, str | None] = {}
    for event in EVENT_IDS:
        day += timedelta(days=draw(st.integers(1, 60)))
        dates[event] = day.isoformat() if draw(st.booleans()) else None
    return {
        "reference": draw(REFERENCE),
        "child_initials": draw(INITIALS),
        "child_age": draw(st.sampled_from(["", "8", "3 months", "16"])),
        "review_kind": draw(st.sampled_from([None, *REVIEW_KINDS])),
        "dates": dates,
        "open_actions": sorted(
            draw(
                st.lists(
                    st.builds(
                        lambda d, a: {"due": d.isoformat(), "agency": a},
                        st.dates(date(2001, 1, 1), date(2099, 1, 1)),
                        st.sampled_from(["Police", "Health", ""]),
                    ),
                    max_size=3,
                )
            ),
            key=lambda a: (a["due"], a["agency"]),
        ),
        "filled_from": {},
    }


@st.composite
def registers(draw: st.DrawFn) -> dict[str, Any]:
    cases = draw(st.lists(cases_in_order(), max_size=6, unique_by=lambda c: c["reference"]))
    return {"form": "case-register", "schema_version": 1, "partnership": "P", "cases": cases}


@settings(max_examples=120, deadline=None)
@given(registers())
def test_a_valid_register_round_trips_unchanged(doc: dict[str, Any]) -> None:
    checked = check_register(copy.deepcopy(doc))
    assert checked.doc == doc
    again = read_register(write_register(checked.doc))
    assert again.doc == checked.doc
    assert again.cases == checked.cases


@settings(max_examples=80, deadline=None)
@given(cases_in_order())
def test_a_case_round_trips_through_the_pages_boxes(case: dict[str, Any]) -> None:
    stored = check_register({"form": "case-register", "schema_version": 1, "cases": [case]})
    first = stored.doc["cases"][0]
    back = case_from_answers(answers_from_case(first), first)
    assert back["dates"] == first["dates"]
    assert (back["reference"], back["child_initials"]) == (first["reference"],
                                                            first["child_initials"])  # fmt: skip


# --- adding documents -----------------------------------------------------------------------


def example(form_id: str) -> str:
    return json.dumps(forms()[form_id].example())


def case_zn(**dates: str) -> dict[str, Any]:
    return {"reference": EXAMPLE_REF, "child_initials": "Z N", "child_age": "",
            "review_kind": None, "dates": {**empty_dates(), **dates}, "open_actions": [],
            "filled_from": {}}  # fmt: skip


def test_a_rapid_review_fills_the_empty_dates_and_the_decision() -> None:
    added = add_document(case_zn(), example("rapid-review"), "rr.json", [], TODAY)
    dates = {k: v for k, v in added.case["dates"].items() if v}
    # The example Rapid Review: the local authority aware 13 October 2026, referral 14
    # October, its notification 16 October, the meeting 28 October, sent to the Panel 30
    # October; it decided on a local review. Every date it holds is filled.
    assert dates == {"aware": "2026-10-13", "referral": "2026-10-14", "notified": "2026-10-16",
                     "meeting": "2026-10-28", "sent-to-panel": "2026-10-30"}  # fmt: skip
    assert added.case["review_kind"] == "local"
    assert added.case["filled_from"] == dict.fromkeys(dates, "rr.json")
    assert added.messages("rr.json")[0].startswith("Filled in from rr.json: ")


def test_a_typed_date_is_never_overwritten_and_the_message_says_the_file_differs() -> None:
    before = case_zn(meeting="2026-10-27")
    added = add_document(before, example("rapid-review"), "rr.json", [], TODAY)
    assert added.case["dates"]["meeting"] == "2026-10-27"
    assert "meeting" not in added.case["filled_from"]
    assert ("Kept the date of the Rapid Review meeting as 27 October 2026: rr.json gives "
            "28 October 2026") in added.messages("rr.json")  # fmt: skip
    assert before["dates"]["referral"] is None  # the case given is not changed


def test_the_same_document_twice_has_nothing_new() -> None:
    once = add_document(case_zn(), example("rapid-review"), "rr.json", [], TODAY).case
    twice = add_document(once, example("rapid-review"), "rr.json", [], TODAY)
    assert twice.case == once
    assert twice.messages("rr.json") == ["rr.json had nothing new for this case"]


def test_a_local_review_record_fills_the_review_dates() -> None:
    added = add_document(case_zn(), example("local-review"), "lr.json", [], TODAY)
    dates = {k: v for k, v in added.case["dates"].items() if v}
    # The reviewer commissioned is the first of the reviewers' dates.
    assert dates == {"meeting": "2026-06-02", "decision": "2026-06-03",
                     "reviewer-commissioned": "2026-06-10",
                     "final-report": "2026-11-20", "planned-publication": "2026-12-03",
                     "copies-sent": "2026-11-23", "ofsted-sent": "2026-11-23"}  # fmt: skip
    assert added.case["review_kind"] == "local"


def test_a_document_whose_dates_do_not_fit_the_case_is_refused() -> None:
    # The example local review decided on 3 June 2026, before this case's meeting.
    with pytest.raises(InputError) as caught:
        add_document(case_zn(meeting="2026-10-28"), example("local-review"), "lr.json", [],
                     TODAY)  # fmt: skip
    assert caught.value.errors[0].field == DOCUMENT_FIELD
    assert caught.value.errors[0].message.startswith("lr.json was not added: ")


def test_a_referral_fills_the_referral_date() -> None:
    added = add_document(case_zn(), example("referral"), "referral.json", [], TODAY)
    assert {k: v for k, v in added.case["dates"].items() if v} == {"referral": "2026-11-18"}


@pytest.mark.parametrize("form_id", ["referral", "rapid-review", "local-review", "action-plan"])
def test_a_document_about_another_child_is_refused_naming_the_file(form_id: str) -> None:
    before = {**case_zn(), "child_initials": "A B"}
    kept = copy.deepcopy(before)
    with pytest.raises(InputError) as caught:
        add_document(before, example(form_id), f"{form_id}.json", [], TODAY)
    [error] = caught.value.errors
    assert error.field == DOCUMENT_FIELD
    assert error.message.startswith(f"{form_id}.json ")
    assert "Z N, not A B: nothing was added" in error.message
    assert before == kept


@pytest.mark.parametrize("form_id", ["rapid-review", "local-review", "action-plan"])
def test_a_document_for_another_case_is_refused_naming_the_file(form_id: str) -> None:
    before = {**case_zn(), "reference": "NEL-2026-099"}
    with pytest.raises(InputError) as caught:
        add_document(before, example(form_id), f"{form_id}.json", [], TODAY)
    assert caught.value.errors[0].message == (
        f"{form_id}.json is for the case {EXAMPLE_REF}, not NEL-2026-099: nothing was added"
    )


def test_initials_written_differently_are_the_same_child() -> None:
    before = {**case_zn(), "child_initials": "z.n."}
    added = add_document(before, example("rapid-review"), "rr.json", [], TODAY)
    assert added.case["child_initials"] == "z.n."


def test_a_document_taking_another_cases_reference_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        add_document({"dates": empty_dates()}, example("rapid-review"), "rr.json",
                     [EXAMPLE_REF], TODAY)  # fmt: skip
    assert f"another case has the reference {EXAMPLE_REF}" in caught.value.errors[0].message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (example("scoping-return"),
         "return.json is a saved 'scoping-return' form: add a referral, a Rapid Review, a "
         "local review record or an action plan"),
        ("{broken", "return.json is not a saved document: it is not valid JSON"),
        (json.dumps(example_register()), "return.json is a saved 'case-register' form"),
    ],
)  # fmt: skip
def test_a_scoping_return_or_a_broken_file_is_refused(content: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        add_document(case_zn(), content, "return.json", [], TODAY)
    assert caught.value.errors[0].field == DOCUMENT_FIELD
    assert caught.value.errors[0].message.startswith(expected)


def test_an_action_plan_gives_its_open_actions() -> None:
    # The example plan: one complete, one in progress (Education, 13 November 2026), one not
    # started (Health, 31 March 2027) and one no longer needed. Section 12.
    added = add_document(case_zn(), example("action-plan"), "plan.json", [], TODAY)
    assert added.case["open_actions"] == [
        {"due": "2026-11-13", "agency": "Education"},
        {"due": "2027-03-31", "agency": "Health"},
    ]
    assert "2 open actions of the action plan" in added.messages("plan.json")[0]


def test_a_case_started_from_an_action_plan_is_at_the_action_plan() -> None:
    added = add_document({"dates": empty_dates()}, example("action-plan"), "plan.json", [], TODAY)
    register = check_register({"form": "case-register", "schema_version": 1, "cases": [added.case]})
    assert stage(register.cases[0]) == "action_plan"


def test_an_action_plan_with_every_action_done_empties_the_open_actions() -> None:
    plan = forms()["action-plan"].example()
    for row in plan["actions"]:
        if row["status"] in ("in_progress", "not_started"):
            row["status"] = "complete"
            row["evidence_of_completion"] = "Done."
    before = {**case_zn(), "open_actions": [{"due": "2026-11-13", "agency": "Education"}]}
    added = add_document(before, json.dumps(plan), "plan.json", [], TODAY)
    assert added.case["open_actions"] == []


def test_the_example_never_sends_a_rapid_review_without_a_notification() -> None:
    """The Panel's FAQ: "a rapid review cannot be undertaken without the prior submission of a
    Serious Incident Notification". A case sent to the Panel was notified (by this authority,
    with its date, or by another); a case that was not notifiable has no Panel steps."""
    from csprcore.forms.case_register.register_file import example_register

    cases = example_register()["cases"]
    for case in cases:
        dates = case["dates"]
        notification = case.get("notification", "this_authority")
        if dates["sent-to-panel"]:
            assert notification != "not_notifiable", case["reference"]
            if notification == "this_authority":
                assert dates["notified"], case["reference"]
        if notification == "not_notifiable":
            assert not any(dates[e] for e in ("notified", "sent-to-panel", "panel-response"))
    assert any(c.get("notification") == "not_notifiable" for c in cases)


def _order_errors_as_written(dates: dict[str, date]) -> list[tuple[str, str]]:
    """The register's date order read plainly: each rule of ``ORDER`` in turn, one error a
    date at most (the first rule it breaks)."""
    from csprcore.rules.register import ORDER

    errors: list[tuple[str, str]] = []
    for o in ORDER:
        later, earlier = dates.get(o.later), dates.get(o.earlier)
        if later is None or earlier is None or any(f == o.later for f, _ in errors):
            continue
        if later < earlier or (o.strict and later == earlier):
            errors.append((o.later, o.earlier))
    return errors


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(EVENT_IDS),
        st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 1, 20)),
        max_size=len(EVENT_IDS),
    )
)
def test_dates_out_of_order_are_named_once_each_in_the_rules_order(
    dates: dict[str, date],
) -> None:
    # Twenty days for eighteen events: most draws break a rule, many break several, some
    # break two rules on the same date (publication before both the decision and the report).
    from csprcore.forms.case_register.case_record import check_case
    from csprcore.rules.register import REGISTER_EVENTS_BY_ID

    raw = {"reference": "NEL-1", "child_initials": "A B",
           "dates": {k: d.isoformat() for k, d in dates.items()}}  # fmt: skip
    expected = _order_errors_as_written(dates)
    try:
        check_case(raw)
    except InputError as exc:
        got = [e.field for e in exc.errors]
        assert got == [later for later, _ in expected]
        for e, (_later, earlier) in zip(exc.errors, expected, strict=True):
            assert REGISTER_EVENTS_BY_ID[earlier].name in e.message
    else:
        assert expected == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=30))
def test_an_ascii_reference_matches_as_the_general_rule_says(reference: str) -> None:
    # ASCII is matched by a shortcut (a register of thousands at once); the general rule is
    # NFKC, case folded, letters and digits only.
    import unicodedata

    from csprcore.forms.controls import match_key

    general = "".join(c for c in unicodedata.normalize("NFKC", reference).casefold() if c.isalnum())
    assert match_key(reference) == general
