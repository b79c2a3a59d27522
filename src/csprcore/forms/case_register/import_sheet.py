"""A register started from the unit's spreadsheet, saved as CSV.

The register's own CSV export is read by its column labels, so an export imported again gives
the same cases and dates. Any other sheet is read through a mapping of its columns to the
register's names (``--map "Column=event"``: an event id such as ``referral``, or
``reference``, ``child_initials``, ``child_age``, ``review_kind``, ``notification``). Columns
it does not use are listed and ignored. A cell that is not what its column holds is refused,
naming its row (as the spreadsheet numbers it) and its column, and nothing is made.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from ...errors import FieldError, InputError
from ...exports.spreadsheet import as_typed, sheet_text
from ...rules.register import NOTIFICATIONS, REGISTER_EVENTS, REVIEW_KINDS
from .register_file import MAX_BYTES, MAX_CASES, check_register, empty_dates, new_register

#: Where a problem with the sheet is reported (the page's "start from a spreadsheet" box).
SHEET_FIELD: Final = "sheet"
#: The case's own fields a column can fill (besides every event's date).
CASE_FIELDS: Final = ("reference", "child_initials", "child_age", "review_kind", "notification")
#: The register's own export: each column label and what it holds. The other columns of the
#: export (stage, next deadline...) are worked out by the core, so they are not read back.
OWN_COLUMNS: Final[dict[str, str]] = {
    "Reference": "reference",
    "Child's initials": "child_initials",
    "Child's age": "child_age",
    "Kind of review": "review_kind",
    "Who notified the Panel": "notification",
    **{e.label: e.id for e in REGISTER_EVENTS},
}
_DMY: Final = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MAX_PROBLEMS: Final = 20


@dataclass
class Imported:
    register: dict[str, Any]
    used: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    def messages(self, name: str) -> list[str]:
        n = len(self.register["cases"])
        out = [f"Imported {n} case{'' if n == 1 else 's'} from {name}."]
        if self.ignored:
            out.append(f"Not used: {', '.join(self.ignored)}.")
        return out


def targets() -> tuple[str, ...]:
    """Every name a column can be mapped to."""
    return (*CASE_FIELDS, *(e.id for e in REGISTER_EVENTS))


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``["Column=event", ...]`` as a mapping, each target checked."""
    known = targets()
    out: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column.strip():
            raise InputError.one("map", f"'{pair}' is not Column=event")
        if target.strip() not in known:
            raise InputError.one(
                "map", f"'{target.strip()}' is not a register field; use one of: {', '.join(known)}"
            )
        out[column.strip()] = target.strip()
    return out


def _date(value: str) -> str | None:
    if not value:
        return None
    try:
        match = _DMY.match(value)
        if match:
            day, month, year = (int(x) for x in match.groups())
            return date(year, month, day).isoformat()
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"'{value}' is not a date: use 2026-11-30 or 30/11/2026") from None


def _choice(value: str, choices: Mapping[str, str], what: str) -> str | None:
    if not value:
        return None
    for key, label in choices.items():
        if value.casefold() in (key.casefold(), label.casefold()):
            return key
    raise ValueError(f"'{value}' is not {what}; use one of: {', '.join(choices.values())}")


#: The case's fields as the page's mapping names them.
FIELD_LABELS: Final = {
    "reference": "Case reference",
    "child_initials": "Child's initials",
    "child_age": "Child's age",
    "review_kind": "Kind of review",
    "notification": "Who notified the Panel",
}


def target_labels() -> list[tuple[str, str]]:
    """Every field a column can fill, with its words, in the register's order."""
    return [*FIELD_LABELS.items(), *((e.id, e.label) for e in REGISTER_EVENTS)]


def _rows(data: str | bytes, name: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(sheet_text(data, name, SHEET_FIELD, MAX_BYTES), newline="")))
    if not rows or not any(c.strip() for c in rows[0]):
        raise InputError.one(SHEET_FIELD, f"{name} has no header row")
    return rows


def _suggested(column: str) -> str | None:
    """What a column holds, where its heading says so: the register's own label, a field's
    name or words, case and spaces aside."""
    if column in OWN_COLUMNS:
        return OWN_COLUMNS[column]
    plain = " ".join(column.casefold().replace("_", " ").split())
    for target, label in target_labels():
        if plain in (target.casefold().replace("_", " ").replace("-", " "), label.casefold()):
            return target
    return None


def sheet_columns(data: str | bytes, name: str) -> tuple[list[str], dict[str, str]]:
    """The sheet's header row, and what each column seems to hold where its heading says."""
    header = [c.strip() for c in _rows(data, name)[0]]
    suggested = {c: t for c in header if c and (t := _suggested(c))}
    return header, suggested


def import_sheet(
    data: str | bytes, name: str, mapping: Mapping[str, str] | None = None
) -> Imported:
    rows = _rows(data, name)
    header = [c.strip() for c in rows[0]]
    known = set(targets())
    used: dict[str, str] = {}
    for i, column in enumerate(header):
        target = (mapping or {}).get(column) or OWN_COLUMNS.get(column)
        if target is None and column in known:
            target = column
        if target is not None and column:
            used[str(i)] = target
    if mapping:
        missing = [c for c in mapping if c not in header]
        if missing:
            raise InputError.one(SHEET_FIELD, f"{name} has no column '{missing[0]}'")
    taken = list(used.values())
    double = next((t for t in taken if taken.count(t) > 1), None)
    if double:
        raise InputError.one(SHEET_FIELD, f"{name}: two columns fill {double}; map only one")
    if "reference" not in used.values():
        raise InputError.one(
            SHEET_FIELD,
            f"{name} has no column for the case reference: say which column holds it "
            '(in the CLI: --map "Column=reference")',
        )
    body = [r for r in rows[1:] if any(c.strip() for c in r)]
    if len(body) > MAX_CASES:
        raise InputError.one(
            SHEET_FIELD, f"{name} has {len(body)} rows; a register holds up to {MAX_CASES}"
        )
    problems: list[str] = []
    cases: list[dict[str, Any]] = []
    line_of: list[int] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        case: dict[str, Any] = {"dates": empty_dates(), "open_actions": [], "filled_from": {}}
        for index, target in used.items():
            i = int(index)
            value = as_typed(row[i]) if i < len(row) else ""
            try:
                if target in ("reference", "child_initials", "child_age"):
                    case[target] = value
                elif target == "review_kind":
                    case[target] = _choice(value, REVIEW_KINDS, "a kind of review")
                elif target == "notification":
                    case[target] = _choice(value, NOTIFICATIONS, "who notified the Panel")
                else:
                    case["dates"][target] = _date(value)
            except ValueError as exc:
                problems.append(f"Row {number}, column '{header[i]}': {exc}")
        cases.append(case)
        line_of.append(number)
    if problems:
        raise _refused(name, problems)
    try:
        checked = check_register({**new_register(), "cases": cases}, name)
    except InputError as exc:
        # The register names "Case 3 (REF)": the sheet's reader wants the row.
        renamed = [
            re.sub(r"Case (\d+)", lambda m: f"Row {line_of[int(m.group(1)) - 1]}", e.message)
            for e in exc.errors
        ]
        problems = [m.removeprefix(f"{name} cannot be opened. ") for m in renamed]
        raise _refused(name, problems) from None
    ignored = [c for i, c in enumerate(header) if str(i) not in used and c]
    return Imported(checked.doc, {header[int(i)]: t for i, t in used.items()}, ignored)


def _refused(name: str, problems: list[str]) -> InputError:
    shown = problems[:_MAX_PROBLEMS]
    errors = [FieldError(SHEET_FIELD, f"{name} was not imported. {p}") for p in shown]
    if len(problems) > len(shown):
        errors.append(
            FieldError(SHEET_FIELD, f"{name} has {len(problems) - len(shown)} more problems")
        )
    return InputError(errors)
