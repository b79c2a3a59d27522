"""The criteria checker's facts and the referral's answers: one table, read both ways.

The checker (sections 2, 3 and 6) and the referral ask some of the same questions. A referral
started from a check is filled in from the facts (``answers_from_facts``); the Rapid Review
and the scoping return ask the checker's rules again with the referral's answers, which are
newer (``facts_from_answers``). Both read the tables below, so a question added to one side
cannot be carried one way and forgotten the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

#: The checker's facts that the referral asks too, with the referral field that holds each.
#: The referral offers the same options (``referral.Incident`` takes them from the checker's
#: questions), so a value is carried as it is.
SHARED: Final[tuple[tuple[str, str], ...]] = (
    ("harm", "incident.harm"),
    ("abuse_or_neglect", "incident.abuse_or_neglect"),
    ("incident_location", "incident.location"),
    ("abuse_types", "incident.abuse_types"),
)

#: Yes or no questions both ask; "not sure" ("not known" in the referral) is not carried.
YES_NO: Final[tuple[tuple[str, str], ...]] = (
    ("educated_otherwise_than_at_school", "child.educated_otherwise_than_at_school"),
)

#: The referral's one legal status as the checker's two questions (section 6: "in the care of
#: a local authority, or while on (or recently removed from) a child protection plan"). In
#: order: a check that says "looked after" and "on a plan" gives the first that matches.
LEGAL_STATUS: Final[tuple[tuple[str, dict[str, str]], ...]] = (
    ("looked_after", {"looked_after": "yes"}),
    ("cpp_current", {"child_protection_plan": "current"}),
    ("cpp_recently_removed", {"child_protection_plan": "recently_removed"}),
    ("care_leaver", {"looked_after": "care_leaver"}),
    ("child_in_need", {"looked_after": "no", "child_protection_plan": "none"}),
    ("none", {"looked_after": "no", "child_protection_plan": "none"}),
)
LEGAL_STATUS_FIELD: Final = "child.legal_status"

#: Statuses a check can point to: "not looked after and not on a plan" does not tell a child
#: in need from any other child, so the referrer chooses.
_FROM_CHECK: Final = ("looked_after", "cpp_current", "cpp_recently_removed", "care_leaver")


def _get(doc: Mapping[str, Any], path: str) -> Any:
    section, _, name = path.partition(".")
    part = doc.get(section)
    return part.get(name) if isinstance(part, Mapping) else None


def answers_from_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    """The referral's answers (``section.field``) for checked facts."""
    answers: dict[str, Any] = {}
    for fact, path in SHARED:
        if facts.get(fact):
            answers[path] = facts[fact]
    for fact, path in YES_NO:
        if facts.get(fact) in ("yes", "no"):
            answers[path] = facts[fact]
    for status, shows in LEGAL_STATUS:
        if status in _FROM_CHECK and all(facts.get(k) == v for k, v in shows.items()):
            answers[LEGAL_STATUS_FIELD] = status
            break
    return answers


def facts_from_answers(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The referral's answers to the checker's questions, where it gives a definite one."""
    facts: dict[str, Any] = {}
    for fact, path in SHARED:
        value = _get(doc, path)
        if (isinstance(value, list) and value) or (
            isinstance(value, str) and value and value != "unsure"
        ):
            facts[fact] = value
    for fact, path in YES_NO:
        if _get(doc, path) in ("yes", "no"):
            facts[fact] = _get(doc, path)
    status = _get(doc, LEGAL_STATUS_FIELD)
    facts.update(dict(LEGAL_STATUS).get(status if isinstance(status, str) else "", {}))
    return facts
