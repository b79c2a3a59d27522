"""Adding the agencies' scoping returns to a Rapid Review, never overwriting what the
business unit has already written (Appendix 1)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...errors import FieldError, InputError
from ...rules.dates import and_list
from .. import engine
from ..engine import fill_computed
from ..scoping import ScopingReturn
from ..spec import parts
from .model import RapidReview
from .parts import MAX_RETURNS, as_text, date_words

# --------------------------------------------------------------------------------------
# adding the agencies' returns
# --------------------------------------------------------------------------------------


def agency_key(name: str) -> str:
    """An agency's name for matching: case, punctuation, "&" and spacing do not count
    ("Humberside  Police." is "humberside police")."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _letters(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", value).casefold() if c.isalnum())


def involvement_text(ret: Mapping[str, Any]) -> str:
    """The involvement column of an agency's row, from its return."""
    inv = ret.get("involvement") or {}
    lines = []
    if as_text(inv.get("period")):
        lines.append(f"When: {as_text(inv.get('period'))}")
    if as_text(inv.get("nature")):
        lines.append(as_text(inv.get("nature")))
    return "\n".join(lines)


def key_points_text(ret: Mapping[str, Any]) -> str:
    """The key points column of an agency's row, from its return: the analysis, the
    chronology and who wrote and signed it off."""
    analysis = ret.get("analysis") or {}
    other = ret.get("other") or {}
    lines = []
    for label, value in (
        ("Summary", analysis.get("summary")),
        ("What went well", analysis.get("went_well")),
        ("Concerns or areas for improvement", analysis.get("concerns")),
        ("Immediate action", analysis.get("immediate_action")),
        ("Learning identified", analysis.get("learning")),
        ("Support for staff", other.get("staff_welfare")),
        ("Other processes", other.get("other_processes")),
    ):
        if as_text(value):
            lines.append(f"{label}: {as_text(value)}")
    chronology = [r for r in ret.get("chronology") or [] if isinstance(r, Mapping)]
    if chronology:
        lines.append("Chronology:")
        for row in chronology:
            who = f" ({as_text(row.get('who'))})" if as_text(row.get("who")) else ""
            when, kind = date_words(row.get("date")), as_text(row.get("contact_type"))
            head = ", ".join(x for x in (when, kind) if x)
            lines.append(f"• {head}{who}: {as_text(row.get('what_happened'))}")
    agency = ret.get("agency") or {}
    by = ", ".join(
        x for x in (as_text(agency.get("author_name")), as_text(agency.get("author_role"))) if x
    )
    if by:
        signed = ""
        if as_text(agency.get("dsl_name")):
            when = f" on {date_words(agency.get('dsl_date'))}" if agency.get("dsl_date") else ""
            signed = f"; signed off by {as_text(agency.get('dsl_name'))}{when}"
        contact = (
            f" ({as_text(agency.get('author_contact'))})"
            if as_text(agency.get("author_contact"))
            else ""
        )
        lines.append(f"From the return by {by}{contact}{signed}.")
    return "\n".join(lines)


#: Case details a return can fill in when the Rapid Review's are blank: (RR field, return
#: path, words for the message).
_CASE_FROM_RETURN = (
    ("referral_reference", ("case", "referral_reference"), "the referral reference"),
    ("child_initials", ("case", "child_initials"), "the child's initials"),
    ("child_age", ("case", "child_age"), "the child's age"),
    ("referral_date", ("case", "referral_date"), "the date the referral was received"),
)


@dataclass
class Added:
    """What adding returns did: each agency named once, in the order of the files."""

    document: dict[str, Any]
    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    case_filled: list[str] = field(default_factory=list)
    refused: list[FieldError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.filled or self.case_filled)

    def messages(self) -> list[str]:
        """What happened, in sentences for the page and the CLI."""
        out = []
        if self.added:
            n = len(self.added)
            out.append(f"Added {n} {'agency' if n == 1 else 'agencies'}: {and_list(self.added)}.")
        for name in self.filled:
            out.append(
                f"{name} was already listed: its empty boxes were filled in from its return, "
                "and what you had written was kept."
            )
        for name in self.unchanged:
            out.append(f"{name} was already listed: nothing was changed.")
        if self.case_filled:
            out.append(f"Filled in {and_list(self.case_filled)} from the returns.")
        out += [f"{e.message}." for e in self.refused]
        if self.refused and not self.changed:
            out.append("Nothing was added: your answers have not changed.")
        return out


def _max_agency_rows() -> int:
    (part,) = [p for p in parts(RapidReview) if p.name == "agency_returns"]
    assert part.repeat is not None
    return part.repeat.max_items


def add_returns(
    rr_doc: Mapping[str, Any], returns: Sequence[tuple[str, Mapping[str, Any]]]
) -> Added:
    """Put one row per agency into a Rapid Review document, from agencies' scoping returns
    (already read with ``engine.read_file``): ``returns`` is ``(file name, document)``.

    Each agency appears once (names are matched with ``agency_key``). A row already there
    keeps every box the user wrote in; only its empty boxes are filled. A return for another
    referral, or for a child with other initials, is refused, naming its file."""
    doc = {k: v for k, v in rr_doc.items()}
    case = dict(doc.get("case") or {})
    rows = [dict(r) for r in doc.get("agency_returns") or [] if isinstance(r, Mapping)]
    max_rows = _max_agency_rows()
    result = Added(document=doc)
    index = {agency_key(as_text(r.get("agency"))): r for r in rows if as_text(r.get("agency"))}
    seen: set[str] = set()
    for name, ret in returns[:MAX_RETURNS]:
        ret_case = ret.get("case") or {}
        agency = as_text((ret.get("agency") or {}).get("agency"))
        if not agency:
            result.refused.append(
                FieldError("files", f"{name} does not name its agency: it was not added")
            )
            continue
        ours, theirs = (
            as_text(case.get("referral_reference")),
            as_text(ret_case.get("referral_reference")),
        )
        if ours and theirs and agency_key(ours) != agency_key(theirs):
            result.refused.append(
                FieldError(
                    "files",
                    f"{name} is a return for referral {theirs}, not {ours}: it was not added",
                )
            )
            continue
        ours, theirs = as_text(case.get("child_initials")), as_text(ret_case.get("child_initials"))
        if ours and theirs and _letters(ours) != _letters(theirs):
            result.refused.append(
                FieldError(
                    "files",
                    f"{name} is about a child with the initials {theirs}, not {ours}: it was "
                    "not added",
                )
            )
            continue
        if agency_key(agency) not in index and len(rows) >= max_rows:
            result.refused.append(
                FieldError(
                    "files",
                    f"{name} was not added: the Rapid Review already has {max_rows} "
                    "agencies, the most it takes",
                )
            )
            continue
        for rr_field, (part, key), words in _CASE_FROM_RETURN:
            value = as_text((ret.get(part) or {}).get(key))
            if value and not as_text(case.get(rr_field)):
                case[rr_field] = value
                result.case_filled.append(words)
        fresh = {
            "agency": agency,
            "involvement": involvement_text(ret),
            "key_points": key_points_text(ret),
        }
        key = agency_key(agency)
        row = index.get(key)
        if row is None:
            rows.append(fresh)
            index[key] = fresh
            result.added.append(agency)
            seen.add(key)
            continue
        changed = False
        for box in ("involvement", "key_points"):
            if not as_text(row.get(box)) and fresh[box]:
                row[box] = fresh[box]
                changed = True
        shown = as_text(row.get("agency"))
        if key in seen:
            continue  # named once: a second file for an agency just added says nothing new
        seen.add(key)
        (result.filled if changed else result.unchanged).append(shown)
    if len(returns) > MAX_RETURNS:
        result.refused.append(
            FieldError(
                "files", f"Add at most {MAX_RETURNS} returns at a time: the rest were not added"
            )
        )
    doc["case"] = case
    doc["agency_returns"] = rows
    result.document = fill_computed(RapidReview, doc)
    return result


def read_returns(
    files: Sequence[tuple[str, str | bytes]],
) -> tuple[list[tuple[str, dict[str, Any]]], list[FieldError]]:
    """Read scoping-return files, keeping those that are saved returns and a message, naming
    the file, for each that is not (broken, too big, of another kind or version)."""
    good: list[tuple[str, dict[str, Any]]] = []
    bad: list[FieldError] = []
    for name, content in files:
        try:
            good.append((name, engine.read_file(ScopingReturn, content, name)))
        except InputError as exc:
            bad.extend(FieldError("files", e.message) for e in exc.errors)
    return good, bad
