"""The referral form: ``csprcore.forms.referral`` checked through the form machinery.

Section 3 of the procedure: organisations "should inform the safeguarding partners of any
incident which they think should be considered for a child safeguarding practice review ...
using the NEL SCP Serious Child Safeguarding Incident Notification to Safeguarding Partners
form following discussion with the designated lead within the organisation and agreement by
the service manager."
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from csprcore.forms import engine
from csprcore.forms.referral import Referral
from csprcore.forms.registry import get_form
from csprcore.forms.spec import parts

TODAY = date(2026, 11, 26)


def check(doc: dict[str, Any], today: date = TODAY) -> list[dict[str, str]]:
    """The errors for a document, in form order, as the page and the CLI get them."""
    model, errors = engine.check_document(Referral, doc, today)
    assert (model is None) == bool(errors)
    return engine.error_list(Referral, errors)


def only_error(doc: dict[str, Any]) -> dict[str, str]:
    errors = check(doc)
    assert len(errors) == 1, errors
    return errors[0]


# --------------------------------------------------------------------------------------
# The example and the model
# --------------------------------------------------------------------------------------


def test_the_example_is_complete_and_valid(example: dict[str, Any]) -> None:
    assert check(example) == []
    model, _ = engine.check_document(Referral, example, TODAY)
    assert model is not None
    assert model.model_dump(mode="json") == example
    assert example["form"] == "referral"
    assert example["schema_version"] == 2


def test_the_form_has_its_sections_in_page_order() -> None:
    assert [p.name for p in parts(Referral)] == [
        "referrer",
        "designated_lead",
        "service_manager",
        "child",
        "other_children",
        "family",
        "incident",
        "agencies",
        "other_processes",
        "rationale",
    ]
    kinds = {p.name: p.kind for p in parts(Referral)}
    assert kinds["family"] == kinds["agencies"] == kinds["other_children"] == "repeat"
    assert "checker" in Referral.model_fields


@pytest.mark.parametrize(
    ("part", "fields"),
    [
        ("referrer", {"name", "role", "agency", "email", "phone", "referral_date"}),
        ("designated_lead", {"name", "role", "date"}),
        ("service_manager", {"name", "role", "date"}),
        (
            "child",
            {
                "first_names",
                "last_name",
                "also_known_as",
                "date_of_birth",
                "gender",
                "ethnicity",
                "address",
                "postcode",
                "resident_local_authority",
                "legal_status",
                "plan_removed_date",
                "school",
                "educated_otherwise_than_at_school",
                "date_of_death",
            },
        ),
        ("family", {"name", "relationship", "date_of_birth", "address"}),
        ("agencies", {"agency", "contact_name", "role", "contact_details", "still_involved"}),
        (
            "other_processes",
            {
                "criminal_investigation",
                "coroner",
                "domestic_homicide_review",
                "mappa_review",
                "safeguarding_adults_review",
                "cdop",
                "disciplinary",
                "details",
            },
        ),
        ("rationale", {"why_criteria", "learning", "immediate_action", "staff_welfare"}),
    ],
)
def test_each_section_asks_its_fields(part: str, fields: set[str]) -> None:
    spec = {p.name: p for p in parts(Referral)}[part]
    assert fields <= {f.name for f in spec.fields}


def test_incident_fields_and_options() -> None:
    incident = {p.name: p for p in parts(Referral)}["incident"]
    meta = {f.name: f.meta for f in incident.fields}
    assert [v for v, _ in meta["location"].options] == [
        "in_area",
        "elsewhere_in_england",
        "outside_england",
        "unsure",
    ]
    assert [v for v, _ in meta["abuse_types"].options] == [
        "physical",
        "emotional",
        "sexual",
        "neglect",
        "exploitation",
        "other",
    ]
    assert {"date", "date_aware", "place", "what_happened", "harm", "whereabouts"} <= set(meta)


def test_legal_status_and_other_processes_options() -> None:
    by = {p.name: {f.name: f.meta for f in p.fields} for p in parts(Referral)}
    legal = [v for v, _ in by["child"]["legal_status"].options]
    assert {"child_in_need", "cpp_current", "cpp_recently_removed", "looked_after", "none"} <= set(
        legal
    )
    for name, meta in by["other_processes"].items():
        if meta.kind == "radios":
            assert [v for v, _ in meta.options] == ["yes", "no", "not_known"], name


def test_every_field_has_a_label_and_every_option_a_label() -> None:
    for part in parts(Referral):
        assert part.title.strip()
        for f in part.fields:
            assert f.meta.label.strip(), f.name
            assert all(value and label for value, label in f.meta.options), f.name
            if f.meta.kind in ("radios", "checkboxes", "select"):
                assert f.meta.options, f.name


def test_the_registry_knows_the_referral() -> None:
    assert get_form("referral") is Referral


# --------------------------------------------------------------------------------------
# Messages a user understands, naming the field (GOV.UK wording)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "field", "message"),
    [
        ("referrer", "name", "Enter your full name"),
        ("referrer", "role", "Enter your role"),
        ("referrer", "agency", "Enter your agency or organisation"),
        ("referrer", "email", "Enter your email address"),
        ("referrer", "referral_date", "Enter the date of referral"),
        ("designated_lead", "name", "Enter the designated safeguarding lead's name"),
        ("designated_lead", "date", "Enter the date you discussed the case"),
        ("service_manager", "name", "Enter the service manager's name"),
        ("service_manager", "date", "Enter the date the service manager agreed"),
        ("child", "first_names", "Enter the child's first names"),
        ("child", "last_name", "Enter the child's last name"),
        ("child", "date_of_birth", "Enter the child's date of birth"),
        ("child", "gender", "Select the child's gender"),
        ("child", "legal_status", "Select the child's legal status"),
        ("incident", "date", "Enter the date of the incident"),
        ("incident", "date_aware", "Enter the date you became aware"),
        ("incident", "location", "Select where the incident happened"),
        ("incident", "what_happened", "Enter what happened"),
        ("incident", "harm", "Select whether the child has died or been seriously harmed"),
        ("incident", "abuse_or_neglect", "Select whether abuse or neglect is known or suspected"),
        ("rationale", "why_criteria", "Enter why the case may meet the criteria"),
        ("rationale", "immediate_action", "Enter the immediate action taken"),
    ],
)
def test_required_fields(example: dict[str, Any], part: str, field: str, message: str) -> None:
    blank: Any = None if field.startswith("date") or field == "date" else ""
    example[part][field] = blank
    error = only_error(example)
    assert error["field"] == f"{part}.{field}"
    assert error["message"] == message


def test_a_blank_only_answer_is_not_an_answer(example: dict[str, Any]) -> None:
    example["child"]["first_names"] = "   \t "
    assert only_error(example)["message"] == "Enter the child's first names"


def test_required_fields_in_repeated_rows(example: dict[str, Any]) -> None:
    example["family"][0]["name"] = ""
    example["agencies"][1]["agency"] = ""
    errors = check(example)
    assert [(e["field"], e["message"]) for e in errors] == [
        ("family.0.name", "Enter the family member's name"),
        ("agencies.1.agency", "Enter the agency's name"),
    ]


@pytest.mark.parametrize(
    "value",
    ["2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "1850-01-01", "26-01-01", "x-1-1"],
)
def test_a_date_must_be_real(example: dict[str, Any], value: str) -> None:
    example["child"]["date_of_birth"] = value
    error = only_error(example)
    assert error["field"] == "child.date_of_birth"
    assert error["message"] == "The child's date of birth must be a real date"
    assert error["href"] == "#child-date_of_birth-day"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026--", "The child's date of birth must include a day and a month"),
        ("2026-2-", "The child's date of birth must include a day"),
        ("--9", "The child's date of birth must include a month and a year"),
        ("-3-9", "The child's date of birth must include a year"),
    ],
)
def test_a_date_with_missing_parts(example: dict[str, Any], value: str, message: str) -> None:
    example["child"]["date_of_birth"] = value
    assert only_error(example)["message"] == message


@pytest.mark.parametrize(
    ("part", "field", "message"),
    [
        ("child", "date_of_birth", "The child's date of birth must be today or in the past"),
        ("referrer", "referral_date", "The date of referral must be today or in the past"),
        ("incident", "date", "The date of the incident must be today or in the past"),
    ],
)
def test_dates_that_cannot_be_in_the_future(
    example: dict[str, Any], part: str, field: str, message: str
) -> None:
    example[part][field] = "2026-11-27"
    errors = check(example)
    assert (f"{part}.{field}", message) in [(e["field"], e["message"]) for e in errors]


def test_today_is_not_the_future(example: dict[str, Any]) -> None:
    example["referrer"]["referral_date"] = TODAY.isoformat()
    assert check(example) == []


@pytest.mark.parametrize(
    "email", ["foo", "foo@", "@example.com", "foo@example", "a b@example.com", "<x>@example.com"]
)
def test_email_format(example: dict[str, Any], email: str) -> None:
    example["referrer"]["email"] = email
    error = only_error(example)
    assert error["field"] == "referrer.email"
    assert error["message"] == (
        "Enter an email address in the correct format, like name@example.com"
    )


@pytest.mark.parametrize("email", ["name@example.com", "s.o'neill@school.example", "a+b@x.co.uk"])
def test_good_emails(example: dict[str, Any], email: str) -> None:
    example["referrer"]["email"] = email
    assert check(example) == []


def test_unknown_option(example: dict[str, Any]) -> None:
    example["child"]["gender"] = "robot"
    example["incident"]["abuse_types"] = ["physical", "spiritual"]
    errors = check(example)
    assert [(e["field"], e["message"]) for e in errors] == [
        ("child.gender", "Select the child's gender"),
        ("incident.abuse_types", "Select types of abuse or neglect from the list"),
    ]


def test_too_long(example: dict[str, Any]) -> None:
    example["incident"]["what_happened"] = "x" * 5001
    assert only_error(example)["message"] == "What happened must be 5,000 characters or less"
    example["incident"]["what_happened"] = "x" * 5000
    assert check(example) == []


# --------------------------------------------------------------------------------------
# Checks across fields
# --------------------------------------------------------------------------------------


def test_death_before_birth(example: dict[str, Any]) -> None:
    example["incident"]["harm"] = "died"
    example["child"]["date_of_death"] = "2018-03-08"  # born 9 March 2018
    error = only_error(example)
    assert error["field"] == "child.date_of_death"
    assert error["message"] == "The date of death must be the same as or after the date of birth"
    assert error["href"] == "#child-date_of_death-day"


def test_death_on_the_day_of_birth_is_allowed(example: dict[str, Any]) -> None:
    example["incident"]["harm"] = "died"
    example["child"]["date_of_death"] = "2018-03-09"
    example["incident"]["date"] = "2018-03-09"
    assert check(example) == []


def test_incident_before_birth(example: dict[str, Any]) -> None:
    example["incident"]["date"] = "2018-03-01"
    error = only_error(example)
    assert error["field"] == "incident.date"
    assert "must be the same as or after the child's date of birth" in error["message"]


def test_aware_before_the_incident(example: dict[str, Any]) -> None:
    example["incident"]["date_aware"] = "2026-11-13"  # incident 14 November
    error = only_error(example)
    assert error["field"] == "incident.date_aware"
    assert error["message"] == (
        "The date you became aware must be the same as or after the date of the incident"
    )


def test_referral_before_aware(example: dict[str, Any]) -> None:
    example["referrer"]["referral_date"] = "2026-11-15"  # aware 16 November
    error = only_error(example)
    assert error["field"] == "referrer.referral_date"
    assert error["message"] == (
        "The date of referral must be the same as or after the date you became aware"
    )


def test_same_day_incident_aware_and_referral(example: dict[str, Any]) -> None:
    for part, field in (("incident", "date"), ("incident", "date_aware")):
        example[part][field] = "2026-11-18"
    assert check(example) == []


def test_died_without_a_date_of_death(example: dict[str, Any]) -> None:
    example["incident"]["harm"] = "died"
    error = only_error(example)
    assert error["field"] == "child.date_of_death"
    assert error["message"].startswith("Enter the date of death")


@pytest.mark.parametrize("harm", ["seriously_harmed", "not_seriously_harmed", "unsure"])
def test_date_of_death_without_died(example: dict[str, Any], harm: str) -> None:
    example["incident"]["harm"] = harm
    example["child"]["date_of_death"] = "2026-11-14"
    error = only_error(example)
    assert error["field"] == "incident.harm"
    assert "The child has died" in error["message"]
    assert error["href"] == "#incident-harm"


def test_died_with_a_date_of_death(example: dict[str, Any]) -> None:
    example["incident"]["harm"] = "died"
    example["child"]["date_of_death"] = "2026-11-14"
    assert check(example) == []


@pytest.mark.parametrize("location", ["elsewhere_in_england", "outside_england"])
def test_a_place_is_needed_away_from_the_area(example: dict[str, Any], location: str) -> None:
    example["incident"]["location"] = location
    error = only_error(example)
    assert (error["field"], error["message"]) == (
        "incident.place",
        "Enter the place where it happened",
    )
    example["incident"]["place"] = "Lisbon, Portugal"
    assert check(example) == []


def test_plan_removed_date_when_recently_removed(example: dict[str, Any]) -> None:
    example["child"]["legal_status"] = "cpp_recently_removed"
    error = only_error(example)
    assert error["field"] == "child.plan_removed_date"
    example["child"]["plan_removed_date"] = "2026-10-01"
    assert check(example) == []


def test_an_answer_to_a_question_not_asked_is_dropped(example: dict[str, Any]) -> None:
    # The plan end date is asked only for a plan recently removed; the place only away from
    # the area.
    example["child"]["plan_removed_date"] = "not a date"
    example["incident"]["place"] = "Somewhere"
    model, errors = engine.check_document(Referral, example, TODAY)
    assert errors == []
    assert model is not None
    assert model.child.plan_removed_date is None
    assert model.incident.place == ""


def test_cross_checks_wait_for_every_field_to_be_valid(example: dict[str, Any]) -> None:
    example["referrer"]["name"] = ""
    example["incident"]["date_aware"] = "2026-11-13"  # before the incident, too
    errors = check(example)
    assert [e["field"] for e in errors] == ["referrer.name"]


def test_several_cross_field_errors_in_form_order(example: dict[str, Any]) -> None:
    example["referrer"]["referral_date"] = "2026-11-15"
    example["incident"]["harm"] = "died"
    example["incident"]["location"] = "outside_england"
    # The place is required when it is asked: a field's own check, before the cross-checks
    # (the one show-if rule decides whether a field is asked, and so whether it is checked).
    example["incident"]["place"] = ""
    assert [e["field"] for e in check(example)] == ["incident.place"]
    example["incident"]["place"] = "Lyon, France"
    errors = check(example)
    assert [e["field"] for e in errors] == [
        "referrer.referral_date",
        "child.date_of_death",
    ]
