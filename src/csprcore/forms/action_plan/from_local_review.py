"""Starting an action plan from a saved local review record: the source review named, the
case's reference and the child's initials, and the date the report was completed, in empty
boxes only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...rules.dates import and_list
from ..engine import fill_computed
from ..rapid_review.parts import as_text
from .model import ActionPlan


def start_from_local_review(
    doc: Mapping[str, Any], record: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """(the plan with its empty boxes filled, sentences saying what was done)."""
    case = record.get("case") if isinstance(record.get("case"), Mapping) else {}
    report = record.get("final_report") if isinstance(record.get("final_report"), Mapping) else {}
    assert isinstance(case, Mapping) and isinstance(report, Mapping)
    initials, age = as_text(case.get("child_initials")), as_text(case.get("child_age"))
    offered = {
        "kind": ("local_review", "what the plan follows"),
        "review": (
            f"Local child safeguarding practice review: {initials}, aged {age}" if initials else "",
            "the source review",
        ),
        "referral_reference": (as_text(case.get("referral_reference")), "the referral reference"),
        "child_initials": (initials, "the child's initials"),
        "review_completed": (
            as_text(report.get("completed_on")),
            "the date the review was completed",
        ),
    }
    out = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in doc.items()}
    source = dict(out.get("source") or {}) if isinstance(out.get("source"), Mapping) else {}
    filled, kept = [], []
    for key, (value, words) in offered.items():
        if not value:
            continue
        if source.get(key) in (None, "", {}):
            source[key] = value
            filled.append(words)
        elif source.get(key) != value:
            kept.append(words)
    out["source"] = source
    if not out.get("name_marks") and record.get("name_marks"):
        out["name_marks"] = record["name_marks"]  # the referral's names, still to be kept out
    messages = []
    if filled:
        messages.append(f"Filled in {and_list(filled)} from the local review record.")
    if kept:
        messages.append(f"Kept what you had written for {and_list(kept)}.")
    if not messages:
        messages.append("The local review record had nothing to fill in.")
    return fill_computed(ActionPlan, out), messages
