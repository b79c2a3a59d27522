"""Starting a local review record from the Rapid Review's saved file.

A local review follows a Rapid Review that decided to carry one out (section 5): its case
details (initials and age only), the decision and its date, the criteria the partners
considered (regulation 11, and Working Together 2023's circumstances), the reviewer named
and the partners' signatories cross over into empty boxes only. A Rapid Review that decided
anything else is refused, naming the file, and nothing changes.

The Rapid Review record has no box for the date of the decision: the partners decide at the
meeting and agree it by signing the template off, so the decision's date is the last of the
three partners' sign-off dates, or the meeting's date when none is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...errors import InputError
from ...rules.dates import and_list, long_date
from ...rules.regulations import LOCAL_CRITERIA, LOCAL_REVIEW_CIRCUMSTANCES, WORKING_TOGETHER_2023
from ..engine import document_date, fill_computed
from ..rapid_review.parts import DECISIONS, PARTNERS, YES_NO_UNSURE, as_text
from ..spec import fields_of
from .model import LocalReview
from .parts import Signatories

#: The case's fields as a sentence names them.
_WORDS = {
    "referral_reference": "the referral reference",
    "child_initials": "the child's initials",
    "child_age": "the child's age",
    "meeting_date": "the date of the Rapid Review meeting",
    "decision_date": "the date of the decision",
    "criteria_considered": "the criteria considered",
}


@dataclass
class Started:
    document: dict[str, Any]
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.filled)

    def messages(self) -> list[str]:
        out = []
        if self.filled:
            out.append(f"Filled in {and_list(self.filled)} from the Rapid Review.")
        if self.kept:
            out.append(f"Kept what you had written for {and_list(self.kept)}.")
        if not self.filled and not self.kept:
            out.append("The Rapid Review had nothing to fill in.")
        return out + self.notes


def criteria_text(rr: Mapping[str, Any]) -> str:
    """The criteria the partners considered, one line each, with their rationale."""
    crit = rr.get("criteria") if isinstance(rr.get("criteria"), Mapping) else {}
    assert isinstance(crit, Mapping)
    words = dict(YES_NO_UNSURE)
    lines = []
    for key, criterion in LOCAL_CRITERIA.items():
        answer = words.get(as_text(crit.get(key)), "")
        if not answer:
            continue
        why = as_text(crit.get(f"{key}_rationale"))
        lines.append(
            f"{criterion.name} (regulation {criterion.ref}): {answer}." + (f" {why}" if why else "")
        )
    chosen = crit.get("local_circumstances")
    found = [LOCAL_REVIEW_CIRCUMSTANCES[c] for c in chosen or [] if c in LOCAL_REVIEW_CIRCUMSTANCES]
    if found:
        why = as_text(crit.get("local_circumstances_rationale"))
        lines.append(
            f"Circumstances for a local review ({WORKING_TOGETHER_2023}): "
            + "; ".join(found)
            + "."
            + (f" {why}" if why else "")
        )
    return "\n".join(lines)


def decision_date(rr: Mapping[str, Any]) -> tuple[str, str]:
    """(ISO date, where it came from) of the decision to initiate the review."""
    signed = [
        d for key, _, _ in PARTNERS if (d := document_date(rr, f"sign_off.{key}_date")) is not None
    ]
    if signed:
        return max(signed).isoformat(), "the last of the partners' sign-off dates"
    meeting = document_date(rr, "case.meeting_date")
    return (meeting.isoformat(), "the date of the Rapid Review meeting") if meeting else ("", "")


def start_from_rapid_review(doc: Mapping[str, Any], rr: Mapping[str, Any], name: str) -> Started:
    """Fill the record's empty boxes from a saved Rapid Review (``engine.read_file`` has
    checked it is one). A Rapid Review that did not decide on a local review is refused."""
    decision = rr.get("decision") if isinstance(rr.get("decision"), Mapping) else {}
    assert isinstance(decision, Mapping)
    chosen = as_text(decision.get("decision"))
    if chosen != "local_cspr":
        what = (
            f"decided \u201c{dict(DECISIONS)[chosen]}\u201d"
            if chosen in dict(DECISIONS)
            else "has no decision yet"
        )
        raise InputError.one(
            "rapid-review-file",
            f"{name} is a Rapid Review that {what}, not to carry out a local child "
            "safeguarding practice review: a local review record starts from a Rapid Review "
            "that decided on one",
        )
    out = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in doc.items()}
    case_rr = rr.get("case") if isinstance(rr.get("case"), Mapping) else {}
    sign_rr = rr.get("sign_off") if isinstance(rr.get("sign_off"), Mapping) else {}
    assert isinstance(case_rr, Mapping) and isinstance(sign_rr, Mapping)
    when, source = decision_date(rr)
    offered: dict[str, dict[str, Any]] = {
        "case": {
            "referral_reference": as_text(case_rr.get("referral_reference")),
            "child_initials": as_text(case_rr.get("child_initials")),
            "child_age": as_text(case_rr.get("child_age")),
            "meeting_date": as_text(case_rr.get("meeting_date")),
            "decision_date": when,
            "criteria_considered": criteria_text(rr),
        },
        "signatories": {
            f"{key}_{what}": as_text(sign_rr.get(f"{key}_{what}"))
            for key, _, _ in PARTNERS
            for what in ("name", "role")
        },
    }
    labels = {**_WORDS, **{f.name: "the partners' signatories" for f in fields_of(Signatories)}}
    started = Started(document={})
    for part, values in offered.items():
        section = out.get(part)
        section = dict(section) if isinstance(section, Mapping) else {}
        for key, value in values.items():
            if not value:
                continue
            label = labels[key]
            if _blank(section.get(key)):
                section[key] = value
                if label not in started.filled:
                    started.filled.append(label)
            elif section.get(key) != value and label not in started.kept:
                started.kept.append(label)
        out[part] = section
    reviewer = as_text(decision.get("reviewer"))
    rows = out.get("reviewers")
    rows = list(rows) if isinstance(rows, list) else []
    named = {as_text(r.get("name")).casefold() for r in rows if isinstance(r, Mapping)}
    if reviewer and reviewer.casefold() not in named:
        rows.append({"name": reviewer})
        out["reviewers"] = rows
        started.filled.append(f"the reviewer commissioned ({reviewer})")
    if when and _WORDS["decision_date"] in started.filled:
        started.notes.append(
            f"The decision's date, {long_date(date.fromisoformat(when))}, is {source}: change "
            "it if the partners decided on another day."
        )
    if not out.get("name_marks") and rr.get("name_marks"):
        out["name_marks"] = rr["name_marks"]  # the referral's names, still to be kept out
    started.document = fill_computed(LocalReview, out)
    return started


def _blank(value: Any) -> bool:
    return value in (None, "", [], {}) or (
        isinstance(value, Mapping) and not any(as_text(v) for v in value.values())
    )
