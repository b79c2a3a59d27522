"""The criteria checker's record in a referral, and its outcome as the summary and the PDF
show it: always worked out afresh from the answers by the current rules, never read from the
file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...errors import InputError
from ...rules.citations import SECTION_TITLES, short_title
from ...rules.criteria import (
    ANSWER_WORDS,
    CONCLUSION_QUESTIONS,
    CONCLUSIONS,
    NATIONAL_CIRCUMSTANCES,
    assess,
    parse_facts,
)
from ..controls import clean_text

#: Shown instead of the checker's outcome when the current rules cannot read its answers.
UNREADABLE_CHECKER = (
    "The criteria checker's answers in this referral could not be read by the current rules, "
    "so no outcome is shown. Use the criteria checker again if it is needed."
)


class CheckerRecord(BaseModel):
    """The criteria checker's answers and the time of the check, when the referrer used it.

    The outcome is never kept: the core works it out again from the answers wherever it is
    shown or printed, so an outcome edited by hand can never reach a PDF. ``outcome`` is
    read from files saved before this rule (and by anyone who edits one) and never written.
    """

    model_config = ConfigDict(extra="forbid")
    facts: dict[str, Any] = Field(default_factory=dict)
    outcome: dict[str, Any] | None = Field(default=None, exclude=True)
    #: The page's local time of the check, dd/mm/yyyy hh:mm: nothing else can reach a heading.
    checked_at: str = Field(default="", pattern=r"^(\d{2}/\d{2}/\d{4} \d{2}:\d{2})?$")


def checker_sections(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The criteria checker's outcome, worked out afresh from its answers by the current
    rules, when the referrer used it (a stored outcome is never shown)."""
    checker = doc.get("checker")
    if not isinstance(checker, Mapping):
        return []
    checked_at = clean_text(str(checker.get("checked_at") or ""), multiline=False)
    try:
        outcome = assess(parse_facts(checker.get("facts", {})))
    except InputError:
        when = f" (checked {checked_at})" if checked_at else ""
        return [
            {"name": "checker", "title": f"Criteria checker outcome{when}", "kind": "extra",
             "rows": [], "text": UNREADABLE_CHECKER}
        ]  # fmt: skip
    return outcome_sections(outcome, checked_at)


def outcome_sections(outcome: Mapping[str, Any], checked_at: str = "") -> list[dict[str, Any]]:
    """The criteria checker's conclusions and reasons, as summary sections (page and PDF)."""
    circumstances = [
        NATIONAL_CIRCUMSTANCES.get(c, c) for c in outcome.get("national_review_circumstances", [])
    ]
    answers = [
        (CONCLUSION_QUESTIONS[key], ANSWER_WORDS.get(str(outcome.get(key)), "Not answered"))
        for key in CONCLUSIONS
    ]
    answers.append(
        (CONCLUSION_QUESTIONS["national_review_circumstances"], "; ".join(circumstances) or "None")
    )
    reasons = "\n".join(
        f"• {r.get('text', '')} ({short_title(str(r.get('cite', '')))})"
        for r in outcome.get("reasons", [])
        if isinstance(r, Mapping) and str(r.get("cite", "")) in SECTION_TITLES
    )
    when = f" (checked {checked_at})" if checked_at else ""
    rows = [{"group": "", "field": "", "label": q, "value": a, "href": ""} for q, a in answers]
    sections: list[dict[str, Any]] = [
        {"name": "checker", "title": f"Criteria checker outcome{when}", "kind": "extra",
         "rows": rows, "text": ""},
    ]  # fmt: skip
    if reasons:
        sections.append(
            {"name": "checker_reasons", "title": "Criteria checker reasons", "kind": "extra",
             "rows": [], "text": reasons}
        )  # fmt: skip
    return sections
