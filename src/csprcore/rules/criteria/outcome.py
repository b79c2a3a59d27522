"""A check's outcome: each conclusion in the order of the procedure's sections, with its
reasons and the next steps."""

from __future__ import annotations

from typing import Any

from .conclusions import Assessment
from .next_steps import next_steps
from .notification import must_notify_panel, notify_ofsted
from .questionnaire import parse_facts
from .reviews import line_of_sight_learning, national_circumstances, rapid_review
from .serious import serious_case


def assess(raw_facts: Any) -> dict[str, Any]:
    """Assess a case. Returns the output object documented in ``docs`` and the CLI."""
    facts = parse_facts(raw_facts)
    out = Assessment()
    serious, died = serious_case(facts, out)
    must_notify = must_notify_panel(facts, out, serious)
    ofsted = notify_ofsted(facts, out, died)
    rapid = rapid_review(facts, out, serious)
    line_of_sight = line_of_sight_learning(facts, out, serious)
    circumstances = national_circumstances(facts, out, serious)
    location = facts.get("incident_location")
    return {
        "serious_case": serious,
        "la_must_notify_panel": must_notify,
        "notify_ofsted_and_secretary_of_state": ofsted,
        "rapid_review": rapid,
        "line_of_sight_learning": line_of_sight,
        "national_review_circumstances": circumstances,
        "reasons": [r.as_dict() for r in out.reasons],
        "next_steps": [
            s.as_dict()
            for s in next_steps(serious, must_notify, ofsted, line_of_sight, location, rapid)
        ],
        "facts": facts,
    }
