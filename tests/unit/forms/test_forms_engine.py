"""The form machinery every form shares: ``csprcore.forms.engine``.

Answers (the page's inputs, as typed) <-> document (the versioned JSON file) -> model (the
checked form), the error list in form order with its links, and refusing files that are not
saved forms before they touch a draft.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore.errors import FieldError, InputError
from csprcore.forms import engine
from csprcore.forms.referral import Referral
from csprcore.forms.spec import error_href, input_id, parts

TODAY = date(2026, 11, 26)
PROPERTY = settings(max_examples=150, deadline=None)
MARKUP = "<img src=x onerror=alert(1)>"


def all_paths() -> list[str]:
    """Every field path of a section, and of the first row of each repeat, in form order."""
    out = []
    for part in parts(Referral):
        prefix = part.name if part.kind == "section" else f"{part.name}.0"
        out.extend(f"{prefix}.{f.name}" for f in part.fields)
    return out


# --------------------------------------------------------------------------------------
# Error list: form order and links
# --------------------------------------------------------------------------------------


def test_errors_come_back_in_form_order(example: dict[str, Any]) -> None:
    example["rationale"]["why_criteria"] = ""
    example["incident"]["what_happened"] = ""
    example["agencies"][0]["agency"] = ""
    example["family"][0]["date_of_birth"] = "1990-02-30"
    example["child"]["date_of_birth"] = ""
    example["referrer"]["email"] = "nope"
    example["referrer"]["name"] = ""
    _, errors = engine.check_document(Referral, example, TODAY)
    listed = engine.error_list(Referral, list(reversed(errors)))
    assert [e["field"] for e in listed] == [
        "referrer.name",
        "referrer.email",
        "child.date_of_birth",
        "family.0.date_of_birth",
        "incident.what_happened",
        "agencies.0.agency",
        "rationale.why_criteria",
    ]
    assert [e["href"] for e in listed] == [
        "#referrer-name",
        "#referrer-email",
        "#child-date_of_birth-day",
        "#family-0-date_of_birth-day",
        "#incident-what_happened",
        "#agencies-0-agency",
        "#rationale-why_criteria",
    ]


def test_error_list_orders_any_errors_by_the_form() -> None:
    paths = all_paths()
    shuffled = list(reversed(paths))
    listed = engine.error_list(Referral, [FieldError(p, "x") for p in shuffled])
    assert [e["field"] for e in listed] == paths


def test_repeat_rows_are_ordered_by_row_then_field() -> None:
    errors = [
        FieldError("family.1.name", "x"),
        FieldError("family.0.relationship", "x"),
        FieldError("family.0.name", "x"),
    ]
    listed = engine.error_list(Referral, errors)
    # Within a repeat the field order leads, then the row: a summary lists the same field
    # of every row together.
    assert [e["field"] for e in listed] == [
        "family.0.name",
        "family.1.name",
        "family.0.relationship",
    ]


def test_every_href_is_the_path_with_dashes_and_day_for_dates() -> None:
    for part in parts(Referral):
        prefix = part.name if part.kind == "section" else f"{part.name}.3"
        for f in part.fields:
            path = f"{prefix}.{f.name}"
            href = engine.error_list(Referral, [FieldError(path, "x")])[0]["href"]
            expected = "#" + path.replace(".", "-") + ("-day" if f.meta.kind == "date" else "")
            assert href == expected == error_href(path, f.meta)
            assert input_id(path) == path.replace(".", "-")


def test_an_error_on_an_unknown_path_still_links() -> None:
    listed = engine.error_list(Referral, [FieldError("checker.facts", "x")])
    assert listed == [{"field": "checker.facts", "message": "x", "href": "#checker-facts"}]


# --------------------------------------------------------------------------------------
# answers <-> document
# --------------------------------------------------------------------------------------


def test_document_to_answers_is_flat_and_keyed_by_input_name(example: dict[str, Any]) -> None:
    answers = engine.document_to_answers(Referral, example)
    assert answers["child.first_names"] == "Zoë"
    assert answers["child.date_of_birth-day"] == "9"
    assert answers["child.date_of_birth-month"] == "3"
    assert answers["child.date_of_birth-year"] == "2018"
    assert answers["incident.abuse_types"] == ["physical", "neglect"]
    assert answers["family.0.name"] == "Nguyễn Thị Ánh"
    assert answers["agencies.1.agency"] == "Police Service"
    assert answers["child.date_of_death-day"] == ""
    assert all(isinstance(k, str) and "." in k for k in answers)


def test_answers_round_trip_exactly(example: dict[str, Any]) -> None:
    answers = engine.document_to_answers(Referral, example)
    doc = engine.answers_to_document(Referral, answers)
    assert engine.document_to_answers(Referral, doc) == answers
    assert engine.answers_to_document(Referral, engine.document_to_answers(Referral, doc)) == doc


def test_a_valid_document_survives_answers_and_back(example: dict[str, Any]) -> None:
    answers = engine.document_to_answers(Referral, example)
    doc = engine.answers_to_document(Referral, answers)
    model, errors = engine.check_document(Referral, doc, TODAY)
    assert errors == []
    assert model is not None
    assert model.model_dump(mode="json") == example


@pytest.mark.parametrize(
    ("day", "month", "year", "stored"),
    [
        ("30", "2", "2026", "2026-02-30"),  # not a real date: kept to be corrected
        # A date not wholly digits is kept box by box, so nothing moves boxes.
        ("", "2", "2026", {"day": "", "month": "2", "year": "2026"}),
        ("9", "", "", {"day": "9", "month": "", "year": ""}),
        ("x", "2", "2026", {"day": "x", "month": "2", "year": "2026"}),
        ("1-2", "3", "2026", {"day": "1-2", "month": "3", "year": "2026"}),
        ("²", "3", "2026", {"day": "²", "month": "3", "year": "2026"}),
        ("9", "3", "26", "26-03-09"),  # a year half typed: kept as typed
        ("", "", "", ""),
        ("9", "3", "2018", "2018-03-09"),
    ],
)
def test_partly_typed_dates_are_kept(day: str, month: str, year: str, stored: Any) -> None:
    answers = {
        "child.date_of_birth-day": day,
        "child.date_of_birth-month": month,
        "child.date_of_birth-year": year,
    }
    doc = engine.answers_to_document(Referral, answers)
    assert doc["child"]["date_of_birth"] == stored
    back = engine.document_to_answers(Referral, doc)
    assert {k: back[k] for k in answers} == answers
    # And the file round-trips.
    again = engine.read_file(Referral, engine.write_json(doc))
    assert again == doc


def test_leading_zeros_and_spaces_are_tidied() -> None:
    answers = {
        "child.date_of_birth-day": " 09 ",
        "child.date_of_birth-month": "03",
        "child.date_of_birth-year": "2018",
    }
    doc = engine.answers_to_document(Referral, answers)
    assert doc["child"]["date_of_birth"] == "2018-03-09"
    back = engine.document_to_answers(Referral, doc)
    assert back["child.date_of_birth-day"] == "9"
    assert back["child.date_of_birth-month"] == "3"


def test_an_iso_date_can_be_given_whole() -> None:
    doc = engine.answers_to_document(Referral, {"child.date_of_birth": "2018-03-09"})
    assert doc["child"]["date_of_birth"] == "2018-03-09"


def test_repeat_rows_round_trip_and_blank_rows_are_dropped() -> None:
    answers = {
        "family.0.name": "A",
        "family.0.relationship": "Mother",
        "family.1.name": "",
        "family.1.relationship": "",
        "family.1.date_of_birth-day": "",
        "family.1.date_of_birth-month": "",
        "family.1.date_of_birth-year": "",
        "family.2.name": "C",
        "family.2.date_of_birth-day": "1",
        "family.2.date_of_birth-month": "2",
        "family.2.date_of_birth-year": "2000",
        "agencies.0.agency": "Police",
        "agencies.0.still_involved": "yes",
    }
    doc = engine.answers_to_document(Referral, answers)
    assert [row["name"] for row in doc["family"]] == ["A", "C"]
    assert doc["family"][1]["date_of_birth"] == "2000-02-01"
    assert doc["agencies"] == [
        {
            "agency": "Police",
            "contact_name": "",
            "role": "",
            "contact_details": "",
            "still_involved": "yes",
        }
    ]
    back = engine.document_to_answers(Referral, doc)
    assert back["family.1.name"] == "C"
    assert back["family.1.date_of_birth-year"] == "2000"
    assert "family.2.name" not in back
    assert engine.answers_to_document(Referral, back) == doc


def test_checkboxes_from_one_value_or_none() -> None:
    one = engine.answers_to_document(Referral, {"incident.abuse_types": "neglect"})
    assert one["incident"]["abuse_types"] == ["neglect"]
    none = engine.answers_to_document(Referral, {"incident.abuse_types": ""})
    assert none["incident"]["abuse_types"] == []


def test_the_checker_record_travels_as_json() -> None:
    record = {"facts": {"harm": "died"}, "checked_at": "18/11/2026 10:00"}
    answers = {"checker": json.dumps(record)}
    doc = engine.answers_to_document(Referral, answers)
    assert doc["checker"] == record
    assert json.loads(engine.document_to_answers(Referral, doc)["checker"]) == record
    # An outcome in the checker's record is never carried on, whatever it says.
    forged = {**record, "outcome": {"serious_case": "no"}}
    assert engine.answers_to_document(Referral, {"checker": json.dumps(forged)})["checker"] == (
        record
    )
    broken = engine.answers_to_document(Referral, {"checker": "{not json"})
    assert broken["checker"] is None


DATE_PART = st.one_of(
    st.just(""),
    st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True),
    st.from_regex(r"[a-z ]{1,3}", fullmatch=True).map(str.strip),
)
YEAR_PART = st.one_of(st.just(""), st.from_regex(r"[0-9]{1,5}|[a-z]{1,3}", fullmatch=True))
# Control characters are turned into spaces or line breaks (test_controls.py), so the round
# trip is exact for every other character.
TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)


@PROPERTY
@given(
    DATE_PART,
    DATE_PART,
    YEAR_PART,
    TEXT,
    st.lists(st.sampled_from(["physical", "neglect", "other"]), unique=True),
)
def test_answers_round_trip_property(
    day: str, month: str, year: str, name: str, types: list[str]
) -> None:
    answers = engine.document_to_answers(
        Referral,
        engine.answers_to_document(Referral, {"child.last_name": "x", "family.0.name": "y"}),
    )
    answers.update(
        {
            "child.date_of_birth-day": day,
            "child.date_of_birth-month": month,
            "child.date_of_birth-year": year,
            "child.first_names": name,
            "incident.abuse_types": types,
            "family.0.name": name or "someone",
        }
    )
    doc = engine.answers_to_document(Referral, answers)
    back = engine.document_to_answers(Referral, doc)
    assert back == answers
    assert engine.read_file(Referral, engine.write_json(doc)) == doc


# --------------------------------------------------------------------------------------
# Markup stays text
# --------------------------------------------------------------------------------------


def test_markup_is_kept_as_plain_text(example: dict[str, Any]) -> None:
    example["child"]["first_names"] = MARKUP
    example["incident"]["what_happened"] = f"{MARKUP} & <script>alert('x')</script>"
    example["family"][0]["name"] = MARKUP
    model, errors = engine.check_document(Referral, example, TODAY)
    assert errors == [] and model is not None
    dumped = model.model_dump(mode="json")
    assert dumped["child"]["first_names"] == MARKUP
    assert dumped["incident"]["what_happened"] == f"{MARKUP} & <script>alert('x')</script>"
    summary = engine.summary(Referral, dumped)
    values = {row["field"]: row["value"] for part in summary for row in part["rows"]}
    assert values["child.first_names"] == MARKUP
    assert values["family.0.name"] == MARKUP
    assert values["incident.what_happened"].startswith(MARKUP)
    # The JSON file holds the characters as typed, and reopens to them.
    text = engine.write_json(dumped)
    assert MARKUP in text
    assert engine.read_file(Referral, text)["child"]["first_names"] == MARKUP
    answers = engine.document_to_answers(Referral, dumped)
    assert answers["child.first_names"] == MARKUP


# --------------------------------------------------------------------------------------
# Summary ("Check your answers")
# --------------------------------------------------------------------------------------


@pytest.mark.nel
def test_summary_shows_labels_and_readable_values(example: dict[str, Any]) -> None:
    summary = engine.summary(Referral, example)
    assert [s["name"] for s in summary] == [p.name for p in parts(Referral)]
    rows = {row["field"]: row for part in summary for row in part["rows"]}
    assert rows["child.date_of_birth"]["value"] == "9 March 2018"
    assert rows["child.date_of_birth"]["href"] == "#child-date_of_birth-day"
    assert rows["child.gender"]["value"] == "Female"
    assert rows["incident.abuse_types"]["value"] == "Physical abuse, Neglect"
    assert rows["incident.location"]["value"] == "In North East Lincolnshire"
    assert rows["family.0.name"]["group"] == "Person 1"
    assert rows["agencies.1.agency"]["group"] == "Agency 2"
    # Questions not asked are not shown.
    assert "child.plan_removed_date" not in rows
    assert "incident.place" not in rows


def test_summary_shows_a_partly_typed_date_as_typed() -> None:
    doc = engine.answers_to_document(
        Referral,
        {
            "child.date_of_birth-day": "30",
            "child.date_of_birth-month": "2",
            "child.date_of_birth-year": "2026",
        },
    )
    rows = {r["field"]: r for part in engine.summary(Referral, doc) for r in part["rows"]}
    assert rows["child.date_of_birth"]["value"] == "2026-02-30"


# --------------------------------------------------------------------------------------
# Reading a file: refuse anything that is not a saved form of this kind and version
# --------------------------------------------------------------------------------------


def refused(content: str | bytes) -> str:
    with pytest.raises(InputError) as exc:
        engine.read_file(Referral, content, "saved.json")
    assert [e.field for e in exc.value.errors] == ["file"]
    message = exc.value.errors[0].message
    assert message.startswith("saved.json ")
    return message


def test_read_file_accepts_a_saved_form(example: dict[str, Any]) -> None:
    text = engine.write_json(example)
    assert engine.read_file(Referral, text) == example
    assert engine.read_file(Referral, text.encode("utf-8")) == example


def test_read_file_refuses_an_oversized_file(example: dict[str, Any]) -> None:
    example["rationale"]["learning"] = "x" * engine.MAX_FILE_BYTES
    assert "too big" in refused(json.dumps(example))
    assert "too big" in refused(b" " * (engine.MAX_FILE_BYTES + 1))


def test_read_file_size_is_counted_in_bytes() -> None:
    # 400,000 two-byte characters: under a million characters, over a million bytes.
    assert "too big" in refused('{"x": "' + "é" * 500_001 + '"}')


@pytest.mark.parametrize(
    "content",
    ["", "{", "not json", '{"form": "referral",}', b"\xff\xfe{}", "\ud800"],
)
def test_read_file_refuses_broken_json(content: str | bytes) -> None:
    assert "not a saved form" in refused(content)


@pytest.mark.parametrize("content", ["[]", "3", '"referral"', "null"])
def test_read_file_refuses_json_that_is_not_an_object(content: str) -> None:
    assert "not a saved form" in refused(content)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"form": "scoping_return"}, "a saved 'scoping_return' form, not a"),
        ({"form": None}, "not a saved form"),
        ({"form": 1}, "not a saved form"),
        ({"schema_version": 3}, "different version"),
        ({"schema_version": "1"}, "schema_version is missing or not a whole number"),
        ({"schema_version": True}, "schema_version is missing or not a whole number"),
        ({"schema_version": 1.0}, "schema_version is missing or not a whole number"),
        ({"schema_version": None}, "schema_version is missing or not a whole number"),
    ],
)
def test_read_file_refuses_another_form_or_version(
    example: dict[str, Any], change: dict[str, Any], words: str
) -> None:
    example.update(change)
    assert words in refused(json.dumps(example))


def test_read_file_refuses_a_missing_form_or_version(example: dict[str, Any]) -> None:
    no_form = {k: v for k, v in example.items() if k != "form"}
    assert "not a saved form" in refused(json.dumps(no_form))
    no_version = {k: v for k, v in example.items() if k != "schema_version"}
    assert "schema_version is missing" in refused(json.dumps(no_version))


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d.update(extra="x"), "unknown entry 'extra'"),
        (lambda d: d["child"].update(nickname="x"), "unknown entry 'child.nickname'"),
        (lambda d: d["family"][0].update(age="3"), "unknown entry 'family.age'"),
        (lambda d: d["child"].update(first_names=5), "'child.first_names' must be text"),
        (lambda d: d["child"].update(date_of_birth=20180309), "'child.date_of_birth' must be text"),
        (lambda d: d["incident"].update(harm=["died"]), "'incident.harm' must be text"),
        (
            lambda d: d["incident"].update(abuse_types="physical"),
            "'incident.abuse_types' must be a list",
        ),
        (
            lambda d: d["incident"].update(abuse_types=[1]),
            "'incident.abuse_types' must be a list",
        ),
        (lambda d: d.update(child="Zoë"), "'child' has the wrong shape"),
        (lambda d: d.update(family={"name": "x"}), "'family' has the wrong shape"),
        (lambda d: d.update(family=["x"]), "'family' has the wrong shape"),
        (lambda d: d.update(checker=5), "'checker' has the wrong shape"),
        (lambda d: d.update(checker="{}"), "'checker' has the wrong shape"),
        (lambda d: d.update(checker={"facts": {}, "colour": 1}), "'checker' has the wrong shape"),
        (lambda d: d.update(checker={"facts": []}), "'checker' has the wrong shape"),
    ],
)
def test_read_file_refuses_unknown_keys_and_wrong_types(
    example: dict[str, Any], mutate: Any, words: str
) -> None:
    mutate(example)
    message = refused(json.dumps(example))
    assert "not a valid saved form" in message
    assert words in message


def test_read_file_accepts_nulls_and_a_checker_record(example: dict[str, Any]) -> None:
    example["child"]["date_of_death"] = None
    example["family"] = None
    example["checker"] = {
        "facts": {"harm": "died"},
        "outcome": {},
        "checked_at": "18/11/2026 10:00",
    }
    assert engine.read_file(Referral, json.dumps(example)) == example


def test_a_refusal_changes_nothing(example: dict[str, Any]) -> None:
    before = copy.deepcopy(example)
    example["child"]["nickname"] = "x"
    text = json.dumps(example)
    refused(text)
    del example["child"]["nickname"]
    assert example == before


# --------------------------------------------------------------------------------------
# Property: any valid referral round-trips through its JSON file exactly
# --------------------------------------------------------------------------------------

PLAIN_TEXT = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40
).filter(lambda s: s == s.strip())
REQUIRED_TEXT = PLAIN_TEXT.filter(bool)
FAMILY_ROW = st.fixed_dictionaries(
    {
        "name": REQUIRED_TEXT,
        "relationship": REQUIRED_TEXT,
        "date_of_birth": st.one_of(
            st.none(), st.dates(date(1900, 1, 1), TODAY).map(date.isoformat)
        ),
        "address": PLAIN_TEXT,
    }
)
OPTIONS = {
    p.name: {f.name: [v for v, _ in f.meta.options] for f in p.fields if f.meta.options}
    for p in parts(Referral)
}


@st.composite
def valid_referrals(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(Referral.example())
    for part, field in [
        ("referrer", "name"),
        ("referrer", "role"),
        ("designated_lead", "name"),
        ("child", "first_names"),
        ("child", "last_name"),
        ("incident", "what_happened"),
        ("rationale", "why_criteria"),
    ]:
        doc[part][field] = draw(REQUIRED_TEXT)
    for part, field in [
        ("child", "also_known_as"),
        ("child", "address"),
        ("child", "ethnicity"),
        ("incident", "whereabouts"),
        ("other_processes", "details"),
        ("rationale", "learning"),
    ]:
        doc[part][field] = draw(PLAIN_TEXT)
    doc["incident"]["location"] = draw(st.sampled_from(["in_area", "unsure"]))
    doc["incident"]["harm"] = draw(
        st.sampled_from(["seriously_harmed", "not_seriously_harmed", "unsure"])
    )
    doc["incident"]["abuse_types"] = draw(
        st.lists(st.sampled_from(OPTIONS["incident"]["abuse_types"]), unique=True)
    )
    doc["other_processes"]["coroner"] = draw(
        st.sampled_from(["", *OPTIONS["other_processes"]["coroner"]])
    )
    doc["family"] = draw(st.lists(FAMILY_ROW, max_size=3))
    if draw(st.booleans()):
        doc["checker"] = {
            "facts": {"harm": doc["incident"]["harm"]},
            "checked_at": "18/11/2026 10:00",
        }
    return doc


@PROPERTY
@given(valid_referrals())
def test_a_valid_referral_round_trips_through_json_exactly(doc: dict[str, Any]) -> None:
    model, errors = engine.check_document(Referral, doc, TODAY)
    assert errors == []
    assert model is not None
    dumped = model.model_dump(mode="json")
    # Checked text is kept exactly as typed.
    assert dumped["child"]["first_names"] == doc["child"]["first_names"]
    assert dumped["incident"]["what_happened"] == doc["incident"]["what_happened"]
    assert dumped["incident"]["abuse_types"] == [
        t for t in OPTIONS["incident"]["abuse_types"] if t in doc["incident"]["abuse_types"]
    ]
    assert [r["name"] for r in dumped["family"]] == [r["name"] for r in doc["family"]]
    # write_json -> read_file -> check_document -> model_dump: the same.
    reopened = engine.read_file(Referral, engine.write_json(dumped))
    assert reopened == dumped
    again, errors = engine.check_document(Referral, reopened, TODAY)
    assert errors == []
    assert again is not None
    assert again.model_dump(mode="json") == dumped
    # And through the page's answers.
    answers = engine.document_to_answers(Referral, dumped)
    from_answers = engine.answers_to_document(Referral, answers)
    third, errors = engine.check_document(Referral, from_answers, TODAY)
    assert errors == []
    assert third is not None
    assert third.model_dump(mode="json") == dumped
