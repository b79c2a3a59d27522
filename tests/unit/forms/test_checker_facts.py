"""The checker's facts and the referral's answers are carried by one table, both ways."""

from __future__ import annotations

from typing import Any

import pytest

from csprcore.forms import checker_facts
from csprcore.forms.referral import Referral
from csprcore.forms.spec import parts
from csprcore.rules.criteria import QUESTIONS_BY_KEY


def _field(path: str) -> Any:
    section, _, name = path.partition(".")
    (part,) = [p for p in parts(Referral) if p.name == section]
    return part.field(name)


@pytest.mark.parametrize(("fact", "path"), checker_facts.SHARED)
def test_a_shared_question_offers_the_same_options_on_both(fact: str, path: str) -> None:
    assert _field(path).meta.options == QUESTIONS_BY_KEY[fact].choices


@pytest.mark.parametrize(("fact", "path"), checker_facts.YES_NO)
def test_a_yes_no_question_is_on_both(fact: str, path: str) -> None:
    values = {v for v, _ in _field(path).meta.options}
    assert {"yes", "no"} <= values
    assert {"yes", "no"} <= set(QUESTIONS_BY_KEY[fact].values)


def test_every_legal_status_is_an_option_of_the_referral() -> None:
    options = {v for v, _ in _field(checker_facts.LEGAL_STATUS_FIELD).meta.options}
    assert {status for status, _ in checker_facts.LEGAL_STATUS} <= options


@pytest.mark.parametrize(
    "facts",
    [
        {"harm": "died", "abuse_or_neglect": "suspected", "incident_location": "in_area"},
        {"abuse_or_neglect": "known", "abuse_types": ["neglect", "physical"]},
        {"looked_after": "yes", "child_protection_plan": "current"},
        {"looked_after": "no", "child_protection_plan": "recently_removed"},
        {"educated_otherwise_than_at_school": "yes"},
    ],
)
def test_facts_survive_the_round_trip(facts: dict[str, Any]) -> None:
    answers = checker_facts.answers_from_facts(facts)
    doc: dict[str, dict[str, Any]] = {}
    for path, value in answers.items():
        section, _, name = path.partition(".")
        doc.setdefault(section, {})[name] = value
    back = checker_facts.facts_from_answers(doc)
    # "Looked after" wins over a plan: the referral has one legal status.
    expected = dict(facts)
    if facts.get("looked_after") == "yes":
        expected.pop("child_protection_plan")
    if facts.get("looked_after") == "no":
        expected.pop("looked_after")
    assert back == expected


def test_not_sure_goes_to_the_referral_but_does_not_come_back() -> None:
    answers = checker_facts.answers_from_facts({"harm": "unsure"})
    assert answers == {"incident.harm": "unsure"}
    assert checker_facts.facts_from_answers({"incident": {"harm": "unsure"}}) == {}


def test_a_check_does_not_choose_child_in_need_or_none() -> None:
    facts = {"looked_after": "no", "child_protection_plan": "none"}
    assert checker_facts.answers_from_facts(facts) == {}
