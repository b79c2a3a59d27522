"""Agencies' progress on an action plan (section 12), returned as a spreadsheet each agency
fills in, and merged like the Rapid Review's agency returns.

``exports.action_plan.update_sheet`` makes one agency's sheet, in ``UPDATE_COLUMNS``: its
actions only, each row naming the plan's case and source review, with the three columns the
agency fills (status, evidence of completion, evidence of impact). ``add_updates`` reads
returned sheets into the plan: a sheet for another plan or case is refused, naming both; a box
the business unit has already filled differently is kept, and named; nothing else in the plan
changes.

A spreadsheet, not a form file: agencies fill it in Excel, which every agency has, and the
one CSV writer (``exports.spreadsheet``) and reader guard it both ways.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from ...errors import FieldError, InputError
from ...exports.spreadsheet import as_typed, sheet_text
from ..controls import match_key
from .parts import STATUSES

UPDATE_FIELD: Final = "update-file"
#: The columns of an agency's sheet; the last three are the agency's to fill.
UPDATE_COLUMNS: Final = (
    "Case reference", "Source review", "Agency", "Action number", "Recommendation number",
    "Recommendation", "Action",
    "Due date", "Status", "Why no longer needed", "Evidence of completion",
    "Evidence of impact",
)  # fmt: skip
FILLED: Final = {"Status": "status", "Why no longer needed": "why_not_needed",
                 "Evidence of completion": "evidence_of_completion",
                 "Evidence of impact": "evidence_of_impact"}  # fmt: skip
#: How far along each status is: an agency's update moves an action on, never back.
_PROGRESS: Final = {"not_started": 0, "in_progress": 1, "complete": 2, "no_longer_needed": 2}
_STATUS_BY_WORDS: Final = {label.casefold(): key for key, label in STATUSES}
_MAX_BYTES: Final = 1_000_000


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _source(doc: Mapping[str, Any]) -> Mapping[str, Any]:
    value = doc.get("source")
    return value if isinstance(value, Mapping) else {}


def _actions(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    rows = doc.get("actions")
    return [r for r in rows if isinstance(r, Mapping)] if isinstance(rows, list) else []


@dataclass
class Updated:
    document: dict[str, Any]
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def messages(self) -> list[str]:
        out = [f"Updated {', '.join(self.filled)}." if self.filled else "Nothing new to add."]
        out += [f"Kept what the plan says for {k}." for k in self.kept]
        return out


def _read(data: bytes | str, name: str) -> list[dict[str, str]]:
    text = sheet_text(data, name, UPDATE_FIELD, _MAX_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [
        c
        for c in ("Case reference", "Action number", *FILLED)
        if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise InputError.one(
            UPDATE_FIELD, f"{name} is not an agency's update: it has no column '{missing[0]}'"
        )
    return [{k: as_typed(v or "") for k, v in row.items() if k} for row in reader]


def add_updates(doc: Mapping[str, Any], files: Sequence[tuple[str, bytes | str]]) -> Updated:
    """``doc`` with each returned sheet's status and evidence filled into the plan's empty
    boxes. Any problem in any sheet refuses them all, naming the sheet and its row."""
    out = {k: (list(v) if isinstance(v, list) else v) for k, v in doc.items()}
    rows = [dict(r) for r in _actions(doc)]
    out["actions"] = rows
    source = _source(doc)
    ours = (_text(source.get("referral_reference")), _text(source.get("review")))
    result = Updated(out)
    problems: list[str] = []
    for name, data in files:
        for line, row in enumerate(_read(data, name), start=2):
            theirs = (row.get("Case reference", ""), row.get("Source review", ""))
            if match_key(theirs[0]) != match_key(ours[0]) or (
                theirs[1] and ours[1] and match_key(theirs[1]) != match_key(ours[1])
            ):
                problems.append(
                    f"{name} is about case {theirs[0] or 'with no reference'} ({theirs[1]}), "
                    f"not this plan's case {ours[0] or 'with no reference'} ({ours[1]})"
                )
                break
            try:
                number = int(row.get("Action number", ""))
                action = rows[number - 1]
            except (ValueError, IndexError):
                problems.append(f"{name}, row {line}: there is no action "
                                f"{row.get('Action number', '')!r} in the plan")  # fmt: skip
                continue
            if match_key(row.get("Agency", "")) not in ("", match_key(_text(action.get("agency")))):
                problems.append(f"{name}, row {line}: action {number} is not {row['Agency']}'s")
                continue
            for column, key in FILLED.items():
                value = row.get(column, "")
                if key == "status" and value:
                    status = _STATUS_BY_WORDS.get(
                        value.casefold(), value if value in dict(STATUSES) else None
                    )
                    if status is None:
                        allowed = ", ".join(label for _, label in STATUSES)
                        problems.append(f"{name}, row {line}, column 'Status': '{value}' is "
                                        f"not one of: {allowed}")  # fmt: skip
                        continue
                    value = status
                if not value:
                    continue
                words = f"action {number}'s {column.lower()}"
                current = _text(action.get(key))
                moves_on = key == "status" and (
                    _PROGRESS.get(value, 0) > _PROGRESS.get(current, 0)
                )  # fmt: skip
                if current == value:
                    continue
                if not current or moves_on:
                    action[key] = value
                    result.filled.append(words)
                else:
                    result.kept.append(f"{words} ({name} says something else)")
    if problems:
        raise InputError([FieldError(UPDATE_FIELD, p) for p in problems])
    return result
